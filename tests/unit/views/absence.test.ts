/**
 * Page models on small in-memory data sets that lack one thing each: the
 * page says what is missing and how to get it (never a misleading zero or a
 * conclusion from a handful of deals), and says nothing of it when the data
 * has it. Also parked stages kept apart from the funnel's sequence, and
 * deals removed from the CRM.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, FieldChange } from '../../../src/lib/dataset.ts';
import { type Config, DEFAULT_STAGES, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import {
  changesModel,
  dataNotes,
  dataQualityModel,
  forecastModel,
  funnelModel,
  overviewModel,
  ownersModel,
  pageContext,
  PAGES,
  pageTables,
  repurchaseModel,
  stalledModel,
  trendsModel,
  velocityModel,
  waterfallModel,
  winLossModel,
} from '../../../src/lib/views/pages/index.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';
import type { ChartBlock } from '../../../src/lib/views/chart-block.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { renamedNotRead } from '../../../src/lib/ingest/renamed-files.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
/** Noon UTC of a date (the default config's time zone is UTC). */
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

function site(config: Config, specs: DealSpec[], edit: (d: Dataset) => void = () => {}, fieldHistory: FieldChange[] | null = null): SiteData {
  const dataset = makeDataset(config, specs, fieldHistory);
  edit(dataset);
  return siteDataSchema.parse(buildSiteData(dataset, config, AS_OF, { dataLabel: 'test' }));
}
const ctx = (s: SiteData, locale: Locale = 'en') => pageContext(s, locale);
const chart = (blocks: ChartBlock[], id: string) => blocks.find((b) => b.id === id)!;
const column = (t: TableModel, i = 0) => t.rows.map((r) => r[i]!.text);
/** Every sentence a page model holds (notes, takeaways, table cells), for "never says" checks. */
const text = (model: unknown) => JSON.stringify(model);

const config = defaultConfig();

