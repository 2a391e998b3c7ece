/**
 * A vendor file read whole, kept as columns of codes: each distinct cell
 * text is one string (`values`), and a record is a row of codes into it.
 * Exports repeat their values endlessly (an opportunity's name, owner and
 * dates on each of its history rows, a handful of stage names), so a
 * million-row report keeps a few hundred thousand strings instead of ten
 * million, and no array or object per record (garbage collection of those
 * was most of the read). Small adapters read `records`, made on first use.
 */
import { isTrimSpace } from '../csv.ts';
import type { CsvRecord } from '../csv-record.ts';
import { grown } from '../grown.ts';
import { Interner } from '../interner.ts';
import { rangeIs, rangeIsLower } from '../text-range.ts';
import type { VendorRecord } from './types.ts';

/** Records of a VendorTable as plain data: record r's cell c is `values[codes[r * width + c]]`. */
export interface CodedRecords {
  values: string[];
  width: number;
  count: number;
  codes: Int32Array;
  lines: Int32Array;
}

/** One column's codes in a table: record r's is `codes[at + r * stride]` (`codeAt`). */
export interface ColumnCodes {
  codes: Int32Array;
  at: number;
  stride: number;
}

/** Record `r`'s code in a column (small enough to be inlined in a loop over a million records). */
export function codeAt(column: ColumnCodes, r: number): number {
  return column.codes[column.at + r * column.stride]!;
}

export class VendorTable {
  /** The file's path relative to the data folder, as the user named it. */
  readonly file: string;
  /** Header names, trimmed and lower-cased. */
  names: string[];
  /** Header names as written (trimmed). */
  headers: string[];
  headerLine: number;
  /** Records in the file (title lines and footers included), and how many were rejected while parsing. */
  rows = 0;
  malformed = 0;
  /** Lines above the header that were a report's title, not rows (read-table.ts); already reported. */
  preamble: VendorRecord[] = [];
  /** Distinct cell texts; code 0 is ''. Two cells have one code exactly when their texts are equal. */
  readonly values: string[] = [''];
  /** Cells per record in `codes` (grows when a record is longer than any before). */
  private width: number;
  private codes: Int32Array;
  private lines: Int32Array;
  /** Records held, and the first one in use (title lines above a header are dropped from the front). */
  private count = 0;
  private first = 0;
  private cached: VendorRecord[] | null = null;
  private readonly intern = new Interner(this.values);

  /** Whether each column is kept (the others read as ''); null: all. */
  private readonly kept: Uint8Array | null;

  constructor(file: string, names: string[], headerLine: number, keep: readonly number[] | null = null, headers: string[] = names) {
    this.file = file;
    this.names = names;
    this.headers = headers;
    this.headerLine = headerLine;
    this.kept = keep === null ? null : new Uint8Array(names.length);
    if (keep) for (const c of keep) this.kept![c] = 1;
    this.width = Math.max(1, names.length);
    this.codes = new Int32Array(this.width * 1024);
    this.lines = new Int32Array(1024);
  }

  /** Records in use (non-blank records that parsed, below the header). */
  get length(): number {
    return this.count - this.first;
  }

  /** Cells per record: cells past a record's end read as ''. */
  get cellCount(): number {
    return this.width;
  }

  line(r: number): number {
    return this.lines[this.first + r]!;
  }

  /** Code of cell `c` of record `r` (0, the code of '', for a column past the record's end or -1). */
  code(r: number, c: number): number {
    return c < 0 || c >= this.width ? 0 : this.codes[(this.first + r) * this.width + c]!;
  }

  /**
   * Column `c`'s codes, for a tight loop over records: record r's is
   * `codes[at + r * stride]` (a column past the width or -1: one 0, stride 0).
   * Valid until the table next changes.
   */
  columnCodes(c: number): ColumnCodes {
    if (c < 0 || c >= this.width) return { codes: new Int32Array(1), at: 0, stride: 0 };
    return { codes: this.codes, at: this.first * this.width + c, stride: this.width };
  }

  cell(r: number, c: number): string {
    return this.values[this.code(r, c)]!;
  }

  /** The records as objects (made once; for adapters of small files). */
  get records(): VendorRecord[] {
    if (this.cached === null) {
      const out: VendorRecord[] = new Array(this.length);
      for (let r = 0; r < this.length; r++) {
        const cells = new Array<string>(this.width);
        for (let c = 0; c < this.width; c++) cells[c] = this.cell(r, c);
        out[r] = { line: this.line(r), cells };
      }
      this.cached = out;
    }
    return this.cached;
  }

  /** Drop the first `n` records in use (a report's title and header lines). */
  dropFirst(n: number): void {
    this.first += n;
    this.cached = null;
  }

