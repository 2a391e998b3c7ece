/**
 * What the two readings without deals.csv share (history-prepass.ts for
 * stage_history.csv, field-prepass.ts for field_history.csv): rows keep
 * their deal_id as a code of its text or, when the fast path refused them,
 * their cells; and the table crosses threads as plain data (prepass-finish.ts
 * takes both over on the thread that has read deals.csv).
 */
import type { Table } from './table.ts';

/** A table as it crosses threads: its columns a list, not a set. */
export type PlainTable = Omit<Table, 'columns'> & { columns: string[] };

export const plainTable = (table: Table): PlainTable => ({ ...table, columns: [...table.columns] });

/** The table again, from what crossed threads: its own stats, which the receiving thread may still change. */
export const wholeTable = (table: PlainTable): Table => ({ ...table, columns: new Set(table.columns), stats: { ...table.stats } });

/** Row `i` refused by the fast path: its code says where its cells are kept (-1 - k for the k-th). */
export function keepCells(rows: { code: Int32Array; kept: Record<string, string>[] }, i: number, cells: Record<string, string>): void {
  rows.code[i] = -1 - rows.kept.length;
  rows.kept.push(cells);
}
