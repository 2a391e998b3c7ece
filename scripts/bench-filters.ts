/**
 * npm run bench:filters [-- --deals 100000 --history-rows 10 --runs 5 --as-of 2026-06-30 --skip-large --reuse-sites]
 *
 * Filters in the URL, measured (docs/performance.md, "Filters"): for the
 * sample and for the benchmark data (generated like `npm run bench`), builds
 * the site (`--reuse-sites`: keeps one built earlier), then
 *   1. the filter data file's size: raw, gzip (levels 6 and 9) and brotli;
 *   2. in Chromium (playwright-core), the overview opened fresh with an owner
 *      filter in its URL (data download, JSON parse and Dataset rebuild, then
 *      the recompute), and the recompute of each filter applied in place
 *      (owner, team, product, period, close date in the report date's quarter; the form, as a reader uses it):
 *      subset + engine (`filteredSiteData`), page models and charts, DOM;
 *   3. the filter code's size (the chunks the page loads on demand), raw and gzip.
 * Medians of `--runs` runs. Budgets: data file <= 200 KB gzip and recompute
 * <= 30 ms on the sample; <= 5 MB gzip and <= 200 ms at 100k deals, for
 * every filter.
 * A script, not a test: numbers depend on the machine (the load average is
 * printed with them). Writes .cache/bench-filters.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { decodeFilterData } from '../src/lib/filters/decode-filter-data.ts';
import { type Filter, filterQuery, NO_FILTER } from '../src/lib/filters/filter.ts';
import type { FilterRun } from '../src/lib/filters/client.ts';
import { launchChromium } from './lib/chromium.ts';
import { scriptArgs, writeFileAtomic } from './lib/io.ts';
import { machineLine } from './lib/machine.ts';
import { serveStatic } from './lib/static-server.ts';
import { quarterOf } from '../src/lib/time.ts';

const USAGE = 'usage: npm run bench:filters -- [--deals 100000] [--history-rows 10] [--runs 5] [--as-of YYYY-MM-DD] [--skip-large] [--reuse-sites]';
const args = scriptArgs('bench:filters', process.argv.slice(2), { deals: 'value', 'history-rows': 'value', runs: 'value', 'as-of': 'value', 'skip-large': 'flag', 'reuse-sites': 'flag' }, USAGE);
const deals = Number(args.deals ?? 100_000);
const historyRows = Number(args['history-rows'] ?? 10);
const runs = Number(args.runs ?? 5);
const asOf = String(args['as-of'] ?? '2026-06-30');
if (!(runs >= 1) || !(deals >= 1) || !(historyRows >= 1)) throw new Error(USAGE);
const node = process.execPath;

interface Case {
  label: string;
  data: string;
  site: string;
  budget: { gzipBytes: number; recomputeMs: number };
}

const cases: Case[] = [{ label: 'sample', data: 'data/sample', site: join('.cache', 'bench-filters', 'sample'), budget: { gzipBytes: 200_000, recomputeMs: 30 } }];
if (args['skip-large'] !== true) {
  const folder = join('bench-data', `${deals}-${historyRows}`);
  if (!existsSync(join(folder, 'stage_history.csv'))) {
    process.stderr.write(`bench:filters: generating ${deals} deals (~${historyRows} history rows each) into ${folder}\n`);
    exec([node, 'scripts/sample-data.ts', '--deals', String(deals), '--history-rows', String(historyRows), '--out', folder, '--quiet']);
  }
  cases.push({ label: `${deals / 1000}k deals`, data: folder, site: join('bench-data', `site-${deals}-${historyRows}`), budget: { gzipBytes: 5_000_000, recomputeMs: 200 } });
}

function exec(cmd: string[]): void {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status})`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** The most common value of a deal field, and the latest full year of created dates: filters a reader would use. */
function filtersOf(dataFile: string): { label: string; filter: Filter }[] {
  const { dataset } = decodeFilterData(JSON.parse(readFileSync(dataFile, 'utf8')));
  const busiest = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const year = String(Number(asOf.slice(0, 4)) - 1);
  return [
    { label: 'owner', filter: { ...NO_FILTER, owner: busiest(dataset.deals.map((d) => d.owner)) } },
    { label: 'team', filter: { ...NO_FILTER, team: busiest(dataset.deals.map((d) => d.team)) } },
    { label: 'product', filter: { ...NO_FILTER, product: busiest(dataset.deals.map((d) => d.product)) } },
    { label: `period ${year}`, filter: { ...NO_FILTER, period: year } },
    // What closes in the report date's quarter: a forecast review's first view.
    { label: `closing ${quarterOf(asOf)}`, filter: { ...NO_FILTER, closing: quarterOf(asOf) } },
  ];
}

async function waitDone(page: Page, filter: Filter): Promise<FilterRun> {
  await page.waitForFunction(
    (f) => document.documentElement.dataset.filterState !== 'loading' && JSON.stringify(window.__pipescopeFilter?.filter) === f,
    JSON.stringify(filter),
    { timeout: 120_000 },
  );
  const run = (await page.evaluate(() => window.__pipescopeFilter))!;
  if (run.state !== 'done') throw new Error(`filter failed: ${run.error}`);
  return run;
}

const results: unknown[] = [];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`bench:filters: ${runs} runs each, median; load average ${load()} (1, 5, 15 min) on ${process.platform}`);
console.log(machineLine());

