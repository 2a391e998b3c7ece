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
 *
 * Which deals a filter keeps is matching.ts's. `filterDataset` is the
 * plain way; a page applying many filters to one dataset takes each
 * filter's part of what it built once for all deals (`filterPrepared`: the
 * deals through an index, their timelines, field changes and pushes), with
 * the same result.
 */
import type { Dataset, Deal, FieldChange, StageHistory, Target } from '../dataset.ts';
import type { Config } from '../config.ts';
import { type DealTable, tableRows } from '../deal-table.ts';
import { giveTable } from '../dataset-deal-table.ts';
import { textsOfRows } from '../text-codes.ts';
import { type Prepared, prepare } from '../metrics/context.ts';
import type { FieldReplay } from '../model/snapshot.ts';
import type { Timelines } from '../model/timeline.ts';
import { type Filter, targetsFollow } from './filter.ts';
import { filterIndex, keptDeals, matchingDeals } from './matching.ts';

/** The dataset restricted to the deals that match `filter` (`closeDays`: each deal's close date at as_of, for a closing filter; matching.ts). */
export function filterDataset(dataset: Dataset, filter: Filter, timeZone: string, closeDays: Float64Array | null = null): Dataset {
  const keep = matchingDeals(dataset, filter, timeZone, closeDays);
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

// ------------------------------------------------ many filters on one dataset

/** What every filter of a dataset shares, built ahead (a page does it as it loads the file): the index, the engine's prepared data of all deals and its replay's positions. */
export function prepareFilterIndex(dataset: Dataset, config: Config): Prepared {
  filterIndex(dataset);
  const full = preparedFull(dataset, config);
  replayPositions(full);
  return full;
}

/** The engine's prepared data per dataset and config (filters/recompute.ts): built once, then each filter takes its deals' part. */
const preparedOf = new WeakMap<Dataset, WeakMap<Config, Prepared>>();

export function preparedFull(dataset: Dataset, config: Config): Prepared {
  let byConfig = preparedOf.get(dataset);
  if (!byConfig) preparedOf.set(dataset, (byConfig = new WeakMap()));
  let prepared = byConfig.get(config);
  if (!prepared) byConfig.set(config, (prepared = prepare(dataset, config)));
  return prepared;
}

/**
 * The engine's prepared data of the deals that match `filter`, taken from
 * `full` (prepared from the whole dataset) instead of rebuilt: the same as
 * `prepare(filterDataset(full.dataset, filter, timeZone), config)`, field for
 * field (a deal's timeline, field changes and pushes depend on that deal
 * alone; tests/unit/filters/engine.test.ts compares both), in a fraction of
 * the time. `config` is the subset's (its stall thresholds may be pinned;
 * its stages are `full.config`'s). The subset dataset's stage history, which
 * only timelines are built from, is made when first read.
 */
export function filterPrepared(full: Prepared, filter: Filter, timeZone: string, config: Config, closeDays: Float64Array | null = null): Prepared {
  const source = full.dataset;
  const kept = keptDeals(source, filter, timeZone, closeDays);
  const n = kept.length;
  const index = new Int32Array(source.deals.length).fill(-1);
  const deals: Deal[] = new Array(n);
  for (let j = 0; j < n; j++) {
    index[kept[j]!] = j;
    deals[j] = source.deals[kept[j]!]!;
  }
  // The subset's change objects by position in the full field history (holes for the changes of other deals).
  const changes: FieldChange[] = source.fieldHistory === null ? [] : new Array(source.fieldHistory.length);
  const fieldHistory = source.fieldHistory === null ? null : subsetChanges(source.fieldHistory, index, changes);
  const dataset: Dataset = {
    ...source,
    deals,
    fieldHistory,
    // The kept deals' owners by their codes in the full table: a team's 40,000 deals are a few dozen owners.
    targets: source.targets === null ? null : filterTargets(source.targets, filter, deals, () => textsOfRows(full.timelines.deals.owner, kept)),
  };
  let history: StageHistory | null = null;
  Object.defineProperty(dataset, 'stageHistory', { enumerable: true, configurable: true, get: () => (history ??= subsetHistory(source.stageHistory, index)) });
  const positions = replayPositions(full);
  const replay: FieldReplay = { amount: subsetReplay(positions.amount, index, changes), expectedClose: subsetReplay(positions.expectedClose, index, changes) };
  // The kept rows of the full table: no text hashed again per deal.
  const table = tableRows(full.timelines.deals, kept);
  giveTable(deals, table);
  const timelines = subsetTimelines(full.timelines, kept, table, config);
  sources.set(timelines, { full, kept });
  return {
    dataset,
    config,
    timelines,
    replay,
    // As `prepare`: null when no kept deal's close date ever changed.
    pushes: full.pushes === null || replay.expectedClose.size === 0 ? null : subsetByDeal(full.pushes, index),
  };
}

/** The prepared dataset each subset's timelines were taken from, and the kept deals (filters/engine.ts takes snapshots from it). */
const sources = new WeakMap<Timelines, { full: Prepared; kept: Int32Array }>();

/** Of timelines made by `filterPrepared`: the full prepared data and the kept deals' indexes in it, ascending. */
export function subsetSource(timelines: Timelines): { full: Prepared; kept: Int32Array } | undefined {
  return sources.get(timelines);
}

/**
 * A full replay's per-deal lists (in the map's order) as positions in the
 * field history: deal `deals[k]` has `positions[start[k] .. start[k+1])`.
 * Built once per prepared dataset.
 */
interface ReplayPositions {
  deals: Int32Array;
  start: Int32Array;
  positions: Int32Array;
}

const positionsOf = new WeakMap<FieldReplay, { amount: ReplayPositions; expectedClose: ReplayPositions }>();

function replayPositions(full: Prepared): { amount: ReplayPositions; expectedClose: ReplayPositions } {
  let out = positionsOf.get(full.replay);
  if (!out) {
    const at = new Map<FieldChange, number>();
    (full.dataset.fieldHistory ?? []).forEach((c, i) => at.set(c, i));
    const of = (map: FieldReplay['amount']): ReplayPositions => {
      const deals = new Int32Array(map.size);
      const start = new Int32Array(map.size + 1);
      const positions: number[] = [];
      let k = 0;
      map.forEach((list, d) => {
        deals[k++] = d;
        for (const c of list) positions.push(at.get(c)!);
        start[k] = positions.length;
      });
      return { deals, start, positions: Int32Array.from(positions) };
    };
    out = { amount: of(full.replay.amount), expectedClose: of(full.replay.expectedClose) };
    positionsOf.set(full.replay, out);
  }
  return out;
}

/** A per-deal map of the full dataset, for the kept deals (renumbered), in the same order. */
function subsetByDeal<V>(map: ReadonlyMap<number, V>, index: Int32Array): Map<number, V> {
  const out = new Map<number, V>();
  map.forEach((v, d) => {
    const to = index[d]!;
    if (to >= 0) out.set(to, v);
  });
  return out;
}

/** Each kept deal's sorted changes (as `buildFieldReplay` sorts them), as the subset's (renumbered) change objects. */
function subsetReplay({ deals, start, positions }: ReplayPositions, index: Int32Array, changes: readonly FieldChange[]): FieldReplay['amount'] {
  const out = new Map<number, FieldChange[]>();
  for (let k = 0; k < deals.length; k++) {
    const to = index[deals[k]!]!;
    if (to < 0) continue;
    const from = start[k]!;
    const list: FieldChange[] = new Array(start[k + 1]! - from);
    for (let i = 0; i < list.length; i++) list[i] = changes[positions[from + i]!]!;
    out.set(to, list);
  }
  return out;
}

/** The kept deals' visits (a deal's timeline depends on its own history alone). */
function subsetTimelines(tl: Timelines, kept: Int32Array, deals: DealTable, config: Config): Timelines {
  const n = kept.length;
  const offsets = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) offsets[j + 1] = offsets[j]! + tl.offsets[kept[j]! + 1]! - tl.offsets[kept[j]!]!;
  const total = offsets[n]!;
  const visitStage = new Int32Array(total);
  const visitStart = new Float64Array(total);
  const created = new Float64Array(n);
  const synthesized = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const d = kept[j]!;
    const from = tl.offsets[d]!;
    const to = tl.offsets[d + 1]!;
    for (let i = from, k = offsets[j]!; i < to; i++, k++) {
      visitStage[k] = tl.visitStage[i]!;
      visitStart[k] = tl.visitStart[i]!;
    }
    created[j] = tl.created[d]!;
    synthesized[j] = tl.synthesized[d]!;
  }
  return { deals, config, offsets, visitStage, visitStart, created, synthesized };
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

