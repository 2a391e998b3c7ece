/**
 * buildTimelines (metrics.md, "Reconstructing each deal") against a plain
 * reading of the rules: each deal's rows in file order, sorted by time (file
 * order on ties), repeats collapsed; a deal without rows gets the synthesized
 * events. Rows grouped by deal (as most exports are, read where they are) and
 * the same rows interleaved across deals (grouped by a counting sort first)
 * give the same timelines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, parseConfig } from '../../../src/lib/ingest/config.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { buildTimelines, synthesizedEvents } from '../../../src/lib/model/timeline.ts';
import { DAY_MS } from '../../../src/lib/time.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const config = parseConfig({ stages: [...DEFAULT_STAGES, { id: 'hold', kind: 'open', probability: 0.2, parked: true }] });
const stageIds = config.stages.map((s) => s.id);
const BASE = Date.UTC(2025, 0, 1);

/** The rules, one deal at a time, with nothing shared between deals. */
function reference(dataset: Dataset) {
  const h = dataset.stageHistory;
  return dataset.deals.map((deal, d) => {
    const rows: { stage: number; at: number; order: number }[] = [];
    for (let i = 0; i < h.length; i++) if (h.deal[i] === d) rows.push({ stage: h.stage[i]!, at: h.enteredAt[i]!, order: i });
    const synthesized = rows.length === 0;
    const events = synthesized ? synthesizedEvents(deal, config).map((e, order) => ({ ...e, order })) : rows;
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    const visits: [number, number][] = [];
    for (const e of events) if (visits.at(-1)?.[0] !== e.stage) visits.push([e.stage, e.at]);
    return { visits, synthesized, created: Math.min(deal.createdAt, visits[0]?.[1] ?? Infinity) };
  });
}

function actual(dataset: Dataset) {
  const tl = buildTimelines(dataset, config);
  return dataset.deals.map((_, d) => {
    const visits: [number, number][] = [];
    for (let k = tl.offsets[d]!; k < tl.offsets[d + 1]!; k++) visits.push([tl.visitStage[k]!, tl.visitStart[k]!]);
    return { visits, synthesized: tl.synthesized[d] === 1, created: tl.created[d]! };
  });
}

/** The same rows in another file order that keeps each deal's own rows in their order (ties stay as they were). */
function interleaved(dataset: Dataset, picks: number[]): Dataset {
  const h = dataset.stageHistory;
  const queues = dataset.deals.map(() => [] as number[]);
  for (let i = 0; i < h.length; i++) queues[h.deal[i]!]!.push(i);
  const order: number[] = [];
  let p = 0;
  while (order.length < h.length) {
    const open = queues.filter((q) => q.length > 0);
    order.push(open[(picks[p++ % Math.max(1, picks.length)] ?? 0) % open.length]!.shift()!);
  }
  return withRows(dataset, order);
}

/** The dataset with history rows `rows` (indexes into its history, in that order). */
function withRows(dataset: Dataset, rows: readonly number[]): Dataset {
  const h = dataset.stageHistory;
  return {
    ...dataset,
    stageHistory: {
      deal: Int32Array.from(rows, (i) => h.deal[i]!),
      stage: Int32Array.from(rows, (i) => h.stage[i]!),
      enteredAt: Float64Array.from(rows, (i) => h.enteredAt[i]!),
      length: rows.length,
    },
  };
}

