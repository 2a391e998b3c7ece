/**
 * Fuzzing the CRM adapters (tests/fuzz.test.ts does the canonical files): each
 * export fixture (HubSpot, Pipedrive, Salesforce reports and Data Loader
 * files) mutated with the same operators, then read with `loadExports`, as
 * the command reads a folder, with its fixture's config and options, and
 * computed. For every input:
 *
 * - the only exception allowed is IngestFatalError (a refused folder), with a message;
 * - rows = accepted + rejected for every file;
 * - every issue names a line (0: the file) and says something;
 * - metrics.json passes its schema (serializeMetrics checks it), with finite numbers only;
 * - the same input gives the same metrics.json twice.
 *
 * Runs: FUZZ_RUNS (default 3000, as tests/fuzz.test.ts; a third of them here).
 */
import { workbookCsv } from '../src/lib/ingest/workbook/xlsx.ts';
import { xlsCsv } from '../src/lib/ingest/workbook/xls.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/lib/ingest/config.ts';
import { byteSource } from '../src/lib/ingest/decode.ts';
import { IngestFatalError } from '../src/lib/ingest/issues.ts';
import { type ExportFile, loadExports } from '../src/lib/ingest/vendor/load.ts';
import { computeMetrics } from '../src/lib/metrics/index.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { check, type Mutation, mutate, mutation, nonFinite } from './helpers/mutations.ts';

const RUNS = Math.round(Number(process.env.FUZZ_RUNS ?? 3000) / 3);
const EXPORTS = join(import.meta.dirname, 'fixtures', 'exports');

interface Case {
  name: string;
  files: { path: string; bytes: Uint8Array }[];
  config: ReturnType<typeof parseConfig>;
  asOf: string;
  options: { format?: string; pipeline?: string };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A file's bytes as the exports reader is given them: a workbook's as the CSV of its sheet. */
function sheetBytes(path: string): Uint8Array {
  if (path.endsWith('.xlsx')) return new TextEncoder().encode(workbookCsv(readFileSync(path)).csv);
  if (path.endsWith('.xls')) return new TextEncoder().encode(xlsCsv(readFileSync(path)).csv);
  return new Uint8Array(readFileSync(path));
}

const CASES: Case[] = readdirSync(EXPORTS).map((name) => {
  const data = join(EXPORTS, name, 'data');
  const about = JSON.parse(readFileSync(join(EXPORTS, name, 'case.json'), 'utf8')) as { as_of: string; format?: string; pipeline?: string };
  const paths = filesUnder(data).filter((p) => !p.endsWith('pipeline.config.json'));
  return {
    name,
    // A workbook is fuzzed as the CSV it is read as (its container has tests of its own, workbook.test.ts and xls.test.ts).
    files: paths.map((p) => ({ path: relative(data, p).split('\\').join('/'), bytes: sheetBytes(p) })),
    config: parseConfig(JSON.parse(readFileSync(join(data, 'pipeline.config.json'), 'utf8'))),
    asOf: about.as_of,
    options: { ...(about.format ? { format: about.format } : {}), ...(about.pipeline ? { pipeline: about.pipeline } : {}) },
  };
});

function runOnce(c: Case, files: ExportFile[], detect: boolean): { text: string; stats: [string, { rows: number; accepted: number; rejected: number }][]; issues: { line: number; message: string; file: string; code: string }[] } | { fatal: string } {
  try {
    const dataset = loadExports(files, c.config, detect ? { pipeline: c.options.pipeline } : c.options);
    const metrics = computeMetrics(dataset, c.config, c.asOf);
    const bad = nonFinite(metrics);
    check(bad === null, `a non-finite number at ${bad}`);
    return { text: serializeMetrics(metrics), stats: Object.entries(dataset.files), issues: dataset.issues };
  } catch (e) {
    if (e instanceof IngestFatalError) return { fatal: e.message };
    throw e;
  }
}

/** ExportFiles read from bytes each time: a source is read once. */
const exportFiles = (files: { path: string; bytes: Uint8Array }[]): ExportFile[] => files.map((f) => ({ path: f.path, source: byteSource(f.bytes) }));

function property(c: Case, files: { path: string; bytes: Uint8Array }[], detect: boolean): void {
  const first = runOnce(c, exportFiles(files), detect);
  const second = runOnce(c, exportFiles(files), detect);
  if ('fatal' in first) {
    check('fatal' in second && second.fatal === first.fatal, 'a second run gave another result');
    check(first.fatal.trim() !== '', 'a fatal error without a message');
    return;
  }
  check('text' in second && second.text === first.text, 'a second run gave another metrics.json');
  for (const [file, s] of first.stats) check(s.rows === s.accepted + s.rejected, `${file}: rows ${s.rows} != accepted ${s.accepted} + rejected ${s.rejected}`);
  for (const issue of first.issues) {
    check(Number.isInteger(issue.line) && issue.line >= 0, `issue line ${issue.line}`);
    check(issue.message.trim() !== '', `an issue without a message: ${issue.file}:${issue.line} ${issue.code}`);
  }
}

describe('fuzz: mutated CRM exports through loadExports + computeMetrics', () => {
  it('finds every export fixture, and each reads clean before it is mutated', () => {
    expect(CASES.map((c) => c.name).sort()).toEqual(['hubspot-deals', 'hubspot-weekly-series', 'hubspot-workbook', 'hubspot-xls', 'pipedrive-deals', 'salesforce-data-loader', 'salesforce-history-report', 'salesforce-reports-joined']);
    for (const c of CASES) {
      const out = runOnce(c, exportFiles(c.files), false);
      expect('text' in out ? out.stats.length : out.fatal, c.name).toBeGreaterThan(0);
      property(c, c.files, false);
    }
  });

  it('mixed mutations of any export: no crash, every row counted, same result twice', { timeout: 180_000 }, () => {
    const input = fc.record({
      // By name, so that a counterexample reads as one.
      name: fc.constantFrom(...CASES.map((c) => c.name)),
      // Detected, or read as the fixture's --format says.
      detect: fc.boolean(),
      mutations: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(input, ({ name, detect, mutations }) => {
        const c = CASES.find((x) => x.name === name)!;
        const files = c.files.map((f) => ({ ...f }));
        for (const [which, m] of mutations as [number, Mutation][]) {
          const f = files[which % files.length]!;
          f.bytes = mutate(f.bytes, m);
        }
        property(c, files, detect);
      }),
      { numRuns: RUNS },
    );
  });
});
