/**
 * Every chart as a test case: how to render it from the example metrics,
 * its empty view-models, and a view-model carrying a hostile label.
 */
import * as C from '../../../src/lib/charts/index.ts';
import * as V from '../../../src/lib/views/chart-models.ts';
import type { BaseChartText, ChartOptions, ChartOutput } from '../../../src/lib/charts/types.ts';
import { exampleMetrics as m, STAGES } from './fixtures.ts';
import { fakeFormat, TEXT } from './helpers.ts';

export const EVIL = '<img src=x onerror=alert(1)>';

export interface ChartCase {
  /** The chart's default id (class `ps-chart-<id>`). */
  id: string;
  example: () => ChartOutput;
  empties: Record<string, () => ChartOutput>;
  /** Rendered with EVIL in a label and in the title. */
  evil: () => ChartOutput;
}

function o<T extends BaseChartText>(text: T, extra: Partial<ChartOptions<T>> = {}): ChartOptions<T> {
  return { locale: 'en', fmt: fakeFormat, text, ...extra };
}
const evilText = <T extends BaseChartText>(text: T): T => ({ ...text, title: `${text.title} ${EVIL}` });

const zeroStages = STAGES.filter((s) => s.id !== 'won' && s.id !== 'lost');
const emptyReasons = (label: string) => V.reasonsView([], { unspecified: label });

