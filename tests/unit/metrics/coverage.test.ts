/** Coverage's commit and best-case amounts: open deals due in the period, by forecast category. */
import { describe, expect, it } from 'vitest';
import { coverageWithBestCase } from '../../../src/lib/metrics/coverage.ts';
import type { ForecastCategory } from '../../../src/lib/dataset.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const config = parseConfig(undefined);
const t0 = Date.UTC(2025, 0, 10);
const open = (id: string, amount: number, close: string, forecastCategory: ForecastCategory | null) => ({
  id,
  createdAt: t0,
  amount,
  expectedCloseAt: close,
  forecastCategory,
  history: [['negotiate', t0]] as [string, number][],
});

function dataset(withCategories: boolean) {
  const ds = makeDataset(config, [
    open('C1', 100, '2025-06-10', 'commit'), // June, before as_of: still in the period
    open('C2', 200, '2025-06-30', 'best_case'),
    open('C3', 400, '2025-07-15', 'commit'), // next month (Q3)
    open('C4', 800, '2025-05-20', 'commit'), // before June, inside Q2
    open('C5', 1600, '2025-06-20', 'pipeline'),
    open('C6', 3200, '2025-04-02', 'omitted'),
  ]);
  ds.targets = [
    { period: '2025-06', owner: '', team: '', targetAmount: 10_000, line: 2 },
    { period: '2025-Q2', owner: '', team: '', targetAmount: 50_000, line: 3 },
    { period: '2025-07', owner: '', team: '', targetAmount: 10_000, line: 4 },
  ];
  if (withCategories) ds.columns['deals.csv']!.add('forecast_category');
  return ds;
}

describe('coverage by forecast category', () => {
  it('keeps metrics.json coverage rows to the keys of metrics.md', () => {
    const rows = computeAt(prepare(dataset(true), config), '2025-06-25').metrics.coverage;
    expect(Object.keys(rows[0]!)).toEqual(['period', 'when', 'target_amount', 'won_amount', 'remaining', 'open_amount', 'ratio', 'commit_amount']);
  });

  it('sums commit, and commit plus best case, over the open deals due in each period', () => {
    const rows = coverageWithBestCase(computeAt(prepare(dataset(true), config), '2025-06-25').context);
    expect(rows.map((r) => [r.period, r.when, r.open_amount, r.commit_amount, r.best_case_amount])).toEqual([
      ['2025-06', 'current', 1900, 100, 300],
      ['2025-07', 'next', 400, 400, 400],
      ['2025-Q2', 'current', 5900, 900, 1100],
    ]);
  });

  it('is null without a forecast_category column', () => {
    const rows = coverageWithBestCase(computeAt(prepare(dataset(false), config), '2025-06-25').context);
    expect(rows.every((r) => r.commit_amount === null && r.best_case_amount === null)).toBe(true);
  });
});
