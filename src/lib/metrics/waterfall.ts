/** The last period's flow of open pipeline, and close-date slippage. */
import { LOST, NONE, OPEN, WON } from '../model/snapshot.ts';
import { countBefore } from '../model/pushes.ts';
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
  let open_deals_pushed = 0;
  // Each deal's pushes, by time: those of the deals that exist at T, in window; the open deals pushed before T.
  ctx.pushes.forEach((t, d) => {
    const state = ctx.at.state[d];
    if (state !== NONE) for (const at of t) if (inWindow(ctx, at)) pushes_in_window++;
    if (state === OPEN && countBefore(t, ctx.T) > 0) open_deals_pushed++;
  });
  return { pushes_in_window, open_deals_pushed, share_pushed: ratio(open_deals_pushed, openCount) };
}
