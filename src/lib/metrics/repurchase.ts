/** When each customer's purchase comes due again, from won deals and product lifecycles. */
import { WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, addMonths, type LocalDate, localDateOf, nextDate, startOfLocalDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import type { RepurchaseRow } from './types.ts';

/** How far ahead a window counts as upcoming, in days. */
export const UPCOMING_DAYS = 365;

const key = (account: string, product: string) => `${account}\u0000${product}`;

export function repurchase(ctx: MetricContext): RepurchaseRow[] {
  const { dataset, config, at, T } = ctx;
  const tz = config.timezone;
  const latest = new Map<string, { d: number; base: LocalDate; lifecycle: number }>();
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON) continue;
    const deal = dataset.deals[d]!;
    const lifecycle = deal.lifecycleMonths ?? config.products[deal.product]?.lifecycle_months ?? null;
    if (lifecycle === null) continue;
    const installed = deal.installedAt !== null && deal.installedAt < T ? deal.installedAt : null;
    const base = localDateOf(installed ?? at.closedAt[d]!, tz);
    const k = key(deal.accountId, deal.product);
    const prev = latest.get(k);
    if (
      !prev ||
      base > prev.base ||
      (base === prev.base && byCodePoint(deal.id, dataset.deals[prev.d]!.id) > 0)
    ) {
      latest.set(k, { d, base, lifecycle });
    }
  }

  // created(d) of the deals existing at T, per (account, product) that has a kept deal.
  const createdAt = new Map<string, { d: number; created: number }[]>();
  for (const k of latest.keys()) createdAt.set(k, []);
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] === 0) continue;
    const deal = dataset.deals[d]!;
    createdAt.get(key(deal.accountId, deal.product))?.push({ d, created: ctx.timelines.created[d]! });
  }

  const upcomingUntil = addDays(ctx.asOf, UPCOMING_DAYS);
  const rows: RepurchaseRow[] = [];
  for (const [k, { d, base, lifecycle }] of latest) {
    const deal = dataset.deals[d]!;
    const next = addMonths(base, lifecycle);
    // "Its local created date is later than base_date" = created at or after 00:00 of the next day.
    const after = startOfLocalDate(nextDate(base), tz);
    const covered = createdAt.get(k)!.some((o) => o.d !== d && o.created >= after);
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
