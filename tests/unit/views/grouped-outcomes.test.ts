/**
 * Win / loss: the deals by lead source, customer segment and industry (metrics/grouped-outcomes.ts, views/pages/grouped-outcomes.ts), hand-counted.
 * On the sample as of 2026-06-30 (checked against an independent reading of its CSVs, the rows its README lists as
 * rejected or as exported lost against their history aside): referral 45 of 116 won (39%), trade show 21 of 103
 * (20%); outbound's ₩15.5B the most won amount, 30% of ₩51.1B. By the accounts' segment (accounts.csv, checked the
 * same way): 중견기업 60 of 189 (32%), 중소기업 92 of 341 (27%), 대기업 53 of 173 with ₩23.8B (47%) of the won amount;
 * by industry 반도체장비 42 of 119 (35%) to 가전 12 of 68 (18%).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageParts } from '../../../src/lib/filters/page-parts.ts';
import { filterDataText } from '../../../src/lib/filters/build-data.ts';
import { decodeFilterData } from '../../../src/lib/filters/decode-filter-data.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { keptDeals, matchingDeals } from '../../../src/lib/filters/matching.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type Account, blankAccount } from '../../../src/lib/dataset.ts';
import { type DealSpec, makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig(undefined);
let n = 0;
/** Created 2025-01-02; won on 2025-05-01 (119 days) or lost on 2025-03-03 (60 days), or on `closed`. */
const closedDeal = (source: string, won: boolean, amount: number, closed = won ? '2025-05-01' : '2025-03-03'): DealSpec => ({
  id: `D${++n}`,
  source,
  amount,
  createdAt: noonOf('2025-01-02'),
  closedAt: noonOf(closed),
  history: [
    ['prospect', noonOf('2025-01-02')],
    [won ? 'won' : 'lost', noonOf(closed)],
  ],
});
const openDeal = (source: string, amount: number): DealSpec => ({ id: `O${++n}`, source, amount, createdAt: noonOf('2025-06-01'), history: [['prospect', noonOf('2025-06-01')]] });
const times = (k: number, make: () => DealSpec) => Array.from({ length: k }, make);
/** The deals as read from a deals.csv with a source column. */
const withSources = (specs: DealSpec[]) => {
  const dataset = makeDataset(config, specs);
  dataset.columns['deals.csv'] = new Set(['deal_id', 'stage', 'source']);
  return dataset;
};

