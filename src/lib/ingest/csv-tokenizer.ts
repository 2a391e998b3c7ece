/**
 * The hand tokenizer for well-formed CSV, with papaparse's semantics: a quote
 * opens a quoted cell only at the start of a cell; inside, `""` is a quote;
 * the closing quote may be followed by whitespace, then must be followed by
 * the delimiter, a newline or the end of the text; a quote inside an
 * unquoted cell is an ordinary character. Cells are recorded as ranges of the
 * text (only a cell with `""` becomes a new string), so no array and no
 * substring is made per row.
 *
 * On irregular quoting (a closing quote followed by other characters, or a
 * quote never closed at the end of the file) it stops and reports the
 * record, and csv.ts hands the rest of the block to papaparse, whose
 * recovery defines what such a file means.
 */
import type { CsvRecord } from './csv.ts';

const QUOTE = 34;

/** JS `String.prototype.trim` whitespace, by char code. */
export function isTrimSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}


export interface TokenizeResult {
  /** Where tokenizing stopped: the end of the text, or the start of a record it did not finish. */
  end: number;
  /** The line of the record at `end`. */
  line: number;
  /** True when it stopped at irregular quoting (rather than at text that may continue in the next chunk). */
  irregular: boolean;
}

/**
 * Emit the complete records of `text` (which starts at a record boundary, on
 * `line`). Unless `final`, a record running to the end of the text is left
 * for the next call, with more text.
 */
export function tokenize(text: string, final: boolean, delimiter: string, nl: string, line: number, record: CsvRecord, emit: () => void): TokenizeResult {
  const dc = delimiter.charCodeAt(0);
  const nc = nl.charCodeAt(0);
  const n = text.length;
  let nextDelim = text.indexOf(delimiter);
  let nextNl = text.indexOf(nl);
  let pos = 0;
  record.src = text;
  record.cells = null;
  record.malformed = null;
  while (pos < n) {
    const start = pos;
    let embedded = 0;
    record.length = 0;
    for (;;) {
      if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
      if (nextNl !== -1 && nextNl < pos) nextNl = text.indexOf(nl, pos);
      if (text.charCodeAt(pos) !== QUOTE) {
        if (nextDelim !== -1 && (nextDelim < nextNl || nextNl === -1)) {
          record.pushRange(pos, nextDelim);
          pos = nextDelim + 1;
          continue;
        }
        if (nextNl !== -1) {
          record.pushRange(pos, nextNl);
          pos = nextNl + 1;
          break;
        }
        if (!final) return { end: start, line, irregular: false };
        record.pushRange(pos, n);
        pos = n;
        break;
      }
      // A quoted cell: find the closing quote, skipping "" pairs.
      let close = pos;
      let escaped = false;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close === -1) return { end: start, line, irregular: final };
        if (close + 1 === n && !final) return { end: start, line, irregular: false }; // the next char might be a second quote
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        escaped = true;
        close++;
      }
      while (nextNl !== -1 && nextNl < close) {
        embedded++;
        nextNl = text.indexOf(nl, nextNl + 1);
      }
      let after = close + 1;
      while (after < n) {
        const c = text.charCodeAt(after);
        if (c === dc || c === nc || !isTrimSpace(c)) break;
        after++;
      }
      if (after === n && !final) return { end: start, line, irregular: false };
      if (escaped) record.pushString(text.slice(pos + 1, close).replaceAll('""', '"'));
      else record.pushRange(pos + 1, close);
      const c = after < n ? text.charCodeAt(after) : -1;
      pos = after + 1;
      if (c === dc) continue;
      if (c === nc || c === -1) break;
      return { end: start, line, irregular: true };
    }
    record.line = line;
    emit();
    line += 1 + embedded;
  }
  return { end: n, line, irregular: false };
}
