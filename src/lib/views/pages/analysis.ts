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
  timeInStageView,
  winReasonsChart,
} from '../../charts/index.ts';
import { localizedText } from '../../i18n/index.ts';
import { type ChartBlock, chartBlock, countAmountTable, figuresTable, table, type TableModel } from '../table.ts';
import { chartOptions as opts, type PageContext } from './context.ts';

export interface ChartsPageModel {
  charts: ChartBlock[];
  tables: TableModel[];
}

export function funnelModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const chart = chartBlock('funnel', funnelChart(funnelView(site.metrics, site.stages, ctx.locale), opts(ctx, ctx.text.funnel)), f);
  // The buyer's process beside the seller's stages (the book: stages mirror the buyer's journey).
  const journey = table(
    'buyer-journey',
    m.columns.buyer_step,
    [
      { label: m.columns.stage, value: (s) => s.id, text: (s) => ctx.stage(s.id) },
      { label: m.columns.buyer_step, value: (s) => localizedText(s.buyer_step, ctx.locale) ?? '' },
      { label: m.columns.probability, numeric: true, value: (s) => s.probability, text: (s) => f.percent(s.probability) },
    ],
    site.stages.filter((s) => s.kind !== 'lost'),
  );
  return { charts: [chart], tables: [journey] };
}

export function velocityModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const thresholds = site.stall_thresholds;
  const v = site.metrics.velocity;
  const inputs = figuresTable('velocity-inputs', m.sections.velocityInputs, [m.columns.category, m.columns.amount], [
      { label: m.columns.open_count, value: v.open_count, text: f.count(v.open_count) },
      { label: m.columns.win_rate, value: v.win_rate, text: f.percent(v.win_rate) },
      { label: m.columns.avg_won_amount, value: v.avg_won_amount, text: f.money(v.avg_won_amount) },
      { label: m.columns.mean_won_cycle_days, value: v.mean_won_cycle_days, text: f.days(v.mean_won_cycle_days) },
      { label: m.columns.per_day, value: v.per_day, text: f.perDay(v.per_day) },
  ]);
  return {
    charts: [
      chartBlock('time-in-stage', timeInStageChart(timeInStageView(site.metrics, site.stages, ctx.locale, thresholds), opts(ctx, ctx.text.timeInStage)), f),
      chartBlock('cycle-length', cycleLengthChart(cycleLengthView(site.metrics), opts(ctx, ctx.text.cycleLength)), f),
    ],
    tables: [inputs],
  };
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
  return {
    charts: [
      chartBlock('loss-reasons', lossReasonsChart(reasonsView(metrics.loss_reasons, { unspecified }), opts(ctx, ctx.text.lossReasons)), f),
      chartBlock('lost-at-stage', lostAtStageChart(lostAtStageView(metrics, site.stages, ctx.locale), opts(ctx, ctx.text.lostAtStage)), f),
      chartBlock('competitors', competitorsChart(competitorsView(metrics), opts(ctx, ctx.text.competitors)), f),
      chartBlock('win-reasons', winReasonsChart(reasonsView(metrics.win_reasons, { unspecified }), opts(ctx, ctx.text.winReasons)), f),
    ],
    tables: [summary],
  };
}
