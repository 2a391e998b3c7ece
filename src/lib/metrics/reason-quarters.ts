/**
 * The lost deals of `loss_reasons` by the calendar quarter they closed in
 * (the config's timezone): is the mix of reasons changing, is price lately
 * given more often? The analysis window cut into its quarters, so the
 * counts add up to `loss_reasons`' own (the first and last quarters cover
 * only their days in the window). Reasons in `loss_reasons`' order, the
 * reason as the export has it now. For the dashboard's Win / loss page;
 * not a key of metrics.json.
 */
import { textAt } from '../deal-table.ts';
import { LOST } from '../model/snapshot.ts';
import { addDays, addMonths, formatDate, localDateOf, type LocalDate, quarterOf, splitDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import { reasons, UNSPECIFIED } from './win-loss.ts';

export interface ReasonQuarters {
  /** Oldest first: the quarter (`YYYY-Qn`) and the dates of it in the window, `from` to `to` inclusive. */
  quarters: { quarter: string; from: LocalDate; to: LocalDate }[];
  /** `counts[i]`: the reason's lost deals closed in `quarters[i]`. */
  rows: { reason: string; counts: number[] }[];
}

export function lossReasonsByQuarter(ctx: MetricContext): ReasonQuarters {
  const timeZone = ctx.config.timezone;
  const quarters = quartersBetween(localDateOf(ctx.windowStart, timeZone), ctx.asOf);
  const index = new Map(quarters.map((q, i) => [q.quarter, i]));
  const byReason = new Map<string, number[]>();
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] !== LOST) continue;
    const reason = textAt(ctx.timelines.deals.lostReason, d).trim() || UNSPECIFIED;
    let counts = byReason.get(reason);
    if (!counts) byReason.set(reason, (counts = new Array<number>(quarters.length).fill(0)));
    counts[index.get(quarterOf(localDateOf(ctx.at.closedAt[d]!, timeZone)))!]!++;
  }
  return { quarters, rows: reasons(ctx, LOST).map((r) => ({ reason: r.reason, counts: byReason.get(r.reason)! })) };
}

/** The calendar quarters from the one holding `first` to the one holding `last`, each cut to `first`..`last`. */
export function quartersBetween(first: LocalDate, last: LocalDate): ReasonQuarters['quarters'] {
  const out: ReasonQuarters['quarters'] = [];
  const { year, month } = splitDate(first);
  let start = formatDate(year, month - ((month - 1) % 3), 1);
  while (start <= last) {
    const next = addMonths(start, 3);
    const end = addDays(next, -1);
    out.push({ quarter: quarterOf(start), from: start < first ? first : start, to: end > last ? last : end });
    start = next;
  }
  return out;
}
