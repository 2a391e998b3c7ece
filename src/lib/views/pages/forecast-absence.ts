/** What the forecast, its coverage and its accuracy cannot show from this data, and why (the rules of absence.ts, for the Forecast page and the tiles). */
import { ACCURACY_MONTHS } from '../../metrics/forecast-accuracy.ts';
import type { Metrics } from '../../metrics/types.ts';
import { filterMatchesNone, isSmall } from './absence.ts';
import type { PageContext } from './context.ts';
import { noDealRead } from './data-notes.ts';
import { fieldHistoryRead, renamedNote, untrackedNote } from './file-advice.ts';

const TARGETS_FILE = 'targets.csv';

/**
 * Close-date changes are not tracked (metrics `slippage` is null): no pushes,
 * no slippage. On a filtered view of data that does track them, `slippage`
 * is null because none of the filter's deals had its close date changed:
 * that is what the note says (or that no deal matches), never "add
 * field_history.csv".
 */
export function closeDatesNote(ctx: PageContext): string | null {
  // With no deal read, field_history.csv's rows were rejected with them: the page's first note says why.
  if (ctx.site.metrics.slippage !== null || noDealRead(ctx)) return null;
  if (filterMatchesNone(ctx)) return ctx.m.absence.filterMatchesNone;
  if (ctx.filter?.closeDatesTracked) return ctx.m.absence.closeDatesUnchangedFiltered({ count: ctx.filter.matched }, ctx.f);
  // field_history.csv read, with other fields' changes only: not "add field_history.csv", which is there.
  return untrackedNote(ctx, 'expected_close_at', ctx.m.absence.closeDatesUntrackedExport, fieldHistoryRead(ctx) ? ctx.m.absence.closeDatesUntrackedInFile : ctx.m.absence.closeDatesUntracked);
}

/** Under a close-date filter forecast accuracy is left out: the filter selects deals by how they ended, which bends every month's ratio. */
export function accuracyUnderClosingFilter(ctx: PageContext): string | null {
  return ctx.filter?.filter.closing != null ? ctx.m.absence.accuracyClosingFilter : null;
}

/**
 * Forecast accuracy replays each past month's forecast from the expected close dates at its start: without their
 * changes tracked those would be today's, which flatter or blame the forecast (a deal that slipped counts in the
 * month it slipped to). The chart is not shown then; a filtered view of data that tracks them shows it.
 */
export function accuracyUntracked(ctx: PageContext): string | null {
  if (ctx.site.metrics.slippage !== null || noDealRead(ctx) || filterMatchesNone(ctx) || ctx.filter?.closeDatesTracked) return null;
  return untrackedNote(ctx, 'expected_close_at', ctx.m.absence.accuracyUntrackedExport, ctx.m.absence.accuracyUntracked);
}

/** The data has a forecast category column (metrics' commit and best-case amounts are not null). */
export function hasForecastCategories(ctx: PageContext): boolean {
  return ctx.site.metrics.forecast.some((b) => b.commit_amount !== null);
}

/**
 * Every open deal lacks an expected close date (all in the `unscheduled` bucket): coverage and the projection
 * by commit and best case place deals in a period by that date, so their zeros would say nothing.
 */
export function closeDatesMissing(figures: Pick<Metrics, 'pipeline' | 'forecast'>): boolean {
  const open = figures.pipeline.open_count;
  return open > 0 && (figures.forecast.find((b) => b.bucket === 'unscheduled')?.count ?? 0) === open;
}

/** Why the forecast by month, coverage and the projection have nothing: no open deal has an expected close date. */
export function noExpectedClose(ctx: PageContext): string | null {
  const { metrics } = ctx.site;
  return closeDatesMissing(metrics) ? ctx.m.absence.noExpectedClose({ count: metrics.pipeline.open_count }, ctx.f) : null;
}

/**
 * Why coverage has no rows: no company-wide targets at all, or none for this
 * period or the next. A filtered view compares with its owner's or team's own
 * targets, or with none under a product or period filter: it says that,
 * never "add company-wide targets".
 */
export function coverageNote(ctx: PageContext): string | null {
  if (ctx.site.metrics.coverage.length > 0) return noExpectedClose(ctx) === null ? null : ctx.m.absence.coverageNeedsCloseDates;
  if (filterMatchesNone(ctx)) return ctx.m.absence.filterMatchesNone;
  return filteredTargetsNote(ctx, false) ?? (ctx.site.inputs.company_targets === 0 ? (renamedNote(ctx, TARGETS_FILE) ?? ctx.m.absence.noTargets) : ctx.m.empty.noTargets);
}

/**
 * Whose targets a filtered view compares with (FilterFacts.targets): none
 * under a product or period filter, else its owner's or team's own, or, when
 * that owner or team has none for this or the next period (`hasTarget`
 * false), that it has none. Null unfiltered.
 */
export function filteredTargetsNote(ctx: PageContext, hasTarget: boolean): string | null {
  const { filters } = ctx.m;
  switch (ctx.filter?.targets) {
    case 'none':
      return filters.noTargetsNote;
    case 'owner':
      return hasTarget ? filters.ownerTargetsNote : filters.ownerNoTargetNote;
    case 'team':
      return hasTarget ? filters.teamTargetsNote : filters.teamNoTargetNote;
    default:
      return null;
  }
}

/**
 * Forecast accuracy's sentence when it rests on few deals: the deals forecast
 * at the start of the last ACCURACY_MONTHS months (open then, expected to close
 * in that month). Fewer than MIN_SAMPLE: how few, never a bare "0%" (the rule
 * of the overview's tiles). None forecast but some won: why there is no ratio.
 * Null when the chart's own takeaway holds (enough deals, or nothing forecast
 * nor won, which its takeaway says).
 */
export function accuracyNote(ctx: PageContext): string | null {
  const rows = ctx.site.metrics.forecast_accuracy;
  const forecast = rows.reduce((n, r) => n + r.forecast_count, 0);
  const won = rows.reduce((n, r) => n + r.won_count, 0);
  if (forecast === 0) {
    if (filterMatchesNone(ctx)) return ctx.m.absence.filterMatchesNone;
    return won === 0 ? null : ctx.m.small.accuracyNoForecast({ won, months: ACCURACY_MONTHS }, ctx.f);
  }
  return isSmall(forecast) ? ctx.m.small.accuracy({ count: forecast, months: ACCURACY_MONTHS }, ctx.f) : null;
}
