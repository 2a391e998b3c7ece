/** When each customer's purchase comes due again, from won deals and product lifecycles. */
import { WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, addMonths, dateOfDay, type LocalDate, localDayOf, nextDate, splitDate, startOfLocalDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import { dealCodes } from './deal-codes.ts';
import type { RepurchaseRow } from './types.ts';

/** How far ahead a window counts as upcoming, in days. */
export const UPCOMING_DAYS = 365;

export function repurchase(ctx: MetricContext): RepurchaseRow[] {
  const { dataset, config, at, T } = ctx;
  const tz = config.timezone;
  // Pairs by account and product code (deal-codes.ts): no text hashed per deal, in every engine run.
  const { account, product } = dealCodes(dataset.deals);
  const products = product.names.length;
  const lifecycleOf = product.names.map((name) => config.products[name]?.lifecycle_months ?? null);
  const pairOf = (d: number) => account.codes[d]! * products + product.codes[d]!;
  // Per (account, product) with a won deal that has a lifecycle, a slot: its latest such deal, base date and lifecycle.
  const slotOf = slotTable(account.names.length * products, dataset.deals.length);
  const latest: number[] = [];
  // Base dates as day numbers: a string per won deal was most of this loop's garbage at a million deals.
  const baseDayOf: number[] = [];
  const lifecycleOfSlot: number[] = [];
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON) continue;
    const deal = dataset.deals[d]!;
    const lifecycle = deal.lifecycleMonths ?? lifecycleOf[product.codes[d]!]!;
    if (lifecycle === null) continue;
    const installed = deal.installedAt !== null && deal.installedAt < T ? deal.installedAt : null;
    const base = localDayOf(installed ?? at.closedAt[d]!, tz);
    const pair = pairOf(d);
    let slot = slotOf.get(pair);
    if (slot === undefined) {
      slotOf.set(pair, (slot = latest.length));
    } else {
      const prev = baseDayOf[slot]!;
      if (!(base > prev || (base === prev && byCodePoint(deal.id, dataset.deals[latest[slot]!]!.id) > 0))) continue;
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
  const nextDay = new Map<LocalDate, number>();
  const rows: RepurchaseRow[] = [];
  for (let slot = 0; slot < latest.length; slot++) {
    const d = latest[slot]!;
    const base = dateOfDay(baseDayOf[slot]!);
    const deal = dataset.deals[d]!;
    const next = addMonths(base, lifecycleOfSlot[slot]!);
    // "Its local created date is later than base_date" = created at or after 00:00 of the next day.
    let after = nextDay.get(base);
    if (after === undefined) nextDay.set(base, (after = startOfLocalDate(nextDate(base), tz)));
    const covered = lastOtherCreated[slot]! >= after;
    const status = covered ? 'covered' : next <= ctx.asOf ? 'overdue' : next <= upcomingUntil ? 'upcoming' : 'later';
    rows.push({
      account_id: deal.accountId,
      product: deal.product,
      deal_id: deal.id,
      base_date: base,
      next_purchase_at: next,
      status,
      amount: at.amount[d]!,
    });
  }
  // By next_purchase_at, account_id, product, each in code-point order. Comparing the texts in the
  // comparator took most of this metric's time at a million deals, so each is ranked once:
  // dates (YYYY-MM-DD, four-digit years) by their numbers, accounts and products by their codes' names.
  const accountRank = rankByCodePoint(account.names);
  const productRank = rankByCodePoint(product.names);
  const dateKey = Float64Array.from(rows, (row) => {
    const { year, month, day } = splitDate(row.next_purchase_at);
    return year * 10_000 + month * 100 + day;
  });
  const order = Array.from(rows.keys()).sort((a, b) => {
    const x = latest[a]!;
    const y = latest[b]!;
    return dateKey[a]! - dateKey[b]! || accountRank[account.codes[x]!]! - accountRank[account.codes[y]!]! || productRank[product.codes[x]!]! - productRank[product.codes[y]!]!;
  });
  return order.map((slot) => rows[slot]!);
}

/**
 * Slots by pair: an array indexed by pair when there are not many more pairs than deals (two lookups per deal at a
 * million deals, where a Map's took ~0.4 s), else a Map.
 */
export function slotTable(pairs: number, deals: number): { get(pair: number): number | undefined; set(pair: number, slot: number): void } {
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
