// @ts-check
/**
 * The commands' compiled bundles (scripts/launch.mjs): which commands there are, where their bundles are kept,
 * whether a kept one still matches its sources, and compiling them. Plain JavaScript, as the launcher.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YOUNG_GENERATION } from './node-flags.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The commands run compiled, each with the workers it starts (named as src/lib/ingest/sibling-module.ts finds them). */
export const COMMANDS = {
  metrics: {
    entry: 'scripts/metrics.ts',
    bundlePackages: true,
    // Only here: the build starts Astro and Chromium, whose modules would all be cached beside the bundles.
    codeCache: true,
    workers: { 'history-thread-worker': 'src/lib/ingest/history-thread-worker.ts', 'read-split-worker': 'src/lib/ingest/read-split-worker.ts' },
    // Started before the command's modules load, given their job later (see `prestart`).
    prestart: ['history-thread-worker'],
    // Node's options for the process, given where it is started (package.json's script, `npm run bench`): V8
    // cannot change them once running. A larger initial old generation (1 GB) spares the full collections of a
    // heap that only grows while a large folder is read: at a million deals 5 mark-compacts became 3 and the run
    // ~10 % shorter; at 100k no change in time or peak RSS; check:memory's cases stay under 1 GiB. The young
    // generation is held at 16 MB semi-spaces (YOUNG_GENERATION).
    nodeFlags: ['--initial-old-space-size=1024', YOUNG_GENERATION],
    // Its process ends once its output is out (`exitOnceFlushed`): Node's own end would first free the heap and wait
    // for the worker threads to stop, ~10-30 ms at 100k deals and 0.2-1.2 s at a million (docs/performance.md,
    // forty-eighth round), which the operating system does anyway, at once, when the process goes.
    exitWhenDone: true,
  },
  // The build's extract step runs in a process of its own (scripts/lib/extract-process.ts), which starts the same workers.
  build: {
    entry: 'scripts/build.ts',
    // Astro and its packages are loaded as they are, from node_modules.
    bundlePackages: false,
    codeCache: false,
    workers: {
      'extract-process': 'scripts/lib/extract-process.ts',
      'file-writer-worker': 'scripts/lib/file-writer-worker.ts',
      'history-thread-worker': 'src/lib/ingest/history-thread-worker.ts',
      'read-split-worker': 'src/lib/ingest/read-split-worker.ts',
    },
    prestart: [],
    // The extraction's process (forked: it inherits them) and the render hold the site data: their young
    // generation is held as the metrics' is (YOUNG_GENERATION).
    nodeFlags: [YOUNG_GENERATION],
    // Astro's and Chromium's processes and their streams end on their own terms.
    exitWhenDone: false,
  },
};

/** Changes with the layout of the cache or the way bundles are made: older records and folders are then not used. */
const FORMAT = 5;
/** Bundle folders kept per command (a running process may still start workers from an older one). */
const KEEP = 3;

/**
 * @typedef {{ format: number, esbuild: string, dir: string, inputs: [string, number, number][] }} BundleRecord
 * `inputs`: [path from the project root, size, mtimeMs] of every source file in the bundles.
 */

/**
 * Where the bundles are kept. It must be inside the project: the bundles import
 * their packages by name, found from there in node_modules ($PIPESCOPE_CLI_CACHE
 * is for tests, relative to the project's folder).
 * @param {NodeJS.ProcessEnv} env
 */
export const cacheDir = (env) => resolve(ROOT, env.PIPESCOPE_CLI_CACHE || join('node_modules', '.cache', 'pipescope-cli'));

/**
 * The bundle folder of `name` when its record matches every source file as it is now, else null.
 * @param {string} cache
 * @param {string} name
 * @returns {string | null}
 */
