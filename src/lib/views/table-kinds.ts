/**
 * Tables of a common shape, made with `table`: two columns of named figures,
 * named counts with amounts, and the mark a table's medians of too few values
 * carry.
 */
import type { Formatter } from '../format/index.ts';
import { NEVER_EMPTY, table, type Raw, type TableModel, type TableOptions } from './table.ts';
import { moneyDigits, roundTo } from './csv-digits.ts';

/**
 * Mark the cells of `columns` in each row whose count (raw cell at
 * `countColumn`) is above 0 and below `min`: a median or percentile of so
 * few values is shown with `mark` appended, muted. Returns whether any was.
 */
export function markFewValues(t: TableModel, countColumn: number, columns: readonly number[], min: number, mark: string): boolean {
  let marked = false;
  t.rows.forEach((row, r) => {
    const count = t.csv.rows[r]?.[countColumn];
    if (typeof count !== 'number' || count <= 0 || count >= min) return;
    for (const c of columns) {
      const cell = row[c];
      if (!cell || cell.text === '' || cell.text === '—') continue;
      cell.text += mark;
      cell.tone = 'muted';
      marked = true;
    }
  });
  return marked;
}

export interface Figure {
  label: string;
  /** The CSV's name of the figure, when its bare number needs the unit the page's `text` carries ('Mean won cycle (days)'). */
  csvLabel?: string;
  value: Raw;
  text: string;
  /** Decimals the CSV keeps (what `text` shows). */
  digits?: number;
}

/** A two-column table of named figures (velocity inputs, slippage): a fixed list, never empty. */
export function figuresTable(id: string, caption: string, headers: [string, string], figures: readonly [Figure, ...Figure[]]): TableModel {
  return table(
    id,
    caption,
    [
      { label: headers[0], value: (r: Figure) => r.csvLabel ?? r.label, text: (r: Figure) => r.label },
      { label: headers[1], numeric: true, value: (r: Figure) => roundTo(r.value, r.digits), text: (r: Figure) => r.text },
    ],
    figures,
    { empty: NEVER_EMPTY },
  );
}

export interface CountAmount {
  label: string;
  /** null: not known from this data ("—", an empty CSV cell), never a 0. */
  count: number | null;
  amount: number | null;
}

/** Named rows with a deal count and an amount (win/loss summary, stage moves, changes by kind). */
export function countAmountTable(
  id: string,
  caption: string,
  headers: [string, string, string],
  f: Formatter,
  rows: readonly CountAmount[],
  options: TableOptions<CountAmount>,
): TableModel {
  return table(
    id,
    caption,
    [
      { label: headers[0], value: (r: CountAmount) => r.label },
      { label: headers[1], numeric: true, value: (r: CountAmount) => r.count, text: (r: CountAmount) => f.count(r.count) },
      // Compact on the page, as the tiles and deal lists beside it ('₩18.9B', '188.8억원'); exact in the CSV.
      { label: headers[2], numeric: true, value: (r: CountAmount) => r.amount, text: (r: CountAmount) => f.moneyCompact(r.amount), digits: moneyDigits(f.currency) },
    ],
    rows,
    options,
  );
}
