/**
 * The deals closed in the analysis window by the calendar quarter they
 * closed in (the config's timezone): is the win rate moving, is the mix of
 * loss reasons changing (is price lately given more often)? The window cut
 * into its quarters, so the counts add up to `win_rate`'s and
 * `loss_reasons`' own (the first and last quarters cover only their days in
 * the window). Loss reasons in `loss_reasons`' order, as the export has
 * them now. For the dashboard's Win / loss page; not a key of metrics.json.
 */
import { textAt } from '../deal-table.ts';
import { LOST, WON } from '../model/snapshot.ts';
import { addDays, localDateOf, type LocalDate, quarterOf } from '../time.ts';
import type { MetricContext } from './context.ts';
import { periodRange } from './coverage.ts';
import { reasons, UNSPECIFIED } from './win-loss.ts';

export interface QuarterClosed {
  /** `YYYY-Qn`, and the dates of it in the window, `from` to `to` inclusive. */
  quarter: string;
  from: LocalDate;
  to: LocalDate;
  won: number;
  lost: number;
  won_amount: number;
  lost_amount: number;
}

export interface ClosedByQuarter {
  /** Oldest first. */
  quarters: QuarterClosed[];
  /** `counts[i]`: the reason's lost deals closed in `quarters[i]`. */
  loss_reasons: { reason: string; counts: number[] }[];
}

export function closedByQuarter(ctx: MetricContext): ClosedByQuarter {
  const timeZone = ctx.config.timezone;
  // The window's dates as the pages name them (`window_days` days to as_of).
  const first = addDays(ctx.asOf, 1 - ctx.config.window_days);
  const quarters: QuarterClosed[] = quartersBetween(first, ctx.asOf).map((q) => ({ ...q, won: 0, lost: 0, won_amount: 0, lost_amount: 0 }));
  const index = new Map(quarters.map((q, i) => [q.quarter, i]));
  const byReason = new Map<string, number[]>();
  for (const d of ctx.closedInWindow) {
    const date = localDateOf(ctx.at.closedAt[d]!, timeZone);
    // The window is `window_days` × 24 hours before T: across a daylight-saving change its first hour lies on the day
    // before its first date. A deal closed then is in the window all the same, and counts in its first quarter.
    const i = date < first ? 0 : index.get(quarterOf(date))!;
    const q = quarters[i]!;
    if (ctx.at.state[d] === WON) {
      q.won++;
      q.won_amount += ctx.at.amount[d]!;
      continue;
    }
    q.lost++;
    q.lost_amount += ctx.at.amount[d]!;
    const reason = textAt(ctx.timelines.deals.lostReason, d).trim() || UNSPECIFIED;
    let counts = byReason.get(reason);
    if (!counts) byReason.set(reason, (counts = new Array<number>(quarters.length).fill(0)));
    counts[i]!++;
  }
  return { quarters, loss_reasons: reasons(ctx, LOST).map((r) => ({ reason: r.reason, counts: byReason.get(r.reason)! })) };
}

/** The calendar quarters from the one holding `first` to the one holding `last`, each cut to `first`..`last`. */
export function quartersBetween(first: LocalDate, last: LocalDate): { quarter: string; from: LocalDate; to: LocalDate }[] {
  const out: { quarter: string; from: LocalDate; to: LocalDate }[] = [];
  for (let start = periodRange(quarterOf(first)).from; start <= last; ) {
    const { to: next } = periodRange(quarterOf(start));
    const end = addDays(next, -1);
    out.push({ quarter: quarterOf(start), from: start < first ? first : start, to: end > last ? last : end });
    start = next;
  }
  return out;
}
