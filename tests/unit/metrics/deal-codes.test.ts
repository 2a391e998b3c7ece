import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/lib/dataset.ts';
import { giveTextCodes } from '../../../src/lib/text-codes.ts';
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

describe('deal codes given by ingest', () => {
  it('are taken as they are, the teams named as the by-team table names them', () => {
    const list = deals.map((d) => ({ ...d }));
    // As the coded reading gives them: code 0 is '', texts of rows that were rejected may be there too.
    giveTextCodes(list, {
      owner: { codes: Int32Array.from([1, 2, 3, 1]), names: ['', 'Kim', '__proto__', 'Lee'] },
      team: { codes: Int32Array.from([1, 2, 0, 3]), names: ['', 'A', ' ', ' A ', 'B'] },
    });
    const codes = dealCodes(list);
    expect(codes.owner.names).toEqual(['', 'Kim', '__proto__', 'Lee']);
    // ' ' and ' A ' would share names with '' and 'A': the teams are coded from the deals instead.
    expect(codes.team.names).toEqual(['A', UNSPECIFIED]);
    expect(Array.from(codes.team.codes)).toEqual([0, 1, 1, 0]);
    expect(codes.account.names).toEqual(['acc1', 'acc2', '__proto__']);

    const trimmed = deals.map((d) => ({ ...d, team: d.team.trim() }));
    giveTextCodes(trimmed, { team: { codes: Int32Array.from([1, 0, 0, 1]), names: ['', 'A', 'B'] } });
    expect(dealCodes(trimmed).team).toEqual({ codes: Int32Array.from([1, 0, 0, 1]), names: [UNSPECIFIED, 'A', 'B'] });
    // A team really called "(unspecified)" beside deals without a team: one group, as without given codes.
    const named = trimmed.map((d, i) => ({ ...d, team: i === 0 ? UNSPECIFIED : d.team }));
    giveTextCodes(named, { team: { codes: Int32Array.from([2, 0, 0, 1]), names: ['', 'A', UNSPECIFIED] } });
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
