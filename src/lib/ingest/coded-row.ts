/**
 * The fast path of a wide file (deals.csv) over coded columns: a column
 * whose cells repeat (owner, team, stage, currency, reasons, dates of a
 * day, round amounts) is interned (interner.ts) and each distinct text is
 * parsed once, its value or Invalid kept by code; such a cell costs a hash
 * and no string, no parse and no allocation, and rows share the values.
 * A column whose texts are mostly distinct (ids, names, timestamps) gains
 * nothing from a dictionary and would keep every text alive: after its
 * first SAMPLE_ROWS cells it is read cell by cell, as before.
 *
 * Same parsers and same `combine` as `rowSchema`, so the same verdict: a row
 * is refused (null) when any column's value is Invalid or `combine` refuses
 * it, and the caller then asks zod, which decides and explains (row-validator.ts).
 * Parsers must be pure functions of the cell text, as all of schema.ts's are.
 */
import type { CsvRecord } from './csv-record.ts';
import { fromSource } from '../generated-code.ts';
import { Interner } from './interner.ts';
import { ColumnInvalid, type ParsedFields, type RowDefinition } from './schema.ts';
import { ABSENT } from './table-header.ts';
import { ownCopy, VIEW_MIN_LENGTH } from './text-range.ts';
import { Invalid } from './values.ts';

/** Cells a column is coded for before deciding whether its texts repeat enough. */
const SAMPLE_ROWS = 2048;
/** A column stays coded when at most this share of its first SAMPLE_ROWS cells were distinct. */
const MAX_DISTINCT_SHARE = 0.25;

/** One column: by code, its distinct texts (code 0 is '') and their parsed values once asked for; or, once its texts prove mostly distinct, none. */
class CodedColumn {
  private coded = true;
  private seen = 0;
  private values: string[] = [''];
  private interner: Interner | null = new Interner(this.values);
  /** Distinct strings given whole (rows in memory, from a vendor adapter): looked up as strings. */
  private byString = new Map<string, number>();
  private parsed: unknown[] = [undefined];
  private readonly parse: (cell: string) => unknown;

  private readonly sampleRows: number;
  /** A grouping column (CodedRowOptions.grouping): read from bytes, it stays coded. */
  private readonly grouping: boolean;
  /** A column whose texts the caller copies before keeping them (CodedRowOptions.views): read cell by cell, a text is a slice, not a copy. */
  private readonly view: boolean;
  /** The code of the cell read last; -1 once the column is read cell by cell. */
  lastCode = -1;

  constructor(parse: (cell: string) => unknown, sampleRows: number, grouping = false, view = false) {
    this.parse = parse;
    this.sampleRows = sampleRows;
    this.grouping = grouping;
    this.view = view;
  }

  /** The parsed value of the record's trimmed cell `i`. */
  value(record: CsvRecord, i: number): unknown {
    if (!this.coded) return this.parseCell(record, i);
    const code = this.code(record, i);
    this.lastCode = code;
    let v = this.parsed[code];
    if (v === undefined) {
      // Parsers give a value, null or an Invalid, never undefined.
      v = this.parse(this.values[code]!);
      this.parsed[code] = v;
    }
    // Strings given whole come from a vendor adapter's tables, which share one string per text already.
    if (++this.seen === this.sampleRows && this.values.length > this.sampleRows * MAX_DISTINCT_SHARE && !(this.grouping && record.cells === null)) this.uncode();
    return v;
  }

  /**
   * An uncoded cell parsed from a plain slice: a value parsed from it (a number, a date) does not keep it.
   * Only a parser that gives the text back (a name, an id) is given its own copy, which keeps no decoded block alive,
   * unless the caller copies the text itself (`view`).
   */
  private parseCell(record: CsvRecord, i: number): unknown {
    record.range(i);
    const src = record.rangeSrc;
    const s = record.rangeStart;
    const e = record.rangeEnd;
    if (s === 0 && e === src.length) return this.parse(src);
    const slice = src.slice(s, e);
    const v = this.parse(slice);
    // A short slice (an id) is a copy already: copied again, each deal's id would cost two strings.
    return v === slice && e - s >= VIEW_MIN_LENGTH && !this.view ? ownCopy(src, s, e) : v;
  }

