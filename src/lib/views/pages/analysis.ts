/** Velocity and win/loss pages: charts with their tables (the Funnel page's: funnel.ts). */
import {
  competitorsChart,
  cycleLengthChart,
  lossReasonsChart,
  lostAtStageChart,
  timeInStageChart,
  slowestStage,
  winReasonsChart,
} from '../../charts/index.ts';
import { competitorsView, cycleLengthView, lostAtStageView, reasonsView, timeInStageView } from '../chart-models.ts';
import { ROUGH_MARK } from '../../charts/table-format.ts';
import { OUTCOME_GROUPINGS } from '../../metrics/grouped-outcomes.ts';
import type { Metrics } from '../../metrics/types.ts';
import { NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { type ChartBlock, chartBlock } from '../chart-block.ts';
import { moneyDigits } from '../csv-digits.ts';
import { figuresTable, markFewValues } from '../table-kinds.ts';
import {
  competitorsNote,
  currentVisitOnly,
  historyUnavailable,
  isFewValues,
  isSmall,
  lossReasonsNote,
  MIN_QUANTILE_VALUES,
  MIN_SAMPLE,
  notes,
  stallDefaultNote,
  velocityNote,
  winReasonsNote,
} from './absence.ts';
import { historyFromSnapshots } from './file-advice.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { lossReasonsByStageTable, priceBeforeQuoteNote } from './loss-matrix.ts';
import { lossReasonsByQuarterSection, winRateByQuarterSection } from './quarters.ts';
import { qualificationSection } from './qualification.ts';
import { wonTimeInStageTable } from './won-pace.ts';
import { reasonSpellingsNote } from './reason-spellings.ts';
import { groupedSection } from './grouped-outcomes.ts';

export interface ChartsPageModel {
  /** Sentences shown under the page's intro: what this data cannot show, and how to get it. */
  notes: string[];
  charts: ChartBlock[];
  tables: TableModel[];
  /** Sentences above a table, by its id (the page marks them `data-filter-text="<id>-intro"`: a filter replaces them). */
  tableIntros?: [string, string][];
  /** The page's headline figures in a sentence after its intro ('' when there are none; `data-filter-text="page-intro"`). */
  lead?: string;
}

export function velocityModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const v = site.metrics.velocity;
  const { won_count: won, lost_count: lost } = site.metrics.win_rate;
  const inputs = figuresTable('velocity-inputs', m.sections.velocityInputs, [m.columns.input, m.columns.value], [
      { label: m.columns.open_count, value: v.open_count, text: f.count(v.open_count) },
      // With the deals behind it, as the overview's tile and the owners table show it ('17% (1 / 6)').
      { label: m.columns.win_rate, value: v.win_rate, text: f.rateOf(v.win_rate, won, won + lost), digits: 2 },
      // Compact, as the amount per day below it ('2.5억원', '하루 1.3억원'); exact in the CSV.
      { label: m.columns.avg_won_amount, value: v.avg_won_amount, text: f.moneyCompact(v.avg_won_amount), digits: moneyDigits(f.currency) },
      // The unit once: in the value on the page ('111.9일'), in the name in the CSV (a bare 111.9).
      { label: m.columns.mean_won_cycle_days, csvLabel: f.inDays(m.columns.mean_won_cycle_days), value: v.mean_won_cycle_days, text: f.days(v.mean_won_cycle_days), digits: 1 },
      { label: m.columns.per_day, value: v.per_day, text: f.perDay(v.per_day), digits: moneyDigits(f.currency) },
  ]);
  const closed = site.metrics.cycle_length.all.count;
  const cycleVm = cycleLengthView(site.metrics);
  const roughCycle = { won: { ...cycleVm.won, rough: isFewValues(cycleVm.won.count) }, lost: { ...cycleVm.lost, rough: isFewValues(cycleVm.lost.count) }, all: { ...cycleVm.all, rough: isFewValues(cycleVm.all.count) } };
  const cycle = cycleLengthChart(roughCycle, opts(ctx, ctx.text.cycleLength, isSmall(closed) && m.small.cycleLength({ count: closed }, f)));
  const timeBlock = timeInStageBlock(ctx);
  const cycleBlock = chartBlock('cycle-length', cycle, f);
  const wonPace = wonTimeInStageTable(ctx);
  // Medians and percentiles of fewer than MIN_QUANTILE_VALUES values are marked: time in stage
  // (visits; median, P75, P90), cycle length (deals; median, P90), the won deals' days per stage.
  const rough = [
    !timeBlock.unavailable && markFewValues(timeBlock.table, 1, [2, 3, 4], MIN_QUANTILE_VALUES, ROUGH_MARK),
    markFewValues(cycleBlock.table, 1, [2, 4], MIN_QUANTILE_VALUES, ROUGH_MARK),
    wonPace?.rough ?? false,
  ].some(Boolean);
  return {
    notes: notes(
      historyFromSnapshots(ctx) && m.absence.snapshots,
      velocityNote(ctx),
      // Velocity's average won amount and won cycle from a handful of won deals (the overview's tile says so too).
      v.per_day !== null && isSmall(won) && m.small.velocity({ won, closed: won + lost }, f),
      stallDefaultNote(ctx),
      rough && m.rough.note({ min: MIN_QUANTILE_VALUES }, f),
    ),
    charts: [timeBlock, cycleBlock],
    tables: wonPace === null ? [inputs] : [wonPace.table, inputs],
  };
}

