/**
 * An owner's and an account's summary (the facts at the top of their page)
 * read as the sentence under them and the overview's tiles do: amounts in
 * the compact form ('44.4억원', '₩4.44B'), counts of deals with their unit
 * ('3건'), not a ten-digit '4,440,200,000원' and a bare '3'.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { accountModel, ownerModel, pageContext, velocityModel } from '../../../src/lib/views/pages/index.ts';
import { extractSite } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const extracted = extractSite(dataset, config, '2026-06-30', { dataLabel: 'sample' });
const site = extracted.site;

describe('summary facts on the owner and account pages', () => {
  it('an owner: open, weighted, target and won amounts compact; stalled deals counted in deals', () => {
    const row = site.owners.rows.find((r) => r.name === '윤서준')!;
    const segment = site.metrics.by_owner.find((r) => r.owner === '윤서준')!;
    for (const [locale, amount, deals] of [
      ['ko', /^[\d.,]+(억|만)?원$/u, /^\d+건$/u],
      ['en', /^₩[\d.]+[KMB]?$/u, /^\d+\u00a0deals?$/u],
    ] as const) {
      const ctx = pageContext(site, locale, '/');
      const { m, f } = ctx;
      const facts = new Map(ownerModel(ctx, row).facts.map((x) => [x.label, x.value]));
      expect(facts.get(m.columns.open_amount)).toBe(m.common.aside({ text: f.moneyCompact(segment.open_amount), aside: m.common.dealCount({ count: segment.open_count }, f) }));
      expect(facts.get(m.ownersReview.weighted)).toMatch(amount);
      expect(facts.get(m.common.aside({ text: m.columns.target_amount, aside: f.period(site.owners.period) }))).toMatch(amount);
      expect(facts.get(m.common.aside({ text: m.ownersReview.wonInPeriod, aside: f.period(site.owners.period) }))).toMatch(amount);
      expect(facts.get(m.columns.stalled_count)).toMatch(deals);
      expect(facts.get(m.columns.stalled_count)).toBe(m.common.dealCount({ count: segment.stalled_count }, f));
    }
    const ko = pageContext(site, 'ko', '/');
    // Korean writes the bracket on its word, as its sentences do ('198건(593억원)').
    const koFacts = new Map(ownerModel(ko, row).facts.map((x) => [x.label, x.value]));
    expect(koFacts.get(ko.m.columns.open_amount)).toBe('44.4억원(21건)');
    expect([...koFacts.keys()]).toContain('목표 금액(2026년\u00a02분기)');
    const en = pageContext(site, 'en', '/');
    expect(new Map(ownerModel(en, row).facts.map((x) => [x.label, x.value])).get(en.m.columns.open_amount)).toBe('₩4.44B (21\u00a0deals)');
  });

  it('an account: open and won amounts compact', () => {
    const slice = [...extracted.accountSlices()].find((s) => s.account.open_amount > 0 && s.account.won_amount > 0)!;
    for (const [locale, amount] of [['ko', /^[\d.,]+(억|만)?원$/u], ['en', /^₩[\d.]+[KMB]?$/u]] as const) {
      const ctx = pageContext(site, locale, '/');
      const facts = new Map(accountModel(ctx, slice).facts.map((x) => [x.label, x.value]));
      expect(facts.get(ctx.m.columns.open_amount)).toBe(ctx.f.moneyCompact(slice.account.open_amount));
      expect(facts.get(ctx.m.columns.won_amount)).toMatch(amount);
    }
  });

  it('the velocity inputs: the average won amount compact, as the amount per day under it; exact in the CSV', () => {
    const v = site.metrics.velocity;
    for (const locale of ['ko', 'en'] as const) {
      const ctx = pageContext(site, locale, '/');
      const table = velocityModel(ctx).tables.find((t) => t.id === 'velocity-inputs')!;
      const row = table.rows.findIndex((r) => r[0]!.text === ctx.m.columns.avg_won_amount);
      expect(table.rows[row]![1]!.text).toBe(ctx.f.moneyCompact(v.avg_won_amount));
      expect(table.csv.rows[row]).toContain(Math.round(v.avg_won_amount!));
    }
    expect(velocityModel(pageContext(site, 'ko', '/')).tables.find((t) => t.id === 'velocity-inputs')!.rows.map((r) => r[1]!.text)).toContain('2.49억원');
  });
});
