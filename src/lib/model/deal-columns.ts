/**
 * deals.csv's values the model and metrics read per deal, as columns made
 * in one pass per list of deals: a loop then reads typed arrays in order,
 * where the Deal objects are scattered (a cache miss each at a million
 * deals), and compares dates as day numbers, not strings. Only the fields
 * every snapshot reads: a column of a field few deals need (install dates,
 * lifecycles, forecast categories) cost more to make than its readers saved.
 */
import type { Deal } from '../dataset.ts';
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

const columnsOf = new WeakMap<readonly Deal[], DealColumns>();

/** The columns of `deals` (this very list), made on first use. */
export function dealColumns(deals: readonly Deal[]): DealColumns {
  let columns = columnsOf.get(deals);
  if (!columns) {
    const n = deals.length;
    columns = {
      amount: new Float64Array(n),
      removedAt: new Float64Array(n),
      expectedClose: new Array<LocalDate | null>(n),
      expectedCloseDay: new Float64Array(n),
    };
    for (let d = 0; d < n; d++) {
      const deal = deals[d]!;
      columns.amount[d] = deal.amount ?? 0;
      columns.removedAt[d] = deal.removedAt ?? NaN;
      const close = deal.expectedCloseAt;
      columns.expectedClose[d] = close;
      columns.expectedCloseDay[d] = close === null ? NaN : dayOfDateMemo(close);
    }
    columnsOf.set(deals, columns);
  }
  return columns;
}
