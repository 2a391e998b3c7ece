/**
 * Which deals a filter keeps: deal by deal (`matchingDeals`, the reference),
 * or through an index of each owner's, team's, product's and source's deals,
 * and each account segment's, industry's and region's, built once
 * per dataset (`keptDeals`, for a page applying many filters). A close-date
 * filter reads each deal's close date at as_of, which the caller gives
 * (model/close-days.ts: it depends on the config and as_of, the index on
 * the dataset alone). subset.ts
 * makes the filtered dataset and prepared data from them. Pure; runs in Node
 * and in the browser.
 */
import type { Account, Dataset } from '../dataset.ts';
import { dealTable } from '../dataset-deal-table.ts';
import { ACCOUNT_FACTS, type AccountFact, accountFactCodes, perAccountFact } from '../metrics/deal-codes.ts';
import type { TextCodes } from '../text-codes.ts';
import { localDateOf } from '../time.ts';
import { dayOfDate } from '../day-numbers.ts';
import { type Filter, periodDates, periodInstants, segmentName } from './filter.ts';

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
const DEAL_KEYS = ['owner', 'team', 'product', 'source'] as const;
/** Every key that names something of the deal: its own fields, then its account's facts (accounts.csv). */
const NAME_KEYS = [...DEAL_KEYS, ...ACCOUNT_FACTS] as const;
type NameKey = (typeof NAME_KEYS)[number];

/** Each deal's name for `key` as the filter compares it (`segmentName`), by deal index. */
type NameOf = (d: number, key: NameKey) => string;

/** Whether deal `d` has each name of `keys` the filter asks for. */
function namesMatch(nameOf: NameOf, d: number, filter: Filter, keys: readonly NameKey[]): boolean {
  for (const key of keys) if (nameOf(d, key) !== filter[key]) return false;
  return true;
}

/**
 * The names deal by deal: a deal's own fields, and its account's facts looked up in accounts.csv by id (none when
 * there is no accounts.csv or no such column: every deal's is then "(unspecified)").
 */
function namesOfDeals(dataset: Dataset): NameOf {
  const { deals } = dataset;
  const facts = new Map<string, Account>();
  for (const a of dataset.accounts ?? []) facts.set(a.accountId, a);
  const given = new Set(ACCOUNT_FACTS.filter((fact) => dataset.accounts !== null && (dataset.columns['accounts.csv']?.has(fact) ?? false)));
  const isFact = (key: NameKey): key is AccountFact => (ACCOUNT_FACTS as readonly string[]).includes(key);
  return (d, key) => {
    const deal = deals[d]!;
    if (isFact(key)) return segmentName(given.has(key) ? (facts.get(deal.accountId)?.[key] ?? '') : '');
    return segmentName(deal[key]);
  };
}

/**
 * The days of the `closing` filter's period (`from <= day < to`), null without one. `closeDays`: each deal's close
 * date at the report's as_of (model/close-days.ts `closeDaysOf`), which a closing filter needs.
 */
function closingWindow(filter: Filter, closeDays: Float64Array | null): ClosingWindow | null {
  if (filter.closing === null) return null;
  if (closeDays === null) throw new Error('a closing filter needs the deals’ close dates at as_of');
  const { from, to } = periodDates(filter.closing);
  return { from: dayOfDate(from), to: dayOfDate(to), days: closeDays };
}

interface ClosingWindow {
  from: number;
  to: number;
  days: Float64Array;
}

/** Whether deal `d`'s close date is in the window (a deal without one is in none: NaN compares false). */
const closesIn = (w: ClosingWindow, d: number): boolean => w.from <= w.days[d]! && w.days[d]! < w.to;

/** Whether each deal matches the filter, by deal index (deal by deal: the reference for `keptDeals`). */
export function matchingDeals(dataset: Dataset, filter: Filter, timeZone: string, closeDays: Float64Array | null = null): Uint8Array {
  const { deals } = dataset;
  const n = deals.length;
  const keep = new Uint8Array(n);
  const created = filter.period === null ? null : createdInstants(dataset);
  const window = filter.period === null ? null : periodInstants(filter.period, timeZone);
  const closing = closingWindow(filter, closeDays);
  const names = NAME_KEYS.filter((key) => filter[key] !== null);
  const nameOf = namesOfDeals(dataset);
  for (let d = 0; d < n; d++) {
    if (!namesMatch(nameOf, d, filter, names)) continue;
    if (window && created && !(window.start <= created[d]! && created[d]! < window.end)) continue;
    if (closing && !closesIn(closing, d)) continue;
    keep[d] = 1;
  }
  return keep;
}

/**
 * What makes a filter fast on a dataset that many filters are applied to (a
 * page, in the browser): each deal's owner, team, product, source, and its
 * account's facts as a code of its name as filtered (`segmentName`), the deals of
 * each name, ascending, and created(d) of every deal. Built once per dataset.
 */
