/**
 * A tiny inline trend line for a tile (hand-drawn, no axes): the line, a dot
 * on the last point, and the first and last values in the takeaway and table.
 */
import { finite, formatNumber } from './layout.ts';
import { renderCustom, renderEmpty, svgElement } from './render.ts';
import { COLORS } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, ColumnKind } from './types.ts';

export interface SparklinePoint {
  /** What the point is ('2025-06', a date): shown in the table only. */
  label: string;
  value: number | null;
}

export interface SparklineViewModel {
  points: SparklinePoint[];
  /** How the values are formatted. */
  kind: 'money' | 'perDay' | 'count' | 'percent' | 'days';
  /** A count of deals (kind 'count'): the takeaway may say so after its values (Korean '32건'). */
  deals?: boolean;
}

export interface SparklineTakeaway {
  /** What the values are (TrendLineTakeaway `kind`). */
  kind: SparklineViewModel['kind'];
  /** The values count deals (SparklineViewModel `deals`). */
  deals: boolean;
  first: string;
  last: string;
  direction: 'up' | 'down' | 'flat';
  /** The last value's point when later points have none (a win rate with no deal closed since): its label. */
  until?: string;
}

export interface SparklineText extends BaseChartText {
  columns: { label: string; value: string };
  takeaway(p: SparklineTakeaway): string;
}

export function trendSparkline(vm: SparklineViewModel, options: ChartOptions<SparklineText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'sparkline';
  const width = options.width ?? 120;
  const height = options.height ?? 32;
  const kinds: ColumnKind[] = ['text', vm.kind];
  const table: ChartTable = { headers: [text.columns.label, text.columns.value], kinds, rows: vm.points.map((p) => [p.label, p.value]) };
  const points = vm.points
    .map((p, i) => ({ i, v: p.value }))
    .filter((p): p is { i: number; v: number } => typeof p.v === 'number' && Number.isFinite(p.v));
  const first = points[0];
  const last = points[points.length - 1];
  const takeaway =
    first && last && points.length >= 2
      ? text.takeaway({
          kind: vm.kind,
          deals: vm.deals === true,
          first: formatNumber(fmt, vm.kind, first.v, true),
          last: formatNumber(fmt, vm.kind, last.v, true),
          direction: last.v > first.v ? 'up' : last.v < first.v ? 'down' : 'flat',
          ...(last.i < vm.points.length - 1 ? { until: vm.points[last.i]!.label } : {}),
        })
      : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale };
  if (!first || !last || points.length < 2) {
    return { svg: renderEmpty(meta, width, height), title: text.title, takeaway, table };
  }

  const pad = 3;
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  const n = Math.max(1, vm.points.length - 1);
  const sx = (i: number) => pad + (i / n) * (width - 2 * pad);
  const sy = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad));
  const r1 = (v: number) => Math.round(finite(v) * 10) / 10;
  const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${r1(sx(p.i))},${r1(sy(p.v))}`).join('');
  const svg = renderCustom(meta, width, height, (root) => {
    const line = { d, fill: 'none', stroke: COLORS.primary, 'stroke-width': 1.5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
    root.appendChild(svgElement('path', line));
    root.appendChild(svgElement('circle', { cx: r1(sx(last.i)), cy: r1(sy(last.v)), r: 2.5, class: 'ps-primary', fill: COLORS.primary }));
  });
  return { svg, title: text.title, takeaway, table };
}
