/**
 * The Forecast page's deal lists on a small hand-computed data set: which
 * open deals make up this month, the rest of this quarter and the past-due
 * list, in which order, with which totals, category, pushes and risk flags;
 * and that each list's total equals metrics `forecast`'s buckets.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, FieldChange } from '../../../src/lib/dataset.ts';
import { type Config, defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { closingMonthsAfterQuarter, forecastDealLists, forecastDealsSection, forecastModel, laterMonthsOfQuarter, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { sortKey, type TableModel } from '../../../src/lib/views/table.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-05-20';
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config: Config = defaultConfig();

// Stage probabilities of the default config: prospect 0.1, qualify 0.25, propose 0.5, negotiate 0.75.
const open = (id: string, stage: string, entered: string, close: string | null, amount: number, extra: Partial<DealSpec> = {}): DealSpec => ({
  id,
  name: `Deal ${id}`,
  accountId: `ACC-${id}`,
  accountName: `Account ${id}`,
  owner: 'Kim',
  createdAt: at('2025-01-10'),
  amount,
  expectedCloseAt: close,
  keyman: 'Lee',
  budgetConfirmed: true,
  history: [
    ['prospect', at('2025-01-10')],
    ...(stage === 'prospect' ? [] : ([[stage, at(entered)]] as [string, number][])),
  ],
  ...extra,
});

const specs: DealSpec[] = [
  /* 0 */ open('A', 'propose', '2025-05-01', '2025-05-25', 3_000_000, { forecastCategory: 'commit' }),
  /* 1 */ open('B', 'prospect', '2025-01-10', '2025-05-31', 5_000_000, { forecastCategory: 'pipeline', owner: 'Park' }),
  /* 2 */ open('C', 'negotiate', '2025-03-01', '2025-05-28', 2_000_000, { forecastCategory: 'best_case', keyman: '', budgetConfirmed: false }),
  /* 3 */ open('D', 'qualify', '2025-05-10', '2025-05-21', 1_000_000, { forecastCategory: 'commit', owner: 'Park' }),
  /* 4 */ open('E', 'prospect', '2025-01-10', '2025-06-10', 4_000_000),
  /* 5 */ open('F', 'propose', '2025-05-05', '2025-06-30', 6_000_000, { forecastCategory: 'omitted', budgetConfirmed: false }),
  /* 6 */ open('G', 'negotiate', '2025-05-01', '2025-05-10', 7_000_000, { forecastCategory: 'commit' }),
  /* 7 */ open('H', 'propose', '2025-05-01', '2025-07-01', 9_000_000, { forecastCategory: 'commit' }),
  /* 8 */ open('I', 'prospect', '2025-01-10', null, 8_000_000, { forecastCategory: 'commit' }),
  /* 9 */ {
    id: 'J',
    createdAt: at('2025-01-10'),
    closedAt: at('2025-05-02'),
    amount: 10_000_000,
    expectedCloseAt: '2025-05-25',
    forecastCategory: 'commit',
    history: [
      ['prospect', at('2025-01-10')],
      ['won', at('2025-05-02')],
    ],
  },
];
// B's close date pushed twice (Apr 30 -> May 15 -> May 31): 2 pushes, the `pushed` flag.
const push = (deal: number, from: string, to: string, on: string, line: number): FieldChange => ({
  deal,
  field: 'expected_close_at',
  oldValue: from,
  newValue: to,
  changedAt: at(on),
  line,
});

function site(categories = true): SiteData {
  const d: Dataset = makeDataset(config, specs, [push(1, '2025-04-30', '2025-05-15', '2025-04-01', 2), push(1, '2025-05-15', '2025-05-31', '2025-05-10', 3)]);
  if (categories) d.columns['deals.csv']!.add('forecast_category');
  else for (const deal of d.deals) deal.forecastCategory = null;
  return siteDataSchema.parse(buildSiteData(d, config, AS_OF, { dataLabel: 'test' }));
}
const ctx = (s: SiteData, locale: Locale = 'en') => pageContext(s, locale);
const texts = (t: TableModel) => t.rows.map((r) => r.map((c) => c.text));

