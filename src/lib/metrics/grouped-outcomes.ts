/**
 * The deals by lead source (deals.csv `source`: inbound, outbound, referral, partner, ...): how each channel's deals
 * convert, which a marketing and sales pipeline is judged by. Per source, the by-owner table's figures (segments.ts:
 * the deals open at T; of those closed in the analysis window the won and lost, the win rate, the median cycle) and
 * the won amount.
 */
import { WON } from '../model/snapshot.ts';
import type { MetricContext } from './context.ts';
import { dealCodes } from './deal-codes.ts';
import { segments } from './segments.ts';
import { UNSPECIFIED } from './win-loss.ts';

export interface SourceRow {
  /** As written, trimmed; UNSPECIFIED for a deal without one. */
  source: string;
  open_count: number;
  open_amount: number;
  won_count: number;
  lost_count: number;
  won_amount: number;
  win_rate: number | null;
  median_cycle_days: number | null;
}

/**
 * Null when deals.csv has no `source` column. Rows of the sources with a deal open at T or closed in the window,
 * most closed deals first (then most open, then by name), the deals without a source last.
 */
export function sourceOutcomes(ctx: MetricContext): SourceRow[] | null {
  if (!(ctx.dataset.columns['deals.csv']?.has('source') ?? false)) return null;
  const source = dealCodes(ctx.timelines.deals).source;
  const wonAmount = new Float64Array(source.names.length);
  for (const d of ctx.closedInWindow) if (ctx.at.state[d] === WON) wonAmount[source.codes[d]!]! += ctx.at.amount[d]!;
  const code = new Map(source.names.map((name, k) => [name, k]));
  const closed = (r: SourceRow) => r.won_count + r.lost_count;
  // No stalled deals asked for: the table has no such column. Segments come by name, which a tie keeps (a stable sort).
  return segments(ctx, [], source)
    .map(([name, { stalled_count: _stalled, ...figures }]): SourceRow => ({ source: name, ...figures, won_amount: wonAmount[code.get(name)!]! }))
    .filter((r) => r.open_count + closed(r) > 0)
    .sort((a, b) => Number(a.source === UNSPECIFIED) - Number(b.source === UNSPECIFIED) || closed(b) - closed(a) || b.open_count - a.open_count);
}
