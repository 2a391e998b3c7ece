/**
 * The build cache: a rebuild with the same inputs, code and options reuses
 * the previous build's output instead of reading, computing and rendering
 * again.
 *
 * Key: SHA-256 of every file the build could read from the data folder
 * (its files and those of its folders one level down, config included, so
 * the redaction salt too), of Pipescope's code (package version, the
 * sources, public files, Astro config and lockfile, and the Node version),
 * the as-of date, the data folder's name and every option that changes the
 * output. Any change to any of them is another key: a changed input never
 * gets an earlier output.
 *
 * Entry: the output's files (without build-manifest.json and the earlier
 * snapshots, which the build copies from their store every time) as hard
 * links to the output's own files (copies across file systems), in one
 * folder under numbers; a copy of the site manifest; and entry.json: each file's path,
 * size, modification time and inode, and the facts the build needs without
 * the data. An entry is used only when every file is still as stored (a
 * file changed in place through its other link fails that, and the entry
 * is dropped). Its files are linked into the new output folder, which is
 * then swapped in as in any build; or, when --out already is that output
 * (every file the very same, checked by inode, size and time, and nothing
 * else in it), nothing is written at all.
 *
 * The folder is the build's own: it is created with a marker
 * (pipescope-cache.json, and CACHEDIR.TAG for backup tools), a folder with
 * other files and no marker is refused, and only files the build wrote
 * are ever deleted: those an entry.json lists, and the build's own
 * temporary folders (`.tmp-<pid>-<hex>`) that a build which crashed left a
 * day ago or more. The 3 most recently used entries are kept. The key is
 * made by scripts/lib/build-reuse.ts.
 */
import { randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CliFs, isErrnoError } from './cli.ts';
import type { ManifestFacts } from './extract.ts';
import type { QualityFacts } from './reports.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { listFiles } from './out-dir.ts';
import { makeDirs } from './make-dirs.ts';

export const CACHE_MARKER = 'pipescope-cache.json';
const CACHEDIR_TAG = 'CACHEDIR.TAG';
const ENTRY_FILE = 'entry.json';
const SITE_FILE = 'site.json';
const TREE = 'tree';
const KEEP_ENTRIES = 3;
const ENTRY_NAME = /^[0-9a-f]{64}$/u;
const TMP_NAME = /^\.tmp-\d+-[0-9a-f]{8}$/u;
/** The entry layout; entries of an earlier one are not used, and are removed like any other. */
export const FORMAT = 2;

/** What the build needs from an entry besides its files. */
export interface EntryMeta {
  asOf: string;
  facts: ManifestFacts;
  quality: QualityFacts;
  /** snapshot.json of the as-of date (with --snapshot; it is among the files too). */
  snapshotManifest: string | null;
}

/** A file's path, size, modification time (ns), device and inode. */
type StoredFile = [string, number, string, string, string];

interface EntryFile {
  format: typeof FORMAT;
  key: string;
  /** Each file of the output, stored as tree/<its index>. */
  files: StoredFile[];
  /** The site manifest (a copy), site.json. */
  site: StoredFile;
  meta: EntryMeta;
}

export interface CachedBuild {
  key: string;
  meta: EntryMeta;
  /** The stored site manifest (for the digest and summary). */
  sitePath: string;
  /** The output's files with their sizes, in order. */
  files: { path: string; size: number }[];
  dir: string;
  entry: EntryFile;
}

/** A file as stored: the same device, inode, size and modification time. */
function unchanged(stat: BigIntStats | undefined, [, size, mtime, dev, ino]: StoredFile): boolean {
  return stat !== undefined && stat.isFile() && stat.size === BigInt(size) && String(stat.mtimeNs) === mtime && String(stat.dev) === dev && String(stat.ino) === ino;
}

function stored(path: string, stat: BigIntStats): StoredFile {
  return [path, Number(stat.size), String(stat.mtimeNs), String(stat.dev), String(stat.ino)];
}

export class BuildCache {
  private readonly fs: CliFs;
  readonly dir: string;
  /** The clock an entry's use and a temporary folder's age are told by (the CLI's; a test's fixed time). */
  private readonly now: () => number;

  private constructor(fs: CliFs, dir: string, now: () => number) {
    this.fs = fs;
    this.dir = dir;
    this.now = now;
  }

