/** When each customer's purchase comes due again, from won deals and product lifecycles. */
import { WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, dateOfDay, localDayOf, splitDate, startOfLocalDate } from '../time.ts';
import { addMonthsToDay, dayOfDate, LAST_FOUR_DIGIT_DAY } from '../day-numbers.ts';
import type { MetricContext } from './context.ts';
import { dealCodes } from './deal-codes.ts';
import { textAt } from '../deal-table.ts';
import type { RepurchaseRow } from './types.ts';

/** How far ahead a window counts as upcoming, in days. */
export const UPCOMING_DAYS = 365;

export function repurchase(ctx: MetricContext): RepurchaseRow[] {
  const { dataset, config, at, T } = ctx;
  const tz = config.timezone;
  // Pairs by account and product code (deal-codes.ts): no text hashed per deal, in every engine run.
  const deals = ctx.timelines.deals;
  const { account, product } = dealCodes(deals);
  const products = product.names.length;
  const lifecycleOf = product.names.map((name) => config.products[name]?.lifecycle_months ?? null);
  const pairOf = (d: number) => account.codes[d]! * products + product.codes[d]!;
  // Per (account, product) with a won deal that has a lifecycle, a slot: its latest such deal, base date and lifecycle.
  const slotOf = slotTable(account.names.length * products, deals.length);
  const latest: number[] = [];
  // Base dates as day numbers: a string per won deal was most of this loop's garbage at a million deals.
  const baseDayOf: number[] = [];
  const lifecycleOfSlot: number[] = [];
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON) continue;
    const ownLifecycle = deals.lifecycleMonths[d]!;
    const lifecycle = ownLifecycle === ownLifecycle ? ownLifecycle : lifecycleOf[product.codes[d]!]!;
    if (lifecycle === null) continue;
    const installedAt = deals.installedAt[d]!;
    // NaN (no install date) is never before T.
    const installed = installedAt < T ? installedAt : null;
    const base = localDayOf(installed ?? at.closedAt[d]!, tz);
    const pair = pairOf(d);
    let slot = slotOf.get(pair);
    if (slot === undefined) {
      slotOf.set(pair, (slot = latest.length));
    } else {
      const prev = baseDayOf[slot]!;
      if (!(base > prev || (base === prev && byCodePoint(deals.id[d]!, deals.id[latest[slot]!]!) > 0))) continue;
    }
    latest[slot] = d;
    baseDayOf[slot] = base;
    lifecycleOfSlot[slot] = lifecycle;
  }

  // "Covered" asks whether another deal of the pair existing at T was created late enough: the latest such creation per slot.
  const { created } = ctx.timelines;
  const lastOtherCreated = new Float64Array(latest.length).fill(-Infinity);
  if (latest.length > 0) {
    for (let d = 0; d < at.state.length; d++) {
      if (at.state[d] === 0) continue;
      const slot = slotOf.get(pairOf(d));
      if (slot !== undefined && d !== latest[slot] && created[d]! > lastOtherCreated[slot]!) lastOtherCreated[slot] = created[d]!;
    }
  }

  const upcomingUntil = addDays(ctx.asOf, UPCOMING_DAYS);
  // Dates as day numbers (`dateOfDay` keeps one text a day); compared as texts past 9999-12-31, where the two orders part.
  const asOfDay = dayOfDate(ctx.asOf);
  const upcomingDay = dayOfDate(upcomingUntil);
  const afterOf = new Map<number, number>();
  const nextDayOf = new Float64Array(latest.length);
  let fourDigitYears = upcomingDay <= LAST_FOUR_DIGIT_DAY;
  const rows: RepurchaseRow[] = [];
  for (let slot = 0; slot < latest.length; slot++) {
    const d = latest[slot]!;
    const baseDay = baseDayOf[slot]!;
    const nextDay = addMonthsToDay(baseDay, lifecycleOfSlot[slot]!);
    const next = dateOfDay(nextDay);
    nextDayOf[slot] = nextDay;
    if (nextDay > LAST_FOUR_DIGIT_DAY) fourDigitYears = false;
    // "Its local created date is later than base_date" = created at or after 00:00 of the next day.
    let after = afterOf.get(baseDay);
    if (after === undefined) afterOf.set(baseDay, (after = startOfLocalDate(dateOfDay(baseDay + 1), tz)));
    const covered = lastOtherCreated[slot]! >= after;
    const overdue = nextDay <= LAST_FOUR_DIGIT_DAY ? nextDay <= asOfDay : next <= ctx.asOf;
    const upcoming = fourDigitYears ? nextDay <= upcomingDay : next <= upcomingUntil;
    const status = covered ? 'covered' : overdue ? 'overdue' : upcoming ? 'upcoming' : 'later';
    rows.push({
      account_id: textAt(deals.accountId, d),
      product: textAt(deals.product, d),
      deal_id: deals.id[d]!,
      base_date: dateOfDay(baseDay),
      next_purchase_at: next,
      status,
      amount: at.amount[d]!,
    });
  }
  // By next_purchase_at, account_id, product, each in code-point order. Comparing the texts in the
  // comparator took most of this metric's time at a million deals, so each is ranked once:
  // dates by their day numbers (from the first; by YYYYMMDD read from the text past 9999-12-31, as
  // before), accounts and products by their codes' names.
  const accountRank = rankByCodePoint(account.names);
  const productRank = rankByCodePoint(product.names);
  const firstDay = nextDayOf.reduce((a, b) => Math.min(a, b), Infinity);
  const dateKey = fourDigitYears
    ? nextDayOf.map((day) => day - firstDay)
    : Float64Array.from(rows, (row) => {
        const { year, month, day } = splitDate(row.next_purchase_at);
        return year * 10_000 + month * 100 + day;
      });
  const order = sortedSlots(dateKey, latest, slotOf, account.codes, accountRank, product.codes, productRank);
  return Array.from(order, (slot) => rows[slot]!);
}