function timeInStageBlock(ctx: PageContext): ChartBlock {
  const { site, m, f } = ctx;
  if (currentVisitOnly(ctx)) {
    return chartBlock('time-in-stage', timeInStageChart({ stages: [] }, opts(ctx, ctx.text.timeInStage, historyUnavailable(ctx))), f, true);
  }
  const base = timeInStageView(site.metrics, site.stages, ctx.locale, new Map(site.stall_thresholds));
  // Medians and percentiles of fewer than MIN_QUANTILE_VALUES visits are marked in the chart too.
  // The open deals past each stage's P90 already: the visits still running, which the figures leave out.
  const openLonger = (stage: string, p90: number | null) => (p90 === null ? 0 : site.open_deals.filter((d) => d.stage === stage && d.days_in_stage > p90).length);
  const vm = { ...base, stages: base.stages.map((s) => ({ ...s, rough: isFewValues(s.visits), openLonger: openLonger(s.id, s.p90Days) })) };
  // The takeaway names the stage with the longest median: it rests on that stage's visits.
  const slowest = slowestStage(vm.stages);
  const takeaway = slowest && isSmall(slowest.visits) ? m.small.timeInStage({ count: slowest.visits, stage: slowest.label }, f) : null;
  return chartBlock('time-in-stage', timeInStageChart(vm, opts(ctx, ctx.text.timeInStage, takeaway)), f);
}

/** A row of the win-rate table: won or lost deals of the window with their shares of the closed deals' count and amount, or (`rate`) the win rate itself. */
interface WinRateRow {
  label: string;
  count: number;
  countShare: number | null;
  amount: number;
  amountShare: number | null;
  rate?: true;
}

/**
 * Won and lost deals closed in the window, and under them the win rate by
 * count and by value (metrics `win_rate.by_count`, `by_value`), in the
 * page's table; the CSV has each row's shares in columns of their own (the
 * won row's are the win rates).
 */
function winRateTable({ site, m, f }: PageContext): TableModel {
  const rate = site.metrics.win_rate;
  const rest = (share: number | null) => (share === null ? null : 1 - share);
  const rows: WinRateRow[] = [
    { label: m.dealState.won, count: rate.won_count, countShare: rate.by_count, amount: rate.won_amount, amountShare: rate.by_value },
    { label: m.dealState.lost, count: rate.lost_count, countShare: rest(rate.by_count), amount: rate.lost_amount, amountShare: rest(rate.by_value) },
  ];
  // A row of its own rather than shares beside the figures: three columns fit a phone, five do not. Amounts compact,
  // as the charts and tiles of the page ('₩5.23B'); exact in the CSV.
  const rateRow: WinRateRow = { ...rows[0]!, label: m.columns.win_rate, rate: true };
  const c = m.pages.winLoss.summaryColumns;
  const tone = (r: WinRateRow) => (r.rate ? ('total' as const) : undefined);
  return table(
    'win-rate',
    m.pages.winLoss.summary,
    [
      { label: m.columns.category, value: (r) => r.label, tone },
      { label: m.columns.count, numeric: true, value: (r) => (r.rate ? r.countShare : r.count), text: (r) => (r.rate ? f.percent(r.countShare) : f.count(r.count)), tone },
      { label: c.countShare, value: (r) => r.countShare, digits: 2, csvOnly: true },
      { label: m.columns.amount, numeric: true, value: (r) => (r.rate ? r.amountShare : r.amount), text: (r) => (r.rate ? f.percent(r.amountShare) : f.moneyCompact(r.amount)), digits: moneyDigits(f.currency), tone },
      { label: c.amountShare, value: (r) => r.amountShare, digits: 2, csvOnly: true },
    ],
    rows,
    { empty: NEVER_EMPTY, totals: [rateRow] },
  );
}

