/** One page per owner: the owners-table figures beside the team's and everyone's, warning signs, the open deals. */
import { filterQuery, NO_FILTER } from '../../filters/filter.ts';
import { itemPieces, joinItems } from '../../format/index.ts';
import { otherLang } from '../../format/text-lang.ts';
import type { Locale } from '../../i18n/locales.ts';
import { QUIET_DAYS } from '../../metrics/quiet-owners.ts';
import { isDueSoon } from '../repurchase-facts.ts';
import { FLAG_NAMES } from '../../metrics/schema.ts';
import type { Metrics } from '../../metrics/types.ts';
import { groupBy } from '../../group-by.ts';
import { addDays, quarterOf } from '../../time.ts';
import type { SegmentTargetRow } from '../schema.ts';
import type { OpenDealRow } from '../deal-schemas.ts';
import { table, type TableModel } from '../table.ts';
import { notes } from './absence.ts';
import { flagsUncheckedNotes } from './flag-absence.ts';
import { closeDatesNote } from './forecast-absence.ts';
import type { PageContext } from './context.ts';
import { categoryAndRisk, openDealColumns } from './deals.ts';
import { segmentReviewRows } from './lists.ts';
import { forecastClosingHref } from './forecast.ts';
import { pageModel } from './page-model.ts';

export interface OwnerModel {
  name: string;
  /** The name's language where it is not the page's (a Korean name on an English page: text-lang.ts). */
  nameLang: Locale | undefined;
  slug: string;
  /**
   * `lang`: a value from the data (the team) in the other language. `pieces`: a value listing several figures ('25% (25 / 101)
   * · 영남영업팀 27% · 전체 29%'), in the pieces the page keeps whole when the column wraps (itemPieces); joined by a space, `value`.
   */
  facts: { label: string; value: string; pieces?: string[]; lang?: Locale }[];
  /**
   * The funnel, win/loss, stalled and forecast pages filtered to this owner's deals; none when the site has no filters.
   * The page names the owner after each label for a screen reader ("Funnel: Kim"): out of context (a list of links),
   * a bare "Funnel" would be the navigation's.
   */
  views: { label: string; href: string }[];
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
  // The teams of all the owner's deals, not only of the open ones (an owner with no open deal has a team too).
  const { teams } = row;
  // A summary to read, as the sentence under it and the overview's tiles: amounts compact ('44.4억원'), deals counted in deals
  // ('3건'); the owners table and its CSV keep the exact amounts.
  const teamNames = teams.join(', ');
  const teamLang = otherLang(teamNames, ctx.locale);
  const facts = [
    { label: m.columns.team, value: teamNames, ...(teamLang ? { lang: teamLang } : {}) },
    { label: m.columns.open_amount, value: m.common.aside({ text: f.moneyCompact(review.open_amount), aside: m.common.dealCount({ count: review.open_count }, f) }) },
    { label: m.ownersReview.weighted, value: f.moneyCompact(review.weighted_amount) },
    { label: m.common.aside({ text: m.columns.target_amount, aside: f.period(site.owners.period) }), value: review.target_amount === null ? '—' : f.moneyCompact(review.target_amount) },
    { label: m.common.aside({ text: m.ownersReview.wonInPeriod, aside: f.period(site.owners.period) }), value: f.moneyCompact(review.won_amount) },
    // The owner's call for the period, for a one-on-one's forecast review; left out without forecast categories.
    ...(review.commit_amount === null || review.best_case_amount === null
      ? []
      : [
          { label: m.common.aside({ text: m.forecastPage.columns.commit, aside: f.period(site.owners.period) }), value: f.moneyCompact(review.commit_amount) },
          { label: m.common.aside({ text: m.ownersReview.bestCase, aside: f.period(site.owners.period) }), value: f.moneyCompact(review.best_case_amount) },
        ]),
    { label: m.ownersReview.attainment, value: f.percent(review.attainment) },
    listed(
      m.columns.win_rate,
      compared(ctx, f.rateOf(review.win_rate, review.won_count, review.won_count + review.lost_count), teams, (s) => f.percent(s.win_rate), f.percent(site.metrics.win_rate.by_count)),
    ),
    listed(m.tiles.medianCycle, compared(ctx, f.days(review.median_cycle_days), teams, (s) => f.days(s.median_cycle_days), f.days(site.metrics.cycle_length.all.median_days))),
    { label: m.columns.stalled_count, value: m.common.dealCount({ count: review.stalled_count }, f) },
    listed(m.ownersReview.flagsOpen, deals.length === 0 ? [] : flagCounts(ctx, deals)),
  ].filter((x) => x.value !== '');
  return {
    name: row.name,
    nameLang: otherLang(row.name, ctx.locale),
    slug: row.slug ?? '',
    facts,
    views: site.filters ? ownerViews(ctx, row.name) : [],
    intro: m.ownersReview.intro({ count: deals.length, amount: deals.reduce((sum, d) => sum + d.amount, 0) }, f),
    notes: notes(
      quietNote(ctx, row.name),
      m.ownersReview.windowColumns({ from: addDays(site.as_of, 1 - site.metrics.window_days), to: site.as_of }, f),
      ...(deals.length === 0 ? [] : [closeDatesNote(ctx), ...flagsUncheckedNotes(ctx)]),
    ),
    // Stage and expected close first: where each deal is and when it should close; then what the forecast counts it as
    // (with forecast categories in the data), for a one-on-one's forecast review. No owner column: the page is the owner's.
    deals: table('owner-open-deals', m.ownersReview.openDeals, openDealColumns(ctx, ['stage', 'close', 'category', 'days', 'threshold', 'why', 'account'], m.columns.flags, categoryAndRisk(ctx)), deals, {
      empty: m.ownersReview.noOpenDeals,
      compact: true,
    }),
  };
}

