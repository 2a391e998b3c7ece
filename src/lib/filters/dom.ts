/**
 * Browser only: writes a filtered page's parts (page-parts.ts) into the
 * static page, in the markup the Astro components render (Tile.astro,
 * ChartFigure.astro, DataTable.astro, Notes.astro). Text from the data goes
 * in as textContent, never as HTML (its middle dots inside words joined, as
 * the rendered pages' are: format/separator.ts `joinWordDots`); chart SVGs are our renderer's output,
 * stripped of anything scriptable before they are inserted (svg-dom.ts), and only the variant of a
 * chart on screen is drawn (chart-variants.ts). CSV links point at the
 * filtered rows (csv-links.ts).
 *
 * Reads before writes: which variant each chart shows is read first, so the
 * update lays the page out once.
 */
import { joinWordDots, SEPARATOR } from '../format/separator.ts';
import { langRuns } from '../format/text-lang.ts';
import type { TileModel } from '../views/pages/index.ts';
import { fileNameParts, type TableModel } from '../views/table.ts';
import type { ChartBlock } from '../views/chart-block.ts';
import { cellMarkup, codeRuns } from '../views/cell-markup.ts';
import type { PageParts } from './page-parts.ts';
import { drawWhenShown, shownVariant, type ShownVariant } from './chart-variants.ts';
import { chartSvg } from './svg-dom.ts';
import { csvLink, revokeCsvUrls } from './csv-links.ts';

/** Tables longer than this skip layout until scrolled to (views/table-fold.ts LONG_TABLE_ROWS). */
const LONG_TABLE_ROWS = 50;
const HIDDEN = 'data-filter-hidden';

/** `text` as the text of `e`, as a rendered page has it. */
function setText(e: Node, text: string): void {
  e.textContent = joinWordDots(text);
}

/** A table cell's `text` as the text of `e`, each code in it in a span that keeps it on one line (DataTable.astro). */
function setCellText(e: Element, text: string): void {
  const runs = codeRuns(text);
  if (!runs) return setText(e, text);
  e.replaceChildren(...runs.map((run, k) => (k % 2 === 1 ? el(e.ownerDocument, 'span', 'code', run) : joinWordDots(run))));
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) setText(e, text);
  return e;
}

/** Tile.astro, without the sparkline (a filtered view has no 12-month trend). */
function fillTile(tileEl: Element, tile: TileModel): void {
  const doc = tileEl.ownerDocument;
  const h3 = el(doc, 'h3', undefined, tile.label);
  h3.title = tile.hint;
  const valueClass = ['tile-value', tile.rough && 'rough', tile.few && 'few'].filter(Boolean).join(' ');
  const parts: Element[] = [h3, el(doc, 'p', valueClass, tile.value)];
  if (tile.detail) parts.push(el(doc, 'p', 'tile-detail', tile.detail));
  if (tile.few) parts.push(el(doc, 'p', 'tile-few', tile.few));
  if (tile.delta) {
    const tone = tile.good === null ? 'flat' : tile.good ? 'good' : 'bad';
    const arrow = tile.delta.direction === 'up' ? '▲' : tile.delta.direction === 'down' ? '▼' : '';
    const p = el(doc, 'p', `tile-delta ${tone}`);
    const span = el(doc, 'span', undefined, arrow);
    span.setAttribute('aria-hidden', 'true');
    p.append(span, ` ${tile.delta.text}`);
    if (tile.verdict) p.append(el(doc, 'span', 'tile-verdict', `${SEPARATOR}${tile.verdict}`));
    if (tile.since) p.append(el(doc, 'span', 'tile-since', ` ${tile.since}`));
    parts.push(p);
  }
  if (tile.noChange) parts.push(el(doc, 'p', 'tile-no-change', tile.noChange));
  parts.push(el(doc, 'p', 'tile-hint', tile.hint));
  tileEl.replaceChildren(...parts);
}

/** The catalogue's words a refilled table says: "and N more", and a folded table's "Show all N". */
export interface TableWords {
  moreRows: (count: number) => string;
  showAll: (count: number) => string;
}

