/**
 * Where a text's physical lines end (LF, CRLF or a lone CR), off the
 * tokenizer's hot loop: chunk edges and a NUL's line (csv.ts), a decoding
 * notice's line (decode-stream.ts), an unclosed quote's column (csv-tokenizer.ts).
 */
const CR = 13;

/** Line ends in `text[from, to)`: each CR, and each LF not right after a CR (`afterCr`: the char before `from` was a CR). */
export function countLineEnds(text: string, from = 0, to = text.length, afterCr = false): number {
  let n = 0;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) n++;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    if (i > from ? text.charCodeAt(i - 1) !== CR : !afterCr) n++;
  }
  return n;
}

/** The first line end (LF or CR) at or after `from`, or -1. Off the hot path only: in an LF file it scans to the end. */
export function firstLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
}

/** The index after the line end at `le` (LF or CR; a CR followed by LF ends there too). Off the hot path only. */
export function afterLineEnd(text: string, le: number): number {
  return text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
}

/** Index of the first character of the physical line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return Math.max(text.lastIndexOf('\n', pos - 1), text.lastIndexOf('\r', pos - 1)) + 1;
}
