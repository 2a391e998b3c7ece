/** Owners and teams, accounts (index and one page each), and data quality. */
import { nameLabel } from '../../i18n/index.ts';
import type { Metrics } from '../../metrics/types.ts';
import type { AccountDeal, AccountView, RemovedDeal } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import {
  closeDatesNote,
  coverageNote,
  historyAdvice,
  lossReasonsNote,
  noExpectedClose,
  notes,
  repurchaseNote,
  stallDefaultNote,
  winReasonsNote,
} from './absence.ts';
import type { PageContext } from './context.ts';

type Segment = Omit<Metrics['by_owner'][number], 'owner'>;

function segmentColumns<R extends Segment>(ctx: PageContext, nameLabelText: string, name: (r: R) => string): Column<R>[] {
  const { m, f } = ctx;
  return [
    { label: nameLabelText, value: (r) => name(r), text: (r) => nameLabel(m, name(r)) },
    { label: m.columns.open_count, numeric: true, value: (r) => r.open_count, text: (r) => f.count(r.open_count) },
    { label: m.columns.open_amount, numeric: true, value: (r) => r.open_amount, text: (r) => f.money(r.open_amount) },
    { label: m.columns.won_count, numeric: true, value: (r) => r.won_count, text: (r) => f.count(r.won_count) },
    { label: m.columns.lost_count, numeric: true, value: (r) => r.lost_count, text: (r) => f.count(r.lost_count) },
    { label: m.columns.win_rate, numeric: true, value: (r) => r.win_rate, text: (r) => f.percent(r.win_rate) },
    { label: m.columns.median_cycle_days, numeric: true, value: (r) => r.median_cycle_days, text: (r) => f.days(r.median_cycle_days) },
    {
      label: m.columns.stalled_count,
      numeric: true,
      value: (r) => r.stalled_count,
      text: (r) => f.count(r.stalled_count),
      tone: (r) => (r.stalled_count > 0 ? 'bad' : undefined),
    },
  ];
}

export function ownersModel(ctx: PageContext): TableModel[] {
  const { site, m } = ctx;
  return [
    table('by-owner', m.sections.byOwner, segmentColumns(ctx, m.columns.owner, (r: Metrics['by_owner'][number]) => r.owner), site.metrics.by_owner),
    table('by-team', m.sections.byTeam, segmentColumns(ctx, m.columns.team, (r: Metrics['by_team'][number]) => r.team), site.metrics.by_team),
  ];
}

export function accountsIndexModel(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  return table(
    'accounts',
    m.pages.accounts.title,
    [
      {
        label: m.columns.account,
        value: (a: AccountView) => a.name,
        href: (a: AccountView) => (a.has_page ? `${ctx.href('accounts')}${a.slug}/` : undefined),
      },
      { label: m.columns.account_id, value: (a: AccountView) => a.account_id },
      { label: m.columns.industry, value: (a: AccountView) => a.industry },
      { label: m.columns.region, value: (a: AccountView) => a.region },
      { label: m.columns.open_count, numeric: true, value: (a: AccountView) => a.open_count, text: (a: AccountView) => f.count(a.open_count) },
      { label: m.columns.open_amount, numeric: true, value: (a: AccountView) => a.open_amount, text: (a: AccountView) => f.money(a.open_amount) },
      { label: m.columns.won_count, numeric: true, value: (a: AccountView) => a.won_count, text: (a: AccountView) => f.count(a.won_count) },
      { label: m.columns.won_amount, numeric: true, value: (a: AccountView) => a.won_amount, text: (a: AccountView) => f.money(a.won_amount) },
    ],
    site.accounts,
    // The index lists every account: it is the search target.
    Infinity,
  );
}

export interface AccountModel {
  account: AccountView;
  facts: { label: string; value: string }[];
  deals: TableModel;
  repurchase: TableModel;
  /** Each deal's stage visits, for the timeline strip. */
  timelines: { deal: AccountDeal; visits: { stage: string; label: string; from: string; to: string | null }[] }[];
}

