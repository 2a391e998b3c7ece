/**
 * The adapter part of `npm run bench`: how much slower reading a Salesforce
 * Opportunity History report is than reading the canonical files that hold
 * the same rows (target: at most 1.5x).
 *
 *   node scripts/lib/bench-salesforce.ts generate <canonical bench folder> <out folder>
 *   node --expose-gc scripts/lib/bench-salesforce.ts time <out folder> <runs>
 *
 * `generate` reads the seeded bench folder (scripts/lib/sample/) and writes,
 * from the same deals and stage visits, `<out>/report/` (an Opportunity
 * History report as Salesforce exports it: every cell quoted, M/D/YYYY dates,
 * each opportunity's rows newest first, the footer) and `<out>/canonical/`
 * (deals.csv and stage_history.csv of the same rows, dates only, in order),
 * with one pipeline.config.json. `time` reads both folders alternately and
 * prints one JSON line: median wall times and the adapter path's phases.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfigText } from '../../src/lib/ingest/config.ts';
import { byteSource } from '../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../src/lib/ingest/issues.ts';
import { readFolder } from '../../src/lib/ingest/read-folder.ts';
import { assembleDataset } from '../../src/lib/ingest/vendor/assemble.ts';
import { detectExports } from '../../src/lib/ingest/vendor/load.ts';
import { salesforceReport } from '../../src/lib/ingest/vendor/salesforce-report.ts';
import { computeMetrics } from '../../src/lib/metrics/index.ts';
import { localDateOf } from '../../src/lib/time.ts';

const REPORT_FILE = 'Opportunity History report.csv';

const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
const csvCell = (v: string) => (/[",\r\n]/u.test(v) ? quote(v) : v);
/** `2025-06-30` as Salesforce writes it for en_US: `6/30/2025`. */
const usDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;

