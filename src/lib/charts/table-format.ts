/**
 * Chart tables' cells as text for a page (no drawing: the site's tables and
 * CSV files use these without loading Plot or a DOM).
 */
import type { ChartFormat, ChartTable, ColumnKind } from './types.ts';

/** Appended to a median or percentile of too few values (the page's note explains it). */
export const ROUGH_MARK = '*';

/** A number formatted for its column kind (compact money when asked); other kinds as plain text. */
export function formatNumber(fmt: ChartFormat, kind: ColumnKind, v: number, compactMoney = false): string {
  switch (kind) {
    case 'money':
      return compactMoney ? fmt.moneyCompact(v) : fmt.money(v);
    case 'perDay':
      return fmt.perDay(v);
    case 'count':
      return fmt.count(v);
    case 'percent':
      return fmt.percent(v);
    case 'days':
      return fmt.days(v);
    default:
      return String(v);
  }
}

/** Format a chart table's raw cells with the page's formatter (for an HTML table). */
export function formatTable(table: ChartTable, fmt: ChartFormat): string[][] {
  const cell = (v: string | number | null, kind: ColumnKind): string => {
    if (v === null) return kind === 'percent' ? fmt.percent(null) : kind === 'days' ? fmt.days(null) : '';
    if (typeof v === 'string') {
      if (kind === 'month' && /^\d{4}-\d{2}$/.test(v)) return fmt.month(v);
      return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmt.date(v) : v;
    }
    return formatNumber(fmt, kind, v);
  };
  return table.rows.map((row) => row.map((v, i) => cell(v, table.kinds[i] ?? 'text')));
}
