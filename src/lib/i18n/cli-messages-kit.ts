/**
 * The pieces the command line's own messages are made of (cli-messages.ts):
 * an entry is a pair of renderers of the same parameters, English and
 * Korean, so that a message is made once, with its values, and said in the
 * language of the run when it is reported. Lists and counts of entries are
 * said here in both languages.
 */
import type { Locale } from './locales.ts';

/** One message: its English and its Korean, of the same parameters (none: `void`). */
export interface Texts<P> {
  en: (p: P) => string;
  ko: (p: P) => string;
}

/** An entry (the parameters' type is read from the English renderer's). */
export const texts = <P = void>(en: (p: P) => string, ko: (p: P) => string): Texts<P> => ({ en, ko });

/** Names for a message: the first `max`, then how many more ("a, b and 3 more"; "a, b 외 3개"). */
export function listed(items: readonly string[], max: number, locale: Locale): string {
  const shown = items.slice(0, max).join(', ');
  if (items.length <= max) return shown;
  return locale === 'ko' ? `${shown} 외 ${items.length - max}개` : `${shown} and ${items.length - max} more`;
}

/** "an entry", "2 entries"; "항목 1개", "항목 2개". */
export const entriesEn = (n: number): string => (n === 1 ? 'an entry' : `${n} entries`);
export const entriesKo = (n: number): string => `항목 ${n}개`;

/** "it" or "them", after a count. */
export const themEn = (n: number): string => (n === 1 ? 'it' : 'them');

/** The first five dates (or dated items), then "...": the same in both languages. */
export function dateList(dates: readonly string[]): string {
  return dates.length <= 5 ? dates.join(', ') : `${dates.slice(0, 5).join(', ')}, ...`;
}
