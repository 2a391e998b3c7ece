import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotTable, sortedSlots } from '../../../src/lib/metrics/repurchase.ts';

/** Slots of distinct (account, product) pairs with date keys, and the order the comparator of (date, account rank, product rank) gives. */
function check(accounts: number, products: number, pairs: [number, number, number][]): void {
  const seen = new Set<number>();
  const slots = pairs.filter(([a, p]) => !seen.has(a * products + p) && seen.add(a * products + p));
  const accountCodes = Int32Array.from(slots, ([a]) => a);
  const productCodes = Int32Array.from(slots, ([, p]) => p);
  const latest = slots.map((_, slot) => slot); // deal `slot` is the slot's deal
  const slotOf = slotTable(accounts * products, slots.length);
  slots.forEach(([a, p], slot) => slotOf.set(a * products + p, slot));
  // Ranks in reverse code order, so that rank and code differ.
  const accountRank = Int32Array.from({ length: accounts }, (_, c) => accounts - 1 - c);
  const productRank = Int32Array.from({ length: products }, (_, c) => products - 1 - c);
  const dateKey = Float64Array.from(slots, ([, , key]) => key);
  const expected = latest
    .slice()
    .sort((x, y) => dateKey[x]! - dateKey[y]! || accountRank[accountCodes[x]!]! - accountRank[accountCodes[y]!]! || productRank[productCodes[x]!]! - productRank[productCodes[y]!]!);
  expect(Array.from(sortedSlots(dateKey, latest, slotOf, accountCodes, accountRank, productCodes, productRank))).toEqual(expected);
}

describe('repurchase row order', () => {
  it('by date, account rank and product rank: one number per slot sorted as numbers, or the comparator past 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 6 }), fc.integer({ min: 0, max: 40 })), { maxLength: 120 }), (pairs) => check(31, 7, pairs)),
      { numRuns: 300 },
    );
    // 2e8 keys x 1e5 accounts x 1e3 products passes 2^53: the comparator's order, the same.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 999 }), fc.integer({ min: 0, max: 200_000_000 })), { maxLength: 60 }), (pairs) =>
        check(100_000, 1000, pairs),
      ),
      { numRuns: 50 },
    );
  });
});
