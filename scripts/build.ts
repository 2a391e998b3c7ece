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
 *
 * Publishing (scripts/lib/publish.ts, docs/publish.md): the pages are written
 * with relative links; `--snapshot` adds `snapshots/<as-of>/` beside the
 * earlier snapshots (scripts/lib/snapshots.ts: copied byte for byte, never
 * dropped); "What changed" compares with the previous snapshot or
 * `--compare-to`; `--digest`/`--summary` write markdown; `--strict` and
 * `--max-rejected` stop (exit 3) before anything is written to `--out`.
 */
import { createHash } from 'node:crypto';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFolder as realReadFolder } from '../src/lib/ingest/read-folder.ts';
import { FORMATS } from '../src/lib/ingest/vendor/registry.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { localDateOf } from '../src/lib/time.ts';
import { siteDataSchema } from '../src/lib/views/schema.ts';
import { buildSiteData } from '../src/lib/views/site-data.ts';
import { filterChoices, filterDataPath, filterDataText } from '../src/lib/filters/build-data.ts';
import { redact } from '../src/lib/ingest/redact.ts';
import { type CliIO, EXIT, isErrnoError, nodeIO, outputError, readingInput, progressStream, reportError, writingTo } from './lib/cli.ts';
import { asOfOption, choiceOption, optionalString, parseArgs, UsageError, wholeNumberOption, writeFileAtomic } from './lib/io.ts';
import { checkOutDir, GENERATOR, isWithin, listFiles, MANIFEST_FILE, makeStagingDir, type ProtectedFolder, removeQuietly, swapIn } from './lib/out-dir.ts';
import { REDACT_ARGS, REDACT_USAGE, redactOption } from './lib/redact-args.ts';
import { progressReporter } from './lib/progress.ts';
import { emitTree, PUBLISH_ARGS, PUBLISH_USAGE, publishOptions, qualityGate } from './lib/publish.ts';
import { configSha256, copySnapshot, findSnapshots, snapshotManifestText } from './lib/snapshots.ts';
import { digestMarkdown, summaryMarkdown } from '../src/lib/views/digest.ts';
import { SNAPSHOT_FILE, SNAPSHOTS_DIR, snapshotEntry, snapshotFigures } from '../src/lib/views/snapshots.ts';
import type { SiteDataOptions } from '../src/lib/views/site-data.ts';

const USAGE = `usage: npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--format ${FORMATS.join('|')}] [--pipeline <name>] [--quiet] [--timings] [--extract-only] ${REDACT_USAGE} ${PUBLISH_USAGE}`;
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
  /** Astro's `site` (--site), and the base path (--base, default '/'). */
  site?: string;
  base?: string;
}

/** What main reads and renders with (a test can pass its own). */
export interface BuildDeps {
  readFolder: typeof realReadFolder;
  render: (options: RenderOptions) => Promise<void>;
  /** Where the site data is written: the project's .cache. */
  cacheDir: string;
}

let astroRanHere = false;

/**
 * `astro build` of the pages, which read the site data named by
 * SITE_DATA_ENV (Astro empties its outDir first): in this process the first
 * time; again (a backfilled snapshot renders two dates) in a child process,
 * since Astro keeps state from one build to the next in a process (its
 * scripts' hashes).
 */
async function astroRender(options: RenderOptions): Promise<void> {
  if (!astroRanHere) {
    astroRanHere = true;
    return astroBuild(options);
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/lib/astro-render.ts'), JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', done);
  });
  if (code !== 0) throw new Error(`astro build of ${options.siteDataPath} failed in a child process (exit ${code})`);
}

