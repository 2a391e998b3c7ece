import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodePoint, mean, quantiles, quantileSorted, ratio } from '../../src/lib/stats.ts';

describe('stats', () => {
  it('quantile is R-7 (d3.quantile / numpy default)', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.75)).toBe(4);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
  it('quantiles by selection are the quantiles of the sorted values, exactly', () => {
    expect(quantiles([10, 1, 4, 3, 2], [0.5, 0.75, 0.9])).toEqual([3, 4, quantileSorted([1, 2, 3, 4, 10], 0.9)]);
    expect(quantiles([], [0.5, 0.9])).toEqual([null, null]);
    expect(quantiles([7], [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(() => quantiles([1, 2], [0.9, 0.5])).toThrow(/ascending/u);
    // Few distinct values (runs of ties), many, and long runs already in order or reversed.
    const values = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 300 }),
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 }),
      fc.integer({ min: 0, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i % 7)),
      fc.integer({ min: 0, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => n - i)),
    );
    const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }).map((p) => p.sort((a, b) => a - b));
    fc.assert(
      fc.property(values, ps, (xs, p) => {
        // A numeric sort (a typed array's), never the default string sort.
        const sorted = Float64Array.from(xs).sort();
        expect(quantiles(xs, p)).toEqual(p.map((q) => quantileSorted(sorted, q)));
      }),
      { numRuns: 500 },
    );
  });
  it('mean and ratio of empty sets are null', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2])).toBe(1.5);
    expect(ratio(1, 0)).toBeNull();
  });
  it('sorts names in code-point order, astral after U+FFxx', () => {
    const names = ['😀', '\uFF21', 'b', 'B', '가'];
    expect([...names].sort(byCodePoint)).toEqual(['B', 'b', '가', '\uFF21', '😀']);
  });
});
