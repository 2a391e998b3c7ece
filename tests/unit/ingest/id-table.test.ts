import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../src/lib/ingest/id-table.ts';

describe('IdTable', () => {
  it('finds what a Map finds, by string and by range, whatever order the lookups come in', () => {
    const id = fc.oneof(fc.constantFrom('D1', 'D2', 'D10', '__proto__', 'constructor', ''), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 60 }), fc.array(id, { maxLength: 120 }), fc.boolean(), (ids, others, inOrder) => {
        const table = IdTable.from(ids.map((text, i) => [text, i * 3] as const));
        const expected = new Map(ids.map((text, i) => [text, i * 3]));
        // In deals.csv's order (each id once, then again: the entry found last, the one after it), or mixed with others.
        const lookups = inOrder ? [...ids, ...ids.flatMap((t) => [t, t])] : [...others, ...ids].sort();
        for (const text of lookups) {
          const want = expected.get(text) ?? -1;
          const src = `,${text},`;
          expect(table.find(src, 1, 1 + text.length)).toBe(want);
          expect(table.get(text)).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not take a neighbouring entry whose hash is the same but whose text is not', () => {
    const table = IdTable.from([
      ['A-1', 0],
      ['A-2', 1],
      ['A-3', 2],
    ]);
    expect(table.find('A-1', 0, 3)).toBe(0);
    // The entry after the last found is A-2: a shorter or longer text there must not match.
    expect(table.find('A-', 0, 2)).toBe(-1);
    expect(table.find('A-22', 0, 4)).toBe(-1);
    expect(table.find('A-3', 0, 3)).toBe(2);
    expect(table.find('A-3', 0, 3)).toBe(2);
    expect(table.find('A-1', 0, 3)).toBe(0);
  });
});
