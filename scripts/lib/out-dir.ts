/**
 * The build's output folder: which folders it may replace, and the swap that
 * replaces one only when the new build is complete.
 *
 * `--out` must be missing, empty, a previous Pipescope output (its
 * build-manifest.json says `"generator": "pipescope"`), or hold only
 * hidden entries and a `CNAME` (a worktree of a Pages branch before its
 * first build: they are kept, scripts/lib/added-files.ts); it is never the file
 * system's root, a symbolic link, or one of the protected folders (the data
 * folder, the project, the working folder) or a parent of one. The build
 * writes into a fresh folder beside `--out`, then renames the old output
 * aside, the new one into place, and removes the old one last, so a failed
 * build leaves the previous output as it was. A build killed outright
 * between those renames leaves `--out` missing, the old output aside: the
 * next build (or `npm run preview`) puts it back first
 * (scripts/lib/interrupted-swap.ts).
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { type CliMessage, type FolderKind, msg } from '../../src/lib/i18n/cli-messages.ts';
import { type CliFs, isErrnoError, OutputError, outputError, readdirQuietly, writingTo } from './cli.ts';
import { UsageError } from './io.ts';
import { makeDirs } from './make-dirs.ts';

export const MANIFEST_FILE = 'build-manifest.json';
/** The marker in build-manifest.json that says a folder is a Pipescope output. */
export const GENERATOR = 'pipescope';

/**
 * What `--out` is: missing, empty, a previous output, or a folder that
 * holds only what a host's folder holds before its first build
 * (`hosting`: a fresh worktree or clone of a Pages branch, its `.git`, a
 * `.nojekyll`, a `CNAME`), which the build keeps.
 */
export type OutState = 'missing' | 'empty' | 'hosting' | 'previous';

/** An entry a folder may hold before its first build, kept by it: a hidden one (`.git`, `.nojekyll`, `.well-known`) or a `CNAME`. */
export const isHostingEntry = (name: string): boolean => name.startsWith('.') || name === 'CNAME';

export interface ProtectedFolder {
  path: string;
  /** What it is, for the message: "the data folder" (src/lib/i18n/cli-messages-out.ts). */
  what: FolderKind;
  /** Nor may --out be inside it (Pipescope's own public folder, whose files Astro copies into every output). */
  notInside?: boolean;
}

/** `path` with symbolic links resolved as far as it exists (the rest appended as given). */
export function realish(fs: Pick<CliFs, 'realpathSync'>, path: string): string {
  const rest: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      return join(fs.realpathSync(p), ...rest.reverse());
    } catch (e) {
      if (!isErrnoError(e) || (e.code !== 'ENOENT' && e.code !== 'ENOTDIR')) throw e;
      const parent = dirname(p);
      if (parent === p) return resolve(path);
      rest.push(basename(p));
      p = parent;
    }
  }
}

