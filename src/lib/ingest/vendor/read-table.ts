/** A vendor file read whole into a VendorTable, with the same decoding and CSV rules as canonical files. */
import type { ByteSource } from '../decode.ts';
import type { IssueLog } from '../issues.ts';
import { readTable, type Table, type TableSpec } from '../table.ts';
import type { VendorRecord } from './types.ts';
import { VendorTable } from './vendor-table.ts';

/** `keep`: given the header names, the columns to keep (the others read as ''); null keeps all. */
export type KeepColumns = (names: readonly string[]) => readonly number[] | null;

export function readVendorTable(file: string, source: ByteSource, issues: IssueLog, keep?: KeepColumns): VendorTable {
  const read = readVendorRecords(file, source, { file, required: [], known: [], fieldCount: true }, issues, keep);
  finishVendorTable(read.vendor, issues);
  return read.vendor;
}

/**
 * The records of `source` into a VendorTable, without looking for title
 * lines yet (a file read in parts: see read-split.ts). `onHeader` is called
 * once the header is known. `into`: a table to add the records to (a part
 * read below the header of a table already started, from UTF-8 only: one
 * decoding attempt), counts included.
 */
export function readVendorRecords(file: string, source: ByteSource, spec: TableSpec, issues: IssueLog, keep?: KeepColumns, onHeader?: (table: Table) => void, into?: VendorTable): { vendor: VendorTable; table: Table } {
  let vendor = into ?? new VendorTable(file, [], 0);
  const before = { rows: vendor.rows, malformed: vendor.malformed };
  const table = readTable(source, spec, { issues }, (t) => {
    // Fresh state for each decoding attempt (see readTable).
    if (into === undefined) vendor = new VendorTable(file, t.names, t.headerLine, keep?.(t.names) ?? null, t.headers);
    onHeader?.(t);
    return (record) => {
      vendor.push(record);
      return true;
    };
  });
  vendor.rows = before.rows + table.stats.rows;
  vendor.malformed = before.malformed + table.stats.rejected;
  return { vendor, table };
}

/** After the last record: the report title lines above the real header, if any. */
export function finishVendorTable(table: VendorTable, issues: IssueLog): void {
  skipTitleLines(table, issues);
}

/** Non-empty cells of a record. */
function filledCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== '') n++;
  return n;
}

/**
 * A report saved from a "Formatted" export opens with its title (and maybe a
 * filter line) above the header: records of one cell each. The real header is
 * the first record with two or more cells; the lines above it are not rows
 * (not counted), reported once.
 */
function skipTitleLines(table: VendorTable, issues: IssueLog): void {
  if (filledCells(table.names) > 1) return;
  // Title lines are few: look at the first records only, as objects.
  let at = -1;
  const above: VendorRecord[] = [];
  for (let r = 0; r < Math.min(table.length, 100) && at === -1; r++) {
    const record = { line: table.line(r), cells: Array.from({ length: table.cellCount }, (_, c) => table.cell(r, c)) };
    if (filledCells(record.cells) > 1) at = r;
    above.push(record);
  }
  if (at === -1) return;
  const header = above.pop()!;
  table.preamble = [{ line: table.headerLine, cells: table.headers }, ...above];
  table.names = header.cells.map((c) => c.toLowerCase());
  table.headers = header.cells;
  table.headerLine = header.line;
  table.dropFirst(at + 1);
  table.rows -= at + 1;
  const lines = table.preamble.map((r) => r.line).join(', ');
  const text = table.preamble.map((r) => r.cells.find((c) => c !== '') ?? '').join(' / ');
  issues.warning(
    table.file,
    table.preamble[0]!.line,
    '',
    'report_title',
    `line${table.preamble.length > 1 ? 's' : ''} ${lines} ("${text}") above the header ${table.preamble.length > 1 ? 'are' : 'is'} the report's title, not data; skipped`,
  );
}

/** Positions of columns by lower-cased name (first occurrence wins, as for canonical files); -1 when absent. */
export function columnIndex(names: readonly string[]): (name: string) => number {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (n !== '' && !index.has(n)) index.set(n, i);
  });
  return (name) => index.get(name.toLowerCase()) ?? -1;
}

/** The first of `candidates` present in the header, or -1. */
export function firstColumn(find: (name: string) => number, ...candidates: string[]): number {
  for (const c of candidates) {
    const i = find(c);
    if (i !== -1) return i;
  }
  return -1;
}

/** Cell `i` of a record ('' for an absent column or past the record's end). */
export function cellAt(record: VendorRecord, i: number): string {
  return i < 0 ? '' : (record.cells[i] ?? '');
}
