/**
 * The Forecast page's deal lists: the open deals behind this month's bar and
 * the rest of this quarter's bars of the forecast by expected close month,
 * and, apart, those past their expected close date (metrics `forecast`'s
 * `overdue`). Deals are bucketed by the metric's own rule (`forecastBuckets`),
 * so each list's total is its buckets' count, amount, weighted amount and
 * commit amount. Built from the manifest's open deals (with the Stalled
 * page's flags), so a filtered view lists its own deals.
 */
import { FORECAST_CATEGORIES, type ForecastCategory } from '../../dataset.ts';
import { periodDates } from '../../filters/filter.ts';
import { joinItems } from '../../format/index.ts';
import { forecastBuckets, forecastMonths } from '../../metrics/pipeline.ts';
import { byCodePoint } from '../../stats.ts';
import { addToMonth, quarterOf } from '../../time.ts';
import type { OpenDealRow } from '../deal-schemas.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { filterMatchesNone } from './absence.ts';
import { hasForecastCategories, noExpectedClose } from './forecast-absence.ts';
import type { PageContext } from './context.ts';
import { accountLinks, dealLinks, ownerLinks, stalledWhy } from './deals.ts';

/** What a list's total row says: the same figures as metrics `forecast` rows (commit and best case null without categories). */
export interface ForecastDealTotals {
  count: number;
  amount: number;
  weighted_amount: number;
  commit_amount: number | null;
  best_case_amount: number | null;
}

export type ForecastDealListKey = 'month' | 'rest-of-quarter' | 'past-due' | 'closing-period';

export interface ForecastDealList {
  key: ForecastDealListKey;
  /**
   * The `forecast` buckets the list is made of: as_of's month; the later months of its quarter; 'overdue'. For
   * 'closing-period', the months (`YYYY-MM`) of a close-date filter's period after as_of's quarter, which may lie past
   * the forecast's months.
   */
  buckets: string[];
  /** Sorted: forecast category (commit, best case, pipeline, omitted, none), then amount (largest first), then deal id. */
  deals: OpenDealRow[];
  totals: ForecastDealTotals;
}

/** The months of as_of's quarter after as_of's month (none in its last month). */
export function laterMonthsOfQuarter(asOf: string): string[] {
  const month = Number(asOf.slice(5, 7));
  const last = Math.ceil(month / 3) * 3;
  return Array.from({ length: last - month }, (_, i) => `${asOf.slice(0, 4)}-${String(month + 1 + i).padStart(2, '0')}`);
}

const CATEGORY_RANK = new Map<ForecastCategory | null, number>([...FORECAST_CATEGORIES.map((c, i) => [c, i] as const), [null, FORECAST_CATEGORIES.length]]);

/** Forecast category (commit first, none last), then amount (largest first), then deal id. */
export function byForecastCategory(a: OpenDealRow, b: OpenDealRow): number {
  return CATEGORY_RANK.get(a.forecast_category)! - CATEGORY_RANK.get(b.forecast_category)! || b.amount - a.amount || byCodePoint(a.deal_id, b.deal_id);
}

export function dealTotals(deals: readonly OpenDealRow[], categories: boolean): ForecastDealTotals {
  const t: ForecastDealTotals = { count: 0, amount: 0, weighted_amount: 0, commit_amount: categories ? 0 : null, best_case_amount: categories ? 0 : null };
  for (const d of deals) {
    t.count++;
    t.amount += d.amount;
    t.weighted_amount += d.weighted_amount;
    if (!categories) continue;
    if (d.forecast_category === 'commit') t.commit_amount! += d.amount;
    if (d.forecast_category === 'commit' || d.forecast_category === 'best_case') t.best_case_amount! += d.amount;
  }
  return t;
}

/**
 * The months of a close-date filter's period (`closing`) after as_of's quarter, in order: Jul to Sep 2026 for
 * `2026-Q3` or `2026` from a June report; none for a period that ends with the quarter or before it.
 */