/** True when `inner` is `outer` or inside it (both absolute and normalised). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root);
}

/** A previous output: its manifest has the marker (or is a manifest of the versions before it, which had no marker). */
/** Whether `dir` holds a Pipescope build's manifest (no: none, unreadable, or another program's). */
export function hasPipescopeManifest(fs: Pick<CliFs, 'readFileSync'>, dir: string): boolean {
  try {
    return isPipescopeManifest(fs.readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch (e) {
    if (isErrnoError(e)) return false;
    throw e;
  }
}

/** Whether the previous output in `dir` was built with --redact (its manifest says `redacted`): a dashboard shared outside. */
export function isRedactedOutput(fs: Pick<CliFs, 'readFileSync'>, dir: string): boolean {
  try {
    const m: unknown = JSON.parse(fs.readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
    return typeof m === 'object' && m !== null && Object.hasOwn(m, 'redacted') && (m as { redacted: unknown }).redacted != null;
  } catch (e) {
    // checkOutDir read it as a previous output's: only one changed or gone since is left.
    if (isErrnoError(e) || e instanceof SyntaxError) return false;
    throw e;
  }
}

export function isPipescopeManifest(text: string): boolean {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const o = m as Record<string, unknown>;
  if (o.generator === GENERATOR) return true;
  return ['as_of', 'inputs', 'pages', 'bytes', 'timings_ms'].every((k) => Object.hasOwn(o, k));
}

/**
 * Whether the build may replace `out`: a UsageError (exit 2) when it may not,
 * an OutputError (exit 1) when it cannot be looked at.
 */
export function checkOutDir(fs: CliFs, out: string, protectedFolders: readonly ProtectedFolder[], shown = out): OutState {
  const real = writingTo(shown, () => realish(fs, out));
  if (parse(real).root === real) throw new UsageError(msg('out_root', { out: shown }));
  for (const p of protectedFolders) {
    const folder = writingTo(shown, () => realish(fs, p.path));
    if (p.notInside && isWithin(real, folder)) {
      throw new UsageError(msg('out_in_public', { out: shown, path: p.path, inside: folder !== real }));
    }
    if (isWithin(folder, real)) {
      throw new UsageError(msg('out_protected', { out: shown, what: p.what, path: p.path, parent: folder !== real }));
    }
  }
  const stat = writingTo(shown, () => fs.lstatSync(out, { throwIfNoEntry: false }));
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) throw new UsageError(msg('out_symlink', { out: shown, real }));
  if (!stat.isDirectory()) throw new UsageError(msg('out_is_file', { out: shown }));
  const entries = writingTo(shown, () => fs.readdirSync(out));
  if (entries.length === 0) return 'empty';
  if (!hasPipescopeManifest(fs, out)) {
    // A worktree of a Pages branch before its first build (only its .git, a .nojekyll, a CNAME): built into, and they are kept.
    if (entries.every(isHostingEntry)) return 'hosting';
    const others = entries.filter((name) => !isHostingEntry(name)).sort();
    throw new UsageError(msg('out_not_ours', { out: shown, manifest: MANIFEST_FILE, generator: GENERATOR, others }));
  }
  return 'previous';
}

/** A new, empty folder beside `out` (same file system, so the final renames are atomic). */
export function makeStagingDir(fs: CliFs, out: string, shown = out): string {
  const parent = dirname(out);
  writingTo(shown, () => makeDirs(parent, fs));
  const dir = join(parent, `${stagingPrefix(out)}${process.pid}-${randomBytes(4).toString('hex')}`);
  writingTo(shown, () => fs.mkdirSync(dir));
  return dir;
}

/** How the names of `makeStagingDir`'s folders beside `out` begin (then the process id and a random part). */
const stagingPrefix = (out: string) => `.${basename(out)}.pipescope-tmp-`;

/** The process id in the name of a folder `makeStagingDir` made beside `out` (or its `-old`, the output it was replacing); null for any other name. */
export function stagingPid(out: string, name: string): number | null {
  const prefix = stagingPrefix(out);
  const match = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}(?:-old)?$/u.exec(name.slice(prefix.length)) : null;
  return match ? Number(match[1]) : null;
}

/** A build's folder's age, past which a later build removes it (when the process that made it is gone). */
export const STALE_FOLDER_MS = 86_400_000;

/** Remove the folders in `parent` that `remove` picks (by name and modification time); returns their names. */
function removeFolders(fs: CliFs, parent: string, remove: (name: string, mtimeMs: number) => boolean): string[] {
  const names = readdirQuietly(fs, parent);
  const removed: string[] = [];
  for (const name of names) {
    const path = join(parent, name);
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!stat?.isDirectory() || !remove(name, stat.mtimeMs)) continue;
    try {
      fs.rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch (e) {
      // Left for a later build: this one does not need it gone.
      if (!isErrnoError(e)) throw e;
    }
  }
  return removed;
}

/**
 * Remove the folders in `parent` that `ours` names as a build's own and that
 * are more than a day old: what a build killed outright (SIGKILL, the
 * out-of-memory killer; other signals clean up, scripts/lib/interrupt.ts)
 * left behind. Returns their names.
 */
export function removeStaleFolders(fs: CliFs, parent: string, ours: (name: string) => boolean, now: number): string[] {
  return removeFolders(fs, parent, (name, mtimeMs) => now - mtimeMs > STALE_FOLDER_MS && ours(name));
}

/**
 * The stale folders beside `out` (removeStaleFolders): named as
 * `makeStagingDir` names them, their process not running. A process on
 * another machine or in another container sharing the folder cannot be
 * checked, hence the day as well. Not an `-old` folder, the output a build
 * was replacing: what to do with one is scripts/lib/interrupted-swap.ts's
 * to decide (put it back, move what someone added to it into --out, keep it).
 */
export function removeStaleStaging(fs: CliFs, out: string, now: number, isRunning: (pid: number) => boolean): string[] {
  return removeStaleFolders(
    fs,
    dirname(out),
    (name) => {
      const pid = stagingPid(out, name);
      return pid !== null && !name.endsWith('-old') && !isRunning(pid);
    },
    now,
  );
}

/** Remove the folders beside `out` that process `pid` made with `makeStagingDir` (a process of this build's, stopped). */
export function removeStagingOf(fs: CliFs, out: string, pid: number): string[] {
  return removeFolders(fs, dirname(out), (name) => stagingPid(out, name) === pid);
}

/** Whether a process `pid` runs on this machine (signal 0 checks without sending anything). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isErrnoError(e) && e.code === 'EPERM';
  }
}

/**
 * Put the finished `staging` folder at `out`: the old output (if any) is
 * renamed aside, the new one renamed in, the entries someone `added` to the
 * old one (relative paths, scripts/lib/added-files.ts) moved over, and the
 * old one removed only then. If the second rename fails, the old output is
 * renamed back. Returns a warning when the old output could not be removed
 * (the build itself succeeded), to be said in the run's language. Between the two renames `out` is missing:
 * a process killed there (SIGKILL, a power cut) leaves the old output in
 * `<staging>-old` and the new one in `staging`, which the next build
 * reads as such (scripts/lib/interrupted-swap.ts); Node offers no atomic
 * exchange of two folders (docs/publish.md, "How the output is swapped in").
 */
export function swapIn(fs: CliFs, staging: string, out: string, shown = out, added: readonly string[] = []): CliMessage | undefined {
  const old = fs.lstatSync(out, { throwIfNoEntry: false }) ? `${staging}-old` : undefined;
  if (old) writingTo(shown, () => fs.renameSync(out, old));
  try {
    fs.renameSync(staging, out);
  } catch (e) {
    if (old) {
      try {
        fs.renameSync(old, out);
      } catch (again) {
        if (!isErrnoError(again)) throw again;
        if (isErrnoError(e)) throw new OutputError(msg('cannot_put_back', { path: shown, errno: e.code, old }), { cause: e });
      }
    }
    throw isErrnoError(e) ? outputError(shown, e) : e;
  }
  if (!old) return undefined;
  const stuck = added.filter((rel) => !moved(fs, join(old, rel), join(out, rel)));
  if (stuck.length > 0) {
    // Out of the staging folders' names, which a later build removes once their process is gone.
    const kept = join(dirname(out), `${basename(out)}-previous-${randomBytes(4).toString('hex')}`);
    const where = moved(fs, old, kept) ? kept : old;
    return msg('added_not_moved', { out: shown, stuck, where });
  }
  try {
    fs.rmSync(old, { recursive: true, force: true });
    return undefined;
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    return msg('previous_not_removed', { old, errno: e.code });
  }
}

/** Rename `from` to `to`, making `to`'s folder first; false when the file system refuses. */
function moved(fs: CliFs, from: string, to: string): boolean {
  try {
    makeDirs(dirname(to), fs);
    fs.renameSync(from, to);
    return true;
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    return false;
  }
}

/** Remove a staging folder after a failure, ignoring errors (the failure is what gets reported). */
export function removeQuietly(fs: CliFs, dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Leave it: the original error matters more.
  }
}

/** Files under `dir`, relative, sorted by code point (symbolic links listed, not followed). */
export function listFiles(fs: CliFs, dir: string, prefix = ''): string[] {
  const names = fs.readdirSync(join(dir, prefix), { withFileTypes: true });
  return names
    .flatMap((e) => (e.isDirectory() ? listFiles(fs, dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