async function generate(source: string, out: string): Promise<void> {
  const { dataset, config } = await readFolder(source);
  const tz = config.timezone;
  const raw = JSON.parse(readFileSync(join(source, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
  // Amounts are written in config currency, so no fx; the report writes US dates.
  const configText = `${JSON.stringify({ ...raw, date_order: 'MDY', fx: {} }, null, 2)}\n`;
  const label = config.stages.map((s) => s.label.en ?? s.id);
  const { deal, stage, enteredAt, length } = dataset.stageHistory;
  // Each deal's rows in time order (file order on ties), by a counting sort.
  const n = dataset.deals.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < length; i++) start[deal[i]! + 1]!++;
  for (let d = 0; d < n; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, n);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[fill[deal[i]!]!++] = i;

  for (const dir of ['report', 'canonical']) mkdirSync(join(out, dir), { recursive: true });
  for (const dir of ['report', 'canonical']) writeFileSync(join(out, dir, 'pipeline.config.json'), configText);
  const report = openSync(join(out, 'report', REPORT_FILE), 'w');
  const deals = openSync(join(out, 'canonical', 'deals.csv'), 'w');
  const history = openSync(join(out, 'canonical', 'stage_history.csv'), 'w');
  const header = ['Opportunity ID', 'Opportunity Name', 'Opportunity Owner', 'Created Date', 'Last Modified', 'Last Modified By', 'From Stage', 'To Stage', 'Stage Duration', 'Amount', 'Probability (%)'];
  writeSync(report, `${header.map(quote).join(',')}\r\n`);
  writeSync(deals, 'deal_id,deal_name,account_id,owner,amount,created_at,stage\n');
  writeSync(history, 'deal_id,stage,entered_at\n');
  let reportRows = 0;
  let historyRows = 0;
  const reportChunk: string[] = [];
  const dealChunk: string[] = [];
  const historyChunk: string[] = [];
  const flush = () => {
    writeSync(report, reportChunk.join(''));
    writeSync(deals, dealChunk.join(''));
    writeSync(history, historyChunk.join(''));
    reportChunk.length = dealChunk.length = historyChunk.length = 0;
  };
  for (let d = 0; d < n; d++) {
    const rows = order.subarray(start[d]!, start[d + 1]!);
    if (rows.length === 0) continue;
    const x = dataset.deals[d]!;
    const amount = x.amount === null ? '' : String(x.amount);
    const created = localDateOf(x.createdAt, tz);
    // Consecutive entries of one stage are one visit: the report has one row per move.
    const visits: { stage: number; date: string; at: number }[] = [];
    for (const i of rows) {
      if (visits.length > 0 && visits.at(-1)!.stage === stage[i]) continue;
      visits.push({ stage: stage[i]!, date: localDateOf(enteredAt[i]!, tz), at: enteredAt[i]! });
    }
    const lines: string[] = [];
    visits.forEach((v, k) => {
      const from = k === 0 ? '' : label[visits[k - 1]!.stage]!;
      const days = k === 0 ? 0 : Math.floor((v.at - visits[k - 1]!.at) / 86_400_000);
      const probability = String(Math.round(config.stages[v.stage]!.probability * 100));
      const cells = [x.id, x.name, x.owner, usDate(created), usDate(v.date), x.owner, from, label[v.stage]!, String(days), amount, probability];
      lines.push(`${cells.map(quote).join(',')}\r\n`);
      historyChunk.push(`${csvCell(x.id)},${csvCell(label[v.stage]!)},${v.date}\n`);
    });
    // A report sorted by opportunity lists each one's changes newest first.
    for (let k = lines.length - 1; k >= 0; k--) reportChunk.push(lines[k]!);
    reportRows += lines.length;
    historyRows += visits.length;
    // What the adapter makes of a history-only report: the name stands in for the account.
    dealChunk.push(`${[x.id, x.name, x.name || x.id, x.owner, amount, created, label[visits.at(-1)!.stage]!].map(csvCell).join(',')}\n`);
    if (reportChunk.length > 20_000) flush();
  }
  reportChunk.push(
    `\r\n${quote(`Grand Totals (${reportRows} records)`)}\r\n\r\n${quote('Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.')}\r\n` +
      `${quote('Confidential Information - Do Not Distribute')}\r\n${quote('Generated By:  Bench  6/30/2026 9:00 AM')}\r\n${quote('Salesforce.com')}\r\n`,
  );
  flush();
  for (const fd of [report, deals, history]) closeSync(fd);
  process.stdout.write(`${JSON.stringify({ report_rows: reportRows, canonical_history_rows: historyRows })}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const round = (x: number) => Math.round(x);

/** Wall and CPU time (user + system, all threads: the machine may be shared, so CPU time is the steadier figure). */
async function measure<T>(fn: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/** The adapter path step by step (files read whole here, so the total is not the CLI's). */
async function phases(folder: string): Promise<Record<string, { wall: number; cpu: number }>> {
  const config = parseConfigText(readFileSync(join(folder, 'pipeline.config.json'), 'utf8'));
  const bytes = readdirSync(folder)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ f, b: readFileSync(join(folder, f)) }));
  const read = await measure(() => detectExports(bytes.map(({ f, b }) => ({ path: f, source: byteSource(b) })), { lean: true }, new IssueLog()));
  const adapt = await measure(() => salesforceReport.adapt(read.value.roles, { config }));
  const build = await measure(() => assembleDataset({ output: adapt.value, tables: read.value.tables, config, format: 'salesforce-report', readIssues: [] }));
  const out = (m: { wall: number; cpu: number }) => ({ wall: round(m.wall), cpu: round(m.cpu) });
  return { read_vendor_csv: out(read), adapt: out(adapt), canonical_build: out(build) };
}

async function time(out: string, runs: number): Promise<void> {
  const reportFolder = join(out, 'report');
  const canonicalFolder = join(out, 'canonical');
  const adapter: { wall: number; cpu: number }[] = [];
  const canonical: { wall: number; cpu: number }[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    // Only the timings are kept: a run's Dataset held on would weigh on every later run's garbage collection.
    const a = await measure(() => readFolder(reportFolder));
    adapter.push({ wall: a.wall, cpu: a.cpu });
    rows = Object.values(a.value.dataset.files).reduce((sum, f) => sum + f.rows, 0);
    gc();
    const c = await measure(() => readFolder(canonicalFolder));
    canonical.push({ wall: c.wall, cpu: c.cpu });
  }
  gc();
  const steps = await phases(reportFolder);
  gc();
  // The same rows must give the same metrics (apart from the file names and data_quality).
  const asOf = '2026-06-30';
  const strip = (m: unknown) => JSON.stringify({ ...(m as Record<string, unknown>), generated_from: null, data_quality: null });
  const x = await readFolder(reportFolder);
  const y = await readFolder(canonicalFolder);
  const same = strip(computeMetrics(x.dataset, x.config, asOf)) === strip(computeMetrics(y.dataset, y.config, asOf));
  const summary = (xs: { wall: number; cpu: number }[]) => ({ wall: round(median(xs.map((m) => m.wall))), cpu: round(median(xs.map((m) => m.cpu))) });
  const adapterMs = summary(adapter);
  const canonicalMs = summary(canonical);
  const result = {
    rows,
    adapter_ms: adapterMs,
    canonical_ms: canonicalMs,
    ratio_wall: adapterMs.wall / canonicalMs.wall,
    ratio_cpu: adapterMs.cpu / canonicalMs.cpu,
    phases_ms: steps,
    same_metrics: same,
    max_rss_mb: round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'generate' && a && b) await generate(a, b);
else if (mode === 'time' && a) await time(a, Number(b ?? 3));
else if (mode === 'phases' && a) process.stdout.write(`${JSON.stringify(await phases(join(a, 'report')))}\n`);
else {
  process.stderr.write('usage: node scripts/lib/bench-salesforce.ts generate <bench folder> <out> | time <out> [runs]\n');
  process.exitCode = 2;
}