/** DataTable.astro's rows, caption and meta line for `table`, into the existing table (its sort buttons stay). */
function fillTable(tableEl: HTMLTableElement, table: TableModel, moreRows: (count: number) => string): void {
  const doc = tableEl.ownerDocument;
  const pageLocale = doc.documentElement.lang.startsWith('ko') ? 'ko' : 'en';
  if (tableEl.caption) setText(tableEl.caption, table.caption);
  const body = tableEl.tBodies[0] ?? tableEl.appendChild(el(doc, 'tbody'));
  const rows: HTMLTableRowElement[] = [];
  if (table.rows.length === 0) {
    const tr = el(doc, 'tr');
    // As DataTable.astro: the sentence in a span kept within the region's visible width.
    const td = el(doc, 'td', 'empty');
    td.append(el(doc, 'span', 'empty-text', table.empty));
    td.colSpan = table.headers.length;
    tr.append(td);
    rows.push(tr);
  }
  for (const row of table.rows) {
    const tr = el(doc, 'tr');
    row.forEach((cell, i) => {
      // Marked up as DataTable.astro marks it up.
      const { header, className, lang, sort, detail } = cellMarkup(table, cell, i, pageLocale);
      const td = el(doc, header ? 'th' : 'td', className);
      if (header) td.setAttribute('scope', 'row');
      if (lang) td.lang = lang;
      if (sort !== undefined) td.dataset.sort = sort;
      if (cell.href) {
        const a = el(doc, 'a');
        setCellText(a, cell.text);
        a.setAttribute('href', cell.href);
        td.append(a);
      } else if (cell.fileName) {
        fileNameParts(cell.text).forEach((part, k) => td.append(...(k > 0 ? [el(doc, 'wbr')] : []), part));
      } else setCellText(td, cell.text);
      if (cell.note && cell.mark) {
        const mark = el(doc, 'span', 'tone-mark');
        mark.dataset.mark = cell.mark;
        td.prepend(mark);
      }
      if (cell.note) td.append(el(doc, 'span', 'tone-note', ` ${cell.note}`));
      if (detail !== undefined) td.dataset.detail = detail;
      tr.append(td);
    });
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  const block = tableEl.closest('.table-block');
  block?.classList.toggle('long', table.rows.length > LONG_TABLE_ROWS);
  // The meta line right after the table's scroll region (TableGrid.astro's, in DataTable.astro): a folded table has
  // one under its first rows and one under all of them.
  const meta = tableEl.closest('.table-scroll')?.nextElementSibling;
  const link = meta?.querySelector('a[download]');
  if (meta?.classList.contains('table-meta') && link) {
    csvLink(link, table);
    link.setAttribute('download', `${table.id}.csv`);
    // No rows, no download (DataTable.astro hides it too); the model decides both ways, whoever hid it before.
    if (link instanceof HTMLElement) link.hidden = table.rows.length === 0;
    const parts: Node[] = [];
    if (table.truncated > 0) {
      // As DataTable.astro: the separator before the CSV link is not printed, nor the link.
      const more = el(doc, 'span', undefined, moreRows(table.truncated));
      more.append(el(doc, 'span', 'no-print', SEPARATOR));
      parts.push(more);
    }
    meta.replaceChildren(...parts, link);
  }
}

function fillChart(figure: Element, block: ChartBlock, variant: ShownVariant, moreRows: (count: number) => string): void {
  const doc = figure.ownerDocument;
  const h2 = figure.querySelector(':scope > h2');
  if (h2) setText(h2, block.chart.title);
  const takeaway = figure.querySelector(':scope > .takeaway');
  // In runs, as ChartFigure.astro renders it: a name in the other language keeps its lang.
  if (takeaway) {
    const locale = doc.documentElement.lang.startsWith('ko') ? 'ko' : 'en';
    takeaway.replaceChildren(
      ...langRuns(block.chart.takeaway, locale).map((run) => {
        if (!run.lang) return joinWordDots(run.text);
        const span = el(doc, 'span', undefined, run.text);
        span.lang = run.lang;
        return span;
      }),
    );
  }
  const holder = figure.querySelector(':scope > .chart-svg');
  const details = figure.querySelector(':scope > details.chart-data');
  figure.classList.toggle('unavailable', block.unavailable);
  if (holder instanceof HTMLElement) holder.hidden = block.unavailable;
  if (details instanceof HTMLElement) details.hidden = block.unavailable;
  const summaryName = details?.querySelector(':scope > summary > .visually-hidden');
  if (summaryName) setText(summaryName, `: ${block.chart.title}`);
  // Printed with its chart or not (ChartFigure.astro), by the filtered table's model.
  details?.classList.toggle('print-table', block.printTable);
  if (block.unavailable || !holder) return;
  const { chart } = block;
  // (`in`: reading `narrowSvg` would draw it.)
  const hasNarrow = 'narrowSvg' in chart;
  holder.classList.toggle('has-narrow', hasNarrow);
  if (hasNarrow) {
    // Only the variant on screen is drawn now; the other when it comes on screen.
    const w = el(doc, 'div', 'chart-wide');
    const n = el(doc, 'div', 'chart-narrow');
    const now = variant === 'narrow' ? n : w;
    const later = variant === 'narrow' ? w : n;
    const svgOf = (div: HTMLElement) => chartSvg(doc, chart, div === n ? 'narrowSvg' : 'svg');
    const node = svgOf(now);
    if (node) now.append(node);
    holder.replaceChildren(w, n);
    drawWhenShown(holder, later, () => svgOf(later));
  } else {
    const wide = chartSvg(doc, chart, 'svg');
    holder.replaceChildren(...(wide ? [wide] : []));
  }
  const tableEl = details?.querySelector('table');
  if (!(tableEl instanceof HTMLTableElement)) return;
  const fill = () => fillTable(tableEl, block.table, moreRows);
  if (!(details instanceof HTMLDetailsElement) || details.open) return fill();
  // A closed table is filled when it is opened (or printed); until then it holds no rows, none of all deals.
  tableEl.tBodies[0]?.replaceChildren();
  if (tableEl.caption) setText(tableEl.caption, block.table.caption);
  closedTables.set(details, fill);
  if (details.hasAttribute('data-filter-table')) return;
  details.setAttribute('data-filter-table', '');
  details.addEventListener('toggle', () => {
    if (details.open) fillClosed([details]);
  });
}

/**
 * A table of the page with its filtered model. A folded one (DataTable.astro: its first rows, then every row behind
 * "Show all N") is refilled in both places when the filtered model folds too; when it does not (too few rows), every
 * row shows, its disclosure open and its summary hidden, so that no row is behind a "Show all" of the unfiltered count.
 */
function fillPageTable(tableEl: HTMLTableElement, table: TableModel, words: TableWords): void {
  const fold = tableEl.closest('details.fold-all');
  const block = fold?.parentElement;
  const top = block?.querySelector(':scope > .fold-top');
  const topTable = top?.querySelector('table');
  if (!(fold instanceof HTMLDetailsElement) || !top || !(topTable instanceof HTMLTableElement)) return fillTable(tableEl, table, words.moreRows);
  const summary = fold.querySelector(':scope > summary');
  if (table.fold !== undefined) {
    fillTable(topTable, { ...table, rows: table.rows.slice(0, table.fold), truncated: table.rows.length - table.fold + table.truncated }, words.moreRows);
    if (summary) setText(summary, words.showAll(table.rows.length + table.truncated));
    if (summary?.hasAttribute(HIDDEN)) fold.open = false;
  } else if (summary?.hasAttribute(HIDDEN) !== true) {
    fold.open = true;
  }
  if (summary) setHidden(summary, table.fold === undefined);
  setHidden(top, table.fold === undefined);
  fillTable(tableEl, table, words.moreRows);
}

/** The chart tables of the last update not filled yet (their <details> closed), with what fills each. */
const closedTables = new Map<HTMLDetailsElement, () => void>();
let printHook = false;

function fillClosed(which: Iterable<HTMLDetailsElement>): void {
  for (const details of Array.from(which)) {
    const fill = closedTables.get(details);
    closedTables.delete(details);
    fill?.();
  }
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

/** Write every part into the page's <main>, the tables with the catalogue's `words`. */
export function applyParts(doc: Document, parts: PageParts, words: TableWords): void {
  const { moreRows } = words;
  const main = doc.querySelector('main');
  if (!main) return;
  revokeCsvUrls();

  closedTables.clear();
  if (!printHook) {
    printHook = true;
    doc.defaultView?.addEventListener('beforeprint', () => fillClosed(closedTables.keys()));
  }
  // Reads first: which variant of each chart is on screen (one style and layout pass), then only writes.
  const figures = Array.from(main.querySelectorAll('figure.chart[id]'));
  const variants = figures.map(shownVariant);

  const tiles = new Map(parts.tiles.map((t) => [t.key, t]));
  for (const tileEl of Array.from(main.querySelectorAll('[data-tile]'))) {
    const tile = tiles.get(tileEl.getAttribute('data-tile') ?? '');
    if (tile) fillTile(tileEl, tile);
  }

  const charts = new Map(parts.charts.map((c) => [c.id, c]));
  figures.forEach((figure, i) => {
    const block = charts.get(figure.id);
    setHidden(figure, !block);
    if (block) fillChart(figure, block, variants[i]!, moreRows);
  });

  const tables = new Map(parts.tables.map((t) => [`t-${t.id}`, t]));
  for (const tableEl of Array.from(main.querySelectorAll('table[data-sortable]'))) {
    // A folded table's first rows are filled with the table they are the first rows of (fillPageTable).
    if (tableEl.closest('figure.chart') || tableEl.closest('.fold-top')) continue;
    const table = tables.get(tableEl.id);
    const container = tableEl.closest('section') ?? tableEl.closest('.table-block');
    if (container) setHidden(container, !table);
    if (table && tableEl instanceof HTMLTableElement) fillPageTable(tableEl, table, words);
  }

  fillNotes(main, parts.notes);
  const texts = new Map(parts.texts);
  for (const e of Array.from(main.querySelectorAll('[data-filter-text]'))) {
    const text = texts.get(e.getAttribute('data-filter-text') ?? '');
    if (text === undefined) continue;
    setText(e, text);
    // A table's sentences this view has none of (a lead source filter's table by source) are hidden, not left empty.
    if (e.matches('p[data-filter-text$="-intro"]')) (e as HTMLElement).hidden = text === '';
  }
}
