/**
 * A filter is a subset of the deals: `filterDataset` keeps the deals that
 * match and their stage and field history (deal indexes renumbered), so the
 * very same engine (`prepare` / `computeAt`) computes every figure of the
 * filtered view. Pure; runs in Node and in the browser.
 *
 * Targets follow the filter (docs/metrics.md, "Filtered views"):
 * - owner: that owner's target rows, also as the company-wide targets
 *   (coverage is then the owner's pipeline against the owner's target);
 * - team: that team's target rows, also as the company-wide targets, and the
 *   targets of the owners who have deals in the subset;
 * - product or period: none (targets are not set per product or cohort, so
 *   coverage and attainment have no target to compare with).
 */
import type { Dataset, Deal, FieldChange, StageHistory, Target } from '../dataset.ts';
import { localDateOf } from '../time.ts';
import { type Filter, periodInstants, segmentName } from './filter.ts';

/** Whether each deal matches the filter, by deal index. */
export function matchingDeals(dataset: Dataset, filter: Filter, timeZone: string): Uint8Array {
  const { deals, stageHistory: h } = dataset;
  const n = deals.length;
  const keep = new Uint8Array(n);
  let created: Float64Array | null = null;
  let window: { start: number; end: number } | null = null;
  if (filter.period !== null) {
    // created(d): the earlier of created_at and the deal's first stage entry (metrics.md).
    created = new Float64Array(n);
    for (let d = 0; d < n; d++) created[d] = deals[d]!.createdAt;
    for (let i = 0; i < h.length; i++) {
      const d = h.deal[i]!;
      if (h.enteredAt[i]! < created[d]!) created[d] = h.enteredAt[i]!;
    }
    window = periodInstants(filter.period, timeZone);
  }
  for (let d = 0; d < n; d++) {
    const deal = deals[d]!;
    if (filter.owner !== null && segmentName(deal.owner) !== filter.owner) continue;
    if (filter.team !== null && segmentName(deal.team) !== filter.team) continue;
    if (filter.product !== null && segmentName(deal.product) !== filter.product) continue;
    if (window && created && !(window.start <= created[d]! && created[d]! < window.end)) continue;
    keep[d] = 1;
  }
  return keep;
}

/** The dataset restricted to the deals that match `filter`. */
export function filterDataset(dataset: Dataset, filter: Filter, timeZone: string): Dataset {
  const keep = matchingDeals(dataset, filter, timeZone);
  const index = new Int32Array(keep.length).fill(-1);
  const deals: Deal[] = [];
  for (let d = 0; d < keep.length; d++) {
    if (!keep[d]) continue;
    index[d] = deals.length;
    deals.push(dataset.deals[d]!);
  }
  return {
    ...dataset,
    deals,
    stageHistory: subsetHistory(dataset.stageHistory, index),
    fieldHistory: dataset.fieldHistory === null ? null : subsetChanges(dataset.fieldHistory, index),
    targets: dataset.targets === null ? null : filterTargets(dataset.targets, filter, deals),
  };
}

/** Each deal's history rows, grouped by deal in file order: built once per history (a filtered page applies many filters to one dataset). */
const grouped = new WeakMap<StageHistory, { offsets: Int32Array; rows: Int32Array }>();

function rowsByDeal(h: StageHistory, deals: number): { offsets: Int32Array; rows: Int32Array } {
  let g = grouped.get(h);
  if (!g) {
    const offsets = new Int32Array(deals + 1);
    for (let i = 0; i < h.length; i++) offsets[h.deal[i]! + 1]!++;
    for (let d = 0; d < deals; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, deals);
    const rows = new Int32Array(h.length);
    for (let i = 0; i < h.length; i++) rows[fill[h.deal[i]!]!++] = i;
    grouped.set(h, (g = { offsets, rows }));
  }
  return g;
}

/**
 * The kept deals' rows, deal by deal (file order within each deal: the only
 * order the timelines depend on, model/timeline.ts), renumbered.
 */
function subsetHistory(h: StageHistory, index: Int32Array): StageHistory {
  const { offsets, rows } = rowsByDeal(h, index.length);
  let count = 0;
  for (let d = 0; d < index.length; d++) if (index[d]! >= 0) count += offsets[d + 1]! - offsets[d]!;
  const out: StageHistory = { deal: new Int32Array(count), stage: new Int32Array(count), enteredAt: new Float64Array(count), length: count };
  let k = 0;
  for (let d = 0; d < index.length; d++) {
    const to = index[d]!;
    if (to < 0) continue;
    for (let j = offsets[d]!; j < offsets[d + 1]!; j++) {
      const i = rows[j]!;
      out.deal[k] = to;
      out.stage[k] = h.stage[i]!;
      out.enteredAt[k] = h.enteredAt[i]!;
      k++;
    }
  }
  return out;
}

function subsetChanges(changes: readonly FieldChange[], index: Int32Array): FieldChange[] {
  const out: FieldChange[] = [];
  for (const c of changes) {
    const d = index[c.deal]!;
    if (d >= 0) out.push(d === c.deal ? c : { ...c, deal: d });
  }
  return out;
}

const companyWide = (t: Target): Target => ({ ...t, owner: '', team: '' });

/** The target rows that apply to the filtered deals (see the module comment). */
export function filterTargets(targets: readonly Target[], filter: Filter, deals: readonly Deal[]): Target[] {
  if (filter.product !== null || filter.period !== null) return [];
  if (filter.owner !== null) {
    const own = targets.filter((t) => t.owner.trim() !== '' && t.owner.trim() === filter.owner);
    return [...own, ...own.map(companyWide)];
  }
  if (filter.team !== null) {
    const owners = new Set(deals.map((d) => d.owner.trim()));
    const team = targets.filter((t) => t.owner.trim() === '' && t.team.trim() !== '' && t.team.trim() === filter.team);
    const members = targets.filter((t) => t.owner.trim() !== '' && owners.has(t.owner.trim()));
    return [...team, ...members, ...team.map(companyWide)];
  }
  return [...targets];
}

/** The local date of created(d) helper for callers that list periods (the filter form). */
export function createdDates(dataset: Dataset, timeZone: string): string[] {
  const { deals, stageHistory: h } = dataset;
  const created = Float64Array.from(deals, (d) => d.createdAt);
  for (let i = 0; i < h.length; i++) {
    const d = h.deal[i]!;
    if (h.enteredAt[i]! < created[d]!) created[d] = h.enteredAt[i]!;
  }
  return Array.from(created, (t) => localDateOf(t, timeZone));
}