  /**
   * The cache in `dir`, created if missing. A folder that is neither empty
   * nor marked as a Pipescope build cache is refused (UsageError).
   */
  static open(fs: CliFs, dir: string, shown: string, now: () => number): BuildCache {
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new UsageError(msg('cache_not_folder', { cache: shown }));
    const marker = join(dir, CACHE_MARKER);
    let owned = false;
    try {
      owned = (JSON.parse(fs.readFileSync(marker, 'utf8')) as { generator?: unknown }).generator === 'pipescope';
    } catch (e) {
      if (!isErrnoError(e) && !(e instanceof SyntaxError)) throw e;
    }
    if (!owned) {
      if (stat && fs.readdirSync(dir).length > 0) {
        throw new UsageError(msg('cache_not_ours', { cache: shown, marker: CACHE_MARKER }));
      }
      makeDirs(dir, fs);
      fs.writeFileSync(join(dir, CACHEDIR_TAG), 'Signature: 8a477f597d28d172789f06886806bc55\n# The Pipescope build cache (npm run build --cache); safe to delete.\n');
      fs.writeFileSync(marker, `${JSON.stringify({ generator: 'pipescope', kind: 'build-cache', format: FORMAT })}\n`);
    }
    return new BuildCache(fs, dir, now);
  }

  /** The entry of `key` when every one of its files is as it was stored; a damaged entry is removed. An entry that cannot be read is none. */
  lookup(key: string): CachedBuild | null {
    try {
      return this.find(key);
    } catch (e) {
      if (isErrnoError(e)) return null;
      throw e;
    }
  }

  private find(key: string): CachedBuild | null {
    const dir = join(this.dir, key);
    const entry = this.readEntry(dir);
    if (!entry || entry.key !== key) return null;
    const lstat = (path: string) => this.fs.lstatSync(path, { bigint: true, throwIfNoEntry: false });
    if (!unchanged(lstat(join(dir, SITE_FILE)), entry.site)) {
      this.remove(dir, entry);
      return null;
    }
    for (let i = 0; i < entry.files.length; i++) {
      if (!unchanged(lstat(join(dir, TREE, String(i))), entry.files[i]!)) {
        this.remove(dir, entry);
        return null;
      }
    }
    const now = new Date(this.now());
    this.fs.utimesSync(join(dir, ENTRY_FILE), now, now);
    return { key, meta: entry.meta, sitePath: join(dir, SITE_FILE), files: entry.files.map(([path, size]) => ({ path, size })), dir, entry };
  }

  /** Put the entry's files into the (new, empty) folder `dest`. */
  linkInto(cached: CachedBuild, dest: string): void {
    const made = new Set<string>();
    cached.entry.files.forEach(([file], i) => this.linkFile(join(cached.dir, TREE, String(i)), join(dest, file), made));
  }

  /**
   * Whether the folder `out` holds exactly the entry's files (the very same
   * files: device, inode, size and time) and, besides them, only `also`
   * and what is in the entries `added` (files or whole folders someone
   * added, relative to `out`).
   */
  holds(cached: CachedBuild, out: string, also: readonly string[], added: readonly string[] = []): boolean {
    const expected = new Map(cached.entry.files.map((f) => [f[0], f]));
    let present: string[];
    try {
      present = listFiles(this.fs, out);
    } catch (e) {
      if (isErrnoError(e)) return false;
      throw e;
    }
    const theirs = (file: string) => added.some((entry) => file === entry || file.startsWith(`${entry}/`) || file.startsWith(`${entry}\\`));
    const built = present.filter((file) => !also.includes(file) && !theirs(file));
    if (built.length !== expected.size || also.some((file) => !present.includes(file))) return false;
    for (const file of built) {
      const want = expected.get(file);
      if (!want || !unchanged(this.fs.lstatSync(join(out, file), { bigint: true, throwIfNoEntry: false }), want)) return false;
    }
    return true;
  }

