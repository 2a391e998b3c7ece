/** Stalled and waterfall pages (the forecast page: forecast.ts; repurchase: repurchase.ts). */
import { waterfallChart } from '../../charts/index.ts';
import { waterfallView } from '../chart-models.ts';
import { DEFAULT_STALL_DAYS, MIN_VISITS_FOR_P90 } from '../../metrics/stalled.ts';
import { addDays, type LocalDate } from '../../time.ts';
import { FLAG_NAMES } from '../../metrics/schema.ts';
import { byCodePoint } from '../../stats.ts';
import type { StageMeta } from '../schema.ts';
import type { OpenDealRow } from '../deal-schemas.ts';
import { type Column, LIST_TOP, movedOnPage, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { chartBlock } from '../chart-block.ts';
import { moneyDigits } from '../csv-digits.ts';
import { countAmountTable, figuresTable } from '../table-kinds.ts';
import { currentVisitOnly, notes, stallDefaultNote } from './absence.ts';
import { checkedFlags, flagsUncheckedNotes } from './flag-absence.ts';
import { closeDatesNote, hasForecastCategories } from './forecast-absence.ts';
import { historyAdvice } from './file-advice.ts';
import type { ChartsPageModel } from './analysis.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { accountLinks, flaggedColumns, noStalledText, ownerLinks, stalledDeals, stalledTable } from './deals.ts';

export interface StalledModel {
  /** "12 stalled deals worth ₩3.4B." */
  summary: string;
  /** Count and amount of the stalled deals by stage, by owner and by warning sign, each under its heading. */
  totals: { heading: string; table: TableModel }[];
  /** Under the totals: a deal with several warning signs counts under each. */
  totalsNote: string;
  /** Every stalled deal with why it is on the list. */
  stalled: TableModel;
  /** Open deals not stalled yet but with a warning sign: the next review's list. */
  flagged: TableModel;
  thresholds: TableModel;
  /** Every table of the page, in page order (for the CSV downloads). */
  tables: TableModel[];
  stalledCount: number;
  /** The stalled list's heading with its count: 'Stalled deals (32 deals)', '정체 딜(32건)'. */
  stalledHeading: string;
  notes: string[];
}

/** A row of the stalled totals: a label (and the id or code behind it), a count and an amount. */
interface TotalRow {
  id: string;
  label: string;
  count: number;
  amount: number;
  /** Deals counted whose amount is unknown (`amount_missing`): when it is all of them, the amount is "No amount", not 0. */
  unknown: number;
  href?: string | undefined;
  total?: boolean;
  /** The by-warning-sign table's next step for the sign (none on the total row). */
  step?: string;
}

export function stalledModel(ctx: PageContext): StalledModel {
  const { site, m, f } = ctx;
  const deals = stalledDeals(ctx);
  const stalledIds = new Set(site.metrics.stalled.map((s) => s.deal_id));
  const flagged = site.open_deals.filter((d) => !stalledIds.has(d.deal_id) && d.flags.length > 0);
  const totalTables = stalledTotals(ctx, deals);
  const headings = [m.stalledReview.byStage, m.stalledReview.byOwner, m.stalledReview.byFlag];
  const totals = totalTables.map((t, i) => ({ heading: headings[i]!, table: t }));
  const stalled = stalledTable(ctx, 'stalled');
  // Empty: no open deal at all, or none but the stalled ones shows a warning sign.
  const flaggedTable = table('flagged-open', m.sections.openDeals, flaggedColumns(ctx), flagged, {
    empty: site.open_deals.length === 0 ? m.empty.noOpenDeals : m.empty.noFlagged({ signs: checkedFlags(ctx).map((flag) => m.flags[flag]) }),
    compact: true,
  });
  const thresholds = stallThresholdsTable(ctx);
  const amount = deals.reduce((sum, d) => sum + d.amount, 0);
  // Stalled yet counted on in the forecast: what the forecast review should question first.
  const forecast = hasForecastCategories(ctx) ? deals.filter((d) => d.forecast_category === 'commit' || d.forecast_category === 'best_case') : [];
  const inForecast =
    forecast.length > 0
      ? ` ${m.stalledReview.inForecast({ count: forecast.length, amount: forecast.reduce((sum, d) => sum + d.amount, 0), commit: forecast.filter((d) => d.forecast_category === 'commit').length }, f)}`
      : '';
  return {
    summary: `${m.stalledReview.summary({ count: deals.length, amount }, f)}${inForecast}`,
    totals,
    totalsNote: m.stalledReview.flagNote,
    stalled,
    flagged: flaggedTable,
    thresholds,
    tables: [...totalTables, stalled, flaggedTable, thresholds],
    stalledCount: stalledIds.size,
    stalledHeading: m.common.aside({ text: m.sections.stalled, aside: m.common.dealCount({ count: stalledIds.size }, f) }),
    notes: notes(closeDatesNote(ctx), ...flagsUncheckedNotes(ctx), stallDefaultNote(ctx)),
  };
}

/** How many deals, their amount, and how many of them have no amount. */
interface Tally {
  count: number;
  amount: number;
  unknown: number;
}

/** Count and amount of `deals` per key (a deal with several keys counts under each), in first-seen order. */
function tally<K>(deals: readonly OpenDealRow[], keysOf: (d: OpenDealRow) => readonly K[]): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const d of deals) {
    for (const k of keysOf(d)) {
      const t = out.get(k) ?? { count: 0, amount: 0, unknown: 0 };
      t.count++;
      t.amount += d.amount;
      if (d.amount_missing) t.unknown++;
      out.set(k, t);
    }
  }
  return out;
}

