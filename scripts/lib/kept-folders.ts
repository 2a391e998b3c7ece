/**
 * Folders of build output that depend on the code alone (the filter form's
 * script, the pages' server bundle), kept in a cache folder per version of
 * that code: each under a name of its own (16 hex digits of its record),
 * its record (kept.json) naming the SHA-256 of every file it was made from.
 * A folder is used only while every one of those files still has that hash;
 * it is written aside and renamed into place, so another build never reads
 * half of one, and the least recently used beyond a few are dropped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs } from './make-dirs.ts';

export interface KeptRecord {
  format: number;
  /** SHA-256 of each file it was made from, by path below the project root. */
  inputs: Record<string, string>;
}

const KEPT_NAME = /^[0-9a-f]{16}$/u;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const hashOf = (root: string, path: string) => sha256(readFileSync(join(root, path)));
/** The inputs record of `paths` below `root` as they are now. */
export const hashesOf = (root: string, paths: Iterable<string>) => Object.fromEntries([...paths].map((path) => [path, hashOf(root, path)]));

/**
 * A kept folder of the code under `root` as it is now, whose record also passes `usable` (marked as the most
 * recently used, at `now`), or null.
 */
export function findKept<T extends KeptRecord>(root: string, cacheDir: string, format: number, usable: (kept: T, dir: string) => boolean, now = Date.now()): { dir: string; kept: T } | null {
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => KEPT_NAME.test(n));
  } catch {
    return null;
  }
  for (const name of names) {
    const dir = join(cacheDir, name);
    try {
      const kept = JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')) as T;
      if (kept.format !== format || !usable(kept, dir)) continue;
      if (!Object.entries(kept.inputs).every(([path, sha]) => hashOf(root, path) === sha)) continue;
      const usedAt = new Date(now);
      utimesSync(join(dir, 'kept.json'), usedAt, usedAt);
      return { dir, kept };
    } catch {
      // A file of the code gone, or a folder being removed by another build: not this one.
      continue;
    }
  }
  return null;
}

/**
 * Keep a folder made by `fill` (given the folder to write into) with its record, and drop the least recently
 * used beyond `keep`, their ages told at `now`. Never throws: keeping it only saves the next build time (a read-only node_modules, say).
 */
export function keepFolder(cacheDir: string, kept: KeptRecord, fill: (dir: string) => void, keep: number, now = Date.now()): void {
  try {
    makeDirs(cacheDir);
    // Not mkdtemp: a kept folder gets the usual permissions (mkdtemp's folders are the owner's alone).
    const tmp = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(tmp);
    try {
      fill(tmp);
      writeFileSync(join(tmp, 'kept.json'), `${JSON.stringify(kept)}\n`);
      const name = sha256(Buffer.from(JSON.stringify(kept))).slice(0, 16);
      try {
        renameSync(tmp, join(cacheDir, name));
      } catch {
        // The same folder, kept by a build running at the same time; or one that no longer reads (replaced).
        if (!sameKept(join(cacheDir, name), kept)) {
          rmSync(join(cacheDir, name), { recursive: true, force: true });
          renameSync(tmp, join(cacheDir, name));
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const used = (n: string) => statSync(join(cacheDir, n, 'kept.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const names = readdirSync(cacheDir);
    const entries = names.filter((n) => KEPT_NAME.test(n));
    // Beyond `keep`, those not used for an hour: a build may still be loading from one it found a moment ago.
    const hourAgo = now - 3_600_000;
    for (const old of entries.sort((a, b) => used(b) - used(a)).slice(keep)) if (used(old) < hourAgo) rmSync(join(cacheDir, old), { recursive: true, force: true });
    // What a build that stopped half-way left (an hour is long past any build's bundling).
    const stale = (n: string) => n.startsWith('.tmp-') && (statSync(join(cacheDir, n), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo;
    for (const old of names.filter(stale)) rmSync(join(cacheDir, old), { recursive: true, force: true });
  } catch {
    // See above: only time is lost.
  }
}

function sameKept(dir: string, kept: KeptRecord): boolean {
  try {
    return readFileSync(join(dir, 'kept.json'), 'utf8') === `${JSON.stringify(kept)}\n`;
  } catch {
    return false;
  }
}
