/**
 * The pages a review runs from, on small hand-computed data sets: the stalled
 * page's totals and why each deal is on it, owners and teams with targets,
 * attainment and weighted pipeline (and a page per owner), words instead of
 * codes (config labels, humanised codes, CSV ids beside labels, rounding),
 * and honest small samples (the funnel's still-open deals apart from
 * drop-offs, medians of very few values marked, the small-sample wording
 * below 10\u00a0deals and not above).
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, Target } from '../../../src/lib/dataset.ts';
import { type Config, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { contextAt, prepare } from '../../../src/lib/metrics/context.ts';
import { funnelOutcomes } from '../../../src/lib/metrics/conversion.ts';
import { segmentTargets } from '../../../src/lib/metrics/targets.ts';
import {
  changesModel,
  forecastModel,
  funnelModel,
  overviewModel,
  ownerModel,
  ownersModel,
  pageContext,
  stalledModel,
  velocityModel,
  winLossModel,
} from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { asciiSlug, uniqueSlugs } from '../../../src/lib/views/slugs.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';
import type { ChartBlock } from '../../../src/lib/views/chart-block.ts';
import { roundTo } from '../../../src/lib/views/csv-digits.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
/** Noon UTC of a date (the default config's time zone is UTC). */
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function dataset(config: Config, specs: DealSpec[], edit: (d: Dataset) => void = () => {}): Dataset {
  const d = makeDataset(config, specs);
  edit(d);
  return d;
}
function site(config: Config, specs: DealSpec[], edit: (d: Dataset) => void = () => {}): SiteData {
  return siteDataSchema.parse(buildSiteData(dataset(config, specs, edit), config, AS_OF, { dataLabel: 'test' }));
}
const ctx = (s: SiteData, locale: Locale = 'en') => pageContext(s, locale);
const chart = (blocks: ChartBlock[], id: string) => blocks.find((b) => b.id === id)!;
const texts = (t: TableModel) => t.rows.map((r) => r.map((c) => c.text));

const config = defaultConfig();

const wonDeal = (id: string, owner: string, closed: string, amount: number, extra: Partial<DealSpec> = {}): DealSpec => ({
  id,
  owner,
  createdAt: at('2025-01-05'),
  closedAt: at(closed),
  amount,
  history: [
    ['prospect', at('2025-01-05')],
    ['won', at(closed)],
  ],
  ...extra,
});
const openDeal = (id: string, owner: string, stage: string, since: string, amount: number, extra: Partial<DealSpec> = {}): DealSpec => ({
  id,
  owner,
  createdAt: at('2025-01-10'),
  amount,
  keyman: 'K',
  budgetConfirmed: true,
  expectedCloseAt: '2025-09-01',
  history: stage === 'prospect' ? [['prospect', at(since)]] : [['prospect', at('2025-01-10')], [stage, at(since)]],
  ...extra,
});

