/** When each customer's purchase comes due again, from won deals and product lifecycles. */
import { WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, addMonths, type LocalDate, localDateOf, nextDate, startOfLocalDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import { dealCodes } from './deal-codes.ts';
import type { RepurchaseRow } from './types.ts';

/** How far ahead a window counts as upcoming, in days. */
export const UPCOMING_DAYS = 365;

/** The latest won deal of one (account, product), and that pair's deals existing at T. */
interface Latest {
  d: number;
  base: LocalDate;
  lifecycle: number;
  deals: number[];
}

export function repurchase(ctx: MetricContext): RepurchaseRow[] {
  const { dataset, config, at, T } = ctx;
  const tz = config.timezone;
  // Pairs by account and product code (deal-codes.ts): no text hashed per deal, in every engine run.
  const { account, product } = dealCodes(dataset.deals);
  const products = product.names.length;
  const lifecycleOf = product.names.map((name) => config.products[name]?.lifecycle_months ?? null);
  const pairOf = (d: number) => account.codes[d]! * products + product.codes[d]!;
  const latest = new Map<number, Latest>();
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON) continue;
    const deal = dataset.deals[d]!;
    const lifecycle = deal.lifecycleMonths ?? lifecycleOf[product.codes[d]!]!;
    if (lifecycle === null) continue;
    const installed = deal.installedAt !== null && deal.installedAt < T ? deal.installedAt : null;
    const base = localDateOf(installed ?? at.closedAt[d]!, tz);
    const pair = pairOf(d);
    const prev = latest.get(pair);
    if (
      !prev ||
      base > prev.base ||
      (base === prev.base && byCodePoint(deal.id, dataset.deals[prev.d]!.id) > 0)
    ) {
      latest.set(pair, { d, base, lifecycle, deals: [] });
    }
  }

  // The deals existing at T, per (account, product) that has a kept deal.
  if (latest.size > 0) {
    for (let d = 0; d < at.state.length; d++) {
      if (at.state[d] === 0) continue;
      latest.get(pairOf(d))?.deals.push(d);
    }
  }
  const { created } = ctx.timelines;

  const upcomingUntil = addDays(ctx.asOf, UPCOMING_DAYS);
  const nextDay = new Map<LocalDate, number>();
  const rows: RepurchaseRow[] = [];
  for (const { d, base, lifecycle, deals } of latest.values()) {
    const deal = dataset.deals[d]!;
    const next = addMonths(base, lifecycle);
    // "Its local created date is later than base_date" = created at or after 00:00 of the next day.
    let after = nextDay.get(base);
    if (after === undefined) nextDay.set(base, (after = startOfLocalDate(nextDate(base), tz)));
    const covered = deals.some((o) => o !== d && created[o]! >= after);
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
  return rows.sort(
    (a, b) =>
      byCodePoint(a.next_purchase_at, b.next_purchase_at) ||
      byCodePoint(a.account_id, b.account_id) ||
      byCodePoint(a.product, b.product),
  );
}
