import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/lib/dataset.ts';
import { dealCodes, textCodes } from '../../../src/lib/model/deal-codes.ts';

const deals = ['Kim', '__proto__', 'Lee', 'Kim', 'constructor', '__proto__'].map((owner) => ({ owner }) as Deal);

describe('deal codes', () => {
  it('one code per distinct text, in order of first appearance, names such as __proto__ included', () => {
    const { codes, names } = textCodes(deals, (d) => d.owner);
    expect(names).toEqual(['Kim', '__proto__', 'Lee', 'constructor']);
    expect(Array.from(codes)).toEqual([0, 1, 2, 0, 3, 1]);
  });

  it('made once per list of deals and key, and again for another list', () => {
    let calls = 0;
    const text = (d: Deal) => {
      calls++;
      return d.owner;
    };
    const first = dealCodes(deals, 'owner', text);
    expect(dealCodes(deals, 'owner', text)).toBe(first);
    expect(calls).toBe(6);
    const other = deals.slice(0, 2);
    expect(dealCodes(other, 'owner', text).names).toEqual(['Kim', '__proto__']);
    expect(calls).toBe(8);
  });
});
