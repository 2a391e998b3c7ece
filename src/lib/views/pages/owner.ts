/** One page per owner: the owners-table figures beside the team's and everyone's, warning signs, the open deals. */
import type { Metrics } from '../../metrics/types.ts';
import { groupBy } from '../../group-by.ts';
import { addDays } from '../../time.ts';
import type { OpenDealRow, SegmentTargetRow } from '../schema.ts';
import { table, type TableModel } from '../table.ts';
import { closeDatesNote, flagsUncheckedNotes, notes } from './absence.ts';
import type { PageContext } from './context.ts';
import { openDealColumns } from './deals.ts';
import { segmentReviewRows } from './lists.ts';
import { pageModel } from './page-model.ts';

export interface OwnerModel {
  name: string;
  slug: string;
  facts: { label: string; value: string }[];
  /** Open deals summary: "12 open deals worth ₩3.4B, largest first." */
  intro: string;
  /** Over which window the win rate counts, and the warning signs of the deal list this data cannot show. */
  notes: string[];
  deals: TableModel;
}

/**
 * The by-owner rows and open deals of each owner, grouped once per context (pageModel): every owner
 * has a page, and filtering both lists per page took owners x deals (hours for an export whose owner
 * column holds a name per deal).
 */
function ownerIndex(ctx: PageContext): { segments: Map<string, Metrics['by_owner']>; openDeals: Map<string, OpenDealRow[]> } {
  return { segments: groupBy(ctx.site.metrics.by_owner, (r) => r.owner), openDeals: groupBy(ctx.site.open_deals, (d) => d.owner) };
}

/** One owner's page: the owners-table figures, and the owner's open deals (the filtered deal list). */
export function ownerModel(ctx: PageContext, row: SegmentTargetRow): OwnerModel {
  const { site, m, f } = ctx;
  const index = pageModel(ctx, ownerIndex);
  const review = segmentReviewRows((index.segments.get(row.name) ?? []).map((r) => ({ ...r, name: r.owner })), {
    ...site.owners,
    rows: [row],
  })[0]!;
  const deals = index.openDeals.get(row.name) ?? [];
  const teams = [...new Set(deals.map((d) => d.team.trim()).filter((t) => t !== ''))];
  const facts = [
    { label: m.columns.team, value: teams.join(', ') },
    { label: m.columns.open_amount, value: `${f.money(review.open_amount)} (${m.common.dealCount({ count: review.open_count }, f)})` },
    { label: m.ownersReview.weighted, value: f.money(review.weighted_amount) },
    { label: `${m.columns.target_amount} (${f.period(site.owners.period)})`, value: review.target_amount === null ? '—' : f.money(review.target_amount) },
    { label: `${m.ownersReview.wonInPeriod} (${f.period(site.owners.period)})`, value: f.money(review.won_amount) },
    { label: m.ownersReview.attainment, value: f.percent(review.attainment) },
    { label: m.columns.win_rate, value: `${f.percent(review.win_rate)} (${f.count(review.won_count)} / ${f.count(review.won_count + review.lost_count)})` },
    { label: m.columns.stalled_count, value: f.count(review.stalled_count) },
  ].filter((x) => x.value !== '');
  return {
    name: row.name,
    slug: row.slug ?? '',
    facts,
    intro: m.ownersReview.intro({ count: deals.length, amount: deals.reduce((sum, d) => sum + d.amount, 0) }, f),
    notes: notes(
      m.ownersReview.windowColumns({ from: addDays(site.as_of, 1 - site.metrics.window_days), to: site.as_of }, f),
      ...(deals.length === 0 ? [] : [closeDatesNote(ctx), ...flagsUncheckedNotes(ctx)]),
    ),
    // Stage and expected close first: where each deal is and when it should close. No owner column: the page is the owner's.
    deals: table('owner-open-deals', m.ownersReview.openDeals, openDealColumns(ctx, ['stage', 'close', 'days', 'threshold', 'why', 'account'], m.columns.flags), deals, {
      empty: m.ownersReview.noOpenDeals,
      compact: true,
    }),
  };
}
