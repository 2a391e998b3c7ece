/**
 * npm run check:pages [-- --site dist] [--lighthouse both|mobile|desktop|none] [--runs N] [--pages /en/,/ko/]
 *
 * A report, not a test: for the built site (built first only if the folder is missing)
 *   1. transfer size (gzip, all assets) per page, measured in Chromium over CDP — goal ≤ 100 KB for the overviews;
 *   2. JavaScript needed to see the charts: chart SVGs with JavaScript off vs on, and JS bytes loaded — goal 0;
 *   3. Lighthouse performance and accessibility (mobile default and desktop preset) — goal ≥ 98 and 100.
 * Prints a table, lists missed goals and failing Lighthouse audits, writes .cache/check-pages.json
 * (and each full Lighthouse report to .cache/lighthouse/<page>-<preset>.json).
 * Exits 0 whatever the figures; non-zero only when the tool itself fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium } from './lib/chromium.ts';
import { scriptArgs, writeFileAtomic } from './lib/io.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = 'usage: npm run check:pages -- [--site dist] [--lighthouse both|mobile|desktop|none] [--runs N] [--pages /en/,/ko/]';
const args = scriptArgs('check:pages', process.argv.slice(2), { site: 'value', lighthouse: 'value', runs: 'value', pages: 'value' }, USAGE);
const site = typeof args.site === 'string' ? args.site : 'dist';
const lhMode = typeof args.lighthouse === 'string' ? args.lighthouse : 'both';
if (!['both', 'mobile', 'desktop', 'none'].includes(lhMode)) throw new Error('--lighthouse must be both, mobile, desktop or none');
const PRESETS = (lhMode === 'both' ? ['mobile', 'desktop'] : lhMode === 'none' ? [] : [lhMode]) as Preset[];
// The pages a review is run from, in both languages (issue 9's acceptance); any others with --pages.
const PAGES =
  typeof args.pages === 'string'
    ? args.pages.split(',')
    : ['/en/', '/ko/', '/en/forecast/', '/ko/forecast/', '/en/trends/', '/ko/trends/', '/en/stalled/', '/ko/stalled/'];
const RUNS = Number(args.runs ?? 1); // Lighthouse runs per page and preset; the median-performance run is kept
if (!(RUNS >= 1)) throw new Error('--runs must be a positive number');
const OVERVIEWS = new Set(['/en/', '/ko/']);
const GOAL = { transferKB: 100, perf: 98, a11y: 100 };
const CHART = 'figure.chart svg[role=img]';

type Preset = 'mobile' | 'desktop';
interface Load { transfer: number; raw: number; requests: number; jsTransfer: number; jsRaw: number; charts: number; byType: Record<string, number> }
interface Failure { id: string; title: string; score: number | null; displayValue?: string; nodes: string[] }
interface LhFigures { performance: number; performanceRuns?: number[]; accessibility: number; metrics: Record<string, string>; failing: Failure[] }
interface PageReport { path: string; js: Load; noJs: Load; lighthouse: Partial<Record<Preset, LhFigures>> }

if (!existsSync(site)) {
  process.stderr.write(`check:pages: ${site}/ is missing, building it\n`);
  const out = site === 'dist' ? [] : ['--out', site];
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--as-of', '2026-06-30', ...out], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status})`);
}

const server = await serveStatic(site, { gzip: true });
const reports: PageReport[] = [];
try {
  const browser = await launchChromium();
  try {
    for (const path of PAGES) {
      reports.push({ path, js: await load(browser, server.url + path, true), noJs: await load(browser, server.url + path, false), lighthouse: {} });
    }
  } finally {
    await browser.close();
  }
  if (PRESETS.length) await runLighthouse();
} finally {
  await server.close();
}

/** Load a page with a cold cache; sum CDP encodedDataLength (body + headers, as sent) and decoded bytes per resource. */
async function load(browser: Awaited<ReturnType<typeof launchChromium>>, url: string, javaScript: boolean): Promise<Load> {
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  const types = new Map<string, string>();
  const raw = new Map<string, number>();
  const done: Array<{ id: string; encoded: number }> = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.dataReceived', (e) => raw.set(e.requestId, (raw.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => done.push({ id: e.requestId, encoded: e.encodedDataLength }));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (!javaScript) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(url, { waitUntil: 'networkidle' });
  const out: Load = { transfer: 0, raw: 0, requests: done.length, jsTransfer: 0, jsRaw: 0, charts: await page.locator(CHART).count(), byType: {} };
  for (const { id, encoded } of done) {
    const type = types.get(id) ?? 'Other';
    out.transfer += encoded;
    out.raw += raw.get(id) ?? 0;
    out.byType[type] = (out.byType[type] ?? 0) + encoded;
    if (type === 'Script') {
      out.jsTransfer += encoded;
      out.jsRaw += raw.get(id) ?? 0;
    }
  }
  await cdp.detach();
  await page.close();
  return out;
}

async function runLighthouse(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'pipescope-lighthouse-'));
  const chrome = await launchChrome({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    userDataDir: profile,
    logLevel: 'error',
  });
  try {
    for (const report of reports) {
      for (const preset of PRESETS) {
        process.stderr.write(`lighthouse ${preset} ${report.path}\n`);
        const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: ['performance', 'accessibility'] };
        const runs: Array<{ figures: LhFigures; json: string }> = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await lighthouse(server.url + report.path, flags, preset === 'desktop' ? desktopConfig : undefined);
          if (!result) throw new Error(`lighthouse returned nothing for ${report.path}`);
          runs.push({ figures: summarize(result.lhr as unknown as Lhr), json: String(result.report) });
        }
        runs.sort((a, b) => a.figures.performance - b.figures.performance);
        const median = runs[Math.floor(runs.length / 2)]!;
        report.lighthouse[preset] = { ...median.figures, performanceRuns: runs.map((r) => r.figures.performance) };
        const slug = report.path.replace(/\W+/g, '-').replace(/^-|-$/g, '');
        writeFileAtomic(`.cache/lighthouse/${slug}-${preset}.json`, median.json);
      }
    }
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

