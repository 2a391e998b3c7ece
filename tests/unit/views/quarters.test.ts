/**
 * The deals closed by quarter (metrics/quarters-closed.ts, views/pages/quarters.ts): the window's quarters, the
 * deals counted by the quarter they closed in, the loss reasons' sentence on the reason that moved most and the win
 * rates' on the first quarter against the last, each with whether the quarters differ by more than chance would
 * (chi-square and Fisher values computed by hand); and the page's lead, the window's closed deals and win rate.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { quartersBetween } from '../../../src/lib/metrics/quarters-closed.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
let serial = 0;
const lost = (date: string, reason: string): DealSpec => ({
  id: `D${++serial}`,
  createdAt: at('2024-01-02'),
  closedAt: at(date),
  amount: 100,
  lostReason: reason,
  history: [['prospect', at('2024-01-02')], ['lost', at(date)]],
});
const times = (n: number, date: string, reason: string) => Array.from({ length: n }, () => lost(date, reason));

const won = (date: string, amount: number): DealSpec => ({ id: `W${++serial}`, createdAt: at('2024-01-02'), closedAt: at(date), amount, history: [['prospect', at('2024-01-02')], ['won', at(date)]] });

const site = (deals: DealSpec[], asOf = '2025-06-30') => siteDataSchema.parse(buildSiteData(makeDataset(defaultConfig(), deals), defaultConfig(), asOf, { dataLabel: 'test' }));
const section = (deals: DealSpec[], locale: 'en' | 'ko' = 'en', asOf?: string) => {
  const model = winLossModel(pageContext(site(deals, asOf), locale));
  const table = model.tables.find((t) => t.id === 'loss-reasons-by-quarter');
  return { table, intro: model.tableIntros?.find(([id]) => id === 'loss-reasons-by-quarter')?.[1] };
};
const cells = (t: { rows: { text: string }[][] }) => t.rows.map((r) => r.map((c) => c.text).join(' | '));

// The window of 2025-06-30 (2024-07-01 to 2025-06-30): Q3 2024: 8 price, 2 timing; Q4 2024: 10 timing and one won; Q2 2025: one without a reason.
const DEALS = [
  lost('2024-06-30', 'price'), // before the window: not counted
  ...times(8, '2024-07-01', 'price'),
  ...times(2, '2024-09-30', 'timing'),
  ...times(10, '2024-11-15', 'timing'),
  won('2024-12-31', 500),
  lost('2025-06-30', ''),
];

describe('the analysis window in quarters', () => {
  it('cuts the first and last quarter to the window, across a year', () => {
    expect(quartersBetween('2025-05-16', '2026-05-15')).toEqual([
      { quarter: '2025-Q2', from: '2025-05-16', to: '2025-06-30' },
      { quarter: '2025-Q3', from: '2025-07-01', to: '2025-09-30' },
      { quarter: '2025-Q4', from: '2025-10-01', to: '2025-12-31' },
      { quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
      { quarter: '2026-Q2', from: '2026-04-01', to: '2026-05-15' },
    ]);
    expect(quartersBetween('2024-12-31', '2025-01-01')).toEqual([
      { quarter: '2024-Q4', from: '2024-12-31', to: '2024-12-31' },
      { quarter: '2025-Q1', from: '2025-01-01', to: '2025-01-01' },
    ]);
  });
});

describe('loss reasons by quarter', () => {
  // The window of 2025-06-30: 2024-07-01 to 2025-06-30, four whole quarters.
  it('counts each closed deal in the quarter it closed in, within the window alone, with each quarter’s total', () => {
    const s = site(DEALS);
    expect(s.closed_by_quarter).toEqual({
      quarters: [
        { quarter: '2024-Q3', from: '2024-07-01', to: '2024-09-30', won: 0, lost: 10, won_amount: 0, lost_amount: 1000 },
        { quarter: '2024-Q4', from: '2024-10-01', to: '2024-12-31', won: 1, lost: 10, won_amount: 500, lost_amount: 1000 },
        { quarter: '2025-Q1', from: '2025-01-01', to: '2025-03-31', won: 0, lost: 0, won_amount: 0, lost_amount: 0 },
        { quarter: '2025-Q2', from: '2025-04-01', to: '2025-06-30', won: 0, lost: 1, won_amount: 0, lost_amount: 100 },
      ],
      loss_reasons: [
        { reason: 'timing', counts: [2, 10, 0, 0] },
        { reason: 'price', counts: [8, 0, 0, 0] },
        { reason: '(unspecified)', counts: [0, 0, 0, 1] },
      ],
    });
    // The quarters add up to the window's win rate: 1 won of 22, 500 of 2,600.
    expect(s.metrics.win_rate).toMatchObject({ won_count: 1, lost_count: 21, won_amount: 500, lost_amount: 2100 });
    const { table, intro } = section(DEALS);
    expect(table!.headers.map((h) => h.label)).toEqual(['Reason', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025']);
    // Shares of each quarter's lost deals; a quarter without any shows its counts alone; the total row last.
    expect(cells(table!)).toEqual([
      'Timing | 20% (2) | 100% (10) | 0 | 0% (0)',
      'Price | 80% (8) | 0% (0) | 0 | 0% (0)',
      '(unspecified) | 0% (0) | 0% (0) | 0 | 100% (1)',
      'Lost deals | 10 | 10 | 0 | 1',
    ]);
    // The CSV: the reasons' counts, no total row.
    expect(table!.csv.rows).toEqual([
      ['timing', 'Timing', 2, 10, 0, 0],
      ['price', 'Price', 8, 0, 0, 0],
      ['(unspecified)', '(unspecified)', 0, 0, 0, 1],
    ]);
    // The last quarter has fewer than 10 lost deals: no reason is said to have moved.
    expect(intro).toBe("Each cell is the reason's share of the deals lost in that quarter, and their number.");
  });

  it('names the reason that moved most, and says when the mix changed by more than chance would (en, ko)', () => {
    // Q3 2024: price 1, timing 8, brand 1; Q2 2025: price 9, timing 1. Price moved 80 points, timing 70, brand 10.
    // (No labels in the config: the code reads as "Price" in Korean too.)
    // Chi-square of [[1, 9], [8, 1], [1, 0]] = 578/45 = 12.84 on 2 degrees of freedom: p = e^(−6.42) = 0.0016, clear.
    const deals = [...times(1, '2024-08-01', 'price'), ...times(8, '2024-08-01', 'timing'), ...times(1, '2024-08-01', 'brand'), ...times(9, '2025-05-01', 'price'), ...times(1, '2025-05-01', 'timing')];
    expect(section(deals).intro).toBe(
      "Each cell is the reason's share of the deals lost in that quarter, and their number. Price was 10% of the deals lost in Q3 2024, 1 of 10, and 90% in Q2 2025, 9 of 10: the largest change in the mix of reasons, which changed across the quarters by more than chance would at these counts.",
    );
    expect(section(deals, 'ko').intro).toBe(
      '각 칸은 그 분기에 실주한 딜 중 해당 사유의 비중이며, 괄호 안은 딜 수입니다. Price는 2024년\u00a03분기 실주 딜의 10%(10건 중 1건)에서 2025년\u00a02분기 90%(10건 중 9건)로 바뀌어, 사유 구성에서 가장 크게 달라졌습니다. 이 딜 수에서 분기별 사유 구성의 변화는 우연으로 보기 어렵습니다.',
    );
  });

  it('says a change the counts could give by chance is no clear change (en, ko)', () => {
    // Q3 2024: price 3, timing 5, brand 2; Q2 2025: price 5, timing 4, brand 1. Price moved 20 points, the others 10.
    // Chi-square of [[3, 5], [5, 4], [2, 1]] = 17/18 = 0.94 on 2 degrees of freedom: p = e^(−0.47) = 0.62.
    const deals = [...times(3, '2024-08-01', 'price'), ...times(5, '2024-08-01', 'timing'), ...times(2, '2024-08-01', 'brand'), ...times(5, '2025-05-01', 'price'), ...times(4, '2025-05-01', 'timing'), ...times(1, '2025-05-01', 'brand')];
    expect(section(deals).intro).toMatch(/ Price was 30% of the deals lost in Q3 2024, 3 of 10, and 50% in Q2 2025, 5 of 10: the largest change in the mix of reasons\. At these deal counts the mix could be the same every quarter: no clear change\.$/u);
    expect(section(deals, 'ko').intro).toMatch(/ Price는 2024년\u00a03분기 실주 딜의 30%\(10건 중 3건\)에서 2025년\u00a02분기 50%\(10건 중 5건\)로 바뀌어, 사유 구성에서 가장 크게 달라졌습니다\. 이 정도 딜 수에서는 분기마다 구성이 같아도 이만한 차이가 생길 수 있어 뚜렷한 변화로 보기 어렵습니다\.$/u);
  });

  it('names a quarter the window covers in part by its days in it', () => {
    // As of 2025-05-15: the window is 2024-05-16 to 2025-05-15.
    const deals = [...times(10, '2024-06-01', 'price'), ...times(10, '2025-05-01', 'timing')];
    const { table, intro } = section(deals, 'en', '2025-05-15');
    expect(table!.headers.map((h) => h.label)).toEqual(['Reason', 'Q2 2024 (May 16–Jun 30)', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025 (Apr 1–May 15)']);
    expect(intro).toMatch(/ Price was 100% of the deals lost in Q2 2024 \(May 16–Jun 30\), 10 of 10, and 0% in Q2 2025 \(Apr 1–May 15\), 0 of 10:/u);
    expect(section(deals, 'ko', '2025-05-15').table!.headers[1]!.label).toBe('2024년\u00a02분기(5월\u00a016일~6월\u00a030일)');
  });

  it('has no table when no lost deal gives a reason, none was lost, or fewer than two quarters lost 10', () => {
    expect(section([...times(12, '2024-08-01', ''), ...times(12, '2025-05-01', '')]).table).toBeUndefined();
    expect(section([]).table).toBeUndefined();
    expect(section([...times(10, '2024-08-01', 'price'), ...times(9, '2025-05-01', 'timing')]).table).toBeUndefined();
    expect(section([...times(10, '2024-08-01', 'price'), ...times(10, '2025-05-01', 'timing')]).table).toBeDefined();
  });
});

describe('a window across a daylight-saving change', () => {
  it('counts a deal closed in the window’s first hour, on the day before its first date, in its first quarter', () => {
    // New York, 90 days to 2025-03-31: T is 2025-04-01 00:00 EDT; 90 × 24 hours before it is 2024-12-31 23:00 EST.
    const config = parseConfig({ timezone: 'America/New_York', window_days: 90 });
    const deals: DealSpec[] = [
      { ...lost('2025-02-01', 'price'), closedAt: Date.parse('2024-12-31T23:30:00-05:00'), history: [['prospect', at('2024-01-02')], ['lost', Date.parse('2024-12-31T23:30:00-05:00')]] },
      lost('2025-02-01', 'price'),
    ];
    const s = siteDataSchema.parse(buildSiteData(makeDataset(config, deals), config, '2025-03-31', { dataLabel: 'test' }));
    expect(s.metrics.win_rate.lost_count).toBe(2);
    expect(s.closed_by_quarter.quarters).toEqual([{ quarter: '2025-Q1', from: '2025-01-01', to: '2025-03-31', won: 0, lost: 2, won_amount: 0, lost_amount: 200 }]);
  });
});

describe('win rate by quarter', () => {
  const rates = (deals: DealSpec[], locale: 'en' | 'ko' = 'en') => {
    const model = winLossModel(pageContext(site(deals), locale));
    return { table: model.tables.find((t) => t.id === 'win-rate-by-quarter'), intro: model.tableIntros?.find(([id]) => id === 'win-rate-by-quarter')?.[1] };
  };

  it('gives each quarter’s win rate with its deals, by value, and won amount', () => {
    const { table, intro } = rates(DEALS);
    expect(table!.headers.map((h) => h.label)).toEqual(['Period', 'Win rate', 'Win rate (by value)', 'Won amount']);
    // Q1 2025 closed none: no rate (a dash), not 0%. Q4 2024: 1 of 11, 500 of 1,500 by value.
    expect(cells(table!)).toEqual(['Q3 2024 | 0% (0 / 10) | 0% | ₩0', 'Q4 2024 | 9% (1 / 11) | 33% | ₩500', 'Q1 2025 | — | — | ₩0', 'Q2 2025 | 0% (0 / 1) | 0% | ₩0']);
    expect(table!.csv.headers).toEqual(['Period (code)', 'Period', 'Won', 'Lost', 'Win rate', 'Win rate (by value)', 'Won amount', 'Lost amount']);
    expect(table!.csv.rows[1]).toEqual(['2024-Q4', 'Q4 2024', 1, 10, 0.09, 0.33, 500, 1000]);
    // The quarters of 10 or more closed deals, Q3 and Q4 2024, named; Q2 2025's one deal is not. Chi-square of the
    // three quarters with a closed deal, 1 won of 22: far from clear.
    expect(intro).toBe('Deals closed in Q4 2024 were won most often, 9% (1 of 11); in Q3 2024 least often, 0% (0 of 10). At these deal counts a gap this size could be chance: no clear difference.');
  });

  it('names the quarters won most and least often, and says when the quarters differ by more than chance would (en, ko)', () => {
    // 3 won of 12, then 9 of 12. Fisher: 12 won of 24; tables as likely or less, 0-3 or 9-12 won in the first:
    // 2 × (1 + 144 + 4,356 + 48,400) / C(24, 12) = 105,802 / 2,704,156 = 0.039, clear.
    const clear = [...Array.from({ length: 3 }, () => won('2024-08-01', 100)), ...times(9, '2024-08-01', 'price'), ...Array.from({ length: 9 }, () => won('2025-05-01', 100)), ...times(3, '2025-05-01', 'price')];
    expect(rates(clear).intro).toBe('Deals closed in Q2 2025 were won most often, 75% (9 of 12); in Q3 2024 least often, 25% (3 of 12). The quarters’ win rates differ by more than chance would at these counts.');
    expect(rates(clear, 'ko').intro).toBe('2025년\u00a02분기에 마감된 딜의 수주율이 75%(12건 중 9건)로 가장 높고, 2024년\u00a03분기에는 25%(12건 중 3건)로 가장 낮습니다. 이 딜 수에서 분기별 수주율의 차이는 우연으로 보기 어렵습니다.');
  });

  it('names only quarters of at least 10 closed deals, and tests every quarter at once', () => {
    // 4 won of 10, 5 of 5, 6 of 10: Q4 2024's 100% is of 5 deals, not named. Chi-square of the three, 15 won of 25
    // (60%): (4 − 6)²/6 + (6 − 4)²/4 + (5 − 3)²/3 + (0 − 2)²/2 + 0 + 0 = 5.0 on 2 degrees of freedom, p = e^(−2.5) = 0.08.
    const deals = [
      ...Array.from({ length: 4 }, () => won('2024-08-01', 100)),
      ...times(6, '2024-08-01', 'price'),
      ...Array.from({ length: 5 }, () => won('2024-11-01', 100)),
      ...Array.from({ length: 6 }, () => won('2025-05-01', 100)),
      ...times(4, '2025-05-01', 'price'),
    ];
    expect(rates(deals).intro).toBe('Deals closed in Q2 2025 were won most often, 60% (6 of 10); in Q3 2024 least often, 40% (4 of 10). At these deal counts a gap this size could be chance: no clear difference.');
  });

  it('has no table when fewer than two quarters closed 10 deals', () => {
    expect(rates([lost('2024-06-01', 'price')]).table).toBeUndefined();
    expect(rates([...times(10, '2024-08-01', 'price'), ...times(9, '2025-05-01', 'price')]).table).toBeUndefined();
  });
});

describe('the Win / loss page’s lead', () => {
  const lostFor = (amount: number): DealSpec => ({ ...lost('2025-03-01', 'price'), amount });
  const lead = (deals: DealSpec[], locale: 'en' | 'ko' = 'en') => winLossModel(pageContext(site(deals), locale)).lead;

  it('gives the closed deals and the win rate by count and by value (en, ko)', () => {
    // 3 won of 100 each and 1 lost of 300: 3 of 4 by count (75%), 300 of 600 by value (50%).
    const deals = [won('2025-03-01', 100), won('2025-03-01', 100), won('2025-03-01', 100), lostFor(300)];
    expect(lead(deals)).toBe('In the analysis window 4\u00a0deals closed: 3 won and 1 lost, a win rate of 75% (50% by value).');
    expect(lead(deals, 'ko')).toBe('분석 기간에 마감된 딜은 4건으로, 3건 수주·1건 실주, 수주율은 75%(금액 기준 50%)입니다.');
  });

  it('is none when no deal closed in the window', () => {
    expect(lead([lost('2024-06-01', 'price')])).toBe('');
  });
});
