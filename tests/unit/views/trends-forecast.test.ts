/**
 * On the sample: each trend point is what `npm run metrics -- --as-of <that
 * date>` writes (the six figures, exactly), and projected attainment is won
 * + commit (+ best case) of metrics.json's coverage, for every period; the
 * Forecast page's deal lists total what metrics.json's `forecast` buckets
 * hold, built and under an owner filter.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as metricsMain } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import type { Metrics } from '../../../src/lib/metrics/types.ts';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData, prepareFilters } from '../../../src/lib/filters/recompute.ts';
import { attainmentPeriods, pastDueNote, changesModel, type ForecastDealList, forecastDealLists, forecastModel, overviewModel, pageContext, tileSparkline, trendsModel, waterfallModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { digestMarkdown } from '../../../src/lib/views/digest.ts';
import { mdText } from '../../../src/lib/format/markdown.ts';
import { trendDates, trendPoint } from '../../../src/lib/views/trends.ts';
import { fakeIO, removeTempDirs, tempDir } from '../cli/helpers.ts';

const SAMPLE = join(import.meta.dirname, '../../../data/sample');
const AS_OF = '2026-06-30';
let site: SiteData;
let sample: Awaited<ReturnType<typeof readFolder>>;

beforeAll(async () => {
  sample = await readFolder(SAMPLE);
  site = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, AS_OF, { dataLabel: 'data/sample' }));
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

  it('start at the first month end on or after the data’s first record (no month of zeros before the data begins)', () => {
    expect(trendDates('2023-08-01', '2023-07-03')).toEqual(['2023-07-31', '2023-08-01']);
    expect(trendDates('2023-08-01', '2023-06-30')).toEqual(['2023-06-30', '2023-07-31', '2023-08-01']);
    expect(trendDates('2023-08-01', null)).toHaveLength(12);
    expect(trendDates('2023-07-10', '2023-07-03')).toEqual(['2023-07-10']);
  });
});

describe('the stalled deals’ trend in Korean', () => {
  it('counts its deals with their unit in the takeaway ("20건에서 32건으로"), as every Korean count of deals', () => {
    const ko = trendsModel(pageContext(site, 'ko', '/')).charts.find((c) => c.id === 'trend-stalled-deals')!;
    const counts = site.trends.map((p) => p.stalled_count);
    const first = counts[0]!;
    const last = counts.at(-1)!;
    expect(ko.chart.takeaway.startsWith(`${first}건(2025년\u00a07월)에서 ${last}건(2026년\u00a06월)으로 늘었습니다(최고 `)).toBe(true);
    expect(ko.chart.takeaway).toMatch(/\(최고 \d+건\([^)]+\), 최저 \d+건\([^)]+\)\)\.$/u);
    // The overview tile's sparkline says it the same way (its text is read out by screen readers).
    expect(tileSparkline(pageContext(site, 'ko', '/'), 'stalledDeals')!.takeaway).toBe(`${first}건에서 ${last}건으로 늘었습니다.`);
    // English says the figure as it is ("from 20 in Jul 2025 to 32 in Jun 2026").
    const en = trendsModel(pageContext(site, 'en', '/')).charts.find((c) => c.id === 'trend-stalled-deals')!;
    expect(en.chart.takeaway).toMatch(new RegExp(`from ${first} in Jul 2025 to ${last} in Jun 2026`));
  });
});

describe('early in the data (the sample begins 2023-07-03)', () => {
  it('the trend starts with the data, its takeaway claims no rise from zero, and the page says why it is short', () => {
    const early = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2023-08-01', { dataLabel: 'data/sample' }));
    expect(early.trends.map((p) => p.as_of)).toEqual(['2023-07-31', '2023-08-01']);
    expect(early.trends[0]!.open_amount).toBeGreaterThan(0);
    for (const locale of ['en', 'ko'] as const) {
      const ctx = pageContext(early, locale, '/');
      const model = trendsModel(ctx);
      const pipeline = model.charts.find((c) => c.id === 'trend-open-pipeline')!;
      expect(pipeline.chart.takeaway).not.toMatch(/₩0\b|\b0원/u);
      expect(model.notes).toEqual([ctx.m.trends.sinceData({ month: ctx.f.month('2023-07') })]);
    }
    // A trend of 12 month ends says nothing of the kind.
    expect(trendsModel(pageContext(site, 'ko', '/')).notes).toEqual([]);
  });

  it('no tile shows a change from the days before the data began ("+₩10.2B" vs an empty CRM), and the page says why', () => {
    const early = buildSiteData(sample.dataset, sample.config, '2023-08-01', { dataLabel: 'data/sample' });
    expect(early.inputs.oldest_record).toBe('2023-07-03');
    expect(early.previous_as_of).toBe('2023-07-02');
    expect(early.changes.from).toBe('2023-07-02');
    for (const locale of ['en', 'ko'] as const) {
      const ctx = pageContext(early, locale, '/');
      const expected = ctx.m.common.beforeData({ date: '2023-07-02', first: '2023-07-03' }, ctx.f);
      const overview = overviewModel(ctx);
      expect(overview.tiles.map((t) => t.delta)).toEqual(overview.tiles.map(() => null));
      expect(overview.comparedWith).toBe(expected);
      const changes = changesModel(ctx);
      expect(changes.tiles.map((t) => t.delta)).toEqual(changes.tiles.map(() => null));
      expect(changes.vsDate).toBe(expected);
      // The digest's key figures: the sentence, and no figure or change at the earlier date.
      const digest = digestMarkdown(early, { linkRoot: null, locale });
      const keyFigures = digest.slice(digest.indexOf(`## ${ctx.m.digest.keyFigures}`)).split('\n## ')[0]!;
      expect(keyFigures).toContain(`\n${mdText(expected)}\n`);
      const rows = keyFigures.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('| ---') && !l.includes(ctx.m.digest.figure));
      expect(rows.length).toBe(overview.tiles.length);
      for (const row of rows) expect(row.split('|').slice(2, -1).map((c) => c.trim()).filter((c, i) => i !== 1)).toEqual(['—', '—']);
    }
    expect(pageContext(early, 'ko', '/').m.common.beforeData({ date: '2023-07-02', first: '2023-07-03' }, pageContext(early, 'ko', '/').f)).toBe(
      '데이터의 첫 기록이 2023년\u00a07월\u00a03일이라 그 전인 2023년\u00a07월\u00a02일 대비 변화는 표시하지 않습니다(그때는 데이터에 딜이 없습니다).',
    );
    // New deals per month: no "up from ₩0 in the three months before" when those months are before the data.
    for (const [locale, expected] of [
      ['en', /^The last three months brought 44\u00a0new deals worth ₩12\.9B; the data begins in Jul 2023, so there are no three months before to compare with\.$/u],
      ['ko', /^최근 3개월 신규 딜은 44건, 129억원입니다\. 데이터가 2023년\u00a07월에 시작해 직전 3개월과 비교할 수 없습니다\.$/u],
    ] as const) {
      const intake = overviewModel(pageContext(early, locale, '/')).charts.find((c) => c.id === 'intake')!;
      expect(intake.chart.takeaway).toMatch(expected);
    }
    // The waterfall's period (the last 30 days) opens before the data: the page says its ₩0 opening pipeline is the data beginning.
    for (const locale of ['en', 'ko'] as const) {
      const ctx = pageContext(early, locale, '/');
      expect(waterfallModel(ctx).notes).toContain(ctx.m.absence.waterfallBeforeData({ first: '2023-07-03' }, ctx.f));
    }
    expect(waterfallModel(pageContext(site, 'en', '/')).notes.join(' ')).not.toContain('The data begins');
    // As of a date before the data: its period ends before the data begins, which it said was "within this period".
    const before = buildSiteData(sample.dataset, sample.config, '2023-01-01', { dataLabel: 'data/sample' });
    expect(waterfallModel(pageContext(before, 'en', '/')).notes[0]).toBe(
      'The data begins on Jul 3, 2023, after this period: the waterfall is empty because the data had not begun, not because nothing happened.',
    );
    expect(waterfallModel(pageContext(before, 'ko', '/')).notes[0]!.replace(/\s/gu, ' ')).toBe(
      '데이터가 이 기간이 지난 2023년 7월 3일에 시작합니다. 파이프라인 변동이 비어 있는 것은 데이터가 시작되기 전이기 때문이며, 실제로 아무 변화가 없었다는 뜻이 아닙니다.',
    );
    // A few days later the comparison date is in the data: the changes are back.
    const later = buildSiteData(sample.dataset, sample.config, '2023-08-05', { dataLabel: 'data/sample' });
    const tile = overviewModel(pageContext(later, 'en', '/')).tiles.find((t) => t.key === 'openPipeline')!;
    expect(later.previous_as_of).toBe('2023-07-06');
    expect(tile.delta).not.toBeNull();
    // A year on, the three months before are in the data: compared again.
    const year = buildSiteData(sample.dataset, sample.config, '2024-06-30', { dataLabel: 'data/sample' });
    expect(overviewModel(pageContext(year, 'en', '/')).charts.find((c) => c.id === 'intake')!.chart.takeaway).toMatch(/(up|down) from ₩[\d.]+[MB] in the three months before\.$/u);
  });

  it('under an owner filter, when the data begins is all deals’ (not the owner’s first deal)', () => {
    const full = buildSiteData(sample.dataset, sample.config, AS_OF, { dataLabel: 'data/sample', trends: false });
    const data = { dataset: sample.dataset, config: sample.config, site: filterSiteFacts(full, sample.config) };
    prepareFilters(data);
    // The owner whose first deal is the latest.
    const firstOf = new Map<string, number>();
    for (const d of sample.dataset.deals) firstOf.set(d.owner, Math.min(firstOf.get(d.owner) ?? Infinity, d.createdAt));
    const owner = [...firstOf].sort((a, b) => b[1] - a[1])[0]![0];
    const view = filteredSiteData(data, { ...NO_FILTER, owner });
    expect(firstOf.get(owner)!).toBeGreaterThan(Date.parse('2023-07-10T00:00:00+09:00'));
    expect(view.site.inputs.oldest_record).toBe('2023-07-03');
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
    const f = ctx.f;
    const model = trendsModel(ctx);
    expect(model.table!.csv.rows.map((r) => r[0])).toEqual(site.trends.map((p) => p.as_of));
    // The page's amounts compact, as the velocity beside them in the row; exact in the CSV.
    const first = site.trends[0]!;
    expect(model.table!.rows[0]!.map((c) => c.text).slice(0, 4)).toEqual([f.date(first.as_of), f.count(first.open_count), f.moneyCompact(first.open_amount), f.moneyCompact(first.weighted_amount)]);
    expect(model.table!.rows[0]![2]!.text).toMatch(/^₩\d+(\.\d)?B$/u);
    expect(model.table!.csv.rows[0]!.slice(2, 4)).toEqual([first.open_amount, first.weighted_amount]);
    const open = model.charts.find((c) => c.id === 'trend-open-pipeline')!;
    expect(open.table.csv.rows.map((r) => r[1])).toEqual(site.trends.map((p) => p.open_amount));
    // Each chart's CSV keeps the dates as dates ('2025-07-31'), as the figures table's does; the page writes them out.
    expect(open.table.csv.rows.map((r) => r[0])).toEqual(site.trends.map((p) => p.as_of));
    expect(open.table.rows[0]![0]!.text).toBe(f.date(first.as_of));
    const ko = trendsModel(pageContext(site, 'ko')).charts.find((c) => c.id === 'trend-open-pipeline')!;
    expect(ko.table.csv.rows.at(-1)![0]).toBe('2026-06-30');
    expect(ko.table.rows.at(-1)![0]!.text).toBe('2026.\u00a06.\u00a030.');
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

describe('projected attainment on the period’s last day', () => {
  it('says how much of what it counts is already past its expected close, and the attainment without it', () => {
    // As of Jun 30, 2026, Q2's open deals due in the quarter come to ₩9.84B, of which only ₩2.35B is due on Jun 30 or
    // later (checked from data/sample's deals.csv by hand): ₩7.49B in 23 deals is past due, and all of Q2's commit
    // (₩2.03B) with it. Without them: won ₩18.04B + commit ₩0 = 85% of ₩21.1B; best case 88%.
    const en = pastDueNote(pageContext(site, 'en'));
    expect(en).toBe('23\u00a0open deals worth ₩7.49B counted in Q2 2026 are already past their expected close date: without them, projected attainment is 85% with commit and 88% with best case.');
    const late = site.open_deals.filter((d) => d.expected_close !== null && d.expected_close < AS_OF && d.expected_close >= '2026-04-01');
    expect(late).toHaveLength(23);
    expect(late.filter((d) => d.forecast_category === 'commit').reduce((s, d) => s + d.amount, 0)).toBe(site.metrics.coverage.find((r) => r.period === '2026-Q2')!.commit_amount);
    expect(pastDueNote(pageContext(site, 'ko'))).toBe('2026년\u00a02분기 마감 예정으로 잡힌 진행 중 딜 중 23건(74.9억원)은 예상 마감일이 이미 지났습니다. 이 딜들을 빼면 예상 달성률은 커밋 포함 85%, 베스트 케이스 포함 88%입니다.');
    // It is one of the Forecast page's notes.
    expect(forecastModel(pageContext(site, 'en')).notes).toContain(en);
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

/** A deal list's total against the sum of metrics `forecast`'s rows of its buckets. */
function expectReconciled(list: ForecastDealList, forecast: Metrics['forecast']): void {
  const rows = forecast.filter((b) => list.buckets.includes(b.bucket));
  expect(rows.length, list.key).toBe(list.buckets.length);
  const sum = (key: 'count' | 'amount' | 'weighted_amount' | 'commit_amount' | 'best_case_amount') => rows.reduce((n, r) => n + r[key]!, 0);
  expect(list.totals.count, list.key).toBe(sum('count'));
  expect(list.totals.amount, list.key).toBe(sum('amount'));
  expect(list.totals.commit_amount, list.key).toBe(sum('commit_amount'));
  expect(list.totals.best_case_amount, list.key).toBe(sum('best_case_amount'));
  expect(list.totals.weighted_amount, list.key).toBeCloseTo(sum('weighted_amount'), 4);
}

