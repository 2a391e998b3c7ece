/**
 * Numbers and text for layout: safe numbers, whole-number ticks, text width
 * estimates (Hangul/CJK as a full em), truncation and wrapping of labels;
 * and, from table-format.ts, formatting of a chart's table for display.
 */
import { ticks as d3ticks } from 'd3';
import { FONT_SIZE } from './style.ts';
import type { ChartFormat } from './types.ts';
export { formatNumber, formatTable } from './table-format.ts';

/** A finite number or 0: never lets NaN or Infinity into a position. */
export function finite(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** A ratio, or null when the denominator is 0 (or either is missing). */
export function ratio(num: number, den: number): number | null {
  return Number.isFinite(num) && Number.isFinite(den) && den !== 0 ? num / den : null;
}

/** '+₩5M' / '−₩5M' from the compact money format ('−' is U+2212). */
export function signedMoney(fmt: ChartFormat, n: number, sign: '+' | '−'): string {
  return `${sign}${fmt.moneyCompact(Math.abs(n))}`;
}

/** A chart's size and margins, as a Plot spec takes them. */
export interface Frame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** A frame whose height fits `rows` bands of `rowHeight` px between the margins, unless `height` is given. */
export function rowFrame(width: number, height: number | undefined, margins: Omit<Frame, 'width' | 'height'>, rows: number, rowHeight: number): Frame {
  return { width, height: height ?? margins.marginTop + margins.marginBottom + rows * rowHeight, ...margins };
}

/** The width between a frame's left and right margins. */
export function innerWidth(f: Frame): number {
  return f.width - f.marginLeft - f.marginRight;
}

/** Whole-number tick values from 0 to max (for count axes). */
export function countTicks(max: number, n = 5): number[] {
  if (!(max > 0)) return [0];
  return d3ticks(0, max, Math.min(n, Math.max(1, Math.floor(max)))).filter((t) => Number.isInteger(t));
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f300
  );
}

/** A generous estimate of a string's rendered width in px (Hangul/CJK count 1 em). */
export function textWidth(s: string, size = FONT_SIZE): number {
  let em = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (isWide(code)) em += 1;
    else if (/[\sijlft.,:;'|!·()[\]]/.test(ch)) em += 0.32;
    else if (/[0-9]/.test(ch)) em += 0.6;
    else if (/[A-ZmwMW@%₩$€]/.test(ch)) em += 0.72;
    else em += 0.58;
  }
  return em * size;
}

/** Cut a string to fit `maxPx`, ending in '…'. */
export function truncate(s: string, maxPx: number, size = FONT_SIZE): string {
  if (textWidth(s, size) <= maxPx) return s;
  const chars = Array.from(s);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > maxPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** A (semibold) y label cut to the room `labelMargin` left for it. */
export function fitLabel(label: string, marginLeft: number, size = FONT_SIZE): string {
  return truncate(label, (marginLeft - 14) / 1.12, size);
}

/** Where a line may break: a run of white space other than the no-break space (format/separator.ts keeps '·' with the item before it). */
const BREAK = /[^\S\u00a0]+/u;
/**
 * Where a word too wide for its line may still break rather than be cut: a
 * no-break space not before a list separator's '·', i.e. inside a Korean
 * date ('2026년 10월', format/dates.ts), whose parts keep together in a table
 * cell but under a chart's narrow column read better on two lines than cut.
 */
const SOFT_BREAK = /\u00a0(?!·)/u;

/**
 * Greedy word wrap into at most `maxLines` lines, each at most its width:
 * `maxPx` for every line, or one width per line (the last width for any
 * further line), e.g. a first line that uses the whole row and a last one
 * that leaves room for a number after it. Only what still does not fit in
 * `maxLines` lines (or a single word wider than its line) is cut with '…'.
 */
export function wrapLines(s: string, maxPx: number | readonly number[], size = FONT_SIZE, maxLines = 2): string[] {
  const widthOf = (i: number) => (typeof maxPx === 'number' ? maxPx : (maxPx[Math.min(i, maxPx.length - 1)] ?? Infinity));
  const words = s.split(BREAK).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // A word wider than its line: its no-break-spaced parts, each joined to the one before by its no-break space where they share a line.
    const parts = textWidth(word, size) > widthOf(lines.length) ? word.split(SOFT_BREAK) : [word];
    parts.forEach((part, i) => {
      const candidate = line ? `${line}${i === 0 ? ' ' : '\u00a0'}${part}` : part;
      if (!line || textWidth(candidate, size) <= widthOf(lines.length)) line = candidate;
      else {
        lines.push(line);
        line = part;
      }
    });
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
    return kept.map((l, i) => truncate(l, widthOf(i), size));
  }
  return lines.map((l, i) => truncate(l, widthOf(i), size));
}

/**
 * Two lines, the second at most `lastPx` wide (to leave room for a number
 * after it) and the first at most `firstPx`, broken between words (or after
 * a middle dot) where the
 * longer line is shortest; one line when it fits in `lastPx`; else
 * `wrapLines` with those widths.
 */
export function twoLines(s: string, firstPx: number, lastPx: number, size = FONT_SIZE): string[] {
  if (textWidth(s, size) <= lastPx) return [s];
  // Breaks between words, and after a middle dot ('확인·내부': the dot ends the first line), never at a no-break space.
  const breaks = [...s.matchAll(/[^\S\u00a0]+|(?<=·)(?=\S)/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  let best: string[] | null = null;
  let bestLonger = Infinity;
  for (const [end, start] of breaks) {
    const first = s.slice(0, end).trim();
    const last = s.slice(start).trim();
    if (!first || !last) continue;
    const a = textWidth(first, size);
    const b = textWidth(last, size);
    if (a <= firstPx && b <= lastPx && Math.max(a, b) < bestLonger) [best, bestLonger] = [[first, last], Math.max(a, b)];
  }
  return best ?? wrapLines(s, [firstPx, lastPx], size, 2);
}

/** Greedy word wrap into at most `maxLines` lines joined with '\n' (Plot renders them as tspans). */
export function wrap(s: string, maxPx: number, size = FONT_SIZE, maxLines = 2): string {
  return wrapLines(s, maxPx, size, maxLines).join('\n');
}

/** Line height (in em) of text wrapped onto several lines: Hangul needs more than Plot's default of 1. */
export const LINE_HEIGHT = 1.2;

/** The widest of some (semibold) labels, clamped: for a margin that fits the y labels. */
export function labelMargin(labels: string[], min: number, max: number, size = FONT_SIZE): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, size) * 1.12));
  return Math.round(Math.min(max, Math.max(min, widest + 16)));
}
