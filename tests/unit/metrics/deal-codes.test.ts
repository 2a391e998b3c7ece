import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/lib/dataset.ts';
import { dealCodes } from '../../../src/lib/metrics/deal-codes.ts';
import { UNSPECIFIED } from '../../../src/lib/metrics/win-loss.ts';

const deal = (owner: string, team: string, accountId: string, product: string) => ({ owner, team, accountId, product }) as Deal;
const deals = [
  deal('Kim', 'A', 'acc1', 'p1'),
  deal('__proto__', ' ', 'acc2', 'constructor'),
  deal('Lee', '', 'acc1', 'p1'),
  deal('Kim', ' A ', '__proto__', 'p2'),
];

describe('deal codes', () => {
  it('owner, team (trimmed, empty as unspecified), account and product, in order of first appearance, names such as __proto__ included, made once per list of deals', () => {
    const codes = dealCodes(deals);
    expect(codes.team.names).toEqual(['A', UNSPECIFIED]);
    expect(Array.from(codes.team.codes)).toEqual([0, 1, 1, 0]);
    expect(codes.account.names).toEqual(['acc1', 'acc2', '__proto__']);
    expect(Array.from(codes.product.codes)).toEqual([0, 1, 0, 2]);
    expect(dealCodes(deals)).toBe(codes);
    expect(dealCodes(deals.slice(0, 1)).owner.names).toEqual(['Kim']);
  });
});
