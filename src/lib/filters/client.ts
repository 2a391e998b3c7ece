/**
 * Browser only, loaded on demand by loader.ts when a page is opened with a
 * filter in its URL or the filter form is used: fetches the filter data file
 * once, rebuilds the Dataset (decode-filter-data.ts), recomputes the page with the
 * engine and the page models (recompute.ts, page-parts.ts) and writes it
 * into the page (dom.ts). The status line says what is shown; on any
 * failure the page keeps its unfiltered figures and says so.
 *
 * Timings of the last run are on `window.__pipescopeFilter` (npm run
 * bench:filters and tests/browser/filters.test.ts read them).
 */
import { isLocale, LOCALES, localize } from '../i18n/index.ts';
import { pageContext, pagePath } from '../views/pages/context.ts';
import { filterNotes, filterSummary, invalidNotes, periodLabel } from '../views/pages/filter-form.ts';
import { printFooterCss } from '../views/pages/print-footer.ts';
import { type DecodedFilterData, decodeFilterData } from './decode-filter-data.ts';
import { applyParts } from './dom.ts';
import { FILTER_KEYS, type Filter, type FilterKey, filterQuery, isFiltered, isPeriodKey, parseFilter } from './filter.ts';
import { FILTER_PAGES, isFilterPage, pageParts } from './page-parts.ts';
import { filteredSiteData, prepareFilters } from './recompute.ts';

export interface FilterRun {
  state: 'done' | 'error';
  filter: Filter;
  matched: number;
  total: number;
  error?: string;
  /**
   * Milliseconds: loading (0 when already loaded): fetch + JSON parse of the data file, rebuilding the Dataset,
   * and what all filters share (recompute.ts `prepareFilters`); the recompute: subset and engine (`filteredSiteData`;
   * each metric is computed when read, so most of the engine's work falls in `modelMs`), page models and charts,
   * DOM (with the charts' drawing: only the variant on screen).
   */
  timings: { loadMs: number; fetchMs: number; parseMs: number; decodeMs: number; prepareMs: number; engineMs: number; modelMs: number; domMs: number; recomputeMs: number };
}

declare global {
  interface Window {
    __pipescopeFilter?: FilterRun;
  }
}

let loaded: Promise<{ data: DecodedFilterData; fetchMs: number; parseMs: number; decodeMs: number; prepareMs: number }> | null = null;

/** The filter data file is not on the server: named after its content, it is replaced by each build that changes it. */
class MissingDataFile extends Error {}

async function load(src: string) {
  const t0 = performance.now();
  const response = await fetch(src);
  if (response.status === 404) throw new MissingDataFile(`${src}: HTTP 404`);
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const text = await response.text();
  const t1 = performance.now();
  const json: unknown = JSON.parse(text);
  const t2 = performance.now();
  const data = decodeFilterData(json);
  const t3 = performance.now();
  prepareFilters(data);
  return { data, fetchMs: t1 - t0, parseMs: t2 - t1, decodeMs: t3 - t2, prepareMs: performance.now() - t3 };
}

/** The form's selects show the filter in the URL (`words`: a value's words for an option the build did not list). */
function syncForm(form: HTMLFormElement, filter: Filter, words: (key: FilterKey, value: string) => string): void {
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key);
    if (!(field instanceof HTMLSelectElement || field instanceof HTMLInputElement)) continue;
    const value = filter[key] ?? '';
    if (field instanceof HTMLSelectElement && value !== '' && !Array.from(field.options).some((o) => o.value === value)) {
      // A name the build did not list (a shared link from another build), or a month (the Forecast page links one):
      // still selectable, a period in the list's words ('Jun 2026').
      const option = document.createElement('option');
      option.value = value;
      option.textContent = words(key, value);
      field.append(option);
    }
    field.value = value;
  }
}

/**
 * The foot of each printed sheet (Base.astro's `<style data-print-footer>`: the page's title and date) names
 * the filter in effect too, so a sheet of a filtered view is not taken for all deals; `summary` '': none.
 */
function footPrintedSheets(summary: string, pageNumber: string): void {
  const style = document.querySelector<HTMLStyleElement>('style[data-print-footer]');
  if (style) style.textContent = printFooterCss(summary ? `${document.title} · ${summary}` : document.title, pageNumber);
}

