/**
 * Win / loss: loss reasons by the stage each deal was lost at, so a manager
 * sees where in the sale "price" is given (before any quote, it cannot have
 * been the price). On the sample as of 2026-06-30, counted by hand from
 * data/sample (deals.csv lost_reason; stage_history.csv: the last open stage
 * before the final lost visit) over the deals lost from 2025-07-01 to
 * 2026-06-30: price 45 = 12 Prospect + 6 Qualification + 14 Proposal + 13
 * Negotiation; after_sales 104 = 34 + 28 + 27 + 15; 21 without a reason.
 * Each row totals loss_reasons' count, each column lost_at_stage's.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });
const matrix = (locale: 'en' | 'ko') => winLossModel(pageContext(site, locale)).tables.find((t) => t.id === 'loss-reasons-by-stage')!;

describe('loss reasons by the stage lost at', () => {
  it('counts each reason at each stage, in loss_reasons order, with the reason words and codes', () => {
    const t = matrix('en');
    expect(t.caption).toBe('Loss reasons by the stage where deals were lost');
    expect(t.headers.map((h) => h.label)).toEqual(['Reason', 'Prospect', 'Qualification', 'Proposal', 'Negotiation', 'Lost deals']);
    const row = (reason: string) => t.csv.rows.find((r) => r[0] === reason)!;
    expect(row('price')).toEqual(['price', 'Price', 12, 6, 14, 13, 45]);
    expect(row('after_sales')).toEqual(['after_sales', 'After-sales service', 34, 28, 27, 15, 104]);
    expect(row('(unspecified)')).toEqual(['(unspecified)', '(unspecified)', 6, 5, 9, 1, 21]);
    expect(t.csv.rows.map((r) => r[0])).toEqual(site.metrics.loss_reasons.map((r) => r.reason));
    expect(t.csv.rows.map((r) => r[6])).toEqual(site.metrics.loss_reasons.map((r) => r.count));
    for (const [i, s] of site.metrics.lost_at_stage.entries()) expect(t.csv.rows.reduce((n, r) => n + (r[2 + i] as number), 0)).toBe(s.count);
    expect(matrix('ko').rows.find((r) => r[0]!.text === '가격')!.map((c) => c.text)).toEqual(['가격', '12', '6', '14', '13', '45']);
  });
});