export interface FilterIndex {
  /** Per key, deal `d`'s name is `names[codes[d]]`. */
  names: Record<NameKey, TextCodes>;
  deals: Record<NameKey, Map<string, Int32Array>>;
  /** created(d): the earlier of created_at and the deal's first stage entry (as `matchingDeals`). */
  created: Float64Array;
}

const indexes = new WeakMap<Dataset, FilterIndex>();

/** Codes of the names as filtered (`segmentName`): each text named once, not each deal. */
function asFiltered({ codes, names }: TextCodes): TextCodes {
  const slotOf = new Map<string, number>();
  const slot = names.map((name) => {
    const key = segmentName(name);
    let s = slotOf.get(key);
    if (s === undefined) slotOf.set(key, (s = slotOf.size));
    return s;
  });
  const out = new Int32Array(codes.length);
  for (let d = 0; d < codes.length; d++) out[d] = slot[codes[d]!]!;
  return { codes: out, names: [...slotOf.keys()] };
}

/** The deals of each name, ascending, in order of each name's first deal (as the lists were made deal by deal). */
function byName({ codes, names }: TextCodes): Map<string, Int32Array> {
  // A counting sort of the deals by code, ascending within each.
  const start = new Int32Array(names.length + 1);
  for (let d = 0; d < codes.length; d++) start[codes[d]! + 1]!++;
  for (let k = 0; k < names.length; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, names.length);
  const order = new Int32Array(codes.length);
  for (let d = 0; d < codes.length; d++) order[fill[codes[d]!]!++] = d;
  const out = new Map<string, Int32Array>();
  const firsts = names.map((_, k) => k).filter((k) => start[k + 1]! > start[k]!).sort((a, b) => order[start[a]!]! - order[start[b]!]!);
  for (const k of firsts) out.set(names[k]!, order.subarray(start[k]!, start[k + 1]!));
  return out;
}

export function filterIndex(dataset: Dataset): FilterIndex {
  let index = indexes.get(dataset);
  if (!index) {
    const table = dealTable(dataset);
    // Without accounts.csv or the column, every deal's account fact is empty, as matchingDeals reads it.
    const none = (): TextCodes => ({ codes: new Int32Array(dataset.deals.length), names: [''] });
    const names: Record<NameKey, TextCodes> = {
      owner: asFiltered(table.owner),
      team: asFiltered(table.team),
      product: asFiltered(table.product),
      source: asFiltered(table.source),
      ...perAccountFact((fact) => asFiltered(accountFactCodes(dataset, table, fact) ?? none())),
    };
    const deals = Object.fromEntries(NAME_KEYS.map((key) => [key, byName(names[key])])) as Record<NameKey, Map<string, Int32Array>>;
    index = { names, deals, created: createdInstants(dataset) };
    indexes.set(dataset, index);
  }
  return index;
}

const NONE = new Int32Array(0);

/** The indexes of the deals that match `filter`, ascending: the deals `matchingDeals` marks, found through the index. */
export function keptDeals(dataset: Dataset, filter: Filter, timeZone: string, closeDays: Float64Array | null = null): Int32Array {
  const index = filterIndex(dataset);
  // The smallest list of a name in the filter, checked against the other keys.
  let base: Int32Array | null = null;
  let baseKey: NameKey | null = null;
  for (const key of NAME_KEYS) {
    const value = filter[key];
    if (value === null) continue;
    const list = index.deals[key].get(value) ?? NONE;
    if (base === null || list.length < base.length) [base, baseKey] = [list, key];
  }
  // The other names asked for, checked deal by deal.
  const others = NAME_KEYS.filter((key) => key !== baseKey && filter[key] !== null);
  const window = filter.period === null ? null : periodInstants(filter.period, timeZone);
  const closing = closingWindow(filter, closeDays);
  const n = base === null ? dataset.deals.length : base.length;
  if (base !== null && others.length === 0 && window === null && closing === null) return base.slice();
  const nameOf: NameOf = (d, key) => index.names[key].names[index.names[key].codes[d]!]!;
  const out = new Int32Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    const d = base === null ? j : base[j]!;
    if (!namesMatch(nameOf, d, filter, others)) continue;
    if (window && !(window.start <= index.created[d]! && index.created[d]! < window.end)) continue;
    if (closing && !closesIn(closing, d)) continue;
    out[k++] = d;
  }
  return k === n ? out : out.slice(0, k);
}

/** The local date of created(d) helper for callers that list periods (the filter form). */
export function createdDates(dataset: Dataset, timeZone: string): string[] {
  return Array.from(createdInstants(dataset), (t) => localDateOf(t, timeZone));
}
