/**
 * The deals grouped by who they came from and who they were sold to: the lead source (deals.csv `source`: inbound,
 * outbound, referral, partner, ...), which a marketing and sales pipeline is judged by, and the account's segment,
 * industry and region (accounts.csv), where deals convert or die by kind of customer and by territory. Per group, the by-owner table's figures
 * (segments.ts: the deals open at T; of those closed in the analysis window the won and lost, the win rate, the
 * median cycle) and the won amount.
 */
import { WON } from '../model/snapshot.ts';
import type { TextCodes } from '../text-codes.ts';
import type { MetricContext } from './context.ts';
import { ACCOUNT_FACTS, type AccountFact, accountFactCodes, dealCodes, perAccountFact } from './deal-codes.ts';
import { segments } from './segments.ts';
import { UNSPECIFIED } from './win-loss.ts';

/** What deals are grouped by: the lead source, or a fact of their account. */
export type OutcomeGrouping = 'source' | AccountFact;
export const OUTCOME_GROUPINGS: readonly OutcomeGrouping[] = ['source', ...ACCOUNT_FACTS];

export interface GroupOutcomeRow {
  /** As written, trimmed; UNSPECIFIED for a deal without one. */
  name: string;
  open_count: number;
  open_amount: number;
  won_count: number;
  lost_count: number;
  won_amount: number;
  win_rate: number | null;
  median_cycle_days: number | null;
}

/**
 * Per grouping, null without its column (deals.csv `source`; accounts.csv, or its `segment`, `industry` or `region`). Rows of
 * the groups with a deal open at T or closed in the window, most closed deals first (then most open, then by name),
 * the deals without one last.
 */
export function groupedOutcomes(ctx: MetricContext): Record<OutcomeGrouping, GroupOutcomeRow[] | null> {
  const deals = ctx.timelines.deals;
  const source = (ctx.dataset.columns['deals.csv']?.has('source') ?? false) ? dealCodes(deals).source : null;
  const of = (key: TextCodes | null) => (key === null ? null : outcomesBy(ctx, key));
  return { source: of(source), ...perAccountFact((fact) => of(accountFactCodes(ctx.dataset, deals, fact))) };
}

function outcomesBy(ctx: MetricContext, key: TextCodes): GroupOutcomeRow[] {
  const wonAmount = new Float64Array(key.names.length);
  for (const d of ctx.closedInWindow) if (ctx.at.state[d] === WON) wonAmount[key.codes[d]!]! += ctx.at.amount[d]!;
  const code = new Map(key.names.map((name, k) => [name, k]));
  const closed = (r: GroupOutcomeRow) => r.won_count + r.lost_count;
  // No stalled deals asked for: the table has no such column. Segments come by name, which a tie keeps (a stable sort).
  return segments(ctx, [], key)
    .map(([name, { stalled_count: _stalled, ...figures }]): GroupOutcomeRow => ({ name, ...figures, won_amount: wonAmount[code.get(name)!]! }))
    .filter((r) => r.open_count + closed(r) > 0)
    .sort((a, b) => Number(a.name === UNSPECIFIED) - Number(b.name === UNSPECIFIED) || closed(b) - closed(a) || b.open_count - a.open_count);
}
