/**
 * The Velocity page's table of the days the won deals spent in each stage
 * (metrics/conversion.ts `wonTimeInStage`): the pace a deal that was won kept,
 * which a review holds a deal in that stage now against, beside the time in
 * stage of every visit (lost and open deals' too) in the chart above it.
 */
import type { SiteData } from '../schema.ts';
import { table, type TableModel } from '../table.ts';
import { markFewValues } from '../table-kinds.ts';
import { currentVisitOnly, MIN_QUANTILE_VALUES } from './absence.ts';
import { ROUGH_MARK } from '../../charts/table-format.ts';
import type { PageContext } from './context.ts';

type Row = SiteData['won_time_in_stage'][number];

/**
 * Null without stage history (a deal's days in a stage are unknown; the time-in-stage chart says so). `rough`: whether
 * a median or P90 of fewer than MIN_QUANTILE_VALUES deals was marked, for the page's note.
 */
export function wonTimeInStageTable(ctx: PageContext): { table: TableModel; rough: boolean } | null {
  if (currentVisitOnly(ctx)) return null;
  const { site, m, f } = ctx;
  const rows = site.won_time_in_stage;
  const days = (label: string, value: (r: Row) => number | null) => ({
    label,
    csvLabel: f.inDays(label),
    numeric: true,
    keepLine: true,
    value,
    // A stage no won deal passed has no median: a dash, as the formatter gives any missing figure.
    text: (r: Row) => f.days(value(r)),
    digits: 1,
  });
  const model = table(
    'won-time-in-stage',
    m.sections.wonTimeInStage,
    [
      { label: m.columns.stage, value: (r: Row) => r.stage, text: (r: Row) => ctx.stage(r.stage), csvId: m.csv.stageId },
      { label: m.columns.won_count, numeric: true, value: (r: Row) => r.deals, text: (r: Row) => f.count(r.deals) },
      days(m.columns.median_days, (r) => r.median_days),
      days(m.columns.p90_days, (r) => r.p90_days),
    ],
    // No won deal in the window: one sentence, not a row of dashes per stage.
    rows.some((r) => r.deals > 0) ? rows : [],
    // Compact: on a phone its headers wrap ('Won / deals') and its four columns fit without scrolling sideways.
    { empty: m.empty.noWinReasons, compact: true },
  );
  // The CSV has the stage's id before its name: the count is its third column, the page's second.
  const rough = markFewValues(model, 2, [2, 3], MIN_QUANTILE_VALUES, ROUGH_MARK);
  return { table: model, rough };
}
