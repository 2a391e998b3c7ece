/** The headline tiles (the overview's, "What changed"'s, the digest's): each figure, its change, and what it rests on. */
import { type Delta, type DeltaKind, joinItems } from '../../format/index.ts';
import type { Figures } from '../../metrics/schema.ts';
import { isSmall, velocityMissing } from './absence.ts';
import { closeDatesMissing } from './forecast-absence.ts';
import type { PageContext } from './context.ts';
import { noStageProbabilities, openWithoutAmount } from './data-notes.ts';
import { amountOf, pastDueIn } from './forecast.ts';
import { tileSparkline, TREND_FIGURES, trendId } from './trends.ts';

export interface TileModel {
  key: string;
  label: string;
  value: string;
  /** A second line: the count behind an amount, or the by-value rate. */
  detail: string | null;
  hint: string;
  delta: Delta | null;
  /** What `delta` is against, on the tile ("vs May 31, 2026"); null with no delta. */
  since: string | null;
  /**
   * Why the tile has no change line, where it would be, when the figure has a value now and none at the earlier
   * date ("No comparison: on May 31, 2026 the May 2026 target was already met"); null otherwise (a change shown, or
   * a page that says for all its tiles why none is: no stage history, a date before the data).
   */
  noChange?: string | null;
  /** Whether the change is good news (for colour and its text); null when neutral. */
  good: boolean | null;
  /** `good` in words, shown after the change ('better', '악화'): the colour alone says nothing to a screen reader or on grey paper; null when neutral. */
  verdict: string | null;
  /**
   * The 12-month trend as a sparkline, linking to its chart on the Trends page; null without one.
   * `svg` is null when fewer than two points have a value: the tile shows `takeaway` (which says so) as text.
   */
  trend: { svg: string | null; href: string; takeaway: string; link: string } | null;
  /** A median of fewer than MIN_QUANTILE_VALUES values: `value` ends with ROUGH_MARK and the page notes why (overview tiles). */
  rough?: boolean;
  /**
   * The figure rests on fewer than MIN_SAMPLE deals (a filtered view of a few deals, or a small
   * data set): how few, and that they are too few to rely on, under the value, which is muted.
   */
  few?: string | null;
}

/**
 * Tiles shown on the overview; `kind` is the unit of the tile's figure, which its change carries too
 * (Formatter.signedDelta); `up` says whether a rise is good news; `values`, for a median, how many
 * values it is taken from (marked as rough below MIN_QUANTILE_VALUES).
 */
export const TILE_SPECS: {
  key: keyof PageContext['m']['tiles']['hints'];
  kind: DeltaKind;
  /** Which way is better; null: neither, the change shown without a verdict or colour. */
  up: boolean | null;
  get: (m: Figures) => number | null;
  values?: (m: Figures) => number;
  /** The deals the figure rests on, when it is drawn from a sample (closed or won in the window). */
  sample?: { kind: 'closed' | 'won'; count: (m: Figures) => number };
  /** Made of amounts: "—" when no deal's amount says anything (`tileFigure`). */
  money?: true;
  /** Weighted by stage probability: "—" when every open stage's probability is 0 (`tileFigure`). */
  weighted?: true;
}[] = [
  { key: 'openPipeline', kind: 'money', up: true, money: true, get: (m) => m.pipeline.open_amount },
  { key: 'weightedPipeline', kind: 'money', up: true, money: true, weighted: true, get: (m) => m.pipeline.weighted_amount },
  // Without any expected close date no open deal is due in the period: "0×" would say the pipeline is empty.
  { key: 'coverage', kind: 'multiple', up: true, money: true, get: (m) => (closeDatesMissing(m) ? null : (currentCoverage(m)?.ratio ?? null)) },
  { key: 'winRateByCount', kind: 'rate', up: true, get: (m) => m.win_rate.by_count, sample: { kind: 'closed', count: closedCount } },
  { key: 'winRateByValue', kind: 'rate', up: true, money: true, get: (m) => m.win_rate.by_value, sample: { kind: 'closed', count: closedCount } },
  {
    key: 'medianCycle',
    kind: 'days',
    // Won and lost deals alike: a shorter cycle may be deals lost sooner, so no "better" or "worse".
    up: null,
    get: (m) => m.cycle_length.all.median_days,
    values: (m) => m.cycle_length.all.count,
    sample: { kind: 'closed', count: (m) => m.cycle_length.all.count },
  },
  // Velocity's average won amount and mean won cycle rest on the won deals (fewer than the closed ones its win rate rests on).
  { key: 'salesVelocity', kind: 'perDay', up: true, money: true, get: (m) => m.velocity.per_day, sample: { kind: 'won', count: (m) => m.win_rate.won_count } },
  { key: 'stalledDeals', kind: 'deals', up: false, get: (m) => m.stalled.length },
];