describe('owners and teams: target, won, attainment, weighted pipeline (metrics/targets.ts)', () => {
  // Kim: won 4M in Q2 (and 1M in Q1, outside it), open 3M at propose (50%): weighted 1.5M, Q2 target 10M: 40%.
  // Lee: won 2M in June, open 8M at negotiate (75%): weighted 6M, Q2 target 4M: 50%.
  // Park: open 1M at prospect (10%): weighted 0.1M; only a June target, and the owners' period is the quarter: no target.
  const specs = [
    wonDeal('W1', 'Kim', '2025-05-10', 4_000_000),
    wonDeal('W2', 'Kim', '2025-03-15', 1_000_000),
    wonDeal('W3', 'Lee', '2025-06-20', 2_000_000),
    openDeal('O1', 'Kim', 'propose', '2025-06-20', 3_000_000),
    openDeal('O2', 'Lee', 'negotiate', '2025-06-20', 8_000_000),
    openDeal('O3', 'Park', 'prospect', '2025-06-20', 1_000_000),
  ];
  const targets: Target[] = [
    { period: '2025-Q2', owner: 'Kim', team: '', targetAmount: 10_000_000, line: 2 },
    { period: '2025-Q2', owner: 'Lee', team: 'East', targetAmount: 4_000_000, line: 3 },
    { period: '2025-06', owner: 'Park', team: '', targetAmount: 5_000_000, line: 4 },
    // Company and team rows are not owner targets.
    { period: '2025-Q2', owner: '', team: '', targetAmount: 50_000_000, line: 5 },
  ];
  const withTargets = (d: Dataset) => {
    d.targets = targets;
  };

  it('computes each owner’s figures for the current quarter (hand-computed)', () => {
    const c = contextAt(prepare(dataset(config, specs, withTargets), config), AS_OF);
    expect(segmentTargets(c, 'owner')).toEqual({
      period: '2025-Q2',
      has_targets: true,
      rows: [
        { name: 'Kim', target_amount: 10_000_000, won_amount: 4_000_000, attainment: 0.4, weighted_amount: 1_500_000, commit_amount: null, best_case_amount: null },
        { name: 'Lee', target_amount: 4_000_000, won_amount: 2_000_000, attainment: 0.5, weighted_amount: 6_000_000, commit_amount: null, best_case_amount: null },
        { name: 'Park', target_amount: null, won_amount: 0, attainment: null, weighted_amount: 100_000, commit_amount: null, best_case_amount: null },
      ],
    });
    // Teams: no team target (Lee's row names a team but is an owner's); everyone's deals are in '(unspecified)'.
    expect(segmentTargets(c, 'team')).toEqual({
      period: '2025-Q2',
      has_targets: false,
      rows: [{ name: '(unspecified)', target_amount: null, won_amount: 6_000_000, attainment: null, weighted_amount: 7_600_000, commit_amount: null, best_case_amount: null }],
    });
    // The rows add up to the pipeline's weighted amount.
    expect(segmentTargets(c, 'owner').rows.reduce((s, r) => s + r.weighted_amount, 0)).toBeCloseTo(c.at.amount.reduce((s, a, d) => s + (c.at.state[d] === 1 ? a * c.config.stages[c.at.stage[d]!]!.probability : 0), 0), 6);
  });

  it('each owner’s call for the quarter: the open deals due in it marked commit, and best case (commit included), as the Forecast page counts them', () => {
    // Kim: O1 (3M) commit, due Jun 25. Lee: O2 (8M) best case, due May 15 (past due, in Q2: counted, as the Forecast
    // page counts it), and O4 (2M) commit, due Jul 10 (Q3: not counted). Park: O3 (1M) pipeline, due Jun 5: neither.
    // Kim commit 3M, best case 3M; Lee commit 0, best case 8M; Park 0 and 0.
    const called = [
      ...specs.slice(0, 3),
      openDeal('O1', 'Kim', 'propose', '2025-06-20', 3_000_000, { forecastCategory: 'commit', expectedCloseAt: '2025-06-25' }),
      openDeal('O2', 'Lee', 'negotiate', '2025-06-20', 8_000_000, { forecastCategory: 'best_case', expectedCloseAt: '2025-05-15' }),
      openDeal('O3', 'Park', 'prospect', '2025-06-20', 1_000_000, { forecastCategory: 'pipeline', expectedCloseAt: '2025-06-05' }),
      openDeal('O4', 'Lee', 'prospect', '2025-06-20', 2_000_000, { forecastCategory: 'commit', expectedCloseAt: '2025-07-10' }),
    ];
    const withCategories = (d: Dataset) => {
      withTargets(d);
      d.columns['deals.csv'] = new Set([...d.columns['deals.csv']!, 'forecast_category']);
    };
    const c = contextAt(prepare(dataset(config, called, withCategories), config), AS_OF);
    expect(segmentTargets(c, 'owner').rows.map((r) => [r.name, r.commit_amount, r.best_case_amount])).toEqual([
      ['Kim', 3_000_000, 3_000_000],
      ['Lee', 0, 8_000_000],
      ['Park', 0, 0],
    ]);
    const s = site(config, called, withCategories);
    // The Forecast page's call by owner: furthest from the target first. Lee (4M target): (2M won + 0) / 4M = 50%; Kim
    // (10M): (4M + 3M) / 10M = 70%; Park, without a quarter's target and nothing to call, has no line.
    const call = forecastModel(ctx(s)).tables.find((t) => t.id === 'call-by-owner')!;
    // On the page the call against the target comes next to the owner (a phone reads it without scrolling); the CSV has it last.
    expect(call.headers.map((h) => h.label)).toEqual(['Owner', '(Won + commit) ÷ target', 'Target', 'Won', 'Commit', 'Best case (incl. commit)']);
    expect(texts(call)).toEqual([
      ['Lee', '50%', '₩4M', '₩2M', '₩0', '₩8M'],
      ['Kim', '70%', '₩10M', '₩4M', '₩3M', '₩3M'],
    ]);
    expect(call.csv.headers).toEqual(['Owner', 'Target', 'Won', 'Commit', 'Best case (incl. commit)', '(Won + commit) ÷ target']);
    expect(call.csv.rows[1]).toEqual(['Kim', 10_000_000, 4_000_000, 3_000_000, 3_000_000, 0.7]);
    const section = forecastModel(ctx(s)).sections.find((x) => x.kind === 'table' && x.table.id === 'call-by-owner')!;
    expect(section.kind === 'table' && section.intro).toBe(
      'Each owner’s call for Q2 2025: won so far, the open deals due in it they marked commit and best case (best case includes commit), and won + commit against their target, furthest from it first.',
    );
    // No owner target (none in targets.csv, or a product filter's view): by best case, and said that none is compared.
    // Lee 8M, Kim 3M; Park has nothing to call.
    const untargeted = site(config, called, (d) => (d.columns['deals.csv'] = new Set([...d.columns['deals.csv']!, 'forecast_category'])));
    const plain = forecastModel(ctx(untargeted)).sections.find((x) => x.kind === 'table' && x.table.id === 'call-by-owner')!;
    expect(plain.kind === 'table' && [plain.intro, texts(plain.table).map((r) => [r[0], r[1], r[5]])]).toEqual([
      'Each owner’s call for Q2 2025: won so far and the open deals due in it they marked commit and best case (best case includes commit), largest best case first. No owner target applies to this view (targets.csv sets them per owner and period), so none is compared.',
      [
        ['Lee', '—', '₩8M'],
        ['Kim', '—', '₩3M'],
      ],
    ]);
    // Without forecast categories there is no call to show (the page's notes say how to get one).
    expect(forecastModel(ctx(site(config, called, withTargets))).tables.map((t) => t.id)).not.toContain('call-by-owner');
    // The owners' commit adds up to the Forecast page's for the quarter (the company-wide target's coverage row).
    expect(s.metrics.coverage.find((r) => r.period === '2025-Q2')!.commit_amount).toBe(3_000_000);
    // An owner's page: the call for the quarter among the facts.
    const lee = ownerModel(ctx(s), s.owners.rows.find((r) => r.name === 'Lee')!);
    expect(lee.facts.filter((x) => /Commit|Best case/u.test(x.label))).toEqual([
      { label: 'Commit (Q2 2025)', value: '₩0' },
      { label: 'Best case (Q2 2025)', value: '₩8M' },
    ]);
    const ko = ownerModel(ctx(s, 'ko'), s.owners.rows.find((r) => r.name === 'Lee')!);
    expect(ko.facts.filter((x) => /커밋|베스트 케이스/u.test(x.label)).map((x) => x.label)).toEqual(['커밋(2025년\u00a02분기)', '베스트 케이스(2025년\u00a02분기)']);
  });

  it('uses the month when only monthly targets are set for as_of', () => {
    const c = contextAt(prepare(dataset(config, specs, (d) => (d.targets = [targets[2]!])), config), AS_OF);
    const owners = segmentTargets(c, 'owner');
    expect(owners.period).toBe('2025-06');
    // June: W3 (Lee) only; W1 closed in May.
    expect(owners.rows.map((r) => [r.name, r.won_amount, r.target_amount, r.attainment])).toEqual([
      ['Kim', 0, null, null],
      ['Lee', 2_000_000, null, null],
      ['Park', 0, 5_000_000, 0],
    ]);
  });

  it('the owners page: sorted by open amount, targets and attainment, a link per owner, and what is missing', () => {
    const s = site(config, specs, withTargets);
    const model = ownersModel(ctx(s));
    expect(model.owners.headers.map((h) => h.label)).toEqual([
      'Owner', 'Open deals', 'Open amount', 'Weighted pipeline', 'Target', 'Won in period', 'Attainment', 'Win rate', 'Median cycle', 'Stalled deals',
    ]);
    expect(texts(model.owners).map((r) => r.slice(0, 7))).toEqual([
      ['Lee', '1', '₩8M', '₩6M', '₩4M', '₩2M', '50%'],
      ['Kim', '1', '₩3M', '₩1.5M', '₩10M', '₩4M', '40%'],
      ['Park', '1', '₩1M', '₩100K', '—', '₩0', '—'],
    ]);
    expect(model.owners.rows.map((r) => r[0]!.href)).toEqual(['/en/owners/lee/', '/en/owners/kim/', '/en/owners/park/']);
    // The CSV has full amounts, won and lost counts, and no rounding noise.
    expect(model.owners.csv.headers).toEqual([
      'Owner', 'Open deals', 'Open amount', 'Weighted pipeline', 'Target', 'Won in period', 'Attainment', 'Win rate', 'Won deals', 'Lost deals', 'Median cycle (days)', 'Stalled deals',
    ]);
    expect(model.owners.csv.rows[0]!.slice(0, 10)).toEqual(['Lee', 1, 8_000_000, 6_000_000, 4_000_000, 2_000_000, 0.5, 1, 1, 0]);
    expect(model.notes).toEqual([
      'Target, won and attainment are for Q2 2025; rows are sorted by open amount, largest first.',
      'targets.csv has no team targets for Q2 2025: add rows with the team column filled (owner left empty) to see each team’s attainment.',
      'Win rate (won / closed deals) and median cycle count the deals closed in the analysis window (Jul 1, 2024 to Jun 30, 2025).',
      '* A median or percentile of fewer than 5\u00a0values: too few to rely on.',
    ]);
    // Median cycles of 1-2\u00a0deals are marked.
    expect(model.owners.rows[1]![8]!.text).toMatch(/\*$/);
    expect(ownersModel(ctx(s, 'ko')).notes[0]).toBe('목표, 수주 금액, 달성률은 2025년\u00a02분기 기준이며, 진행 중 금액이 큰 순서로 정렬했습니다.');
  });

  it('the owners page without targets.csv says the file is missing and how to add it; with the file but no owner or team rows, which rows to add', () => {
    const none = site(config, specs);
    expect(none.inputs.targets_file).toBe(false);
    expect(ownersModel(ctx(none)).notes.slice(0, 2)).toEqual([
      'Target, won and attainment are for Q2 2025; rows are sorted by open amount, largest first.',
      'There is no targets.csv, so no owner or team has a target or an attainment: add targets.csv with a row per period and owner (owner column filled) or team (team column filled, owner left empty).',
    ]);
    expect(ownersModel(ctx(none)).notes.join(' ')).not.toMatch(/has no (owner|team) targets/);
    expect(ownersModel(ctx(none, 'ko')).notes[1]).toBe(
      'targets.csv가 없어 담당자·팀별 목표와 달성률이 없습니다. 기간별로 담당자마다(owner 열을 채움) 또는 팀마다(team 열을 채우고 owner는 비움) 한 행씩 담은 targets.csv를 추가하세요.',
    );
    // A targets.csv with only a company-wide row: the file is there, without owner or team targets.
    const companyOnly = site(config, specs, (d) => (d.targets = [targets[3]!]));
    expect(companyOnly.inputs.targets_file).toBe(true);
    expect(ownersModel(ctx(companyOnly)).notes.slice(1, 3)).toEqual([
      'targets.csv has no owner targets for Q2 2025: add rows with the owner column filled to see each owner’s attainment.',
      'targets.csv has no team targets for Q2 2025: add rows with the team column filled (owner left empty) to see each team’s attainment.',
    ]);
  });

  it('a page per owner with the owner’s open deals, whose slug is URL-safe and unique', () => {
    const s = site(config, specs, withTargets);
    expect(s.owners.rows.map((r) => r.slug)).toEqual(['kim', 'lee', 'park']);
    const kim = ownerModel(ctx(s), s.owners.rows[0]!);
    expect(kim.deals.rows.map((r) => r[0]!.text)).toEqual(['O1']);
    expect(kim.facts.find((x) => x.label === 'Attainment')!.value).toBe('40%');
    expect(kim.intro).toBe('1\u00a0open deal worth ₩3M, largest first.');
    // One context serves every owner page (their rows and deals grouped once): each page gets its own owner's.
    const shared = ctx(s);
    for (const row of s.owners.rows) {
      const ids = s.open_deals.filter((d) => d.owner === row.name).map((d) => d.deal_id);
      expect(ownerModel(shared, row).deals.rows.map((r) => r[0]!.text)).toEqual(ids);
    }
    expect(s.owners.rows.map((row) => ownerModel(shared, row).deals.rows.map((r) => r[0]!.text))).toEqual([['O1'], ['O2'], ['O3']]);
  });

  it('slugs from any name: ASCII kept, other letters hashed, clashes hashed, never a path', () => {
    const slugs = uniqueSlugs(['Kim', 'Kim!', '김민준', '김서연', 'Kim 민준', '../etc/passwd', '<script>'], 'owner');
    // 'Kim' and 'Kim!' share 'kim': each gets its hash, and neither has the plain address.
    expect(slugs.get('Kim')).toMatch(/^kim-[0-9a-f]{8}$/);
    expect(slugs.get('Kim!')).toMatch(/^kim-[0-9a-f]{8}$/);
    expect(slugs.get('Kim')).not.toBe(slugs.get('Kim!'));
    expect(slugs.get('김민준')).toMatch(/^owner-[0-9a-f]{8}$/);
    expect(slugs.get('김서연')).not.toBe(slugs.get('김민준'));
    expect(slugs.get('Kim 민준')).toMatch(/^kim-[0-9a-f]{8}$/);
    expect(slugs.get('../etc/passwd')).toBe('etc-passwd');
    expect(slugs.get('<script>')).toBe('script');
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(new Set(slugs.values()).size).toBe(slugs.size);
    // The same name keeps its slug whatever other names come and go.
    expect(uniqueSlugs(['김민준'], 'owner').get('김민준')).toBe(slugs.get('김민준'));
    expect(asciiSlug('Zoë Ünal')).toBe('zoe-unal');
  });

  it('never gives a page’s address to another name when names come and go', () => {
    // An owner 'kim' has /owners/kim/; a deal of an owner 'Kim' arrives (or a Salesforce id differing by case alone).
    const before = uniqueSlugs(['kim', 'lee'], 'owner');
    const after = uniqueSlugs(['kim', 'lee', 'Kim'], 'owner');
    expect(before.get('kim')).toBe('kim');
    // Both now hashed: the old address shows nobody (the site's 404 page) rather than another person.
    expect(after.get('kim')).toMatch(/^kim-[0-9a-f]{8}$/);
    expect(after.get('Kim')).toMatch(/^kim-[0-9a-f]{8}$/);
    expect([...after.values()]).not.toContain('kim');
    expect(after.get('lee')).toBe('lee');
    // Account ids of the same shape as before: each keeps its own.
    const ids = uniqueSlugs(['A-0001', 'a-0001', 'a-0001-2'], 'account');
    expect(ids.get('a-0001-2')).toBe('a-0001-2');
    expect(ids.get('A-0001')).not.toBe('a-0001-2');
    expect(ids.get('a-0001')).not.toBe('a-0001-2');
    expect(new Set(ids.values()).size).toBe(3);
    // Two names that are the same for 60 characters: each cut one gets its hash.
    const long = 'x'.repeat(70);
    const cut = uniqueSlugs([`${long}a`, `${long}b`, 'short'], 'owner');
    expect(cut.get(`${long}a`)).toMatch(/^x{60}-[0-9a-f]{8}/);
    expect(cut.get(`${long}a`)).not.toBe(cut.get(`${long}b`));
    expect(cut.get('short')).toBe('short');
    // Folder names Windows keeps for devices are never a page's folder.
    const devices = uniqueSlugs(['CON', 'nul', 'Com1', 'console'], 'owner');
    expect(devices.get('CON')).toMatch(/^con-[0-9a-f]{8}$/);
    expect(devices.get('nul')).toMatch(/^nul-[0-9a-f]{8}$/);
    expect(devices.get('Com1')).toMatch(/^com1-[0-9a-f]{8}$/);
    expect(devices.get('console')).toBe('console');
  });
});

