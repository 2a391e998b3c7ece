/**
 * A seeded, deterministic generator of a Pipescope data folder (input.md):
 * a Korean B2B equipment vendor selling machine tools, lasers, vision
 * inspection, robots and an MES subscription to manufacturers.
 *
 * Pure: no Math.random, no clock. The same options give byte-identical files.
 * The model (the story, the benchmark bounces, the deliberate data-quality
 * issues, the parser paths exercised) is described in README.md here.
 *
 * Modules: options (options, summary), state (one run's state), rng (PRNG),
 * time (KST calendar), world (the fixed cast), accounts, demand (creation
 * times, account and product choice, repurchases), deal (one deal),
 * deal-story (stage path, reasons, name), field-changes (field_history),
 * quality-issues (deliberate bad rows), csv-out (CSV rows and chunks),
 * targets (targets.csv), config-file (pipeline.config.json).
 */
import { accountsCsv, flushChunk, writeHeaders } from './csv-out.ts';
import { configJson } from './config-file.ts';
import { makeAccounts } from './accounts.ts';
import { simulateDeal } from './deal.ts';
import { creationTimes } from './demand.ts';
import { DATASET_FILES, type DatasetFile, type DatasetSummary, type GeneratedDataset, type GenerateOptions, resolveOptions } from './options.ts';
import { badRows } from './quality-issues.ts';
import { newState } from './state.ts';
import { targetsCsv } from './targets.ts';

export { DATASET_FILES };
export type { DatasetFile, DatasetSummary, GeneratedDataset, GenerateOptions };
export { Rng } from './rng.ts';
export { STAGES } from './world.ts';

/** Generate every file in memory: file name to its full text. */
export function generateDataset(options: GenerateOptions = {}): GeneratedDataset & { summary: DatasetSummary } {
  const parts: Record<DatasetFile, string[]> = {
    'pipeline.config.json': [],
    'accounts.csv': [],
    'deals.csv': [],
    'stage_history.csv': [],
    'field_history.csv': [],
    'targets.csv': [],
  };
  const summary = streamDataset(options, (file, chunk) => parts[file].push(chunk));
  const out = { summary } as GeneratedDataset & { summary: DatasetSummary };
  for (const f of DATASET_FILES) out[f] = parts[f].join('');
  return out;
}

/**
 * Generate the files as a stream of chunks: `write(file, text)` is called in
 * order for each file (header first); chunks of different files interleave.
 * Concatenating the chunks of a file gives exactly `generateDataset(...)[file]`.
 *
 * Deals are simulated one at a time in order of creation, each from its own
 * PRNG stream (seed, 1000 + deal index); accounts, creation times, the bad
 * rows and targets use streams 1, 2, 3 and 4.
 */
export function streamDataset(options: GenerateOptions, write: (file: DatasetFile, chunk: string) => void): DatasetSummary {
  const o = resolveOptions(options);
  const s = newState(o, write);
  write('pipeline.config.json', configJson(o));
  makeAccounts(s);
  write('accounts.csv', accountsCsv(s.accounts));
  writeHeaders(s);

  const created = creationTimes(s);
  for (let i = 0; i < o.deals; i++) {
    simulateDeal(s, i, created[i]!);
    if ((i + 1) % o.chunkDeals === 0 || i === o.deals - 1) {
      if (i === o.deals - 1 && o.dataQualityIssues) badRows(s);
      flushChunk(s);
    }
  }
  write('targets.csv', targetsCsv(s));
  return s.summary;
}
