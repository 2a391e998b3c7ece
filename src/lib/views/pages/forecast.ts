/**
 * The Forecast page: projected attainment (won, + commit, + best case against
 * each period's target), coverage, how accurate the weighted pipeline has
 * been (forecast vs won per month), the deals expected to close this month
 * and quarter (forecast-deals.ts), each owner's call (forecast-call.ts), and
 * the open pipeline by expected close month, shown once, with past-due deals
 * apart. Every figure comes from
 * metrics.json (`coverage`, `forecast_accuracy`, `forecast`, `pipeline`), the
 * deal lists from the manifest's open deals.
 */
import {
  type AttainmentPeriod,
  attainmentChart,
  attainmentReach,
  forecastAccuracyChart,
  forecastChart,
  pipelineByStageChart,
} from '../../charts/index.ts';
import { forecastAccuracyView, forecastView, pipelineView } from '../chart-models.ts';
import { periodContains } from '../../metrics/coverage.ts';
import type { CoverageRow } from '../../metrics/types.ts';
import type { OpenDealRow } from '../deal-schemas.ts';
import { movedOnPage, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { type ChartBlock, chartBlock } from '../chart-block.ts';
import { moneyDigits } from '../csv-digits.ts';
import { type Filter, filterQuery, NO_FILTER } from '../../filters/filter.ts';
import { currentVisitOnly, historyUnavailable, notes, periodsBeforeDataNote } from './absence.ts';
import { flagsUncheckedNotes } from './flag-absence.ts';
import { accuracyNote, accuracyUnderClosingFilter, accuracyUntracked, closeDatesMissing, closeDatesNote, coverageNote, hasForecastCategories, noExpectedClose } from './forecast-absence.ts';
import { type ForecastDealsSection, forecastDealsSection } from './forecast-deals.ts';
import { wonThisQuarterSection } from './forecast-won.ts';
import { callByOwnerSection } from './forecast-call.ts';
import { chartOptions as opts, type PageContext } from './context.ts';

/** A part of the page, in order: a chart (with its table), or a table under its own heading. */
export type ForecastSection =
  | { kind: 'chart'; block: ChartBlock; intro: string | null }
  | { kind: 'table'; heading: string; intro: string | null; table: TableModel }
  | { kind: 'deals'; deals: ForecastDealsSection };

export interface ForecastModel {
  /** What this data cannot show, under the intro. */
  notes: string[];
  sections: ForecastSection[];
  /** The sections' charts, and their other tables, in page order. */
  charts: ChartBlock[];
  tables: TableModel[];
}

/** Why commit and best case are missing: deals.csv has no forecast category column. */
export function forecastCategoriesNote(ctx: PageContext): string | null {
  return hasForecastCategories(ctx) ? null : ctx.m.absence.noForecastCategories;
}

/** A target period in words with when it is: 'Jun 2026 (this month)', 'Q3 2026 (next quarter)'. */
export function periodLabel(ctx: PageContext, row: Pick<CoverageRow, 'period' | 'when'>): string {
  const w = ctx.m.forecastPage.periodWhen;
  const quarter = /-Q[1-4]$/.test(row.period);
  const label = quarter ? (row.when === 'current' ? w.currentQuarter : w.nextQuarter) : row.when === 'current' ? w.currentMonth : w.nextMonth;
  return label({ period: row.period }, ctx.f);
}

/** Projected attainment per coverage row: won, commit and best case (which includes commit) against target. */
export function attainmentPeriods(ctx: PageContext): AttainmentPeriod[] {
  const bestCase = new Map(ctx.site.coverage_best_case.map((r) => [r.period, r.best_case_amount]));
  // Commit and best case count open deals due in the period: with no close date at all, none is, and "short even
  // with best case" would be a verdict the data cannot give (noExpectedClose says why they are missing).
  const placed = !closeDatesMissing(ctx.site.metrics);
  return ctx.site.metrics.coverage.map((r) => ({
    key: r.period,
    label: periodLabel(ctx, r),
    target: r.target_amount,
    won: r.won_amount,
    commit: placed ? r.commit_amount : null,
    bestCase: placed ? (bestCase.get(r.period) ?? null) : null,
  }));
}

/** The coverage rows' current periods (the month and quarter of as_of) that began before the data does: their won reads low. */
export function currentPeriodsBeforeData(ctx: PageContext): string | null {
  return periodsBeforeDataNote(
    ctx,
    ctx.site.metrics.coverage.filter((r) => r.when === 'current').map((r) => r.period),
  );
}

/** The period the attainment takeaway speaks of: the quarter containing as_of, else the month, else the first. */
function focusPeriod(rows: readonly CoverageRow[]): string | undefined {
  const current = rows.filter((r) => r.when === 'current');
  return (current.find((r) => /-Q/.test(r.period)) ?? current[0] ?? rows[0])?.period;
}

/**
 * Open deals due in the attainment takeaway's period (coverage's rule: expected close at T inside it,
 * past dates included) that have no forecast category: neither commit nor best case counts them, so
 * "short even with best case" may rest on deals nobody has categorised. Null without a category
 * column (forecastCategoriesNote speaks then) or when every such deal has one.
 */
export function uncategorisedNote(ctx: PageContext): string | null {
  if (!hasForecastCategories(ctx)) return null;
  const period = focusPeriod(ctx.site.metrics.coverage);
  if (period === undefined) return null;
  const due = dueIn(ctx, period).filter((d) => d.forecast_category === null);
  if (due.length === 0) return null;
  return ctx.m.forecastPage.uncategorised({ period, count: due.length, amount: amountOf(due) }, ctx.f);
}

/** Open deals whose expected close at T falls in `period` (coverage's rule: dates in it that have passed included). */
function dueIn(ctx: PageContext, period: string): OpenDealRow[] {
  return ctx.site.open_deals.filter((d) => d.expected_close !== null && periodContains(period, d.expected_close));
}

export const amountOf = (deals: readonly OpenDealRow[]) => deals.reduce((sum, d) => sum + d.amount, 0);

/** Open deals due in `period` whose expected close has already passed: coverage counts them (its rule), a review should not. */
export function pastDueIn(ctx: PageContext, period: string): OpenDealRow[] {
  return dueIn(ctx, period).filter((d) => d.expected_close! < ctx.site.as_of);
}

interface PastDueProjection {
  row: CoverageRow;
  late: OpenDealRow[];
  /** Won, with commit and with best case as shares of target, counting the late deals (`all`) and not (`without`); null without categories. */
  shares: { won: number; all: { commit: number; bestCase: number }; without: { commit: number; bestCase: number } } | null;
}

/**
 * Open deals due in the attainment takeaway's period whose expected close has already passed (coverage counts
 * them: dates earlier in the period included), with the projection counting them and not. Null when there are none,
 * or when the period's target is met (nothing is projected then).
 */
function pastDueProjection(ctx: PageContext): PastDueProjection | null {
  const period = focusPeriod(ctx.site.metrics.coverage);
  const row = ctx.site.metrics.coverage.find((r) => r.period === period);
  if (period === undefined || row === undefined || row.target_amount <= 0 || row.won_amount >= row.target_amount) return null;
  const late = pastDueIn(ctx, period);
  if (late.length === 0) return null;
  const best = ctx.site.coverage_best_case.find((r) => r.period === period)?.best_case_amount ?? null;
  if (row.commit_amount === null || best === null) return { row, late, shares: null };
  const share = (amount: number) => amount / row.target_amount;
  const all = { commit: share(row.won_amount + row.commit_amount), bestCase: share(row.won_amount + best) };
  const without = {
    commit: all.commit - share(amountOf(late.filter((d) => d.forecast_category === 'commit'))),
    bestCase: all.bestCase - share(amountOf(late.filter((d) => d.forecast_category === 'commit' || d.forecast_category === 'best_case'))),
  };
  return { row, late, shares: { won: share(row.won_amount), all, without } };
}

/** On the period's last days past-due deals can be most of its commit and best case: the note says how much, and the projection without them. */
export function pastDueNote(ctx: PageContext): string | null {
  const due = pastDueProjection(ctx);
  if (due === null) return null;
  return ctx.m.forecastPage.pastDue({ period: due.row.period, count: due.late.length, amount: amountOf(due.late), projected: due.shares?.without ?? null }, ctx.f);
}

/**
 * The attainment's headline when leaving out the past-due deals changes its verdict (with best case counting deals
 * whose date has passed, short without them): the verdict without them, the figures counting them after it. Null
 * otherwise (the chart's own sentence stands, the note under the page's intro saying how much is past due).
 */
export function attainmentPastDueTakeaway(ctx: PageContext): string | null {
  const due = pastDueProjection(ctx);
  if (due?.shares == null) return null;
  const { won, all, without } = due.shares;
  const reach = attainmentReach({ won, ...without });
  if (reach === attainmentReach({ won, ...all })) return null;
  return ctx.m.forecastPage.attainmentPastDue({ period: periodLabel(ctx, due.row), count: due.late.length, reach, wonShare: won, projected: without, counting: all }, ctx.f);
}

function attainmentBlock(ctx: PageContext): ChartBlock {
  const { site, m, f } = ctx;
  const periods = attainmentPeriods(ctx);
  const focus = focusPeriod(site.metrics.coverage);
  const chart = attainmentChart({ periods, ...(focus ? { focus } : {}) }, opts(ctx, ctx.text.attainment, attainmentPastDueTakeaway(ctx)));
  const block = chartBlock('attainment', chart, f, false, { header: m.csv.codeOf({ column: m.forecastPage.columns.period }), values: periods.map((p) => p.key) });
  // Printed, the chart alone: each bar is labelled with its figures ('65% won · 75% with commit · 99% with best case'),
  // and its table's eight columns of full amounts are wider than a page.
  return { ...block, printTable: false };
}

/**
 * This page filtered to `filter`'s deals whose close date is in `period` (won or lost in it, or open and expected in it:
 * what a coverage row counts, with the lost): the coverage table's periods and an owner page's quarter link to it.
 */
export function forecastClosingHref(ctx: PageContext, filter: Filter, period: string): string {
  return `${ctx.href('forecast')}${filterQuery({ ...filter, closing: period })}`;
}

/** A coverage period's link, keeping the view's other filters; none on a dashboard without filters. */
function closingLink(ctx: PageContext, period: string): string | undefined {
  return ctx.site.filters === undefined ? undefined : forecastClosingHref(ctx, ctx.filter?.filter ?? NO_FILTER, period);
}

function coverageTable(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  const c = m.forecastPage.columns;
  const money = moneyDigits(f.currency);
  const placed = !closeDatesMissing(site.metrics);
  // On a phone (compact) the period, the target still to win, the open amount due and their ratio, the coverage, read
  // without scrolling sideways; the target and what is won follow. The CSV keeps metrics.json's order.
  const target = movedOnPage<CoverageRow>({ label: c.target, numeric: true, digits: money, value: (r) => r.target_amount, text: (r) => f.moneyCompact(r.target_amount) });
  const won = movedOnPage<CoverageRow>({ label: c.won, numeric: true, digits: money, value: (r) => r.won_amount, text: (r) => f.moneyCompact(r.won_amount) });
  return table(
    'coverage',
    m.sections.coverage,
    [
      // Amounts compact, as on the tiles and in the deal lists below ('80.2억원'); the CSV keeps them exact.
      { label: c.period, csvId: m.csv.codeOf({ column: c.period }), value: (r: CoverageRow) => r.period, text: (r) => periodLabel(ctx, r), href: (r) => closingLink(ctx, r.period) },
      target.csv,
      won.csv,
      { label: c.remaining, numeric: true, digits: money, value: (r) => r.remaining, text: (r) => f.moneyCompact(r.remaining) },
      // No open deal with an expected close date: nothing can be due in a period, so "₩0" and "0×" would say nothing (the notes say why).
      { label: c.openDue, numeric: true, digits: money, value: (r) => (placed ? r.open_amount : null), text: (r) => (placed ? f.moneyCompact(r.open_amount) : f.multiple(null)) },
      // A period whose target is already won has nothing left to cover: say so, not "—".
      { label: c.coverage, numeric: true, digits: 1, value: (r) => (placed ? r.ratio : null), text: (r) => (r.remaining === 0 ? c.targetMet : f.multiple(placed ? r.ratio : null)) },
      target.page,
      won.page,
    ],
    site.metrics.coverage,
    // Made only when there are coverage rows (the notes say why there are none).
    { empty: NEVER_EMPTY, compact: true },
  );
}

function accuracyBlock(ctx: PageContext): ChartBlock {
  const { site, f } = ctx;
  // The forecast of a past month is replayed from the stage history: without it there is none.
  const missing = currentVisitOnly(ctx) ? historyUnavailable(ctx) : (accuracyUnderClosingFilter(ctx) ?? accuracyUntracked(ctx));
  // A handful of forecast deals (a filtered view, a small data set): how few, not a ratio to rely on.
  const takeaway = missing ?? accuracyNote(ctx);
  const block = chartBlock('forecast-accuracy', forecastAccuracyChart(forecastAccuracyView(site.metrics), opts(ctx, ctx.text.accuracy, takeaway)), f, missing !== null);
  // Printed, the chart alone: its table's eight columns of full amounts are wider than a page; each month's ratio is on its bars.
  return { ...block, printTable: false };
}

/** Open pipeline by expected close month (shared with the overview); without any close date it says so. */
export function forecastBlock(ctx: PageContext): ChartBlock {
  return chartBlock('forecast', forecastChart(forecastView(ctx.site.metrics), opts(ctx, ctx.text.forecast, noExpectedClose(ctx))), ctx.f);
}

export function forecastModel(ctx: PageContext): ForecastModel {
  const { site, m, f } = ctx;
  const p = m.forecastPage;
  const targets = site.metrics.coverage.length > 0;
  const sections: ForecastSection[] = [];
  // Without any target row the notes say why; an empty chart and table would add nothing.
  if (targets) {
    // Under an owner or team filter the bars are shares of that owner's or team's target (filters/subset.ts `filterTargets`).
    const whose = ctx.filter?.targets === 'owner' || ctx.filter?.targets === 'team' ? ctx.filter.targets : 'company';
    sections.push({ kind: 'chart', block: attainmentBlock(ctx), intro: p.attainmentIntro({ whose }) });
    const intro = site.filters === undefined ? p.coverageIntro : `${p.coverageIntro} ${p.coverageLinks}`;
    sections.push({ kind: 'table', heading: m.sections.coverage, intro, table: coverageTable(ctx) });
  }
  // Each owner's share of the call, for the review that goes round them.
  const call = callByOwnerSection(ctx);
  if (call) sections.push({ kind: 'table', heading: call.heading, intro: call.intro, table: call.table });
  // The deals behind this month's and quarter's figures: what a forecast review goes through.
  sections.push({ kind: 'deals', deals: forecastDealsSection(ctx) });
  sections.push({ kind: 'chart', block: accuracyBlock(ctx), intro: p.accuracyIntro });
  sections.push({ kind: 'chart', block: forecastBlock(ctx), intro: p.byMonthIntro });
  sections.push({
    kind: 'chart',
    block: chartBlock('pipeline-by-stage', pipelineByStageChart(pipelineView(site.metrics, site.stages, ctx.locale), opts(ctx, ctx.text.pipeline)), f),
    intro: null,
  });
  // Last, what the quarter has won so far, by name (the other half of its attainment): a long list would push the
  // charts of what is still to close out of a phone's reach.
  const won = wonThisQuarterSection(ctx);
  sections.push({ kind: 'table', heading: won.heading, intro: won.intro, table: won.table });
  return {
    // Close-date pushes are a column of the deal lists.
    notes: notes(coverageNote(ctx), currentPeriodsBeforeData(ctx), forecastCategoriesNote(ctx), uncategorisedNote(ctx), pastDueNote(ctx), closeDatesNote(ctx), ...flagsUncheckedNotes(ctx)),
    sections,
    charts: sections.flatMap((s) => (s.kind === 'chart' ? [s.block] : [])),
    tables: sections.flatMap((s) => (s.kind === 'table' ? [s.table] : s.kind === 'deals' ? s.deals.lists.flatMap((l) => (l.shown ? [l.table] : [])) : [])),
  };
}

/** Every table of the page (chart tables included), for the CSV downloads. */
export function forecastTables(model: ForecastModel): TableModel[] {
  return [...model.charts.map((c) => c.table), ...model.tables];
}