interface LhAudit { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; errorMessage?: string; details?: { items?: LhItem[] } }
interface LhItem { node?: { selector?: string; snippet?: string; explanation?: string }; url?: string; label?: string; subItems?: { items?: LhItem[] } }
interface Lhr { runtimeError?: { message: string }; categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number; group?: string }> }>; audits: Record<string, LhAudit> }

function summarize(lhr: Lhr): LhFigures {
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  const score = (cat: string) => Math.round((lhr.categories[cat]?.score ?? 0) * 100);
  const metrics: Record<string, string> = {};
  const failing: Failure[] = [];
  for (const cat of ['performance', 'accessibility']) {
    for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a) continue;
      if (ref.group === 'metrics') metrics[a.id] = `${a.displayValue ?? '?'} (${a.score})`;
      const broken = a.scoreDisplayMode === 'error';
      if (!broken && (a.score === null || a.score >= 1 || ['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))) continue;
      failing.push({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? a.errorMessage, nodes: nodesOf(a.details?.items ?? []) });
    }
  }
  return { performance: score('performance'), accessibility: score('accessibility'), metrics, failing };
}

function nodesOf(items: LhItem[]): string[] {
  return items.flatMap((it) => {
    const own = it.node ? [`${it.node.selector ?? '?'} ${it.node.snippet ?? ''}${it.node.explanation ? ` — ${it.node.explanation.replace(/\s+/g, ' ')}` : ''}`] : it.url ? [it.url] : it.label ? [it.label] : [];
    return [...own, ...nodesOf(it.subItems?.items ?? [])];
  });
}

// ---- report ----
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lhCell = (f?: LhFigures) => (f ? `${f.performance}/${f.accessibility}` : '-');
const head = [pad('page', 14), pad('transfer gz', 12), pad('raw', 10), pad('reqs', 5), pad('JS gz', 9), pad('charts noJS/JS', 15), pad('LH mobile p/a', 14), 'LH desktop p/a'];
console.log(head.join(' '));
for (const r of reports) {
  console.log([pad(r.path, 14), pad(kb(r.js.transfer), 12), pad(kb(r.js.raw), 10), pad(String(r.js.requests), 5), pad(kb(r.js.jsTransfer), 9),
    pad(`${r.noJs.charts}/${r.js.charts}`, 15), pad(lhCell(r.lighthouse.mobile), 14), lhCell(r.lighthouse.desktop)].join(' '));
}
for (const r of reports) {
  const types = Object.entries(r.js.byType).map(([t, n]) => `${t} ${kb(n)}`).join(', ');
  console.log(`  ${r.path} by type: ${types}; without JS: ${kb(r.noJs.transfer)} in ${r.noJs.requests} requests`);
}

const missed: string[] = [];
for (const r of reports) {
  if (OVERVIEWS.has(r.path) && r.js.transfer > GOAL.transferKB * 1024) missed.push(`${r.path}: transfer ${kb(r.js.transfer)} > ${GOAL.transferKB} KB`);
  if (r.noJs.charts < r.js.charts) missed.push(`${r.path}: ${r.js.charts - r.noJs.charts} of ${r.js.charts} charts need JavaScript (${kb(r.js.jsTransfer)} JS loaded)`);
  for (const preset of PRESETS) {
    const f = r.lighthouse[preset];
    if (!f) continue;
    if (f.performance < GOAL.perf) missed.push(`${r.path} ${preset}: Lighthouse performance ${f.performance} < ${GOAL.perf}`);
    if (f.accessibility < GOAL.a11y) missed.push(`${r.path} ${preset}: Lighthouse accessibility ${f.accessibility} < ${GOAL.a11y}`);
  }
}

const failingAudits = new Map<string, { audit: Failure; where: string[] }>();
for (const r of reports) {
  for (const preset of PRESETS) {
    for (const f of r.lighthouse[preset]?.failing ?? []) {
      const entry = failingAudits.get(f.id) ?? { audit: f, where: [] };
      entry.where.push(`${r.path} ${preset}${f.displayValue ? ` (${f.displayValue.replace(/\s+/g, ' ')})` : ''}`);
      failingAudits.set(f.id, entry);
    }
  }
}
if (failingAudits.size) {
  console.log('\nLighthouse audits scoring below 1:');
  for (const [id, { audit, where }] of failingAudits) {
    console.log(`- ${id} (${audit.title}) on ${where.join('; ')}`);
    for (const node of audit.nodes.slice(0, 6)) console.log(`    ${node.slice(0, 220)}`);
    if (audit.nodes.length > 6) console.log(`    … ${audit.nodes.length - 6} more (see .cache/check-pages.json)`);
  }
}

console.log(missed.length ? `\nGoals missed (${missed.length}):\n${missed.map((m) => `  ✗ ${m}`).join('\n')}` : '\nAll goals met.');
writeFileAtomic('.cache/check-pages.json', `${JSON.stringify({ site, goals: GOAL, pages: reports, missed }, null, 2)}\n`);
console.log('figures: .cache/check-pages.json');
