/** Account-planning views: each account's facts, deals with their stage timelines, and totals. */
import { uniqueSlugs } from './slugs.ts';
import type { MetricContext } from '../metrics/context.ts';
import { accountTotals } from '../metrics/accounts.ts';
import { amountKnownAt, LOST, OPEN, WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { localDateOf } from '../time.ts';
import type { AccountDeal, AccountView } from './deal-schemas.ts';

const STATE_NAMES = { [OPEN]: 'open', [WON]: 'won', [LOST]: 'lost' } as const;

/**
 * Every account with its facts and totals at T, sorted by name (the
 * accounts index), each with `deals` left empty; `deals` gives the deal
 * indices of each account with a page, for `accountDeals`. Pages go to the
 * largest accounts first when `maxPages` limits them.
 */
export function accountIndex(ctx: MetricContext, maxPages: number): { accounts: AccountView[]; deals: Map<string, readonly number[]> } {
  const { dataset } = ctx;
  const dealsOf = new Map<string, readonly number[]>();
  const facts = new Map((dataset.accounts ?? []).map((a) => [a.accountId, a]));
  const byAccount = new Map<string, AccountView>();
  const view = (id: string, fallbackName: string): AccountView => {
    let v = byAccount.get(id);
    if (v) {
      // accounts.csv without account_name: the name its deals give, rather than the id.
      if (v.name === id && fallbackName !== '') v.name = fallbackName;
      return v;
    }
    const f = facts.get(id);
    v = {
      account_id: id,
      slug: '',
      name: f?.accountName || fallbackName || id,
      industry: f?.industry ?? '',
      segment: f?.segment ?? '',
      region: f?.region ?? '',
      keyman: f?.keyman ?? '',
      relationship: f?.relationship ?? '',
      budget_cycle_month: f?.budgetCycleMonth ?? null,
      installed_competitor: f?.installedCompetitor ?? '',
      notes: f?.notes ?? '',
      open_count: 0,
      open_amount: 0,
      won_count: 0,
      won_amount: 0,
      has_page: false,
      deals: [],
    };
    byAccount.set(id, v);
    return v;
  };
  for (const f of facts.values()) view(f.accountId, f.accountName);
  for (const [id, totals] of accountTotals(ctx)) {
    const v = view(id, dataset.deals[totals.deals[0]!]!.accountName);
    v.open_count = totals.open_count;
    v.open_amount = totals.open_amount;
    v.won_count = totals.won_count;
    v.won_amount = totals.won_amount;
    dealsOf.set(id, totals.deals);
  }
  const accounts = [...byAccount.values()];
  // Largest accounts get pages first when pages are limited.
  if (maxPages >= accounts.length) for (const a of accounts) a.has_page = true;
  else {
    const ranked = [...accounts].sort(
      (a, b) => b.open_amount + b.won_amount - (a.open_amount + a.won_amount) || byCodePoint(a.account_id, b.account_id),
    );
    ranked.forEach((a, i) => (a.has_page = i < maxPages));
  }
  assignSlugs(accounts);
  for (const a of accounts) if (!a.has_page) dealsOf.delete(a.account_id);
  return { accounts: accounts.sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.account_id, b.account_id)), deals: dealsOf };
}

/** One account page's deals (deal indices of `accountIndex`), newest first, each with its stage visits before T. */
export function accountDeals(ctx: MetricContext, deals: readonly number[]): AccountDeal[] {
  return deals.map((d) => accountDeal(ctx, d)).sort((x, y) => byCodePoint(y.created, x.created) || byCodePoint(x.deal_id, y.deal_id));
}

/** One deal of an account page: its facts at T and its stage visits before T. */
function accountDeal(ctx: MetricContext, d: number): AccountDeal {
  const { dataset, config, at, timelines: tl } = ctx;
  const tz = config.timezone;
  const deal = dataset.deals[d]!;
  const state = at.state[d]!;
  const visits: [string, string][] = [];
  for (let k = tl.offsets[d]!, end = k + at.visits[d]!; k < end; k++) {
    visits.push([config.stages[tl.visitStage[k]!]!.id, localDateOf(tl.visitStart[k]!, tz)]);
  }
  return {
    deal_id: deal.id,
    name: deal.name,
    product: deal.product,
    owner: deal.owner,
    state: STATE_NAMES[state as 1 | 2 | 3],
    stage: config.stages[at.stage[d]!]!.id,
    amount: at.amount[d]!,
    ...(amountKnownAt(ctx, d, ctx.T) ? {} : { amount_missing: true as const }),
    created: localDateOf(tl.created[d]!, tz),
    closed: state === OPEN ? null : localDateOf(at.closedAt[d]!, tz),
    expected_close: at.expectedClose[d] ?? null,
    keyman: deal.keyman,
    competitor: deal.competitor,
    reason: (state === WON ? deal.winReason : state === LOST ? deal.lostReason : '').trim(),
    visits,
  };
}

/**
 * ASCII, URL-safe unique slugs: ids are untrusted text, so never put them in a path as they are. An id with
 * letters beyond ASCII (a Salesforce report's or HubSpot's account name used as its id, "경동소재") gets a hash
 * of itself, as an owner's page does: a numbered slug would move to another account when one is added.
 */
function assignSlugs(accounts: AccountView[]): void {
  const slugs = uniqueSlugs(accounts.map((a) => a.account_id), 'account');
  for (const a of accounts) a.slug = slugs.get(a.account_id)!;
}
