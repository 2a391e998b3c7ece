/**
 * A Dataset's deals as a table (deal-table.ts): ingest's own table, its Deal
 * objects made from it only when read, or a table made once from a Dataset's
 * Deal objects.
 */
import type { Dataset, Deal } from './dataset.ts';
import { type DealTable, dealsOf, tableOfDeals } from './deal-table.ts';

/** By dataset (or any object holding its `deals`): ingest's tables. */
const byDataset = new WeakMap<object, DealTable>();
const byDeals = new WeakMap<readonly Deal[], DealTable>();

/**
 * A Dataset whose `deals` are made from `table` on first read (the metrics never read them; the site's
 * pages and the tests do). `fields` must not have `deals`. The objects are a copy: the engine goes on
 * reading the table, so a change is made by setting `deals` to a new list (its table is then made from it).
 */
export function datasetOfTable(fields: Omit<Dataset, 'deals'>, table: DealTable): Dataset {
  let deals: Deal[] | null = null;
  const dataset = fields as Dataset;
  Object.defineProperty(dataset, 'deals', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (deals === null) {
        deals = dealsOf(table);
        byDeals.set(deals, table);
      }
      return deals;
    },
    // A caller that sets the deals (a test editing a dataset) gets what it set.
    set: (value: Deal[]) => {
      deals = value;
      byDataset.delete(dataset);
    },
  });
  byDataset.set(dataset, table);
  return dataset;
}

/** `table` is `deals` as a table (a subset of another's rows, say): `dealTable` takes it rather than make one. */
export function giveTable(deals: readonly Deal[], table: DealTable): void {
  byDeals.set(deals, table);
}

/** The deals of a dataset as a table: ingest's own, or made from its Deal objects once per list. */
export function dealTable(dataset: Pick<Dataset, 'deals'>): DealTable {
  const own = byDataset.get(dataset);
  if (own) return own;
  const deals = dataset.deals;
  let table = byDeals.get(deals);
  if (!table) {
    table = tableOfDeals(deals);
    byDeals.set(deals, table);
  }
  return table;
}
