/** The overview: tiles with their change vs 30 days earlier, funnel, forecast, intake, top stalled deals. */
import { ROUGH_MARK } from '../../charts/table-format.ts';
import { intakeChart } from '../../charts/index.ts';
import { intakeView } from '../chart-models.ts';
import { addDays, addToMonth } from '../../time.ts';
import { periodDates } from '../../filters/filter.ts';
import { periodLabel } from './filter-form.ts';
import { COMPARE_DAYS } from '../site-data.ts';
import type { TableModel } from '../table.ts';
import { type ChartBlock, chartBlock } from '../chart-block.ts';
import { conversionPendingNote, currentVisitOnly, isFewValues, MIN_QUANTILE_VALUES, notes, trendsUnavailable, beforeDataNote } from './absence.ts';
import { closeDatesNote, coverageNote } from './forecast-absence.ts';
import { funnelBlock, funnelFewNote } from './funnel.ts';
import { chartOptions, type PageContext } from './context.ts';
import { stalledTable } from './deals.ts';
import { currentPeriodsBeforeData, forecastBlock } from './forecast.ts';
import { TILE_SPECS, tileChange, tileDetail, tileFew, tileFigure, type TileModel, tileNoChange, tileTrend, tileValue } from './tiles.ts';

export interface OverviewModel {
  /** What this data cannot show, under the intro. */
  notes: string[];
  tiles: TileModel[];
  comparedWith: string;
  /** The analysis window's dates, which the tiles' hints and the funnel count in. */
  window: string;
  charts: ChartBlock[];
  stalled: TableModel;
  stalledTotal: number;
}

export function overviewModel(ctx: PageContext): OverviewModel {
  const { site, m, f } = ctx;
  const now = site.metrics;
  // Without stage history the pipeline of 30 days earlier cannot be rebuilt: no change is shown; nor before the data begins.
  const noTrends = currentVisitOnly(ctx);
  const beforeData = noTrends ? null : beforeDataNote(ctx, site.previous_as_of);
  const tiles = TILE_SPECS.map((spec): TileModel => {
    const current = tileFigure(ctx, spec, now);
    const compared = noTrends || beforeData ? null : site.previous;
    const { delta, good, verdict, since } = tileChange(ctx, spec, current, compared === null ? null : tileFigure(ctx, spec, compared), site.previous_as_of);
    const rough = current !== null && spec.values !== undefined && isFewValues(spec.values(now));
    return {
      key: spec.key,
      label: m.tiles[spec.key],
      value: tileValue(ctx, spec.key, current, now) + (rough ? ROUGH_MARK : ''),
      detail: tileDetail(ctx, spec.key),
      hint: m.tiles.hints[spec.key],
      delta,
      since,
      noChange: tileNoChange(ctx, spec, current, compared, site.previous_as_of),
      good,
      verdict,
      trend: tileTrend(ctx, spec.key),
      rough,
      few: current === null ? null : tileFew(ctx, spec.sample),
    };
  });
  return {
    // The coverage tile reads "—" without targets: why, and how to get them (the Forecast page's sentence; a filtered view's status line says whose targets it has).
    notes: notes(noTrends && trendsUnavailable(ctx), !ctx.filter && coverageNote(ctx), currentPeriodsBeforeData(ctx), closeDatesNote(ctx), conversionPendingNote(ctx), funnelFewNote(ctx), tiles.some((t) => t.rough) && m.rough.note({ min: MIN_QUANTILE_VALUES }, f)),
    tiles,
    // A sentence after the intro's ('vs 30 days earlier (May 31, 2026)' read as a fragment after its full stop).
    comparedWith: noTrends ? '' : (beforeData ?? m.tiles.comparedWith({ days: COMPARE_DAYS, date: site.previous_as_of }, f)),
    window: m.tiles.windowNote({ from: addDays(site.as_of, 1 - now.window_days), to: site.as_of }, f),
    charts: [funnelBlock(ctx), forecastBlock(ctx), intakeBlock(ctx)],
    stalled: stalledTable(ctx, 'top-stalled', 10),
    stalledTotal: now.stalled.length,
  };
}

/**
 * New deals by month. Under a creation-period filter only that period's months are shown (the others' zeros would
 * be the filter's), and the sentence says what the filter keeps instead of comparing the last three months with
 * the three before, which the filter decides.
 */
function intakeBlock(ctx: PageContext): ChartBlock {
  const { site, m, f } = ctx;
  const period = ctx.filter?.filter.period ?? null;
  const months = period === null ? null : periodDates(period);
  const view = intakeView(site.metrics, site.inputs.oldest_record, months);
  let takeaway: string | null = null;
  if (period !== null && months !== null) {
    const count = view.months.reduce((sum, x) => sum + x.count, 0);
    const amount = view.months.reduce((sum, x) => sum + x.amount, 0);
    const whole = view.months.length > 0 && view.months[0]!.month === months.from.slice(0, 7) && addToMonth(view.months.at(-1)!.month, 1) === months.to.slice(0, 7);
    takeaway = m.filters.cohortIntake({ period: periodLabel(f, period), count, amount, shown: view.months.length === 0 ? 'none' : whole ? 'all' : 'some' }, f);
  }
  return chartBlock('intake', intakeChart(view, chartOptions(ctx, ctx.text.intake, takeaway)), f);
}

