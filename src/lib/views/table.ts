/**
 * Table models: what a page table shows (formatted cells, sort keys, links)
 * and what its CSV download holds (raw values), built from one column list
 * so the two can never disagree.
 */
import { roundTo } from './csv-digits.ts';

export type Raw = string | number | null;

export interface Cell {
  text: string;
  /** Sort key for the progressive-enhancement sorter (numbers sort numerically); rendered as `sortKey` says. */
  sort: string | number;
  href?: string;
  /** Extra class for the cell, e.g. 'flag' or 'bad'; 'total' for a totals row. */
  tone?: 'good' | 'bad' | 'muted' | 'total';
  /**
   * What a 'good' or 'bad' tone means, in words ('past due', '목표 달성'), where the cell's text does not say it:
   * for a reader who cannot see the colour (a screen reader, grey paper). Visually hidden on screen, printed.
   */
  note?: string;
  /**
   * The sign of a noted cell's tone that the screen shows before its text (TONE_MARKS: '✓' target met, '⚠︎' past
   * due), so that colour is never the only cue on screen; not read out, not copied, not printed (the note is).
   */
  mark?: string;
  /** A file's name: it breaks only after a '_', '-' or '/' (`fileNameParts`), never inside a word of it ('stage_his' / 'tory.csv'). */
  fileName?: true;
  /** Column `detail`: a second line under the text, on a phone only. */
  detail?: string;
}

export interface TableModel {
  /** Unique within a page and locale: the CSV file is `tables/<id>.csv`. */
  id: string;
  caption: string;
  /**
   * Its first column names the row (a deal, a stage, an owner, a month, a file): the page renders that cell as a
   * row header (`<th scope="row">`), so a screen reader announces it with every other cell of the row. False for
   * a table whose first column only sorts its rows into groups (the data-quality issues' file).
   */
  rowHeader: boolean;
  headers: { label: string; numeric: boolean; wide?: boolean; phrase?: boolean; keepLine?: boolean; fill?: boolean }[];
  rows: Cell[][];
  csv: { headers: string[]; rows: Raw[][] };
  /** Rows left out of the HTML (kept in the CSV), for very long tables. */
  truncated: number;
  /**
   * A long list a reader scans for its biggest rows (What changed's): the page shows its first `fold` rows, says
   * how many more there are, and puts the whole table (every HTML row) behind a native "Show all N" disclosure
   * (DataTable.astro), so a phone scrolls past 10 rows, not 71, and no row is hidden silently. Unset: every row.
   */
  fold?: number;
  /** Total rows at the end of the HTML rows (TableOptions `totals`), which the CSV has not. */
  totalRows?: number;
  /**
   * Its first four columns are what a reader needs at a glance (a deal list's
   * deal, amount and the two columns that answer the list's question: the
   * forecast's category and close date, an owner's stage and expected close,
   * what changed; the Stalled page's lists' one sentence, why (which says the
   * days in stage) or the warning signs, filling the rest: Column `fill`): on
   * a phone they fit without scrolling
   * sideways (their headers and text wrap, site.css `.compact`), and every
   * header wraps rather than widening the table.
   */
  compact?: boolean;
  /**
   * What the table says when it has no rows: why nothing is listed and, where
   * it helps, what data would fill it. Every table has its own sentence (there
   * is no generic "no data" text to fall back to); NEVER_EMPTY only for a
   * table whose rows can never be none. An empty table offers no CSV download.
   */
  empty: string;
}

/**
 * `empty` of a table whose rows can never be none: a fixed list of figures
 * (velocity inputs, stage moves), the config's stages (it has an open and a
 * won stage), the files read (deals.csv at least), or a table a page makes
 * only when it has rows. Nothing to say, as it is never shown
 * (tests/unit/views/empty-tables.test.ts checks such tables have rows).
 */
export const NEVER_EMPTY = '';

/** What a table says when empty, and how many rows its HTML shows at most (default MAX_HTML_ROWS). */
export interface TableOptions<R = unknown> {
  empty: string;
  maxRows?: number;
  /** TableModel `compact`. */
  compact?: boolean;
  /** TableModel `rowHeader`: default true, as almost every table's first column names its row. */
  rowHeader?: boolean;
  /**
   * Rows shown after the others in the page only (a list's total row, its
   * cells in the 'total' tone, which the sorter keeps last): not in the CSV,
   * whose rows are the list itself.
   */
  totals?: readonly R[];
  /** TableModel `fold`: the rows shown before "Show all N", when the table has more than FOLD_MIN_HIDDEN more. */
  fold?: number;
}