/** The tally of all `deals` together (the all-deals row). */
function tallyAll(deals: readonly OpenDealRow[]): Tally {
  return tally(deals, () => [true]).get(true) ?? { count: 0, amount: 0, unknown: 0 };
}

/** The stalled deals' totals by stage (sequence order, parked after), owner (largest amount first) and warning sign. */
export function stalledTotals(ctx: PageContext, deals: readonly OpenDealRow[]): TableModel[] {
  const { site, m } = ctx;
  const all: TotalRow = { id: '', label: m.stalledReview.all, ...tallyAll(deals), total: true };
  const open = site.stages.filter((s) => s.kind === 'open');
  const byStage = tally(deals, (d) => [d.stage]);
  const stageRows: TotalRow[] = [...open.filter((s) => !s.parked), ...open.filter((s) => s.parked)]
    .filter((s) => byStage.has(s.id))
    .map((s) => ({ id: s.id, label: ctx.stage(s.id), ...byStage.get(s.id)! }));
  const owner = ownerLinks(ctx);
  const ownerRows: TotalRow[] = [...tally(deals, (d) => [d.owner])]
    .map(([name, t]) => ({ id: name, label: ctx.label(name), href: owner(name), ...t }))
    .sort((a, b) => b.amount - a.amount || b.count - a.count || byCodePoint(a.id, b.id));
  const NONE = '';
  const byFlag = tally(deals, (d) => (d.flags.length > 0 ? d.flags : [NONE]));
  const flagRows: TotalRow[] = [
    ...FLAG_NAMES.filter((flag) => byFlag.has(flag)).map((flag) => ({ id: flag, label: m.flags[flag], step: m.stalledReview.steps[flag], ...byFlag.get(flag)! })),
    ...(byFlag.has(NONE) ? [{ id: '', label: m.stalledReview.noFlag, step: m.stalledReview.steps.none, ...byFlag.get(NONE)! }] : []),
  ];
  const t = (id: string, caption: string, head: string, rows: TotalRow[], withId: boolean, steps = false) =>
    // With its next steps, compact: a phone shows the sentences beside the figures, wrapped, without scrolling sideways.
    table(id, caption, totalColumns(ctx, head, withId, steps), rows.length > 0 ? [...rows, all] : [], { empty: noStalledText(ctx), compact: steps });
  return [
    t('stalled-by-stage', `${m.sections.stalled}: ${m.stalledReview.byStage}`, m.columns.stage, stageRows, true),
    t('stalled-by-owner', `${m.sections.stalled}: ${m.stalledReview.byOwner}`, m.columns.owner, ownerRows, false),
    // Each sign with what the review asks of the deal's owner: a review that names a problem names its next step.
    t('stalled-by-flag', `${m.sections.stalled}: ${m.stalledReview.byFlag}`, m.stalledReview.flag, flagRows, true, true),
  ];
}

