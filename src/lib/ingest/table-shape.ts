/**
 * A record's shape against its header (table.ts): how many cells rows are
 * checked against, where the header's names end, and a header repeated as a
 * row, in its own order or another. Apart from table.ts's reading loop,
 * which calls them per record.
 */
import { isTrimSpace } from './csv.ts';
import type { CsvRecord } from './csv-record.ts';
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

/**
 * A header's names as `headerOrder` looks for them: the first character (lower case) of each, and the first two of
 * those that start in ASCII. Every row of a file is looked up here, so ASCII pairs are a table (one typed-array read
 * a row; two Set lookups were ~17 ms of a million-row stage history).
 */
export class HeaderNames {
  /** Every name's first character. */
  private readonly firsts = new Set<number>();
  /** ASCII pairs by `a * 129 + b` (b 128: a one-character name); pairs whose second character is beyond ASCII, in `widePairs`. */
  private readonly asciiPairs = new Uint8Array(128 * 129);
  private readonly widePairs = new Set<number>();
  readonly names: readonly string[];

  constructor(names: readonly string[]) {
    this.names = names;
    for (const name of names) {
      if (name === '') continue;
      const a = name.charCodeAt(0);
      this.firsts.add(a);
      if (a < 128) {
        const b = name.length > 1 ? name.charCodeAt(1) : -1;
        if (b < 128) this.asciiPairs[a * 129 + (b === -1 ? 128 : b)] = 1;
        else this.widePairs.add(a * 0x10000 + b);
      }
    }
  }

  /** Whether a first cell starting with `first` (lower case) may be one of the names. */
  mayStart(first: number): boolean {
    return this.firsts.has(first);
  }

  /** Whether a first cell starting with ASCII `a` then `b` (both lower case; -1: none) may be one of the names. */
  mayStartWith(a: number, b: number): boolean {
    return b < 128 ? this.asciiPairs[a * 129 + (b === -1 ? 128 : b)] === 1 : this.widePairs.has(a * 0x10000 + b);
  }
}

/** A line that repeats the header: for each of its columns, the cell holding it (-1: none); the cells that name none. */
export interface HeaderLine {
  order: Int32Array;
  /** Cells, not blank, with a name the header lacks or has already given (a column added, or written twice). */
  unknown: number[];
}

/**
 * Whether `record` is a header of the same columns (two exports joined into
 * one file): its first cell one of the header's names, in any case, and its
 * other cells too but for fewer others than half as many as it has names (a
 * column the second export added, or wrote twice), in any order, a blank
 * cell naming nothing. Null for an ordinary row.
 * Nearly every row differs in its first two characters (any case), checked
 * without trimming: after an ASCII one the second is the name's second, whose
 * own lower case starts there (a name is never shorter than the cell it matches).
 */
export function headerOrder(record: CsvRecord, header: HeaderNames): HeaderLine | null {
  const { names } = header;
  if (names.length < 2) return names.length === 1 ? oneNameAgain(record, names[0]!) : null;
  const first = record.firstCode(0);
  if (first !== -1 && !isTrimSpace(first)) {
    if (first < 128) {
      const b = record.firstCode(0, 1);
      if (!header.mayStartWith(lowerCode(first), b === -1 ? -1 : lowerCode(b))) return null;
    } else if (!header.mayStart(lowerCode(first))) return null;
  }
  const order = new Int32Array(names.length).fill(-1);
  const unknown: number[] = [];
  let named = 0;
  for (let i = 0; i < record.length; i++) {
    record.range(i);
    if (record.rangeEnd === record.rangeStart) continue;
    // A name written twice in the header (`duplicate_column`) names its columns in turn.
    let j = 0;
    while (j < names.length && (order[j] !== -1 || names[j] === '' || !rangeIsLower(record.rangeSrc, record.rangeStart, record.rangeEnd, names[j]!))) j++;
    if (j === names.length) {
      if (named === 0) return null;
      unknown.push(i);
    } else {
      order[j] = i;
      named++;
    }
  }
  return named >= 2 && unknown.length * 2 < named ? { order, unknown } : null;
}

/**
 * A one-column file's header again (`account_id` under `account_id`, two exports of accounts.csv joined): the line
 * is that name alone. No id is its own column's name, so the line is not read as an account named so.
 */
function oneNameAgain(record: CsvRecord, name: string): HeaderLine | null {
  if (name === '' || record.length !== 1) return null;
  record.range(0);
  return rangeIsLower(record.rangeSrc, record.rangeStart, record.rangeEnd, name) ? { order: Int32Array.of(0), unknown: [] } : null;
}

/** Whether the line is the header as it is: every named column where the header has it, and no other. */
export function sameOrder(line: HeaderLine, names: readonly string[]): boolean {
  if (line.unknown.length > 0) return false;
  for (let j = 0; j < names.length; j++) if (names[j] !== '' && line.order[j] !== j) return false;
  return true;
}

/** Below a header repeated in another order: for each of the first header's columns, the cell holding it (-1: none), and back. */
export interface Reordered {
  order: Int32Array;
  width: number;
  columnOf: Int32Array;
}

/** The reading of the rows below a header of `width` cells whose `order` is `headerOrder`'s. */
export function reorderedBy(order: Int32Array, width: number): Reordered {
  const columnOf = new Int32Array(width).fill(-1);
  order.forEach((cell, j) => {
    if (cell >= 0) columnOf[cell] = j;
  });
  return { order, width, columnOf };
}

/** The first header's column a record's cell is read as. */
export function columnAt(reordered: Reordered | null, cell: number): number {
  return reordered === null ? cell : (reordered.columnOf[cell] ?? -1);
}
