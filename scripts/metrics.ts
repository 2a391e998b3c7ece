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
import { readFolder as realReadFolder } from '../src/lib/ingest/read-folder.ts';
import { FORMATS } from '../src/lib/ingest/vendor/registry.ts';
import { computeAt, prepare } from '../src/lib/metrics/index.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { localDateOf } from '../src/lib/time.ts';
import { redact } from '../src/lib/ingest/redact.ts';
import { type CliIO, EXIT, nodeIO, readingInput, progressStream, reportError, writingTo } from './lib/cli.ts';
import { asOfOption, choiceOption, optionalString, parseArgs, UsageError, writeFileAtomic } from './lib/io.ts';
import { isWithin, realish } from './lib/out-dir.ts';
import { REDACT_ARGS, REDACT_USAGE, redactOption } from './lib/redact-args.ts';
import { type ProgressReporter, progressReporter } from './lib/progress.ts';

const USAGE = `usage: npm run --silent metrics -- --data <folder> [--as-of YYYY-MM-DD] [--out <file>|-] [--format ${FORMATS.join('|')}] [--pipeline <name>] [--quiet] [--strict] [--timings] ${REDACT_USAGE}`;

/** What main reads the data with (a test can pass its own). */
export interface MetricsDeps {
  readFolder: typeof realReadFolder;
}

/** Files in the data folder the reader may read: never overwritten by --out. */
const INPUT_FILE = /\.(csv|tsv|txt)$/iu;

export async function main(argv: string[], io: CliIO, deps: MetricsDeps = { readFolder: realReadFolder }): Promise<number> {
  const stderr = io.stderr;
  let progress: ProgressReporter | undefined;
  try {
    const args = parseArgs(argv, { data: 'value', 'as-of': 'value', out: 'value', quiet: 'flag', strict: 'flag', timings: 'flag', help: 'flag', format: 'value', pipeline: 'value', ...REDACT_ARGS });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (typeof args.data !== 'string' || args.data === '') throw new UsageError('--data <folder> is required');
    const asOfArg = asOfOption(args['as-of']);
    const format = choiceOption('format', args.format, FORMATS);
    const redaction = redactOption(args);
    const dataDir = resolve(io.cwd, args.data);
    const outArg = optionalString(args.out) ?? '-';
    if (outArg === '') throw new UsageError('--out needs a file, or - for standard output');
    const outPath = outArg === '-' ? undefined : resolve(io.cwd, outArg);
    if (outPath !== undefined) checkOutFile(io, outArg, outPath, dataDir);

    progress = progressReporter(progressStream(io), { quiet: args.quiet === true, now: () => io.now() });
    const started = io.now();
    let read = await readingInput(deps.readFolder(dataDir, { onProgress: progress.update, format, pipeline: optionalString(args.pipeline) }));
    // --redact: pseudonyms before anything is computed, so every output is redacted by construction.
    const { dataset, config } = redaction ? redact(read.dataset, read.config, redaction) : read;
    // The clock is read here, in the CLI, and nowhere in the engine.
    const asOf = asOfArg ?? localDateOf(io.now(), config.timezone);
    const t1 = io.now();
    const prepared = prepare(dataset, config);
    const t2 = io.now();
    const { metrics } = computeAt(prepared, asOf);
    const t3 = io.now();
    const text = serializeMetrics(metrics);
    const t4 = io.now();
    progress.done(io.now() - started);
    progress = undefined;
    if (outPath === undefined) io.stdout.write(text);
    else writingTo(outArg, () => writeFileAtomic(outPath, text, io.fs));
    if (args.timings === true) {
      // One JSON line on stderr for `npm run bench`: where the time goes, and the peak memory.
      const rows = Object.values(dataset.files).reduce((sum, f) => sum + f.rows, 0);
      const phases = { read: t1 - started, model: t2 - t1, metrics: t3 - t2, serialize: t4 - t3, write: io.now() - t4 };
      stderr.write(`${JSON.stringify({ rows, stage_rows: dataset.stageHistory.length, phases_ms: phases, max_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
    }
    const rejected = Object.values(dataset.files).reduce((sum, f) => sum + f.rejected, 0);
    if (args.strict === true && rejected > 0) {
      stderr.write(`metrics: --strict: ${rejected} rejected row(s); see data_quality in the output\n`);
      return EXIT.strict;
    }
    return EXIT.ok;
  } catch (e) {
    progress?.done();
    return reportError('metrics', e, stderr, USAGE);
  }
}

/** `--out` must be a file path, and never one of the data folder's inputs. */
function checkOutFile(io: CliIO, outArg: string, outPath: string, dataDir: string): void {
  const stat = writingTo(outArg, () => io.fs.statSync(outPath, { throwIfNoEntry: false }));
  if (stat?.isDirectory()) throw new UsageError(`--out ${outArg} is a folder; give a file, such as ${outArg.replace(/\/+$/u, '')}/metrics.json, or - for standard output`);
  const real = writingTo(outArg, () => realish(io.fs, outPath));
  const data = writingTo(outArg, () => realish(io.fs, dataDir));
  const name = basename(real);
  if (isWithin(real, data) && (INPUT_FILE.test(name) || name === 'pipeline.config.json')) {
    throw new UsageError(`--out ${outArg} is an input in the data folder; write the metrics somewhere else`);
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), nodeIO());
