/**
 * `forecast_accuracy`: for each of the 6 calendar months before as_of's
 * month, what the pipeline said at the month's start (deals open then and
 * expected to close within the month, weighted by the stage they were in)
 * against what was won in the month, as known at T.
 */
import { OPEN, WON } from '../model/snapshot.ts';
import { ratio } from '../stats.ts';
import { addToMonth, startOfLocalDate } from '../time.ts';
import { type MetricContext, snapshotAt } from './context.ts';
import type { ForecastAccuracyRow } from './types.ts';

export const ACCURACY_MONTHS = 6;

export function forecastAccuracy(ctx: MetricContext): ForecastAccuracyRow[] {
  const { config, at } = ctx;
  const asOfMonth = ctx.asOf.slice(0, 7);
  const rows: ForecastAccuracyRow[] = [];
  for (let i = ACCURACY_MONTHS; i >= 1; i--) {
    const month = addToMonth(asOfMonth, -i);
    const S = `${month}-01`;
    const E = `${addToMonth(month, 1)}-01`;
    // C = 00:00 of S: the pipeline as it stood when the month began (rule 8 with C as the cut-off).
    const atC = snapshotAt(ctx, startOfLocalDate(S, config.timezone));
    const start = startOfLocalDate(S, config.timezone);
    const end = startOfLocalDate(E, config.timezone);
    const row: ForecastAccuracyRow = {
      month,
      forecast_count: 0,
      forecast_amount: 0,
      forecast_weighted: 0,
      won_count: 0,
      won_amount: 0,
      won_from_forecast: 0,
      ratio: null,
    };
    for (let d = 0; d < at.state.length; d++) {
      const close = atC.expectedClose[d];
      const forecastDeal = atC.state[d] === OPEN && close !== null && close !== undefined && S <= close && close < E;
      if (forecastDeal) {
        row.forecast_count++;
        row.forecast_amount += atC.amount[d]!;
        row.forecast_weighted += atC.amount[d]! * config.stages[atC.stage[d]!]!.probability;
      }
      const closedAt = at.closedAt[d]!;
      if (at.state[d] === WON && start <= closedAt && closedAt < end) {
        row.won_count++;
        row.won_amount += at.amount[d]!;
        if (forecastDeal) row.won_from_forecast++;
      }
    }
    row.ratio = ratio(row.won_amount, row.forecast_weighted);
    rows.push(row);
  }
  return rows;
}
