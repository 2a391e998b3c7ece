/** Stalled, waterfall, forecast and repurchase pages. */
import {
  forecastChart,
  forecastView,
  pipelineByStageChart,
  pipelineView,
  repurchaseTimelineChart,
  repurchaseView,
  waterfallChart,
  waterfallView,
} from '../../charts/index.ts';
import type { RepurchaseRow } from '../../metrics/types.ts';
import { addDays } from '../../time.ts';
import { chartBlock, countAmountTable, figuresTable, table, type TableModel } from '../table.ts';
import type { ChartsPageModel } from './analysis.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { accountLinks, openDealColumns, stalledTable } from './deals.ts';

export function stalledModel(ctx: PageContext): { tables: TableModel[]; stalledCount: number } {
  const { site, m } = ctx;
  const stalledIds = new Set(site.metrics.stalled.map((s) => s.deal_id));
  // Open deals that are not stalled yet but already carry a warning sign: the next review's list.
  const flagged = site.open_deals.filter((d) => !stalledIds.has(d.deal_id) && d.flags.length > 0);
  return {
    tables: [stalledTable(ctx, 'stalled'), table('flagged-open', m.sections.openDeals, openDealColumns(ctx, false), flagged)],
    stalledCount: stalledIds.size,
  };
}

export function waterfallModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const w = site.metrics.waterfall;
  const moves = (['advanced', 'moved_back', 'unchanged'] as const).map((k) => ({ label: m.waterfall[k], ...w[k] }));
  const tables = [countAmountTable('stage-moves', m.sections.stageMoves, [m.columns.category, m.columns.count, m.columns.amount], f, moves)];
  const s = site.metrics.slippage;
  if (s) {
    tables.push(
      figuresTable('slippage', m.sections.slippage, [m.columns.category, m.columns.count], [
        { label: m.columns.pushes_in_window, value: s.pushes_in_window, text: f.count(s.pushes_in_window) },
        { label: m.columns.open_deals_pushed, value: s.open_deals_pushed, text: f.count(s.open_deals_pushed) },
        { label: m.columns.share_pushed, value: s.share_pushed, text: f.percent(s.share_pushed) },
      ]),
    );
  }
  return { charts: [chartBlock('waterfall', waterfallChart(waterfallView(site.metrics), opts(ctx, ctx.text.waterfall)), f)], tables };
}

/** The page's period in words: the analysis window, or the waterfall's last `waterfall_days`. */
export function periodNote(ctx: PageContext, kind: 'window' | 'waterfall'): string {
  const days = kind === 'window' ? ctx.site.metrics.window_days : ctx.site.waterfall_days;
  const range = { from: addDays(ctx.site.as_of, 1 - days), to: ctx.site.as_of };
  return kind === 'window' ? ctx.m.common.window(range, ctx.f) : ctx.m.common.period(range, ctx.f);
}

export function forecastModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const coverage = table(
    'coverage',
    m.sections.coverage,
    [
      { label: m.columns.period, value: (r) => r.period, text: (r) => f.period(r.period) },
      { label: m.columns.target_amount, numeric: true, value: (r) => r.target_amount, text: (r) => f.money(r.target_amount) },
      { label: m.columns.won_amount, numeric: true, value: (r) => r.won_amount, text: (r) => f.money(r.won_amount) },
      { label: m.columns.remaining, numeric: true, value: (r) => r.remaining, text: (r) => f.money(r.remaining) },
      { label: m.columns.open_amount, numeric: true, value: (r) => r.open_amount, text: (r) => f.money(r.open_amount) },
      { label: m.columns.ratio, numeric: true, value: (r) => r.ratio, text: (r) => f.multiple(r.ratio) },
    ],
    site.metrics.coverage,
  );
  return {
    charts: [
      chartBlock('forecast', forecastChart(forecastView(site.metrics), opts(ctx, ctx.text.forecast)), f),
      chartBlock('pipeline-by-stage', pipelineByStageChart(pipelineView(site.metrics, site.stages, ctx.locale), opts(ctx, ctx.text.pipeline)), f),
    ],
    tables: [coverage],
  };
}

export function repurchaseModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const link = accountLinks(ctx);
  const names = new Map(site.accounts.map((a) => [a.account_id, a.name]));
  const columns = [
    { label: m.columns.account, value: (r: RepurchaseRow) => names.get(r.account_id) ?? r.account_id, href: (r: RepurchaseRow) => link(r.account_id) },
    { label: m.columns.product, value: (r: RepurchaseRow) => r.product },
    { label: m.columns.deal_id, value: (r: RepurchaseRow) => r.deal_id },
    { label: m.columns.base_date, value: (r: RepurchaseRow) => r.base_date, text: (r: RepurchaseRow) => f.date(r.base_date) },
    { label: m.columns.next_purchase_at, value: (r: RepurchaseRow) => r.next_purchase_at, text: (r: RepurchaseRow) => f.date(r.next_purchase_at) },
    {
      label: m.columns.status,
      value: (r: RepurchaseRow) => r.status,
      text: (r: RepurchaseRow) => m.repurchaseStatus[r.status],
      tone: (r: RepurchaseRow) => (r.status === 'overdue' ? ('bad' as const) : undefined),
    },
    { label: m.columns.amount, numeric: true, value: (r: RepurchaseRow) => r.amount, text: (r: RepurchaseRow) => f.money(r.amount) },
  ];
  const rows = site.metrics.repurchase;
  return {
    charts: [chartBlock('repurchase', repurchaseTimelineChart(repurchaseView(site.metrics), opts(ctx, ctx.text.repurchase)), f)],
    tables: [
      table('repurchase-due', m.sections.repurchase, columns, rows.filter((r) => r.status !== 'covered')),
      table('repurchase-covered', m.repurchaseStatus.covered, columns, rows.filter((r) => r.status === 'covered')),
    ],
  };
}
