/**
 * field_history.csv's accepted changes as columns: what ingest's reading on
 * the history thread hands over (ingest/field-prepass.ts) and what the field
 * replay reads (model/replay-columns.ts). A FieldChange object per change,
 * made and then regrouped per deal, took ~0.1 s of the single-threaded work
 * after the reading at 100k deals (95k changes); the objects are made from
 * the table only when a page or a test reads `Dataset.fieldHistory`.
 */
import type { Dataset, FieldChange, TrackedField } from './dataset.ts';
import type { LocalDate } from './time.ts';

/** The kinds of change a table holds (`kind`), as FieldChange names their fields. */
export const AMOUNT_CHANGE = 1;
export const CLOSE_CHANGE = 2;
/** The field of each kind, as a FieldChange names it. */
export const FIELD_OF_KIND: readonly (TrackedField | null)[] = [null, 'amount', 'expected_close_at'];

export interface FieldTable {
  readonly length: number;
  /** Per change, in file order: its deal's index. */
  readonly deal: Int32Array;
  /** AMOUNT_CHANGE or CLOSE_CHANGE. */
  readonly kind: Int8Array;
  /** An amount in config currency, or the index of a date in `dates`; NaN: no value. */
  readonly oldValue: Float64Array;
  readonly newValue: Float64Array;
  readonly dates: readonly LocalDate[];
  readonly changedAt: Float64Array;
  readonly line: Int32Array;
}

/** The value a FieldChange holds for a table's number of `kind`. */
export function changeValue(t: Pick<FieldTable, 'dates'>, kind: number, v: number): number | LocalDate | null {
  return Number.isNaN(v) ? null : kind === AMOUNT_CHANGE ? v : t.dates[v]!;
}

/** Change `i` of the table as an object. */
export function changeAt(t: FieldTable, i: number): FieldChange {
  const kind = t.kind[i]!;
  return { deal: t.deal[i]!, field: FIELD_OF_KIND[kind]!, oldValue: changeValue(t, kind, t.oldValue[i]!), newValue: changeValue(t, kind, t.newValue[i]!), changedAt: t.changedAt[i]!, line: t.line[i]! };
}

const byDataset = new WeakMap<object, FieldTable>();

/**
 * Gives `dataset` its field changes as `table`: `Dataset.fieldHistory` is made from it on first read, once.
 * A caller that sets `fieldHistory` (a test editing a dataset) gets what it set, and the table is dropped.
 */
export function giveFieldTable(dataset: Dataset, table: FieldTable): void {
  let changes: FieldChange[] | null = null;
  Object.defineProperty(dataset, 'fieldHistory', {
    enumerable: true,
    configurable: true,
    get: () => (changes ??= Array.from({ length: table.length }, (_, i) => changeAt(table, i))),
    set: (value: FieldChange[] | null) => {
      changes = value;
      byDataset.delete(dataset);
    },
  });
  byDataset.set(dataset, table);
}

/** The table ingest gave the dataset's field changes, or null (the changes are then its `fieldHistory`, if any). */
export function ownFieldTable(dataset: Pick<Dataset, 'fieldHistory'>): FieldTable | null {
  return byDataset.get(dataset) ?? null;
}