/** The kept deals' changes, renumbered; `byPosition` (when given) gets each kept change at its position in `changes`. */
function subsetChanges(changes: readonly FieldChange[], index: Int32Array, byPosition?: FieldChange[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const d = index[c.deal]!;
    if (d < 0) continue;
    const kept = d === c.deal ? c : { ...c, deal: d };
    out.push(kept);
    if (byPosition) byPosition[i] = kept;
  }
  return out;
}

const companyWide = (t: Target): Target => ({ ...t, owner: '', team: '' });

/**
 * The target rows that apply to the filtered deals (see the module comment). `ownersOf`: the filtered deals'
 * owners, each at least once (default: read from `deals`, one by one).
 */
export function filterTargets(targets: readonly Target[], filter: Filter, deals: readonly Deal[], ownersOf: () => Iterable<string> = () => deals.map((d) => d.owner)): Target[] {
  const follow = targetsFollow(filter);
  if (follow === 'none') return [];
  if (follow === 'owner' && filter.owner !== null) {
    const own = targets.filter((t) => t.owner.trim() !== '' && t.owner.trim() === filter.owner);
    return [...own, ...own.map(companyWide)];
  }
  if (follow === 'team' && filter.team !== null) {
    const owners = new Set<string>();
    for (const owner of ownersOf()) owners.add(owner.trim());
    const team = targets.filter((t) => t.owner.trim() === '' && t.team.trim() !== '' && t.team.trim() === filter.team);
    const members = targets.filter((t) => t.owner.trim() !== '' && owners.has(t.owner.trim()));
    return [...team, ...members, ...team.map(companyWide)];
  }
  return [...targets];
}
