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
    return (record) => {
      records.push({ line: record.line, cells: record.toArray() });
      return true;
    };
  });
  return { file, names, headerLine: table.headerLine, records, rows: table.stats.rows, malformed: table.stats.rejected };
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
