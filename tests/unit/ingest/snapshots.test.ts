/**
 * History from a series of exports (src/lib/ingest/vendor/snapshots.ts).
 *
 * The property: random series of exports (deals appearing, moving stages,
 * changing amounts and close dates, won, lost, reopened, deleted), written as
 * HubSpot or Pipedrive write them and read back through the adapter and the
 * engine, replay at each export's date to exactly that export's open deals:
 * the same ids, stages and amounts. Exports show the CRM at the end of their
 * day (the moves of the export's day are in it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import type { ExportFile } from '../../../src/lib/ingest/vendor/load.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { OPEN, takeSnapshot } from '../../../src/lib/model/snapshot.ts';
import { addDays, cutoffOf } from '../../../src/lib/time.ts';
import { exportFile, load, quotedCsv } from './export-helpers.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';

const LABELS = ['Lead In', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const WON = 4;
const LOST = 5;
const config = parseConfig({
  currency: 'USD',
  timezone: 'Asia/Seoul',
  waterfall_days: 21,
  stages: [
    { id: 's0', kind: 'open', label: { en: LABELS[0] } },
    { id: 's1', kind: 'open', label: { en: LABELS[1] } },
    { id: 's2', kind: 'open', label: { en: LABELS[2] } },
    { id: 's3', kind: 'open', label: { en: LABELS[3] } },
    { id: 'won', kind: 'won', label: { en: LABELS[WON] } },
    { id: 'lost', kind: 'lost', label: { en: LABELS[LOST] } },
  ],
});

/** Local wall-clock minutes since 2025-01-01 00:00 (Asia/Seoul has no DST, so they order like instants). */
const DAY = 1440;
const dateOf = (minute: number) => addDays('2025-01-01', Math.floor(minute / DAY));
const stamp = (minute: number, seconds: boolean) => {
  const m = minute % DAY;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${dateOf(minute)} ${hh}:${mm}${seconds ? ':00' : ''}`;
};

interface Step {
  moves: { stage: number; minute: number }[];
  amount: number | null | undefined;
  close: number | undefined;
  deleted: boolean;
}
interface DealPlan {
  born: number;
  createdMinute: number;
  stage: number;
  amount: number | null;
  close: number;
  steps: Step[];
}

const MAX_EXPORTS = 5;
const amountArb = fc.option(fc.integer({ min: 0, max: 200 }).map((n) => n * 500), { nil: null, freq: 6 });
const stepArb: fc.Arbitrary<Step> = fc.record({
  moves: fc.array(fc.record({ stage: fc.integer({ min: 0, max: 5 }), minute: fc.nat() }), { maxLength: 3 }),
  amount: fc.option(amountArb, { nil: undefined, freq: 2 }),
  close: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined, freq: 3 }),
  deleted: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});
const dealArb: fc.Arbitrary<DealPlan> = fc.record({
  born: fc.integer({ min: 0, max: MAX_EXPORTS - 1 }),
  createdMinute: fc.nat(),
  stage: fc.integer({ min: 0, max: 3 }),
  amount: amountArb,
  close: fc.integer({ min: 0, max: 120 }),
  steps: fc.array(stepArb, { minLength: MAX_EXPORTS, maxLength: MAX_EXPORTS }),
});
const worldArb = fc.record({
  count: fc.integer({ min: 2, max: MAX_EXPORTS }),
  gaps: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: MAX_EXPORTS, maxLength: MAX_EXPORTS }),
  deals: fc.array(dealArb, { minLength: 1, maxLength: 8 }),
  /** HubSpot: the stages whose Date entered column the view exports. */
  dated: fc.subarray([0, 1, 2, 3, 4, 5]),
  format: fc.constantFrom('hubspot', 'pipedrive'),
  /** Where the dates are: in the file names, or in dated folders. */
  folders: fc.boolean(),
});
interface World {
  count: number;
  gaps: number[];
  deals: DealPlan[];
  dated: number[];
  format: 'hubspot' | 'pipedrive';
  folders: boolean;
}

/** A deal's state as one export shows it. */
interface Shown {
  id: string;
  events: { stage: number; minute: number }[];
  amount: number | null;
  close: number;
  created: number;
}

/** Simulate the CRM: the state of every deal at the end of each export's day. */
function simulate(world: World): { dates: string[]; exports: Shown[][] } {
  const days: number[] = [];
  let day = 150;
  for (let k = 0; k < world.count; k++) days.push((day += world.gaps[k]!));
  const exports: Shown[][] = days.map(() => []);
  const pipedrive = world.format === 'pipedrive';
  world.deals.forEach((plan, n) => {
    const born = Math.min(plan.born, world.count - 1);
    const windowOf = (k: number) => [k === 0 ? (days[0]! - 20) * DAY : (days[k - 1]! + 1) * DAY, (days[k]! + 1) * DAY - 1] as const;
    const [lo, hi] = windowOf(born);
    const created = lo + (plan.createdMinute % (hi - lo + 1));
    const deal: Shown = { id: String(5000 + n), events: [{ stage: plan.stage, minute: created }], amount: plan.amount, close: plan.close, created };
    for (let k = born; k < world.count; k++) {
      if (k > born) {
        const step = plan.steps[k]!;
        if (step.deleted) return;
        const [wlo, whi] = windowOf(k);
        for (const move of [...step.moves].sort((a, b) => a.minute - b.minute)) {
          const last = deal.events[deal.events.length - 1]!;
          // Pipedrive exports cannot show a reopened deal's history: closed stays closed there.
          if (pipedrive && last.stage >= WON) break;
          const minute = Math.max(wlo + (move.minute % (whi - wlo + 1)), last.minute + 1);
          if (minute > whi || move.stage === last.stage) continue;
          deal.events.push({ stage: move.stage, minute });
        }
        if (step.amount !== undefined) deal.amount = step.amount;
        if (step.close !== undefined) deal.close = step.close;
      }
      exports[k]!.push({ ...deal, events: [...deal.events] });
    }
  });
  return { dates: days.map((d) => dateOf(d * DAY)), exports };
}

const closeText = (n: number) => addDays('2025-06-01', n);
const current = (d: Shown) => d.events[d.events.length - 1]!;

function hubspotCsv(deals: Shown[], dated: number[]): string {
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company IDs (Primary)'];
  for (const s of dated) header.push(`Date entered "${LABELS[s]} (Sales Pipeline)"`);
  const rows = deals.map((d) => {
    const row = [d.id, `Deal ${d.id}`, LABELS[current(d).stage]!, d.amount === null ? '(No value)' : String(d.amount), closeText(d.close), stamp(d.created, false), 'Dana', '9001'];
    // HubSpot keeps the latest entry into each stage.
    for (const s of dated) {
      const entries = d.events.filter((e) => e.stage === s);
      row.push(entries.length > 0 ? stamp(entries[entries.length - 1]!.minute, false) : '');
    }
    return row;
  });
  return quotedCsv([header, ...rows]);
}

function pipedriveCsv(deals: Shown[]): string {
  const header = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Last stage change,Deal - Won time,Deal - Lost time,Deal - Expected close date';
  const rows = deals.map((d) => {
    const now = current(d);
    const closed = now.stage >= WON;
    // Deal - Stage keeps the open stage a closed deal left; Last stage change is when that visit began.
    const open = closed ? d.events.findLast((e) => e.stage < WON) : now;
    const visit = open && open !== d.events[0] ? stamp(open.minute, true) : '';
    return [
      d.id,
      `Deal ${d.id}`,
      'Lena',
      d.amount === null ? '' : String(d.amount),
      'USD',
      'Acme',
      open ? LABELS[open.stage]! : '',
      now.stage === WON ? 'Won' : now.stage === LOST ? 'Lost' : 'Open',
      stamp(d.created, true),
      visit,
      now.stage === WON ? stamp(now.minute, true) : '',
      now.stage === LOST ? stamp(now.minute, true) : '',
      closeText(d.close),
    ].join(',');
  });
  return [header, ...rows].join('\n') + '\n';
}

function exportFiles(world: World, sim: ReturnType<typeof simulate>): ExportFile[] {
  return sim.exports.map((deals, k) => {
    const text = world.format === 'hubspot' ? hubspotCsv(deals, world.dated) : pipedriveCsv(deals);
    const date = sim.dates[k]!;
    return exportFile(world.folders ? `${date}/deals.csv` : `hubspot-crm-exports-all-deals-${date}.csv`, text);
  });
}

describe('a series of exports replays to each export', () => {
  it('open deals, stages and amounts at each export date are the export\'s (property)', () => {
    fc.assert(
      fc.property(worldArb, (world: World) => {
        const sim = simulate(world);
        const dataset = load(exportFiles(world, sim), config);
        expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(dataset.source.limitations).toContain('history_from_snapshots');
        const prepared = prepare(dataset, config);
        sim.dates.forEach((date, k) => {
          const snap = takeSnapshot(prepared.timelines, prepared.replay, cutoffOf(date, config.timezone));
          const replayed = new Map<string, [string, number]>();
          dataset.deals.forEach((d, i) => {
            if (snap.state[i] === OPEN) replayed.set(d.id, [config.stages[snap.stage[i]!]!.id, snap.amount[i]!]);
          });
          const shown = new Map<string, [string, number]>();
          for (const d of sim.exports[k]!) {
            const s = current(d).stage;
            if (s < WON) shown.set(d.id, [config.stages[s]!.id, d.amount ?? 0]);
          }
          expect(Object.fromEntries(replayed), `as of ${date} (export ${k + 1} of ${sim.dates.length})`).toEqual(Object.fromEntries(shown));
        });
        // The waterfall balances on a series with removals: start + new + reopened - won - lost - removed = end.
        const { waterfall: f } = computeAt(prepared, sim.dates[sim.dates.length - 1]!).metrics;
        const removed = f.removed;
        expect(f.start.count + f.new.count + f.reopened.count - f.won.count - f.lost.count - removed.count).toBe(f.end.count);
        expect(f.start.amount + f.new.amount + f.reopened.amount - f.won.amount - f.lost.amount - removed.amount).toBeCloseTo(f.end.amount, 6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('series of exports', () => {
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner', 'Associated Company IDs (Primary)'];
  const row = (id: string, stage: string, amount = '1000') => [id, `Deal ${id}`, stage, amount, '2025-05-02 09:00', 'Dana', '9001'];
  const week = (date: string, ...rows: string[][]) => exportFile(`hubspot-crm-exports-all-deals-${date}.csv`, quotedCsv([header, ...rows]));

  it('removes a deal missing from a later export at that export\'s date, and counts it as removed in the waterfall', () => {
    const dataset = load([week('2025-06-09', row('1', 'Discovery'), row('2', 'Lead In')), week('2025-06-16', row('1', 'Proposal'))], config);
    expect(dataset.deals.map((d) => [d.id, d.removedAt === null ? null : new Date(d.removedAt).toISOString()])).toEqual([
      ['1', null],
      ['2', '2025-06-15T15:00:00.000Z'],
    ]);
    expect(dataset.issues.filter((i) => i.code === 'deal_removed')).toMatchObject([{ file: 'hubspot-crm-exports-all-deals-2025-06-16.csv', line: 0 }]);
    const { waterfall } = computeAt(prepare(dataset, config), '2025-06-16').metrics;
    expect(waterfall.removed).toEqual({ count: 1, amount: 1000 });
  });

  it('says of a deal gone from the chosen pipeline but in another one of the later export that it moved (or the pipeline was renamed), not that it was deleted', () => {
    const piped = [...header, 'Pipeline'];
    const weekOf = (date: string, ...rows: string[][]) => exportFile(`hubspot-crm-exports-all-deals-${date}.csv`, quotedCsv([piped, ...rows]));
    const inPipeline = (id: string, pipeline: string) => [...row(id, 'Discovery'), pipeline];
    // The pipeline renamed between the exports: every deal of it is under the new name.
    const renamed = load([weekOf('2025-06-23', inPipeline('1', 'Sales Pipeline'), inPipeline('2', 'Sales Pipeline')), weekOf('2025-06-30', inPipeline('1', 'New Business'), inPipeline('2', 'New Business'))], config, {
      pipeline: 'Sales Pipeline',
    });
    const said = renamed.issues.find((i) => i.code === 'deal_removed')!;
    expect(said.message).toBe(
      '2 deals are in hubspot-crm-exports-all-deals-2025-06-23.csv but not in this export ("1", "2"): each is taken as deleted on 2025-06-30, and no longer counts from that day; all of them are in another pipeline here ("New Business"), moved there or this pipeline renamed, not deleted from the CRM: if it was renamed, write its new name in the earlier exports\' "Pipeline" column and choose it with --pipeline',
    );
    expect(issueMessage(said, 'ko')).toBe(
      '딜 2건이 hubspot-crm-exports-all-deals-2025-06-23.csv에는 있지만 이 내보내기에는 없습니다("1", "2"). 2025-06-30에 삭제된 것으로 보고 그날부터 집계하지 않습니다. 이 딜들은 모두 이 내보내기에서 다른 파이프라인("New Business")에 있어, CRM에서 삭제된 것이 아니라 그쪽으로 옮겨졌거나 파이프라인 이름이 바뀐 것입니다. 이름이 바뀌었다면 이전 내보내기의 "Pipeline" 열에 새 이름을 쓰고 --pipeline으로 그 이름을 고르세요',
    );
    // One deal moved, one really gone: said of the one.
    const moved = load([weekOf('2025-06-23', inPipeline('1', 'Sales Pipeline'), inPipeline('2', 'Sales Pipeline')), weekOf('2025-06-30', inPipeline('2', 'Renewals'))], config, { pipeline: 'Sales Pipeline' });
    expect(moved.issues.find((i) => i.code === 'deal_removed')!.message).toMatch(/\("1", "2"\): .*; 1 of them is in another pipeline here \("Renewals"\), moved there/u);
    expect(issueMessage(moved.issues.find((i) => i.code === 'deal_removed')!, 'ko')).toMatch(/\. 그중 1건은 이 내보내기에서 다른 파이프라인\("Renewals"\)에 있어, /u);
  });

  it('keeps a deal that is missing from one export but back in the next, with a warning on its row', () => {
    const dataset = load([week('2025-06-09', row('1', 'Discovery')), week('2025-06-16'), week('2025-06-23', row('1', 'Discovery'))], config);
    expect(dataset.deals[0]!.removedAt).toBeNull();
    expect(dataset.issues.filter((i) => i.code === 'deal_reappeared')).toMatchObject([{ file: 'hubspot-crm-exports-all-deals-2025-06-23.csv', line: 2 }]);
    expect(issueMessage(dataset.issues.find((i) => i.code === 'deal_reappeared')!, 'ko')).toBe(
      '딜 "1": hubspot-crm-exports-all-deals-2025-06-16.csv에는 없었지만 이 내보내기에 다시 있습니다. 삭제된 적이 없는 것으로 봅니다',
    );
  });

  it('records amount changes between exports as field history dated at the later export', () => {
    const dataset = load([week('2025-06-09', row('1', 'Discovery', '1000')), week('2025-06-16', row('1', 'Discovery', '1,500'))], config);
    expect(dataset.fieldHistory).toMatchObject([{ field: 'amount', oldValue: 1000, newValue: 1500, changedAt: Date.parse('2025-06-15T15:00:00Z') }]);
    // The same value written differently is no change.
    const same = load([week('2025-06-09', row('1', 'Discovery', '1000')), week('2025-06-16', row('1', 'Discovery', '1000.0'))], config);
    expect(same.fieldHistory).toBeNull();
  });

  it('warns of an amount that may be a thousand times more on the export that holds it, once, and replays it as read', () => {
    const weeks = [week('2025-06-09', row('1', 'Discovery', '20.000')), week('2025-06-16', row('1', 'Discovery', '1.250')), week('2025-06-23', row('1', 'Discovery', '25000'))];
    const dataset = load(weeks, config);
    // Read with the decimal point, as the warnings say: 20, then 1.25, then 25,000.
    expect(dataset.fieldHistory).toMatchObject([
      { field: 'amount', oldValue: 20, newValue: 1.25 },
      { field: 'amount', oldValue: 1.25, newValue: 25_000 },
    ]);
    expect(dataset.issues.filter((i) => i.code === 'ambiguous_amount').map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      ['hubspot-crm-exports-all-deals-2025-06-09.csv', 2, 'Amount', '"Amount" "20.000" is read as 20 (a decimal point); if the dot separates thousands (20000), set "decimal": "," in pipeline.config.json'],
      ['hubspot-crm-exports-all-deals-2025-06-16.csv', 2, 'Amount', '"Amount" "1.250" is read as 1.25 (a decimal point); if the dot separates thousands (1250), set "decimal": "," in pipeline.config.json'],
    ]);
  });

  it('reads dated subfolders as a series', () => {
    const dataset = load(
      [exportFile('2025-06-09/deals.csv', quotedCsv([header, row('1', 'Discovery')])), exportFile('2025-06-16/deals.csv', quotedCsv([header, row('1', 'Proposal')]))],
      config,
    );
    const h = dataset.stageHistory;
    expect(Array.from({ length: h.length }, (_, i) => [h.stage[i], new Date(h.enteredAt[i]!).toISOString()])).toEqual([
      [1, '2025-05-02T00:00:00.000Z'],
      [2, '2025-06-15T15:00:00.000Z'],
    ]);
  });

  it('stops when a series cannot be ordered: an undated file, or two exports of one date', () => {
    expect(() => load([week('2025-06-09', row('1', 'Discovery')), exportFile('deals.csv', quotedCsv([header, row('1', 'Discovery')]))], config)).toThrow(IngestFatalError);
    expect(() => load([week('2025-06-09', row('1', 'Discovery')), exportFile('deals.csv', quotedCsv([header, row('1', 'Discovery')]))], config)).toThrow(/deals\.csv carries no date/);
    expect(() => load([week('2025-06-09', row('1', 'Discovery')), exportFile('2025-06-09/deals.csv', quotedCsv([header, row('1', 'Discovery')]))], config)).toThrow(/both dated 2025-06-09/);
  });
});