/**
 * A folded table (TableOptions `fold`) folds only when at least this many rows would be behind "Show all": one or two
 * rows more take less room than the disclosure that would hide them.
 */
export const FOLD_MIN_HIDDEN = 3;

/**
 * The rows a long list shows before "Show all N" (TableOptions `fold`): a phone reads the first rows (What changed's
 * biggest changes, the repurchases coming back first) and opens the rest on demand (71 new deals in full made the
 * What changed page 23,000 px tall; the sample's repurchase schedule has 321 rows).
 */
export const LIST_TOP = 10;

export interface Column<R> {
  label: string;
  /**
   * The CSV's header when it needs more than the page's: the unit of a column whose CSV cells are bare numbers
   * and whose page cells carry it ('Median (days)': 39, over the page's 'Median': '39 days'; Formatter `inDays`).
   */
  csvLabel?: string;
  numeric?: boolean;
  /** Needs room (free text such as flags or messages). */
  wide?: boolean;
  /**
   * A short phrase of a few words (a status: 'Due within 12 months', '재구매 시점 경과'): in a compact table's key
   * columns on a phone it keeps two words to a line (site.css `.phrase`), where the table would otherwise narrow
   * it to its longest word, one word a line.
   */
  phrase?: boolean;
  /**
   * A figure with its unit after a space ('619 days'): one line, even in a compact table's key columns on a phone,
   * which otherwise wrap ('619' / 'days'). Not every numeric column: a missing amount's words ('No amount') wrap.
   * A chart table's month column has it too ('Dec 2026', `chartBlock`): as the first column on a phone, one line and
   * no wider than its months, rather than the first column's minimum width (site.css).
   */
  keepLine?: boolean;
  /**
   * Free text that, as a compact table's third column, takes the rest of a phone's width after the first column and
   * a short figure (the Stalled lists' why, the not-yet-stalled deals' warning signs, after the deal and its amount:
   * site.css `.fill`), where a key column
   * would otherwise keep the minimum width a wide one has there and wrap its sentence a word or two a line.
   */
  fill?: boolean;
  value: (row: R) => Raw;
  /**
   * The value is an id or code shown as words (a stage id as its label): the
   * CSV then has two columns, this header with the id, then `label` with the
   * words the page shows.
   */
  csvId?: string;
  /** Decimals the CSV keeps of a number: what the page shows (see csv-digits.ts `csvDigits`). */
  digits?: number;
  /** Only in the CSV (a figure the page folds into another column's text). */
  csvOnly?: boolean;
  /** Only in the page (one cell of what the CSV has in csvOnly columns of their own: 'Proposal → Negotiation'). */
  pageOnly?: boolean;
  /** Display text; default: the raw value as text (empty for null). */
  text?: (row: R) => string;
  /** The cell's sort key when the raw value does not sort as the column should (a category in its order, as a rank); default the raw value. */
  sort?: (row: R) => string | number;
  href?: (row: R) => string | undefined;
  tone?: (row: R) => Cell['tone'];
  /** Cell `note`: what the tone says, when the text alone does not. */
  note?: (row: R) => string | undefined;
  /** Its cells are file names (Cell `fileName`). */
  fileName?: boolean;
  /**
   * A compact table's first column: a second line under the row's name on a phone (a stalled deal's owner and
   * forecast category), what the columns past the four a phone shows say, so a review reads whose deal it is
   * without scrolling sideways. Hidden on wider screens, where those columns show, and from screen readers,
   * which read those columns with the row; not the cell's text (site.css `[data-detail]`).
   */
  detail?: (row: R) => string | undefined;
}

/**
 * The visible sign of a noted cell (Cell `mark`), by its tone: short enough for a phone's narrow column, the same in
 * both languages. U+FE0E asks for the text glyph, not a coloured emoji.
 */
export const TONE_MARKS: Partial<Record<NonNullable<Cell['tone']>, string>> = { good: '✓', bad: '⚠\uFE0E' };

/** A date, month or period as the data writes it (2026-06-30, 2026-06, 2026-Q2, 2026): in code-point order, it is in time order. */
const CHRONOLOGICAL = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;

