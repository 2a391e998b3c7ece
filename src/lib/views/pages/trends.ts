/**
 * Trends from time travel: the overview's figures at each of the last 12
 * month ends (site manifest `trends`, the engine replayed at each date), as
 * a line chart per figure on the Trends page and a sparkline per tile on the
 * overview, with every value in a table.
 */
import { type ChartOutput, type TrendLineViewModel, trendLineChart, trendSparkline } from '../../charts/index.ts';
import { daysInMonth, splitDate } from '../../time.ts';
import type { TrendPoint } from '../schema.ts';
import { trendDates } from '../trends.ts';
import { type Column, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { type ChartBlock, chartBlock } from '../chart-block.ts';
import { csvDigits } from '../csv-digits.ts';
import { currentVisitOnly, notes } from './absence.ts';
import { historyAdvice } from './file-advice.ts';
import { chartOptions, type PageContext } from './context.ts';

/** A figure with a trend: its tile key (label and hint in `m.tiles`), how it is formatted, and its value at a point. */
export interface TrendFigure {
  key: 'openPipeline' | 'weightedPipeline' | 'winRateByCount' | 'winRateByValue' | 'medianCycle' | 'salesVelocity' | 'stalledDeals';
  kind: TrendLineViewModel['kind'];
  get: (p: TrendPoint) => number | null;
}

export const TREND_FIGURES: readonly TrendFigure[] = [
  { key: 'openPipeline', kind: 'money', get: (p) => p.open_amount },
  { key: 'weightedPipeline', kind: 'money', get: (p) => p.weighted_amount },
  { key: 'winRateByCount', kind: 'percent', get: (p) => p.win_rate_by_count },
  { key: 'winRateByValue', kind: 'percent', get: (p) => p.win_rate_by_value },
  { key: 'medianCycle', kind: 'days', get: (p) => p.median_cycle_days },
  { key: 'salesVelocity', kind: 'perDay', get: (p) => p.velocity_per_day },
  { key: 'stalledDeals', kind: 'count', get: (p) => p.stalled_count },
];

/** The id of a figure's chart on the Trends page (and the anchor the overview's sparklines link to). */
export function trendId(figure: TrendFigure['key']): string {
  return `trend-${figure.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A point's date in words; the last one (as_of) says so. */
function pointLabel(ctx: PageContext, p: TrendPoint): string {
  const date = ctx.f.date(p.as_of);
  return p.as_of === ctx.site.as_of ? ctx.m.trends.asOf({ date }) : date;
}

/** Under the chart's axis: the month ('Jul'), or a mid-month as_of as its date ('Jun 15'), and the year. */
function pointTick(ctx: PageContext, p: TrendPoint): { tick: string; year: string } {
  const { f } = ctx;
  const month = p.as_of.slice(0, 7);
  const lastOfMonth = p.as_of !== ctx.site.as_of || isMonthEnd(p.as_of);
  // The year as the month format writes it ('2025' / '2025년'): the full month without the short one.
  return { tick: lastOfMonth ? f.monthShort(month) : f.dateShort(p.as_of), year: f.month(month).replace(f.monthShort(month), '').trim() };
}

function isMonthEnd(date: string): boolean {
  const { year, month, day } = splitDate(date);
  return daysInMonth(year, month) === day;
}

function trendView(ctx: PageContext, figure: TrendFigure): TrendLineViewModel {
  return {
    kind: figure.kind,
    // The only count among the figures is of deals (stalled deals).
    deals: figure.kind === 'count',
    points: ctx.site.trends.map((p) => ({
      key: p.as_of,
      ...pointTick(ctx, p),
      short: ctx.f.month(p.as_of.slice(0, 7)),
      value: figure.get(p),
    })),
  };
}

/** A tile's sparkline of its 12-month trend; null when there is no trend (no stage history) or the tile has none. */
export function tileSparkline(ctx: PageContext, key: string): ChartOutput | null {
  const figure = TREND_FIGURES.find((t) => t.key === key);
  if (!figure || ctx.site.trends.length < 2) return null;
  const { m } = ctx;
  const text = { ...ctx.text.sparkline, title: m.tiles.trend({ label: m.tiles[figure.key] }) };
  const points = ctx.site.trends.map((p) => ({ label: pointLabel(ctx, p), value: figure.get(p) }));
  return trendSparkline({ points, kind: figure.kind, deals: figure.kind === 'count' }, { ...chartOptions(ctx, text), id: `spark-${trendId(figure.key)}` });
}

export interface TrendsModel {
  /** What a point is, under the intro. */
  about: string;
  /** What this data cannot show. */
  notes: string[];
  charts: ChartBlock[];
  /** Every figure at every point; null without trends. */
  table: TableModel | null;
}

export function trendsModel(ctx: PageContext): TrendsModel {
  const { site, m, f } = ctx;
  if (currentVisitOnly(ctx) || site.trends.length === 0) {
    return { about: '', notes: notes(m.absence.trendsNeedHistory({ advice: historyAdvice(ctx) })), charts: [], table: null };
  }
  const charts = TREND_FIGURES.map((figure) => {
    const label = m.tiles[figure.key];
    const text = { ...ctx.text.trend, title: label, columns: { date: m.trends.date, value: label } };
    const id = trendId(figure.key);
    // Printed, the page's figures table has every point of every trend: not each chart's own again.
    return { ...chartBlock(id, trendLineChart(trendView(ctx, figure), { ...chartOptions(ctx, text), id }), f), printTable: false };
  });
  const text = (figure: TrendFigure, v: number | null): string => {
    switch (figure.kind) {
      case 'percent':
        return f.percent(v);
      case 'days':
        return f.days(v);
      case 'count':
        return f.count(v);
      case 'perDay':
        return f.perDay(v);
      default:
        // Compact, as the charts, the tiles and the velocity beside it in the row ('₩40.4B', '₩80.7M/day'); exact in the CSV.
        return f.moneyCompact(v);
    }
  };
  const columns: Column<TrendPoint>[] = [
    { label: m.trends.date, value: (p) => p.as_of, text: (p) => pointLabel(ctx, p) },
    { label: m.tiles.openDeals, numeric: true, digits: 0, value: (p) => p.open_count, text: (p) => f.count(p.open_count) },
    ...TREND_FIGURES.map(
      (figure): Column<TrendPoint> => ({
        label: m.tiles[figure.key],
        // Days: bare numbers in the CSV, its header names the unit (as each trend's own CSV, views/chart-block.ts chartBlock).
        ...(figure.kind === 'days' ? { csvLabel: f.inDays(m.tiles[figure.key]) } : {}),
        numeric: true,
        digits: csvDigits(figure.kind, f.currency),
        value: (p) => figure.get(p),
        text: (p) => text(figure, figure.get(p)),
      }),
    ),
  ];
  // Fewer points than the 12 months hold: the data begins in the first point's month (views/trends.ts).
  const first = site.trends[0]!;
  const begins = site.trends.length < trendDates(site.as_of).length;
  return {
    about: m.trends.pointNote({ date: site.as_of, days: site.metrics.window_days }, f),
    notes: begins ? [m.trends.sinceData({ month: f.month(first.as_of.slice(0, 7)) })] : [],
    charts,
    // Made only with trend points (else the notes say why there are none).
    table: table('trend-figures', m.trends.table, columns, site.trends, { empty: NEVER_EMPTY }),
  };
}

/** Every table of the page (chart tables included), for the CSV downloads. */
export function trendsTables(model: TrendsModel): TableModel[] {
  return [...model.charts.map((c) => c.table), ...(model.table ? [model.table] : [])];
}
