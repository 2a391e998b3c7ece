/**
 * Trends from time travel: the overview's figures at the end of each of the
 * 12 months ending with as_of's month, each point the engine's metrics at
 * that date (`trendFiguresAt` on the one prepared dataset: `computeAt`'s
 * functions, without the metrics a point does not show), exactly what
 * `npm run metrics -- --as-of <that date>` writes. The last point is as_of
 * itself (a month end only when as_of is one): a later date would be in the
 * future of the data. Pure: no clock, no files.
 */
import { type Prepared, type TrendFigures, trendFiguresAt } from '../metrics/index.ts';
import type { Figures } from '../metrics/schema.ts';
import { addToMonth, daysInMonth, formatDate, type LocalDate } from '../time.ts';
import type { TrendPoint } from './schema.ts';

/** Points per trend: the 12 months ending with as_of's month. */
export const TREND_MONTHS = 12;
const EARLIEST = '1001-01-01';

/** The last day of a `YYYY-MM` month. */
export function monthEnd(month: string): LocalDate {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return formatDate(year, m, daysInMonth(year, m));
}

/**
 * The dates of the trend points, oldest first: the last days of the 11 months before as_of's month, then
 * as_of; none before `since`, the data's first record (model/freshness.ts `oldestRecordDate`), where the
 * replay would show an empty pipeline, zeros that only mean the data had not begun.
 */
export function trendDates(asOf: LocalDate, since: LocalDate | null = null): LocalDate[] {
  const month = asOf.slice(0, 7);
  const dates = Array.from({ length: TREND_MONTHS - 1 }, (_, i) => monthEnd(addToMonth(month, i - (TREND_MONTHS - 1))));
  // No point before the earliest date the CLIs accept (scripts/lib/io.ts AS_OF_MIN): nothing to replay there.
  return [...dates.filter((d) => d >= EARLIEST && (since === null || d >= since)), asOf];
}

/** The trend figures of one metrics run (the overview's tiles). */
export function trendPoint(metrics: TrendFigures): TrendPoint {
  return {
    as_of: metrics.as_of,
    open_count: metrics.pipeline.open_count,
    open_amount: metrics.pipeline.open_amount,
    weighted_amount: metrics.pipeline.weighted_amount,
    win_rate_by_count: metrics.win_rate.by_count,
    win_rate_by_value: metrics.win_rate.by_value,
    median_cycle_days: metrics.cycle_length.all.median_days,
    velocity_per_day: metrics.velocity.per_day,
    stalled_count: metrics.stalled.length,
  };
}

/**
 * The trend points, oldest first, from `since` (`trendDates`). `known` holds runs already made (as_of, the
 * 30-day comparison) by date, so no date is computed twice.
 */
export function trendPoints(prepared: Prepared, asOf: LocalDate, known: ReadonlyMap<LocalDate, Figures>, since: LocalDate | null = null): TrendPoint[] {
  return trendDates(asOf, since).map((date) => trendPoint(known.get(date) ?? trendFiguresAt(prepared, date)));
}