export function closingMonthsAfterQuarter(asOf: string, closing: string | null): string[] {
  if (closing === null) return [];
  const { from, to } = periodDates(closing);
  const afterQuarter = addToMonth(asOf.slice(0, 7), laterMonthsOfQuarter(asOf).length + 1);
  const months: string[] = [];
  for (let month = from.slice(0, 7) > afterQuarter ? from.slice(0, 7) : afterQuarter; `${month}-01` < to; month = addToMonth(month, 1)) months.push(month);
  return months;
}

/**
 * This month's list, the rest of the quarter's (absent in a quarter's last month) and the past-due list; under a
 * close-date filter reaching past this quarter (`?closing=2026-Q3` from a June report), a last list of the filter's
 * deals expected in its later months, which the other lists cannot show.
 */
export function forecastDealLists(ctx: PageContext): ForecastDealList[] {
  const { as_of: asOf } = ctx.site;
  const months = forecastMonths(asOf);
  const buckets = forecastBuckets(asOf);
  const later = laterMonthsOfQuarter(asOf);
  const closing = closingMonthsAfterQuarter(asOf, ctx.filter?.filter.closing ?? null);
  const lists: { key: ForecastDealListKey; buckets: string[] }[] = [
    { key: 'month', buckets: [months[0]!] },
    ...(later.length > 0 ? [{ key: 'rest-of-quarter' as const, buckets: later }] : []),
    { key: 'past-due', buckets: ['overdue'] },
    ...(closing.length > 0 ? [{ key: 'closing-period' as const, buckets: closing }] : []),
  ];
  const listOf = new Map(lists.flatMap((l, i) => l.buckets.map((b) => [b, i] as const)));
  const closingList = listOf.get(closing[0] ?? '');
  const deals: OpenDealRow[][] = lists.map(() => []);
  for (const d of ctx.site.open_deals) {
    // The closing list's months by the date's month: past the forecast's six months they share its bucket 'later'.
    const i = listOf.get(buckets.nameOf(d.expected_close)) ?? (closingList !== undefined && d.expected_close !== null ? listOf.get(d.expected_close.slice(0, 7)) : undefined);
    if (i !== undefined) deals[i]!.push(d);
  }
  const categories = hasForecastCategories(ctx);
  return lists.map((l, i) => {
    const sorted = deals[i]!.sort(byForecastCategory);
    return { ...l, deals: sorted, totals: dealTotals(sorted, categories) };
  });
}

type Row = { deal: OpenDealRow; total?: undefined } | { deal?: undefined; total: ForecastDealTotals };

/**
 * The list's columns, the key ones first (deal, amount, category, expected
 * close: what a phone shows without scrolling sideways), then owner, account,
 * stage, weighted amount, close-date pushes and the Stalled page's flags. The
 * CSV has the deal and account ids beside their names and the codes beside
 * the category and the flags.
 */
