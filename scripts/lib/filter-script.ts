/**
 * The filter form's script (src/components/filter-bar-script.ts, which loads
 * the filter code, filters/client.ts, on demand), bundled by Vite with the
 * configuration Astro's client build used (the browser plugins of
 * astro.config.mjs, minified, chunks that find each other by relative URL):
 * the same files, byte for byte. It depends on the code alone, not on the
 * data, so it is kept per version of the code that goes into it (the
 * project files bundled, the lockfile, the Astro config, this file) and a
 * build only copies it; Astro then has no script to bundle. A script
 * bundled while one of its files changed is used but not kept.
 * `node scripts/lib/filter-script.ts <cache folder>` makes and keeps it in a
 * process of its own (`filterScriptInChild`).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginOption } from 'vite';
import { findKept, hashesOf, keepFolder, type KeptRecord } from './kept-folders.ts';
import { makeDirs } from './make-dirs.ts';
import { PROJECT_ROOT } from './project.ts';
import { type Bundling, runApart } from './run-apart.ts';

/** The entry module, below the project root. */
export const FILTER_SCRIPT_SOURCE = 'src/components/filter-bar-script.ts';
/** The entry chunk's name: the one Astro gave it when it bundled the script, so outputs stay as they were. */
const ENTRY_NAME = 'FilterBar.astro_astro_type_script_index_0_lang';
/** Bundles kept: the most recently used. */
const KEEP = 3;
/** The layout of a kept bundle (another is never read). */
const FORMAT = 2;

/** The bundled script: its path below the site root, and its files (the entry and the chunks it loads), as each output has them. */
export interface FilterScript {
  script: string;
  files: { path: string; bytes: Uint8Array }[];
}

/** `inputs`: FIXED_INPUTS and each project file bundled. */
interface Kept extends KeptRecord {
  script: string;
  files: string[];
}

/** Besides the files bundled: the versions of Vite and the packages (lockfile), the browser plugins (Astro config), and how it is bundled (this file). */
const FIXED_INPUTS = ['package-lock.json', 'astro.config.mjs', 'scripts/lib/filter-script.ts'];
/** A file of the bundle, below the site root (nothing else is ever copied into an output). */
const OUTPUT_FILE = /^_astro\/[\w.-]+\.js$/u;

/** The filter script of the code under `root`: kept in `cacheDir` (null: never kept), else bundled now. */
export async function filterScript(root: string, cacheDir: string | null): Promise<FilterScript> {
  const kept = cacheDir === null ? null : find(root, cacheDir);
  if (kept) return kept;
  const started = Date.now();
  const { script, files, sources } = await bundle(root);
  const inputs = hashesOf(root, [...FIXED_INPUTS, ...sources]);
  // Kept only when no file bundled changed while it was bundled.
  const unchanged = sources.every((path) => statSync(join(root, path)).mtimeMs < started);
  if (cacheDir !== null && unchanged) keep(cacheDir, { format: FORMAT, inputs, script, files: files.map((f) => f.path) }, files);
  return { script, files };
}

/**
 * `filterScript` in a process of its own, for the script it keeps in `cacheDir`: a large data folder's build makes it
 * so before the extraction, which then finds it kept. Made in the extraction's own process, Vite and Rolldown stay
 * in its memory beside the data: ~240 MB more at the peak of the 100k site's first build after a change to the code
 * (docs/performance.md, seventy-sixth round). None is started when one is kept; one that cannot be made or kept is
 * made by the extraction, as before.
 */
export function filterScriptInChild(cacheDir: string): Bundling {
  if (find(PROJECT_ROOT, cacheDir)) return { done: Promise.resolve() };
  return { done: runApart('scripts/lib/filter-script.ts', [cacheDir]) };
}

/** A kept bundle of the code as it is now, or null. */
function find(root: string, cacheDir: string): FilterScript | null {
  const found = findKept<Kept>(root, cacheDir, FORMAT, (kept) => [kept.script, ...kept.files].every((path) => OUTPUT_FILE.test(path)));
  if (!found) return null;
  try {
    return { script: found.kept.script, files: found.kept.files.map((path) => ({ path, bytes: readFileSync(join(found.dir, path)) })) };
  } catch {
    // Being removed by another build.
    return null;
  }
}

function keep(cacheDir: string, kept: Kept, files: FilterScript['files']): void {
  keepFolder(cacheDir, kept, (dir) => {
    for (const f of files) {
      makeDirs(dirname(join(dir, f.path)));
      writeFileSync(join(dir, f.path), f.bytes);
    }
  }, KEEP);
}

/** Bundle the script with Vite, in memory: its files, and the project files that went into it (below the root). */
async function bundle(root: string): Promise<{ script: string; files: FilterScript['files']; sources: string[] }> {
  const [{ build }, { default: config }] = await Promise.all([import('vite'), import(pathToFileURL(join(root, 'astro.config.mjs')).href) as Promise<{ default: { vite: { plugins: PluginOption[] } } }>]);
  const result = await build({
    root,
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    plugins: config.vite.plugins,
    build: {
      write: false,
      target: 'esnext',
      minify: true,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: { [ENTRY_NAME]: join(root, FILTER_SCRIPT_SOURCE) },
        output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' },
      },
    },
    // Chunks find each other relative to themselves, so a dated snapshot and a file share load their own.
    experimental: { renderBuiltUrl: (_file: string, { hostType }: { hostType: string }) => (hostType === 'js' ? { relative: true } : undefined) },
  });
  if (!('output' in result)) throw new Error('the filter script was not bundled as one output');
  const files: FilterScript['files'] = [];
  const sources = new Set<string>();
  let script: string | undefined;
  for (const item of result.output) {
    files.push({ path: item.fileName, bytes: item.type === 'chunk' ? Buffer.from(item.code) : Buffer.from(item.source) });
    if (item.type !== 'chunk') continue;
    if (item.isEntry) script = item.fileName;
    for (const id of item.moduleIds) {
      const path = relative(root, id);
      if (isAbsolute(id) && !path.startsWith('..') && !path.split(/[\\/]/u).includes('node_modules')) sources.add(path);
    }
  }
  if (script === undefined) throw new Error('the filter script bundle has no entry chunk');
  return { script, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), sources: [...sources].sort() };
}

if (import.meta.main) await filterScript(PROJECT_ROOT, process.argv[2] ?? null);
