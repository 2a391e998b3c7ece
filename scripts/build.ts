/**
 * npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--max-filter-mb N] [--cache <folder> | --no-cache]
 *
 * Extract and render: reads the data folder, computes the site manifest
 * (metrics now and 30 days earlier, deal and account views), validates it,
 * writes it to the project's .cache/site-data-<out>.json with each account
 * page's slice beside it (scripts/lib/extract.ts, site-files.ts; a name
 * claimed for the build, site-data-file.ts: a build running at once with
 * an --out of the same name writes under a name of its own), in a
 * process of its own; meanwhile `astro build` (scripts/lib/astro-render.ts)
 * loads and bundles (or a bundle kept from an earlier build of the same code
 * is loaded, page-bundles.ts), and renders its pages, which only render that
 * manifest, once it is written (render-beside.ts). A large data folder is
 * extracted first, and its process ends before Astro starts. Also writes
 * metrics.json, the filter form's script (filter-script.ts) and
 * build-manifest.json into the output folder. Every account gets a page
 * unless --max-account-pages limits them to the largest.
 *
 * The output is built in a new folder beside `--out` and swapped in only when
 * complete; `--out` must be missing, empty or a previous Pipescope output
 * (scripts/lib/out-dir.ts). Exit codes as `npm run metrics` (scripts/lib/cli.ts).
 *
 * A rebuild of the same inputs, code and options reuses the output of the
 * build before (scripts/lib/build-cache.ts; the cache is
 * node_modules/.cache/pipescope, or --cache, or none with --no-cache):
 * nothing is read or rendered, and when --out already holds that output,
 * nothing is written (files someone added to it stay where they are).
 *
 * Publishing (scripts/lib/publish.ts, docs/publish.md): the pages are written
 * with relative links; `--snapshot` adds `snapshots/<as-of>/` beside the
 * earlier snapshots (scripts/lib/snapshots.ts: copied byte for byte, never
 * dropped); "What changed" compares with the previous snapshot or
 * `--compare-to`; `--digest`/`--summary` write markdown; `--strict`,
 * `--max-rejected` and `--max-data-age` stop (exit 3) before anything is
 * written to `--out`.
 */
import { basename, join, relative, resolve } from 'node:path';
import { MAX_FILTER_DATA_MB } from '../src/lib/filters/build-data.ts';
import type { readFolder as realReadFolder } from '../src/lib/ingest/read-folder.ts';
import { SNAPSHOTS_DIR } from '../src/lib/views/snapshots.ts';
import { astroRender, pagesRenderedFrom, type RenderOptions } from './lib/astro-render.ts';
import { buildKey, configAmountBand, configLocale, dataFolderBytes, openCache, reusedReports, sameInputs, todayFor } from './lib/build-reuse.ts';
import { type CliIO, EXIT, guardStandardOutput, nodeIO, progressStream, reportError, writingTo } from './lib/cli.ts';
import { argvLocale, fatalWords } from './lib/fatal-words.ts';
import { cliMessage, type CliMessage, msg } from '../src/lib/i18n/cli-messages.ts';
import { checkConfigFile, configOption, type ConfigSource, langOption, replacedConfigNotice, sameFile } from './lib/config-option.ts';
import { datedRules, type ExtractJob, runJob, runJobInChild } from './lib/extract-child.ts';
import type { Extraction } from './lib/extract.ts';
import { type Args, asOfOption, choiceOption, lenientArgs, optionalString, parseArgs, UsageError, wholeNumberOption } from './lib/io.ts';
import { onInterrupt } from './lib/interrupt.ts';
import { recoverInterruptedSwap } from './lib/interrupted-swap.ts';
import { checkOutDir, isRedactedOutput, isWithin, makeStagingDir, processRunning, type ProtectedFolder, removeQuietly, removeStaleStaging } from './lib/out-dir.ts';
import { relativeLinksFor, renderOptions, writeOutput } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { checkPublicFolder } from './lib/public-folder.ts';
import { type FileArg, PUBLISH_ARGS, PUBLISH_USAGE, publishOptions, reportOptions, STDOUT } from './lib/publish.ts';
import type { Quality } from './lib/quality-gate.ts';
import { type StoppedReports, writeReport, writeStoppedReports } from './lib/report-files.ts';
import type { Locale } from '../src/lib/i18n/locales.ts';
import type { CliText } from '../src/lib/i18n/cli-text.ts';
import { REDACT_ARGS, REDACT_USAGE, redactOption } from './lib/redact-args.ts';
import { type EarlyRender, renderBeside } from './lib/render-beside.ts';
import { claimSiteDataName, siteDataFile, type SiteDataName } from './lib/site-data-file.ts';
import { missedWeekday, snapshotOnWeekday, type WeekdaySkipped } from './lib/snapshot-weekday.ts';
import { checkPlainBuildSnapshots, checkRedactedSnapshots, findSnapshots } from './lib/snapshots.ts';

