/**
 * The Win / loss page's win-rate table: the won and lost deals of the window
 * with their shares, so the page states the win rate it is about (its rows
 * once held only the counts and amounts under a "Win rate" caption).
 * Sample figures as of 2026-06-30: 205 won (₩51,110,524,000) and 498 lost
 * (₩121,654,804,000): 205 / 703 = 29.2 % of the deals, 51.11 / 172.77 =
 * 29.6 % of the amount.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });
const winRate = (locale: 'en' | 'ko') => winLossModel(pageContext(site, locale)).tables.find((t) => t.id === 'win-rate')!;

describe('the win-rate table of the Win / loss page', () => {
  it('states the win rate by count and by value, and gives the CSV each row\'s shares', () => {
    const t = winRate('en');
    expect(t.caption).toBe('Win rate: deals closed in the analysis window');
    // On the page the win rate is a row of its own under the figures (three columns fit a phone); the CSV has each row's shares.
    expect(t.headers.map((h) => h.label)).toEqual(['Category', 'Deals', 'Amount']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Won', '205', '₩51.1B'],
      ['Lost', '498', '₩122B'],
      ['Win rate', '29%', '30%'],
    ]);
    expect(t.totalRows).toBe(1);
    expect(t.rows[2]!.every((c) => c.tone === 'total')).toBe(true);
    expect(t.csv.headers).toEqual(['Category', 'Deals', 'Share of deals', 'Amount', 'Share of amount']);
    const [won, lost] = t.csv.rows;
    expect(won!.slice(0, 2)).toEqual(['Won', 205]);
    // Compact on the page, as the page's charts and tiles; exact in the CSV.
    expect(won![3]).toBe(51_110_524_000);
    expect(won![2]).toBeCloseTo(205 / 703, 2);
    expect(won![4]).toBeCloseTo(51_110_524_000 / 172_765_328_000, 2);
    expect(lost![2]).toBeCloseTo(498 / 703, 2);
    expect(lost![4]).toBeCloseTo(121_654_804_000 / 172_765_328_000, 2);
    // The won row's shares are the engine's win rates, not a second computation of them.
    expect(won![2]).toBeCloseTo(site.metrics.win_rate.by_count!, 2);
    expect(won![4]).toBeCloseTo(site.metrics.win_rate.by_value!, 2);
  });

  it('says it in Korean', () => {
    const t = winRate('ko');
    expect(t.caption).toBe('수주율: 분석 기간에 마감된 딜');
    expect(t.headers.map((h) => h.label)).toEqual(['구분', '건수', '금액']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['수주', '205', '511억원'],
      ['실주', '498', '1,217억원'],
      ['수주율', '29%', '30%'],
    ]);
    expect(t.csv.headers).toEqual(['구분', '건수', '건수 비중', '금액', '금액 비중']);
  });
});
