import { describe, expect, it } from 'vitest';
import { appendAll } from '../../src/lib/append.ts';

describe('appendAll', () => {
  it('appends more items than a spread call takes (about 120,000), in order, after what is there', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    // What it replaces throws here: the limit is real, so the test below means something.
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    appendAll(target, items);
    expect(target).toHaveLength(300_001);
    expect(target.slice(0, 3)).toEqual([-1, 0, 1]);
    expect(target.at(-1)).toBe(299_999);
  });
});