  /**
   * Store the files of the finished output `staging` (those `keep` accepts)
   * as the entry of `key`, with the site manifest at `sitePath`. Another
   * build having stored the same key meanwhile is fine: its entry stays.
   */
  store(key: string, staging: string, keep: (file: string) => boolean, sitePath: string, meta: EntryMeta): void {
    const tmp = join(this.dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    const made = new Set<string>();
    try {
      makeDirs(join(tmp, TREE), this.fs);
      const files: EntryFile['files'] = [];
      for (const file of listFiles(this.fs, staging)) {
        if (!keep(file.split('\\').join('/'))) continue;
        const to = join(tmp, TREE, String(files.length));
        this.linkFile(join(staging, file), to, made);
        files.push(stored(file, this.fs.lstatSync(to, { bigint: true })));
      }
      // A copy: the build replaces that file at each extraction.
      this.fs.copyFileSync(sitePath, join(tmp, SITE_FILE));
      const entry: EntryFile = { format: FORMAT, key, files, site: stored(SITE_FILE, this.fs.lstatSync(join(tmp, SITE_FILE), { bigint: true })), meta };
      this.fs.writeFileSync(join(tmp, ENTRY_FILE), JSON.stringify(entry));
      try {
        this.fs.renameSync(tmp, join(this.dir, key));
      } catch (e) {
        if (!isErrnoError(e) || (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST')) throw e;
      }
    } finally {
      this.fs.rmSync(tmp, { recursive: true, force: true });
    }
    this.evict(key);
  }

  /** Keep the most recently used entries (`key`'s among them); remove the others, and temporary folders a crashed build left a day ago. */
  private evict(key: string): void {
    const entries: { name: string; used: number }[] = [];
    for (const name of this.fs.readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (TMP_NAME.test(name)) {
        const stat = this.fs.lstatSync(path, { throwIfNoEntry: false });
        if (stat?.isDirectory() && this.now() - stat.mtimeMs > 86_400_000) this.fs.rmSync(path, { recursive: true, force: true });
      } else if (ENTRY_NAME.test(name) && name !== key) {
        const stat = this.fs.lstatSync(join(path, ENTRY_FILE), { throwIfNoEntry: false });
        if (stat) entries.push({ name, used: stat.mtimeMs });
      }
    }
    entries.sort((a, b) => b.used - a.used);
    for (const { name } of entries.slice(KEEP_ENTRIES - 1)) {
      const dir = join(this.dir, name);
      const entry = this.readEntry(dir, 'any');
      if (entry) this.remove(dir, entry);
    }
  }

  /** The entry in `dir` (of this layout, or of any: all of them list their files, stored as tree/<index>). */
  private readEntry(dir: string, format: 'this' | 'any' = 'this'): EntryFile | null {
    try {
      const entry = JSON.parse(this.fs.readFileSync(join(dir, ENTRY_FILE), 'utf8')) as EntryFile;
      if (!Array.isArray(entry.files)) return null;
      return format === 'any' || (entry.format === FORMAT && Array.isArray(entry.site)) ? entry : null;
    } catch (e) {
      if (isErrnoError(e) || e instanceof SyntaxError) return null;
      throw e;
    }
  }

  /** Remove an entry: the files it lists, then its folders if nothing else is in them. */
  private remove(dir: string, entry: Pick<EntryFile, 'files'>): void {
    for (let i = 0; i < entry.files.length; i++) this.fs.rmSync(join(dir, TREE, String(i)), { force: true });
    this.fs.rmSync(join(dir, SITE_FILE), { force: true });
    this.fs.rmSync(join(dir, ENTRY_FILE), { force: true });
    this.rmdirQuietly(join(dir, TREE));
    this.rmdirQuietly(dir);
  }

  private rmdirQuietly(dir: string): void {
    try {
      this.fs.rmdirSync(dir);
    } catch (e) {
      // Not empty (a file the build did not write) or already gone: leave it.
      if (!isErrnoError(e)) throw e;
    }
  }

  /** A hard link to `from` at `to` (a copy when they are on different file systems), making its folder first. */
  private linkFile(from: string, to: string, made: Set<string>): void {
    const folder = dirname(to);
    if (!made.has(folder)) {
      makeDirs(folder, this.fs);
      made.add(folder);
    }
    try {
      this.fs.linkSync(from, to);
    } catch (e) {
      if (!isErrnoError(e) || (e.code !== 'EXDEV' && e.code !== 'EPERM' && e.code !== 'EMLINK')) throw e;
      this.fs.copyFileSync(from, to);
    }
  }
}
