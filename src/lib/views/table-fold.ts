/** How a table model lays out on its page (DataTable.astro): whether it is long, and a folded table's first rows and counts. */
import type { Cell, TableModel } from './table.ts';

/** Tables longer than this skip layout until scrolled to (content-visibility: site.css `.long`). */
export const LONG_TABLE_ROWS = 50;

/** Whether the page skips the table's layout until it is scrolled to. */
export function isLongTable(table: Pick<TableModel, 'rows'>): boolean {
  return table.rows.length > LONG_TABLE_ROWS;
}

/**
 * A folded table's (TableModel `fold`) first rows, how many rows are not among them ("and N more": those behind
 * "Show all" and those only its CSV has), and how many it has in all ("Show all N"); null when it does not fold.
 */
export function tableFold(table: Pick<TableModel, 'rows' | 'fold' | 'truncated'>): { top: Cell[][]; more: number; all: number } | null {
  if (table.fold === undefined) return null;
  return { top: table.rows.slice(0, table.fold), more: table.rows.length - table.fold + table.truncated, all: table.rows.length + table.truncated };
}