export async function run(form: HTMLFormElement): Promise<FilterRun> {
  const root = document.documentElement;
  const locale = form.dataset.locale ?? '';
  const page = form.dataset.page ?? '';
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const clear = form.querySelector<HTMLElement>('[data-filter-clear]');
  // The status line formats counts only: any currency will do until the data says which.
  const { m, f } = localize(isLocale(locale) ? locale : 'en', 'KRW');
  const { filter, invalid } = parseFilter(location.search);
  syncForm(form, filter, (key, value) => (isPeriodKey(key) ? periodLabel(f, value) : value));
  const timings: FilterRun['timings'] = { loadMs: 0, fetchMs: 0, parseMs: 0, decodeMs: 0, prepareMs: 0, engineMs: 0, modelMs: 0, domMs: 0, recomputeMs: 0 };
  const say = (lines: string[]) => status?.replaceChildren(...lines.filter(Boolean).map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  root.classList.add('filtering');
  root.dataset.filterState = 'loading';
  say([m.filters.loading]);
  let result: FilterRun;
  try {
    if (!isLocale(locale) || !isFilterPage(page) || !form.dataset.src) throw new Error('this page has no filter');
    const t0 = performance.now();
    const fresh = loaded === null;
    loaded ??= load(form.dataset.src);
    const { data, fetchMs, parseMs, decodeMs, prepareMs } = await loaded;
    if (fresh) Object.assign(timings, { fetchMs, parseMs, decodeMs, prepareMs, loadMs: performance.now() - t0 });
    if (!isFiltered(filter)) {
      // Only an ignored value in the link (a period that is not one): the page stays as built.
      say([]);
      footPrintedSheets('', m.site.printedPage);
      result = { state: 'done', filter, matched: data.dataset.deals.length, total: data.dataset.deals.length, timings };
    } else {
      const t1 = performance.now();
      const view = filteredSiteData(data, filter, { compare: page === 'overview' });
      const t2 = performance.now();
      const ctx = pageContext(view.site, locale, form.dataset.base ?? '/', view.facts);
      const parts = pageParts(ctx, page);
      const t3 = performance.now();
      applyParts(document, parts, { moreRows: (count) => ctx.m.common.moreRows({ count }, ctx.f), showAll: (count) => ctx.m.common.showAll({ count }, ctx.f) });
      const t4 = performance.now();
      Object.assign(timings, { engineMs: t2 - t1, modelMs: t3 - t2, domMs: t4 - t3, recomputeMs: t4 - t1 });
      const summary = filterSummary(filter, m, f, ctx.label);
      footPrintedSheets(summary, m.site.printedPage);
      say([
        m.filters.showing({ count: view.matched, total: view.total, what: summary }, f),
        view.matched === 0 ? m.filters.noMatch : '',
        [m.filters.computed, ...filterNotes(ctx, page)].join(' '),
      ]);
      result = { state: 'done', filter, matched: view.matched, total: view.total, timings };
    }
    status?.prepend(...invalidNotes(invalid, m).map((line) => Object.assign(document.createElement('p'), { textContent: line })));
    if (clear) clear.hidden = !isFiltered(filter);
    carryFilter(form.dataset.base ?? '/', filterQuery(filter));
    root.classList.toggle('filtered', isFiltered(filter));
  } catch (e) {
    loaded = null;
    // A page loaded before the site was rebuilt (an open tab, a cached copy) names the previous data file: load the page
    // again, once, and the filter in the URL is applied with the current one. The page stays "loading" until it reloads.
    if (e instanceof MissingDataFile && reloadOnce(form.dataset.src ?? '')) return new Promise<FilterRun>(() => {});
    say([location.protocol === 'file:' ? m.filters.fileShare : m.filters.failed]);
    footPrintedSheets('', m.site.printedPage);
    result = { state: 'error', filter, matched: 0, total: 0, error: String(e), timings };
  }
  root.classList.remove('filtering');
  root.dataset.filterState = result.state;
  window.__pipescopeFilter = result;
  return result;
}

/** Reload the page unless it was reloaded for this data file already in this tab (then the file is missing for good). */
function reloadOnce(src: string): boolean {
  const key = 'pipescope-filter-reload';
  try {
    if (sessionStorage.getItem(key) === src) return false;
    sessionStorage.setItem(key, src);
  } catch {
    return false;
  }
  location.reload();
  return true;
}

/**
 * Links to the filterable pages (navigation, language switch, and a dated snapshot's link to the same page of the
 * latest dashboard, outside the snapshot) keep the filter; their own form (absolute or relative) stays.
 */
function carryFilter(base: string, query: string): void {
  const pathOf = (href: string) => new URL(href, location.href).pathname;
  const pages = FILTER_PAGES.flatMap((p) => LOCALES.map((l) => `${l}/${pagePath(p)}`));
  const paths = new Set(pages.map((page) => pathOf(`${base}${page}`)));
  const latest = (path: string) => pages.some((page) => path.endsWith(`/${page}`));
  for (const a of Array.from(document.querySelectorAll('a.lang, .site-nav a, .brand a, link[rel=alternate], .snapshot-note a'))) {
    const href = a.getAttribute('href');
    if (href === null || new URL(href, location.href).origin !== location.origin) continue;
    const path = pathOf(href);
    if (!paths.has(path) && !(a.closest('.snapshot-note') && latest(path))) continue;
    a.setAttribute('href', `${href.replace(/[?#].*$/, '')}${query}`);
  }
}