/**
 * An owner gone quiet (no open deal, no deal activity for QUIET_DAYS): since when, and how many of their customers'
 * repurchases are overdue or due within 12 months, which someone else must now take (null: not quiet).
 */
function quietNote(ctx: PageContext, owner: string): string | null {
  const { site, m, f } = ctx;
  const quiet = site.quiet_owners.find((q) => q.owner === owner);
  if (quiet === undefined) return null;
  const due = site.metrics.repurchase.filter((r, i) => site.repurchase_owners[i] === owner && isDueSoon(r)).length;
  return m.quietOwners.owner({ date: f.date(quiet.last_activity), due, days: QUIET_DAYS }, f);
}

/** A fact listing several figures: their line, and its pieces to keep whole on a narrow screen. */
function listed(label: string, items: readonly string[]): OwnerModel['facts'][number] {
  return { label, value: joinItems(items), pieces: itemPieces(items) };
}

/** `own` followed by the same figure of each of the owner's teams (by_team) and of all deals: "31% (26 / 83) · Team A: 31% · all deals: 29%". */
function compared(ctx: PageContext, own: string, teams: readonly string[], of: (s: Metrics['by_team'][number]) => string, all: string): string[] {
  const { m } = ctx;
  const byTeam = new Map(ctx.site.metrics.by_team.map((t) => [t.team, t]));
  const others = teams.flatMap((team) => {
    const s = byTeam.get(team);
    return s ? [m.ownersReview.vsTeam({ team: ctx.label(team), value: of(s) })] : [];
  });
  return [own, ...others, m.ownersReview.vsAll({ value: all })];
}

/**
 * How many of `deals` carry each warning sign, in the flags' order ("Past expected close 9 · No keyman
 * identified 4"). None: "None" when every sign was checked, else that none of those checked shows (the
 * page's notes name the others): a sign the data cannot raise is not a clean bill.
 */
function flagCounts(ctx: PageContext, deals: readonly OpenDealRow[]): string[] {
  const { m, f } = ctx;
  const counts = FLAG_NAMES.map((flag) => [flag, deals.filter((d) => d.flags.includes(flag)).length] as const).filter(([, n]) => n > 0);
  // The count held to its sign by a no-break space: wrapped on a phone, "5" must not start the line of the next sign.
  if (counts.length > 0) return counts.map(([flag, n]) => m.ownersReview.flagCount({ flag: m.flags[flag], count: n }, f));
  return [closeDatesNote(ctx) === null && flagsUncheckedNotes(ctx).length === 0 ? m.ownersReview.noFlags : m.ownersReview.noFlagsChecked];
}

/** The pages a one-to-one goes through, filtered to the owner's deals (filters in the URL). */
function ownerViews(ctx: PageContext, owner: string): OwnerModel['views'] {
  const query = filterQuery({ ...NO_FILTER, owner });
  const pages = [
    ['funnel', ctx.m.nav.funnel],
    ['win-loss', ctx.m.nav.winLoss],
    ['stalled', ctx.m.nav.stalled],
    ['forecast', ctx.m.nav.forecast],
  ] as const;
  // The forecast review of the report date's quarter: the owner's deals whose close date falls in it (won, lost, or due).
  const quarter = quarterOf(ctx.site.as_of);
  const closing = { label: ctx.m.ownersReview.closingView({ period: quarter }, ctx.f), href: forecastClosingHref(ctx, { ...NO_FILTER, owner }, quarter) };
  return [...pages.map(([page, label]) => ({ label, href: `${ctx.href(page)}${query}` })), closing];
}
