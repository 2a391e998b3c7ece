/**
 * The state of every deal at one cut-off `T`: exists, stage, open/won/lost,
 * current visit, and the replayed amount and expected close. Metrics read
 * snapshots, never the raw history, so the rules live here once.
 */
import type { Dataset, Deal, FieldChange } from '../dataset.ts';
import type { LocalDate } from '../time.ts';
import { DealLists } from './deal-lists.ts';
import { closeStartOf, positionOf, type Timelines, visitsBefore } from './timeline.ts';

export const NONE = 0;
export const OPEN = 1;
export const WON = 2;
export const LOST = 3;
export type StateCode = typeof NONE | typeof OPEN | typeof WON | typeof LOST;

export interface Snapshot {
  T: number;
  /** NONE (does not exist at T: not yet created, or removed), OPEN, WON or LOST. */
  state: Uint8Array;
  /** Config stage index at T (-1 when the deal does not exist). */
  stage: Int32Array;
  /** Start of the current visit; for an existing deal without visits, created(d). */
  visitStart: Float64Array;
  /** close(d) (rule 5) of a deal closed at T; NaN otherwise. */
  closedAt: Float64Array;
  /** Rule 7's position of a deal open at T; -1 otherwise. */
  position: Int32Array;
  /** Number of visits before T. */
  visits: Int32Array;
  /** Amount at T in config currency, unknown = 0; also for deals removed before T (the waterfall's `removed`). */
  amount: Float64Array;
  /** Expected close at T (null = none). */
  expectedClose: (LocalDate | null)[];
}

/** Per-deal field changes sorted by `changed_at` (file order on ties), the deals in order of their first change. */
export interface FieldReplay {
  amount: ReadonlyMap<number, FieldChange[]>;
  expectedClose: ReadonlyMap<number, FieldChange[]>;
}

export function buildFieldReplay(dataset: Dataset): FieldReplay {
  const n = dataset.deals.length;
  const amount = new DealLists<FieldChange[]>(n);
  const expectedClose = new DealLists<FieldChange[]>(n);
  // One pass for both fields: at a million deals each change read is a cache miss.
  for (const c of dataset.fieldHistory ?? []) {
    const lists = c.field === 'amount' ? amount : expectedClose;
    const list = lists.get(c.deal);
    if (list) list.push(c);
    else lists.set(c.deal, [c]);
  }
  const byTime = (a: FieldChange, b: FieldChange) => a.changedAt - b.changedAt || a.line - b.line;
  for (const lists of [amount, expectedClose]) lists.forEach((list) => list.length > 1 && list.sort(byTime));
  return { amount, expectedClose };
}

/** Rule 8: the value at T from a deal's changes, or `undefined` to use deals.csv. */
export function replayedValue<V>(changes: FieldChange[] | undefined, T: number): V | null | undefined {
  if (!changes || changes.length === 0) return undefined;
  let last: FieldChange | undefined;
  for (const c of changes) {
    if (c.changedAt < T) last = c;
    else break;
  }
  return (last ? last.newValue : changes[0]!.oldValue) as V | null;
}

/**
 * Whether deal `d`'s amount at `T` is known (rule 8: a snapshot counts an unknown amount as 0): the
 * replayed value when its amount changed, else deals.csv's. The deal lists say "No amount"
 * instead of a misleading 0 for it.
 */
export function amountKnownAt(data: { dataset: Pick<Dataset, 'deals'>; replay: FieldReplay }, d: number, T: number): boolean {
  const replayed = replayedValue<number>(data.replay.amount.get(d), T);
  return replayed === undefined ? data.dataset.deals[d]!.amount !== null : replayed !== null;
}

/** deals.csv's values a snapshot starts from, as columns: read in order, where the deal objects are scattered (a cache miss each at a million deals). */
interface DealValues {
  /** Amount in config currency, 0 when unknown. */
  amount: Float64Array;
  /** removed_at, NaN when none. */
  removedAt: Float64Array;
  expectedClose: (LocalDate | null)[];
}

const dealValuesOf = new WeakMap<readonly Deal[], DealValues>();

function dealValues(deals: readonly Deal[]): DealValues {
  let values = dealValuesOf.get(deals);
  if (!values) {
    const n = deals.length;
    values = { amount: new Float64Array(n), removedAt: new Float64Array(n), expectedClose: new Array<LocalDate | null>(n) };
    for (let d = 0; d < n; d++) {
      const deal = deals[d]!;
      values.amount[d] = deal.amount ?? 0;
      values.removedAt[d] = deal.removedAt ?? NaN;
      values.expectedClose[d] = deal.expectedCloseAt;
    }
    dealValuesOf.set(deals, values);
  }
  return values;
}

function emptySnapshot(T: number, n: number): Snapshot {
  return {
    T,
    state: new Uint8Array(n),
    stage: new Int32Array(n).fill(-1),
    visitStart: new Float64Array(n).fill(NaN),
    closedAt: new Float64Array(n).fill(NaN),
    position: new Int32Array(n).fill(-1),
    visits: new Int32Array(n),
    amount: new Float64Array(n),
    expectedClose: new Array<LocalDate | null>(n).fill(null),
  };
}