for (const c of cases) {
  if (args['reuse-sites'] !== true || !existsSync(join(c.site, 'build-manifest.json'))) {
    process.stderr.write(`bench:filters: building ${c.data} into ${c.site}\n`);
    exec([node, 'scripts/build.ts', '--data', c.data, '--as-of', asOf, '--out', c.site, '--max-account-pages', '20', '--quiet']);
  }
  const name = readdirSync(join(c.site, 'data')).find((f) => f.startsWith('filter-data.'))!;
  // The filter code: the chunk the loader imports on demand (client.*.js), and any chunk it shares.
  const scripts = readdirSync(join(c.site, '_astro')).filter((f) => f.endsWith('.js') && !f.startsWith('FilterBar.'));
  const code = scripts.map((f) => readFileSync(join(c.site, '_astro', f)));
  const js = { files: scripts, raw: code.reduce((n, b) => n + b.length, 0), gzip: code.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0), zod: code.some((b) => b.includes('ZodError')) };
  const file = join(c.site, 'data', name);
  const bytes = readFileSync(file);
  const size = { raw: bytes.length, gzip6: gzipSync(bytes, { level: 6 }).length, gzip9: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  const filters = filtersOf(file);
  const server = await serveStatic(c.site);
  const browser = await launchChromium();
  const fresh: FilterRun['timings'][] = [];
  const inPlace = new Map<string, { matched: number; timings: FilterRun['timings'][] }>();
  try {
    // 1. The owner's link opened fresh: nothing cached, the data downloaded and rebuilt.
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const cdp = await browser.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${server.url}/en/${filterQuery(filters[0]!.filter)}`);
      fresh.push((await waitDone(page, filters[0]!.filter)).timings);
      await page.close();
    }
    // 2. Each filter applied in place with the form, in turn, `runs` times (data loaded once, code warm).
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/${filterQuery(filters.at(-1)!.filter)}`);
    await waitDone(page, filters.at(-1)!.filter);
    for (let i = 0; i < runs; i++) {
      for (const { label, filter } of filters) {
        for (const key of ['owner', 'team', 'product', 'period', 'closing'] as const) await page.selectOption(`select[name=${key}]`, filter[key] ?? '');
        await page.evaluate(() => document.querySelector<HTMLFormElement>('form[data-filters]')!.requestSubmit());
        const run = await waitDone(page, filter);
        const entry = inPlace.get(label) ?? { matched: run.matched, timings: [] };
        entry.timings.push(run.timings);
        inPlace.set(label, entry);
      }
    }
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  // (`?? 0`: a site built before a timing existed.)
  const med = (ts: FilterRun['timings'][], key: keyof FilterRun['timings']) => round(median(ts.map((t) => t[key] ?? 0)));
  const freshRow = {
    load_ms: med(fresh, 'loadMs'),
    fetch_ms: med(fresh, 'fetchMs'),
    parse_ms: med(fresh, 'parseMs'),
    rebuild_ms: med(fresh, 'decodeMs'),
    prepare_ms: med(fresh, 'prepareMs'),
    recompute_ms: med(fresh, 'recomputeMs'),
  };
  const rows = [...inPlace].map(([label, { matched, timings }]) => ({
    filter: label,
    deals: matched,
    engine_ms: med(timings, 'engineMs'),
    models_charts_ms: med(timings, 'modelMs'),
    dom_ms: med(timings, 'domMs'),
    recompute_ms: med(timings, 'recomputeMs'),
    // The spread of the runs: a shared machine's load shows here first.
    recompute_range: `${round(Math.min(...timings.map((t) => t.recomputeMs)))}-${round(Math.max(...timings.map((t) => t.recomputeMs)))}`,
  }));
  const slowest = rows.reduce((a, b) => (b.recompute_ms > a.recompute_ms ? b : a));
  console.log(`\n${c.label}: ${c.data}, as of ${asOf}; filter data ${name}`);
  console.log(
    `  size: ${(size.raw / 1e6).toFixed(2)} MB raw, ${(size.gzip6 / 1e3).toFixed(0)} KB gzip -6, ${(size.gzip9 / 1e3).toFixed(0)} KB gzip -9, ${(size.brotli / 1e3).toFixed(0)} KB brotli` +
      ` (budget ${(c.budget.gzipBytes / 1e3).toFixed(0)} KB gzip: ${size.gzip6 <= c.budget.gzipBytes ? 'met' : 'MISSED'})`,
  );
  console.log(`  filter code: ${(js.raw / 1e3).toFixed(0)} KB, ${(js.gzip / 1e3).toFixed(1)} KB gzip -6 (${js.files.join(', ')})${js.zod ? ', zod included' : ''}`);
  console.log(`  owner link opened fresh (no cache): load ${freshRow.load_ms} ms (fetch ${freshRow.fetch_ms}, JSON parse ${freshRow.parse_ms}, Dataset rebuild ${freshRow.rebuild_ms}, shared by all filters ${freshRow.prepare_ms}), then recompute ${freshRow.recompute_ms} ms (first run: code not yet optimised)`);
  console.table(rows);
  console.log(
    `  recompute budget ${c.budget.recomputeMs} ms (every filter, in place): ${slowest.recompute_ms <= c.budget.recomputeMs ? 'met' : 'MISSED'} (slowest: ${slowest.filter}, ${slowest.recompute_ms} ms; engine alone ${slowest.engine_ms} ms)`,
  );
  results.push({ case: c.label, data: c.data, as_of: asOf, runs, load_average: loadavg(), size, filter_code: js, fresh: freshRow, in_place: rows, budget: c.budget });
}
console.log(`\nload average now ${load()}`);
writeFileAtomic(join('.cache', 'bench-filters.json'), `${JSON.stringify(results, null, 2)}\n`);