describe('the stalled page runs a review: totals by stage, owner and warning sign; why each deal is on it', () => {
  // Default 30-day thresholds (too few visits to learn one). T = 2025-07-01 00:00 UTC.
  // S1 Kim, Proposal since Apr 1 noon (90.5\u00a0days), 5M, past its expected close.
  // S2 Lee, Qualification since May 1 noon (60.5\u00a0days), 2M, no warning sign.
  // S3 Kim, Negotiation since May 15 noon (46.5\u00a0days), 1M, no keyman.
  // N1 Lee, Proposal for 10.5\u00a0days: not stalled.
  const s = site(config, [
    openDeal('S1', 'Kim', 'propose', '2025-04-01', 5_000_000, { expectedCloseAt: '2025-05-01' }),
    openDeal('S2', 'Lee', 'qualify', '2025-05-01', 2_000_000),
    openDeal('S3', 'Kim', 'negotiate', '2025-05-15', 1_000_000, { keyman: '' }),
    openDeal('N1', 'Lee', 'propose', '2025-06-20', 9_000_000),
  ]);
  const model = stalledModel(ctx(s));

  it('totals: count and amount by stage (sequence order), owner (largest first) and warning sign', () => {
    expect(model.summary).toBe('3\u00a0stalled deals worth ₩8M.');
    expect(model.stalledHeading).toBe('Stalled deals (3\u00a0deals)');
    expect(stalledModel(ctx(s, 'ko')).stalledHeading).toBe('정체 딜(3건)');
    expect(model.totals.map((t) => t.heading)).toEqual(['By stage', 'By owner', 'By warning sign']);
    const [byStage, byOwner, byFlag] = model.totals.map((t) => texts(t.table));
    // The page's amounts compact, as its intro and the list below; the CSV's exact (below).
    expect(byStage).toEqual([
      ['Qualification', '1', '₩2M'],
      ['Proposal', '1', '₩5M'],
      ['Negotiation', '1', '₩1M'],
      ['All stalled deals', '3', '₩8M'],
    ]);
    expect(byOwner).toEqual([
      ['Kim', '2', '₩6M'],
      ['Lee', '1', '₩2M'],
      ['All stalled deals', '3', '₩8M'],
    ]);
    // Each sign with the next step the review asks of the deal's owner.
    expect(byFlag).toEqual([
      ['Past expected close', '1', '₩5M', 'Agree a new close date with the buyer, or close the deal as lost'],
      ['Deal has no keyman', '1', '₩1M', 'Find the person who decides, and meet them'],
      ['No other warning sign', '1', '₩2M', 'Agree a dated next step with the buyer'],
      ['All stalled deals', '3', '₩8M', ''],
    ]);
    expect(texts(stalledModel(ctx(s, 'ko')).totals[2]!.table).map((r) => r[3])).toEqual(['고객과 새 마감 예정일을 합의하거나 실주로 종료', '의사결정권자(키맨)를 찾아 만나기', '고객과 날짜가 정해진 다음 단계 합의', '']);
    expect(model.totals[1]!.table.rows[0]![0]!.href).toBe('/en/owners/kim/');
    // The CSV keeps the stage id and the flag code beside the words.
    expect(model.totals[0]!.table.csv.headers).toEqual(['Stage ID', 'Stage', 'Deals', 'Amount']);
    expect(model.totals[0]!.table.csv.rows[0]).toEqual(['qualify', 'Qualification', 1, 2_000_000]);
    expect(model.totals[2]!.table.csv.rows[0]).toEqual(['past_expected_close', 'Past expected close', 1, 5_000_000, 'Agree a new close date with the buyer, or close the deal as lost']);
  });

  it('every stalled deal says why, in whole days; in Korean too', () => {
    // The deal, its amount and why first (a compact table: what a phone shows without scrolling sideways), why
    // taking the rest of a phone's width (site.css .fill); days in stage next, then the stage and its threshold.
    expect(model.stalled.compact).toBe(true);
    const labels = model.stalled.headers.map((h) => h.label);
    expect(labels.slice(0, 6)).toEqual(['Deal', 'Amount', 'Why it is stalled', 'Days in stage', 'Stage', 'Threshold (days)']);
    expect(model.stalled.headers.map((h) => h.fill === true)).toEqual(labels.map((l) => l === 'Why it is stalled'));
    // Days in stage keep '90\u00a0days' on one line on a phone (site.css .keep-line); the amount's words may wrap ('No amount').
    expect(model.stalled.headers.map((h) => h.keepLine === true)).toEqual(labels.map((l) => l === 'Days in stage'));
    const threshold = labels.indexOf('Threshold (days)');
    // The threshold's unit in its header only: '30', not '30\u00a0days'.
    const why = model.stalled.rows.map((r) => [r[0]!.text, r[3]!.text, r[threshold]!.text, r[2]!.text]);
    expect(why).toEqual([
      ['S1', '90\u00a0days', '30', 'Over the Proposal threshold: 90\u00a0days vs 30\u00a0days\u00a0· Past expected close'],
      ['S2', '60\u00a0days', '30', 'Over the Qualification threshold: 60\u00a0days vs 30\u00a0days'],
      ['S3', '46\u00a0days', '30', 'Over the Negotiation threshold: 46\u00a0days vs 30\u00a0days\u00a0· Deal has no keyman'],
    ]);
    expect(stalledModel(ctx(s, 'ko')).stalled.rows[0]![2]!.text).toBe('제안 단계 정체 기준 초과: 90일(기준 30일)\u00a0· 예상 마감일 경과');
    expect(stalledModel(ctx(s, 'ko')).summary).toBe('정체 딜 3건, 금액 800만원.');
    // No day count with decimals anywhere in the stalled deals' CSV (the thresholds here are whole).
    for (const row of model.stalled.csv.rows) for (const v of row) if (typeof v === 'number') expect(Number.isInteger(v)).toBe(true);
  });

  it('a learned threshold with decimals reads as the thresholds table shows it (30.9), not rounded to 31 beside it', () => {
    // As a P90 learned from the visits gives them: S2 60.5 days against 30.94; S3 46.5 days against 46.2, over it by less than a day.
    const learned = new Map([['S2', 30.94], ['S3', 46.2]]);
    const fractional = { ...s, open_deals: s.open_deals.map((d) => ({ ...d, threshold_days: learned.get(d.deal_id) ?? d.threshold_days })) };
    const table = stalledModel(ctx(fractional)).stalled;
    const threshold = table.headers.findIndex((h) => h.label === 'Threshold (days)');
    expect(table.rows.slice(1).map((r) => [r[0]!.text, r[threshold]!.text, r[2]!.text])).toEqual([
      ['S2', '30.9', 'Over the Qualification threshold: 60\u00a0days vs 30.9\u00a0days'],
      ['S3', '46.2', 'Over the Negotiation threshold: 46.5\u00a0days vs 46.2\u00a0days\u00a0· Deal has no keyman'],
    ]);
    expect(table.csv.rows.slice(1).map((r) => r[table.csv.headers.indexOf('Threshold (days)')])).toEqual([30.9, 46.2]);
  });
});

