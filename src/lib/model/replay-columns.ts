/**
 * A field replay's per-deal change lists (snapshot.ts `FieldReplay`) as flat
 * columns, made once per list map: a snapshot then replays rule 8 with a
 * loop over typed arrays, where it called a closure and walked FieldChange
 * objects per deal and per cut-off (the snapshots at T and at the
 * waterfall's start, six forecast-accuracy months).
 */
import type { FieldChange } from '../dataset.ts';
import { type LocalDate } from '../time.ts';
import { dayOfDateMemo } from '../day-numbers.ts';

export interface ReplayColumns {
  /** The deals with changes, in the map's order; deal `deals[k]` has changes `start[k] .. start[k + 1]`, by time. */
  deals: Int32Array;
  start: Int32Array;
  /** `k` of deal `d`, -1 when it has no changes (sized by the largest deal index + 1). */
  slotOf: Int32Array;
  changedAt: Float64Array;
  /** The values as numbers: an amount, or a date's day number (`dayOfDate`); null = NaN. */
  oldNumber: Float64Array;
  newNumber: Float64Array;
  /** The values as they are (the dates a snapshot keeps as text). */
  oldValue: (number | LocalDate | null)[];
  newValue: (number | LocalDate | null)[];
}

const columnsOf = new WeakMap<ReadonlyMap<number, FieldChange[]>, ReplayColumns>();

/** The columns of one field's lists (`FieldReplay.amount` or `.expectedClose`), made on first use. */
export function replayColumns(lists: ReadonlyMap<number, FieldChange[]>): ReplayColumns {
  let columns = columnsOf.get(lists);
  if (!columns) {
    let total = 0;
    let maxDeal = -1;
    lists.forEach((changes, d) => {
      total += changes.length;
      if (d > maxDeal) maxDeal = d;
    });
    columns = {
      deals: new Int32Array(lists.size),
      start: new Int32Array(lists.size + 1),
      slotOf: new Int32Array(maxDeal + 1).fill(-1),
      changedAt: new Float64Array(total),
      oldNumber: new Float64Array(total),
      newNumber: new Float64Array(total),
      oldValue: new Array<number | LocalDate | null>(total),
      newValue: new Array<number | LocalDate | null>(total),
    };
    const c = columns;
    let k = 0;
    let j = 0;
    lists.forEach((changes, d) => {
      c.deals[k] = d;
      c.slotOf[d] = k;
      for (const change of changes) {
        c.changedAt[j] = change.changedAt;
        c.oldValue[j] = change.oldValue;
        c.newValue[j] = change.newValue;
        c.oldNumber[j] = asNumber(change.oldValue);
        c.newNumber[j] = asNumber(change.newValue);
        j++;
      }
      c.start[++k] = j;
    });
    columnsOf.set(lists, columns);
  }
  return columns;
}

const asNumber = (value: number | LocalDate | null): number => (value === null ? NaN : typeof value === 'number' ? value : dayOfDateMemo(value));

/** The slot of deal `d`'s changes, -1 when it has none. */
export function slotOfDeal(c: ReplayColumns, d: number): number {
  return d < c.slotOf.length ? c.slotOf[d]! : -1;
}

/**
 * Rule 8 for slot `k` (which has changes) at `T`: the index of the change whose value is in force, as `j >= 0` for
 * `new*[j]` (the last change before T), or `-1 - j` for `old*[j]` (the first change's old value, none before T).
 */
function inForce(c: ReplayColumns, k: number, T: number): number {
  const from = c.start[k]!;
  const to = c.start[k + 1]!;
  let j = from;
  while (j < to && c.changedAt[j]! < T) j++;
  return j > from ? j - 1 : -1 - from;
}

/** Slot `k`'s value at `T` as a number (an amount, a date's day number; NaN = none). */
export function numberInForce(c: ReplayColumns, k: number, T: number): number {
  const j = inForce(c, k, T);
  return j >= 0 ? c.newNumber[j]! : c.oldNumber[-1 - j]!;
}

/** Slot `k`'s value at `T` as it is (the text of a date). */
export function valueInForce(c: ReplayColumns, k: number, T: number): number | LocalDate | null {
  const j = inForce(c, k, T);
  return j >= 0 ? c.newValue[j]! : c.oldValue[-1 - j]!;
}
