/**
 * The Win / loss page's loss reasons by the quarter deals were lost in
 * (site.loss_reasons_by_quarter, metrics/reason-quarters.ts): is the mix
 * changing, is price given more often lately? Each cell is the reason's
 * share of the quarter's lost deals and their number; the sentence names
 * the reason that moved most from the first quarter to the last, and says
 * whether the mix changed across the quarters by more than chance would
 * (rate-differences.ts `contingencyP`), so a review does not chase a
 * quarter's handful of deals.
 */
import { UNSPECIFIED } from '../../i18n/index.ts';
import { CLEAR_DIFFERENCE_P, contingencyP } from '../../rate-differences.ts';
import type { SiteData } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { MIN_SAMPLE } from './absence.ts';
import type { PageContext } from './context.ts';

type Quarters = SiteData['loss_reasons_by_quarter'];
type Row = Quarters['rows'][number];

/** The table and its sentences; null without a loss reason to compare (no lost deal, or none with a reason) or with one quarter. */
export function lossReasonsByQuarterSection(ctx: PageContext): { table: TableModel; intro: string } | null {
  const { site, m, f } = ctx;
  const { quarters, rows } = site.loss_reasons_by_quarter;
  if (quarters.length < 2 || rows.every((r) => r.reason === UNSPECIFIED)) return null;
  const totals = quarters.map((_, i) => rows.reduce((n, r) => n + r.counts[i]!, 0));
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
function quarterLabel(ctx: PageContext, q: Quarters['quarters'][number]): string {
  const n = Number(q.quarter.slice(-1)) - 1;
  const year = q.quarter.slice(0, 4);
  const whole = q.from === `${year}${FIRST_DAYS[n]}` && q.to === `${year}${LAST_DAYS[n]}`;
  return whole ? ctx.f.period(q.quarter) : ctx.m.pages.winLoss.quarterPart(q, ctx.f);
}

const FIRST_DAYS = ['-01-01', '-04-01', '-07-01', '-10-01'];
const LAST_DAYS = ['-03-31', '-06-30', '-09-30', '-12-31'];

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
  const quarters = site.loss_reasons_by_quarter.quarters;
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
