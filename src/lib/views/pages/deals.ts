/** Deal tables shared by the overview, the stalled page and account pages. */
import { joinItems } from '../../format/index.ts';
import { flagLabel } from '../../i18n/index.ts';
import type { OpenDealRow } from '../deal-schemas.ts';
import { type Column, movedOnPage, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { hasForecastCategories } from './forecast-absence.ts';
import type { PageContext } from './context.ts';
import { DEAL_ID } from '../../deal-url.ts';
import { pageModel } from './page-model.ts';

/** Slug of each account that has a page, for links. */
// The slugs by id and by name, made once per context (pageModel): the tables of every account and owner page link them.
const accountSlugs = (ctx: PageContext) => new Map(ctx.site.accounts.filter((a) => a.has_page).map((a) => [a.account_id, a.slug]));
const ownerSlugs = (ctx: PageContext) => new Map(ctx.site.owners.rows.map((r) => [r.name, r.slug]));

export function accountLinks(ctx: PageContext): (accountId: string) => string | undefined {
  const slugs = pageModel(ctx, accountSlugs);
  return (id) => {
    const slug = slugs.get(id);
    return slug === undefined ? undefined : `${ctx.href('accounts')}${slug}/`;
  };
}

export function flagsText(ctx: PageContext, deal: Pick<OpenDealRow, 'flags' | 'pushes' | 'pushed_from'>): string {
  return joinItems(deal.flags.map((flag) => flagLabel(ctx.m, ctx.f, flag, deal.pushes, deal.pushed_from)));
}

/**
 * A deal's page in the CRM (config `deal_url`, site data `deal_url`), by deal id, or undefined: no `deal_url`. The id
 * is encoded as a URL path segment, so an id with a space, a slash or a '#' still names one record.
 */
export function dealLinks(ctx: PageContext): (dealId: string) => string | undefined {
  const template = ctx.site.deal_url;
  if (template === null) return () => undefined;
  return (dealId) => template.replaceAll(DEAL_ID, encodeURIComponent(dealId));
}

/** Link to each owner's page, by owner name. */
export function ownerLinks(ctx: PageContext): (owner: string) => string | undefined {
  const slugs = pageModel(ctx, ownerSlugs);
  return (owner) => {
    const slug = slugs.get(owner);
    return slug ? `${ctx.href('owners')}${slug}/` : undefined;
  };
}

/** Whole days elapsed (a deal 45.9 days in its stage has been there 45 full days). */
export function wholeDays(days: number): number {
  return Math.floor(days + 1e-9);
}

/**
 * Why a deal needs attention: when stalled, over its stage's threshold (as
 * the thresholds table shows it, to one decimal; the days whole, unless
 * whole days would not show them over it); then its warning signs.
 */
export function stalledWhy(ctx: PageContext, d: OpenDealRow): string {
  const { m, f } = ctx;
  const parts: string[] = [];
  if (d.stalled && d.threshold_days !== null) {
    const whole = wholeDays(d.days_in_stage);
    parts.push(
      m.stalledReview.overThreshold({
        stage: ctx.stage(d.stage),
        days: f.days(whole > d.threshold_days ? whole : d.days_in_stage),
        threshold: f.days(d.threshold_days),
      }),
    );
  }
  const flags = flagsText(ctx, d);
  if (flags) parts.push(flags);
  return joinItems(parts);
}

/**
 * A compact deal list's first columns (table.ts `compact`): the deal, its
 * name (its id when it has none) with the id beside it in the CSV, and its
 * amount, compact as on the Forecast page's lists (in full in the CSV).
 * `detail`: the deal's second line on a phone (Column `detail`).
 */
export function dealAndAmountColumns<R extends { deal_id: string; name: string }>(ctx: PageContext, amount: Pick<Column<R>, 'label' | 'value'>, detail?: (d: R) => string): Column<R>[] {
  const { m, f } = ctx;
  const crm = dealLinks(ctx);
  return [
    { label: m.columns.deal_id, csvOnly: true, value: (d) => d.deal_id },
    { label: m.columns.deal, value: (d) => d.name || d.deal_id, href: (d) => crm(d.deal_id), ...(detail ? { detail } : {}) },
    // No value: the amount is unknown (an empty cell in deals.csv), said in words rather than as 0.
    {
      ...amount,
      numeric: true,
      digits: moneyDigits(f.currency),
      text: (d) => (amount.value(d) === null ? m.common.noAmount : f.moneyCompact(amount.value(d) as number)),
      tone: (d) => (amount.value(d) === null ? 'muted' : undefined),
    },
  ];
}

/** The columns an open-deal list can show after its deal and amount (openDealColumns). */
export type OpenDealColumn = 'days' | 'why' | 'flags' | 'stage' | 'threshold' | 'close' | 'category' | 'owner' | 'account';

/**
 * An open deal list's columns: the deal and its amount, then `keys` in their
 * order, the first two of them what the list is for (the rest of the first
 * four columns a phone shows without scrolling sideways: a compact table).
 * `why`: why the deal is stalled (if it is) before its warning signs, under
 * `whyLabel` (default "Why it is stalled"); `flags`: its warning signs. Days
 * are whole days, as in the CSV; the threshold's unit is in its header only.
 * The CSV has the ids beside the deal's and the account's names and the
 * stage's label.
 */
export function openDealColumns(ctx: PageContext, keys: readonly OpenDealColumn[], whyLabel = ctx.m.stalledReview.why, detail?: (d: OpenDealRow) => string): Column<OpenDealRow>[] {
  const all = openDealColumnsByKey(ctx, whyLabel);
  return [...openDealAndAmount(ctx, detail), ...keys.flatMap((k) => all[k])];
}

/** A forecast category in words on one line ('Best case', '베스트 케이스'), where a phone's first column would break it. */
export function categoryOnOneLine(ctx: PageContext, category: NonNullable<OpenDealRow['forecast_category']>): string {
  return ctx.m.forecastPage.deals.categories[category].replaceAll(' ', '\u00a0');
}

/**
 * An owner's deal on a phone, under its name: its forecast category (with categories in the data) and, when it
 * has any, its warning signs' count, which the columns past the four a phone shows say on wider screens.
 */
export function categoryAndRisk(ctx: PageContext): (d: OpenDealRow) => string {
  const categories = hasForecastCategories(ctx);
  return (d) => {
    const category = categories && d.forecast_category !== null ? [categoryOnOneLine(ctx, d.forecast_category)] : [];
    const risk = d.stalled || d.flags.length > 0 ? [ctx.m.stalledReview.riskCount({ count: (d.stalled ? 1 : 0) + d.flags.length }, ctx.f)] : [];
    return joinItems([...category, ...risk]);
  };
}

/** An open deal list's deal and its amount ("No amount" when deals.csv has none); `detail`: the deal's second line on a phone. */
function openDealAndAmount(ctx: PageContext, detail?: (d: OpenDealRow) => string): Column<OpenDealRow>[] {
  return dealAndAmountColumns<OpenDealRow>(ctx, { label: ctx.m.columns.amount, value: (d) => (d.amount_missing ? null : d.amount) }, detail);
}

/**
 * A Stalled list's deal on a phone, under its name: its owner, and the forecast category when the forecast counts on
 * it (commit, best case), which its columns past the four a phone shows say on wider screens.
 */
function ownerAndForecast(ctx: PageContext): (d: OpenDealRow) => string {
  const categories = hasForecastCategories(ctx);
  return (d) => (categories && (d.forecast_category === 'commit' || d.forecast_category === 'best_case') ? joinItems([d.owner, categoryOnOneLine(ctx, d.forecast_category)]) : d.owner);
}

/**
 * An open deal's expected close in a deal list (an owner's, the Stalled page's, an account's): its date, red with
 * its meaning in words ('past due') once passed, so a review sees which should have closed; none in the data said
 * in words, muted, as a missing amount is (an empty cell read as a fault of the page); empty in the CSV.
 * `closeOf` gives undefined for a closed deal, whose expected close is history: its cell stays empty.
 */
export function expectedCloseColumn<R>(ctx: PageContext, closeOf: (r: R) => string | null | undefined): Column<R> {
  const { m, f } = ctx;
  const pastDue = (r: R) => {
    const close = closeOf(r);
    return close !== null && close !== undefined && close < ctx.site.as_of;
  };
  return {
    label: m.columns.expected_close,
    value: (r) => closeOf(r) ?? null,
    text: (r) => {
      const close = closeOf(r);
      return close === undefined ? '' : close === null ? m.common.noCloseDate : f.date(close);
    },
    tone: (r) => (pastDue(r) ? 'bad' : closeOf(r) === null ? 'muted' : undefined),
    note: (r) => (pastDue(r) ? m.cellNotes.pastDue : undefined),
  };
}

/** Each column an open deal list can show after its deal and amount (`openDealColumns`). */
function openDealColumnsByKey(ctx: PageContext, whyLabel: string): Record<OpenDealColumn, Column<OpenDealRow>[]> {
  const { m, f } = ctx;
  const link = accountLinks(ctx);
  const owner = ownerLinks(ctx);
  return {
    // 'days' on the line of its number, on a phone too (keepLine).
    days: [{ label: m.columns.days_in_stage, numeric: true, keepLine: true, value: (d) => wholeDays(d.days_in_stage), text: (d) => f.days(wholeDays(d.days_in_stage)) }],
    why: [{ label: whyLabel, wide: true, value: (d) => stalledWhy(ctx, d), tone: (d) => (d.flags.length || d.stalled ? 'bad' : undefined) }],
    flags: [{ label: m.columns.flags, wide: true, value: (d) => flagsText(ctx, d), tone: (d) => (d.flags.length ? 'bad' : undefined) }],
    stage: [{ label: m.columns.stage, value: (d) => d.stage, text: (d) => ctx.stage(d.stage), csvId: m.csv.stageId }],
    // As the thresholds table shows it: a deal 31 days in a stage whose threshold is 30.9 is over it.
    threshold: [{ label: m.columns.threshold_days, numeric: true, value: (d) => d.threshold_days, text: (d) => f.number(d.threshold_days), digits: 1 }],
    close: [expectedCloseColumn<OpenDealRow>(ctx, (d) => d.expected_close)],
    // Only when deals.csv has forecast categories (none: no column at all, rather than a column of "None").
    category: hasForecastCategories(ctx)
      ? [
          {
            label: m.forecastPage.deals.columns.category,
            csvId: m.csv.codeOf({ column: m.forecastPage.deals.columns.category }),
            value: (d) => d.forecast_category,
            text: (d) => (d.forecast_category === null ? m.forecastPage.deals.noCategory : m.forecastPage.deals.categories[d.forecast_category]),
            tone: (d) => (d.forecast_category === null ? 'muted' : undefined),
          },
        ]
      : [],
    owner: [{ label: m.columns.owner, value: (d) => d.owner, href: (d) => owner(d.owner) }],
    account: [
      { label: m.columns.account_id, csvOnly: true, value: (d) => d.account_id },
      { label: m.columns.account, value: (d) => d.account_name || d.account_id, href: (d) => link(d.account_id) },
    ],
  };
}

/**
 * An open-deal list whose key column is a sentence (`text`: the Stalled
 * lists' why, the warning signs of deals not stalled yet). On the page: the
 * deal, its amount and that sentence, on a phone the three key columns, the
 * sentence taking the rest of the screen's width (Column `fill`) rather than
 * a word a line, and under the deal's name its owner (and commit or best
 * case: Column `detail`); then the days in stage and `rest`. The CSV keeps the days
 * in stage before the sentence, as it always had them.
 */
function sentenceFirstColumns(ctx: PageContext, text: 'why' | 'flags', rest: readonly OpenDealColumn[]): Column<OpenDealRow>[] {
  const all = openDealColumnsByKey(ctx, ctx.m.stalledReview.why);
  const days = movedOnPage(all.days[0]!);
  return [...openDealAndAmount(ctx, ownerAndForecast(ctx)), days.csv, { ...all[text][0]!, fill: true }, days.page, ...rest.flatMap((k) => all[k])];
}

/** A stalled-deal list's columns: why it is stalled first (which says the days in stage against the stage's threshold). */
export function stalledColumns(ctx: PageContext): Column<OpenDealRow>[] {
  // The forecast category after the close date: a stalled deal counted as commit or best case is a forecast at risk.
  return sentenceFirstColumns(ctx, 'why', ['stage', 'threshold', 'close', 'category', 'owner', 'account']);
}

/** The columns of the open deals with warning signs that are not stalled yet: the signs first. */
export function flaggedColumns(ctx: PageContext): Column<OpenDealRow>[] {
  return sentenceFirstColumns(ctx, 'flags', ['stage', 'close', 'owner', 'account']);
}

/** A stalled deal's place by its forecast category: those the forecast counts on first, commit before best case. */
const FORECAST_FIRST = new Map<OpenDealRow['forecast_category'], number>([
  ['commit', 0],
  ['best_case', 1],
]);

/**
 * Stalled deals in metrics.json order (days in stage descending, then id), except that with forecast categories
 * in the data, those counted as commit, then best case, come first: a forecast review checks them first, as the
 * Stalled page's summary says, and the Overview's first ten are those.
 */
export function stalledDeals(ctx: PageContext): OpenDealRow[] {
  const byId = new Map(ctx.site.open_deals.map((d) => [d.deal_id, d]));
  const deals = ctx.site.metrics.stalled.map((s) => byId.get(s.deal_id)!).filter(Boolean);
  if (!hasForecastCategories(ctx)) return deals;
  const rank = (d: OpenDealRow) => FORECAST_FIRST.get(d.forecast_category) ?? FORECAST_FIRST.size;
  // A stable sort: metrics.json's order within each.
  return deals.sort((a, b) => rank(a) - rank(b));
}

/** Why a list of stalled deals is empty: no deal is open at all, or every open deal is within its stage's threshold. */
export function noStalledText(ctx: PageContext): string {
  return ctx.site.open_deals.length === 0 ? ctx.m.empty.noOpenDeals : ctx.m.empty.noStalled;
}

export function stalledTable(ctx: PageContext, id: string, limit?: number): TableModel {
  return table(id, ctx.m.sections.stalled, stalledColumns(ctx), stalledDeals(ctx), {
    empty: noStalledText(ctx),
    compact: true,
    ...(limit === undefined ? {} : { maxRows: limit }),
  });
}
