/**
 * Honest absence: what the data cannot support, detected from the site
 * manifest, and the sentence a page shows instead of a misleading zero or a
 * conclusion drawn from a handful of deals. Every sentence says what is
 * missing and how to get it; the words are in the message catalogues.
 */
import { DEFAULT_STALL_DAYS, MIN_VISITS_FOR_P90 } from '../../metrics/stalled.ts';
import { LOCALE_TAGS, UNSPECIFIED } from '../../i18n/index.ts';
import type { Metrics } from '../../metrics/types.ts';
import { addDays } from '../../time.ts';
import { periodDates } from '../../filters/filter.ts';
import { COMPARE_DAYS } from '../site-data.ts';
import type { PageContext } from './context.ts';
import { historyAdvice } from './file-advice.ts';

/** Takeaways drawn from fewer deals than this say the sample is small instead of concluding. */
export const MIN_SAMPLE = 10;

/** Medians and percentiles of fewer values than this are marked (`*`) as too few to rely on. */
export const MIN_QUANTILE_VALUES = 5;

/** Whether `n` deals (more than none) are too few to conclude from. */
export function isSmall(n: number): boolean {
  return n > 0 && n < MIN_SAMPLE;
}

/** Whether a median or percentile of `n` values (more than none) is too few to rely on: shown with ROUGH_MARK and the `rough` note. */
export function isFewValues(n: number): boolean {
  return n > 0 && n < MIN_QUANTILE_VALUES;
}

/**
 * Why the figures at `date` are no base for a change: the data's first record is after it (null: it is), so
 * they are those of an empty CRM, and a change from them would read as growth from nothing. The sentence
 * says so in place of "vs 30 days earlier" (`days` before as_of).
 */
export function beforeDataNote(ctx: PageContext, date: string): string | null {
  const first = ctx.site.inputs.oldest_record;
  if (first !== null && first <= date) return null;
  return ctx.m.common.beforeData({ date, first }, ctx.f);
}

/**
 * The target periods of `periods` that began before the data's first record (a CRM adopted in the middle of a
 * quarter, an export of recent deals only): what was won in them before then is not in the data, so their won,
 * attainment and coverage read low, which the sentence says (null when every period began on or after it).
 */
export function periodsBeforeDataNote(ctx: PageContext, periods: readonly string[]): string | null {
  const first = ctx.site.inputs.oldest_record;
  if (first === null || first > ctx.site.as_of) return null;
  // The one that began first leads (the quarter, then its month): the date to export from is its start.
  const early = periods.map((period) => ({ period, from: periodDates(period).from })).filter((p) => p.from < first);
  early.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (early.length === 0) return null;
  return ctx.m.absence.periodBeforeData({ first, periods: early.map((p) => p.period), since: early[0]!.from }, ctx.f);
}

/** The export has only each deal's current stage (no stage history). */
export function currentVisitOnly(ctx: PageContext): boolean {
  return ctx.site.source.limitations.includes('current_visit_only');
}

/** "Not available: ... To see it, <advice>." for a chart that needs stage history. */
export function historyUnavailable(ctx: PageContext): string {
  return ctx.m.absence.historyUnavailable({ advice: historyAdvice(ctx) });
}

/** Changes against the earlier date need history; without it the tiles show no change. */
export function trendsUnavailable(ctx: PageContext): string {
  return ctx.m.absence.trendsUnavailable({ advice: historyAdvice(ctx), days: COMPARE_DAYS }, ctx.f);
}

/** A filtered view whose filter matches no deal: its notes say so instead of naming a file to add. */
export function filterMatchesNone(ctx: PageContext): boolean {
  return ctx.filter !== undefined && ctx.filter.matched === 0;
}

/** Why the repurchase schedule is empty when no won deal has a lifecycle (or nothing was won). */
export function repurchaseNote(ctx: PageContext): string | null {
  const { inputs, metrics } = ctx.site;
  if (metrics.repurchase.length > 0) return null;
  if (filterMatchesNone(ctx)) return ctx.m.absence.filterMatchesNone;
  if (inputs.won_deals === 0) return ctx.m.absence.noWonDeals;
  if (inputs.won_with_lifecycle > 0) return null;
  // Lifecycles configured for products the won deals cannot be matched to say that, not "set lifecycles".
  const gap = inputs.lifecycle_gap;
  if (gap?.reason === 'no_product_column') return ctx.m.absence.lifecycleNoProductColumn({ count: gap.configured.length }, ctx.f);
  if (gap?.reason === 'products_unmatched') return ctx.m.absence.lifecycleProductsUnmatched({ products: gap.configured });
  return ctx.m.absence.noLifecycle;
}

/** Every closed deal of `reasons` lacks a reason (and there is at least one). */
function unrecorded(reasons: Metrics['loss_reasons']): number | null {
  const total = reasons.reduce((n, r) => n + r.count, 0);
  return total > 0 && reasons.every((r) => r.reason === UNSPECIFIED || r.reason.trim() === '') ? total : null;
}

