/**
 * Rows at the foot of an export that are not data: a Salesforce report's
 * "Grand Totals (N records)" and the lines after it, or the totals row a
 * spreadsheet adds under a HubSpot or Pipedrive export saved back from Excel
 * (`Total,,,"$89,234.56"`). Such a row names no deal: it is reported, naming
 * its file and line, and is not a row (never a deal, nor a pipeline).
 * The word is the one the canonical reader knows (../totals-row.ts).
 */
import { isTotalsWord } from '../totals-row.ts';
import type { Origin, VendorRecord, VendorTable } from './types.ts';

/**
 * A number a totals row sums, counts or averages: `3810500`, `$89,234.56`, `EUR 820.000,00`, `12000 USD`,
 * `2.31045e+06`, `(1,000)`, `45%`; not a date (`2025-06-30`) nor words.
 */
const NUMBER = /^\(?[-+]?\s*(?:[A-Z]{1,3}\s*)?\p{Sc}?\s*[-+]?\d[\d.,'\u00a0\u202f ]*(?:[eE][-+]?\d+)?\s*%?\)?(?:\s*[A-Z]{3})?$/u;

/**
 * Whether a record is a totals row: its first value is the word a totals row starts with ("Total", "Totals",
 * "Grand Total", "Grand Totals (37 records)", "합계", "총계", ...), the deal's id cell (`idColumn`, -1: none) is empty
 * or holds that word, and every other value is a number (the sums of the amount columns). A deal has an owner, a
 * stage or a date: a deal named "Total" is no totals row.
 */
export function isTotalsRecord(cells: readonly string[], idColumn: number): boolean {
  const first = cells.findIndex((cell) => cell.trim() !== '');
  if (first < 0 || !isTotalsWord(cells[first]!)) return false;
  if (idColumn >= 0 && idColumn !== first && (cells[idColumn] ?? '').trim() !== '') return false;
  for (let i = first + 1; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (cell !== '' && !NUMBER.test(cell)) return false;
  }
  return true;
}

/**
 * Report records that are not rows, a run of consecutive ones, once: their lines and each one's first value (`what`:
 * what they are, singular and plural); and mark them as not rows.
 */
export function skipNotRows(
  file: string,
  rows: readonly VendorRecord[],
  what: { one: string; many: string },
  notRows: Origin[],
  warn: (line: number, message: string) => void,
): void {
  if (rows.length === 0) return;
  const texts: string[] = [];
  for (const row of rows) {
    const text = row.cells.find((cell) => cell !== '');
    if (text !== undefined) texts.push(text);
  }
  for (const row of rows) notRows.push({ file, line: row.line });
  const span = rows.length === 1 ? `line ${rows[0]!.line}` : `lines ${rows[0]!.line}-${rows.at(-1)!.line}`;
  const shown = texts.map((t) => `"${t.length > 60 ? `${t.slice(0, 60)}…` : t}"`).join(', ');
  warn(rows[0]!.line, `${span} (${shown}) ${rows.length === 1 ? `is ${what.one}` : `are ${what.many}`}; skipped`);
}

const TOTALS = { one: 'a totals row, not a deal', many: 'totals rows, not deals' };

/**
 * A HubSpot or Pipedrive export's records without its totals rows, each run of them reported (`warn`, on its first
 * line) and set aside as not rows. `cell`: how the export's cells read (HubSpot's `(No value)` is empty).
 */
export function withoutTotalsRows(
  table: VendorTable,
  idColumn: number,
  notRows: Origin[],
  warn: (line: number, message: string) => void,
  cell: (record: VendorRecord, i: number) => string = (record, i) => record.cells[i] ?? '',
): VendorRecord[] {
  const kept: VendorRecord[] = [];
  let run: VendorRecord[] = [];
  const firstValue = (record: VendorRecord) => {
    for (let i = 0; i < record.cells.length; i++) if (cell(record, i).trim() !== '') return cell(record, i);
    return '';
  };
  for (const record of table.records) {
    // Only a record that starts with the word has its cells looked at (an export of many rows has none).
    const cells = isTotalsWord(firstValue(record)) ? record.cells.map((_, i) => cell(record, i)) : null;
    if (cells !== null && isTotalsRecord(cells, idColumn)) {
      run.push({ line: record.line, cells });
      continue;
    }
    skipNotRows(table.file, run, TOTALS, notRows, warn);
    run = [];
    kept.push(record);
  }
  skipNotRows(table.file, run, TOTALS, notRows, warn);
  return kept;
}
