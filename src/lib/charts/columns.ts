/**
 * Vertical bars over ordered buckets (months, forecast buckets): shared by
 * forecast, intake and the repurchase timeline. Each column has a value (the
 * bar), an optional inner value (a narrower dark bar inside it), a label
 * above it, and may be highlighted (overdue) in the accent colours. Narrow
 * (a phone) they turn into rows: buckets down the side, bars across.
 */
import * as Plot from '@observablehq/plot';
import { finite, type Frame, innerWidth, labelMargin, LINE_HEIGHT, textWidth, wrap, wrapLines } from './layout.ts';
import { endLabels, type KeyItem, KEY_LINE, keyLines, keyMarks, roomyMax } from './marks.ts';
import { DEFAULT_WIDTH, fill, FONT_SIZE, isNarrow, SMALL_FONT_SIZE } from './style.ts';

export interface Column {
  key: string;
  /** Tick label under the column (wrapped to two lines when narrow). */
  label: string;
  value: number;
  inner?: number;
  /** Label above the column. */
  valueLabel: string;
  highlight?: boolean;
}

export interface ColumnSpecOptions {
  width?: number | undefined;
  height?: number | undefined;
  yTickFormat: (v: number) => string;
  /** What the bars and the labels mean, drawn as text in the top margin (no y axis title). */
  key: KeyItem[];
}

/** Narrowest step per column (px of the viewBox) before the chart widens. */
const MIN_STEP = 48;

