/** What happened to the deals closed in window: cycle length, win rate, velocity, reasons, competitors. */
import { LOST, WON } from '../model/snapshot.ts';
import { maxReached } from '../model/timeline.ts';
import { byCodePoint, mean, quantiles, ratio } from '../stats.ts';
import { daysBetween } from '../time.ts';
import type { MetricContext } from './context.ts';
import { textAt } from '../deal-table.ts';
import type {
  CompetitorRow,
  CycleLengthMetric,
  CycleStats,
  LostAtStageRow,
  PipelineMetric,
  ReasonRow,
  VelocityMetric,
  WinRateMetric,
} from './types.ts';

/** `close(d) - created(d)` in days, for a closed deal. */
export function cycleDays(ctx: MetricContext, d: number): number {
  return daysBetween(ctx.timelines.created[d]!, ctx.at.closedAt[d]!);
}

export function cycleStats(days: number[]): CycleStats {
  const [median, p90] = quantiles(days, [0.5, 0.9]);
  return {
    count: days.length,
    mean_days: mean(days),
    median_days: median ?? null,
    p90_days: p90 ?? null,
  };
}

export function cycleLength(ctx: MetricContext): CycleLengthMetric {
  const won: number[] = [];
  const lost: number[] = [];
  const all: number[] = [];
  for (const d of ctx.closedInWindow) {
    const days = cycleDays(ctx, d);
    (ctx.at.state[d] === WON ? won : lost).push(days);
    all.push(days);
  }
  return { won: cycleStats(won), lost: cycleStats(lost), all: cycleStats(all) };
}

export function winRate(ctx: MetricContext): WinRateMetric {
  let won_count = 0;
  let lost_count = 0;
  let won_amount = 0;
  let lost_amount = 0;
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] === WON) {
      won_count++;
      won_amount += ctx.at.amount[d]!;
    } else {
      lost_count++;
      lost_amount += ctx.at.amount[d]!;
    }
  }
  return {
    won_count,
    lost_count,
    by_count: ratio(won_count, won_count + lost_count),
    won_amount,
    lost_amount,
    by_value: ratio(won_amount, won_amount + lost_amount),
  };
}

export function velocity(pipe: PipelineMetric, rate: WinRateMetric, cycles: CycleLengthMetric): VelocityMetric {
  const avg_won_amount = rate.won_count === 0 ? null : rate.won_amount / rate.won_count;
  const mean_won_cycle_days = cycles.won.mean_days;
  const win = rate.by_count;
  const per_day =
    win === null || avg_won_amount === null || mean_won_cycle_days === null || mean_won_cycle_days === 0
      ? null
      : (pipe.open_count * win * avg_won_amount) / mean_won_cycle_days;
  return { per_day, open_count: pipe.open_count, win_rate: win, avg_won_amount, mean_won_cycle_days };
}

export const UNSPECIFIED = '(unspecified)';

export function reasons(ctx: MetricContext, state: typeof WON | typeof LOST): ReasonRow[] {
  const groups = new Map<string, ReasonRow>();
  const { deals } = ctx.timelines;
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] !== state) continue;
    const reason = textAt(state === WON ? deals.winReason : deals.lostReason, d).trim() || UNSPECIFIED;
    let row = groups.get(reason);
    if (!row) groups.set(reason, (row = { reason, count: 0, amount: 0 }));
    row.count++;
    row.amount += ctx.at.amount[d]!;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || byCodePoint(a.reason, b.reason));
}

/**
 * The open stage a lost deal died at (its row among all open stages): its
 * nearest open visit, parked included, before the final terminal visit,
 * skipping won/lost visits; none = the first open stage of the sequence.
 */
export function lostAtStageIndex(ctx: MetricContext, d: number): number {
  const { stages, sequence } = ctx.config;
  const { offsets, visitStage } = ctx.timelines;
  const last = offsets[d]! + ctx.at.visits[d]! - 1; // the terminal visit
  for (let k = last - 1; k >= offsets[d]!; k--) {
    const s = stages[visitStage[k]!]!;
    if (s.kind === 'open') return s.openIndex;
  }
  return sequence[0]!.openIndex;
}

