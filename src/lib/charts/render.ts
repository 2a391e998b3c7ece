/**
 * Rendering: one linkedom document for Plot, and the post-processing that
 * makes every SVG accessible (role, title, desc, labelled groups),
 * responsive (viewBox, CSS width, at most MAX_SCALE px per unit), themable
 * and collision-free on a page (ids and classes prefixed per chart); the
 * "no data" SVG; and `responsive`, which adds a chart's narrow variant.
 * Outputs draw their SVGs when first read (`svg`, `narrowSvg`).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { wrap } from './layout.ts';
import { COLORS, DEFAULT_WIDTH, FONT_SIZE, FONT_STACK, MAX_SCALE, NARROW_WIDTH, SVG_NS } from './style.ts';
import type { ChartLocale, ChartOutput, ChartTable } from './types.ts';
import { once } from '../lazy.ts';
import { otherLang } from '../format/text-lang.ts';

let cachedDocument: Document | undefined;

/** The one DOM document Plot renders into (detached elements; nothing is appended). */
export function chartDocument(): Document {
  cachedDocument ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return cachedDocument;
}

/** `ps-chart-<id>`: the SVG's class name and the prefix of its element ids. */
export function chartClass(id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `ps-chart-${slug || 'chart'}`;
}

export interface RenderMeta {
  id: string;
  title: string;
  takeaway: string;
  locale: ChartLocale;
}

/** Render a Plot spec and post-process it into the final SVG string. */
export function renderPlot(options: Plot.PlotOptions, meta: RenderMeta): string {
  return plotElement(options, meta).outerHTML;
}

/** `renderPlot`'s SVG as an element of `chartDocument()` (its markup is `renderPlot`'s string). */
function plotElement(options: Plot.PlotOptions, meta: RenderMeta): Element {
  const cls = chartClass(meta.id);
  const svg = Plot.plot({ ...options, document: chartDocument(), className: cls }) as unknown as Element;
  return finish(svg, cls, meta);
}

