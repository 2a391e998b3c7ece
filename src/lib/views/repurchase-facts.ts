/**
 * What the Repurchase page shows of each `metrics.repurchase` row beyond
 * metrics.json: who sold the last purchase, whether its amount is unknown,
 * and, for a row `covered` by a follow-up deal, what those follow-ups are
 * at T. metrics.md calls a row covered once such a deal exists, open, won or
 * lost; a review reads "covered" as handled, so the page says which.
 * Pure: no clock, no files.
 */
import type { MetricContext } from '../metrics/context.ts';
import { cycleDays } from '../metrics/win-loss.ts';
import type { Metrics } from '../metrics/types.ts';
import { amountKnownAt, LOST, NONE, OPEN, WON } from '../model/snapshot.ts';
import { quantiles } from '../stats.ts';
import { addDays, startOfLocalDate } from '../time.ts';

/** The follow-up deals of one covered row (schema.ts `repurchase_follow_ups`), by their state at T. */
export interface FollowUps {
  /** Index of the row in `metrics.repurchase`. */
  row: number;
  open: number;
  won: number;
  lost: number;
}

/** A product's median sales cycle (created to won) of the deals won in the analysis window (schema.ts `repurchase_lead_times`). */
export interface LeadTime {
  product: string;
  /** Null with fewer than `MIN_LEAD_WON` won deals: too few for a median to count back from. */
  median_days: number | null;
  won: number;
}

/** A repurchase a review acts on now: overdue, or due within 12 months (not later, not covered by a follow-up deal). */
export const isDueSoon = (r: Pick<Metrics['repurchase'][number], 'status'>): boolean => r.status === 'overdue' || r.status === 'upcoming';

/** The fewest won deals of a product whose median cycle the page counts back from (as views/pages/absence.ts MIN_QUANTILE_VALUES). */
export const MIN_LEAD_WON = 5;

export interface RepurchaseDealFacts {
  owners: string[];
  amountUnknown: number[];
  followUps: FollowUps[];
  leadTimes: LeadTime[];
}

/**
 * Of each repurchase row's deal: its owner (schema.ts `repurchase_owners`), whether its amount is unknown at T
 * (`repurchase_amount_unknown`, the rows' indices), and a covered row's follow-ups (`repurchase_follow_ups`): the
 * other deals of its account and product existing at T and created after its base date (metrics/repurchase.ts's
 * rule), by state. deals.csv is read only when there are rows.
 */
export function repurchaseDealFacts(ctx: MetricContext, rows: Metrics['repurchase']): RepurchaseDealFacts {
  if (rows.length === 0) return { owners: [], amountUnknown: [], followUps: [], leadTimes: [] };
  const wanted = new Set(rows.map((r) => r.deal_id));
  const found = new Map<string, { owner: string; amountKnown: boolean }>();
  const { deals } = ctx.dataset;
  for (let d = 0; d < deals.length; d++) if (wanted.has(deals[d]!.id)) found.set(deals[d]!.id, { owner: deals[d]!.owner, amountKnown: amountKnownAt(ctx, d, ctx.T) });
  return {
    owners: rows.map((r) => found.get(r.deal_id)?.owner ?? ''),
    amountUnknown: rows.flatMap((r, i) => (found.get(r.deal_id)?.amountKnown === false ? [i] : [])),
    followUps: followUpsOf(ctx, rows),
    leadTimes: leadTimesOf(ctx, rows),
  };
}

/**
 * How long before a repurchase is due a deal for it should start: its product's median sales cycle, of the deals won
 * in the analysis window (the Velocity page's won cycle, by product), for each product of `rows`.
 */
function leadTimesOf(ctx: MetricContext, rows: Metrics['repurchase']): LeadTime[] {
  const days = new Map<string, number[]>(rows.map((r) => [r.product, []]));
  const { deals } = ctx.dataset;
  for (const d of ctx.closedInWindow) if (ctx.at.state[d] === WON) days.get(deals[d]!.product)?.push(cycleDays(ctx, d));
  return [...days.entries()].map(([product, cycles]) => ({
    product,
    median_days: cycles.length >= MIN_LEAD_WON ? quantiles(cycles, [0.5])[0]! : null,
    won: cycles.length,
  }));
}

function followUpsOf(ctx: MetricContext, rows: Metrics['repurchase']): FollowUps[] {
  // Keyed by account and product as a pair of texts (a Map of Maps: user-supplied names are never object keys).
  const byPair = new Map<string, Map<string, FollowUps & { dealId: string; after: number }>>();
  rows.forEach((r, i) => {
    if (r.status !== 'covered') return;
    let products = byPair.get(r.account_id);
    if (!products) byPair.set(r.account_id, (products = new Map()));
    // "Created later than base_date" = at or after 00:00 of the next local day, as metrics/repurchase.ts has it.
    products.set(r.product, { row: i, open: 0, won: 0, lost: 0, dealId: r.deal_id, after: startOfLocalDate(addDays(r.base_date, 1), ctx.config.timezone) });
  });
  if (byPair.size === 0) return [];
  const { deals } = ctx.dataset;
  const { state } = ctx.at;
  const { created } = ctx.timelines;
  for (let d = 0; d < deals.length; d++) {
    const s = state[d];
    if (s === NONE) continue;
    const slot = byPair.get(deals[d]!.accountId)?.get(deals[d]!.product);
    if (!slot || deals[d]!.id === slot.dealId || created[d]! < slot.after) continue;
    if (s === OPEN) slot.open++;
    else if (s === WON) slot.won++;
    else if (s === LOST) slot.lost++;
  }
  return [...byPair.values()].flatMap((products) => [...products.values()]).map(({ row, open, won, lost }) => ({ row, open, won, lost })).sort((a, b) => a.row - b.row);
}
