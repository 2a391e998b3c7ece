/** Account totals at T, hand-computed on tests/fixtures/revisions-2026-11 (see its NOTES.md). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { accountTotals } from '../../../src/lib/metrics/accounts.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';

const DATA = join(import.meta.dirname, '../../fixtures/revisions-2026-11/data');

describe('accountTotals', () => {
  it('sums open and won deals at T per account, leaving removed deals out', async () => {
    const { dataset, config } = await readFolder(DATA);
    const { context } = computeAt(prepare(dataset, config), '2025-06-30');
    const rows = [...accountTotals(context)].map(([id, t]) => [id, t.deals.map((d) => dataset.deals[d]!.id), t.open_count, t.open_amount, t.won_count, t.won_amount]);
    expect(rows).toEqual([
      ['A1', ['R1'], 1, 1000, 0, 0],
      ['A2', ['R2'], 0, 0, 0, 0],
      ['A3', ['R3'], 0, 0, 0, 0],
      ['A5', ['R5'], 1, 5000, 0, 0],
      ['A6', ['R6'], 1, 6000, 0, 0],
      ['A7', ['R7'], 0, 0, 1, 7000],
    ]);
    // Before R4's removal (as of 06-09) its account is there, open with its amount at that date.
    const before = computeAt(prepare(dataset, config), '2025-06-09').context;
    expect(accountTotals(before).get('A4')).toMatchObject({ open_count: 1, open_amount: 4000 });
  });

  it('keys accounts by any name, Object.prototype names included', () => {
    const config = parseConfig(undefined);
    const t0 = Date.UTC(2025, 0, 1);
    const deals = ['__proto__', 'constructor', '__proto__'].map((accountId, i) => ({ id: `D${i}`, accountId, createdAt: t0, amount: 10 * (i + 1), history: [['prospect', t0]] as [string, number][] }));
    const ctx = computeAt(prepare(makeDataset(config, deals), config), '2025-06-30').context;
    const totals = accountTotals(ctx);
    expect([...totals.keys()]).toEqual(['__proto__', 'constructor']);
    expect(totals.get('__proto__')).toMatchObject({ open_count: 2, open_amount: 40 });
  });
});
