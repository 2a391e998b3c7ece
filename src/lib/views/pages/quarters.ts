/**
 * The Win / loss page's deals closed by quarter (site.closed_by_quarter,
 * metrics/quarters-closed.ts): is the win rate moving, is the mix of loss
 * reasons changing (is price given more often lately)? The win rates'
 * sentence names the quarters won most and least often, the reasons' the
 * reason whose share moved most from the first quarter to the last; each
 * says whether the quarters differ by more than chance would at their
 * counts (rate-differences.ts), so a review does not chase a quarter's
 * handful of deals.
 */
import { UNSPECIFIED } from '../../i18n/index.ts';
import { periodRange } from '../../metrics/coverage.ts';
import { CLEAR_DIFFERENCE_P, contingencyP, rateDifferenceP } from '../../rate-differences.ts';
import { addDays } from '../../time.ts';
import { moneyDigits } from '../csv-digits.ts';
import type { SiteData } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { MIN_SAMPLE } from './absence.ts';
import type { PageContext } from './context.ts';

type Quarter = SiteData['closed_by_quarter']['quarters'][number];
type Row = SiteData['closed_by_quarter']['loss_reasons'][number];

/**
 * Each quarter's win rate with its deals, by value, and won amount; the sentence names the quarters won most and least
 * often. Null with fewer than two quarters of MIN_SAMPLE closed deals.
 */
export function winRateByQuarterSection(ctx: PageContext): { table: TableModel; intro: string } | null {
  const { site, m, f } = ctx;
  const { quarters } = site.closed_by_quarter;
  // The quarters with enough closed deals to say a rate of. Fewer than two have nothing to compare (the page's win rate
  // and its small-count sentences say what there is).
  const rated = quarters.filter((q) => q.won + q.lost >= MIN_SAMPLE);
  if (rated.length < 2) return null;
  const rate = (q: Quarter) => (q.won + q.lost === 0 ? null : q.won / (q.won + q.lost));
  const byValue = (q: Quarter) => (q.won_amount + q.lost_amount > 0 ? q.won_amount / (q.won_amount + q.lost_amount) : null);
  // As the page's tables by source and segment show a win rate: with its deals ('32% (52 / 163)'); the counts and the
  // lost amount apart in the CSV.
  const columns: Column<Quarter>[] = [
    { label: m.columns.period, value: (q) => q.quarter, text: (q) => quarterLabel(ctx, q), csvId: m.csv.codeOf({ column: m.columns.period }) },
    { label: m.columns.won, value: (q) => q.won, csvOnly: true },
    { label: m.columns.lost, value: (q) => q.lost, csvOnly: true },
    { label: m.columns.win_rate, numeric: true, value: rate, text: (q) => f.rateOf(rate(q), q.won, q.won + q.lost), digits: 2 },
    { label: m.tiles.winRateByValue, numeric: true, value: byValue, text: (q) => f.percent(byValue(q)), digits: 2 },
    { label: m.groups.wonAmount, numeric: true, value: (q) => q.won_amount, text: (q) => f.moneyCompact(q.won_amount), digits: moneyDigits(f.currency) },
    { label: m.columns.lost_amount, value: (q) => q.lost_amount, digits: moneyDigits(f.currency), csvOnly: true },
  ];
  const model = table('win-rate-by-quarter', m.sections.winRateByQuarter, columns, quarters, { empty: m.empty.noClosed });
  // Of those, the highest and the lowest rate: the test is of every quarter at once, not of the named pair.
  const best = rated.reduce((a, q) => (rate(q)! > rate(a)! ? q : a));
  const worst = rated.reduce((a, q) => (rate(q)! < rate(a)! ? q : a));
  if (rate(best) === rate(worst)) return { table: model, intro: '' };
  const clear = rateDifferenceP(quarters.map((q) => ({ won: q.won, closed: q.won + q.lost }))) < CLEAR_DIFFERENCE_P;
  const said = m.pages.winLoss.winRateQuarters(
    { best: quarterLabel(ctx, best), bestWon: best.won, bestOf: best.won + best.lost, worst: quarterLabel(ctx, worst), worstWon: worst.won, worstOf: worst.won + worst.lost },
    f,
  );
  return { table: model, intro: `${said} ${clear ? m.pages.winLoss.winRateQuartersClear : m.common.noClearDifference}` };
}

