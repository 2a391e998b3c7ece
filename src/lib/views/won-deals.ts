/**
 * The deals won in the report date's quarter up to T (the Forecast page's
 * "Won this quarter"): what the quarter's won amount is made of, by the
 * rule `coverage` counts it with (won at T, close(d) in the quarter, the
 * amount at T). Largest first, then by deal id.
 */
import type { MetricContext } from '../metrics/context.ts';
import { amountKnownAt, WON } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { localDateOf, quarterOf, startOfLocalDate } from '../time.ts';
import { periodRange } from '../metrics/coverage.ts';
import type { WonDeal } from './deal-schemas.ts';

export function wonThisQuarter(ctx: MetricContext): WonDeal[] {
  const { dataset, config, at, T, asOf } = ctx;
  const start = startOfLocalDate(periodRange(quarterOf(asOf)).from, config.timezone);
  const rows: WonDeal[] = [];
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON || !(start <= at.closedAt[d]!)) continue;
    const deal = dataset.deals[d]!;
    rows.push({
      deal_id: deal.id,
      name: deal.name,
      account_id: deal.accountId,
      account_name: deal.accountName,
      owner: deal.owner,
      product: deal.product,
      amount: at.amount[d]!,
      ...(amountKnownAt(ctx, d, T) ? {} : { amount_missing: true as const }),
      closed: localDateOf(at.closedAt[d]!, config.timezone),
    });
  }
  return rows.sort((a, b) => b.amount - a.amount || byCodePoint(a.deal_id, b.deal_id));
}
