import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wholeFileHash } from '../../../src/lib/ingest/file-ranges.ts';
import { fileSource, unhashedFileSource } from '../../../src/lib/ingest/file-source.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-file-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 100,000 bytes: more than three of the sources' 32 KB chunks, the last one short. */
const TEXT = '가나다,abc\n'.repeat(100_000 / 13 + 1).slice(0, 100_000);
const BYTES = Buffer.from(TEXT);
const SHA256 = createHash('sha256').update(BYTES).digest('hex');

/** The chunks copied as they come: a source reuses one buffer for them. */
function joined(chunks: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies);
}

describe('file sources', () => {
  const path = join(dir, 'deals.csv');
  writeFileSync(path, BYTES);

  it('fileSource gives the bytes and their sha256 after each complete pass', () => {
    const hashes: string[] = [];
    const source = fileSource(path, BYTES.length, (hex) => hashes.push(hex));
    expect(joined(source.chunks()).equals(BYTES)).toBe(true);
    expect(joined(source.chunks()).equals(BYTES)).toBe(true);
    expect(hashes).toEqual([SHA256, SHA256]);
  });

  it('unhashedFileSource gives the bytes of a file of the size given, and stops at one of another size, which the hash on the other thread would not be of', () => {
    expect(joined(unhashedFileSource('deals.csv', path, BYTES.length).chunks()).equals(BYTES)).toBe(true);
    for (const size of [BYTES.length - 1, BYTES.length + 1]) {
      expect(() => joined(unhashedFileSource('deals.csv', path, size).chunks())).toThrow(IngestFatalError);
      expect(() => joined(unhashedFileSource('deals.csv', path, size).chunks())).toThrow(`deals.csv: the file changed while it was read (its size is no longer ${size.toLocaleString('en-US')} bytes)`);
    }
  });

  it('wholeFileHash hashes a file of exactly the size given, and no other', () => {
    expect(wholeFileHash(path, BYTES.length)).toBe(SHA256);
    // Shorter (it grew since its size was taken) or longer (it shrank): not the file that was read.
    expect(wholeFileHash(path, BYTES.length - 1)).toBeNull();
    expect(wholeFileHash(path, BYTES.length + 1)).toBeNull();
  });
});
