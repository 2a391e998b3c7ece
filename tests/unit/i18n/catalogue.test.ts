import { describe, expect, it } from 'vitest';
import { createFormatter, type Formatter } from '../../../src/lib/format/index.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import {
  bucketLabel,
  flagLabel,
  LOCALES,
  localize,
  messages,
  nameLabel,
  stageLabel,
  t,
  type Messages,
} from '../../../src/lib/i18n/index.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import { FLAG_NAMES } from '../../../src/lib/metrics/schema.ts';

type Leaf = { path: string; value: unknown };

function leaves(obj: object, prefix = ''): Leaf[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === 'object' ? leaves(v as object, path) : [{ path, value: v }];
  });
}

// Sample arguments for every parameterised message: a generous union of all parameter objects.
const SAMPLE = {
  dataLabel: 'data/sample',
  names: '최지훈',
  date: '2025-06-30',
  title: 'Funnel',
  // absence.reasonSpellings
  groups: [['price', 'Price'], ['가격', '가 격']],
  more: 1,
  // common.aside
  text: 'Proposal',
  aside: '단계 밖',
  count: 3,
  days: 30,
  visits: 20,
  stages: 'Proposal',
  stage: 'Negotiation',
  advice: 'add stage_history.csv',
  flag: 'Deal has no keyman',
  keyman: 'Deal has no keyman',
  budget: 'Budget not confirmed',
  // empty.noFlagged: the signs this data can raise
  signs: ['Past expected close', 'Deal has no keyman'],
  team: '수도권영업팀',
  // forecastPage.attainmentIntro: whose target
  whose: 'owner',
  value: '31%',
  name: 'Salesforce reports',
  code: 'some_limit',
  label: 'Open pipeline',
  // filters.invalidPeriod: the form's label of the key
  field: 'Close date in',
  month: 'Jun 2025',
  period: '2025-Q2',
  // absence.periodBeforeData: the target periods that began before the data
  periods: ['2025-Q2', '2025-06'],
  first: '2025-06-16',
  since: '2025-04-01',
  column: 'Reason',
  threshold: '30\u00a0days',
  amount: 1_230_000_000,
  from: '2024-07-01',
  to: '2025-06-30',
  min: 5,
  // qualification.keyman / budget / tooFew
  with: '39%',
  withCounts: '194 of 496',
  without: '5%',
  withoutCounts: '11 of 207',
  // repurchaseLead.intro: products with too few won deals for a median
  unmeasured: ['LASER-CUT'],
  // changes.stalledOutcome: what became of the deals stalled then (adding up to count)
  won: 1,
  lost: 0,
  removed: 0,
  unstalled: 1,
  still: 1,
  // changes.bridge, summary.*
  start: 12,
  end: 14,
  endAmount: 5_000_000_000,
  rejected: 4,
  rows: 10_703,
  share: '0.04%',
  max: '0.01',
  // filters.showing
  total: 20,
  what: 'owner Kim',
  // source.issuesListed, pages.account.noDeals
  perKind: 1000,
  listed: 3005,
  id: 'A-0001',
  // common.staleData, summary.failedStale
  newest: '2025-06-14',
  age: 16,
  // common.noDealRead, mostDealsRejected, rejectedReason
  dealsFile: 'hubspot-crm-exports-all-deals-2025-06-30.csv',
  reason: '; the most frequent problem (2\u00a0times) first appears at deals.csv line 2',
  accepted: 1,
  at: 'deals.csv line 2 column "created_at"',
  message: 'created_at is empty',
  // absence.closeFieldNotRead, amountFieldNotRead: the warning's file and line
  file: 'field_history.csv',
  line: 7,
  // absence.renamedFile
  files: 'targets (1).csv',
  canonical: 'targets.csv',
  // common.noAmounts, zeroAmounts: 0 as the pages show it
  zero: '₩0',
  // absence.lifecycleProductsUnmatched: the products the config gives a lifecycle
  products: ['CNC-5X', 'Laser'],
  // sources.spread: the lead sources won most and least often
  best: 'Referral',
  bestRate: '39%',
  bestCounts: '45 of 116',
  worst: 'Trade show',
  worstRate: '20%',
  worstCounts: '21 of 103',
  source: 'Outbound',
  rate: '30%',
  // pages.winLoss.reasonQuartersMover, quarterPart: a reason's share of the lost deals in the first and last quarter
  quarter: '2025-Q2',
  earlier: 'Q3 2024',
  later: 'Q2 2025',
  earlierCount: 12,
  earlierOf: 120,
  laterCount: 18,
  laterOf: 128,
  bestWon: 61,
  bestOf: 190,
  worstWon: 43,
  worstOf: 185,
  clear: false,
  // forecastPage.pastDue: the projected attainment without the past-due deals
  projected: { commit: 0.85, bestCase: 0.88 },
  // forecastPage.attainmentPastDue: the verdict without them, and the shares counting them
  reach: 'none',
  wonShare: 0.85,
  counting: { commit: 0.95, bestCase: 1.07 },
};

