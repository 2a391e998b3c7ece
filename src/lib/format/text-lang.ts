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

/**
 * The `lang` of a sentence the page writes (a data-quality message, why a deal is stalled), which may quote names
 * from the data: the other language only when none of its letters is in the page's script, a sentence of the page's
 * with a Korean stage name in it ('stage is "negotiate" (협상) but ...') being the page's, not Korean.
 */
export function sentenceLang(text: string, page: Locale): Locale | undefined {
  const own = page === 'ko' ? HANGUL : LATIN;
  return own.test(text) ? undefined : otherLang(text, page);
}

/** A run of words in the other script: Hangul words on an English page, Latin words (with their digits and marks) on a Korean one. */
const OTHER_RUN: Record<Locale, RegExp> = {
  en: /\p{Script=Hangul}(?:[\p{Script=Hangul}\d·.\-]|\s+(?=[\d(]*\p{Script=Hangul}))*/gu,
  ko: /\p{Script=Latin}(?:[\p{Script=Latin}\d&.'’\-]|\s+(?=[\d(]*\p{Script=Latin}))*/gu,
};

/**
 * A sentence of the page's with names from the data in it ('가장 자주 맞붙은 경쟁사는 Hanwha Precision으로, ...'),
 * in runs: each run of words in the other script carries that language, so a screen reader reads the name in
 * its own voice and the rest in the page's. One run without `lang` when there is none.
 */
export function langRuns(text: string, page: Locale): { text: string; lang?: Locale }[] {
  const runs: { text: string; lang?: Locale }[] = [];
  const other: Locale = page === 'en' ? 'ko' : 'en';
  let at = 0;
  for (const m of text.matchAll(OTHER_RUN[page])) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ text: m[0], lang: other });
    at = m.index + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at) });
  return runs;
}
