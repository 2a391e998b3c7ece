/**
 * Repurchase: when to open the deal for a customer's next purchase. "Start by" is the due date less its product's
 * median sales cycle (deals won in the analysis window, created to won); a start date already passed is marked, and
 * the list's sentence counts them. Sample: MES-SUITE's median is 61 days, so 화신산업 (due Aug 12, 2026) starts by
 * Jun 12, 2026, already passed on Jun 30.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig({ products: { P: { lifecycle_months: 12 }, Q: { lifecycle_months: 12 } } });
const won = (id: string, product: string, created: string, closed: string): DealSpec => ({
  id,
  accountId: id,
  product,
  amount: 100,
  createdAt: noonOf(created),
  closedAt: noonOf(closed),
  history: [
    ['prospect', noonOf(created)],
    ['won', noonOf(closed)],
  ],
});
/**
 * As of 2025-06-30 (window from 2024-07-01). P's won cycles in the window: W1-W5 10, 20, 30, 40, 50 days and Y 30:
 * median 30. X was won before the window (its cycle not counted). Q: one won deal, too few for a median.
 */
const dataset = makeDataset(config, [
  won('W1', 'P', '2024-08-01', '2024-08-11'),
  won('W2', 'P', '2024-08-01', '2024-08-21'),
  won('W3', 'P', '2024-08-01', '2024-08-31'),
  won('W4', 'P', '2024-08-01', '2024-09-10'),
  won('W5', 'P', '2024-08-01', '2024-09-20'),
  // Due 2025-06-10 (overdue), start by 2025-05-11: passed.
  won('X', 'P', '2024-05-01', '2024-06-10'),
  // Due 2025-07-20 (within 12 months), start by 2025-06-20: passed.
  won('Y', 'P', '2024-06-20', '2024-07-20'),
  // Due 2025-09-01; no median for Q.
  won('Z', 'Q', '2024-08-22', '2024-09-01'),
]);
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));

describe('repurchase: start by the due date less the product’s median sales cycle', () => {
  it('takes each product’s median won cycle of the window (hand-computed)', () => {
    expect(site.repurchase_lead_times).toEqual([
      { product: 'P', median_days: 30, won: 6 },
      { product: 'Q', median_days: null, won: 1 },
    ]);
  });

  it('shows the start date after the status, marks those passed, and counts them', () => {
    const model = repurchaseModel(pageContext(site, 'en'));
    const due = model.tables.find((t) => t.id === 'repurchase-due')!;
    expect(due.headers.map((h) => h.label).slice(0, 5)).toEqual(['Account', 'Next purchase', 'Amount', 'Status', 'Start by']);
    expect(due.rows.map((r) => [r[0]!.text, r[1]!.text, r[4]!.text, r[4]!.tone ?? null])).toEqual([
      ['X', 'Jun 10, 2025', 'May 11, 2025', 'bad'],
      ['Y', 'Jul 20, 2025', 'Jun 20, 2025', 'bad'],
      ['W1', 'Aug 11, 2025', 'Jul 12, 2025', null],
      ['W2', 'Aug 21, 2025', 'Jul 22, 2025', null],
      ['W3', 'Aug 31, 2025', 'Aug 1, 2025', null],
      ['Z', 'Sep 1, 2025', '—', 'muted'],
      ['W4', 'Sep 10, 2025', 'Aug 11, 2025', null],
      ['W5', 'Sep 20, 2025', 'Aug 21, 2025', null],
    ]);
    // In the CSV after the amount, as a date (empty without a median).
    expect(due.csv.headers.slice(-2)).toEqual(['Amount', 'Start by']);
    expect(due.csv.rows.map((r) => r.at(-1))).toEqual(['2025-05-11', '2025-06-20', '2025-07-12', '2025-07-22', '2025-08-01', null, '2025-08-11', '2025-08-21']);
    expect(model.tableIntros).toEqual([
      [
        'repurchase-due',
        '“Start by” counts back each product’s median sales cycle (of its deals won in the analysis window) from the due date: ' +
          '2\u00a0repurchases not yet followed up needed a deal open by Jun 30, 2025 (1 of them overdue), marked ⚠. ' +
          'Q: fewer than 5\u00a0won deals in the window, so no start date. ' +
          // Their one owner's last deal activity is W5's win, 283 days before the date, and no deal of theirs is open.
          '8 of the repurchases overdue or due within 12\u00a0months were sold by owners with no open deal and no deal activity in the last 180\u00a0days (O, marked ⚠ in the Owner column): hand those customers to a current owner.',
      ],
    ]);
  });

  it('on the sample: MES-SUITE’s 61-day median puts 화신산업’s start on Jun 12, 2026', async () => {
    const sample = await readFolder('data/sample');
    const s = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' }));
    expect(s.repurchase_lead_times.find((l) => l.product === 'MES-SUITE')).toMatchObject({ won: 51 });
    expect(Math.ceil(s.repurchase_lead_times.find((l) => l.product === 'MES-SUITE')!.median_days!)).toBe(61);
    const due = repurchaseModel(pageContext(s, 'ko')).tables.find((t) => t.id === 'repurchase-due')!;
    const hwashin = due.rows.find((r) => r[0]!.text === '화신산업')!;
    expect([hwashin[1]!.text, hwashin[4]!.text, hwashin[4]!.tone]).toEqual(['2026.\u00a08.\u00a012.', '2026.\u00a06.\u00a012.', 'bad']);
  });
});