export function lostAtStage(ctx: MetricContext): LostAtStageRow[] {
  const rows = ctx.config.openStages.map((s) => ({ stage: s.id, count: 0, amount: 0 }));
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] !== LOST) continue;
    const row = rows[lostAtStageIndex(ctx, d)]!;
    row.count++;
    row.amount += ctx.at.amount[d]!;
  }
  return rows;
}

/**
 * The lost deals of `loss_reasons` by reason (its order) and by the open stage they were lost at
 * (`lost_at_stage`'s rule and order): where in the sale each reason is given; and by the furthest stage of
 * the sequence they had reached (`reached`, conversion's `max_reached`, by sequence index, and last the deals
 * once won, then reopened and lost): a deal that went back from Proposal and was lost at Qualification had
 * had its quote. For the dashboard's Win / loss page; not a key of metrics.json.
 */
export function lossReasonsByStage(ctx: MetricContext): { reason: string; counts: number[]; reached: number[] }[] {
  const byReason = new Map<string, { counts: number[]; reached: number[] }>();
  for (const d of ctx.closedInWindow) {
    if (ctx.at.state[d] !== LOST) continue;
    const reason = textAt(ctx.timelines.deals.lostReason, d).trim() || UNSPECIFIED;
    let row = byReason.get(reason);
    if (!row) byReason.set(reason, (row = { counts: new Array<number>(ctx.config.openStages.length).fill(0), reached: new Array<number>(ctx.config.sequence.length + 1).fill(0) }));
    row.counts[lostAtStageIndex(ctx, d)]!++;
    row.reached[maxReached(ctx.timelines, d, ctx.T)]!++;
  }
  return reasons(ctx, LOST).map((r) => ({ reason: r.reason, ...byReason.get(r.reason)! }));
}

export function competitors(ctx: MetricContext): CompetitorRow[] {
  const groups = new Map<string, { won: number; lost: number }>();
  for (const d of ctx.closedInWindow) {
    const name = textAt(ctx.timelines.deals.competitor, d).trim();
    if (!name) continue;
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { won: 0, lost: 0 }));
    if (ctx.at.state[d] === WON) g.won++;
    else g.lost++;
  }
  return [...groups.entries()]
    .map(([competitor, g]) => ({ competitor, won: g.won, lost: g.lost, win_rate: ratio(g.won, g.won + g.lost) }))
    .sort((a, b) => b.won + b.lost - (a.won + a.lost) || byCodePoint(a.competitor, b.competitor));
}

export interface WonLost {
  won: number;
  lost: number;
}

/**
 * The deals closed in the window by whether they name a keyman and have a confirmed budget (the book's qualification
 * questions), won and lost: does qualifying pay? Null for a column deals.csv does not have. The values are the
 * export's (today's), not those of the day each deal was qualified.
 */
export interface QualificationOutcomes {
  keyman: { named: WonLost; missing: WonLost } | null;
  budget: { confirmed: WonLost; unconfirmed: WonLost } | null;
}

export function qualificationOutcomes(ctx: MetricContext): QualificationOutcomes {
  const columns = ctx.dataset.columns['deals.csv'] ?? new Set<string>();
  const { deals } = ctx.timelines;
  const zero = (): WonLost => ({ won: 0, lost: 0 });
  const keyman = { named: zero(), missing: zero() };
  const budget = { confirmed: zero(), unconfirmed: zero() };
  for (const d of ctx.closedInWindow) {
    const outcome = ctx.at.state[d] === WON ? 'won' : 'lost';
    (deals.keyman[d]!.trim() === '' ? keyman.missing : keyman.named)[outcome]++;
    (deals.budgetConfirmed[d] === 1 ? budget.confirmed : budget.unconfirmed)[outcome]++;
  }
  return { keyman: columns.has('keyman') ? keyman : null, budget: columns.has('budget_confirmed') ? budget : null };
}
