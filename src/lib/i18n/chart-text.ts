/**
 * The strings of every chart of src/lib/charts in one locale. Titles, column
 * headers, bucket and step names come from the message catalogue (one word,
 * one place); the few chart-only words and every takeaway sentence come from
 * chart-text-en.ts / chart-text-ko.ts.
 *
 *   const f = createFormatter('ko', 'KRW');
 *   funnelChart(vm, { locale: 'ko', fmt: f, text: chartTexts('ko').funnel });
 *
 * Takeaways receive what the chart passes (mostly already-formatted numbers,
 * see each chart's `...Takeaway` interface), so a sentence never formats a
 * money amount itself and one `ChartTexts` serves every currency.
 */
import type {
  AccuracyText,
  AttainmentText,
  CompetitorsText,
  CycleLengthText,
  DistributionKeyText,
  ForecastText,
  FunnelText,
  IntakeText,
  LostAtStageText,
  PipelineText,
  ReasonsText,
  RepurchaseText,
  SparklineText,
  TimeInStageText,
  TrendLineText,
  WaterfallText,
} from '../charts/index.ts';
import { enChartWords } from './chart-text-en.ts';
import { koChartWords } from './chart-text-ko.ts';
import { isolatingParams } from './bidi.ts';
import { messages } from './index.ts';
import type { Locale } from './locales.ts';

export interface ChartTexts {
  funnel: FunnelText;
  pipeline: PipelineText;
  forecast: ForecastText;
  intake: IntakeText;
  timeInStage: TimeInStageText;
  cycleLength: CycleLengthText;
  lossReasons: ReasonsText;
  winReasons: ReasonsText;
  lostAtStage: LostAtStageText;
  competitors: CompetitorsText;
  waterfall: WaterfallText;
  repurchase: RepurchaseText;
  sparkline: SparklineText;
  attainment: AttainmentText;
  accuracy: AccuracyText;
  /** A figure over 12 months (the Trends page); the page sets the title and the value column to the figure's name. */
  trend: TrendLineText;
}

/** What a locale adds to the catalogue for the charts: chart-only words and the takeaways. */
export interface ChartWords {
  /** The row folding the rest of a long list (reasons, competitors). */
  other: string;
  /** Legend of the range/dot rows (time in stage, cycle length). */
  distribution: Required<DistributionKeyText>;
  funnel: Pick<FunnelText, 'noData' | 'axis' | 'takeaway'> &
    Required<Pick<FunnelText, 'key' | 'lostTakeaway'>> & { cumulative: string; stillOpen: string; lost: string; winRate: string };
  pipeline: Pick<PipelineText, 'takeaway'>;
  forecast: Pick<ForecastText, 'takeaway'>;
  intake: Pick<IntakeText, 'noData' | 'key' | 'takeaway'>;
  timeInStage: Pick<TimeInStageText, 'noData' | 'takeaway'>;
  cycleLength: Pick<CycleLengthText, 'axis' | 'takeaway'>;
  reasons: Pick<ReasonsText, 'panels'> & { countShare: string; amountShare: string };
  lossReasons: Pick<ReasonsText, 'takeaway'>;
  winReasons: Pick<ReasonsText, 'takeaway'>;
  lostAtStage: Pick<LostAtStageText, 'takeaway'>;
  competitors: Pick<CompetitorsText, 'axis' | 'takeaway'>;
  waterfall: Pick<WaterfallText, 'noData' | 'takeaway'>;
  repurchase: Pick<RepurchaseText, 'noData' | 'noneSoon' | 'key' | 'takeaway'> & { count: string };
  sparkline: Pick<SparklineText, 'title' | 'noData' | 'takeaway'> & { value: string };
  attainment: Pick<AttainmentText, 'noData' | 'shares' | 'takeaway'>;
  accuracy: Pick<AccuracyText, 'noData' | 'takeaway'>;
  trend: Pick<TrendLineText, 'noData' | 'takeaway'>;
}

const WORDS: Record<Locale, ChartWords> = { en: isolatingParams(enChartWords), ko: isolatingParams(koChartWords) };