/**
 * A tile's figure from `figures`: none for a figure made of amounts when no deal's amount says anything (none
 * recorded, or every one 0: data-notes.ts `amountsNote` says so first), where "₩0" and "0×" would read as facts.
 */
export function tileFigure(ctx: PageContext, spec: (typeof TILE_SPECS)[number], figures: Figures): number | null {
  return amountsSayNothing(ctx, spec) || probabilitiesSayNothing(ctx, spec) ? null : spec.get(figures);
}

/** A tile weighted by stage probability when the config gives every open stage 0 (data-notes.ts `noStageProbabilities`). */
function probabilitiesSayNothing(ctx: PageContext, spec: Pick<(typeof TILE_SPECS)[number], 'weighted'> | undefined): boolean {
  return spec?.weighted === true && noStageProbabilities(ctx);
}

/** A tile made of amounts in data whose amounts say nothing (none recorded, or every one 0). */
function amountsSayNothing(ctx: PageContext, spec: Pick<(typeof TILE_SPECS)[number], 'money'> | undefined): boolean {
  return spec?.money === true && ctx.site.inputs.amounts !== null;
}

function closedCount(m: Figures): number {
  return m.win_rate.won_count + m.win_rate.lost_count;
}

/** The coverage row of the period containing as_of (the month's before the quarter's), not the next one. */
function currentCoverage(m: Figures): Figures['coverage'][number] | undefined {
  return m.coverage.find((r) => r.when === 'current');
}

/** The current period's target is already won: nothing remains, so coverage (÷ what remains) has no value. */
function targetMet(m: Figures): boolean {
  const row = currentCoverage(m);
  return row !== undefined && row.remaining === 0;
}

/**
 * A tile's change from `previous` (the figure at `previousDate`) to `current` (null: no change to show),
 * in the tile's unit, what it is against, and whether it is good news: the overview's, the "What
 * changed" page's and the digest's.
 */
export function tileChange(
  ctx: PageContext,
  spec: (typeof TILE_SPECS)[number],
  current: number | null,
  previous: number | null,
  previousDate: string,
): Pick<TileModel, 'delta' | 'good' | 'verdict' | 'since'> {
  const delta = current !== null && previous !== null ? ctx.f.signedDelta(current, previous, spec.kind) : null;
  const good = !delta || delta.direction === 'flat' || delta.direction === null || spec.up === null ? null : (delta.direction === 'up') === spec.up;
  const verdict = good === null ? null : good ? ctx.m.tiles.better : ctx.m.tiles.worse;
  return { delta, good, verdict, since: delta ? ctx.m.tiles.since({ date: previousDate }, ctx.f) : null };
}

/**
 * Why a tile with a figure now shows no change (`TileModel.noChange`): the figure had no value at the earlier date.
 * `previous` is the figures then, null when the page shows no change at all (it says why once, for every tile).
 * The coverage names its reason (that period's target already met, or no target then); the others, that there is no
 * figure then.
 */
export function tileNoChange(ctx: PageContext, spec: (typeof TILE_SPECS)[number], current: number | null, previous: Figures | null, previousDate: string): string | null {
  if (current === null || previous === null || spec.get(previous) !== null) return null;
  const { m, f } = ctx;
  if (spec.key === 'coverage') {
    const row = currentCoverage(previous);
    if (row === undefined) return m.tiles.noComparisonTarget({ date: previousDate }, f);
    if (row.remaining === 0) return m.tiles.noComparisonMet({ date: previousDate, period: row.period }, f);
  }
  return m.tiles.noComparison({ date: previousDate }, f);
}

/**
 * "Only 6 closed deals — too few to rely on" under a figure drawn from fewer
 * than MIN_SAMPLE deals: the small-sample rule of the charts' takeaways
 * (`isSmall`), for the headline figures. A figure of no deal at all reads "—"
 * and its detail says why.
 */
export function tileFew(ctx: PageContext, sample: (typeof TILE_SPECS)[number]['sample']): string | null {
  if (!sample) return null;
  const count = sample.count(ctx.site.metrics);
  if (!isSmall(count)) return null;
  return sample.kind === 'won' ? ctx.m.small.tileWon({ count }, ctx.f) : ctx.m.small.tileClosed({ count }, ctx.f);
}

