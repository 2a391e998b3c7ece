/**
 * The plain records of a large vendor export, read from its bytes
 * (read-split.ts): no decoding of the file to text and no tokenizing of it.
 *
 * Nearly all of a CRM export is plain: each record on one line ending in LF
 * or CRLF, each cell either unquoted or quoted and closed right before the
 * delimiter or the line end, no NUL. Such records are read here: a cell
 * equal to the one above (an opportunity's id, name, owner and dates on
 * each of its history rows) is compared byte by byte, any other is found by
 * a hash of its bytes, and only distinct cells are decoded. A plain record
 * gives the cells csv-tokenizer.ts gives (quotes removed, `""` as `"`,
 * trimmed as `String.prototype.trim` trims), coded into the same
 * VendorTable; a record whose cells are all blank is skipped, as csv.ts
 * skips it.
 *
 * At the first record that is not plain (a quoted cell spanning lines, text
 * after a closing quote, a lone CR, a cell that is not blank past the
 * header's, a NUL, bytes that are not UTF-8, a line of several
 * MAX_LINE_BYTES, a last line without a line end, one that may repeat the
 * header in any order, a kept cell that may be an Excel text formula `="…"`),
 * reading stops and says
 * where, so that the CSV reader reads the rest with its own rules and
 * messages.
 */
import { isTrimSpace } from '../csv.ts';
import type { Delimiter } from '../csv.ts';
import { grown } from '../grown.ts';
import { ByteCells, hashBytes } from './byte-cells.ts';
import type { VendorTable } from './vendor-table.ts';

export interface PlainStop {
  /** Offset, in the bytes given, of the first record not read (their length when all were). */
  at: number;
  /** The physical line it starts on. */
  line: number;
  /** Records read (blank ones are not records). */
  rows: number;
}

export interface PlainOptions {
  /** The physical line the bytes start on. */
  firstLine: number;
  delimiter: Delimiter;
  /** Cells a record may have (one with more that are not blank is the CSV reader's to report); 0: any number. */
  maxCells: number;
  /** Whether bytes are strict UTF-8 (Node's `buffer.isUtf8`; given, so that this module needs no Node API). */
  isUtf8: (bytes: Uint8Array) => boolean;
  /** Called with the bytes as they are read, in order (to hash the file). */
  onBytes?: (bytes: Uint8Array) => void;
  /** How many bytes there are, if known: the table makes room for the records this suggests after the first block. */
  size?: number;
}

/** The next bytes into `into[at, at + length)`; how many (0 at the end). */
export type ReadBytes = (into: Uint8Array, at: number, length: number) => number;

/** A ReadBytes over bytes in memory. */
export function bytesReader(bytes: Uint8Array): ReadBytes {
  let at = 0;
  return (into, to, length) => {
    const n = Math.min(length, bytes.length - at);
    into.set(bytes.subarray(at, at + n), to);
    at += n;
    return n;
  };
}

/** Bytes read at once (fewer, longer runs of the loop; each run ends at the last line end read). */
const BLOCK_BYTES = 1024 * 1024;
/** A line not ended within this many bytes (give or take a block; far above any real export's) is left to the CSV reader and its limits. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Byte classes outside quotes: 0 is part of a cell. */
const DELIM = 1;
const LINE_FEED = 2;
const RETURN = 3;
const NUL = 4;