/** Every chart's `options.text` in `locale`. */
export function chartTexts(locale: Locale): ChartTexts {
  const m = messages(locale);
  const w = WORDS[locale];
  const c = m.columns;
  const s = m.sections;
  const parked = { group: m.stageGroup.parked, tagged: (label: string) => m.common.aside({ text: label, aside: m.stageGroup.parkedTag }) };
  const reasonColumns = { reason: c.reason, count: c.count, countShare: w.reasons.countShare, amount: c.amount, amountShare: w.reasons.amountShare };
  return {
    funnel: {
      title: s.conversion,
      noData: w.funnel.noData,
      axis: w.funnel.axis,
      columns: {
        stage: c.stage,
        buyerStep: c.buyer_step,
        reached: c.reached,
        cumulative: w.funnel.cumulative,
        conversion: c.conversion,
        // The basis named: won ÷ deals reaching the stage, not the overview's won ÷ closed.
        winRate: w.funnel.winRate,
        stillOpen: w.funnel.stillOpen,
        lost: w.funnel.lost,
      },
      key: w.funnel.key,
      takeaway: w.funnel.takeaway,
      lostTakeaway: w.funnel.lostTakeaway,
    },
    pipeline: {
      title: s.pipelineByStage,
      noData: m.empty.noOpenDeals,
      axis: c.open_amount,
      key: { amount: c.open_amount, weighted: c.weighted_amount },
      columns: { stage: c.stage, count: c.count, amount: c.amount, weighted: c.weighted_amount },
      parked,
      takeaway: w.pipeline.takeaway,
    },
    forecast: {
      title: s.forecast,
      noData: m.empty.noOpenDeals,
      key: { amount: c.amount, weighted: c.weighted_amount },
      buckets: m.forecastBucket,
      columns: {
        bucket: c.bucket,
        count: c.count,
        amount: c.amount,
        weighted: c.weighted_amount,
        commit: m.forecastPage.columns.commit,
        bestCase: m.forecastPage.columns.bestCase,
      },
      takeaway: w.forecast.takeaway,
    },
    intake: {
      title: s.intake,
      ...w.intake,
      columns: { month: c.month, count: c.count, amount: c.amount },
    },
    timeInStage: {
      title: s.timeInStage,
      noData: w.timeInStage.noData,
      axis: c.days_in_stage,
      key: w.distribution,
      columns: {
        stage: c.stage,
        visits: c.visits,
        mean: c.mean_days,
        median: c.median_days,
        p75: c.p75_days,
        p90: c.p90_days,
        // The chart's own word for it (its key's): its cells carry their unit ('31 days'), as the others'.
        stall: w.distribution.threshold,
      },
      parked,
      takeaway: w.timeInStage.takeaway,
    },
    cycleLength: {
      title: s.cycleLength,
      noData: m.empty.noClosed,
      axis: w.cycleLength.axis,
      groups: m.cycleGroup,
      key: { median: w.distribution.median, p90: w.distribution.p90, mean: w.distribution.mean },
      columns: { group: c.category, count: c.count, mean: c.mean_days, median: c.median_days, p90: c.p90_days },
      takeaway: w.cycleLength.takeaway,
    },
    lossReasons: {
      title: s.lossReasons,
      noData: m.empty.noLossReasons,
      panels: w.reasons.panels,
      other: w.other,
      columns: reasonColumns,
      takeaway: w.lossReasons.takeaway,
    },
    winReasons: {
      title: s.winReasons,
      noData: m.empty.noWinReasons,
      panels: w.reasons.panels,
      other: w.other,
      columns: reasonColumns,
      takeaway: w.winReasons.takeaway,
    },
    lostAtStage: {
      title: s.lostAtStage,
      noData: m.empty.noLossReasons,
      axis: c.lost_count,
      columns: { stage: c.stage, count: c.lost_count, amount: c.lost_amount },
      parked,
      takeaway: w.lostAtStage.takeaway,
    },
    competitors: {
      title: s.competitors,
      noData: m.empty.noCompetitors,
      axis: w.competitors.axis,
      key: { won: c.won, lost: c.lost },
      other: w.other,
      columns: { competitor: c.competitor, won: c.won_count, lost: c.lost_count, winRate: c.win_rate },
      takeaway: w.competitors.takeaway,
    },
    waterfall: {
      title: s.waterfall,
      noData: w.waterfall.noData,
      steps: {
        start: m.waterfall.start,
        new: m.waterfall.new,
        reopened: m.waterfall.reopened,
        won: m.waterfall.won,
        lost: m.waterfall.lost,
        removed: m.waterfall.removed,
        end: m.waterfall.end,
      },
      columns: { step: c.category, count: c.count, amount: c.amount },
      takeaway: w.waterfall.takeaway,
    },
    repurchase: {
      title: s.repurchase,
      noData: w.repurchase.noData,
      noneSoon: w.repurchase.noneSoon,
      key: w.repurchase.key,
      overdue: m.repurchaseStatus.overdue,
      columns: { month: c.next_purchase_month, count: w.repurchase.count, amount: c.amount },
      takeaway: w.repurchase.takeaway,
    },
    sparkline: {
      title: w.sparkline.title,
      noData: w.sparkline.noData,
      columns: { label: c.period, value: w.sparkline.value },
      takeaway: w.sparkline.takeaway,
    },
    attainment: {
      title: m.forecastPage.attainment,
      noData: w.attainment.noData,
      key: { won: m.forecastPage.key.won, commit: m.forecastPage.key.commit, bestCase: m.forecastPage.key.bestCase, target: m.forecastPage.key.target },
      axis: m.forecastPage.axis,
      columns: {
        period: m.forecastPage.columns.period,
        target: m.forecastPage.columns.target,
        won: m.forecastPage.columns.won,
        commit: m.forecastPage.columns.commit,
        bestCase: m.forecastPage.columns.bestCase,
        wonShare: m.forecastPage.columns.wonShare,
        commitShare: m.forecastPage.columns.commitShare,
        bestCaseShare: m.forecastPage.columns.bestCaseShare,
      },
      shares: w.attainment.shares,
      takeaway: w.attainment.takeaway,
    },
    accuracy: {
      title: m.forecastPage.accuracy,
      noData: w.accuracy.noData,
      key: { forecast: m.forecastPage.key.forecast, won: m.forecastPage.key.wonInMonth, ratio: m.forecastPage.key.ratio },
      columns: {
        month: c.month,
        forecastCount: m.forecastPage.columns.forecastCount,
        forecastAmount: m.forecastPage.columns.forecastAmount,
        forecastWeighted: m.forecastPage.columns.forecastWeighted,
        wonCount: m.forecastPage.columns.wonCount,
        wonAmount: m.forecastPage.columns.wonAmount,
        wonFromForecast: m.forecastPage.columns.wonFromForecast,
        ratio: m.forecastPage.columns.ratio,
      },
      takeaway: w.accuracy.takeaway,
    },
    trend: {
      title: w.sparkline.title,
      noData: w.trend.noData,
      columns: { date: m.trends.date, value: w.sparkline.value },
      takeaway: w.trend.takeaway,
    },
  };
}
