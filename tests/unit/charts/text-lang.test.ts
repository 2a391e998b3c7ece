/**
 * A chart's label in the other language than its page's (a name from the data: a Korean owner or reason on an
 * English page, a competitor written in English on a Korean one) is marked with its language, as a table cell is;
 * the chart's own words, in its locale, are not.
 */
import { describe, expect, it } from 'vitest';
import { competitorsChart, lossReasonsChart, type ChartOutput } from '../../../src/lib/charts/index.ts';
import { chartTexts } from '../../../src/lib/i18n/chart-text.ts';
import { fakeFormat } from './helpers.ts';

/** Each <text> of an SVG: its words (tspans joined) and its lang attribute. */
function texts(svg: string): { text: string; lang: string | null }[] {
  return [...svg.matchAll(/<text([^>]*)>(.*?)<\/text>/gsu)].map((m) => ({
    text: m[2]!.replace(/<[^>]+>/gu, ''),
    lang: /\slang="([^"]+)"/u.exec(m[1]!)?.[1] ?? null,
  }));
}

const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;

/** Every text of both variants is marked exactly when it is in the other script alone (Hangul wins a mixed label, as in text-lang.ts). */
function expectMarked(out: ChartOutput, page: 'en' | 'ko'): { marked: string[] } {
  const all = [...texts(out.svg), ...texts(out.narrowSvg ?? '')];
  expect(all.length).toBeGreaterThan(5);
  for (const t of all) {
    const other = page === 'en' ? HANGUL.test(t.text) : LATIN.test(t.text) && !HANGUL.test(t.text);
    expect([t.text, t.lang]).toEqual([t.text, other ? (page === 'en' ? 'ko' : 'en') : null]);
  }
  return { marked: all.filter((t) => t.lang !== null).map((t) => t.text) };
}

const competitors = {
  competitors: [
    { label: 'Trumpf', won: 3, lost: 5, winRate: 3 / 8 },
    { label: '두산로보틱스', won: 2, lost: 2, winRate: 0.5 },
    { label: 'Hanwha 정밀기계', won: 1, lost: 4, winRate: 0.2 },
  ],
};

describe('chart labels in the other language', () => {
  it('competitors: a Korean name on an English page, an English one on a Korean page', () => {
    for (const locale of ['en', 'ko'] as const) {
      const out = competitorsChart(competitors, { locale, fmt: fakeFormat, text: chartTexts(locale).competitors });
      const { marked } = expectMarked(out, locale);
      expect(marked).toContain(locale === 'en' ? '두산로보틱스' : 'Trumpf');
      // The chart's own words (its key, its axis) are the page's.
      expect(marked.some((t) => t.includes(chartTexts(locale).competitors.key.won))).toBe(false);
    }
  });

  it('loss reasons: reasons written in Korean on an English page, in English on a Korean one', () => {
    const vm = {
      reasons: [
        { label: '가격', count: 12, amount: 900, highlight: true },
        { label: 'No budget', count: 7, amount: 500 },
        { label: '경쟁사 선택', count: 4, amount: 300 },
      ],
    };
    for (const locale of ['en', 'ko'] as const) {
      const out = lossReasonsChart(vm, { locale, fmt: fakeFormat, text: chartTexts(locale).lossReasons });
      const { marked } = expectMarked(out, locale);
      expect(marked.some((t) => t.includes(locale === 'en' ? '가격' : 'No budget'))).toBe(true);
    }
  });
});
