/**
 * Which deals a filter keeps: deal by deal (`matchingDeals`, the reference),
 * or through an index of each owner's, team's, product's and source's deals built once
 * per dataset (`keptDeals`, for a page applying many filters). subset.ts
 * makes the filtered dataset and prepared data from them. Pure; runs in Node
 * and in the browser.
 */
import type { Dataset } from '../dataset.ts';
import { dealTable } from '../deal-table.ts';
import type { TextCodes } from '../text-codes.ts';
import { localDateOf } from '../time.ts';
import { type Filter, periodInstants, segmentName } from './filter.ts';

/** created(d) of every deal: the earlier of created_at and the deal's first stage entry (metrics.md). */
export function createdInstants(dataset: Dataset): Float64Array {
  const { stageHistory: h } = dataset;
  const created = dealTable(dataset).createdAt.slice();
  for (let i = 0; i < h.length; i++) {
    const d = h.deal[i]!;
    if (h.enteredAt[i]! < created[d]!) created[d] = h.enteredAt[i]!;
  }
  return created;
}

/** The filter's keys that name a deal's owner, team, product or lead source (its fields of the same names). */
const NAME_KEYS = ['owner', 'team', 'product', 'source'] as const;
type NameKey = (typeof NAME_KEYS)[number];

/** Whether the deal has each name of `keys` the filter asks for (as filtered: `segmentName`). */
function namesMatch(deal: Dataset['deals'][number], filter: Filter, keys: readonly NameKey[]): boolean {
  for (const key of keys) if (segmentName(deal[key]) !== filter[key]) return false;
  return true;
}

/** Whether each deal matches the filter, by deal index (deal by deal: the reference for `keptDeals`). */
export function matchingDeals(dataset: Dataset, filter: Filter, timeZone: string): Uint8Array {
  const { deals } = dataset;
  const n = deals.length;
  const keep = new Uint8Array(n);
  const created = filter.period === null ? null : createdInstants(dataset);
  const window = filter.period === null ? null : periodInstants(filter.period, timeZone);
  const names = NAME_KEYS.filter((key) => filter[key] !== null);
  for (let d = 0; d < n; d++) {
    if (!namesMatch(deals[d]!, filter, names)) continue;
    if (window && created && !(window.start <= created[d]! && created[d]! < window.end)) continue;
    keep[d] = 1;
  }
  return keep;
}

/**
 * What makes a filter fast on a dataset that many filters are applied to (a
 * page, in the browser): the deals of each owner, team, product and source (as
 * filtered: `segmentName`), ascending, and created(d) of every deal. Built
 * once per dataset.
 */
export interface FilterIndex {
  owner: Map<string, Int32Array>;
  team: Map<string, Int32Array>;
  product: Map<string, Int32Array>;
  source: Map<string, Int32Array>;
  /** created(d): the earlier of created_at and the deal's first stage entry (as `matchingDeals`). */
  created: Float64Array;
}

const indexes = new WeakMap<Dataset, FilterIndex>();

/** The deals of each name as filtered (`segmentName`), from the table's codes: each text named once, not each deal. */
function byName({ codes, names }: TextCodes): Map<string, Int32Array> {
  const keys = names.map(segmentName);
  const slotOf = new Map<string, number>();
  const slot = keys.map((key) => {
    let s = slotOf.get(key);
    if (s === undefined) slotOf.set(key, (s = slotOf.size));
    return s;
  });
  // A counting sort of the deals by slot, ascending within each.
  const start = new Int32Array(slotOf.size + 1);
  for (let d = 0; d < codes.length; d++) start[slot[codes[d]!]! + 1]!++;
  for (let k = 0; k < slotOf.size; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, slotOf.size);
  const order = new Int32Array(codes.length);
  for (let d = 0; d < codes.length; d++) order[fill[slot[codes[d]!]!]!++] = d;
  const out = new Map<string, Int32Array>();
  // In order of each name's first deal, as the lists were made deal by deal.
  const firsts = [...slotOf].filter(([, s]) => start[s + 1]! > start[s]!).sort((a, b) => order[start[a[1]]!]! - order[start[b[1]]!]!);
  for (const [key, s] of firsts) out.set(key, order.subarray(start[s]!, start[s + 1]!));
  return out;
}

export function filterIndex(dataset: Dataset): FilterIndex {
  let index = indexes.get(dataset);
  if (!index) {
    const table = dealTable(dataset);
    const created = createdInstants(dataset);
    index = { owner: byName(table.owner), team: byName(table.team), product: byName(table.product), source: byName(table.source), created };
    indexes.set(dataset, index);
  }
  return index;
}

const NONE = new Int32Array(0);

/** The indexes of the deals that match `filter`, ascending: the deals `matchingDeals` marks, found through the index. */
export function keptDeals(dataset: Dataset, filter: Filter, timeZone: string): Int32Array {
  const index = filterIndex(dataset);
  // The smallest list of a name in the filter, checked against the other keys.
  let base: Int32Array | null = null;
  let baseKey: NameKey | null = null;
  for (const key of NAME_KEYS) {
    const value = filter[key];
    if (value === null) continue;
    const list = index[key].get(value) ?? NONE;
    if (base === null || list.length < base.length) [base, baseKey] = [list, key];
  }
  // The other names asked for, checked deal by deal.
  const others = NAME_KEYS.filter((key) => key !== baseKey && filter[key] !== null);
  const window = filter.period === null ? null : periodInstants(filter.period, timeZone);
  const { deals } = dataset;
  const n = base === null ? deals.length : base.length;
  if (base !== null && others.length === 0 && window === null) return base.slice();
  const out = new Int32Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const d = base === null ? j : base[j]!;
    if (!namesMatch(deals[d]!, filter, others)) continue;
    if (window && !(window.start <= index.created[d]! && index.created[d]! < window.end)) continue;
    out[k++] = d;
  }
  return k === n ? out : out.slice(0, k);
}

/** The local date of created(d) helper for callers that list periods (the filter form). */
export function createdDates(dataset: Dataset, timeZone: string): string[] {
  return Array.from(createdInstants(dataset), (t) => localDateOf(t, timeZone));
}
