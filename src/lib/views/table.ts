/**
 * Table models: what a page table shows (formatted cells, sort keys, links)
 * and what its CSV download holds (raw values), built from one column list
 * so the two can never disagree.
 */
import { type ChartOutput, formatTable } from '../charts/index.ts';
import type { Formatter } from '../format/index.ts';

export type Raw = string | number | null;

export interface Cell {
  text: string;
  /** Sort key for the progressive-enhancement sorter (numbers sort numerically). */
  sort: string | number;
  href?: string;
  /** Extra class for the cell, e.g. 'flag' or 'bad'. */
  tone?: 'good' | 'bad' | 'muted';
}

export interface TableModel {
  /** Unique within a page and locale: the CSV file is `tables/<id>.csv`. */
  id: string;
  caption: string;
  headers: { label: string; numeric: boolean; wide?: boolean }[];
  rows: Cell[][];
  csv: { headers: string[]; rows: Raw[][] };
  /** Rows left out of the HTML (kept in the CSV), for very long tables. */
  truncated: number;
}

export interface Column<R> {
  label: string;
  numeric?: boolean;
  /** Needs room (free text such as flags or messages). */
  wide?: boolean;
  value: (row: R) => Raw;
  /** Display text; default: the raw value as text (empty for null). */
  text?: (row: R) => string;
  href?: (row: R) => string | undefined;
  tone?: (row: R) => Cell['tone'];
}

/** At most this many rows in the HTML of one table; the CSV has all. */
export const MAX_HTML_ROWS = 500;

export function table<R>(id: string, caption: string, columns: Column<R>[], rows: readonly R[], maxRows = MAX_HTML_ROWS): TableModel {
  const shown = rows.slice(0, maxRows);
  return {
    id,
    caption,
    headers: columns.map((c) => ({ label: c.label, numeric: c.numeric ?? false, wide: c.wide ?? false })),
    rows: shown.map((r) =>
      columns.map((c) => {
        const raw = c.value(r);
        const cell: Cell = { text: c.text ? c.text(r) : raw === null ? '' : String(raw), sort: raw ?? '' };
        const href = c.href?.(r);
        if (href) cell.href = href;
        const tone = c.tone?.(r);
        if (tone) cell.tone = tone;
        return cell;
      }),
    ),
    csv: { headers: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => c.value(r))) },
    truncated: rows.length - shown.length,
  };
}

export interface ChartBlock {
  id: string;
  chart: ChartOutput;
  table: TableModel;
  /**
   * Nothing can be drawn from this data (e.g. the export has no stage
   * history): the page shows the title and the takeaway, which says why and
   * what to add, instead of the chart and its table.
   */
  unavailable: boolean;
}

/** A chart with the numbers behind it as a table (formatted for the page, raw for the CSV). */
export function chartBlock(id: string, chart: ChartOutput, f: Formatter, unavailable = false): ChartBlock {
  const texts = formatTable(chart.table, f);
  const { headers, kinds, rows } = chart.table;
  return {
    id,
    unavailable,
    chart,
    table: {
      id,
      caption: chart.title,
      headers: headers.map((label, i) => ({ label, numeric: kinds[i] !== 'text' && kinds[i] !== 'month' })),
      rows: rows.map((row, r) => row.map((raw, i) => ({ text: texts[r]![i]!, sort: raw ?? '' }))),
      csv: { headers, rows },
      truncated: 0,
    },
  };
}

export interface Figure {
  label: string;
  value: Raw;
  text: string;
}

/** A two-column table of named figures (velocity inputs, slippage). */
export function figuresTable(id: string, caption: string, headers: [string, string], figures: readonly Figure[]): TableModel {
  return table(
    id,
    caption,
    [
      { label: headers[0], value: (r: Figure) => r.label },
      { label: headers[1], numeric: true, value: (r: Figure) => r.value, text: (r: Figure) => r.text },
    ],
    figures,
  );
}

export interface CountAmount {
  label: string;
  count: number;
  amount: number;
}

/** Named rows with a deal count and an amount (win/loss summary, stage moves). */
export function countAmountTable(
  id: string,
  caption: string,
  headers: [string, string, string],
  f: Formatter,
  rows: readonly CountAmount[],
): TableModel {
  return table(
    id,
    caption,
    [
      { label: headers[0], value: (r: CountAmount) => r.label },
      { label: headers[1], numeric: true, value: (r: CountAmount) => r.count, text: (r: CountAmount) => f.count(r.count) },
      { label: headers[2], numeric: true, value: (r: CountAmount) => r.amount, text: (r: CountAmount) => f.money(r.amount) },
    ],
    rows,
  );
}