describe('the forecast page’s deal lists', () => {
  const s = site();
  const lists = forecastDealLists(ctx(s));

  it('lists this month (from as_of on), the rest of the quarter and the past-due deals, commit first, then best case, pipeline, omitted, none; by amount within', () => {
    expect(laterMonthsOfQuarter(AS_OF)).toEqual(['2025-06']);
    expect(lists.map((l) => [l.key, l.buckets, l.deals.map((d) => d.deal_id)])).toEqual([
      // H (July) is after the quarter, I has no date, J is won: in no list.
      ['month', ['2025-05'], ['A', 'D', 'C', 'B']],
      ['rest-of-quarter', ['2025-06'], ['F', 'E']],
      ['past-due', ['overdue'], ['G']],
    ]);
  });

  it('totals by hand: count, amount, weighted amount (amount × stage probability), commit and best case', () => {
    expect(lists.map((l) => l.totals)).toEqual([
      // 3M×0.5 + 1M×0.25 + 2M×0.75 + 5M×0.1 = 3.75M; commit A + D; best case + C.
      { count: 4, amount: 11_000_000, weighted_amount: 3_750_000, commit_amount: 4_000_000, best_case_amount: 6_000_000 },
      // 6M×0.5 + 4M×0.1
      { count: 2, amount: 10_000_000, weighted_amount: 3_400_000, commit_amount: 0, best_case_amount: 0 },
      { count: 1, amount: 7_000_000, weighted_amount: 5_250_000, commit_amount: 7_000_000, best_case_amount: 7_000_000 },
    ]);
  });

  it('each list’s total equals metrics `forecast`’s buckets (count, amount, weighted, commit, best case)', () => {
    for (const list of lists) {
      const rows = s.metrics.forecast.filter((b) => list.buckets.includes(b.bucket));
      const sum = (k: 'count' | 'amount' | 'weighted_amount' | 'commit_amount' | 'best_case_amount') => rows.reduce((n, r) => n + r[k]!, 0);
      expect(list.totals.count).toBe(sum('count'));
      expect(list.totals.amount).toBe(sum('amount'));
      expect(list.totals.weighted_amount).toBeCloseTo(sum('weighted_amount'), 6);
      expect(list.totals.commit_amount).toBe(sum('commit_amount'));
      expect(list.totals.best_case_amount).toBe(sum('best_case_amount'));
    }
  });

  it('the page table: key columns first, category words, pushes, the Stalled page’s flags, and a total row last', () => {
    const section = forecastDealsSection(ctx(s));
    expect(section.heading).toBe('Deals expected to close this month and quarter');
    expect(section.lists.map((l) => [l.heading, l.shown])).toEqual([
      ['May 2025 (this month, due May 20, 2025 or later)', true],
      ['Later this quarter: Jun 2025 (Q2 2025)', true],
      ['Past expected close, still open', true],
      // The close-date filter's list, kept hidden and empty for a filter chosen in the browser.
      ['', false],
    ]);
    expect([section.lists[3]!.table.id, section.lists[3]!.table.rows, section.closingIntro]).toEqual(['deals-closing-period', [], '']);
    const month = section.lists[0]!.table;
    expect(month.headers.map((h) => h.label)).toEqual(['Deal', 'Amount', 'Forecast category', 'Expected close', 'Owner', 'Account', 'Stage', 'Weighted amount', 'Close-date pushes', 'Warning signs']);
    expect(texts(month)).toEqual([
      ['Deal A', '₩3M', 'Commit', 'May 25, 2025', 'Kim', 'Account A', 'Proposal', '₩1.5M', '0', ''],
      ['Deal D', '₩1M', 'Commit', 'May 21, 2025', 'Park', 'Account D', 'Qualification', '₩250K', '0', ''],
      // In Negotiation since Mar 1 noon: 80.5\u00a0days at T (00:00 May 21), over the 30-day default.
      ['Deal C', '₩2M', 'Best case', 'May 28, 2025', 'Kim', 'Account C', 'Negotiation', '₩1.5M', '0', 'Over the Negotiation threshold: 80\u00a0days vs 30\u00a0days\u00a0· Deal has no keyman\u00a0· Budget not confirmed'],
      // In Prospect since Jan 10 noon: 130.5\u00a0days; its date pushed twice.
      ['Deal B', '₩5M', 'Pipeline', 'May 31, 2025', 'Park', 'Account B', 'Prospect', '₩500K', '2', 'Over the Prospect threshold: 130\u00a0days vs 30\u00a0days\u00a0· Close date pushed 2\u00a0times from Apr 30, 2025'],
      ['Total: 4\u00a0deals', '₩11M', 'Commit ₩4M\u00a0· best case ₩6M', '', '', '', '', '₩3.75M', '', ''],
    ]);
    expect(month.rows.at(-1)!.every((c) => c.tone === 'total')).toBe(true);
    expect([month.totalRows, month.csv.rows.length, month.truncated]).toEqual([1, 4, 0]);
    // The category sorts by its header in the lists' order (a rank), the date in time order.
    expect(month.rows.slice(0, -1).map((r) => [sortKey(r[2]!), sortKey(r[3]!)])).toEqual([
      ['0', '2025-05-25'],
      ['0', '2025-05-21'],
      ['1', '2025-05-28'],
      ['2', '2025-05-31'],
    ]);
    // The CSV: the deals only (no total row), ids beside names, codes beside words, full amounts; unique headers.
    expect(month.csv.headers).toEqual([
      'Deal ID', 'Deal', 'Amount', 'Forecast category (code)', 'Forecast category', 'Expected close', 'Owner', 'Account ID', 'Account',
      'Stage ID', 'Stage', 'Weighted amount', 'Close-date pushes', 'Warning signs (code)', 'Warning signs',
    ]);
    expect(new Set(month.csv.headers).size).toBe(month.csv.headers.length);
    expect(month.csv.rows.map((r) => [r[0], r[2], r[3], r[13]])).toEqual([
      ['A', 3_000_000, 'commit', ''],
      ['D', 1_000_000, 'commit', ''],
      ['C', 2_000_000, 'best_case', 'stalled no_keyman budget_unconfirmed'],
      ['B', 5_000_000, 'pipeline', 'stalled pushed'],
    ]);
    const rest = texts(section.lists[1]!.table);
    expect(rest.map((r) => [r[0], r[2], r[9]])).toEqual([
      ['Deal F', 'Omitted', 'Budget not confirmed'],
      ['Deal E', 'None', 'Over the Prospect threshold: 130\u00a0days vs 30\u00a0days'],
      ['Total: 2\u00a0deals', 'Commit ₩0\u00a0· best case ₩0', ''],
    ]);
    expect(texts(section.lists[2]!.table)[0]!.slice(0, 4)).toEqual(['Deal G', '₩7M', 'Commit', 'May 10, 2025']);
    expect(texts(section.lists[2]!.table)[0]![9]).toBe('Past expected close');
  });

  it('the page model lists them after coverage, the quarter’s won deals last, and their tables are the page’s tables (CSV, filters)', () => {
    const model = forecastModel(ctx(s));
    // No target here: no attainment or coverage; the owners' call (this data has forecast categories) comes first.
    expect(model.sections.map((x) => x.kind)).toEqual(['table', 'deals', 'chart', 'chart', 'chart', 'table']);
    expect(model.tables.map((t) => t.id)).toEqual(['call-by-owner', 'deals-month', 'deals-rest-of-quarter', 'deals-past-due', 'won-this-quarter']);
  });

  it('in Korean: the catalogue’s words (커밋, 예측 범주, 예상 마감일)', () => {
    const section = forecastDealsSection(ctx(s, 'ko'));
    expect(section.heading).toBe('이번 달·이번 분기 마감 예정 딜');
    const month = section.lists[0]!.table;
    expect(month.headers.map((h) => h.label).slice(0, 4)).toEqual(['딜', '금액', '예측 범주', '예상 마감일']);
    expect(texts(month).map((r) => r[2])).toEqual(['커밋', '커밋', '베스트 케이스', '파이프라인', '커밋 400만원\u00a0· 베스트 케이스 600만원']);
    expect(texts(month).at(-1)![0]).toBe('합계: 4건');
  });
});

