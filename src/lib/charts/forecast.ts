/**
 * Expected close of the open pipeline: overdue (highlighted), the next six
 * months, later, unscheduled. Each column is the amount (light) with the
 * weighted amount inside it (dark), labelled with the amount.
 */
import { columnSpec, type Column } from './columns.ts';
import { finite, ratio } from './layout.ts';
import { output, responsive } from './render.ts';
import type { BaseChartText, ChartFormat, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface ForecastBucket {
  /** 'overdue', a month 'YYYY-MM', 'later' or 'unscheduled' (metrics.json's forecast order). */
  bucket: string;
  count: number;
  amount: number;
  weightedAmount: number;
  /** Of the amount, deals marked commit, and commit or best case; null (or absent) without forecast categories. */
  commitAmount?: number | null;
  bestCaseAmount?: number | null;
}

export interface ForecastViewModel {
  /** In metrics.json's order: the first month is as_of's, counting only what is due from as_of on. */
  buckets: ForecastBucket[];
}

export interface ForecastTakeaway {
  overdueCount: number;
  overdueAmount: string;
  /** Overdue share of the open amount. */
  overdueShare: string;
  /** Amount expected in the month buckets. */
  scheduledAmount: string;
  /** The last month bucket, in words ('Nov 2026'): the month buckets run from as_of to its end. */
  lastMonth: string;
}

export interface ForecastText extends BaseChartText {
  key: { amount: string; weighted: string };
  buckets: {
    overdue: string;
    later: string;
    unscheduled: string;
    /** The as-of month's bucket, which holds only deals due from as_of on: 'Rest of Jun 2026'. */
    restOfMonth?: (p: { month: string }) => string;
  };
  columns: { bucket: string; count: string; amount: string; weighted: string; commit?: string; bestCase?: string };
  takeaway(p: ForecastTakeaway): string;
}

const MONTH = /^\d{4}-\d{2}$/;

export function bucketLabel(bucket: string, text: ForecastText, fmt: ChartFormat): string {
  if (bucket === 'overdue' || bucket === 'later' || bucket === 'unscheduled') return text.buckets[bucket];
  return MONTH.test(bucket) ? fmt.month(bucket) : bucket;
}

export function forecastChart(vm: ForecastViewModel, options: ChartOptions<ForecastText>): ChartOutput {
  return responsive(vm, options, 'forecast', drawForecast);
}

function drawForecast(vm: ForecastViewModel, options: ChartOptions<ForecastText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'forecast';
  const c = text.columns;
  const firstMonth = vm.buckets.find((b) => MONTH.test(b.bucket))?.bucket;
  const label = (bucket: string) =>
    bucket === firstMonth && text.buckets.restOfMonth ? text.buckets.restOfMonth({ month: fmt.month(bucket) }) : bucketLabel(bucket, text, fmt);
  const rows = vm.buckets.map((b) => ({ ...b, label: label(b.bucket) }));
  // Commit and best case when the data has forecast categories (and the text names the columns).
  const categories = c.commit !== undefined && c.bestCase !== undefined && rows.some((b) => typeof b.commitAmount === 'number' || typeof b.bestCaseAmount === 'number');
  const table: ChartTable = categories
    ? {
        headers: [c.bucket, c.count, c.amount, c.weighted, c.commit!, c.bestCase!],
        kinds: ['text', 'count', 'money', 'money', 'money', 'money'],
        rows: rows.map((b) => [b.label, b.count, b.amount, b.weightedAmount, b.commitAmount ?? null, b.bestCaseAmount ?? null]),
      }
    : {
        headers: [c.bucket, c.count, c.amount, c.weighted],
        kinds: ['text', 'count', 'money', 'money'],
        rows: rows.map((b) => [b.label, b.count, b.amount, b.weightedAmount]),
      };

  const total = rows.reduce((s, b) => s + finite(b.amount), 0);
  const overdue = rows.find((b) => b.bucket === 'overdue');
  const months = rows.filter((b) => MONTH.test(b.bucket));
  const scheduled = months.reduce((s, b) => s + finite(b.amount), 0);
  const hasData = rows.some((b) => finite(b.count) > 0 || finite(b.amount) > 0);
  const takeaway = hasData
    ? text.takeaway({
        overdueCount: finite(overdue?.count),
        overdueAmount: fmt.moneyCompact(finite(overdue?.amount)),
        overdueShare: fmt.percent(ratio(finite(overdue?.amount), total)),
        scheduledAmount: fmt.moneyCompact(scheduled),
        lastMonth: months.length > 0 ? fmt.month(months.at(-1)!.bucket) : '',
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width: options.width };
  if (!hasData) return output(null, meta, table);

  const columns: Column[] = rows.map((b) => ({
    key: b.bucket,
    label: b.label,
    value: finite(b.amount),
    inner: finite(b.weightedAmount),
    valueLabel: fmt.moneyCompact(finite(b.amount)),
    highlight: b.bucket === 'overdue',
  }));
  const spec = columnSpec(columns, {
    width: options.width,
    height: options.height,
    yTickFormat: (v) => fmt.moneyCompact(v),
    key: [
      { label: text.key.amount, role: 'secondary' },
      { label: text.key.weighted, role: 'primary' },
    ],
  });
  return output(spec, meta, table);
}