describe('deals by lead source', () => {
  const deals = [
    ...times(8, () => closedDeal('inbound', true, 100)),
    ...times(4, () => closedDeal('inbound', false, 100)),
    // Spaces around a source are not another source.
    ...times(3, () => closedDeal('outbound ', true, 100)),
    ...times(9, () => closedDeal('outbound ', false, 100)),
    closedDeal('outbound', false, 100),
    ...times(2, () => closedDeal('referral', true, 1000)),
    closedDeal('referral', false, 1000),
    closedDeal('', true, 200),
    closedDeal('', false, 200),
    // Closed before the window (2024-07-01 to 2025-06-30): not counted.
    { ...closedDeal('inbound', true, 100, '2024-03-01'), createdAt: noonOf('2024-01-02'), history: [['prospect', noonOf('2024-01-02')], ['won', noonOf('2024-03-01')]] } satisfies DealSpec,
    openDeal('inbound', 50),
    openDeal('inbound', 50),
    openDeal('partner', 70),
  ];
  const site = siteDataSchema.parse(buildSiteData(withSources(deals), config, '2025-06-30', { dataLabel: 'test' }));

  it('counts each source’s open deals and the deals closed in the window (hand-computed), most closed first, none last', () => {
    expect(site.grouped_outcomes.source).toEqual([
      // 13 closed: 3 won; cycles 3 × 119 and 10 × 60 days, median the 7th: 60.
      { name: 'outbound', open_count: 0, open_amount: 0, won_count: 3, lost_count: 10, won_amount: 300, win_rate: 3 / 13, median_cycle_days: 60 },
      // 12 closed: 8 won; cycles 4 × 60 and 8 × 119, median between the 6th and 7th: 119.
      { name: 'inbound', open_count: 2, open_amount: 100, won_count: 8, lost_count: 4, won_amount: 800, win_rate: 8 / 12, median_cycle_days: 119 },
      { name: 'referral', open_count: 0, open_amount: 0, won_count: 2, lost_count: 1, won_amount: 2000, win_rate: 2 / 3, median_cycle_days: 119 },
      { name: 'partner', open_count: 1, open_amount: 70, won_count: 0, lost_count: 0, won_amount: 0, win_rate: null, median_cycle_days: null },
      { name: '(unspecified)', open_count: 0, open_amount: 0, won_count: 1, lost_count: 1, won_amount: 200, win_rate: 0.5, median_cycle_days: 89.5 },
    ]);
  });

  it('compares the sources with at least 10 closed deals, names where the won amount came from and the deals without a source', () => {
    const model = winLossModel(pageContext(site, 'en'));
    const t = model.tables.find((x) => x.id === 'by-source')!;
    expect(t.headers.map((h) => h.label)).toEqual(['Lead source', 'Win rate', 'Won amount', 'Median cycle', 'Open deals', 'Open amount']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Outbound', '23% (3 / 13)', '₩300', '60 days', '0', '₩0'],
      ['Inbound', '67% (8 / 12)', '₩800', '119 days', '2', '₩100'],
      // Three closed deals: the rate muted, the median marked.
      ['Referral', '67% (2 / 3)', '₩2K', '119 days*', '0', '₩0'],
      ['Partner', '—', '₩0', '—', '1', '₩70'],
      ['(unspecified)', '50% (1 / 2)', '₩200', '89.5 days*', '0', '₩0'],
    ].map((row) => row.map((text) => text.replace(/ days/u, '\u00a0days'))));
    expect(t.rows.map((r) => r[1]!.tone)).toEqual([undefined, undefined, 'muted', undefined, 'muted']);
    // What the mark means, said once on the page; the sample's sources all have enough deals and no mark.
    expect(model.notes).toContain('* A median or percentile of fewer than 5\u00a0values: too few to rely on.');
    // The CSV has the won and lost deals too, and the rate unrounded.
    expect(t.csv.headers).toEqual(['Lead source', 'Win rate', 'Won deals', 'Lost deals', 'Won amount', 'Median cycle (days)', 'Open deals', 'Open amount']);
    expect(t.csv.rows[0]).toEqual(['outbound', 0.2308, 3, 10, 300, 60, 0, 0]);
    const intro = model.tableIntros!.find(([id]) => id === 'by-source')![1];
    // Two sources with 10 closed deals, so Fisher's exact test: 11 won of 25, P(8 of inbound's 12 won) = C(12,8) C(13,3) /
    // C(25,11) = 141,570 / 4,457,400; the tables as likely or less (0-3 and 8-11 won) sum to 210,300: p = 0.047, a clear
    // difference, so no word of chance.
    expect(intro).toBe(
      'Deals from Inbound were won most often, 67% (8 of 12 closed in the analysis window); deals from Outbound least often, 23% (3 of 13). ' +
        'The most won amount came from Referral: ₩2K, 61% of it. ' +
        '2 of the 30\u00a0deals closed in the window have no lead source: fill it in the CRM so that they count by their channel.',
    );
    const ko = winLossModel(pageContext(site, 'ko')).tableIntros!.find(([id]) => id === 'by-source')![1];
    expect(ko).toBe(
      '분석 기간에 마감된 딜의 수주율은 Inbound에서 유입된 딜이 가장 높았고(67%, 12건 중 8건), Outbound에서 유입된 딜이 가장 낮았습니다(23%, 13건 중 3건). ' +
        '수주 금액은 Referral에서 가장 많이 나왔습니다: 2,000원, 전체의 61%. ' +
        '분석 기간에 마감된 딜 30건 중 2건은 유입 경로가 비어 있습니다. CRM에서 채우면 경로별로 집계됩니다.',
    );
    // A filter replaces the sentences with the table.
    expect(pageParts(pageContext(site, 'en'), 'win-loss').texts).toContainEqual(['by-source-intro', intro]);
  });

  it('says what is missing without the column, or with no source written, and compares no source alone', () => {
    const without = makeDataset(config, deals);
    without.columns['deals.csv'] = new Set(['deal_id', 'stage']);
    const s1 = siteDataSchema.parse(buildSiteData(without, config, '2025-06-30', { dataLabel: 'test' }));
    expect(s1.grouped_outcomes.source).toBeNull();
    const t1 = winLossModel(pageContext(s1, 'en')).tables.find((x) => x.id === 'by-source')!;
    expect(t1.rows).toEqual([]);
    expect(t1.empty).toMatch(/^deals\.csv has no source column: export each deal’s lead source/u);
    const blank = deals.map((d) => ({ ...d, source: '' }));
    const s2 = siteDataSchema.parse(buildSiteData(withSources(blank), config, '2025-06-30', { dataLabel: 'test' }));
    const m2 = winLossModel(pageContext(s2, 'ko'));
    expect(m2.tables.find((x) => x.id === 'by-source')!.empty).toMatch(/^분석 기간에 진행 중이거나 마감된 딜 중 유입 경로가 있는 딜이 없습니다/u);
    expect(m2.tableIntros!.map(([id]) => id)).not.toContain('by-source');
    // Two sources, one of them with fewer than 10 closed deals: too few to compare.
    const two = deals.map((d) => ({ ...d, source: d.source === 'inbound' || d.source === 'referral' ? d.source : '' }));
    const s3 = siteDataSchema.parse(buildSiteData(withSources(two), config, '2025-06-30', { dataLabel: 'test' }));
    expect(winLossModel(pageContext(s3, 'en')).tableIntros!.find(([id]) => id === 'by-source')![1]).toMatch(
      /^Fewer than two sources have 10\u00a0closed deals in the analysis window, too few to compare their win rates\. The most won amount came from Referral: ₩2K, /u,
    );
    // One source (as under a source filter): nothing to compare it with, and nothing said of it.
    const one = deals.map((d) => ({ ...d, source: d.source === 'inbound' ? 'inbound' : '' }));
    const s4 = siteDataSchema.parse(buildSiteData(withSources(one), config, '2025-06-30', { dataLabel: 'test' }));
    expect(winLossModel(pageContext(s4, 'en')).tableIntros!.find(([id]) => id === 'by-source')![1]).toBe(
      '18 of the 30\u00a0deals closed in the window have no lead source: fill it in the CRM so that they count by their channel.',
    );
  });

  it('on the sample: referral won most often, trade show least, outbound brought the most won amount', async () => {
    const sample = await readFolder('data/sample');
    const s = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' }));
    expect(s.grouped_outcomes.source!.map((r) => [r.name, r.won_count, r.won_count + r.lost_count, r.open_count])).toEqual([
      ['outbound', 56, 219, 71],
      ['partner', 36, 135, 34],
      ['inbound', 47, 130, 37],
      ['referral', 45, 116, 33],
      ['exhibition', 21, 103, 23],
    ]);
    expect(s.grouped_outcomes.source!.reduce((sum, r) => sum + r.won_count, 0)).toBe(s.metrics.win_rate.won_count);
    expect(s.grouped_outcomes.source!.reduce((sum, r) => sum + r.lost_count, 0)).toBe(s.metrics.win_rate.lost_count);
    expect(s.grouped_outcomes.source!.reduce((sum, r) => sum + r.won_amount, 0)).toBeCloseTo(s.metrics.win_rate.won_amount, 0);
    expect(s.grouped_outcomes.source!.reduce((sum, r) => sum + r.open_count, 0)).toBe(s.metrics.pipeline.open_count);
    const sampleModel = winLossModel(pageContext(s, 'en'));
    // 강원's one closed deal (by region) has a median cycle of one value: marked, and the note says what the mark means.
    expect(sampleModel.notes).toEqual(['* A median or percentile of fewer than 5\u00a0values: too few to rely on.']);
    const intro = sampleModel.tableIntros!.find(([id]) => id === 'by-source')![1];
    expect(intro).toBe(
      'Deals from Referral were won most often, 39% (45 of 116 closed in the analysis window); deals from Trade show least often, 20% (21 of 103). The most won amount came from Outbound: ₩15.5B, 30% of it.',
    );
  });
});