  /** Add a parsed record, its trimmed cells coded in place (the cell above is compared first: the common repeat). */
  push(record: CsvRecord): void {
    if (record.length > this.width) this.widen(record.length);
    if (this.count === this.lines.length) this.grow();
    const w = this.width;
    const at = this.count * w;
    const above = at - w;
    const codes = this.codes;
    const kept = this.kept;
    const values = this.values;
    // Cells straight from the tokenizer's ranges (record.range(c) does the same, one call per cell).
    const starts = record.starts;
    const ends = record.ends;
    const text = record.src;
    const inPlace = record.cells === null;
    for (let c = 0; c < record.length; c++) {
      if (kept !== null && kept[c] !== 1) continue;
      let src = text;
      let s: number;
      let e: number;
      if (inPlace && starts[c] !== -1) {
        s = starts[c]!;
        e = ends[c]!;
      } else {
        record.range(c);
        src = record.rangeSrc;
        s = record.rangeStart;
        e = record.rangeEnd;
      }
      while (s < e && isTrimSpace(src.charCodeAt(s))) s++;
      while (e > s && isTrimSpace(src.charCodeAt(e - 1))) e--;
      if (s === e) continue; // code 0, as allocated
      if (above >= 0) {
        const prior = codes[above + c]!;
        if (prior !== 0 && rangeIs(src, s, e, values[prior]!)) {
          codes[at + c] = prior;
          continue;
        }
      }
      codes[at + c] = this.intern.code(src, s, e);
    }
    this.lines[this.count] = record.line;
    this.count++;
    this.cached = null;
  }

  /** Whether cell `c` of a record is kept (the others read as ''). */
  keeps(c: number): boolean {
    return this.kept === null || this.kept[c] === 1;
  }

  /** Code of a cell's text, trimmed and not empty. */
  codeOf(text: string): number {
    return this.intern.code(text, 0, text.length);
  }

  /** Per value code: 0 not yet known, 1 one of the names (any case), 2 not. */
  private nameCodes = new Int8Array(64);

  /**
   * Whether a record given as codes (`pushCodes`), of `length` cells, may be
   * the header again, in its order or another (two exports joined): the
   * first kept cell that is not blank holds one of the names, in any case, and
   * so do all others but fewer than half as many. The CSV reader then
   * decides. Nearly every record fails at its first kept cell, whose value is
   * looked up once per distinct value.
   */
  mayRepeatHeader(cells: Int32Array, length: number): boolean {
    let named = 0;
    let other = 0;
    for (let c = 0; c < length && c < this.names.length; c++) {
      const code = cells[c]!;
      if (code === 0 || !this.keeps(c)) continue;
      if (this.isName(code)) named++;
      // A header may add a column (table-shape.ts `headerOrder`), never as its first.
      else if (named === 0) return false;
      else other++;
    }
    return named > 0 && other * 2 < named;
  }

  private isName(code: number): boolean {
    if (code >= this.nameCodes.length) this.nameCodes = grown(this.nameCodes, Math.max(code + 1, this.nameCodes.length * 2));
    if (this.nameCodes[code] === 0) {
      const text = this.values[code]!;
      this.nameCodes[code] = this.names.some((name) => name !== '' && rangeIsLower(text, 0, text.length, name)) ? 1 : 2;
    }
    return this.nameCodes[code] === 1;
  }

  /** Add a record given as the codes of its `length` cells (plain-records.ts reads them from the file's bytes). */
  pushCodes(line: number, cells: Int32Array, length: number): void {
    if (length > this.width) this.widen(length);
    if (this.count === this.lines.length) this.grow();
    const codes = this.codes;
    const at = this.count * this.width;
    for (let c = 0; c < length; c++) codes[at + c] = cells[c]!;
    this.lines[this.count] = line;
    this.count++;
    this.cached = null;
  }

  /** The records as plain data (to send from a worker: see read-split.ts). */
  coded(): CodedRecords {
    const n = this.length;
    const w = this.width;
    return { values: this.values, width: w, count: n, codes: this.codes.slice(this.first * w, (this.first + n) * w), lines: this.lines.slice(this.first, this.first + n) };
  }

  /**
   * Append records read elsewhere (a later part of the same file), their
   * codes mapped onto this table's values; `lineShift` is added to their
   * lines (a part that counted its lines from 1).
   */
  append(part: CodedRecords, lineShift = 0): void {
    const map = new Int32Array(part.values.length);
    for (let k = 1; k < part.values.length; k++) map[k] = this.intern.code(part.values[k]!, 0, part.values[k]!.length);
    if (part.width > this.width) this.widen(part.width);
    this.reserve(part.count);
    const w = this.width;
    const codes = this.codes;
    // Only kept columns hold codes other than 0 (the room is zeroed already).
    const columns = Array.from({ length: part.width }, (_, c) => c).filter((c) => this.keeps(c));
    for (let r = 0; r < part.count; r++) {
      const to = (this.count + r) * w;
      const from = r * part.width;
      for (const c of columns) codes[to + c] = map[part.codes[from + c]!]!;
      this.lines[this.count + r] = part.lines[r]! + lineShift;
    }
    this.count += part.count;
    this.cached = null;
  }

  /** Room for `records` more records (an estimate given up front spares copying as the table grows). */
  reserve(records: number): void {
    if (this.count + records > this.lines.length) this.grow(this.count + records);
  }

  /** Add `by` to the line of every record held (a part that counted its lines from 1 and learned where it starts). */
  shiftLines(by: number): void {
    for (let r = 0; r < this.count; r++) this.lines[r]! += by;
  }

  private grow(least = 0): void {
    const size = Math.max(this.lines.length * 2, least);
    this.lines = grown(this.lines, size);
    this.codes = grown(this.codes, size * this.width);
  }

  private widen(width: number): void {
    const codes = new Int32Array(this.lines.length * width);
    for (let r = 0; r < this.count; r++) codes.set(this.codes.subarray(r * this.width, (r + 1) * this.width), r * width);
    this.codes = codes;
    this.width = width;
  }
}
