import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/lib/dataset.ts';
import { tableOfDeals } from '../../../src/lib/deal-table.ts';
import { dealCodes } from '../../../src/lib/metrics/deal-codes.ts';
import { slotTable } from '../../../src/lib/metrics/repurchase.ts';
import { UNSPECIFIED } from '../../../src/lib/metrics/win-loss.ts';

const deal = (owner: string, team: string, accountId: string, product: string) => ({ owner, team, accountId, product }) as Deal;
const deals = [
  deal('Kim', 'A', 'acc1', 'p1'),
  deal('__proto__', ' ', 'acc2', 'constructor'),
  deal('Lee', '', 'acc1', 'p1'),
  deal('Kim', ' A ', '__proto__', 'p2'),
];

describe('deal codes', () => {
  it('owner, team (trimmed, empty as unspecified), account and product, in order of first appearance, names such as __proto__ included, made once per table', () => {
    const table = tableOfDeals(deals);
    const codes = dealCodes(table);
    expect(codes.team.names).toEqual(['A', UNSPECIFIED]);
    expect(Array.from(codes.team.codes)).toEqual([0, 1, 1, 0]);
    expect(codes.account.names).toEqual(['acc1', 'acc2', '__proto__']);
    expect(Array.from(codes.product.codes)).toEqual([0, 1, 0, 2]);
    expect(dealCodes(table)).toBe(codes);
    // The table's own codes where nothing is renamed.
    expect(codes.owner).toBe(table.owner);
    expect(dealCodes(tableOfDeals(deals.slice(0, 1))).owner.names).toEqual(['Kim']);
  });

  it('keeps the team codes of the table when no two teams share a by-team name, and merges those that do', () => {
    const trimmed = tableOfDeals(deals.map((d) => ({ ...d, team: d.team.trim() })));
    expect(dealCodes(trimmed).team).toEqual({ codes: trimmed.team.codes, names: ['A', UNSPECIFIED] });
    expect(dealCodes(trimmed).team.codes).toBe(trimmed.team.codes);
    // A team really called "(unspecified)" beside deals without a team: one group.
    const named = tableOfDeals(deals.map((d, i) => ({ ...d, team: i === 0 ? UNSPECIFIED : d.team.trim() })));
    expect(named.team.names).toEqual([UNSPECIFIED, '', 'A']);
    expect(dealCodes(named).team.names).toEqual([UNSPECIFIED, 'A']);
    expect(Array.from(dealCodes(named).team.codes)).toEqual([0, 0, 0, 1]);
  });
});

describe('repurchase slots by pair (account code × products + product code)', () => {
  it('keeps and finds slots as a Map does: an array when pairs are not many more than deals, else a Map', () => {
    const ops: [number, number][] = [
      [0, 0],
      [7, 1],
      [3, 2],
      [7, 3],
    ];
    for (const [pairs, deals, isMap] of [
      [8, 2, false],
      [5_000, 10, true],
    ] as const) {
      const table = slotTable(pairs, deals);
      expect(table instanceof Map).toBe(isMap);
      expect(table.get(7)).toBeUndefined();
      for (const [pair, slot] of ops) table.set(pair, slot);
      expect([0, 1, 3, 5, 7].map((p) => table.get(p))).toEqual([0, undefined, 2, undefined, 3]);
    }
  });
});