/**
 * The `data-sort` a cell carries for the table sorter (public/sort-tables.js), or none: a number (it sorts
 * numerically), or a date, month or period (its displayed text, "Apr 2027" or "Dec 31, 2025", would sort
 * alphabetically). Other cells sort by their text.
 */
export function sortKey(cell: Pick<Cell, 'sort'>): string | undefined {
  if (typeof cell.sort === 'number') return Number.isFinite(cell.sort) ? String(cell.sort) : undefined;
  return CHRONOLOGICAL.test(cell.sort) ? cell.sort : undefined;
}

/**
 * A file's name in the pieces a line may break between: after each '_', '-' or '/' ('stage_' 'history.csv'),
 * after a dot before the extension's in its last part ('pipeline.' 'config.json'), and between the words of a
 * name written in CamelCase ('Opportunity' 'Field' 'History.csv', Salesforce's object files), so a narrow
 * column breaks it where a reader expects, and never before its extension.
 */
export function fileNameParts(name: string): string[] {
  return name.split(/(?<=[_\-/])(?=.)|(?<=[^./]\.)(?=[^./]+\.[^/]+$)|(?<=\p{Ll})(?=\p{Lu})/u);
}

/** At most this many rows in the HTML of one table; the CSV has all. */
export const MAX_HTML_ROWS = 500;

/**
 * A column a compact table shows later on the page than the CSV has it (the
 * key columns first on a phone, the CSV's columns in their order): its
 * `csvOnly` copy where the CSV has it, and its `pageOnly` copy where the page
 * shows it.
 */
export function movedOnPage<R>(column: Column<R>): { csv: Column<R>; page: Column<R> } {
  return { csv: { ...column, csvOnly: true }, page: { ...column, pageOnly: true } };
}

export function table<R>(id: string, caption: string, columns: Column<R>[], rows: readonly R[], { empty, maxRows = MAX_HTML_ROWS, totals = [], compact = false, rowHeader = true, fold }: TableOptions<R>): TableModel {
  const shown = [...rows.slice(0, maxRows), ...totals];
  const html = columns.filter((c) => !c.csvOnly);
  const model: TableModel = {
    id,
    caption,
    rowHeader,
    headers: html.map((c) => ({ label: c.label, numeric: c.numeric ?? false, wide: c.wide ?? false, ...(c.phrase ? { phrase: true } : {}), ...(c.keepLine ? { keepLine: true } : {}), ...(c.fill ? { fill: true } : {}) })),
    rows: shown.map((r) =>
      html.map((c) => {
        const raw = c.value(r);
        const cell: Cell = { text: c.text ? c.text(r) : raw === null ? '' : String(raw), sort: c.sort ? c.sort(r) : (raw ?? '') };
        const href = c.href?.(r);
        if (href) cell.href = href;
        const tone = c.tone?.(r);
        if (tone) cell.tone = tone;
        const note = c.note?.(r);
        if (note) {
          cell.note = note;
          const mark = tone && TONE_MARKS[tone];
          if (mark) cell.mark = mark;
        }
        if (c.fileName) cell.fileName = true;
        const detail = c.detail?.(r);
        if (detail) cell.detail = detail;
        return cell;
      }),
    ),
    csv: { headers: [], rows: [] },
    truncated: rows.length - Math.min(rows.length, maxRows),
    empty,
  };
  if (totals.length > 0) model.totalRows = totals.length;
  if (compact) model.compact = true;
  if (fold !== undefined && Math.min(rows.length, maxRows) - fold >= FOLD_MIN_HIDDEN) model.fold = fold;
  // Every row's CSV values are worked out when first read: a page that never offers the download (a filtered
  // page before its link is used) never pays for them.
  const all = rows.slice();
  const inCsv = columns.filter((c) => !c.pageOnly);
  let csv: TableModel['csv'] | undefined;
  Object.defineProperty(model, 'csv', {
    enumerable: true,
    configurable: true,
    get: () =>
      (csv ??= {
        headers: inCsv.flatMap((c) => (c.csvId === undefined ? [c.csvLabel ?? c.label] : [c.csvId, c.label])),
        rows: all.map((r) =>
          inCsv.flatMap((c): Raw[] => {
            const raw = c.value(r);
            if (c.csvId === undefined) return [roundTo(raw, c.digits)];
            return [raw, c.text ? c.text(r) : raw === null ? '' : String(raw)];
          }),
        ),
      }),
  });
  return model;
}
