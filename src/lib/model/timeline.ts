/**
 * Deal timelines (metrics.md, "Reconstructing each deal"). Built once from the
 * whole stage history; any cut-off `T` is then a binary search, because
 * collapsing repeats and truncating at `T` commute (a visit is the first
 * event of its run).
 *
 * Visits of all deals live in flat typed arrays: deal `d` owns
 * `visitStage/visitStart[offsets[d] .. offsets[d+1])`, sorted by time.
 */
import type { Config } from '../config.ts';
import type { Dataset, Deal } from '../dataset.ts';
import type { DealTable } from '../deal-table.ts';
import { dealTable } from '../dataset-deal-table.ts';

export interface Timelines {
  deals: DealTable;
  config: Config;
  offsets: Int32Array;
  visitStage: Int32Array;
  visitStart: Float64Array;
  /** `created(d)` = min(created_at, first event over the whole history). */
  created: Float64Array;
  /** True for deals whose history was synthesized from deals.csv (no history rows). */
  synthesized: Uint8Array;
}

/** Group history rows by deal, sort by time (file order on ties), collapse repeats. */
export function buildTimelines(dataset: Dataset, config: Config): Timelines {
  const { stageHistory: h } = dataset;
  const deals = dealTable(dataset);
  const n = deals.length;
  // rowStart[d] .. rowStart[d + 1]: deal d's rows, in file order, in rowStage/rowAt.
  const rowStart = new Int32Array(n + 1);
  let grouped = true;
  // Grouped, and inside each deal in time order without a stage repeated: the rows are the visits.
  let visitsAsRows = true;
  for (let i = 0; i < h.length; i++) {
    const d = h.deal[i]!;
    rowStart[d + 1]!++;
    if (i === 0) continue;
    const previous = h.deal[i - 1]!;
    if (d < previous) grouped = false;
    else if (d === previous && (h.enteredAt[i]! < h.enteredAt[i - 1]! || h.stage[i] === h.stage[i - 1])) visitsAsRows = false;
  }
  for (let d = 0; d < n; d++) rowStart[d + 1]! += rowStart[d]!;
  if (grouped && visitsAsRows) {
    const timelines = rowsAsVisits(deals, config, h, rowStart);
    if (timelines) return timelines;
  }
  const { stage: rowStage, at: rowAt } = grouped ? { stage: h.stage, at: h.enteredAt } : byDeal(h, rowStart);

  const synthesized = new Uint8Array(n);
  const synth = new Map<number, { stage: number; at: number }[]>();
  let synthesizedEventCount = 0;
  for (let d = 0; d < n; d++) {
    if (rowStart[d + 1] === rowStart[d]) {
      synthesized[d] = 1;
      const closedAt = deals.closedAt[d]!;
      const events = synthesizedEvents({ stage: deals.stage[d]!, createdAt: deals.createdAt[d]!, closedAt: Number.isNaN(closedAt) ? null : closedAt }, config);
      synth.set(d, events);
      synthesizedEventCount += events.length;
    }
  }
  const total = h.length + synthesizedEventCount;
  const offsets = new Int32Array(n + 1);
  const visitStage = new Int32Array(total);
  const visitStart = new Float64Array(total);
  const created = new Float64Array(n);
  // A synthesized history has at most two events (synthesizedEvents).
  const synthStage = new Int32Array(2);
  const synthAt = new Float64Array(2);
  let out = 0;
  let order: number[] = [];
  for (let d = 0; d < n; d++) {
    offsets[d] = out;
    let stageOf = rowStage;
    let atOf = rowAt;
    let lo = rowStart[d]!;
    let hi = rowStart[d + 1]!;
    if (synthesized[d] === 1) {
      const events = synth.get(d)!;
      events.forEach((e, j) => {
        synthStage[j] = e.stage;
        synthAt[j] = e.at;
      });
      [stageOf, atOf, lo, hi] = [synthStage, synthAt, 0, events.length];
    }
    let sorted = true;
    for (let k = lo + 1; k < hi; k++) if (atOf[k]! < atOf[k - 1]!) sorted = false;
    if (!sorted) {
      order = [];
      for (let k = lo; k < hi; k++) order.push(k);
      order.sort((a, b) => atOf[a]! - atOf[b]! || a - b); // stable: file order on ties
    }
    let last = -1;
    for (let j = 0; j < hi - lo; j++) {
      const k = sorted ? lo + j : order[j]!;
      const stage = stageOf[k]!;
      if (stage === last) continue;
      visitStage[out] = stage;
      visitStart[out] = atOf[k]!;
      out++;
      last = stage;
    }
    const first = out > offsets[d]! ? visitStart[offsets[d]!]! : Infinity;
    created[d] = Math.min(deals.createdAt[d]!, first);
  }
  offsets[n] = out;
  return {
    deals,
    config,
    offsets,
    visitStage: visitStage.subarray(0, out),
    visitStart: visitStart.subarray(0, out),
    created,
    synthesized,
  };
}

