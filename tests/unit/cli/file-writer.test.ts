/**
 * Files written by a thread of their own (scripts/lib/file-writer.ts): every
 * file as `writeFileSync` writes it, in batches past the batch size; the
 * first failure thrown as `writeFileSync` throws it; nothing written after an
 * abort. The build's large path writes the account CSV files this way
 * (build.test.ts compares that output with the in-process build's).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineFileWriter, threadFileWriter } from '../../../scripts/lib/file-writer.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(() => removeTempDirs());

/** 600 files of 1-3,000 characters, Korean among them: ~1M characters, several batches. */
const FILES = Array.from({ length: 600 }, (_, i) => [`f${i}.csv`, `${i},계정 ${i}\n`.repeat(1 + (i % 300))] as const);

describe('threadFileWriter', () => {
  it('writes every file, in batches, as writeFileSync does', () => {
    const [inline, threaded] = [tempDir(), tempDir()];
    const a = inlineFileWriter({ writeFileSync });
    const b = threadFileWriter();
    for (const [name, text] of FILES) {
      a.write(join(inline, name), text);
      b.write(join(threaded, name), text);
    }
    a.finish();
    b.finish();
    expect(readdirSync(threaded).length).toBe(600);
    for (const [name] of FILES) expect(readFileSync(join(threaded, name))).toEqual(readFileSync(join(inline, name)));
    expect(readFileSync(join(threaded, 'f299.csv'), 'utf8')).toBe('299,계정 299\n'.repeat(300));
  });

  it('throws the first failure as writeFileSync would (code, syscall, path), and writes nothing after it', () => {
    const dir = tempDir();
    const w = threadFileWriter();
    const missing = join(dir, 'no-such-folder', 'x.csv');
    let thrown: unknown;
    try {
      w.write(join(dir, 'before.csv'), 'a\n');
      w.write(missing, 'b\n');
      // Thrown by a later write once the thread has failed, or by finish.
      for (const [name, text] of FILES) w.write(join(dir, name), text);
      w.finish();
    } catch (e) {
      thrown = e;
      w.abort();
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ code: 'ENOENT', syscall: 'open', path: missing });
    expect((thrown as Error).message).toContain('no such file or directory');
    expect(readdirSync(dir).sort()).toEqual(['before.csv']);
  });

  it('after abort returns, writes nothing more', () => {
    const dir = tempDir();
    const w = threadFileWriter();
    for (const [name, text] of FILES) w.write(join(dir, name), text);
    w.abort();
    const after = readdirSync(dir).length;
    expect(after).toBeLessThan(600);
    // Given time, the thread would have written the rest had it not stopped.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    expect(readdirSync(dir).length).toBe(after);
    expect(() => w.write(join(dir, 'late.csv'), 'x')).toThrow('file writer used after it finished');
    expect(existsSync(join(dir, 'late.csv'))).toBe(false);
  });
});

describe('inlineFileWriter', () => {
  it('writes through the file functions it is given, at once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const written: string[] = [];
    const w = inlineFileWriter({ writeFileSync: (p) => void written.push(p) });
    w.write(join(dir, 'x', 'a.csv'), 'a');
    expect(written).toEqual([join(dir, 'x', 'a.csv')]);
  });
});