/** Read the plain records of `read`'s bytes into `table`, up to the first record that is not plain. */
export function readPlainRecords(read: ReadBytes, table: VendorTable, opts: PlainOptions): PlainStop {
  const reader = new PlainReader(table, opts);
  let buf = new Uint8Array(2 * BLOCK_BYTES);
  let len = 0;
  /** Offset of buf[0] in the bytes given. */
  let base = 0;
  for (;;) {
    if (buf.length - len < BLOCK_BYTES) {
      // Only a line longer than a block gets here.
      if (len > MAX_LINE_BYTES) break;
      buf = grown(buf, buf.length * 2);
    }
    const n = read(buf, len, BLOCK_BYTES);
    if (n > 0) opts.onBytes?.(buf.subarray(len, len + n));
    len += n;
    const lastLf = len === 0 ? -1 : buf.lastIndexOf(LF, len - 1);
    if (lastLf !== -1) {
      const end = lastLf + 1;
      if (!opts.isUtf8(buf.subarray(0, end))) break;
      const done = reader.read(buf, end);
      if (done < end) {
        base += done;
        break;
      }
      if (base === 0 && opts.size) table.reserve(Math.ceil((reader.records * (opts.size - end)) / end) + 1024);
      buf.copyWithin(0, end, len);
      base += end;
      len -= end;
    }
    if (n === 0) break;
  }
  // Bytes are left only when a record is not plain or the last has no line end: the CSV reader's. The rest is read for `onBytes`.
  if (opts.onBytes) for (let n = read(buf, 0, buf.length); n > 0; n = read(buf, 0, buf.length)) opts.onBytes(buf.subarray(0, n));
  return reader.stop(base);
}

/**
 * Reads plain records and codes their cells, known by their bytes
 * (byte-cells.ts); a cell is first compared with the one above it in its
 * column, in place (an opportunity's name on each of its rows is neither
 * scanned for its end nor hashed).
 */
class PlainReader {
  private readonly table: VendorTable;
  private readonly maxCells: number;
  private readonly classes = new Uint8Array(256);
  private readonly delimiter: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private line: number;
  private rows = 0;
  /** The record being read, as codes. */
  private row = new Int32Array(64);
  /** Per column: 1 when its cells are kept, and the distinct cell (its id below) of the record above. */
  private keep = new Uint8Array(64);
  private above = new Int32Array(64);
  /** The distinct cells met so far, by their bytes. */
  private readonly cells: ByteCells;
  /** `read`'s bytes, as a DataView. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  constructor(table: VendorTable, opts: PlainOptions) {
    this.table = table;
    this.maxCells = opts.maxCells;
    this.line = opts.firstLine;
    this.delimiter = opts.delimiter.charCodeAt(0);
    this.cells = new ByteCells(this.delimiter);
    this.classes[this.delimiter] = DELIM;
    this.classes[LF] = LINE_FEED;
    this.classes[CR] = RETURN;
    this.classes[0] = NUL;
    for (let c = 0; c < this.keep.length; c++) this.keep[c] = table.keeps(c) ? 1 : 0;
  }

  stop(at: number): PlainStop {
    return { at, line: this.line, rows: this.rows };
  }

  get records(): number {
    return this.rows;
  }

  /** Read the records of `b[0, end)` (`b[end - 1]` is an LF); returns where the first one that is not plain starts, or `end`. */
  read(b: Uint8Array, end: number): number {
    const classes = this.classes;
    const delimiter = this.delimiter;
    const cells = this.cells;
    if (this.view.buffer !== b.buffer || this.view.byteOffset !== b.byteOffset) this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let p = 0;
    while (p < end) {
      const start = p;
      let cell = 0;
      /** A kept cell has text, or a cell left out has a character that is not a space. */
      let filled = false;
      /** A cell left out has non-ASCII text, which may be only spaces (U+3000). */
      let unsure = false;
      for (;;) {
        if (cell === this.row.length) this.widen();
        const quoted = b[p] === QUOTE;
        let s = quoted ? p + 1 : p;
        let e = -1;
        let code = -1;
        // The cell above, if simple, is this cell when its bytes are here and end right after them:
        // with no quote and no delimiter in them, nothing else can be read from these bytes.
        const above = this.above[cell]!;
        if (above !== 0 && cells.isSimple(above)) {
          const after = s + cells.length(above);
          if (after + 1 < end && (quoted ? b[after] === QUOTE && b[after + 1] !== QUOTE : classes[b[after]!] !== 0) && cells.same(b, this.view, s, above)) {
            e = after;
            code = cells.code(above);
          }
        }
        let escaped = false;
        if (e === -1) {
          if (quoted) {
            let q = s;
            for (;;) {
              const x = b[q]!;
              if (x === QUOTE) {
                if (b[q + 1] !== QUOTE) break;
                escaped = true;
                q += 2;
              } else if (x === LF || x === CR || x === 0) return start;
              else q++;
            }
            e = q;
          } else {
            let q = p;
            while (classes[b[q]!] === 0) q++;
            e = q;
          }
        }
        /** Where the next cell starts, or -1 after the record's last cell (`p` is then the next record). */
        let next: number;
        const at = quoted ? e + 1 : e;
        const x = b[at]!;
        if (x === delimiter) next = at + 1;
        else if (x === LF) {
          next = -1;
          p = at + 1;
        } else if (x === CR && b[at + 1] === LF) {
          next = -1;
          p = at + 2;
        } else return start;
        // Past the header's cells: blank ones are read as the CSV reader reads them, any other is its to report.
        if (this.maxCells > 0 && cell >= this.maxCells) {
          while (s < e && isAsciiSpace(b[s]!)) s++;
          if (s < e) return start;
        }
        if (this.keep[cell] === 1) {
          if (code === -1) {
            while (s < e && isAsciiSpace(b[s]!)) s++;
            while (e > s && isAsciiSpace(b[e - 1]!)) e--;
            code = s === e ? 0 : this.code(b, s, e, cell, escaped);
            if (code < 0) return start;
          }
          if (code !== 0) filled = true;
          this.row[cell] = code;
        } else {
          this.row[cell] = 0;
          while (s < e && isAsciiSpace(b[s]!)) s++;
          if (s < e) {
            if (b[s]! < 0x80) filled = true;
            else unsure = true;
          }
        }
        cell++;
        if (next === -1) break;
        p = next;
      }
      if (!filled) {
        if (unsure) return start;
        this.line++;
        continue;
      }
      // Perhaps the header again, in its order or another (two exports joined): the CSV reader tells (`repeated_header`, `reordered_header`).
      if (this.table.mayRepeatHeader(this.row, cell)) return start;
      this.table.pushCodes(this.line, this.row, cell);
      this.line++;
      this.rows++;
    }
    return end;
  }

