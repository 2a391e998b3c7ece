/**
 * Days spent per open stage (visits that ended in the window): median, p75,
 * p90 and mean as a range/dot row per stage, with the stall threshold as an
 * optional dashed tick. Takeaway: the stage with the longest median.
 */
import { distributionSpec, type DistributionKeyText } from './distribution.ts';
import { sequenceFirst, stageTableLabel } from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, ParkedText } from './types.ts';

export interface TimeInStageRow {
  id: string;
  label: string;
  visits: number;
  meanDays: number | null;
  medianDays: number | null;
  p75Days: number | null;
  p90Days: number | null;
  /** Stall threshold in days for this stage, or null to draw none. */
  stallDays?: number | null;
  /** Open but outside the funnel's sequence: drawn below it, under a label row. */
  parked?: boolean;
  /** Too few visits for the median and p90 to rely on: marked in the chart. */
  rough?: boolean;
  /**
   * Open deals in this stage now for longer than its p90: the visits still running, which the figures (visits that
   * ended) leave out. The takeaway names them for its stage.
   */
  openLonger?: number;
}

export interface TimeInStageViewModel {
  /** Open stages in config order (parked ones are drawn after the sequence). */
  stages: TimeInStageRow[];
}

export interface TimeInStageTakeaway {
  /** Label of the stage with the longest median. */
  stage: string;
  median: string;
  p90: string;
  /** Open deals in that stage now for longer than `p90` (TimeInStageRow `openLonger`); 0 when none or not given. */
  openLonger: number;
}

export interface TimeInStageText extends BaseChartText {
  axis: string;
  key: DistributionKeyText;
  columns: { stage: string; visits: string; mean: string; median: string; p75: string; p90: string; stall: string };
  parked: ParkedText;
  takeaway(p: TimeInStageTakeaway): string;
}

/**
 * The stage with the longest median (earliest on ties), among stages with
 * visits: the takeaway's. Parked stages only when no stage of the sequence
 * has visits: sitting long on hold is what the stage is for.
 */
export function slowestStage(stages: TimeInStageRow[]): TimeInStageRow | undefined {
  const longest = (rows: TimeInStageRow[]) => {
    let slowest: TimeInStageRow | undefined;
    for (const s of rows) {
      if (s.visits <= 0 || s.medianDays === null || !Number.isFinite(s.medianDays)) continue;
      if (!slowest || s.medianDays > slowest.medianDays!) slowest = s;
    }
    return slowest;
  };
  return longest(stages.filter((s) => !s.parked)) ?? longest(stages.filter((s) => s.parked));
}

export function timeInStageChart(vm: TimeInStageViewModel, options: ChartOptions<TimeInStageText>): ChartOutput {
  return responsive(vm, options, 'time-in-stage', drawTimeInStage);
}

function drawTimeInStage(vm: TimeInStageViewModel, options: ChartOptions<TimeInStageText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'time-in-stage';
  const c = text.columns;
  const stages = sequenceFirst(vm.stages);
  const table: ChartTable = {
    headers: [c.stage, c.visits, c.median, c.p75, c.p90, c.mean, c.stall],
    kinds: ['text', 'count', 'days', 'days', 'days', 'days', 'days'],
    rows: stages.map((s) => [stageTableLabel(s, text.parked), s.visits, s.medianDays, s.p75Days, s.p90Days, s.meanDays, s.stallDays ?? null]),
  };

  const slowest = slowestStage(stages);
  const takeaway = slowest
    ? text.takeaway({ stage: slowest.label, median: fmt.days(slowest.medianDays), p90: fmt.days(slowest.p90Days), openLonger: slowest.openLonger ?? 0 })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width: options.width ?? DEFAULT_WIDTH };
  if (!slowest) return output(null, meta, table);

  const spec = distributionSpec(
    stages.map((s) => ({
      key: s.id,
      label: s.label,
      count: s.visits,
      mean: s.meanDays,
      median: s.medianDays,
      p75: s.p75Days,
      p90: s.p90Days,
      threshold: s.stallDays ?? null,
      parked: s.parked === true,
      rough: s.rough === true,
    })),
    {
      width: options.width,
      height: options.height,
      fmt,
      axis: text.axis,
      key: text.key,
      columns: { count: c.visits, median: c.median, p90: c.p90 },
      emphasis: slowest.id,
      parked: text.parked,
    },
  );
  return output(spec, meta, table);
}