  private code(record: CsvRecord, i: number): number {
    record.range(i);
    const src = record.rangeSrc;
    const s = record.rangeStart;
    const e = record.rangeEnd;
    if (s === e) return 0;
    let code: number | undefined;
    if (s === 0 && e === src.length && record.cells !== null) {
      code = this.byString.get(src);
      if (code === undefined) {
        code = this.interner!.code(src, s, e);
        this.byString.set(src, code);
      }
    } else code = this.interner!.code(src, s, e);
    // Codes are handed out in order: the parsed list grows by one, without holes.
    if (code === this.parsed.length) this.parsed.push(undefined);
    return code;
  }

  /** The distinct texts by code (code 0 is ''), or null once the column is read cell by cell (its codes then mean nothing). */
  texts(): readonly string[] | null {
    return this.coded ? this.values : null;
  }

  /**
   * The parsed value of each code given so far (undefined where not parsed yet), or null once the column is read cell
   * by cell. The array is the column's own: it grows with the codes, and keeps every code given before the column was
   * uncoded, so a caller that took it while the column was coded can read the value of any code it was given.
   */
  parsedValues(): readonly unknown[] | null {
    return this.coded ? this.parsed : null;
  }

  private uncode(): void {
    this.coded = false;
    this.lastCode = -1;
    this.values = [];
    this.interner = null;
    this.byString = new Map();
    this.parsed = [];
  }
}

export interface CodedRowOptions {
  /** Cells a column is coded for before deciding whether its texts repeat enough (tests lower it). */
  sampleRows?: number;
  /** The caller is done with a row before it reads the next record, so a `combine` that gives the row itself back is not copied. */
  transient?: boolean;
  /**
   * Columns that stay coded, when read from bytes, whatever their first rows look like: texts deals
   * are grouped by (an account's id), which repeat across the file though rarely within its first
   * rows. Their deals then share one string per text, which the metrics' groupings hash once, not per
   * deal. (A vendor adapter's rows share their strings already: there the usual rule applies.)
   */
  grouping?: readonly string[];
  /**
   * Columns whose texts the caller copies before it keeps them (deals' names, joined a batch at a time): once read
   * cell by cell, a cell's text is handed over as a slice of the decoded text, which may be a view keeping that
   * block alive until the caller's copy, instead of a copy made here as well (~100k names at 100k deals).
   */
  views?: readonly string[];
  /** Columns whose codes the reader gives for each row it accepts (`RowCodes`). */
  codes?: RowCodes;
  /** false: fill the row in a plain loop, as where code cannot be generated (the tests read both ways). */
  unrolled?: boolean;
}

/** A coded column as `RowCodes` reads it. */
interface CodeSource {
  texts(): readonly string[] | null;
  parsedValues(): readonly unknown[] | null;
  readonly lastCode: number;
}

/**
 * The codes, in some columns, of the row a coded reader accepted last, and
 * each such column's texts by code: a caller that keeps them per row can
 * group its rows by those columns without hashing a text per row.
 */
export class RowCodes {
  readonly columns: readonly string[];
  /** By column: the code of the row accepted last (-1: none, or the column is not coded). */
  readonly last: Int32Array;
  private sources: (CodeSource | null)[] = [];

  constructor(columns: readonly string[]) {
    this.columns = columns;
    this.last = new Int32Array(columns.length).fill(-1);
  }

  /** Column `m`'s distinct texts by code, or null when its codes mean nothing (read cell by cell, absent from the file). */
  texts(m: number): readonly string[] | null {
    return this.sources[m]?.texts() ?? null;
  }

  /** Column `m`'s parsed values by code (CodedColumn.parsedValues), or null. */
  values(m: number): readonly unknown[] | null {
    return this.sources[m]?.parsedValues() ?? null;
  }

  /** The reader's columns (null: the file lacks it), once per reader. */
  attach(sources: (CodeSource | null)[]): void {
    this.sources = sources;
    this.last.fill(-1);
  }
}

/**
 * Reads the row of a record, or null when a parser or `combine` refuses it.
 * `index[k]`: the position in the record of the definition's column k.
 */
