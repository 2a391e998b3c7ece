/** The last period's flow of open pipeline, and close-date slippage. */
import { LOST, NONE, OPEN, WON } from '../model/snapshot.ts';
import { countBefore, isPush } from '../model/pushes.ts';
import { replayColumns } from '../model/replay-columns.ts';
import { ratio } from '../stats.ts';
import { DAY_MS } from '../time.ts';
import { inWindow, type MetricContext, snapshotAt } from './context.ts';
import type { AmountRow, SlippageMetric, WaterfallMetric } from './types.ts';

export function waterfall(ctx: MetricContext): WaterfallMetric {
  const P = ctx.T - ctx.config.waterfall_days * DAY_MS;
  const atP = snapshotAt(ctx, P);
  const { at } = ctx;
  const { created } = ctx.timelines;
  const rows = {
    start: zero(),
    new: zero(),
    won: zero(),
    lost: zero(),
    removed: zero(),
    reopened: zero(),
    end: zero(),
    advanced: zero(),
    moved_back: zero(),
    unchanged: zero(),
  };
  const add = (row: AmountRow, d: number) => {
    row.count++;
    row.amount += at.amount[d]!;
  };
  for (let d = 0; d < at.state.length; d++) {
    const openAtP = atP.state[d] === OPEN;
    const isNew = P <= created[d]! && created[d]! < ctx.T;
    const stateAtT = at.state[d];
    if (openAtP) add(rows.start, d);
    if (isNew) add(rows.new, d);
    if (openAtP || isNew) {
      if (stateAtT === WON) add(rows.won, d);
      else if (stateAtT === LOST) add(rows.lost, d);
      else if (stateAtT === NONE) add(rows.removed, d);
    }
    if (stateAtT !== OPEN) continue;
    add(rows.end, d);
    if (!openAtP && created[d]! < P) add(rows.reopened, d);
    if (openAtP) {
      // Positions, not stages: moving into or out of a parked stage alone changes nothing.
      const before = atP.position[d]!;
      const after = at.position[d]!;
      add(after > before ? rows.advanced : after < before ? rows.moved_back : rows.unchanged, d);
    }
  }
  return rows;
}

const zero = (): AmountRow => ({ count: 0, amount: 0 });

export function slippage(ctx: MetricContext, openCount: number): SlippageMetric {
  // Only when close dates are tracked (ctx.pushes is null otherwise).
  if (!ctx.pushes) return null;
  let pushes_in_window = 0;
  // Every change of the expected close, deal by deal (pushes are null without any).
  const c = replayColumns(ctx.replay.expectedClose);
  for (let k = 0; k < c.deals.length; k++) {
    if (ctx.at.state[c.deals[k]!] === NONE) continue;
    for (let j = c.start[k]!; j < c.start[k + 1]!; j++) if (isPush(c.oldValue[j]!, c.newValue[j]!) && inWindow(ctx, c.changedAt[j]!)) pushes_in_window++;
  }
  let open_deals_pushed = 0;
  ctx.pushes.forEach((t, d) => {
    if (ctx.at.state[d] === OPEN && countBefore(t, ctx.T) > 0) open_deals_pushed++;
  });
  return { pushes_in_window, open_deals_pushed, share_pushed: ratio(open_deals_pushed, openCount) };
}
