/**
 * Repurchase: the customers due to buy again, with who sold them the last
 * time (the deal's owner in deals.csv), so the review can hand each one to
 * someone. On the sample as of 2026-06-30 the first overdue rows are
 * D-00033 (삼화하이텍, MES-SUITE, sold by 김민준) and D-00280 (금강시스템,
 * INSPECT-AI, 강도윤); the first upcoming one D-00404 (화신산업, 한소율).
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { cellMarkup } from '../../../src/lib/views/cell-markup.ts';
import { repurchaseView } from '../../../src/lib/views/chart-models.ts';
import { pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });

describe('repurchase rows: when, how much, and who sold the last purchase', () => {
  it('on the page, linked to the owner page, and in the CSV', () => {
    const due = repurchaseModel(pageContext(site, 'ko')).tables.find((t) => t.id === 'repurchase-due')!;
    const owner = due.headers.findIndex((h) => h.label === '담당자');
    // After the four columns a phone shows first (compact): whose purchase comes back, when, how much, and its status.
    expect(due.compact).toBe(true);
    // Then when to open the deal (its product's median sales cycle before the due date).
    expect(due.headers.map((h) => h.label)).toEqual(['고객사', '재구매 예정일', '금액', '상태', '착수 시점', '담당자', '제품', '딜 ID', '도입일']);
    expect(due.caption).toBe('재구매 시점이 돌아오는 고객(가까운 순)');
    expect(owner).toBe(5);
    // The CSV keeps metrics.json's order of the columns.
    expect(due.csv.headers).toEqual(['고객사', '담당자', '제품', '딜 ID', '도입일', '재구매 예정일', '상태(코드)', '상태', '금액', '착수 시점']);
    const byDeal = new Map(due.csv.rows.map((r, i) => [r[due.csv.headers.indexOf('딜 ID')], due.rows[i]!]));
    expect(byDeal.get('D-00033')![owner]!.text).toBe('김민준');
    // The amount compact on the page, as the deal lists' (a phone shows it beside the date), in full in the CSV.
    expect(byDeal.get('D-00033')![2]!.text).toBe('3,160만원');
    expect(due.csv.rows.find((r) => r[due.csv.headers.indexOf('딜 ID')] === 'D-00033')![due.csv.headers.indexOf('금액')]).toBe(31_600_000);
    expect(byDeal.get('D-00033')![owner]!.href).toMatch(/^\/ko\/owners\/owner-[0-9a-f]+\/$/);
    expect(byDeal.get('D-00280')![owner]!.text).toBe('강도윤');
    expect(byDeal.get('D-00404')![owner]!.text).toBe('한소율');
    expect(due.csv.rows.find((r) => r[due.csv.headers.indexOf('딜 ID')] === 'D-00404')![due.csv.headers.indexOf('담당자')]).toBe('한소율');
  });
});

describe('the status on a phone: a phrase kept two words a line, its number with its unit', () => {
  it('marks the status column a phrase (site.css .phrase), in both tables and both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      for (const t of repurchaseModel(pageContext(site, locale)).tables) {
        // The covered list's follow-up deals stand where its status would say what its title does ('2 lost').
        const label = t.id === 'repurchase-covered' ? (locale === 'en' ? 'Follow-up deals' : '후속 딜') : locale === 'en' ? 'Status' : '상태';
        const status = t.headers.findIndex((h) => h.label === label);
        expect(status, `${locale} ${t.id}`).toBe(3);
        // The due list has its start date after the status ('Start by'), the covered one its follow-ups in its place.
        expect(t.headers.map((h) => h.phrase === true)).toEqual([false, false, false, true, ...(t.id === 'repurchase-due' ? [false] : []), false, false, false, false]);
        expect(cellMarkup(t, t.rows[0]![status]!, status, locale).className).toMatch(/(^| )phrase( |$)/);
      }
    }
  });

  it("never parts '12' from 'months' in English ('Due within 12' / 'months')", () => {
    const due = repurchaseModel(pageContext(site, 'en')).tables.find((t) => t.id === 'repurchase-due')!;
    const texts = new Set(due.rows.map((r) => r[3]!.text));
    expect(texts).toEqual(new Set(['Overdue', 'Due within 12\u00a0months', 'Later']));
  });
});

describe("the schedule's data table on a phone: every figure in full, no sideways scrolling", () => {
  it('marks its month column to keep its line (site.css .keep-line: no wider than its months); amounts in full', () => {
    const vm = repurchaseView(site.metrics);
    for (const locale of ['en', 'ko'] as const) {
      const ctx = pageContext(site, locale);
      const t = repurchaseModel(ctx).charts[0]!.table;
      expect(t.headers.map((h) => h.keepLine === true), locale).toEqual([true, false, false]);
      // 'Overdue', then the months.
      expect(cellMarkup(t, t.rows[1]![0]!, 0, locale).className).toBe('keep-line');
      expect(t.rows[1]!.map((c) => c.text)).toEqual([ctx.f.month(vm.months[0]!.month), ctx.f.count(vm.months[0]!.count), ctx.f.money(vm.months[0]!.amount)]);
    }
  });
});