/**
 * The timelines of a history whose rows are its visits already, as an export sorted by deal and time
 * gives them: they are read where they are (the visits' arrays are the history's, which nothing
 * writes after ingest), where copying them was most of this step at a million deals (120 MB of new
 * memory first touched). Null when a deal has no rows (its history is synthesized: the usual way).
 */
function rowsAsVisits(deals: DealTable, config: Config, h: Dataset['stageHistory'], rowStart: Int32Array): Timelines | null {
  const n = deals.length;
  const created = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    if (rowStart[d + 1] === rowStart[d]) return null;
    created[d] = Math.min(deals.createdAt[d]!, h.enteredAt[rowStart[d]!]!);
  }
  return { deals, config, offsets: rowStart, visitStage: h.stage.subarray(0, h.length), visitStart: h.enteredAt.subarray(0, h.length), created, synthesized: new Uint8Array(n) };
}

/**
 * The rows grouped by deal, file order kept inside each deal (a counting sort by `rowStart`). Exports sorted by deal
 * need none of it: their rows are read where they are (a copy of a million rows is mostly first touches of new memory).
 */
function byDeal(h: Dataset['stageHistory'], rowStart: Int32Array): { stage: Int32Array; at: Float64Array } {
  const stage = new Int32Array(h.length);
  const at = new Float64Array(h.length);
  const fill = rowStart.slice(0, rowStart.length - 1);
  for (let i = 0; i < h.length; i++) {
    const k = fill[h.deal[i]!]!++;
    stage[k] = h.stage[i]!;
    at[k] = h.enteredAt[i]!;
  }
  return { stage, at };
}

/**
 * Rule 6: events for a deal without any stage_history rows. A closed deal whose closed_at is before its
 * created_at (an import of old deals: the CRM's creation is the import) opens when it closed, so that its
 * close stays its last event: sorted the other way it would read as reopened and open today
 * (docs/spec-readings.md; ingest warns `close_before_create`).
 */
export function synthesizedEvents(deal: Pick<Deal, 'stage' | 'createdAt' | 'closedAt'>, config: Config): { stage: number; at: number }[] {
  const firstOpen = config.sequence[0]!.index;
  const stage = config.stages[deal.stage]!;
  const closes = stage.kind !== 'open' && deal.closedAt !== null;
  const events = [{ stage: firstOpen, at: closes ? Math.min(deal.createdAt, deal.closedAt!) : deal.createdAt }];
  if (stage.kind === 'open' && stage.index !== firstOpen) events.push({ stage: stage.index, at: deal.createdAt });
  if (closes) events.push({ stage: stage.index, at: deal.closedAt! });
  return events;
}

/** Number of visits of deal `d` that start before `T` (they are the deal's visits at `T`). */
export function visitsBefore(tl: Timelines, d: number, T: number): number {
  const lo0 = tl.offsets[d]!;
  let lo = lo0;
  let hi = tl.offsets[d + 1]!;
  if (hi === lo || tl.visitStart[hi - 1]! < T) return hi - lo;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.visitStart[mid]! < T) lo = mid + 1;
    else hi = mid;
  }
  return lo - lo0;
}

/**
 * Rule 7: the largest sequence index visited before `T`; `n` (the sequence's
 * length) if won was visited; 0 if none. Parked visits raise nothing.
 */
export function maxReached(tl: Timelines, d: number, T: number): number {
  const { stages, sequence } = tl.config;
  const from = tl.offsets[d]!;
  const to = from + visitsBefore(tl, d, T);
  let best = 0;
  for (let k = from; k < to; k++) {
    const s = stages[tl.visitStage[k]!]!;
    if (s.kind === 'won') return sequence.length;
    if (s.seqIndex > best) best = s.seqIndex;
  }
  return best;
}

/**
 * Rule 7's `position` of a deal open at a cut-off whose current visit is
 * visit `last` (absolute): its stage's sequence index; at a parked stage,
 * that of the nearest earlier visit of an unparked open stage (0 if none).
 */
export function positionOf(tl: Timelines, d: number, last: number): number {
  const { stages } = tl.config;
  for (let k = last; k >= tl.offsets[d]!; k--) {
    const s = stages[tl.visitStage[k]!]!;
    if (s.seqIndex >= 0) return s.seqIndex;
  }
  return 0;
}

/**
 * Rule 5: close(d) of a deal whose current visit `last` (absolute) is
 * terminal: the start of the first visit of the final run of visits of that
 * kind (lost -> another lost stage is not a new close; won -> lost is).
 */
export function closeStartOf(tl: Timelines, d: number, last: number): number {
  const { stages } = tl.config;
  const kind = stages[tl.visitStage[last]!]!.kind;
  let k = last;
  while (k > tl.offsets[d]! && stages[tl.visitStage[k - 1]!]!.kind === kind) k--;
  return tl.visitStart[k]!;
}
