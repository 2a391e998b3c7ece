/**
 * The site manifest: everything the Astro pages render, extracted once by
 * `scripts/build.ts` and validated here on both sides of the boundary (as
 * Evidence separates extract from render). Pages never see a Dataset.
 */
import { z } from 'zod';
import { figuresSchema, metricsSchema } from '../metrics/schema.ts';
import { changesSchema } from './changes.ts';
import { accountSchema, openDealSchema, removedDealSchema, wonDealSchema } from './deal-schemas.ts';
import { filterMetaSchema, filtersOffSchema } from './filter-meta-schema.ts';
import { snapshotEntrySchema } from './snapshots.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.record(z.string(), z.string());

export const stageMetaSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['open', 'won', 'lost']),
  probability: z.number(),
  label: text,
  buyer_step: text.nullable(),
  /** Open, but outside the funnel's sequence (config `parked`): listed after the sequence, never as its last step. */
  parked: z.boolean(),
});

/** How an open stage's stall threshold was set: config `stall_days`, its own p90, the 30-day default, or never (parked). */
export const STALL_BASES = ['configured', 'p90', 'default', 'never'] as const;

/** The overview's figures at one date (views/trends.ts): a point of a 12-month trend. */
export const trendPointSchema = z.strictObject({
  as_of: localDate,
  open_count: z.int().nonnegative(),
  open_amount: z.number(),
  weighted_amount: z.number(),
  win_rate_by_count: z.number().nullable(),
  win_rate_by_value: z.number().nullable(),
  median_cycle_days: z.number().nullable(),
  velocity_per_day: z.number().nullable(),
  stalled_count: z.int().nonnegative(),
});

/** An owner's or team's target for the period, won in it, attainment, weighted pipeline, commit and best case (metrics/targets.ts). */
export const segmentTargetRowSchema = z.strictObject({
  name: z.string(),
  /** URL-safe, unique slug of the owner's page (owners only; null for teams). */
  slug: z.string().nullable(),
  /** An owner's teams: those of their deals that exist at T (an owner with no open deal has a team too); none for a team. */
  teams: z.array(z.string()),
  target_amount: z.number().nullable(),
  won_amount: z.number(),
  attainment: z.number().nullable(),
  weighted_amount: z.number(),
  /** The open deals due in the period marked commit, or commit or best case; null without forecast categories. */
  commit_amount: z.number().nullable(),
  best_case_amount: z.number().nullable(),
});

export const segmentTargetsSchema = z.strictObject({
  period: z.string(),
  has_targets: z.boolean(),
  rows: z.array(segmentTargetRowSchema),
});

/** One grouping's rows of `grouped_outcomes`; null without the column it groups by. */
const groupOutcomesSchema = z
  .array(
    z.strictObject({
      name: z.string(),
      open_count: z.int().nonnegative(),
      open_amount: z.number(),
      won_count: z.int().nonnegative(),
      lost_count: z.int().nonnegative(),
      won_amount: z.number(),
      win_rate: z.number().min(0).max(1).nullable(),
      median_cycle_days: z.number().nullable(),
    }),
  )
  .nullable();