function render(value: unknown, f: Formatter): string {
  return typeof value === 'function' ? (value as (p: unknown, f: Formatter) => string)(SAMPLE, f) : (value as string);
}

describe('catalogues', () => {
  it('LOCALES lists both languages, and messages/t return their catalogue', () => {
    expect(LOCALES).toEqual(['en', 'ko']);
    // The catalogues as written, each function isolating a right-to-left name it is given (i18n/bidi.ts).
    expect(messages('en').tiles.openPipeline).toBe(en.tiles.openPipeline);
    expect(messages('ko').sections).toEqual(ko.sections);
    expect(messages('ko')).toBe(t('ko'));
    expect(messages('en').groups.region.mostWon({ name: '울산', amount: '₩8.66B', share: '17%' })).toBe(en.groups.region.mostWon({ name: '울산', amount: '₩8.66B', share: '17%' }));
  });

  it('English and Korean have the same keys, and the same kind of value under each', () => {
    const e = leaves(en);
    const k = leaves(ko);
    expect(k.map((l) => l.path)).toEqual(e.map((l) => l.path));
    for (let i = 0; i < e.length; i++) expect(typeof k[i]!.value, e[i]!.path).toBe(typeof e[i]!.value);
  });

  it('no message is empty or untranslated, with every parameter filled in', () => {
    for (const locale of LOCALES) {
      const { m, f } = localize(locale, 'KRW');
      for (const { path, value } of leaves(m)) {
        expect(['string', 'function'], path).toContain(typeof value);
        const text = render(value, f);
        expect(text.trim(), `${locale} ${path}`).not.toBe('');
        expect(text, `${locale} ${path}`).not.toMatch(/undefined|NaN|null|\[object|\$\{/);
      }
    }
  });

  it('an English count keeps its word on its line: a no-break space between them, never a plain one', () => {
    const { m, f } = localize('en', 'KRW');
    const parted = leaves(m).flatMap(({ path, value }) => {
      const text = render(value, f);
      // A count before its adjective ('3 stalled deals') is held to it too.
      return /\d (?:(?:open|closed|won|lost|stalled|new|more) )?(?:days?|deals?|rows?|visits?|months?|values?|issues?|accounts?|times?|warnings?|MB)\b/u.test(text) ? [`${path}: ${text}`] : [];
    });
    expect(parted).toEqual([]);
    expect(m.summary.warnings({ count: 1 }, f)).toBe('1\u00a0warning.');
    expect(m.changes.bridge({ from: '2025-06-01', to: '2025-06-30', start: 12, end: 1, endAmount: 5_000_000 }, f)).toBe(
      'Open pipeline: 12\u00a0deals on Jun 1, 2025; 1\u00a0deal worth ₩5M on Jun 30, 2025.',
    );
  });

  it('Korean strings are Korean (apart from names and codes)', () => {
    const f = createFormatter('ko', 'KRW');
    const latinOnly = leaves(ko)
      .filter(({ value }) => !/[가-힣]/.test(render(value, f)))
      .map(({ path }) => path);
    // The percentiles are named in Korean ('90백분위수'), not 'P90', which Korean readers do not say.
    expect(latinOnly).toEqual(['site.name', 'language.switchTo']);
  });

  it('the type rejects a catalogue with a missing key', () => {
    const { nav: _nav, ...withoutNav } = ko;
    // @ts-expect-error nav is missing
    const broken: Messages = withoutNav;
    expect(broken).toBeDefined();
  });

  it('covers every deal flag of metrics.json', () => {
    expect(Object.keys(en.flags).sort()).toEqual([...FLAG_NAMES].sort());
  });
});

describe('exact strings', () => {
  const e = localize('en', 'KRW');
  const k = localize('ko', 'KRW');
  it('navigation and tiles', () => {
    expect(e.m.site.name).toBe('Pipescope');
    expect(k.m.site.name).toBe('Pipescope');
    expect(k.m.nav.winLoss).toBe('수주·실주 분석');
    expect(k.m.nav.waterfall).toBe('파이프라인 변동');
    expect(e.m.nav.owners).toBe('Owners and teams');
    expect(k.m.tiles.weightedPipeline).toBe('가중 파이프라인');
    expect(e.m.common.downloadCsv).toBe('Download CSV');
    expect(k.m.common.downloadCsv).toBe('CSV 다운로드');
  });
  it('parameterised messages', () => {
    expect(e.m.common.asOf({ date: '2025-06-30' }, e.f)).toBe('as of Jun 30, 2025');
    expect(k.m.common.asOf({ date: '2025-06-30' }, k.f)).toBe('2025.\u00a06.\u00a030. 기준');
    // The overview intro's sentence after its first: not a fragment ('… last month. vs 30 days earlier (May 31, 2025)').
    expect(e.m.tiles.comparedWith({ days: 30, date: '2025-05-31' }, e.f)).toBe('Changes are against 30\u00a0days earlier (May 31, 2025).');
    expect(k.m.tiles.comparedWith({ days: 30, date: '2025-05-31' }, k.f)).toBe('변화는 30일 전(2025.\u00a05.\u00a031.) 대비입니다.');
    // A count after a Korean date ('2025. 6. 30. 14건') read as part of it: each date says 기준.
    expect(k.m.changes.bridge({ from: '2025-06-01', to: '2025-06-30', start: 12, end: 14, endAmount: 5_000_000_000 }, k.f)).toBe(
      '진행 중 파이프라인: 2025.\u00a06.\u00a01. 기준 12건, 2025.\u00a06.\u00a030. 기준 14건(50억원).',
    );
    expect(e.m.common.dealCount({ count: 1 }, e.f)).toBe('1\u00a0deal');
    expect(e.m.common.dealCount({ count: 1200 }, e.f)).toBe('1,200\u00a0deals');
    expect(k.m.common.dealCount({ count: 1200 }, k.f)).toBe('1,200건');
  });
  it('flags, buckets and names', () => {
    expect(flagLabel(e.m, e.f, 'pushed', 3)).toBe('Close date pushed 3\u00a0times');
    expect(flagLabel(e.m, e.f, 'pushed', 1)).toBe('Close date pushed 1\u00a0time');
    expect(flagLabel(k.m, k.f, 'pushed', 3)).toBe('마감일 3회 연기');
    // With the close date first pushed from: what it slipped from, beside the expected close the list shows now.
    expect(flagLabel(e.m, e.f, 'pushed', 2, '2025-05-23')).toBe('Close date pushed 2\u00a0times from May 23, 2025');
    expect(flagLabel(k.m, k.f, 'pushed', 2, '2025-05-23')).toBe('마감일 2025.\u00a05.\u00a023.부터 2회 연기');
    expect(flagLabel(e.m, e.f, 'pushed')).toBe('Close date pushed repeatedly');
    expect(flagLabel(k.m, k.f, 'no_keyman')).toBe('딜 키맨 미확인');
    expect(flagLabel(k.m, k.f, 'past_expected_close')).toBe('예상 마감일 경과');
    expect(flagLabel(k.m, k.f, 'budget_unconfirmed')).toBe('예산 미확정');
    expect(bucketLabel(k.m, k.f, 'unscheduled')).toBe('마감일 미정');
    expect(bucketLabel(e.m, e.f, '2025-07')).toBe('Jul 2025');
    expect(bucketLabel(k.m, k.f, '2025-07')).toBe('2025년\u00a07월');
    expect(nameLabel(k.m, '(unspecified)')).toBe('(미지정)');
    expect(nameLabel(k.m, 'price')).toBe('price');
  });
  it('stage labels fall back to English, then the id', () => {
    const stage = { id: 'qualify', label: { en: 'Qualification', ko: '구매의사 확인·내부 검증' } };
    expect(stageLabel(stage, 'ko')).toBe('구매의사 확인·내부 검증');
    expect(stageLabel({ id: 'x', label: { en: 'X stage' } }, 'ko')).toBe('X stage');
    expect(stageLabel({ id: 'x', label: {} }, 'ko')).toBe('x');
  });
});
