/**
 * Expected close of the open pipeline: overdue (highlighted), the next six
 * months, later, unscheduled. Each column is the amount (light) with the
 * weighted amount inside it (dark), labelled with the amount.
 */
import { columnSpec, type Column } from './columns.ts';
import { finite, ratio } from './layout.ts';
import { output } from './render.ts';
import type { BaseChartText, ChartFormat, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface ForecastBucket {
  /** 'overdue', a month 'YYYY-MM', 'later' or 'unscheduled' (metrics.json's forecast order). */
  bucket: string;
  count: number;
  amount: number;
  weightedAmount: number;
}

export interface ForecastViewModel {
  buckets: ForecastBucket[];
}

export interface ForecastTakeaway {
  overdueCount: number;
  overdueAmount: string;
  /** Overdue share of the open amount. */
  overdueShare: string;
  /** Amount expected in the month buckets. */
  scheduledAmount: string;
}

export interface ForecastText extends BaseChartText {
  key: { amount: string; weighted: string };
  buckets: { overdue: string; later: string; unscheduled: string };
  columns: { bucket: string; count: string; amount: string; weighted: string };
  takeaway(p: ForecastTakeaway): string;
}

const MONTH = /^\d{4}-\d{2}$/;

export function bucketLabel(bucket: string, text: ForecastText, fmt: ChartFormat): string {
  if (bucket === 'overdue' || bucket === 'later' || bucket === 'unscheduled') return text.buckets[bucket];
  return MONTH.test(bucket) ? fmt.month(bucket) : bucket;
}

export function forecastChart(vm: ForecastViewModel, options: ChartOptions<ForecastText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'forecast';
  const c = text.columns;
  const rows = vm.buckets.map((b) => ({ ...b, label: bucketLabel(b.bucket, text, fmt) }));
  const table: ChartTable = {
    headers: [c.bucket, c.count, c.amount, c.weighted],
    kinds: ['text', 'count', 'money', 'money'],
    rows: rows.map((b) => [b.label, b.count, b.amount, b.weightedAmount]),
  };

  const total = rows.reduce((s, b) => s + finite(b.amount), 0);
  const overdue = rows.find((b) => b.bucket === 'overdue');
  const scheduled = rows.filter((b) => MONTH.test(b.bucket)).reduce((s, b) => s + finite(b.amount), 0);
  const hasData = rows.some((b) => finite(b.count) > 0 || finite(b.amount) > 0);
  const takeaway = hasData
    ? text.takeaway({
        overdueCount: finite(overdue?.count),
        overdueAmount: fmt.moneyCompact(finite(overdue?.amount)),
        overdueShare: fmt.percent(ratio(finite(overdue?.amount), total)),
        scheduledAmount: fmt.moneyCompact(scheduled),
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
