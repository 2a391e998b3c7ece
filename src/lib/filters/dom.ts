/**
 * Browser only: writes a filtered page's parts (page-parts.ts) into the
 * static page, in the markup the Astro components render (Tile.astro,
 * ChartFigure.astro, DataTable.astro, Notes.astro). Text from the data goes
 * in as textContent, never as HTML; chart SVGs are our renderer's output,
 * parsed inert and stripped of anything scriptable before they are inserted.
 * CSV links point at the filtered rows (a Blob made with format/csv.ts).
 */
import { toCsv } from '../format/csv.ts';
import type { Messages } from '../i18n/index.ts';
import type { TileModel } from '../views/pages/index.ts';
import type { ChartBlock, TableModel } from '../views/table.ts';
import type { PageParts } from './page-parts.ts';

/** Tables longer than this skip layout until scrolled to (DataTable.astro's LONG_TABLE_ROWS). */
const LONG_TABLE_ROWS = 50;
const HIDDEN = 'data-filter-hidden';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Tile.astro, without the sparkline (a filtered view has no 12-month trend). */
function fillTile(tileEl: Element, tile: TileModel): void {
  const doc = tileEl.ownerDocument;
  const h3 = el(doc, 'h3', undefined, tile.label);
  h3.title = tile.hint;
  const parts: Element[] = [h3, el(doc, 'p', 'tile-value', tile.value)];
  if (tile.detail) parts.push(el(doc, 'p', 'tile-detail', tile.detail));
  if (tile.delta) {
    const tone = tile.good === null ? 'flat' : tile.good ? 'good' : 'bad';
    const arrow = tile.delta.direction === 'up' ? '▲' : tile.delta.direction === 'down' ? '▼' : '';
    const p = el(doc, 'p', `tile-delta ${tone}`);
    const span = el(doc, 'span', undefined, arrow);
    span.setAttribute('aria-hidden', 'true');
    const { absolute, percent } = tile.delta;
    p.append(span, ` ${absolute}${percent !== '—' && percent !== absolute ? ` (${percent})` : ''}`);
    parts.push(p);
  }
  parts.push(el(doc, 'p', 'tile-hint', tile.hint));
  tileEl.replaceChildren(...parts);
}

const blobUrls: string[] = [];

function csvUrl(table: TableModel): string {
  const url = URL.createObjectURL(new Blob([toCsv(table.csv.headers, table.csv.rows)], { type: 'text/csv;charset=utf-8' }));
  blobUrls.push(url);
  return url;
}

/** DataTable.astro's rows, caption and meta line for `table`, into the existing table (its sort buttons stay). */
function fillTable(tableEl: HTMLTableElement, table: TableModel, m: Messages, moreRows: (count: number) => string): void {
  const doc = tableEl.ownerDocument;
  if (tableEl.caption) tableEl.caption.textContent = table.caption;
  const body = tableEl.tBodies[0] ?? tableEl.appendChild(el(doc, 'tbody'));
  const rows: HTMLTableRowElement[] = [];
  if (table.rows.length === 0) {
    const tr = el(doc, 'tr');
    const td = el(doc, 'td', 'empty', m.empty.noData);
    td.colSpan = table.headers.length;
    tr.append(td);
    rows.push(tr);
  }
  for (const row of table.rows) {
    const tr = el(doc, 'tr');
    row.forEach((cell, i) => {
      const h = table.headers[i];
      const td = el(doc, 'td', [h?.numeric && 'num', h?.wide && 'wide', cell.tone].filter(Boolean).join(' ') || undefined);
      if (typeof cell.sort === 'number') td.dataset.sort = String(cell.sort);
      if (cell.href) {
        const a = el(doc, 'a', undefined, cell.text);
        a.setAttribute('href', cell.href);
        td.append(a);
      } else td.textContent = cell.text;
      tr.append(td);
    });
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  const block = tableEl.closest('.table-block');
  block?.classList.toggle('long', table.rows.length > LONG_TABLE_ROWS);
  const meta = block?.querySelector(':scope > .table-meta');
  const link = meta?.querySelector('a[download]');
  if (meta && link) {
    link.setAttribute('href', csvUrl(table));
    link.setAttribute('download', `${table.id}.csv`);
    const parts: Node[] = [];
    if (table.truncated > 0) parts.push(el(doc, 'span', undefined, `${moreRows(table.truncated)} · `));
    meta.replaceChildren(...parts, link);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Our chart SVG (the string the static page embeds) as nodes of `doc`: parsed
 * in an inert <template> (nothing loads or runs there), then stripped of
 * anything scriptable (script, foreignObject, on* attributes, links other
 * than in-document references) before it is adopted.
 */
export function svgNode(doc: Document, svg: string): Element | null {
  const template = doc.createElement('template');
  template.innerHTML = svg;
  const root = template.content.firstElementChild;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || template.content.childElementCount !== 1) return null;
  for (const e of Array.from(root.querySelectorAll('script, foreignObject'))) e.remove();
  for (const e of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attr of Array.from(e.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !attr.value.startsWith('#'))) e.removeAttribute(attr.name);
    }
  }
  return doc.adoptNode(root);
}

