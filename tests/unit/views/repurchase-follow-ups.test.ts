/**
 * Repurchase: a row is `covered` (metrics.md) once another deal of its account and product exists and was created
 * after its base date, whatever became of that deal. A review reads "Follow-up deal exists" as handled, but in the
 * sample 11 of the 32 covered rows have only lost follow-ups (세진산업 A-0004, MES-SUITE: 8, all lost). The covered
 * list shows each row's follow-ups by state, marks those all lost, and the page says how many.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig({ products: { P: { lifecycle_months: 12 } } });
const won = (id: string, accountId: string, closed: string): DealSpec => ({
  id,
  accountId,
  product: 'P',
  amount: 100,
  createdAt: noonOf('2024-01-02'),
  closedAt: noonOf(closed),
  history: [
    ['prospect', noonOf('2024-01-02')],
    ['won', noonOf(closed)],
  ],
});
const followUp = (id: string, accountId: string, created: string, end: 'open' | 'lost' | 'gone', product = 'P'): DealSpec => ({
  id,
  accountId,
  product,
  amount: 50,
  createdAt: noonOf(created),
  ...(end === 'lost' ? { closedAt: noonOf('2025-05-01') } : {}),
  ...(end === 'gone' ? { removedAt: noonOf('2025-05-01') } : {}),
  history: end === 'lost' ? [['prospect', noonOf(created)], ['lost', noonOf('2025-05-01')]] : [['prospect', noonOf(created)]],
});
/**
 * As of 2025-06-30, every account bought P (12-month lifecycle) on 2024-07-01, so each is due 2025-07-01:
 * X: two follow-ups, both lost: covered, all lost.
 * Y: one lost, one open: covered, 1 open, 1 lost.
 * Z: one created on the base date itself (not after it), one of another product, one removed: not covered (upcoming).
 */
const dataset = makeDataset(config, [
  won('X0', 'X', '2024-07-01'),
  followUp('X1', 'X', '2025-02-01', 'lost'),
  followUp('X2', 'X', '2025-03-01', 'lost'),
  won('Y0', 'Y', '2024-07-01'),
  followUp('Y1', 'Y', '2025-02-01', 'lost'),
  followUp('Y2', 'Y', '2025-04-01', 'open'),
  won('Z0', 'Z', '2024-07-01'),
  followUp('Z1', 'Z', '2024-07-01', 'open'),
  followUp('Z2', 'Z', '2025-02-01', 'open', 'Q'),
  followUp('Z3', 'Z', '2025-02-01', 'gone'),
]);
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));

describe('a covered repurchase row says what its follow-up deals are', () => {
  it('counts them by state at the as-of date (hand-computed)', () => {
    const rows = site.metrics.repurchase;
    expect(rows.map((r) => [r.account_id, r.status])).toEqual([
      ['X', 'covered'],
      ['Y', 'covered'],
      ['Z', 'upcoming'],
    ]);
    expect(site.repurchase_follow_ups).toEqual([
      { row: 0, open: 0, won: 0, lost: 2 },
      { row: 1, open: 1, won: 0, lost: 1 },
    ]);
  });

  it('shows them in the covered list in place of its status, marks those all lost, and says how many', () => {
    const en = repurchaseModel(pageContext(site, 'en'));
    const covered = en.tables.find((t) => t.id === 'repurchase-covered')!;
    expect(covered.headers.map((h) => h.label)).toEqual(['Account', 'Next purchase', 'Amount', 'Follow-up deals', 'Owner', 'Product', 'Deal ID', 'Base date']);
    expect(covered.rows.map((r) => [r[0]!.text, r[3]!.text, r[3]!.tone, r[3]!.note])).toEqual([
      ['X', '2 lost', 'bad', 'Every follow-up deal was lost: the repurchase is not won yet.'],
      ['Y', '1 open, 1 lost', undefined, undefined],
    ]);
    // The CSV keeps the status and gives the counts as numbers.
    expect(covered.csv.headers.slice(6)).toEqual(['Status (code)', 'Status', 'Follow-up deals open', 'Follow-up deals won', 'Follow-up deals lost', 'Amount']);
    expect(covered.csv.rows.map((r) => r.slice(6, 11))).toEqual([
      ['covered', 'Follow-up deal exists', 0, 0, 2],
      ['covered', 'Follow-up deal exists', 1, 0, 1],
    ]);
    expect(en.notes).toEqual([
      '1 of the 2\u00a0repurchases under “Follow-up deal exists” has only lost follow-up deals (marked ⚠ there): each counts as followed up, but no follow-up is open or won, so the purchase is still to win.',
    ]);
    const ko = repurchaseModel(pageContext(site, 'ko'));
    expect(ko.tables.find((t) => t.id === 'repurchase-covered')!.rows.map((r) => r[3]!.text)).toEqual(['실주 2건', '진행 1건, 실주 1건']);
    expect(ko.notes[0]).toMatch(/^“후속 딜 있음” 목록의 재구매 2건 중 1건은 후속 딜이 모두 실주했습니다/u);
  });

  it('finds the sample’s 11 of 32, 세진산업’s MES-SUITE among them', async () => {
    const sample = await readFolder('data/sample');
    const s = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' }));
    expect(s.repurchase_follow_ups).toHaveLength(32);
    expect(s.repurchase_follow_ups.filter((u) => u.open === 0 && u.won === 0)).toHaveLength(11);
    const sejin = s.repurchase_follow_ups.find((u) => s.metrics.repurchase[u.row]!.account_id === 'A-0004' && s.metrics.repurchase[u.row]!.product === 'MES-SUITE');
    expect(sejin).toMatchObject({ open: 0, won: 0, lost: 8 });
    expect(repurchaseModel(pageContext(s, 'en')).notes[0]).toMatch(/^11 of the 32\u00a0repurchases under/u);
  });
});
