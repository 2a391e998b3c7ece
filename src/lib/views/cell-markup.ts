/**
 * How a table's body cell is marked up: the same for the page as built
 * (DataTable.astro) and for a filtered page's table rewritten in the browser
 * (filters/dom.ts), so the two cannot drift apart.
 */
import { otherLang, sentenceLang } from '../format/text-lang.ts';
import type { Locale } from '../i18n/locales.ts';
import { type Cell, sortKey, type TableModel } from './table.ts';

export interface CellMarkup {
  /** The cell naming the row (the model's choice, `rowHeader`) is its header, read out with each of the row's cells. */
  header: boolean;
  className: string | undefined;
  /** A name in the other language than the page's, for a screen reader's voice (text-lang.ts). */
  lang: Locale | undefined;
  sort: string | undefined;
  /** The cell's second line on a phone (Cell `detail`), drawn by site.css from `data-detail`. */
  detail: string | undefined;
}

export function cellMarkup(table: Pick<TableModel, 'headers' | 'rowHeader'>, cell: Cell, i: number, page: Locale): CellMarkup {
  const h = table.headers[i];
  return {
    header: table.rowHeader && i === 0,
    className: [h?.numeric && 'num', h?.wide && 'wide', h?.phrase && 'phrase', h?.keepLine && 'keep-line', h?.fill && 'fill', cell.tone, cell.fileName && 'file-name'].filter(Boolean).join(' ') || undefined,
    // A wide column holds the page's sentences (messages, why a deal is stalled), a name in any other.
    lang: h?.numeric ? undefined : h?.wide ? sentenceLang(cell.text, page) : otherLang(cell.text, page),
    sort: sortKey(cell),
    detail: cell.detail,
  };
}

/**
 * A code or id joined by hyphens ('CNC-5X', 'ROBOT-ARM', 'D-00001', 'SO-2024-0012'): Latin letters and digits, with
 * no lower-case letter or with a digit, so that a hyphenated word ('Close-date', 'Worthington-Smythe') is not one;
 * at most 12 characters, which fit a phone's first column. Not inside a longer run of letters, digits and hyphens.
 */
const CODE = /(?<![A-Za-z0-9-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9-])/g;
const MAX_CODE = 12;
const isCode = (s: string) => s.length <= MAX_CODE && (!/[a-z]/.test(s) || /\d/.test(s));

/**
 * A cell's text in runs, the codes in it at odd places ('한빛중공업 아산공장 ', 'CNC-5X', ' 증설'), or null when it
 * has none (almost every cell: only text with a '-' is searched). The page wraps each code in a span that keeps it on
 * one line (site.css `.code`), where a narrow cell broke it after its hyphen ('CNC-' / '5X'); the text itself is
 * left as it is, so what is copied from the page, searched in it and downloaded as CSV has the real hyphen (a
 * no-break hyphen, U+2011, would be copied and not match the code in the CRM).
 */
export function codeRuns(text: string): string[] | null {
  if (!text.includes('-')) return null;
  let runs: string[] | null = null;
  let from = 0;
  for (const m of text.matchAll(CODE)) {
    if (!isCode(m[0])) continue;
    (runs ??= []).push(text.slice(from, m.index), m[0]);
    from = m.index + m[0].length;
  }
  if (runs) runs.push(text.slice(from));
  return runs;
}
