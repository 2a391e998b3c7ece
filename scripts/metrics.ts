/**
 * npm run --silent metrics -- --data <folder> --as-of <YYYY-MM-DD> --out <file|->
 *
 * Thin CLI: parse arguments, read the folder, compute, validate, write atomically.
 * Exit codes: 0 processed (rejected rows are in data_quality), 1 fatal input problem
 * (missing file or column, invalid config), 2 bad arguments, 3 --strict and the data
 * has errors.
 */
import { performance } from 'node:perf_hooks';
import { readFolder } from '../src/lib/ingest/read-folder.ts';
import { computeAt, prepare } from '../src/lib/metrics/index.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { isLocalDate, localDateOf } from '../src/lib/time.ts';
import { fatalMessage, optionalString, parseArgs, UsageError, writeFileAtomic } from './lib/io.ts';
import { progressReporter } from './lib/progress.ts';

const USAGE = 'usage: npm run --silent metrics -- --data <folder> [--as-of YYYY-MM-DD] [--out <file>|-] [--format canonical|salesforce-report|salesforce-api|hubspot|pipedrive] [--pipeline <name>] [--quiet] [--strict] [--timings]';

async function main(argv: string[]): Promise<number> {
  let args: Record<string, string | true>;
  try {
    args = parseArgs(argv, { data: 'value', 'as-of': 'value', out: 'value', quiet: 'flag', strict: 'flag', timings: 'flag', help: 'flag', format: 'value', pipeline: 'value' });
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (typeof args.data !== 'string') throw new UsageError('--data <folder> is required');
    if (args['as-of'] !== undefined && !isLocalDate(String(args['as-of']))) {
      throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${String(args['as-of'])}"`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`metrics: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const progress = progressReporter(process.stderr, { quiet: args.quiet === true });
  const started = performance.now();
  let result;
  try {
    result = await readFolder(args.data, { onProgress: progress.update, format: optionalString(args.format), pipeline: optionalString(args.pipeline) });
  } catch (e) {
    progress.done();
    process.stderr.write(fatalMessage('metrics', e));
    return 1;
  }
  const { dataset, config } = result;
  // The clock is read here, in the CLI, and nowhere in the engine.
  const asOf = typeof args['as-of'] === 'string' ? args['as-of'] : localDateOf(Date.now(), config.timezone);
  const read = performance.now();
  const prepared = prepare(dataset, config);
  const modelled = performance.now();
  const { metrics } = computeAt(prepared, asOf);
  const computed = performance.now();
  const text = serializeMetrics(metrics);
  const serialized = performance.now();
  progress.done(performance.now() - started);
  const out = typeof args.out === 'string' ? args.out : '-';
  if (out === '-') process.stdout.write(text);
  else writeFileAtomic(out, text);
  if (args.timings === true) {
    // One JSON line on stderr for `npm run bench`: where the time goes, and the peak memory.
    const rows = Object.values(dataset.files).reduce((sum, f) => sum + f.rows, 0);
    const phases = {
      read: read - started,
      model: modelled - read,
      metrics: computed - modelled,
      serialize: serialized - computed,
      write: performance.now() - serialized,
    };
    process.stderr.write(`${JSON.stringify({ rows, phases_ms: phases, max_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  const rejected = Object.values(dataset.files).reduce((sum, f) => sum + f.rejected, 0);
  if (args.strict === true && rejected > 0) {
    process.stderr.write(`metrics: --strict: ${rejected} rejected row(s); see data_quality in the output\n`);
    return 3;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
