/**
 * One figure over the last 12 months (the Trends page): a line through the
 * value at each month end (the last point at the as-of date), a dot per
 * point, the first and last values labelled, the y axis from zero so a
 * small change does not look like a big one. Takeaway: from the first to
 * the last value, and the highest and lowest.
 */
import * as Plot from '@observablehq/plot';
import { finite, type Frame, formatNumber, textWidth } from './layout.ts';
import { output, responsive } from './render.ts';
import { COLORS, DEFAULT_WIDTH, fill, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface TrendLinePoint {
  /** Unique, in order (the date 'YYYY-MM-DD'). */
  key: string;
  /** Under the axis: 'Jul' (or a date, 'Jun 15'). */
  tick: string;
  /** Its year as written ('2025' / '2025년'): shown under the first labelled tick and where it changes. */
  year: string;
  /** In the takeaway: 'Jul 2025'. */
  short: string;
  value: number | null;
}

export interface TrendLineViewModel {
  /** Oldest first. */
  points: TrendLinePoint[];
  kind: 'money' | 'perDay' | 'count' | 'percent' | 'days';
  /** A count of deals (kind 'count'): the takeaway may say so after its values (Korean '32건'). */
  deals?: boolean;
}

export interface TrendLineTakeaway {
  /** What the values are (a rate rises, a cycle lengthens, an amount grows: Korean says each its own way). */
  kind: TrendLineViewModel['kind'];
  /** The values count deals (TrendLineViewModel `deals`). */
  deals: boolean;
  first: string;
  firstDate: string;
  last: string;
  lastDate: string;
  direction: 'up' | 'down' | 'flat';
  /** The highest and lowest value, when it is not the first or the last point's (else null). */
  high: { value: string; date: string } | null;
  low: { value: string; date: string } | null;
}

export interface TrendLineText extends BaseChartText {
  columns: { date: string; value: string };
  takeaway(p: TrendLineTakeaway): string;
}

export function trendLineChart(vm: TrendLineViewModel, options: ChartOptions<TrendLineText>): ChartOutput {
  return responsive(vm, options, 'trend', drawTrend);
}

function drawTrend(vm: TrendLineViewModel, options: ChartOptions<TrendLineText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'trend';
  const width = options.width ?? DEFAULT_WIDTH;
  const table: ChartTable = {
    headers: [text.columns.date, text.columns.value],
    // The date as 'YYYY-MM-DD' (the page writes it out, the CSV keeps it so: a spreadsheet reads it as a date).
    kinds: ['date', vm.kind],
    rows: vm.points.map((p) => [p.key, p.value]),
  };
  const shown = vm.points.filter((p): p is TrendLinePoint & { value: number } => typeof p.value === 'number' && Number.isFinite(p.value));
  const compact = (v: number) => formatNumber(fmt, vm.kind, v, true);
  const first = shown[0];
  const last = shown[shown.length - 1];
  let takeaway = text.noData;
  if (first && last && shown.length >= 2) {
    let high = first;
    let low = first;
    for (const p of shown) {
      if (p.value > high.value) high = p;
      if (p.value < low.value) low = p;
    }
    const a = compact(first.value);
    const b = compact(last.value);
    const between = (p: TrendLinePoint & { value: number }) => (p === first || p === last || p.value === first.value || p.value === last.value ? null : { value: compact(p.value), date: p.short });
    takeaway = text.takeaway({
      kind: vm.kind,
      deals: vm.deals === true,
      first: a,
      firstDate: first.short,
      last: b,
      lastDate: last.short,
      // As shown: a change that rounds away is no change.
      direction: a === b ? 'flat' : last.value > first.value ? 'up' : 'down',
      high: between(high),
      low: between(low),
    });
  }
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!first || !last || shown.length < 2) return output(null, meta, table);

  const narrow = isNarrow(width);
  const min = Math.min(0, ...shown.map((p) => p.value));
  const max = Math.max(...shown.map((p) => p.value));
  const yMax = max > 0 ? max * 1.18 : 1;
  const marginLeft = Math.round(Math.max(36, textWidth(compact(max), SMALL_FONT_SIZE) + 14));
  const frame: Frame = { width, height: narrow ? 190 : 220, marginTop: 22, marginBottom: 40, marginLeft, marginRight: narrow ? 16 : 24 };
  const keys = vm.points.map((p) => p.key);
  // On a phone every other month is labelled, always the last one; the year under the first labelled and where it changes.
  const labelled = vm.points.filter((_, i) => !narrow || (vm.points.length - 1 - i) % 2 === 0);
  const ticks = new Map<string, string>();
  labelled.forEach((p, i) => ticks.set(p.key, i === 0 || p.year !== labelled[i - 1]!.year ? `${p.tick}\n${p.year}` : p.tick));
  const ends = first === last ? [last] : [first, last];
  // Each end label sits above the line wherever it spans it: over the highest point under the label
  // (and the next one, which the segment leaving the label rises or falls to), never across the line.
  const step = (width - marginLeft - frame.marginRight) / Math.max(1, keys.length - 1 + 2 * 0.3);
  const xAt = (key: string) => (keys.indexOf(key) + 0.3) * step;
  const labelY = (p: TrendLinePoint & { value: number }, towardsLeft: boolean): number => {
    const x0 = xAt(p.key);
    const span = textWidth(compact(p.value)) * 1.12 + 4;
    const under = shown.filter((q) => {
      const d = towardsLeft ? x0 - xAt(q.key) : xAt(q.key) - x0;
      return d >= 0 && d - step < span;
    });
    return Math.max(p.value, ...under.map((q) => q.value));
  };

  const spec: Plot.PlotOptions = {
    ...frame,
    x: { domain: keys, type: 'point', padding: 0.3 },
    y: { domain: [min, yMax] },
    marks: [
      Plot.axisX({ tickFormat: (k: string) => ticks.get(k) ?? '', tickSize: 0, label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.axisY({ ticks: narrow ? 3 : 4, tickFormat: (v: number) => compact(v), label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridY({ ticks: narrow ? 3 : 4 }),
      Plot.ruleY([0]),
      Plot.lineY(vm.points, { x: (p: TrendLinePoint) => p.key, y: (p: TrendLinePoint) => p.value, stroke: COLORS.primary, strokeWidth: 2 }),
      Plot.dot(shown, { x: (p: TrendLinePoint) => p.key, y: (p: TrendLinePoint) => finite(p.value), r: 3, ...fill('primary') }),
      // The first value to the right of its point, the last to its left: clear of the axis and the edge.
      ...ends.map((p, i) =>
        Plot.text([p], {
          x: (d: TrendLinePoint) => d.key,
          y: (d: TrendLinePoint & { value: number }) => labelY(d, i === ends.length - 1 && ends.length > 1),
          text: (d: TrendLinePoint) => compact(finite(d.value)),
          dy: -9,
          dx: i === ends.length - 1 && ends.length > 1 ? 4 : -4,
          textAnchor: i === ends.length - 1 && ends.length > 1 ? 'end' : 'start',
          lineAnchor: 'bottom',
          fontWeight: '600',
        }),
      ),
    ],
  };
  return output(spec, meta, table);
}
