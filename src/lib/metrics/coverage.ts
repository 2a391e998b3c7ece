/** Pipeline coverage of company-wide targets whose period contains as_of. */
import { OPEN, WON } from '../model/snapshot.ts';
import { byCodePoint, ratio } from '../stats.ts';
import { type LocalDate, localDateOf } from '../time.ts';
import type { MetricContext } from './context.ts';
import type { CoverageRow } from './types.ts';

/** Whether a `YYYY-MM` or `YYYY-Qn` period contains a calendar date. */
export function periodContains(period: string, date: LocalDate): boolean {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return date.slice(0, 7) === period;
  const month = Number(date.slice(5, 7));
  return date.slice(0, 4) === q[1] && Math.ceil(month / 3) === Number(q[2]);
}

export function coverage(ctx: MetricContext): CoverageRow[] {
  const targets = (ctx.dataset.targets ?? [])
    .filter((t) => t.owner === '' && t.team === '' && periodContains(t.period, ctx.asOf))
    .sort((a, b) => byCodePoint(a.period, b.period));
  const { at } = ctx;
  return targets.map((t) => {
    let won_amount = 0;
    let open_amount = 0;
    for (let d = 0; d < at.state.length; d++) {
      if (at.state[d] === WON && periodContains(t.period, localDateOf(at.visitStart[d]!, ctx.config.timezone))) {
        won_amount += at.amount[d]!;
      } else if (at.state[d] === OPEN) {
        const close = at.expectedClose[d];
        if (close && periodContains(t.period, close)) open_amount += at.amount[d]!;
      }
    }
    const remaining = Math.max(t.targetAmount - won_amount, 0);
    return { period: t.period, target_amount: t.targetAmount, won_amount, remaining, open_amount, ratio: ratio(open_amount, remaining) };
  });
}
