/**
 * A deal whose amount is unknown (an empty amount cell in deals.csv, or an
 * amount replayed empty from field_history.csv) counts as 0 in every sum
 * (metrics rule 8), but a deal list showed it as "₩0" / "0원", as if the
 * customer would pay nothing (data/sample D-01886 on the Stalled and
 * Forecast pages). The lists now say "No amount"; their CSV leaves the cell
 * empty; a deal whose amount really is 0 still reads ₩0.
 */
import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../../src/lib/dataset.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { accountModel, changesModel, forecastModel, ownerModel, pageContext, removedTable, repurchaseModel, stalledModel } from '../../../src/lib/views/pages/index.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData, extractSite } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, noonOf, proposalDeal } from '../../helpers/dataset.ts';

const at = noonOf;
const config = defaultConfig();
/** At Proposal since 2025-01-10 (stalled as of 2025-06-30), due 2025-03-31 (past). */
const deal = (id: string, extra: Partial<DealSpec>): DealSpec => proposalDeal(id, { expectedCloseAt: '2025-03-31', ...extra });
// R1's amount was empty until 2025-07-10, after the as-of date: unknown at T.
const later: FieldChange = { deal: 2, field: 'amount', oldValue: null, newValue: 7_000_000, changedAt: at('2025-07-10'), line: 2 };
const site = siteDataSchema.parse(
  buildSiteData(makeDataset(config, [deal('E1', { amount: null }), deal('Z1', { amount: 0 }), deal('R1', { amount: 7_000_000 }), deal('K1', { amount: 4_000_000 })], [later]), config, '2025-06-30', {
    dataLabel: 'test',
  }),
);

/** Each row's deal id (first CSV column) with the amount cell's text and CSV value. */
function amounts(t: TableModel): Record<string, [string, unknown]> {
  const col = t.headers.findIndex((h) => h.label === 'Amount' || h.label === '금액');
  const csvCol = t.csv.headers.findIndex((h) => h === 'Amount' || h === '금액');
  return Object.fromEntries(t.csv.rows.map((r, i) => [r[0] as string, [t.rows[i]![col]!.text, r[csvCol]]]));
}

describe('a deal of unknown amount', () => {
  it('the manifest marks it, and the metrics still count it as 0', () => {
    expect(site.open_deals.filter((d) => d.amount_missing).map((d) => d.deal_id).sort()).toEqual(['E1', 'R1']);
    expect(site.open_deals.find((d) => d.deal_id === 'R1')!.amount).toBe(0);
    expect(site.metrics.pipeline.open_amount).toBe(4_000_000);
  });

  it.each<[Locale, string, string]>([
    ['en', 'No amount', '₩0'],
    ['ko', '금액 없음', '0원'],
  ])('the stalled, forecast and owner lists say so (%s), and a real 0 stays 0', (locale, none, zero) => {
    const ctx = pageContext(site, locale);
    const expected = { E1: [none, null], R1: [none, null], Z1: [zero, 0], K1: [expect.stringMatching(/4/), 4_000_000] };
    expect(amounts(stalledModel(ctx).stalled)).toEqual(expected);
    expect(amounts(ownerModel(ctx, site.owners.rows[0]!).deals)).toEqual(expected);
    const pastDue = forecastModel(ctx).tables.find((t) => t.id === 'deals-past-due')!;
    expect(amounts(pastDue)).toEqual(expected);
    // The weighted amount too; the total row counts the unknown amounts as 0, as the forecast's overdue bucket does.
    const weighted = pastDue.headers.findIndex((h) => h.label === (locale === 'en' ? 'Weighted amount' : '가중 금액'));
    expect(pastDue.rows.map((r) => r[weighted]!.text).slice(0, 4).filter((t) => t === none)).toHaveLength(2);
    expect(site.metrics.forecast.find((b) => b.bucket === 'overdue')).toMatchObject({ count: 4, amount: 4_000_000 });
  });
});

