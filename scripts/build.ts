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
import { relative } from 'node:path';
import { MAX_FILTER_DATA_MB } from '../src/lib/filters/build-data.ts';
import { ARGS, formats, reportPlaces, usage } from './lib/build-args.ts';
import { type BuildDeps, defaultBuildDeps } from './lib/build-deps.ts';
import { extractFor } from './lib/build-extraction.ts';
import { outputLines, sec, snapshotLines, stoppedByGate, timingsLine } from './lib/build-lines.ts';
import { checkPlaces } from './lib/build-places.ts';
import { buildKey, configAmountBand, configLocale, openCache, reusedReports, sameInputs, todayFor } from './lib/build-reuse.ts';
import { type CliIO, EXIT, guardStandardOutput, nodeIO, reportError, writingTo } from './lib/cli.ts';
import { argvLocale, fatalWords } from './lib/fatal-words.ts';
import { cliMessage, type CliMessage, msg } from '../src/lib/i18n/cli-messages.ts';
import { langOption } from './lib/config-option.ts';
import { datedRules, type ExtractJob } from './lib/extract-child.ts';
import type { Extraction } from './lib/extract.ts';
import { type Args, asOfOption, choiceOption, lenientArgs, optionalString, parseArgs, UsageError, wholeNumberOption } from './lib/io.ts';
import { onInterrupt } from './lib/interrupt.ts';
import { makeStagingDir, processRunning, removeQuietly } from './lib/out-dir.ts';
import { writeOutput } from './lib/output.ts';
import { pipescopeVersion } from './lib/project.ts';
import { publishOptions, STDOUT } from './lib/publish.ts';
import { type StoppedReports, writeReport, writeStoppedReports } from './lib/report-files.ts';
import type { Locale } from '../src/lib/i18n/locales.ts';
import type { CliText } from '../src/lib/i18n/cli-text.ts';
import { redactOption } from './lib/redact-args.ts';
import type { EarlyRender } from './lib/render-beside.ts';
import { cacheName, claimSiteDataName, type SiteDataName } from './lib/site-data-file.ts';
import { missedWeekday, snapshotOnWeekday, type WeekdaySkipped } from './lib/snapshot-weekday.ts';
import { checkPlainBuildSnapshots, checkRedactedSnapshots, findSnapshots } from './lib/snapshots.ts';

export { PROJECT_ROOT } from './lib/project.ts';
export { type RenderOptions, SITE_DATA_ENV } from './lib/astro-render.ts';
export type { BuildManifest } from './lib/output.ts';

export async function main(argv: string[], io: CliIO, deps: BuildDeps = defaultBuildDeps): Promise<number> {
  // Folders of this build beside --out (rendered sites, the files added beside the pages): moved into the output or removed.
  const scratch: string[] = [];
  // Astro, when started while the data is extracted: stopped (if it has not got to its pages) before those folders go.
  let early = null as EarlyRender | null;
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
    const { cacheArg, cacheDir, protectedFolders, outState } = await checkPlaces({ io, deps, args, dataDir, outDir, outArg, configFile, configSource, extractOnly, redaction, shown, log, locale, sayIn });
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
      ex = await extractFor(job, { io, deps, dataDir, extractOnly, quiet, publish, scratchDir, madeDirs: (dirs) => scratch.push(...dirs), renderStarted: (render) => (early = render) });
      filesWritten = ex.filesWritten;
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
    if (await stoppedByGate(io, texts, { publish, configSource, locale, log })) return EXIT.strict;

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
    snapshotLines(say, { publish, asOf, manifest, store, earlier, outDir, shown });
    const t4 = io.now();
    await outputLines(io, output, { outDir, shown, log, sayIn });
    const how = output.upToDate ? ('upToDate' as const) : hit ? ('reused' as const) : { astro: sec(t3 - t2) };
    say((t) => t.pages({ pages: manifest.pages, mb: (manifest.bytes / 1e6).toFixed(1), out: shown(outDir), how, total: sec(t4 - t0) }));
    if (args.timings === true) timingsLine(io, { read: t1 - t0, views: t2 - t1, astro: t3 - t2, write: t4 - t3, total: t4 - t0 }, cache ? (hit ? 'hit' : 'miss') : null);
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

/** The command as a process runs it (scripts/launch.mjs calls it in the compiled bundle). */
export const runCli = (argv: string[]): Promise<number> => {
  guardStandardOutput('build', process.stdout, process.stderr, argvLocale(argv));
  return main(argv, nodeIO());
};

if (import.meta.main) process.exitCode = await runCli(process.argv.slice(2));
