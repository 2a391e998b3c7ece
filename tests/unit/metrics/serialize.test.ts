/**
 * metrics.json is checked against its schema before it is written (serialize.ts), the long lists in
 * batches: a wrong value anywhere is still found, and named by its place in the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsChunks, MetricsSchemaError, serializeMetrics } from '../../../src/lib/metrics/serialize.ts';
import type { Metrics } from '../../../src/lib/metrics/schema.ts';

const example = JSON.parse(readFileSync(new URL('../../fixtures/spec-example/expected.json', import.meta.url), 'utf8')) as Metrics;

/** The worked example with its lists made long (10,000 rows each), so that they go in several batches. */
function longMetrics(): Metrics {
  const m = structuredClone(example);
  const repeat = <T>(rows: T[]): T[] => Array.from({ length: 10_000 }, (_, i) => structuredClone(rows[i % rows.length]!));
  m.stalled = repeat(m.stalled);
  m.repurchase = repeat(m.repurchase);
  m.data_quality.issues = Array.from({ length: 10_000 }, (_, i) => ({ file: 'stage_history.csv', line: i + 2, column: 'deal_id', code: 'unknown_deal', severity: 'error' as const, message: `"X${i}" is not in deals.csv` }));
  return m;
}

const failure = (m: unknown) => {
  try {
    metricsChunks(m as Metrics);
  } catch (e) {
    expect(e).toBeInstanceOf(MetricsSchemaError);
    return (e as Error).message;
  }
  return 'passed';
};

describe('metrics.json against its schema', () => {
  it('passes the worked example, and the same made long; its text is JSON.stringify\'s', () => {
    expect(example.stalled.length * example.repurchase.length).toBeGreaterThan(0);
    expect(failure(example)).toBe('passed');
    const m = longMetrics();
    expect(failure(m)).toBe('passed');
    expect(serializeMetrics(m)).toBe(`${JSON.stringify(m, null, 2)}\n`);
  });

  it('finds a wrong row in any batch of a long list, and names its index in the whole list', () => {
    const m = longMetrics();
    (m.repurchase[9_000] as { amount: number }).amount = Number.NaN;
    expect(failure(m)).toMatch(/^metrics\.json failed its schema at repurchase\.9000\.amount: /);
    const s = longMetrics();
    (s.stalled[4_096] as { flags: string[] }).flags = ['late'];
    expect(failure(s)).toMatch(/^metrics\.json failed its schema at stalled\.4096\.flags\.0: /);
    const i = longMetrics();
    (i.data_quality.issues[5_000] as { severity: string }).severity = 'fatal';
    expect(failure(i)).toMatch(/^metrics\.json failed its schema at data_quality\.issues\.5000\.severity: /);
  });

  it('finds what is outside the lists: a key too many, a list that is not one, a wrong value', () => {
    expect(failure({ ...longMetrics(), extra: 1 })).toMatch(/^metrics\.json failed its schema at \(top\): /);
    expect(failure({ ...longMetrics(), repurchase: {} })).toMatch(/^metrics\.json failed its schema at repurchase: /);
    const m = longMetrics();
    m.pipeline.open_count = -1;
    expect(failure(m)).toMatch(/^metrics\.json failed its schema at pipeline\.open_count: /);
  });
});
