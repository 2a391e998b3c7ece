/**
 * A record's shape against its header (table.ts): how many cells rows are
 * checked against, where the header's names end, and a header repeated as a
 * row. Apart from table.ts's reading loop, which calls them per record.
 */
import { type CsvRecord, isTrimSpace } from './csv.ts';
import { lowerCode, rangeIsLower } from './text-range.ts';

/** Up to the header's last named column (`width` when checked, else 0): values after it have no name (`unnamed_values`). */
export function namedWidth(names: readonly string[], width: number): number {
  if (width === 0) return 0;
  let n = names.length;
  while (n > 0 && names[n - 1] === '') n--;
  return n;
}

/** The first cell from `from` on that is not blank. */
export function firstValueFrom(record: CsvRecord, from: number): number {
  let i = from;
  while (i < record.length - 1 && record.cell(i) === '') i++;
  return i;
}

/** The cell count a header's records are checked against: its names', or 0 for one with fewer than two (a report's title, say). */
export function headerWidth(names: readonly string[]): number {
  return names.filter((n) => n !== '').length > 1 ? names.length : 0;
}

/** Whether `record` is the header again (two exports joined into one file), cell for cell in any case, as its `names` are matched. */
export function repeatsHeader(record: CsvRecord, names: readonly string[]): boolean {
  if (names.length < 2 || record.length !== names.length) return false;
  // Nearly every row differs in its first two characters (any case): no trimming for those. After an ASCII one, the second
  // is the name's second, whose own lower case starts there (a name is never shorter than the cell it matches).
  const first = record.firstCode(0);
  if (first !== -1 && !isTrimSpace(first)) {
    const name = names[0]!;
    if (lowerCode(first) !== name.charCodeAt(0)) return false;
    if (first < 128 && name.length > 1 && lowerCode(record.firstCode(0, 1)) !== name.charCodeAt(1)) return false;
  }
  for (let i = 0; i < names.length; i++) {
    record.range(i);
    if (!rangeIsLower(record.rangeSrc, record.rangeStart, record.rangeEnd, names[i]!)) return false;
  }
  return true;
}
