/**
 * node scripts/bench-deals-layers.ts [--data DIR] [--runs N]: what each layer of reading deals.csv costs,
 * each layer timed in a process of its own (a cold start, as in `npm run metrics`), layers alternating,
 * medians of wall and CPU time (every thread: V8 compiles and collects on its own threads).
 *
 *   tokenize  the CSV reader alone: decoding, hashing, tokenizing, nothing done with a record
 *   cells     and every cell made a string
 *   parse     and every row parsed by the coded reader (coded-row.ts), nothing kept
 *   columns   and a few values kept per deal in columns (id, name, amount, created, closed)
 *   table     and every value of a Deal kept in columns (typed arrays for numbers, arrays of the shared strings)
 *   codes     and every value kept in typed arrays: the repeating texts as the coded reader's codes, only ids and names as strings
 *   objects   and a Deal-shaped object kept per deal (what the Dataset holds now)
 *   deals     readDeals itself (objects, checks, warnings, the id table, the text codes)
 *
 * The gaps between layers are what the issue 8 rewrite (deals as typed columns) would and would not save.
 * The data folder is `npm run bench`'s (bench-data/100000-10 by default; that command generates it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS } from './lib/cli-bundles.mjs';
import { fastRowReader, RowCodes } from '../src/lib/ingest/coded-row.ts';
import { configFromFiles } from '../src/lib/ingest/dataset-builder.ts';
import { readDeals } from '../src/lib/ingest/deals.ts';
import { fileSource } from '../src/lib/ingest/file-source.ts';
import { grown } from '../src/lib/ingest/grown.ts';
import { IssueLog } from '../src/lib/ingest/issues.ts';
import { rowContext } from '../src/lib/ingest/row-context.ts';
import { dealRow, type DealRow } from '../src/lib/ingest/schema.ts';
import { readTable } from '../src/lib/ingest/table.ts';

const LAYERS = ['tokenize', 'cells', 'parse', 'columns', 'table', 'codes', 'objects', 'deals'] as const;
type Layer = (typeof LAYERS)[number];

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The numbers of a deal kept per row: amount, rate, created, closed, removed, cost, lifecycle, line (NaN: none). */
const NUMBERS = 8;

function writeNumbers(into: Float64Array, at: number, r: DealRow, line: number): void {
  const { fxRate } = r.currency;
  into[at] = r.amount === null ? NaN : r.amount.value * fxRate;
  into[at + 1] = fxRate;
  into[at + 2] = r.created_at;
  into[at + 3] = r.closed_at ?? NaN;
  into[at + 4] = r.removed_at ?? NaN;
  into[at + 5] = r.cost === null ? NaN : r.cost.value * fxRate;
  into[at + 6] = r.lifecycle_months ?? NaN;
  into[at + 7] = line;
}

/** Every value of a Deal in columns: what the rewrite's table would keep (numbers unboxed, texts as the reader's shared strings). */
class TableColumns {
  private n = 0;
  private numbers = new Float64Array(NUMBERS * 1024);
  private stage = new Int32Array(1024);
  private readonly texts: (string | null)[][] = Array.from({ length: 17 }, () => []);

  add(r: DealRow, line: number): void {
    const n = this.n++;
    if (NUMBERS * n + NUMBERS > this.numbers.length) {
      this.numbers = grown(this.numbers, this.numbers.length * 2);
      this.stage = grown(this.stage, this.stage.length * 2);
    }
    writeNumbers(this.numbers, NUMBERS * n, r, line);
    this.stage[n] = r.stage;
    const t = this.texts;
    const { code } = r.currency;
    t[0]!.push(r.deal_id);
    t[1]!.push(text(r.deal_name));
    t[2]!.push(r.account_id);
    t[3]!.push(text(r.account_name));
    t[4]!.push(r.owner);
    t[5]!.push(text(r.team));
    t[6]!.push(text(r.product));
    t[7]!.push(code);
    t[8]!.push(r.expected_close_at);
    t[9]!.push(text(r.lost_reason));
    t[10]!.push(text(r.win_reason));
    t[11]!.push(text(r.competitor));
    t[12]!.push(text(r.source));
    t[13]!.push(text(r.keyman));
    t[14]!.push(r.installed_at);
    t[15]!.push(text(r.forecast_category.value));
    t[16]!.push(text(r.purchase_type.value));
  }
}

/** The texts that repeat, kept as the coded reader's codes. */
const CODED_TEXTS = ['account_id', 'account_name', 'owner', 'team', 'product', 'currency', 'expected_close_at', 'lost_reason', 'win_reason', 'competitor', 'source', 'keyman', 'installed_at', 'forecast_category', 'purchase_type', 'stage'];

/**
 * Every value of a Deal in typed arrays: numbers, the repeating texts' codes; only ids and names as strings. A column
 * the coded reader reads cell by cell (its texts mostly distinct) has no codes (-1): a lower bound for such a column.
 */
class CodedColumns {
  private n = 0;
  private numbers = new Float64Array(NUMBERS * 1024);
  private codes = new Int32Array(CODED_TEXTS.length * 1024);
  private readonly ids: string[] = [];
  private readonly names: (string | null)[] = [];