/** Entry `j` of `snap`: deal `d` at `T`, from its timeline and deals.csv's values (rule 8 is put over them by the caller). */
function fillEntry(snap: Snapshot, j: number, tl: Timelines, base: DealValues, d: number, T: number): void {
  if (!(tl.created[d]! < T)) return;
  snap.amount[j] = base.amount[d]!;
  snap.expectedClose[j] = base.expectedClose[d]!;
  // Rule 3: a deal removed before T does not exist (its amount above still serves the waterfall's `removed`).
  if (base.removedAt[d]! < T) return;
  const { stages, sequence } = tl.config;
  const count = visitsBefore(tl, d, T);
  snap.visits[j] = count;
  const last = tl.offsets[d]! + count - 1;
  const stage = count > 0 ? tl.visitStage[last]! : sequence[0]!.index;
  const kind = stages[stage]!.kind;
  snap.state[j] = kind === 'open' ? OPEN : kind === 'won' ? WON : LOST;
  snap.stage[j] = stage;
  snap.visitStart[j] = count > 0 ? tl.visitStart[last]! : tl.created[d]!;
  if (kind !== 'open') snap.closedAt[j] = closeStartOf(tl, d, last);
  else snap.position[j] = count === 0 ? 0 : stages[stage]!.seqIndex >= 0 ? stages[stage]!.seqIndex : positionOf(tl, d, last);
}

export function takeSnapshot(tl: Timelines, replay: FieldReplay, T: number): Snapshot {
  const n = tl.deals.length;
  const base = dealValues(tl.deals);
  const snap = emptySnapshot(T, n);
  for (let d = 0; d < n; d++) fillEntry(snap, d, tl, base, d, T);
  // Rule 8 for the deals with changes only, walking the maps in order: a lookup per deal
  // and per snapshot cost most of a snapshot at a million deals (a cache miss each).
  replay.amount.forEach((changes, d) => {
    if (!(tl.created[d]! < T)) return;
    const amount = replayedValue<number>(changes, T);
    if (amount !== undefined) snap.amount[d] = amount ?? 0;
  });
  replay.expectedClose.forEach((changes, d) => {
    if (!(tl.created[d]! < T)) return;
    const close = replayedValue<LocalDate>(changes, T);
    if (close !== undefined) snap.expectedClose[d] = close;
  });
  return snap;
}

/** takeSnapshot for some deals only: entry `j` is deal `subset[j]`, by the same rules. */
export function takeSnapshotOf(tl: Timelines, replay: FieldReplay, T: number, subset: Int32Array): Snapshot {
  const base = dealValues(tl.deals);
  const snap = emptySnapshot(T, subset.length);
  for (let j = 0; j < subset.length; j++) {
    const d = subset[j]!;
    fillEntry(snap, j, tl, base, d, T);
    if (!(tl.created[d]! < T)) continue;
    const amount = replayedValue<number>(replay.amount.get(d), T);
    if (amount !== undefined) snap.amount[j] = amount ?? 0;
    const close = replayedValue<LocalDate>(replay.expectedClose.get(d), T);
    if (close !== undefined) snap.expectedClose[j] = close;
  }
  return snap;
}

/** A forecast period: the cut-off `T` it was made at and its days `[from, to)`. */
export interface ClosePeriod {
  T: number;
  from: LocalDate;
  to: LocalDate;
}

/**
 * For each period (in order, each starting where the one before ends), the
 * deals created before its `T` whose expected close at `T` (rule 8) falls in
 * it, ascending: what a forecast made at `T` for the period can hold, found
 * without whole snapshots.
 */
export function dealsExpectedToCloseIn(tl: Timelines, replay: FieldReplay, periods: readonly ClosePeriod[]): Int32Array[] {
  const n = tl.deals.length;
  const base = dealValues(tl.deals);
  // Deals with expected-close changes are replayed below, per cut-off.
  const replayed = new Uint8Array(n);
  for (const d of replay.expectedClose.keys()) replayed[d] = 1;
  const found = periods.map(() => new Uint8Array(n));
  const first = periods[0]?.from;
  const last = periods.at(-1)?.to;
  const periodOf = (close: LocalDate | null | undefined): number => {
    if (close === null || close === undefined || first === undefined || last === undefined || close < first || close >= last) return -1;
    return periods.findIndex((p) => p.from <= close && close < p.to);
  };
  // Without changes a deal's expected close is deals.csv's at every cut-off: one period at most.
  for (let d = 0; d < n; d++) {
    if (replayed[d] === 1) continue;
    const k = periodOf(base.expectedClose[d]);
    if (k >= 0 && tl.created[d]! < periods[k]!.T) found[k]![d] = 1;
  }
  replay.expectedClose.forEach((changes, d) => {
    periods.forEach((p, k) => {
      if (!(tl.created[d]! < p.T)) return;
      const close = replayedValue<LocalDate>(changes, p.T);
      if (periodOf(close === undefined ? base.expectedClose[d] : close) === k) found[k]![d] = 1;
    });
  });
  return found.map((flags) => {
    let count = 0;
    for (let d = 0; d < n; d++) count += flags[d]!;
    const out = new Int32Array(count);
    for (let d = 0, k = 0; d < n; d++) if (flags[d] === 1) out[k++] = d;
    return out;
  });
}
