/**
 * Adapters from metrics.json (plus the config's stages) to each chart's
 * view-model: the one place where stage ids become labels and buyer steps.
 * Pure; the charts (src/lib/charts/) draw these view-models and never see
 * a metrics type.
 */
import { UPCOMING_DAYS } from '../metrics/repurchase.ts';
import { localizedText } from '../i18n/locales.ts';
import type { Metrics } from '../metrics/types.ts';
import { addDays, addToMonth } from '../time.ts';
import type { CompetitorsViewModel } from '../charts/competitors.ts';
import type { CycleLengthViewModel, CycleStats } from '../charts/cycle-length.ts';
import type { ForecastViewModel } from '../charts/forecast.ts';
import type { AccuracyViewModel } from '../charts/forecast-accuracy.ts';
import type { FunnelViewModel } from '../charts/funnel.ts';
import type { IntakeViewModel } from '../charts/intake.ts';
import type { ReasonsViewModel } from '../charts/loss-reasons.ts';
import type { LostAtStageViewModel } from '../charts/lost-at-stage.ts';
import type { PipelineViewModel } from '../charts/pipeline-by-stage.ts';
import type { RepurchaseMonth, RepurchaseViewModel } from '../charts/repurchase-timeline.ts';
import type { TimeInStageViewModel } from '../charts/time-in-stage.ts';
import type { ChartLocale } from '../charts/types.ts';
import type { WaterfallViewModel } from '../charts/waterfall.ts';

/** What the adapters need of a configured stage (the site manifest's `stages` fit). */
export interface ChartStage {
  id: string;
  label: Record<string, string>;
  buyer_step: Record<string, string> | null;
  /** Open, but outside the funnel's sequence (config `parked`). */
  parked?: boolean;
}

/** Stage id -> resolved label and buyer step (unknown ids fall back to the id). */
export function stageLookup(stages: ChartStage[], locale: ChartLocale): (id: string) => { label: string; buyerStep: string | null } {
  const byId = new Map(stages.map((s) => [s.id, s]));
  return (id) => {
    const s = byId.get(id);
    return { label: localizedText(s?.label, locale) ?? id, buyerStep: localizedText(s?.buyer_step, locale) };
  };
}

/** Stage id -> whether it is parked (open, outside the sequence). */
function parkedLookup(stages: ChartStage[]): (id: string) => boolean {
  const parked = new Set(stages.filter((s) => s.parked === true).map((s) => s.id));
  return (id) => parked.has(id);
}

export function funnelView(m: Metrics, stages: ChartStage[], locale: ChartLocale): FunnelViewModel {
  const stage = stageLookup(stages, locale);
  return {
    cohortSize: m.conversion.cohort_size,
    stages: m.conversion.stages.map((s) => ({
      id: s.stage,
      ...stage(s.stage),
      reached: s.reached,
      advanced: s.advanced,
      won: s.won,
      conversion: s.conversion,
      winRate: s.win_rate,
    })),
  };
}

export function pipelineView(m: Metrics, stages: ChartStage[], locale: ChartLocale): PipelineViewModel {
  const stage = stageLookup(stages, locale);
  const parked = parkedLookup(stages);
  return {
    stages: m.pipeline.stages.map((s) => ({
      id: s.stage,
      label: stage(s.stage).label,
      count: s.count,
      amount: s.amount,
      weightedAmount: s.weighted_amount,
      parked: parked(s.stage),
    })),
  };
}

/** `stallDays`: the stall threshold to draw per stage id (e.g. config `stall_days`); none for a stage it lacks. */
export function timeInStageView(
  m: Metrics,
  stages: ChartStage[],
  locale: ChartLocale,
  stallDays: ReadonlyMap<string, number | null> = new Map(),
): TimeInStageViewModel {
  const stage = stageLookup(stages, locale);
  const parked = parkedLookup(stages);
  return {
    stages: m.time_in_stage.map((s) => ({
      parked: parked(s.stage),
      id: s.stage,
      label: stage(s.stage).label,
      visits: s.visits,
      meanDays: s.mean_days,
      medianDays: s.median_days,
      p75Days: s.p75_days,
      p90Days: s.p90_days,
      stallDays: stallDays.get(s.stage) ?? null,
    })),
  };
}

export function lostAtStageView(m: Metrics, stages: ChartStage[], locale: ChartLocale): LostAtStageViewModel {
  const stage = stageLookup(stages, locale);
  const parked = parkedLookup(stages);
  return {
    stages: m.lost_at_stage.map((s) => ({ id: s.stage, label: stage(s.stage).label, count: s.count, amount: s.amount, parked: parked(s.stage) })),
  };
}

