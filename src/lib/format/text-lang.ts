/**
 * The language of a text from the data (a deal, account, owner or stage name) where it differs from its
 * page's: a Korean name on an English page ('영진테크 팔레타이징 로봇 셀') is marked lang="ko", so a screen
 * reader reads it with a Korean voice rather than spelling it out or skipping it; an English name on a Korean
 * page ('Union Robotics Korea'), lang="en". Told by script: Hangul is Korean; Latin letters without Hangul,
 * English. Text without letters (a number, an amount, a date) has no language of its own.
 */
import type { Locale } from '../i18n/locales.ts';

const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;

/** The `lang` of `text` shown on a `page` page, or undefined when it is the page's own. */
export function otherLang(text: string, page: Locale): Locale | undefined {
  if (HANGUL.test(text)) return page === 'ko' ? undefined : 'ko';
  if (LATIN.test(text)) return page === 'en' ? undefined : 'en';
  return undefined;
}
