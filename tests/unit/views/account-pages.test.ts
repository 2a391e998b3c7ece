/**
 * The account pages' slices of the site data (views/account-pages.ts): the
 * manifest without them plus the slices is the whole manifest; each slice
 * holds its account's repurchase rows, grouped once; the slices file's
 * index finds every line whatever the chunks it is read in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { accountSliceSchema, repurchaseByAccount, sliceIndex, sliceLine } from '../../../src/lib/views/account-pages.ts';
import { accountModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData, extractSite } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const AS_OF = '2026-06-30';

describe('account slices', () => {
  const whole = buildSiteData(dataset, config, AS_OF, { dataLabel: 'sample' });
  const split = extractSite(dataset, config, AS_OF, { dataLabel: 'sample' });
  const slices = [...split.accountSlices()];

  it('the manifest without the deals, plus one slice per account page, is the whole manifest', () => {
    expect(split.site.accounts.every((a) => a.deals.length === 0)).toBe(true);
    expect(slices.map((s) => s.account.slug)).toEqual(whole.accounts.filter((a) => a.has_page).map((a) => a.slug));
    const byId = new Map(slices.map((s) => [s.account.account_id, s.account]));
    expect(split.site.accounts.map((a) => byId.get(a.account_id) ?? a)).toEqual(whole.accounts);
    expect({ ...split.site, accounts: [] }).toEqual({ ...whole, accounts: [] });
  });

  it("an account of accounts.csv that no deal names has its page's slice, and the page says so (the build stopped at its page)", () => {
    const lonely = { ...dataset.accounts![0]!, accountId: 'A-NODEALS', accountName: 'Lonely Co', line: 9999 };
    const withLonely = { ...dataset, accounts: [...dataset.accounts!, lonely] };
    const extracted = extractSite(withLonely, config, AS_OF, { dataLabel: 'sample' });
    const all = [...extracted.accountSlices()];
    expect(all).toHaveLength(extracted.site.accounts_with_pages);
    const slice = all.find((x) => x.account.account_id === 'A-NODEALS')!;
    expect(slice.account).toMatchObject({ name: 'Lonely Co', has_page: true, deals: [], open_count: 0, won_amount: 0 });
    expect(slice.repurchase).toEqual([]);
    const model = accountModel(pageContext(extracted.site, 'en', '/'), slice);
    expect(model.noDeals).toBe('No deal in deals.csv has account_id A-NODEALS: this page shows what accounts.csv says of the account. Its deals appear here once deals.csv names it.');
    expect(accountModel(pageContext(extracted.site, 'ko', '/'), slice).noDeals).toContain('A-NODEALS');
    // An account with deals has no such sentence.
    expect(accountModel(pageContext(extracted.site, 'en', '/'), all.find((x) => x.account.deals.length > 0)!).noDeals).toBeNull();
  });

  it('every account gets a page unless maxAccountPages limits them to the largest', () => {
    expect(whole.accounts_with_pages).toBe(whole.accounts.length);
    const limited = extractSite(dataset, config, AS_OF, { dataLabel: 'sample', maxAccountPages: 5 });
    expect([...limited.accountSlices()]).toHaveLength(5);
    expect(limited.site.accounts_with_pages).toBe(5);
  });

  it("holds each account's repurchase rows, in metrics.repurchase's order, and the page model is the one of the whole manifest", () => {
    for (const slice of slices) {
      expect(accountSliceSchema.parse(slice)).toEqual(slice);
      expect(slice.repurchase).toEqual(whole.metrics.repurchase.filter((r) => r.account_id === slice.account.account_id));
    }
    expect(slices.reduce((n, s) => n + s.repurchase.length, 0)).toBe(whole.metrics.repurchase.filter((r) => slices.some((s) => s.account.account_id === r.account_id)).length);
    const ctx = pageContext(whole, 'ko');
    const slice = slices.find((s) => s.repurchase.length > 1 && s.account.deals.length > 1)!;
    const model = accountModel(ctx, slice);
    expect(model.repurchase.rows).toHaveLength(slice.repurchase.length);
    expect(model.deals.csv.rows).toHaveLength(slice.account.deals.length);
  });

  it('shows on a phone what comes back, when and its status first in the repurchase schedule; the CSV in metrics.json’s order', () => {
    const slice = slices.find((s) => s.repurchase.length > 0)!;
    const model = accountModel(pageContext(whole, 'en'), slice).repurchase;
    expect(model.compact).toBe(true);
    expect(model.headers.map((h) => h.label)).toEqual(['Product', 'Next purchase', 'Status', 'Deal ID', 'Base date']);
    // The date on one line ('Oct 7, 2027'), the status a phrase two words a line.
    expect(model.headers.map((h) => [h.keepLine === true, h.phrase === true])).toEqual([[false, false], [true, false], [false, true], [false, false], [false, false]]);
    expect(model.csv.headers).toEqual(['Product', 'Deal ID', 'Base date', 'Next purchase', 'Status (code)', 'Status']);
    const row = slice.repurchase[0]!;
    expect(model.csv.rows[0]!.slice(0, 4)).toEqual([row.product, row.deal_id, row.base_date, row.next_purchase_at]);
    expect(model.rows[0]![3]!.text).toBe(row.deal_id);
  });

  it('dates each stage visit of the timeline with its year, in both languages (a history spans years)', () => {
    const slice = slices.find((s) => s.account.slug === 'a-0114')!;
    const visits = (locale: 'en' | 'ko') => accountModel(pageContext(whole, locale), slice).timelines.find((t) => t.deal.deal_id === 'D-00802')!.visits;
    expect(visits('en').map((v) => `${v.label} · ${v.date}`)).toEqual([
      'Prospect · Nov 5, 2024',
      'Qualification · Nov 12, 2024',
      'Proposal · Dec 19, 2024',
      'Negotiation · Jan 6, 2025',
      'Lost · Mar 13, 2025',
    ]);
    expect(visits('ko').map((v) => v.date)).toEqual(['2024.\u00a011.\u00a05.', '2024.\u00a011.\u00a012.', '2024.\u00a012.\u00a019.', '2025.\u00a01.\u00a06.', '2025.\u00a03.\u00a013.']);
  });

  it('an empty repurchase schedule says why: no won deal, or won deals without a product lifecycle (both languages)', () => {
    const ctx = (locale: 'en' | 'ko') => pageContext(whole, locale);
    // An account whose deals are all open or lost (its won ones left out).
    const some = slices.find((s) => s.account.deals.some((d) => d.state !== 'won'))!;
    const noWon = { account: { ...some.account, deals: some.account.deals.filter((d) => d.state !== 'won') }, repurchase: [] };
    expect(accountModel(ctx('en'), noWon).repurchase.empty).toBe('No deal of this account has been won yet, so no repurchase is due.');
    expect(accountModel(ctx('ko'), noWon).repurchase.empty).toBe('이 고객사에서 아직 수주한 딜이 없어 도래할 재구매 시점이 없습니다.');
    // Won deals, none with a product lifecycle: no repurchase row.
    const wonSlice = { ...slices.find((s) => s.account.deals.some((d) => d.state === 'won'))!, repurchase: [] };
    const model = accountModel(ctx('en'), wonSlice);
    expect(model.repurchase.rows).toEqual([]);
    expect(model.repurchase.empty).toBe(
      'None of this account’s won deals has a product lifecycle, so no repurchase date can be predicted: set products.<name>.lifecycle_months in pipeline.config.json, or give deals.csv a lifecycle_months column.',
    );
    // A schedule with rows has nothing to say.
    const withRows = slices.find((s) => s.repurchase.length > 0)!;
    expect(accountModel(ctx('en'), withRows).repurchase.rows.length).toBeGreaterThan(0);
  });

  it("lists each open deal's expected close (marked when past) and why each closed deal was won or lost, on the page and in its CSV", () => {
    // 은성산업 (A-0052) in data/sample/deals.csv: D-00988 open at Proposal, expected close 2025-07-31 (past at 2026-06-30);
    // D-00208 lost for competitor_relationship (expected close 2024-02-13: history, not shown); D-00333 won for after_sales.
    const slice = slices.find((s) => s.account.account_id === 'A-0052')!;
    const model = accountModel(pageContext(whole, 'ko'), slice);
    const col = (label: string) => model.deals.headers.findIndex((h) => h.label === label);
    const close = col('예상 마감일');
    const reason = col('수주·실주 사유');
    expect(close).toBeGreaterThan(0);
    expect(reason).toBeGreaterThan(0);
    const row = (id: string) => model.deals.rows[slice.account.deals.findIndex((d) => d.deal_id === id)]!;
    expect(row('D-00988')[close]).toMatchObject({ text: '2025.\u00a07.\u00a031.', tone: 'bad' });
    expect(row('D-00988')[reason]!.text).toBe('');
    expect(row('D-00208')[close]!.text).toBe('');
    expect(row('D-00208')[reason]!.text).toBe('경쟁사와의 관계');
    expect(row('D-00333')[reason]!.text).toBe('사후 서비스');
    const en = accountModel(pageContext(whole, 'en'), slice).deals;
    expect(en.rows[slice.account.deals.findIndex((d) => d.deal_id === 'D-00333')]![en.headers.findIndex((h) => h.label === 'Win or loss reason')]!.text).toBe('After-sales service');
    // The CSV: the date as a date, the reason's words and its code.
    const csvRow = (id: string) => Object.fromEntries(model.deals.csv.headers.map((h, i) => [h, model.deals.csv.rows.find((r) => r[0] === id)![i]]));
    expect(csvRow('D-00988')).toMatchObject({ '예상 마감일': '2025-07-31', '수주·실주 사유': '' });
    expect(csvRow('D-00208')).toMatchObject({ '예상 마감일': null, '수주·실주 사유': '경쟁사와의 관계', '수주·실주 사유(코드)': 'competitor_relationship' });
  });

  it('groups repurchase rows by account once, keeping their order', () => {
    const grouped = repurchaseByAccount(whole.metrics.repurchase);
    expect([...grouped.values()].flat()).toHaveLength(whole.metrics.repurchase.length);
    for (const [id, rows] of grouped) expect(rows).toEqual(whole.metrics.repurchase.filter((r) => r.account_id === id));
  });
});

describe('the slices file', () => {
  const lines = [...extractSite(dataset, config, AS_OF, { dataLabel: 'sample' }).accountSlices()].slice(0, 40).map(sliceLine);
  const bytes = Buffer.from(lines.join(''));

  it('finds every slice, whatever chunks the file is read in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 50 }), (sizes) => {
        const index = sliceIndex();
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          index.add(bytes.subarray(at, at + size));
          at += size;
        }
        const found = index.done();
        expect(found.size).toBe(lines.length);
        for (const line of lines) {
          const slug = line.slice(0, line.indexOf('\t'));
          const { start, length } = found.get(slug)!;
          expect(JSON.parse(bytes.subarray(start, start + length).toString('utf8')).account.slug).toBe(slug);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('says so when the file ends inside a line', () => {
    const index = sliceIndex();
    index.add(bytes.subarray(0, bytes.length - 1));
    expect(() => index.done()).toThrow(/ends inside the line/u);
  });
});
