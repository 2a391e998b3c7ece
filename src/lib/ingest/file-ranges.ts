/**
 * Byte ranges of a file (Node only): read through one reused buffer,
 * hashed, and searched for line ends, for a large export read in parts
 * (read-split.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ByteSource } from './decode.ts';
import type { ReadBytes } from './vendor/plain-records.ts';
import { IngestFatalError } from './issues.ts';

const BUFFER_BYTES = 64 * 1024;

/** A sha256 of bytes given in order; its digest only if they were exactly the file's `size` bytes (else the file changed while it was read). */
export class Hasher {
  private readonly hash = createHash('sha256');
  bytes = 0;

  add(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** Bytes `[start, end)` of a file. */
  addRange(path: string, start: number, end: number): void {
    for (const chunk of rangeSource(path, start, end).chunks()) this.add(chunk);
  }

  digest(size: number): string | null {
    return this.bytes === size ? this.hash.digest('hex') : null;
  }
}

/** Bytes `[start, end)` of a file, streamed through one reused buffer (each chunk also given to `onChunk`). */
export function rangeSource(path: string, start: number, end: number, onChunk?: (chunk: Uint8Array) => void): ByteSource {
  return {
    size: end - start,
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        const buffer = new Uint8Array(BUFFER_BYTES);
        for (let at = start; at < end; ) {
          const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
          if (n === 0) break;
          at += n;
          const chunk = buffer.subarray(0, n);
          onChunk?.(chunk);
          yield chunk;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Bytes of a file from `start`, read in order into the caller's buffer. */
export function fileReader(path: string, start: number, end: number): { read: ReadBytes; close: () => void } {
  const fd = openSync(path, 'r');
  let at = start;
  return {
    read: (into, to, length) => {
      const n = readSync(fd, into, to, Math.min(length, end - at), at);
      at += n;
      return n;
    },
    close: () => closeSync(fd),
  };
}

/** The byte after the first LF at or after `from` (an LF byte is never part of a longer UTF-8 character), or -1. */
export function cutAfterLineEnd(path: string, from: number, size: number): number {
  let at = from;
  for (const chunk of rangeSource(path, from, size).chunks()) {
    const lf = chunk.indexOf(10);
    if (lf !== -1) return at + lf + 1;
    at += chunk.length;
  }
  return -1;
}

/**
 * The byte after the first LF at or after `from` and before `limit` with an
 * even number of quotes above it (outside quotes, in a well-formed file:
 * the head should not end inside a quoted cell spanning lines), or -1. A
 * guess: the head's reading says whether it ended between records.
 */
export function headEnd(path: string, from: number, limit: number): number {
  let at = 0;
  let quotes = 0;
  for (const chunk of rangeSource(path, 0, limit).chunks()) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 34) quotes++;
      else if (b === 10 && at + i >= from && quotes % 2 === 0) return at + i + 1;
    }
    at += chunk.length;
  }
  return -1;
}

/** Physical line ends in bytes `[0, end)`: every LF, and every CR not followed by an LF (csv.ts counts lines so). */
export function lineEndsBefore(path: string, end: number): number {
  let n = 0;
  let crPending = false;
  for (const chunk of rangeSource(path, 0, end).chunks()) {
    if (crPending && chunk[0] !== 10) n++;
    crPending = false;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    for (let i = chunk.indexOf(13); i !== -1; i = chunk.indexOf(13, i + 1)) {
      if (i + 1 === chunk.length) crPending = true;
      else if (chunk[i + 1] !== 10) n++;
    }
  }
  // The cut is right after an LF, so a CR cannot be the last byte before it.
  return n;
}

/** A file hashed apart from its reading (on another thread, or again) that no longer has the size it was read at. */
export function fileChangedError(file: string, size: number): IngestFatalError {
  return new IngestFatalError('file_changed', file, `${file}: the file changed while it was read (its size is no longer ${size.toLocaleString('en-US')} bytes); read it again once it is written completely`);
}

/** The sha256 of a file's first `size` bytes, or null when it does not have exactly that many. */
export function wholeFileHash(path: string, size: number): string | null {
  const hasher = new Hasher();
  hasher.addRange(path, 0, size);
  // One byte more: a file that grew meanwhile is not the one read.
  for (const _ of rangeSource(path, size, size + 1).chunks()) return null;
  return hasher.digest(size);
}
