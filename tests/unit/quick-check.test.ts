/**
 * The quick check made from a zod schema (src/lib/quick-check.ts) may say no to a value zod accepts
 * (zod then decides), never yes to one zod refuses: checked on metrics.json's schema with random
 * changes to the worked example's output, on the cases a hand-written check would get wrong, and on
 * the schemas it must not try.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metricsSchema, type Metrics } from '../../src/lib/metrics/schema.ts';
import { quickCheck } from '../../src/lib/quick-check.ts';

const spec = JSON.parse(readFileSync(new URL('../fixtures/spec-example/expected.json', import.meta.url), 'utf8')) as Metrics;
/** The worked example's output, with a rejected row among its issues so that every list has a row. */
const example: Metrics = {
  ...spec,
  data_quality: {
    ...spec.data_quality,
    issues: [{ file: 'stage_history.csv', line: 7, column: 'deal_id', code: 'unknown_deal', severity: 'error', message: '"X1" is not in deals.csv' }],
  },
};

const quick = quickCheck(metricsSchema)!;
const zodSays = (value: unknown) => metricsSchema.safeParse(value).success;

/** Every place in `value` (paths of keys and indices), the value itself first. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path];
  if (Array.isArray(value)) value.forEach((x, i) => out.push(...places(x, [...path, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, x] of Object.entries(value)) out.push(...places(x, [...path, k]));
  return out;
}

const PLACES = places(example).filter((p) => p.length > 0);
const REPLACEMENTS: unknown[] = [Infinity, -Infinity, Number.NaN, -1, 0, 1.5, 2 ** 53, '', 'x', '2024-01-01', '2024-1-1', '2024-01', 'covered', 'won', null, true, {}, [], [1], { a: 1 }];

type Change = { kind: 'set'; place: number; to: number } | { kind: 'delete'; place: number } | { kind: 'add'; place: number; key: string };

function changed(change: Change): unknown {
  const m = structuredClone(example) as unknown as Record<string | number, unknown>;
  const path = PLACES[change.place % PLACES.length]!;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, m);
  const last = path[path.length - 1]!;
  if (change.kind === 'set') parent[last] = structuredClone(REPLACEMENTS[change.to % REPLACEMENTS.length]);
  else if (change.kind === 'delete') delete parent[last];
  else {
    const target = parent[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[change.key] = 1;
  }
  return m;
}

const changes = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), place: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), place: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), place: fc.nat(), key: fc.constantFrom('extra', 'count', '__proto__', 'constructor') }),
);

describe('quickCheck', () => {
  it('rests on zod 4 refusing numbers that are not finite', () => {
    for (const v of [Infinity, -Infinity, Number.NaN]) {
      expect(z.number().safeParse(v).success).toBe(false);
      expect(z.int().safeParse(v).success).toBe(false);
    }
    expect(z.int().safeParse(1.5).success).toBe(false);
    expect(z.int().safeParse(2 ** 53).success).toBe(false);
  });

  it("says yes to the worked example's metrics, as zod does", () => {
    expect(zodSays(example)).toBe(true);
    expect(quick(example)).toBe(true);
    expect(example.repurchase.length * example.stalled.length * example.data_quality.issues.length).toBeGreaterThan(0);
  });

  it('never says yes where zod says no, on random changes anywhere in the document', () => {
    let refused = 0;
    fc.assert(
      fc.property(changes, (change) => {
        const value = changed(change);
        const q = quick(value);
        const zod = zodSays(value);
        if (!zod) refused++;
        return !q || zod;
      }),
      { numRuns: 2000 },
    );
    // The changes must reach both answers: a run where zod refused nothing would prove nothing.
    expect(refused).toBeGreaterThan(500);
  });

  it('says no to the values a hand-written check gets wrong', () => {
    const row = example.repurchase[0]!;
    const variants: [string, unknown][] = [
      ['a key too many', { ...row, extra: 1 }],
      ['a key missing', Object.fromEntries(Object.entries(row).slice(1))],
      ['a key renamed with the count kept', { ...Object.fromEntries(Object.entries(row).slice(1)), other: 1 }],
      ['an own __proto__ key', JSON.parse(JSON.stringify({ ...row }).replace('{', '{"__proto__":1,'))],
      ['an object of a class', Object.assign(Object.create({ inherited: 1 }), row)],
      ['a key hidden from enumeration beside an extra one', Object.defineProperty({ ...Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'amount')), extra: 1 }, 'amount', { value: 1, enumerable: false })],
      ['a date with a day of one digit', { ...row, base_date: '2024-02-1' }],
      ['a status outside the list', { ...row, status: 'soon' }],
      ['an amount that is text', { ...row, amount: '1' }],
      ['an amount that is infinite', { ...row, amount: Infinity }],
    ];
    for (const [what, value] of variants) {
      const m = { ...example, repurchase: [value] };
      expect([what, quick(m)]).toEqual([what, false]);
      expect([what, zodSays(m)]).toEqual([what, false]);
    }
  });

  it('is null for schemas with what it does not know, rather than guess', () => {
    const unknowns: z.ZodType[] = [
      z.number().refine((n) => n > 0),
      z.strictObject({ a: z.string().optional() }),
      z.object({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.string().transform((s) => s.length),
      z.email(),
      z.string().min(2),
      z.string().regex(/a/g),
      z.array(z.string()).min(1),
      z.record(z.enum(['a', 'b']), z.string()),
      z.unknown(),
      z.int32(),
      z.number().multipleOf(2),
    ];
    for (const schema of unknowns) expect(quickCheck(schema)).toBeNull();
  });

  it('checks bounds, patterns, nullables, unions and records as zod does', () => {
    const schema = z.strictObject({
      n: z.int().positive().lte(10),
      s: z.string().regex(/^[a-z]+$/),
      u: z.union([z.literal('x'), z.number().nullable()]),
      r: z.record(z.string().regex(/^k/), z.number()),
    });
    const check = quickCheck(schema)!;
    const values: unknown[] = [
      { n: 1, s: 'ab', u: 'x', r: { k1: 1 } },
      { n: 10, s: 'ab', u: null, r: {} },
      { n: 0, s: 'ab', u: 1, r: {} },
      { n: 11, s: 'ab', u: 1, r: {} },
      { n: 2.5, s: 'ab', u: 1, r: {} },
      { n: 1, s: 'aB', u: 1, r: {} },
      { n: 1, s: 'ab', u: 'y', r: {} },
      { n: 1, s: 'ab', u: 1, r: { j: 1 } },
      { n: 1, s: 'ab', u: 1, r: { k: Number.NaN } },
      { n: 1, s: 'ab', u: 1, r: [] },
    ];
    for (const v of values) expect([v, check(v)]).toEqual([v, schema.safeParse(v).success]);
  });
});
