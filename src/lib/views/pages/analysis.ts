/** Funnel, velocity and win/loss pages: charts with their tables. */
import {
  competitorsChart,
  competitorsView,
  cycleLengthChart,
  cycleLengthView,
  funnelChart,
  funnelView,
  lossReasonsChart,
  lostAtStageChart,
  lostAtStageView,
  reasonsView,
  timeInStageChart,
  slowestStage,
  timeInStageView,
  weakestStage,
  winReasonsChart,
} from '../../charts/index.ts';
import { localizedText } from '../../i18n/index.ts';
import { type ChartBlock, chartBlock, countAmountTable, figuresTable, table, type TableModel } from '../table.ts';
import {
  currentVisitOnly,
  historyFromSnapshots,
  historyUnavailable,
  isSmall,
  lossReasonsNote,
  MIN_SAMPLE,
  notes,
  stallDefaultNote,
  winReasonsNote,
} from './absence.ts';
import { chartOptions as opts, type PageContext } from './context.ts';

export interface ChartsPageModel {
  /** Sentences shown under the page's intro: what this data cannot show, and how to get it. */
  notes: string[];
  charts: ChartBlock[];
  tables: TableModel[];
}

/**
 * The funnel of the window's cohort (shared with the overview): unavailable
 * without stage history, and a small cohort says so instead of naming the
 * biggest drop-off.
 */
export function funnelBlock(ctx: PageContext): ChartBlock {
  const { site, f } = ctx;
  if (currentVisitOnly(ctx)) {
    return chartBlock('funnel', funnelChart({ cohortSize: 0, stages: [] }, opts(ctx, ctx.text.funnel, historyUnavailable(ctx))), f, true);
  }
  const vm = funnelView(site.metrics, site.stages, ctx.locale);
  const n = vm.cohortSize;
  // The takeaway names the weakest stage: it rests on the deals that reached that stage.
  const weakest = weakestStage(vm.stages);
  const takeaway = isSmall(n)
    ? ctx.m.small.funnel({ count: n }, f)
    : weakest && weakest.reached < MIN_SAMPLE
      ? ctx.m.small.funnelStage({ count: weakest.reached, stage: weakest.label }, f)
      : null;
  return chartBlock('funnel', funnelChart(vm, opts(ctx, ctx.text.funnel, takeaway)), f);
}

export function funnelModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const chart = funnelBlock(ctx);
  // The buyer's process beside the seller's stages (the book: stages mirror the buyer's journey);
  // parked stages are no step of it.
  const journey = table(
    'buyer-journey',
    m.columns.buyer_step,
    [
      { label: m.columns.stage, value: (s) => s.id, text: (s) => ctx.stage(s.id) },
      { label: m.columns.buyer_step, value: (s) => localizedText(s.buyer_step, ctx.locale) ?? '' },
      { label: m.columns.probability, numeric: true, value: (s) => s.probability, text: (s) => f.percent(s.probability) },
    ],
    site.stages.filter((s) => s.kind !== 'lost' && !s.parked),
  );
  return { notes: notes(historyFromSnapshots(ctx) && m.absence.snapshots), charts: [chart], tables: [journey] };
}

export function velocityModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const v = site.metrics.velocity;
  const inputs = figuresTable('velocity-inputs', m.sections.velocityInputs, [m.columns.category, m.columns.amount], [
      { label: m.columns.open_count, value: v.open_count, text: f.count(v.open_count) },
      { label: m.columns.win_rate, value: v.win_rate, text: f.percent(v.win_rate) },
      { label: m.columns.avg_won_amount, value: v.avg_won_amount, text: f.money(v.avg_won_amount) },
      { label: m.columns.mean_won_cycle_days, value: v.mean_won_cycle_days, text: f.days(v.mean_won_cycle_days) },
      { label: m.columns.per_day, value: v.per_day, text: f.perDay(v.per_day) },
  ]);
  const closed = site.metrics.cycle_length.all.count;
  const cycle = cycleLengthChart(cycleLengthView(site.metrics), opts(ctx, ctx.text.cycleLength, isSmall(closed) && m.small.cycleLength({ count: closed }, f)));
  return {
    notes: notes(historyFromSnapshots(ctx) && m.absence.snapshots, stallDefaultNote(ctx)),
    charts: [timeInStageBlock(ctx), chartBlock('cycle-length', cycle, f)],
    tables: [inputs],
  };
}

function timeInStageBlock(ctx: PageContext): ChartBlock {
  const { site, m, f } = ctx;
  if (currentVisitOnly(ctx)) {
    return chartBlock('time-in-stage', timeInStageChart({ stages: [] }, opts(ctx, ctx.text.timeInStage, historyUnavailable(ctx))), f, true);
  }
  const vm = timeInStageView(site.metrics, site.stages, ctx.locale, site.stall_thresholds);
  // The takeaway names the stage with the longest median: it rests on that stage's visits.
  const slowest = slowestStage(vm.stages);
  const takeaway = slowest && isSmall(slowest.visits) ? m.small.timeInStage({ count: slowest.visits, stage: slowest.label }, f) : null;
  return chartBlock('time-in-stage', timeInStageChart(vm, opts(ctx, ctx.text.timeInStage, takeaway)), f);
}

export function winLossModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const metrics = site.metrics;
  const unspecified = m.common.unspecified;
  const rate = metrics.win_rate;
  const summary = countAmountTable('win-rate', m.tiles.winRateByCount, [m.columns.category, m.columns.count, m.columns.amount], f, [
    { label: m.dealState.won, count: rate.won_count, amount: rate.won_amount },
    { label: m.dealState.lost, count: rate.lost_count, amount: rate.lost_amount },
  ]);
  const lost = rate.lost_count;
  const won = rate.won_count;
  const met = metrics.competitors.reduce((n, c) => n + c.won + c.lost, 0);
  // A reason never recorded is said so (not "price is not among the reasons"); a handful of deals is not a cause.
  const lossTakeaway = lossReasonsNote(ctx) ?? (isSmall(lost) ? m.small.lossReasons({ count: lost }, f) : null);
  const winTakeaway = winReasonsNote(ctx) ?? (isSmall(won) ? m.small.winReasons({ count: won }, f) : null);
  const lostAtStage = currentVisitOnly(ctx)
    ? chartBlock('lost-at-stage', lostAtStageChart({ stages: [] }, opts(ctx, ctx.text.lostAtStage, historyUnavailable(ctx))), f, true)
    : chartBlock(
        'lost-at-stage',
        lostAtStageChart(lostAtStageView(metrics, site.stages, ctx.locale), opts(ctx, ctx.text.lostAtStage, isSmall(lost) && m.small.lostAtStage({ count: lost }, f))),
        f,
      );
  return {
    notes: [],
    charts: [
      chartBlock('loss-reasons', lossReasonsChart(reasonsView(metrics.loss_reasons, { unspecified }), opts(ctx, ctx.text.lossReasons, lossTakeaway)), f),
      lostAtStage,
      chartBlock('competitors', competitorsChart(competitorsView(metrics), opts(ctx, ctx.text.competitors, isSmall(met) && m.small.competitors({ count: met }, f))), f),
      chartBlock('win-reasons', winReasonsChart(reasonsView(metrics.win_reasons, { unspecified }), opts(ctx, ctx.text.winReasons, winTakeaway)), f),
    ],
    tables: [summary],
  };
}