describe('under a close-date filter reaching past this quarter', () => {
  // The page under `?closing=…` as the browser's recompute gives it (the data set here is small enough to stand for the view).
  const closing = (period: string) => pageContext(site(), 'en', '/', { matched: 10, closeDatesTracked: true, targets: 'none', filter: { ...NO_FILTER, closing: period } });

  it('the filter period’s months after as_of’s quarter (May 20, 2025: Q2 ends with June)', () => {
    expect(closingMonthsAfterQuarter(AS_OF, '2025-Q3')).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(closingMonthsAfterQuarter(AS_OF, '2025')).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(closingMonthsAfterQuarter(AS_OF, '2025-08')).toEqual(['2025-08']);
    // Past the forecast's six months (May to Oct), by month all the same.
    expect(closingMonthsAfterQuarter(AS_OF, '2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    // A period that ends with the quarter, or before it, or no filter: no list.
    for (const period of ['2025-Q2', '2025-06', '2024', '2025-Q1']) expect(closingMonthsAfterQuarter(AS_OF, period)).toEqual([]);
    expect(closingMonthsAfterQuarter(AS_OF, null)).toEqual([]);
  });

  it('lists the open deals expected in those months, last, with its total; H (Jul 1) under Q3 and the year, none under Q4', () => {
    const q3 = forecastDealLists(closing('2025-Q3'));
    expect(q3.map((l) => [l.key, l.deals.map((d) => d.deal_id)])).toEqual([
      ['month', ['A', 'D', 'C', 'B']],
      ['rest-of-quarter', ['F', 'E']],
      ['past-due', ['G']],
      ['closing-period', ['H']],
    ]);
    // H: ₩9M in Proposal (0.5), commit.
    expect(q3.at(-1)!.totals).toEqual({ count: 1, amount: 9_000_000, weighted_amount: 4_500_000, commit_amount: 9_000_000, best_case_amount: 9_000_000 });
    expect(forecastDealLists(closing('2025')).at(-1)!.deals.map((d) => d.deal_id)).toEqual(['H']);
    const section = forecastDealsSection(closing('2025-Q4'));
    expect(section.lists.at(-1)!.heading).toBe('Q4 2025, after this quarter: Oct 2025 – Dec 2025');
    expect(section.lists.at(-1)!.table.empty).toBe('No open deal is expected to close from Oct 2025 to Dec 2025.');
    expect(section.closingIntro).toBe('The close-date filter (Q4 2025) reaches past this quarter: the last list holds its open deals expected after it.');
    expect(section.lists.at(-1)!.shown).toBe(true);
    // Within the quarter the other lists already show the filter's deals: the fourth list is not shown, no sentence.
    const q2 = forecastDealsSection(closing('2025-Q2'));
    expect(q2.lists.map((l) => [l.key, l.shown])).toEqual([['month', true], ['rest-of-quarter', true], ['past-due', true], ['closing-period', false]]);
    expect(q2.closingIntro).toBe('');
  });

  it('in Korean', () => {
    const ko = forecastDealsSection(pageContext(site(), 'ko', '/', { matched: 10, closeDatesTracked: true, targets: 'none', filter: { ...NO_FILTER, closing: '2025-08' } }));
    expect(ko.lists.at(-1)!.heading).toMatch(/^2025년\s8월 중 이번 분기 이후: 2025년\s8월$/u);
    expect(ko.lists.at(-1)!.table.empty).toMatch(/^2025년\s8월에 마감 예정인 진행 중 딜이 없습니다\.$/u);
  });
});

describe('without a forecast category column', () => {
  const s = site(false);
  it('no category column; sorted by amount; the section says what is missing and how to get it', () => {
    const section = forecastDealsSection(ctx(s));
    expect(section.lists[0]!.table.headers.map((h) => h.label)).not.toContain('Forecast category');
    expect(forecastDealLists(ctx(s))[0]!.deals.map((d) => d.deal_id)).toEqual(['B', 'A', 'C', 'D']);
    expect(forecastDealLists(ctx(s))[0]!.totals.commit_amount).toBeNull();
    expect(section.intro.at(-1)).toMatch(/^deals\.csv has no forecast_category column.*add a forecast_category column/);
  });
});

describe('empty lists say why', () => {
  it('a quarter’s last month has no later list and says so; an empty list names the period', () => {
    const s = siteDataSchema.parse(
      buildSiteData(makeDataset(config, [open('A', 'propose', '2025-06-01', '2025-07-15', 1_000_000)]), config, '2025-06-10', { dataLabel: 'test' }),
    );
    const section = forecastDealsSection(ctx(s));
    expect(section.lists.filter((l) => l.shown).map((l) => l.key)).toEqual(['month', 'past-due']);
    expect(section.intro).toContain('This month is the last of Q2 2025: its list is the rest of the quarter.');
    expect(section.lists[0]!.table.rows).toEqual([]);
    expect(section.lists[0]!.table.empty).toBe('No open deal is expected to close in the rest of Jun 2025.');
    expect(section.lists[1]!.table.empty).toBe('No open deal’s expected close date has passed.');
  });
});
