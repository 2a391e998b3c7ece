import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DealLists } from '../../../src/lib/model/deal-lists.ts';

describe('DealLists', () => {
  it('reads as the Map of the same sets: values, sizes and the order deals were first set', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 40 }), fc.string()), { maxLength: 80 }), (sets) => {
        const lists = new DealLists<string>(41);
        const map = new Map<number, string>();
        for (const [d, v] of sets) {
          lists.set(d, v);
          map.set(d, v);
        }
        expect(lists.size).toBe(map.size);
        expect([...lists]).toEqual([...map]);
        expect([...lists.entries()]).toEqual([...map.entries()]);
        expect([...lists.keys()]).toEqual([...map.keys()]);
        expect([...lists.values()]).toEqual([...map.values()]);
        const seen: [number, string][] = [];
        lists.forEach((v, d, self) => {
          expect(self).toBe(lists);
          seen.push([d, v]);
        });
        expect(seen).toEqual([...map]);
        for (let d = 0; d <= 41; d++) {
          expect(lists.get(d)).toBe(map.get(d));
          expect(lists.has(d)).toBe(map.has(d));
        }
      }),
      { numRuns: 300 },
    );
  });
});
