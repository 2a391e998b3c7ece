/** Stage conversion of the created-in-window cohort, and time in stage per open stage. */
import { maxReached } from '../model/timeline.ts';
import { LOST, NONE, WON } from '../model/snapshot.ts';
import { mean, quantiles, quantilesReordering, ratio } from '../stats.ts';
import { daysBetween } from '../time.ts';
import { inWindow, type MetricContext } from './context.ts';
import type { ConversionMetric, TimeInStageRow } from './types.ts';

export function conversion(ctx: MetricContext): ConversionMetric {
  const n = ctx.config.sequence.length;
  // reachedAtLeast[i] = #(max_reached >= i), for i in 0..n
  const histogram = new Int32Array(n + 1);
  const wonHistogram = new Int32Array(n + 1);
  let cohort_size = 0;
  const { created } = ctx.timelines;
  for (let d = 0; d < created.length; d++) {
    // A removed deal is gone from every metric (rule 3).
    if (!inWindow(ctx, created[d]!) || ctx.at.state[d] === NONE) continue;
    cohort_size++;
    const m = maxReached(ctx.timelines, d, ctx.T);
    histogram[m]!++;
    if (ctx.at.state[d] === WON) wonHistogram[m]!++;
  }
  const atLeast = suffixSums(histogram);
  const wonAtLeast = suffixSums(wonHistogram);
  // Parked stages stand outside the sequence and are not listed.
  const stages = ctx.config.sequence.map((s, i) => {
    const reached = atLeast[i]!;
    const advanced = atLeast[i + 1]!;
    const won = wonAtLeast[i]!;
    return { stage: s.id, reached, advanced, won, conversion: ratio(advanced, reached), win_rate: ratio(won, reached) };
  });
  return { cohort_size, stages };
}

/**
 * Where the cohort's deals that did not move beyond a stage stand: per stage
 * of the sequence, the deals whose highest stage reached is that stage and
 * that are still open at T (`open`: not a drop-off yet), and those lost
 * there (`lost`). `reached - advanced = open + lost` for every stage.
 */
export function funnelOutcomes(ctx: MetricContext): { stage: string; open: number; lost: number }[] {
  const n = ctx.config.sequence.length;
  const open = new Int32Array(n + 1);
  const lost = new Int32Array(n + 1);
  const { created } = ctx.timelines;
  for (let d = 0; d < created.length; d++) {
    const state = ctx.at.state[d];
    if (!inWindow(ctx, created[d]!) || state === NONE || state === WON) continue;
    const m = maxReached(ctx.timelines, d, ctx.T);
    if (state === LOST) lost[m]!++;
    else open[m]!++;
  }
  return ctx.config.sequence.map((s, i) => ({ stage: s.id, open: open[i]!, lost: lost[i]! }));
}

function suffixSums(histogram: Int32Array): Int32Array {
  const out = new Int32Array(histogram.length + 1);
  for (let i = histogram.length - 1; i >= 0; i--) out[i] = out[i + 1]! + histogram[i]!;
  return out;
}

/**
 * Durations in days of the open-stage visits that ended in window, per open stage, in timeline order.
 * Counted first, then written into arrays of that size: growing arrays of numbers copied each one two or
 * three times, into memory touched for the first time (~12 MB at 100k deals, ~10 µs a page here).
 */
export function visitDurationsEndedInWindow(ctx: MetricContext): Float64Array[] {
  const counts = new Int32Array(ctx.config.openStages.length);
  eachVisitEndedInWindow(ctx, null, counts);
  const out = Array.from(counts, (n) => new Float64Array(n));
  eachVisitEndedInWindow(ctx, out, counts.fill(0));
  return out;
}

/** Counts the visits of `visitDurationsEndedInWindow` in `next` per open stage, writing each one's duration there in `out` when given. */
function eachVisitEndedInWindow(ctx: MetricContext, out: Float64Array[] | null, next: Int32Array): void {
  const { stages } = ctx.config;
  const { offsets, visitStage, visitStart } = ctx.timelines;
  for (let d = 0; d + 1 < offsets.length; d++) {
    if (ctx.at.state[d] === NONE) continue; // removed (or not yet created)
    const to = offsets[d + 1]!;
    for (let k = offsets[d]!; k + 1 < to; k++) {
      const end = visitStart[k + 1]!;
      if (end >= ctx.T) break; // later visits end later still
      if (end < ctx.windowStart) continue;
      const open = stages[visitStage[k]!]!.openIndex;
      if (open < 0) continue;
      if (out !== null) out[open]![next[open]!] = daysBetween(visitStart[k]!, end);
      next[open]!++;
    }
  }
}

export function timeInStage(ctx: MetricContext): TimeInStageRow[] {
  const durations = visitDurationsEndedInWindow(ctx);
  return ctx.config.openStages.map((s, i) => {
    const visits = durations[i]!;
    // The mean first, over the visits in timeline order: the quantiles reorder them.
    const meanDays = mean(visits);
    const [median, p75, p90] = quantilesReordering(visits, [0.5, 0.75, 0.9]);
    return {
      stage: s.id,
      visits: visits.length,
      mean_days: meanDays,
      median_days: median ?? null,
      p75_days: p75 ?? null,
      p90_days: p90 ?? null,
    };
  });
}

/** The won deals' days in one open stage: how many won deals spent time in it, and the quantiles of their days there. */
export interface WonTimeInStageRow {
  stage: string;
  deals: number;
  median_days: number | null;
  p90_days: number | null;
}

/**
 * The pace the deals won kept, per open stage (config order, parked included):
 * among the deals won and closed in window (cycle_length's `won`), those that
 * spent time in the stage, and each one's days there (its visits to it summed,
 * as a deal that went back to a stage spent both spells there). Beside
 * time_in_stage (every visit ended in window, lost and open deals' too), the
 * days a deal in a stage can be held against: a deal there longer than the won
 * deals' P90 is slower than nine in ten of them were.
 */
export function wonTimeInStage(ctx: MetricContext): WonTimeInStageRow[] {
  const { stages, openStages } = ctx.config;
  const { offsets, visitStage, visitStart } = ctx.timelines;
  const days: number[][] = openStages.map(() => []);
  const dealDays = new Float64Array(openStages.length);
  const visited = new Uint8Array(openStages.length);
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] !== WON) continue;
    const to = offsets[d + 1]!;
    for (let k = offsets[d]!; k + 1 < to; k++) {
      const end = visitStart[k + 1]!;
      if (end >= ctx.T) break;
      const open = stages[visitStage[k]!]!.openIndex;
      if (open < 0) continue;
      dealDays[open]! += daysBetween(visitStart[k]!, end);
      visited[open] = 1;
    }
    for (let i = 0; i < openStages.length; i++) {
      if (visited[i] === 0) continue;
      days[i]!.push(dealDays[i]!);
      dealDays[i] = 0;
      visited[i] = 0;
    }
  }
  return openStages.map((s, i) => {
    const [median, p90] = quantiles(days[i]!, [0.5, 0.9]);
    return { stage: s.id, deals: days[i]!.length, median_days: median ?? null, p90_days: p90 ?? null };
  });
}
