/**
 * The state of every deal at one cut-off `T`: exists, stage, open/won/lost,
 * current visit, and the replayed amount and expected close. Metrics read
 * snapshots, never the raw history, so the rules live here once.
 */
import type { Dataset, FieldChange } from '../dataset.ts';
import type { LocalDate } from '../time.ts';
import { type Timelines, visitsBefore } from './timeline.ts';

export const NONE = 0;
export const OPEN = 1;
export const WON = 2;
export const LOST = 3;
export type StateCode = typeof NONE | typeof OPEN | typeof WON | typeof LOST;

export interface Snapshot {
  T: number;
  /** NONE (does not exist at T), OPEN, WON or LOST. */
  state: Uint8Array;
  /** Config stage index at T (-1 when the deal does not exist). */
  stage: Int32Array;
  /** Start of the current visit; for an existing deal without visits, created(d). */
  visitStart: Float64Array;
  /** Number of visits before T. */
  visits: Int32Array;
  /** Amount at T in config currency, unknown = 0. */
  amount: Float64Array;
  /** Expected close at T (null = none). */
  expectedClose: (LocalDate | null)[];
}

/** Per-deal field changes sorted by `changed_at` (file order on ties). */
export interface FieldReplay {
  amount: Map<number, FieldChange[]>;
  expectedClose: Map<number, FieldChange[]>;
}

export function buildFieldReplay(dataset: Dataset): FieldReplay {
  const amount = new Map<number, FieldChange[]>();
  const expectedClose = new Map<number, FieldChange[]>();
  for (const c of dataset.fieldHistory ?? []) {
    const map = c.field === 'amount' ? amount : expectedClose;
    let list = map.get(c.deal);
    if (!list) map.set(c.deal, (list = []));
    list.push(c);
  }
  for (const map of [amount, expectedClose]) {
    for (const list of map.values()) list.sort((a, b) => a.changedAt - b.changedAt || a.line - b.line);
  }
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

export function takeSnapshot(tl: Timelines, replay: FieldReplay, T: number): Snapshot {
  const n = tl.deals.length;
  const { stages, openStages } = tl.config;
  const firstOpen = openStages[0]!.index;
  const snap: Snapshot = {
    T,
    state: new Uint8Array(n),
    stage: new Int32Array(n).fill(-1),
    visitStart: new Float64Array(n).fill(NaN),
    visits: new Int32Array(n),
    amount: new Float64Array(n),
    expectedClose: new Array<LocalDate | null>(n).fill(null),
  };
  for (let d = 0; d < n; d++) {
    if (!(tl.created[d]! < T)) continue;
    const deal = tl.deals[d]!;
    const count = visitsBefore(tl, d, T);
    snap.visits[d] = count;
    let stage = firstOpen;
    let start = tl.created[d]!;
    if (count > 0) {
      const k = tl.offsets[d]! + count - 1;
      stage = tl.visitStage[k]!;
      start = tl.visitStart[k]!;
    }
    const kind = stages[stage]!.kind;
    snap.state[d] = kind === 'open' ? OPEN : kind === 'won' ? WON : LOST;
    snap.stage[d] = stage;
    snap.visitStart[d] = start;
    const amount = replayedValue<number>(replay.amount.get(d), T);
    snap.amount[d] = (amount === undefined ? deal.amount : amount) ?? 0;
    const close = replayedValue<LocalDate>(replay.expectedClose.get(d), T);
    snap.expectedClose[d] = close === undefined ? deal.expectedCloseAt : close;
  }
  return snap;
}
