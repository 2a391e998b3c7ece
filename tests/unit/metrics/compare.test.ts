/**
 * What changed between two dates (metrics/compare.ts): hand-computed on a
 * dozen deals, and equal to the engine's waterfall for the same period on
 * the fixtures and the sample.
 */
import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../../src/lib/dataset.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { CHANGE_KINDS, compareRuns, WATERFALL_KINDS } from '../../../src/lib/metrics/compare.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { waterfall } from '../../../src/lib/metrics/waterfall.ts';
import { addDays } from '../../../src/lib/time.ts';
import { changesView } from '../../../src/lib/views/changes.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const t = (month: number, day: number) => Date.UTC(2025, month - 1, day, 12);

/**
 * Compared: 2025-06-01 (P = 06-02 00:00 UTC) with 2025-06-30 (T = 07-01 00:00 UTC).
 * Stall threshold: 30 days in every stage (fewer than 20 visits, so no stage learns its own).
 */
function dozen() {
  const config = parseConfig(undefined);
  const deals = [
    // A: qualify at P, propose at T: advanced.
    { id: 'A', createdAt: t(5, 1), amount: 100, history: [['prospect', t(5, 1)], ['qualify', t(5, 20)], ['propose', t(6, 10)]] },
    // B: negotiate at P, qualify at T: moved back.
    { id: 'B', createdAt: t(5, 1), amount: 200, history: [['propose', t(5, 1)], ['negotiate', t(5, 15)], ['qualify', t(6, 15)]] },
    // C: open at P, won in the period.
    { id: 'C', createdAt: t(5, 5), amount: 300, closedAt: t(6, 20), history: [['prospect', t(5, 5)], ['won', t(6, 20)]] },
    // D: open at P, lost in the period.
    { id: 'D', createdAt: t(5, 5), amount: 400, closedAt: t(6, 25), history: [['qualify', t(5, 5)], ['lost', t(6, 25)]] },
    // E: new, still open.
    { id: 'E', createdAt: t(6, 10), amount: 500, history: [['prospect', t(6, 10)]] },
    // F: new and won.
    { id: 'F', createdAt: t(6, 12), amount: 600, closedAt: t(6, 28), history: [['prospect', t(6, 12)], ['won', t(6, 28)]] },
    // G: open at P, removed from the CRM in the period.
    { id: 'G', createdAt: t(4, 1), amount: 700, removedAt: t(6, 15), history: [['prospect', t(4, 1)]] },
    // H: lost before P, reopened in the period.
    { id: 'H', createdAt: t(3, 1), amount: 800, history: [['prospect', t(3, 1)], ['lost', t(4, 1)], ['propose', t(6, 5)]] },
    // I: expected close pushed from 06-30 to 08-31, amount 1000 -> 1500 (stalled at both dates).
    { id: 'I', createdAt: t(5, 1), amount: 1500, expectedCloseAt: '2025-08-31', history: [['propose', t(5, 1)]] },
    // J: amount 2000 -> 1200 (stalled at both dates).
    { id: 'J', createdAt: t(5, 1), amount: 1200, history: [['prospect', t(5, 1)]] },
    // K: 18 days in prospect at P, 47 at T: newly stalled.
    { id: 'K', createdAt: t(5, 15), amount: 50, history: [['prospect', t(5, 15)]] },
    // L: 30.5 days in prospect at T: not over the threshold; nothing changed.
    { id: 'L', createdAt: t(6, 1), amount: 60, history: [['prospect', t(6, 1)]] },
    // M: 47.5 days in prospect at P (stalled), qualify since 06-20 at T (10.5 days): advanced and no longer stalled.
    { id: 'M', createdAt: t(4, 15), amount: 80, history: [['prospect', t(4, 15)], ['qualify', t(6, 20)]] },
    // N: 52.5 days in prospect at P (stalled), won in the period.
    { id: 'N', createdAt: t(4, 10), amount: 70, closedAt: t(6, 15), history: [['prospect', t(4, 10)], ['won', t(6, 15)]] },
  ] as const;
  const field = (deal: number, f: FieldChange['field'], oldValue: number | string, newValue: number | string, changedAt: number, line: number): FieldChange => ({
    deal,
    field: f,
    oldValue,
    newValue,
    changedAt,
    line,
  });
  const changes = [
    field(8, 'expected_close_at', '2025-06-30', '2025-08-31', t(6, 10), 2),
    field(8, 'amount', 1000, 1500, t(6, 12), 3),
    field(9, 'amount', 2000, 1200, t(6, 3), 4),
  ];
  const dataset = makeDataset(
    config,
    deals.map((d) => ({ ...d, history: d.history.map(([s, at]) => [s, at] as [string, number]) })),
    changes,
  );
  return { dataset, config };
}

