/** The manifest's deals (views/schema.ts): the open deals, those removed and won this quarter, and each account with its deals. */
import { z } from 'zod';
import { FORECAST_CATEGORIES } from '../dataset.ts';
import { FLAG_NAMES } from '../metrics/schema.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A deal deleted from the CRM (deals.csv `removed_at`) before T. */
export const removedDealSchema = z.strictObject({
  deal_id: z.string(),
  name: z.string(),
  owner: z.string(),
  /** The stage it was at when it was removed. */
  stage: z.string(),
  /** Its amount at T (the amount the waterfall's `removed` row counts). */
  amount: z.number(),
  /** The amount is unknown at T (counted as 0): the list says "No amount", as openDealSchema's. */
  amount_missing: z.literal(true).optional(),
  removed: localDate,
});

/** A deal won in the report date's quarter up to T (views/won-deals.ts): the Forecast page's "Won this quarter". */
export const wonDealSchema = z.strictObject({
  deal_id: z.string(),
  name: z.string(),
  account_id: z.string(),
  account_name: z.string(),
  owner: z.string(),
  product: z.string(),
  /** Its amount at T (what coverage's won amount adds up). */
  amount: z.number(),
  amount_missing: z.literal(true).optional(),
  closed: localDate,
});

export const openDealSchema = z.strictObject({
  deal_id: z.string(),
  name: z.string(),
  account_id: z.string(),
  account_name: z.string(),
  owner: z.string(),
  team: z.string(),
  product: z.string(),
  stage: z.string(),
  amount: z.number(),
  weighted_amount: z.number(),
  /** The amount at T is unknown (empty in deals.csv, or replayed empty): `amount` is 0 as the metrics count it, and the lists say so. */
  amount_missing: z.literal(true).optional(),
  expected_close: localDate.nullable(),
  days_in_stage: z.number(),
  threshold_days: z.number().nullable(),
  stalled: z.boolean(),
  flags: z.array(z.enum(FLAG_NAMES)),
  pushes: z.int().nonnegative(),
  /** The expected close its first push moved from (model/pushes.ts `firstPushedFrom`); null when it was never pushed. */
  pushed_from: localDate.nullable(),
  /** deals.csv `forecast_category` (input.md); null when the cell is empty or unreadable, or the column is absent. */
  forecast_category: z.enum(FORECAST_CATEGORIES).nullable(),
});

export const accountDealSchema = z.strictObject({
  deal_id: z.string(),
  name: z.string(),
  product: z.string(),
  owner: z.string(),
  state: z.enum(['open', 'won', 'lost']),
  stage: z.string(),
  amount: z.number(),
  /** The amount at T is unknown: `amount` is 0 as the metrics count it, and the list says "No amount" (as openDealSchema's). */
  amount_missing: z.literal(true).optional(),
  created: localDate,
  closed: localDate.nullable(),
  expected_close: localDate.nullable(),
  keyman: z.string(),
  competitor: z.string(),
  /** Why it was won or lost: deals.csv `win_reason` of a won deal, `lost_reason` of a lost one (trimmed; '' when none, and for an open deal). */
  reason: z.string(),
  /** Stage visits before T: [stage id, local start date]. */
  visits: z.array(z.tuple([z.string(), localDate])),
});

export const accountSchema = z.strictObject({
  account_id: z.string(),
  /** URL-safe, unique slug for the account page. */
  slug: z.string(),
  name: z.string(),
  industry: z.string(),
  segment: z.string(),
  region: z.string(),
  keyman: z.string(),
  relationship: z.string(),
  budget_cycle_month: z.int().min(1).max(12).nullable(),
  installed_competitor: z.string(),
  notes: z.string(),
  open_count: z.int().nonnegative(),
  open_amount: z.number(),
  won_count: z.int().nonnegative(),
  won_amount: z.number(),
  /** Whether this account has its own page (large data sets limit the pages). */
  has_page: z.boolean(),
  deals: z.array(accountDealSchema),
});

export type OpenDealRow = z.infer<typeof openDealSchema>;
export type AccountView = z.infer<typeof accountSchema>;
export type AccountDeal = z.infer<typeof accountDealSchema>;
export type RemovedDeal = z.infer<typeof removedDealSchema>;
export type WonDeal = z.infer<typeof wonDealSchema>;
