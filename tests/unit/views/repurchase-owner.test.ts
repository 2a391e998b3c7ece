/**
 * Repurchase: the customers due to buy again, with who sold them the last
 * time (the deal's owner in deals.csv), so the review can hand each one to
 * someone. On the sample as of 2026-06-30 the first overdue rows are
 * D-00033 (삼화하이텍, MES-SUITE, sold by 김민준) and D-00280 (금강시스템,
 * INSPECT-AI, 강도윤); the first upcoming one D-00404 (화신산업, 한소율).
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });

describe('repurchase rows name the owner of the last purchase', () => {
  it('on the page, linked to the owner page, and in the CSV', () => {
    const due = repurchaseModel(pageContext(site, 'ko')).tables.find((t) => t.id === 'repurchase-due')!;
    const owner = due.headers.findIndex((h) => h.label === '담당자');
    expect(owner).toBe(1);
    const byDeal = new Map(due.csv.rows.map((r, i) => [r[due.csv.headers.indexOf('딜 ID')], due.rows[i]!]));
    expect(byDeal.get('D-00033')![owner]!.text).toBe('김민준');
    expect(byDeal.get('D-00033')![owner]!.href).toMatch(/^\/ko\/owners\/owner-[0-9a-f]+\/$/);
    expect(byDeal.get('D-00280')![owner]!.text).toBe('강도윤');
    expect(byDeal.get('D-00404')![owner]!.text).toBe('한소율');
    expect(due.csv.rows.find((r) => r[due.csv.headers.indexOf('딜 ID')] === 'D-00404')![due.csv.headers.indexOf('담당자')]).toBe('한소율');
  });
});
