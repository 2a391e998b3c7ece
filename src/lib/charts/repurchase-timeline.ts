/**
 * Repurchase windows coming due: an overdue column (highlighted), then one
 * column per month of the next twelve; amount as bars, the number of
 * windows above each. Covered windows are not in the view-model.
 */
import { columnSpec, type Column } from './columns.ts';
import { finite } from './layout.ts';
import { output, responsive } from './render.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, CountAmount } from './types.ts';

export interface RepurchaseMonth extends CountAmount {
  /** 'YYYY-MM'. */
  month: string;
}

export interface RepurchaseViewModel {
  /** Windows already due (next purchase on or before as_of), not covered. */
  overdue: CountAmount;
  /** Upcoming windows by month of the next purchase, zeros included, oldest first. */
  months: RepurchaseMonth[];
  /** Windows due after the twelve months (not drawn; the page's table lists them). */
  later?: CountAmount;
}

export interface RepurchaseTakeaway {
  overdueCount: number;
  overdueAmount: string;
  upcomingCount: number;
  upcomingAmount: string;
  /** The month with the most upcoming windows (formatted), or null when none. */
  peakMonth: string | null;
}

export interface RepurchaseText extends BaseChartText {
  /** `amount` names the bars, `count` the numbers above them ('Number: accounts due'). */
  key: { amount: string; count: string };
  overdue: string;
  columns: { month: string; count: string; amount: string };
  takeaway(p: RepurchaseTakeaway): string;
  /** Nothing overdue or due within the twelve months, but `count` windows due after them. */
  noneSoon(p: { count: number }): string;
}

export function repurchaseTimelineChart(vm: RepurchaseViewModel, options: ChartOptions<RepurchaseText>): ChartOutput {
  return responsive(vm, options, 'repurchase-timeline', drawRepurchaseTimeline);
}

function drawRepurchaseTimeline(vm: RepurchaseViewModel, options: ChartOptions<RepurchaseText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'repurchase-timeline';
  const c = text.columns;
  const rows = [
    { key: 'overdue', label: text.overdue, count: finite(vm.overdue.count), amount: finite(vm.overdue.amount) },
    ...vm.months.map((m) => ({ key: m.month, label: fmt.month(m.month), count: finite(m.count), amount: finite(m.amount) })),
  ];
  const table: ChartTable = {
    headers: [c.month, c.count, c.amount],
    // The month of the next purchase ('Overdue' first): labels already, which the page shows as they are.
    kinds: ['month', 'count', 'money'],
    rows: rows.map((r) => [r.label, r.count, r.amount]),
  };

  const upcoming = rows.slice(1);
  let peak: (typeof rows)[number] | undefined;
  for (const r of upcoming) if (r.count > 0 && (!peak || r.count > peak.count)) peak = r;
  const hasData = rows.some((r) => r.count > 0);
  const takeaway = hasData
    ? text.takeaway({
        overdueCount: rows[0]!.count,
        overdueAmount: fmt.moneyCompact(rows[0]!.amount),
        upcomingCount: upcoming.reduce((s, r) => s + r.count, 0),
        upcomingAmount: fmt.moneyCompact(upcoming.reduce((s, r) => s + r.amount, 0)),
        peakMonth: peak ? peak.label : null,
      })
    : finite(vm.later?.count) > 0
      ? text.noneSoon({ count: finite(vm.later?.count) })
      : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width: options.width };
  if (!hasData) return output(null, meta, table);

  const columns: Column[] = rows.map((r, i) => ({
    key: r.key,
    label: r.label,
    value: r.amount,
    valueLabel: fmt.count(r.count),
    highlight: i === 0,
  }));
  const spec = columnSpec(columns, {
    width: options.width,
    height: options.height,
    yTickFormat: (v) => fmt.moneyCompact(v),
    key: [
      { label: text.key.amount, role: 'primary' },
      { label: text.overdue, role: 'accent' },
      { label: text.key.count, role: 'muted', symbol: '' },
    ],
  });
  return output(spec, meta, table);
}