/** A Plot spec of labelled columns; the caller renders it (or the empty SVG). */
export function columnSpec(columns: Column[], o: ColumnSpecOptions): Plot.PlotOptions {
  if (o.width !== undefined && isNarrow(o.width)) return rowSpec(columns, { ...o, width: o.width });
  const height = o.height ?? 300;
  const max = Math.max(0, ...columns.map((c) => finite(c.value)), ...columns.map((c) => finite(c.inner)));
  const marginLeft = Math.round(Math.max(40, textWidth(o.yTickFormat(max), SMALL_FONT_SIZE) + 16));
  // Many columns widen the viewBox rather than squeeze their labels (the SVG scales anyway).
  const width = o.width ?? Math.max(DEFAULT_WIDTH, marginLeft + 12 + MIN_STEP * columns.length);
  const band = (width - marginLeft - 12) / Math.max(1, columns.length);
  // A label takes up to three lines under its column before it is cut, and the bottom margin the room they need.
  const labels = new Map(columns.map((c) => [c.key, wrapLines(c.label, band - 1, SMALL_FONT_SIZE, 3).join('\n')]));
  const lines = Math.max(1, ...[...labels.values()].map((l) => l.split('\n').length));
  const marginBottom = 44 + Math.max(0, lines - 2) * Math.ceil(SMALL_FONT_SIZE * LINE_HEIGHT);
  const frame: Frame = { width, height: o.height ?? height + marginBottom - 44, marginTop: 40, marginBottom, marginLeft, marginRight: 12 };
  const frameHeight = frame.height - frame.marginTop - frame.marginBottom;
  // Leave room above the tallest column for its label.
  const yMax = max > 0 ? (max * frameHeight) / Math.max(frameHeight * 0.5, frameHeight - 20) : 1;
  const key = (c: Column) => c.key;
  const plain = columns.filter((c) => !c.highlight);
  const highlighted = columns.filter((c) => c.highlight);
  const hasInner = columns.some((c) => c.inner !== undefined);
  const innerInset = Math.max(2, Math.round(band * 0.16));

  return {
    ...frame,
    x: { domain: columns.map(key), padding: 0.18 },
    y: { domain: [0, yMax] },
    marks: [
      Plot.axisX({ tickFormat: (k: string) => labels.get(k) ?? k, tickSize: 0, label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.axisY({ ticks: 4, tickFormat: o.yTickFormat, label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridY({ ticks: 4 }),
      Plot.barY(plain, { x: key, y: (c) => finite(c.value), ...fill(hasInner ? 'secondary' : 'primary') }),
      Plot.barY(highlighted, { x: key, y: (c) => finite(c.value), ...fill(hasInner ? 'accentLight' : 'accent') }),
      ...(hasInner
        ? [
            Plot.barY(plain, { x: key, y: (c) => finite(c.inner), insetLeft: innerInset, insetRight: innerInset, ...fill('primary') }),
            Plot.barY(highlighted, { x: key, y: (c) => finite(c.inner), insetLeft: innerInset, insetRight: innerInset, ...fill('accent') }),
          ]
        : []),
      ...[plain, highlighted].map((subset, i) =>
        Plot.text(subset, {
          x: key,
          y: (c) => finite(c.value),
          text: (c) => c.valueLabel,
          dy: -5,
          lineAnchor: 'bottom',
          fontSize: SMALL_FONT_SIZE,
          fontWeight: i === 0 ? '400' : '700',
        }),
      ),
      ...keyMarks(o.key, marginLeft, frame.marginTop),
      Plot.ruleY([0]),
    ],
  };
}

/** The narrow layout: one row per column, its label on the left (two lines at most), the value after the bar. */
function rowSpec(columns: Column[], o: ColumnSpecOptions & { width: number }): Plot.PlotOptions {
  const width = o.width;
  const marginLeft = labelMargin(columns.map((c) => c.label), 48, Math.round(width * 0.36));
  const labels = new Map(columns.map((c) => [c.key, wrap(c.label, (marginLeft - 14) / 1.12, FONT_SIZE)]));
  const twoLines = [...labels.values()].some((l) => l.includes('\n'));
  const marginTop = 10 + keyLines(o.key, width) * KEY_LINE;
  const frame: Frame = { width, height: 0, marginTop, marginBottom: 30, marginLeft, marginRight: 8 };
  // Two-line labels get rows tall enough for their lines to breathe (Hangul is taller than Plot's 1 em lines).
  frame.height = o.height ?? marginTop + frame.marginBottom + columns.length * (twoLines ? 38 : 24);
  const xMax = roomyMax(columns.map((c) => ({ value: Math.max(finite(c.value), finite(c.inner)), label: c.valueLabel })), innerWidth(frame));
  const key = (c: Column) => c.key;
  const plain = columns.filter((c) => !c.highlight);
  const highlighted = columns.filter((c) => c.highlight);
  const hasInner = columns.some((c) => c.inner !== undefined);

  return {
    ...frame,
    y: { domain: columns.map(key), padding: 0.2 },
    x: { domain: [0, xMax] },
    marks: [
      Plot.axisY({ tickFormat: (k: string) => labels.get(k) ?? k, tickSize: 0, label: null, ...(twoLines ? { lineHeight: LINE_HEIGHT } : {}) }),
      Plot.axisX({ ticks: 3, tickFormat: o.yTickFormat, label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridX({ ticks: 3 }),
      Plot.barX(plain, { y: key, x: (c) => finite(c.value), ...fill(hasInner ? 'secondary' : 'primary') }),
      Plot.barX(highlighted, { y: key, x: (c) => finite(c.value), ...fill(hasInner ? 'accentLight' : 'accent') }),
      ...(hasInner
        ? [
            Plot.barX(plain, { y: key, x: (c) => finite(c.inner), insetTop: 4, insetBottom: 4, ...fill('primary') }),
            Plot.barX(highlighted, { y: key, x: (c) => finite(c.inner), insetTop: 4, insetBottom: 4, ...fill('accent') }),
          ]
        : []),
      ...endLabels(columns, { x: (c) => Math.max(finite(c.value), finite(c.inner)), y: key, text: (c) => c.valueLabel, bold: (c) => c.highlight === true }),
      ...keyMarks(o.key, marginLeft, frame.marginTop, width),
      Plot.ruleX([0]),
    ],
  };
}
