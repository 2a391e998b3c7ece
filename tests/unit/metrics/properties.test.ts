import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, parseConfig } from '../../../src/lib/ingest/config.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import type { FieldChange } from '../../../src/lib/dataset.ts';
import { forecastAccuracy } from '../../../src/lib/metrics/forecast-accuracy.ts';
import { LOST, NONE, OPEN, replayedValue, takeSnapshot, takeSnapshotOf, WON } from '../../../src/lib/model/snapshot.ts';
import { addToMonth, startOfLocalDate } from '../../../src/lib/time.ts';
import { dayOfDate } from '../../../src/lib/day-numbers.ts';
import { DAY_MS } from '../../../src/lib/time.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

// The default stages plus a parked stage and a second lost stage (the 2026-11-30 revisions).
const config = parseConfig({
  stages: [
    ...DEFAULT_STAGES.slice(0, 4),
    { id: 'hold', kind: 'open', probability: 0.2, parked: true },
    ...DEFAULT_STAGES.slice(4),
    { id: 'no_decision', kind: 'lost' },
  ],
});
const stageIds = config.stages.map((s) => s.id);
const BASE = Date.UTC(2024, 0, 1);

/** Random deals: created within ~2 years, 0-8 history rows in any order, any stages. */
const dealsArb = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: 700 }),
      amount: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1e9 })),
      history: fc.array(fc.tuple(fc.constantFrom(...stageIds), fc.integer({ min: -30, max: 700 }), fc.integer({ min: 0, max: 23 })), {
        maxLength: 8,
      }),
      owner: fc.constantFrom('Kim', 'Lee', 'Park'),
      removed: fc.option(fc.integer({ min: 0, max: 760 }), { freq: 4 }),
    }),
    { maxLength: 40 },
  )
  .map((raw) =>
    raw.map(
      (r, i): DealSpec => ({
        id: `D${i}`,
        createdAt: BASE + r.created * DAY_MS,
        amount: r.amount,
        owner: r.owner,
        // A terminal deal without history needs a close date (input.md); give every deal one.
        closedAt: BASE + (r.created + 10) * DAY_MS,
        removedAt: r.removed === null ? null : BASE + r.removed * DAY_MS,
        history: r.history.map(([s, day, hour]) => [s, BASE + day * DAY_MS + hour * 3_600_000] as [string, number]),
      }),
    ),
  );
const asOfArb = fc.integer({ min: 0, max: 760 }).map((d) => new Date(BASE + d * DAY_MS).toISOString().slice(0, 10));