describe('words, not codes', () => {
  const labelled = parseConfig({ labels: { price: { en: 'Price', ko: '가격' }, after_sales: { en: 'After-sales service', ko: '사후 서비스' }, relationship: { ko: '고객 관계' } } });
  const lostFor = (i: number, reason: string): DealSpec => ({
    id: `L${i}`,
    createdAt: at('2025-01-10'),
    closedAt: at('2025-05-01'),
    amount: 1_000_000 + i,
    lostReason: reason,
    history: [
      ['prospect', at('2025-01-10')],
      ['lost', at('2025-05-01')],
    ],
  });
  const specs = [...range(6).map((i) => lostFor(i, 'price')), ...range(3).map((i) => lostFor(10 + i, 'after_sales')), lostFor(20, 'no_budget'), lostFor(21, 'Price too high')];

  it('config labels per language, else the code humanised; text that is not a code as written', () => {
    const s = site(labelled, specs);
    const en = chart(winLossModel(ctx(s)).charts, 'loss-reasons');
    const ko = chart(winLossModel(ctx(s, 'ko')).charts, 'loss-reasons');
    // metrics.json order: by count, then by the reason as written (code point: 'P' before 'n').
    expect(en.table.rows.map((r) => r[0]!.text)).toEqual(['Price', 'After-sales service', 'Price too high', 'No budget']);
    expect(ko.table.rows.map((r) => r[0]!.text)).toEqual(['가격', '사후 서비스', 'Price too high', 'No budget']);
    // The Korean takeaway names price in Korean, never as a quoted code; "Price too high" is price too: 7 of 11 deals.
    expect(ko.chart.takeaway).toBe('가격(‘가격’, ‘Price too high’)이 실제로 가장 큰 실주 원인으로, 실주 건수의 64%, 실주 금액의 64%를 차지합니다.');
    expect(ko.chart.takeaway).not.toContain('‘price’');
    // The CSV: the code beside the words.
    expect(en.table.csv.headers.slice(0, 2)).toEqual(['Reason (code)', 'Reason']);
    expect(en.table.csv.rows.map((r) => r.slice(0, 2))).toEqual([
      ['price', 'Price'],
      ['after_sales', 'After-sales service'],
      ['Price too high', 'Price too high'],
      ['no_budget', 'No budget'],
    ]);
    // Rounded as the page shows it: 6,000,015 of 11,000,...: 55%, i.e. 0.55, not 0.5454...
    expect(en.table.csv.rows[0]![3]).toBe(0.55);
  });

  it('a label given only in one language is used for every language', () => {
    const s = site(labelled, [{ ...wonDeal('W1', 'Kim', '2025-05-10', 1), winReason: 'relationship' }]);
    expect(chart(winLossModel(ctx(s)).charts, 'win-reasons').table.rows[0]![0]!.text).toBe('고객 관계');
  });
});