export function accountModel(ctx: PageContext, account: AccountView): AccountModel {
  const { site, m, f } = ctx;
  const relationship = account.relationship as keyof typeof m.relationship;
  const facts = [
    { label: m.columns.account_id, value: account.account_id },
    { label: m.columns.industry, value: account.industry },
    { label: m.columns.segment, value: account.segment },
    { label: m.columns.region, value: account.region },
    { label: m.columns.keyman, value: account.keyman },
    { label: m.columns.relationship, value: m.relationship[relationship] ?? account.relationship },
    { label: m.columns.budget_cycle_month, value: account.budget_cycle_month === null ? '' : f.monthShort(`2000-${String(account.budget_cycle_month).padStart(2, '0')}`) },
    { label: m.columns.installed_competitor, value: account.installed_competitor },
    { label: m.columns.open_amount, value: f.money(account.open_amount) },
    { label: m.columns.won_amount, value: f.money(account.won_amount) },
    { label: m.columns.notes, value: account.notes },
  ].filter((x) => x.value !== '');
  const deals = table(
    `account-deals`,
    m.pages.account.deals,
    [
      { label: m.columns.deal_id, value: (d: AccountDeal) => d.deal_id },
      { label: m.columns.deal_name, value: (d: AccountDeal) => d.name },
      { label: m.columns.product, value: (d: AccountDeal) => d.product },
      { label: m.columns.state, value: (d: AccountDeal) => d.state, text: (d: AccountDeal) => m.dealState[d.state] },
      { label: m.columns.stage, value: (d: AccountDeal) => d.stage, text: (d: AccountDeal) => ctx.stage(d.stage) },
      { label: m.columns.amount, numeric: true, value: (d: AccountDeal) => d.amount, text: (d: AccountDeal) => f.money(d.amount) },
      { label: m.columns.owner, value: (d: AccountDeal) => d.owner },
      { label: m.columns.created, value: (d: AccountDeal) => d.created, text: (d: AccountDeal) => f.date(d.created) },
      { label: m.columns.closed, value: (d: AccountDeal) => d.closed, text: (d: AccountDeal) => (d.closed ? f.date(d.closed) : '') },
      { label: m.columns.keyman, value: (d: AccountDeal) => d.keyman },
      { label: m.columns.competitor, value: (d: AccountDeal) => d.competitor },
    ],
    account.deals,
  );
  const rows = site.metrics.repurchase.filter((r) => r.account_id === account.account_id);
  const repurchase = table(
    'account-repurchase',
    m.sections.repurchase,
    [
      { label: m.columns.product, value: (r) => r.product },
      { label: m.columns.deal_id, value: (r) => r.deal_id },
      { label: m.columns.base_date, value: (r) => r.base_date, text: (r) => f.date(r.base_date) },
      { label: m.columns.next_purchase_at, value: (r) => r.next_purchase_at, text: (r) => f.date(r.next_purchase_at) },
      { label: m.columns.status, value: (r) => r.status, text: (r) => m.repurchaseStatus[r.status], tone: (r) => (r.status === 'overdue' ? 'bad' : undefined) },
    ],
    rows,
  );
  const timelines = account.deals.map((deal) => ({
    deal,
    visits: deal.visits.map(([stage, from], i) => ({ stage, label: ctx.stage(stage), from, to: deal.visits[i + 1]?.[1] ?? null })),
  }));
  return { account, facts, deals, repurchase, timelines };
}

export interface DataQualityModel {
  /** Where the data came from and what that kind of export cannot tell, in words. */
  source: string[];
  /** Everything the pages cannot show from this data, and how to get it. */
  limits: string[];
  /** What "removed" means, above the table of removed deals. */
  removedNote: string;
  removed: TableModel;
  /** Files read, and every issue. */
  tables: TableModel[];
}

export function dataQualityModel(ctx: PageContext): DataQualityModel {
  const { site, m } = ctx;
  const names = m.source.formats;
  const format = site.source.format;
  const name = Object.hasOwn(names, format) ? names[format as keyof typeof names] : format;
  const limitations = site.source.limitations.map((code) => {
    if (code === 'current_visit_only') return m.source.currentVisitOnly({ advice: historyAdvice(ctx) });
    if (code === 'history_from_snapshots') return m.absence.snapshots;
    return m.source.otherLimitation({ code });
  });
  return {
    source: [m.source.readFrom({ name }), ...(site.source.limitations.includes('current_visit_only') ? [] : [m.source.fullHistory]), ...limitations],
    limits: notes(
      closeDatesNote(ctx),
      noExpectedClose(ctx),
      coverageNote(ctx),
      lossReasonsNote(ctx),
      winReasonsNote(ctx),
      repurchaseNote(ctx),
      stallDefaultNote(ctx),
    ),
    removedNote: m.source.removedExplained,
    removed: removedTable(ctx),
    tables: dataQualityTables(ctx),
  };
}

/** Deals removed from the CRM before the as-of date (deals.csv `removed_at`), latest first. */
export function removedTable(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  return table(
    'removed-deals',
    m.sections.removedDeals,
    [
      { label: m.columns.deal_id, value: (d: RemovedDeal) => d.deal_id },
      { label: m.columns.deal_name, value: (d: RemovedDeal) => d.name },
      { label: m.columns.owner, value: (d: RemovedDeal) => d.owner },
      { label: m.columns.stage_at_removal, value: (d: RemovedDeal) => d.stage, text: (d: RemovedDeal) => ctx.stage(d.stage) },
      { label: m.columns.amount, numeric: true, value: (d: RemovedDeal) => d.amount, text: (d: RemovedDeal) => f.money(d.amount) },
      { label: m.columns.removed_at, value: (d: RemovedDeal) => d.removed, text: (d: RemovedDeal) => f.date(d.removed) },
    ],
    site.removed_deals,
  );
}

function dataQualityTables(ctx: PageContext): TableModel[] {
  const { site, m, f } = ctx;
  const dq = site.metrics.data_quality;
  const files = Object.entries(dq.files).map(([file, s]) => ({ file, ...s }));
  return [
    table('files', m.sections.files, [
      { label: m.columns.file, value: (r) => r.file },
      { label: m.columns.rows, numeric: true, value: (r) => r.rows, text: (r) => f.count(r.rows) },
      { label: m.columns.accepted, numeric: true, value: (r) => r.accepted, text: (r) => f.count(r.accepted) },
      { label: m.columns.rejected, numeric: true, value: (r) => r.rejected, text: (r) => f.count(r.rejected), tone: (r) => (r.rejected > 0 ? 'bad' : undefined) },
    ], files),
    table('issues', m.sections.issues, [
      { label: m.columns.file, value: (r) => r.file },
      { label: m.columns.line, numeric: true, value: (r) => r.line },
      { label: m.columns.column, value: (r) => r.column },
      { label: m.columns.severity, value: (r) => r.severity, text: (r) => m.severity[r.severity], tone: (r) => (r.severity === 'error' ? 'bad' : 'muted') },
      { label: m.columns.code, value: (r) => r.code },
      { label: m.columns.message, wide: true, value: (r) => r.message },
    ], dq.issues, 2000),
  ];
}
