/**
 * node scripts/bench-warm.ts [--data DIR] [--as-of YYYY-MM-DD] [--runs N]: what V8's warm-up costs the work after
 * the read, in one process: the folder read once, then the engine (model, metrics, the output's pieces) run N
 * times on it. The first run is what `npm run metrics` pays, on one thread while the other is idle; the later
 * ones run code already optimized, so the difference is the warm-up (interpreted code until TurboFan's). The
 * same work split between two threads would run cold on both: each pays that warm-up again for its share
 * (docs/performance.md, forty-sixth round).
 * The data folder is `npm run bench`'s (bench-data/100000-10 by default; that command generates it).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readFolder } from '../src/lib/ingest/read-folder.ts';
import { computeAt, prepare } from '../src/lib/metrics/index.ts';
import { metricsChunks } from '../src/lib/metrics/serialize.ts';
import { asOfOption, wholeNumberOption } from './lib/io.ts';
import type { LocalDate } from '../src/lib/time.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'bench-data/100000-10' }, 'as-of': { type: 'string', default: '2026-06-30' }, runs: { type: 'string', default: '4' } } });
const data = values.data;
const asOf = asOfOption(values['as-of']) as LocalDate;
const runs = Math.max(1, wholeNumberOption('runs', values.runs, 50) ?? 4);
if (!existsSync(data)) {
  process.stderr.write(`bench-warm: no folder ${data} (npm run bench generates bench-data/)\n`);
  process.exit(2);
}

const read = await readFolder(data);
const engine = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const prepared = prepare(read.dataset, read.config);
  const t1 = performance.now();
  const { metrics } = computeAt(prepared, asOf);
  const t2 = performance.now();
  // The pieces are made as they are taken: taken here as writing them would.
  let chars = 0;
  for (const piece of metricsChunks(metrics)) chars += piece.length;
  if (chars === 0) throw new Error('no output');
  engine.push({ model: Math.round(t1 - t0), metrics: Math.round(t2 - t1), output: Math.round(performance.now() - t2) });
}
console.log('engine (ms), first run cold:');
console.table(engine);