/** `astro build` in this process. */
export async function astroBuild({ root, outDir, siteDataPath, quiet, site, base = '/' }: RenderOptions): Promise<void> {
  process.env[SITE_DATA_ENV] = siteDataPath;
  // Astro reads import.meta.env.BASE_URL and SITE from the environment when set there (a test runner sets
  // BASE_URL): the base and site come from the options only.
  delete process.env.BASE_URL;
  delete process.env.SITE;
  const { build } = await import('astro');
  await build({
    root,
    outDir,
    logLevel: quiet ? 'error' : 'warn',
    ...(site ? { site } : {}),
    base,
    // Scripts find their chunks relative to themselves, so a dated snapshot and a file share load their own.
    vite: { experimental: { renderBuiltUrl: (_file: string, { hostType }: { hostType: string }) => (hostType === 'js' ? { relative: true } : undefined) } },
  });
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
  /** Present when built with --redact: names are pseudonyms; amounts rounded to this band (null = exact). */
  redacted?: { amount_band: number | null };
  /** The dated snapshots in `snapshots/`, oldest first: a later build refuses to drop one. */
  snapshots: string[];
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
      ...REDACT_ARGS,
      ...PUBLISH_ARGS,
    });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const asOfArg = asOfOption(args['as-of']);
    const maxPages = wholeNumberOption('max-account-pages', args['max-account-pages']) ?? DEFAULT_MAX_ACCOUNT_PAGES;
    const format = choiceOption('format', args.format, FORMATS);
    const redaction = redactOption(args);
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
    const outState = checkOutDir(io.fs, outDir, protectedFolders, outArg);
    // So are missing snapshots: a build never drops one silently.
    const publish = publishOptions(args, io.cwd, outDir, dataDir);
    const store = findSnapshots(io.fs, { given: publish.snapshots, outDir, outShown: outArg.replace(/\/+$/u, ''), outState, snapshot: publish.snapshot, newHistory: publish.newHistory });
    const t0 = io.now();

    let read = await readingInput(
      deps.readFolder(dataDir, {
        onProgress: progressReporter(progressStream(io), { quiet, now: () => io.now() }).update,
        format,
        pipeline: optionalString(args.pipeline),
      }),
    );
    // --redact: pseudonyms before anything is computed, so every output is redacted by construction.
    const redacted = redaction ? redact(read.dataset, read.config, redaction) : undefined;
    const { dataset, config } = redacted ?? read;
    // The clock is read here, in the CLI, and nowhere in the engine.
    const asOf = asOfArg ?? localDateOf(io.now(), config.timezone);
    const t1 = io.now();
    if (publish.compareTo !== undefined && publish.compareTo >= asOf) throw new UsageError(`--compare-to ${publish.compareTo} must be before the as-of date ${asOf}`);
    if (publish.snapshot && !publish.replace && store.snapshots.some((x) => x.asOf === asOf)) {
      throw new UsageError(`a snapshot of ${asOf} already exists in ${store.shown}, and snapshots are never changed silently: pass --replace to rebuild it`);
    }
    const version = pipescopeVersion(io);
    // Earlier snapshots, oldest first (the one of this date left out when this build replaces it).
    const earlier = store.snapshots.filter((x) => !(publish.snapshot && x.asOf === asOf));
    /** "What changed" compares with --compare-to, else the latest snapshot before `date`, else the waterfall's period. */
    const compareFor = (date: string, dates: string[], explicit?: string): SiteDataOptions['compareTo'] => {
      if (explicit !== undefined) return { date: explicit, basis: 'compare_to' };
      const before = dates.filter((d) => d < date).sort().at(-1);
      return before === undefined ? undefined : { date: before, basis: 'snapshot' };
    };
    const extract = (date: string, options: Partial<SiteDataOptions>) => {
      const siteRaw = buildSiteData(dataset, config, date, { dataLabel: basename(dataDir), maxAccountPages: maxPages, ...options });
      // Filters in the URL: the data file a filtered page loads (named after its content) and the form's choices.
      const filterData = filterDataText(dataset, config, siteRaw);
      const filterPath = filterDataPath(createHash('sha256').update(filterData).digest('hex').slice(0, 12));
      const site = siteDataSchema.parse({ ...siteRaw, filters: { data: filterPath, ...filterChoices(dataset, config) } });
      return { site, filterData, filterPath };
    };
    const earlierDates = earlier.map((x) => x.asOf);
    const current = extract(asOf, {
      compareTo: compareFor(asOf, earlierDates, publish.compareTo),
      snapshots: earlier.map((x) => snapshotEntry(x.manifest)),
      ...(publish.snapshot ? { currentSnapshot: { pipescope_version: version, redacted: redacted !== undefined } } : {}),
    });
    const site = current.site;
    // `/` stays on the latest snapshot: adding an older one renders the latest date for the top level too.
    const newest = earlierDates.at(-1);
    const top =
      publish.snapshot && newest !== undefined && newest > asOf
        ? extract(newest, { compareTo: compareFor(newest, [...earlierDates, asOf]), snapshots: site.snapshots })
        : current;
    const siteDataPath = join(deps.cacheDir, `site-data-${cacheName(outDir)}.json`);
    writingTo(siteDataPath, () => writeFileAtomic(siteDataPath, JSON.stringify(site), io.fs));
    const topDataPath = top === current ? siteDataPath : join(deps.cacheDir, `site-data-${cacheName(outDir)}-latest.json`);
    if (top !== current) writingTo(topDataPath, () => writeFileAtomic(topDataPath, JSON.stringify(top.site), io.fs));
    const t2 = io.now();
    log(`build: ${dataset.deals.length} deals as of ${asOf}: read ${sec(t1 - t0)}, metrics and views ${sec(t2 - t1)}`);

    if (args['extract-only'] === true) {
      log(`build: wrote ${shown(siteDataPath)} (run "astro dev" to serve it)`);
      return EXIT.ok;
    }

    // --strict, --max-rejected: a bad export never replaces a good dashboard.
    const quality = qualityGate(dataset, publish);
    const linkRoot = publish.siteUrl === null ? null : publish.snapshot ? `${publish.siteUrl}${SNAPSHOTS_DIR}/${asOf}/` : publish.siteUrl;
    if (quality.failure) {
      const summary = publish.summary;
      if (summary) writingTo(summary.shown, () => writeFileAtomic(summary.path, summaryMarkdown(site, dataset, { linkRoot, quality: quality.failure!, snapshot: null }), io.fs));
      io.stderr.write(`build: ${quality.message}\n`);
      return EXIT.strict;
    }

    const staging = makeStagingDir(io.fs, outDir, outArg);
    const renderDirs: string[] = [];
    let manifest: BuildManifest;
    let t3: number;
    let warning: string | undefined;
    try {
      /** Astro renders one date into a folder of its own, with its metrics.json and filter data. */
      const render = async (x: typeof current, dataPath: string): Promise<string> => {
        const dir = makeStagingDir(io.fs, outDir, outArg);
        renderDirs.push(dir);
        try {
          await deps.render({ root: PROJECT_ROOT, outDir: dir, siteDataPath: dataPath, quiet, site: publish.site, base: publish.base });
        } catch (e) {
          // The OS refusing a write into the new output is an output problem; any other failure is a bug.
          if (isErrnoError(e) && typeof e.path === 'string' && (isWithin(resolve(e.path), dir) || isWithin(resolve(e.path), staging))) throw outputError(outArg, e);
          throw e;
        }
        writingTo(outArg, () => {
          io.fs.writeFileSync(join(dir, 'metrics.json'), serializeMetrics(x.site.metrics));
          io.fs.mkdirSync(join(dir, 'data'), { recursive: true });
          io.fs.writeFileSync(join(dir, x.filterPath), x.filterData);
        });
        return dir;
      };
      const currentDir = await render(current, siteDataPath);
      const topDir = top === current ? currentDir : await render(top, topDataPath);
      t3 = io.now();
      // The live site, with relative links; then every earlier snapshot byte for byte, and this one.
      writingTo(outArg, () => emitTree(io.fs, topDir, staging, publish.base, null));
      for (const x of earlier) writingTo(outArg, () => copySnapshot(io.fs, x.dir, join(staging, SNAPSHOTS_DIR, x.asOf), `${store.shown}/${x.asOf}`));
      if (publish.snapshot) {
        const folder = join(staging, SNAPSHOTS_DIR, asOf);
        writingTo(outArg, () => {
          emitTree(io.fs, currentDir, folder, publish.base, asOf);
          const { redaction: _secret, ...hashed } = read.config;
          const text = snapshotManifestText({
            generator: GENERATOR,
            kind: 'snapshot',
            as_of: asOf,
            pipescope_version: version,
            config_sha256: configSha256(hashed),
            inputs: site.metrics.generated_from,
            currency: config.currency,
            compared_with: site.changes.from,
            figures: snapshotFigures(site.metrics),
            ...(redacted ? { redacted: true } : {}),
          });
          io.fs.writeFileSync(join(folder, SNAPSHOT_FILE), text);
        });
      }
      const files = listFiles(io.fs, staging);
      const snapshotDates = [...new Set([...earlierDates, ...(publish.snapshot ? [asOf] : [])])].sort();
      // Timings go to stderr (--timings), not here.
      manifest = {
        generator: GENERATOR,
        as_of: top.site.as_of,
        data: top.site.data_label,
        inputs: top.site.metrics.generated_from,
        pages: files.filter((f) => f.endsWith('.html') && !f.startsWith(`${SNAPSHOTS_DIR}/`)).length,
        account_pages: top.site.accounts_with_pages,
        accounts: top.site.accounts.length,
        bytes: files.reduce((sum, f) => sum + io.fs.statSync(join(staging, f)).size, 0),
        ...(redacted ? { redacted: { amount_band: redacted.amountBand } } : {}),
        snapshots: snapshotDates,
      };
      writingTo(outArg, () => io.fs.writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`));
      // Again, just before replacing it: --out may have changed while Astro ran.
      checkOutDir(io.fs, outDir, protectedFolders, outArg);
      warning = swapIn(io.fs, staging, outDir, outArg);
    } catch (e) {
      removeQuietly(io.fs, staging);
      throw e;
    } finally {
      for (const dir of renderDirs) removeQuietly(io.fs, dir);
    }
    if (publish.digest) {
      const digest = publish.digest;
      writingTo(digest.shown, () => writeFileAtomic(digest.path, digestMarkdown(site, { linkRoot }), io.fs));
    }
    if (publish.summary) {
      const summary = publish.summary;
      writingTo(summary.shown, () => writeFileAtomic(summary.path, summaryMarkdown(site, dataset, { linkRoot, quality: { status: 'passed' }, snapshot: publish.snapshot ? asOf : null }), io.fs));
    }
    if (publish.snapshot) log(`build: snapshot ${asOf} ${store.snapshots.length > earlier.length ? 'replaced' : 'added'} (${manifest.snapshots.length} in ${shown(join(outDir, SNAPSHOTS_DIR))}/)`);
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

/** Pipescope's version (package.json), written into each snapshot's manifest. */
function pipescopeVersion(io: CliIO): string {
  const pkg: unknown = JSON.parse(io.fs.readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && typeof (pkg as { version?: unknown }).version === 'string' ? (pkg as { version: string }).version : 'unknown';
}

/** The output folder's name as a file-name part: letters, digits, `.`, `_` and `-` only, so the file stays in .cache. */
function cacheName(outDir: string): string {
  return basename(outDir).replace(/[^\p{L}\p{N}._-]/gu, '_') || '_';
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), nodeIO());