export function winLossModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const metrics = site.metrics;
  const unspecified = m.common.unspecified;
  const rate = metrics.win_rate;
  const summary = winRateTable(ctx);
  const lost = rate.lost_count;
  const won = rate.won_count;
  const met = metrics.competitors.reduce((n, c) => n + c.won + c.lost, 0);
  // A reason never recorded is said so (not "price is not among the reasons"); a handful of deals is not a cause.
  const lossTakeaway = lossReasonsNote(ctx) ?? (isSmall(lost) ? m.small.lossReasons({ count: lost }, f) : null);
  // After what the reasons say: the price losses before the proposal stage, where no quote had been made (the book:
  // is price really the reason?).
  const priceNote = lossTakeaway === null ? priceBeforeQuoteNote(ctx) : null;
  const reasonsText = ctx.text.lossReasons;
  const lossText = priceNote === null ? reasonsText : { ...reasonsText, takeaway: (p: Parameters<typeof reasonsText.takeaway>[0]) => `${reasonsText.takeaway(p)} ${priceNote}` };
  const winTakeaway = winReasonsNote(ctx) ?? (isSmall(won) ? m.small.winReasons({ count: won }, f) : null);
  const lostAtStage = currentVisitOnly(ctx)
    ? chartBlock('lost-at-stage', lostAtStageChart({ stages: [] }, opts(ctx, ctx.text.lostAtStage, historyUnavailable(ctx))), f, true)
    : chartBlock(
        'lost-at-stage',
        lostAtStageChart(lostAtStageView(metrics, site.stages, ctx.locale), opts(ctx, ctx.text.lostAtStage, isSmall(lost) && m.small.lostAtStage({ count: lost }, f))),
        f,
      );
  // Reason codes read as words (config labels, else humanised); the CSV keeps each code beside them.
  const reasonKeys = (rows: Metrics['loss_reasons']) => ({ header: m.csv.codeOf({ column: m.columns.reason }), values: rows.map((r) => r.reason) });
  const qualification = qualificationSection(ctx);
  const reasonQuarters = lossReasonsByQuarterSection(ctx);
  const rateQuarters = winRateByQuarterSection(ctx);
  const groups = OUTCOME_GROUPINGS.map((grouping) => groupedSection(ctx, grouping));
  const competitors = competitorsView(metrics);
  const competitorsVm = { ...competitors, competitors: competitors.competitors.map((c) => ({ ...c, label: ctx.label(c.label) })) };
  return {
    // What the reasons below are shares of: the window's closed deals and the win rate (the table at the foot has them too).
    lead: rate.by_count === null ? '' : m.pages.winLoss.lead({ won, lost, byCount: rate.by_count, byValue: rate.by_value }, f),
    notes: notes(reasonSpellingsNote(ctx), groups.some((g) => g.rough) && m.rough.note({ min: MIN_QUANTILE_VALUES }, f)),
    charts: [
      chartBlock(
        'loss-reasons',
        lossReasonsChart(reasonsView(metrics.loss_reasons, { unspecified, label: ctx.label }), opts(ctx, lossText, lossTakeaway)),
        f,
        false,
        reasonKeys(metrics.loss_reasons),
      ),
      lostAtStage,
      chartBlock(
        'competitors',
        // A competitor's win rate is stated from as many closed deals as any other figure of a takeaway (MIN_SAMPLE).
        competitorsChart(competitorsVm, { ...opts(ctx, ctx.text.competitors, competitorsNote(ctx) ?? (isSmall(met) && m.small.competitors({ count: met }, f))), minRateDeals: MIN_SAMPLE }),
        f,
      ),
      chartBlock(
        'win-reasons',
        winReasonsChart(reasonsView(metrics.win_reasons, { unspecified, label: ctx.label }), opts(ctx, ctx.text.winReasons, winTakeaway)),
        f,
        false,
        reasonKeys(metrics.win_reasons),
      ),
    ],
    // Where in the sale each loss reason is given and whether the reasons change from quarter to quarter, whether
    // qualified deals are won more often, which lead sources and which kinds of customer win, the win rate quarter by
    // quarter and in all.
    tables: [lossReasonsByStageTable(ctx), reasonQuarters?.table ?? null, qualification?.table ?? null, ...groups.map((g) => g.table), rateQuarters?.table ?? null, summary].filter(
      (t): t is TableModel => t !== null,
    ),
    tableIntros: [reasonQuarters, qualification, ...groups, rateQuarters].flatMap((s) => (s && s.intro !== '' ? [[s.table.id, s.intro] as [string, string]] : [])),
  };
}
