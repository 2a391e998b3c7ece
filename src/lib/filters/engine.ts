/**
 * The engine for a filtered page (recompute.ts): the very same metric
 * functions as `computeAt` (metrics/index.ts), each run only when the page
 * reads its figure. A filtered overview reads the tiles, the funnel, the
 * forecast and the intake; it never reads repurchase, forecast accuracy,
 * the waterfall or time in stage (its stall thresholds are pinned), so those,
 * and the snapshots they take at other cut-offs, are never computed.
 *
 * Every figure read is the one `computeAt` gives (same functions, same
 * inputs, in any order: the metrics are pure); the object has the same keys
 * in the same order (tests/unit/filters/engine.test.ts compares both
 * in full, as JSON).
 *
 * For a filter's prepared data (subset.ts `filterPrepared`), the state of the
 * deals at each date is taken from all deals' (`filteredContextAt`): made
 * once per date for every filter, a snapshot is the costliest step of a run.
 *
 * Pure; runs in Node and in the browser.
 */
import { type MetricContext, snapshotAt } from '../metrics/context.ts';
import { SCHEMA_VERSION, contextAt, type MetricsResult, type Prepared } from '../metrics/index.ts';
import { conversion, timeInStage } from '../metrics/conversion.ts';
import { coverage } from '../metrics/coverage.ts';
import { forecastAccuracy } from '../metrics/forecast-accuracy.ts';
import { forecast, intake, pipeline } from '../metrics/pipeline.ts';
import { repurchase } from '../metrics/repurchase.ts';
import { byOwner, byTeam } from '../metrics/segments.ts';
import { openDealFlags, stallThresholds, stalled } from '../metrics/stalled.ts';
import type { Metrics } from '../metrics/types.ts';
import { slippage, waterfall } from '../metrics/waterfall.ts';
import { competitors, cycleLength, lostAtStage, reasons, velocity, winRate } from '../metrics/win-loss.ts';
import { LOST, type Snapshot, WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import type { LocalDate } from '../time.ts';
import { subsetSource } from './subset.ts';
import { once } from '../lazy.ts';


/** A list computed on its first read (stallThresholds reads time in stage only for a stage whose threshold is not fixed). */
function lazyList<T>(make: () => T[]): T[] {
  const list = once(make);
  return new Proxy([] as T[], {
    get: (_target, key) => Reflect.get(list(), key),
    has: (_target, key) => Reflect.has(list(), key),
    ownKeys: () => Reflect.ownKeys(list()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(list(), key),
  });
}

/** An enumerable property computed on its first read (and kept). */
function lazyField<O extends object>(target: O, key: PropertyKey, make: () => unknown): void {
  const get = once(make);
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get });
}

function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}

/** The deals' state at `T` of a snapshot of more deals: deal `j` is `kept[j]` (a deal's state depends on that deal alone). */
export function gatherSnapshot(s: Snapshot, kept: Int32Array): Snapshot {
  const n = kept.length;
  const out: Snapshot = {
    T: s.T,
    state: new Uint8Array(n),
    stage: new Int32Array(n),
    visitStart: new Float64Array(n),
    closedAt: new Float64Array(n),
    position: new Int32Array(n),
    visits: new Int32Array(n),
    amount: new Float64Array(n),
    expectedClose: new Array(n),
    expectedCloseDay: new Float64Array(n),
  };
  for (let j = 0; j < n; j++) {
    const d = kept[j]!;
    out.state[j] = s.state[d]!;
    out.stage[j] = s.stage[d]!;
    out.visitStart[j] = s.visitStart[d]!;
    out.closedAt[j] = s.closedAt[d]!;
    out.position[j] = s.position[d]!;
    out.visits[j] = s.visits[d]!;
    out.amount[j] = s.amount[d]!;
    out.expectedClose[j] = s.expectedClose[d]!;
    out.expectedCloseDay[j] = s.expectedCloseDay[d]!;
  }
  return out;
}

/**
 * metrics/context.ts `contextAt`; for the prepared data of a filter
 * (subset.ts `filterPrepared`), the snapshot at `T` is taken from the full
 * data's (taken once for all filters) instead of computed again.
 */
export function filteredContextAt(prepared: Prepared, asOf: LocalDate): MetricContext {
  const source = subsetSource(prepared.timelines);
  if (!source) return contextAt(prepared, asOf);
  return contextAt(prepared, asOf, (T) => gatherSnapshot(snapshotAt(source.full, T), source.kept));
}

/**
 * `computeAt(prepared, asOf)`, each metric (and the flags and thresholds)
 * computed when first read. Keys and order as metrics/index.ts `computeAt`.
 */
export function lazyComputeAt(prepared: Prepared, asOf: LocalDate): MetricsResult {
  const ctx = filteredContextAt(prepared, asOf);
  const { dataset, config } = ctx;
  const pipe = once(() => pipeline(ctx));
  const tis = once(() => timeInStage(ctx));
  const cycles = once(() => cycleLength(ctx));
  const rate = once(() => winRate(ctx));
  const thresholds = once(() => stallThresholds(ctx, lazyList(tis)));
  const flags = once(() => openDealFlags(ctx));
  const stalledDeals = once(() => stalled(ctx, thresholds(), flags()));
  const metrics = {
    schema_version: SCHEMA_VERSION,
    as_of: asOf,
    window_days: config.window_days,
    currency: config.currency,
    generated_from: sortedRecord(dataset.fileHashes),
  } as Metrics;
  const fields: [keyof Metrics, () => unknown][] = [
    ['pipeline', pipe],
    ['coverage', () => coverage(ctx)],
    ['conversion', () => conversion(ctx)],
    ['time_in_stage', tis],
    ['cycle_length', cycles],
    ['win_rate', rate],
    ['velocity', () => velocity(pipe(), rate(), cycles())],
    ['loss_reasons', () => reasons(ctx, LOST)],
    ['win_reasons', () => reasons(ctx, WON)],
    ['lost_at_stage', () => lostAtStage(ctx)],
    ['competitors', () => competitors(ctx)],
    ['stalled', () => stalledDeals().rows],
    ['repurchase', () => repurchase(ctx)],
    ['forecast', () => forecast(ctx)],
    ['forecast_accuracy', () => forecastAccuracy(ctx)],
    ['intake', () => intake(ctx)],
    ['waterfall', () => waterfall(ctx)],
    ['slippage', () => slippage(ctx, pipe().open_count)],
    ['by_owner', () => byOwner(ctx, stalledDeals().deals)],
    ['by_team', () => byTeam(ctx, stalledDeals().deals)],
    ['data_quality', () => ({ files: sortedRecord(dataset.files), issues: dataset.issues })],
  ];
  for (const [key, make] of fields) lazyField(metrics, key, make);
  const result = { metrics, context: ctx } as MetricsResult;
  lazyField(result, 'flags', flags);
  lazyField(result, 'thresholds', thresholds);
  return result;
}