describe('compareRuns', () => {
  const { dataset, config } = dozen();
  const prepared = prepare(dataset, config);
  const from = computeAt(prepared, '2025-06-01');
  const to = computeAt(prepared, '2025-06-30');
  const c = compareRuns(from, to);
  const ids = (kind: string) => c.groups.find((g) => g.kind === kind)!.deals.map((d) => dataset.deals[d]!.id);

  it('puts each deal in the kinds of change it went through (hand-computed)', () => {
    expect(Object.fromEntries(CHANGE_KINDS.map((k) => [k, ids(k)]))).toEqual({
      new: ['E', 'F'],
      won: ['C', 'F', 'N'],
      lost: ['D'],
      removed: ['G'],
      reopened: ['H'],
      advanced: ['A', 'M'],
      moved_back: ['B'],
      slipped: ['I'],
      amount_up: ['I'],
      amount_down: ['J'],
      newly_stalled: ['K'],
      unstalled: ['M'],
    });
  });

  it('says what became of the deals stalled at the earlier date (hand-computed: G I J M N stalled at P)', () => {
    // G removed; I and J still in their stage; M moved on to qualify; N won.
    expect(c.stalledAtStart).toEqual({ count: 5, won: 1, lost: 0, removed: 1, unstalled: 1, still: 2 });
  });

  it('counts and sums each kind at the later date’s amounts, and the bridge adds up', () => {
    const totals = Object.fromEntries(c.groups.map((g) => [g.kind, [g.total.count, g.total.amount]]));
    expect(totals).toMatchObject({ new: [2, 1100], won: [3, 970], lost: [1, 400], removed: [1, 700], reopened: [1, 800], amount_up: [1, 1500], amount_down: [1, 1200] });
    // Open at P: A B C D G I J K L M N; open at T: A B E H I J K L M.
    expect(c.start).toEqual({ count: 11, amount: 100 + 200 + 300 + 400 + 700 + 1500 + 1200 + 50 + 60 + 80 + 70 });
    expect(c.end).toEqual({ count: 9, amount: 100 + 200 + 500 + 800 + 1500 + 1200 + 50 + 60 + 80 });
    const n = (k: string) => c.groups.find((g) => g.kind === k)!.total;
    expect(c.start.count + n('new').count + n('reopened').count - n('won').count - n('lost').count - n('removed').count).toBe(c.end.count);
  });

  it('equals the waterfall with waterfall_days = the days between the dates', () => {
    const w = waterfall({ ...to.context, config: { ...config, waterfall_days: 29 } });
    for (const k of WATERFALL_KINDS) expect(c.groups.find((g) => g.kind === k)!.total, k).toEqual(w[k]);
    expect(c.start).toEqual(w.start);
    expect(c.end).toEqual(w.end);
  });

  it('lists each deal once in the site view, with its stage, amount and close date at both dates', () => {
    const view = changesView(from, to, 'period');
    const byId = new Map(view.deals.map((d) => [d.deal_id, d]));
    expect(byId.get('I')).toMatchObject({ stage_from: 'propose', stage_to: 'propose', amount_from: 1000, amount_to: 1500, close_from: '2025-06-30', close_to: '2025-08-31' });
    expect(byId.get('E')).toMatchObject({ stage_from: null, stage_to: 'prospect', amount_from: null });
    expect(byId.get('G')).toMatchObject({ stage_from: 'prospect', stage_to: null, amount_to: 700 });
    expect(view.deals.map((d) => d.deal_id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'M', 'N']);
    expect(view.stalled_then).toEqual({ count: 5, won: 1, lost: 0, removed: 1, unstalled: 1, still: 2 });
    expect(view.tracked).toEqual({ expected_close: true, amount: true });
    const won = view.groups.find((g) => g.kind === 'won')!;
    expect(won.deals.map((i) => view.deals[i]!.deal_id)).toEqual(['C', 'F', 'N']);
  });

  it('refuses a "from" that is not before "to"', () => {
    expect(() => compareRuns(to, from)).toThrow(/is not before/u);
  });
});

describe('the counts equal the engine’s waterfall for the same period', () => {
  const cases: [string, string, number[]][] = [
    ['tests/fixtures/spec-example/data', '2025-06-30', [1, 7, 30, 90, 365]],
    ['tests/fixtures/reopened-waterfall/data', '2025-06-30', [7, 30, 60]],
    ['tests/fixtures/revisions-2026-11/data', '2025-06-30', [5, 30]],
    ['data/sample', '2026-06-30', [7, 30, 91]],
  ];
  it.each(cases)('%s as of %s', async (folder, asOf, gaps) => {
    const { dataset, config } = await readFolder(folder);
    const prepared = prepare(dataset, config);
    const to = computeAt(prepared, asOf);
    for (const gap of gaps) {
      const from = computeAt(prepared, addDays(asOf, -gap));
      const c = compareRuns(from, to);
      const w = waterfall({ ...to.context, config: { ...config, waterfall_days: gap } });
      const got = Object.fromEntries(WATERFALL_KINDS.map((k) => [k, c.groups.find((g) => g.kind === k)!.total]));
      const want = Object.fromEntries(WATERFALL_KINDS.map((k) => [k, w[k]]));
      expect(got, `${gap} days`).toEqual(want);
      expect([c.start, c.end]).toEqual([w.start, w.end]);
    }
  });
});
