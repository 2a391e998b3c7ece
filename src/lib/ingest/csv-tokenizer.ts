/**
 * The CSV tokenizer (input.md "Text"; the rules in docs/spec-readings.md,
 * "Input files"). Cells are recorded as ranges of the text (only a cell with
 * `""` or text after its closing quote becomes a new string), so no array
 * and no substring is made per row.
 *
 * - A physical line ends at LF, CRLF or a lone CR, inside quotes too.
 * - A quote opens a quoted cell only at the very start of a cell; inside,
 *   `""` is a quote. Anywhere else a quote is an ordinary character
 *   (`Alpha "Beta" Gamma`).
 * - After the closing quote, spaces, then the delimiter, a line end or the
 *   end of the text. Other text there is kept as Excel keeps it: the quoted
 *   part without its quotes, then the rest of the cell as written, up to the
 *   delimiter or line end (`"Alpha" upgrade` is `Alpha upgrade`); the
 *   record notes it (`quoteCell`) for a warning.
 * - A quoted cell is *unclosed* when no quote closes it before the end of
 *   the file, when it spans line ends and the quote that would close it is
 *   followed by other text (that quote opened a later cell: the first one
 *   was never closed), or when it spans more than `maxCellLines` line ends
 *   or takes its record past `maxChars` characters. Its record then ends at
 *   the end of the line where the quote opened, is reported whole
 *   (`malformed`) and reading goes on with the next line: a stray quote
 *   costs its own line, never the lines after it.
 * - A record longer than `maxChars` without an open quote is reported at
 *   once, and the caller skips the rest of its last line without keeping it.
 */
import type { CsvProblem, CsvRecord } from './csv-record.ts';
import { firstLineEnd, lineStart } from './line-ends.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** JS `String.prototype.trim` whitespace, by char code. */
export function isTrimSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export interface CsvLimits {
  /** Characters in one record (from its first character to its line end). */
  maxChars: number;
  /** Line ends inside one quoted cell. */
  maxCellLines: number;
}

export interface TokenizeResult {
  /** Where tokenizing stopped: the end of the text, or the start of a record it could not finish yet. */
  end: number;
  /** The line of the record at `end`. */
  line: number;
  /** A record too long to keep was reported: skip the text up to the end of its last line first. */
  skip: boolean;
}

/**
 * Emit the complete records of `text` from `from` (a record boundary, on
 * `line`). Unless `final`, a record running to the end of the text is left
 * for the next call, with more text. Every decision depends only on the text
 * of the record (never on where the text was cut into chunks), so the
 * records are the same however the file arrives.
 *
 * Hot loop: the next delimiter, LF, lone CR and line end (the earlier of the
 * two) are found and kept until passed; no closure shares them, so they stay
 * in registers. The CR of a CRLF is not a line end of its own: it stays at
 * the end of the last cell, where trimming removes it.
 */
