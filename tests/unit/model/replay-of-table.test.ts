/**
 * The field replay made from ingest's table of changes (replayOfTable) against the one made from the
 * same changes as objects (buildFieldReplay's other path): the same columns, the same per-deal lists of
 * the dataset's own objects, the same pushes, on random tables (ties in time, values missing, both fields).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { AMOUNT_CHANGE, CLOSE_CHANGE, changeAt, type FieldTable, giveFieldTable, ownFieldTable } from '../../../src/lib/field-table.ts';
import { buildFieldReplay } from '../../../src/lib/model/snapshot.ts';
import { replayColumns } from '../../../src/lib/model/replay-columns.ts';
import { firstPushedFrom, pushTimes } from '../../../src/lib/model/pushes.ts';
import { makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig(undefined);
const DATES = ['2025-03-01', '2025-02-15', '2025-04-30', '2025-03-01'];
const deals = (n: number) => Array.from({ length: n }, (_, d) => ({ id: `D${d}`, createdAt: noonOf('2025-01-02') }));

const change = fc.record({
  deal: fc.nat(5),
  kind: fc.constantFrom(AMOUNT_CHANGE, CLOSE_CHANGE),
  // Few distinct times, so that a deal's changes tie; NaN: no value.
  day: fc.nat(4),
  old: fc.option(fc.nat(3), { nil: null }),
  new: fc.option(fc.nat(3), { nil: null }),
});

type Row = { deal: number; kind: number; day: number; old: number | null; new: number | null };

function tableOf(rows: readonly Row[]): FieldTable {
  const value = (kind: number, v: number | null) => (v === null ? NaN : kind === AMOUNT_CHANGE ? v * 1_000_000 + 0.5 : v);
  return {
    length: rows.length,
    deal: Int32Array.from(rows, (r) => r.deal),
    kind: Int8Array.from(rows, (r) => r.kind),
    oldValue: Float64Array.from(rows, (r) => value(r.kind, r.old)),
    newValue: Float64Array.from(rows, (r) => value(r.kind, r.new)),
    dates: DATES,
    // Ties on the same day: the file's order (its lines) decides.
    changedAt: Float64Array.from(rows, (r) => noonOf(`2025-0${1 + r.day}-10`)),
    line: Int32Array.from(rows, (_, i) => 2 + 3 * i),
  };
}

describe('the field replay from a table of changes', () => {
  it('is the replay of the same changes as objects', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (rows) => {
        const table = tableOf(rows);
        const objects = Array.from({ length: table.length }, (_, i) => changeAt(table, i));
        const plain = makeDataset(config, deals(6), objects);
        const tabled = makeDataset(config, deals(6), null);
        giveFieldTable(tabled, table);
        expect(ownFieldTable(plain)).toBeNull();
        expect(ownFieldTable(tabled)).toBe(table);

        const a = buildFieldReplay(plain);
        const b = buildFieldReplay(tabled);
        for (const field of ['amount', 'expectedClose'] as const) {
          expect(b[field].size).toBe(a[field].size);
          for (let d = 0; d < 7; d++) expect(b[field].has(d)).toBe(a[field].has(d));
          expect(replayColumns(b[field])).toEqual(replayColumns(a[field]));
          expect([...b[field].entries()]).toEqual([...a[field].entries()]);
        }
        expect([...pushTimes(b, 6).entries()]).toEqual([...pushTimes(a, 6).entries()]);
        // The lists hold the dataset's own objects, made once.
        const own = new Set(tabled.fieldHistory);
        expect(own.size).toBe(table.length);
        b.amount.forEach((list) => list.forEach((c) => expect(own.has(c)).toBe(true)));
        expect(tabled.fieldHistory).toBe(tabled.fieldHistory);
      }),
    );
  });

  it("orders a deal's changes by time, then by line", () => {
    const table = tableOf([
      { deal: 1, kind: CLOSE_CHANGE, day: 2, old: 0, new: 2 },
      { deal: 0, kind: CLOSE_CHANGE, day: 3, old: 1, new: 0 },
      { deal: 1, kind: CLOSE_CHANGE, day: 0, old: 1, new: 0 },
      { deal: 1, kind: CLOSE_CHANGE, day: 2, old: 2, new: null },
    ]);
    const dataset = makeDataset(config, deals(2), null);
    giveFieldTable(dataset, table);
    const c = replayColumns(buildFieldReplay(dataset).expectedClose);
    // Deal 1 first (its change comes first in the file), its three changes by time, the tie in file order.
    expect([...c.deals]).toEqual([1, 0]);
    expect([...c.start]).toEqual([0, 3, 4]);
    expect(c.oldValue).toEqual(['2025-02-15', '2025-03-01', '2025-04-30', '2025-02-15']);
    expect(c.newValue).toEqual(['2025-03-01', '2025-04-30', null, '2025-03-01']);
    // Later dates are pushes; a change to no date is none.
    expect([...pushTimes(buildFieldReplay(dataset), 2).entries()]).toEqual([
      [1, [noonOf('2025-01-10'), noonOf('2025-03-10')]],
      [0, [noonOf('2025-04-10')]],
    ]);
  });

  it('gives the close date a deal was first pushed from before T, not a pull-in nor a date set where none was', () => {
    const table = tableOf([
      // Deal 0: pulled in on Jan 10 (Mar 1 to Feb 15), then pushed on Feb 10 (Feb 15 to Apr 30), again on Apr 10.
      { deal: 0, kind: CLOSE_CHANGE, day: 0, old: 0, new: 1 },
      { deal: 0, kind: CLOSE_CHANGE, day: 1, old: 1, new: 2 },
      { deal: 0, kind: CLOSE_CHANGE, day: 3, old: 0, new: 2 },
      // Deal 1: a date set where none was on Jan 10, then pushed on Mar 10 (Mar 1 to Apr 30).
      { deal: 1, kind: CLOSE_CHANGE, day: 0, old: null, new: 0 },
      { deal: 1, kind: CLOSE_CHANGE, day: 2, old: 3, new: 2 },
    ]);
    const dataset = makeDataset(config, deals(3), null);
    giveFieldTable(dataset, table);
    const replay = buildFieldReplay(dataset);
    expect(firstPushedFrom(replay, 0, noonOf('2025-06-01'))).toBe('2025-02-15');
    expect(firstPushedFrom(replay, 0, noonOf('2025-02-01'))).toBeNull();
    expect(firstPushedFrom(replay, 1, noonOf('2025-04-01'))).toBe('2025-03-01');
    expect(firstPushedFrom(replay, 1, noonOf('2025-03-01'))).toBeNull();
    // No change at all, and a deal past the last one with changes.
    expect(firstPushedFrom(replay, 2, noonOf('2025-06-01'))).toBeNull();
    expect(firstPushedFrom(replay, 9, noonOf('2025-06-01'))).toBeNull();
  });

  it('gives a test that sets fieldHistory what it set', () => {
    const table = tableOf([{ deal: 0, kind: AMOUNT_CHANGE, day: 0, old: 1, new: 2 }]);
    const dataset = makeDataset(config, deals(1), null);
    giveFieldTable(dataset, table);
    expect(dataset.fieldHistory).toEqual([{ deal: 0, field: 'amount', oldValue: 1_000_000.5, newValue: 2_000_000.5, changedAt: noonOf('2025-01-10'), line: 2 }]);
    dataset.fieldHistory = [];
    expect(ownFieldTable(dataset)).toBeNull();
    expect(buildFieldReplay(dataset).amount.size).toBe(0);
  });
});
