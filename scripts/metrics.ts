/**
 * npm run --silent metrics -- --data <folder> --as-of <YYYY-MM-DD> --out <file|->
 *
 * Thin CLI: parse arguments, read the folder, compute, validate, write atomically.
 * Exit codes (scripts/lib/cli.ts): 0 processed (rejected rows are in
 * data_quality), 1 a problem with the files (missing file or column, invalid
 * config, an input that cannot be read, an output that cannot be written),
 * 2 bad arguments, 3 --strict and the data has errors, 70 internal error (a bug).
 */
import { basename, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { DATA_FILE_NAME } from '../src/lib/ingest/export-listing.ts';
import { prestartHistoryWorker } from '../src/lib/ingest/history-thread.ts';
import { readFolder as realReadFolder, type ReadFolderOptions } from '../src/lib/ingest/read-folder.ts';
import { FORMATS } from '../src/lib/ingest/vendor/registry.ts';
import { computeAt, prepare } from '../src/lib/metrics/index.ts';
import { metricsChunks } from '../src/lib/metrics/serialize.ts';
import type { Metrics } from '../src/lib/metrics/schema.ts';
import { localDateOf } from '../src/lib/time.ts';
import { redact, type RedactOptions } from '../src/lib/ingest/redact.ts';
import { type CliIO, EXIT, guardStandardOutput, nodeIO, readingInput, progressStream, reportError, writingTo } from './lib/cli.ts';
import { argvLocale, fatalWords } from './lib/fatal-words.ts';
import { checkConfigFile, type ConfigFile, configOption, langOption, replacedConfigNotice } from './lib/config-option.ts';
import type { Issue } from '../src/lib/dataset.ts';
import { CLI_TEXT, firstOfEachKind, issuesQuoted, warningCount, warningsSaid } from '../src/lib/i18n/cli-text.ts';
import { type Locale, uiLocale } from '../src/lib/i18n/locales.ts';
import { asOfOption, choiceOption, optionalString, outputDestination, parseArgs, UsageError, writeFileAtomic } from './lib/io.ts';
import { msg } from '../src/lib/i18n/cli-messages.ts';
import { isWithin, realish } from './lib/out-dir.ts';
import { REDACT_ARGS, REDACT_USAGE, redactOption } from './lib/redact-args.ts';
import { type ProgressReporter, progressReporter } from './lib/progress.ts';

const USAGE = `usage: npm run --silent metrics -- --data <folder> [--config <file>] [--lang en|ko] [--as-of YYYY-MM-DD] [--out <file>|-] [--format ${FORMATS.join('|')}] [--pipeline <name>] [--quiet] [--strict] [--timings] ${REDACT_USAGE}`;

/** What main reads the data with (a test can pass its own). */
export interface MetricsDeps {
  readFolder: typeof realReadFolder;
}

export async function main(argv: string[], io: CliIO, deps: MetricsDeps = { readFolder: realReadFolder }): Promise<number> {
  const stderr = io.stderr;
  let progress: ProgressReporter | undefined;
  // The language of an error: --lang (as the arguments give it until they are parsed), else the config's once known, else English.
  let fatalLocale = async (): Promise<Locale> => argvLocale(argv) ?? 'en';
  try {
    const args = parseArgs(argv, { data: 'value', config: 'value', lang: 'value', 'as-of': 'value', out: 'value', quiet: 'flag', strict: 'flag', timings: 'flag', help: 'flag', format: 'value', pipeline: 'value', ...REDACT_ARGS });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (typeof args.data !== 'string' || args.data === '') throw new UsageError(msg('data_required'));
    const asOfArg = asOfOption(args['as-of']);
    const format = choiceOption('format', args.format, FORMATS);
    const lang = langOption(args.lang);
    const dataDir = resolve(io.cwd, args.data);
    const outArg = optionalString(args.out) ?? '-';
    if (outArg === '') throw new UsageError(msg('out_needs_file'));
    const outPath = outArg === '-' ? undefined : resolve(io.cwd, outArg);
    const config = configOption(args.config, io.cwd);
    const redaction = redactOption(args, config);
    // The config is read for it only when there is an error to say (build-reuse.ts is loaded only then).
    fatalLocale = async () => lang ?? (await (await import('./lib/build-reuse.ts')).configLocale({ dataDir, file: config }, io));
    if (outPath !== undefined) checkOutFile(io, outArg, outPath, dataDir, config);
    checkConfigFile(config, io.fs);
    await replacedConfigNotice('metrics', { dataDir, file: config }, io, fatalLocale);

    progress = progressReporter(progressStream(io), { quiet: args.quiet === true, now: () => io.now() });
    const started = io.now();
    const run = await computeRun(deps, dataDir, { onProgress: progress.update, format, pipeline: optionalString(args.pipeline), config }, redaction, asOfArg, io);
    const t3 = io.now();
    // Validated before the first piece is written; then written piece by piece, never one string.
    const chunks = metricsChunks(run.metrics);
    const t4 = io.now();
    progress.done(io.now() - started);
    progress = undefined;
    if (outPath === undefined) for (const piece of chunks) io.stdout.write(piece);
    else writingTo(outArg, () => writeFileAtomic(outPath, chunks, io.fs));
    if (args.timings === true) {
      // One JSON line on stderr for `npm run bench`: where the time goes, and the peak memory.
      const phases = { read: run.readMs, model: run.modelMs, metrics: run.metricsMs, validate: t4 - t3, write: io.now() - t4 };
      const line = {
        rows: run.rows,
        stage_rows: run.stageRows,
        history_thread: run.historyThread,
        field_history_thread: run.fieldHistoryThread,
        other_files_thread: run.otherFilesThread,
        phases_ms: phases,
        max_rss_mb: process.resourceUsage().maxRSS / 1024,
      };
      stderr.write(`${JSON.stringify(line)}\n`);
    }
    if (run.rejected > 0) {
      // In the config's language (or --lang), quoting the first rows as the Data quality page says them.
      const locale = lang ?? run.locale;
      const said = { rejected: run.rejected, rows: run.rows, detail: issuesQuoted(run.firstErrors, run.rejected, locale) };
      if (args.strict === true) {
        stderr.write(`metrics: ${CLI_TEXT[locale].metricsStrict(said)}\n`);
        return EXIT.strict;
      }
      // Said in the log too (as the build does): a daily CI run that rejects rows would otherwise only say so inside the JSON.
      if (args.quiet !== true) stderr.write(`metrics: ${CLI_TEXT[locale].metricsRejected(said)}\n`);
    }
    const warned = args.quiet === true ? null : warningsSaid(run.firstWarnings, run.warnings, 'output', lang ?? run.locale);
    if (warned !== null) stderr.write(`metrics: ${warned}\n`);
    return EXIT.ok;
  } catch (e) {
    progress?.done();
    return reportError('metrics', e, stderr, USAGE, await fatalWords(e, fatalLocale));
  }
}

/**
 * Read, prepare and compute. Only the metrics and a few counts leave this
 * function, so the dataset and its timelines can be collected while the
 * output is written (at a million deals they are most of the heap).
 */
async function computeRun(
  deps: MetricsDeps,
  dataDir: string,
  options: ReadFolderOptions,
  redaction: RedactOptions | undefined,
  asOfArg: string | undefined,
  io: CliIO,
): Promise<{
  metrics: Metrics;
  rows: number;
  stageRows: number;
  historyThread: boolean;
  fieldHistoryThread: boolean;
  otherFilesThread: boolean;
  rejected: number;
  /** The first rejected row of each kind (what --strict quotes), and the config's language. */
  firstErrors: Issue[];
  warnings: number;
  /** The first warning of each kind (`warningsSaid`). */
  firstWarnings: Issue[];
  locale: Locale;
  readMs: number;
  modelMs: number;
  metricsMs: number;
}> {
  const t0 = io.now();
  const read = await readingInput(deps.readFolder(dataDir, options));
  // --redact: pseudonyms before anything is computed, so every output is redacted by construction.
  const { dataset, config } = redaction ? redact(read.dataset, read.config, redaction) : read;
  // The clock is read here, in the CLI, and nowhere in the engine.
  const asOf = asOfArg ?? localDateOf(io.now(), config.timezone);
  const t1 = io.now();
  const prepared = prepare(dataset, config);
  const t2 = io.now();
  const { metrics } = computeAt(prepared, asOf);
  const files = Object.values(dataset.files);
  return {
    metrics,
    rows: files.reduce((sum, f) => sum + f.rows, 0),
    stageRows: dataset.stageHistory.length,
    historyThread: read.historyThread === true,
    fieldHistoryThread: read.fieldHistoryThread === true,
    otherFilesThread: read.otherFilesThread === true,
    rejected: files.reduce((sum, f) => sum + f.rejected, 0),
    firstErrors: firstOfEachKind(dataset.issues),
    warnings: warningCount(dataset.issues),
    firstWarnings: firstOfEachKind(dataset.issues, 'warning'),
    locale: uiLocale(config.locale),
    readMs: t1 - t0,
    modelMs: t2 - t1,
    metricsMs: io.now() - t2,
  };
}

/** `--out` must be a file path, and never one of the data folder's inputs, nor the --config file. */
function checkOutFile(io: CliIO, outArg: string, outPath: string, dataDir: string, config: ConfigFile | undefined): void {
  const stat = writingTo(outArg, () => io.fs.statSync(outPath, { throwIfNoEntry: false }));
  if (stat?.isDirectory()) throw new UsageError(msg('out_folder_not_file', { out: outArg, example: outArg.replace(/\/+$/u, '') }));
  // Before computing: a link to nothing, a socket or a block device is refused (writeFileAtomic writes into a FIFO or /dev/null).
  writingTo(outArg, () => outputDestination(outPath, io.fs));
  const real = writingTo(outArg, () => realish(io.fs, outPath));
  const data = writingTo(outArg, () => realish(io.fs, dataDir));
  const name = basename(real);
  // Any file the folder's reader would read (a workbook or a ZIP archive of exports too): never written over.
  if (isWithin(real, data) && (DATA_FILE_NAME.test(name) || name.toLowerCase() === 'pipeline.config.json')) {
    throw new UsageError(msg('out_is_input', { out: outArg }));
  }
  if (config && real === writingTo(outArg, () => realish(io.fs, config.path))) throw new UsageError(msg('out_is_config', { out: outArg }));
}

/**
 * The command as a process runs it (scripts/launch.mjs calls it in the compiled bundle, with the
 * stage-history worker it started ahead). Run from its sources, it starts that worker itself, first,
 * so that its start still overlaps reading the arguments, the config and the folder's listing.
 */
export async function runCli(argv: string[], started: Record<string, Worker> = {}): Promise<number> {
  const historyWorker = started['history-thread-worker'] ?? (availableParallelism() > 1 ? prestartHistoryWorker() : undefined);
  guardStandardOutput('metrics', process.stdout, process.stderr, argvLocale(argv));
  try {
    return await main(argv, nodeIO(), { readFolder: (folder, options) => realReadFolder(folder, { ...options, historyWorker }) });
  } finally {
    // Not given a job (a small or vendor folder, an error): stopped (a second stop is harmless).
    void historyWorker?.terminate();
  }
}

if (import.meta.main) process.exitCode = await runCli(process.argv.slice(2));