function totalColumns(ctx: PageContext, head: string, withId: boolean, steps: boolean): Column<TotalRow>[] {
  const { m, f } = ctx;
  const tone = (r: TotalRow) => (r.total ? ('total' as const) : undefined);
  return [
    {
      label: head,
      value: (r) => (withId ? r.id : r.label),
      text: (r) => r.label,
      href: (r) => r.href,
      ...(withId ? { csvId: head === m.columns.stage ? m.csv.stageId : m.csv.codeOf({ column: head }) } : {}),
      tone,
    },
    { label: m.columns.count, numeric: true, value: (r) => r.count, text: (r) => f.count(r.count), tone },
    // Compact, as the page's intro and the stalled list below ('₩9.25B', '92.5억원'); exact in the CSV.
    // Every deal of the row without an amount: "No amount", not a misleading ₩0.
    {
      label: m.columns.amount,
      numeric: true,
      value: (r) => (r.unknown === r.count ? null : r.amount),
      text: (r) => (r.unknown === r.count ? m.common.noAmount : f.moneyCompact(r.amount)),
      digits: moneyDigits(f.currency),
      tone: (r) => tone(r) ?? (r.unknown === r.count ? 'muted' : undefined),
    },
    ...(steps ? [{ label: m.stalledReview.nextStep, wide: true, value: (r: TotalRow) => r.step ?? '' }] : []),
  ];
}

/** Each open stage's stall threshold and how it was set (sequence first, then parked stages). */
export function stallThresholdsTable(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  const open = site.stages.filter((s) => s.kind === 'open');
  const rows = [...open.filter((s) => !s.parked), ...open.filter((s) => s.parked)];
  // A filtered view keeps the company's thresholds (filters/recompute.ts) and says how many of all deals' visits
  // each was learned from (`stall_visits`, carried in the filter data), as the unfiltered page does.
  const basis = (s: StageMeta): string => {
    const { visits: count, basis } = ctx.stall(s.id);
    switch (basis) {
      case 'configured':
        return m.stallBasis.configured;
      case 'p90':
        return m.stallBasis.p90({ count }, f);
      case 'never':
        return m.stallBasis.never;
      default:
        return m.stallBasis.default({ count, visits: MIN_VISITS_FOR_P90, days: DEFAULT_STALL_DAYS }, f);
    }
  };
  return table(
    'stall-thresholds',
    m.sections.stallThresholds,
    [
      {
        label: m.columns.stage,
        value: (s) => s.id,
        text: (s) => (s.parked ? m.common.aside({ text: ctx.stage(s.id), aside: m.stageGroup.parkedTag }) : ctx.stage(s.id)),
        csvId: m.csv.stageId,
      },
      {
        label: m.columns.threshold_days,
        numeric: true,
        value: (s) => ctx.stall(s.id).threshold,
        // The unit is in the header.
        text: (s) => f.number(ctx.stall(s.id).threshold),
        digits: 1,
      },
      {
        label: m.columns.basis,
        wide: true,
        value: (s) => ctx.stall(s.id).basis,
        text: basis,
        csvId: m.csv.codeOf({ column: m.columns.basis }),
        tone: (s) => (ctx.stall(s.id).basis === 'default' ? 'muted' : undefined),
      },
    ],
    rows,
    // The config has at least one open stage.
    { empty: NEVER_EMPTY },
  );
}

