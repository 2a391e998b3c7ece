/**
 * npm run bench [-- --deals 100000 --history-rows 10 --runs 3 --regen --skip-adapter --with-1m --busy-core]
 *
 * Generates (once, seeded) large data sets into bench-data/, then times, in
 * the same run, the full metrics command and DuckDB doing the same reads and
 * the same core aggregations, alternately, each in its own process so peak
 * RSS is its own: at 10k, 100k and 300k deals (and 1M with --with-1m; or
 * only --deals N with --only), one row per size with wall time, CPU time
 * (user + system, all threads, from /proc on Linux: tree-rss.ts), peak RSS and the
 * ratios, then rows/s and Pipescope's phases at --deals. A script, not a
 * test: numbers depend on the machine. --typed-duckdb adds a third run per
 * round, DuckDB reading every deals.csv column typed as Pipescope reads them
 * (bench-duckdb.ts `typed`), and its ratios, beside the bar's. --busy-core
 * keeps one core busy with a process of its own while the scale table is
 * timed: the machine's slow phases (other work on one of its cores), made
 * on purpose, for both programs alike.
 *
 * Then the adapter read (scripts/lib/bench-salesforce.ts): the same deals and
 * stage visits as a Salesforce Opportunity History report and as canonical
 * files, each read by `readFolder`; prints the ratio (target: <= 1.5x) and
 * where the adapter path spends its time.
 *
 * Then filters in the URL (scripts/bench-filters.ts, also `npm run
 * bench:filters`): the filter data file's size and the recompute in Chromium.
 *
 * Then the site (scripts/bench-site.ts, also `npm run bench:site`): the
 * dashboard build with every account page (wall, peak RSS of the process
 * tree), its rebuild, and the sample's build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfigText } from '../src/lib/ingest/config.ts';
import { cutoffOf } from '../src/lib/time.ts';
import { scriptArgs } from './lib/io.ts';
import { machineLine } from './lib/machine.ts';
import { waitedChildrenCpuMs } from './lib/tree-rss.ts';
import { commandLine } from './launch.mjs';

const USAGE =
  'usage: npm run bench -- [--deals 100000] [--history-rows 10] [--runs 3] [--as-of YYYY-MM-DD] [--regen] [--only] [--with-1m] [--skip-adapter] [--skip-filters] [--skip-site] [--typed-duckdb] [--busy-core]';
const args = scriptArgs(
  'bench',
  process.argv.slice(2),
  {
    deals: 'value',
    'history-rows': 'value',
    runs: 'value',
    regen: 'flag',
    'as-of': 'value',
    only: 'flag',
    'with-1m': 'flag',
    'skip-adapter': 'flag',
    'skip-filters': 'flag',
    'skip-site': 'flag',
    'typed-duckdb': 'flag',
    'busy-core': 'flag',
  },
  USAGE,
);
const deals = Number(args.deals ?? 100_000);
const historyRows = Number(args['history-rows'] ?? 10);
const runs = Number(args.runs ?? 3);
const asOf = String(args['as-of'] ?? '2026-06-30');
const folderOf = (n: number) => join('bench-data', `${n}-${historyRows}`);
const folder = folderOf(deals);
const node = process.execPath;
/** The sizes of the scale table (issue 8); --only: just --deals. */
const sizes = args.only === true ? [deals] : [...new Set([10_000, 100_000, 300_000, ...(args['with-1m'] === true ? [1_000_000] : []), deals])].sort((x, y) => x - y);

for (const n of sizes) {
  const at = folderOf(n);
  if (args.regen === true || !existsSync(join(at, 'stage_history.csv'))) {
    process.stderr.write(`bench: generating ${n} deals (~${historyRows} history rows each) into ${at}\n`);
    run([node, 'scripts/sample-data.ts', '--deals', String(n), '--history-rows', String(historyRows), '--out', at, '--quiet']);
  }
}

interface Sample {
  wallMs: number;
  /** User + system CPU seconds of the child, every thread (null where /proc is missing). */
  cpuS: number | null;
  rows: number;
  rssMb: number;
  detail: Record<string, unknown>;
}

