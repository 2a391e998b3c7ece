import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { type CliFs, isErrnoError, readdirQuietly } from './cli.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { makeDirs } from './make-dirs.ts';

/** Where the extraction writes the site data of the date `/` shows (`latest`: the newest snapshot's, when an older one is added) for the pages to read. */
export function siteDataFile(cacheDir: string, name: string, latest = false): string {
  return join(cacheDir, `site-data-${name}${latest ? '-latest' : ''}.json`);
}

/** The output folder's name as a file-name part: letters, digits, `.`, `_` and `-` only, so the file stays in .cache. */
export function cacheName(outDir: string): string {
  return basename(outDir).replace(/[^\p{L}\p{N}._-]/gu, '_') || '_';
}

export interface SiteDataName {
  /** The name in the site data files' names (`site-data-<name>.json`). */
  name: string;
  /** Gives the name up: its claim removed, and the files of a name of this build's own (not the output's) too. */
  release: () => void;
}

/**
 * The name of a build's site data files in `cacheDir`, claimed for it so
 * that no other build writes them while its pages are rendered from them:
 * `base` (the output folder's name) while no other running build has it
 * (`site-data-<base>.lock` holds the claiming process's id), else a name of
 * its own (`<base>-<pid>-<random>`), whose files are removed when it is
 * released. Two builds into `a/site` and `b/site` at once would otherwise
 * write the same `site-data-site.json`, and one would render the other's
 * pages. `fixed` (--extract-only, whose file `npm run dev` serves): the
 * name is `base` or none, a UsageError saying which process has it.
 */
export function claimSiteDataName(fs: CliFs, cacheDir: string, base: string, pid: number, isRunning: (pid: number) => boolean, fixed = false): SiteDataName {
  makeDirs(cacheDir, fs);
  const lock = join(cacheDir, `site-data-${base}.lock`);
  let holder: number | null = null;
  for (let attempt = 0; attempt < 3 && holder === null; attempt++) {
    try {
      fs.writeFileSync(lock, `${pid}\n`, { flag: 'wx' });
      return { name: base, release: () => releaseLock(fs, lock, pid) };
    } catch (e) {
      if (!isErrnoError(e) || e.code !== 'EEXIST') throw e;
    }
    let text: string;
    try {
      text = fs.readFileSync(lock, 'utf8');
    } catch (e) {
      // Released meanwhile: try again.
      if (isErrnoError(e) && e.code === 'ENOENT') continue;
      throw e;
    }
    const other = /^\d+$/u.test(text.trim()) ? Number(text.trim()) : NaN;
    // A claim of this very process (another build run in it) or of one still running holds; one left by a build stopped outright does not.
    if (other === pid || (other > 0 && isRunning(other))) holder = other;
    else fs.rmSync(lock, { force: true });
  }
  if (fixed) {
    throw new UsageError(msg('site_data_busy', { pid: holder ?? null, file: siteDataFile(cacheDir, base) }));
  }
  const own = `${base}-${pid}-${randomBytes(4).toString('hex')}`;
  return {
    name: own,
    release: () => {
      for (const file of readdirQuietly(fs, cacheDir)) {
        if (file.startsWith(`site-data-${own}.`) || file.startsWith(`site-data-${own}-latest.`)) fs.rmSync(join(cacheDir, file), { force: true });
      }
    },
  };
}

/** Remove the claim `lock` if it is still this process's. */
function releaseLock(fs: CliFs, lock: string, pid: number): void {
  try {
    if (fs.readFileSync(lock, 'utf8').trim() === String(pid)) fs.rmSync(lock, { force: true });
  } catch (e) {
    if (!isErrnoError(e)) throw e;
  }
}

