/**
 * CSV records with their first physical line (input.md "Text").
 *
 * The text arrives in chunks (decode.ts) and is parsed block by block, each
 * block starting at a record boundary. csv-tokenizer.ts reads well-formed
 * CSV in place, with papaparse's semantics: a record is a set of ranges into
 * the block, so no array or substring is made per row and the stage_history
 * fast path reads its cells where they are. At irregular quoting the rest of
 * the block goes to papaparse's Parser (the piece its own chunk streamer
 * uses), whose `ignoreLastRow` + `meta.cursor` say where its last complete
 * record ends. Whatever no parser could finish waits for the next chunk.
 *
 * Lines: a physical line ends at `\n` (at `\r` in files without any `\n`);
 * the `\r` of CRLF stays in the last cell and is trimmed away like all
 * whitespace. A record's line is the line where it starts; newlines inside
 * quoted cells advance the count. A record whose cells are all blank (an
 * empty line, or only delimiters) is not a row.
 */
import Papa from 'papaparse';
import { isTrimSpace, tokenize } from './csv-tokenizer.ts';

export { isTrimSpace };

export type Delimiter = ',' | ';' | '\t';

export interface CsvHeader {
  /** Trimmed, lower-cased column names. */
  names: string[];
  line: number;
  delimiter: Delimiter;
}

export interface CsvHandlers {
  /** The first non-blank record; may throw to stop (a fatal header problem). */
  header(header: CsvHeader): void;
  /** Every later non-blank record; `record` is reused, copy what you keep. */
  record(record: CsvRecord): void;
}

/** One record, reused for every row to avoid an object per row. */
export class CsvRecord {
  /** 1-based first physical line. */
  line = 0;
  length = 0;
  /** Set when papaparse found broken quoting in this record. */
  malformed: string | null = null;
  // Range mode: cell i is src[starts[i], ends[i]), or strings[i] when starts[i]
  // is -1 (a quoted cell with "" made into a string). Array mode (papaparse): cells[i].
  src = '';
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  strings: (string | null)[] = [];
  cells: string[] | null = null;
  /** Output of `range(i)`: the trimmed cell is rangeSrc[rangeStart, rangeEnd). */
  rangeSrc = '';
  rangeStart = 0;
  rangeEnd = 0;

  /** Point `rangeSrc/Start/End` at trimmed cell `i` ('' past the end of the record). */
  range(i: number): void {
    let src: string;
    let s: number;
    let e: number;
    if (i >= this.length) {
      src = '';
      s = e = 0;
    } else if (this.cells !== null || this.starts[i] === -1) {
      src = this.cells !== null ? this.cells[i]! : this.strings[i]!;
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
    return this.rangeSrc.slice(this.rangeStart, this.rangeEnd);
  }

  isBlank(): boolean {
    for (let i = 0; i < this.length; i++) {
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

  pushString(text: string): void {
    this.strings[this.length] = text;
    this.pushRange(-1, -1);
  }

  pushRange(s: number, e: number): void {
    if (this.length === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.length] = s;
    this.ends[this.length] = e;
    this.length++;
  }
}

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

/** `\n` (also for CRLF), or `\r` for old Mac files; null when the text so far cannot tell. */
function detectNewline(text: string, final: boolean): '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf <= cr + 1)) return lf !== -1 || final ? '\n' : null;
  if (cr + 1 < text.length) return '\r';
  return final ? '\r' : null;
}

function countChar(text: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(ch, from); i !== -1 && i < to; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted cell is never closed (missing ")',
  InvalidQuotes: 'a closing quote is followed by other characters',
};

/** Parse `chunks` (decoded text in order) and call the handlers; returns the detected delimiter, or null for a file without any record. */
export function parseCsv(chunks: Iterable<string>, handlers: CsvHandlers): Delimiter | null {
  const record = new CsvRecord();
  let delimiter: Delimiter | null = null;
  let nl = '\n';
  let parser: Papa.Parser | null = null;
  let line = 1;
  let headerSeen = false;

  const emit = () => {
    if (record.isBlank()) return;
    if (headerSeen) return handlers.record(record);
    headerSeen = true;
    handlers.header({ names: record.toArray().map((n) => n.toLowerCase()), line: record.line, delimiter: delimiter! });
  };

  /** Emit the complete records of `text`; returns how many chars were consumed. */
  const block = (text: string, final: boolean): number => {
    const done = tokenize(text, final, delimiter!, nl, line, record, emit);
    line = done.line;
    if (!done.irregular) return done.end;
    const rest = done.end === 0 ? text : text.slice(done.end);
    return done.end + papaparseBlock(rest, final);
  };

  /** papaparse for text from an irregular record on; returns how many chars it consumed. */
  const papaparseBlock = (text: string, final: boolean): number => {
    const startLine = line;
    parser ??= new Papa.Parser({ delimiter: delimiter!, newline: nl as '\n', quoteChar: '"' });
    const result = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
    const consumed = final ? text.length : result.meta.cursor;
    const problems = new Map<number, string>();
    for (const err of result.errors) {
      if (err.row !== undefined && !problems.has(err.row)) problems.set(err.row, QUOTE_PROBLEMS[err.code] ?? err.message);
    }
    result.data.forEach((cells, r) => {
      record.cells = cells;
      record.length = cells.length;
      record.line = line;
      record.malformed = problems.get(r) ?? null;
      emit();
      line += 1;
      for (const cell of cells) line += countChar(cell, nl, 0, cell.length);
    });
    record.cells = null;
    record.malformed = null;
    // Ground truth for the next block, whatever papaparse did inside this one.
    line = startLine + countChar(text, nl, 0, consumed);
    return consumed;
  };

  // Pieces wait in `pending` until they contain a complete record; when a
  // block yields none (a huge record), wait for twice as much text before
  // retrying, so the work stays linear.
  let pending: string[] = [];
  let pendingLength = 0;
  let retryAt = 0;
  const run = (final: boolean) => {
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    if (delimiter === null) {
      const newline = detectNewline(text, final);
      if (newline === null) {
        pending = [text];
        retryAt = text.length * 2;
        return;
      }
      nl = newline;
      delimiter = detectDelimiter(text);
    }
    const consumed = block(text, final);
    const rest = consumed === 0 ? text : text.slice(consumed);
    pending = rest ? [rest] : [];
    pendingLength = rest.length;
    retryAt = consumed === 0 ? text.length * 2 : 0;
  };
  for (const chunk of chunks) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= retryAt) run(false);
  }
  if (pendingLength > 0) run(true);
  return delimiter;
}
