/**
 * The Stalled page: a stalled deal counted on in the forecast (commit or best case) is the forecast review's first
 * question. The list shows each deal's forecast category, and the summary says how many are in the forecast. On the
 * sample as of 2026-06-30: 7 of the 32 stalled deals (₩3.12B) are best case ('best_case' or 'Best Case', input.md).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset, proposalDeal } from '../../helpers/dataset.ts';

const config = defaultConfig();

function siteOf(withColumn: boolean) {
  // At Proposal since 2025-01-10: all three stalled as of 2025-06-30.
  const dataset = makeDataset(config, [
    proposalDeal('C1', { amount: 1_000_000, forecastCategory: 'commit' }),
    proposalDeal('B1', { amount: 2_000_000, forecastCategory: 'best_case' }),
    proposalDeal('P1', { amount: 4_000_000, forecastCategory: 'pipeline' }),
  ]);
  if (withColumn) dataset.columns['deals.csv'] = new Set([...dataset.columns['deals.csv']!, 'forecast_category']);
  return siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
}

describe('stalled deals in the forecast', () => {
  it('says how many stalled deals are commit or best case, and lists each one’s category', () => {
    const model = stalledModel(pageContext(siteOf(true), 'en'));
    expect(model.summary).toBe(
      '3\u00a0stalled deals worth ₩7M. 2 of them (₩3M) are in the forecast as commit or best case (1 commit): check them first. The list below starts with them, commit before best case.',
    );
    const col = model.stalled.headers.findIndex((h) => h.label === 'Forecast category');
    // Commit, then best case, then the rest; metrics.json's order within each (days in stage, all the same here, then id: B1, C1, P1).
    expect(model.stalled.rows.map((r) => [r[0]!.text, r[col]!.text])).toEqual([
      ['C1', 'Commit'],
      ['B1', 'Best case'],
      ['P1', 'Pipeline'],
    ]);
    // On a phone, under each deal's name: its owner, and the category when the forecast counts on it.
    const owner = model.stalled.headers.findIndex((h) => h.label === 'Owner');
    expect(model.stalled.rows.map((r) => [r[0]!.detail, r[owner]!.text])).toEqual([
      [`${model.stalled.rows[0]![owner]!.text}\u00a0· Commit`, model.stalled.rows[0]![owner]!.text],
      [`${model.stalled.rows[1]![owner]!.text}\u00a0· Best\u00a0case`, model.stalled.rows[1]![owner]!.text],
      [model.stalled.rows[2]![owner]!.text, model.stalled.rows[2]![owner]!.text],
    ]);
    expect(model.stalled.rows[0]![owner]!.text).not.toBe('');
    expect(stalledModel(pageContext(siteOf(true), 'ko')).summary).toBe(
      '정체 딜 3건, 금액 700만원. 이 중 2건(300만원)이 수주 예측에 커밋 또는 베스트 케이스로 잡혀 있습니다(커밋 1건). 먼저 점검하세요. 아래 목록은 이 딜들부터(커밋, 베스트 케이스 순) 보여 줍니다.',
    );
  });

  it('says nothing of the forecast, and has no category column, without forecast categories', () => {
    const model = stalledModel(pageContext(siteOf(false), 'en'));
    expect(model.summary).toBe('3\u00a0stalled deals worth ₩7M.');
    expect(model.stalled.headers.map((h) => h.label)).not.toContain('Forecast category');
    // metrics.json's order: the categories the data does not have sort nothing, nor show under the deal.
    expect(model.stalled.rows.map((r) => r[0]!.text)).toEqual(['B1', 'C1', 'P1']);
    const owner = model.stalled.headers.findIndex((h) => h.label === 'Owner');
    expect(model.stalled.rows.every((r) => r[0]!.detail === r[owner]!.text)).toBe(true);
  });

  it('on the sample: 7 of 32, ₩3.12B', async () => {
    const { dataset, config: sampleConfig } = await readFolder('data/sample');
    const site = siteDataSchema.parse(buildSiteData(dataset, sampleConfig, '2026-06-30', { dataLabel: 'sample' }));
    expect(stalledModel(pageContext(site, 'en')).summary).toBe('32\u00a0stalled deals worth ₩9.25B. 7 of them (₩3.12B) are in the forecast as commit or best case: check them first. The list below starts with them.');
  });
});

describe('stalled totals of deals without an amount', () => {
  it('a stage whose stalled deals all lack an amount says "No amount", not ₩0; a row with some amounts sums them', () => {
    const noon = (date: string) => Date.parse(`${date}T03:00:00Z`);
    const dataset = makeDataset(config, [
      proposalDeal('N1', { amount: NaN }),
      proposalDeal('N2', { amount: NaN }),
      // At Qualification since Jan 10: stalled too (default 30 days), ₩5M.
      proposalDeal('Q1', { amount: 5_000_000, history: [['prospect', noon('2025-01-02')], ['qualify', noon('2025-01-10')]] }),
    ]);
    const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
    const byStage = stalledModel(pageContext(site, 'en')).totals[0]!.table;
    expect(byStage.rows.map((r) => [r[0]!.text, r[1]!.text, r[2]!.text, r[2]!.tone ?? ''])).toEqual([
      ['Qualification', '1', '₩5M', ''],
      ['Proposal', '2', 'No amount', 'muted'],
      ['All stalled deals', '3', '₩5M', 'total'],
    ]);
    // The CSV leaves the unknown amount empty, as the deal lists do (the all-deals row last).
    expect(byStage.csv.rows.map((r) => r.at(-1))).toEqual([5_000_000, null, 5_000_000]);
  });
});
