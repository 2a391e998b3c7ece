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
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginOption } from 'vite';
import { makeDirs } from './make-dirs.ts';

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

interface Kept {
  format: number;
  /** SHA-256 of FIXED_INPUTS and of each project file bundled (by path below the root). */
  inputs: Record<string, string>;
  script: string;
  files: string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const hashOf = (root: string, path: string) => sha256(readFileSync(join(root, path)));
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
  const inputs = Object.fromEntries([...FIXED_INPUTS, ...sources].map((path) => [path, hashOf(root, path)]));
  // Kept only when no file bundled changed while it was bundled.
  const unchanged = sources.every((path) => statSync(join(root, path)).mtimeMs < started);
  if (cacheDir !== null && unchanged) keep(cacheDir, { format: FORMAT, inputs, script, files: files.map((f) => f.path) }, files);
  return { script, files };
}

/** A kept bundle of the code as it is now (the most recent use marked on it), or null. */
function find(root: string, cacheDir: string): FilterScript | null {
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => /^[0-9a-f]{16}$/u.test(n));
  } catch {
    return null;
  }
  for (const name of names) {
    const dir = join(cacheDir, name);
    try {
      const kept = JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')) as Kept;
      if (kept.format !== FORMAT || ![kept.script, ...kept.files].every((path) => OUTPUT_FILE.test(path))) continue;
      if (!Object.entries(kept.inputs).every(([path, sha]) => hashOf(root, path) === sha)) continue;
      const files = kept.files.map((path) => ({ path, bytes: readFileSync(join(dir, path)) }));
      const now = new Date();
      utimesSync(join(dir, 'kept.json'), now, now);
      return { script: kept.script, files };
    } catch {
      // A file of the code gone, or a bundle being removed by another build: not this one.
      continue;
    }
  }
  return null;
}

/** Store a bundle under a name of its own (written aside, then renamed: another build never reads half of it), and drop the least recently used beyond KEEP. */
function keep(cacheDir: string, kept: Kept, files: FilterScript['files']): void {
  try {
    makeDirs(cacheDir);
    // Not mkdtemp: a kept bundle gets the usual permissions (mkdtemp's folders are the owner's alone).
    const tmp = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(tmp);
    for (const f of files) {
      makeDirs(dirname(join(tmp, f.path)));
      writeFileSync(join(tmp, f.path), f.bytes);
    }
    writeFileSync(join(tmp, 'kept.json'), `${JSON.stringify(kept)}\n`);
    const name = sha256(Buffer.from(JSON.stringify(kept.inputs))).slice(0, 16);
    try {
      renameSync(tmp, join(cacheDir, name));
    } catch {
      // The same bundle, kept by a build running at the same time; or one that no longer reads (replaced).
      if (!sameKept(join(cacheDir, name), kept)) {
        rmSync(join(cacheDir, name), { recursive: true, force: true });
        renameSync(tmp, join(cacheDir, name));
      }
      rmSync(tmp, { recursive: true, force: true });
    }
    const used = (n: string) => statSync(join(cacheDir, n, 'kept.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const names = readdirSync(cacheDir);
    const entries = names.filter((n) => /^[0-9a-f]{16}$/u.test(n));
    for (const old of entries.sort((a, b) => used(b) - used(a)).slice(KEEP)) rmSync(join(cacheDir, old), { recursive: true, force: true });
    // What a build that stopped half-way left (an hour is long past any build's bundling).
    const stale = (n: string) => n.startsWith('.tmp-') && (statSync(join(cacheDir, n), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 3_600_000;
    for (const old of names.filter(stale)) rmSync(join(cacheDir, old), { recursive: true, force: true });
  } catch {
    // Keeping it only saves the next build time (a read-only node_modules, say).
  }
}

function sameKept(dir: string, kept: Kept): boolean {
  try {
    return readFileSync(join(dir, 'kept.json'), 'utf8') === `${JSON.stringify(kept)}\n`;
  } catch {
    return false;
  }
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
