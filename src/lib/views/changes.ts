/**
 * The "What changed" part of the site manifest: the comparison of the
 * engine's runs at two dates (metrics/compare.ts) with each deal's name,
 * account, owner, and its stage, amount and expected close at both dates.
 * Pure: no clock, no files.
 */
import { z } from 'zod';
import { CHANGE_KINDS, compareRuns } from '../metrics/compare.ts';
import type { MetricsResult } from '../metrics/index.ts';
import { figuresOf, figuresSchema } from '../metrics/schema.ts';
import { amountKnownAt, NONE } from '../model/snapshot.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const amountRow = z.strictObject({ count: z.int().nonnegative(), amount: z.number() });

/** Why the page compares with this date. */
export const COMPARE_BASES = ['snapshot', 'compare_to', 'period'] as const;
export type CompareBasis = (typeof COMPARE_BASES)[number];

export const changeDealSchema = z.strictObject({
  deal_id: z.string(),
  name: z.string(),
  account_id: z.string(),
  account_name: z.string(),
  owner: z.string(),
  /** Stage id at the earlier date; null when the deal did not exist then. */
  stage_from: z.string().nullable(),
  /** Stage id at as-of; null when the deal no longer exists (removed). */
  stage_to: z.string().nullable(),
  amount_from: z.number().nullable(),
  amount_to: z.number(),
  /** The amount at the earlier date / at as-of is unknown (counted as 0): the lists say "No amount" (as openDealSchema's amount_missing). */
  amount_from_missing: z.literal(true).optional(),
  amount_to_missing: z.literal(true).optional(),
  close_from: localDate.nullable(),
  close_to: localDate.nullable(),
});

export const changesSchema = z.strictObject({
  from: localDate,
  to: localDate,
  basis: z.enum(COMPARE_BASES),
  /** Whether field_history.csv tracks changes of these fields (else slipped and amount changes cannot show). */
  tracked: z.strictObject({ expected_close: z.boolean(), amount: z.boolean() }),
  /** Open at `from` / open at `to`, with amounts at `to` (the waterfall's start and end). */
  start: amountRow,
  end: amountRow,
  /** Each kind of change: count, amount at `to`, and the deals as indices into `deals`. */
  groups: z.array(z.strictObject({ kind: z.enum(CHANGE_KINDS), count: z.int().nonnegative(), amount: z.number(), deals: z.array(z.int().nonnegative()) })),
  /** Every deal of any group, once, in deals.csv order. */
  deals: z.array(changeDealSchema),
  /** The deals stalled at `from`, by what they are at `to` (metrics/compare.ts `StalledOutcome`). */
  stalled_then: z.strictObject({
    count: z.int().nonnegative(),
    won: z.int().nonnegative(),
    lost: z.int().nonnegative(),
    removed: z.int().nonnegative(),
    unstalled: z.int().nonnegative(),
    still: z.int().nonnegative(),
  }),
  /** The engine's figures at `from` (the tiles' earlier values; without data_quality: see figuresSchema). */
  from_metrics: figuresSchema,
});

export type Changes = z.infer<typeof changesSchema>;
export type ChangeDeal = z.infer<typeof changeDealSchema>;

export function changesView(from: MetricsResult, to: MetricsResult, basis: CompareBasis): Changes {
  const c = compareRuns(from, to);
  const { dataset, config } = to.context;
  const { atP, atT } = c;
  const involved = [...new Set(c.groups.flatMap((g) => g.deals))].sort((a, b) => a - b);
  const position = new Map(involved.map((d, i) => [d, i]));
  const stageId = (stage: number) => (stage >= 0 ? config.stages[stage]!.id : null);
  const deals = involved.map((d): ChangeDeal => {
    const deal = dataset.deals[d]!;
    const existedAtP = to.context.timelines.created[d]! < c.P;
    return {
      deal_id: deal.id,
      name: deal.name,
      account_id: deal.accountId,
      account_name: deal.accountName,
      owner: deal.owner,
      stage_from: atP.state[d] === NONE ? null : stageId(atP.stage[d]!),
      stage_to: atT.state[d] === NONE ? null : stageId(atT.stage[d]!),
      amount_from: existedAtP ? atP.amount[d]! : null,
      amount_to: atT.amount[d]!,
      ...(existedAtP && !amountKnownAt(to.context, d, c.P) ? { amount_from_missing: true as const } : {}),
      ...(atT.state[d] !== NONE && !amountKnownAt(to.context, d, to.context.T) ? { amount_to_missing: true as const } : {}),
      close_from: existedAtP ? (atP.expectedClose[d] ?? null) : null,
      close_to: atT.expectedClose[d] ?? null,
    };
  });
  return {
    from: c.from,
    to: c.to,
    basis,
    tracked: { expected_close: to.context.replay.expectedClose.size > 0, amount: to.context.replay.amount.size > 0 },
    start: c.start,
    end: c.end,
    groups: c.groups.map((g) => ({ kind: g.kind, count: g.total.count, amount: g.total.amount, deals: g.deals.map((d) => position.get(d)!) })),
    deals,
    stalled_then: c.stalledAtStart,
    from_metrics: figuresOf(from.metrics),
  };
}
