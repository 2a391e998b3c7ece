/**
 * An adapter's stage history handed over as codes (StageHistoryTable.prepass,
 * what assemble.ts does) gives exactly the Dataset that the same rows read
 * as cells give (the way every canonical table is read): the same rows,
 * counts and issues, on random rows with unknown, rejected, empty and
 * untrimmed deal ids, unknown and untrimmed stages, and bad dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/lib/ingest/config.ts';
import { buildDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { rowContext } from '../../../src/lib/ingest/schema.ts';
import { CanonicalTable, StageHistoryTable } from '../../../src/lib/ingest/vendor/types.ts';

const config = parseConfigText(JSON.stringify({ timezone: 'Asia/Seoul', date_order: 'DMY' }));

function deals(): CanonicalTable {
  const table = new CanonicalTable(['deal_id', 'account_id', 'owner', 'amount', 'created_at', 'closed_at', 'stage']);
  const rows = [
    ['D1', 'A1', 'Kim', '100', '2025-01-02', '', 'prospect'],
    ['D2', 'A1', 'Lee', '200', '2025-01-03', '2025-03-01', 'won'],
    ['D3', 'A2', 'Kim', '', '2025-01-04', '', 'qualification'],
    // Rejected (no account): its history rows are rejected as belonging to it.
    ['D4', '', 'Kim', '50', '2025-01-05', '', 'prospect'],
    ['D5', 'A3', 'Park', '70', '2025-01-06', '2025-02-01', 'lost'],
  ];
  rows.forEach((cells, i) => table.addCells(cells, 'opps.csv', i + 2));
  return table;
}

const id = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('D1', 'D2', 'D3', ' D1 ', 'D5') }, { weight: 1, arbitrary: fc.constantFrom('D4', 'D9', '', '\u00a0D2') });
const stage = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('prospect', 'Qualification', ' won ', 'lost', '수주') }, { weight: 1, arbitrary: fc.constantFrom('Closing', '') });
const date = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2025-01-02', '2025-02-03T10:00:00Z', '02/03/2025', ' 2025-02-03 09:00') }, { weight: 1, arbitrary: fc.constantFrom('2025-02-30', 'soon', '') });
const rows = fc.array(fc.tuple(id, stage, date), { maxLength: 40 });

function history(cells: readonly (readonly [string, string, string])[]): StageHistoryTable {
  const table = new StageHistoryTable(cells.length > 3 ? 2 : 0);
  cells.forEach((row, i) => (i % 2 === 0 ? table.addCells(row, 'report.csv', i + 2) : table.add({ deal_id: row[0], stage: row[1], entered_at: row[2] }, { file: 'report.csv', line: i + 2 })));
  return table;
}

const asCells = (t: CanonicalTable) => ({ names: t.columns, cells: t.cells, length: t.length });

describe('stage history given as codes', () => {
  it('gives the Dataset its rows read as cells give, issues and counts included (property)', () => {
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(rows, (cells) => {
        const table = history(cells);
        expect(table.allRows()).toEqual(cells.map((row) => [...row]));
        const prepass = table.prepass(rowContext(config));
        const coded = buildDataset({ 'deals.csv': asCells(deals()), 'stage_history.csv': { prepared: () => prepass, source: table.rowsSource() } }, config);
        const plain = buildDataset({ 'deals.csv': asCells(deals()), 'stage_history.csv': table.rowsSource() }, config);
        expect(coded).toEqual(plain);
        rejected += plain.files['stage_history.csv']!.rejected;
        accepted += plain.files['stage_history.csv']!.accepted;
      }),
      { numRuns: 200 },
    );
    // Both verdicts must actually occur for the agreement to mean something.
    expect(rejected).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(300);
  });

  it('keeps the origin of each row and one code per distinct text', () => {
    const table = new StageHistoryTable();
    table.addCells(['D1', 'prospect', '2025-01-02'], 'a.csv', 7);
    table.add({ deal_id: 'D1', stage: 'won' }, { file: 'b.csv', line: 3 });
    expect(table.length).toBe(2);
    expect(table.row(1)).toEqual(['D1', 'won', '']);
    expect(table.origin(0)).toEqual({ file: 'a.csv', line: 7 });
    expect(table.origin(1)).toEqual({ file: 'b.csv', line: 3 });
    expect(table.deals.texts).toEqual(['', 'D1']);
    expect(table.dates.texts).toEqual(['', '2025-01-02']);
  });
});
