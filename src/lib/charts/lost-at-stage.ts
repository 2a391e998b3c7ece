/**
 * Where lost deals were lost: per open stage, the number of lost deals (bar)
 * labelled with the count and the amount.
 */
import * as Plot from '@observablehq/plot';
import { countTicks, finite, fitLabel, labelMargin, ratio } from './layout.ts';
import { endLabels, roomyMax } from './marks.ts';
import { output } from './render.ts';
import { DEFAULT_WIDTH, fill } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface LostAtStageRow {
  id: string;
  label: string;
  count: number;
  amount: number;
}

export interface LostAtStageViewModel {
  /** Open stages in config order, zeros included. */
  stages: LostAtStageRow[];
}

export interface LostAtStageTakeaway {
  /** The stage losing the most deals (then the most amount, then the earliest). */
  stage: string;
  count: string;
  share: string;
  amount: string;
}

export interface LostAtStageText extends BaseChartText {
  axis: string;
  columns: { stage: string; count: string; amount: string };
  takeaway(p: LostAtStageTakeaway): string;
}

export function lostAtStageChart(vm: LostAtStageViewModel, options: ChartOptions<LostAtStageText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'lost-at-stage';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const rows = vm.stages;
  const table: ChartTable = {
    headers: [c.stage, c.count, c.amount],
    kinds: ['text', 'count', 'money'],
    rows: rows.map((s) => [s.label, s.count, s.amount]),
  };
  const total = rows.reduce((s, r) => s + finite(r.count), 0);
  let top: LostAtStageRow | undefined;
  for (const s of rows) {
    if (finite(s.count) <= 0) continue;
    if (!top || s.count > top.count || (s.count === top.count && s.amount > top.amount)) top = s;
  }
  const takeaway = top
    ? text.takeaway({ stage: top.label, count: fmt.count(top.count), share: fmt.percent(ratio(top.count, total)), amount: fmt.moneyCompact(top.amount) })
    : text.noData;
  const meta = { id, title: text.title, takeaway, locale: options.locale, width };
  if (!top) return output(null, meta, table);

  const marginLeft = labelMargin(rows.map((s) => s.label), 70, Math.round(width * 0.34));
  const marginRight = 12;
  const marginTop = 12;
  const marginBottom = 38;
  const height = options.height ?? marginTop + marginBottom + rows.length * 32;
  const label = (s: LostAtStageRow) => `${fmt.count(finite(s.count))} · ${fmt.moneyCompact(finite(s.amount))}`;
  const maxCount = Math.max(...rows.map((s) => finite(s.count)));
  const xMax = roomyMax(rows.map((s) => ({ value: finite(s.count), label: label(s) })), width - marginLeft - marginRight);
  const labels = new Map(rows.map((s) => [s.id, fitLabel(s.label, marginLeft)]));
  const key = (s: LostAtStageRow) => s.id;

  const spec: Plot.PlotOptions = {
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    y: { domain: rows.map(key), padding: 0.22 },
    x: { domain: [0, xMax] },
    marks: [
      Plot.axisY({ tickFormat: (k: string) => labels.get(k) ?? k, tickSize: 0, label: null, fontWeight: '600' }),
      Plot.axisX({ ticks: countTicks(maxCount), tickFormat: (d: number) => fmt.count(d), label: text.axis, labelArrow: 'none', labelAnchor: 'left' }),
      Plot.gridX({ ticks: countTicks(maxCount) }),
      Plot.barX(rows, { y: key, x: (s) => finite(s.count), ...fill('lost') }),
      ...endLabels(rows, { x: (s) => finite(s.count), y: key, text: label, bold: (s) => s === top }),
      Plot.ruleX([0]),
    ],
  };
  return output(spec, meta, table);
}
