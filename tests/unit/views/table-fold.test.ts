/** How a table lays out on its page (views/table-fold.ts, DataTable.astro): long tables, and a folded table's first rows and counts. */
import { describe, expect, it } from 'vitest';
import { isLongTable, LONG_TABLE_ROWS, tableFold } from '../../../src/lib/views/table-fold.ts';
import type { Cell } from '../../../src/lib/views/table.ts';

const rows = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [{ text: `row ${i}`, sort: i }]);

describe('table fold', () => {
  it('is long past LONG_TABLE_ROWS rows, not at it', () => {
    expect(isLongTable({ rows: rows(LONG_TABLE_ROWS) })).toBe(false);
    expect(isLongTable({ rows: rows(LONG_TABLE_ROWS + 1) })).toBe(true);
  });

  it('a folded table shows its first rows, says how many more (those only the CSV has too), and how many in all', () => {
    const fold = tableFold({ rows: rows(25), fold: 10, truncated: 3 });
    expect(fold?.top.map((r) => r[0]!.text)).toEqual(Array.from({ length: 10 }, (_, i) => `row ${i}`));
    expect([fold?.more, fold?.all]).toEqual([18, 28]);
  });

  it('a table without a fold has none', () => {
    expect(tableFold({ rows: rows(25), truncated: 0 })).toBeNull();
  });
});