describe('a deal of unknown amount on an account page and in "What changed"', () => {
  // X1's amount was empty until 2025-03-01: unknown on 2025-01-05 (the compared date), known (5,000,000) at the as-of date.
  const known: FieldChange = { deal: 4, field: 'amount', oldValue: null, newValue: 5_000_000, changedAt: at('2025-03-01'), line: 3 };
  const specs = [deal('E1', { amount: null }), deal('Z1', { amount: 0 }), deal('R1', { amount: 7_000_000 }), deal('K1', { amount: 4_000_000 }), deal('X1', { amount: 5_000_000 })];
  const extracted = extractSite(makeDataset(config, specs, [later, known]), config, '2025-06-30', {
    dataLabel: 'test',
    compareTo: { date: '2025-01-05', basis: 'compare_to' },
  });
  const changes = siteDataSchema.parse(extracted.site);
  const slice = [...extracted.accountSlices()][0]!;

  it.each<[Locale, string, string]>([
    ['en', 'No amount', '₩0'],
    ['ko', '금액 없음', '0원'],
  ])('the account deal list says so (%s), and a real 0 stays 0', (locale, none, zero) => {
    const ctx = pageContext(changes, locale);
    expect(slice.account.deals.filter((d) => d.amount_missing).map((d) => d.deal_id).sort()).toEqual(['E1', 'R1']);
    expect(amounts(accountModel(ctx, slice).deals)).toEqual({
      E1: [none, null],
      R1: [none, null],
      Z1: [zero, 0],
      K1: [expect.stringMatching(/4/), 4_000_000],
      X1: [expect.stringMatching(/5/), 5_000_000],
    });
    // The stage timelines under the list, compact as the list (they once showed the unknown amounts as 0 in full).
    // The separator's no-break space read as a plain one.
    const summaries = Object.fromEntries(accountModel(ctx, slice).timelines.map((t) => [t.deal.deal_id, t.summary.replaceAll('\u00a0', ' ')]));
    const open = locale === 'en' ? 'Open' : '진행 중';
    expect(summaries).toEqual({
      E1: `E1 · ${open} · ${none}`,
      R1: `R1 · ${open} · ${none}`,
      Z1: `Z1 · ${open} · ${zero}`,
      K1: `K1 · ${open} · ${locale === 'en' ? '₩4M' : '400만원'}`,
      X1: `X1 · ${open} · ${locale === 'en' ? '₩5M' : '500만원'}`,
    });
  });

  it.each<[Locale, string, string]>([
    ['en', 'No amount', '₩0'],
    ['ko', '금액 없음', '0원'],
  ])('the "What changed" lists say so, the amount now and then (%s)', (locale, none, zero) => {
    const ctx = pageContext(changes, locale);
    const sections = changesModel(ctx).sections;
    /** Each row's deal id with the text and CSV value of the column `label`. */
    const column = (t: TableModel, label: string) => {
      const col = t.headers.findIndex((h) => h.label === label);
      const csvCol = t.csv.headers.indexOf(label);
      return Object.fromEntries(t.csv.rows.map((r, i) => [r[0] as string, [t.rows[i]![col]!.text, r[csvCol]]]));
    };
    const advanced = sections.find((s) => s.kind === 'advanced')!.table;
    expect(column(advanced, ctx.m.changes.amountTo)).toEqual({
      E1: [none, null],
      R1: [none, null],
      Z1: [zero, 0],
      K1: [expect.stringMatching(/4/), 4_000_000],
      X1: [expect.stringMatching(/5/), 5_000_000],
    });
    const up = sections.find((s) => s.kind === 'amount_up')!.table;
    expect(column(up, ctx.m.changes.amountFrom)).toEqual({ X1: [none, null] });
    expect(column(up, ctx.m.changes.amountTo)).toEqual({ X1: [expect.stringMatching(/5/), 5_000_000] });
  });
});

describe('a removed deal and a repurchase of unknown amount', () => {
  // X1 removed on 2025-06-01 with no amount, X2 with 3,000,000; W1 won 2025-04-01 with no amount and a 12-month
  // lifecycle (due 2026-04-01), W2 won the same day for 2,000,000 with a 24-month one.
  const won = (id: string, accountId: string, amount: number | null, lifecycleMonths: number): DealSpec => ({
    id,
    accountId,
    amount,
    lifecycleMonths,
    product: 'CNC',
    createdAt: at('2025-01-05'),
    closedAt: at('2025-04-01'),
    history: [
      ['prospect', at('2025-01-05')],
      ['won', at('2025-04-01')],
    ],
  });
  const specs = [
    deal('X1', { amount: null, removedAt: at('2025-06-01') }),
    deal('X2', { amount: 3_000_000, removedAt: at('2025-05-01') }),
    won('W1', 'A', null, 12),
    won('W2', 'B', 2_000_000, 24),
  ];
  const s = siteDataSchema.parse(buildSiteData(makeDataset(config, specs), config, '2025-06-30', { dataLabel: 'test' }));

  it('the manifest marks them, and the metrics count them as 0', () => {
    expect(s.removed_deals.map((d) => [d.deal_id, d.amount, d.amount_missing ?? false])).toEqual([
      ['X1', 0, true],
      ['X2', 3_000_000, false],
    ]);
    expect(s.metrics.repurchase.map((r) => [r.deal_id, r.next_purchase_at, r.amount])).toEqual([
      ['W1', '2026-04-01', 0],
      ['W2', '2027-04-01', 2_000_000],
    ]);
    expect(s.repurchase_amount_unknown).toEqual([0]);
  });

  it.each<[Locale, string]>([
    ['en', 'No amount'],
    ['ko', '금액 없음'],
  ])('the Data quality and Repurchase pages say so (%s), their CSVs leave the cell empty', (locale, none) => {
    const ctx = pageContext(s, locale);
    expect(amounts(removedTable(ctx))).toEqual({ X1: [none, null], X2: [expect.stringMatching(/3/), 3_000_000] });
    const due = repurchaseModel(ctx).tables.find((t) => t.id === 'repurchase-due')!;
    const deal = due.csv.headers.indexOf(locale === 'en' ? 'Deal ID' : '딜 ID');
    const amount = due.csv.headers.indexOf(locale === 'en' ? 'Amount' : '금액');
    expect(due.csv.rows.map((r) => [r[deal], r[amount]])).toEqual([
      ['W1', null],
      ['W2', 2_000_000],
    ]);
    expect(due.rows.map((r) => r[2]!.text)).toEqual([none, locale === 'en' ? '₩2M' : '200만원']);
  });
});