export { PROJECT_ROOT } from './lib/project.ts';
export { type RenderOptions, SITE_DATA_ENV } from './lib/astro-render.ts';
export type { BuildManifest } from './lib/output.ts';

/**
 * A data folder this large is extracted in a process of its own before Astro starts, so that its memory is
 * freed before rendering; a smaller one in a process of its own while Astro loads and bundles (its pages
 * wait for the data), since the two then fit in memory together.
 */
const CHILD_EXTRACT_BYTES = 16_000_000;

// Modules only some builds need are loaded when needed: every build pays for loading what it imports.
const formats = async () => (await import('../src/lib/ingest/vendor/registry.ts')).FORMATS;
const usage = async () =>
  `usage: npm run build -- [--data <folder>] [--config <file>] [--lang en|ko] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--max-filter-mb N] [--cache <folder> | --no-cache] [--format ${(await formats()).join('|')}] [--pipeline <name>] [--quiet] [--timings] [--extract-only] ${REDACT_USAGE} ${PUBLISH_USAGE}`;

/** What main reads and renders with (a test can pass its own). */
export interface BuildDeps {
  readFolder: typeof realReadFolder;
  /** Astro, rendering once `dataReady` resolves when given (it may load and bundle before). */
  render: (options: RenderOptions, dataReady?: Promise<void>) => Promise<void>;
  /** Where the site data is written: the project's .cache. */
  cacheDir: string;
  /** The build cache when no --cache is given (node_modules/.cache/pipescope); none when absent. */
  buildCacheDir?: string;
  /**
   * Extract in a process of its own (scripts/lib/extract-child.ts, with the real readFolder): a large data
   * folder before rendering (its memory is freed first), a small one while Astro loads; else here (tests).
   */
  extractInChild?: boolean;
  /** A data folder of at least this many bytes is extracted before rendering (default CHILD_EXTRACT_BYTES; tests take the large path with a small folder). */
  largeDataBytes?: number;
  /** Pipescope's own public folder, which Astro copies into every output (default: the project's public/). */
  publicDir?: string;
  /** Where the filter form's script is kept per version of the code (scripts/lib/filter-script.ts; null: bundled every time); absent: not bundled (tests, whose render is a stand-in). */
  filterScriptCache?: string | null;
  /** Where the pages' server bundles are kept per version of the code (scripts/lib/page-bundles.ts); absent: Astro bundles them in every build. */
  pageBundlesCache?: string;
  /** Whether a process of this id runs (default: asked of the system), for what a build stopped outright left beside --out. */
  isRunning?: (pid: number) => boolean;
}

export const defaultBuildDeps: BuildDeps = {
  readFolder: async (...args) => (await import('../src/lib/ingest/read-folder.ts')).readFolder(...args),
  render: astroRender,
  cacheDir: join(PROJECT_ROOT, '.cache'),
  buildCacheDir: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope'),
  extractInChild: true,
  filterScriptCache: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope-filter-script'),
  // The launcher's switch (scripts/launch.mjs) for running everything from the sources: Astro bundles the pages too.
  ...(process.env.PIPESCOPE_FROM_SOURCES === '1' ? {} : { pageBundlesCache: join(PROJECT_ROOT, 'node_modules', '.cache', 'pipescope-pages') }),
};

const ARGS = {
  data: 'value',
  config: 'value',
  lang: 'value',
  'as-of': 'value',
  out: 'value',
  'max-account-pages': 'value',
  'max-filter-mb': 'value',
  cache: 'value',
  'no-cache': 'flag',
  quiet: 'flag',
  timings: 'flag',
  'extract-only': 'flag',
  format: 'value',
  pipeline: 'value',
  help: 'flag',
  ...REDACT_ARGS,
  ...PUBLISH_ARGS,
} as const;

