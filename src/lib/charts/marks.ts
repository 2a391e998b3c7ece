/**
 * Plot marks shared by several charts: a text key in the top margin, value
 * labels after bars (with `roomyMax` leaving room for them), text columns in
 * the right margin, the row label and x axes and the spec of horizontal bars.
 */
import * as Plot from '@observablehq/plot';
import { countTicks, finite, fitLabel, type Frame, innerWidth, LINE_HEIGHT, textWidth, wrapLines } from './layout.ts';
import { COLORS, fill, FONT_SIZE, SMALL_FONT_SIZE, type ColorRole } from './style.ts';
import type { ChartFormat, ParkedText } from './types.ts';

export interface KeyItem {
  label: string;
  role: ColorRole;
  /** The glyph drawn in the role's colour: '■' (bar, default), '●' (dot), '◇'; '' for text only. */
  symbol?: string;
}

/** Height of a line of the key, in units. */
export const KEY_LINE = 16;

/** Where each key item goes: x from the SVG's left edge and its line, wrapping before `maxWidth` (when given). */
function keyLayout(items: KeyItem[], maxWidth = Infinity): { item: KeyItem; x: number; line: number }[] {
  const placed: { item: KeyItem; x: number; line: number }[] = [];
  let x = 4;
  let line = 0;
  for (const item of items) {
    const glyph = (item.symbol ?? '■') ? 16 : 0;
    const w = glyph + textWidth(item.label);
    if (x > 4 && x + w > maxWidth) {
      x = 4;
      line++;
    }
    placed.push({ item, x, line });
    x += w + 18;
  }
  return placed;
}

/** Lines the key takes when wrapped before `maxWidth`. */
export function keyLines(items: KeyItem[], maxWidth = Infinity): number {
  return items.length === 0 ? 0 : Math.max(...keyLayout(items, maxWidth).map((p) => p.line)) + 1;
}

/**
 * A key drawn as text in the top margin (6 px below the SVG's top), starting
 * at the SVG's left edge. Each item is a coloured glyph followed by its
 * label, so no colour stands alone. With `maxWidth` (the SVG's width) it
 * wraps onto lines KEY_LINE apart: leave `keyLines` of them in the margin.
 */
export function keyMarks(items: KeyItem[], marginLeft: number, marginTop: number, maxWidth?: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const { item, x: left, line } of keyLayout(items, maxWidth)) {
    const dy = -(marginTop - 6) + line * KEY_LINE;
    const x = left - marginLeft;
    const symbol = item.symbol ?? '■';
    const glyph = symbol ? 16 : 0;
    if (symbol) marks.push(Plot.text([symbol], { frameAnchor: 'top-left', dx: x, dy, text: (d: string) => d, ...fill(item.role) }));
    marks.push(Plot.text([item.label], { frameAnchor: 'top-left', dx: x + glyph, dy, text: (d: string) => d, ...(symbol ? {} : fill(item.role)) }));
  }
  return marks;
}

/**
 * The domain maximum that leaves room for a label after every bar:
 * each `value` scaled into `frameWidth` px plus its label still fits.
 */
export function roomyMax(items: { value: number; label: string }[], frameWidth: number, size = FONT_SIZE): number {
  let max = 0;
  for (const { value, label } of items) {
    const v = finite(value);
    if (v <= 0) continue;
    const room = Math.max(frameWidth * 0.35, frameWidth - textWidth(label, size) - 10);
    max = Math.max(max, (v * frameWidth) / room);
  }
  return max > 0 ? max : 1;
}

export interface EndLabelOptions<T> {
  /** Bar end, in data units. */
  x: (d: T) => number;
  y: (d: T) => string;
  text: (d: T) => string;
  fx?: (d: T) => string;
  /** Data set in bold (Plot's fontWeight is a constant, so this splits the mark). */
  bold?: (d: T) => boolean;
}

/** Split data into regular and bold text marks. */
function byWeight<T>(data: T[], bold: ((d: T) => boolean) | undefined, mark: (subset: T[], weight: string) => Plot.Markish): Plot.Markish[] {
  if (!bold) return [mark(data, '400')];
  return [mark(data.filter((d) => !bold(d)), '400'), mark(data.filter(bold), '700')];
}

/** Value labels just after the end of horizontal bars (use `roomyMax` for the x domain). */
export function endLabels<T>(data: T[], o: EndLabelOptions<T>): Plot.Markish[] {
  return byWeight(data, o.bold, (subset, fontWeight) =>
    Plot.text(subset, { x: o.x, y: o.y, text: o.text, dx: 5, textAnchor: 'start', fontWeight, ...(o.fx ? { fx: o.fx } : {}) }),
  );
}

