/** Output types of each metric, all derived from the one zod schema of metrics.json. */
import type { Metrics } from './schema.ts';

export type { Metrics } from './schema.ts';
export type PipelineMetric = Metrics['pipeline'];
export type CoverageRow = Metrics['coverage'][number];
export type ConversionMetric = Metrics['conversion'];
export type TimeInStageRow = Metrics['time_in_stage'][number];
export type CycleLengthMetric = Metrics['cycle_length'];
export type CycleStats = CycleLengthMetric['won'];
export type WinRateMetric = Metrics['win_rate'];
export type VelocityMetric = Metrics['velocity'];
export type ReasonRow = Metrics['loss_reasons'][number];
export type LostAtStageRow = Metrics['lost_at_stage'][number];
export type CompetitorRow = Metrics['competitors'][number];
export type StalledRow = Metrics['stalled'][number];
export type FlagName = StalledRow['flags'][number];
export type RepurchaseRow = Metrics['repurchase'][number];
export type ForecastRow = Metrics['forecast'][number];
export type ForecastAccuracyRow = Metrics['forecast_accuracy'][number];
export type IntakeRow = Metrics['intake'][number];
export type WaterfallMetric = Metrics['waterfall'];
export type AmountRow = WaterfallMetric['start'];
export type SlippageMetric = Metrics['slippage'];
export type OwnerRow = Metrics['by_owner'][number];
export type TeamRow = Metrics['by_team'][number];
export type DataQualityMetric = Metrics['data_quality'];
