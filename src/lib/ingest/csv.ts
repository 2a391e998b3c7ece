/**
 * CSV records with their physical lines (input.md "Text"; the reading rules
 * are in csv-tokenizer.ts and docs/spec-readings.md).
 *
 * The text arrives in chunks (decode.ts) and is parsed block by block, each
 * block starting at a record boundary; csv-tokenizer.ts reads a block in
 * place: a record is a set of ranges into the block, so no array or
 * substring is made per row and the stage_history fast path reads its cells
 * where they are. Whatever the tokenizer could not finish waits for the next
 * chunk; a record can never grow past `maxChars`, so neither can that wait.
 *
 * Every physical line belongs to exactly one record: a record's `line` is
 * where it starts and `lastLine` where it ends (quoted cells may span lines).
 * A record whose cells are all blank (an empty line, or only delimiters) is
 * not a row. A record the tokenizer could not read (`malformed`) is still
 * passed on, to be reported and counted.
 */
import { afterLineEnd, type CsvLimits, countLineEnds, firstLineEnd, isTrimSpace, tokenize } from './csv-tokenizer.ts';
import { grown } from './grown.ts';
import { ownCopy } from './text-range.ts';
import { unwrapTextFormulas } from './text-formulas.ts';

export { isTrimSpace };

/** A whole cell trimmed as `CsvRecord.range` trims one. */
export function trimCell(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && isTrimSpace(text.charCodeAt(s))) s++;
  while (e > s && isTrimSpace(text.charCodeAt(e - 1))) e--;
  return s === 0 && e === text.length ? text : text.slice(s, e);
}
export type { CsvLimits };

export type Delimiter = ',' | ';' | '\t';

/** Longest record (16 MiB of text), and most line ends in one quoted cell. */
export const CSV_LIMITS: CsvLimits = { maxChars: 16 * 1024 * 1024, maxCellLines: 10_000 };

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

export interface CsvHeader {
  /** Trimmed, lower-cased column names. */
  names: string[];
  /** The same names as written (trimmed): for messages and names taken from headers. */
  headers: string[];
  line: number;
  delimiter: Delimiter;
  /** The header record could not be read (the names are then empty). */
  malformed: CsvProblem | null;
  lastLine: number;
  /** The header's first cell written as an Excel text formula (`="deal_id"`), read as the name inside: said with the rows'. */
  formula: { cell: number; raw: string; read: string } | null;
}

export interface CsvHandlers {
  /** The first non-blank record; may throw to stop (a fatal header problem). */
  header(header: CsvHeader): void;
  /** Every later non-blank record; `record` is reused, copy what you keep. */
  record(record: CsvRecord): void;
}

/** A U+0000 character in the text: not a text file (table.ts makes it a fatal error). */
export class NulCharacterError extends Error {
  /** The physical line holding it. */
  line: number;
  constructor(line: number) {
    super(`NUL character on line ${line}`);
    this.name = 'NulCharacterError';
    this.line = line;
  }
}

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

/**
 * `sep=;` as a file's first line: Excel's hint naming the delimiter (some
 * exports for Excel start with it). Only a delimiter Pipescope reads is taken;
 * any other hint is left as the header, which then says what is wrong.
 */
const EXCEL_SEPARATOR_LINE = /^sep=([,;\t])[ \t]*(?:\r\n|\n|\r)/i;

/** Delimiter of the header line (outside quotes): the most frequent of `,` `;` tab; `,` on ties or none. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (c === ',' || c === ';' || c === '\t') counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** How to read a part of a file (a segment read on its own: see read-split.ts). */
export interface CsvPart {
  /** The text starts below the header, at a record boundary: every record is a row. */
  headerless?: boolean;
  /** The physical line the text starts on (default 1). */
  firstLine?: number;
  delimiter?: Delimiter;
  /** Set at the end: whether the text ended at a record boundary (nothing left unfinished). */
  end?: { clean: boolean };
}

/**
 * Where the first line of `chunk` ends (the index after its line end), when the record that `rest` (text
 * before the chunk, from a record's start) begins can be read from `rest` and that line alone: `rest` on one
 * line, short enough that no limit of the record's can be reached there, and a line end that is one (a CR
 * with a character after it). Else -1.
 */
function straddleEnd(rest: string, chunk: string, limits: CsvLimits): number {
  if (limits.maxCellLines < 1 || firstLineEnd(rest, 0) !== -1) return -1;
  const le = firstLineEnd(chunk, 0);
  if (le === -1 || le + 1 === chunk.length) return -1;
  const end = afterLineEnd(chunk, le);
  return rest.length + end <= limits.maxChars ? end : -1;
}

/**
 * Parse `chunks` (decoded text in order) and call the handlers; returns the
 * detected delimiter, or null for a file without any record. Throws
 * NulCharacterError at a U+0000 character. `nulSeen` (the decoder's own
 * NUL check, on bytes: much faster than on two-byte strings) says whether
 * the text so far can hold one at all.
 */