function fillChart(figure: Element, block: ChartBlock, m: Messages, moreRows: (count: number) => string): void {
  const doc = figure.ownerDocument;
  const h2 = figure.querySelector(':scope > h2');
  if (h2) h2.textContent = block.chart.title;
  const takeaway = figure.querySelector(':scope > .takeaway');
  if (takeaway) takeaway.textContent = block.chart.takeaway;
  const holder = figure.querySelector(':scope > .chart-svg');
  const details = figure.querySelector(':scope > details.chart-data');
  figure.classList.toggle('unavailable', block.unavailable);
  if (holder instanceof HTMLElement) holder.hidden = block.unavailable;
  if (details instanceof HTMLElement) details.hidden = block.unavailable;
  if (block.unavailable || !holder) return;
  const wide = svgNode(doc, block.chart.svg);
  const narrow = block.chart.narrowSvg ? svgNode(doc, block.chart.narrowSvg) : null;
  holder.classList.toggle('has-narrow', narrow !== null);
  if (narrow && wide) {
    const w = el(doc, 'div', 'chart-wide');
    const n = el(doc, 'div', 'chart-narrow');
    w.append(wide);
    n.append(narrow);
    holder.replaceChildren(w, n);
  } else holder.replaceChildren(...(wide ? [wide] : []));
  const tableEl = details?.querySelector('table');
  if (tableEl instanceof HTMLTableElement) fillTable(tableEl, block.table, m, moreRows);
}

function setHidden(e: Element, hidden: boolean): void {
  if (!(e instanceof HTMLElement)) return;
  if (hidden) {
    e.hidden = true;
    e.setAttribute(HIDDEN, '');
  } else if (e.hasAttribute(HIDDEN)) {
    e.hidden = false;
    e.removeAttribute(HIDDEN);
  }
}

function fillNotes(main: Element, notes: readonly string[]): void {
  const doc = main.ownerDocument;
  let box = main.querySelector(':scope > .notes');
  if (!box && notes.length > 0) {
    box = el(doc, 'div', 'notes');
    box.setAttribute('role', 'note');
    const intro = main.querySelector(':scope > p.intro');
    if (intro) intro.after(box);
    else main.prepend(box);
  }
  if (!box) return;
  box.replaceChildren(...notes.map((n) => el(doc, 'p', undefined, n)));
  setHidden(box, notes.length === 0);
}

/** Write every part into the page's <main>. `moreRows` is the catalogue's "and N more". */
export function applyParts(doc: Document, parts: PageParts, m: Messages, moreRows: (count: number) => string): void {
  const main = doc.querySelector('main');
  if (!main) return;
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);

  const tiles = new Map(parts.tiles.map((t) => [t.key, t]));
  for (const tileEl of Array.from(main.querySelectorAll('[data-tile]'))) {
    const tile = tiles.get(tileEl.getAttribute('data-tile') ?? '');
    if (tile) fillTile(tileEl, tile);
  }

  const charts = new Map(parts.charts.map((c) => [c.id, c]));
  for (const figure of Array.from(main.querySelectorAll('figure.chart[id]'))) {
    const block = charts.get(figure.id);
    setHidden(figure, !block);
    if (block) fillChart(figure, block, m, moreRows);
  }

  const tables = new Map(parts.tables.map((t) => [`t-${t.id}`, t]));
  for (const tableEl of Array.from(main.querySelectorAll('table[data-sortable]'))) {
    if (tableEl.closest('figure.chart')) continue;
    const table = tables.get(tableEl.id);
    const container = tableEl.closest('section') ?? tableEl.closest('.table-block');
    if (container) setHidden(container, !table);
    if (table && tableEl instanceof HTMLTableElement) fillTable(tableEl, table, m, moreRows);
  }

  fillNotes(main, parts.notes);
  const texts = new Map(parts.texts);
  for (const e of Array.from(main.querySelectorAll('[data-filter-text]'))) {
    const text = texts.get(e.getAttribute('data-filter-text') ?? '');
    if (text !== undefined) e.textContent = text;
  }
}
