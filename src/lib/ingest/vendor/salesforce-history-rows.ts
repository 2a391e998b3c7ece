/**
 * The Opportunity History reports as read (salesforce-report-history.ts):
 * their rows grouped by opportunity, each group in rebuilt order, and how a
 * row's cells, its origin and an opportunity's first and latest rows are read.
 */
import type { Column, DateTexts } from './salesforce-common.ts';
import type { HistoryColumns } from './salesforce-report-history.ts';
import type { Origin, VendorTable } from './types.ts';

/**
 * The history rows grouped by opportunity, each group in rebuilt order. Kept
 * in flat arrays (a report can have a million rows): the rows of opportunity
 * `k` are `rows[order[i]]` for `offsets[k] <= i < offsets[k + 1]`.
 */
export interface HistoryRead {
  columns: HistoryColumns;
  /** Opportunity key to its number, in order of first appearance. */
  index: Map<string, number>;
  /** Per opportunity: its Opportunity ID cell (when the report has the column), name and created date as written. */
  ids: string[];
  names: string[];
  created: string[];
  offsets: Int32Array;
  order: Int32Array;
  /** The history exports read (several may be given); per row: its table, its record there, and its date as written to the canonical files (`dates[dateOf[row]]`). */
  tables: readonly VendorTable[];
  tableOf: Int32Array;
  recordOf: Int32Array;
  dateOf: Int32Array;
  dates: string[];
  /** How report date cells are written to the canonical files. */
  dateTexts: DateTexts;
}

/** Cell `column` of history row `row` ('' when the report lacks the column). */
export function historyCell(read: Pick<HistoryRead, 'tables' | 'tableOf' | 'recordOf'>, row: number, column: Column): string {
  return read.tables[read.tableOf[row]!]!.cell(read.recordOf[row]!, column.index);
}

/** The vendor file and line of history row `row`. */
export function historyOrigin(read: Pick<HistoryRead, 'tables' | 'tableOf' | 'recordOf'>, row: number): Origin {
  const table = read.tables[read.tableOf[row]!]!;
  return { file: table.file, line: table.line(read.recordOf[row]!) };
}

/** Opportunity `k`'s latest row (in rebuilt order). */
export function latestRow(read: HistoryRead, k: number): number {
  return read.order[read.offsets[k + 1]! - 1]!;
}

/** Opportunity `k`'s first row (in rebuilt order). */
export function firstRow(read: HistoryRead, k: number): number {
  return read.order[read.offsets[k]!]!;
}