/** The table and its sentences; null without a loss reason (none given) or with fewer than two quarters of MIN_SAMPLE lost deals. */
export function lossReasonsByQuarterSection(ctx: PageContext): { table: TableModel; intro: string } | null {
  const { site, m, f } = ctx;
  const { quarters, loss_reasons: rows } = site.closed_by_quarter;
  if (rows.every((r) => r.reason === UNSPECIFIED)) return null;
  const totals = quarters.map((_, i) => rows.reduce((n, r) => n + r.counts[i]!, 0));
  // As the win rate's: at least two quarters of MIN_SAMPLE lost deals, or nothing to compare.
  if (totals.filter((n) => n >= MIN_SAMPLE).length < 2) return null;
  // The quarters' lost deals, a row the page shows last (not in the CSV, whose rows are the reasons).
  const total: Row = { reason: '', counts: totals };
  const tone = (r: Row) => (r === total ? ('total' as const) : undefined);
  const columns: Column<Row>[] = [
    {
      label: m.columns.reason,
      value: (r) => r.reason,
      text: (r) => (r === total ? m.columns.lost_count : reasonText(ctx, r)),
      csvId: m.csv.codeOf({ column: m.columns.reason }),
      tone,
    },
    ...quarters.map((q, i): Column<Row> => ({
      label: quarterLabel(ctx, q),
      numeric: true,
      value: (r) => r.counts[i]!,
      text: (r) => (r === total || totals[i] === 0 ? f.count(r.counts[i]!) : `${f.percent(r.counts[i]! / totals[i]!)} (${f.count(r.counts[i]!)})`),
      tone,
    })),
  ];
  const model = table('loss-reasons-by-quarter', m.sections.lossReasonsByQuarter, columns, rows, { empty: m.empty.noLossReasons, totals: [total] });
  const mover = moverSentence(ctx, rows, totals);
  return { table: model, intro: mover === null ? m.pages.winLoss.reasonQuartersCells : `${m.pages.winLoss.reasonQuartersCells} ${mover}` };
}

const reasonText = (ctx: PageContext, r: Row) => (r.reason === UNSPECIFIED ? ctx.m.common.unspecified : ctx.label(r.reason));

/** A whole quarter by its name ('Q3 2025'); one the window covers in part with its days in it. */
function quarterLabel(ctx: PageContext, q: Pick<Quarter, 'quarter' | 'from' | 'to'>): string {
  const whole = periodRange(q.quarter);
  return q.from === whole.from && q.to === addDays(whole.to, -1) ? ctx.f.period(q.quarter) : ctx.m.pages.winLoss.quarterPart(q, ctx.f);
}

/**
 * The reason whose share moved most between the first and the last quarter, each of at least MIN_SAMPLE lost deals
 * (a share of a handful says nothing); null when none moved or a quarter is too small.
 */
function moverSentence(ctx: PageContext, rows: readonly Row[], totals: readonly number[]): string | null {
  const first = 0;
  const last = totals.length - 1;
  if (totals[first]! < MIN_SAMPLE || totals[last]! < MIN_SAMPLE) return null;
  let best: Row | null = null;
  let bestChange = 0;
  for (const r of rows) {
    const change = Math.abs(r.counts[last]! / totals[last]! - r.counts[first]! / totals[first]!);
    if (change > bestChange) [best, bestChange] = [r, change];
  }
  if (best === null) return null;
  const { site, m, f } = ctx;
  const quarters = site.closed_by_quarter.quarters;
  return m.pages.winLoss.reasonQuartersMover(
    {
      reason: reasonText(ctx, best),
      earlier: quarterLabel(ctx, quarters[first]!),
      later: quarterLabel(ctx, quarters[last]!),
      earlierCount: best.counts[first]!,
      earlierOf: totals[first]!,
      laterCount: best.counts[last]!,
      laterOf: totals[last]!,
      clear: contingencyP(rows.map((r) => r.counts)) < CLEAR_DIFFERENCE_P,
    },
    f,
  );
}
