/**
 * A weekly forecast review read from the pages, on small hand-computed data
 * sets: what the coverage figures say when a period's target is already won,
 * how a change of coverage reads, and which period the close-date slippage
 * figures count.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, FieldChange, Target } from '../../../src/lib/dataset.ts';
import { type Config, defaultConfig } from '../../../src/lib/ingest/config.ts';
import { createFormatter } from '../../../src/lib/format/index.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { changesModel, forecastModel, overviewModel, pageContext, waterfallModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { sortKey, type TableModel } from '../../../src/lib/views/table.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
/** Noon UTC of a date (the default config's time zone is UTC). */
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config: Config = defaultConfig();

function site(specs: DealSpec[], edit: (d: Dataset) => void = () => {}, asOf = AS_OF): SiteData {
  const d = makeDataset(config, specs);
  edit(d);
  return siteDataSchema.parse(buildSiteData(d, config, asOf, { dataLabel: 'test' }));
}
const ctx = (s: SiteData, locale: Locale = 'en') => pageContext(s, locale);
const texts = (t: TableModel) => t.rows.map((r) => r.map((c) => c.text));

const won = (id: string, closed: string, amount: number): DealSpec => ({
  id,
  owner: 'Kim',
  createdAt: at('2025-01-05'),
  closedAt: at(closed),
  amount,
  history: [
    ['prospect', at('2025-01-05')],
    ['won', at(closed)],
  ],
});
const open = (id: string, expectedClose: string, amount: number): DealSpec => ({
  id,
  owner: 'Kim',
  createdAt: at('2025-01-10'),
  amount,
  expectedCloseAt: expectedClose,
  history: [['prospect', at('2025-01-10')]],
});

describe('coverage when the period’s target is already won', () => {
  // June 2025: target 5M, won 6M (W1 4M on Jun 10, W2 2M on Jun 20): nothing remains, so coverage (÷ remaining) is null.
  // Q2 2025: target 20M, won 6M (+ W0 1M in April = 7M), remaining 13M; open due in Q2: O1 3M (Jun 25): 3 / 13 = 0.23.
  const specs = [won('W0', '2025-04-15', 1_000_000), won('W1', '2025-06-10', 4_000_000), won('W2', '2025-06-20', 2_000_000), open('O1', '2025-06-25', 3_000_000), open('O2', '2025-07-15', 8_000_000)];
  const targets: Target[] = [
    { period: '2025-06', owner: '', team: '', targetAmount: 5_000_000, line: 2 },
    { period: '2025-Q2', owner: '', team: '', targetAmount: 20_000_000, line: 3 },
  ];
  const s = site(specs, (d) => (d.targets = targets));

  it('the overview’s tile says the target is met, with what was won against it, instead of "—" over "₩0" remaining', () => {
    expect(s.metrics.coverage.find((r) => r.period === '2025-06')).toMatchObject({ won_amount: 6_000_000, remaining: 0, ratio: null });
    const tile = overviewModel(ctx(s)).tiles.find((t) => t.key === 'coverage')!;
    expect(tile.value).toBe('Target met');
    expect(tile.detail).toBe('Jun 2025\u00a0· ₩6M won of a ₩5M target');
    const ko = overviewModel(ctx(s, 'ko')).tiles.find((t) => t.key === 'coverage')!;
    expect(ko.value).toBe('목표 달성');
    expect(ko.detail).toBe('2025년\u00a06월\u00a0· 목표 500만원, 수주 600만원');
  });

  it('the forecast page’s coverage table says "Target met" for that period, and the ratio for the others', () => {
    const table = forecastModel(ctx(s)).sections.find((x) => x.kind === 'table' && x.table.id === 'coverage');
    // Period, still to win, open due, coverage: the four columns a phone shows (compact).
    expect(table && table.kind === 'table' && texts(table.table).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Jun 2025 (this month)', '₩0', 'Target met'],
      ['Q2 2025 (this quarter)', '₩13M', '0.2×'],
    ]);
  });

  it('the coverage table reads on a phone: amounts compact as on the tiles and the deal lists ("1,300만원", not "13,000,000원"), exact in its CSV', () => {
    for (const [locale, expected] of [
      ['en', ['₩5M', '₩6M', '₩0', '₩3M']],
      ['ko', ['500만원', '600만원', '0원', '300만원']],
    ] as const) {
      const section = forecastModel(ctx(s, locale)).sections.find((x) => x.kind === 'table' && x.table.id === 'coverage');
      const table = section && section.kind === 'table' ? section.table : null;
      // Target and won after the four key columns on the page; in metrics.json's order in the CSV.
      const row = texts(table!)[0]!;
      expect([row[4], row[5], row[1], row[2]]).toEqual(expected);
      expect(table!.compact).toBe(true);
      expect(table!.csv.rows[0]!.slice(2, 6)).toEqual([5_000_000, 6_000_000, 0, 3_000_000]);
    }
  });

  it('a period with a target still to win keeps its coverage figure; no target at all keeps "—" and says so', () => {
    const notMet = site(specs, (d) => (d.targets = [{ period: '2025-06', owner: '', team: '', targetAmount: 9_000_000, line: 2 }]));
    // 9M - 6M = 3M remaining; O1 3M due in June: 1.0×, all of it past its expected close.
    expect(overviewModel(ctx(notMet)).tiles.find((t) => t.key === 'coverage')).toMatchObject({ value: '1×', detail: 'Jun 2025\u00a0· ₩3M due ÷ ₩3M to win\u00a0· ₩3M past due' });
    const none = site(specs);
    expect(overviewModel(ctx(none)).tiles.find((t) => t.key === 'coverage')).toMatchObject({ value: '—', detail: 'No target for this period' });
  });

  it('"What changed" shows the met target the same way', () => {
    expect(changesModel(ctx(s)).tiles.find((t) => t.key === 'coverage')!.value).toBe('Target met');
  });
});