/** A deal lost on `closed` after prospect and qualify, with `reason`. */
const lost = (i: number, reason: string, closed = '2025-05-01'): DealSpec => ({
  id: `L${i}`,
  createdAt: at('2025-01-10'),
  closedAt: at(closed),
  amount: 1_000_000,
  lostReason: reason,
  history: [
    ['prospect', at('2025-01-10')],
    ['qualify', at('2025-02-10')],
    ['lost', at(closed)],
  ],
});
/** A deal won on `closed`. */
const won = (i: number, extra: Partial<DealSpec> = {}): DealSpec => ({
  id: `W${i}`,
  createdAt: at('2025-01-05'),
  closedAt: at('2025-04-01'),
  amount: 2_000_000,
  product: 'CNC',
  winReason: 'relationship',
  history: [
    ['prospect', at('2025-01-05')],
    ['propose', at('2025-02-01')],
    ['won', at('2025-04-01')],
  ],
  ...extra,
});
/** A deal open at `stage` since 2025-06-01. */
const open = (i: number, stage: string, extra: Partial<DealSpec> = {}): DealSpec => ({
  id: `O${i}`,
  createdAt: at('2025-05-01'),
  amount: 3_000_000,
  expectedCloseAt: '2025-08-15',
  history: [
    ['prospect', at('2025-05-01')],
    [stage, at('2025-06-01')],
  ],
  ...extra,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('parked stages', () => {
  const parked = parseConfig({
    stages: [
      DEFAULT_STAGES[0],
      { id: 'hold', kind: 'open', probability: 0.05, parked: true, label: { en: 'On hold', ko: '보류' } },
      ...DEFAULT_STAGES.slice(1),
    ],
  });
  const s = site(parked, [
    ...range(3).map((i) => open(i, 'hold')),
    ...range(2).map((i) => open(10 + i, 'propose')),
    { ...lost(1, 'price'), history: [['prospect', at('2025-01-10')], ['hold', at('2025-02-01')], ['lost', at('2025-05-01')]] },
    won(1),
  ]);

  it('the manifest carries `parked` per stage', () => {
    expect(s.stages.map((x) => [x.id, x.parked])).toEqual([
      ['prospect', false],
      ['hold', true],
      ['qualify', false],
      ['propose', false],
      ['negotiate', false],
      ['won', false],
      ['lost', false],
    ]);
  });

  it('the funnel and the buyer journey show only the sequence', () => {
    const model = funnelModel(ctx(s));
    expect(column(model.charts[0]!.table)).toEqual(['Prospect', 'Qualification', 'Proposal', 'Negotiation']);
    expect(column(model.tables[0]!)).toEqual(['Prospect', 'Qualification', 'Proposal', 'Negotiation', 'Won']);
  });

  it('pipeline by stage, time in stage and lost at stage list parked stages after the sequence, marked', () => {
    for (const [block, label] of [
      [chart(forecastModel(ctx(s)).charts, 'pipeline-by-stage'), 'On hold (outside the sequence)'],
      [chart(velocityModel(ctx(s)).charts, 'time-in-stage'), 'On hold (outside the sequence)'],
      [chart(winLossModel(ctx(s)).charts, 'lost-at-stage'), 'On hold (outside the sequence)'],
      [chart(winLossModel(ctx(s, 'ko')).charts, 'lost-at-stage'), '보류(단계 밖)'],
    ] as const) {
      expect(column(block.table).at(-1), block.id).toBe(label);
      expect(column(block.table).slice(0, -1), block.id).not.toContain(label);
    }
    const pipeline = chart(forecastModel(ctx(s)).charts, 'pipeline-by-stage');
    expect(pipeline.chart.svg).toContain('Parked (outside the sequence)');
    expect(pipeline.table.rows.at(-1)!.map((c) => c.text)).toEqual(['On hold (outside the sequence)', '3', '₩9,000,000', '₩450,000']);
    expect(chart(forecastModel(ctx(s, 'ko')).charts, 'pipeline-by-stage').chart.svg).toContain('보류(단계 밖)');
    // The deal lost from the parked stage counts there.
    expect(chart(winLossModel(ctx(s)).charts, 'lost-at-stage').table.rows.at(-1)![1]!.text).toBe('1');
  });

  it('a parked stage never stalls, and the stall table says so', () => {
    expect(new Map(s.stall_basis).get('hold')).toBe('never');
    const thresholds = stalledModel(ctx(s)).thresholds;
    expect(thresholds.rows.at(-1)!.map((c) => c.text)).toEqual([
      'On hold (outside the sequence)',
      '—',
      'Parked stage: never counted as stalled (name it in stall_days to set a threshold)',
    ]);
  });
});

describe('removed deals', () => {
  const removedAt = at('2025-06-20');
  const s = site(config, [
    open(1, 'propose', { name: 'Acme line 2', owner: 'Kim', removedAt }),
    open(2, 'qualify', { removedAt: at('2025-07-20') }), // removed after as_of: still open
    open(3, 'qualify'),
  ]);

  it('lists deals removed before T with the stage they were at, on the data-quality page', () => {
    expect(s.removed_deals).toEqual([{ deal_id: 'O1', name: 'Acme line 2', owner: 'Kim', stage: 'propose', amount: 3_000_000, removed: '2025-06-20' }]);
    const dq = dataQualityModel(ctx(s));
    expect(dq.removed.rows.map((r) => r.map((c) => c.text))).toEqual([['O1', 'Acme line 2', 'Kim', 'Proposal', '₩3M', 'Jun 20, 2025']]);
    expect(dq.removed.csv.rows[0]).toContain(3_000_000);
    expect(dq.removedNote).toBe(
      'Removed deals were deleted from the CRM, or were missing from a later export. They leave the pipeline without being won or lost; the waterfall counts them as removed.',
    );
    expect(dataQualityModel(ctx(s, 'ko')).removed.headers.map((h) => h.label)).toContain('삭제 시점 단계');
    expect(pageTables(ctx(s), 'data-quality').map((t) => t.id)).toContain('removed-deals');
  });

  it('the waterfall shows the removed row and names it in the takeaway', () => {
    const block = chart(waterfallModel(ctx(s)).charts, 'waterfall');
    expect(block.table.rows.map((r) => r[0]!.text)).toEqual(['Open at start', 'New', 'Reopened', 'Won', 'Lost', 'Removed', 'Open at end']);
    expect(block.table.rows[5]!.map((c) => c.text)).toEqual(['Removed', '1', '₩3,000,000']);
    expect(block.chart.takeaway).toContain('₩3M was removed from the CRM.');
    expect(chart(waterfallModel(ctx(s, 'ko')).charts, 'waterfall').chart.takeaway).toContain('삭제 300만원');
  });

  it('shows a whole-file issue (line 0) with a dash for its line, and a line number as it is', () => {
    const withIssues = site(config, [open(1, 'propose')], (d) => {
      d.issues = [
        { file: 'deals-q3.csv', line: 0, column: '', code: 'file_not_read', severity: 'warning', message: 'not read' },
        { file: 'deals.csv', line: 1604, column: 'stage', code: 'stage_mismatch', severity: 'warning', message: 'x' },
      ];
    });
    const issues = dataQualityModel(ctx(withIssues)).tables.find((t) => t.id === 'issues')!;
    const line = issues.headers.findIndex((h) => h.label === 'Line');
    expect(issues.rows.map((r) => [r[0]!.text, r[line]!.text, r[line]!.sort])).toEqual([
      ['deals-q3.csv', '—', 0],
      ['deals.csv', '1604', 1604],
    ]);
  });

  it('says so when no deal was removed', () => {
    const none = site(config, [open(1, 'propose')]);
    expect(dataQualityModel(ctx(none)).removed.rows).toEqual([]);
    expect(chart(waterfallModel(ctx(none)).charts, 'waterfall').chart.takeaway).not.toContain('removed');
  });
});

describe('the waterfall\'s amounts', () => {
  // Open from March and April; O1's amount raised from 3M to 5M on Jun 10, within the period (May 31 to Jun 30).
  const specs: DealSpec[] = [
    { id: 'O1', createdAt: at('2025-03-01'), amount: 5_000_000, history: [['propose', at('2025-03-01')]] },
    { id: 'O2', createdAt: at('2025-04-01'), amount: 1_000_000, history: [['qualify', at('2025-04-01')]] },
  ];
  const raise: FieldChange = { deal: 0, field: 'amount', oldValue: 3_000_000, newValue: 5_000_000, changedAt: at('2025-06-10'), line: 2 };

  it('says they are each deal\'s at the end, and, when the start\'s differ from the Overview\'s for that date, both figures', () => {
    const s = site(config, specs, () => {}, [raise]);
    // The waterfall restates the opening pipeline at Jun 30 (5M + 1M); the tiles' run at May 31 takes that day's (3M + 1M).
    expect(s.metrics.waterfall.start).toEqual({ count: 2, amount: 6_000_000 });
    expect(s.previous.as_of).toBe('2025-05-31');
    expect(s.previous.pipeline.open_amount).toBe(4_000_000);
    expect(waterfallModel(ctx(s)).notes.at(-1)).toBe(
      'Every amount here is the deal’s amount on Jun 30, 2025, so the deals open on May 31, 2025 start at ₩6M, where the Overview and the Trends, which take each date’s amounts, show ₩4M: these deals’ amounts have risen by ₩2M in all since.',
    );
    // The Korean date's spaces are no-break ones.
    expect(waterfallModel(ctx(s, 'ko')).notes.at(-1)!.replace(/\s/gu, ' ')).toBe(
      '이 페이지의 금액은 모두 2025. 6. 30. 기준 딜 금액이라, 2025년 5월 31일에 진행 중이던 딜이 600만원에서 시작합니다. 날짜마다 그날의 금액을 쓰는 개요와 추이에서는 400만원입니다. 그 뒤 이 딜들의 금액이 합계 200만원 늘었습니다.',
    );
  });

  it('says only that they are each deal\'s at the end when no amount changed', () => {
    const s = site(config, specs);
    expect(s.metrics.waterfall.start.amount).toBe(s.previous.pipeline.open_amount);
    expect(waterfallModel(ctx(s)).notes.at(-1)).toBe(
      'Every amount here is the deal’s amount on Jun 30, 2025, those of the deals open at the start included, so that the amounts add up as the counts do.',
    );
  });
});

describe('close dates not tracked', () => {
  const SENTENCE =
    'Close-date changes are not tracked: add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see slippage and pushed deals.';
  const specs = [open(1, 'propose'), open(2, 'qualify')];

  it('waterfall, stalled and overview say so instead of zero pushes', () => {
    const s = site(config, specs);
    expect(s.metrics.slippage).toBeNull();
    const waterfall = waterfallModel(ctx(s));
    expect(waterfall.notes).toContain(SENTENCE);
    expect(waterfall.tables.map((t) => t.id)).not.toContain('slippage');
    expect(stalledModel(ctx(s)).notes).toContain(SENTENCE);
    expect(overviewModel(ctx(s)).notes).toContain(SENTENCE);
    expect(dataQualityModel(ctx(s)).limits).toContain(SENTENCE);
    expect(waterfallModel(ctx(s, 'ko')).notes[0]).toMatch(/^마감일 변경 이력이 없어 마감일 연기를 추적하지 않습니다\./);
  });

  it('field_history.csv read, with no close-date change in it: says that, not "add field_history.csv"', () => {
    const amountOnly: FieldChange = { deal: 0, field: 'amount', oldValue: '1000', newValue: '2000', changedAt: at('2025-06-10'), line: 2 };
    const s = site(config, specs, (d) => (d.files['field_history.csv'] = { rows: 1, accepted: 1, rejected: 0 }), [amountOnly]);
    expect(s.metrics.slippage).toBeNull();
    expect(waterfallModel(ctx(s)).notes).toContain(
      'Close-date changes are not tracked: field_history.csv has no expected_close_at changes. Add them to it (or export the CRM’s close-date history) to see slippage and pushed deals.',
    );
    expect(text(waterfallModel(ctx(s)))).not.toContain('add field_history.csv');
  });

  it('are not mentioned when field_history.csv tracks them', () => {
    const push: FieldChange = { deal: 0, field: 'expected_close_at', oldValue: '2025-06-15', newValue: '2025-08-15', changedAt: at('2025-06-10'), line: 2 };
    const s = site(config, specs, undefined, [push]);
    expect(s.metrics.slippage).not.toBeNull();
    for (const model of [waterfallModel(ctx(s)), stalledModel(ctx(s)), overviewModel(ctx(s)), dataQualityModel(ctx(s))]) {
      expect(text(model)).not.toContain('Close-date changes are not tracked');
    }
    expect(waterfallModel(ctx(s)).tables.map((t) => t.id)).toContain('slippage');
  });

  it('the forecast accuracy is not shown, saying why, where it replayed each month from today\'s close dates', () => {
    const untracked = chart(forecastModel(ctx(site(config, specs))).charts, 'forecast-accuracy');
    expect(untracked.unavailable).toBe(true);
    expect(untracked.chart.takeaway).toBe(
      'Not shown: each month’s forecast is replayed from the expected close dates as they stood at its start, and this data does not track their changes, so it would be today’s dates, which make the forecast look better or worse than it was. Add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see it.',
    );
    expect(chart(forecastModel(ctx(site(config, specs), 'ko')).charts, 'forecast-accuracy').chart.takeaway).toMatch(/^표시하지 않습니다\. 월별 예측은 그달 초의 예상 마감일로/u);
    const push: FieldChange = { deal: 0, field: 'expected_close_at', oldValue: '2025-06-15', newValue: '2025-08-15', changedAt: at('2025-06-10'), line: 2 };
    const tracked = chart(forecastModel(ctx(site(config, specs, undefined, [push]))).charts, 'forecast-accuracy');
    expect(tracked.unavailable).toBe(false);
    expect(tracked.chart.takeaway).not.toMatch(/^Not shown/u);
  });
});

describe('no expected close dates', () => {
  it('the forecast says none is recorded and how to get them, not "₩0 is expected to close"', () => {
    const s = site(config, [open(1, 'propose', { expectedCloseAt: null }), open(2, 'qualify', { expectedCloseAt: null })]);
    const expected =
      'None of the 2\u00a0open deals has an expected close date, so the forecast cannot say when the pipeline will close: record a close date on each deal in the CRM and export it as expected_close_at in deals.csv.';
    expect(chart(forecastModel(ctx(s)).charts, 'forecast').chart.takeaway).toBe(expected);
    expect(chart(overviewModel(ctx(s)).charts, 'forecast').chart.takeaway).toBe(expected);
    expect(text(forecastModel(ctx(s)))).not.toContain('is expected to close in the next');
    expect(chart(forecastModel(ctx(s, 'ko')).charts, 'forecast').chart.takeaway).toMatch(/^진행 중 딜 2건 모두 예상 마감일이 없어/);
  });

  it('coverage and the projection by commit and best case read "—", never "0×" or "short even with best case", with a target and categories', () => {
    const specs = [
      won(1, { closedAt: at('2025-06-10'), history: [['prospect', at('2025-01-05')], ['won', at('2025-06-10')]], amount: 4_000_000 }),
      open(1, 'negotiate', { expectedCloseAt: null, forecastCategory: 'commit' }),
      open(2, 'propose', { expectedCloseAt: null, forecastCategory: 'best_case' }),
    ];
    const withTarget = (d: Dataset) => {
      d.targets = [{ period: '2025-06', owner: '', team: '', targetAmount: 10_000_000, line: 2 }];
      d.columns['deals.csv']!.add('forecast_category');
    };
    const s = site(config, specs, withTarget);
    // metrics.json keeps the spec's figures: nothing is due in June, so 0 open and a ratio of 0.
    expect(s.metrics.coverage[0]).toMatchObject({ period: '2025-06', open_amount: 0, remaining: 6_000_000, ratio: 0 });
    const overview = overviewModel(ctx(s));
    const tile = overview.tiles.find((t) => t.key === 'coverage')!;
    expect(tile.value).toBe('—');
    expect(tile.detail).toMatch(/^Jun\s2025\s·\sNo open deal has an expected close date$/u);
    expect(overview.notes).toContain('Coverage counts open deals by their expected close date, so without close dates it finds no pipeline for the target.');
    const model = forecastModel(ctx(s));
    const coverage = model.tables.find((t) => t.id === 'coverage')!;
    // Period, remaining, open due, coverage on the page: the target still to win, and "—" for what is due and the ratio.
    expect(coverage.rows[0]!.map((c) => c.text)).toEqual(['Jun 2025 (this month)', '₩6M', '—', '—', '₩10M', '₩4M']);
    const attainment = chart(model.charts, 'attainment');
    // Won alone: commit and best case place deals by their close date, and none has one.
    expect(attainment.chart.takeaway).toBe('Jun 2025 (this month): 40% of the target won so far.');
    expect(text(model)).not.toContain('falls short');
    expect(overviewModel(ctx(s, 'ko')).tiles.find((t) => t.key === 'coverage')!.detail).toMatch(/^2025년\s6월\s·\s예상 마감일이 있는 진행 중 딜 없음$/u);
    // One open deal with a date is enough for the figures to stand.
    const dated = site(config, [...specs.slice(0, 2), open(2, 'propose', { expectedCloseAt: '2025-06-30', forecastCategory: 'best_case' })], withTarget);
    expect(overviewModel(ctx(dated)).tiles.find((t) => t.key === 'coverage')!.value).toBe('0.5×');
    expect(chart(forecastModel(ctx(dated)).charts, 'attainment').chart.takeaway).toBe('Jun 2025 (this month) falls short even with best case: 40% won, 40% with commit, 70% with best case.');
  });

  it('says nothing of it when deals have close dates', () => {
    const s = site(config, [open(1, 'propose'), open(2, 'qualify')]);
    expect(chart(forecastModel(ctx(s)).charts, 'forecast').chart.takeaway).toMatch(/^₩6M is expected to close by the end of Nov 2025, and no open deal/);
    expect(text(forecastModel(ctx(s)))).not.toContain('expected close date, so the forecast');
  });
});

describe('target periods that began before the data', () => {
  const recent = (i: number): DealSpec => ({ ...open(i, 'propose', { expectedCloseAt: '2025-06-28' }), createdAt: at('2025-06-16'), history: [['prospect', at('2025-06-16')], ['propose', at('2025-06-20')]] });
  const targets = (d: Dataset) => {
    d.targets = [
      { period: '2025-Q2', owner: '', team: '', targetAmount: 30_000_000, line: 2 },
      { period: '2025-06', owner: '', team: '', targetAmount: 10_000_000, line: 3 },
      { period: '2025-Q2', owner: 'Kim', team: '', targetAmount: 30_000_000, line: 4 },
    ];
  };
  const SENTENCE = /^This data begins on Jun\s16,\s2025, after Q2\s2025 and Jun\s2025 began: deals won in them before then are missing, so what is won, attainment and coverage read low\. Export the deals closed since Apr\s1,\s2025 too, or read these figures as partial\.$/u;

  it('the forecast, the overview and the owners page say their won and attainment read low, and from when to export', () => {
    const s = site(config, [recent(1), recent(2)], targets);
    expect(s.inputs.oldest_record).toBe('2025-06-16');
    expect(forecastModel(ctx(s)).notes.filter((n) => SENTENCE.test(n))).toHaveLength(1);
    expect(overviewModel(ctx(s)).notes.filter((n) => SENTENCE.test(n))).toHaveLength(1);
    expect(ownersModel(ctx(s)).notes.filter((n) => /^This data begins on Jun\s16,\s2025, after Q2\s2025 began: deals won in it before then are missing/u.test(n))).toHaveLength(1);
    expect(forecastModel(ctx(s, 'ko')).notes).toContainEqual(expect.stringMatching(/^이 데이터는 2025\.\s6\.\s16\.부터 시작해 2025년\s2분기, 2025년\s6월의 시작보다 늦습니다\./u));
  });

  it('says nothing when the data begins before the periods, or without targets', () => {
    const older = site(config, [recent(1), { ...recent(2), createdAt: at('2025-03-20'), history: [['prospect', at('2025-03-20')]] }], targets);
    for (const model of [forecastModel(ctx(older)), overviewModel(ctx(older)), ownersModel(ctx(older))]) expect(text(model)).not.toContain('This data begins on');
    const untargeted = site(config, [recent(1)]);
    for (const model of [forecastModel(ctx(untargeted)), overviewModel(ctx(untargeted)), ownersModel(ctx(untargeted))]) expect(text(model)).not.toContain('This data begins on');
  });
});

describe('an export that looks filtered', () => {
  const WON_ONLY =
    'All 20\u00a0deals closed in the analysis window were won and not one was lost, so the win rates read 100%. Was the export filtered to won deals (a “Closed Won” report or view)? If so, export every deal, lost and open ones too, and build again.';

  it('twenty deals closed, all won: asks whether the export holds won deals only; one lost, or fewer closed: nothing', () => {
    const wonOnly = site(config, [...range(20).map((i) => won(i)), open(1, 'propose')]);
    expect(wonOnly.metrics.win_rate).toMatchObject({ won_count: 20, lost_count: 0 });
    expect(dataNotes(ctx(wonOnly))).toContain(WON_ONLY);
    expect(dataNotes(ctx(wonOnly, 'ko'))).toContain(
      '분석 기간에 종료된 딜 20건이 모두 수주이고 실주는 하나도 없어 수주율이 100%로 보입니다. 내보내기가 수주 딜만 걸러낸 것은 아닌가요(“수주 완료” 보고서나 보기)? 그렇다면 실주 딜과 진행 중 딜까지 모든 딜을 내보내 다시 빌드하세요.',
    );
    expect(text(dataNotes(ctx(site(config, [...range(20).map((i) => won(i)), lost(1, 'price'), open(1, 'propose')]))))).not.toMatch(/filtered/u);
    expect(text(dataNotes(ctx(site(config, [...range(19).map((i) => won(i)), open(1, 'propose')]))))).not.toMatch(/filtered/u);
  });

  it('twenty closed and none open: asks whether the export holds closed deals only', () => {
    const closedOnly = site(config, [...range(10).map((i) => won(i)), ...range(10).map((i) => lost(i, 'price'))]);
    expect(closedOnly.metrics.pipeline.open_count).toBe(0);
    expect(dataNotes(ctx(closedOnly))).toContain(
      'No deal is open on the as-of date, though 20\u00a0deals closed in the analysis window, so the pipeline, coverage and the forecast are empty. Was the export filtered to closed deals? If so, export every deal, open ones too, and build again.',
    );
    expect(text(dataNotes(ctx(site(config, [...range(10).map((i) => won(i)), ...range(10).map((i) => lost(i, 'price')), open(1, 'propose')]))))).not.toMatch(/filtered/u);
  });
});

describe('loss reasons not recorded', () => {
  it('the win/loss page says they are not recorded, not that price is not among them', () => {
    const s = site(config, range(12).map((i) => lost(i, '')));
    const takeaway = chart(winLossModel(ctx(s)).charts, 'loss-reasons').chart.takeaway;
    expect(takeaway).toBe(
      'No loss reason is recorded for the 12\u00a0deals lost in the analysis window: ask reps to fill in Loss Reason when they mark a deal lost, or map the CRM’s loss-reason field to lost_reason in deals.csv.',
    );
    expect(text(winLossModel(ctx(s)))).not.toContain('Price is not among');
    expect(chart(winLossModel(ctx(s, 'ko')).charts, 'loss-reasons').chart.takeaway).toMatch(/^분석 기간에 실주한 딜 12건 모두 실주 사유가 기록되지 않았습니다\./);
    expect(dataQualityModel(ctx(s)).limits).toContain(takeaway);
  });

  it('reasons recorded: the usual takeaway, no absence sentence', () => {
    const s = site(config, [...range(9).map((i) => lost(i, 'price')), ...range(3).map((i) => lost(20 + i, 'timing'))]);
    expect(chart(winLossModel(ctx(s)).charts, 'loss-reasons').chart.takeaway).toBe('Price really is the main cause of loss: 75% of lost deals and 75% of lost value.');
    expect(text(winLossModel(ctx(s)))).not.toContain('No loss reason is recorded');
  });
});

describe('small samples', () => {
  const s = site(config, [...range(3).map((i) => lost(i, 'price')), lost(9, 'timing'), won(1), won(2)]);

  it('takeaways from fewer than 10 deals say the sample is small and name no main cause', () => {
    const charts = winLossModel(ctx(s)).charts;
    expect(chart(charts, 'loss-reasons').chart.takeaway).toBe('Based on only 4\u00a0lost deals — too few to conclude what causes losses.');
    expect(chart(charts, 'lost-at-stage').chart.takeaway).toBe('Based on only 4\u00a0lost deals — too few to conclude at which stage deals are lost.');
    expect(chart(charts, 'win-reasons').chart.takeaway).toBe('Based on only 2\u00a0won deals — too few to conclude why deals are won.');
    expect(chart(velocityModel(ctx(s)).charts, 'cycle-length').chart.takeaway).toBe(
      'Based on only 6\u00a0closed deals — too few to conclude how long the sales cycle is.',
    );
    expect(chart(funnelModel(ctx(s)).charts, 'funnel').chart.takeaway).toBe(
      'Only 6\u00a0deals were created in the analysis window — too few to conclude where deals drop off.',
    );
    expect(text(winLossModel(ctx(s)))).not.toContain('main cause');
    // The SVG's description says the same as the page.
    expect(chart(charts, 'loss-reasons').chart.svg).toContain('<desc id="ps-chart-loss-reasons-desc">Based on only 4&#160;lost deals');
  });

  it('in Korean too', () => {
    const charts = winLossModel(ctx(s, 'ko')).charts;
    expect(chart(charts, 'loss-reasons').chart.takeaway).toBe('실주 딜이 4건뿐이라 실주 원인을 결론 내리기에는 너무 적습니다.');
    expect(text(charts)).not.toContain('가장 큰 실주 원인');
  });

  it('a stage reached by few deals is not called the biggest drop-off', () => {
    // 12 deals: 8 lost at qualify, 3 lost at propose, 1 won from propose; the weakest step (propose, 1 of 4) rests on 4 deals.
    const atPropose = (i: number): DealSpec => ({ ...lost(30 + i, 'price'), history: [['prospect', at('2025-01-10')], ['propose', at('2025-02-10')], ['lost', at('2025-05-01')]] });
    const many = site(config, [...range(8).map((i) => lost(i, 'price')), ...range(3).map(atPropose), won(1)]);
    expect(chart(funnelModel(ctx(many)).charts, 'funnel').chart.takeaway).toBe('Only 4\u00a0deals reached Proposal — too few to conclude where deals drop off.');
    expect(chart(funnelModel(ctx(many, 'ko')).charts, 'funnel').chart.takeaway).toBe(
      '제안 단계에 도달한 딜이 4건뿐이라 어느 단계에서 이탈하는지 결론 내리기에는 너무 적습니다.',
    );
  });
});

describe('the overview\'s median cycle from few deals', () => {
  const tile = (s: SiteData, locale: Locale = 'en') => overviewModel(ctx(s, locale)).tiles.find((t) => t.key === 'medianCycle')!;
  const roughNote = '* A median or percentile of fewer than 5\u00a0values: too few to rely on.';

  it('a median of 3 closed deals is marked, and the page says what the mark means', () => {
    const few = site(config, [lost(1, 'price'), lost(2, 'price'), won(1), open(1, 'qualify')]);
    expect(few.metrics.cycle_length.all.count).toBe(3);
    const median = few.metrics.cycle_length.all.median_days;
    expect(median).not.toBe(null);
    const t = tile(few);
    expect(t.value).toBe(`${ctx(few).f.days(median)}*`);
    expect(t.rough).toBe(true);
    expect(overviewModel(ctx(few)).notes).toContain(roughNote);
    // Only the median is marked: the other tiles read as usual.
    expect(overviewModel(ctx(few)).tiles.filter((x) => x.value.endsWith('*')).map((x) => x.key)).toEqual(['medianCycle']);
    const ko = tile(few, 'ko');
    expect(ko.value).toBe(`${ctx(few, 'ko').f.days(median)}*`);
    expect(overviewModel(ctx(few, 'ko')).notes).toContain('* 값이 5개 미만인 중앙값·백분위수: 신뢰하기에는 표본이 너무 적습니다.');
  });

  it('a median of 5 closed deals is not marked, nor one of none', () => {
    const five = site(config, [...range(3).map((i) => lost(i, 'price')), won(1), won(2)]);
    expect(five.metrics.cycle_length.all.count).toBe(5);
    expect(tile(five).value).toBe(ctx(five).f.days(five.metrics.cycle_length.all.median_days));
    expect(tile(five).rough).toBe(false);
    expect(text(overviewModel(ctx(five)))).not.toContain(roughNote);
    const none = site(config, [open(1, 'qualify')]);
    expect(none.metrics.cycle_length.all.count).toBe(0);
    expect(tile(none).value).toBe('—');
    expect(text(overviewModel(ctx(none)))).not.toContain(roughNote);
  });
});

describe('no product lifecycles', () => {
  const noLifecycle = parseConfig({ products: {} });

  it('the repurchase page says none is configured and how to configure it', () => {
    const s = site(noLifecycle, [won(1), won(2)]);
    const model = repurchaseModel(ctx(s));
    expect(model.charts[0]!.unavailable).toBe(true);
    expect(model.charts[0]!.chart.takeaway).toBe(
      'No won deal has a product lifecycle, so no repurchase date can be predicted: set products.<name>.lifecycle_months in pipeline.config.json, or give deals.csv a lifecycle_months column.',
    );
    expect(model.tables).toEqual([]);
    expect(repurchaseModel(ctx(s, 'ko')).charts[0]!.chart.takeaway).toMatch(/^제품 교체 주기가 설정된 수주 딜이 없어/);
  });

  it('lifecycles configured for products the won deals cannot be matched to: says which is missing, not "set lifecycles"', () => {
    const configured = parseConfig({ products: { Laser: { lifecycle_months: 36 }, Robot: { lifecycle_months: 48 } } });
    // deals.csv without a product column (the helper's columns name none): the deals' products are unknown.
    const noColumn = repurchaseModel(ctx(site(configured, [won(1), won(2)])));
    expect(noColumn.charts[0]!.unavailable).toBe(true);
    expect(noColumn.charts[0]!.chart.takeaway).toBe(
      'No won deal can be given a product lifecycle, so no repurchase date can be predicted: pipeline.config.json sets lifecycle_months for 2\u00a0products, but deals.csv has no product column to match the deals to them. Export each deal’s product as the product column of deals.csv.',
    );
    expect(repurchaseModel(ctx(site(configured, [won(1)]), 'ko')).charts[0]!.chart.takeaway).toMatch(/^수주한 딜에 제품 교체 주기를 맞출 수 없어 .* 제품 2개의 lifecycle_months를 설정하지만, deals\.csv에 .*product 열이 없습니다/u);
    // With the column, the won deals' product (CNC) is none of the configured ones.
    const withColumn = site(configured, [won(1)], (d) => d.columns['deals.csv']!.add('product'));
    expect(repurchaseModel(ctx(withColumn)).charts[0]!.chart.takeaway).toBe(
      'No won deal’s product has a lifecycle in pipeline.config.json, so no repurchase date can be predicted: it sets lifecycle_months for “Laser”, “Robot”. Name the products there as deals.csv’s product column does.',
    );
  });

  it('says nothing of it when a deal or product has a lifecycle', () => {
    for (const [c, specs] of [
      [noLifecycle, [won(1, { lifecycleMonths: 12 })]],
      [parseConfig({ products: { CNC: { lifecycle_months: 24 } } }), [won(1)]],
    ] as const) {
      const model = repurchaseModel(ctx(site(c, [...specs])));
      expect(model.charts[0]!.unavailable).toBe(false);
      expect(text(model)).not.toContain('No won deal has a product lifecycle');
    }
  });
});

describe('repurchases due only after the next 12 months', () => {
  const noLifecycle = parseConfig({ products: {} });
  // Won on 2025-04-01 with a 36-month lifecycle: due in April 2028, after the chart's twelve months.
  const s = site(noLifecycle, [won(1, { lifecycleMonths: 36 }), won(2, { lifecycleMonths: 36, accountId: 'B' })]);

  it('the chart says none is due within 12 months and how many come later, which its table lists', () => {
    expect(s.metrics.repurchase.map((r) => [r.status, r.next_purchase_at])).toEqual([
      ['later', '2028-04-01'],
      ['later', '2028-04-01'],
    ]);
    const model = repurchaseModel(ctx(s));
    expect(model.charts[0]!.chart.takeaway).toBe('No repurchase is due within the next 12\u00a0months; 2\u00a0come due later, listed below.');
    expect(model.tables.find((t) => t.id === 'repurchase-due')!.rows).toHaveLength(2);
    expect(repurchaseModel(ctx(s, 'ko')).charts[0]!.chart.takeaway).toBe('향후 12개월 안에 도래하는 재구매 시점은 없고, 그 뒤에 도래하는 2건은 아래 표에 있습니다.');
    const one = site(noLifecycle, [won(1, { lifecycleMonths: 36 })]);
    expect(repurchaseModel(ctx(one)).charts[0]!.chart.takeaway).toBe('No repurchase is due within the next 12\u00a0months; 1\u00a0comes due later, listed below.');
  });
});

describe('no targets', () => {
  const SENTENCE = 'Coverage and projected attainment need targets: add targets.csv with company-wide targets (owner and team left empty) per month or quarter.';
  const CATEGORIES = /^Commit and best case need a forecast category on each deal: export Salesforce’s Forecast Category \(ForecastCategoryName\) or HubSpot’s Forecast category/;
  const target = (d: Dataset) => {
    d.targets = [{ period: '2025-06', owner: '', team: '', targetAmount: 10_000_000, line: 2 }];
  };

  it('the forecast page says coverage and attainment need targets.csv, and commit needs forecast categories', () => {
    const s = site(config, [open(1, 'propose')]);
    const model = forecastModel(ctx(s));
    expect(model.notes[0]).toBe(SENTENCE);
    expect(model.notes[1]).toMatch(CATEGORIES);
    // Only the deal lists (forecast-deals.test.ts) and the quarter's won deals: no coverage table.
    expect(model.tables.map((t) => t.id).filter((id) => !id.startsWith('deals-'))).toEqual(['won-this-quarter']);
    expect(model.charts.map((c) => c.id)).not.toContain('attainment');
  });

  it('with a company-wide target: attainment and coverage, only won without forecast categories', () => {
    const s = site(config, [open(1, 'propose')], target);
    const model = forecastModel(ctx(s));
    // Then the deal lists' close-date pushes: not tracked without field_history.csv.
    expect(model.notes).toHaveLength(2);
    expect(model.notes[0]).toMatch(CATEGORIES);
    expect(model.notes[1]).toMatch(/^Close-date changes are not tracked/);
    expect(model.tables.map((t) => t.id).filter((id) => !id.startsWith('deals-'))).toEqual(['coverage', 'won-this-quarter']);
    const attainment = chart(model.charts, 'attainment');
    expect(attainment.table.headers.map((h) => h.label)).toEqual(['Period', 'Target', 'Won', 'Won ÷ target']);
    expect(attainment.chart.takeaway).toBe('Jun 2025 (this month): 0% of the target won so far.');
    expect(forecastModel(ctx(s, 'ko')).notes[0]).toMatch(/^커밋과 베스트 케이스를 보려면 딜마다 예측 범주가 있어야 합니다/);
  });

  it('with forecast categories: commit and best case against the target, and no note but the past-due deals counted', () => {
    const s = site(
      config,
      [
        won(1, { closedAt: at('2025-06-10'), history: [['prospect', at('2025-01-05')], ['won', at('2025-06-10')]], amount: 4_000_000 }),
        open(1, 'negotiate', { expectedCloseAt: '2025-06-30', forecastCategory: 'commit' }),
        open(2, 'propose', { expectedCloseAt: '2025-06-20', forecastCategory: 'best_case' }),
        open(3, 'qualify', { expectedCloseAt: '2025-06-25', forecastCategory: 'pipeline' }),
      ],
      (d) => {
        target(d);
        d.columns['deals.csv']!.add('forecast_category');
      },
    );
    const model = forecastModel(ctx(s));
    // No note of targets or categories; that O2 and O3 (due Jun 20 and 25, as of Jun 30) are past due: without them
    // won 4M + commit 3M = 70%, and best case 6M less O2's 3M, 70%; and that close-date pushes are not tracked.
    expect(model.notes).toHaveLength(2);
    expect(model.notes[0]).toBe('2\u00a0open deals worth ₩6M counted in Jun 2025 are already past their expected close date: without them, projected attainment is 70% with commit and 70% with best case.');
    expect(model.notes[1]).toMatch(/^Close-date changes are not tracked/);
    const attainment = chart(model.charts, 'attainment');
    // Won 4M; commit 3M (O1); best case 6M (O1 + O2, past-due O2 included): 40%, 70%, 100% of 10M.
    expect(attainment.table.csv.rows[0]).toEqual(['2025-06', 'Jun 2025 (this month)', 10_000_000, 4_000_000, 3_000_000, 6_000_000, 0.4, 0.7, 1]);
    // Best case reaches the target only with O2, whose date has passed: the headline's verdict is the one without the
    // past-due deals, the figures with them after it.
    expect(attainment.chart.takeaway).toBe(
      'Jun 2025 (this month) falls short even with best case once its 2\u00a0open deals past their expected close date are left out: 40% won, 70% with commit, 70% with best case (70% and 100% counting them).',
    );
    expect(chart(forecastModel(ctx(s, 'ko')).charts, 'attainment').chart.takeaway).toMatch(
      /^2025년\s6월\(이번\s달\): 예상 마감일이 지난 진행 중 딜 2건을 빼면 베스트 케이스까지 더해도 목표에 못 미칩니다\(수주 40%, 커밋 포함 70%, 베스트 케이스 포함 70%\. 그 딜을 넣으면 커밋 포함 70%, 베스트 케이스 포함 100%\)\.$/u,
    );
  });

  it('keeps the chart’s headline when the past-due deals do not change its verdict', () => {
    const s = site(
      config,
      [
        won(1, { closedAt: at('2025-06-10'), history: [['prospect', at('2025-01-05')], ['won', at('2025-06-10')]], amount: 4_000_000 }),
        open(1, 'negotiate', { expectedCloseAt: '2025-06-30', forecastCategory: 'commit', amount: 3_000_000 }),
        open(2, 'propose', { expectedCloseAt: '2025-06-20', forecastCategory: 'best_case', amount: 1_000_000 }),
      ],
      (d) => {
        target(d);
        d.columns['deals.csv']!.add('forecast_category');
      },
    );
    // Won 4M, commit 3M, best case 4M of 10M: 40%, 70%, 80%; without O2 70%: short either way.
    expect(chart(forecastModel(ctx(s)).charts, 'attainment').chart.takeaway).toBe('Jun 2025 (this month) falls short even with best case: 40% won, 70% with commit, 80% with best case.');
  });
});

describe('trends', () => {
  it('a point per month end and the as-of date, shown on the trends page and as tile sparklines', () => {
    // The data begins (its first deal created) before the 12 months.
    const early = won(1, { createdAt: at('2024-03-01'), history: [['prospect', at('2024-03-01')], ['propose', at('2025-02-01')], ['won', at('2025-04-01')]] });
    const s = site(config, [early, open(1, 'propose'), open(2, 'negotiate')]);
    expect(s.trends.map((p) => p.as_of)).toEqual([
      '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31',
      '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30',
    ]);
    const model = trendsModel(ctx(s));
    expect(model.charts.map((c) => c.id)).toEqual([
      'trend-open-pipeline', 'trend-weighted-pipeline', 'trend-win-rate-by-count', 'trend-win-rate-by-value', 'trend-median-cycle', 'trend-sales-velocity', 'trend-stalled-deals',
    ]);
    expect(model.table!.rows.at(-1)![0]!.text).toBe('Jun 30, 2025 (as of)');
    expect(model.table!.csv.rows.at(-1)!.slice(0, 3)).toEqual(['2025-06-30', 2, 6_000_000]);
    const tiles = overviewModel(ctx(s)).tiles;
    expect(tiles.find((t) => t.key === 'openPipeline')!.trend!.href).toBe('/en/trends/#trend-open-pipeline');
    expect(tiles.find((t) => t.key === 'coverage')!.trend).toBeNull();
    expect(model.notes).toEqual([]);
  });

  it('starts at the first month end after the data begins, and says so', () => {
    // The data's first record: W1 created on 2025-01-05.
    const s = site(config, [won(1), open(1, 'propose'), open(2, 'negotiate')]);
    expect(s.trends.map((p) => p.as_of)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30']);
    expect(trendsModel(ctx(s)).notes).toEqual([
      "The data's first record is in Jan 2025, so the trends start at that month's end: before it the data holds no deal, and its figures there would be zeros that only mean the data had not begun. To see more months, export the earlier history too.",
    ]);
    expect(trendsModel(ctx(s, 'ko')).notes).toEqual([
      '데이터의 첫 기록이 2025년\u00a01월에 있어 추이는 그달 말부터 보여 줍니다. 그 전에는 데이터에 딜이 없어 그 달들의 수치는 0일 뿐 의미가 없기 때문입니다. 더 많은 달을 보려면 그 이전 이력도 내보내세요.',
    ]);
  });

  it('sales velocity reads per day on the trends page, in its takeaway, point labels, axis and tables, in both languages', () => {
    const s = site(config, [won(1), open(1, 'propose'), open(2, 'negotiate')]);
    const last = s.trends.at(-1)!.velocity_per_day!;
    expect(last).toBeGreaterThan(0);
    for (const [locale, unit] of [['en', /^₩[\d.]+[KMB]?\/day$/], ['ko', /^하루 [\d.,]+(만|억)?원$/]] as const) {
      const c = ctx(s, locale);
      const block = chart(trendsModel(c).charts, 'trend-sales-velocity');
      const perDay = c.f.perDay(last);
      expect(perDay).toMatch(unit);
      expect(block.chart.takeaway).toContain(perDay);
      expect(block.table.rows.at(-1)![1]!.text).toBe(perDay);
      // The last point's label and the axis ticks: every money text in the drawing carries the unit.
      const svgTexts = [...block.chart.svg.matchAll(/<text[^>]*>([^<]*)<\/text>|<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? m[2]!);
      const money = svgTexts.filter((t) => /[₩원]/.test(t));
      expect(money).toContain(perDay);
      expect(money.length).toBeGreaterThan(2);
      for (const t of money) expect(t).toMatch(unit);
      // The trends table and the overview tile say the same.
      const table = trendsModel(c).table!;
      const col = table.headers.findIndex((h) => h.label === c.m.tiles.salesVelocity);
      expect(table.rows.at(-1)![col]!.text).toBe(perDay);
    }
    // Other money trends stay plain amounts.
    expect(chart(trendsModel(ctx(s)).charts, 'trend-open-pipeline').chart.takeaway).not.toContain('/day');
  });

  it('a tile whose trend has fewer than two values shows the sentence as text, not a drawing', () => {
    // One lost deal: no win, so sales velocity has no value at any point; the open pipeline has one at each.
    const s = site(config, [lost(1, 'price'), open(2, 'propose')]);
    expect(s.trends.filter((p) => p.velocity_per_day !== null).length).toBeLessThan(2);
    for (const [locale, sentence] of [['en', 'Not enough data to show a trend.'], ['ko', '추이를 보여 줄 데이터가 부족합니다.']] as const) {
      const tiles = overviewModel(ctx(s, locale)).tiles;
      const velocity = tiles.find((t) => t.key === 'salesVelocity')!.trend!;
      expect(velocity).toMatchObject({ svg: null, takeaway: sentence, href: `/${locale}/trends/#trend-sales-velocity` });
      expect(tiles.find((t) => t.key === 'openPipeline')!.trend!.svg).toMatch(/^<svg[^>]*>.*<path/s);
    }
  });

  it('without stage history there is no trend, and the page says why', () => {
    const s = site(config, [won(1), open(1, 'propose')], (d) => {
      d.source = { format: 'pipedrive', limitations: ['current_visit_only'] };
    });
    expect(s.trends).toEqual([]);
    const model = trendsModel(ctx(s));
    expect(model.charts).toEqual([]);
    expect(model.notes[0]).toMatch(/^Trends are not available: this export has only each deal’s current stage/);
    expect(overviewModel(ctx(s)).tiles.every((t) => t.trend === null)).toBe(true);
  });
});

describe('stall thresholds from too few visits', () => {
  it('says which stages use the 30-day default and why', () => {
    const s = site(config, [open(1, 'propose'), open(2, 'negotiate')]);
    expect(stalledModel(ctx(s)).notes).toContain(
      'The stall thresholds of Prospect, Qualification, Proposal, and Negotiation are the 30-day default, because fewer than 20\u00a0visits of each of those stages ended in the analysis window.',
    );
    expect(stalledModel(ctx(s)).thresholds.rows[0]![2]!.text).toBe(
      '30-day default: only 2\u00a0visits ended in the analysis window (20 needed to learn it)',
    );
    expect(velocityModel(ctx(s)).notes.join(' ')).toContain('30-day default');
    expect(stalledModel(ctx(s, 'ko')).notes.join(' ')).toContain('분석 기간에 끝난 체류가 20건 미만이라 정체 기준으로 기본값 30일을 적용합니다.');
  });

  it('names only the stages that use it', () => {
    // 20 visits of prospect end in the window: its own p90; stall_days fixes the others.
    const c = parseConfig({ stall_days: { qualify: 40, propose: 40 } });
    const s = site(c, range(20).map((i) => open(i, 'qualify')));
    expect(s.stall_basis).toEqual([['prospect', 'p90'], ['qualify', 'configured'], ['propose', 'configured'], ['negotiate', 'default']]);
    expect(stalledModel(ctx(s)).notes).toContain(
      'The stall threshold of Negotiation is the 30-day default, because fewer than 20\u00a0visits of that stage ended in the analysis window.',
    );
  });
});

describe('an export with only the current stage (current_visit_only)', () => {
  const pipedrive = (d: Dataset) => {
    d.source = { format: 'pipedrive', limitations: ['current_visit_only'] };
  };
  const specs = [...range(12).map((i) => lost(i, 'price')), won(1), open(1, 'propose')];
  const s = site(config, specs, pipedrive);
  const UNAVAILABLE =
    'Not available: this export has only each deal’s current stage, not its stage history. To see it, keep a dated export of the same filter in the folder each day or week (docs/exports.md, “A series of exports”): Pipedrive’s deals export has only the current stage, and the stages are rebuilt from what changed between exports.';

  it('conversion, time in stage and lost at stage are unavailable, saying why and what to export', () => {
    for (const block of [chart(funnelModel(ctx(s)).charts, 'funnel'), chart(overviewModel(ctx(s)).charts, 'funnel'), chart(velocityModel(ctx(s)).charts, 'time-in-stage'), chart(winLossModel(ctx(s)).charts, 'lost-at-stage')]) {
      expect(block.unavailable, block.id).toBe(true);
      expect(block.chart.takeaway, block.id).toBe(UNAVAILABLE);
    }
    expect(chart(funnelModel(ctx(s, 'ko')).charts, 'funnel').chart.takeaway).toMatch(/^표시할 수 없습니다\. 이 내보내기 파일에는 딜별 현재 단계만/);
  });

  it('the overview shows no change against 30 days earlier, and says why', () => {
    const model = overviewModel(ctx(s));
    expect(model.tiles.every((t) => t.delta === null)).toBe(true);
    expect(model.comparedWith).toBe('');
    expect(model.notes[0]).toMatch(/^Changes against 30\u00a0days earlier are not shown: this export has only each deal’s current stage/);
  });

  it('the Changes page says which changes it cannot show, and since when, in both languages', () => {
    const en = changesModel(ctx(s));
    expect(en.tiles.every((t) => t.delta === null)).toBe(true);
    const from = s.changes.from;
    expect(en.notes).toEqual([
      `Changes since ${ctx(s).f.date(from)} are not shown: this export has only each deal’s current stage, so the pipeline on that date cannot be rebuilt. To see them, keep a dated export of the same filter in the folder each day or week (docs/exports.md, “A series of exports”): Pipedrive’s deals export has only the current stage, and the stages are rebuilt from what changed between exports.`,
    ]);
    expect(changesModel(ctx(s, 'ko')).notes[0]).toMatch(new RegExp(`^${ctx(s, 'ko').f.dateLong(from).replace(/\./gu, '\\.')} 이후의 변화는 표시하지 않습니다\\. 이 내보내기 파일에는 딜별 현재 단계만`, 'u'));
  });

  it('the waterfall drops stage moves with a note, and the data-quality page names the source and its limitation', () => {
    const waterfall = waterfallModel(ctx(s));
    expect(waterfall.tables.map((t) => t.id)).not.toContain('stage-moves');
    expect(waterfall.notes.join(' ')).toContain('Stage moves of the deals open at the start are not available');
    const dq = dataQualityModel(ctx(s));
    expect(dq.source[0]).toBe('Read from a Pipedrive deals export.');
    expect(dq.source[1]).toMatch(/^The export has only each deal’s current stage, not its stage history: conversion, time in stage/);
    expect(dataQualityModel(ctx(s, 'ko')).source[0]).toBe('Pipedrive 딜 내보내기에서 읽었습니다.');
  });

  it('a full-history export shows them all, with no such sentence', () => {
    const full = site(config, specs);
    for (const model of [funnelModel(ctx(full)), velocityModel(ctx(full)), winLossModel(ctx(full)), overviewModel(ctx(full)), waterfallModel(ctx(full))]) {
      expect(model.charts.every((b) => !b.unavailable)).toBe(true);
      expect(text(model)).not.toContain('current stage');
    }
    expect(overviewModel(ctx(full)).tiles.some((t) => t.delta !== null)).toBe(true);
    expect(dataQualityModel(ctx(full)).source).toEqual(['Read from CSV files in Pipescope’s own columns (docs/input.md).', 'The export holds each deal’s full stage history.']);
  });

  it('every table of every page still has a unique id', () => {
    for (const page of PAGES) {
      const ids = pageTables(ctx(s, 'ko'), page).map((t) => t.id);
      expect(new Set(ids).size, page).toBe(ids.length);
    }
  });
});

describe('a funnel stage no deal has left yet', () => {
  // One deal, still open at Negotiation: metrics.json's conversion of Negotiation is 0 (0 of 1 advanced).
  const s = site(config, [open(1, 'negotiate')]);
  const funnelTable = (model: { charts: ChartBlock[] }) => chart(model.charts, 'funnel').table;
  const conversionColumn = (t: TableModel) => t.headers.findIndex((h) => h.label === 'Conversion');

  it('keeps the metric as the spec defines it', () => {
    const negotiate = s.metrics.conversion.stages.find((x) => x.stage === 'negotiate')!;
    expect(negotiate).toMatchObject({ reached: 1, advanced: 0, conversion: 0 });
  });

  it('shows "—" for its conversion, not 0%, and says why (funnel and overview, both languages)', () => {
    for (const model of [funnelModel(ctx(s)), overviewModel(ctx(s))]) {
      const t = funnelTable(model);
      const i = conversionColumn(t);
      expect(column(t, 0)).toEqual(['Prospect', 'Qualification', 'Proposal', 'Negotiation']);
      // One deal reached each stage: its rates are marked as too few to rely on ("—" stays as it is).
      expect(column(t, i)).toEqual(['100%*', '100%*', '100%*', '—']);
      expect(model.notes).toContain(
        'Conversion reads “—” for Negotiation: none of the deals that reached it has moved on or been lost there yet (1 still open), so there is nothing to convert from. It shows once a deal moves on or is lost.',
      );
    }
    expect(funnelModel(ctx(s, 'ko')).notes).toContain(
      '협상 단계의 전환율은 ‘—’로 표시합니다. 이 단계에 도달한 딜이 아직 다음 단계로 넘어가거나 이 단계에서 실주되지 않아(진행 중 1건) 전환율을 셀 대상이 없습니다. 딜이 다음 단계로 넘어가거나 실주되면 표시됩니다.',
    );
    expect(chart(funnelModel(ctx(s)).charts, 'funnel').chart.svg).not.toContain('>0%<');
  });

  it('a stage where a deal was lost keeps its 0%: that is a drop-off', () => {
    const lostAtQualify = site(config, [lost(1, 'price'), lost(2, 'price')]);
    const t = funnelTable(funnelModel(ctx(lostAtQualify)));
    expect(column(t, conversionColumn(t))[1]).toBe('0%*');
    expect(text(funnelModel(ctx(lostAtQualify)).notes)).not.toContain('Conversion reads');
  });
});

describe('sales velocity without a won deal', () => {
  // Two deals lost in the window, one open: win rate 0 / 2, no won amount or cycle, velocity null.
  const s = site(config, [lost(1, 'price'), lost(2, 'price'), open(1, 'propose')]);
  const tile = (locale: Locale) => overviewModel(ctx(s, locale)).tiles.find((t) => t.key === 'salesVelocity')!;

  it('the overview tile says why it reads "—", in both languages', () => {
    expect(s.metrics.velocity.per_day).toBeNull();
    expect(tile('en')).toMatchObject({ value: '—', detail: 'No deal won in the analysis window: no average won amount or won cycle' });
    expect(tile('ko')).toMatchObject({ value: '—', detail: '분석 기간에 수주한 딜 없음: 평균 수주 금액·수주 사이클을 알 수 없음' });
  });

  it('the velocity page says why and when it will show', () => {
    expect(velocityModel(ctx(s)).notes).toContain(
      'Sales velocity is not shown: no deal was won in the analysis window (Jul 1, 2024 to Jun 30, 2025), so there is no average won amount or won cycle to compute it from. It shows once a deal is won.',
    );
    expect(velocityModel(ctx(s, 'ko')).notes[0]).toMatch(/^영업 속도를 표시하지 않습니다\. 분석 기간\(2024\.\s7\.\s1\. ~ 2025\.\s6\.\s30\.\)에 수주한 딜이 없어/u);
  });

  it('with a won deal: a value, and no such sentence', () => {
    const withWon = site(config, [won(1), lost(1, 'price'), open(1, 'propose')]);
    const t = overviewModel(ctx(withWon)).tiles.find((x) => x.key === 'salesVelocity')!;
    expect(withWon.metrics.velocity.per_day).not.toBeNull();
    expect(t.value).not.toBe('—');
    expect(t.detail).toBeNull();
    expect(text(velocityModel(ctx(withWon)).notes)).not.toContain('Sales velocity is not shown');
  });
});

describe('empty tables say why', () => {
  it('the data-quality issues table: there are no issues', () => {
    const s = site(config, [open(1, 'propose')]);
    const issues = dataQualityModel(ctx(s)).tables.find((t) => t.id === 'issues')!;
    expect(issues.rows).toEqual([]);
    expect(issues.empty).toBe('No data-quality issues: every row was read.');
    expect(dataQualityModel(ctx(s, 'ko')).tables.find((t) => t.id === 'issues')!.empty).toBe('데이터 품질 문제가 없습니다. 모든 행을 반영했습니다.');
  });

  it('the stalled tables: no deal is stalled, no other deal has a warning sign', () => {
    // Open since 2025-06-01 at Proposal with a close date ahead: neither stalled (30-day default) nor flagged.
    const s = site(config, [open(1, 'propose', { keyman: 'Kim', budgetConfirmed: true })]);
    const model = stalledModel(ctx(s));
    expect(model.stalled.rows).toEqual([]);
    expect(model.stalled.empty).toBe('No stalled deals: every open deal is within its stage threshold.');
    expect(model.flagged.rows).toEqual([]);
    // No close-date history here: repeated pushes are not looked for, so not named among the signs no deal shows.
    expect(s.metrics.slippage).toBeNull();
    expect(model.flagged.empty).toBe('No other open deal shows a warning sign (past expected close, deal has no keyman, budget not confirmed).');
    expect(model.totals.map((t) => t.table.empty)).toEqual(Array(3).fill('No stalled deals: every open deal is within its stage threshold.'));
    expect(stalledModel(ctx(s, 'ko')).flagged.empty).toMatch(/^그 밖에 위험 신호/u);
    expect(overviewModel(ctx(s)).stalled.empty).toBe('No stalled deals: every open deal is within its stage threshold.');
    // No open deal at all: that is what the warning-sign table says.
    expect(stalledModel(ctx(site(config, [lost(1, 'price')]))).flagged.empty).toBe('No open deals on this date.');
  });
});

describe('a file the pages need, in the folder under another name', () => {
  // What folder-notes.ts logs for `targets (1).csv` beside deals.csv when targets.csv is missing.
  const notRead = (file: string, canonical: string) => (d: Dataset) => {
    d.issues.push({ file, line: 0, column: '', code: 'file_not_read', severity: 'warning', message: renamedNotRead(canonical) });
  };
  const RENAME_TARGETS = 'targets (1).csv has the columns of targets.csv under another name, so it was not read: rename it targets.csv and build again to see this.';

  it('the forecast, owners and data quality pages say to rename it, never to add targets.csv', () => {
    const s = site(config, [open(1, 'propose')], notRead('targets (1).csv', 'targets.csv'));
    expect(s.inputs.renamed_files).toEqual([{ file: 'targets (1).csv', canonical: 'targets.csv' }]);
    expect(forecastModel(ctx(s)).notes[0]).toBe(RENAME_TARGETS);
    expect(ownersModel(ctx(s)).notes).toContain(RENAME_TARGETS);
    expect(dataQualityModel(ctx(s)).limits).toContain(RENAME_TARGETS);
    for (const model of [forecastModel(ctx(s)), ownersModel(ctx(s)), dataQualityModel(ctx(s)), overviewModel(ctx(s))]) expect(text(model)).not.toContain('add targets.csv');
    expect(forecastModel(ctx(s, 'ko')).notes[0]).toBe(
      'targets (1).csv는 targets.csv의 열을 가졌지만 이름이 달라 읽지 않았습니다. 이를 보려면 이름을 targets.csv로 바꾸고 다시 빌드하세요.',
    );
  });

  it('two such files: keep one and rename it', () => {
    const s = site(config, [open(1, 'propose')], (d) => {
      notRead('targets (1).csv', 'targets.csv')(d);
      notRead('Pipeline - targets.csv', 'targets.csv')(d);
    });
    expect(forecastModel(ctx(s)).notes[0]).toBe(
      'targets (1).csv and Pipeline - targets.csv have the columns of targets.csv under other names, so none was read: keep one, rename it targets.csv and build again to see this.',
    );
  });

  it('field_history.csv under another name: the close-date and amount notes say to rename it', () => {
    const s = site(config, [open(1, 'propose')], notRead('Pipeline - field_history.csv', 'field_history.csv'));
    const RENAME = 'Pipeline - field_history.csv has the columns of field_history.csv under another name, so it was not read: rename it field_history.csv and build again to see this.';
    expect(waterfallModel(ctx(s)).notes).toContain(RENAME);
    expect(dataQualityModel(ctx(s)).limits).toContain(RENAME);
    const changes = changesModel(ctx(s)).sections;
    expect(changes.filter((c) => c.note === RENAME).map((c) => c.kind)).toEqual(['slipped', 'amount_up', 'amount_down']);
    for (const model of [waterfallModel(ctx(s)), stalledModel(ctx(s)), changesModel(ctx(s))]) expect(text(model)).not.toContain('add field_history.csv');
    // The targets' sentence is untouched: only a file of their own is named.
    expect(forecastModel(ctx(s)).notes[0]).toBe('Coverage and projected attainment need targets: add targets.csv with company-wide targets (owner and team left empty) per month or quarter.');
  });

  it('a file not read for another reason changes nothing', () => {
    const s = site(config, [open(1, 'propose')], (d) => {
      d.issues.push({ file: 'hubspot.csv', line: 0, column: '', code: 'file_not_read', severity: 'warning', message: 'not read: a folder with deals.csv is read as the canonical files alone' });
    });
    expect(s.inputs.renamed_files).toEqual([]);
    expect(forecastModel(ctx(s)).notes[0]).toMatch(/^Coverage and projected attainment need targets: add targets\.csv/);
  });
});

describe('stage history missing from Salesforce objects', () => {
  it('says to export the OpportunityHistory object, not to add stage_history.csv', () => {
    const s = site(config, [open(1, 'propose')], (d) => {
      d.source = { format: 'salesforce-api', limitations: ['current_visit_only'] };
    });
    expect(chart(funnelModel(ctx(s)).charts, 'funnel').chart.takeaway).toBe(
      'Not available: this export has only each deal’s current stage, not its stage history. To see it, export the OpportunityHistory object with the Opportunity object and add OpportunityHistory.csv to the data folder.',
    );
  });
});

describe('close dates and amounts not tracked in a CRM export', () => {
  // field_history.csv is not read beside a CRM's exports: each format says what gets the changes tracked.
  const from = (format: string, limitations: string[] = []) => (d: Dataset) => {
    d.source = { format, limitations };
  };
  const specs = [open(1, 'propose'), open(2, 'qualify')];
  const SERIES =
    'keep a dated export of the same view or filter in the folder each day or week (docs/exports.md, “A series of exports”): an amount or close date that changed between two exports is tracked';

  it('HubSpot and Pipedrive: keep a series of dated exports; never "add field_history.csv"', () => {
    for (const format of ['hubspot', 'pipedrive']) {
      const s = site(config, specs, from(format));
      expect(waterfallModel(ctx(s)).notes).toContain(`Close-date changes are not tracked: to see slippage and pushed deals, ${SERIES}.`);
      const notes = changesModel(ctx(s)).sections.filter((c) => c.note !== null).map((c) => [c.kind, c.note]);
      expect(notes).toEqual([
        ['slipped', `Expected close dates are not tracked: to see the deals whose close date moved later, ${SERIES}.`],
        ['amount_up', `Amounts are not tracked over time: to see the deals whose amount went up or down, ${SERIES}.`],
        ['amount_down', `Amounts are not tracked over time: to see the deals whose amount went up or down, ${SERIES}.`],
      ]);
      for (const model of [waterfallModel(ctx(s)), stalledModel(ctx(s)), overviewModel(ctx(s)), changesModel(ctx(s)), dataQualityModel(ctx(s))]) expect(text(model)).not.toContain('field_history.csv');
    }
  });

  it('Salesforce: the report columns or the field history object; a series: the columns in every export', () => {
    const note = (s: SiteData) => waterfallModel(ctx(s)).notes.find((n) => n.startsWith('Close-date changes'));
    expect(note(site(config, specs, from('salesforce-report')))).toBe(
      'Close-date changes are not tracked: to see slippage and pushed deals, add the Amount and Close Date columns to the Opportunity History report.',
    );
    expect(note(site(config, specs, from('salesforce-api')))).toBe(
      'Close-date changes are not tracked: to see slippage and pushed deals, turn on field history tracking of Amount and Close Date for opportunities in Salesforce and add OpportunityFieldHistory.csv to the folder.',
    );
    expect(note(site(config, specs, from('hubspot', ['history_from_snapshots'])))).toBe(
      'Close-date changes are not tracked: to see slippage and pushed deals, keep the amount and close date columns in every export of the series.',
    );
    expect(waterfallModel(ctx(site(config, specs, from('hubspot')), 'ko')).notes).toContain(
      '마감일 변경 이력이 없어 마감일 연기를 추적하지 않습니다. 마감일 연기와 반복 연기 딜을 보려면 같은 보기나 필터로 매일 또는 매주 내보낸 날짜별 파일을 폴더에 모아 두세요(docs/exports.md의 “A series of exports”). 두 내보내기 사이에 바뀐 금액과 마감일을 추적합니다.',
    );
  });
});
