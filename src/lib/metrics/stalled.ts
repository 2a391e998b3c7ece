/** Stalled open deals and the review flags of every open deal. */
import { OPEN } from '../model/snapshot.ts';
import { countBefore } from '../model/pushes.ts';
import { byCodePoint } from '../stats.ts';
import { daysBetween } from '../time.ts';
import { dayOfDate } from '../day-numbers.ts';
import type { MetricContext } from './context.ts';
import type { FlagName, StalledRow, TimeInStageRow } from './types.ts';

/** Visits needed before a stage's own p90 replaces the 30-day default threshold. */
export const MIN_VISITS_FOR_P90 = 20;
export const DEFAULT_STALL_DAYS = 30;
/** Pushes needed for the `pushed` flag. */
export const PUSHES_FOR_FLAG = 2;

/** Stall threshold per open stage (config order); null for a parked stage that `stall_days` does not name (never stalled). */
export function stallThresholds(ctx: Pick<MetricContext, 'config'>, timeInStage: TimeInStageRow[]): (number | null)[] {
  return ctx.config.openStages.map((s, i) => {
    const fixed = Object.hasOwn(ctx.config.stall_days, s.id) ? ctx.config.stall_days[s.id] : undefined;
    if (fixed !== undefined) return fixed;
    if (s.parked) return null;
    const row = timeInStage[i]!;
    if (row.visits >= MIN_VISITS_FOR_P90 && row.p90_days !== null) return row.p90_days;
    return DEFAULT_STALL_DAYS;
  });
}

export interface DealFlags {
  flags: FlagName[];
  pushes: number;
}

/**
 * Whether a qualification flag can be raised at all: `checked`; `no_column` when deals.csv lacks its
 * column; `off` when config `qualification_required_from` is null (neither flag is ever raised).
 */
export type FlagCheck = 'checked' | 'no_column' | 'off';

export interface QualificationChecks {
  /** The stage id from which keyman and budget are required; null = the flags are off. */
  from: string | null;
  no_keyman: FlagCheck;
  budget_unconfirmed: FlagCheck;
}

/** Which of the qualification flags this data and config can raise (the rule openDealFlags applies). */
export function qualificationChecks(ctx: Pick<MetricContext, 'config' | 'dataset'>): QualificationChecks {
  const columns = ctx.dataset.columns['deals.csv'] ?? new Set<string>();
  const from = ctx.config.qualification_required_from;
  const check = (column: string): FlagCheck => (from === null ? 'off' : columns.has(column) ? 'checked' : 'no_column');
  return { from, no_keyman: check('keyman'), budget_unconfirmed: check('budget_confirmed') };
}

/** Flags of every open deal at T, by deal index (undefined for deals not open). */
export function openDealFlags(ctx: MetricContext): (DealFlags | undefined)[] {
  const { config, at } = ctx;
  const { deals } = ctx.timelines;
  const checks = qualificationChecks(ctx);
  const hasKeyman = checks.no_keyman === 'checked';
  const hasBudget = checks.budget_unconfirmed === 'checked';
  // Sequence index from which keyman and budget are required; null = the flags are off.
  const from = checks.from;
  const qualifyFrom = from === null ? null : config.sequence.find((s) => s.id === from)!.seqIndex;
  const { pushes } = ctx;
  const out: (DealFlags | undefined)[] = new Array(at.state.length);
  const asOfDay = dayOfDate(ctx.asOf);
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== OPEN) continue;
    const flags: FlagName[] = [];
    // As day numbers: NaN (no date) is never before as_of.
    if (at.expectedCloseDay[d]! < asOfDay) flags.push('past_expected_close');
    const qualified = qualifyFrom !== null && at.position[d]! >= qualifyFrom;
    if (qualified && hasKeyman && deals.keyman[d]!.trim() === '') flags.push('no_keyman');
    if (qualified && hasBudget && deals.budgetConfirmed[d] !== 1) flags.push('budget_unconfirmed');
    const n = pushes ? countBefore(pushes.get(d), ctx.T) : 0;
    if (pushes && n >= PUSHES_FOR_FLAG) flags.push('pushed');
    out[d] = { flags, pushes: n };
  }
  return out;
}

/** Stalled rows in metrics.json order, with the deal index of each row. */
export function stalled(ctx: MetricContext, thresholds: (number | null)[], flags: (DealFlags | undefined)[]): { rows: StalledRow[]; deals: number[] } {
  const { config, at } = ctx;
  const found: { row: StalledRow; d: number }[] = [];
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== OPEN) continue;
    const stage = config.stages[at.stage[d]!]!;
    const days = daysBetween(at.visitStart[d]!, ctx.T);
    const threshold = thresholds[stage.openIndex]!;
    if (threshold === null || !(days > threshold)) continue;
    found.push({
      d,
      row: { deal_id: ctx.timelines.deals.id[d]!, stage: stage.id, days_in_stage: days, threshold_days: threshold, flags: flags[d]!.flags },
    });
  }
  found.sort((a, b) => b.row.days_in_stage - a.row.days_in_stage || byCodePoint(a.row.deal_id, b.row.deal_id));
  return { rows: found.map((x) => x.row), deals: found.map((x) => x.d) };
}