describe('the forecast page’s deal lists reconcile with metrics.json’s forecast', () => {
  it('as of the sample’s date (the quarter’s last month): this month’s list and the past-due one, against the CLI’s metrics.json', async () => {
    const m = await metricsJson(AS_OF);
    const lists = forecastDealLists(pageContext(site, 'en'));
    expect(lists.map((l) => [l.key, l.buckets])).toEqual([
      ['month', ['2026-06']],
      ['past-due', ['overdue']],
    ]);
    for (const list of lists) expectReconciled(list, m.forecast);
    // The sample has categories, deals this month and past-due ones: the test compares something.
    expect(lists.map((l) => [l.totals.count, (l.totals.best_case_amount ?? 0) > 0])).toEqual([
      [13, true],
      [41, true],
    ]);
  });

  it('mid-quarter, the rest of the quarter too', () => {
    const asOf = '2026-05-15';
    const mid = buildSiteData(sample.dataset, sample.config, asOf, { dataLabel: 'data/sample', trends: false, accounts: false });
    const lists = forecastDealLists(pageContext(mid, 'en'));
    expect(lists.map((l) => [l.key, l.buckets])).toEqual([
      ['month', ['2026-05']],
      ['rest-of-quarter', ['2026-06']],
      ['past-due', ['overdue']],
    ]);
    for (const list of lists) expectReconciled(list, mid.metrics.forecast);
  });

  it('under an owner filter: the owner’s deals only, totalling the filtered metrics’ buckets', () => {
    const full = buildSiteData(sample.dataset, sample.config, AS_OF, { dataLabel: 'data/sample', trends: false });
    const data = { dataset: sample.dataset, config: sample.config, site: filterSiteFacts(full, sample.config) };
    prepareFilters(data);
    const owner = full.open_deals[0]!.owner;
    const view = filteredSiteData(data, { ...NO_FILTER, owner }, { compare: false });
    const lists = forecastDealLists(pageContext(view.site, 'en', '/', view.facts));
    for (const list of lists) {
      expectReconciled(list, view.site.metrics.forecast);
      expect(list.deals.every((d) => d.owner === owner)).toBe(true);
    }
    const all = forecastDealLists(pageContext(full, 'en'));
    expect(lists[0]!.totals.count).toBeLessThan(all[0]!.totals.count);
  });
});
