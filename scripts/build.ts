/**
 * npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N]
 *
 * Extract, then render: reads the data folder, computes the site manifest
 * (metrics now and 30 days earlier, deal and account views), validates it,
 * writes it to the project's .cache/site-data-<out>.json, then runs
 * `astro build`, whose pages only render that manifest. Also writes
 * metrics.json and build-manifest.json into the output folder.
 *
 * The output is built in a new folder beside `--out` and swapped in only when
 * complete; `--out` must be missing, empty or a previous Pipescope output
 * (scripts/lib/out-dir.ts). Exit codes as `npm run metrics` (scripts/lib/cli.ts).
 */
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFolder as realReadFolder } from '../src/lib/ingest/read-folder.ts';
import { FORMATS } from '../src/lib/ingest/vendor/registry.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { localDateOf } from '../src/lib/time.ts';
import { siteDataSchema } from '../src/lib/views/schema.ts';
import { buildSiteData } from '../src/lib/views/site-data.ts';
import { type CliIO, EXIT, InputReadError, isErrnoError, nodeIO, outputError, progressStream, reportError, writingTo } from './lib/cli.ts';
import { asOfOption, choiceOption, optionalString, parseArgs, UsageError, wholeNumberOption, writeFileAtomic } from './lib/io.ts';
import { checkOutDir, GENERATOR, isWithin, listFiles, MANIFEST_FILE, makeStagingDir, type ProtectedFolder, removeQuietly, swapIn } from './lib/out-dir.ts';
import { progressReporter } from './lib/progress.ts';

const USAGE = `usage: npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--format ${FORMATS.join('|')}] [--pipeline <name>] [--quiet] [--timings] [--extract-only]`;
export const SITE_DATA_ENV = 'PIPESCOPE_SITE_DATA';
/** Above this many accounts, only the largest get their own page (the index lists all). */
const DEFAULT_MAX_ACCOUNT_PAGES = 2000;
/** The project folder (Astro's root; its .cache holds the site data). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface RenderOptions {
  root: string;
  /** The (new, empty) folder to render into. */
  outDir: string;
  siteDataPath: string;
  quiet: boolean;
}

/** What main reads and renders with (a test can pass its own). */
export interface BuildDeps {
  readFolder: typeof realReadFolder;
  render: (options: RenderOptions) => Promise<void>;
  /** Where the site data is written: the project's .cache. */
  cacheDir: string;
}

/** `astro build` of the pages, which read the site data named by SITE_DATA_ENV. Astro empties its outDir first. */
async function astroRender({ root, outDir, siteDataPath, quiet }: RenderOptions): Promise<void> {
  process.env[SITE_DATA_ENV] = siteDataPath;
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: quiet ? 'error' : 'warn' });
}

/** build-manifest.json: only what the input and as-of determine, so two builds of them are byte-identical. */
export interface BuildManifest {
  /** The marker that lets a later build replace this folder. */
  generator: typeof GENERATOR;
  as_of: string;
  data: string;
  inputs: Record<string, string>;
  pages: number;
  account_pages: number;
  accounts: number;
  bytes: number;
}

export const defaultBuildDeps: BuildDeps = { readFolder: realReadFolder, render: astroRender, cacheDir: join(PROJECT_ROOT, '.cache') };