export async function main(argv: string[], io: CliIO, deps: BuildDeps = defaultBuildDeps): Promise<number> {
  // Folders of this build beside --out (rendered sites, the files added beside the pages): moved into the output or removed.
  const scratch: string[] = [];
  // Astro, when started while the data is extracted: stopped (if it has not got to its pages) before those folders go.
  let early: EarlyRender | null = null;
  /** Settles when the extraction's process has written the account pages' CSV files (written after its reply). */
  let filesWritten: Promise<void> | undefined;
  // The name of the site data files in .cache, claimed for this build while it writes and renders them.
  let siteData: SiteDataName | null = null;
  const releaseSiteData = () => {
    const claimed = siteData;
    siteData = null;
    claimed?.release();
  };
  // --summary and --digest, once known, and whether the output was replaced: a build that stops before says so there.
  let stopped: StoppedReports | null = null;
  let replaced = false;
  // The language of an error: --lang (as the arguments give it until they are parsed), else the config's once known, else English.
  let fatalLocale = async (): Promise<Locale> => argvLocale(argv) ?? 'en';
  // Interrupted (Ctrl-C, a cancelled job), the process ends without `finally`: those folders go first.
  const releaseScratch = onInterrupt(() => {
    for (const dir of scratch) removeQuietly(io.fs, dir);
    releaseSiteData();
  });
  try {
    let args: Args;
    try {
      args = parseArgs(argv, ARGS);
    } catch (e) {
      // A command line that stops the build (a mistyped option) still names its reports: they say so, not a run before's "Passed".
      if (e instanceof UsageError) {
        try {
          stopped = reportPlaces(lenientArgs(argv, ARGS), io).stopped;
        } catch {
          // A report that cannot be placed is not written; the arguments' first problem is the one said.
        }
      }
      throw e;
    }
    if (args.help) {
      io.stdout.write(`${await usage()}\n`);
      return EXIT.ok;
    }
    const outArg = optionalString(args.out) ?? 'dist';
    const places = reportPlaces(args, io);
    const { dataDir, outDir, configFile, configSource, reportArgs, isConfig } = places;
    stopped = places.stopped;
    let asOfArg = asOfOption(args['as-of']);
    // Every account gets its page unless --max-account-pages limits them to the largest.
    const maxPages = wholeNumberOption('max-account-pages', args['max-account-pages']) ?? Infinity;
    // Filters in the URL unless their data file would be larger than this (0: none).
    const maxFilterMb = wholeNumberOption('max-filter-mb', args['max-filter-mb']) ?? MAX_FILTER_DATA_MB;
    const format = args.format === undefined ? undefined : choiceOption('format', args.format, await formats());
    const pipeline = optionalString(args.pipeline);
    // The language of the lines about the data (default: the config's).
    const lang = langOption(args.lang);
    if (args.data === '' || args.out === '' || args.cache === '') throw new UsageError(msg('needs_folder', { name: args.data === '' ? 'data' : args.out === '' ? 'out' : 'cache' }));
    if (args.cache !== undefined && args['no-cache'] === true) throw new UsageError(msg('cache_and_no_cache'));
    const quiet = args.quiet === true;
    const extractOnly = args['extract-only'] === true;
    const log = (s: string) => quiet || io.stderr.write(`${s}\n`);
    const shown = (path: string) => relative(io.cwd, path) || '.';
    let publish = publishOptions(args, reportArgs, io.cwd);
    const redaction = redactOption(args, configFile);
    // The run's own lines in the config's language too (or --lang's); the config is read for it once, and only when a line is said.
    let lineLocale: Locale | undefined;
    const locale = async () => (lineLocale ??= lang ?? (await configLocale(configSource, io)));
    /** The build's lines about its run, in its language (loaded when first said). */
    const runText = async () => (await import('../src/lib/i18n/cli-text.ts')).CLI_TEXT[await locale()];
    const sayIn = async (m: CliMessage) => cliMessage(m, await locale());
    fatalLocale = locale;
    // Said in the config's language (or --lang's), as the run's other errors once the config is known.
    for (const [name, file] of [['digest', publish.digest], ['summary', publish.summary]] as const) {
      if (file && isConfig(file)) throw new UsageError(msg('report_is_config', { name, value: file.shown }));
    }
    let skipped: WeekdaySkipped | null = null;
    if (publish.snapshotWeekday !== null) {
      // The as-of date's weekday decides, as the config's time zone dates it; that date is then the build's (past midnight too).
      asOfArg ??= await todayFor(configSource, io);
      if (asOfArg !== undefined) {
        const onWeekday = snapshotOnWeekday(publish, asOfArg);
        publish = onWeekday.publish;
        // In the build's language, as its other lines about the run.
        skipped = onWeekday.skipped;
        if (skipped && !quiet) log(`build: ${(await runText()).weekdaySkipped(skipped)}`);
      }
    }
    if (configFile && isWithin(configFile.path, outDir)) throw new UsageError(msg('config_inside_out', { config: configFile.name }));
    checkConfigFile(configFile, io.fs);
    await replacedConfigNotice('build', configSource, io, locale);
    const cacheArg = optionalString(args.cache);
    const cacheDir = extractOnly || args['no-cache'] === true ? undefined : cacheArg !== undefined ? resolve(io.cwd, cacheArg) : deps.buildCacheDir;
    if (cacheDir !== undefined && (isWithin(cacheDir, dataDir) || isWithin(dataDir, cacheDir) || isWithin(outDir, cacheDir))) {
      throw new UsageError(msg('cache_overlaps', { cache: shown(cacheDir) }));
    }
    const protectedFolders: ProtectedFolder[] = [
      { path: dataDir, what: 'data' },
      { path: PROJECT_ROOT, what: 'project' },
      // Nor inside it: Astro copies its files into every output.
      { path: join(PROJECT_ROOT, 'public'), what: 'public', notInside: true },
      { path: io.cwd, what: 'cwd' },
      { path: deps.cacheDir, what: 'cache' },
      ...(cacheDir === undefined ? [] : [{ path: cacheDir, what: 'buildCache' as const }]),
    ];
    // Before reading anything: an --out the build may not replace is refused up front.
    let outState = checkOutDir(io.fs, outDir, protectedFolders, outArg);
    // And a file in Pipescope's own public folder where the build writes one of its own (Astro would skip the page, or the build fail).
    if (!extractOnly) checkPublicFolder(io.fs, deps.publicDir ?? join(PROJECT_ROOT, 'public'), shown(deps.publicDir ?? join(PROJECT_ROOT, 'public')));
    // A build stopped outright while swapping in its output: --out put back (else this build would start it anew, without what was added to it), its swap finished.
    const isRunning = deps.isRunning ?? processRunning;
    const recovery = recoverInterruptedSwap(io.fs, outDir, { isRunning, now: io.now(), show: shown });
    for (const line of recovery.said) {
      if (line.level === 'log') log(`build: ${line.in(await locale())}`);
      else io.stderr.write(`build: ${line.level === 'warning' ? `${await sayIn(msg('warning'))}: ` : ''}${line.in(await locale())}\n`);
    }
    if (recovery.restored) outState = checkOutDir(io.fs, outDir, protectedFolders, outArg);
    // A redacted output is shared outside: a build with the real names never replaces it.
    if (!redaction && !extractOnly && outState === 'previous' && isRedactedOutput(io.fs, outDir)) throw new UsageError(msg('out_redacted', { out: outArg }));
    const stale = removeStaleStaging(io.fs, outDir, io.now(), isRunning);
    if (stale.length > 0) log(`build: ${await sayIn(msg('stale_removed', { out: outArg, names: stale }))}`);
    // So are missing snapshots: a build never drops one silently.
    const store = findSnapshots(io.fs, { given: publish.snapshots, outDir, outShown: outArg.replace(/\/+$/u, ''), outState, snapshot: publish.snapshot, newHistory: publish.newHistory });
    if (publish.snapshotWeekday !== null && publish.snapshot && asOfArg !== undefined && store.snapshots.some((x) => x.asOf === asOfArg)) {
      // Run again on its weekday (a CI job re-run, a fresher export): the snapshot the first run added stays as it is.
      publish = { ...publish, snapshot: false, keptSnapshot: true };
      if (!quiet) log(`build: ${(await runText()).weekdayKept({ asOf: asOfArg, folder: store.shown })}`);
    }
    const missed = skipped && missedWeekday(skipped, store.snapshots.map((x) => x.asOf));
    // A weekly snapshot a failed run did not add: said even with --quiet, as a warning, while a backfill can add it.
    if (missed) io.stderr.write(`build: ${await sayIn(msg('warning'))}: ${(await runText()).weekdayMissed({ date: missed, folder: store.shown })}\n`);
    const { checkDate, earlierOf, topOf } = datedRules(publish, store);
    // A redacted output is shared outside: an earlier snapshot with the real names, or amounts less rounded, never goes into it.
    const replacing = publish.snapshot && publish.replace ? asOfArg : undefined;
    const checkRedaction = (amountBand: number | null | undefined) => {
      if (redaction && amountBand !== undefined) checkRedactedSnapshots(store.snapshots, amountBand, replacing, store.shown);
    };
    // And the real names never go beside redacted snapshots.
    if (!redaction && !extractOnly) checkPlainBuildSnapshots(store.snapshots, replacing, store.shown);
    // Before reading anything, with the band the config gives when --redact-amounts does not (undefined: a config that cannot be read, which the read reports).
    checkRedaction(redaction ? await configAmountBand(configSource, io, redaction) : undefined);
    const scratchDir = () => {
      const dir = makeStagingDir(io.fs, outDir, outArg);
      scratch.push(dir);
      return dir;
    };
    const t0 = io.now();
    const version = pipescopeVersion(io);

    // A rebuild of the same inputs, code and options reuses the stored output (scripts/lib/build-cache.ts).
    const cache = cacheDir === undefined ? null : openCache(io, cacheDir, cacheArg !== undefined);
    const keyAsOf = asOfArg ?? (cache ? await todayFor(configSource, io) : undefined);
    const key = cache && keyAsOf !== undefined ? buildKey({ dataDir, config: configFile, asOf: keyAsOf, version, maxPages, maxFilterMb, format, pipeline, redaction, publish, earlier: earlierOf(keyAsOf), top: topOf(keyAsOf) ?? null }) : null;
    const hit = cache && key ? cache.lookup(key.key) : null;
    if (hit) checkDate(hit.meta.asOf);
    const tKey = io.now();

    let ex: Extraction | null = null;
    if (!hit) {
      siteData = writingTo(shown(deps.cacheDir), () => claimSiteDataName(io.fs, deps.cacheDir, cacheName(outDir), process.pid, processRunning, extractOnly));
      const job: ExtractJob = {
        dataDir,
        config: configFile,
        asOfArg,
        clock: io.now(),
        maxPages,
        maxFilterMb,
        format,
        pipeline,
        redaction,
        publish,
        store,
        version,
        cacheDir: deps.cacheDir,
        name: siteData.name,
        csv: extractOnly ? null : { outDir, outArg },
        filterScript: extractOnly || deps.filterScriptCache === undefined ? null : { cacheDir: deps.filterScriptCache },
        quiet,
      };
      const large = dataFolderBytes(dataDir) >= (deps.largeDataBytes ?? CHILD_EXTRACT_BYTES);
      if (deps.extractInChild && (large || !extractOnly)) {
        // The render's folder first: an --out that cannot be written is said before a child is started.
        const renderDir = large ? undefined : scratchDir();
        // Beside Astro, the account pages' CSV files are written while the pages render, not before.
        const extraction = runJobInChild({ ...job, csvsLater: renderDir !== undefined }, (dirs) => scratch.push(...dirs));
        // Awaited below; an error thrown before then would leave its rejection unheard, and Node end the process with a stack.
        extraction.catch(() => {});
        if (renderDir !== undefined) {
          // Astro loads and bundles meanwhile, and renders once the data is written and checked (early.go below).
          const options = renderOptions({ quiet, publish, pageBundles: deps.pageBundlesCache }, renderDir, siteDataFile(deps.cacheDir, job.name), { relativeLinks: relativeLinksFor(publish), accountCsvsWritten: true });
          early = renderBeside(deps.render, options);
        }
        ex = await extraction;
        filesWritten = ex.filesWritten;
      } else {
        ex = await runJob(job, { fs: io.fs, readFolder: deps.readFolder, now: () => io.now(), progress: progressStream(io), makeFilesDir: extractOnly ? undefined : scratchDir });
      }
    }
    const asOf = hit ? hit.meta.asOf : ex!.asOf;
    // Again with the band the build was made with (before anything is written to --out).
    checkRedaction((hit ? hit.meta.facts : ex!.facts).redacted?.amount_band ?? null);
    const earlier = earlierOf(asOf);
    // The read's time includes making the cache key (hashing the data folder).
    const t1 = tKey + (ex?.readMs ?? 0);
    const t2 = io.now();
    const words = quiet ? null : await runText();
    const say = (line: (text: CliText) => string) => words && log(`build: ${line(words)}`);
    if (ex) say((t) => t.built({ deals: ex.deals, asOf, read: sec(t1 - t0), views: sec(t2 - t1) }));
    else say((t) => t.reused({ asOf, from: shown(cache!.dir), time: sec(t2 - t0) }));
    if (extractOnly) {
      say((t) => t.wroteData({ path: shown(ex!.current.dataPath) }));
      return EXIT.ok;
    }

    // --strict, --max-rejected, --max-data-age: a bad or stale export never replaces a good dashboard.
    const texts = ex ? ex.reports : await reusedReports(io, hit!, publish, asOf);
    // In the config's language (or --lang), as the Data quality page says the same rows (their words loaded only then).
    const lines = texts.gate.failure || texts.gate.rejected > 0 ? await gateLines(texts.gate, await locale()) : null;
    // Said in the log too: a daily CI run that rejects rows would otherwise only say so on a page.
    if (lines?.passed) log(`build: ${lines.passed}`);
    const stop = lines?.stop ?? null;
    if (stop !== null) {
      const summary = publish.summary;
      if (summary && texts.summary !== null) writeReport(io, summary, texts.summary);
      io.stderr.write(`build: ${stop}\n`);
      // Not the changes of a dashboard that was not replaced, nor the digest a run before left.
      if (publish.digest) await writeStoppedReports(io, { reports: [publish.digest], config: configSource }, EXIT.strict, `build: ${stop}`);
      return EXIT.strict;
    }

    // The report files before the output is swapped in: one that cannot be written (its folder a file, a read-only
    // disk) stops the build with the earlier output as it was, and a swap that fails after them writes them again as
    // stopped (below). Standard output after it: what is printed cannot be taken back.
    const reports = [
      [publish.digest, texts.digest],
      [publish.summary, texts.summary],
    ] as const;
    for (const [file, text] of reports) if (file && text !== null && file.path !== STDOUT) writeReport(io, file, text);
    early?.go();
    const output = await writeOutput({
      io,
      outDir,
      outArg,
      protectedFolders,
      publish,
      quiet,
      asOf,
      facts: hit ? hit.meta.facts : ex!.facts,
      earlier,
      storeShown: store.shown,
      render: deps.render,
      ...(deps.pageBundlesCache ? { pageBundles: deps.pageBundlesCache } : {}),
      scratchDir,
      from: hit ? { cached: hit, cache: cache! } : { extraction: ex!, early },
      // Never stored under a key made from other files (one changed while it was read) or another date.
      store: cache && key && ex && ex.asOf === keyAsOf && sameInputs(ex.inputs, key.inputs) ? { cache, key: key.key } : null,
    });
    replaced = true;
    const t3 = output.placedAt;
    for (const [file, text] of reports) if (file && text !== null && file.path === STDOUT) writeReport(io, file, text);
    const { manifest } = output;
    if (publish.snapshot) {
      // A backfilled snapshot: `/` stays on the later date it renders (manifest.as_of).
      const top = manifest.as_of === asOf ? {} : { top: manifest.as_of };
      const folder = shown(join(outDir, SNAPSHOTS_DIR));
      say((t) => t.snapshot({ asOf, replaced: store.snapshots.length > earlier.length, count: manifest.snapshots.length, folder, ...top }));
    } else if (publish.keptSnapshot && manifest.as_of !== asOf) {
      say((t) => t.topKept({ top: manifest.as_of }));
    } else if (!publish.keptSnapshot) {
      // Asked for a past date without a snapshot: rendered as asked, said, since the site's history goes further.
      const latest = store.snapshots.map((x) => x.asOf).sort().at(-1);
      if (latest !== undefined && latest > manifest.as_of) say((t) => t.topBehind({ asOf: manifest.as_of, latest }));
    }
    const t4 = io.now();
    for (const warning of output.warnings) io.stderr.write(`build: ${await sayIn(msg('warning'))}: ${await sayIn(warning)}\n`);
    if (output.added) {
      const { entries, basis } = output.added;
      const kept = { out: shown(outDir), entries };
      // Without the previous build's file list this is a guess: said even with --quiet, once.
      if (basis === 'listed') log(`build: ${await sayIn(msg('kept_added', kept))}`);
      else if (basis === 'hosting') log(`build: ${await sayIn(msg('kept_hosting', kept))}`);
      else io.stderr.write(`build: ${await sayIn(msg('warning'))}: ${await sayIn(msg('kept_guessed', kept))}\n`);
    }
    const how = output.upToDate ? ('upToDate' as const) : hit ? ('reused' as const) : { astro: sec(t3 - t2) };
    say((t) => t.pages({ pages: manifest.pages, mb: (manifest.bytes / 1e6).toFixed(1), out: shown(outDir), how, total: sec(t4 - t0) }));
    if (args.timings === true) {
      const timings = { read: t1 - t0, views: t2 - t1, astro: t3 - t2, write: t4 - t3, total: t4 - t0 };
      const ms = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]));
      const pages = pagesRenderedFrom();
      io.stderr.write(`${JSON.stringify({ timings_ms: ms, ...(cache ? { cache: hit ? 'hit' : 'miss' } : {}), ...(pages ? { pages } : {}) })}\n`);
    }
    return EXIT.ok;
  } catch (e) {
    const said: string[] = [];
    const words = await fatalWords(e, fatalLocale);
    const code = reportError('build', e, { write: (text: string) => (said.push(text), io.stderr.write(text)) }, e instanceof UsageError ? await usage() : '', words);
    if (stopped && !replaced) await writeStoppedReports(io, stopped, code, said.join(''));
    return code;
  } finally {
    await early?.stop();
    // The extraction's process may still be writing into one of them.
    await filesWritten?.catch(() => {});
    for (const dir of scratch) removeQuietly(io.fs, dir);
    releaseSiteData();
    releaseScratch();
  }
}