export function waterfallModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const w = site.metrics.waterfall;
  const moves = (['advanced', 'moved_back', 'unchanged'] as const).map((k) => ({ label: m.waterfall[k], ...w[k] }));
  // Stage moves compare each deal's stage at two dates: without stage history there is nothing to compare.
  const noHistory = currentVisitOnly(ctx);
  const tables = noHistory
    ? []
    : [countAmountTable('stage-moves', m.sections.stageMoves, [m.columns.category, m.columns.count, m.columns.amount], f, moves, { empty: NEVER_EMPTY })];
  const s = site.metrics.slippage;
  if (s) {
    tables.push(
      figuresTable('slippage', m.sections.slippage, [m.columns.measure, m.columns.value], [
        // Not the page's period: pushes over the analysis window (dated), pushed deals over their whole history.
        { label: m.slippage.pushesInWindow(windowRange(ctx), f), value: s.pushes_in_window, text: f.count(s.pushes_in_window) },
        { label: m.slippage.openDealsPushed, value: s.open_deals_pushed, text: f.count(s.open_deals_pushed) },
        { label: m.slippage.sharePushed, value: s.share_pushed, text: f.percent(s.share_pushed), digits: 2 },
      ]),
    );
  }
  // The period opens before the data's first record: its opening pipeline is the empty CRM before the data
  // (the period runs to the as-of date; data that begins after it leaves the whole waterfall empty).
  const first = site.inputs.oldest_record;
  const from = addDays(site.as_of, -site.waterfall_days);
  const beforeData = first !== null && first > from && (first > site.as_of ? m.absence.waterfallAfterData({ first }, f) : m.absence.waterfallBeforeData({ first }, f));
  return {
    notes: notes(beforeData, closeDatesNote(ctx), noHistory && m.absence.stageMovesUnavailable({ advice: historyAdvice(ctx) }), amountsNote(ctx, from)),
    charts: [chartBlock('waterfall', waterfallChart(waterfallView(site.metrics), opts(ctx, ctx.text.waterfall)), f)],
    tables,
  };
}

/**
 * What the waterfall's amounts are: each deal's at the period's end, the opening pipeline's too. When the tiles'
 * earlier date is the period's start, the opening pipeline with that day's amounts is known, and differs from the
 * Overview's and the Trends' figure for that date by the amounts changed since: said, with both figures.
 */
function amountsNote(ctx: PageContext, from: LocalDate): string {
  const { site, m, f } = ctx;
  const start = site.metrics.waterfall.start.amount;
  const then = site.previous.pipeline.open_amount;
  // `previous` is the tiles' run at previous_as_of, or (a filtered page that compares nothing) the run at as_of itself.
  const restated = site.previous.as_of === from && f.moneyCompact(start) !== f.moneyCompact(then);
  return restated ? m.waterfallAmounts.restated({ from, to: site.as_of, start, then }, f) : m.waterfallAmounts.atEnd({ to: site.as_of }, f);
}

/** The analysis window's first and last local dates. */
function windowRange(ctx: PageContext): { from: string; to: string } {
  return { from: addDays(ctx.site.as_of, 1 - ctx.site.metrics.window_days), to: ctx.site.as_of };
}

/** The page's period in words: the analysis window, or the waterfall's last `waterfall_days`. */
export function periodNote(ctx: PageContext, kind: 'window' | 'waterfall'): string {
  const days = kind === 'window' ? ctx.site.metrics.window_days : ctx.site.waterfall_days;
  const range = { from: addDays(ctx.site.as_of, 1 - days), to: ctx.site.as_of };
  return kind === 'window' ? ctx.m.common.window(range, ctx.f) : ctx.m.common.period(range, ctx.f);
}