describe('metric invariants (property tests)', () => {
  it('every existing deal is in exactly one state, and the pipeline counts every open deal once', () => {
    fc.assert(
      fc.property(dealsArb, asOfArb, (specs, asOf) => {
        const prepared = prepare(makeDataset(config, specs), config);
        const { metrics, context } = computeAt(prepared, asOf);
        const s = context.at.state;
        let open = 0;
        for (let d = 0; d < s.length; d++) {
          expect([NONE, OPEN, WON, LOST]).toContain(s[d]);
          // Exists at T: created before T and not removed before T (rule 3).
          const removed = specs[d]!.removedAt;
          const exists = context.timelines.created[d]! < context.T && !(removed != null && removed < context.T);
          expect(s[d] === NONE).toBe(!exists);
          if (s[d] === OPEN) open++;
        }
        expect(metrics.pipeline.open_count).toBe(open);
        expect(metrics.pipeline.stages.reduce((a, r) => a + r.count, 0)).toBe(open);
        expect(metrics.forecast.reduce((a, r) => a + r.count, 0)).toBe(open);
        expect(metrics.by_owner.reduce((a, r) => a + r.open_count, 0)).toBe(open);
      }),
      { numRuns: 300 },
    );
  });

  it('waterfall: start + new + reopened - won - lost - removed = end, in count and amount', () => {
    fc.assert(
      fc.property(dealsArb, asOfArb, (specs, asOf) => {
        const prepared = prepare(makeDataset(config, specs), config);
        const { metrics, context } = computeAt(prepared, asOf);
        const w = metrics.waterfall;
        expect(w.start.count + w.new.count + w.reopened.count - w.won.count - w.lost.count - w.removed.count).toBe(w.end.count);
        const lhs = w.start.amount + w.new.amount + w.reopened.amount - w.won.amount - w.lost.amount - w.removed.amount;
        expect(lhs).toBeCloseTo(w.end.amount, 0);
        const atP = takeSnapshot(prepared.timelines, prepared.replay, context.T - config.waterfall_days * DAY_MS);
        let startStillOpen = 0;
        for (let d = 0; d < specs.length; d++) if (atP.state[d] === OPEN && context.at.state[d] === OPEN) startStillOpen++;
        expect(w.advanced.count + w.moved_back.count + w.unchanged.count).toBe(startStillOpen);
      }),
      { numRuns: 300 },
    );
  });

  it('conversion: reached never grows down the funnel and advanced is the next reached', () => {
    fc.assert(
      fc.property(dealsArb, asOfArb, (specs, asOf) => {
        const c = computeAt(prepare(makeDataset(config, specs), config), asOf).metrics.conversion;
        c.stages.forEach((row, i) => {
          expect(row.reached).toBeLessThanOrEqual(i === 0 ? c.cohort_size : c.stages[i - 1]!.reached);
          expect(row.advanced).toBeLessThanOrEqual(row.reached);
          expect(row.won).toBeLessThanOrEqual(row.reached);
          if (i + 1 < c.stages.length) expect(row.advanced).toBe(c.stages[i + 1]!.reached);
        });
        expect(c.stages[0]!.reached).toBe(c.cohort_size);
      }),
      { numRuns: 200 },
    );
  });

  it('a later cut-off never un-creates a deal (only removes it), and a snapshot only uses events before T', () => {
    fc.assert(
      fc.property(dealsArb, asOfArb, asOfArb, (specs, a, b) => {
        const prepared = prepare(makeDataset(config, specs), config);
        const [early, late] = a < b ? [a, b] : [b, a];
        const T1 = Date.parse(`${early}T00:00:00Z`) + DAY_MS;
        const T2 = Date.parse(`${late}T00:00:00Z`) + DAY_MS;
        const s1 = takeSnapshot(prepared.timelines, prepared.replay, T1);
        const s2 = takeSnapshot(prepared.timelines, prepared.replay, T2);
        for (let d = 0; d < specs.length; d++) {
          // Only a removal between the two cut-offs makes an existing deal vanish.
          const removed = specs[d]!.removedAt;
          if (s1.state[d] !== NONE) expect(s2.state[d] !== NONE).toBe(!(removed != null && removed < T2));
          if (s1.visits[d]! > 0) expect(s1.visitStart[d]).toBeLessThan(T1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('forecast accuracy, which looks only at deals expected to close in each month, equals the rule applied to whole snapshots', () => {
    const dayOf = (day: number) => new Date(BASE + day * DAY_MS).toISOString().slice(0, 10);
    // Expected closes and their changes (rule 8), and amount changes, on top of the random deals.
    const closesArb = fc.array(
      fc.record({
        close: fc.option(fc.integer({ min: 0, max: 800 }), { freq: 5 }),
        changes: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 760 }), fc.option(fc.integer({ min: 0, max: 800 }), { freq: 6 }), fc.option(fc.integer({ min: 0, max: 800 }), { freq: 6 })), { maxLength: 4 }),
      }),
      { minLength: 40, maxLength: 40 },
    );
    fc.assert(
      fc.property(dealsArb, closesArb, asOfArb, (specs, closes, asOf) => {
        const withCloses = specs.map((s, d) => ({ ...s, expectedCloseAt: closes[d]!.close === null ? null : dayOf(closes[d]!.close!) }));
        const changes: FieldChange[] = specs.flatMap((_, d) =>
          closes[d]!.changes.map(([isAmount, at, before, after], k): FieldChange => ({
            deal: d,
            field: isAmount ? 'amount' : 'expected_close_at',
            oldValue: before === null ? null : isAmount ? before * 1000 : dayOf(before),
            newValue: after === null ? null : isAmount ? after * 1000 : dayOf(after),
            changedAt: BASE + at * DAY_MS + k * 3_600_000,
            line: 2 + d * 10 + k,
          })),
        );
        const prepared = prepare(makeDataset(config, withCloses, changes), config);
        const { context } = computeAt(prepared, asOf);
        const rows = forecastAccuracy(context);
        expect(rows).toHaveLength(6);
        rows.forEach((row, i) => {
          // The rule on whole snapshots (as the code did before it looked at candidates only).
          const S = `${row.month}-01`;
          const E = `${addToMonth(row.month, 1)}-01`;
          const start = startOfLocalDate(S, config.timezone);
          const end = startOfLocalDate(E, config.timezone);
          expect(row.month).toBe(addToMonth(asOf.slice(0, 7), i - 6));
          const atC = takeSnapshot(prepared.timelines, prepared.replay, start);
          const at = context.at;
          let forecastCount = 0;
          let weighted = 0;
          let won = 0;
          let wonFromForecast = 0;
          for (let d = 0; d < atC.state.length; d++) {
            const close = atC.expectedClose[d];
            const forecastDeal = atC.state[d] === OPEN && close !== null && close !== undefined && S <= close && close < E;
            if (forecastDeal) {
              forecastCount++;
              weighted += atC.amount[d]! * config.stages[atC.stage[d]!]!.probability;
            }
            if (at.state[d] === WON && start <= at.closedAt[d]! && at.closedAt[d]! < end) {
              won++;
              if (forecastDeal) wonFromForecast++;
            }
          }
          expect(row.forecast_count).toBe(forecastCount);
          expect(row.forecast_weighted).toBeCloseTo(weighted, 6);
          expect(row.won_count).toBe(won);
          expect(row.won_from_forecast).toBe(wonFromForecast);
        });
        // A snapshot of some deals is the whole snapshot's entries of those deals.
        const T = context.T;
        const subset = Int32Array.from(specs.keys()).filter((d) => d % 3 !== 1);
        const part = takeSnapshotOf(prepared.timelines, prepared.replay, T, subset);
        subset.forEach((d, j) => {
          for (const key of ['state', 'stage', 'visitStart', 'closedAt', 'position', 'visits', 'amount', 'expectedClose', 'expectedCloseDay'] as const) {
            expect(part[key][j], `${key} of deal ${d}`).toEqual(context.at[key][d]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a snapshot's amount and expected close are rule 8 on the deal's changes, read from the replay's columns; its close day is the date's day number", () => {
    const dayOf = (day: number) => new Date(BASE + day * DAY_MS).toISOString().slice(0, 10);
    const changesArb = fc.array(
      fc.tuple(fc.nat({ max: 39 }), fc.boolean(), fc.integer({ min: -10, max: 760 }), fc.option(fc.integer({ min: 0, max: 800 }), { freq: 5 }), fc.option(fc.integer({ min: 0, max: 800 }), { freq: 5 })),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(dealsArb, changesArb, asOfArb, (specs, raw, asOf) => {
        const withCloses = specs.map((s, d) => ({ ...s, expectedCloseAt: d % 4 === 0 ? null : dayOf(d * 17) }));
        // Changes in no particular order, ties in time included: the replay sorts them by time, then line.
        const changes: FieldChange[] = raw
          .filter(([d]) => d < specs.length)
          .map(([d, isAmount, at, before, after], k): FieldChange => ({
            deal: d,
            field: isAmount ? 'amount' : 'expected_close_at',
            oldValue: before === null ? null : isAmount ? before * 1000 : dayOf(before),
            newValue: after === null ? null : isAmount ? after * 1000 : dayOf(after),
            changedAt: BASE + Math.floor(at / 2) * 2 * DAY_MS,
            line: 2 + k,
          }));
        const prepared = prepare(makeDataset(config, withCloses, changes), config);
        const T = Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
        const snap = takeSnapshot(prepared.timelines, prepared.replay, T);
        for (let d = 0; d < specs.length; d++) {
          if (!(prepared.timelines.created[d]! < T)) continue;
          const amount = replayedValue<number>(prepared.replay.amount.get(d), T);
          const close = replayedValue<string>(prepared.replay.expectedClose.get(d), T);
          expect(snap.amount[d]).toBe(amount === undefined ? (withCloses[d]!.amount ?? 0) : (amount ?? 0));
          const expected = close === undefined ? withCloses[d]!.expectedCloseAt! : close;
          expect(snap.expectedClose[d]).toBe(expected);
          expect(snap.expectedCloseDay[d]).toBe(expected === null ? NaN : dayOfDate(expected));
        }
      }),
      { numRuns: 300 },
    );
  });
});
