/** Deal tables shared by the overview, the stalled page and account pages. */
import { flagLabel } from '../../i18n/index.ts';
import type { OpenDealRow } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import type { PageContext } from './context.ts';

/** Slug of each account that has a page, for links. */
export function accountLinks(ctx: PageContext): (accountId: string) => string | undefined {
  const slugs = new Map(ctx.site.accounts.filter((a) => a.has_page).map((a) => [a.account_id, a.slug]));
  return (id) => {
    const slug = slugs.get(id);
    return slug === undefined ? undefined : `${ctx.href('accounts')}${slug}/`;
  };
}

export function flagsText(ctx: PageContext, deal: Pick<OpenDealRow, 'flags' | 'pushes'>): string {
  return deal.flags.map((flag) => flagLabel(ctx.m, ctx.f, flag, deal.pushes)).join(' · ');
}

export function openDealColumns(ctx: PageContext, withStall: boolean): Column<OpenDealRow>[] {
  const { m, f } = ctx;
  const link = accountLinks(ctx);
  const cols: Column<OpenDealRow>[] = [
    { label: m.columns.deal_id, value: (d) => d.deal_id },
    { label: m.columns.deal_name, value: (d) => d.name },
    { label: m.columns.account, value: (d) => d.account_name || d.account_id, href: (d) => link(d.account_id) },
    { label: m.columns.stage, value: (d) => d.stage, text: (d) => ctx.stage(d.stage) },
    { label: m.columns.days_in_stage, numeric: true, value: (d) => d.days_in_stage, text: (d) => f.days(d.days_in_stage) },
  ];
  if (withStall) {
    cols.push({ label: m.columns.threshold_days, numeric: true, value: (d) => d.threshold_days, text: (d) => f.days(d.threshold_days) });
  }
  cols.push(
    { label: m.columns.owner, value: (d) => d.owner },
    { label: m.columns.amount, numeric: true, value: (d) => d.amount, text: (d) => f.money(d.amount) },
    { label: m.columns.expected_close, value: (d) => d.expected_close, text: (d) => (d.expected_close ? f.date(d.expected_close) : '') },
    { label: m.columns.flags, wide: true, value: (d) => flagsText(ctx, d), tone: (d) => (d.flags.length ? 'bad' : undefined) },
  );
  return cols;
}

/** Stalled deals in metrics.json order (days in stage descending, then id). */
export function stalledDeals(ctx: PageContext): OpenDealRow[] {
  const byId = new Map(ctx.site.open_deals.map((d) => [d.deal_id, d]));
  return ctx.site.metrics.stalled.map((s) => byId.get(s.deal_id)!).filter(Boolean);
}

export function stalledTable(ctx: PageContext, id: string, limit?: number): TableModel {
  return table(id, ctx.m.sections.stalled, openDealColumns(ctx, true), stalledDeals(ctx), limit);
}
