/**
 * The decoding loops of decode.ts: one decoder over the whole stream
 * (`decodeStream`), or UTF-8 and a legacy decoder taking turns at the line
 * boundaries the byte scan found (`decodeMixed`). Both note where the first
 * NUL byte is.
 */
import { type StreamDecoder, textDecoder } from './cp949.ts';
import { countLineEnds } from './line-ends.ts';
import type { LineRuns } from './line-runs.ts';
import type { ByteSource, Encoding } from './decode.ts';
import type { ByteScan, LegacyEncoding } from './encoding-plan.ts';

type OnBytes = (done: number, total: number) => void;

/** Where the first NUL byte is (a byte offset, -1 for none), filled in while decoding. */
export type Nul = { at: number };

export class UndecodableError extends Error {
  constructor(encoding: Encoding) {
    super(`not valid ${encoding}`);
    this.name = 'UndecodableError';
  }
}

/**
 * The text of `source` in one encoding, as chunks. TextDecoder strips the BOM
 * of its own encoding and, streaming, completes characters cut by a chunk edge.
 * `skip` drops leading bytes first (a UTF-8 BOM in a file read as legacy).
 */
export function* decodeStream(source: ByteSource, encoding: Encoding, opts: { fatal: boolean; skip: number; nul: Nul }, onBytes?: OnBytes): Generator<string> {
  const decoder = textDecoder(encoding, { fatal: opts.fatal });
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const { nul } = opts;
  let skip = opts.skip;
  let done = 0;
  let chars = 0;
  for (let chunk of source.chunks()) {
    // UTF-16 has 00 bytes in every ASCII character: look for U+0000 in the text instead.
    if (nul.at < 0 && !utf16) {
      const z = chunk.indexOf(0, skip);
      if (z !== -1) nul.at = done + z;
    }
    done += chunk.length;
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    const text = decodeOrThrow(decoder, encoding, chunk, true);
    onBytes?.(done, source.size);
    if (nul.at < 0 && utf16) {
      const z = text.indexOf('\0');
      if (z !== -1) nul.at = 2 + 2 * (chars + z); // after the BOM, two bytes per UTF-16 code unit
      chars += text.length;
    }
    if (text) yield text;
  }
  const rest = decodeOrThrow(decoder, encoding, undefined, false);
  if (rest) yield rest;
}

export function decodeOrThrow(decoder: StreamDecoder, encoding: Encoding, bytes: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new UndecodableError(encoding);
  }
}

/**
 * Pass `chunks` through, noting in `found` the lines that hold a U+FFFD
 * (lines end at LF, CRLF or CR, as in csv.ts), until `max` lines are noted.
 * A chunk without one only has its line ends counted.
 */
export function* replacementLines(chunks: Iterable<string>, found: LineRuns, max = Infinity): Generator<string> {
  let line = 1;
  let afterCr = false;
  for (const text of chunks) {
    if (found.count < max && text.length > 0) {
      if (!text.includes('\uFFFD')) line += countLineEnds(text, 0, text.length, afterCr);
      else {
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 13 || (c === 10 && !(i > 0 ? text.charCodeAt(i - 1) === 13 : afterCr))) line++;
          else if (c === 0xfffd) found.addLine(line);
        }
      }
      afterCr = text.charCodeAt(text.length - 1) === 13;
    }
    yield text;
  }
}


/**
 * The mixed file's text: runs of lines alternate between the UTF-8 decoder
 * and the legacy one at the boundaries the scan found (`badRuns`). A line
 * end (LF, CRLF or CR) is a character boundary in all three encodings, so
 * each run flushes its decoder; within a run, decoders stream across chunk
 * edges as usual. A run may end at a CR that ends a chunk: an LF starting the
 * next chunk then belongs to that line end, whichever decoder reads it.
 */
export function* decodeMixed(source: ByteSource, scan: ByteScan, legacy: LegacyEncoding, nul: Nul, onBytes?: OnBytes): Generator<string> {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }); // the BOM is skipped by hand; the scan validated these lines
  const other = textDecoder(legacy, { fatal: legacy === 'euc-kr' });
  const boundaries = scan.badRuns;
  let next = 0;
  let inBad = false;
  let line = 1;
  let skip = scan.bom;
  let done = 0;
  let crEnded = false;
  for (const chunk of source.chunks()) {
    if (nul.at < 0) {
      const z = chunk.indexOf(0);
      if (z !== -1) nul.at = done + z;
    }
    done += chunk.length;
    let pos = Math.min(skip, chunk.length);
    skip -= pos;
    // Positions of the next LF and CR at or after the search point (-2: not looked for yet).
    let lf = -2;
    let cr = -2;
    let from = crEnded && chunk[pos] === 0x0a ? pos + 1 : pos;
    crEnded = false;
    /** Just after the next line end at or after `from`, or -1. */
    const lineEnd = (): number => {
      if (lf !== -1 && lf < from) lf = chunk.indexOf(0x0a, from);
      if (cr !== -1 && cr < from) cr = chunk.indexOf(0x0d, from);
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr + 1 < chunk.length) return chunk[cr + 1] === 0x0a ? cr + 2 : cr + 1;
        crEnded = true;
        return chunk.length;
      }
      return lf === -1 ? -1 : lf + 1;
    };
    const out: string[] = [];
    while (pos < chunk.length) {
      const until = boundaries[next];
      // After the last boundary, lines need no counting: the rest is one run.
      let end = until === undefined ? -1 : pos;
      while (until !== undefined && line < until && end !== -1) {
        end = lineEnd();
        if (end !== -1) {
          from = end;
          line++;
        }
      }
      const [decoder, encoding]: [StreamDecoder, Encoding] = inBad ? [other, legacy] : [utf8, 'utf-8'];
      if (end === -1) {
        out.push(decodeOrThrow(decoder, encoding, chunk.subarray(pos), true));
        break;
      }
      out.push(decodeOrThrow(decoder, encoding, chunk.subarray(pos, end), false));
      pos = end;
      inBad = !inBad;
      next++;
    }
    onBytes?.(done, source.size);
    const text = out.join('');
    if (text) yield text;
  }
  const rest = decodeOrThrow(utf8, 'utf-8', undefined, false) + decodeOrThrow(other, legacy, undefined, false);
  if (rest) yield rest;
}
