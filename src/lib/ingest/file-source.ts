/** A file streamed through one reused buffer and hashed on the way (Node only: read-folder.ts, history-thread-worker.ts). */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from './decode.ts';
import { fileChangedError } from './file-ranges.ts';

/**
 * 32 KB: decoded, a chunk of Korean text is a string of two bytes a character, and one of 64 KB came to
 * 100-128 KB, at or past the size V8 keeps as a large object in memory of its own, first touched each time
 * (~2,000 fewer page faults in a run over a 100k-deal deals.csv).
 */
const BUFFER_BYTES = 32 * 1024;

/** `onHash` gets the file's sha256 after each complete pass. */
export function fileSource(path: string, size: number, onHash: (hex: string) => void): ByteSource {
  return {
    size,
    *chunks() {
      const hash = createHash('sha256');
      yield* fileChunks(path, (chunk) => hash.update(chunk));
      onHash(hash.digest('hex'));
    },
  };
}

/**
 * A file read without hashing it, as another thread hashes it (`wholeFileHash`, history-thread.ts): it must
 * have exactly `size` bytes when read to its end, the ones that hash is of, else the reading stops there.
 */
export function unhashedFileSource(file: string, path: string, size: number): ByteSource {
  return {
    size,
    *chunks() {
      let bytes = 0;
      yield* fileChunks(path, (chunk) => (bytes += chunk.length));
      if (bytes !== size) throw fileChangedError(file, size);
    },
  };
}

function* fileChunks(path: string, onChunk: (chunk: Uint8Array) => void): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(BUFFER_BYTES);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      onChunk(chunk);
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}