/**
 * Slots in order of (date key, account rank, product rank). Each slot is its own (account, product) pair, so
 * the three make one integer per slot, distinct: sorted as numbers by the typed array's own sort (no
 * comparator called per comparison), the slot found again from its account and product. A comparator sort
 * when the integers would pass 2^53 (a key not a whole number, or very many accounts and products).
 */
export function sortedSlots(
  dateKey: Float64Array,
  latest: readonly number[],
  slotOf: SlotTable,
  accountCodes: Int32Array,
  accountRank: Int32Array,
  productCodes: Int32Array,
  productRank: Int32Array,
): ArrayLike<number> {
  const accounts = accountRank.length;
  const products = productRank.length;
  const n = dateKey.length;
  let maxKey = 0;
  for (let slot = 0; slot < n; slot++) maxKey = Math.max(maxKey, Number.isInteger(dateKey[slot]!) && dateKey[slot]! >= 0 ? dateKey[slot]! : Infinity);
  if ((maxKey + 1) * accounts * products > Number.MAX_SAFE_INTEGER) {
    return Array.from(dateKey.keys()).sort((a, b) => {
      const x = latest[a]!;
      const y = latest[b]!;
      return dateKey[a]! - dateKey[b]! || accountRank[accountCodes[x]!]! - accountRank[accountCodes[y]!]! || productRank[productCodes[x]!]! - productRank[productCodes[y]!]!;
    });
  }
  const keys = new Float64Array(n);
  for (let slot = 0; slot < n; slot++) {
    const d = latest[slot]!;
    keys[slot] = (dateKey[slot]! * accounts + accountRank[accountCodes[d]!]!) * products + productRank[productCodes[d]!]!;
  }
  keys.sort();
  // Back from (account rank, product rank) to the slot: through each rank's code and the slot of that pair.
  const accountOfRank = inverse(accountRank);
  const productOfRank = inverse(productRank);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const productR = keys[i]! % products;
    const accountR = ((keys[i]! - productR) / products) % accounts;
    order[i] = slotOf.get(accountOfRank[accountR]! * products + productOfRank[productR]!)!;
  }
  return order;
}

/** The code of each rank, for ranks made by `rankByCodePoint`. */
function inverse(rank: Int32Array): Int32Array {
  const out = new Int32Array(rank.length);
  for (let code = 0; code < rank.length; code++) out[rank[code]!] = code;
  return out;
}

export interface SlotTable {
  get(pair: number): number | undefined;
  set(pair: number, slot: number): void;
}

/**
 * Slots by pair: an array indexed by pair when there are not many more pairs than deals (two lookups per deal at a
 * million deals, where a Map's took ~0.4 s), else a Map.
 */
export function slotTable(pairs: number, deals: number): SlotTable {
  if (pairs > 4 * deals + 1024) return new Map<number, number>();
  const slots = new Int32Array(pairs).fill(-1);
  return {
    get: (pair) => (slots[pair]! < 0 ? undefined : slots[pair]),
    set: (pair, slot) => void (slots[pair] = slot),
  };
}

/** The rank of each name (by index) in code-point order. */
function rankByCodePoint(names: readonly string[]): Int32Array {
  const rank = new Int32Array(names.length);
  Array.from(names.keys())
    .sort((a, b) => byCodePoint(names[a]!, names[b]!))
    .forEach((code, r) => (rank[code] = r));
  return rank;
}
