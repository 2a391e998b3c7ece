/** The accounts index and one page per account. */
import type { SiteData } from '../schema.ts';
import type { AccountDeal, AccountView } from '../deal-schemas.ts';
import type { RepurchaseRow } from '../../metrics/types.ts';
import { movedOnPage, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import type { AccountSlice } from '../account-pages.ts';
import { dealAndAmountColumns, expectedCloseColumn } from './deals.ts';
import type { PageContext } from './context.ts';
import { joinItems } from '../../format/index.ts';
import { otherLang } from '../../format/text-lang.ts';
import type { Locale } from '../../i18n/locales.ts';

export function accountsIndexModel(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  const digits = moneyDigits(f.currency);
  // A compact table: on a phone the account and its open and won amounts read without scrolling sideways (compact
  // amounts, exact in the CSV); the counts, id and accounts.csv's facts come after them on the page, in their place in the CSV.
  const id = movedOnPage<AccountView>({ label: m.columns.account_id, value: (a) => a.account_id });
  // Facts of accounts.csv: without it the columns would stand empty (accountsNotes says why they are not there).
  const facts = site.inputs.accounts_file
    ? [movedOnPage<AccountView>({ label: m.columns.industry, value: (a) => a.industry }), movedOnPage<AccountView>({ label: m.columns.region, value: (a) => a.region })]
    : [];
  const openCount = movedOnPage<AccountView>({ label: m.columns.open_count, numeric: true, value: (a) => a.open_count, text: (a) => f.count(a.open_count) });
  const wonCount = movedOnPage<AccountView>({ label: m.columns.won_count, numeric: true, value: (a) => a.won_count, text: (a) => f.count(a.won_count) });
  return table(
    'accounts',
    m.pages.accounts.title,
    [
      {
        label: m.columns.account,
        value: (a: AccountView) => a.name,
        href: (a: AccountView) => (a.has_page ? `${ctx.href('accounts')}${a.slug}/` : undefined),
      },
      id.csv,
      ...facts.map((c) => c.csv),
      openCount.csv,
      { label: m.columns.open_amount, numeric: true, value: (a: AccountView) => a.open_amount, text: (a: AccountView) => f.moneyCompact(a.open_amount), digits },
      wonCount.csv,
      { label: m.columns.won_amount, numeric: true, value: (a: AccountView) => a.won_amount, text: (a: AccountView) => f.moneyCompact(a.won_amount), digits },
      openCount.page,
      wonCount.page,
      id.page,
      ...facts.map((c) => c.page),
    ],
    site.accounts,
    // The index lists every account: it is the search target.
    { empty: m.empty.noAccounts, maxRows: Infinity, compact: true },
  );
}

/** What the account pages cannot show from this data: the planning facts of a missing accounts.csv. */
export function accountsNotes(ctx: PageContext): string[] {
  return ctx.site.inputs.accounts_file ? [] : [ctx.m.absence.noAccountsFile];
}

export interface AccountModel {
  /** What this account page cannot show from this data, and how to get it. */
  notes: string[];
  account: AccountView;
  /** The account's name's language where it is not the page's (text-lang.ts). */
  nameLang: Locale | undefined;
  /** `lang`: a value from the data (industry, keyman, notes) in the other language than the page's. */
  facts: { label: string; value: string; lang?: Locale }[];
  deals: TableModel;
  repurchase: TableModel;
  /**
   * Each deal's stage visits, for the timeline strip; `date` is when the visit began, in words with its year (histories span years).
   * `nameLang` and a visit's `lang`: the deal's name and the stage's label where they are in the other language.
   */
  timelines: {
    deal: AccountDeal;
    nameLang: Locale | undefined;
    /** After the deal's name: its id, state and amount, compact as in the deal list above ('D-01983 · Open · ₩294M'). */
    summary: string;
    visits: { stage: string; label: string; lang: Locale | undefined; from: string; to: string | null; date: string }[];
  }[];
  /** An account of accounts.csv that no deal names: says so, in place of the empty deal sections. */
  noDeals: string | null;
}

/** One account page, from its slice of the site data (account-pages.ts): the account with its deals, and its repurchase rows. */
export function accountModel(ctx: PageContext, { account, repurchase: rows }: AccountSlice): AccountModel {
  const { m, f } = ctx;
  const relationship = account.relationship as keyof typeof m.relationship;
  // Values from the data carry their language where it is not the page's; the page's own words (a relationship, a month, an amount) do not.
  const data = (label: string, value: string) => {
    const lang = otherLang(value, ctx.locale);
    return lang ? { label, value, lang } : { label, value };
  };
  const facts = [
    data(m.columns.account_id, account.account_id),
    data(m.columns.industry, account.industry),
    data(m.columns.segment, account.segment),
    data(m.columns.region, account.region),
    data(m.columns.keyman, account.keyman),
    // A relationship the catalogue knows is in the page's words; another is the data's own.
    m.relationship[relationship] === undefined ? data(m.columns.relationship, account.relationship) : { label: m.columns.relationship, value: m.relationship[relationship] },
    { label: m.columns.budget_cycle_month, value: account.budget_cycle_month === null ? '' : f.monthShort(`2000-${String(account.budget_cycle_month).padStart(2, '0')}`) },
    data(m.columns.installed_competitor, account.installed_competitor),
    // Compact, as the owner page's summary (the deal table and its CSV keep the exact amounts).
    { label: m.columns.open_amount, value: f.moneyCompact(account.open_amount) },
    { label: m.columns.won_amount, value: f.moneyCompact(account.won_amount) },
    data(m.columns.notes, account.notes),
  ].filter((x) => x.value !== '');
  const has = (column: SiteData['inputs']['deal_columns'][number]) => ctx.site.inputs.deal_columns.includes(column);
  const deals = table(
    `account-deals`,
    m.pages.account.deals,
    [
      // The deal, its amount, whether it is open, won or lost and its stage first: a phone shows them without scrolling sideways.
      ...dealAndAmountColumns<AccountDeal>(ctx, { label: m.columns.amount, value: (d) => (d.amount_missing ? null : d.amount) }),
      { label: m.columns.state, value: (d: AccountDeal) => d.state, text: (d: AccountDeal) => m.dealState[d.state], csvId: m.csv.codeOf({ column: m.columns.state }) },
      { label: m.columns.stage, value: (d: AccountDeal) => d.stage, text: (d: AccountDeal) => ctx.stage(d.stage), csvId: m.csv.stageId },
      { label: m.columns.product, value: (d: AccountDeal) => d.product },
      { label: m.columns.owner, value: (d: AccountDeal) => d.owner },
      { label: m.columns.created, value: (d: AccountDeal) => d.created, text: (d: AccountDeal) => f.date(d.created) },
      { label: m.columns.closed, value: (d: AccountDeal) => d.closed, text: (d: AccountDeal) => (d.closed ? f.date(d.closed) : '') },
      // An open deal's expected close at T, as in the deal lists; a closed deal's is history: its cell stays empty.
      expectedCloseColumn<AccountDeal>(ctx, (d) => (d.state === 'open' ? d.expected_close : undefined)),
      // deals.csv's optional columns only when it has them: a column of empty cells would read as "none recorded".
      ...(has('keyman') ? [{ label: m.columns.keyman, value: (d: AccountDeal) => d.keyman }] : []),
      ...(has('competitor') ? [{ label: m.columns.competitor, value: (d: AccountDeal) => d.competitor }] : []),
      ...(has('lost_reason') || has('win_reason')
        ? [{ label: m.columns.outcome_reason, value: (d: AccountDeal) => d.reason, text: (d: AccountDeal) => (d.reason === '' ? '' : ctx.label(d.reason)), csvId: m.csv.codeOf({ column: m.columns.outcome_reason }) }]
        : []),
    ],
    account.deals,
    { empty: m.pages.account.noDeals({ id: account.account_id }), compact: true },
  );
  // On a phone (compact) what comes back, when and whether it is overdue fit without scrolling sideways, as on the
  // Repurchase page; the deal and its base date follow. The CSV keeps the columns in metrics.json's order.
  const dealId = movedOnPage<RepurchaseRow>({ label: m.columns.deal_id, value: (r) => r.deal_id });
  const baseDate = movedOnPage<RepurchaseRow>({ label: m.columns.base_date, value: (r) => r.base_date, text: (r) => f.date(r.base_date) });
  const repurchase = table(
    'account-repurchase',
    m.sections.repurchase,
    [
      { label: m.columns.product, value: (r) => r.product },
      dealId.csv,
      baseDate.csv,
      // One line ('Oct 7, 2027', not 'Oct 7,' / '2027'), as a Korean date always is.
      { label: m.columns.next_purchase_at, keepLine: true, value: (r) => r.next_purchase_at, text: (r) => f.date(r.next_purchase_at) },
      {
        label: m.columns.status,
        // A phrase ('Due within 12 months'): two words a line on a phone, not one.
        phrase: true,
        value: (r) => r.status,
        text: (r) => m.repurchaseStatus[r.status],
        tone: (r) => (r.status === 'overdue' ? 'bad' : undefined),
        csvId: m.csv.codeOf({ column: m.columns.status }),
      },
      dealId.page,
      baseDate.page,
    ],
    rows,
    // Nothing listed: no won deal to buy again after, or won deals without a product lifecycle.
    { empty: account.deals.some((d) => d.state === 'won') ? m.empty.accountNoLifecycle : m.empty.accountNoWon, compact: true },
  );
  const timelines = account.deals.map((deal) => ({
    deal,
    nameLang: otherLang(deal.name || deal.deal_id, ctx.locale),
    // An unknown amount in words, never 0 (as in the deal list).
    summary: joinItems([deal.deal_id, m.dealState[deal.state], deal.amount_missing ? m.common.noAmount : f.moneyCompact(deal.amount)]),
    visits: deal.visits.map(([stage, from], i) => {
      const label = ctx.stage(stage);
      return { stage, label, lang: otherLang(label, ctx.locale), from, to: deal.visits[i + 1]?.[1] ?? null, date: f.date(from) };
    }),
  }));
  const noDeals = account.deals.length === 0 ? m.pages.account.noDeals({ id: account.account_id }) : null;
  return { notes: accountsNotes(ctx), account, nameLang: otherLang(account.name, ctx.locale), facts, deals, repurchase, timelines, noDeals };
}