/** Text in a column of the right margin (e.g. conversion, win rate), right-aligned at `dx` from the frame. */
export function columnMarks<T>(
  data: T[],
  header: string,
  o: { y: (d: T) => string; text: (d: T) => string; dx: number; bold?: (d: T) => boolean; muted?: (d: T) => boolean },
): Plot.Markish[] {
  // Muted values (too few deals to rely on) apart, only when there are some: the other charts' marks stay as they were.
  const muted = o.muted ? data.filter(o.muted) : [];
  const plain = muted.length > 0 ? data.filter((d) => !o.muted!(d)) : data;
  return [
    ...byWeight(plain, o.bold, (subset, fontWeight) =>
      Plot.text(subset, { y: o.y, text: o.text, frameAnchor: 'right', dx: o.dx, textAnchor: 'end', fontWeight }),
    ),
    ...(muted.length > 0
      ? byWeight(muted, o.bold, (subset, fontWeight) =>
          Plot.text(subset, { y: o.y, text: o.text, frameAnchor: 'right', dx: o.dx, textAnchor: 'end', fontWeight, ...fill('muted') }),
        )
      : []),
    Plot.text([header], { frameAnchor: 'top-right', dx: o.dx, dy: -8, textAnchor: 'end', lineAnchor: 'bottom', text: (d: string) => d, fontSize: SMALL_FONT_SIZE, fontWeight: '600', ...fill('muted') }),
  ];
}

/** The width of a right-margin column: its widest header line (small, semibold) or value, plus padding. */
export function columnWidth(header: string, values: string[]): number {
  return Math.ceil(Math.max(...header.split('\n').map((l) => textWidth(l, SMALL_FONT_SIZE) * 1.08), ...values.map((v) => textWidth(v)))) + 14;
}

/** A tick format from row keys to their labels, cut to fit the left margin. */
export function rowLabelFormat(rows: { key: string; label: string }[], marginLeft: number): (k: string) => string {
  const labels = new Map(rows.map((r) => [r.key, fitLabel(r.label, marginLeft)]));
  return (k) => labels.get(k) ?? (k === PARKED_ROW ? '' : k);
}

/** The y axis of row labels: semibold, no ticks, no title. */
export function rowAxisY(rows: { key: string; label: string }[], marginLeft: number): Plot.Markish {
  return Plot.axisY({ tickFormat: rowLabelFormat(rows, marginLeft), tickSize: 0, label: null, fontWeight: '600' });
}

/** The x axis of horizontal bars, titled at its left end, with grid lines at the same ticks when `grid`. */
export function valueAxisX(o: { ticks: number | number[]; tickFormat: (d: number) => string; label: string; grid?: boolean; fontSize?: number }): Plot.Markish[] {
  const axis = Plot.axisX({ ticks: o.ticks, tickFormat: o.tickFormat, label: o.label, labelArrow: 'none', labelAnchor: 'left', ...(o.fontSize ? { fontSize: o.fontSize } : {}) });
  return o.grid ? [axis, Plot.gridX({ ticks: o.ticks })] : [axis];
}

/** A `valueAxisX` of whole counts from 0 to `max`. */
export function countAxisX(fmt: ChartFormat, max: number, label: string, o: { grid?: boolean; fontSize?: number; ticks?: number } = {}): Plot.Markish[] {
  const { ticks, ...rest } = o;
  return valueAxisX({ ticks: countTicks(max, ticks), tickFormat: (d) => fmt.count(d), label, ...rest });
}

/** The spec of horizontal bars: one band per y key, x from 0 to `xMax`. */
export function rowsSpec(frame: Frame, y: { domain: string[]; padding: number; axis?: null }, xMax: number, marks: Plot.Markish[]): Plot.PlotOptions {
  return { ...frame, y, x: { domain: [0, xMax] }, marks };
}

/*
 * The narrow layout of row charts: each row's label on a row of its own,
 * above its bar and aligned with it, so labels take the full width instead
 * of a third of it. Plot's band scale makes both rows the same height.
 */

/** Left margin of narrow row charts (labels and bars start here). */
export const NARROW_MARGIN_LEFT = 6;
/** Height of one band (a label row or a bar row) in narrow row charts. */
export const NARROW_ROW = 21;

/**
 * The y key of the row holding `key`'s label (`above` > 0: a row that many
 * above it, which gives a label's other lines their room). Row keys never
 * hold U+0000.
 */
export function labelRowKey(key: string, above = 0): string {
  return above > 0 ? `\u0000label${above}:${key}` : `\u0000label:${key}`;
}

/**
 * A y domain with a label row before each row (the parked label row stays
 * one row), and `extra(key)` more rows above it for a label of more lines.
 */
export function withLabelRows(domain: readonly string[], extra: (key: string) => number = () => 0): string[] {
  return domain.flatMap((k) => {
    if (k === PARKED_ROW) return [k];
    const above = Array.from({ length: Math.max(0, extra(k)) }, (_, i) => labelRowKey(k, i + 1)).reverse();
    return [...above, labelRowKey(k), k];
  });
}

