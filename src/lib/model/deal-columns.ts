/**
 * The deal table's values as every snapshot reads them, made once per table:
 * amounts with unknown as 0 (rule 8), expected close dates as strings and as
 * day numbers (dates compared as numbers, not strings). Each distinct date is
 * turned into its day number once, by its code.
 */
import type { DealTable } from '../deal-table.ts';
import { type LocalDate } from '../time.ts';
import { dayOfDateMemo } from '../day-numbers.ts';

export interface DealColumns {
  /** Amount in config currency, 0 when unknown. */
  amount: Float64Array;
  /** removed_at, NaN when none. */
  removedAt: Float64Array;
  expectedClose: (LocalDate | null)[];
  /** expected_close_at as a day number (`dayOfDate`), NaN when none: every comparison with it is false, as with no date. */
  expectedCloseDay: Float64Array;
}

const columnsOf = new WeakMap<DealTable, DealColumns>();

/** The columns of `deals` (this very table), made on first use. */
export function dealColumns(deals: DealTable): DealColumns {
  let columns = columnsOf.get(deals);
  if (!columns) {
    const n = deals.length;
    const { codes, names } = deals.expectedCloseAt;
    const dateOf = names.map((name) => (name === '' ? null : (name as LocalDate)));
    const dayOf = Float64Array.from(dateOf, (date) => (date === null ? NaN : dayOfDateMemo(date)));
    columns = {
      amount: new Float64Array(n),
      removedAt: deals.removedAt,
      expectedClose: new Array<LocalDate | null>(n),
      expectedCloseDay: new Float64Array(n),
    };
    for (let d = 0; d < n; d++) {
      const amount = deals.amount[d]!;
      columns.amount[d] = amount === amount ? amount : 0;
      const code = codes[d]!;
      columns.expectedClose[d] = dateOf[code]!;
      columns.expectedCloseDay[d] = dayOf[code]!;
    }
    columnsOf.set(deals, columns);
  }
  return columns;
}
