/**
 * A table's header (table.ts): the position of each known column, read
 * under a CRM's name for it or a spelling near its own, with the warnings
 * on the header's columns; required columns missing are fatal.
 */
import type { Delimiter } from './csv.ts';
import type { Encoding } from './decode.ts';
import { duplicateColumnMessage, duplicateColumns } from './header-duplicates.ts';
import { missingColumns } from './header-hints.ts';
import { columnsReadAs, headerSpelling, notReadMessage, writtenOtherwiseMessage } from './header-spelling.ts';
import type { IssueLog } from './issues.ts';
import { unicodeLineEnds, UNICODE_LINE_END } from './not-text-csv.ts';
import type { Table, TableSpec } from './table.ts';

/** Index for a column the file does not have: past any record's end, so its cells read as ''. */
export const ABSENT = 0x7fffffff;

export function headerTable(spec: TableSpec, names: string[], line: number, encoding: Encoding, issues: IssueLog, delimiter: Delimiter, headers: string[] = names): Table {
  const { file } = spec;
  const index: Record<string, number> = {};
  for (const name of spec.known) index[name] = ABSENT;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '' || seen.has(name)) return;
    seen.add(name);
    if (Object.hasOwn(index, name)) index[name] = i;
  });
  const separator = headers.map((h) => UNICODE_LINE_END.exec(h)).find((m) => m !== null);
  if (separator) throw unicodeLineEnds(file, separator[0]);
  for (const d of duplicateColumns(names, headers)) issues.warning(file, line, d.name, 'duplicate_column', duplicateColumnMessage(d));
  const read = readAs(spec, names, headers, index, seen);
  if (read.length > 0) issues.warning(file, line, read[0]![0], 'columns_read_as', columnsReadAsMessage(read));
  const missing = spec.required.filter((c) => !seen.has(c));
  if (missing.length > 0) throw missingColumns(file, missing, headers, names);
  // A canonical file (its required columns are there): its optional columns written another way are read, near misses named.
  const optional = spec.known.filter((c) => !spec.required.includes(c));
  const spelling = headerSpelling(optional, spec.known, names, (c) => seen.has(c), read.map(([, column]) => index[column]!));
  for (const [i, column] of spelling.readAs) {
    index[column] = i;
    seen.add(column);
  }
  const written = spelling.readAs.map(([i, column]): [string, string] => [headers[i]!, column]);
  if (written.length > 0) issues.warning(file, line, written[0]![0], 'column_written_otherwise', writtenOtherwiseMessage(written));
  for (const [i, column] of spelling.lookalikes) issues.warning(file, line, headers[i]!, 'column_not_read', notReadMessage(headers[i]!, column));
  return { file, columns: seen, names, headers, index, headerLine: line, encoding, delimiter, cleanEnd: true, stats: { rows: 0, accepted: 0, rejected: 0 } };
}

/** The known columns the header lacks that it has under another name (`spec.aliases`): indexed, and added to `seen`. */
function readAs(spec: TableSpec, names: readonly string[], headers: readonly string[], index: Record<string, number>, seen: Set<string>): [string, string][] {
  const read: [string, string][] = [];
  for (const [column, others] of spec.aliases ?? []) {
    if (seen.has(column)) continue;
    const i = names.findIndex((name) => others.includes(name));
    if (i === -1) continue;
    index[column] = i;
    seen.add(column);
    read.push([headers[i]!, column]);
  }
  return read;
}

/** 'columns "Record ID" read as account_id and "Company name" as account_name, as a CRM's own export names them'. */
function columnsReadAsMessage(read: readonly [string, string][]): string {
  return `${columnsReadAs(read)}, as a CRM's own export names ${read.length > 1 ? 'them' : 'it'}`;
}

/** The positions of `table`'s header columns that no known column is read from: named, and the first of their name. */
export function columnsNotRead(table: Pick<Table, 'headers' | 'names' | 'index'>): number[] {
  const read = new Set(Object.values(table.index));
  const out: number[] = [];
  table.headers.forEach((header, i) => {
    if (header.trim() !== '' && !read.has(i) && table.names.indexOf(table.names[i]!) === i) out.push(i);
  });
  return out;
}
