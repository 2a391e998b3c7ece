/** A vendor file read whole into a VendorTable, with the same decoding and CSV rules as canonical files. */
import type { ByteSource } from '../decode.ts';
import type { IssueLog } from '../issues.ts';
import { readTable } from '../table.ts';
import type { VendorRecord, VendorTable } from './types.ts';

export function readVendorTable(file: string, source: ByteSource, issues: IssueLog): VendorTable {
  let names: string[] = [];
  let records: VendorRecord[] = [];
  const table = readTable(source, { file, required: [], known: [] }, { issues }, (t) => {
    // Fresh state for each decoding attempt (see readTable).
    names = t.names;
    records = [];
    let above: string[] = [];
    return (record) => {
      // Exports repeat values down a column (an opportunity's name and owner on each of its
      // history rows): a cell equal to the one above reuses its string, so the file's
      // million rows keep far fewer strings alive (measured: garbage collection was 40% of the read).
      const cells = new Array<string>(record.length);
      for (let i = 0; i < record.length; i++) {
        record.range(i);
        const prior = above[i];
        cells[i] = prior !== undefined && sameText(prior, record.rangeSrc, record.rangeStart, record.rangeEnd) ? prior : record.rangeSrc.slice(record.rangeStart, record.rangeEnd);
      }
      above = cells;
      records.push({ line: record.line, cells });
      return true;
    };
  });
  const read: VendorTable = { file, names, headerLine: table.headerLine, records, rows: table.stats.rows, malformed: table.stats.rejected, preamble: [] };
  skipTitleLines(read, issues);
  return read;
}

/** Whether `text` equals `src[start, end)`, compared in place. */
function sameText(text: string, src: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== src.charCodeAt(start + i)) return false;
  return true;
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
  const at = table.records.findIndex((r) => filledCells(r.cells) > 1);
  if (at === -1) return;
  const header = table.records[at]!;
  table.preamble = [{ line: table.headerLine, cells: table.names }, ...table.records.slice(0, at)];
  table.names = header.cells.map((c) => c.toLowerCase());
  table.headerLine = header.line;
  table.records = table.records.slice(at + 1);
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