const account = (accountId: string, segment: string, industry: string, region = ''): Account => ({ ...blankAccount(accountId), industry, segment, region, line: 2 });

describe('deals by the account’s segment, industry and region (accounts.csv)', () => {
  const at = (accountId: string, spec: DealSpec): DealSpec => ({ ...spec, accountId });
  const deals = [
    // Enterprise: E1 and E2, 10 closed (7 won) and one open.
    ...times(4, () => at('E1', closedDeal('', true, 500))),
    ...times(3, () => at('E2', closedDeal('', true, 500))),
    ...times(3, () => at('E2', closedDeal('', false, 500))),
    at('E1', openDeal('', 900)),
    // SMB (written ' smb ' on one account: the same segment): 11 closed, 2 won.
    ...times(2, () => at('S1', closedDeal('', true, 100))),
    ...times(5, () => at('S1', closedDeal('', false, 100))),
    ...times(4, () => at('S2', closedDeal('', false, 100))),
    // An account without a segment, and one not in accounts.csv: 3 closed deals without one.
    at('N1', closedDeal('', true, 50)),
    at('X9', closedDeal('', false, 50)),
    at('X9', closedDeal('', false, 50)),
  ];
  const withAccounts = (accounts: Account[] | null, columns = ['account_id', 'segment', 'industry', 'region']) => {
    const dataset = makeDataset(config, deals);
    dataset.accounts = accounts;
    if (accounts !== null) dataset.columns['accounts.csv'] = new Set(columns);
    return siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
  };
  const accounts = [
    account('E1', 'Enterprise', 'Machinery', 'Seoul'),
    account('E2', 'Enterprise', 'Automotive', 'Busan'),
    account('S1', 'SMB', 'Automotive', 'Seoul '),
    account('S2', ' SMB ', ''),
    account('N1', '', 'Machinery', 'Busan'),
  ];
  const site = withAccounts(accounts);

  it('groups each deal by its account’s segment and industry (hand-computed), the accounts without one or not in accounts.csv last', () => {
    expect(site.grouped_outcomes.segment).toEqual([
      // 11 closed: 2 won (₩200); cycles 2 × 119 and 9 × 60 days, median the 6th: 60.
      { name: 'SMB', open_count: 0, open_amount: 0, won_count: 2, lost_count: 9, won_amount: 200, win_rate: 2 / 11, median_cycle_days: 60 },
      // 10 closed: 7 won (₩3,500); cycles 3 × 60 and 7 × 119, median between the 5th and 6th: 119.
      { name: 'Enterprise', open_count: 1, open_amount: 900, won_count: 7, lost_count: 3, won_amount: 3500, win_rate: 0.7, median_cycle_days: 119 },
      // N1 (no segment) and X9 (not in accounts.csv): 1 won of 3; cycles 119, 60, 60.
      { name: '(unspecified)', open_count: 0, open_amount: 0, won_count: 1, lost_count: 2, won_amount: 50, win_rate: 1 / 3, median_cycle_days: 60 },
    ]);
    // Automotive: E2's 6 (3 won) and S1's 7 (2 won); Machinery: E1's 4 won and 1 open, N1's 1 won; S2 and X9 none.
    expect(site.grouped_outcomes.industry!.map((r) => [r.name, r.won_count, r.won_count + r.lost_count, r.open_count, r.won_amount])).toEqual([
      ['Automotive', 5, 13, 0, 1700],
      ['Machinery', 5, 5, 1, 2050],
      ['(unspecified)', 0, 6, 0, 0],
    ]);
    // Seoul: E1's 4 won (₩2,000) and 1 open, S1's 2 won (₩200) and 5 lost; Busan: E2's 3 won (₩1,500) and 3 lost, N1's
    // 1 won (₩50); S2 (no region) and X9 (not in accounts.csv) 6 lost.
    expect(site.grouped_outcomes.region!.map((r) => [r.name, r.won_count, r.won_count + r.lost_count, r.open_count, r.won_amount])).toEqual([
      ['Seoul', 6, 11, 1, 2200],
      ['Busan', 4, 7, 0, 1550],
      ['(unspecified)', 0, 6, 0, 0],
    ]);
  });

  it('compares the segments, names where the won amount came from and the deals without one, in English and Korean', () => {
    const en = winLossModel(pageContext(site, 'en'));
    const t = en.tables.find((x) => x.id === 'by-segment')!;
    expect(t.caption).toBe('Win rate by customer segment');
    expect(t.rows.map((r) => r.map((c) => c.text).slice(0, 3))).toEqual([
      ['SMB', '18% (2 / 11)', '₩200'],
      ['Enterprise', '70% (7 / 10)', '₩3.5K'],
      ['(unspecified)', '33% (1 / 3)', '₩50'],
    ]);
    expect(en.tableIntros!.find(([id]) => id === 'by-segment')![1]).toBe(
      'Deals with Enterprise customers were won most often, 70% (7 of 10 closed in the analysis window); deals with SMB customers least often, 18% (2 of 11). ' +
        'The most won amount came from Enterprise customers: ₩3.5K, 93% of it. ' +
        '3 of the 24\u00a0deals closed in the window are with accounts that have no segment in accounts.csv: add those accounts, or their segment, so that they count by it.',
    );
    // Machinery has 5 closed deals, too few to compare.
    expect(en.tableIntros!.find(([id]) => id === 'by-industry')![1]).toMatch(/^Fewer than two industries have 10\u00a0closed deals in the analysis window, too few to compare their win rates\. The most won amount came from Machinery: ₩2.05K, 55% of it\. 6 of the 24/u);
    // Busan has 7 closed deals, too few to compare.
    expect(en.tables.find((x) => x.id === 'by-region')!.caption).toBe('Win rate by region');
    expect(en.tableIntros!.find(([id]) => id === 'by-region')![1]).toBe(
      'Fewer than two regions have 10\u00a0closed deals in the analysis window, too few to compare their win rates. The most won amount came from Seoul: ₩2.2K, 59% of it. ' +
        '6 of the 24\u00a0deals closed in the window are with accounts that have no region in accounts.csv: add those accounts, or their region, so that they count by it.',
    );
    const ko = winLossModel(pageContext(site, 'ko'));
    expect(ko.tables.find((x) => x.id === 'by-region')!.caption).toBe('지역별 수주율');
    expect(ko.tables.find((x) => x.id === 'by-segment')!.caption).toBe('고객 세그먼트별 수주율');
    expect(ko.tableIntros!.find(([id]) => id === 'by-segment')![1]).toBe(
      '분석 기간에 마감된 딜의 수주율은 Enterprise 세그먼트 고객의 딜이 가장 높았고(70%, 10건 중 7건), SMB 세그먼트 고객의 딜이 가장 낮았습니다(18%, 11건 중 2건). ' +
        '수주 금액은 Enterprise 세그먼트 고객에게서 가장 많이 나왔습니다: 3,500원, 전체의 93%. ' +
        '분석 기간에 마감된 딜 24건 중 3건은 고객사의 세그먼트가 accounts.csv에 없습니다. 고객사나 세그먼트를 추가하면 세그먼트별로 집계됩니다.',
    );
  });

  it('says what is missing: no accounts.csv, no such column, or no value on any deal’s account', () => {
    const none = withAccounts(null);
    expect(none.grouped_outcomes.segment).toBeNull();
    expect(none.grouped_outcomes.industry).toBeNull();
    const m1 = winLossModel(pageContext(none, 'en'));
    expect(m1.tables.find((x) => x.id === 'by-segment')!.rows).toEqual([]);
    expect(m1.tables.find((x) => x.id === 'by-segment')!.empty).toMatch(/^There is no accounts\.csv: add one with each account’s segment/u);
    expect(m1.tableIntros!.map(([id]) => id)).not.toContain('by-segment');
    const noIndustry = withAccounts(accounts, ['account_id', 'segment']);
    expect(noIndustry.grouped_outcomes.industry).toBeNull();
    expect(winLossModel(pageContext(noIndustry, 'ko')).tables.find((x) => x.id === 'by-industry')!.empty).toMatch(/^accounts\.csv에 industry 열이 없습니다\./u);
    const noRegion = withAccounts(accounts, ['account_id', 'segment', 'industry']);
    expect(noRegion.grouped_outcomes.region).toBeNull();
    expect(winLossModel(pageContext(noRegion, 'en')).tables.find((x) => x.id === 'by-region')!.empty).toBe(
      'accounts.csv has no region column: add each account’s region or sales territory (account_id, region; HubSpot’s State/Region) to see in which territories the deals that are won are.',
    );
    expect(winLossModel(pageContext(none, 'ko')).tables.find((x) => x.id === 'by-region')!.empty).toMatch(/^accounts\.csv가 없습니다\. 어느 지역의 딜이/u);
    const blank = withAccounts(accounts.map((a) => ({ ...a, segment: '' })));
    expect(winLossModel(pageContext(blank, 'en')).tables.find((x) => x.id === 'by-segment')!.empty).toMatch(/^No deal open or closed in the analysis window is with an account that has a segment/u);
  });

  it('names that are object keys (__proto__, constructor, hasOwnProperty) are regions like any other: grouped, filtered and carried to the filtered page', () => {
    const keyed = [account('E1', '', '', '__proto__'), account('E2', '', '', 'constructor'), account('S1', '', '', 'hasOwnProperty'), account('S2', '', '', '__proto__')];
    const dataset = makeDataset(config, deals);
    dataset.accounts = keyed;
    dataset.columns['accounts.csv'] = new Set(['account_id', 'region']);
    const s = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
    // __proto__: E1's 4 won (and 1 open) and S2's 4 lost; hasOwnProperty: S1's 7; constructor: E2's 6; N1 and X9 none.
    expect(s.grouped_outcomes.region!.map((r) => [r.name, r.won_count, r.won_count + r.lost_count])).toEqual([
      ['__proto__', 4, 8],
      ['hasOwnProperty', 2, 7],
      ['constructor', 3, 6],
      ['(unspecified)', 1, 3],
    ]);
    const counts = ['__proto__', 'constructor', 'hasOwnProperty', '(unspecified)'].map((region) => {
      const filter = { ...NO_FILTER, region };
      const marked = matchingDeals(dataset, filter, config.timezone);
      expect(Array.from(keptDeals(dataset, filter, config.timezone))).toEqual(Array.from(marked.keys()).filter((d) => marked[d] === 1));
      return keptDeals(dataset, filter, config.timezone).length;
    });
    expect(counts).toEqual([9, 6, 7, 3]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(deals.length);
    const decoded = decodeFilterData(JSON.parse(filterDataText(dataset, config, s)));
    // Every deal's account, those not in accounts.csv without a region.
    expect(decoded.dataset.accounts!.map((a) => [a.accountId, a.region]).sort()).toEqual([...keyed.map((a) => [a.accountId, a.region]), ['N1', ''], ['X9', '']].sort());
  });

  it('Salesforce objects: industry and region from the Account file, and why no segment (an accounts.csv beside them is not read)', async () => {
    const read = await readFolder('tests/fixtures/exports/salesforce-data-loader/data');
    const sf = siteDataSchema.parse(buildSiteData(read.dataset, read.config, '2025-06-30', { dataLabel: 'sf' }));
    expect(sf.grouped_outcomes.segment).toBeNull();
    // Four opportunities with accounts of four industries, and the private one without an account.
    expect(sf.grouped_outcomes.industry!.map((r) => [r.name, r.won_count, r.lost_count, r.open_count])).toEqual([
      ['Other', 1, 0, 0],
      ['Transportation', 0, 1, 0],
      ['Food & Beverage', 0, 0, 1],
      ['Healthcare', 0, 0, 1],
      ['(unspecified)', 0, 0, 1],
    ]);
    const bySegment = winLossModel(pageContext(sf, 'en')).tables.find((x) => x.id === 'by-segment')!;
    expect(bySegment.empty).toBe(
      'Salesforce gives no segment (it has no standard segment field, and an accounts.csv beside Salesforce objects is not read), so the deals cannot be shown by segment.',
    );
    // Region from the Account file's BillingCountry (it has no BillingState): the four accounts are in México.
    expect(sf.grouped_outcomes.region!.map((r) => [r.name, r.won_count, r.lost_count, r.open_count])).toEqual([
      ['México', 1, 1, 2],
      ['(unspecified)', 0, 0, 1],
    ]);
    // Without either column, what to export.
    const withoutRegion = siteDataSchema.parse({ ...sf, grouped_outcomes: { ...sf.grouped_outcomes, region: null } });
    expect(winLossModel(pageContext(withoutRegion, 'ko')).tables.find((x) => x.id === 'by-region')!.empty).toBe(
      'Salesforce Account 파일에 BillingState나 BillingCountry 열이 없습니다. 어느 지역의 딜이 수주되는지 보려면 Account를 Id, Name, BillingState(또는 BillingCountry)와 함께 영업 기회 옆에 내보내세요.',
    );
    expect(winLossModel(pageContext(withoutRegion, 'en')).tables.find((x) => x.id === 'by-region')!.empty).toMatch(/^The Salesforce Account file has no BillingState or BillingCountry column: /u);
    // Without an Account file at all, adding an accounts.csv beside the objects would not help either.
    const noAccountFile = siteDataSchema.parse({ ...sf, inputs: { ...sf.inputs, accounts_file: false } });
    expect(winLossModel(pageContext(noAccountFile, 'en')).tables.find((x) => x.id === 'by-segment')!.empty).toMatch(/^Salesforce gives no segment/u);
    const withoutIndustry = siteDataSchema.parse({ ...sf, grouped_outcomes: { ...sf.grouped_outcomes, industry: null } });
    expect(winLossModel(pageContext(withoutIndustry, 'ko')).tables.find((x) => x.id === 'by-industry')!.empty).toMatch(/^Salesforce Account 파일에 Industry 열이 없습니다\. /u);
  });

  it('on the sample: 중견기업 won most often, 중소기업 least, 대기업 brought the most won amount; 반도체장비 to 가전 by industry; 충북 to 부산 by region', async () => {
    const sample = await readFolder('data/sample');
    const s = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' }));
    const counts = (rows: typeof s.grouped_outcomes.segment) => rows!.map((r) => [r.name, r.won_count, r.won_count + r.lost_count, r.open_count]);
    expect(counts(s.grouped_outcomes.segment)).toEqual([
      ['중소기업', 92, 341, 79],
      ['중견기업', 60, 189, 68],
      ['대기업', 53, 173, 51],
    ]);
    expect(counts(s.grouped_outcomes.industry)).toEqual([
      ['자동차부품', 63, 201, 44],
      ['반도체장비', 42, 119, 39],
      ['2차전지', 24, 95, 19],
      ['방산', 25, 87, 30],
      ['가전', 12, 68, 34],
      ['조선', 17, 51, 7],
      ['금형', 9, 43, 16],
      ['의료기기', 13, 39, 9],
    ]);
    const intros = new Map(winLossModel(pageContext(s, 'en')).tableIntros);
    // 205 of 703 won (29.16%): expected won 99.44, 55.11, 50.45; chi-square 0.557 + 0.434 + 0.129 on the won and 0.229 +
    // 0.179 + 0.053 on the lost = 1.58 on 2 degrees of freedom, p = e^(−1.58 / 2) = 0.45: no clear difference.
    expect(intros.get('by-segment')).toBe(
      'Deals with 중견기업 customers were won most often, 32% (60 of 189 closed in the analysis window); deals with 중소기업 customers least often, 27% (92 of 341). At these deal counts a gap this size could be chance: no clear difference. The most won amount came from 대기업 customers: ₩23.8B, 47% of it.',
    );
    // As an independent reading of the CSVs gives them (won, closed in the window, open at the report date).
    expect(counts(s.grouped_outcomes.region)).toEqual([
      ['울산', 27, 112, 15],
      ['충남', 28, 101, 35],
      ['경기', 24, 99, 37],
      ['경북', 22, 75, 14],
      ['경남', 23, 74, 25],
      ['대구', 19, 66, 18],
      ['전남', 12, 37, 2],
      ['대전', 9, 32, 17],
      ['부산', 7, 30, 9],
      ['충북', 13, 30, 8],
      ['광주', 9, 22, 8],
      ['인천', 8, 19, 6],
      ['서울', 4, 5, 4],
      ['강원', 0, 1, 0],
    ]);
    // 충북 13 of 30 (43%) highest of those with 10 closed deals, 부산 7 of 30 (23%) lowest; 울산 ₩8.66B of ₩51.1B won. Of
    // twelve regions, a gap as wide is chance's (p 0.58; the industries' 0.20): said so.
    expect(intros.get('by-region')).toBe(
      'Deals in 충북 were won most often, 43% (13 of 30 closed in the analysis window); deals in 부산 least often, 23% (7 of 30). At these deal counts a gap this size could be chance: no clear difference. The most won amount came from 울산: ₩8.66B, 17% of it.',
    );
    expect(intros.get('by-industry')).toBe(
      'Deals in 반도체장비 were won most often, 35% (42 of 119 closed in the analysis window); deals in 가전 least often, 18% (12 of 68). At these deal counts a gap this size could be chance: no clear difference. The most won amount came from 자동차부품: ₩18.1B, 35% of it.',
    );
  });
});