const datasetArb = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: 60 }),
      // Few distinct times, so that ties are common.
      history: fc.array(fc.tuple(fc.constantFrom(...stageIds), fc.integer({ min: -5, max: 60 })), { maxLength: 7 }),
      stage: fc.constantFrom(...stageIds),
      closed: fc.option(fc.integer({ min: -5, max: 90 }), { freq: 3 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((raw) =>
    makeDataset(
      config,
      raw.map((r, i) => ({
        id: `D${i}`,
        createdAt: BASE + r.created * DAY_MS,
        closedAt: r.closed === null ? null : BASE + r.closed * DAY_MS,
        stage: r.history.at(-1)?.[0] ?? r.stage,
        history: r.history.map(([s, day]) => [s, BASE + day * DAY_MS] as [string, number]),
      })),
    ),
  );

describe('buildTimelines', () => {
  it('gives the rules’ visits for rows grouped by deal and for the same rows interleaved across deals', () => {
    fc.assert(
      fc.property(datasetArb, fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (dataset, picks) => {
        const expected = reference(dataset);
        expect(actual(dataset)).toEqual(expected);
        const mixed = interleaved(dataset, picks);
        expect(reference(mixed)).toEqual(expected);
        expect(actual(mixed)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the visits where the rows are when an export is sorted by deal and time without repeats, and gives the rules’ visits', () => {
    // Every deal with rows, in time order, no stage twice in a row: the usual export.
    const cleanArb = fc
      .array(
        fc.record({
          created: fc.integer({ min: 0, max: 60 }),
          steps: fc.array(fc.tuple(fc.integer({ min: 0, max: stageIds.length - 2 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 7 }),
        }),
        { minLength: 1, maxLength: 25 },
      )
      .map((raw) =>
        makeDataset(
          config,
          raw.map((r, i) => {
            // Each step moves to another stage (never the one before) at the same or a later day.
            let stage = -1;
            let day = r.created - 3;
            const history = r.steps.map(([shift, gap]) => {
              stage = (stage + 1 + shift) % stageIds.length;
              day += gap;
              return [stageIds[stage]!, BASE + day * DAY_MS] as [string, number];
            });
            return { id: `D${i}`, createdAt: BASE + r.created * DAY_MS, stage: history.at(-1)![0], history };
          }),
        ),
      );
    fc.assert(
      fc.property(cleanArb, fc.nat(), (dataset, pick) => {
        const tl = buildTimelines(dataset, config);
        expect(tl.visitStart.buffer).toBe(dataset.stageHistory.enteredAt.buffer);
        expect(actual(dataset)).toEqual(reference(dataset));
        // One row's stage set to the one before it (a repeat to collapse), or a deal's rows all removed
        // (its history synthesized): the usual way, with the rules' visits.
        const h = dataset.stageHistory;
        const i = pick % h.length;
        const repeated = { ...dataset, stageHistory: { ...h, stage: h.stage.slice() } };
        if (i > 0 && h.deal[i] === h.deal[i - 1]) repeated.stageHistory.stage[i] = h.stage[i - 1]!;
        const d = h.deal[i]!;
        const without = withRows(dataset, Array.from(h.deal.keys()).filter((k) => h.deal[k] !== d));
        for (const other of [repeated, without]) expect(actual(other)).toEqual(reference(other));
        expect(buildTimelines(without, config).visitStart.buffer).not.toBe(without.stageHistory.enteredAt.buffer);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a deal’s rows by time, keeps file order on ties and collapses repeats, from rows of several deals interleaved', () => {
    const dataset = makeDataset(config, [
      { id: 'A', createdAt: BASE + 5 * DAY_MS, history: [] },
      { id: 'B', createdAt: BASE, history: [] },
    ]);
    const [prospect, qualify, propose] = [0, 1, 2].map((i) => config.sequence[i]!.index);
    // File order: B qualify@2, A propose@3, B prospect@1, A qualify@3 (tie with propose: file order), B qualify@4.
    dataset.stageHistory = {
      deal: Int32Array.from([1, 0, 1, 0, 1]),
      stage: Int32Array.from([qualify!, propose!, prospect!, qualify!, qualify!]),
      enteredAt: Float64Array.from([2, 3, 1, 3, 4], (d) => BASE + d * DAY_MS),
      length: 5,
    };
    const tl = buildTimelines(dataset, config);
    expect(Array.from(tl.offsets)).toEqual([0, 2, 4]);
    expect(Array.from(tl.visitStage)).toEqual([propose, qualify, prospect, qualify]);
    expect(Array.from(tl.visitStart, (t) => (t - BASE) / DAY_MS)).toEqual([3, 3, 1, 2]);
    // A was created on day 5 but its history starts on day 3.
    expect(Array.from(tl.created, (t) => (t - BASE) / DAY_MS)).toEqual([3, 0]);
  });
});