export function freshBundle(cache, name) {
  /** @type {BundleRecord} */
  let record;
  try {
    record = JSON.parse(readFileSync(join(cache, `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
  if (record.format !== FORMAT || !Array.isArray(record.inputs) || record.inputs.length === 0 || !/^[a-z-]+-[0-9a-f]{16}$/u.test(record.dir)) return null;
  try {
    for (const [path, size, mtimeMs] of record.inputs) {
      const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
    }
  } catch {
    return null;
  }
  const dir = join(cache, record.dir);
  return existsSync(join(dir, `${name}.mjs`)) ? dir : null;
}

/**
 * zod's `z.locales` (and `z.core.locales`), its messages in 64 languages (366 KB of the 750 KB of zod in a bundle), reduced to English,
 * the one zod uses unless told otherwise: Pipescope words its messages itself (src/lib/i18n) and never sets zod's.
 * Every thread that loads zod reads, and runs the top of, each locale's module on every start (~10 ms).
 * @type {import('esbuild').Plugin}
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    // esbuild's filters are Go regular expressions, which have no u flag.
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/u.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en-only.js'), namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({ contents: 'export { default as en } from "./en.js";\n', resolveDir: dirname(args.path), loader: 'js' }));
  },
};

/**
 * Compile `name` and its workers into a new folder of the cache and record its sources; null when it cannot.
 * @param {string} cache
 * @param {keyof typeof COMMANDS} name
 * @returns {Promise<string | null>}
 */
export async function compile(cache, name) {
  const command = COMMANDS[name];
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const tmp = join(cache, `.tmp-${name}-${process.pid}-${Date.now()}`);
  const started = Date.now();
  try {
    // A cache that cannot be written (a read-only checkout) only means running from the sources.
    mkdirSync(cache, { recursive: true });
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { [name]: command.entry, ...command.workers },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // Packages are loaded from node_modules as usual (only the project's own TypeScript is compiled), except for a
      // command that bundles its few: zod alone is ~100 modules to find, read and compile, in each thread, every run.
      ...(command.bundlePackages ? {} : { packages: 'external' }),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      // Shared code in chunks, and a dynamic import() stays a module loaded only when it is reached (what a command
      // needs only on some paths, the build's chart code among it, is not loaded at every start).
      splitting: true,
      // Beside the entries: a worker is found beside the module that starts it (src/lib/ingest/sibling-module.ts).
      chunkNames: 'chunk-[hash]',
      metafile: true,
      // An internal error's stack names the TypeScript sources (scripts/lib/stack-sources.ts reads the maps).
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: command.bundlePackages ? [zodEnglishOnly] : [],
    });
    // esbuild's service process (~70 MB) would otherwise live as long as the command: a first build after a change
    // to the code held it through its whole run. A later esbuild call (the filter script, Astro's bundling) starts another.
    await esbuild.stop();
    /** @type {[string, number, number][]} */
    const inputs = [];
    for (const path of Object.keys(result.metafile.inputs).sort()) {
      // A module a plugin made (`zodEnglishOnly`) has no file: the files it is made from are inputs of their own.
      if (path.startsWith(`${zodEnglishOnly.name}:`)) continue;
      const stat = statSync(join(ROOT, path));
      // A source saved while (or just before) it was compiled: this bundle may hold its older text.
      if (stat.mtimeMs >= started - 1000) throw new Error(`${path} changed while compiling`);
      inputs.push([path, stat.size, stat.mtimeMs]);
    }
    // Named after what went into it: the sources and the format (a folder of another format is another name).
    const dir = `${name}-${createHash('sha256').update(JSON.stringify([FORMAT, inputs])).digest('hex').slice(0, 16)}`;
    try {
      renameSync(tmp, join(cache, dir));
    } catch (e) {
      // Another run compiled the same sources at the same time: use its folder.
      if (!existsSync(join(cache, dir, `${name}.mjs`))) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
    /** @type {BundleRecord} */
    const record = { format: FORMAT, esbuild: esbuild.version, dir, inputs };
    const recordTmp = join(cache, `.${name}.json.${process.pid}`);
    writeFileSync(recordTmp, `${JSON.stringify(record)}\n`);
    renameSync(recordTmp, join(cache, `${name}.json`));
    try {
      prune(cache, name, dir);
    } catch {
      // Older folders left in place cost only disk space.
    }
    return join(cache, dir);
  } catch {
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Nothing was made there (the cache folder itself could not be).
    }
    return null;
  }
}

/**
 * Remove all but the newest KEEP bundle folders of `name` (folders this launcher made: `<name>-<hash>`).
 * @param {string} cache
 * @param {string} name
 * @param {string} current
 */
function prune(cache, name, current) {
  // Code of bundles that are gone would stay in the code cache: it is made again on the next run.
  rmSync(join(cache, 'v8'), { recursive: true, force: true });
  const pattern = new RegExp(`^${name}-[0-9a-f]{16}$`, 'u');
  const dirs = readdirSync(cache)
    .filter((d) => pattern.test(d) && d !== current)
    .map((d) => ({ d, at: statSync(join(cache, d)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { d } of dirs.slice(KEEP - 1)) rmSync(join(cache, d), { recursive: true, force: true });
}
