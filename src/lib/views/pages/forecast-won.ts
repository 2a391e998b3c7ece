/**
 * The Forecast page's list of the deals won in the report date's quarter so
 * far (site `won_this_quarter`, views/won-deals.ts): the won part of the
 * quarter's attainment and coverage, deal by deal, largest first, with a
 * total row. Built from the manifest, so a filtered view lists its own.
 */
import { quarterOf } from '../../time.ts';
import type { WonDeal } from '../deal-schemas.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { filterMatchesNone } from './absence.ts';
import type { PageContext } from './context.ts';
import { accountLinks, dealLinks, ownerLinks } from './deals.ts';

type Row = { deal: WonDeal; total?: undefined } | { deal?: undefined; total: { count: number; amount: number } };

export interface WonSection {
  heading: string;
  intro: string;
  table: TableModel;
}

export function wonThisQuarterSection(ctx: PageContext): WonSection {
  const { m, f, site } = ctx;
  const w = m.forecastPage.won;
  const quarter = quarterOf(site.as_of);
  const account = accountLinks(ctx);
  const owner = ownerLinks(ctx);
  const crm = dealLinks(ctx);
  const tone = (r: Row) => (r.total ? ('total' as const) : undefined);
  // The deal, its amount and the day it was won first: what a phone shows without scrolling sideways.
  const cols: Column<Row>[] = [
    { label: m.columns.deal_id, csvOnly: true, value: (r) => r.deal?.deal_id ?? null },
    {
      label: m.forecastPage.deals.columns.deal,
      value: (r) => (r.deal ? r.deal.name || r.deal.deal_id : null),
      text: (r) => (r.deal ? r.deal.name || r.deal.deal_id : m.forecastPage.deals.total({ count: r.total.count }, f)),
      href: (r) => (r.deal ? crm(r.deal.deal_id) : undefined),
      tone,
    },
    {
      label: m.columns.amount,
      numeric: true,
      digits: moneyDigits(f.currency),
      // Unknown at T: "No amount", counted as 0 as coverage counts it.
      value: (r) => (r.deal ? (r.deal.amount_missing ? null : r.deal.amount) : r.total.amount),
      text: (r) => (r.deal?.amount_missing ? m.common.noAmount : f.moneyCompact(r.deal ? r.deal.amount : r.total.amount)),
      tone: (r) => tone(r) ?? (r.deal?.amount_missing ? 'muted' : undefined),
    },
    { label: w.closed, value: (r) => r.deal?.closed ?? null, text: (r) => (r.deal ? f.date(r.deal.closed) : ''), tone },
    { label: m.columns.owner, value: (r) => r.deal?.owner ?? null, href: (r) => (r.deal ? owner(r.deal.owner) : undefined), tone },
    { label: m.columns.account_id, csvOnly: true, value: (r) => r.deal?.account_id ?? null },
    { label: m.columns.account, value: (r) => (r.deal ? r.deal.account_name || r.deal.account_id : null), href: (r) => (r.deal ? account(r.deal.account_id) : undefined), tone },
    { label: m.columns.product, value: (r) => r.deal?.product ?? null, tone },
  ];
  const deals = site.won_this_quarter;
  const total = { count: deals.length, amount: deals.reduce((sum, d) => sum + d.amount, 0) };
  const heading = w.heading({ quarter }, f);
  const empty = filterMatchesNone(ctx) ? m.absence.filterMatchesNone : w.empty({ quarter, asOf: site.as_of }, f);
  return {
    heading,
    intro: w.intro({ quarter, asOf: site.as_of }, f),
    // The total row, in the page only: the CSV lists the deals.
    table: table<Row>('won-this-quarter', heading, cols, deals.map((deal) => ({ deal })), { empty, compact: true, ...(deals.length > 0 ? { totals: [{ total }] } : {}) }),
  };
}