/**
 * Where the arguments put the data, the output, the config and the reports, and the reports a build that stops
 * writes (none over the config). Read before the other options: a build any of them stops says so there too.
 */
function reportPlaces(args: Args, io: CliIO) {
  const dataDir = resolve(io.cwd, optionalString(args.data) ?? 'data/sample');
  const outDir = resolve(io.cwd, optionalString(args.out) ?? 'dist');
  const configFile = configOption(args.config, io.cwd);
  const configSource: ConfigSource = { dataDir, file: configFile };
  const reportArgs = reportOptions(args, io.cwd, outDir, dataDir);
  // A report written over the config would lose it: never written (the paths are compared as given and as the links lead), and refused later.
  const isConfig = (file: FileArg) => configFile !== undefined && file.path !== STDOUT && sameFile(io.fs, file.path, configFile.path);
  const reports = [reportArgs.summary, reportArgs.digest].filter((file) => file !== null);
  const stopped: StoppedReports | null = reports.length > 0 && !reports.some(isConfig) ? { reports, config: configSource } : null;
  return { dataDir, outDir, configFile, configSource, reportArgs, isConfig, stopped };
}

/** The gate's lines in `locale`: why it stopped the build, or how many rows went when it let the build through. */
async function gateLines(gate: Quality, locale: Locale): Promise<{ stop: string | null; passed: string | null }> {
  const { gateMessage, passedMessage } = await import('./lib/quality-gate.ts');
  return { stop: gateMessage(gate, locale), passed: passedMessage(gate, locale) };
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

/** The command as a process runs it (scripts/launch.mjs calls it in the compiled bundle). */
export const runCli = (argv: string[]): Promise<number> => {
  guardStandardOutput('build', process.stdout, process.stderr, argvLocale(argv));
  return main(argv, nodeIO());
};

if (import.meta.main) process.exitCode = await runCli(process.argv.slice(2));
