/**
 * New deals per month over the last 12 months: amount as bars, the number of
 * deals above each bar. Takeaway: the last three months against the three before.
 */
import { columnSpec } from './columns.ts';
import { finite } from './layout.ts';
import { output, responsive } from './render.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface IntakeMonth {
  /** 'YYYY-MM'. */
  month: string;
  count: number;
  amount: number;
}

export interface IntakeViewModel {
  /** Oldest first. */
  months: IntakeMonth[];
  /** 'YYYY-MM': the month of the data's first record; months before it are before the data, not months of no new deals. */
  since?: string | null;
}

export interface IntakeTakeaway {
  /** Deals and amount created in the last three months. */
  recentCount: string;
  recentAmount: string;
  /** Amount created in the three months before. */
  priorAmount: string;
  /** 'none': the data begins after the three months before began (`since`), so they cannot be compared with. */
  direction: 'up' | 'down' | 'flat' | 'none';
  /** The month the data begins (formatted), when `direction` is 'none'. */
  since: string | null;
}

export interface IntakeText extends BaseChartText {
  /** `amount` names the bars, `count` the numbers above them ('Number: deals created'). */
  key: { amount: string; count: string };
  columns: { month: string; count: string; amount: string };
  takeaway(p: IntakeTakeaway): string;
}

export function intakeChart(vm: IntakeViewModel, options: ChartOptions<IntakeText>): ChartOutput {
  return responsive(vm, options, 'intake', drawIntake);
}

function drawIntake(vm: IntakeViewModel, options: ChartOptions<IntakeText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'intake';
  const c = text.columns;
  const months = vm.months;
  const table: ChartTable = {
    headers: [c.month, c.count, c.amount],
    kinds: ['month', 'count', 'money'],
    rows: months.map((m) => [m.month, m.count, m.amount]),
  };

  const hasData = months.some((m) => finite(m.count) > 0 || finite(m.amount) > 0);
  const sum = (list: IntakeMonth[], f: (m: IntakeMonth) => number) => list.reduce((s, m) => s + finite(f(m)), 0);
  const recent = months.slice(-3);
  const prior = months.slice(-6, -3);
  const recentAmount = sum(recent, (m) => m.amount);
  const priorAmount = sum(prior, (m) => m.amount);
  // The three months before began before the data did: their zeros say nothing of new business.
  const noPrior = vm.since != null && prior.length > 0 && vm.since > prior[0]!.month;
  const takeaway = hasData
    ? text.takeaway({
        recentCount: fmt.count(sum(recent, (m) => m.count)),
        recentAmount: fmt.moneyCompact(recentAmount),
        priorAmount: fmt.moneyCompact(priorAmount),
        direction: noPrior ? 'none' : recentAmount > priorAmount ? 'up' : recentAmount < priorAmount ? 'down' : 'flat',
        since: noPrior ? fmt.month(vm.since!) : null,
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width: options.width };
  if (!hasData) return output(null, meta, table);

  const spec = columnSpec(
    months.map((m) => ({ key: m.month, label: fmt.month(m.month), value: finite(m.amount), valueLabel: fmt.count(finite(m.count)) })),
    {
      width: options.width,
      height: options.height,
      yTickFormat: (v) => fmt.moneyCompact(v),
      key: [
        { label: text.key.amount, role: 'primary' },
        { label: text.key.count, role: 'muted', symbol: '' },
      ],
    },
  );
  return output(spec, meta, table);
}
