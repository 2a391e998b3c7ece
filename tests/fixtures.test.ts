/**
 * Hand-computed fixtures: each `tests/fixtures/<case>/` holds an input folder
 * (`data/`), the as-of date (`case.json`) and the complete metrics.json that
 * metrics.md gives for it (`expected.json`, derived by hand, see NOTES.md).
 * The engine's output must match key for key, in the same order; numbers
 * within 1e-9 relative (counts exactly); issues' `message` only non-empty.
 *
 * Folders named `ingest-*` belong to the ingest tests and are skipped here.
 * `exports/<case>/` holds vendor exports (docs/exports.md) in the same shape;
 * their case.json may name `format` and `pipeline` (the CLI's options).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../src/lib/metrics/index.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface CaseFile {
  as_of: string;
  about: string;
  format?: string;
  pipeline?: string;
}

const caseFolders = (root: string, prefix = '') =>
  existsSync(root)
    ? readdirSync(root)
        .filter((name) => !name.startsWith('ingest-') && !name.startsWith('_'))
        .filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, 'case.json')))
        .sort()
        .map((name) => `${prefix}${name}`)
    : [];

const cases = [...caseFolders(ROOT), ...caseFolders(join(ROOT, 'exports'), 'exports/')];

/** Every file below `dir`, as `/`-separated relative paths. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** Keys whose values are counts: compared exactly, never with a tolerance. */
const INTEGER_KEYS = new Set([
  'schema_version',
  'window_days',
  'count',
  'visits',
  'cohort_size',
  'reached',
  'advanced',
  'won',
  'lost',
  'open_count',
  'won_count',
  'lost_count',
  'stalled_count',
  'pushes_in_window',
  'open_deals_pushed',
  'rows',
  'accepted',
  'rejected',
  'line',
]);

const REL_TOL = 1e-9;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

const show = (v: unknown) => JSON.stringify(v);

/**
 * Spec order of `data_quality.issues` is not defined by metrics.md; compare
 * them in a canonical order (file, line, column, code) so that only content counts.
 */
function canonicalIssues(issues: Json): Json {
  if (!Array.isArray(issues)) return issues;
  const key = (i: Json) => (isObject(i) ? [String(i.file), String(i.line).padStart(9, '0'), String(i.column), String(i.code)].join('\u0000') : '');
  return [...issues].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Returns the mismatches (JSON path: reason), at most `limit`. */
function compare(actual: Json, expected: Json, path = '$', out: string[] = [], limit = 25): string[] {
  if (out.length >= limit) return out;
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') {
      out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    } else if (INTEGER_KEYS.has(key) || Number.isNaN(actual)) {
      if (actual !== expected) out.push(`${path}: expected ${expected}, got ${actual}`);
    } else if (actual !== expected) {
      const diff = Math.abs(actual - expected);
      if (diff > REL_TOL * Math.max(Math.abs(actual), Math.abs(expected))) {
        out.push(`${path}: expected ${expected}, got ${actual}`);
      }
    }
    return out;
  }
  if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push(`${path}: expected an array, got ${show(actual)}`);
      return out;
    }
    const isIssues = path === '$.data_quality.issues';
    const a = isIssues ? (canonicalIssues(actual) as Json[]) : actual;
    const e = isIssues ? (canonicalIssues(expected) as Json[]) : expected;
    if (a.length !== e.length) {
      out.push(`${path}: expected ${e.length} items, got ${a.length}: ${show(a).slice(0, 600)}`);
      return out;
    }
    e.forEach((item, i) => compare(a[i]!, item, `${path}[${i}]`, out, limit));
    return out;
  }
  if (!isObject(actual)) {
    out.push(`${path}: expected an object, got ${show(actual)}`);
    return out;
  }
  const ak = Object.keys(actual);
  const ek = Object.keys(expected);
  if (ak.join(',') !== ek.join(',')) {
    out.push(`${path}: keys differ: expected [${ek.join(', ')}], got [${ak.join(', ')}]`);
    return out;
  }
  const inIssue = /^\$\.data_quality\.issues\[\d+\]$/.test(path);
  for (const k of ek) {
    if (inIssue && k === 'message') {
      const m = actual[k];
      if (typeof m !== 'string' || m.trim() === '') out.push(`${path}.message: expected a non-empty string, got ${show(m)}`);
      continue;
    }
    compare(actual[k]!, expected[k]!, `${path}.${k}`, out, limit);
  }
  return out;
}

async function run(folder: string, asOf: string, spec: Partial<CaseFile> = {}): Promise<string> {
  const { dataset, config } = await readFolder(folder, { format: spec.format, pipeline: spec.pipeline });
  return serializeMetrics(computeMetrics(dataset, config, asOf));
}

describe('the comparator', () => {
  it('reports paths, order and tolerance', () => {
    expect(compare({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
    expect(compare({ b: 1, a: 1 }, { a: 1, b: 1 })[0]).toMatch(/keys differ/);
    expect(compare({ x: [1, 3] }, { x: [1, 2] })[0]).toMatch(/^\$\.x\[1\]/);
    expect(compare({ m: 1 + 1e-12 }, { m: 1 })).toEqual([]);
    expect(compare({ count: 1 + 1e-12 }, { count: 1 })).toHaveLength(1);
    expect(compare({ r: 0 }, { r: null })).toHaveLength(1);
  });
});

describe('fixtures (hand-computed metrics.json)', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    const dir = join(ROOT, name);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseFile;

    describe(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { [key: string]: Json };

      it('expected.json is consistent with its data folder', () => {
        // generated_from = sha256 of every file in data/; rows = accepted + rejected.
        const files = listFiles(join(dir, 'data'));
        const hashes = Object.fromEntries(
          files.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, 'data', f))).digest('hex')]),
        );
        expect(expected.generated_from).toEqual(hashes);
        expect(expected.as_of).toBe(spec.as_of);
        const dq = expected.data_quality as { files: Record<string, { rows: number; accepted: number; rejected: number }> };
        for (const stats of Object.values(dq.files)) expect(stats.rows).toBe(stats.accepted + stats.rejected);
      });

      it(`matches expected.json as of ${spec.as_of}`, async () => {
        const text = await run(join(dir, 'data'), spec.as_of, spec);
        const actual = JSON.parse(text) as Json;
        const mismatches = compare(actual, expected);
        expect(mismatches, `${name}: ${spec.about}\n${mismatches.join('\n')}`).toEqual([]);
      });

      it('is byte-identical on a second run', async () => {
        const first = await run(join(dir, 'data'), spec.as_of, spec);
        const second = await run(join(dir, 'data'), spec.as_of, spec);
        expect(second === first).toBe(true);
      });
    });
  }
});
