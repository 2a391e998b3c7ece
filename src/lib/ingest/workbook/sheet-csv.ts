/**
 * A sheet's rows as CSV text, whatever workbook they come from (xlsx.ts,
 * xls.ts): every row keeps its number as its line (an empty row is an
 * empty line), and a row ends at its last value.
 */

export interface SheetCsv {
  /** The sheet read: its name in the workbook. */
  sheet: string;
  csv: string;
  /** Other sheets that hold any value: not read. */
  otherSheets: string[];
  /** The visible sheets before the one read that hold no table (a cover: a title, "Prepared by", lines in one column), skipped. */
  skipped: string[];
  /** Formula cells of the sheet read with no value saved (a program that writes formulas without calculating them): they read empty. */
  uncalculated: { count: number; first: { row: number; cell: string } | null };
}

/** A sheet's rows: row number (1-based) to its cells by column (0-based), trailing empty cells dropped. */
export type SheetRows = Map<number, string[]>;

function csvCell(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Sets `text` at `column` of `cells`, filling the columns before it with empty cells. */
export function setCell(cells: string[], column: number, text: string): void {
  while (cells.length < column) cells.push('');
  cells[column] = text;
}

/** Drops a row's empty cells at its end. */
export function trimRow(cells: string[]): string[] {
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  return cells;
}

export function hasValues(rows: SheetRows): boolean {
  for (const cells of rows.values()) if (cells.length > 0) return true;
  return false;
}

/**
 * Whether any row holds three values or more: a table, not a cover sheet's lines or pairs of a label and its value
 * ("Prepared by" | "Sales Ops"). Every export a workbook is read as has more columns than two (HubSpot's, Pipedrive's
 * and Salesforce's; the canonical files beside them are CSV).
 */
export function holdsTable(rows: SheetRows): boolean {
  for (const cells of rows.values()) {
    let filled = 0;
    for (const cell of cells) if (cell !== '' && ++filled === 3) return true;
  }
  return false;
}

/**
 * The sheet read of a workbook's visible sheets: the first that holds a table. A cover sheet before it (a
 * title, "Confidential", "Prepared by" and who, or nothing at all) is skipped,
 * and named; with no table anywhere, the first visible sheet, as Excel opens it. Each sheet's rows are
 * read once; `read` says why one cannot be.
 */
export function firstTableSheet<S>(visible: readonly S[], read: (sheet: S) => SheetRows): { sheet: S; rows: SheetRows; skipped: S[] } {
  const skipped: { sheet: S; rows: SheetRows }[] = [];
  for (const sheet of visible) {
    const rows = read(sheet);
    if (holdsTable(rows)) return { sheet, rows, skipped: skipped.map((s) => s.sheet) };
    skipped.push({ sheet, rows });
  }
  return { ...skipped[0]!, skipped: [] };
}

/**
 * The rows as CSV text, one line per row number from 1 to the last. A short row reads as empty cells to the
 * header's width, as in any CSV, and one stray value far to the right does not widen every row of the sheet.
 */
export function rowsCsv(rows: SheetRows): string {
  let lastRow = 0;
  for (const r of rows.keys()) lastRow = Math.max(lastRow, r);
  const lines: string[] = [];
  for (let r = 1; r <= lastRow; r++) lines.push((rows.get(r) ?? []).map(csvCell).join(','));
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/**
 * Why a workbook is not read when no visible sheet holds a table but a hidden one does (null when none does): its
 * table would otherwise go unseen, the file named with no reason (Excel opens it on the empty visible sheet).
 */
export function hiddenTableReason<S extends { name: string }>(hidden: readonly S[], read: (sheet: S) => SheetRows): string | null {
  // A hidden sheet that cannot be read (missing, cut off) is not the one to send the user to: the reason stays the visible sheets'.
  const readable = (s: S): SheetRows | null => {
    try {
      return read(s);
    } catch {
      return null;
    }
  };
  const found = hidden.filter((s) => {
    const rows = readable(s);
    return rows !== null && holdsTable(rows);
  });
  if (found.length === 0) return null;
  const names = found.map((s) => JSON.stringify(s.name)).join(', ');
  const where = found.length === 1 ? `its only table is on the hidden sheet ${names}` : `its tables are on the hidden sheets ${names}`;
  return `${where}: unhide it in Excel (right-click a sheet tab, Unhide) and save the workbook, or export it again`;
}