export function lossReasonsNote(ctx: PageContext): string | null {
  const n = unrecorded(ctx.site.metrics.loss_reasons);
  return n === null ? null : ctx.m.absence.lossReasonsUnrecorded({ count: n }, ctx.f);
}

export function winReasonsNote(ctx: PageContext): string | null {
  const n = unrecorded(ctx.site.metrics.win_reasons);
  return n === null ? null : ctx.m.absence.winReasonsUnrecorded({ count: n }, ctx.f);
}

/**
 * Why the competitors chart (and its table) is empty: no deal closed in the
 * window, or none of those that did names a competitor (then: how to record
 * it). Null when a competitor is named.
 */
export function competitorsNote(ctx: PageContext): string | null {
  const { metrics } = ctx.site;
  if (metrics.competitors.length > 0) return null;
  const closed = metrics.win_rate.won_count + metrics.win_rate.lost_count;
  return closed === 0 ? ctx.m.empty.noClosed : ctx.m.absence.competitorsUnrecorded({ count: closed }, ctx.f);
}

/**
 * A stage's conversion (advanced / reached, metrics `conversion`) when none
 * of the deals that reached it has left it yet (none moved on, none lost
 * there: all still open in it) is 0 in metrics.json but no drop-off: there is
 * nothing to convert from yet. The funnel shows "—" and says why.
 */
export function conversionPending(stage: { reached: number; advanced: number }, lostHere: number): boolean {
  return stage.reached > 0 && stage.advanced === 0 && lostHere === 0;
}

/** The stages of the funnel whose conversion is pending (conversionPending), in sequence order. */
export function pendingConversionStages(ctx: PageContext): { ids: string[]; open: number } {
  const lost = new Map(ctx.site.funnel_outcomes.map((o) => [o.stage, o]));
  const ids: string[] = [];
  let open = 0;
  for (const s of ctx.site.metrics.conversion.stages) {
    const o = lost.get(s.stage);
    if (!conversionPending(s, o?.lost ?? 0)) continue;
    ids.push(s.stage);
    open += o?.open ?? 0;
  }
  return { ids, open };
}

/** Why a stage's conversion reads "—": none of its deals has left it yet. Null when every reached stage has a conversion, or without stage history (the funnel is unavailable then). */
export function conversionPendingNote(ctx: PageContext): string | null {
  if (currentVisitOnly(ctx)) return null;
  const { ids, open } = pendingConversionStages(ctx);
  if (ids.length === 0) return null;
  const stages = new Intl.ListFormat(LOCALE_TAGS[ctx.locale], { type: 'conjunction' }).format(ids.map((id) => ctx.stage(id)));
  return ctx.m.absence.conversionPending({ stages, count: ids.length, open }, ctx.f);
}

/**
 * Why sales velocity (metrics `velocity.per_day`) is null: no deal won in the
 * window (no average won amount, no won cycle), or a mean won cycle of 0
 * days. Null when velocity has a value.
 */
export function velocityMissing(ctx: PageContext): 'noWon' | 'zeroCycle' | null {
  const v = ctx.site.metrics.velocity;
  if (v.per_day !== null) return null;
  if (ctx.site.metrics.win_rate.won_count === 0 || v.avg_won_amount === null || v.mean_won_cycle_days === null) return 'noWon';
  return v.mean_won_cycle_days === 0 ? 'zeroCycle' : null;
}

/** The Velocity page's sentence for velocityMissing. */
export function velocityNote(ctx: PageContext): string | null {
  const why = velocityMissing(ctx);
  if (why === null) return null;
  if (why === 'zeroCycle') return ctx.m.absence.velocityZeroCycle;
  return ctx.m.absence.velocityNoWon({ from: addDays(ctx.site.as_of, 1 - ctx.site.metrics.window_days), to: ctx.site.as_of }, ctx.f);
}

/** Unparked stages whose stall threshold is the default because too few visits ended in the window, in sequence order. */
export function defaultStallStages(ctx: PageContext): string[] {
  return ctx.site.stages.filter((s) => s.kind === 'open' && ctx.stall(s.id).basis === 'default').map((s) => s.id);
}

export function stallDefaultNote(ctx: PageContext): string | null {
  const ids = defaultStallStages(ctx);
  if (ids.length === 0) return null;
  // 'Proposal and Negotiation' / '제안 및 협상'.
  const stages = new Intl.ListFormat(LOCALE_TAGS[ctx.locale], { type: 'conjunction' }).format(ids.map((id) => ctx.stage(id)));
  return ctx.m.absence.stallDefault({ stages, count: ids.length, visits: MIN_VISITS_FOR_P90, days: DEFAULT_STALL_DAYS }, ctx.f);
}

/** Notes without the nulls, each once (a filter that matches no deal says so once, not per figure). */
export function notes(...items: (string | null | false | undefined)[]): string[] {
  return [...new Set(items.filter((x): x is string => typeof x === 'string' && x !== ''))];
}
