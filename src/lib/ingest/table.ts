/**
 * One CSV file as a table: decode, parse, map the header, enforce required
 * columns (fatal), and tally rows. Readers only say whether each row was
 * accepted; the tally here is what guarantees rows = accepted + rejected.
 *
 * Before a reader sees a record, the table rejects the records the CSV
 * reader could not read (`malformed_csv`, `record_too_long`) and, for the
 * canonical files (`TableSpec.fieldCount`), those with more cells than the
 * header where an extra cell is not blank (`field_count`: an unquoted
 * delimiter has shifted every later cell). A row with fewer cells reads its
 * missing trailing cells as empty, except the file's last row without a line
 * end, cut after a delimiter (`truncated_row`: a file cut off, whose last cell
 * may be cut too; a last line of one cell is a report's footer line as often,
 * which its adapter tells). A header of one cell is not checked: it
 * may be a report's title above the real header (vendor/read-table.ts).
 */
import type { FileStats } from '../dataset.ts';
import { type Delimiter, NulCharacterError, parseCsv } from './csv.ts';
import { CsvRecord } from './csv-record.ts';
import { ExtraBlankLines, fieldCountMessage, opensCurlyQuote, problemMessage, QuoteTextLines, reorderedHeaderMessage, TextFormulaLines, truncatedMessage, UnnamedValueLines } from './csv-messages.ts';
import { type ByteSource, type DecodeAttempt, decodeSource, type Encoding, encodingAttempts, headOf, UndecodableError } from './decode.ts';
import { HEAD_BYTES } from './export-listing.ts';
import { missingColumnsError } from './header-hints.ts';
import { headerBelowNote } from './header-below.ts';
import { IngestFatalError, IssueLog } from './issues.ts';
import { nulError } from './not-text-csv.ts';
import { headerTable } from './table-header.ts';
import { columnAt, firstValueFrom, type HeaderLine, HeaderNames, headerOrder, headerWidth, namedWidth, type Reordered, reorderedBy, sameOrder } from './table-shape.ts';

export type ProgressCallback = (file: string, bytesDone: number, bytesTotal: number) => void;

export interface TableSpec {
  file: string;
  /** Columns that must exist (a missing one is fatal). */
  required: readonly string[];
  /** Every column the reader looks at, required ones included. */
  known: readonly string[];
  /**
   * Other names a known column is read under when the header lacks it (lower-cased; the first found is read), as a
   * CRM's own export writes it. Each one read is said once (`columns_read_as`).
   */
  aliases?: readonly (readonly [column: string, names: readonly string[]])[];
  /** Reject rows with more cells than the header (`field_count`); default: when `known` names columns. */
  fieldCount?: boolean;
  /** Only strict UTF-8 (an UndecodableError escapes): for a file read in parts, which must all read alike. */
  utf8Only?: boolean;
  /** The source is a later part of a file: it starts at a record boundary on `firstLine`, below this header. */
  part?: { names: string[]; headers: string[]; headerLine: number; firstLine: number; delimiter: Delimiter };
}

export interface Table {
  file: string;
  /** Lower-cased names of all columns present, known or not. */
  columns: Set<string>;
  /** The header's lower-cased names by position (vendor adapters read columns by position). */
  names: string[];
  /** The header's names as written. */
  headers: string[];
  /** Position of each known column (first occurrence), ABSENT when missing. */
  index: Record<string, number>;
  headerLine: number;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Whether the text ended at a record boundary (for a file read in parts: the cut was between records). */
  cleanEnd: boolean;
  stats: FileStats;
}

export interface TableOptions {
  issues: IssueLog;
  onProgress?: ProgressCallback | undefined;
  /**
   * Every row as an object of its cells, validated by its zod schema alone: no coded
   * columns and no fast path. The plain reference the fast paths are tested against.
   */
  rowByRow?: boolean | undefined;
}

export { headerWidth } from './table-shape.ts';

/**
 * Returns true when the row is accepted; a rejected row must have logged an error issue. `rejected` hears of
 * a record the CSV reader itself rejected (too many cells, cut off, broken quoting).
 */
export type RowHandler = ((record: CsvRecord) => boolean) & { rejected?: (record: CsvRecord) => void };

/**
 * Rows already split into cells (a vendor adapter's canonical tables): read
 * as a CSV file of them would be, without writing and parsing one. Row `r`
 * is line `r + 2`, under the header on line 1.
 */
export interface RowsSource {
  names: readonly string[];
  /** Row `r`'s cell `c` is `cells[r * names.length + c]`. */
  cells: readonly string[];
  length: number;
}

/** A file's bytes, or rows in memory. */
export type TableSource = ByteSource | RowsSource;

export const isRowsSource = (source: TableSource): source is RowsSource => 'cells' in source;


