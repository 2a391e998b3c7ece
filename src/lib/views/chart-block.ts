/** A chart with the numbers behind it as a table (its page cells formatted, its CSV rounded), built from the chart's own table. */
import { formatTable } from '../charts/table-format.ts';
import type { ChartOutput } from '../charts/types.ts';
import type { Formatter } from '../format/index.ts';
import { csvDigits, roundTo } from './csv-digits.ts';
import type { TableModel } from './table.ts';

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
  /**
   * Printed (a board pack), its data table prints under the chart: paper cannot open the table or point at a
   * bar, and a chart labels only some of its figures (a trend its ends, the forecast its amounts, not the
   * weighted ones), told apart by shade on grey paper. Not for a table longer than PRINTED_CHART_TABLE_ROWS
   * (the chart alone, the CSV has the rest), nor where the page prints the same figures in a table of its own
   * (the trends), nor a table wider than a page (the forecast's attainment and accuracy: pages/forecast.ts).
   * tests/browser/not-by-sight.test.ts checks every printed chart table fits an A4 page.
   */
  printTable: boolean;
}

/** A chart's data table prints with it up to this many rows (a year of months): more would outgrow the chart's page. */
export const PRINTED_CHART_TABLE_ROWS = 12;

/** The ids or codes behind a chart table's rows (stage ids, reason codes), for its CSV. */
export interface RowKeys {
  header: string;
  values: readonly (string | null)[];
}

/**
 * A chart with the numbers behind it as a table: formatted for the page; for
 * the CSV, rounded to what the page shows, with the rows' ids or codes
 * (`keys`) as a first column beside the words. The table says what the chart
 * says: with nothing to draw, a chart's takeaway is why (its `noData`
 * sentence, or the page's own reason).
 */
export function chartBlock(id: string, chart: ChartOutput, f: Formatter, unavailable = false, keys?: RowKeys): ChartBlock {
  const { headers, kinds, rows } = chart.table;
  const withKeys = keys !== undefined && keys.values.length === rows.length;
  // The page's cells of days carry their unit ('39 days'), the CSV's are bare numbers: its header names the unit.
  const csvHeaders = headers.map((label, i) => (kinds[i] === 'days' ? f.inDays(label) : label));
  const table: TableModel = {
    id,
    caption: chart.title,
    // A chart's table: a row per bar, stage, month or reason, named by its first column.
    rowHeader: true,
    // A month ('Dec 2026') or a date keeps its line, and on a phone its column no more room than it needs (Column `keepLine`).
    headers: headers.map((label, i) => {
      const calendar = kinds[i] === 'month' || kinds[i] === 'date';
      return { label, numeric: kinds[i] !== 'text' && !calendar, ...(calendar ? { keepLine: true } : {}) };
    }),
    rows: [],
    csv: { headers: withKeys ? [keys.header, ...csvHeaders] : csvHeaders, rows: [] },
    truncated: 0,
    empty: chart.takeaway,
  };
  // The rows, formatted for the page and rounded for the CSV, are worked out when first read: a filtered page
  // fills a chart's table only when it is opened.
  let cells: TableModel['rows'] | undefined;
  let csv: TableModel['csv'] | undefined;
  Object.defineProperty(table, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (cells) return cells;
      const texts = formatTable(chart.table, f);
      return (cells = rows.map((row, r) => row.map((raw, i) => ({ text: texts[r]![i]!, sort: raw ?? '' }))));
    },
  });
  Object.defineProperty(table, 'csv', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (csv) return csv;
      const digits = kinds.map((k) => csvDigits(k, f.currency));
      const csvRows = rows.map((row, r) => {
        const rounded = row.map((raw, i) => roundTo(raw, digits[i]));
        return withKeys ? [keys.values[r] ?? null, ...rounded] : rounded;
      });
      return (csv = { headers: withKeys ? [keys.header, ...csvHeaders] : csvHeaders, rows: csvRows });
    },
  });
  return { id, unavailable, chart, table, printTable: !unavailable && rows.length > 0 && rows.length <= PRINTED_CHART_TABLE_ROWS };
}
