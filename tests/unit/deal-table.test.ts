import { describe, expect, it } from 'vitest';
import type { Dataset, Deal } from '../../src/lib/dataset.ts';
import { dealAt, dealsOf, tableOfDeals, tableRows, textAt } from '../../src/lib/deal-table.ts';
import { datasetOfTable, dealTable, giveTable } from '../../src/lib/dataset-deal-table.ts';

/** Two deals with every value a Deal can have: nulls, a category, a date, names such as __proto__. */
const deals: Deal[] = [
  {
    id: 'D1',
    name: 'First',
    accountId: '__proto__',
    accountName: 'Acme',
    owner: 'Kim',
    team: 'A',
    product: 'P1',
    amount: 1500,
    currency: 'USD',
    fxRate: 1300,
    createdAt: Date.UTC(2025, 0, 2),
    expectedCloseAt: '2025-03-31',
    closedAt: null,
    removedAt: null,
    stage: 1,
    lostReason: '',
    winReason: '',
    competitor: 'constructor',
    source: 'inbound',
    keyman: '',
    budgetConfirmed: true,
    forecastCategory: 'best_case',
    purchaseType: 'bulk',
    installedAt: null,
    lifecycleMonths: 24,
    cost: null,
    line: 2,
  },
  {
    id: 'D2',
    name: '',
    accountId: 'A2',
    accountName: '',
    owner: 'Kim',
    team: '',
    product: 'P1',
    amount: null,
    currency: 'KRW',
    fxRate: 1,
    createdAt: Date.UTC(2025, 1, 3),
    expectedCloseAt: null,
    closedAt: Date.UTC(2025, 4, 1),
    removedAt: Date.UTC(2025, 5, 1),
    stage: 3,
    lostReason: 'price',
    winReason: '',
    competitor: '',
    source: '',
    keyman: 'Lee',
    budgetConfirmed: false,
    forecastCategory: null,
    purchaseType: '',
    installedAt: Date.UTC(2025, 4, 20),
    lifecycleMonths: null,
    cost: 250,
    line: 4,
  },
];

describe('the deal table', () => {
  it('gives back every Deal it was made of, nulls as nulls', () => {
    const table = tableOfDeals(deals);
    expect(table.length).toBe(2);
    expect(dealsOf(table)).toEqual(deals);
    expect(dealAt(table, 1)).toEqual(deals[1]);
    // Unknowns as NaN, texts coded in order of first appearance, one code per text.
    expect(Array.from(table.amount)).toEqual([1500, NaN]);
    expect(Array.from(table.forecastCategory)).toEqual([1, -1]);
    expect(table.owner).toEqual({ codes: Int32Array.from([0, 0]), names: ['Kim'] });
    expect(textAt(table.accountId, 0)).toBe('__proto__');
    expect(table.expectedCloseAt.names).toEqual(['2025-03-31', '']);
  });

  it('keeps some rows, their texts coded as before', () => {
    const table = tableOfDeals(deals);
    const second = tableRows(table, Int32Array.from([1]));
    expect(dealsOf(second)).toEqual([deals[1]]);
    expect(second.owner.names).toBe(table.owner.names);
    expect(dealsOf(tableRows(table, new Int32Array(0)))).toEqual([]);
  });

  it('is made once per list of deals, and a dataset made from one makes its Deals on first read only', () => {
    const fields = { stageHistory: { deal: new Int32Array(0), stage: new Int32Array(0), enteredAt: new Float64Array(0), length: 0 } } as unknown as Omit<Dataset, 'deals'>;
    const table = tableOfDeals(deals);
    const dataset = datasetOfTable(fields, table);
    expect(dealTable(dataset)).toBe(table);
    const made = dataset.deals;
    expect(made).toEqual(deals);
    expect(dataset.deals).toBe(made);
    // A copy of the dataset (a spread reads the Deals) finds the same table by its list of deals.
    expect(dealTable({ ...dataset })).toBe(table);
    expect(dealTable({ deals })).toBe(dealTable({ deals }));
    // Deals set on the dataset (a test editing one) are what its table is made of from then on.
    dataset.deals = [deals[0]!];
    expect(dealsOf(dealTable(dataset))).toEqual([deals[0]]);
    // A table given for a list is taken as it is.
    const list = [deals[1]!];
    giveTable(list, tableRows(table, Int32Array.from([1])));
    expect(dealTable({ deals: list }).owner.names).toBe(table.owner.names);
  });
});
