/**
 * Distribution summaries as horizontal range/dot rows, shared by time in
 * stage and cycle length: a dot at the median, a bar from median to p75
 * (when known), a whisker to p90, a hollow diamond at the mean and an
 * optional dashed threshold tick; median and p90 also in right-hand columns.
 */
import * as Plot from '@observablehq/plot';
import { innerWidth, labelMargin, rowFrame } from './layout.ts';
import {
  columnMarks,
  columnWidth,
  countAxisX,
  type KeyItem,
  KEY_LINE,
  keyLines,
  keyMarks,
  labelRowMarks,
  NARROW_MARGIN_LEFT,
  NARROW_ROW,
  parkedRowMarks,
  roomyMax,
  rowAxisY,
  rowsSpec,
  stageDomain,
  withLabelRows,
  wrappedLabelRows,
} from './marks.ts';
import { COLORS, DEFAULT_WIDTH, fill, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import { ROUGH_MARK } from './table-format.ts';
import type { ChartFormat, ParkedText } from './types.ts';

export interface DistributionRow {
  key: string;
  label: string;
  count: number;
  mean: number | null;
  median: number | null;
  p75?: number | null;
  p90: number | null;
  /** A threshold drawn as a dashed tick (the stall limit). */
  threshold?: number | null;
  /** A parked stage: drawn after the others, under `parked.group` (rows come sequence first). */
  parked?: boolean;
  /** Median and p90 from too few values to rely on: their column text gets ROUGH_MARK. */
  rough?: boolean;
}

export { ROUGH_MARK };

export interface DistributionKeyText {
  median: string;
  /** Only needed when rows have p75. */
  p75?: string;
  p90: string;
  mean: string;
  /** Only needed when rows have thresholds. */
  threshold?: string;
}

export interface DistributionSpecOptions {
  width?: number | undefined;
  height?: number | undefined;
  fmt: ChartFormat;
  axis: string;
  key: DistributionKeyText;
  /** Right-hand column headers. */
  columns: { count: string; median: string; p90: string };
  /** Row to set in bold (the takeaway's). */
  emphasis?: string | undefined;
  /** The label of the row set above parked rows (needed when a row is parked). */
  parked?: ParkedText | undefined;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function distributionSpec(rows: DistributionRow[], o: DistributionSpecOptions): Plot.PlotOptions {
  const { fmt } = o;
  const width = o.width ?? DEFAULT_WIDTH;
  const countText = (r: DistributionRow) => fmt.count(r.count);
  const mark = (r: DistributionRow, v: number | null | undefined) => (r.rough && num(v) ? ROUGH_MARK : '');
  const medianText = (r: DistributionRow) => fmt.days(num(r.median) ? r.median : null) + mark(r, r.median);
  const p90Text = (r: DistributionRow) => fmt.days(num(r.p90) ? r.p90 : null) + mark(r, r.p90);
  // Narrow: each row's label on a row of its own above it, and no count column (the table has it).
  const narrow = isNarrow(width);
  const countWidth = narrow ? 0 : columnWidth(o.columns.count, rows.map(countText));
  const medianWidth = columnWidth(o.columns.median, rows.map(medianText));
  const p90Width = columnWidth(o.columns.p90, rows.map(p90Text));
  const domain = narrow
    ? withLabelRows(stageDomain(rows, (r) => r.key), wrappedLabelRows(rows, (r) => r.key, (r) => r.label, width - NARROW_MARGIN_LEFT - 4))
    : stageDomain(rows, (r) => r.key);
  const values = rows.flatMap((r) => [r.mean, r.median, r.p75, r.p90, r.threshold].filter(num));
  const withThresholds = rows.some((r) => num(r.threshold));

  const keyItems: KeyItem[] = [{ label: o.key.median, role: 'primary', symbol: '●' }];
  if (rows.some((r) => num(r.median) && num(r.p75)) && o.key.p75) keyItems.push({ label: o.key.p75, role: 'secondary' });
  keyItems.push({ label: o.key.p90, role: 'neutral', symbol: '⊢' }, { label: o.key.mean, role: 'neutral', symbol: '◇' });
  if (withThresholds && o.key.threshold) keyItems.push({ label: o.key.threshold, role: 'accent', symbol: '┆' });

  const marginLeft = narrow ? NARROW_MARGIN_LEFT : labelMargin(rows.map((r) => r.label), 60, Math.round(width * 0.32));
  const marginTop = 44 + (narrow ? (keyLines(keyItems, width) - 1) * KEY_LINE : 0);
  const margins = { marginTop, marginBottom: 38, marginLeft, marginRight: countWidth + medianWidth + p90Width + 6 };
  const frame = rowFrame(width, o.height, margins, domain.length, narrow ? NARROW_ROW : 34);
  const xMax = roomyMax([{ value: Math.max(0, ...values), label: '' }], innerWidth(frame));

  const key = (r: DistributionRow) => r.key;
  const withMedian = rows.filter((r) => num(r.median));
  const withP75 = withMedian.filter((r) => num(r.p75));
  const withP90 = withMedian.filter((r) => num(r.p90));
  const withMean = rows.filter((r) => num(r.mean));
  const withThreshold = rows.filter((r) => num(r.threshold));
  const bold = (r: DistributionRow) => r.key === o.emphasis;

  return rowsSpec(frame, { domain, padding: narrow ? 0.15 : 0.2, ...(narrow ? { axis: null } : {}) }, xMax, [
    ...(narrow ? labelRowMarks(rows, { key, label: (r) => r.label, maxPx: width - marginLeft - 4, bold }) : [rowAxisY(rows, marginLeft)]),
    ...countAxisX(fmt, xMax, o.axis, { grid: true, fontSize: SMALL_FONT_SIZE, ...(narrow ? { ticks: 3 } : {}) }),
    Plot.ruleY(withP90, { y: key, x1: (r) => r.median, x2: (r) => r.p90, stroke: COLORS.neutral, strokeWidth: 1.5 }),
    Plot.tickX(withP90, { y: key, x: (r) => r.p90, stroke: COLORS.neutral, strokeWidth: 1.5, insetTop: narrow ? 4 : 8, insetBottom: narrow ? 4 : 8 }),
    Plot.barX(withP75, { y: key, x1: (r) => r.median, x2: (r) => r.p75, insetTop: narrow ? 4 : 7, insetBottom: narrow ? 4 : 7, ...fill('secondary') }),
    Plot.tickX(withThreshold, { y: key, x: (r) => r.threshold, stroke: COLORS.accent, strokeWidth: 2, strokeDasharray: '3,2' }),
    Plot.dot(withMean, { y: key, x: (r) => r.mean, symbol: 'diamond', r: 4, stroke: COLORS.neutral, strokeWidth: 1.5, fill: 'white' }),
    Plot.dot(withMedian, { y: key, x: (r) => r.median, r: 5, ...fill('primary') }),
    ...(narrow ? [] : columnMarks(rows, o.columns.count, { y: key, text: countText, dx: countWidth })),
    ...columnMarks(rows, o.columns.median, { y: key, text: medianText, dx: countWidth + medianWidth, bold }),
    ...columnMarks(rows, o.columns.p90, { y: key, text: p90Text, dx: countWidth + medianWidth + p90Width }),
    ...keyMarks(keyItems, marginLeft, frame.marginTop, narrow ? width : undefined),
    ...(o.parked ? parkedRowMarks(domain, o.parked, frame, xMax) : []),
  ]);
}
