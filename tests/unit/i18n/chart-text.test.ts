import { describe, expect, it } from 'vitest';
import * as C from '../../../src/lib/charts/index.ts';
import * as V from '../../../src/lib/views/chart-models.ts';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { chartTexts, type ChartTexts } from '../../../src/lib/i18n/chart-text.ts';
import { LOCALES, messages, type Locale } from '../../../src/lib/i18n/index.ts';
import { exampleMetrics as metrics, STAGES } from '../charts/fixtures.ts';

const REPURCHASE: C.RepurchaseViewModel = {
  overdue: { count: 2, amount: 12_000_000 },
  months: [
    { month: '2025-07', count: 1, amount: 3_000_000 },
    { month: '2025-08', count: 2, amount: 5_000_000 },
  ],
};
const SPARKLINE: C.SparklineViewModel = {
  kind: 'money',
  points: [
    { label: '2025-05', value: 34_000_000 },
    { label: '2025-06', value: 39_000_000 },
  ],
};

const ATTAINMENT: C.AttainmentViewModel = {
  periods: [
    { key: '2025-06', label: 'June', target: 10_000_000, won: 6_000_000, commit: 2_000_000, bestCase: 3_000_000 },
    { key: '2025-Q2', label: 'Q2', target: 30_000_000, won: 20_000_000, commit: 5_000_000, bestCase: 11_000_000 },
  ],
  focus: '2025-Q2',
};
const ACCURACY: C.AccuracyViewModel = {
  months: [
    { month: '2025-04', forecastCount: 3, forecastAmount: 9_000_000, forecastWeighted: 4_000_000, wonCount: 1, wonAmount: 3_000_000, wonFromForecast: 1, ratio: 0.75 },
    { month: '2025-05', forecastCount: 2, forecastAmount: 6_000_000, forecastWeighted: 2_000_000, wonCount: 1, wonAmount: 2_500_000, wonFromForecast: 1, ratio: 1.25 },
  ],
};
const TREND: C.TrendLineViewModel = {
  kind: 'money',
  points: [
    { key: '2025-04-30', tick: 'Apr', year: '2025', short: '2025-04', value: 30_000_000 },
    { key: '2025-05-31', tick: 'May', year: '2025', short: '2025-05', value: 41_000_000 },
    { key: '2025-06-30', tick: 'Jun', year: '2025', short: '2025-06', value: 39_000_000 },
  ],
};

function setup(locale: Locale, currency = 'KRW') {
  const fmt = createFormatter(locale, currency);
  const text = chartTexts(locale);
  const o = <T extends C.BaseChartText>(t: T) => ({ locale, fmt, text: t });
  return { fmt, text, o };
}

/** Every chart of the example metrics, plus repurchase and sparkline inputs that have something to say. */
function renderAll(locale: Locale, currency = 'KRW'): Record<keyof ChartTexts | 'repurchaseEmpty', C.ChartOutput> {
  const { text: t, o } = setup(locale, currency);
  const unspecified = messages(locale).common.unspecified;
  const m = metrics;
  return {
    funnel: C.funnelChart(V.funnelView(m, STAGES, locale), o(t.funnel)),
    pipeline: C.pipelineByStageChart(V.pipelineView(m, STAGES, locale), o(t.pipeline)),
    forecast: C.forecastChart(V.forecastView(m), o(t.forecast)),
    intake: C.intakeChart(V.intakeView(m), o(t.intake)),
    timeInStage: C.timeInStageChart(V.timeInStageView(m, STAGES, locale, new Map([['negotiate', 30]])), o(t.timeInStage)),
    cycleLength: C.cycleLengthChart(V.cycleLengthView(m), o(t.cycleLength)),
    lossReasons: C.lossReasonsChart(V.reasonsView(m.loss_reasons, { unspecified }), o(t.lossReasons)),
    winReasons: C.winReasonsChart(V.reasonsView(m.win_reasons, { unspecified }), o(t.winReasons)),
    lostAtStage: C.lostAtStageChart(V.lostAtStageView(m, STAGES, locale), o(t.lostAtStage)),
    competitors: C.competitorsChart(V.competitorsView(m), o(t.competitors)),
    waterfall: C.waterfallChart(V.waterfallView(m), o(t.waterfall)),
    repurchaseEmpty: C.repurchaseTimelineChart(V.repurchaseView(m), o(t.repurchase)),
    repurchase: C.repurchaseTimelineChart(REPURCHASE, o(t.repurchase)),
    sparkline: C.trendSparkline(SPARKLINE, o(t.sparkline)),
    attainment: C.attainmentChart(ATTAINMENT, o(t.attainment)),
    accuracy: C.forecastAccuracyChart(ACCURACY, o(t.accuracy)),
    trend: C.trendLineChart(TREND, o(t.trend)),
  };
}

