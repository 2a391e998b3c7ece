/**
 * Pre-rendered SVG charts: each `xxxChart(viewModel, options) -> ChartOutput`
 * is pure and synchronous; views/chart-models.ts builds the view-models
 * from metrics.json and the configured stages.
 */
export type * from './types.ts';
export { formatTable } from './table-format.ts';
export { COLORS, FONT_STACK } from './style.ts';
export * from './funnel.ts';
export * from './pipeline-by-stage.ts';
export * from './forecast.ts';
export * from './intake.ts';
export * from './time-in-stage.ts';
export * from './cycle-length.ts';
export * from './loss-reasons.ts';
export * from './lost-at-stage.ts';
export * from './competitors.ts';
export * from './waterfall.ts';
export * from './repurchase-timeline.ts';
export * from './trend-sparkline.ts';
export * from './attainment.ts';
export * from './forecast-accuracy.ts';
export * from './trend-line.ts';
export type { DistributionKeyText } from './distribution.ts';