function columns(ctx: PageContext): Column<Row>[] {
  const { m, f, site } = ctx;
  const c = m.forecastPage.deals;
  const money = moneyDigits(f.currency);
  const account = accountLinks(ctx);
  const owner = ownerLinks(ctx);
  const tone = (r: Row) => (r.total ? ('total' as const) : undefined);
  /** An amount of each deal, and in the total row the list's sum of it. */
  const moneyColumn = (label: string, key: 'amount' | 'weighted_amount'): Column<Row> => ({
    label,
    numeric: true,
    digits: money,
    // A deal whose amount is unknown: "No amount", not 0 (the total counts it as 0, as the forecast does).
    value: (r) => (r.deal ? (r.deal.amount_missing ? null : r.deal[key]) : r.total[key]),
    text: (r) => (r.deal?.amount_missing ? m.common.noAmount : f.moneyCompact(r.deal ? r.deal[key] : r.total[key])),
    tone: (r) => tone(r) ?? (r.deal?.amount_missing ? 'muted' : undefined),
  });
  // Without close-date history nobody can tell a pushed date: "—", not 0 (the page's notes say why).
  // A filtered view of data that tracks them has a null `slippage` when none of its deals was pushed: 0 then.
  const tracked = site.metrics.slippage !== null || ctx.filter?.closeDatesTracked === true;
  const crm = dealLinks(ctx);
  const cols: Column<Row>[] = [
    { label: m.columns.deal_id, csvOnly: true, value: (r) => r.deal?.deal_id ?? null },
    {
      label: c.columns.deal,
      value: (r) => (r.deal ? r.deal.name || r.deal.deal_id : null),
      text: (r) => (r.deal ? r.deal.name || r.deal.deal_id : c.total({ count: r.total.count }, f)),
      href: (r) => (r.deal ? crm(r.deal.deal_id) : undefined),
      // On a phone, under the name: whose deal and where it is, which the columns past the four a phone shows say.
      detail: (r) => (r.deal ? joinItems([r.deal.owner, ctx.stage(r.deal.stage)]) : undefined),
      tone,
    },
    moneyColumn(m.columns.amount, 'amount'),
  ];
  if (hasForecastCategories(ctx)) {
    cols.push({
      label: c.columns.category,
      csvId: m.csv.codeOf({ column: c.columns.category }),
      value: (r) => (r.deal ? r.deal.forecast_category : null),
      // Sorted by its header in the lists' order (commit first, none last), not alphabetically.
      sort: (r) => (r.deal ? CATEGORY_RANK.get(r.deal.forecast_category)! : ''),
      text: (r) => {
        if (r.total) return c.totalCommit({ commit: r.total.commit_amount ?? 0, bestCase: r.total.best_case_amount ?? 0 }, f);
        return r.deal.forecast_category === null ? c.noCategory : c.categories[r.deal.forecast_category];
      },
      tone: (r) => (r.total ? 'total' : r.deal.forecast_category === null ? 'muted' : undefined),
    });
  }
  cols.push(
    { label: m.columns.expected_close, value: (r) => r.deal?.expected_close ?? null, text: (r) => (r.deal?.expected_close ? f.date(r.deal.expected_close) : ''), tone },
    { label: m.columns.owner, value: (r) => r.deal?.owner ?? null, href: (r) => (r.deal ? owner(r.deal.owner) : undefined), tone },
    { label: m.columns.account_id, csvOnly: true, value: (r) => r.deal?.account_id ?? null },
    {
      label: m.columns.account,
      value: (r) => (r.deal ? r.deal.account_name || r.deal.account_id : null),
      href: (r) => (r.deal ? account(r.deal.account_id) : undefined),
      tone,
    },
    { label: m.columns.stage, csvId: m.csv.stageId, value: (r) => r.deal?.stage ?? null, text: (r) => (r.deal ? ctx.stage(r.deal.stage) : ''), tone },
    moneyColumn(m.columns.weighted_amount, 'weighted_amount'),
    {
      label: m.columns.pushes,
      numeric: true,
      value: (r) => (r.deal && tracked ? r.deal.pushes : null),
      text: (r) => (r.deal ? (tracked ? f.count(r.deal.pushes) : '—') : ''),
      tone,
    },
    {
      label: c.columns.risk,
      csvId: m.csv.codeOf({ column: c.columns.risk }),
      wide: true,
      value: (r) => (r.deal ? [...(r.deal.stalled ? ['stalled'] : []), ...r.deal.flags].join(' ') : null),
      text: (r) => (r.deal ? stalledWhy(ctx, r.deal) : ''),
      tone: (r) => (r.total ? 'total' : r.deal.stalled || r.deal.flags.length > 0 ? 'bad' : undefined),
    },
  );
  return cols;
}

