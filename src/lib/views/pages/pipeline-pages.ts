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
import { DEFAULT_STALL_DAYS, MIN_VISITS_FOR_P90 } from '../../metrics/stalled.ts';
import type { RepurchaseRow } from '../../metrics/types.ts';
import { addDays } from '../../time.ts';
import type { StageMeta } from '../schema.ts';
import { chartBlock, countAmountTable, figuresTable, table, type TableModel } from '../table.ts';
import { closeDatesNote, coverageNote, currentVisitOnly, historyAdvice, noExpectedClose, notes, repurchaseNote, stallDefaultNote } from './absence.ts';
import type { ChartsPageModel } from './analysis.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { accountLinks, openDealColumns, stalledTable } from './deals.ts';

export interface StalledModel {
  /** Stalled deals, open deals with warning signs, and each stage's stall threshold. */
  tables: TableModel[];
  stalledCount: number;
  notes: string[];
}

export function stalledModel(ctx: PageContext): StalledModel {
  const { site, m } = ctx;
  const stalledIds = new Set(site.metrics.stalled.map((s) => s.deal_id));
  // Open deals that are not stalled yet but already carry a warning sign: the next review's list.
  const flagged = site.open_deals.filter((d) => !stalledIds.has(d.deal_id) && d.flags.length > 0);
  return {
    tables: [stalledTable(ctx, 'stalled'), table('flagged-open', m.sections.openDeals, openDealColumns(ctx, false), flagged), stallThresholdsTable(ctx)],
    stalledCount: stalledIds.size,
    notes: notes(closeDatesNote(ctx), stallDefaultNote(ctx)),
  };
}

/** Each open stage's stall threshold and how it was set (sequence first, then parked stages). */
export function stallThresholdsTable(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  const visits = new Map(site.metrics.time_in_stage.map((s) => [s.stage, s.visits]));
  const open = site.stages.filter((s) => s.kind === 'open');
  const rows = [...open.filter((s) => !s.parked), ...open.filter((s) => s.parked)];
  const basis = (s: StageMeta): string => {
    const count = visits.get(s.id) ?? 0;
    switch (site.stall_basis[s.id]) {
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
      { label: m.columns.stage, value: (s) => s.id, text: (s) => (s.parked ? `${ctx.stage(s.id)} (${m.stageGroup.parkedTag})` : ctx.stage(s.id)) },
      { label: m.columns.threshold_days, numeric: true, value: (s) => site.stall_thresholds[s.id] ?? null, text: (s) => f.days(site.stall_thresholds[s.id] ?? null) },
      {
        label: m.columns.basis,
        wide: true,
        value: (s) => site.stall_basis[s.id] ?? null,
        text: basis,
        tone: (s) => (site.stall_basis[s.id] === 'default' ? 'muted' : undefined),
      },
    ],
    rows,
  );
}

export function waterfallModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const w = site.metrics.waterfall;
  const moves = (['advanced', 'moved_back', 'unchanged'] as const).map((k) => ({ label: m.waterfall[k], ...w[k] }));
  // Stage moves compare each deal's stage at two dates: without stage history there is nothing to compare.
  const noHistory = currentVisitOnly(ctx);
  const tables = noHistory ? [] : [countAmountTable('stage-moves', m.sections.stageMoves, [m.columns.category, m.columns.count, m.columns.amount], f, moves)];
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
  return {
    notes: notes(closeDatesNote(ctx), noHistory && m.absence.stageMovesUnavailable({ advice: historyAdvice(ctx) })),
    charts: [chartBlock('waterfall', waterfallChart(waterfallView(site.metrics), opts(ctx, ctx.text.waterfall)), f)],
    tables,
  };
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
    notes: notes(coverageNote(ctx)),
    charts: [
      forecastBlock(ctx),
      chartBlock('pipeline-by-stage', pipelineByStageChart(pipelineView(site.metrics, site.stages, ctx.locale), opts(ctx, ctx.text.pipeline)), f),
    ],
    // Without any coverage row the note above says why; an empty table would add nothing.
    tables: site.metrics.coverage.length > 0 ? [coverage] : [],
  };
}

/** Open pipeline by expected close month (shared with the overview); without any close date it says so. */
export function forecastBlock(ctx: PageContext) {
  return chartBlock('forecast', forecastChart(forecastView(ctx.site.metrics), opts(ctx, ctx.text.forecast, noExpectedClose(ctx))), ctx.f);
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
  // Nothing to draw when no won deal has a lifecycle: the takeaway says what to configure.
  const missing = repurchaseNote(ctx);
  return {
    notes: [],
    charts: [chartBlock('repurchase', repurchaseTimelineChart(repurchaseView(site.metrics), opts(ctx, ctx.text.repurchase, missing)), f, missing !== null)],
    tables:
      missing !== null
        ? []
        : [
            table('repurchase-due', m.sections.repurchase, columns, rows.filter((r) => r.status !== 'covered')),
            table('repurchase-covered', m.repurchaseStatus.covered, columns, rows.filter((r) => r.status === 'covered')),
          ],
  };
}
