/**
 * Per-account totals at T, for the account pages: the deals of each account
 * that exist at T, open and won (count and amount at T). Not a key of
 * metrics.json, but computed here with the metrics so that pages only render.
 */
import { NONE, OPEN, WON } from '../model/snapshot.ts';
import type { MetricContext } from './context.ts';
import { textAt } from '../deal-table.ts';

export interface AccountTotals {
  /** Deal indices of the account's deals that exist at T, in deals.csv order. */
  deals: number[];
  open_count: number;
  open_amount: number;
  won_count: number;
  won_amount: number;
}

/** Totals by account id (a Map: account ids are user data), in order of first appearance in deals.csv. */
export function accountTotals(ctx: MetricContext): Map<string, AccountTotals> {
  const { dataset, at } = ctx;
  const out = new Map<string, AccountTotals>();
  const { accountId } = ctx.timelines.deals;
  for (let d = 0; d < at.state.length; d++) {
    const state = at.state[d]!;
    if (state === NONE) continue;
    const id = textAt(accountId, d);
    let t = out.get(id);
    if (!t) out.set(id, (t = { deals: [], open_count: 0, open_amount: 0, won_count: 0, won_amount: 0 }));
    t.deals.push(d);
    if (state === OPEN) {
      t.open_count++;
      t.open_amount += at.amount[d]!;
    } else if (state === WON) {
      t.won_count++;
      t.won_amount += at.amount[d]!;
    }
  }
  return out;
}