describe('a change of coverage reads as a multiple', () => {
  const en = createFormatter('en', 'KRW');
  const ko = createFormatter('ko', 'KRW');

  it('with its unit, and two decimals where one would read "0" beside a non-zero relative change', () => {
    // 2.2× -> 2.6×: +0.4× (+18%); 2.19 -> 2.21: +0.02×, +1% (it read "0 (+1%)").
    expect(en.signedDelta(2.6, 2.2, 'multiple')).toEqual({ absolute: '+0.4×', percent: '+18%', text: '+0.4× (+18%)', direction: 'up' });
    expect(ko.signedDelta(2.6, 2.2, 'multiple')).toEqual({ absolute: '+0.4배', percent: '+18%', text: '+0.4배 (+18%)', direction: 'up' });
    expect(en.signedDelta(2.21, 2.19, 'multiple')).toEqual({ absolute: '+0.02×', percent: '+1%', text: '+0.02× (+1%)', direction: 'up' });
    expect(en.signedDelta(1.5, 1.53, 'multiple')).toEqual({ absolute: '−0.03×', percent: '−2%', text: '−0.03× (−2%)', direction: 'down' });
    // A small multiple moving by a few percent gets the decimals it needs (it read "0× (−3%)").
    expect(en.signedDelta(0.097, 0.1, 'multiple')).toEqual({ absolute: '−0.003×', percent: '−3%', text: '−0.003× (−3%)', direction: 'down' });
    expect(ko.signedDelta(0.053, 0.05, 'multiple')).toEqual({ absolute: '+0.003배', percent: '+6%', text: '+0.003배 (+6%)', direction: 'up' });
    // No change, or one below both decimals and below 0.5 %: unsigned zero, flat.
    expect(en.signedDelta(2, 2, 'multiple')).toEqual({ absolute: '0×', percent: '0%', text: '0× (0%)', direction: 'flat' });
    expect(en.signedDelta(2.001, 2, 'multiple')).toEqual({ absolute: '0×', percent: '0%', text: '0× (0%)', direction: 'flat' });
  });

  it('the overview’s coverage tile carries it (and "What changed", with the same tile specs)', () => {
    // Q2 2025 target 20M, W0 1M won in April: 19M remaining at both dates. Open due in Q2:
    // at Jun 30 O1 3M + O3 1M (created Jun 15) = 4M: 4/19 = 0.21×; at May 31 (30 days earlier) O1 3M: 3/19 = 0.158×.
    // Change 1/19 = 0.053: +0.1× (one decimal, as the tile's 0.2×), +33%.
    const specs = [
      won('W0', '2025-04-15', 1_000_000),
      open('O1', '2025-06-25', 3_000_000),
      { ...open('O3', '2025-06-28', 1_000_000), createdAt: at('2025-06-15'), history: [['prospect', at('2025-06-15')]] } as DealSpec,
    ];
    const s = site(specs, (d) => (d.targets = [{ period: '2025-Q2', owner: '', team: '', targetAmount: 20_000_000, line: 2 }]));
    const tile = overviewModel(ctx(s)).tiles.find((t) => t.key === 'coverage')!;
    expect(tile.value).toBe('0.2×');
    expect(tile.delta).toEqual({ absolute: '+0.1×', percent: '+33%', text: '+0.1× (+33%)', direction: 'up' });
    expect(overviewModel(ctx(s, 'ko')).tiles.find((t) => t.key === 'coverage')!.delta!.absolute).toBe('+0.1배');
  });
});

