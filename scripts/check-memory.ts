/**
 * npm run check:memory [-- --rows 10000000 --deals 200000 --nul-mb 1024 --rejected 1000000]
 *
 * Hostile sizes (docs/performance.md): generates, in a temporary folder that
 * is deleted afterwards, four data folders and runs the metrics command on
 * each in its own process, printing exit code, wall time and peak RSS:
 * - nul-only: deals.csv is 1 GiB of NUL bytes (a sparse file: no disk used);
 * - nul-tail: deals.csv is 1,000 valid rows followed by NUL bytes to 1 GiB;
 * - history-10m: stage_history.csv of 10,000,000 rows (~430 MB) and the
 *   matching deals.csv;
 * - all-rejected: stage_history.csv of 1,000,000 rows whose deal ids match
 *   none in deals.csv (an export of one CRM's ids beside another's), so an
 *   issue per row.
 * Both NUL files must be refused with one line naming the file, the other two
 * must succeed (all-rejected with every row in its output's issues), and all
 * four must stay under 1 GiB of peak RSS. Peak RSS comes from `/usr/bin/time -v`
 * when present, else from the child's own `--timings` line. On a terminal
 * (with /usr/bin/time) the large run shows the command's progress.
 * A script, not a test: the numbers depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commandLine } from './launch.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  process.stdout.write('usage: npm run check:memory -- [--rows 10000000] [--deals 200000] [--nul-mb 1024] [--rejected 1000000]\n');
  process.exit(0);
}
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`check-memory: --${name} needs a positive whole number\n`);
    process.exit(2);
  }
  return value;
};
const rows = option('rows', 10_000_000);
const deals = option('deals', 200_000);
const nulBytes = option('nul-mb', 1024) * 1024 * 1024;
const rejectedRows = option('rejected', 1_000_000);
const LIMIT_MB = 1024;
const AS_OF = '2026-06-30';

const root = mkdtempSync(join(tmpdir(), 'pipescope-check-memory-'));
const TIME = '/usr/bin/time';
const useTime = existsSync(TIME);

/** A file written through one reused 1 MiB buffer. */
function writer(path: string) {
  const fd = openSync(path, 'w');
  const buffer = Buffer.alloc(1 << 20);
  let used = 0;
  const flush = () => {
    writeSync(fd, buffer, 0, used);
    used = 0;
  };
  return {
    line(text: string) {
      if (used + text.length * 3 + 1 > buffer.length) flush();
      used += buffer.write(text, used);
      buffer[used++] = 0x0a;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

const DEALS_HEADER = 'deal_id,account_id,owner,amount,created_at,stage';
const dealId = (d: number, prefix = 'D') => `${prefix}${String(d).padStart(7, '0')}`;

const STAGES = ['prospect', 'qualify', 'propose', 'negotiate', 'propose', 'negotiate'];

/** `count` open deals; with `historyRows`, each deal's stage is that of its last history row (no stage_mismatch warnings). */
function writeDeals(path: string, count: number, historyRows = 0, prefix = 'D'): void {
  const w = writer(path);
  w.line(DEALS_HEADER);
  for (let d = 0; d < count; d++) {
    const last = historyRows > d ? Math.floor((historyRows - 1 - d) / count) : 3;
    w.line(`${dealId(d, prefix)},A${d % 5000},Owner ${d % 40},${1000 + (d % 997) * 1000},2024-01-01,${STAGES[last % STAGES.length]}`);
  }
  w.close();
}

/** `total` history rows over `count` deals: each deal moves through the open stages and back, an hour apart. */
function writeHistory(path: string, total: number, count: number): void {
  const w = writer(path);
  w.line('deal_id,stage,entered_at');
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < total; i++) {
    const d = i % count;
    const k = Math.floor(i / count);
    const at = new Date(start + k * 3_600_000 + d * 1000).toISOString().slice(0, 19);
    w.line(`${dealId(d)},${STAGES[k % STAGES.length]},${at}+09:00`);
  }
  w.close();
}

interface Result {
  name: string;
  bytes: number;
  exit: number | null;
  wallS: number;
  rssMb: number | null;
  /** The command's own phase times (ms), from its --timings line. */
  phases: string;
  message: string;
}

function run(name: string, folder: string, showProgress: boolean): Result {
  const out = join(root, `${name}.metrics.json`);
  const timeFile = join(root, `${name}.time.txt`);
  const command = commandLine('metrics', ['--data', folder, '--as-of', AS_OF, '--out', out, '--timings']);
  const full = useTime ? [TIME, '-v', '-o', timeFile, ...command] : command;
  const inherit = showProgress && useTime && process.stderr.isTTY === true;
  const t = performance.now();
  const r = spawnSync(full[0]!, full.slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', inherit ? 'inherit' : 'pipe'], maxBuffer: 1 << 26 });
  const wallS = (performance.now() - t) / 1000;
  const stderr = (r.stderr ?? '').trim().split('\n');
  let rssMb: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/u.exec(readFileSync(timeFile, 'utf8'))?.[1];
    if (kb) rssMb = Number(kb) / 1024;
  }
  const timings = stderr.map((l) => l.trim()).find((l) => l.startsWith('{"rows"'));
  const parsed = timings ? (JSON.parse(timings) as { max_rss_mb: number; phases_ms: Record<string, number> }) : null;
  if (rssMb === null && parsed) rssMb = parsed.max_rss_mb;
  const phases = parsed ? Object.entries(parsed.phases_ms).map(([k, v]) => `${k} ${Math.round(v)}`).join(' · ') : '';
  const message = inherit ? '(stderr shown above)' : (stderr.find((l) => l !== '' && !l.startsWith('{"rows"') && !l.startsWith('\t') && !l.startsWith('Command')) ?? '');
  const bytes = ['deals.csv', 'stage_history.csv'].reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);
  return { name, bytes, exit: r.status, wallS, rssMb, phases, message };
}

/** How many times `needle` occurs in a file, read a block at a time (a file of gigabytes is never one string). */
function countIn(path: string, needle: string): number {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let count = 0;
  let carry = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = carry + buffer.toString('latin1', 0, n);
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
      carry = text.slice(Math.max(0, text.length - needle.length + 1));
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

const results: Result[] = [];
let listedUnknown = 0;
try {
  process.stderr.write(`check-memory: generating in ${root}\n`);
  const nulOnly = join(root, 'nul-only');
  mkdirSync(nulOnly);
  closeSync(openSync(join(nulOnly, 'deals.csv'), 'w'));
  truncateSync(join(nulOnly, 'deals.csv'), nulBytes);
  writeHistory(join(nulOnly, 'stage_history.csv'), 0, 1);

  const nulTail = join(root, 'nul-tail');
  mkdirSync(nulTail);
  writeDeals(join(nulTail, 'deals.csv'), 1000);
  truncateSync(join(nulTail, 'deals.csv'), nulBytes);
  writeHistory(join(nulTail, 'stage_history.csv'), 0, 1);

  const large = join(root, 'history-10m');
  mkdirSync(large);
  const tGen = performance.now();
  writeDeals(join(large, 'deals.csv'), deals, rows);
  writeHistory(join(large, 'stage_history.csv'), rows, deals);
  process.stderr.write(`check-memory: ${rows.toLocaleString('en-US')} history rows over ${deals.toLocaleString('en-US')} deals written in ${((performance.now() - tGen) / 1000).toFixed(1)} s\n`);

  results.push(run('nul-only', nulOnly, false));
  results.push(run('nul-tail', nulTail, false));
  results.push(run('history-10m', large, true));

  // The history of `deals` deals beside a deals.csv whose ids are others (X… for D…): every history row is rejected.
  const rejected = join(root, 'all-rejected');
  mkdirSync(rejected);
  writeDeals(join(rejected, 'deals.csv'), deals, 0, 'X');
  writeHistory(join(rejected, 'stage_history.csv'), rejectedRows, deals);
  results.push(run('all-rejected', rejected, false));
  listedUnknown = countIn(join(root, 'all-rejected.metrics.json'), '"code": "unknown_deal"');
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(`peak RSS from ${useTime ? '/usr/bin/time -v' : 'the child\'s --timings (process.resourceUsage().maxRSS)'}; wall time includes process start`);
console.table(
  results.map((r) => ({
    case: r.name,
    'input MB': Math.round(r.bytes / 1e6),
    exit: r.exit,
    'wall s': Number(r.wallS.toFixed(1)),
    'peak RSS MB': r.rssMb === null ? 'n/a' : Math.round(r.rssMb),
    'phases ms': r.phases,
    message: r.message.length > 100 ? `${r.message.slice(0, 100)}…` : r.message,
  })),
);
const over = results.filter((r) => r.rssMb === null || r.rssMb >= LIMIT_MB);
const nulOk = results.filter((r) => r.name.startsWith('nul')).every((r) => r.exit === 1 && /NUL bytes/u.test(r.message));
const largeOk = results.find((r) => r.name === 'history-10m')?.exit === 0;
const rejectedOk = results.find((r) => r.name === 'all-rejected')?.exit === 0 && listedUnknown === rejectedRows;
console.log(`all-rejected: ${listedUnknown.toLocaleString('en-US')} of ${rejectedRows.toLocaleString('en-US')} history rows listed as unknown_deal in its metrics.json`);
if (over.length > 0 || !nulOk || !largeOk || !rejectedOk) {
  console.log(`check-memory: FAILED (${[over.length > 0 ? `peak RSS ≥ ${LIMIT_MB} MB or unknown: ${over.map((r) => r.name).join(', ')}` : '', nulOk ? '' : 'a NUL file was not refused with a NUL message', largeOk ? '' : 'the large run did not succeed', rejectedOk ? '' : 'the all-rejected run did not succeed or did not list every row'].filter(Boolean).join('; ')})`);
  process.exitCode = 1;
} else console.log(`check-memory: ok (every run under ${LIMIT_MB} MB)`);
