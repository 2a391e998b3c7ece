/** Folders kept per version of the code (scripts/lib/kept-folders.ts): found only for the same files, and dropped only when neither recent nor among the last used. */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findKept, hashesOf, keepFolder, type KeptRecord } from '../../../scripts/lib/kept-folders.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

interface Note extends KeptRecord {
  note: string;
}

function project(): string {
  const root = tempDir();
  writeFileSync(join(root, 'a.ts'), 'export const a = 1;');
  return root;
}

const kept = (cache: string) => readdirSync(cache).filter((n) => /^[0-9a-f]{16}$/u.test(n));
const noteOf = (cache: string, name: string) => (JSON.parse(readFileSync(join(cache, name, 'kept.json'), 'utf8')) as Note).note;
const ago = (cache: string, name: string, minutes: number) => {
  const at = new Date(Date.now() - minutes * 60_000);
  utimesSync(join(cache, name, 'kept.json'), at, at);
};

describe('kept folders', () => {
  it('are found for the same files only, with what was written into them, and marked as used', () => {
    const root = project();
    const cache = join(root, 'cache');
    const record: Note = { format: 1, inputs: hashesOf(root, ['a.ts']), note: 'one' };
    keepFolder(cache, record, (dir) => writeFileSync(join(dir, 'out.js'), 'bundled'), 3);
    const [name] = kept(cache);
    ago(cache, name!, 120);
    const found = findKept<Note>(root, cache, 1, () => true);
    expect(found?.kept.note).toBe('one');
    expect(readFileSync(join(found!.dir, 'out.js'), 'utf8')).toBe('bundled');
    expect(statSync(join(cache, name!, 'kept.json')).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(findKept<Note>(root, cache, 2, () => true)).toBeNull();
    expect(findKept<Note>(root, cache, 1, (k) => k.note === 'two')).toBeNull();
    writeFileSync(join(root, 'a.ts'), 'export const a = 2;');
    expect(findKept<Note>(root, cache, 1, () => true)).toBeNull();
  });

  it('beyond the number kept, those not used for an hour are dropped, never one used lately', () => {
    const root = project();
    const cache = join(root, 'cache');
    const keep = (note: string) => keepFolder(cache, { format: 1, inputs: {}, note } as Note, () => {}, 2);
    keep('a');
    keep('b');
    keep('c');
    // Three used just now (a build may be loading from any of them): all stay, though 2 are kept.
    expect(kept(cache).map((n) => noteOf(cache, n)).sort()).toEqual(['a', 'b', 'c']);
    const byNote = new Map(kept(cache).map((n) => [noteOf(cache, n), n]));
    ago(cache, byNote.get('a')!, 120);
    ago(cache, byNote.get('b')!, 90);
    ago(cache, byNote.get('c')!, 30);
    keep('d');
    // d and c are the last used; of the others, both unused for over an hour go.
    expect(kept(cache).map((n) => noteOf(cache, n)).sort()).toEqual(['c', 'd']);
    // What a build that stopped half-way left goes once an hour old; a younger one stays (it may be being written).
    mkdirSync(join(cache, '.tmp-1-old'));
    mkdirSync(join(cache, '.tmp-2-new'));
    const old = new Date(Date.now() - 7_200_000);
    utimesSync(join(cache, '.tmp-1-old'), old, old);
    keep('e');
    expect(readdirSync(cache).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-2-new']);
  });

  it('tells use and age by the clock it is given, not the machine\'s', () => {
    const root = project();
    const cache = join(root, 'cache');
    const keep = (note: string, now?: number) => keepFolder(cache, { format: 1, inputs: {}, note } as Note, () => {}, 1, now);
    keep('a');
    keep('b');
    mkdirSync(join(cache, '.tmp-3-left'));
    // Two hours on by the given clock: a, b and the half-written folder were last used over an hour before.
    keep('c', Date.now() + 7_200_000);
    expect(kept(cache).map((n) => noteOf(cache, n))).toEqual(['c']);
    expect(readdirSync(cache).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    const at = Date.UTC(2030, 0, 1);
    const found = findKept<Note>(root, cache, 1, () => true, at);
    expect(statSync(join(found!.dir, 'kept.json')).mtimeMs).toBe(at);
  });
});