function run(cmd: string[]): { stdout: string; stderr: string; wallMs: number; cpuS: number | null } {
  const cpu0 = waitedChildrenCpuMs();
  const t = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t;
  const cpu1 = waitedChildrenCpuMs();
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, wallMs, cpuS: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / 1000 };
}

function pipescope(folder: string): Sample {
  const r = run(commandLine('metrics', ['--data', folder, '--as-of', asOf, '--out', join(folder, '..', 'metrics.json'), '--timings', '--quiet']));
  const line = JSON.parse(r.stderr.trim().split('\n').at(-1)!);
  return { wallMs: r.wallMs, cpuS: r.cpuS, rows: line.rows, rssMb: line.max_rss_mb, detail: line };
}

function duckdb(folder: string, mode: 'bar' | 'typed' = 'bar'): Sample {
  const config = parseConfigText(readFileSync(join(folder, 'pipeline.config.json'), 'utf8'));
  const T = new Date(cutoffOf(asOf, config.timezone)).toISOString();
  const r = run([node, 'scripts/lib/bench-duckdb.ts', folder, T, String(config.window_days), mode]);
  const line = JSON.parse(r.stdout);
  return { wallMs: r.wallMs, cpuS: r.cpuS, rows: line.rows, rssMb: line.max_rss_mb, detail: line };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (label: string, samples: Sample[]) => {
  const wall = median(samples.map((s) => s.wallMs));
  const rows = samples[0]!.rows;
  const cpu = samples.every((s) => s.cpuS !== null) ? median(samples.map((s) => s.cpuS!)) : null;
  return { label, wall_s: wall / 1000, cpu_s: cpu === null ? null : Math.round(cpu * 100) / 100, rows, rows_per_s: Math.round(rows / (wall / 1000)), peak_rss_mb: Math.max(...samples.map((s) => s.rssMb)) };
};
const cpuText = (s: number | null) => (s === null ? 'n/a' : s.toFixed(2));
/** Pipescope's CPU time over DuckDB's, or null where either is unknown (no /proc). */
const cpuRatio = (a: { cpu_s: number | null }, b: { cpu_s: number | null }) => (a.cpu_s === null || b.cpu_s === null ? null : a.cpu_s / b.cpu_s);
const mb = (x: number) => Math.round(x);
const typedDuckdb = args['typed-duckdb'] === true;
// --busy-core: a process that only spins, on one core, for as long as the scale table is timed (killed with this one).
const busy = args['busy-core'] === true ? spawn(node, ['-e', 'for (;;);'], { stdio: 'ignore' }) : null;
const stopBusy = () => busy?.kill('SIGKILL');
process.on('exit', stopBusy);
const scale: Record<string, unknown>[] = [];
let ours: Sample[] = [];
let theirs: Sample[] = [];
for (const n of sizes) {
  const at = folderOf(n);
  const mine: Sample[] = [];
  const duck: Sample[] = [];
  const duckTyped: Sample[] = [];
  // Alternating runs: the machine's load moves both alike.
  for (let i = 0; i < runs; i++) {
    mine.push(pipescope(at));
    duck.push(duckdb(at));
    if (typedDuckdb) duckTyped.push(duckdb(at, 'typed'));
  }
  const a = summary('pipescope', mine);
  const b = summary('duckdb', duck);
  const typedColumns = (c: ReturnType<typeof summary>) => ({
    duckdb_typed_s: c.wall_s.toFixed(2),
    duckdb_typed_cpu_s: cpuText(c.cpu_s),
    typed_ratio: (a.wall_s / c.wall_s).toFixed(2),
    typed_cpu_ratio: cpuText(cpuRatio(a, c)),
  });
  const stageRows = Number(mine[0]!.detail.stage_rows);
  scale.push({
    deals: n.toLocaleString('en'),
    stage_rows: stageRows.toLocaleString('en'),
    pipescope_s: a.wall_s.toFixed(2),
    pipescope_cpu_s: cpuText(a.cpu_s),
    pipescope_rss_mb: mb(a.peak_rss_mb),
    duckdb_s: b.wall_s.toFixed(2),
    duckdb_cpu_s: cpuText(b.cpu_s),
    duckdb_rss_mb: mb(b.peak_rss_mb),
    ratio: (a.wall_s / b.wall_s).toFixed(2),
    cpu_ratio: cpuText(cpuRatio(a, b)),
    ...(typedDuckdb ? typedColumns(summary('duckdb typed', duckTyped)) : {}),
    load_average: loadavg()[0]!.toFixed(1),
  });
  if (n === deals) {
    ours = mine;
    theirs = duck;
  }
}
stopBusy();
console.log(
  `scale: median of ${runs} alternating runs per size, wall time including process start, CPU time of all its threads, as of ${asOf} (bars, issue 8: at 100k ratio <= 1.0 and Pipescope <= 400 MB; at 1M ratio <= 1.5 and RSS below DuckDB's)` +
    (typedDuckdb ? '; typed_*: DuckDB reading every deals.csv column typed, for comparison, not the bar' : '') +
    (busy ? "; with one core kept busy by another process (--busy-core): the machine's slow phases on purpose, not the bar's conditions" : ''),
);
console.log(machineLine());
console.table(scale);
const a = summary('pipescope (npm run metrics)', ours);
const b = summary('duckdb (same reads + core aggregations)', theirs);
console.log(`data: ${folder} (${a.rows.toLocaleString('en')} rows in all files), as of ${asOf}, median of ${runs} runs, wall time includes process start`);
console.table([a, b]);
console.log(
  `ratio pipescope / duckdb: ${(a.wall_s / b.wall_s).toFixed(2)}x wall` +
    (cpuRatio(a, b) === null ? '' : `, ${cpuText(cpuRatio(a, b))}x CPU (${cpuText(a.cpu_s)} s against ${cpuText(b.cpu_s)} s)`) +
    `; peak RSS ${a.peak_rss_mb.toFixed(0)} MB`,
);
const best = ours.reduce((x, y) => (x.wallMs < y.wallMs ? x : y));
console.log('pipescope phases (fastest run, ms):', JSON.stringify(best.detail.phases_ms, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));

const duckBest = theirs.reduce((x, y) => (x.wallMs < y.wallMs ? x : y));
console.log('duckdb steps (fastest run, ms):', JSON.stringify(duckBest.detail.timings_ms, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));

if (args['skip-adapter'] !== true) {
  const salesforce = `${folder}-salesforce`;
  if (args.regen === true || !existsSync(join(salesforce, 'report'))) {
    process.stderr.write(`bench: writing the same rows as a Salesforce Opportunity History report into ${salesforce}\n`);
    run([node, 'scripts/lib/bench-salesforce.ts', 'generate', folder, salesforce]);
  }
  const r = run([node, '--expose-gc', 'scripts/lib/bench-salesforce.ts', 'time', salesforce, String(runs)]);
  const line = JSON.parse(r.stdout);
  console.log(`\nadapter read: ${salesforce} (${line.rows.toLocaleString('en')} report rows), readFolder in one process, median of ${runs} runs`);
  console.table([
    { label: 'Salesforce history report (adapter)', wall_ms: line.adapter_ms.wall, cpu_ms: line.adapter_ms.cpu },
    { label: 'canonical files, same rows', wall_ms: line.canonical_ms.wall, cpu_ms: line.canonical_ms.cpu },
  ]);
  console.log(`ratio adapter / canonical: ${line.ratio_wall.toFixed(2)}x wall, ${line.ratio_cpu.toFixed(2)}x CPU (target: <= 1.5x); same metrics: ${line.same_metrics}`);
  console.log('adapter path phases (ms):', JSON.stringify(line.phases_ms));
}

if (args['skip-filters'] !== true) {
  console.log('\nfilters in the URL (npm run bench:filters):');
  const r = spawnSync(node, ['scripts/bench-filters.ts', '--deals', String(deals), '--history-rows', String(historyRows), '--runs', String(Math.max(runs, 3)), '--as-of', asOf], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench:filters failed (${r.status})`);
}

if (args['skip-site'] !== true) {
  // The dashboard build at this size with every account page, its rebuild, and the sample (scripts/bench-site.ts, also `npm run bench:site`).
  console.log('\nthe site (npm run bench:site):');
  const r = spawnSync(node, ['scripts/bench-site.ts', '--deals', String(deals), '--history-rows', String(historyRows), '--as-of', asOf], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench:site failed (${r.status})`);
}
