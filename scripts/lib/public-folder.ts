/**
 * Pipescope's own `public/` folder, whose files Astro copies into every
 * output (the favicon, the table-sorting script): a file there at a path the
 * build writes itself would make Astro skip a page for it (a 404.html, an
 * en/index.html: the site would show that file instead) or stop the build
 * as a bug ("would be written twice": metrics.json). Checked before Astro
 * starts.
 */
import { dirname, join } from 'node:path';
import { filterDataPath } from '../../src/lib/filters/build-data.ts';
import { LOCALES } from '../../src/lib/i18n/locales.ts';
import { SNAPSHOTS_DIR } from '../../src/lib/views/snapshots.ts';
import { type CliFs, writingTo } from './cli.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { MANIFEST_FILE } from './out-dir.ts';

/** The files at the top of an output that the build writes. */
const BUILD_FILES: readonly string[] = ['index.html', '404.html', 'metrics.json', MANIFEST_FILE];
/** The folders at the top of an output the build writes into: which files go there depends on the data (account and owner pages, CSV files, the filter data file). */
const BUILD_FOLDERS: readonly string[] = [...LOCALES, SNAPSHOTS_DIR, dirname(filterDataPath('x')), '_astro'];

/**
 * What in `publicDir` is where the build writes, sorted: anything at the name of one of its files, and any file
 * (or symbolic link) in or at the name of one of its folders (an empty folder there is harmless). None when it is missing.
 */
export function publicClashes(fs: CliFs, publicDir: string): string[] {
  const names = fs.existsSync(publicDir) ? fs.readdirSync(publicDir) : [];
  const out: string[] = [];
  const walk = (rel: string) => {
    if (!fs.lstatSync(join(publicDir, rel)).isDirectory()) out.push(rel);
    else for (const name of fs.readdirSync(join(publicDir, rel)).sort()) walk(`${rel}/${name}`);
  };
  for (const name of names.sort()) {
    if (BUILD_FILES.includes(name)) out.push(fs.lstatSync(join(publicDir, name)).isDirectory() ? `${name}/` : name);
    else if (BUILD_FOLDERS.includes(name)) walk(name);
  }
  return out;
}

/** A UsageError (exit 2), before Astro starts, naming the files in `publicDir` (shown as `shown`) at paths the build writes. */
export function checkPublicFolder(fs: CliFs, publicDir: string, shown: string): void {
  const clashes = writingTo(shown, () => publicClashes(fs, publicDir));
  if (clashes.length === 0) return;
  throw new UsageError(msg('public_clash', { public: shown, clashes }));
}
