/**
 * Test helpers for the charts: a tiny deterministic ChartFormat, English
 * ChartText for every chart, a console.warn spy (Plot warns through
 * console.warn), and an SVG normaliser for stable snapshots.
 */
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';
import type {
  AccuracyText,
  AttainmentText,
  ChartFormat,
  ChartOptions,
  CompetitorsText,
  CycleLengthText,
  ForecastText,
  FunnelText,
  IntakeText,
  LostAtStageText,
  PipelineText,
  ReasonsText,
  RepurchaseText,
  SparklineText,
  TimeInStageText,
  TrendLineText,
  WaterfallText,
} from '../../../src/lib/charts/index.ts';
import type { BaseChartText } from '../../../src/lib/charts/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const group = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const sign = (n: number) => (n < 0 ? '−' : '');

/** Deterministic, locale-free formatting: '₩12,000,000', '₩12.0M', '57%', '14.3d', 'Jun 2025'. */
export const fakeFormat: ChartFormat = {
  money: (n) => `${sign(n)}₩${group(Math.abs(n))}`,
  moneyCompact: (n) => `${sign(n)}₩${(Math.abs(n) / 1e6).toFixed(1)}M`,
  count: (n) => group(n),
  percent: (r) => (r === null ? '—' : `${Math.round(r * 100)}%`),
  days: (d) => (d === null ? '—' : `${d.toFixed(1)}d`),
  month: (m) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? '?'} ${m.slice(0, 4)}`,
  date: (d) => `${MONTHS[Number(d.slice(5, 7)) - 1] ?? '?'} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`,
  perDay: (n) => `${sign(n)}₩${(Math.abs(n) / 1e6).toFixed(1)}M/day`,
};

const base = (title: string): BaseChartText => ({ title, noData: `No data: ${title}` });

export const TEXT = {
  funnel: {
    ...base('Stage funnel'),
    axis: 'Deals reaching the stage',
    columns: { stage: 'Stage', buyerStep: 'Buyer step', reached: 'Reached', cumulative: 'Of cohort', conversion: 'Next step', winRate: 'Win rate' },
    takeaway: (p) => `Biggest drop at ${p.stage}: ${p.conversion} (${p.advanced} of ${p.reached}) move on.`,
  } satisfies FunnelText,
  pipeline: {
    ...base('Open pipeline by stage'),
    axis: 'Open amount',
    key: { amount: 'Open amount', weighted: 'Weighted' },
    columns: { stage: 'Stage', count: 'Deals', amount: 'Amount', weighted: 'Weighted' },
    parked: { group: 'Parked (outside the sequence)', tagged: (label: string) => `${label} (parked)` },
    takeaway: (p) => `${p.stage} holds ${p.amount} (${p.share}) of the open pipeline.`,
  } satisfies PipelineText,
  forecast: {
    ...base('Expected close'),
    key: { amount: 'Amount', weighted: 'Weighted' },
    buckets: { overdue: 'Overdue', later: 'Later', unscheduled: 'No date' },
    columns: { bucket: 'Expected close', count: 'Deals', amount: 'Amount', weighted: 'Weighted' },
    takeaway: (p) =>
      p.overdueCount > 0
        ? `${p.overdueAmount} (${p.overdueShare}) is overdue; ${p.scheduledAmount} expected in the next 6 months.`
        : `Nothing overdue; ${p.scheduledAmount} expected in the next 6 months.`,
  } satisfies ForecastText,
  intake: {
    ...base('New deals per month'),
    key: { amount: 'Amount created', count: 'Number: deals created' },
    columns: { month: 'Month', count: 'Deals', amount: 'Amount' },
    takeaway: (p) => `Last 3 months: ${p.recentCount} deals, ${p.recentAmount} (${p.direction} from ${p.priorAmount}).`,
  } satisfies IntakeText,
  timeInStage: {
    ...base('Time in stage'),
    axis: 'Days',
    key: { median: 'Median', p75: 'to p75', p90: 'to p90', mean: 'Mean', threshold: 'Stall limit' },
    columns: { stage: 'Stage', visits: 'Visits', mean: 'Mean', median: 'Median', p75: 'p75', p90: 'p90', stall: 'Stall limit' },
    parked: { group: 'Parked (outside the sequence)', tagged: (label: string) => `${label} (parked)` },
    takeaway: (p) => `Deals wait longest in ${p.stage}: median ${p.median}, p90 ${p.p90}.`,
  } satisfies TimeInStageText,
  cycleLength: {
    ...base('Sales cycle'),
    axis: 'Days from creation to close',
    groups: { won: 'Won', lost: 'Lost', all: 'All closed' },
    key: { median: 'Median', p90: 'to p90', mean: 'Mean' },
    columns: { group: 'Outcome', count: 'Deals', mean: 'Mean', median: 'Median', p90: 'p90' },
    takeaway: (p) => `Won deals close in a median ${p.wonMedian}, lost ones in ${p.lostMedian}.`,
  } satisfies CycleLengthText,
  lossReasons: {
    ...base('Loss reasons'),
    panels: { count: 'By number of deals', amount: 'By amount' },
    other: 'Other',
    columns: { reason: 'Reason', count: 'Deals', countShare: 'Share of deals', amount: 'Amount', amountShare: 'Share of amount' },
    takeaway: (p) =>
      `${p.reason}: ${p.countShare} of losses by count, ${p.amountShare} by amount${p.topByCount && p.topByAmount ? ' (the main cause)' : ''}.`,
  } satisfies ReasonsText,
  lostAtStage: {
    ...base('Lost at stage'),
    axis: 'Lost deals',
    columns: { stage: 'Stage', count: 'Lost deals', amount: 'Amount' },
    parked: { group: 'Parked (outside the sequence)', tagged: (label: string) => `${label} (parked)` },
    takeaway: (p) => `Most losses happen at ${p.stage}: ${p.count} deals (${p.share}), ${p.amount}.`,
  } satisfies LostAtStageText,
  competitors: {
    ...base('Against competitors'),
    axis: 'Closed deals',
    key: { won: 'Won', lost: 'Lost' },
    other: 'Other',
    columns: { competitor: 'Competitor', won: 'Won', lost: 'Lost', winRate: 'Win rate' },
    takeaway: (p) => `Most often against ${p.competitor}: ${p.deals} deals, ${p.winRate} won.`,
  } satisfies CompetitorsText,
  waterfall: {
    ...base('Pipeline change'),
    steps: { start: 'Start', new: 'New', reopened: 'Reopened', won: 'Won', lost: 'Lost', removed: 'Removed', end: 'End' },
    columns: { step: 'Step', count: 'Deals', amount: 'Amount' },
    takeaway: (p) => `Open pipeline went ${p.direction} from ${p.start} to ${p.end}: +${p.added}, won ${p.won}, lost ${p.lost}${p.removed === null ? '' : `, removed ${p.removed}`}.`,
  } satisfies WaterfallText,
  repurchase: {
    ...base('Repurchase windows'),
    key: { amount: 'Last purchase amount', count: 'Number: accounts due' },
    overdue: 'Overdue',
    columns: { month: 'Due', count: 'Accounts', amount: 'Amount' },
    takeaway: (p) => `${p.overdueCount} overdue (${p.overdueAmount}); ${p.upcomingCount} due in 12 months (${p.upcomingAmount}).`,
    noneSoon: (p) => `None due in 12 months; ${p.count} later.`,
  } satisfies RepurchaseText,
  sparkline: {
    ...base('Open amount trend'),
    columns: { label: 'Month', value: 'Open amount' },
    takeaway: (p) => `From ${p.first} to ${p.last} (${p.direction}).`,
  } satisfies SparklineText,
  attainment: {
    ...base('Projected attainment'),
    key: { won: 'Won', commit: '+ Commit', bestCase: '+ Best case', target: 'Target' },
    axis: 'Share of target',
    columns: {
      period: 'Period',
      target: 'Target',
      won: 'Won',
      commit: 'Commit',
      bestCase: 'Best case',
      wonShare: 'Won ÷ target',
      commitShare: '+ commit ÷ target',
      bestCaseShare: '+ best case ÷ target',
    },
    shares: (p) => [`${p.won} won`, p.commit && `${p.commit} with commit`, p.bestCase && `${p.bestCase} with best case`].filter(Boolean).join(' · '),
    takeaway: (p) => `${p.period}: ${p.won} won, ${p.commit ?? '—'} with commit, ${p.bestCase ?? '—'} with best case (reaches: ${p.reaches}).`,
  } satisfies AttainmentText,
  accuracy: {
    ...base('Forecast accuracy'),
    key: { forecast: 'Weighted forecast', won: 'Won', ratio: '% = won ÷ forecast' },
    columns: {
      month: 'Month',
      forecastCount: 'Forecast deals',
      forecastAmount: 'Forecast amount',
      forecastWeighted: 'Weighted forecast',
      wonCount: 'Won deals',
      wonAmount: 'Won amount',
      wonFromForecast: 'Won of forecast',
      ratio: 'Won ÷ forecast',
    },
    takeaway: (p) => `${p.months} months: won ${p.ratio} of forecast (${p.low.month} ${p.low.ratio} to ${p.high.month} ${p.high.ratio}).`,
  } satisfies AccuracyText,
  trend: {
    ...base('Open pipeline'),
    columns: { date: 'Date', value: 'Open pipeline' },
    takeaway: (p) => `${p.direction} from ${p.first} (${p.firstDate}) to ${p.last} (${p.lastDate})${p.high ? `, high ${p.high.value}` : ''}.`,
  } satisfies TrendLineText,
};

type Extra<T extends BaseChartText> = Partial<ChartOptions<T>> & { maxRows?: number };

export function opts<T extends BaseChartText>(text: T, extra: Extra<T> = {}): ChartOptions<T> & { maxRows?: number } {
  return { locale: 'en', fmt: fakeFormat, text, ...extra };
}

/**
 * Fail the test when anything (Plot included: it warns via console.warn)
 * writes a warning. Call once at the top of a describe block.
 */
export function failOnWarnings(): void {
  let spy: MockInstance<typeof console.warn>;
  beforeEach(() => {
    spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    const calls = spy.mock.calls.map((c) => c.map(String).join(' '));
    spy.mockRestore();
    expect(calls, 'console.warn was called').toEqual([]);
  });
}

/**
 * Stable snapshot text: numbers in attributes rounded to 1 decimal, any
 * generated Plot class (plot-xxxxxx) replaced, one element per line.
 */
export function normalizeSvg(svg: string): string {
  return svg
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-CLASS')
    .replace(/\bplot-clip-\d+\b/g, 'plot-clip-N')
    .replace(/(\s[a-z-]+=")([^"]*)"/gi, (_m, attr: string, value: string) => {
      if (value.includes('em')) return `${attr}${value}"`;
      const rounded = value.replace(/-?\d+\.\d+/g, (n) => {
        const r = Math.round(Number(n) * 10) / 10;
        return String(Object.is(r, -0) ? 0 : r);
      });
      return `${attr}${rounded}"`;
    })
    .replace(/></g, '>\n<');
}

/** Invariants every rendered chart keeps. */
export function expectAccessibleSvg(svg: string, id: string): void {
  const cls = `ps-chart-${id}`;
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('role="img"');
  expect(svg).toContain(`aria-labelledby="${cls}-title ${cls}-desc"`);
  expect(svg).toMatch(new RegExp(`<title id="${cls}-title">[^<]+</title><desc id="${cls}-desc">[^<]+</desc>`));
  expect(svg).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
  expect(svg).not.toMatch(/<svg[^>]*\s(width|height)="/);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(svg).not.toMatch(/plot-[0-9a-f]{6}/);
  // Every labelled group has a role.
  for (const g of svg.match(/<g\b[^>]*>/g) ?? []) {
    if (g.includes('aria-label=')) expect(g).toContain('role="group"');
  }
  // Ids are all prefixed by the chart's class.
  for (const [, value] of svg.matchAll(/\sid="([^"]*)"/g)) expect(value!.startsWith(cls)).toBe(true);
}
