/**
 * Table headers that say what their rows hold, CSV column names that are
 * unique and say what they hold, and count tiles with their unit, on the
 * sample in both languages.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import { changesModel, overviewModel, pageContext, PAGES, pageTables, velocityModel, waterfallModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

describe('the sample (as of 2026-06-30)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const ctx = (locale: 'en' | 'ko') => pageContext(site, locale);

  it('the velocity inputs are counts, rates, amounts and days under "Input | Value", not "Category | Amount"', () => {
    const en1 = velocityModel(ctx('en')).tables.find((t) => t.id === 'velocity-inputs')!;
    expect(en1.headers.map((h) => h.label)).toEqual(['Input', 'Value']);
    expect(en1.csv.headers).toEqual(['Input', 'Value']);
    expect(en1.rows.map((r) => r[0]!.text)).toEqual(['Open deals', 'Win rate', 'Average won amount', 'Mean won cycle (days)', 'Per day']);
    const ko1 = velocityModel(ctx('ko')).tables.find((t) => t.id === 'velocity-inputs')!;
    expect(ko1.headers.map((h) => h.label)).toEqual(['입력 요소', '값']);
    expect(ko1.headers.map((h) => h.label)).not.toContain('금액');
  });

  it('the slippage figures (two counts and a share) are under "Measure | Value", not "Category | Deals"', () => {
    const en1 = waterfallModel(ctx('en')).tables.find((t) => t.id === 'slippage')!;
    expect(en1.headers.map((h) => h.label)).toEqual(['Measure', 'Value']);
    const ko1 = waterfallModel(ctx('ko')).tables.find((t) => t.id === 'slippage')!;
    expect(ko1.headers.map((h) => h.label)).toEqual(['지표', '값']);
  });

  it('the changes tables name the stage IDs before and after apart in their CSV', () => {
    const moved = (locale: 'en' | 'ko') => changesModel(ctx(locale)).sections.find((s) => s.kind === 'advanced')!.table;
    expect(moved('en').csv.headers.slice(4, 8)).toEqual(['Stage ID then', 'Stage then', 'Stage ID now', 'Stage now']);
    expect(moved('ko').csv.headers.slice(4, 8)).toEqual(['이전 단계 ID', '이전 단계', '현재 단계 ID', '현재 단계']);
    // The IDs are the stages' codes, the names their labels.
    const row = moved('en').csv.rows[0]!;
    expect(config.stages.map((s) => s.id)).toContain(row[4]);
    expect(config.stages.map((s) => s.id)).toContain(row[6]);
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`every CSV of every page has unique column names (${locale})`, () => {
      for (const page of PAGES) {
        for (const t of pageTables(ctx(locale), page)) {
          expect(new Set(t.csv.headers).size, `${page} ${t.id}: ${t.csv.headers.join(' | ')}`).toBe(t.csv.headers.length);
        }
      }
    });
  }

  it('the stalled-deals tile carries its unit: "32건" in Korean, "32 deals" in English', () => {
    const count = site.metrics.stalled.length;
    expect(count).toBeGreaterThan(1);
    const tile = (locale: 'en' | 'ko') => overviewModel(ctx(locale)).tiles.find((t) => t.key === 'stalledDeals')!;
    expect(tile('ko').value).toBe(`${count}건`);
    expect(tile('en').value).toBe(`${count} deals`);
    // The what-changed page's tiles are formatted alike.
    expect(changesModel(ctx('ko')).tiles.find((t) => t.key === 'stalledDeals')!.value).toBe(`${count}건`);
    // No other tile is a bare count: every value has a unit or sign (₩, %, ×, days, /day).
    for (const locale of ['en', 'ko'] as const) {
      for (const t of overviewModel(ctx(locale)).tiles) expect(t.value, `${locale} ${t.key}`).not.toMatch(/^[\d,.]+$/u);
    }
    expect(en.common.dealCount({ count: 1 }, ctx('en').f)).toBe('1 deal');
    expect(ko.common.dealCount({ count: 1 }, ctx('ko').f)).toBe('1건');
  });
});
