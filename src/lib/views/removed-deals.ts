/** The deals removed from the CRM before the report date (the manifest's `removed_deals`). */
import type { MetricContext } from '../metrics/context.ts';
import { amountKnownAt } from '../model/snapshot.ts';
import { visitsBefore } from '../model/timeline.ts';
import { byCodePoint } from '../stats.ts';
import { localDateOf } from '../time.ts';
import type { RemovedDeal } from './deal-schemas.ts';

/** Deals removed before T (created before T too), with the stage they were at then; latest removal first. */
export function removedDeals(ctx: MetricContext): RemovedDeal[] {
  const { dataset, config, at, timelines: tl, T } = ctx;
  const rows: (RemovedDeal & { at: number })[] = [];
  for (let d = 0; d < dataset.deals.length; d++) {
    const deal = dataset.deals[d]!;
    const removedAt = deal.removedAt;
    if (removedAt === null || !(removedAt < T) || !(tl.created[d]! < T)) continue;
    const count = visitsBefore(tl, d, removedAt);
    const stage = count > 0 ? tl.visitStage[tl.offsets[d]! + count - 1]! : config.sequence[0]!.index;
    rows.push({
      deal_id: deal.id,
      name: deal.name,
      owner: deal.owner,
      stage: config.stages[stage]!.id,
      amount: at.amount[d]!,
      ...(amountKnownAt(ctx, d, T) ? {} : { amount_missing: true as const }),
      removed: localDateOf(removedAt, config.timezone),
      at: removedAt,
    });
  }
  rows.sort((a, b) => b.at - a.at || byCodePoint(a.deal_id, b.deal_id));
  return rows.map(({ at: _at, ...row }) => row);
}
