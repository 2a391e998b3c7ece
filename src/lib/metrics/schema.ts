/**
 * The zod schema of metrics.json: the boundary between the engine and the
 * site. Output is validated against it before it is written; the site
 * validates it again on read. Key order here is the key order of the file.
 */
import { z } from 'zod';

// zod 4's numbers are finite: it refuses Infinity and NaN (tests/unit/quick-check.test.ts holds it to that).
const num = z.number();
const nullableNum = num.nullable();
const count = z.int().nonnegative();
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

const amountRow = z.strictObject({ count, amount: num });
const stats3 = z.strictObject({ count, mean_days: nullableNum, median_days: nullableNum, p90_days: nullableNum });
const reasonRow = z.strictObject({ reason: z.string(), count, amount: num });
export const FLAG_NAMES = ['past_expected_close', 'no_keyman', 'budget_unconfirmed', 'pushed'] as const;
const segment = {
  open_count: count,
  open_amount: num,
  won_count: count,
  lost_count: count,
  win_rate: nullableNum,
  median_cycle_days: nullableNum,
  stalled_count: count,
};

export const metricsSchema = z.strictObject({
  schema_version: z.literal(1),
  as_of: localDate,
  window_days: z.int().positive(),
  currency: z.string(),
  generated_from: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  pipeline: z.strictObject({
    stages: z.array(z.strictObject({ stage: z.string(), count, amount: num, weighted_amount: num })),
    open_count: count,
    open_amount: num,
    weighted_amount: num,
  }),
  coverage: z.array(
    z.strictObject({
      period: z.string(),
      when: z.enum(['current', 'next']),
      target_amount: num,
      won_amount: num,
      remaining: num,
      open_amount: num,
      ratio: nullableNum,
      commit_amount: nullableNum,
    }),
  ),
  conversion: z.strictObject({
    cohort_size: count,
    stages: z.array(
      z.strictObject({ stage: z.string(), reached: count, advanced: count, won: count, conversion: nullableNum, win_rate: nullableNum }),
    ),
  }),
  time_in_stage: z.array(
    z.strictObject({
      stage: z.string(),
      visits: count,
      mean_days: nullableNum,
      median_days: nullableNum,
      p75_days: nullableNum,
      p90_days: nullableNum,
    }),
  ),
  cycle_length: z.strictObject({ won: stats3, lost: stats3, all: stats3 }),
  win_rate: z.strictObject({
    won_count: count,
    lost_count: count,
    by_count: nullableNum,
    won_amount: num,
    lost_amount: num,
    by_value: nullableNum,
  }),
  velocity: z.strictObject({
    per_day: nullableNum,
    open_count: count,
    win_rate: nullableNum,
    avg_won_amount: nullableNum,
    mean_won_cycle_days: nullableNum,
  }),
  loss_reasons: z.array(reasonRow),
  win_reasons: z.array(reasonRow),
  lost_at_stage: z.array(z.strictObject({ stage: z.string(), count, amount: num })),
  competitors: z.array(z.strictObject({ competitor: z.string(), won: count, lost: count, win_rate: nullableNum })),
  stalled: z.array(
    z.strictObject({
      deal_id: z.string(),
      stage: z.string(),
      days_in_stage: num,
      threshold_days: num,
      flags: z.array(z.enum(FLAG_NAMES)),
    }),
  ),
  repurchase: z.array(
    z.strictObject({
      account_id: z.string(),
      product: z.string(),
      deal_id: z.string(),
      base_date: localDate,
      next_purchase_at: localDate,
      status: z.enum(['covered', 'overdue', 'upcoming', 'later']),
      amount: num,
    }),
  ),
  forecast: z.array(
    z.strictObject({
      bucket: z.union([z.enum(['overdue', 'later', 'unscheduled']), month]),
      count,
      amount: num,
      weighted_amount: num,
      commit_amount: nullableNum,
      best_case_amount: nullableNum,
    }),
  ),
  forecast_accuracy: z.array(
    z.strictObject({
      month,
      forecast_count: count,
      forecast_amount: num,
      forecast_weighted: num,
      won_count: count,
      won_amount: num,
      won_from_forecast: count,
      ratio: nullableNum,
    }),
  ),
  intake: z.array(z.strictObject({ month, count, amount: num })),
  waterfall: z.strictObject({
    start: amountRow,
    new: amountRow,
    won: amountRow,
    lost: amountRow,
    removed: amountRow,
    reopened: amountRow,
    end: amountRow,
    advanced: amountRow,
    moved_back: amountRow,
    unchanged: amountRow,
  }),
  slippage: z
    .strictObject({ pushes_in_window: count, open_deals_pushed: count, share_pushed: nullableNum })
    .nullable(),
  by_owner: z.array(z.strictObject({ owner: z.string(), ...segment })),
  by_team: z.array(z.strictObject({ team: z.string(), ...segment })),
  data_quality: z.strictObject({
    files: z.record(z.string(), z.strictObject({ rows: count, accepted: count, rejected: count })),
    issues: z.array(
      z.strictObject({
        file: z.string(),
        line: z.int().nonnegative(),
        column: z.string(),
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        message: z.string(),
      }),
    ),
  }),
});

export type Metrics = z.infer<typeof metricsSchema>;

/**
 * Another run's figures, as the site compares with them: its metrics without data_quality. The issues
 * are the same files' (a snapshot's, its own), listed once, in the run the page is about; a copy per
 * run compared with made the site's data three times a million rejected rows.
 */
export const figuresSchema = metricsSchema.omit({ data_quality: true });

export type Figures = z.infer<typeof figuresSchema>;

export function figuresOf(metrics: Metrics): Figures {
  // Copied as descriptors, not values: a filtered page's metrics are computed as they are read (filters/engine.ts).
  const { data_quality: _issuesListedOnce, ...descriptors } = Object.getOwnPropertyDescriptors(metrics);
  return Object.defineProperties({}, descriptors) as Figures;
}
