/**
 * `forecast_accuracy`: for each of the 6 calendar months before as_of's
 * month, what the pipeline said at the month's start (deals open then and
 * expected to close within the month, weighted by the stage they were in)
 * against what was won in the month, as known at T.
 */
import { type ClosePeriod, dealsExpectedToCloseIn, OPEN, takeSnapshotOf, WON } from '../model/snapshot.ts';
import { ratio } from '../stats.ts';
import { addToMonth, startOfLocalDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import type { ForecastAccuracyRow } from './types.ts';

export const ACCURACY_MONTHS = 6;

export function forecastAccuracy(ctx: MetricContext): ForecastAccuracyRow[] {
  const { config, at, timelines, replay } = ctx;
  const asOfMonth = ctx.asOf.slice(0, 7);
  const months: (ClosePeriod & { month: string; end: number })[] = [];
  for (let i = ACCURACY_MONTHS; i >= 1; i--) {
    const month = addToMonth(asOfMonth, -i);
    const S = `${month}-01`;
    const E = `${addToMonth(month, 1)}-01`;
    // C = 00:00 of S: the pipeline as it stood when the month began (rule 8 with C as the cut-off).
    months.push({ month, from: S, to: E, T: startOfLocalDate(S, config.timezone), end: startOfLocalDate(E, config.timezone) });
  }
  // Only deals whose expected close at C is in the month can be forecast deals: only they are looked at C.
  const candidates = dealsExpectedToCloseIn(timelines, replay, months);
  // Per month, its candidates' states at C (entry j is deal candidates[k][j]).
  const statesAtC: Uint8Array[] = [];
  const rows = months.map((m, k): ForecastAccuracyRow => {
    const row: ForecastAccuracyRow = {
      month: m.month,
      forecast_count: 0,
      forecast_amount: 0,
      forecast_weighted: 0,
      won_count: 0,
      won_amount: 0,
      won_from_forecast: 0,
      ratio: null,
    };
    const list = candidates[k]!;
    const atC = takeSnapshotOf(timelines, replay, m.T, list);
    for (let j = 0; j < list.length; j++) {
      if (atC.state[j] !== OPEN) continue;
      row.forecast_count++;
      row.forecast_amount += atC.amount[j]!;
      row.forecast_weighted += atC.amount[j]! * config.stages[atC.stage[j]!]!.probability;
    }
    statesAtC.push(atC.state);
    return row;
  });
  // Won in the month, as known at T: one pass over the deals for all months.
  const first = months[0]!.T;
  const last = months.at(-1)!.end;
  for (let d = 0; d < at.state.length; d++) {
    const closedAt = at.closedAt[d]!;
    if (at.state[d] !== WON || !(first <= closedAt && closedAt < last)) continue;
    const k = months.findIndex((m) => m.T <= closedAt && closedAt < m.end);
    const row = rows[k]!;
    row.won_count++;
    row.won_amount += at.amount[d]!;
    if (wasForecast(candidates[k]!, statesAtC[k]!, d)) row.won_from_forecast++;
  }
  for (const row of rows) row.ratio = ratio(row.won_amount, row.forecast_weighted);
  return rows;
}

/** Whether deal `d` is among a month's candidates (ascending) and was open at C: a forecast deal of the month. */
function wasForecast(candidates: Int32Array, statesAtC: Uint8Array, d: number): boolean {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (candidates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < candidates.length && candidates[lo] === d && statesAtC[lo] === OPEN;
}
