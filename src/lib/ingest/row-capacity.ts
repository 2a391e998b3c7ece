/** How many rows a source holds (table.ts), for allocating typed columns once. */
import { headOf } from './decode.ts';
import { isRowsSource, type TableSource } from './table.ts';

/** Rows a source can hold at most (a CSV row takes at least ~14 bytes): for allocating columns once. */
export function rowCapacity(source: TableSource): number {
  return isRowsSource(source) ? source.length : Math.ceil(source.size / 14);
}

/** Bytes of a file's start whose lines `rowEstimate` measures. */
const ESTIMATE_BYTES = 64 * 1024;

/**
 * Rows a source likely holds, for columns that grow past it if they must: a file's size over the mean
 * length of the lines of its first bytes, with a tenth more (at most `rowCapacity`). Columns allocated
 * for the most rows a file can hold were three times too long for a usual history file, and cutting
 * them to the rows read before sending them to another thread cost a copy (~0.1 s at a million rows).
 */
export function rowEstimate(source: TableSource): number {
  if (isRowsSource(source)) return source.length;
  const head = headOf(source, ESTIMATE_BYTES);
  let lines = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0x0a) lines++;
  // The whole file: its lines (the header's among them) and a last one without a line end.
  if (head.length >= source.size) return lines + 1;
  if (lines < 2) return rowCapacity(source);
  return Math.min(rowCapacity(source), Math.ceil(((source.size / head.length) * lines * 11) / 10) + 64);
}