  add(r: DealRow, line: number, last: Int32Array): void {
    const n = this.n++;
    if (NUMBERS * n + NUMBERS > this.numbers.length) {
      this.numbers = grown(this.numbers, this.numbers.length * 2);
      this.codes = grown(this.codes, this.codes.length * 2);
    }
    writeNumbers(this.numbers, NUMBERS * n, r, line);
    this.codes.set(last, CODED_TEXTS.length * n);
    this.ids.push(r.deal_id);
    this.names.push(text(r.deal_name));
  }
}

/** One layer, timed in this process: [rows, wall ms, CPU ms]. */
function timeLayer(dir: string, layer: Layer): [number, number, number] {
  const path = join(dir, 'deals.csv');
  const config = configFromFiles({ 'pipeline.config.json': readFileSync(join(dir, 'pipeline.config.json')) });
  const ctx = rowContext(config);
  const source = fileSource(path, statSync(path).size, () => {});
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  if (layer === 'deals') rows = readDeals(source, ctx, { issues: new IssueLog() }).candidates.length;
  else {
    const def = dealRow(ctx);
    const columns = Object.keys(def.fields);
    const kept: object[] = [];
    const ids: string[] = [];
    const names: string[] = [];
    const amount: number[] = [];
    const created: number[] = [];
    const closed: number[] = [];
    const table = new TableColumns();
    const rowCodes = new RowCodes(CODED_TEXTS);
    const coded = new CodedColumns();
    readTable(source, { file: 'deals.csv', required: [], known: columns }, { issues: new IssueLog() }, (t) => {
      const width = t.names.length;
      const fast = fastRowReader(def, columns.map((c) => t.index[c]!), false, { transient: true, grouping: ['account_id', 'account_name'], codes: rowCodes });
      return (record) => {
        if (layer === 'tokenize') return ++rows > 0;
        if (layer === 'cells') {
          for (let i = 0; i < width; i++) record.cell(i);
          return ++rows > 0;
        }
        const r: DealRow | null = fast(record);
        if (r === null) return false;
        rows++;
        if (layer === 'columns') {
          ids.push(r.deal_id);
          names.push(typeof r.deal_name === 'string' ? r.deal_name : '');
          amount.push(r.amount === null ? NaN : r.amount.value);
          created.push(r.created_at);
          closed.push(r.closed_at ?? NaN);
        } else if (layer === 'table') {
          table.add(r, record.line);
        } else if (layer === 'codes') {
          coded.add(r, record.line, rowCodes.last);
        } else if (layer === 'objects') {
          // Shaped as deals.ts's toDeal makes a Deal, without its checks.
          const { code, fxRate } = r.currency;
          kept.push({
            id: r.deal_id,
            name: r.deal_name,
            accountId: r.account_id,
            accountName: r.account_name,
            owner: r.owner,
            team: r.team,
            product: r.product,
            amount: r.amount === null ? null : r.amount.value * fxRate,
            currency: code,
            fxRate,
            createdAt: r.created_at,
            expectedCloseAt: r.expected_close_at,
            closedAt: r.closed_at,
            removedAt: r.removed_at,
            stage: r.stage,
            lostReason: r.lost_reason,
            winReason: r.win_reason,
            competitor: r.competitor,
            source: r.source,
            keyman: r.keyman,
            budgetConfirmed: r.budget_confirmed.value === true,
            forecastCategory: r.forecast_category.value,
            purchaseType: r.purchase_type.value,
            installedAt: r.installed_at,
            lifecycleMonths: r.lifecycle_months,
            cost: r.cost === null ? null : r.cost.value * fxRate,
            line: record.line,
          });
        }
        return true;
      };
    });
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [rows, wall, (cpu.user + cpu.system) / 1000];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string', default: 'bench-data/100000-10' }, runs: { type: 'string', default: '5' }, layer: { type: 'string' } } });
  const dir = values.data;
  if (values.layer !== undefined) {
    // A child: one layer, its figures on stdout.
    if (!(LAYERS as readonly string[]).includes(values.layer)) throw new Error(`no layer ${values.layer}`);
    process.stdout.write(`${JSON.stringify(timeLayer(dir, values.layer as Layer))}\n`);
    return;
  }
  const runs = Number(values.runs);
  const times = new Map<Layer, { rows: number; wall: number[]; cpu: number[] }>(LAYERS.map((l) => [l, { rows: 0, wall: [], cpu: [] }]));
  for (let run = 0; run < runs; run++) {
    for (const layer of LAYERS) {
      const out = execFileSync(process.execPath, [...COMMANDS.metrics.nodeFlags, import.meta.filename, '--data', dir, '--layer', layer], { encoding: 'utf8' });
      const [rows, wall, cpu] = JSON.parse(out) as [number, number, number];
      const t = times.get(layer)!;
      t.rows = rows;
      t.wall.push(wall);
      t.cpu.push(cpu);
    }
  }
  console.log(`deals.csv of ${dir}, median of ${runs} cold runs per layer (ms):`);
  console.table(LAYERS.map((layer) => ({ layer, rows: times.get(layer)!.rows, wall_ms: Math.round(median(times.get(layer)!.wall)), cpu_ms: Math.round(median(times.get(layer)!.cpu)) })));
}

main();
