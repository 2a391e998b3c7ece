/**
 * One CSV file as a table: decode, parse, map the header, enforce required
 * columns (fatal), and tally rows. Readers only say whether each row was
 * accepted; the tally here is what guarantees rows = accepted + rejected.
 */
import type { FileStats } from '../dataset.ts';
import { type CsvRecord, parseCsv } from './csv.ts';
import { type ByteSource, type Decoding, decodeSource, type Encoding, encodingAttempts, headOf, UndecodableError } from './decode.ts';
import { IngestFatalError, type IssueLog } from './issues.ts';

export type ProgressCallback = (file: string, bytesDone: number, bytesTotal: number) => void;

export interface TableSpec {
  file: string;
  /** Columns that must exist (a missing one is fatal). */
  required: readonly string[];
  /** Every column the reader looks at, required ones included. */
  known: readonly string[];
}

/** Index for a column the file does not have: past any record's end, so its cells read as ''. */
export const ABSENT = 0x7fffffff;

export interface Table {
  file: string;
  /** Lower-cased names of all columns present, known or not. */
  columns: Set<string>;
  /** The header's lower-cased names by position (vendor adapters read columns by position). */
  names: string[];
  /** Position of each known column (first occurrence), ABSENT when missing. */
  index: Record<string, number>;
  headerLine: number;
  encoding: Encoding;
  stats: FileStats;
}

export interface TableOptions {
  issues: IssueLog;
  onProgress?: ProgressCallback | undefined;
}

/** Returns true when the row is accepted; a rejected row must have logged an error issue. */
export type RowHandler = (record: CsvRecord) => boolean;

/**
 * Read `source` and feed its rows to the handler that `start` makes once the
 * header is known. When the bytes turn out not to be in the encoding tried,
 * the file is read again from the start in the next one: `start` is then
 * called again and must begin from fresh state, and the issues of the failed
 * attempt are dropped. How the bytes were read (replaced bytes, lines in a
 * legacy encoding inside a UTF-8 file) is one warning at the first line concerned.
 */
export function readTable(source: ByteSource, spec: TableSpec, opts: TableOptions, start: (table: Table) => RowHandler): Table {
  const { file } = spec;
  const { issues } = opts;
  const mark = issues.mark();
  for (const attempt of encodingAttempts(headOf(source))) {
    issues.rollback(mark);
    let table: Table | null = null;
    let handler: RowHandler | null = null;
    let decoding: Decoding;
    try {
      decoding = decodeSource(source, attempt, (done, total) => opts.onProgress?.(file, done, total));
      const { encoding } = decoding;
      parseCsv(decoding.text, {
        header({ names, line }) {
          table = headerTable(spec, names, line, encoding, issues);
          handler = start(table);
        },
        record(record) {
          const t = table!;
          t.stats.rows++;
          if (record.malformed !== null) {
            issues.error(file, record.line, '', 'malformed_csv', `${record.malformed}; row rejected`);
            t.stats.rejected++;
          } else if (handler!(record)) t.stats.accepted++;
          else t.stats.rejected++;
        },
      });
    } catch (e) {
      if (e instanceof UndecodableError) continue;
      throw e;
    }
    if (table === null) throw missingColumns(file, spec.required, ' (the file is empty)');
    const notice = decoding.notice();
    if (notice) issues.warning(file, notice.line, '', notice.code, notice.message);
    return table;
  }
  throw new Error('unreachable: the last decoding attempt never throws');
}

function headerTable(spec: TableSpec, names: string[], line: number, encoding: Encoding, issues: IssueLog): Table {
  const { file } = spec;
  const index: Record<string, number> = {};
  for (const name of spec.known) index[name] = ABSENT;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (seen.has(name)) {
      issues.warning(file, line, name, 'duplicate_column', `column "${name}" appears more than once; the first one is used`);
      return;
    }
    seen.add(name);
    if (name in index) index[name] = i;
  });
  const missing = spec.required.filter((c) => !seen.has(c));
  if (missing.length > 0) throw missingColumns(file, missing);
  return { file, columns: seen, names, index, headerLine: line, encoding, stats: { rows: 0, accepted: 0, rejected: 0 } };
}

function missingColumns(file: string, missing: readonly string[], note = ''): IngestFatalError {
  const list = missing.map((c) => `"${c}"`).join(', ');
  return new IngestFatalError(file, `${file}: missing required column${missing.length > 1 ? 's' : ''} ${list}${note}`);
}

/**
 * Objects with many properties added by computed key fall into V8's slow
 * dictionary mode (and cost GC); a clone of an `Object.fromEntries` template
 * whose properties are only overwritten keeps the fast shape.
 */
export function objectTemplate<T>(keys: readonly string[], value: T): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

/** Reads the known `columns` of each record as an object of trimmed cells: the input of a row definition. */
export function rowReader(table: Table, columns: readonly string[]): (record: CsvRecord) => Record<string, string> {
  const template = objectTemplate(columns, '');
  const index = columns.map((c) => table.index[c]!);
  return (record) => {
    const row = { ...template };
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = record.cell(index[i]!);
    return row;
  };
}