describe('honest small samples', () => {
  const lost = (i: number, created = '2025-01-10'): DealSpec => ({
    id: `L${i}`,
    createdAt: at(created),
    closedAt: at('2025-05-01'),
    amount: 1_000_000,
    lostReason: 'price',
    history: [
      ['prospect', at(created)],
      ['qualify', at('2025-02-10')],
      ['lost', at('2025-05-01')],
    ],
  });

  it('the small-sample wording appears below 10\u00a0deals and not from 10 on', () => {
    const small = winLossModel(ctx(site(config, range(9).map((i) => lost(i)))));
    const enough = winLossModel(ctx(site(config, range(10).map((i) => lost(i)))));
    expect(chart(small.charts, 'loss-reasons').chart.takeaway).toBe('Based on only 9\u00a0lost deals — too few to conclude what causes losses.');
    // Every one of them lost at Qualification, before Proposal: the price-before-quote sentence follows (loss-matrix.ts).
    expect(chart(enough.charts, 'loss-reasons').chart.takeaway).toBe(
      'Price really is the main cause of loss: 100% of lost deals and 100% of lost value. All 10\u00a0deals lost for price never reached Proposal, so no quote had been made: ask whether price was the reason there.',
    );
    expect(JSON.stringify(small)).not.toContain('main cause');
    expect(JSON.stringify(enough)).not.toContain('too few to conclude');
    const smallKo = winLossModel(ctx(site(config, range(9).map((i) => lost(i))), 'ko'));
    expect(chart(smallKo.charts, 'loss-reasons').chart.takeaway).toBe('실주 딜이 9건뿐이라 실주 원인을 결론 내리기에는 너무 적습니다.');
  });

  it('headline tiles resting on fewer than 10\u00a0deals say how few, and are muted; from 10 on they are not', () => {
    const tile = (model: ReturnType<typeof overviewModel>, key: string) => model.tiles.find((t) => t.key === key)!;
    // 2 won and 7 lost in the window, 1 open: win rate 2 / 9, velocity from 2 won deals.
    const specs = [wonDeal('W1', 'Kim', '2025-05-10', 1_000_000), wonDeal('W2', 'Kim', '2025-05-20', 3_000_000), ...range(7).map((i) => lost(i)), openDeal('O1', 'Kim', 'qualify', '2025-06-01', 5_000_000)];
    const small = overviewModel(ctx(site(config, specs)));
    expect(tile(small, 'winRateByCount')).toMatchObject({ value: '22%', detail: '2 / 9', few: 'Only 9\u00a0closed deals — too few to rely on' });
    expect(tile(small, 'winRateByValue').few).toBe('Only 9\u00a0closed deals — too few to rely on');
    expect(tile(small, 'medianCycle')).toMatchObject({ detail: '9\u00a0deals', few: 'Only 9\u00a0closed deals — too few to rely on', rough: false });
    expect(tile(small, 'salesVelocity').few).toBe('Only 2\u00a0won deals — too few to rely on');
    // Not samples: amounts and counts of what is there.
    for (const key of ['openPipeline', 'weightedPipeline', 'coverage', 'stalledDeals']) expect(tile(small, key).few, key).toBeNull();
    const ko = overviewModel(ctx(site(config, specs), 'ko'));
    expect(tile(ko, 'winRateByCount').few).toBe('마감된 딜이 9건뿐이라 신뢰하기에는 너무 적음');
    expect(tile(ko, 'salesVelocity').few).toBe('수주한 딜이 2건뿐이라 신뢰하기에는 너무 적음');
    // The velocity page says it in full, and its win rate shows the deals behind it.
    const velocity = velocityModel(ctx(site(config, specs)));
    expect(velocity.notes).toContain(
      'Sales velocity rests on only 2\u00a0won deals (of 9 closed) in the analysis window — too few to rely on its average won amount and won cycle.',
    );
    expect(texts(velocity.tables.find((t) => t.id === 'velocity-inputs')!)[1]).toEqual(['Win rate', '22% (2 / 9)']);
    // 10 closed deals (8 won): the rates stand; velocity from 8 won deals is still marked.
    const enough = overviewModel(ctx(site(config, [...range(8).map((i) => wonDeal(`W${i}`, 'Kim', '2025-05-10', 1_000_000)), lost(1), lost(2)])));
    expect(tile(enough, 'winRateByCount').few).toBeNull();
    expect(tile(enough, 'medianCycle').few).toBeNull();
    expect(tile(enough, 'salesVelocity').few).toBe('Only 8\u00a0won deals — too few to rely on');
    const ten = overviewModel(ctx(site(config, range(10).map((i) => wonDeal(`W${i}`, 'Kim', '2025-05-10', 1_000_000)))));
    expect(ten.tiles.map((t) => t.few).filter(Boolean)).toEqual([]);
  });

  it('the "What changed" page’s tiles carry the overview’s small-sample marks, in both languages', () => {
    const specs = [wonDeal('W1', 'Kim', '2025-05-10', 1_000_000), wonDeal('W2', 'Kim', '2025-05-20', 3_000_000), ...range(7).map((i) => lost(i)), openDeal('O1', 'Kim', 'qualify', '2025-06-01', 5_000_000)];
    for (const locale of ['en', 'ko'] as const) {
      const c = ctx(site(config, specs), locale);
      const fewOf = (tiles: { key: string; few?: string | null }[]) => tiles.map((t) => [t.key, t.few ?? null]);
      expect(fewOf(changesModel(c).tiles)).toEqual(fewOf(overviewModel(c).tiles));
    }
    const c = ctx(site(config, specs));
    expect(changesModel(c).tiles.find((t) => t.key === 'salesVelocity')!.few).toBe('Only 2\u00a0won deals — too few to rely on');
    expect(changesModel(c).tiles.find((t) => t.key === 'openPipeline')!.few).toBeNull();
  });

  it('with no deal closed in the window, win rate and median cycle read "—" and say why, not "0 / 0"', () => {
    const none = overviewModel(ctx(site(config, [openDeal('O1', 'Kim', 'qualify', '2025-06-01', 5_000_000)])));
    for (const key of ['winRateByCount', 'winRateByValue', 'medianCycle']) {
      expect(none.tiles.find((t) => t.key === key), key).toMatchObject({ value: '—', detail: 'No deal closed in the analysis window', few: null });
    }
    const ko = overviewModel(ctx(site(config, [openDeal('O1', 'Kim', 'qualify', '2025-06-01', 5_000_000)]), 'ko'));
    expect(ko.tiles.find((t) => t.key === 'winRateByCount')!.detail).toBe('분석 기간에 마감된 딜 없음');
  });

  it('medians and percentiles of fewer than 5 values are marked, with a note; from 5 on they are not', () => {
    const few = velocityModel(ctx(site(config, range(4).map((i) => lost(i)))));
    const cycle = chart(few.charts, 'cycle-length');
    // Rows: won (0 deals: nothing to mark), lost (4), all (4); columns: group, count, median, mean, p90.
    expect(cycle.table.rows.map((r) => [r[2]!.text, r[4]!.text])).toEqual([
      ['—', '—'],
      ['111\u00a0days*', '111\u00a0days*'],
      ['111\u00a0days*', '111\u00a0days*'],
    ]);
    expect(cycle.chart.svg).toContain('111&#160;days*');
    expect(few.notes).toContain('* A median or percentile of fewer than 5\u00a0values: too few to rely on.');
    // Time in stage: 4 visits of prospect and of qualify ended in the window.
    const time = chart(few.charts, 'time-in-stage');
    expect(time.table.rows[0]![2]!.text).toMatch(/\*$/);
    const five = velocityModel(ctx(site(config, range(5).map((i) => lost(i)))));
    expect(JSON.stringify(five.charts.map((c) => c.table.rows))).not.toContain('*');
    expect(five.notes.join(' ')).not.toContain('fewer than 5\u00a0values');
  });

  it('the funnel keeps still-open deals apart from drop-offs and names its win-rate basis', () => {
    // A: lost at qualify; B: open at qualify; C: won through propose; D: open at prospect; E: lost at prospect.
    const specs: DealSpec[] = [
      { id: 'A', createdAt: at('2025-01-10'), closedAt: at('2025-03-01'), history: [['prospect', at('2025-01-10')], ['qualify', at('2025-02-01')], ['lost', at('2025-03-01')]] },
      { id: 'B', createdAt: at('2025-01-10'), history: [['prospect', at('2025-01-10')], ['qualify', at('2025-02-01')]] },
      { id: 'C', createdAt: at('2025-01-10'), closedAt: at('2025-04-01'), history: [['prospect', at('2025-01-10')], ['propose', at('2025-02-01')], ['won', at('2025-04-01')]] },
      { id: 'D', createdAt: at('2025-01-10'), history: [['prospect', at('2025-01-10')]] },
      { id: 'E', createdAt: at('2025-01-10'), closedAt: at('2025-03-01'), history: [['prospect', at('2025-01-10')], ['lost', at('2025-03-01')]] },
    ];
    const c = contextAt(prepare(dataset(config, specs), config), AS_OF);
    expect(funnelOutcomes(c)).toEqual([
      { stage: 'prospect', open: 1, lost: 1 },
      { stage: 'qualify', open: 1, lost: 1 },
      { stage: 'propose', open: 0, lost: 0 },
      { stage: 'negotiate', open: 0, lost: 0 },
    ]);
    const funnel = chart(funnelModel(ctx(site(config, specs))).charts, 'funnel');
    expect(funnel.table.headers.map((h) => h.label)).toEqual([
      'Stage', 'Buyer step', 'Reached', 'Share of all deals', 'Still open', 'Lost', 'Conversion', 'Won ÷ reached',
    ]);
    expect(funnel.table.rows.map((r) => r.slice(2).map((x) => x.text))).toEqual([
      // Five deals at most reached a stage: every rate is marked as resting on too few.
      ['5', '100%', '1', '1', '60%*', '20%*'],
      ['3', '60%', '1', '1', '33%*', '33%*'],
      ['1', '20%', '0', '0', '100%*', '100%*'],
      ['1', '20%', '0', '0', '100%*', '100%*'],
    ]);
    expect(funnel.table.csv.headers[0]).toBe('Stage ID');
    expect(funnel.chart.svg).toContain('Open, got no further');
  });

  it('the funnel shows no win rate before any deal that reached a stage has closed, and says still-open deals are no drop-offs', () => {
    const specs: DealSpec[] = range(12).map((i) => ({ id: `O${i}`, createdAt: at('2025-03-01'), history: [['prospect', at('2025-03-01')], ...(i < 4 ? [['qualify', at('2025-04-01')] as [string, number]] : [])] }));
    const funnel = chart(funnelModel(ctx(site(config, specs))).charts, 'funnel');
    expect(funnel.table.rows.map((r) => r.at(-1)!.text)).toEqual(['—', '—', '—', '—']);
    expect(funnel.chart.takeaway).toBe('No deal created in the analysis window has been lost yet; the 12\u00a0deals of the cohort still open are not counted as drop-offs.');
    expect(chart(funnelModel(ctx(site(config, specs), 'ko')).charts, 'funnel').chart.takeaway).toBe(
      '분석 기간에 생성된 딜 중 아직 실주가 없습니다. 아직 진행 중인 12건은 이탈로 세지 않았습니다.',
    );
  });
});

describe('CSV numbers as the page shows them', () => {
  it('rounds half away from zero to the given decimals, and leaves text and null alone', () => {
    expect(roundTo(319.2465277777778, 1)).toBe(319.2);
    expect(roundTo(0.5454545454545454, 2)).toBe(0.55);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(roundTo('0.123', 1)).toBe('0.123');
    expect(roundTo(null, 1)).toBeNull();
  });
});
