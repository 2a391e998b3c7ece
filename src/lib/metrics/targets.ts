/**
 * Per-owner and per-team targets (targets.csv rows with `owner` or `team`),
 * what each has won in the target's period, attainment, and each one's
 * weighted open pipeline. The owners page's figures; metrics.md's `coverage`
 * uses only company-wide targets.
 *
 * - Owner targets are rows with a non-empty `owner`; team targets are rows
 *   with an empty `owner` and a non-empty `team`. Names compare exactly
 *   after trimming (an empty team is `(unspecified)`, as in by_team).
 * - The period is the one containing as_of, of one kind for the whole group
 *   so that every row's "won" reads the same: the quarter when any target of
 *   the group is set for as_of's quarter, else the month when any is set for
 *   as_of's month, else the quarter (won still shown; target and attainment
 *   null).
 * - `won_amount`: deals won at T whose close date (local) falls in the
 *   period, as coverage counts them; `attainment` = won / target (null
 *   without a target, or for a target of 0).
 * - `weighted_amount`: Σ amount × stage probability of the deals open at T,
 *   as the pipeline's `weighted_amount` (so the rows add up to it).
 * - `commit_amount`, `best_case_amount`: the deals open at T expected to close
 *   in the period (past-due dates in it included) and marked commit, or commit
 *   or best case, as the Forecast page's projected attainment counts them
 *   (coverage.ts): a forecast review's call per owner. Null without a
 *   forecast_category column.
 */
import type { Target } from '../dataset.ts';
import { OPEN, WON } from '../model/snapshot.ts';
import { byCodePoint, ratio } from '../stats.ts';
import { quarterOf, startOfLocalDate } from '../time.ts';
import type { MetricContext } from './context.ts';
import { textAt } from '../deal-table.ts';
import { periodRange } from './coverage.ts';
import { dayOfDate } from '../day-numbers.ts';
import { hasForecastCategories, isBestCase, isCommit } from './pipeline.ts';
import { UNSPECIFIED } from './win-loss.ts';

export interface SegmentTargetRow {
  /** Owner or team name. */
  name: string;
  /** The target for `period`, or null when targets.csv has none for this name. */
  target_amount: number | null;
  won_amount: number;
  attainment: number | null;
  weighted_amount: number;
  commit_amount: number | null;
  best_case_amount: number | null;
}

export interface SegmentTargets {
  /** `YYYY-Qn` or `YYYY-MM`: the period containing as_of (see above). */
  period: string;
  /** Whether targets.csv has any row of this group (owner or team) for `period`. */
  has_targets: boolean;
  /** One row per name with a deal existing at T or a target for the period, by name (code point). */
  rows: SegmentTargetRow[];
}

export type SegmentKind = 'owner' | 'team';

/** The quarter (`YYYY-Qn`) and month (`YYYY-MM`) containing a local date. */
export function periodsOf(asOf: string): { quarter: string; month: string } {
  const month = asOf.slice(0, 7);
  return { quarter: quarterOf(asOf), month };
}

function targetName(t: Target, kind: SegmentKind): string | null {
  const owner = t.owner.trim();
  const team = t.team.trim();
  if (kind === 'owner') return owner === '' ? null : owner;
  return owner === '' && team !== '' ? team : null;
}

export function segmentTargets(ctx: MetricContext, kind: SegmentKind): SegmentTargets {
  const { dataset, config, at } = ctx;
  const { deals } = ctx.timelines;
  // As by_owner and by_team key their rows.
  const nameOf = (d: number): string => (kind === 'owner' ? textAt(deals.owner, d) : textAt(deals.team, d).trim() || UNSPECIFIED);
  const { quarter, month } = periodsOf(ctx.asOf);
  const targets = new Map<string, Map<string, number>>();
  for (const t of dataset.targets ?? []) {
    const name = targetName(t, kind);
    if (name === null || (t.period !== quarter && t.period !== month)) continue;
    let byName = targets.get(t.period);
    if (!byName) targets.set(t.period, (byName = new Map()));
    byName.set(name, t.targetAmount);
  }
  const period = targets.has(quarter) ? quarter : targets.has(month) ? month : quarter;
  const periodTargets = targets.get(period) ?? new Map<string, number>();
  const { from, to } = periodRange(period);
  const start = startOfLocalDate(from, config.timezone);
  const end = startOfLocalDate(to, config.timezone);

  // Expected closes as day numbers (NaN for none, never in range), as coverage.ts reads them.
  const fromDay = dayOfDate(from);
  const toDay = dayOfDate(to);
  const categories = hasForecastCategories(ctx);
  const rows = new Map<string, { won_amount: number; weighted_amount: number; commit_amount: number; best_case_amount: number }>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) rows.set(name, (r = { won_amount: 0, weighted_amount: 0, commit_amount: 0, best_case_amount: 0 }));
    return r;
  };
  for (let d = 0; d < at.state.length; d++) {
    const state = at.state[d];
    if (state === 0) continue;
    const r = row(nameOf(d));
    if (state === OPEN) {
      r.weighted_amount += at.amount[d]! * config.stages[at.stage[d]!]!.probability;
      const close = at.expectedCloseDay[d]!;
      if (categories && fromDay <= close && close < toDay) {
        if (isCommit(ctx, d)) r.commit_amount += at.amount[d]!;
        if (isBestCase(ctx, d)) r.best_case_amount += at.amount[d]!;
      }
    } else if (state === WON) {
      const close = at.closedAt[d]!;
      if (start <= close && close < end) r.won_amount += at.amount[d]!;
    }
  }
  for (const name of periodTargets.keys()) row(name);
  return {
    period,
    has_targets: periodTargets.size > 0,
    rows: [...rows.entries()]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([name, r]) => {
        const target = periodTargets.get(name) ?? null;
        return {
          name,
          target_amount: target,
          won_amount: r.won_amount,
          attainment: target === null ? null : ratio(r.won_amount, target),
          weighted_amount: r.weighted_amount,
          commit_amount: categories ? r.commit_amount : null,
          best_case_amount: categories ? r.best_case_amount : null,
        };
      }),
  };
}