export function parseCsv(chunks: Iterable<string>, handlers: CsvHandlers, limits: CsvLimits = CSV_LIMITS, nulSeen?: () => boolean, part: CsvPart = {}): Delimiter | null {
  const record = new CsvRecord();
  let delimiter: Delimiter | null = part.delimiter ?? null;
  let line = part.firstLine ?? 1;
  let headerSeen = part.headerless ?? false;

  /** The text being tokenized holds `="`: a cell of it may be an Excel text formula. */
  let formulas = false;
  const emit = () => {
    record.formulaCell = -1;
    if (formulas && record.malformed === null) unwrapTextFormulas(record);
    if (record.malformed === null && record.isBlank()) return;
    if (headerSeen) return handlers.record(record);
    headerSeen = true;
    const headers = record.malformed === null ? record.toArray() : [];
    const names = headers.map((n) => n.toLowerCase());
    const formula = record.formulaCell >= 0 ? { cell: record.formulaCell, raw: record.formulaRaw, read: record.cell(record.formulaCell) } : null;
    handlers.header({ names, headers, line: record.line, lastLine: record.lastLine, delimiter: delimiter!, malformed: record.malformed, formula });
  };

  // Pieces wait in `pending` until they contain a complete record; when a
  // block yields none (a long record), wait for twice as much text before
  // retrying, so the work stays linear.
  let pending: string[] = [];
  let pendingLength = 0;
  let retryAt = 0;
  // After a record too long to keep: drop text up to the end of its last line (and the LF of a CRLF cut by a chunk edge).
  let skipping = false;
  let skipLf = false;
  const run = (final: boolean) => {
    let text: string;
    let from = 0;
    const straddling = delimiter === null || pending.length !== 2 ? -1 : straddleEnd(pending[0]!, pending[1]!, limits);
    if (straddling !== -1) {
      // The record a chunk's edge cut, read from the text before the edge and the chunk's first line alone; the
      // chunk then from the next line where it is, not copied after that text (a copy of the whole file, ~40 MB
      // of strings for 26 MB of deals.csv). That record ends at that line's end or later (then the two are joined).
      const [rest, chunk] = pending as [string, string];
      const head = rest + chunk.slice(0, straddling);
      formulas = head.includes('="');
      const first = tokenize(head, false, delimiter!, line, record, emit, limits);
      line = first.line;
      if (first.end === head.length) {
        text = chunk;
        from = straddling;
      } else text = head.slice(first.end) + chunk.slice(straddling);
    } else text = pending.length === 1 ? pending[0]! : pending.join('');
    if (delimiter === null) {
      // Wait for the first line end (and for what follows a CR, which may be a CRLF's LF).
      const lineEnd = text.search(/[\r\n]/);
      if (!final && text.length <= limits.maxChars && (lineEnd === -1 || lineEnd === text.length - 1)) {
        pending = [text];
        retryAt = text.length * 2;
        return;
      }
      const hint = headerSeen ? null : EXCEL_SEPARATOR_LINE.exec(text);
      if (hint) {
        // Excel's delimiter hint: it names the delimiter and is not the header.
        delimiter = hint[1] as Delimiter;
        text = text.slice(hint[0].length);
        line++;
        if (text === '') {
          pending = [];
          pendingLength = 0;
          return;
        }
      } else delimiter = detectDelimiter(text);
    }
    formulas = text.includes('="', from);
    const done = tokenize(text, final, delimiter, line, record, emit, limits, from);
    line = done.line;
    skipping = done.skip;
    const rest = done.end === 0 ? text : text.slice(done.end);
    pending = rest ? [rest] : [];
    pendingLength = rest.length;
    retryAt = done.end === from ? rest.length * 2 : 0;
  };
  for (let chunk of chunks) {
    const nul = nulSeen === undefined || nulSeen() ? chunk.indexOf('\0') : -1;
    if (nul !== -1) {
      // Its line: after the text waiting (which starts at `line`), or on the line being skipped.
      const before = skipping ? chunk.slice(0, nul) : pending.join('') + chunk.slice(0, nul);
      throw new NulCharacterError((skipping ? line - 1 : line) + countLineEnds(before));
    }
    if (skipLf) {
      skipLf = false;
      if (chunk.charCodeAt(0) === 10) chunk = chunk.slice(1);
    }
    if (skipping) {
      const le = firstLineEnd(chunk, 0);
      if (le === -1) continue;
      skipping = false;
      if (chunk.charCodeAt(le) === 13 && le + 1 === chunk.length) skipLf = true;
      chunk = chunk.slice(afterLineEnd(chunk, le));
    }
    if (!chunk) continue;
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= retryAt) run(false);
  }
  if (part.end) part.end.clean = pendingLength === 0 && !skipping;
  if (pendingLength > 0) run(true);
  return delimiter;
}
