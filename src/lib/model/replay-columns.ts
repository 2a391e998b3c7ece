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
import { AMOUNT_CHANGE, CLOSE_CHANGE, changeValue, type FieldTable } from '../field-table.ts';
import { DealLists } from './deal-lists.ts';

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

/**
 * Both fields' lists from a field table (`Dataset.fieldHistory` as ingest gives it), with their columns made
 * straight from the table: the same columns and lists `replayColumns` makes from the lists of objects, the
 * objects (`changes`, in the table's order) grouped into lists only when a caller asks for a deal's list.
 */
export function replayOfTable(t: FieldTable, changes: () => readonly FieldChange[]): { amount: ReadonlyMap<number, FieldChange[]>; expectedClose: ReadonlyMap<number, FieldChange[]> } {
  const made = [AMOUNT_CHANGE, CLOSE_CHANGE].map((kind) => {
    const { columns, rows } = columnsOfKind(t, kind);
    const lists = new TableLists(columns, rows, changes);
    columnsOf.set(lists, columns);
    return lists;
  });
  return { amount: made[0]!, expectedClose: made[1]! };
}

/** One kind's columns: the deals in order of their first change, each one's changes by time (file order on ties), and the table's row of each. */
function columnsOfKind(t: FieldTable, kind: number): { columns: ReplayColumns; rows: Int32Array } {
  const { deal, changedAt } = t;
  let total = 0;
  let maxDeal = -1;
  for (let i = 0; i < t.length; i++) {
    if (t.kind[i] !== kind) continue;
    total++;
    if (deal[i]! > maxDeal) maxDeal = deal[i]!;
  }
  // Typed arrays throughout (a slot per deal with changes, in order of its first one): this runs once, mostly cold.
  const slotOf = new Int32Array(maxDeal + 1).fill(-1);
  const order = new Int32Array(total);
  const count = new Int32Array(total + 1);
  let slots = 0;
  for (let i = 0; i < t.length; i++) {
    if (t.kind[i] !== kind) continue;
    const d = deal[i]!;
    let k = slotOf[d]!;
    if (k < 0) {
      slotOf[d] = k = slots;
      order[slots++] = d;
    }
    count[k + 1]!++;
  }
  const start = count.subarray(0, slots + 1);
  for (let k = 0; k < slots; k++) start[k + 1]! += start[k]!;
  const rows = new Int32Array(total);
  const next = start.slice(0, slots);
  for (let i = 0; i < t.length; i++) if (t.kind[i] === kind) rows[next[slotOf[deal[i]!]!]!++] = i;
  // Rows are in file order: sorted by time within each deal (a few changes each), ties kept in that order.
  for (let k = 0; k < slots; k++) {
    const from = start[k]!;
    for (let j = from + 1; j < start[k + 1]!; j++) {
      const row = rows[j]!;
      const at = changedAt[row]!;
      let m = j - 1;
      for (; m >= from && changedAt[rows[m]!]! > at; m--) rows[m + 1] = rows[m]!;
      rows[m + 1] = row;
    }
  }
  const columns: ReplayColumns = {
    deals: order.slice(0, slots),
    start,
    slotOf,
    changedAt: new Float64Array(total),
    oldNumber: new Float64Array(total),
    newNumber: new Float64Array(total),
    oldValue: new Array<number | LocalDate | null>(total),
    newValue: new Array<number | LocalDate | null>(total),
  };
  // A date's number is its day (`dayOfDate`), an amount's the amount; NaN: no value.
  const day = kind === CLOSE_CHANGE ? Float64Array.from(t.dates, (date) => dayOfDateMemo(date)) : null;
  for (let j = 0; j < total; j++) {
    const row = rows[j]!;
    const was = t.oldValue[row]!;
    const is = t.newValue[row]!;
    columns.changedAt[j] = changedAt[row]!;
    columns.oldNumber[j] = day === null || was !== was ? was : day[was]!;
    columns.newNumber[j] = day === null || is !== is ? is : day[is]!;
    columns.oldValue[j] = changeValue(t, kind, was);
    columns.newValue[j] = changeValue(t, kind, is);
  }
  return { columns, rows };
}

/** A kind's per-deal lists over its columns: the size and the deals known at once, the lists of objects made on first use. */
class TableLists implements ReadonlyMap<number, FieldChange[]> {
  private lists: DealLists<FieldChange[]> | null = null;
  private readonly columns: ReplayColumns;
  private readonly rows: Int32Array;
  private readonly changes: () => readonly FieldChange[];

  constructor(columns: ReplayColumns, rows: Int32Array, changes: () => readonly FieldChange[]) {
    this.columns = columns;
    this.rows = rows;
    this.changes = changes;
  }

  private made(): DealLists<FieldChange[]> {
    if (this.lists === null) {
      const { deals, start, slotOf } = this.columns;
      const all = this.changes();
      const lists = new DealLists<FieldChange[]>(slotOf.length);
      for (let k = 0; k < deals.length; k++) {
        const list: FieldChange[] = [];
        for (let j = start[k]!; j < start[k + 1]!; j++) list.push(all[this.rows[j]!]!);
        lists.set(deals[k]!, list);
      }
      this.lists = lists;
    }
    return this.lists;
  }

  get size(): number {
    return this.columns.deals.length;
  }

  has(d: number): boolean {
    return slotOfDeal(this.columns, d) >= 0;
  }

  get(d: number): FieldChange[] | undefined {
    return this.has(d) ? this.made().get(d) : undefined;
  }

  forEach(callback: (value: FieldChange[], d: number, map: ReadonlyMap<number, FieldChange[]>) => void, thisArg?: unknown): void {
    this.made().forEach((value, d) => callback.call(thisArg, value, d, this));
  }

  keys(): MapIterator<number> {
    return this.made().keys();
  }

  values(): MapIterator<FieldChange[]> {
    return this.made().values();
  }

  entries(): MapIterator<[number, FieldChange[]]> {
    return this.made().entries();
  }

  [Symbol.iterator](): MapIterator<[number, FieldChange[]]> {
    return this.entries();
  }
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