  /** Code of the cell `b[s, e)` (trimmed of ASCII spaces) in column `c`; -1 when its bytes are not UTF-8, or it may be an Excel text formula. */
  private code(b: Uint8Array, s: number, e: number, c: number, escaped: boolean): number {
    const cells = this.cells;
    const above = this.above[c]!;
    if (above !== 0 && cells.length(above) === e - s && cells.same(b, this.view, s, above)) return cells.code(above);
    const hash = hashBytes(b, s, e);
    let id = cells.find(b, this.view, s, e, hash);
    if (id === 0) {
      let text: string;
      try {
        text = this.decoder.decode(b.subarray(s, e));
      } catch {
        return -1;
      }
      if (escaped) text = text.replaceAll('""', '"');
      // ASCII spaces are trimmed already; what is left at the ends may be another space (U+00A0, U+3000).
      let from = 0;
      let to = text.length;
      while (from < to && isTrimSpace(text.charCodeAt(from))) from++;
      while (to > from && isTrimSpace(text.charCodeAt(to - 1))) to--;
      if (from > 0 || to < text.length) text = text.slice(from, to);
      // Excel's text formula (="00123"): the CSV reader reads it as the text inside, and says so (`text_formula`).
      if (text.charCodeAt(0) === 61 && text.charCodeAt(1) === 34) return -1;
      id = cells.add(b, s, e, hash, text === '' ? 0 : this.table.codeOf(text));
    }
    this.above[c] = id;
    return cells.code(id);
  }

  private widen(): void {
    const n = this.row.length * 2;
    this.row = grown(this.row, n);
    this.above = grown(this.above, n);
    const keep = new Uint8Array(n);
    for (let c = 0; c < n; c++) keep[c] = this.table.keeps(c) ? 1 : 0;
    this.keep = keep;
  }
}

/** The ASCII characters `String.prototype.trim` removes (tab, LF, VT, FF, CR, space). */
function isAsciiSpace(x: number): boolean {
  return x === 32 || (x >= 9 && x <= 13);
}
