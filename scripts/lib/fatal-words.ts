/**
 * The language a run's fatal error is said in: `--lang` when given, else the
 * config's `locale`, else English (when the config cannot be read, it may be
 * the very problem being reported). The Korean rules are loaded only when
 * there is an error to say in Korean.
 */
import { ConfigError } from '../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import type { FatalText } from '../../src/lib/i18n/fatal-text.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';

/** How fatalMessage says an error: its language, and the message in it. */
export interface FatalWords {
  locale: Locale;
  say: (error: FatalText) => string;
}

/** The words for `error` when it is a fatal input problem and `locale()` is not English; undefined otherwise (English as written). */
export async function fatalWords(error: unknown, locale: () => Promise<Locale>): Promise<FatalWords | undefined> {
  if (!(error instanceof IngestFatalError || error instanceof ConfigError)) return undefined;
  const language = await locale();
  if (language === 'en') return undefined;
  const { fatalText } = await import('../../src/lib/i18n/fatal-text.ts');
  return { locale: language, say: (e) => fatalText(e, language) };
}
