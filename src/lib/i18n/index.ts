/**
 * UI strings per locale, and the few lookups that turn metrics.json codes
 * (flags, forecast buckets, "(unspecified)", configured stage labels) into
 * words. Pair `messages(locale)` with `createFormatter(locale, currency)`:
 *
 *   const { m, f } = localize('ko', 'KRW');
 *   m.tiles.openPipeline                 // '진행 중 파이프라인'
 *   m.common.asOf({ date: asOf }, f)     // '2025. 6. 30. 기준'
 */
import { createFormatter, type Formatter } from '../format/index.ts';
import { en, type Messages } from './en.ts';
import { ko } from './ko.ts';
import { isolatingParams } from './bidi.ts';
import { type Locale, localizedText } from './locales.ts';

export { DEFAULT_LOCALE, LOCALE_NAMES, LOCALE_TAGS, LOCALES, isLocale, localizedText, type Locale } from './locales.ts';
export { josa, type JosaPair } from './josa.ts';
export { isolated } from './bidi.ts';
export { codeLabel, codeLabels, type CodeLabels, humanizeCode, isCode } from './codes.ts';
export type { Messages } from './en.ts';

// A right-to-left name in a sentence is isolated, so that the digits after it stay in their place (bidi.ts).
const CATALOGUES: Record<Locale, Messages> = { en: isolatingParams(en), ko: isolatingParams(ko) };

/** Every UI string of `locale`. */
export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** Short alias of `messages`. */
export const t = messages;

/** Messages and a matching formatter for one page. */
export function localize(locale: Locale, currency: string): { m: Messages; f: Formatter } {
  return { m: messages(locale), f: createFormatter(locale, currency) };
}

/** A deal flag as metrics.json names it. */
export type FlagName = keyof Messages['flags'];

/** A flag in words; `pushed` names the number of pushes when it is known, and the close date first pushed from. */
export function flagLabel(m: Messages, f: Formatter, flag: FlagName, pushes?: number, pushedFrom?: string | null): string {
  return flag === 'pushed' && pushes !== undefined && pushes > 0 ? m.pushedTimes({ count: pushes, date: pushedFrom ?? null }, f) : m.flags[flag];
}

/** A forecast bucket: 'overdue' / 'later' / 'unscheduled' in words, a `YYYY-MM` month as a month. */
export function bucketLabel(m: Messages, f: Formatter, bucket: string): string {
  if (bucket === 'overdue' || bucket === 'later' || bucket === 'unscheduled') return m.forecastBucket[bucket];
  return f.month(bucket);
}

/** The sentinel metrics.json uses for empty reasons and teams. */
export const UNSPECIFIED = '(unspecified)';

/** A name from the data (reason, team, competitor), with the empty sentinel translated. */
export function nameLabel(m: Messages, name: string): string {
  return name === UNSPECIFIED || name === '' ? m.common.unspecified : name;
}

/**
 * A configured stage's label in `locale`: its label in that language, else
 * in English, else any label given, else the stage id.
 */
export function stageLabel(stage: { id: string; label?: Record<string, string> | null }, locale: Locale): string {
  return localizedText(stage.label, locale) ?? stage.id;
}
