/** Pipeline coverage of company-wide targets for the current and the next month and quarter. */
import { OPEN, WON } from '../model/snapshot.ts';
import { byCodePoint, ratio } from '../stats.ts';
import { addMonths, type LocalDate, quarterOf, startOfLocalDate } from '../time.ts';
import { dayOfDate } from '../day-numbers.ts';
import type { MetricContext } from './context.ts';
import { hasForecastCategories, isBestCase, isCommit } from './pipeline.ts';
import type { CoverageRow } from './types.ts';

/** The dates of a `YYYY-MM` or `YYYY-Qn` period: `from` <= date < `to`. */
export function periodRange(period: string): { from: LocalDate; to: LocalDate } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const from = q ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : `${period}-01`;
  return { from, to: addMonths(from, q ? 3 : 1) };
}

/** Whether a period contains a calendar date. */
export function periodContains(period: string, date: LocalDate): boolean {
  const { from, to } = periodRange(period);
  return from <= date && date < to;
}

/** `current` when the period contains as_of, `next` when it is the next period of its kind, else null. */
export function periodWhen(period: string, asOf: LocalDate): 'current' | 'next' | null {
  if (periodContains(period, asOf)) return 'current';
  const { from } = periodRange(period);
  // The next period of a kind starts exactly where the current one (containing as_of) ends.
  const q = /-Q[1-4]$/.test(period);
  const current = q ? quarterOf(asOf) : asOf.slice(0, 7);
  return periodRange(current).to === from ? 'next' : null;
}

/** metrics.json's `coverage`: exactly the keys of metrics.md. */
export function coverage(ctx: MetricContext): CoverageRow[] {
  return coverageWithBestCase(ctx).map(({ best_case_amount: _bestCase, ...row }) => row);
}

/**
 * Coverage rows plus, for the dashboard's projected attainment,
 * `best_case_amount`: the part of open_amount whose deals are `commit` or
 * `best_case` (so it includes commit; null without a forecast_category
 * column). Not a key of metrics.json, whose coverage rows metrics.md fixes.
 */
export function coverageWithBestCase(ctx: MetricContext): (CoverageRow & { best_case_amount: number | null })[] {
  const targets = (ctx.dataset.targets ?? [])
    .filter((t) => t.owner === '' && t.team === '' && periodWhen(t.period, ctx.asOf) !== null)
    .sort((a, b) => byCodePoint(a.period, b.period));
  const { at } = ctx;
  const categories = hasForecastCategories(ctx);
  return targets.map((t) => {
    const { from, to } = periodRange(t.period);
    const start = startOfLocalDate(from, ctx.config.timezone);
    const end = startOfLocalDate(to, ctx.config.timezone);
    // Expected closes as day numbers (NaN for none, never in range).
    const fromDay = dayOfDate(from);
    const toDay = dayOfDate(to);
    let won_amount = 0;
    let open_amount = 0;
    let commit_amount = 0;
    let best_case_amount = 0;
    for (let d = 0; d < at.state.length; d++) {
      if (at.state[d] === WON) {
        const close = at.closedAt[d]!;
        if (start <= close && close < end) won_amount += at.amount[d]!;
      } else if (at.state[d] === OPEN) {
        const close = at.expectedCloseDay[d]!;
        if (fromDay <= close && close < toDay) {
          open_amount += at.amount[d]!;
          if (categories && isCommit(ctx, d)) commit_amount += at.amount[d]!;
          if (categories && isBestCase(ctx, d)) best_case_amount += at.amount[d]!;
        }
      }
    }
    const remaining = Math.max(t.targetAmount - won_amount, 0);
    return {
      period: t.period,
      when: periodWhen(t.period, ctx.asOf)!,
      target_amount: t.targetAmount,
      won_amount,
      remaining,
      open_amount,
      ratio: ratio(open_amount, remaining),
      commit_amount: categories ? commit_amount : null,
      best_case_amount: categories ? best_case_amount : null,
    };
  });
}
