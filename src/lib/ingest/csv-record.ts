/**
 * One CSV record (csv.ts), reused for every row: its cells are ranges of
 * the block the tokenizer read (range mode), or strings given in memory
 * (array mode, a vendor adapter's rows), trimmed as they are read.
 */
import { isTrimSpace } from './csv-tokenizer.ts';
import { grown } from './grown.ts';
import { ownCopy } from './text-range.ts';

/** A whole cell trimmed as `CsvRecord.range` trims one. */
export function trimCell(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && isTrimSpace(text.charCodeAt(s))) s++;
  while (e > s && isTrimSpace(text.charCodeAt(e - 1))) e--;
  return s === 0 && e === text.length ? text : text.slice(s, e);
}

/** Why a record could not be read; it covers lines `line`–`lastLine` of its CsvRecord. */
export type CsvProblem =
  | {
      kind: 'unclosed_quote';
      /** 'eof': no closing quote before the end of the file; 'text_after': the quote that would close it (on `closeLine`) is followed by other text; 'long': not closed within the limits. */
      reason: 'eof' | 'text_after' | 'long';
      /** Line and 1-based character column of the opening quote. */
      openLine: number;
      openColumn: number;
      /** Index of the cell the quote opens. */
      cell: number;
      closeLine: number;
    }
  | { kind: 'too_long'; cell: number };

/** One record, reused for every row to avoid an object per row. */
export class CsvRecord {
  /** 1-based first and last physical line. */
  line = 0;
  lastLine = 0;
  length = 0;
  /** Set when the record could not be read (its cells are then meaningless). */
  malformed: CsvProblem | null = null;
  /** The record ends the text without a line end (the last line of a file that may have been cut off). */
  unterminated = false;
  /** The first cell with text after its closing quote (read as Excel does), -1 for none; its line and text as written. */
  quoteCell = -1;
  quoteLine = 0;
  quoteRaw = '';
  /** The first cell written as an Excel text formula (`="00123"`, read as `00123`), -1 for none; as written. */
  formulaCell = -1;
  formulaRaw = '';
  // Range mode: cell i is src[starts[i], ends[i]), or strings[i] when starts[i]
  // is -1 (a quoted cell made into a string). Array mode: cells[base + i].
  src = '';
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  strings: (string | null)[] = [];
  cells: readonly string[] | null = null;
  base = 0;
  /** Output of `range(i)`: the trimmed cell is rangeSrc[rangeStart, rangeEnd). */
  rangeSrc = '';
  rangeStart = 0;
  rangeEnd = 0;

  /** Character code `k` (default the first) of cell `i` as written (before trimming), -1 when it is not at hand: a quick check before `range`. */
  firstCode(i: number, k = 0): number {
    if (i >= this.length || this.cells !== null || this.starts[i] === -1 || this.starts[i]! + k >= this.ends[i]!) return -1;
    return this.src.charCodeAt(this.starts[i]! + k);
  }

  /** Point `rangeSrc/Start/End` at trimmed cell `i` ('' past the end of the record). */
  range(i: number): void {
    let src: string;
    let s: number;
    let e: number;
    if (i >= this.length) {
      src = '';
      s = e = 0;
    } else if (this.cells !== null || this.starts[i] === -1) {
      src = this.cells !== null ? this.cells[this.base + i]! : this.strings[i]!;
      s = 0;
      e = src.length;
    } else {
      src = this.src;
      s = this.starts[i]!;
      e = this.ends[i]!;
    }
    while (s < e && isTrimSpace(src.charCodeAt(s))) s++;
    while (e > s && isTrimSpace(src.charCodeAt(e - 1))) e--;
    this.rangeSrc = src;
    this.rangeStart = s;
    this.rangeEnd = e;
  }

  /** Trimmed cell `i`; '' past the end of the record. */
  cell(i: number): string {
    this.range(i);
    const src = this.rangeSrc;
    // A cell given as a string (array mode) is already its own; a range of the decoded
    // block is copied, so a kept cell (a deal's name, id) does not keep the block alive.
    if (this.rangeStart === 0 && this.rangeEnd === src.length) return src;
    return ownCopy(src, this.rangeStart, this.rangeEnd);
  }

  isBlank(): boolean {
    for (let i = 0; i < this.length; i++) {
      this.range(i);
      if (this.rangeEnd > this.rangeStart) return false;
    }
    return true;
  }

  /** Whether cells `from`… are all blank. */
  blankFrom(from: number): boolean {
    for (let i = from; i < this.length; i++) {
      this.range(i);
      if (this.rangeEnd > this.rangeStart) return false;
    }
    return true;
  }

  toArray(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.cell(i));
    return out;
  }

  /** The cells in a header's order: cell j becomes the cell `order[j]` (-1 or past the end: empty). Range mode. */
  reorder(order: Int32Array): void {
    const n = this.length;
    const starts = this.starts.slice(0, n);
    const ends = this.ends.slice(0, n);
    const strings = this.strings.slice(0, n);
    this.length = 0;
    const take = (i: number) => {
      if (i < 0 || i >= n) this.pushRange(0, 0);
      else if (starts[i] === -1) this.pushString(strings[i]!);
      else this.pushRange(starts[i]!, ends[i]!);
    };
    for (let j = 0; j < order.length; j++) take(order[j]!);
  }

  /** Cell `i` becomes `text` (range mode). */
  setString(i: number, text: string): void {
    this.strings[i] = text;
    this.starts[i] = -1;
    this.ends[i] = -1;
  }

  pushString(text: string): void {
    this.strings[this.length] = text;
    this.pushRange(-1, -1);
  }

  pushRange(s: number, e: number): void {
    if (this.length === this.starts.length) {
      this.starts = grown(this.starts, this.length * 2);
      this.ends = grown(this.ends, this.length * 2);
    }
    this.starts[this.length] = s;
    this.ends[this.length] = e;
    this.length++;
  }
}
