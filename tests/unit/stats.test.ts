import { describe, expect, it } from 'vitest';
import { byCodePoint, mean, quantileSorted, ratio } from '../../src/lib/stats.ts';

describe('stats', () => {
  it('quantile is R-7 (d3.quantile / numpy default)', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.75)).toBe(4);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNull();
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
