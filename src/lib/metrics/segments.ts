/** Per-owner and per-team summaries of the deals that exist at T. */
import { OPEN, WON } from '../model/snapshot.ts';
import { byCodePoint, quantiles, ratio } from '../stats.ts';
import type { MetricContext } from './context.ts';
import type { TextCodes } from '../text-codes.ts';
import { dealCodes } from './deal-codes.ts';
import { cycleDays } from './win-loss.ts';
import type { OwnerRow } from './types.ts';

type SegmentFields = Omit<OwnerRow, 'owner'>;

interface Acc {
  open_count: number;
  open_amount: number;
  won_count: number;
  lost_count: number;
  cycles: number[];
  stalled_count: number;
}

export function segments(ctx: MetricContext, stalledDeals: readonly number[], key: TextCodes): [string, SegmentFields][] {
  const { at } = ctx;
  const { codes, names } = key;
  const groups: (Acc | undefined)[] = new Array(names.length);
  const get = (d: number) => {
    const k = codes[d]!;
    let g = groups[k];
    if (!g) groups[k] = g = { open_count: 0, open_amount: 0, won_count: 0, lost_count: 0, cycles: [], stalled_count: 0 };
    return g;
  };
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] === 0) continue;
    const g = get(d);
    if (at.state[d] === OPEN) {
      g.open_count++;
      g.open_amount += at.amount[d]!;
    }
  }
  for (const d of ctx.closedInWindow) {
    const g = get(d);
    if (at.state[d] === WON) g.won_count++;
    else g.lost_count++;
    g.cycles.push(cycleDays(ctx, d));
  }
  for (const d of stalledDeals) get(d).stalled_count++;
  const out: [string, Acc][] = [];
  groups.forEach((g, k) => g && out.push([names[k]!, g]));
  return out
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, g]) => [
      name,
      {
        open_count: g.open_count,
        open_amount: g.open_amount,
        won_count: g.won_count,
        lost_count: g.lost_count,
        win_rate: ratio(g.won_count, g.won_count + g.lost_count),
        median_cycle_days: quantiles(g.cycles, [0.5])[0] ?? null,
        stalled_count: g.stalled_count,
      },
    ]);
}

export function byOwner(ctx: MetricContext, stalledDeals: readonly number[]) {
  return segments(ctx, stalledDeals, dealCodes(ctx.timelines.deals).owner).map(([owner, f]) => ({ owner, ...f }));
}

export function byTeam(ctx: MetricContext, stalledDeals: readonly number[]) {
  return segments(ctx, stalledDeals, dealCodes(ctx.timelines.deals).team).map(([team, f]) => ({ team, ...f }));
}