/** A tile's 12-month sparkline, linking to its chart on the Trends page; null without one. */
export function tileTrend(ctx: PageContext, key: string): TileModel['trend'] {
  const spark = tileSparkline(ctx, key);
  const figure = TREND_FIGURES.find((t) => t.key === key);
  if (!spark || !figure) return null;
  // Too few values for a line: the sentence as text in the tile, where it wraps (drawn in the 120-unit SVG it ran out of the tile).
  const drawn = ctx.site.trends.filter((p) => Number.isFinite(figure.get(p))).length >= 2;
  return { svg: drawn ? spark.svg : null, href: `${ctx.href('trends')}#${trendId(figure.key)}`, takeaway: spark.takeaway, link: ctx.m.tiles.trendLink };
}

/**
 * A tile's figure as shown. `figures`, the metrics the value was read from, tells a coverage of no
 * value apart: a period whose target is already won has no target left to cover ("Target met"), not
 * a missing figure.
 */
export function tileValue(ctx: PageContext, key: string, value: number | null, figures?: Figures): string {
  const { f } = ctx;
  switch (key) {
    case 'coverage':
      return value === null && figures && targetMet(figures) ? ctx.m.tiles.targetMet : f.multiple(value);
    case 'winRateByCount':
    case 'winRateByValue':
      return f.percent(value);
    case 'medianCycle':
      return f.days(value);
    case 'salesVelocity':
      return f.perDay(value);
    case 'stalledDeals':
      // With its unit ('32 deals', '32건'): a bare number reads as no unit in Korean.
      return f.deals(value);
    default:
      return f.moneyCompact(value);
  }
}

/** A tile's second line, of the figures at as_of: the overview's, and "What changed"'s (whose later date is as_of). */
export function tileDetail(ctx: PageContext, key: string): string | null {
  const { site, m, f } = ctx;
  const now = site.metrics;
  // No amount says anything: the money tiles read "—" (tileFigure), their amounts would all be 0.
  const spec = TILE_SPECS.find((s) => s.key === key);
  if (amountsSayNothing(ctx, spec)) return m.tiles.noAmounts;
  // Every open stage's probability is 0: "—", not "₩0" (the page's note says how to set them).
  if (probabilitiesSayNothing(ctx, spec)) return m.tiles.noProbabilities;
  switch (key) {
    case 'openPipeline': {
      // Deals without an amount count as 0 in the figure: how many, beside the count.
      const { count } = openWithoutAmount(ctx);
      const deals = m.common.dealCount({ count: now.pipeline.open_count }, f);
      return count === 0 || site.inputs.amounts !== null ? deals : joinItems([deals, m.tiles.withoutAmount({ count }, f)]);
    }
    case 'coverage': {
      const row = currentCoverage(now);
      if (row && row.remaining === 0) return m.tiles.coverageMet({ period: row.period, won: row.won_amount, target: row.target_amount }, f);
      if (row && closeDatesMissing(now)) return joinItems([f.period(row.period), m.tiles.coverageNoCloseDates]);
      if (row) {
        // Coverage counts the open deals due earlier in the period whose dates have passed (metrics.md); on a month's
        // last days they can be half of it (the sample on 30 June: ₩3.75B of ₩6.1B), so the tile says how much.
        const late = pastDueIn(ctx, row.period);
        const pastDue = late.length > 0 ? [m.tiles.coveragePastDue({ amount: amountOf(late) }, f)] : [];
        return joinItems([f.period(row.period), m.tiles.coverageParts({ open: row.open_amount, remaining: row.remaining }, f), ...pastDue]);
      }
      return ctx.filter?.targets === 'none' ? m.tiles.noTargetFilter : m.tiles.noTarget;
    }
    // No deal closed in the window: "—" with why, not "0 / 0".
    case 'winRateByCount':
      if (closedCount(now) === 0) return m.tiles.noClosed;
      return `${f.count(now.win_rate.won_count)} / ${f.count(closedCount(now))}`;
    case 'winRateByValue':
      if (closedCount(now) === 0) return m.tiles.noClosed;
      return `${f.moneyCompact(now.win_rate.won_amount)} / ${f.moneyCompact(now.win_rate.won_amount + now.win_rate.lost_amount)}`;
    case 'medianCycle':
      if (now.cycle_length.all.count === 0) return m.tiles.noClosed;
      return m.common.dealCount({ count: now.cycle_length.all.count }, f);
    case 'salesVelocity': {
      // "—" says why: no deal won in the window, or a mean won cycle of 0 days.
      const why = velocityMissing(ctx);
      return why === 'noWon' ? m.tiles.velocityNoWon : why === 'zeroCycle' ? m.tiles.velocityZeroCycle : null;
    }
    case 'stalledDeals':
      // What the stalled deals are worth: the same open deals the stalled page lists (nothing to say without amounts).
      if (site.inputs.amounts !== null) return null;
      return f.moneyCompact(site.open_deals.reduce((sum, d) => sum + (d.stalled ? d.amount : 0), 0));
    default:
      return null;
  }
}
