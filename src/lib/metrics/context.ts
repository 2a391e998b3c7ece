/**
 * What every metric needs at one `as_of`: the cut-off `T`, the window, the
 * snapshot of all deals at `T`, and the closed-in-window set. Pure: the
 * clock never enters; `asOf` and the timezone come from the caller.
 */
import type { Config } from '../config.ts';
import type { Dataset } from '../dataset.ts';
import { buildTimelines, type Timelines } from '../model/timeline.ts';
import { pushTimes } from '../model/pushes.ts';
import { buildFieldReplay, type FieldReplay, LOST, type Snapshot, takeSnapshot, WON } from '../model/snapshot.ts';
import { cutoffOf, DAY_MS, type LocalDate } from '../time.ts';

/** The as-of-independent part, built once and reused for any number of as-of dates. */
export interface Prepared {
  dataset: Dataset;
  config: Config;
  timelines: Timelines;
  replay: FieldReplay;
  /**
   * Times of each deal's close-date pushes (ascending); null when close dates
   * are not tracked: field_history.csv has no accepted change of
   * `expected_close_at` (or its aliases) at any time.
   */
  pushes: ReadonlyMap<number, number[]> | null;
}

export function prepare(dataset: Dataset, config: Config): Prepared {
  const replay = buildFieldReplay(dataset);
  const closeDatesTracked = replay.expectedClose.size > 0;
  const timelines = buildTimelines(dataset, config);
  return { dataset, config, timelines, replay, pushes: closeDatesTracked ? pushTimes(replay, timelines.deals.length) : null };
}

export interface MetricContext extends Prepared {
  asOf: LocalDate;
  T: number;
  /** `T - W days`: "in window" is `windowStart <= t < T`. */
  windowStart: number;
  at: Snapshot;
  /** Deals closed (won or lost) at T with close(d) in window, in deals.csv order. */
  closedInWindow: number[];
}

/** `snapshot`: how to get the deals' state at `T` (a filtered view takes it from the full data's). */
export function contextAt(prepared: Prepared, asOf: LocalDate, snapshot: (T: number) => Snapshot = (T) => snapshotAt(prepared, T)): MetricContext {
  const T = cutoffOf(asOf, prepared.config.timezone);
  const windowStart = T - prepared.config.window_days * DAY_MS;
  const at = snapshot(T);
  const closedInWindow: number[] = [];
  for (let d = 0; d < at.state.length; d++) {
    const s = at.state[d];
    if ((s === WON || s === LOST) && at.closedAt[d]! >= windowStart) closedInWindow.push(d);
  }
  return { ...prepared, asOf, T, windowStart, at, closedInWindow };
}

export function inWindow(ctx: MetricContext, t: number): boolean {
  return ctx.windowStart <= t && t < ctx.T;
}

/**
 * Snapshots kept per prepared dataset: runs at nearby dates (the 30-day
 * comparison, trends, a filtered view) share cut-offs. At most 16, and at
 * most 2M deal-snapshots (a snapshot is ~45 bytes a deal: a million-deal
 * data set keeps 2, not 720 MB).
 */
const SNAPSHOT_CACHE_SIZE = 16;
const SNAPSHOT_CACHE_DEALS = 2_000_000;
const snapshotCaches = new WeakMap<Timelines, { replay: FieldReplay; byT: Map<number, Snapshot> }>();

/**
 * Every deal's state at `T` (model/snapshot.ts). Snapshots are never
 * modified once taken, so the last few taken from the same timelines and
 * field replay are reused (a run's forecast-accuracy month starts and its
 * waterfall's period start are other runs' cut-offs).
 */
export function snapshotAt(ctx: Prepared, T: number): Snapshot {
  let cache = snapshotCaches.get(ctx.timelines);
  if (!cache || cache.replay !== ctx.replay) snapshotCaches.set(ctx.timelines, (cache = { replay: ctx.replay, byT: new Map() }));
  const hit = cache.byT.get(T);
  if (hit) {
    cache.byT.delete(T);
    cache.byT.set(T, hit);
    return hit;
  }
  const snap = takeSnapshot(ctx.timelines, ctx.replay, T);
  cache.byT.set(T, snap);
  const keep = Math.max(1, Math.min(SNAPSHOT_CACHE_SIZE, Math.floor(SNAPSHOT_CACHE_DEALS / Math.max(1, snap.state.length))));
  while (cache.byT.size > keep) cache.byT.delete(cache.byT.keys().next().value!);
  return snap;
}