/** A (semibold) row label of the narrow layout in lines of `maxPx`: two when one cannot hold it, cut only past that. */
export function labelRowLines(label: string, maxPx: number): string[] {
  return wrapLines(label, maxPx / 1.12, FONT_SIZE, 2);
}

/** `withLabelRows`'s `extra` for labels drawn by `labelRowMarks` with the same `maxPx`: a row more for each two-line label. */
export function wrappedLabelRows<T>(rows: readonly T[], key: (d: T) => string, label: (d: T) => string, maxPx: number): (key: string) => number {
  const extra = new Map(rows.map((d) => [key(d), labelRowLines(label(d), maxPx).length - 1]));
  return (k) => extra.get(k) ?? 0;
}

/**
 * Text on `key`'s label row, from the frame's left edge (plus `dx`): one
 * line centred on the row, or several (`lines` joined by '\n') whose last
 * line sits where one line would, the others rising into the rows
 * `withLabelRows` added above it.
 */
export function labelRowText<T>(data: T[], key: (d: T) => string, text: (d: T) => string, style: Plot.TextOptions = {}): Plot.Markish[] {
  const multi = (d: T) => text(d).includes('\n');
  const one = data.filter((d) => !multi(d));
  const more = data.filter(multi);
  const common = { y: (d: T) => labelRowKey(key(d)), text, frameAnchor: 'left' as const, textAnchor: 'start' as const, ...style };
  return [
    ...(one.length > 0 || more.length === 0 ? [Plot.text(one, { ...common, dy: 3 })] : []),
    ...(more.length > 0 ? [Plot.text(more, { ...common, dy: 7, lineAnchor: 'bottom', lineHeight: LINE_HEIGHT })] : []),
  ];
}

/** Row labels on their label rows, from the frame's left edge, in up to two lines of `maxPx` (see `wrappedLabelRows`); `bold` rows set in bold. */
export function labelRowMarks<T>(
  rows: readonly T[],
  o: { key: (d: T) => string; label: (d: T) => string; maxPx: number; bold?: (d: T) => boolean; fx?: () => string },
): Plot.Markish[] {
  const lines = new Map(rows.map((d) => [o.key(d), labelRowLines(o.label(d), o.maxPx).join('\n')]));
  return byWeight([...rows], o.bold, (subset, weight) =>
    labelRowText(subset, o.key, (d: T) => lines.get(o.key(d)) ?? '', {
      fontWeight: weight === '700' ? '700' : '600',
      ...(o.fx ? { fx: o.fx } : {}),
    }),
  );
}

/**
 * The y key of the label row that sets parked stages (open, but outside the
 * funnel's sequence) apart, below the sequence. Stage ids never hold U+0000.
 */
export const PARKED_ROW = '\u0000parked';

/** Stage rows with the sequence first, then the parked ones, each in its given order. */
export function sequenceFirst<T extends { parked?: boolean | undefined }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => !r.parked), ...rows.filter((r) => r.parked)];
}

/** The y domain of stage rows (sequence first): their keys, with the parked label row before the first parked one. */
export function stageDomain<T extends { parked?: boolean | undefined }>(rows: readonly T[], key: (r: T) => string): string[] {
  const domain: string[] = [];
  rows.forEach((r, i) => {
    if (r.parked && !rows[i - 1]?.parked) domain.push(PARKED_ROW);
    domain.push(key(r));
  });
  return domain;
}

/** A parked stage's label in a table: 'On hold (outside the sequence)'. */
export function stageTableLabel(row: { label: string; parked?: boolean | undefined }, text: ParkedText): string {
  return row.parked ? text.tagged(row.label) : row.label;
}

/**
 * The label row above parked stages: the group's name from the SVG's left
 * edge (muted, italic) and a dashed rule across the rest of the row. Nothing
 * when no row is parked.
 */
export function parkedRowMarks(domain: readonly string[], text: ParkedText, frame: Frame, xMax: number): Plot.Markish[] {
  if (!domain.includes(PARKED_ROW)) return [];
  const inner = innerWidth(frame);
  const textEnd = 4 + textWidth(text.group, SMALL_FONT_SIZE) * 1.1 + 8 - frame.marginLeft;
  const x1 = (Math.max(0, Math.min(inner, textEnd)) / inner) * xMax;
  return [
    Plot.text([text.group], {
      y: () => PARKED_ROW,
      text: (d: string) => d,
      frameAnchor: 'left',
      dx: 4 - frame.marginLeft,
      textAnchor: 'start',
      fontSize: SMALL_FONT_SIZE,
      fontWeight: '600',
      fontStyle: 'italic',
      ...fill('muted'),
    }),
    Plot.ruleY([PARKED_ROW], { y: (d: string) => d, x1, x2: xMax, stroke: COLORS.neutral, strokeDasharray: '4,3' }),
  ];
}
