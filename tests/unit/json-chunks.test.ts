import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/lib/json-chunks.ts';

describe('jsonChunks', () => {
  it('joined, is JSON.stringify(value, null, 2) plus a line end, for any JSON-like value and any walk depth', () => {
    // fc.anything also gives undefined, -0, Dates, null-prototype objects and odd keys (__proto__, "").
    const value = fc.anything({ withDate: true, withNullPrototype: true, withObjectString: true, maxDepth: 4 });
    fc.assert(
      // Small pieces, and pieces large enough for arrays to go in batches of several elements.
      fc.property(value, fc.integer({ min: 0, max: 5 }), fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 64, max: 4096 })), (v, depth, chunkChars) => {
        const pieces = [...jsonChunks(v, depth, chunkChars)];
        const expected = JSON.stringify(v, null, 2) as string | undefined;
        expect(pieces.join('')).toBe(`${expected ?? 'null'}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives long arrays of rows, at any depth and indentation, in batches of the same text', () => {
    const row = fc.oneof(fc.record({ id: fc.string(), amount: fc.double(), tags: fc.array(fc.string(), { maxLength: 3 }), note: fc.option(fc.string()) }), fc.string(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 300 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 16, max: 8192 }), (rows, depth, chunkChars) => {
        const doc = depth === 1 ? rows : { a: { rows, n: 1 }, rows };
        expect([...jsonChunks(doc, depth, chunkChars)].join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts an array where the walk ends into batches too: a list of issues, one per rejected row, is never one string', () => {
    const issues = Array.from({ length: 5000 }, (_, i) => ({ file: 'stage_history.csv', line: i + 2, column: 'deal_id', message: `"X${i}" is not in deals.csv` }));
    const doc = { n: 1, data_quality: { files: {}, issues } };
    // Walked to depth 2, as metrics.json is: the walk ends at the issues, a level below the other lists.
    const pieces = [...jsonChunks(doc, 2, 4096)];
    expect(pieces.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(100);
    for (const p of pieces) expect(p.length).toBeLessThan(4096 * 1.5);
  });

  it('leaves out what JSON.stringify leaves out: functions and symbols in objects, null in arrays', () => {
    const doc = { f: () => 1, s: Symbol('x'), u: undefined, list: [() => 1, Symbol('y'), undefined, 1], kept: { when: new Date(0) } };
    expect([...jsonChunks(doc)].join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect([...jsonChunks(doc)].join('')).toContain('"list": [\n    null,\n    null,\n    null,\n    1\n  ]');
  });

  it('cuts a large value into pieces of about the asked size', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `D${i}`, amount: i * 1.5, reasons: ['price', null], note: undefined }));
    const doc = { rows, total: 1, empty: [], none: {} };
    const pieces = [...jsonChunks(doc, 2, 1000)];
    expect(pieces.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(40);
    // Every piece but the last reaches the size; none runs past it by much more than a quarter of it
    // (a batch of rows, made by the rows' length so far; one row is under 200 characters).
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1000);
    for (const p of pieces) expect(p.length).toBeLessThan(1450);
  });
});