/** A list's heading: 'Jun 2026 (this month, from the as-of date on)', 'Later this quarter: …', 'Past expected close, still open'. */
export function listHeading(ctx: PageContext, list: Pick<ForecastDealList, 'key' | 'buckets'>): string {
  const { m, f, site } = ctx;
  const c = m.forecastPage.deals;
  if (list.key === 'month') return c.thisMonth({ month: list.buckets[0]!, from: site.as_of }, f);
  if (list.key === 'rest-of-quarter') return c.restOfQuarter({ quarter: quarterOf(site.as_of), from: list.buckets[0]!, to: list.buckets[list.buckets.length - 1]! }, f);
  if (list.key === 'closing-period') return c.closingPeriod({ period: ctx.filter!.filter.closing!, from: list.buckets[0]!, to: list.buckets[list.buckets.length - 1]! }, f);
  return c.pastDue;
}

/** Why a list is empty: the filter matches no deal, no deal is open, none has a close date, or none is due then. */
function emptyText(ctx: PageContext, list: ForecastDealList): string {
  const { m, f, site } = ctx;
  const e = m.forecastPage.deals.empty;
  if (filterMatchesNone(ctx)) return m.absence.filterMatchesNone;
  if (site.open_deals.length === 0) return m.empty.noOpenDeals;
  const none = noExpectedClose(ctx);
  if (none) return none;
  if (list.key === 'month') return e.month({ month: list.buckets[0]! }, f);
  if (list.key === 'rest-of-quarter') return e.restOfQuarter({ quarter: quarterOf(site.as_of) }, f);
  if (list.key === 'closing-period') return e.closingPeriod({ from: list.buckets[0]!, to: list.buckets[list.buckets.length - 1]! }, f);
  return e.pastDue;
}

export interface ForecastDealsSection {
  heading: string;
  /** What the lists are, and (in a quarter's last month) why there is no list of later months. */
  intro: string[];
  /** Under a close-date filter reaching past this quarter, what its list is (`closingIntro`); '' otherwise. */
  closingIntro: string;
  /**
   * The lists; the close-date filter's ('closing-period') always last, `shown` only under such a filter: the page
   * keeps its slot hidden for a filter chosen in the browser to fill (filters/dom.ts).
   */
  lists: { key: ForecastDealListKey; heading: string; table: TableModel; shown: boolean }[];
}

const NO_CLOSING_LIST: ForecastDealList = { key: 'closing-period', buckets: [], deals: [], totals: dealTotals([], false) };

export function forecastDealsSection(ctx: PageContext): ForecastDealsSection {
  const { m, f, site } = ctx;
  const c = m.forecastPage.deals;
  const cols = columns(ctx);
  const found = forecastDealLists(ctx);
  const closing = found.some((l) => l.key === 'closing-period') ? ctx.filter!.filter.closing! : null;
  const lists = [...found, ...(closing === null ? [NO_CLOSING_LIST] : [])].map((list) => {
    const shown = list !== NO_CLOSING_LIST;
    const heading = shown ? listHeading(ctx, list) : '';
    return {
      key: list.key,
      heading,
      shown,
      table: table<Row>(
        `deals-${list.key}`,
        heading,
        cols,
        list.deals.map((deal) => ({ deal })),
        // The total row, in the page only: the CSV lists the deals.
        { empty: shown ? emptyText(ctx, list) : '', compact: true, ...(list.deals.length > 0 ? { totals: [{ total: list.totals }] } : {}) },
      ),
    };
  });
  const quarterEnds = laterMonthsOfQuarter(site.as_of).length === 0;
  return {
    heading: c.heading,
    intro: [
      c.intro,
      ...(quarterEnds ? [c.quarterEnds({ quarter: quarterOf(site.as_of) }, f)] : []),
      ...(hasForecastCategories(ctx) ? [] : [c.noCategories]),
    ],
    closingIntro: closing === null ? '' : c.closingIntro({ period: closing }, f),
    lists,
  };
}