export function tokenize(text: string, final: boolean, delimiter: string, line: number, record: CsvRecord, emit: () => void, limits: CsvLimits, from = 0): TokenizeResult {
  const dc = delimiter.charCodeAt(0);
  const n = text.length;
  const max = limits.maxChars;
  let nextDelim = text.indexOf(delimiter, from);
  let nextLf = text.indexOf('\n', from);
  let nextCr = bareCr(text, from);
  let nextLe = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
  let pos = from;
  /** Where tokenizing stops: n, or the start of a record that needs more text. */
  let stop = n;
  record.src = text;
  record.cells = null;
  record.malformed = null;
  records: while (pos < n) {
    const start = pos;
    /** Line ends inside the quoted cells of this record so far. */
    let embedded = 0;
    record.length = 0;
    record.quoteCell = -1;
    record.unterminated = false;
    record.line = line;
    for (;;) {
      if (nextLe !== -1 && nextLe < pos) {
        if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
        if (nextCr !== -1 && nextCr < pos) nextCr = bareCr(text, pos);
        nextLe = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
      }
      /** Where the cell ends: a delimiter, a line end, or -1 for the end of the text. */
      let cellEnd: number;
      // pos is n when a chunk ends right after a delimiter: charCodeAt(n) would deoptimize the tokenizer (out of bounds).
      if (pos === n || text.charCodeAt(pos) !== QUOTE) {
        // The next delimiter is only looked for here: a quoted cell finds its end from its closing quote.
        if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
        const le = nextLe;
        // The common cases first: a cell ended by the delimiter or a line end, well within the limit.
        if (nextDelim !== -1 && (le === -1 || nextDelim < le)) {
          if (nextDelim - start <= max) {
            record.pushRange(pos, nextDelim);
            pos = nextDelim + 1;
            continue;
          }
          cellEnd = nextDelim;
        } else if (le !== -1) {
          if (le - start <= max) {
            if (le !== nextCr) {
              record.pushRange(pos, le);
              pos = le + 1;
              break;
            }
            if (le + 1 < n) {
              record.pushRange(pos, le);
              pos = text.charCodeAt(le + 1) === LF ? le + 2 : le + 1;
              break;
            }
          }
          cellEnd = le;
        } else {
          // The next cell may be quoted or not.
          if (pos === n && !final) {
            stop = start;
            break records;
          }
          cellEnd = -1;
        }
        record.pushRange(pos, cellEnd === -1 ? n : cellEnd);
      } else {
        // A quoted cell: find the closing quote, skipping "" pairs.
        const open = pos;
        let close = pos;
        let escaped = false;
        for (;;) {
          close = text.indexOf('"', close + 1);
          if (close === -1) break;
          if (close + 1 === n && !final) {
            close = -2; // the next char might be a second quote
            break;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          escaped = true;
          close++;
        }
        // Line ends inside the quotes (up to the end of the text when not closed in it). `limit`
        // is where the closing quote is, or the least it can be: a quote ending the text may be half of "".
        const limit = close === -1 ? n : close === -2 ? n - 1 : close;
        let inner = 0;
        if (nextLe !== -1 && nextLe < limit) {
          while (nextLf !== -1 && nextLf < limit) {
            inner++;
            nextLf = text.indexOf('\n', nextLf + 1);
          }
          while (nextCr !== -1 && nextCr < limit) {
            if (text.charCodeAt(nextCr + 1) !== LF) inner++;
            nextCr = bareCr(text, nextCr + 1);
          }
          nextLe = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
        }
        if (inner === 0 && close >= 0 && close - start < max) {
          // The common case: closed on its line, right before the delimiter or the line end.
          const c = text.charCodeAt(close + 1);
          if (c === dc || c === LF || (c === CR && close + 2 < n)) {
            if (escaped) record.pushString(text.slice(open + 1, close).replaceAll('""', '"'));
            else record.pushRange(open + 1, close);
            if (c === dc) {
              pos = close + 2;
              continue;
            }
            pos = c === CR && text.charCodeAt(close + 2) === LF ? close + 3 : close + 2;
            break;
          }
        }
        const openLine = line + embedded;
        let reason: 'eof' | 'text_after' | 'long' | null = null;
        if (inner > limits.maxCellLines || limit - start > max) reason = 'long';
        else if (close === -1 && final) reason = 'eof';
        else if (close < 0) {
          stop = start;
          break records;
        }
        let after = close + 1;
        let c = -1;
        if (reason === null) {
          while (after < n) {
            c = text.charCodeAt(after);
            if (c === dc || c === LF || c === CR || !isTrimSpace(c)) break;
            after++;
          }
          if (after - start > max) {
            // Spaces after the closing quote past the limit.
            const r = reject(text, final, record, emit, { kind: 'too_long', cell: record.length }, openLine + inner, firstLineEnd(text, after), start, line);
            if (typeof r !== 'number') return r;
            line = openLine + inner + 1;
            pos = r;
            continue records;
          }
          if (after === n) {
            if (!final) {
              stop = start;
              break records;
            }
            c = -1;
          }
          if (c !== dc && c !== LF && c !== CR && c !== -1 && inner > 0) reason = 'text_after';
        }
        if (reason !== null) {
          // Unclosed: the record ends where the line of the opening quote ends.
          const problem: CsvProblem = { kind: 'unclosed_quote', reason, openLine, openColumn: open - lineStart(text, open) + 1, cell: record.length, closeLine: openLine + inner };
          const r = reject(text, final, record, emit, problem, openLine, firstLineEnd(text, open), start, line);
          if (typeof r !== 'number') return r;
          line = openLine + 1;
          pos = r;
          // Going back: search delimiters and line ends again from here.
          nextDelim = text.indexOf(delimiter, pos);
          nextLf = text.indexOf('\n', pos);
          nextCr = bareCr(text, pos);
          nextLe = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
          continue records;
        }
        embedded += inner;
        if (c === dc || c === LF || c === CR || c === -1) {
          if (escaped) record.pushString(text.slice(open + 1, close).replaceAll('""', '"'));
          else record.pushRange(open + 1, close);
          cellEnd = c === -1 ? -1 : after;
        } else {
          // Text after the closing quote: the rest of the cell as written, as Excel reads it.
          if (nextDelim !== -1 && nextDelim < after) nextDelim = text.indexOf(delimiter, after);
          if (nextLe !== -1 && nextLe < after) {
            if (nextLf !== -1 && nextLf < after) nextLf = text.indexOf('\n', after);
            if (nextCr !== -1 && nextCr < after) nextCr = bareCr(text, after);
            nextLe = nextCr !== -1 && (nextLf === -1 || nextCr < nextLf) ? nextCr : nextLf;
          }
          cellEnd = nextDelim !== -1 && (nextLe === -1 || nextDelim < nextLe) ? nextDelim : nextLe;
          if (cellEnd === -1 && !final && n - start <= max) {
            stop = start;
            break records;
          }
          const end = cellEnd === -1 ? n : cellEnd;
          const quoted = text.slice(open + 1, close);
          record.pushString((escaped ? quoted.replaceAll('""', '"') : quoted) + text.slice(close + 1, end));
          if (record.quoteCell < 0) {
            record.quoteCell = record.length - 1;
            record.quoteLine = line + embedded;
            record.quoteRaw = text.slice(open, end);
          }
        }
      }
      // Past the common cases: the limit, a CR at the end of the text, the end of the text.
      if ((cellEnd === -1 ? n : cellEnd) - start > max) {
        const lastLine = line + embedded;
        const r = reject(text, final, record, emit, { kind: 'too_long', cell: record.length - 1 }, lastLine, cellEnd === -1 ? -1 : firstLineEnd(text, cellEnd), start, line);
        if (typeof r !== 'number') return r;
        line = lastLine + 1;
        pos = r;
        continue records;
      }
      if (cellEnd === -1) {
        if (!final) {
          stop = start;
          break records;
        }
        pos = n;
        record.unterminated = true;
        break;
      }
      const c = text.charCodeAt(cellEnd);
      if (c === dc) {
        pos = cellEnd + 1;
        continue;
      }
      if (c === CR) {
        // An LF may follow.
        if (cellEnd + 1 === n && !final) {
          stop = start;
          break records;
        }
        pos = text.charCodeAt(cellEnd + 1) === LF ? cellEnd + 2 : cellEnd + 1;
      } else pos = cellEnd + 1;
      break;
    }
    record.lastLine = line + embedded;
    emit();
    line += 1 + embedded;
  }
  // One exit for the end of the text and every wait for more text: a return first taken late (a chunk cut right
  // after a delimiter, say) has no type feedback yet and would deoptimize the tokenizer, which then compiles again.
  return { end: stop, line, skip: false };
}

/**
 * Report the record starting at `start` (lines `line`–`lastLine`) as
 * `problem`. It ends at line end `le` (-1: not in the text). Returns where
 * the next record starts, or how tokenize stops: to wait for more text, at
 * the end, or skipping the rest of the last line (`skip`).
 */
function reject(text: string, final: boolean, record: CsvRecord, emit: () => void, problem: CsvProblem, lastLine: number, le: number, start: number, line: number): TokenizeResult | number {
  const n = text.length;
  if (le !== -1 && le + 1 === n && text.charCodeAt(le) === CR && !final) return { end: start, line, skip: false }; // an LF may follow
  record.malformed = problem;
  record.lastLine = lastLine;
  emit();
  record.malformed = null;
  if (le === -1) return { end: n, line: lastLine + 1, skip: !final };
  return le + (text.charCodeAt(le) === CR && text.charCodeAt(le + 1) === LF ? 2 : 1);
}

/**
 * The first CR at or after `from` that is not followed by an LF (one at the
 * end of the text counts: the caller waits for the next chunk), or -1. In a
 * CRLF file this walks over the CRs of a whole block once, then stays -1.
 */
function bareCr(text: string, from: number): number {
  let i = text.indexOf('\r', from);
  while (i !== -1 && text.charCodeAt(i + 1) === LF) i = text.indexOf('\r', i + 2);
  return i;
}
