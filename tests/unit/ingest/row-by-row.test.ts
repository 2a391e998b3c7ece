/**
 * The columnar reading (coded columns, the fast paths, ids looked up in
 * ranges of the text) against a plain row-by-row reference: every row an
 * object of its cells, validated by its zod schema alone
 * (`BuildOptions.rowByRow`). Both must give the same Dataset, issues and
 * tallies included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { buildDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { utf8 } from './helpers.ts';
import { TEXT_COLUMNS, textAt } from '../../../src/lib/deal-table.ts';
import { dealTable } from '../../../src/lib/dataset-deal-table.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import type { Metrics } from '../../../src/lib/metrics/types.ts';

const AS_OF = '2025-06-30';

const config = parseConfig({ fx: { USD: 1300 }, timezone: 'Asia/Seoul', date_order: 'DMY' });

const junk = fc.oneof(fc.constantFrom('', ' ', '?', '"', 'x,y', 'a\nb', '__proto__'), fc.string({ maxLength: 6 }));
/** Mostly one of `valid`, sometimes one of `invalid` or junk. */
const cell = (valid: string[], invalid: string[] = []) =>
  fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom('', ...invalid) }, { weight: 1, arbitrary: junk });

const DATES = ['2025-01-02', ' 2025-01-02 ', '2025-01-02T10:00:00Z', '2025/1/2 9:00', '02/01/2025', '2025. 1. 2.', '2024-11-30T23:59:00+09:00'];
const BAD_DATES = ['2025-02-30', 'soon'];
const AMOUNTS = ['100', '1,000', '₩1,000', '1,000원', '1000 USD', '1000 KRW', '1.5', '250,300,000'];
const BAD_AMOUNTS = ['-5', '(3)', '1e3'];

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const toCsv = (header: string[], rows: string[][], nl: string) => [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join(nl);

/**
 * Deals: `ids` distinct ids (so that the id, name and timestamp columns pass
 * the coded reader's sample of 2,048 rows and are then read cell by cell),
 * with a share of duplicates, blank lines and broken cells.
 */
function folder(ids: number) {
  const idOf = fc.nat({ max: Math.floor(ids * 1.05) }).map((n) => `D-${n}`);
  const deal = fc.tuple(
    idOf,
    fc.nat({ max: 400 }).map((n) => `Deal ${n}`),
    cell(['A1', 'A2', '__proto__', 'constructor']),
    cell(['Kim', 'Lee', 'Park', '김민수']),
    cell(AMOUNTS, BAD_AMOUNTS),
    cell(['', 'KRW', 'USD', 'usd'], ['EUR']),
    cell(DATES, BAD_DATES),
    cell(['', ...DATES], BAD_DATES),
    cell(['prospect', 'Won', 'lost', '수주', ' Qualification '], ['Closing']),
    cell(['yes', 'N', ''], ['maybe']),
    cell(['3', '12', ''], ['13']),
    cell(['', '영업1팀', 'Team B', ' Team B']),
    cell(['', 'CNC-5X', 'INSPECT-AI']),
  );
  const dealHeader = ['deal_id', 'deal_name', 'account_id', 'owner', 'amount', 'currency', 'created_at', 'closed_at', 'stage', 'budget_confirmed', 'lifecycle_months', 'team', 'product'];
  const history = fc.tuple(idOf, cell(['prospect', 'qualify', 'Won', 'lost', '수주'], ['Closing']), cell(DATES, BAD_DATES));
  const field = fc.tuple(idOf, cell(['amount', 'close_date', 'CloseDate', 'stage']), cell(['', '100', '1,000 KRW', '2025-01-02']), cell(['100', '2,000', '2025-02-03'], ['soon']), cell(DATES, BAD_DATES));
  return fc
    .record({
      // Ids in order with random others mixed in: most distinct, some repeated.
      deals: fc.array(deal, { minLength: ids, maxLength: ids + 50 }).map((rows) => rows.map((r, i) => (i % 17 === 3 ? r : [`D-${i}`, ...r.slice(1)]))),
      history: fc.array(history, { minLength: ids, maxLength: 2 * ids }),
      fields: fc.array(field, { maxLength: Math.floor(ids / 2) }),
      nl: fc.constantFrom('\n', '\r\n'),
    })
    .map(({ deals, history, fields, nl }) => ({
      'deals.csv': utf8(toCsv(dealHeader, deals, nl)),
      'stage_history.csv': utf8(toCsv(['deal_id', 'stage', 'entered_at'], history, nl)),
      'field_history.csv': utf8(toCsv(['deal_id', 'field', 'old_value', 'new_value', 'changed_at'], fields, nl)),
      'accounts.csv': utf8(toCsv(['account_id', 'relationship', 'budget_cycle_month'], [['A1', 'friendly', '3'], ['A1', 'warm', '13'], ['', 'x', '']], nl)),
    }));
}

/** Equal Datasets, compared part by part so that a difference shows as one small diff (a whole-Dataset diff takes minutes to print). */
function expectSame(columnar: Dataset, reference: Dataset): boolean {
  expect(columnar.files).toEqual(reference.files);
  expect(columnar.issues.length).toBe(reference.issues.length);
  columnar.issues.forEach((issue, i) => expect(issue).toEqual(reference.issues[i]));
  expect(columnar.deals.length).toBe(reference.deals.length);
  columnar.deals.forEach((deal, i) => expect(deal).toEqual(reference.deals[i]));
  const history = (d: Dataset) => ({ length: d.stageHistory.length, ...Object.fromEntries((['deal', 'stage', 'enteredAt'] as const).map((c) => [c, Array.from(d.stageHistory[c].subarray(0, d.stageHistory.length))])) });
  expect(history(columnar)).toEqual(history(reference));
  expect(columnar.fieldHistory?.length).toBe(reference.fieldHistory?.length);
  columnar.fieldHistory?.forEach((change, i) => expect(change).toEqual(reference.fieldHistory![i]));
  // Whatever the parts above do not name (accounts, targets, columns, source, hashes).
  expect({ ...columnar, deals: [], issues: [], stageHistory: null, fieldHistory: null }).toEqual({ ...reference, deals: [], issues: [], stageHistory: null, fieldHistory: null });
  // The tables alike, codes included: the coded reading maps the reader's codes, the reference codes each value.
  const table = dealTable(columnar);
  expect(table).toEqual(dealTable(reference));
  for (const c of TEXT_COLUMNS) columnar.deals.forEach((deal, d) => expect(textAt(table[c], d)).toBe(deal[c] ?? ''));
  const grouped = (m: Metrics) => ({ by_owner: m.by_owner, by_team: m.by_team, repurchase: m.repurchase });
  const metrics = computeMetrics(columnar, config, AS_OF);
  expect(grouped(metrics)).toEqual(grouped(computeMetrics(reference, config, AS_OF)));
  return metrics.repurchase.length > 0 && metrics.by_team.length > 1;
}

describe('the columnar reading gives the Dataset of a plain row-by-row reading', () => {
  it('on small random folders', () => {
    let grouped = 0;
    fc.assert(
      fc.property(folder(12), (files) => {
        if (expectSame(buildDataset(files, config), buildDataset(files, config, { rowByRow: true }))) grouped++;
      }),
      { numRuns: 150 },
    );
    // Some runs had repurchase rows and several teams to compare.
    expect(grouped).toBeGreaterThan(0);
  });

  it('on random folders past the coded columns’ sample (2,048 rows)', () => {
    let deals = 0;
    fc.assert(
      fc.property(folder(2600), (files) => {
        const columnar = buildDataset(files, config);
        const reference = buildDataset(files, config, { rowByRow: true });
        expectSame(columnar, reference);
        deals += columnar.deals.length;
      }),
      // No shrinking: each step would rebuild two Datasets of thousands of rows.
      { numRuns: 4, endOnFailure: true },
    );
    // Most rows (more than half of the 2,600 a run) are accepted, so the comparison is over real values, not over rejections
    // (fewer than before currency signs were checked: ₩1,000 and 1,000원 in a USD row are now rejected, as 1000 KRW is).
    expect(deals).toBeGreaterThan(4 * 1300);
  });
});