/**
 * Read `source` and feed its rows to the handler that `start` makes once the
 * header is known. When the bytes turn out not to be in the encoding tried,
 * the file is read again from the start in the next one: `start` is then
 * called again and must begin from fresh state, and the issues of the failed
 * attempt are dropped. How the bytes were read (replaced bytes, lines in a
 * legacy encoding inside a UTF-8 file) is one warning at the first line concerned.
 */
export function readTable(source: TableSource, spec: TableSpec, opts: TableOptions, start: (table: Table) => RowHandler): Table {
  if (isRowsSource(source)) return readRows(source, spec, opts, start);
  const { file } = spec;
  const { issues } = opts;
  const mark = issues.mark();
  const attempts: DecodeAttempt[] = spec.utf8Only ? [{ kind: 'stream', encoding: 'utf-8', fatal: true }] : encodingAttempts(headOf(source));
  for (const attempt of attempts) {
    issues.rollback(mark);
    /** Set by the header: the table, its row handler, and the cell count rows are checked against (0: not checked). */
    const read: { table: Table | null; handler: RowHandler | null; width: number; named: number; delimiter: Delimiter; names: readonly string[] } = { table: null, handler: null, width: 0, named: 0, delimiter: ',', names: [] };
    /** The header's names, and the order of a header repeated in another (the rows below it are read in that one). */
    let headerNames = new HeaderNames([]);
    let reordered: Reordered | null = null;
    /** A row rejected below a header in another order is handed over in the header's order too (its id is read). */
    const reject = (record: CsvRecord) => {
      if (reordered !== null && record.malformed === null) record.reorder(reordered.order);
      read.handler!.rejected?.(record);
    };
    const quoted = new QuoteTextLines();
    const formulas = new TextFormulaLines();
    const unnamed = new UnnamedValueLines();
    const extraBlank = new ExtraBlankLines();
    // Canonical files only: a CRM writes its exports itself (and a large one is read in parts, which could not tell).
    const blankTails = spec.known.length > 0 && spec.fieldCount === undefined;
    const decoding = decodeSource(source, attempt, (done, total) => opts.onProgress?.(file, done, total));
    const { part } = spec;
    if (part) {
      // The header and its warnings belong to the file's first part.
      read.table = headerTable(spec, part.names, part.headerLine, decoding.encoding, new IssueLog(), part.delimiter, part.headers);
      read.width = widthToCheck(spec, part.names);
      read.named = namedWidth(part.names, read.width);
      read.delimiter = part.delimiter;
      read.handler = start(read.table);
      headerNames = new HeaderNames(part.names);
    }
    /** A line that is the header again: not a row; in another order, the rows below it are read in that order. */
    const repeatedHeader = (record: CsvRecord, again: HeaderLine, same: boolean, t: Table) => {
      t.stats.rejected++;
      const { order } = again;
      if (same) {
        reordered = null;
        issues.error(file, record.line, '', 'repeated_header', `line ${record.line} repeats the header of line ${t.headerLine} (were two files joined into one?); it is not a row`);
        return;
      }
      reordered = reorderedBy(order, record.length);
      const cells = record.toArray();
      const missing = t.headers.filter((_, j) => t.names[j] !== '' && order[j] === -1);
      issues.error(file, record.line, '', 'reordered_header', reorderedHeaderMessage(record.line, t.headerLine, cells, order.some((i, j) => i !== -1 && i !== j), missing, again.unknown.map((i) => cells[i]!)));
    };
    const end = { clean: false };
    try {
      parseCsv(
        decoding.text,
        {
          header(header) {
            if (header.malformed !== null) {
              const why = problemMessage(header.malformed, header.line, header.lastLine, [], true);
              throw new IngestFatalError('header_unreadable', file, `${file}: the header cannot be read: ${why}`);
            }
            read.names = header.names;
            read.table = headerTable(spec, header.names, header.line, decoding.encoding, issues, header.delimiter, header.headers);
            read.width = widthToCheck(spec, header.names);
            read.named = namedWidth(header.names, read.width);
            read.delimiter = header.delimiter;
            read.handler = start(read.table);
            headerNames = new HeaderNames(header.names);
            if (header.formula) formulas.add(header.line, header.formula.cell, header.formula.raw, header.formula.read);
          },
          record(record) {
            const t = read.table!;
            t.stats.rows++;
            const again = record.malformed === null ? headerOrder(record, headerNames) : null;
            if (again !== null) {
              const same = sameOrder(again, t.names);
              if (same || spec.required.every((c) => again.order[t.names.indexOf(c)] !== -1)) {
                repeatedHeader(record, again, same, t);
                return;
              }
            }
            // Below a header in another order, cells are checked against it, and named by the column each is read as.
            const width = reordered !== null && read.width > 0 ? reordered.width : read.width;
            const named = reordered !== null ? width : read.named;
            if (record.quoteCell >= 0 && record.malformed === null) quoted.add(record.quoteLine, columnAt(reordered, record.quoteCell), record.quoteRaw, record.cell(record.quoteCell));
            if (record.formulaCell >= 0) formulas.add(record.line, columnAt(reordered, record.formulaCell), record.formulaRaw, record.cell(record.formulaCell));
            if (blankTails && width > 0 && record.malformed === null) {
              if (record.length <= width) extraBlank.others++;
              else if (record.blankFrom(width)) extraBlank.add(record.line);
            }
            if (record.malformed !== null) {
              const code = record.malformed.kind === 'too_long' ? 'record_too_long' : 'malformed_csv';
              issues.error(file, record.line, t.names[columnAt(reordered, record.malformed.cell)] ?? '', code, problemMessage(record.malformed, record.line, record.lastLine, t.names));
              reject(record);
              t.stats.rejected++;
            } else if (width > 0 && record.length > width && !record.blankFrom(width)) {
              const extra: string[] = [];
              for (let i = width; i < record.length; i++) if (record.cell(i) !== '') extra.push(record.cell(i));
              issues.error(file, record.line, '', 'field_count', fieldCountMessage(record.line, record.lastLine, record.length, width, extra, read.delimiter, opensCurlyQuote(record.toArray())));
              reject(record);
              t.stats.rejected++;
            } else if (record.unterminated && record.length > 1 && width > 0 && record.length < width) {
              issues.error(file, record.line, t.names[columnAt(reordered, record.length - 1)] ?? '', 'truncated_row', truncatedMessage(record.line, record.length, width));
              reject(record);
              t.stats.rejected++;
            } else {
              if (named < width && record.length > named && !record.blankFrom(named)) unnamed.add(record.line, firstValueFrom(record, named), record.cell(firstValueFrom(record, named)));
              if (reordered !== null) record.reorder(reordered.order);
              if (read.handler!(record)) t.stats.accepted++;
              else t.stats.rejected++;
            }
          },
        },
        undefined,
        () => decoding.firstNul() >= 0,
        part ? { headerless: true, firstLine: part.firstLine, delimiter: part.delimiter, end } : { end },
      );
    } catch (e) {
      if (e instanceof UndecodableError && !spec.utf8Only) continue;
      if (e instanceof NulCharacterError) throw nulError(file, e.line, decoding.firstNul(), headOf(source, HEAD_BYTES));
      // The required columns a few lines down, under a title: said where they are.
      const below = e instanceof IngestFatalError && e.code === 'missing_columns' && !part ? headerBelowNote(source, attempt, spec.required) : '';
      if (below !== '') throw missingColumnsError(file, spec.required.filter((c) => !read.names.includes(c)), below);
      throw e;
    }
    let table = read.table;
    if (table === null) {
      // Not even a header: fatal when columns are required; else an empty table (a vendor file, then reported as empty).
      if (spec.required.length > 0) throw missingColumnsError(file, spec.required, ' (the file is empty)');
      table = headerTable(spec, [], 0, decoding.encoding, issues, ',');
      start(table);
    }
    table.cleanEnd = end.clean;
    const notice = decoding.notice();
    if (notice) issues.warning(file, notice.line, '', notice.code, notice.message);
    if (quoted.first) issues.warning(file, quoted.first.line, table.names[quoted.first.cell] ?? '', 'quote_text', quoted.message(table.names));
    if (formulas.first) issues.warning(file, formulas.first.line, table.names[formulas.first.cell] ?? '', 'text_formula', formulas.message(table.names));
    if (unnamed.first) issues.warning(file, unnamed.first.line, '', 'unnamed_values', unnamed.message(table.names, read.named, read.delimiter));
    // Said only when other rows end at the header's width: in a file whose every row ends with a delimiter, the empty cells are that.
    if (extraBlank.count > 0 && extraBlank.others > 0) issues.warning(file, extraBlank.firstLine, '', 'extra_empty_cells', extraBlank.message(read.width, read.delimiter));
    return table;
  }
  throw new Error('unreachable: the last decoding attempt never throws');
}

/** The Table of rows given in memory (a vendor adapter's): its header is `names`, row r reads as line r + 2. */
export function rowsTable(spec: TableSpec, names: readonly string[], issues: IssueLog): Table {
  return headerTable(spec, names.map((n) => n.toLowerCase()), 1, 'utf-8', issues, ',', [...names]);
}

function readRows(source: RowsSource, spec: TableSpec, opts: TableOptions, start: (table: Table) => RowHandler): Table {
  const table = rowsTable(spec, source.names, opts.issues);
  const handler = start(table);
  const record = new CsvRecord();
  const width = source.names.length;
  record.cells = source.cells;
  record.length = width;
  for (let r = 0; r < source.length; r++) {
    record.base = r * width;
    record.line = record.lastLine = r + 2;
    table.stats.rows++;
    if (handler(record)) table.stats.accepted++;
    else table.stats.rejected++;
  }
  return table;
}

/** The cell count rows are checked against (`field_count`); 0: not checked (a one-cell header may be a report's title). */
function widthToCheck(spec: TableSpec, names: readonly string[]): number {
  return (spec.fieldCount ?? spec.known.length > 0) ? headerWidth(names) : 0;
}
