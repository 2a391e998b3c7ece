/**
 * npm run bench:site [-- --deals 100000 --history-rows 10 --as-of 2026-06-30 --runs 1 --skip-large]
 *
 * The dashboard build, measured (docs/performance.md, "Dashboard"), each
 * command as a reader would run it (`npm run build -- ...`) in its own
 * process tree:
 *   1. the benchmark data (generated like `npm run bench`) with every
 *      account page, into a new --out with a new --cache: wall time, peak
 *      RSS of the whole process tree (npm, the build, its extraction
 *      process and Astro's helpers, summed; sampled from /proc every 100
 *      ms, scripts/lib/tree-rss.ts) and its CPU time;
 *   2. the rebuild: the same command again (the output is already there:
 *      nothing is written), and into another new --out (the stored output
 *      linked in);
 *   3. the sample (`npm run build`), without the cache, and its rebuild,
 *      --sample-runs times (default 3, or --runs if more): the median. Its
 *      pages come from the server bundle kept by the first build of the
 *      code (scripts/lib/page-bundles.ts), or from Astro's bundling when
 *      there is none yet: each figure says which (`pages_from`).
 * Budgets (issue 8): the 100k site at most 60 s and 1 GB, a rebuild under a
 * quarter of the first build's time, the sample at most 5 s. The load
 * average is printed with each figure: the machine is shared. A script, not
 * a test. Writes .cache/bench-site.json; the temporary folders it made, and
 * the site data its builds wrote to .cache, are removed at the end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs, writeFileAtomic } from './lib/io.ts';
import { machineLine } from './lib/machine.ts';
import { runMeasured, type TreeRun } from './lib/tree-rss.ts';

const USAGE = 'usage: npm run bench:site -- [--deals 100000] [--history-rows 10] [--as-of YYYY-MM-DD] [--runs 1] [--sample-runs 3] [--skip-large]';
const args = scriptArgs(
  'bench:site',
  process.argv.slice(2),
  { deals: 'value', 'history-rows': 'value', 'as-of': 'value', runs: 'value', 'sample-runs': 'value', 'skip-large': 'flag' },
  USAGE,
);
const deals = Number(args.deals ?? 100_000);
const historyRows = Number(args['history-rows'] ?? 10);
const asOf = String(args['as-of'] ?? '2026-06-30');
const runs = Number(args.runs ?? 1);
// The sample's build takes seconds, and one run of it on a shared machine says little: the median of a few.
const sampleRuns = Number(args['sample-runs'] ?? Math.max(3, runs));
if (!(runs >= 1) || !(sampleRuns >= 1) || !(deals >= 1) || !(historyRows >= 1)) throw new Error(USAGE);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node = process.execPath;

/** The --out folders' names (the build names its site data in .cache after them). */
const OUTS = ['pipescope-bench-site', 'pipescope-bench-site-again', 'pipescope-bench-sample', 'pipescope-bench-sample-cached'] as const;

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const scratch: string[] = [];
const tempFolder = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `pipescope-bench-${name}-`));
  scratch.push(dir);
  return dir;
};

interface Figure {
  label: string;
  wall_s: number;
  peak_rss_mb: number | null;
  cpu_s: number | null;
  load_average: string;
  timings_ms?: Record<string, number>;
  cache?: string;
  /** Where the pages came from: a kept server bundle, or Astro's bundling (the first build after a change to the code). */
  pages_from?: string;
  pages?: number;
}