/** Names that come from the data, not from the translation. */
const DATA_NAMES = [...metrics.loss_reasons.map((r) => r.reason), ...metrics.win_reasons.map((r) => r.reason), ...metrics.competitors.map((c) => c.competitor)];
const withoutDataNames = (s: string) => DATA_NAMES.reduce((acc, name) => acc.replaceAll(name, ''), s);

function strings(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'string' ? [v] : v !== null && typeof v === 'object' ? strings(v) : []));
}

function lossTakeaway(locale: Locale, reasons: C.ReasonRow[]): string {
  const { text, o } = setup(locale);
  return C.lossReasonsChart({ reasons }, o(text.lossReasons)).takeaway;
}

describe('chart texts', () => {
  it('render every chart of the example metrics in both locales, one full sentence each', () => {
    for (const locale of LOCALES) {
      for (const [name, out] of Object.entries(renderAll(locale))) {
        expect(out.title.trim(), `${locale} ${name}`).not.toBe('');
        expect(out.takeaway, `${locale} ${name}`).toMatch(/\.$/);
        // One sentence: no full stop before the end (decimals like '81.4' have no space after the dot).
        expect(out.takeaway.slice(0, -1), `${locale} ${name}`).not.toMatch(/\.\s/);
        expect(out.takeaway, `${locale} ${name}`).not.toMatch(/undefined|NaN|null|\[object|\$\{|—/);
        expect(out.svg).toContain(out.title);
      }
    }
  });

  it('let no English into the Korean charts, and no Korean into the English ones', () => {
    const leaks = (s: string) => withoutDataNames(s).match(/[A-Za-z]{4,}/g) ?? [];
    for (const out of Object.values(renderAll('ko'))) {
      expect(leaks(out.title), out.title).toEqual([]);
      expect(leaks(out.takeaway), out.takeaway).toEqual([]);
      for (const header of out.table.headers) expect(leaks(header), header).toEqual([]);
    }
    for (const s of strings(chartTexts('ko'))) expect(leaks(s), s).toEqual([]);
    for (const out of Object.values(renderAll('en'))) expect(`${out.title} ${out.takeaway}`).not.toMatch(/[가-힣]/);
    for (const s of strings(chartTexts('en'))) expect(s).not.toMatch(/[가-힣]/);
  });

  it('hold an English count to its words by a no-break space, an adjective between them or not', () => {
    const parted = /\d (?:(?:open|closed|won|lost|new|more) )?(?:deals?|days?|months?|customers?|comes?|come)\b/u;
    const { text } = setup('en');
    const texts = [
      ...Object.values(renderAll('en')).map((out) => out.takeaway),
      ...strings(chartTexts('en')),
      text.funnel.lostTakeaway!({ stage: 'Proposal', lost: '2', reached: '5', share: '40%', open: '3', openCount: 3 }),
      text.funnel.lostTakeaway!({ stage: null, lost: '0', reached: '5', share: '0%', open: '1', openCount: 1 }),
      text.competitors.takeaway({ competitor: 'Acme', deals: '4', winRate: '50%', worst: null }),
      text.competitors.takeaway({ competitor: 'Acme', deals: '4', winRate: null, worst: { competitor: 'Bolt', won: '1', deals: '12', winRate: '8%', clear: true } }),
      text.competitors.takeaway({ competitor: 'Acme', deals: '40', winRate: '25%', worst: { competitor: 'Bolt', won: '2', deals: '12', winRate: '17%', clear: false } }),
      text.repurchase.noneSoon({ count: 3 }),
    ];
    for (const s of texts) expect(s).not.toMatch(parted);
    expect(texts).toContain('Acme is the competitor met most often: 4\u00a0closed deals, 50% won.');
    expect(texts).toContain('Acme is the competitor met most often: 4\u00a0closed deals, too few for a win rate; we win least against Bolt: 1 of 12\u00a0deals (8%).');
    expect(texts).toContain(
      'Acme is the competitor met most often: 40\u00a0closed deals, 25% won; we win least against Bolt: 2 of 12\u00a0deals (17%). At these deal counts a gap this size could be chance: no clear difference.',
    );
    expect(texts).toContain('No deal created in the analysis window has been lost yet; the 1\u00a0deal of the cohort still open is not counted as drop-offs.');
  });

  it('take titles, headers and bucket names from the catalogue', () => {
    for (const locale of LOCALES) {
      const m = messages(locale);
      const t = chartTexts(locale);
      expect(t.lossReasons.title).toBe(m.sections.lossReasons);
      expect(t.forecast.buckets).toEqual(m.forecastBucket);
      expect(t.cycleLength.groups).toEqual(m.cycleGroup);
      expect(t.waterfall.steps.reopened).toBe(m.waterfall.reopened);
      expect(t.pipeline.columns.weighted).toBe(m.columns.weighted_amount);
    }
  });
});

describe('exact takeaways of the example metrics', () => {
  it('English', () => {
    const out = renderAll('en');
    expect(out.funnel.takeaway).toBe('The biggest drop-off is after Negotiation: only 8 of the 14\u00a0deals that reached it (57%) moved on.');
    expect(out.lossReasons.takeaway).toBe('Price really is the main cause of loss: 75% of lost deals and 57% of lost value.');
    expect(out.cycleLength.takeaway).toBe(
      'From creation to close, the 9\u00a0won deals took a median of 81.4\u00a0days and the 4\u00a0lost deals took 65.2\u00a0days.',
    );
    expect(out.forecast.takeaway).toBe(
      '₩9M is expected to close by the end of Nov 2025, but 4\u00a0deals worth ₩10M (26% of open pipeline) are already past the expected close date.',
    );
    expect(out.waterfall.takeaway).toBe(
      'The open pipeline grew from ₩34M to ₩39M: ₩5M came in new or reopened, ₩0 was won and ₩0 was lost.',
    );
    // The example's 3 windows all fall after the twelve months: the table lists them, the sentence says so.
    expect(out.repurchaseEmpty.takeaway).toBe('No repurchase is due within the next 12\u00a0months; 3\u00a0come due later, listed below.');
    // Rows are a customer's product coming due, not customers (one customer may buy two products).
    expect(out.repurchase.takeaway).toBe('2\u00a0repurchases are past their date (₩12M last time), and 3\u00a0more come due within 12\u00a0months (₩8M, most in Aug 2025).');
    // Won 3.0M + 2.5M of a weighted forecast of 4M + 2M: 92%; April 0.75, May 1.25.
    expect(out.accuracy.takeaway).toBe(
      'Over the 2\u00a0months with a forecast, deals won came to 92% of the weighted forecast made at each month’s start, from 75% in Apr 2025 to 125% in May 2025; 2 of the 5\u00a0deals forecast for their month were won in it (0 of the 2\u00a0deals won were not in its forecast).',
    );
  });

  it('Korean', () => {
    const out = renderAll('ko');
    expect(out.funnel.takeaway).toBe('가장 큰 이탈은 협상 단계 이후로, 도달한 딜 14건 중 8건(57%)만 다음 단계로 넘어갔습니다.');
    expect(out.lossReasons.takeaway).toBe('가격이 실제로 가장 큰 실주 원인으로, 실주 건수의 75%, 실주 금액의 57%를 차지합니다.');
    expect(out.winReasons.takeaway).toBe('사유가 기록되지 않은 딜이 수주 건수의 100%, 수주 금액의 100%를 차지합니다.');
    expect(out.cycleLength.takeaway).toBe('생성부터 마감까지 수주 딜 9건은 중앙값 81.4일, 실주 딜 4건은 65.2일이 걸렸습니다.');
    expect(out.competitors.takeaway).toBe('가장 자주 맞붙은 경쟁사는 Acme Rival로, 이 경쟁사와 경합해 마감된 딜 8건의 수주율은 88%입니다.'); // 라이벌로
    expect(out.pipeline.takeaway).toBe('진행 중 파이프라인이 가장 많이 쌓인 단계는 협상으로, 전체의 49%인 1,900만원입니다.');
    // The month buckets run from the as-of date (June 30) to the end of November.
    expect(out.forecast.takeaway).toBe('2025년\u00a011월 말까지 900만원 규모의 딜이 마감될 예정이지만, 진행 중 딜 4건(1,000만원, 진행 중 파이프라인의 26%)은 이미 예상 마감일이 지났습니다.');
    expect(out.waterfall.takeaway).toBe('진행 중 파이프라인이 3,400만원에서 3,900만원으로 늘었습니다(신규·재개 500만원, 수주 0원, 실주 0원).');
    expect(out.repurchase.takeaway).toBe(
      '재구매 시점이 지난 건이 2건(직전 구매 1,200만원), 12개월 안에 재구매 시점이 도래하는 건이 3건(800만원, 2025년\u00a08월에 최다) 있습니다.',
    );
    // The lowest and highest months named as such: a "7월 ~ 6월" range read as a span of dates.
    expect(out.accuracy.takeaway).toBe(
      '예측이 있던 2개월 동안 수주 금액은 매월 초 가중 예측의 92%였고(가장 낮은 달 2025년\u00a04월 75%, 가장 높은 달 2025년\u00a05월 125%), 그달 마감 예정으로 예측된 딜 5건 중 그달에 수주한 딜은 2건입니다(수주한 딜 2건 중 0건은 그달 예측에 없던 딜).',
    );
  });

  it('Korean trend takeaways never read a month and its value as a date', () => {
    const { text, o, fmt } = setup('ko');
    const month = (key: string) => fmt.month(key);
    const days: C.TrendLineViewModel = {
      kind: 'days',
      points: [
        { key: '2025-07-31', tick: '7월', year: '2025년', short: month('2025-07'), value: 50.1 },
        { key: '2025-12-31', tick: '12월', year: '2025년', short: month('2025-12'), value: 61 },
        { key: '2026-06-30', tick: '6월', year: '2026년', short: month('2026-06'), value: 59 },
      ],
    };
    // Not '2026년 6월 59일로' (the 59th of June): each value, then its month. A cycle lengthens, a rate rises.
    expect(C.trendLineChart(days, o(text.trend)).takeaway).toBe('50.1일(2025년\u00a07월)에서 59일(2026년\u00a06월)로 길어졌습니다(최고 61일(2025년\u00a012월)).');
    const rate: C.TrendLineViewModel = { kind: 'percent', points: days.points.map((p, i) => ({ ...p, value: [0.27, 0.2, 0.29][i]! })) };
    expect(C.trendLineChart(rate, o(text.trend)).takeaway).toBe('27%(2025년\u00a07월)에서 29%(2026년\u00a06월)로 높아졌습니다(최저 20%(2025년\u00a012월)).');
    const flat: C.TrendLineViewModel = { kind: 'count', points: days.points.map((p) => ({ ...p, value: 20 })) };
    expect(C.trendLineChart(flat, o(text.trend)).takeaway).toBe('2025년\u00a07월과 2026년\u00a06월 모두 20입니다.');
  });

  it('Korean particles follow the value as read aloud', () => {
    const out = renderAll('ko', 'USD');
    expect(out.waterfall.takeaway).toBe(
      '진행 중 파이프라인이 3,400만\u00a0달러에서 3,900만\u00a0달러로 늘었습니다(신규·재개 500만\u00a0달러, 수주 0\u00a0달러, 실주 0\u00a0달러).',
    );
    expect(out.intake.takeaway).toBe('최근 3개월 신규 딜은 5건, 1,500만\u00a0달러로 직전 3개월(3,500만\u00a0달러)보다 줄었습니다.');
    expect(renderAll('ko').intake.takeaway).toBe('최근 3개월 신규 딜은 5건, 1,500만원으로 직전 3개월(3,500만원)보다 줄었습니다.');
  });

  it('Korean: the competitor we win least against, and that the gap could be chance', () => {
    const { text } = setup('ko');
    const worst = { competitor: '두산공작기계', won: '2', deals: '12', winRate: '17%' };
    const said = '가장 자주 맞붙은 경쟁사는 한화정밀로, 이 경쟁사와 경합해 마감된 딜 40건의 수주율은 25%이며, 수주율이 가장 낮은 경쟁사는 두산공작기계로 12건 중 2건(17%)만 수주했습니다.';
    expect(text.competitors.takeaway({ competitor: '한화정밀', deals: '40', winRate: '25%', worst: { ...worst, clear: true } })).toBe(said);
    expect(text.competitors.takeaway({ competitor: '한화정밀', deals: '40', winRate: '25%', worst: { ...worst, clear: false } })).toBe(
      `${said} 이 정도 딜 수에서는 이만한 차이가 우연으로도 생길 수 있어 뚜렷한 차이로 보기 어렵습니다.`,
    );
  });
});

describe('the loss-reasons takeaway says whether price really is the main cause', () => {
  const service = { label: 'service', count: 5, amount: 30_000_000 };
  it('price leads by amount only', () => {
    const reasons = [{ ...service, amount: 10_000_000 }, { label: 'price', count: 3, amount: 20_000_000, highlight: true }];
    expect(lossTakeaway('en', reasons)).toBe('Price costs the most lost value (67%) but is not the most frequent loss reason: only 38% of lost deals.');
    expect(lossTakeaway('ko', reasons)).toBe(
      '가격은 실주 금액의 67%를 차지해 손실 규모는 가장 크지만, 실주 건수로는 38%에 그쳐 가장 잦은 사유는 아닙니다.',
    );
  });
  it('price leads by count only', () => {
    const reasons = [{ label: '가격', count: 5, amount: 10_000_000, highlight: true }, { ...service, count: 3, amount: 20_000_000 }];
    expect(lossTakeaway('en', reasons)).toBe('Price is the most frequent loss reason (63% of lost deals) but not the costliest: only 33% of lost value.');
    expect(lossTakeaway('ko', reasons)).toBe('가격은 가장 잦은 실주 사유(실주 건수의 63%)이지만, 실주 금액으로는 33%에 그쳐 가장 큰 손실 원인은 아닙니다.');
  });
  it('price is not the main cause', () => {
    const reasons = [service, { label: 'price', count: 3, amount: 20_000_000, highlight: true }];
    expect(lossTakeaway('en', reasons)).toBe('Price is not the main cause of loss: only 38% of lost deals and 40% of lost value.');
    expect(lossTakeaway('ko', reasons)).toBe('가격은 실주 건수의 38%, 실주 금액의 40%에 그쳐 주된 실주 원인이 아닙니다.');
  });
  it('names the wording of price the data uses, never a code in quotes', () => {
    const lead = (label: string) => [{ label, count: 5, amount: 30_000_000, highlight: true }, { ...service, count: 3, amount: 20_000_000 }];
    // A label that already says 가격 is quoted whole; the particle follows how it reads.
    expect(lossTakeaway('ko', lead('가격 경쟁력 부족'))).toBe('‘가격 경쟁력 부족’이 실제로 가장 큰 실주 원인으로, 실주 건수의 63%, 실주 금액의 60%를 차지합니다.');
    expect(lossTakeaway('ko', lead('Price'))).toBe('가격이 실제로 가장 큰 실주 원인으로, 실주 건수의 63%, 실주 금액의 60%를 차지합니다.');
    expect(lossTakeaway('ko', lead('Cost overrun'))).toBe('가격(‘Cost overrun’)이 실제로 가장 큰 실주 원인으로, 실주 건수의 63%, 실주 금액의 60%를 차지합니다.');
    expect(lossTakeaway('en', lead('가격'))).toBe('Price really is the main cause of loss: 63% of lost deals and 60% of lost value.');
  });
  it('no price reason at all', () => {
    const reasons = [service, { label: 'timing', count: 3, amount: 20_000_000 }];
    expect(lossTakeaway('en', reasons)).toBe('Price is not among the loss reasons; the most frequent is “service”, with 63% of lost deals and 60% of lost value.');
    expect(lossTakeaway('ko', reasons)).toBe('실주 사유 중 가격은 없으며, 가장 많은 사유는 ‘service’로, 실주 건수의 63%, 실주 금액의 60%를 차지합니다.');
  });
});

describe('the win-reasons takeaway says why deals are won', () => {
  const winTakeaway = (locale: Locale, reasons: C.ReasonRow[]) => {
    const { text, o } = setup(locale);
    return C.winReasonsChart({ reasons }, o(text.winReasons)).takeaway;
  };
  it('price not leading: the reason that leads first, then price’s share (it read "“price” accounts for 38% …" alone)', () => {
    const reasons = [
      { label: '(none)', count: 9, amount: 1_000_000, unspecified: true },
      { label: 'technical fit', count: 5, amount: 30_000_000 },
      { label: 'price', count: 3, amount: 20_000_000, highlight: true },
    ];
    expect(winTakeaway('en', reasons)).toBe('The most frequent win reason is “technical fit” (29% of won deals); “price” accounts for only 18% of won deals and 39% of won value.');
    expect(winTakeaway('ko', reasons)).toBe('가장 많은 수주 사유는 ‘technical fit’(수주 건수의 29%)이며, ‘price’ 사유는 수주 건수의 18%, 수주 금액의 39%에 그칩니다.');
  });
  it('price leading, or no price reason: the leader alone', () => {
    const reasons = [
      { label: 'price', count: 5, amount: 30_000_000, highlight: true },
      { label: 'technical fit', count: 3, amount: 20_000_000 },
    ];
    expect(winTakeaway('en', reasons)).toBe('The most frequent win reason is “price”: 63% of won deals and 60% of won value.');
    expect(winTakeaway('en', [reasons[1]!])).toBe('The most frequent win reason is “technical fit”: 100% of won deals and 100% of won value.');
  });
});

describe('a tile sparkline whose latest point has no value', () => {
  it('says its last value and when, not "unchanged at 0%" beside a tile that reads "—"', () => {
    // Win rates: deals lost earlier in the year, none closed in the latest window.
    const vm: C.SparklineViewModel = {
      kind: 'percent',
      points: [
        { label: 'Apr 30, 2026', value: 0 },
        { label: 'May 31, 2026', value: 0 },
        { label: 'Jun 30, 2026', value: null },
      ],
    };
    const said = (locale: Locale) => {
      const { text, o } = setup(locale);
      return C.trendSparkline(vm, o(text.sparkline)).takeaway;
    };
    expect(said('en')).toBe('Unchanged at 0%, its last value (May 31, 2026); none since.');
    expect(said('ko')).toBe('0%에서 변동이 없습니다(마지막 값은 May 31, 2026, 그 뒤로는 값 없음).');
    // With a value at the latest point: as before.
    const { text, o } = setup('en');
    expect(C.trendSparkline({ ...vm, points: vm.points.map((p) => ({ ...p, value: p.value ?? 0.25 })) }, o(text.sparkline)).takeaway).toBe('Up from 0% to 25%.');
  });
});

describe('the funnel\'s loss takeaway', () => {
  it('names the stage lost at the highest rate as that, not as where most deals are lost (the Win / loss page counts those)', () => {
    const stage = (id: string, reached: number, advanced: number, lost: number): C.FunnelStage => ({
      id,
      label: id,
      buyerStep: null,
      reached,
      advanced,
      won: 0,
      conversion: advanced / reached,
      winRate: 0,
      stillOpen: reached - advanced - lost,
      lost,
    });
    // 40 of 100 lost at Prospect (most by count, 40%); 9 of 10 at Negotiation (the highest rate, 90%).
    const vm: C.FunnelViewModel = { cohortSize: 100, stages: [stage('Prospect', 100, 60, 40), stage('Negotiation', 10, 1, 9)] };
    const said = (locale: Locale) => {
      const { text, o } = setup(locale);
      return C.funnelChart(vm, o(text.funnel)).takeaway;
    };
    expect(said('en')).toBe('Deals are lost at the highest rate at Negotiation: 9 of the 10\u00a0deals created in the analysis window that reached it (90%) got no further and were lost.');
    expect(said('ko')).toBe('실주율이 가장 높은 단계는 Negotiation으로, 분석 기간에 생성되어 이 단계에 도달한 딜 10건 중 9건(90%)이 더 나아가지 못하고 실주했습니다.');
    // The Win / loss page's sentence counts the deals lost (closed) in the window, and says so: the two numbers differ.
    const lostAt = (locale: Locale, tiedWith: string[] = []) => setup(locale).text.lostAtStage.takeaway({ stage: 'Prospect', tiedWith, count: '201', share: '40%', amount: '₩9.3B' });
    expect(lostAt('en')).toBe('Of the deals lost in the analysis window, most were lost at Prospect: 201\u00a0deals (40% of losses) worth ₩9.3B.');
    expect(lostAt('ko')).toBe('분석 기간에 실주한 딜이 가장 많은 단계는 Prospect로, 201건(전체 실주의 40%, ₩9.3B)입니다.');
    // A tie names every stage it holds (a filtered view: 3 lost at Prospect and 3 at Proposal), never one of them alone.
    expect(lostAt('en', ['Proposal'])).toBe('Of the deals lost in the analysis window, most were lost at Prospect and Proposal: 201\u00a0deals each (40% of losses each).');
    expect(lostAt('en', ['Qualification', 'Proposal'])).toMatch(/most were lost at Prospect, Qualification and Proposal: /u);
    expect(lostAt('ko', ['제안'])).toBe('분석 기간에 실주한 딜이 가장 많은 단계는 Prospect·제안으로, 각각 201건(전체 실주의 40%)입니다.');
  });
});

describe('the time-in-stage takeaway counts the stays that ended, and names the open deals past them', () => {
  const row = (id: string, label: string, median: number, p90: number, openLonger?: number): C.TimeInStageRow => ({
    id,
    label,
    visits: 40,
    meanDays: median,
    medianDays: median,
    p75Days: p90 - 5,
    p90Days: p90,
    ...(openLonger === undefined ? {} : { openLonger }),
  });
  const takeaway = (locale: Locale, stages: C.TimeInStageRow[]) => {
    const { text, o } = setup(locale);
    return C.timeInStageChart({ stages }, o(text.timeInStage)).takeaway;
  };

  it('with open deals past the P90 of the slowest stage', () => {
    const stages = [row('qualify', 'Qualification', 12, 30, 3), row('propose', 'Proposal', 40, 130, 24)];
    expect(takeaway('en', stages)).toBe(
      'Of the stays that ended in the analysis window, deals sat longest in Proposal: a median of 40\u00a0days, and one in ten 130\u00a0days or more; 24\u00a0open deals have been in it longer than that already.',
    );
    expect(takeaway('ko', stages)).toBe(
      '분석 기간에 끝난 체류 중 딜이 가장 오래 머문 단계는 Proposal로, 중앙값은 40일이며 10건 중 1건은 130일 이상 머물렀습니다. 지금 이 단계의 진행 중 딜 24건은 이미 그보다 오래 머물고 있습니다.',
    );
  });

  it('without any', () => {
    expect(takeaway('en', [row('propose', 'Proposal', 40, 130, 0)])).toBe(
      'Of the stays that ended in the analysis window, deals sat longest in Proposal: a median of 40\u00a0days, and one in ten 130\u00a0days or more.',
    );
    expect(takeaway('en', [row('propose', 'Proposal', 40, 130, 1)])).toMatch(/; 1\u00a0open deal has been in it longer than that already\.$/u);
  });
});
