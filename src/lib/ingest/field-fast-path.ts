/**
 * The fast verdict on one field_history.csv row, cells compared in place as
 * `historyFastPath` does for stage history: the deal looked up by the
 * caller (an id table, or a dictionary of id texts on the thread that reads
 * before deals.csv is known), the field against the spellings seen so far,
 * a close date by a dictionary of its cells (each distinct cell parsed
 * once), an amount from its digits. A valid row costs no string and no
 * object, where the row reader of every file (coded-row.ts) made a string of
 * most cells, parsed every date and built an object per row.
 *
 * Same parsers as `fieldHistoryRow` (schema.ts), so the same verdict: a row
 * is refused (false) whenever a parser would refuse a cell, and the caller
 * then asks the zod validator, which decides and explains
 * (tests/unit/ingest/properties.test.ts compares the two on random rows).
 */
import type { FieldChange } from '../dataset.ts';
import { AMOUNT_CHANGE, CLOSE_CHANGE, FIELD_OF_KIND } from '../field-table.ts';
import type { CsvRecord } from './csv-record.ts';
import { parseInstantRange } from './dates.ts';
import { Interner } from './interner.ts';
import { type RowContext, trackedField } from './schema.ts';
import { Spellings } from './text-range.ts';
import { parseAmountIn } from './currency-check.ts';
import { Invalid, parseLocalDate } from './values.ts';
import { MAX_AMOUNT, plainAmountRange, thousandsDoubt } from './money.ts';

export const UNTRACKED = 0;
export const AMOUNT = AMOUNT_CHANGE;
export const CLOSE = CLOSE_CHANGE;
export const FIELD_OF = FIELD_OF_KIND;
/** The first spelling value of a field the metrics do not read (`Spellings` values; kinds are below it). */
const OTHER = 3;

/**
 * The FieldChange of a row the fast path accepted (`kind` AMOUNT or CLOSE): an amount converted at the
 * deal's exchange rate, a date's code looked up in `dates`, NaN as no value.
 */
export function fieldChange(deal: number, kind: number, oldValue: number, newValue: number, changedAt: number, line: number, fxRate: number, dates: readonly string[]): FieldChange {
  const value = (v: number): number | string | null => (Number.isNaN(v) ? null : kind === AMOUNT ? v * fxRate : dates[v]!);
  return { deal, field: FIELD_OF[kind]!, oldValue: value(oldValue), newValue: value(newValue), changedAt, line };
}

export interface FieldColumns {
  deal: number;
  field: number;
  oldValue: number;
  newValue: number;
  changedAt: number;
}

/**
 * `findDeal(src, s, e)`: the deal of a non-empty deal_id cell, or -1 to refuse the row.
 * `currencyOf(deal)`: the currency an amount of that deal must be in ('' when no deal is known yet:
 * then an amount naming any currency is refused, and the validator decides once the deal is).
 */
export function fieldFastPath(ctx: RowContext, findDeal: (src: string, s: number, e: number) => number, currencyOf: (deal: number) => string, at: FieldColumns) {
  // A file has a handful of spellings of its fields; one with thousands would read the rest cell by cell.
  const spellings = new Spellings();
  /** Distinct close-date cells, by code; what each reads as, once asked: a date's code in `dates`, or -1 (refused). */
  const cells = [''];
  const dateCells = new Interner(cells);
  const dateOfCell: number[] = [-1];
  const dateCode = new Map<string, number>();
  const dates: string[] = [];

  /** The value of a cell of this kind: an amount before the exchange rate, a date's code, NaN for none; undefined: refused. */
  const valueOf = (record: CsvRecord, i: number, kind: number, deal: number): number | undefined => {
    record.range(i);
    const src = record.rangeSrc;
    const s = record.rangeStart;
    const e = record.rangeEnd;
    if (s === e || kind === UNTRACKED) return NaN;
    if (kind === AMOUNT) {
      const quick = plainAmountRange(src, s, e, ctx.numbers.decimal);
      if (quick >= 0 && quick <= MAX_AMOUNT) return quick;
      const cell = src.slice(s, e);
      // An amount that may be a thousand times more (`12.000`): the validator's path reads it and warns (amount-doubt.ts).
      if (thousandsDoubt(cell, ctx.numbers.decimal) !== null) return undefined;
      // A backslash read as ₩ (currency-check.ts `BACKSLASH`): likewise, the validator's path reads it and says so (won-backslash.ts).
      if (src.charCodeAt(s) === 0x5c) return undefined;
      const v = parseAmountIn(cell, currencyOf(deal), "the deal's currency", ctx.numbers);
      return v instanceof Invalid ? undefined : v;
    }
    const c = dateCells.code(src, s, e);
    if (c === dateOfCell.length) {
      const v = parseLocalDate(cells[c]!, ctx.dates);
      let d = -1;
      if (!(v instanceof Invalid)) {
        d = dateCode.get(v) ?? -1;
        if (d < 0) dateCode.set(v, (d = dates.push(v) - 1));
      }
      dateOfCell.push(d);
    }
    const d = dateOfCell[c]!;
    return d < 0 ? undefined : d;
  };

  /** The names of the fields the metrics do not read, as first written (unused-fields.ts says them). */
  const otherFields: string[] = [];
  const otherIndex = new Map<string, number>();
  const spellingValue = (cell: string): number => {
    const field = trackedField(cell);
    if (field !== null) return field === 'amount' ? AMOUNT : CLOSE;
    let k = otherIndex.get(cell);
    if (k === undefined) otherIndex.set(cell, (k = otherFields.push(cell) - 1));
    return OTHER + k;
  };

  const result = {
    deal: 0,
    /** UNTRACKED, AMOUNT or CLOSE. */
    kind: UNTRACKED,
    /** An UNTRACKED row's field: its name's index in `otherFields` (negative for a tracked one). */
    other: -1,
    otherFields,
    oldValue: NaN,
    newValue: NaN,
    changedAt: 0,
    /** Distinct close dates, by the codes the values of CLOSE rows hold. */
    dates,
    check(record: CsvRecord): boolean {
      record.range(at.deal);
      let src = record.rangeSrc;
      let s = record.rangeStart;
      let e = record.rangeEnd;
      if (s === e) return false;
      const deal = findDeal(src, s, e);
      if (deal < 0) return false;

      record.range(at.field);
      src = record.rangeSrc;
      s = record.rangeStart;
      e = record.rangeEnd;
      if (s === e) return false;
      // A spelling's value is its kind, or OTHER + the index of its name in `otherFields` for a field the metrics do not read.
      let spelled = spellings.find(src, s, e);
      if (spelled < 0) {
        const cell = src.slice(s, e);
        spelled = spellingValue(cell);
        spellings.add(cell, spelled);
      }
      const kind = spelled >= OTHER ? UNTRACKED : spelled;

      record.range(at.changedAt);
      if (record.rangeStart === record.rangeEnd) return false;
      const changedAt = parseInstantRange(record.rangeSrc, record.rangeStart, record.rangeEnd, ctx.dates);
      if (Number.isNaN(changedAt)) return false;

      const oldValue = valueOf(record, at.oldValue, kind, deal);
      if (oldValue === undefined) return false;
      const newValue = valueOf(record, at.newValue, kind, deal);
      if (newValue === undefined) return false;
      result.deal = deal;
      result.kind = kind;
      result.other = spelled - OTHER;
      result.oldValue = oldValue;
      result.newValue = newValue;
      result.changedAt = changedAt;
      return true;
    },
  };
  return result;
}
