/**
 * On the sample: each trend point is what `npm run metrics -- --as-of <that
 * date>` writes (the six figures, exactly), and projected attainment is won
 * + commit (+ best case) of metrics.json's coverage, for every period.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as metricsMain } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import type { Metrics } from '../../../src/lib/metrics/types.ts';
import { attainmentPeriods, forecastModel, pageContext, tileSparkline, trendsModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { trendDates, trendPoint } from '../../../src/lib/views/trends.ts';
import { fakeIO, removeTempDirs, tempDir } from '../cli/helpers.ts';

const SAMPLE = join(import.meta.dirname, '../../../data/sample');
const AS_OF = '2026-06-30';
let site: SiteData;

beforeAll(async () => {
  const { dataset, config } = await readFolder(SAMPLE);
  site = siteDataSchema.parse(buildSiteData(dataset, config, AS_OF, { dataLabel: 'data/sample' }));
});
afterAll(removeTempDirs);

/** metrics.json as the CLI writes it for `asOf`. */
async function metricsJson(asOf: string): Promise<Metrics> {
  const f = fakeIO(tempDir());
  expect(await metricsMain(['--data', SAMPLE, '--as-of', asOf, '--out', '-'], f.io)).toBe(0);
  return JSON.parse(f.stdout()) as Metrics;
}

describe('trend dates', () => {
  it('are the last days of the 11 months before as_of’s month, then as_of', () => {
    expect(trendDates('2026-06-30')).toEqual([
      '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31',
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30',
    ]);
    expect(trendDates('2024-03-15').slice(-3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-15']);
    expect(trendDates('1001-02-10')).toEqual(['1001-01-31', '1001-02-10']);
  });
});

describe('a trend point equals metrics.json built at that date', () => {
  it.each(['2025-07-31', '2026-02-28', '2026-05-31', AS_OF])('%s', async (date) => {
    const point = site.trends.find((p) => p.as_of === date)!;
    const m = await metricsJson(date);
    expect(m.as_of).toBe(date);
    // The six figures of the overview's tiles (win rate by count and by value both), exactly.
    expect([point.open_amount, point.weighted_amount, point.win_rate_by_count, point.median_cycle_days, point.velocity_per_day, point.stalled_count]).toEqual([
      m.pipeline.open_amount,
      m.pipeline.weighted_amount,
      m.win_rate.by_count,
      m.cycle_length.all.median_days,
      m.velocity.per_day,
      m.stalled.length,
    ]);
    expect(point).toEqual(trendPoint(m));
  });

  it('the points move: the sample’s pipeline is not the same at every month end', () => {
    expect(new Set(site.trends.map((p) => p.open_amount)).size).toBeGreaterThan(6);
    expect(site.trends.at(-1)).toEqual(trendPoint(site.metrics));
  });

  it('the Trends page and the tile sparklines show those values', () => {
    const ctx = pageContext(site, 'en');
    const model = trendsModel(ctx);
    expect(model.table!.csv.rows.map((r) => r[0])).toEqual(site.trends.map((p) => p.as_of));
    const open = model.charts.find((c) => c.id === 'trend-open-pipeline')!;
    expect(open.table.csv.rows.map((r) => r[1])).toEqual(site.trends.map((p) => p.open_amount));
    expect(tileSparkline(ctx, 'stalledDeals')!.table.rows.map((r) => r[1])).toEqual(site.trends.map((p) => p.stalled_count));
  });
});

describe('the pipeline by expected close month', () => {
  it('keeps past-due deals apart, names the as-of month for what it counts, and shows commit and best case', () => {
    const block = forecastModel(pageContext(site, 'en')).charts.find((c) => c.id === 'forecast')!;
    expect(block.table.headers.map((h) => h.label)).toEqual(['Expected close', 'Deals', 'Amount', 'Weighted amount', 'Commit', 'Best case (incl. commit)']);
    expect(block.table.rows.slice(0, 3).map((r) => r[0]!.text)).toEqual(['Past expected close', 'Rest of Jun 2026', 'Jul 2026']);
    const ko = forecastModel(pageContext(site, 'ko')).charts.find((c) => c.id === 'forecast')!;
    expect(ko.table.rows.slice(0, 2).map((r) => r[0]!.text)).toEqual(['예상 마감일 경과', '2026년\u00a06월 남은 기간']);
    // Shown once on the page.
    expect(forecastModel(pageContext(site, 'en')).charts.filter((c) => c.id === 'forecast')).toHaveLength(1);
  });
});

describe('projected attainment', () => {
  it('is won, won + commit and won + best case of the engine’s coverage, over the target, for every period', async () => {
    const m = await metricsJson(AS_OF);
    // Best case is not a key of metrics.json's coverage: the engine gives it beside it (coverageWithBestCase).
    const bestCaseOf = new Map(site.coverage_best_case.map((r) => [r.period, r.best_case_amount]));
    // The sample has targets for this and the next month and quarter, and forecast categories.
    expect(m.coverage.map((r) => [r.period, r.when])).toEqual([
      ['2026-06', 'current'],
      ['2026-07', 'next'],
      ['2026-Q2', 'current'],
      ['2026-Q3', 'next'],
    ]);
    const ctx = pageContext(site, 'en');
    const attainment = forecastModel(ctx).charts.find((c) => c.id === 'attainment')!;
    const rows = attainment.table.csv.rows;
    expect(rows).toHaveLength(4);
    m.coverage.forEach((r, i) => {
      const [period, , target, won, commit, bestCase, wonShare, commitShare, bestCaseShare] = rows[i]!;
      expect(period).toBe(r.period);
      expect([target, won, commit, bestCase]).toEqual([r.target_amount, r.won_amount, r.commit_amount, bestCaseOf.get(r.period)!]);
      expect(r.commit_amount).toBeGreaterThan(0);
      expect(bestCaseOf.get(r.period)!).toBeGreaterThanOrEqual(r.commit_amount!);
      // The CSV keeps what the page shows (a percentage to two decimals of the ratio).
      expect(wonShare).toBeCloseTo(r.won_amount / r.target_amount, 2);
      expect(commitShare).toBeCloseTo((r.won_amount + r.commit_amount!) / r.target_amount, 2);
      expect(bestCaseShare).toBeCloseTo((r.won_amount + bestCaseOf.get(r.period)!!) / r.target_amount, 2);
    });
    // Unrounded, in the view-model the chart draws from.
    const periods = attainmentPeriods(ctx);
    expect(periods.map((p) => [p.key, p.won, p.commit, p.bestCase, p.target])).toEqual(
      m.coverage.map((r) => [r.period, r.won_amount, r.commit_amount, bestCaseOf.get(r.period)!, r.target_amount]),
    );
  });
});
