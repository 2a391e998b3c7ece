/**
 * One opportunity's history rows put back in order (salesforce-report-history.ts
 * gathers them): sorted by date, ties in file order, then each day's rows by
 * their From -> To chain (salesforce-order.ts), or left in file order and warned of.
 */
import type { AdapterLog } from './salesforce-common.ts';
import { historyCell, historyOrigin } from './salesforce-history-rows.ts';
import { pairOrder, tiedOrder } from './salesforce-order.ts';
import type { Gathered, HistoryColumns } from './salesforce-report-history.ts';

/** Instants of the rows being ordered (module scratch: the comparator reads it). */
let at: Float64Array = new Float64Array(0);
const byDate = (a: number, b: number) => at[a]! - at[b]! || a - b;

/**
 * Sort `order[lo, hi)` by date, ties in file order (row numbers ascending).
 * Reports list an opportunity's rows newest first or oldest first, so those
 * two cases are done by a scan (and a reversal); other orders are sorted.
 */
function sortByDate(order: Int32Array, lo: number, hi: number): void {
  let ascending = true;
  let descending = true;
  for (let i = lo + 1; i < hi && (ascending || descending); i++) {
    const d = at[order[i]!]! - at[order[i - 1]!]!;
    if (d < 0 || (d === 0 && order[i]! < order[i - 1]!)) ascending = false;
    if (d > 0) descending = false;
  }
  if (ascending) return;
  if (!descending) {
    order.subarray(lo, hi).sort(byDate);
    return;
  }
  // In place (a subarray per opportunity is an object each, for a hundred thousand of them).
  for (let i = lo, j = hi - 1; i < j; i++, j--) {
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  // Equal dates came newest row last; the reversal turned them around: put each run back in file order.
  for (let i = lo; i < hi; ) {
    let j = i + 1;
    while (j < hi && at[order[j]!] === at[order[i]!]) j++;
    if (j - i === 2) {
      if (order[i]! > order[i + 1]!) {
        const x = order[i]!;
        order[i] = order[i + 1]!;
        order[i + 1] = x;
      }
    } else if (j - i > 2) order.subarray(i, j).sort();
    i = j;
  }
}

/** Sort one opportunity's rows by date (ties: file order), then order each day's rows by their From -> To chain. */
export function rebuildOrder(read: Gathered, c: HistoryColumns, order: Int32Array, lo: number, hi: number, ctx: AdapterLog): void {
  at = read.at;
  if (hi - lo > 1) sortByDate(order, lo, hi);
  let before = '';
  for (let i = lo; i < hi; ) {
    let j = i + 1;
    while (j < hi && at[order[j]!] === at[order[i]!]) j++;
    if (j - i > 1) orderTies(read, c, order, i, j, before, ctx);
    before = historyCell(read, order[j - 1]!, c.to);
    i = j;
  }
}

/** Rows `order[i..j)` share a date: put them in chain order from `before`, or leave them in file order and warn. */
function orderTies(read: Gathered, c: HistoryColumns, order: Int32Array, i: number, j: number, before: string, ctx: AdapterLog): void {
  // Two rows, the common tie: tiedOrder's answer without its arrays when one order chains from `before`.
  if (j - i === 2) {
    const [a, b] = [order[i]!, order[i + 1]!];
    const pair = pairOrder(historyCell(read, a, c.from), historyCell(read, a, c.to), historyCell(read, b, c.from), historyCell(read, b, c.to), before);
    if (pair === 'as listed') return;
    if (pair === 'swapped') {
      order[i] = b;
      order[i + 1] = a;
      return;
    }
  }
  const group = Array.from(order.subarray(i, j));
  const chain = tiedOrder(
    group.map((row) => historyCell(read, row, c.from)),
    group.map((row) => historyCell(read, row, c.to)),
    before,
  );
  if (chain) {
    chain.forEach((k, n) => (order[i + n] = group[k]!));
    return;
  }
  const first = historyOrigin(read, group[0]!);
  const lines = group.map((row) => historyOrigin(read, row).line).join(', ');
  const k = read.opportunity[group[0]!]!;
  ctx.warn(
    first.file,
    first.line,
    c.from.label,
    'unordered_history',
    `opportunity "${read.names[k] || read.ids[k]}": the ${group.length} rows of ${historyCell(read, group[0]!, c.date)} (lines ${lines}) do not link up "${c.from.label}" -> "${c.to.label}", so their order that day is unknown; kept in file order`,
  );
}