/** `npm run build -- <args> --timings`, measured; fails loudly when the build does. */
async function build(label: string, buildArgs: string[]): Promise<Figure> {
  const before = load();
  const r: TreeRun = await runMeasured(npm, ['run', '--silent', 'build', '--', ...buildArgs, '--timings']);
  if (r.code !== 0) throw new Error(`${label}: npm run build ${buildArgs.join(' ')} failed (${r.code}):\n${r.stderr}`);
  const line = r.stderr.trim().split('\n').findLast((l) => l.startsWith('{"timings_ms"'));
  const parsed = line ? (JSON.parse(line) as { timings_ms: Record<string, number>; cache?: string; pages?: string }) : undefined;
  const pages = /build: (\d+) pages/u.exec(r.stderr)?.[1];
  return {
    label,
    wall_s: Math.round(r.wallMs) / 1000,
    peak_rss_mb: r.peakRssBytes === null ? null : Math.round(r.peakRssBytes / 1e6),
    cpu_s: r.cpuMs === null ? null : Math.round(r.cpuMs) / 1000,
    load_average: `${before} → ${load()}`,
    ...(parsed ? { timings_ms: parsed.timings_ms, ...(parsed.cache ? { cache: parsed.cache } : {}), ...(parsed.pages ? { pages_from: parsed.pages } : {}) } : {}),
    ...(pages ? { pages: Number(pages) } : {}),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const figures: Figure[] = [];
const verdicts: string[] = [];
console.log(`bench:site: as of ${asOf}, ${runs} run(s) each; load average ${load()} (1, 5, 15 min); peak RSS: the whole process tree, summed`);
console.log(machineLine());

try {
  if (args['skip-large'] !== true) {
    const folder = join('bench-data', `${deals}-${historyRows}`);
    if (!existsSync(join(folder, 'stage_history.csv'))) {
      process.stderr.write(`bench:site: generating ${deals} deals (~${historyRows} history rows each) into ${folder}\n`);
      const r = await runMeasured(node, ['scripts/sample-data.ts', '--deals', String(deals), '--history-rows', String(historyRows), '--out', folder, '--quiet']);
      if (r.code !== 0) throw new Error(`generating ${folder} failed: ${r.stderr}`);
    }
    const firsts: Figure[] = [];
    const rebuilds: Figure[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = tempFolder('large');
      const common = ['--data', folder, '--as-of', asOf, '--cache', join(dir, 'cache'), '--quiet'];
      firsts.push(await build(`${deals / 1000}k deals, every account page: first build`, [...common, '--out', join(dir, OUTS[0])]));
      rebuilds.push(await build(`${deals / 1000}k: rebuild, same --out (already up to date)`, [...common, '--out', join(dir, OUTS[0])]));
      figures.push(firsts.at(-1)!, rebuilds.at(-1)!, await build(`${deals / 1000}k: rebuild into a new --out (linked from the cache)`, [...common, '--out', join(dir, OUTS[1])]));
      const manifest = JSON.parse(readFileSync(join(dir, OUTS[0], 'build-manifest.json'), 'utf8')) as { account_pages: number; accounts: number };
      if (manifest.account_pages !== manifest.accounts) throw new Error(`only ${manifest.account_pages} of ${manifest.accounts} accounts have a page`);
      rmSync(dir, { recursive: true, force: true });
    }
    const wall = median(firsts.map((f) => f.wall_s));
    const rss = Math.max(...firsts.map((f) => f.peak_rss_mb ?? 0));
    const again = median(rebuilds.map((f) => f.wall_s));
    verdicts.push(`${deals / 1000}k site: ${wall} s (budget 60 s: ${wall <= 60 ? 'met' : 'MISSED'}), ${rss} MB (budget 1,000 MB: ${rss <= 1000 ? 'met' : 'MISSED'})`);
    verdicts.push(`rebuild: ${again} s, ${((again / wall) * 100).toFixed(1)}% of the first build (budget < 25%: ${again < wall / 4 ? 'met' : 'MISSED'})`);
  }
  const samples: Figure[] = [];
  for (let i = 0; i < sampleRuns; i++) {
    const dir = tempFolder('sample');
    samples.push(await build('sample (2,000 deals): build', ['--as-of', asOf, '--out', join(dir, OUTS[2]), '--no-cache', '--quiet']));
    figures.push(samples.at(-1)!);
    const common = ['--as-of', asOf, '--cache', join(dir, 'cache'), '--out', join(dir, OUTS[3]), '--quiet'];
    await build('sample: first build with the cache', common);
    figures.push(await build('sample: rebuild', common));
    rmSync(dir, { recursive: true, force: true });
  }
  const sample = median(samples.map((f) => f.wall_s));
  // The first build after a change to the code bundles the pages (Astro); the others render from that bundle, kept.
  const bundled = samples.filter((f) => f.pages_from === 'astro').map((f) => f.wall_s);
  const from = `pages from a kept bundle in ${samples.length - bundled.length}, bundled by Astro in ${bundled.length}${bundled.length ? `: ${bundled.join(', ')} s` : ''}`;
  verdicts.push(`sample site: ${sample} s, median of ${samples.length} (${samples.map((f) => f.wall_s).join(', ')}; ${from}; budget 5 s: ${sample <= 5 ? 'met' : 'MISSED'})`);
} finally {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  // The site data these builds wrote to the project's .cache (named after their --out).
  for (const name of OUTS) for (const suffix of ['.json', '.accounts.jsonl']) rmSync(join('.cache', `site-data-${name}${suffix}`), { force: true });
}

console.table(figures.map(({ timings_ms: _t, ...f }) => f));
for (const f of figures) if (f.timings_ms) console.log(`  ${f.label}: ${JSON.stringify(f.timings_ms)}`);
for (const v of verdicts) console.log(v);
console.log(`load average now ${load()}`);
writeFileAtomic(join('.cache', 'bench-site.json'), `${JSON.stringify({ as_of: asOf, runs, figures, verdicts }, null, 2)}\n`);
