/**
 * The state of every deal at one cut-off `T`: exists, stage, open/won/lost,
 * current visit, and the replayed amount and expected close. Metrics read
 * snapshots, never the raw history, so the rules live here once.
 */
import type { Dataset, FieldChange } from '../dataset.ts';
import { type LocalDate } from '../time.ts';
import { dayOfDate } from '../day-numbers.ts';
import { type DealColumns, dealColumns } from './deal-columns.ts';
import { dealTable } from '../dataset-deal-table.ts';
import { DealLists } from './deal-lists.ts';
import { numberInForce, type ReplayColumns, replayColumns, replayOfTable, slotOfDeal, valueInForce } from './replay-columns.ts';
import { ownFieldTable } from '../field-table.ts';
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
  /** The same as a day number (`dayOfDate`), NaN for none: compared as numbers, not texts. */
  expectedCloseDay: Float64Array;
}

/** Per-deal field changes sorted by `changed_at` (file order on ties), the deals in order of their first change. */
export interface FieldReplay {
  amount: ReadonlyMap<number, FieldChange[]>;
  expectedClose: ReadonlyMap<number, FieldChange[]>;
}

export function buildFieldReplay(dataset: Dataset): FieldReplay {
  // Ingest's table of the changes: the columns made from it, the lists of objects only if asked for.
  const table = ownFieldTable(dataset);
  if (table !== null) return replayOfTable(table, () => dataset.fieldHistory!);
  const n = dealTable(dataset).length;
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
  return replayed === undefined ? !Number.isNaN(dealTable(data.dataset).amount[d]!) : replayed !== null;
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
    expectedCloseDay: new Float64Array(n).fill(NaN),
  };
}

/** Entry `j` of `snap`: deal `d` at `T`, from its timeline and deals.csv's values (rule 8 is put over them by the caller). */
function fillEntry(snap: Snapshot, j: number, tl: Timelines, base: DealColumns, d: number, T: number): void {
  if (!(tl.created[d]! < T)) return;
  snap.amount[j] = base.amount[d]!;
  snap.expectedClose[j] = base.expectedClose[d]!;
  snap.expectedCloseDay[j] = base.expectedCloseDay[d]!;
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
  const base = dealColumns(tl.deals);
  const snap = emptySnapshot(T, n);
  for (let d = 0; d < n; d++) fillEntry(snap, d, tl, base, d, T);
  // Rule 8 for the deals with changes only, over the replay's columns (replay-columns.ts).
  const amounts = replayColumns(replay.amount);
  for (let k = 0; k < amounts.deals.length; k++) {
    const d = amounts.deals[k]!;
    if (tl.created[d]! < T) replayAmount(snap, d, amounts, k, T);
  }
  const closes = replayColumns(replay.expectedClose);
  for (let k = 0; k < closes.deals.length; k++) {
    const d = closes.deals[k]!;
    if (tl.created[d]! < T) replayClose(snap, d, closes, k, T);
  }
  return snap;
}

/** Entry `j`'s amount at `T` from slot `k`'s changes (none: deals.csv's stays); unknown = 0. */
function replayAmount(snap: Snapshot, j: number, c: ReplayColumns, k: number, T: number): void {
  if (c.start[k] === c.start[k + 1]) return;
  const amount = numberInForce(c, k, T);
  snap.amount[j] = amount === amount ? amount : 0;
}

/** Entry `j`'s expected close at `T` from slot `k`'s changes (none: deals.csv's stays). */
function replayClose(snap: Snapshot, j: number, c: ReplayColumns, k: number, T: number): void {
  if (c.start[k] === c.start[k + 1]) return;
  snap.expectedClose[j] = valueInForce(c, k, T) as LocalDate | null;
  snap.expectedCloseDay[j] = numberInForce(c, k, T);
}

/** takeSnapshot for some deals only: entry `j` is deal `subset[j]`, by the same rules. */
export function takeSnapshotOf(tl: Timelines, replay: FieldReplay, T: number, subset: Int32Array): Snapshot {
  const base = dealColumns(tl.deals);
  const amounts = replayColumns(replay.amount);
  const closes = replayColumns(replay.expectedClose);
  const snap = emptySnapshot(T, subset.length);
  for (let j = 0; j < subset.length; j++) {
    const d = subset[j]!;
    fillEntry(snap, j, tl, base, d, T);
    if (!(tl.created[d]! < T)) continue;
    const a = slotOfDeal(amounts, d);
    if (a >= 0) replayAmount(snap, j, amounts, a, T);
    const c = slotOfDeal(closes, d);
    if (c >= 0) replayClose(snap, j, closes, c, T);
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
  const base = dealColumns(tl.deals);
  const closes = replayColumns(replay.expectedClose);
  const found = periods.map(() => new Uint8Array(n));
  // Dates as day numbers (a date's and its day number's order are the same); a period of none is -1.
  const fromDay = periods.map((p) => dayOfDate(p.from));
  const toDay = periods.map((p) => dayOfDate(p.to));
  const first = fromDay[0] ?? NaN;
  const last = toDay.at(-1) ?? NaN;
  const periodOf = (day: number): number => {
    if (!(day >= first && day < last)) return -1;
    for (let k = 0; k < periods.length; k++) if (fromDay[k]! <= day && day < toDay[k]!) return k;
    return -1;
  };
  // Without changes a deal's expected close is deals.csv's at every cut-off: one period at most.
  for (let d = 0; d < n; d++) {
    if (slotOfDeal(closes, d) >= 0) continue;
    const k = periodOf(base.expectedCloseDay[d]!);
    if (k >= 0 && tl.created[d]! < periods[k]!.T) found[k]![d] = 1;
  }
  // Deals with changes: replayed at each period's cut-off.
  for (let slot = 0; slot < closes.deals.length; slot++) {
    const d = closes.deals[slot]!;
    const changed = closes.start[slot]! < closes.start[slot + 1]!;
    for (let k = 0; k < periods.length; k++) {
      const T = periods[k]!.T;
      if (!(tl.created[d]! < T)) continue;
      const day = changed ? numberInForce(closes, slot, T) : base.expectedCloseDay[d]!;
      if (periodOf(day) === k) found[k]![d] = 1;
    }
  }
  return found.map((flags) => {
    let count = 0;
    for (let d = 0; d < n; d++) count += flags[d]!;
    const out = new Int32Array(count);
    for (let d = 0, k = 0; d < n; d++) if (flags[d] === 1) out[k++] = d;
    return out;
  });
}
