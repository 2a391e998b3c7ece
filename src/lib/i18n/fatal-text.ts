/**
 * The problems that stop a run (IngestFatalError, ConfigError) in the
 * user's language. Ingest writes each message in English with a stable code
 * (ingest/fatal-codes.ts); for Korean, the rules of its code read the
 * message's parameters (file, column, value) back and say the same in Korean,
 * as issue-text.ts does for the data-quality issues. Wording no rule
 * recognises keeps its English: never a wrong sentence.
 */
import type { FatalCode } from '../ingest/fatal-codes.ts';
import { type Rule, sayWith } from './issue-rules.ts';
import { CONFIG_FATAL_RULES } from './fatal-text-config.ts';
import { EXPORT_FATAL_RULES } from './fatal-text-exports.ts';
import { FILE_FATAL_RULES } from './fatal-text-files.ts';
import type { Locale } from './locales.ts';

/** The fields of a fatal error the translation reads. */
export interface FatalText {
  code: FatalCode;
  message: string;
  /** The file it names (an IngestFatalError's): a config's problems are one line each, each starting with it. */
  file?: string | undefined;
}

/** Korean rules by code. A code missing here is untranslated (tests/unit/i18n/fatal-text.test.ts lists the known ones). */
export const FATAL_RULES: Partial<Record<FatalCode, readonly Rule[]>> = { ...FILE_FATAL_RULES, ...CONFIG_FATAL_RULES, ...EXPORT_FATAL_RULES };

/** Codes whose message is a list of lines, one problem each (config-messages.ts), said one by one. */
const LINE_CODES: ReadonlySet<FatalCode> = new Set(['config_invalid', 'config_duplicate_key', 'config_proto_key']);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * A message's lines: its own, or, once ingest joined them with "; " (dataset-builder.ts), the
 * pieces that start with the file's name again.
 */
function linesOf(message: string, file: string | undefined): string[] {
  const lines = message.split('\n');
  if (!file) return lines;
  const next = new RegExp(`; (?=${escaped(file)}: )`, 'u');
  return lines.flatMap((line) => line.split(next));
}

/** A fatal error's message in `locale`: English as ingest wrote it, or the Korean of a recognised one. */
export function fatalText(error: FatalText, locale: Locale): string {
  if (locale === 'en') return error.message;
  const rules = Object.hasOwn(FATAL_RULES, error.code) ? FATAL_RULES[error.code]! : [];
  if (LINE_CODES.has(error.code)) {
    const lines = linesOf(error.message, error.file);
    const said = lines.map((line) => sayWith(rules, line) ?? line);
    // Joined as the lines were: a message ingest joined with "; " stays one line.
    return said.join(error.message.includes('\n') ? '\n' : '; ');
  }
  return sayWith(rules, error.message) ?? error.message;
}
