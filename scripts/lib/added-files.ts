/**
 * Files someone added to a previous output (a CNAME, a .nojekyll, a .git of
 * a Pages branch): the build replaces only what a Pipescope build wrote, so
 * these are moved into the new output, never deleted. A previous build's
 * manifest lists the files it wrote (`files`). A manifest from before that
 * list gives no such answer: then the top-level entries the new build also
 * writes (`en/`, `_astro/`, `index.html`) are taken as the old build's, and
 * every other one (`CNAME`, `.git`) is kept, and said so. Inside `_astro/`
 * or `en/` a file the new build does not write is far likelier a stale
 * page or asset of that build than someone's, and keeping it would keep it
 * for good, since no later manifest would list it. A folder no build has
 * written yet may hold hidden entries and a CNAME (a worktree of a Pages
 * branch): all of them are kept. A file inside an earlier snapshot read
 * from the output itself is part of that snapshot, copied with it.
 */
import { dirname, join } from 'node:path';
import { type CliFs, isErrnoError } from './cli.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { isHostingEntry, MANIFEST_FILE } from './out-dir.ts';

export interface AddedEntries {
  /** Paths relative to the output, each a file or a whole folder the previous build did not write (sorted). */
  entries: string[];
  /**
   * How they were told from the build's: `listed`, by the previous manifest's file list; `guessed`, the
   * previous manifest having none (an earlier version), as the top-level entries the new build does not
   * write; `hosting`, as everything in a folder no build has written yet (only hidden entries and a
   * CNAME, out-dir.ts `isHostingEntry`).
   */
  basis: 'listed' | 'guessed' | 'hosting';
}

/** The files a previous output's manifest says its build wrote, or null when it does not say (a manifest of an earlier version). */
export function writtenFiles(fs: Pick<CliFs, 'readFileSync'>, out: string): ReadonlySet<string> | null {
  let m: unknown;
  try {
    m = JSON.parse(fs.readFileSync(join(out, MANIFEST_FILE), 'utf8'));
  } catch (e) {
    if (isErrnoError(e) || e instanceof SyntaxError) return null;
    throw e;
  }
  const files = typeof m === 'object' && m !== null ? (m as { files?: unknown }).files : undefined;
  return Array.isArray(files) && files.every((f) => typeof f === 'string') ? new Set(files) : null;
}

/** Every folder that holds one of `files` (relative paths), at any depth. */
function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const f of files) for (let d = dirname(f); d !== '.' && !folders.has(d); d = dirname(d)) folders.add(d);
  return folders;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the folder `out` holds that no build wrote (its previous output,
 * or, `hosting`, a folder no build has written yet), as whole folders
 * where nothing in them was written. `carried` says which files the new
 * build copies from where they are (an earlier snapshot read from
 * `<out>/snapshots`): those are the build's now, in its output already,
 * and neither kept apart nor in the way. Refuses (UsageError) when the new
 * build writes where such an entry is (`newFiles`, relative): the build
 * would otherwise replace a file it did not write.
 */
export function addedEntries(
  fs: Pick<CliFs, 'readFileSync' | 'readdirSync'>,
  out: string,
  newFiles: readonly string[],
  shown: string,
  { hosting = false, carried = () => false }: { hosting?: boolean; carried?: (rel: string) => boolean } = {},
): AddedEntries {
  const written = hosting ? new Set<string>() : writtenFiles(fs, out);
  const writesNow = new Set(newFiles);
  if (written === null) {
    const top = new Set(newFiles.map((f) => f.split('/')[0]!));
    const entries = fs.readdirSync(out).filter((name) => name !== MANIFEST_FILE && !top.has(name));
    return { entries: entries.sort(byCodePoint), basis: 'guessed' };
  }
  const ours = written;
  const oursFolders = foldersOf(ours);
  const entries: string[] = [];
  const walk = (prefix: string): void => {
    for (const e of fs.readdirSync(join(out, prefix), { withFileTypes: true })) {
      const rel = prefix === '' ? e.name : join(prefix, e.name);
      if (rel === MANIFEST_FILE) continue;
      if (e.isDirectory() && oursFolders.has(rel)) walk(rel);
      // A folder where the build wrote a file (favicon.svg made a folder) is someone's too: the build writes files only.
      else if ((e.isDirectory() || !ours.has(rel)) && !carried(rel)) entries.push(rel);
    }
  };
  walk('');
  entries.sort(byCodePoint);
  const newFolders = foldersOf(writesNow);
  for (const rel of entries) {
    let clash = writesNow.has(rel) || newFolders.has(rel) ? rel : null;
    for (let d = dirname(rel); clash === null && d !== '.'; d = dirname(d)) if (writesNow.has(d)) clash = d;
    if (clash !== null) {
      throw new UsageError(msg('added_in_the_way', { entry: join(shown, rel), clash: join(shown, clash), out: shown }));
    }
  }
  return { entries, basis: hosting ? 'hosting' : 'listed' };
}

/**
 * What an output a build was replacing (`<staging>-old`, left beside --out
 * by a build stopped outright before it moved everything over,
 * scripts/lib/interrupted-swap.ts) still holds that no build wrote: what
 * its manifest does not list. With a manifest of an earlier version, which
 * lists nothing, the top-level entries the output that replaced it does not
 * write (`replacedBy`, its manifest's files), as that build told them apart.
 * Without a manifest (a folder no build had written yet, or one partly
 * removed once everything was moved over), its hidden entries and CNAME.
 * null when it cannot be told (unreadable; an earlier version's manifest
 * and nothing to compare it with): it may hold anything.
 */
export function leftIn(fs: Pick<CliFs, 'readFileSync' | 'readdirSync' | 'existsSync'>, dir: string, replacedBy: ReadonlySet<string> | null): string[] | null {
  try {
    if (writtenFiles(fs, dir) !== null) return addedEntries(fs, dir, [], dir).entries;
    if (!fs.existsSync(join(dir, MANIFEST_FILE))) return fs.readdirSync(dir).filter(isHostingEntry).sort(byCodePoint);
    if (replacedBy === null) return null;
    const top = new Set([...replacedBy].map((f) => f.split('/')[0]!));
    return fs
      .readdirSync(dir)
      .filter((name) => name !== MANIFEST_FILE && !top.has(name))
      .sort(byCodePoint);
  } catch (e) {
    if (isErrnoError(e)) return null;
    throw e;
  }
}
