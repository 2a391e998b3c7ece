/**
 * Bytes to text (input.md "Text"): UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM, and Korean Excel's CP949 / EUC-KR (WHATWG "euc-kr" is CP949).
 * Pure and browser-safe: only TextDecoder and typed arrays, no Buffer.
 *
 * Files are decoded as a stream of small chunks (`ByteSource`), so a large
 * file never sits in memory whole, neither as bytes nor as one string.
 * Chunks stay small on purpose: V8 puts strings above ~128 KB in large-object
 * space, whose fresh pages cost page faults on every allocation (1 MB chunks
 * measured ten times slower than 32 KB ones on a 38 MB file).
 *
 * Without a BOM the text is first read as strict UTF-8; if some byte is not
 * UTF-8 the reader starts over as strict EUC-KR (`encodingAttempts`), and if
 * that fails too, as UTF-8 with U+FFFD replacements (reported).
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr';

/** A file's bytes as a re-readable sequence of chunks; a chunk may be reused after the next one is requested. */
export interface ByteSource {
  size: number;
  chunks(): Iterable<Uint8Array>;
}

export const CHUNK_BYTES = 32 * 1024;

export function byteSource(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ByteSource {
  return {
    size: bytes.length,
    *chunks() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
    },
  };
}

export interface DecodeAttempt {
  encoding: Encoding;
  /** Strict: throw UndecodableError at the first invalid byte, so the next attempt can take over. */
  fatal: boolean;
}

export class UndecodableError extends Error {
  constructor(encoding: Encoding) {
    super(`not valid ${encoding}`);
    this.name = 'UndecodableError';
  }
}

/** The encoding a byte-order mark announces, if any. */
export function bomEncoding(head: Uint8Array): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Strict attempts in order, then a lossy fallback; the last attempt never throws. */
export function encodingAttempts(head: Uint8Array): DecodeAttempt[] {
  const bom = bomEncoding(head);
  if (bom) return [{ encoding: bom, fatal: true }, { encoding: bom, fatal: false }];
  return [
    { encoding: 'utf-8', fatal: true },
    { encoding: 'euc-kr', fatal: true },
    { encoding: 'utf-8', fatal: false },
  ];
}

/** The first bytes of a source (enough to see a BOM). */
export function headOf(source: ByteSource): Uint8Array {
  for (const chunk of source.chunks()) return chunk.slice(0, 4);
  return new Uint8Array(0);
}

/**
 * The text of `source` as chunks. TextDecoder strips the BOM of its own
 * encoding and, streaming, completes characters cut by a chunk edge.
 */
export function* decodeChunks(source: ByteSource, attempt: DecodeAttempt, onBytes?: (done: number, total: number) => void): Generator<string> {
  const decoder = new TextDecoder(attempt.encoding, { fatal: attempt.fatal });
  let done = 0;
  const decode = (bytes: Uint8Array | undefined, stream: boolean) => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new UndecodableError(attempt.encoding);
    }
  };
  for (const chunk of source.chunks()) {
    const text = decode(chunk, true);
    done += chunk.length;
    onBytes?.(done, source.size);
    if (text) yield text;
  }
  const rest = decode(undefined, false);
  if (rest) yield rest;
}

/** Decode a whole (small) file, trying the encodings in order. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding; lossy: boolean } {
  for (const attempt of encodingAttempts(bytes)) {
    try {
      const text = [...decodeChunks(byteSource(bytes), attempt)].join('');
      return { text, encoding: attempt.encoding, lossy: !attempt.fatal };
    } catch (e) {
      if (!(e instanceof UndecodableError)) throw e;
    }
  }
  throw new Error('unreachable: the last decoding attempt is lossy');
}
