/**
 * npm run sample -- [--deals N] [--out DIR] [--seed S] [--end YYYY-MM-DD]
 *                   [--years Y] [--accounts N] [--history-rows R] [--no-issues] [--quiet]
 *
 * Writes a generated data folder (scripts/lib/sample/). Without options it
 * regenerates the committed sample, data/sample/: 2,000 deals over the three
 * years ending 2026-06-30, seed 20260630. For a benchmark folder, e.g.
 *
 *   node scripts/sample-data.ts --deals 100000 --history-rows 10 --out bench-data/100k
 *
 * Files are streamed to temporary names and renamed when complete, so a
 * reader never sees half a folder's file. A README.md in the folder is left alone.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DATASET_FILES, type DatasetFile, type GenerateOptions, streamDataset } from './lib/sample/index.ts';
import { parseArgs, UsageError } from './lib/io.ts';
import { isLocalDate } from '../src/lib/time.ts';
import { makeDirs } from './lib/make-dirs.ts';

const USAGE =
  'usage: node scripts/sample-data.ts [--deals N] [--out DIR] [--seed S] [--end YYYY-MM-DD] [--years Y] [--accounts N] [--history-rows R] [--no-issues] [--quiet]';
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function positiveInt(name: string, v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, not "${String(v)}"`);
  return n;
}

function main(argv: string[]): number {
  let options: GenerateOptions;
  let out: string;
  let quiet: boolean;
  try {
    const args = parseArgs(argv, {
      deals: 'value',
      out: 'value',
      seed: 'value',
      end: 'value',
      years: 'value',
      accounts: 'value',
      'history-rows': 'value',
      'no-issues': 'flag',
      quiet: 'flag',
      help: 'flag',
    });
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const end = args.end;
    if (end !== undefined && (typeof end !== 'string' || !isLocalDate(end))) throw new UsageError(`--end must be a date YYYY-MM-DD, not "${String(end)}"`);
    const seed = args.seed === undefined ? undefined : Number(args.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, not "${String(args.seed)}"`);
    const years = args.years === undefined ? undefined : Number(args.years);
    if (years !== undefined && !(years > 0 && years <= 50)) throw new UsageError(`--years must be a number in (0, 50], not "${String(args.years)}"`);
    const rows = args['history-rows'] === undefined ? undefined : Number(args['history-rows']);
    if (rows !== undefined && !(rows >= 1 && rows <= 100)) throw new UsageError(`--history-rows must be a number in [1, 100], not "${String(args['history-rows'])}"`);
    out = resolve(typeof args.out === 'string' ? args.out : join(ROOT, 'data', 'sample'));
    quiet = args.quiet === true;
    const schemaRef = relative(out, join(ROOT, 'pipeline.config.schema.json')).split('\\').join('/');
    options = {
      deals: positiveInt('deals', args.deals),
      accounts: positiveInt('accounts', args.accounts),
      seed,
      endDate: end,
      years,
      historyRowsPerDeal: rows,
      dataQualityIssues: args['no-issues'] !== true,
      schemaRef,
    };
    // Leave undefined options out so the generator's defaults apply.
    for (const k of Object.keys(options) as (keyof GenerateOptions)[]) if (options[k] === undefined) delete options[k];
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`sample-data: ${e.message}\n${USAGE}\n`);
    return 2;
  }

  const started = performance.now();
  makeDirs(out);
  const tmp = (f: DatasetFile) => join(out, `.${f}.${process.pid}.tmp`);
  const fds = new Map<DatasetFile, number>(DATASET_FILES.map((f) => [f, openSync(tmp(f), 'w')]));
  const bytes = new Map<DatasetFile, number>();
  let summary;
  try {
    summary = streamDataset(options, (file, chunk) => {
      bytes.set(file, (bytes.get(file) ?? 0) + writeSync(fds.get(file)!, chunk));
    });
  } catch (e) {
    for (const f of DATASET_FILES) rmSync(tmp(f), { force: true });
    throw e;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  for (const f of DATASET_FILES) renameSync(tmp(f), join(out, f));
  const ms = performance.now() - started;
  if (!quiet) {
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    const total = [...bytes.values()].reduce((s, n) => s + n, 0);
    process.stderr.write(
      `sample-data: wrote ${out} in ${(ms / 1000).toFixed(2)} s (${mb(total)})\n` +
        `  deals.csv          ${summary.dealRows} rows (${summary.deals} simulated: ${summary.open} open, ${summary.won} won, ${summary.lost} lost)  ${mb(bytes.get('deals.csv') ?? 0)}\n` +
        `  stage_history.csv  ${summary.stageHistoryRows} rows (${(summary.stageHistoryRows / summary.deals).toFixed(2)} per deal)  ${mb(bytes.get('stage_history.csv') ?? 0)}\n` +
        `  field_history.csv  ${summary.fieldHistoryRows} rows  ${mb(bytes.get('field_history.csv') ?? 0)}\n` +
        `  accounts.csv       ${summary.accounts} rows; targets.csv ${summary.targetRows} rows\n`,
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