/** Create an SVG element with attributes (for hand-drawn charts). */
export function svgElement(name: string, attrs: Record<string, string | number> = {}): Element {
  const el = chartDocument().createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A hand-drawn SVG of the given viewBox, post-processed like Plot's output. */
export function renderCustom(meta: RenderMeta, width: number, height: number, draw: (svg: Element) => void): string {
  return customElement(meta, width, height, draw).outerHTML;
}

function customElement(meta: RenderMeta, width: number, height: number, draw: (svg: Element) => void): Element {
  const cls = chartClass(meta.id);
  const svg = svgElement('svg', { class: cls, viewBox: `0 0 ${width} ${height}`, fill: 'currentColor' });
  svg.appendChild(svgElement('style'));
  draw(svg);
  return finish(svg, cls, meta);
}

/**
 * An accessible SVG that says there is nothing to show (no axes, no NaN),
 * wrapped to the width of a chart (a sparkline-sized box keeps one line).
 */
export function renderEmpty(meta: RenderMeta, width = DEFAULT_WIDTH, height = 80): string {
  return emptyElement(meta, width, height).outerHTML;
}

function emptyElement(meta: RenderMeta, width = DEFAULT_WIDTH, height = 80): Element {
  const lines = width >= 200 ? wrap(meta.takeaway, width - 24, FONT_SIZE, 4).split('\n') : [meta.takeaway];
  const lineHeight = Math.round(FONT_SIZE * 1.4);
  const h = Math.max(height, lines.length * lineHeight + 24);
  return customElement(meta, width, h, (svg) => {
    const frame = { x: 0.5, y: 0.5, width: width - 1, height: h - 1, rx: 4, fill: 'none', stroke: COLORS.track, 'aria-hidden': 'true' };
    svg.appendChild(svgElement('rect', frame));
    const first = h / 2 - ((lines.length - 1) * lineHeight) / 2;
    const text = svgElement('text', { x: width / 2, y: first, dy: '0.32em', 'text-anchor': 'middle', class: 'ps-muted', fill: COLORS.muted });
    if (lines.length === 1) text.textContent = meta.takeaway;
    else
      lines.forEach((line, i) => {
        const tspan = svgElement('tspan', { x: width / 2, ...(i > 0 ? { dy: lineHeight } : {}) });
        tspan.textContent = line;
        text.appendChild(tspan);
      });
    svg.appendChild(text);
  });
}

/**
 * A chart with its narrow variant: `draw` at the options' width (the wide
 * chart, as before) and, unless the caller fixed a width, again at
 * NARROW_WIDTH, where charts re-flow (see `isNarrow`). The narrow SVG gets
 * its own id (`<id>-narrow`), so both can sit on one page; the page shows
 * one or the other with CSS (no JavaScript).
 */
export function responsive<VM, O extends { width?: number | undefined; id?: string | undefined }>(
  vm: VM,
  options: O,
  defaultId: string,
  draw: (vm: VM, options: O) => ChartOutput,
): ChartOutput {
  const wide = draw(vm, options);
  if (options.width !== undefined) return wide;
  // Each SVG is drawn when first read, the narrow one laid out then too (a page in the browser draws the one on screen: filters/dom.ts).
  const narrowOptions = { ...options, width: NARROW_WIDTH, id: `${options.id ?? defaultId}-narrow` };
  const narrow = once(() => draw(vm, narrowOptions));
  return lazyOutput(
    { svg: () => drawnElement(wide, 'svg') ?? wide.svg, narrowSvg: () => drawnElement(narrow(), 'svg') ?? narrow().svg },
    { title: wide.title, takeaway: wide.takeaway, table: wide.table },
  );
}


type SvgKey = 'svg' | 'narrowSvg';

/** Each lazy output's SVGs as elements, drawn when first asked for (the markup is then theirs). */
const elements = new WeakMap<ChartOutput, Partial<Record<SvgKey, () => Element | string>>>();

/**
 * A chart output whose SVGs are drawn when first read (then kept): the
 * title, takeaway and table are known before any drawing, and a page that
 * never shows an SVG (the variant off screen) never pays for it. The same
 * markup as drawing at once: rendering is pure. `draw` gives the SVG as an
 * element of `chartDocument()` (or, from an output drawn otherwise, as markup).
 */
function lazyOutput(draw: Partial<Record<SvgKey, () => Element | string>>, rest: Omit<ChartOutput, SvgKey>): ChartOutput {
  const out = {} as ChartOutput;
  const made: Partial<Record<SvgKey, () => Element | string>> = {};
  for (const key of ['svg', 'narrowSvg'] as const) {
    const element = draw[key];
    if (!element) continue;
    made[key] = once(element);
    const markup = once(() => {
      const e = made[key]!();
      return typeof e === 'string' ? e : e.outerHTML;
    });
    Object.defineProperty(out, key, { enumerable: true, configurable: true, get: markup });
    if (key === 'svg') Object.assign(out, rest);
  }
  elements.set(out, made);
  return out;
}

/**
 * A chart output's SVG as an element of `chartDocument()`, when the output
 * draws lazily (any made by `output` or `responsive`), without making its
 * markup: a page in the browser inserts a copy of it instead of parsing the
 * markup (filters/dom.ts). Its markup is the output's `svg` / `narrowSvg`. Null
 * for other outputs, and for an output without that SVG.
 */
export function drawnElement(out: ChartOutput, key: SvgKey): Element | null {
  const e = elements.get(out)?.[key]?.();
  return e === undefined || typeof e === 'string' ? null : e;
}

const NUMERIC = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform', 'd', 'points', 'dx', 'dy']);

function roundNumbers(value: string): string {
  if (value.includes('em')) return value;
  return value.replace(/-?\d+\.\d{2,}(?:e-?\d+)?/g, (m) => {
    const r = Math.round(Number(m) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

function finish(svg: Element, cls: string, meta: RenderMeta): Element {
  const doc = chartDocument();
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.removeAttribute('font-family');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-size', String(FONT_SIZE));
  svg.setAttribute('lang', meta.locale);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${cls}-title ${cls}-desc`);

  // Deterministic, per-chart ids (Plot numbers clip paths with a global counter).
  const renamed = new Map<string, string>();
  for (const el of Array.from(svg.querySelectorAll('[id]'))) {
    const next = `${cls}-id${renamed.size + 1}`;
    renamed.set(el.getAttribute('id')!, next);
    el.setAttribute('id', next);
  }
  const all = svg.querySelectorAll('*');
  // Class names in use below the root (for the colour roles), gathered in the same pass.
  const classes = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    // Each numeric attribute present, rounded (rewritten only when rounding changes it: the same markup, fewer writes).
    for (const name of el.getAttributeNames()) {
      if (!NUMERIC.has(name)) continue;
      const value = el.getAttribute(name)!;
      const rounded = roundNumbers(value);
      if (rounded !== value) el.setAttribute(name, rounded);
    }
    if (renamed.size > 0) {
      for (const name of ['clip-path', 'mask', 'href', 'marker-start', 'marker-end']) {
        const v = el.getAttribute(name);
        if (v !== null) el.setAttribute(name, v.replace(/#([^)\s]+)/g, (_m, id: string) => `#${renamed.get(id) ?? id}`));
      }
    }
    const tag = el.tagName.toLowerCase();
    // Plot labels its marks; a labelled <g> needs a role to be valid ARIA.
    if (tag === 'g' && el.hasAttribute('aria-label')) el.setAttribute('role', 'group');
    // A label in the other language than the chart's (a name from the data: an owner, a competitor, a reason or a stage
    // written only in Korean on an English page, 'Trumpf' on a Korean one) says so, as a table cell does (text-lang.ts):
    // for the fonts, and for any tool that reads or translates the page. The chart's own words are in its locale (but for
    // a Latin abbreviation such as 'P75', marked English on a Korean page).
    if (tag === 'text') {
      const lang = otherLang(el.textContent ?? '', meta.locale);
      if (lang) el.setAttribute('lang', lang);
    }
    const cls = el.getAttribute('class');
    if (cls) for (const c of cls.split(/\s+/)) if (c) classes.add(c);
  }

  const style = svg.querySelector('style');
  // Fonts come from CSS (the page's `--ps-chart-font`, else the system stack);
  // each colour role in use can be themed with `--ps-chart-<role>`.
  const roles = Object.entries(COLORS).filter(([role]) => classes.has(`ps-${role}`));
  // Text never grows past MAX_SCALE px per unit: a chart with text is at most that much wider than its viewBox.
  const viewBoxWidth = Number(svg.getAttribute('viewBox')?.split(/\s+/)[2]);
  const maxWidth = svg.querySelector('text') && viewBoxWidth > 0 ? `${Math.round(viewBoxWidth * MAX_SCALE)}px` : '100%';
  const css = [
    `:where(.${cls}){font-family:var(--ps-chart-font,${FONT_STACK});width:100%;height:auto;max-width:${maxWidth};display:block;overflow:visible}`,
    ...roles.map(([role, hex]) => `:where(.${cls} .ps-${role}){fill:var(--ps-chart-${role},${hex})}`),
  ].join('\n');
  if (style) style.textContent = `${style.textContent ?? ''}\n${css}`;

  const title = doc.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${cls}-title`);
  title.textContent = meta.title;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${cls}-desc`);
  desc.textContent = meta.takeaway;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);
  return svg;
}

/** Assemble the output, its SVG drawn when first read; the "no data" SVG when `spec` is null. */
export function output(
  spec: Plot.PlotOptions | null,
  meta: RenderMeta & { width?: number | undefined },
  table: ChartTable,
): ChartOutput {
  return lazyOutput({ svg: () => (spec ? plotElement(spec, meta) : emptyElement(meta, meta.width ?? DEFAULT_WIDTH)) }, { title: meta.title, takeaway: meta.takeaway, table });
}
