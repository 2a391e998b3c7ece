/**
 * Days from creation to close for deals closed in the window: won, lost and
 * all, each as median, mean and p90 on a range/dot row.
 */
import { distributionSpec, type DistributionKeyText } from './distribution.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface CycleStats {
  count: number;
  meanDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
  /** Too few deals for the median and p90 to rely on: marked in the chart. */
  rough?: boolean;
}

export interface CycleLengthViewModel {
  won: CycleStats;
  lost: CycleStats;
  all: CycleStats;
}

export interface CycleLengthTakeaway {
  /** Medians, formatted ('81.4 days'; a dash when none). */
  wonMedian: string;
  lostMedian: string;
  allMedian: string;
  wonCount: number;
  lostCount: number;
}

export interface CycleLengthText extends BaseChartText {
  axis: string;
  groups: { won: string; lost: string; all: string };
  key: DistributionKeyText;
  columns: { group: string; count: string; mean: string; median: string; p90: string };
  takeaway(p: CycleLengthTakeaway): string;
}

const GROUPS = ['won', 'lost', 'all'] as const;

export function cycleLengthChart(vm: CycleLengthViewModel, options: ChartOptions<CycleLengthText>): ChartOutput {
  return responsive(vm, options, 'cycle-length', drawCycleLength);
}

function drawCycleLength(vm: CycleLengthViewModel, options: ChartOptions<CycleLengthText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'cycle-length';
  const c = text.columns;
  const rows = GROUPS.map((g) => ({ key: g, label: text.groups[g], ...vm[g] }));
  const table: ChartTable = {
    headers: [c.group, c.count, c.median, c.mean, c.p90],
    kinds: ['text', 'count', 'days', 'days', 'days'],
    rows: rows.map((r) => [r.label, r.count, r.medianDays, r.meanDays, r.p90Days]),
  };
  const hasData = vm.all.count > 0 || vm.won.count > 0 || vm.lost.count > 0;
  const takeaway = hasData
    ? text.takeaway({
        wonMedian: fmt.days(vm.won.medianDays),
        lostMedian: fmt.days(vm.lost.medianDays),
        allMedian: fmt.days(vm.all.medianDays),
        wonCount: vm.won.count,
        lostCount: vm.lost.count,
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width: options.width ?? DEFAULT_WIDTH };
  if (!hasData) return output(null, meta, table);

  const spec = distributionSpec(
    rows.map((r) => ({ key: r.key, label: r.label, count: r.count, mean: r.meanDays, median: r.medianDays, p90: r.p90Days, rough: r.rough === true })),
    {
      width: options.width,
      height: options.height,
      fmt,
      axis: text.axis,
      key: text.key,
      columns: { count: c.count, median: c.median, p90: c.p90 },
    },
  );
  return output(spec, meta, table);
}