export const siteDataSchema = z.strictObject({
  schema_version: z.literal(1),
  as_of: localDate,
  previous_as_of: localDate,
  currency: z.string(),
  timezone: z.string(),
  default_locale: z.enum(['en', 'ko']),
  waterfall_days: z.int().positive(),
  data_label: z.string(),
  stages: z.array(stageMetaSchema),
  /** Config `labels`: words per language for the codes in the data (reasons, sources, ...). */
  labels: z.record(z.string(), text),
  /** Config `deal_url`, where deal names link (site-data.ts `dealUrl`); null: no links. */
  deal_url: z.string().nullable(),
  /** metrics.json's figures; data_quality.issues holds the first ISSUES_PER_KIND of each kind only (issue-kinds.ts). */
  metrics: metricsSchema,
  /** Every kind of issue (file, code, severity), with its count and its first issue. */
  issue_kinds: z.array(z.strictObject({ file: z.string(), code: z.string(), severity: z.enum(['error', 'warning']), count: z.int().positive(), first: metricsSchema.shape.data_quality.shape.issues.element })),
  /** Per coverage period, the best-case part of open_amount (metrics/coverage.ts coverageWithBestCase); not in metrics.json. */
  coverage_best_case: z.array(z.strictObject({ period: z.string(), best_case_amount: z.number().nullable() })),
  /** The figures 30 days earlier (without data_quality: see figuresSchema). */
  previous: figuresSchema,
  /** The 12-month trend, oldest first: month ends, then as_of (empty without stage history: the past cannot be rebuilt). */
  trends: z.array(trendPointSchema),
  /**
   * The stall threshold in days the engine used per open stage, as [stage id, days]. Pairs, not a record: a stage
   * id is the config's, and a record would lose one named `__proto__` on parsing (read them through a Map:
   * PageContext `stall`).
   */
  stall_thresholds: z.array(z.tuple([z.string(), z.number().nullable()])),
  /** How each open stage's threshold was set, as [stage id, basis]. */
  stall_basis: z.array(z.tuple([z.string(), z.enum(STALL_BASES)])),
  /**
   * For each open stage whose threshold is learned ('p90' or 'default'), how many of its visits ended in the
   * analysis window: what the threshold is learned from, or too few to. All deals' under a filter too (the
   * thresholds stay the company's, filters/recompute.ts); a stage with a configured or no threshold has none.
   */
  stall_visits: z.array(z.tuple([z.string(), z.int().nonnegative()])),
  /** Which export the data came from and what that kind of export cannot tell (Dataset.source). */
  source: z.strictObject({ format: z.string(), limitations: z.array(z.string()) }),
  /** What the pages need to tell a missing input from a true zero. */
  inputs: z.strictObject({
    /** Whether the data has a targets.csv (the owners page tells a missing file from one without owner or team targets). */
    targets_file: z.boolean(),
    /** Company-wide rows of targets.csv (0 when the file is absent). */
    company_targets: z.int().nonnegative(),
    /**
     * When no deal's amount says anything: `none`, no deal has one (deals.csv's and field_history.csv's amounts all
     * empty); `all_zero`, every one is 0. Every amount then reads 0, so every page says so first (data-notes.ts).
     */
    amounts: z.enum(['none', 'all_zero']).nullable(),
    /** Deals won at T, and how many of them have a product lifecycle (deal or config). */
    won_deals: z.int().nonnegative(),
    won_with_lifecycle: z.int().nonnegative(),
    /**
     * Why no won deal has a lifecycle, when none has: none configured (the config names no product, and no won
     * deal has its own lifecycle_months); configured, but deals.csv has no product column; or no won deal's product is one of them.
     * `configured`: the products the config gives a lifecycle, as named there.
     */
    lifecycle_gap: z.strictObject({ reason: z.enum(['none_configured', 'no_product_column', 'products_unmatched']), configured: z.array(z.string()) }).nullable(),
    /** The local date of the newest change the data records before T (model/freshness.ts; all deals' under a filter); null: none. */
    newest_change: localDate.nullable(),
    /**
     * The local date of the first thing the data records, a deal created or a stage entered (model/freshness.ts
     * `oldestRecordDate`; all deals' under a filter); null: none. Before it the data knows of no deal: the
     * pages compare with no date before it (no change "from ₩0") and the trends start at it.
     */
    oldest_record: localDate.nullable(),
    /** Whether the data has an accounts.csv (account pages tell its planning facts missing). */
    accounts_file: z.boolean(),
    /**
     * The files the deals were read from: deals.csv, or the CRM's export under its own name (Dataset `dealFiles`), whose
     * rejected rows every page counts first when they are most of them (data-notes.ts).
     */
    deals_files: z.array(z.string()),
    /**
     * Files not read that are a missing canonical file under another name (`targets (1).csv`: ingest/renamed-files.ts):
     * a page that needs the file says to rename them, not to add it.
     */
    renamed_files: z.array(z.strictObject({ file: z.string(), canonical: z.string() })),
    /** The optional deals.csv columns the account pages' deal lists show, when present (a list without them says nothing of them). */
    deal_columns: z.array(z.enum(['keyman', 'competitor', 'lost_reason', 'win_reason'])),
    /**
     * Whether the qualification flags can be raised (metrics/stalled.ts `qualificationChecks`): the stage
     * they start at (null: off), and per flag `checked`, `no_column` (deals.csv lacks it) or `off`.
     */
    qualification: z.strictObject({
      from: z.string().nullable(),
      no_keyman: z.enum(['checked', 'no_column', 'off']),
      budget_unconfirmed: z.enum(['checked', 'no_column', 'off']),
    }),
  }),
  /** Per stage of the funnel's sequence: cohort deals that stopped there and are still open, and those lost there. */
  funnel_outcomes: z.array(z.strictObject({ stage: z.string(), open: z.int().nonnegative(), lost: z.int().nonnegative() })),
  /** The owner (deals.csv) of each `metrics.repurchase` row's deal, in its order: who sold the last purchase. */
  repurchase_owners: z.array(z.string()),
  /** The `metrics.repurchase` rows (their indices) whose deal's amount is unknown at T (counted as 0): the page says "No amount". */
  repurchase_amount_unknown: z.array(z.int().nonnegative()),
  /**
   * Each `covered` row of `metrics.repurchase` (its index): its follow-up deals (the other deals of its account and
   * product created after its base date) by state at T. metrics.md counts a lost one as covering the row too.
   */
  /** Each product of `metrics.repurchase`: its median sales cycle of the deals won in the window (null: fewer than 5 won), to count back from a due date. */
  repurchase_lead_times: z.array(z.strictObject({ product: z.string(), median_days: z.number().nullable(), won: z.int().nonnegative() })),
  repurchase_follow_ups: z.array(
    z.strictObject({ row: z.int().nonnegative(), open: z.int().nonnegative(), won: z.int().nonnegative(), lost: z.int().nonnegative() }),
  ),
  /** Per open stage (config order): the won deals closed in the window that spent time in it, and the quantiles of their days there: metrics/conversion.ts `wonTimeInStage`. */
  won_time_in_stage: z.array(
    z.strictObject({ stage: z.string(), deals: z.int().nonnegative(), median_days: z.number().nonnegative().nullable(), p90_days: z.number().nonnegative().nullable() }),
  ),
  /**
   * Lost deals closed in the window per loss reason (metrics `loss_reasons` order), by open stage lost at (`counts`,
   * `lost_at_stage` order) and by the furthest stage of the sequence reached (`reached`, by sequence index):
   * metrics/win-loss.ts `lossReasonsByStage`.
   */
  loss_reasons_by_stage: z.array(z.strictObject({ reason: z.string(), counts: z.array(z.int().nonnegative()), reached: z.array(z.int().nonnegative()) })),
  /**
   * The deals closed in the window by the calendar quarter they closed in, oldest first, the first and last cut to the
   * window (`from`, `to`): won and lost with their amounts, and the lost by loss reason (metrics `loss_reasons` order):
   * metrics/quarters-closed.ts.
   */
  closed_by_quarter: z.strictObject({
    quarters: z.array(
      z.strictObject({
        quarter: z.string().regex(/^\d{4}-Q[1-4]$/u),
        from: localDate,
        to: localDate,
        won: z.int().nonnegative(),
        lost: z.int().nonnegative(),
        won_amount: z.number(),
        lost_amount: z.number(),
      }),
    ),
    loss_reasons: z.array(z.strictObject({ reason: z.string(), counts: z.array(z.int().nonnegative()) })),
  }),
  /** Deals closed in the window by keyman named or not and budget confirmed or not (null: no such column): metrics/win-loss.ts `qualificationOutcomes`. */
  qualification_outcomes: z.strictObject({
    keyman: z.strictObject({ named: z.strictObject({ won: z.int().nonnegative(), lost: z.int().nonnegative() }), missing: z.strictObject({ won: z.int().nonnegative(), lost: z.int().nonnegative() }) }).nullable(),
    budget: z.strictObject({ confirmed: z.strictObject({ won: z.int().nonnegative(), lost: z.int().nonnegative() }), unconfirmed: z.strictObject({ won: z.int().nonnegative(), lost: z.int().nonnegative() }) }).nullable(),
  }),
  /**
   * Per lead source, per account segment, per industry and per region: deals open at T, and won, lost, won amount and median cycle
   * of those closed in the window (null: no such column): metrics/grouped-outcomes.ts `groupedOutcomes`.
   */
  grouped_outcomes: z.strictObject({ source: groupOutcomesSchema, segment: groupOutcomesSchema, industry: groupOutcomesSchema, region: groupOutcomesSchema }),
  /** Owners with no open deal and no deal activity in the 180 days before T (metrics/quiet-owners.ts; all deals' under a filter), longest quiet first. */
  quiet_owners: z.array(z.strictObject({ owner: z.string(), last_activity: localDate })),
  /** Owners and teams: target, won and attainment in the current period, weighted pipeline. */
  owners: segmentTargetsSchema,
  teams: segmentTargetsSchema,
  /** Deals removed from the CRM before T, latest first. */
  removed_deals: z.array(removedDealSchema),
  /** Deals won in the report date's quarter up to T, largest first. */
  won_this_quarter: z.array(wonDealSchema),
  open_deals: z.array(openDealSchema),
  accounts: z.array(accountSchema),
  accounts_with_pages: z.int().nonnegative(),
  /** Filters in the URL (filters/): the form's choices and the data file; absent without one. */
  filters: filterMetaSchema.optional(),
  /** Present instead of `filters` when the filter data would have been too large. */
  filters_off: filtersOffSchema.optional(),
  /** "What changed": this date compared with an earlier one (views/changes.ts). */
  changes: changesSchema,
  /** Dated snapshots in the output, latest first (views/snapshots.ts); this build's among them when it is one. */
  snapshots: z.array(snapshotEntrySchema),
});

export type SiteData = z.infer<typeof siteDataSchema>;
export type StageMeta = z.infer<typeof stageMetaSchema>;
export type TrendPoint = z.infer<typeof trendPointSchema>;
export type SegmentTargets = z.infer<typeof segmentTargetsSchema>;
export type SegmentTargetRow = z.infer<typeof segmentTargetRowSchema>;
export type StallBasis = (typeof STALL_BASES)[number];