export async function main(argv: string[], io: CliIO, deps: BuildDeps = defaultBuildDeps): Promise<number> {
  try {
    const args = parseArgs(argv, {
      data: 'value',
      'as-of': 'value',
      out: 'value',
      'max-account-pages': 'value',
      quiet: 'flag',
      timings: 'flag',
      'extract-only': 'flag',
      format: 'value',
      pipeline: 'value',
      help: 'flag',
    });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const asOfArg = asOfOption(args['as-of']);
    const maxPages = wholeNumberOption('max-account-pages', args['max-account-pages']) ?? DEFAULT_MAX_ACCOUNT_PAGES;
    const format = choiceOption('format', args.format, FORMATS);
    if (args.data === '' || args.out === '') throw new UsageError(`--${args.data === '' ? 'data' : 'out'} needs a folder`);
    const quiet = args.quiet === true;
    const log = (s: string) => quiet || io.stderr.write(`${s}\n`);
    const dataDir = resolve(io.cwd, optionalString(args.data) ?? 'data/sample');
    const outArg = optionalString(args.out) ?? 'dist';
    const outDir = resolve(io.cwd, outArg);
    const shown = (path: string) => relative(io.cwd, path) || '.';
    const protectedFolders: ProtectedFolder[] = [
      { path: dataDir, what: 'the data folder' },
      { path: PROJECT_ROOT, what: 'the project folder' },
      { path: io.cwd, what: 'the working folder' },
      { path: deps.cacheDir, what: 'the cache folder' },
    ];
    // Before reading anything: an --out the build may not replace is refused up front.
    checkOutDir(io.fs, outDir, protectedFolders, outArg);
    const t0 = io.now();

    let read;
    try {
      read = await deps.readFolder(dataDir, {
        onProgress: progressReporter(progressStream(io), { quiet, now: () => io.now() }).update,
        format,
        pipeline: optionalString(args.pipeline),
      });
    } catch (e) {
      if (isErrnoError(e)) throw new InputReadError(`cannot read the data: ${e.message}`, { cause: e });
      throw e;
    }
    const { dataset, config } = read;
    // The clock is read here, in the CLI, and nowhere in the engine.
    const asOf = asOfArg ?? localDateOf(io.now(), config.timezone);
    const t1 = io.now();
    const site = siteDataSchema.parse(
      buildSiteData(dataset, config, asOf, { dataLabel: basename(dataDir), maxAccountPages: maxPages }),
    );
    const siteDataPath = join(deps.cacheDir, `site-data-${cacheName(outDir)}.json`);
    writingTo(siteDataPath, () => writeFileAtomic(siteDataPath, JSON.stringify(site), io.fs));
    const t2 = io.now();
    log(`build: ${dataset.deals.length} deals as of ${asOf}: read ${sec(t1 - t0)}, metrics and views ${sec(t2 - t1)}`);

    if (args['extract-only'] === true) {
      log(`build: wrote ${shown(siteDataPath)} (run "astro dev" to serve it)`);
      return EXIT.ok;
    }

    const staging = makeStagingDir(io.fs, outDir, outArg);
    let manifest: BuildManifest;
    let t3: number;
    let warning: string | undefined;
    try {
      try {
        await deps.render({ root: PROJECT_ROOT, outDir: staging, siteDataPath, quiet });
      } catch (e) {
        // The OS refusing a write into the new output is an output problem; any other failure is a bug.
        if (isErrnoError(e) && typeof e.path === 'string' && isWithin(resolve(e.path), staging)) throw outputError(outArg, e);
        throw e;
      }
      t3 = io.now();
      writingTo(outArg, () => io.fs.writeFileSync(join(staging, 'metrics.json'), serializeMetrics(site.metrics)));
      const files = listFiles(io.fs, staging);
      // Timings go to stderr (--timings), not here.
      manifest = {
        generator: GENERATOR,
        as_of: asOf,
        data: site.data_label,
        inputs: site.metrics.generated_from,
        pages: files.filter((f) => f.endsWith('.html')).length,
        account_pages: site.accounts_with_pages,
        accounts: site.accounts.length,
        bytes: files.reduce((sum, f) => sum + io.fs.statSync(join(staging, f)).size, 0),
      };
      writingTo(outArg, () => io.fs.writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`));
      // Again, just before replacing it: --out may have changed while Astro ran.
      checkOutDir(io.fs, outDir, protectedFolders, outArg);
      warning = swapIn(io.fs, staging, outDir, outArg);
    } catch (e) {
      removeQuietly(io.fs, staging);
      throw e;
    }
    const t4 = io.now();
    if (warning) io.stderr.write(`build: warning: ${warning}\n`);
    log(`build: ${manifest.pages} pages, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${shown(outDir)}/ (astro ${sec(t3 - t2)}, total ${sec(t4 - t0)})`);
    if (args.timings === true) {
      const timings = { read: t1 - t0, views: t2 - t1, astro: t3 - t2, write: t4 - t3, total: t4 - t0 };
      io.stderr.write(`${JSON.stringify({ timings_ms: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) })}\n`);
    }
    return EXIT.ok;
  } catch (e) {
    return reportError('build', e, io.stderr, USAGE);
  }
}

const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;

/** The output folder's name as a file-name part: letters, digits, `.`, `_` and `-` only, so the file stays in .cache. */
function cacheName(outDir: string): string {
  return basename(outDir).replace(/[^\p{L}\p{N}._-]/gu, '_') || '_';
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), nodeIO());
