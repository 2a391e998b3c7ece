/**
 * The Win / loss page's deals by lead source, customer segment, industry and region (metrics/grouped-outcomes.ts
 * `groupedOutcomes`): which channels bring the deals that are won, the marketing half of the pipeline, and which kinds
 * of customer and which territories they are won with. The sentences above each table name the groups won most and
 * least often (of those with enough closed deals, and when their gap could be chance), where the won amount came from,
 * and the closed deals without one.
 */
import type { OutcomeGrouping } from '../../metrics/grouped-outcomes.ts';
import { UNSPECIFIED } from '../../metrics/win-loss.ts';
import { winRatesClearlyDiffer } from '../../rate-differences.ts';
import type { SiteData } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { isSmall, MIN_SAMPLE } from './absence.ts';
import { isRoughCycle, medianCycleColumn } from './cycle-column.ts';
import type { PageContext } from './context.ts';

type Row = NonNullable<SiteData['grouped_outcomes'][OutcomeGrouping]>[number];

export interface GroupedSection {
  table: TableModel;
  /** The sentences above the table; empty when the table's own empty text says what is missing. */
  intro: string;
  /** Whether a median cycle of too few deals is marked (the page's note says what the mark means). */
  rough: boolean;
}

const closed = (r: Row) => r.won_count + r.lost_count;

const TABLES = {
  source: { id: 'by-source', title: 'bySource' },
  segment: { id: 'by-segment', title: 'bySegment' },
  industry: { id: 'by-industry', title: 'byIndustry' },
  region: { id: 'by-region', title: 'byRegion' },
} as const;

/** The table of the deals by `grouping`, with its sentences. */
export function groupedSection(ctx: PageContext, grouping: OutcomeGrouping): GroupedSection {
  const { site, m, f } = ctx;
  const s = m.groups[grouping];
  const outcomes = site.grouped_outcomes[grouping];
  // Without the column, or with no value written on any deal: the table's one row says what is missing and how to get
  // it; with no deal open or closed in the window at all (an owner's filter, an early date), that.
  const rows = outcomes === null || outcomes.every((r) => r.name === UNSPECIFIED) ? [] : outcomes;
  // Salesforce objects give their accounts in an Account file, beside which an accounts.csv is not read.
  const where = { file: site.inputs.accounts_file, salesforce: site.source.format === 'salesforce-api' };
  const empty = outcomes === null ? s.noColumn(where) : outcomes.length === 0 ? m.empty.noClosed : s.noneRecorded;
  const columns: Column<Row>[] = [
    { label: s.column, value: (r) => r.name, text: (r) => ctx.label(r.name) },
    {
      // The rate with the deals behind it ('41% (52 / 127)'), as the owners' table writes it; won and lost in the CSV.
      label: m.columns.win_rate,
      numeric: true,
      value: (r) => r.win_rate,
      text: (r) => f.rateOf(r.win_rate, r.won_count, closed(r)),
      // A rate of a handful of deals: muted, as the funnel's (the sentence above compares only those with enough).
      tone: (r) => (isSmall(closed(r)) ? 'muted' : undefined),
      digits: 4,
    },
    { label: m.columns.won_count, numeric: true, value: (r) => r.won_count, csvOnly: true },
    { label: m.columns.lost_count, numeric: true, value: (r) => r.lost_count, csvOnly: true },
    { label: m.groups.wonAmount, numeric: true, value: (r) => r.won_amount, text: (r) => f.moneyCompact(r.won_amount), digits: moneyDigits(f.currency) },
    medianCycleColumn(ctx),
    { label: m.columns.open_count, numeric: true, value: (r) => r.open_count, text: (r) => f.count(r.open_count) },
    { label: m.columns.open_amount, numeric: true, value: (r) => r.open_amount, text: (r) => f.moneyCompact(r.open_amount), digits: moneyDigits(f.currency) },
  ];
  const { id, title } = TABLES[grouping];
  return { table: table(id, m.sections[title], columns, rows, { empty }), intro: rows.length === 0 ? '' : introOf(ctx, grouping, rows), rough: rows.some(isRoughCycle) };
}

function introOf(ctx: PageContext, grouping: OutcomeGrouping, rows: readonly Row[]): string {
  const { f } = ctx;
  const s = ctx.m.groups[grouping];
  const named = rows.filter((r) => r.name !== UNSPECIFIED);
  // One group alone (a filter by it, a CRM that records one) is compared with nothing, nor is its share of the won
  // amount said.
  const said = named.length > 1 ? [comparison(ctx, grouping, named), mostWon(ctx, grouping, rows, named)] : [];
  const none = rows.find((r) => r.name === UNSPECIFIED);
  const total = rows.reduce((sum, r) => sum + closed(r), 0);
  if (none !== undefined && closed(none) > 0) said.push(s.unspecified({ count: closed(none), total }, f));
  return said.filter((text) => text !== '').join(' ');
}

/**
 * The groups won most and least often, of those with at least MIN_SAMPLE closed deals, and that the gap is no clear
 * difference when their rates differ by no more than chance would; or that too few have.
 */
function comparison(ctx: PageContext, grouping: OutcomeGrouping, named: readonly Row[]): string {
  const { m, f } = ctx;
  const s = m.groups[grouping];
  const compared = named.filter((r) => closed(r) >= MIN_SAMPLE);
  if (compared.length < 2) return s.tooFew({ min: MIN_SAMPLE }, f);
  // Highest and lowest rate; a tie goes to the group with more closed deals (rows come most closed first).
  const rate = (r: Row) => r.win_rate ?? 0;
  const best = compared.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const worst = compared.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  if (rate(best) === rate(worst)) return s.same({ rate: f.percent(best.win_rate) });
  const counts = (r: Row) => m.qualification.counts({ won: r.won_count, closed: closed(r) }, f);
  // One test of every group compared, not of the pair named: among many groups, some gap is always found.
  const clear = winRatesClearlyDiffer(compared.map((r) => ({ won: r.won_count, closed: closed(r) })));
  const spread = s.spread({
    best: ctx.label(best.name),
    bestRate: f.percent(best.win_rate),
    bestCounts: counts(best),
    worst: ctx.label(worst.name),
    worstRate: f.percent(worst.win_rate),
    worstCounts: counts(worst),
  });
  return clear ? spread : `${spread} ${m.common.noClearDifference}`;
}

/** The group the most won amount came from, and its share of all of it ('' when nothing was won). */
function mostWon(ctx: PageContext, grouping: OutcomeGrouping, rows: readonly Row[], named: readonly Row[]): string {
  const { f } = ctx;
  const wonTotal = rows.reduce((sum, r) => sum + r.won_amount, 0);
  const top = named.reduce((a, b) => (b.won_amount > a.won_amount ? b : a));
  if (wonTotal <= 0 || top.won_amount <= 0) return '';
  return ctx.m.groups[grouping].mostWon({ name: ctx.label(top.name), amount: f.moneyCompact(top.won_amount), share: f.percent(top.won_amount / wonTotal) });
}
