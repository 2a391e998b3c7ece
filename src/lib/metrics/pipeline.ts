/** Open pipeline by stage, the forecast by expected close month, and intake by month. */
import { NONE, OPEN } from '../model/snapshot.ts';
import { addToMonth, type LocalDate, startOfLocalDate } from '../time.ts';
import { dayOfDate } from '../day-numbers.ts';
import type { MetricContext } from './context.ts';
import { FORECAST_CATEGORIES } from '../dataset.ts';

const COMMIT = FORECAST_CATEGORIES.indexOf('commit');
const BEST_CASE = FORECAST_CATEGORIES.indexOf('best_case');
import type { AmountRow, ForecastRow, IntakeRow, PipelineMetric } from './types.ts';

export function pipeline(ctx: MetricContext): PipelineMetric {
  const { openStages, stages: allStages } = ctx.config;
  const rows = openStages.map((s) => ({ stage: s.id, count: 0, amount: 0, weighted_amount: 0 }));
  const { state, stage, amount } = ctx.at;
  for (let d = 0; d < state.length; d++) {
    if (state[d] !== OPEN) continue;
    const s = allStages[stage[d]!]!;
    const row = rows[s.openIndex]!;
    row.count++;
    row.amount += amount[d]!;
    row.weighted_amount += amount[d]! * s.probability;
  }
  let open_count = 0;
  let open_amount = 0;
  let weighted_amount = 0;
  for (const r of rows) {
    open_count += r.count;
    open_amount += r.amount;
    weighted_amount += r.weighted_amount;
  }
  return { stages: rows, open_count, open_amount, weighted_amount };
}

export const FORECAST_MONTHS = 6;

/** Whether deals.csv has a `forecast_category` column: without it, commit and best-case amounts are null. */
export function hasForecastCategories(ctx: MetricContext): boolean {
  return ctx.dataset.columns['deals.csv']?.has('forecast_category') ?? false;
}

/** A deal's forecast category counts toward commit (`commit`) and best case (`commit` or `best_case`). */
export function isCommit(ctx: MetricContext, d: number): boolean {
  return ctx.timelines.deals.forecastCategory[d] === COMMIT;
}

export function isBestCase(ctx: MetricContext, d: number): boolean {
  const c = ctx.timelines.deals.forecastCategory[d];
  return c === COMMIT || c === BEST_CASE;
}

/** The months of the forecast's month buckets: as_of's month and the 5 after it. */
export function forecastMonths(asOf: LocalDate): string[] {
  const first = asOf.slice(0, 7);
  return Array.from({ length: FORECAST_MONTHS }, (_, i) => addToMonth(first, i));
}

/**
 * The `forecast` buckets for `asOf` ('overdue', as_of's month and the 5 after
 * it as `YYYY-MM`, 'later', 'unscheduled') and the one rule that puts an open
 * deal's expected close at T in one: before as_of (even inside as_of's month)
 * 'overdue', then its month, past the last month 'later', no date
 * 'unscheduled'. The metric and the Forecast page's deal lists bucket with it.
 * Dates as day numbers (`dayOfDate`; NaN for none), in the order of the texts.
 */
export function forecastBuckets(asOf: LocalDate): { names: string[]; indexOf: (closeDay: number) => number; nameOf: (close: LocalDate | null | undefined) => string } {
  const months = forecastMonths(asOf);
  const names = ['overdue', ...months, 'later', 'unscheduled'];
  const asOfDay = dayOfDate(asOf);
  const monthStarts = [...months, addToMonth(months.at(-1)!, 1)].map((m) => dayOfDate(`${m}-01`));
  const indexOf = (close: number): number => {
    if (close !== close) return names.length - 1;
    if (close < asOfDay) return 0;
    if (close >= monthStarts[FORECAST_MONTHS]!) return FORECAST_MONTHS + 1;
    let bucket = 1;
    while (close >= monthStarts[bucket]!) bucket++;
    return bucket;
  };
  return { names, indexOf, nameOf: (close) => names[indexOf(close === null || close === undefined ? NaN : dayOfDate(close))]! };
}

export function forecast(ctx: MetricContext): ForecastRow[] {
  const buckets = forecastBuckets(ctx.asOf);
  const categories = hasForecastCategories(ctx);
  const zero = categories ? 0 : null;
  const rows: ForecastRow[] = buckets.names.map((bucket) => ({
    bucket,
    count: 0,
    amount: 0,
    weighted_amount: 0,
    commit_amount: zero,
    best_case_amount: zero,
  }));
  const { state, stage, amount, expectedCloseDay } = ctx.at;
  for (let d = 0; d < state.length; d++) {
    if (state[d] !== OPEN) continue;
    const row = rows[buckets.indexOf(expectedCloseDay[d]!)]!;
    row.count++;
    row.amount += amount[d]!;
    row.weighted_amount += amount[d]! * ctx.config.stages[stage[d]!]!.probability;
    if (categories) {
      if (isCommit(ctx, d)) row.commit_amount! += amount[d]!;
      if (isBestCase(ctx, d)) row.best_case_amount! += amount[d]!;
    }
  }
  return rows;
}

export const INTAKE_MONTHS = 12;

export function intake(ctx: MetricContext): IntakeRow[] {
  const lastMonth = ctx.asOf.slice(0, 7);
  const months = Array.from({ length: INTAKE_MONTHS }, (_, i) => addToMonth(lastMonth, i - INTAKE_MONTHS + 1));
  const rows: IntakeRow[] = months.map((month) => ({ month, count: 0, amount: 0 }));
  // Month starts as instants: bucketing compares numbers instead of formatting a date per deal.
  const bounds = [...months, addToMonth(lastMonth, 1)].map((m) => startOfLocalDate(`${m}-01`, ctx.config.timezone));
  const { created } = ctx.timelines;
  for (let d = 0; d < created.length; d++) {
    const t = created[d]!;
    if (ctx.at.state[d] === NONE || t < bounds[0]! || t >= bounds[INTAKE_MONTHS]!) continue;
    let i = 0;
    while (t >= bounds[i + 1]!) i++;
    rows[i]!.count++;
    rows[i]!.amount += ctx.at.amount[d]!;
  }
  return rows;
}

/** Sum of amounts of a set of deals at T. */
export function sumAmount(ctx: MetricContext, deals: Iterable<number>): AmountRow {
  let count = 0;
  let amount = 0;
  for (const d of deals) {
    count++;
    amount += ctx.at.amount[d]!;
  }
  return { count, amount };
}
