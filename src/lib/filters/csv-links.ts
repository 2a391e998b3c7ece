/**
 * Browser only: the CSV links of a filtered page (filters/dom.ts) point at
 * the filtered rows, as files made with format/csv.ts.
 */
import { toCsv } from '../format/csv.ts';
import type { TableModel } from '../views/table.ts';

const blobUrls: string[] = [];

function csvUrl(table: TableModel): string {
  const url = URL.createObjectURL(new Blob([toCsv(table.csv.headers, table.csv.rows)], { type: 'text/csv;charset=utf-8' }));
  blobUrls.push(url);
  return url;
}

/**
 * The filtered table of each CSV link, made into a file (a Blob URL) when the
 * link is first about to be used: pointed at, focused, clicked or opened in a
 * menu, each before the browser follows it. A Blob per table at every update
 * would cost more than the rest of the page update.
 */
const csvOf = new WeakMap<Element, TableModel>();
const CSV_EVENTS = ['pointerdown', 'focus', 'click', 'contextmenu'] as const;

function makeCsv(event: Event): void {
  const link = event.currentTarget as Element;
  const table = csvOf.get(link);
  if (!table) return;
  csvOf.delete(link);
  link.setAttribute('href', csvUrl(table));
}

export function csvLink(link: Element, table: TableModel): void {
  csvOf.set(link, table);
  link.setAttribute('href', '#');
  if (link.hasAttribute('data-filter-csv')) return;
  link.setAttribute('data-filter-csv', '');
  for (const type of CSV_EVENTS) link.addEventListener(type, makeCsv);
}

/** The files of the previous update's links, released when the page is written again. */
export function revokeCsvUrls(): void {
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
}