export const CASES: ChartCase[] = [
  {
    id: 'funnel',
    example: () => C.funnelChart(V.funnelView(m, STAGES, 'en'), o(TEXT.funnel)),
    empties: {
      'no stages': () => C.funnelChart({ cohortSize: 0, stages: [] }, o(TEXT.funnel)),
      'empty cohort': () =>
        C.funnelChart(
          {
            cohortSize: 0,
            stages: zeroStages.map((s) => ({ id: s.id, label: s.label.en!, buyerStep: null, reached: 0, advanced: 0, won: 0, conversion: null, winRate: null })),
          },
          o(TEXT.funnel),
        ),
    },
    evil: () => {
      const vm = V.funnelView(m, STAGES, 'en');
      vm.stages[1] = { ...vm.stages[1]!, label: EVIL, buyerStep: `${EVIL} & "co"` };
      return C.funnelChart(vm, o(evilText(TEXT.funnel)));
    },
  },
  {
    id: 'pipeline-by-stage',
    example: () => C.pipelineByStageChart(V.pipelineView(m, STAGES, 'en'), o(TEXT.pipeline)),
    empties: {
      'no stages': () => C.pipelineByStageChart({ stages: [] }, o(TEXT.pipeline)),
      'nothing open': () =>
        C.pipelineByStageChart({ stages: zeroStages.map((s) => ({ id: s.id, label: s.label.en!, count: 0, amount: 0, weightedAmount: 0 })) }, o(TEXT.pipeline)),
    },
    evil: () => {
      const vm = V.pipelineView(m, STAGES, 'en');
      vm.stages[3] = { ...vm.stages[3]!, label: EVIL };
      return C.pipelineByStageChart(vm, o(evilText(TEXT.pipeline)));
    },
  },
  {
    id: 'forecast',
    example: () => C.forecastChart(V.forecastView(m), o(TEXT.forecast)),
    empties: {
      'no buckets': () => C.forecastChart({ buckets: [] }, o(TEXT.forecast)),
      'all zero': () =>
        C.forecastChart({ buckets: m.forecast.map((b) => ({ bucket: b.bucket, count: 0, amount: 0, weightedAmount: 0 })) }, o(TEXT.forecast)),
    },
    evil: () => C.forecastChart(V.forecastView(m), o({ ...evilText(TEXT.forecast), buckets: { ...TEXT.forecast.buckets, overdue: EVIL } })),
  },
  {
    id: 'intake',
    example: () => C.intakeChart(V.intakeView(m), o(TEXT.intake)),
    empties: {
      'no months': () => C.intakeChart({ months: [] }, o(TEXT.intake)),
      'all zero': () => C.intakeChart({ months: m.intake.map((i) => ({ month: i.month, count: 0, amount: 0 })) }, o(TEXT.intake)),
    },
    evil: () => C.intakeChart(V.intakeView(m), o({ ...evilText(TEXT.intake), key: { amount: EVIL, count: EVIL } })),
  },
  {
    id: 'time-in-stage',
    example: () => C.timeInStageChart(V.timeInStageView(m, STAGES, 'en', new Map([['qualify', 30]])), o(TEXT.timeInStage)),
    empties: {
      'no stages': () => C.timeInStageChart({ stages: [] }, o(TEXT.timeInStage)),
      'no visits': () =>
        C.timeInStageChart(
          {
            stages: zeroStages.map((s) => ({ id: s.id, label: s.label.en!, visits: 0, meanDays: null, medianDays: null, p75Days: null, p90Days: null, stallDays: 30 })),
          },
          o(TEXT.timeInStage),
        ),
    },
    evil: () => {
      const vm = V.timeInStageView(m, STAGES, 'en');
      vm.stages[0] = { ...vm.stages[0]!, label: EVIL };
      return C.timeInStageChart(vm, o(evilText(TEXT.timeInStage)));
    },
  },
  {
    id: 'cycle-length',
    example: () => C.cycleLengthChart(V.cycleLengthView(m), o(TEXT.cycleLength)),
    empties: {
      'nothing closed': () => {
        const none = { count: 0, meanDays: null, medianDays: null, p90Days: null };
        return C.cycleLengthChart({ won: none, lost: none, all: none }, o(TEXT.cycleLength));
      },
    },
    evil: () => C.cycleLengthChart(V.cycleLengthView(m), o({ ...evilText(TEXT.cycleLength), groups: { ...TEXT.cycleLength.groups, lost: EVIL } })),
  },
  {
    id: 'loss-reasons',
    example: () => C.lossReasonsChart(V.reasonsView(m.loss_reasons, { unspecified: 'Not given' }), o(TEXT.lossReasons)),
    empties: {
      'no reasons': () => C.lossReasonsChart(emptyReasons('Not given'), o(TEXT.lossReasons)),
      'zero counts': () => C.lossReasonsChart({ reasons: [{ label: 'price', count: 0, amount: 0, highlight: true }] }, o(TEXT.lossReasons)),
    },
    evil: () => C.lossReasonsChart(V.reasonsView([...m.loss_reasons, { reason: EVIL, count: 1, amount: 1e6 }], { unspecified: 'Not given' }), o(evilText(TEXT.lossReasons))),
  },
  {
    id: 'win-reasons',
    example: () => C.winReasonsChart(V.reasonsView(m.win_reasons, { unspecified: 'Not given' }), o({ ...TEXT.lossReasons, title: 'Win reasons' })),
    empties: {
      'no reasons': () => C.winReasonsChart(emptyReasons('Not given'), o(TEXT.lossReasons)),
    },
    evil: () => C.winReasonsChart({ reasons: [{ label: EVIL, count: 2, amount: 3e6 }] }, o(evilText(TEXT.lossReasons))),
  },
  {
    id: 'lost-at-stage',
    example: () => C.lostAtStageChart(V.lostAtStageView(m, STAGES, 'en'), o(TEXT.lostAtStage)),
    empties: {
      'no stages': () => C.lostAtStageChart({ stages: [] }, o(TEXT.lostAtStage)),
      'nothing lost': () => C.lostAtStageChart({ stages: zeroStages.map((s) => ({ id: s.id, label: s.label.en!, count: 0, amount: 0 })) }, o(TEXT.lostAtStage)),
    },
    evil: () => {
      const vm = V.lostAtStageView(m, STAGES, 'en');
      vm.stages[3] = { ...vm.stages[3]!, label: EVIL };
      return C.lostAtStageChart(vm, o(evilText(TEXT.lostAtStage)));
    },
  },
  {
    id: 'competitors',
    example: () => C.competitorsChart(V.competitorsView(m), o(TEXT.competitors)),
    empties: {
      'no competitors': () => C.competitorsChart({ competitors: [] }, o(TEXT.competitors)),
      'zero deals': () => C.competitorsChart({ competitors: [{ label: 'Acme', won: 0, lost: 0, winRate: null }] }, o(TEXT.competitors)),
    },
    evil: () => C.competitorsChart({ competitors: [{ label: EVIL, won: 3, lost: 2, winRate: 0.6 }] }, o(evilText(TEXT.competitors))),
  },
  {
    id: 'waterfall',
    example: () => C.waterfallChart(V.waterfallView(m), o(TEXT.waterfall)),
    empties: {
      'no movement': () => {
        const z = { count: 0, amount: 0 };
        return C.waterfallChart({ start: z, new: z, reopened: z, won: z, lost: z, end: z }, o(TEXT.waterfall));
      },
    },
    evil: () => C.waterfallChart(V.waterfallView(m), o({ ...evilText(TEXT.waterfall), steps: { ...TEXT.waterfall.steps, new: EVIL } })),
  },
  {
    id: 'repurchase-timeline',
    example: () => C.repurchaseTimelineChart(V.repurchaseView(m), o(TEXT.repurchase)),
    empties: {
      'no months': () => C.repurchaseTimelineChart({ overdue: { count: 0, amount: 0 }, months: [] }, o(TEXT.repurchase)),
    },
    evil: () =>
      C.repurchaseTimelineChart(
        { overdue: { count: 2, amount: 5e6 }, months: [{ month: '2025-07', count: 1, amount: 1e6 }] },
        o({ ...evilText(TEXT.repurchase), overdue: EVIL }),
      ),
  },
  {
    id: 'sparkline',
    example: () => C.trendSparkline({ kind: 'money', points: m.intake.map((i) => ({ label: i.month, value: i.amount })) }, o(TEXT.sparkline)),
    empties: {
      'no points': () => C.trendSparkline({ kind: 'count', points: [] }, o(TEXT.sparkline)),
      'one point': () => C.trendSparkline({ kind: 'count', points: [{ label: '2025-06', value: 3 }] }, o(TEXT.sparkline)),
      'only nulls': () =>
        C.trendSparkline({ kind: 'percent', points: [{ label: 'a', value: null }, { label: 'b', value: Number.NaN }] }, o(TEXT.sparkline)),
    },
    evil: () => C.trendSparkline({ kind: 'count', points: [{ label: EVIL, value: 1 }, { label: 'b', value: 2 }] }, o(evilText(TEXT.sparkline))),
  },
  {
    id: 'attainment',
    example: () => C.attainmentChart(ATTAINMENT, o(TEXT.attainment)),
    empties: {
      'no periods': () => C.attainmentChart({ periods: [] }, o(TEXT.attainment)),
      'zero targets': () => C.attainmentChart({ periods: ATTAINMENT.periods.map((p) => ({ ...p, target: 0 })) }, o(TEXT.attainment)),
    },
    evil: () => C.attainmentChart({ periods: ATTAINMENT.periods.map((p, i) => (i === 0 ? { ...p, label: EVIL } : p)) }, o(evilText(TEXT.attainment))),
  },
  {
    id: 'forecast-accuracy',
    example: () => C.forecastAccuracyChart(accuracyView(), o(TEXT.accuracy)),
    empties: {
      'no months': () => C.forecastAccuracyChart({ months: [] }, o(TEXT.accuracy)),
      'nothing forecast or won': () =>
        C.forecastAccuracyChart({ months: accuracyView().months.map((r) => ({ ...r, forecastWeighted: 0, wonAmount: 0, ratio: null })) }, o(TEXT.accuracy)),
    },
    evil: () => C.forecastAccuracyChart(accuracyView(), o(evilText(TEXT.accuracy))),
  },
  {
    id: 'trend',
    example: () => C.trendLineChart(trendView(), o(TEXT.trend)),
    empties: {
      'no points': () => C.trendLineChart({ kind: 'money', points: [] }, o(TEXT.trend)),
      'one point': () => C.trendLineChart({ kind: 'money', points: trendView().points.slice(-1) }, o(TEXT.trend)),
      'only nulls': () => C.trendLineChart({ kind: 'percent', points: trendView().points.map((p) => ({ ...p, value: null })) }, o(TEXT.trend)),
    },
    evil: () => C.trendLineChart({ kind: 'money', points: trendView().points.map((p, i) => (i === 0 ? { ...p, tick: EVIL, key: EVIL } : p)) }, o(evilText(TEXT.trend))),
  },
];

/** This and next month and quarter: won, commit and best case against target (the last with no target). */
const ATTAINMENT: C.AttainmentViewModel = {
  periods: [
    { key: '2025-06', label: 'Jun 2025 (this month)', target: 10_000_000, won: 6_500_000, commit: 1_000_000, bestCase: 3_400_000 },
    { key: '2025-07', label: 'Jul 2025 (next month)', target: 8_000_000, won: 0, commit: 4_000_000, bestCase: 12_000_000 },
    { key: '2025-Q2', label: 'Q2 2025 (this quarter)', target: 30_000_000, won: 31_000_000, commit: 0, bestCase: 2_000_000 },
    { key: '2025-Q3', label: 'Q3 2025 (next quarter)', target: 0, won: 0, commit: 0, bestCase: 0 },
  ],
  focus: '2025-Q2',
};

const accuracyView = (): C.AccuracyViewModel => V.forecastAccuracyView(m);

function trendView(): C.TrendLineViewModel {
  return {
    kind: 'money',
    points: m.intake.map((i, k) => ({ key: i.month, tick: i.month.slice(5), year: i.month.slice(0, 4), label: i.month, short: i.month, value: i.amount + k * 1_000_000 })),
  };
}
