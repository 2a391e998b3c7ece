/**
 * The command line's own messages in the user's language: argument errors
 * (exit 2), outputs that cannot be written, data that cannot be read and
 * the problems of the snapshots (exit 1), the build's lines about entries
 * of `--out` it did not write, the notice of a config `--config` replaces,
 * and `npm run preview`'s lines (the address it serves at, a folder with no site).
 * A message is made where the problem is found, as a code and its values
 * (`msg('needs_value', { name: 'out' })`), and said when it is reported, in
 * `--lang`'s language or the config's (scripts/lib/fatal-words.ts). This is
 * the one list of them, by concern in the modules it joins; every entry has
 * English and Korean (tests/unit/i18n/cli-messages.test.ts). Option names,
 * paths, values, dates and commands stay as written.
 */
import { FILE_MESSAGES } from './cli-messages-files.ts';
import type { Texts } from './cli-messages-kit.ts';
import { OPTION_MESSAGES } from './cli-messages-options.ts';
import { OUT_MESSAGES } from './cli-messages-out.ts';
import { PREVIEW_MESSAGES } from './cli-messages-preview.ts';
import { SNAPSHOT_MESSAGES } from './cli-messages-snapshots.ts';
import type { Locale } from './locales.ts';

export type { FolderKind } from './cli-messages-out.ts';
export type { Stuck } from './cli-messages-files.ts';
export type { SnapshotBand } from './cli-messages-snapshots.ts';

export const CLI_MESSAGES = { ...OPTION_MESSAGES, ...OUT_MESSAGES, ...FILE_MESSAGES, ...SNAPSHOT_MESSAGES, ...PREVIEW_MESSAGES };

export type CliMessageCode = keyof typeof CLI_MESSAGES;
type ParamsOf<C extends CliMessageCode> = (typeof CLI_MESSAGES)[C] extends Texts<infer P> ? P : never;

/** A message made where its problem was found: its code and values, said in a language later. */
export type CliMessage = { [C in CliMessageCode]: [ParamsOf<C>] extends [void] ? { code: C; params?: undefined } : { code: C; params: ParamsOf<C> } }[CliMessageCode];

/** The message of `code` with its values. */
export function msg<C extends CliMessageCode>(code: C, ...params: [ParamsOf<C>] extends [void] ? [] : [ParamsOf<C>]): CliMessage {
  return { code, params: params[0] } as CliMessage;
}

/** Whether `code` is a message of the list (a message sent back by the extraction's process is checked). */
export const isCliMessageCode = (code: unknown): code is CliMessageCode => typeof code === 'string' && Object.hasOwn(CLI_MESSAGES, code);

/** `message` in `locale`. */
export function cliMessage(message: CliMessage, locale: Locale): string {
  const texts = CLI_MESSAGES[message.code] as Texts<unknown>;
  return texts[locale](message.params);
}
