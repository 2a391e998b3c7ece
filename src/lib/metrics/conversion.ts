/** Stage conversion of the created-in-window cohort, and time in stage per open stage. */
import { maxReached } from '../model/timeline.ts';
import { LOST, NONE, WON } from '../model/snapshot.ts';
import { mean, quantilesReordering, ratio } from '../stats.ts';
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
