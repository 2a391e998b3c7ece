/**
 * How a table's body cell is marked up: the same for the page as built
 * (DataTable.astro) and for a filtered page's table rewritten in the browser
 * (filters/dom.ts), so the two cannot drift apart.
 */
import { otherLang } from '../format/text-lang.ts';
import type { Locale } from '../i18n/locales.ts';
import { type Cell, sortKey, type TableModel } from './table.ts';

export interface CellMarkup {
  /** The cell naming the row (the model's choice, `rowHeader`) is its header, read out with each of the row's cells. */
  header: boolean;
  className: string | undefined;
  /** A name in the other language than the page's, for a screen reader's voice (text-lang.ts). */
  lang: Locale | undefined;
  sort: string | undefined;
}

export function cellMarkup(table: Pick<TableModel, 'headers' | 'rowHeader'>, cell: Cell, i: number, page: Locale): CellMarkup {
  const h = table.headers[i];
  return {
    header: table.rowHeader && i === 0,
    className: [h?.numeric && 'num', h?.wide && 'wide', h?.phrase && 'phrase', h?.keepLine && 'keep-line', h?.fill && 'fill', cell.tone, cell.fileName && 'file-name'].filter(Boolean).join(' ') || undefined,
    lang: h?.numeric ? undefined : otherLang(cell.text, page),
    sort: sortKey(cell),
  };
}