export function codedRowReader<F extends Record<string, (cell: string) => unknown>, Out>(
  def: RowDefinition<F, Out>,
  index: readonly number[],
  { sampleRows = SAMPLE_ROWS, transient = false, grouping = [], views = [], codes, unrolled = true }: CodedRowOptions = {},
): (record: CsvRecord) => Out | null {
  const all = Object.keys(def.fields);
  if (index.length !== all.length) throw new Error('codedRowReader: one index per column');
  // A column the file lacks reads '' on every row: its value is parsed once, into the row template.
  const template = { ...def.template };
  let absentInvalid = false;
  const names: string[] = [];
  const at: number[] = [];
  all.forEach((name, k) => {
    if (index[k] !== ABSENT) {
      names.push(name);
      at.push(index[k]!);
      return;
    }
    const v = def.fields[name]!('');
    if (v instanceof Invalid) absentInvalid = true;
    template[name] = v;
  });
  const columns = names.map((name) => new CodedColumn(def.fields[name]!, sampleRows, grouping.includes(name), views.includes(name)));
  // One row of parsed values, filled anew for every record (an object per row was most of this
  // reader's garbage): `combine` must not keep it, so one that gives the row itself back gets a copy
  // unless the caller takes what it needs from it first.
  const row: Record<string, unknown> = { ...template };
  const coding = (codes?.columns ?? []).map((name) => columns[names.indexOf(name)] ?? null);
  codes?.attach(coding);
  const fill = (unrolled ? rowFiller(names) : null) ?? loopFiller(names);
  return (record) => {
    if (absentInvalid) return null;
    if (!fill(columns, at, record, row)) return null;
    const out = def.combine(row as ParsedFields<F>);
    if (out instanceof ColumnInvalid) return null;
    for (let m = 0; m < coding.length; m++) codes!.last[m] = coding[m]?.lastCode ?? -1;
    return (out as unknown) === row && !transient ? ({ ...row } as Out) : out;
  };
}

/** Fills `row` with the parsed value of each column's cell; false as soon as one is Invalid. */
type RowFiller = (columns: readonly CodedColumn[], at: readonly number[], record: CsvRecord, row: Record<string, unknown>) => boolean;

/** The plain loop: every store has another key, so V8 handles them all through its slowest (megamorphic) path. */
function loopFiller(names: readonly string[]): RowFiller {
  return (columns, at, record, row) => {
    for (let k = 0; k < names.length; k++) {
      const v = columns[k]!.value(record, at[k]!);
      if (v instanceof Invalid) return false;
      row[names[k]!] = v;
    }
    return true;
  };
}

/** Generated fillers by column list: a deals.csv is read by one per file. */
const FILLERS = new Map<string, RowFiller | null>();

/**
 * The loop unrolled into code written for these names, so each store has its own constant key and call site
 * (~25 ms of 100k deals' rows, against the loop). The names are the row definition's own (schema.ts),
 * never a file's headers, and go in as JSON string literals. Null where code cannot be generated (a
 * content security policy in a browser): the loop then.
 */
function rowFiller(names: readonly string[]): RowFiller | null {
  const key = JSON.stringify(names);
  if (FILLERS.has(key)) return FILLERS.get(key)!;
  const lines = names.map((name, k) => `v = columns[${k}].value(record, at[${k}]); if (v instanceof Invalid) return false; row[${JSON.stringify(name)}] = v;`);
  const filler = fromSource<RowFiller>(['Invalid'], `return function fillRow(columns, at, record, row) {\n  let v;\n  ${lines.join('\n  ')}\n  return true;\n};`, [Invalid]);
  FILLERS.set(key, filler);
  return filler;
}

/** The fast path of a file's rows: the coded reader, or none when every row goes to zod (`rowByRow`, the tests' reference). */
export function fastRowReader<F extends Record<string, (cell: string) => unknown>, Out>(
  def: RowDefinition<F, Out>,
  index: readonly number[],
  rowByRow: boolean | undefined,
  options?: CodedRowOptions,
): (record: CsvRecord) => Out | null {
  return rowByRow ? () => null : codedRowReader(def, index, options);
}