export function cycleLengthView(m: Metrics): CycleLengthViewModel {
  const stats = (c: Metrics['cycle_length']['won']): CycleStats => ({
    count: c.count,
    meanDays: c.mean_days,
    medianDays: c.median_days,
    p90Days: c.p90_days,
  });
  return { won: stats(m.cycle_length.won), lost: stats(m.cycle_length.lost), all: stats(m.cycle_length.all) };
}

export function forecastAccuracyView(m: Metrics): AccuracyViewModel {
  return {
    months: m.forecast_accuracy.map((r) => ({
      month: r.month,
      forecastCount: r.forecast_count,
      forecastAmount: r.forecast_amount,
      forecastWeighted: r.forecast_weighted,
      wonCount: r.won_count,
      wonAmount: r.won_amount,
      wonFromForecast: r.won_from_forecast,
      ratio: r.ratio,
    })),
  };
}

export function forecastView(m: Metrics): ForecastViewModel {
  return {
    buckets: m.forecast.map((b) => ({
      bucket: b.bucket,
      count: b.count,
      amount: b.amount,
      weightedAmount: b.weighted_amount,
      commitAmount: b.commit_amount,
      bestCaseAmount: b.best_case_amount,
    })),
  };
}

/**
 * `cohort`: a filter's creation period (`from <= date < to`): the months outside it are left out, their zeros
 * being the filter's, not months without new deals.
 */
export function intakeView(m: Metrics, since: string | null = null, cohort: { from: string; to: string } | null = null): IntakeViewModel {
  const inCohort = (month: string) => cohort === null || (month >= cohort.from.slice(0, 7) && month < cohort.to.slice(0, 7));
  return { months: m.intake.filter((i) => inCohort(i.month)).map((i) => ({ month: i.month, count: i.count, amount: i.amount })), since: since === null ? null : since.slice(0, 7) };
}

/** Default highlight of the reasons charts: a price reason (English or Korean wording). */
export const PRICE_REASON = /price|pricing|cost|가격|단가|비용/i;

export function reasonsView(
  rows: Metrics['loss_reasons'],
  o: { unspecified: string; highlight?: (reason: string) => boolean; label?: (reason: string) => string },
): ReasonsViewModel {
  const highlight = o.highlight ?? ((r: string) => PRICE_REASON.test(r));
  // A code's words (config labels, else humanised) are shown; the price reason is found by its code or its words.
  const label = o.label ?? ((r: string) => r);
  return {
    reasons: rows.map((r) => {
      const text = r.reason === '(unspecified)' ? o.unspecified : label(r.reason);
      return {
        label: text,
        count: r.count,
        amount: r.amount,
        highlight: r.reason !== '(unspecified)' && (highlight(r.reason) || highlight(text)),
        ...(r.reason === '(unspecified)' ? { unspecified: true } : {}),
      };
    }),
  };
}

export function competitorsView(m: Metrics): CompetitorsViewModel {
  return { competitors: m.competitors.map((c) => ({ label: c.competitor, won: c.won, lost: c.lost, winRate: c.win_rate })) };
}

export function waterfallView(m: Metrics): WaterfallViewModel {
  const w = m.waterfall;
  return { start: w.start, new: w.new, reopened: w.reopened, won: w.won, lost: w.lost, removed: w.removed, end: w.end };
}

/**
 * Repurchase windows to draw: overdue ones, and upcoming ones by month from
 * as_of's month through the month of as_of + 365 days (zeros included).
 * Covered and later windows are left out.
 */
export function repurchaseView(m: Metrics): RepurchaseViewModel {
  const first = m.as_of.slice(0, 7);
  const lastMonth = addDays(m.as_of, UPCOMING_DAYS).slice(0, 7);
  const months: RepurchaseMonth[] = [];
  for (let month = first; month <= lastMonth; month = addToMonth(month, 1)) months.push({ month, count: 0, amount: 0 });
  const index = new Map(months.map((x, i) => [x.month, i]));
  const overdue = { count: 0, amount: 0 };
  const later = { count: 0, amount: 0 };
  for (const r of m.repurchase) {
    if (r.status === 'overdue') {
      overdue.count += 1;
      overdue.amount += r.amount;
    } else if (r.status === 'upcoming') {
      const i = index.get(r.next_purchase_at.slice(0, 7));
      if (i === undefined) continue;
      months[i]!.count += 1;
      months[i]!.amount += r.amount;
    } else if (r.status === 'later') {
      later.count += 1;
      later.amount += r.amount;
    }
  }
  return { overdue, months, later };
}