describe('close-date slippage on the Waterfall page says which period it counts', () => {
  // The page's period is the waterfall's last 30 days (Jun 1 to Jun 30, 2025); the slippage figures are not:
  // O1: pushes on 2024-09-10 (in the window, Jul 1 2024 to Jun 30 2025), 2025-03-01 and 2025-06-10: 3 pushes in the window, none
  // of them made from an empty date. O2: one push on 2024-05-01, before the window: not counted in it, but O2 was pushed.
  // Open deals: O1, O2, O3: 2 of 3 pushed (67%).
  const push = (deal: number, from: string, to: string, on: string, line: number): FieldChange => ({
    deal,
    field: 'expected_close_at',
    oldValue: from,
    newValue: to,
    changedAt: at(on),
    line,
  });
  const specs = [{ ...open('O1', '2025-09-30', 1_000_000), createdAt: at('2024-08-01'), history: [['prospect', at('2024-08-01')]] } as DealSpec, { ...open('O2', '2025-08-31', 2_000_000), createdAt: at('2024-03-01'), history: [['prospect', at('2024-03-01')]] } as DealSpec, open('O3', '2025-07-31', 3_000_000)];
  const changes = [
    push(0, '2025-02-28', '2025-04-30', '2024-09-10', 2),
    push(0, '2025-04-30', '2025-06-30', '2025-03-01', 3),
    push(0, '2025-06-30', '2025-09-30', '2025-06-10', 4),
    push(1, '2024-06-30', '2025-08-31', '2024-05-01', 5),
  ];
  const s = siteDataSchema.parse(buildSiteData(makeDataset(config, specs, changes), config, AS_OF, { dataLabel: 'test' }));

  it('the pushes are dated by the analysis window, the pushed deals over their whole history (hand-computed)', () => {
    expect(s.metrics.slippage).toEqual({ pushes_in_window: 3, open_deals_pushed: 2, share_pushed: 2 / 3 });
    const table = waterfallModel(ctx(s)).tables.find((t) => t.id === 'slippage')!;
    expect(texts(table)).toEqual([
      ['Close-date pushes in the analysis window (Jul 1, 2024 to Jun 30, 2025)', '3'],
      ['Open deals whose close date was ever pushed', '2'],
      ['Share of open deals whose close date was ever pushed', '67%'],
    ]);
    const ko = waterfallModel(ctx(s, 'ko')).tables.find((t) => t.id === 'slippage')!;
    // It read "기간 내 마감일 연기" (pushes in the period) on a page whose period is June.
    expect(texts(ko).map((r) => r[0])).toEqual([
      '분석 기간(2024.\u00a07.\u00a01. ~ 2025.\u00a06.\u00a030.)의 마감일 연기 횟수',
      '마감일이 한 번이라도 연기된 진행 중 딜',
      '마감일이 한 번이라도 연기된 진행 중 딜 비율',
    ]);
  });
});

describe('the sort key a table cell carries (sortKey, rendered as data-sort)', () => {
  it('numbers, and dates, months and periods as the data writes them; other text sorts by what the page shows', () => {
    expect(sortKey({ sort: 1_500_000 })).toBe('1500000');
    expect(sortKey({ sort: -2.5 })).toBe('-2.5');
    expect(sortKey({ sort: Number.NaN })).toBeUndefined();
    for (const d of ['2026-06-30', '2026-06', '2026-Q2', '2026']) expect(sortKey({ sort: d })).toBe(d);
    // Names, ids and codes: by their text.
    for (const t of ['', 'Kim', 'D-00123', 'propose', '2026-13-1', '2026-Q5']) expect(sortKey({ sort: t }), t).toBeUndefined();
  });
});
