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
import { type CsvLimits, isTrimSpace, tokenize } from './csv-tokenizer.ts';
import { afterLineEnd, countLineEnds, firstLineEnd } from './line-ends.ts';
import { CsvRecord, type CsvProblem } from './csv-record.ts';
import { unwrapTextFormulas } from './text-formulas.ts';

export { isTrimSpace };
export type { CsvLimits };

export type Delimiter = ',' | ';' | '\t';

/** Longest record (16 MiB of text), and most line ends in one quoted cell. */
export const CSV_LIMITS: CsvLimits = { maxChars: 16 * 1024 * 1024, maxCellLines: 10_000 };

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
