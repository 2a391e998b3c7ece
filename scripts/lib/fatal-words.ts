/**
 * The language a run's error is said in: `--lang` when given (before the
 * arguments are parsed, as the argument list writes it: `argvLocale`), else
 * the config's `locale` once the command knows where the config is, else
 * English (when the config cannot be read, it may be the very problem being
 * reported; reading it for the language never changes what is reported).
 * The Korean rules of the fatal input problems are loaded only when there is
 * one to say in Korean; the command line's own messages (argument errors,
 * outputs that cannot be written) are said from src/lib/i18n/cli-messages.ts.
 */
import { ConfigError } from '../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import type { FatalText } from '../../src/lib/i18n/fatal-text.ts';
import { isLocale, type Locale } from '../../src/lib/i18n/locales.ts';

/** How reportError says an error: its language, and (a fatal input problem's) the message in it. */
export interface FatalWords {
  locale: Locale;
  say?: (error: FatalText) => string;
}

/** The words for `error` when `locale()` is not English; undefined otherwise (English as written). */
export async function fatalWords(error: unknown, locale: () => Promise<Locale>): Promise<FatalWords | undefined> {
  let language: Locale;
  try {
    language = await locale();
  } catch {
    language = 'en';
  }
  if (language === 'en') return undefined;
  if (!(error instanceof IngestFatalError || error instanceof ConfigError)) return { locale: language };
  const { fatalText } = await import('../../src/lib/i18n/fatal-text.ts');
  return { locale: language, say: (e) => fatalText(e, language) };
}

/**
 * `--lang`'s language as the arguments give it (`--lang ko`, `--lang=ko`), read before they are parsed,
 * so that an argument error is said in it too; undefined when not given or not a language. A `--lang`
 * is never another option's value (parseArgs refuses a value that starts with `--`).
 */
export function argvLocale(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLocale(value) ? value : undefined;
  }
  return undefined;
}
