/**
 * Every metric of metrics.md, as of one date: a pure function of
 * (dataset, config, asOf). The key order of the result is the file's.
 */
import type { Config } from '../config.ts';
import type { Dataset } from '../dataset.ts';
import { byCodePoint } from '../stats.ts';
import type { LocalDate } from '../time.ts';
import { contextAt, type MetricContext, type Prepared, prepare } from './context.ts';
import { conversion, timeInStage } from './conversion.ts';
import { coverage } from './coverage.ts';
import { forecast, intake, pipeline } from './pipeline.ts';
import { forecastAccuracy } from './forecast-accuracy.ts';
import { repurchase } from './repurchase.ts';
import { byOwner, byTeam } from './segments.ts';
import { type DealFlags, openDealFlags, stallThresholds, stalled } from './stalled.ts';
import type { Metrics } from './types.ts';
import { slippage, waterfall } from './waterfall.ts';
import { competitors, cycleLength, lostAtStage, reasons, velocity, winRate } from './win-loss.ts';
import { LOST, WON } from '../model/snapshot.ts';

export { prepare, contextAt, type Prepared, type MetricContext };

export const SCHEMA_VERSION = 1;

export interface MetricsResult {
  metrics: Metrics;
  /** Extras the site's view-models use: the context, flags of every open deal, stall thresholds. */
  context: MetricContext;
  flags: (DealFlags | undefined)[];
  thresholds: (number | null)[];
}

export function computeMetrics(dataset: Dataset, config: Config, asOf: LocalDate): Metrics {
  return computeAt(prepare(dataset, config), asOf).metrics;
}

/** What every run computes first: the metrics others are made from (stalled deals need time in stage's thresholds). */
function coreAt(prepared: Prepared, asOf: LocalDate) {
  const ctx = contextAt(prepared, asOf);
  const pipe = pipeline(ctx);
  const tis = timeInStage(ctx);
  const cycles = cycleLength(ctx);
  const rate = winRate(ctx);
  const thresholds = stallThresholds(ctx, tis);
  const flags = openDealFlags(ctx);
  const stalledDeals = stalled(ctx, thresholds, flags);
  return { ctx, pipe, tis, cycles, rate, thresholds, flags, stalledDeals, dealVelocity: velocity(pipe, rate, cycles) };
}

/** The figures a trend point shows (views/trends.ts). */
export type TrendFigures = Pick<Metrics, 'as_of' | 'pipeline' | 'win_rate' | 'cycle_length' | 'velocity' | 'stalled'>;

/**
 * A trend point's figures at `asOf`: those `computeAt` gives, by the same functions, without the metrics
 * a trend does not show (repurchase, forecast accuracy and the rest were most of a site build's eleven trend runs).
 */
export function trendFiguresAt(prepared: Prepared, asOf: LocalDate): TrendFigures {
  const { pipe, rate, cycles, dealVelocity, stalledDeals } = coreAt(prepared, asOf);
  return { as_of: asOf, pipeline: pipe, win_rate: rate, cycle_length: cycles, velocity: dealVelocity, stalled: stalledDeals.rows };
}

export function computeAt(prepared: Prepared, asOf: LocalDate): MetricsResult {
  const { ctx, pipe, tis, cycles, rate, thresholds, flags, stalledDeals, dealVelocity } = coreAt(prepared, asOf);
  const { dataset, config } = ctx;
  const metrics: Metrics = {
    schema_version: SCHEMA_VERSION,
    as_of: asOf,
    window_days: config.window_days,
    currency: config.currency,
    generated_from: sortedRecord(dataset.fileHashes),
    pipeline: pipe,
    coverage: coverage(ctx),
    conversion: conversion(ctx),
    time_in_stage: tis,
    cycle_length: cycles,
    win_rate: rate,
    velocity: dealVelocity,
    loss_reasons: reasons(ctx, LOST),
    win_reasons: reasons(ctx, WON),
    lost_at_stage: lostAtStage(ctx),
    competitors: competitors(ctx),
    stalled: stalledDeals.rows,
    repurchase: repurchase(ctx),
    forecast: forecast(ctx),
    forecast_accuracy: forecastAccuracy(ctx),
    intake: intake(ctx),
    waterfall: waterfall(ctx),
    slippage: slippage(ctx, pipe.open_count),
    by_owner: byOwner(ctx, stalledDeals.deals),
    by_team: byTeam(ctx, stalledDeals.deals),
    data_quality: {
      files: sortedRecord(dataset.files),
      issues: dataset.issues,
    },
  };
  return { metrics, context: ctx, flags, thresholds };
}

function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}
