/**
 * The Forecast page's "Won in Q2 2026 so far" (views/won-deals.ts,
 * pages/forecast-won.ts): the deals won in the report date's quarter up to
 * it, as coverage counts their amount. On the sample, as of 2026-06-30.
 */
import { describe, expect, it } from 'vitest';
import { filterDataText, filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { decodeFilterData } from '../../../src/lib/filters/decode-filter-data.ts';
import { type Filter, NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData } from '../../../src/lib/filters/recompute.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { forecastModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample', trends: false });
const data = { dataset, config, site: filterSiteFacts(site, config) };
const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });
const wonTable = (s: typeof site, facts?: Parameters<typeof pageContext>[3], locale: 'en' | 'ko' = 'en') =>
  forecastModel(pageContext(s, locale, '/', facts)).tables.find((t) => t.id === 'won-this-quarter')!;

describe('the deals won in the quarter so far', () => {
  it('61 deals worth ₩18,036,348,000, largest first: the quarter’s won amount in coverage', () => {
    // An independent reading of the CSVs (metrics.md rules 3 to 8, USD at the config's 1,380): 61 deals won from
    // Apr 1 to Jun 30, 2026, ₩18,036,348,000 at T, the largest D-01653 (₩1,676,148,000).
    const won = site.won_this_quarter;
    expect(won.length).toBe(61);
    expect(won.reduce((sum, d) => sum + d.amount, 0)).toBe(18_036_348_000);
    expect(site.metrics.coverage.find((r) => r.period === '2026-Q2')!.won_amount).toBe(18_036_348_000);
    expect([won[0]!.deal_id, won[0]!.amount]).toEqual(['D-01653', 1_676_148_000]);
    for (const d of won) expect(d.closed >= '2026-04-01' && d.closed <= '2026-06-30').toBe(true);
    for (let i = 1; i < won.length; i++) expect(won[i - 1]!.amount).toBeGreaterThanOrEqual(won[i]!.amount);
  });

  it('the page lists them with a total row, in English and Korean', () => {
    const en = wonTable(site);
    expect(en.caption).toBe('Won in Q2 2026 so far');
    // The 61 deals, then the total row (the page's only; the CSV lists the deals).
    expect([en.rows.length, en.totalRows, en.csv.rows.length]).toEqual([62, 1, 61]);
    expect(en.rows.at(-1)!.slice(0, 2).map((c) => c.text)).toEqual(['Total: 61\u00a0deals', '₩18B']);
    expect(en.rows[0]!.slice(0, 3).map((c) => c.text)).toEqual([site.won_this_quarter[0]!.name, '₩1.68B', 'May 18, 2026']);
    // D-01653: USD 1,214,600 at the config's 1,380, won on May 18, 2026 (stage_history.csv).
    expect(en.headers.map((h) => h.label)).toEqual(['Deal', 'Amount', 'Won on', 'Owner', 'Account', 'Product']);
    expect(en.csv.headers).toEqual(['Deal ID', 'Deal', 'Amount', 'Won on', 'Owner', 'Account ID', 'Account', 'Product']);
    expect(wonTable(site, undefined, 'ko').caption).toMatch(/^2026년\s2분기 수주 딜\(지금까지\)$/u);
  });

  it('a filtered view lists its own: an owner’s won deals, none under a later close period, and why', () => {
    const owner = '강도윤';
    const view = filteredSiteData(data, f({ owner }));
    expect(view.site.won_this_quarter).toEqual(site.won_this_quarter.filter((d) => d.owner === owner));
    expect(view.site.won_this_quarter.length).toBeGreaterThan(0);
    const q3 = filteredSiteData(data, f({ closing: '2026-Q3' }));
    expect(q3.site.won_this_quarter).toEqual([]);
    expect(wonTable(q3.site, q3.facts).empty).toBe('No deal was won in Q2 2026 up to Jun 30, 2026.');
    const none = filteredSiteData(data, f({ owner: 'nobody' }));
    expect(wonTable(none.site, none.facts).empty).toBe(pageContext(none.site, 'en').m.absence.filterMatchesNone);
    // The filter data keeps these deals' names (and their accounts'), so the filtered list names them.
    const decoded = decodeFilterData(JSON.parse(filterDataText(dataset, config, site)));
    const named = new Map(decoded.dataset.deals.map((d) => [d.id, d]));
    for (const d of site.won_this_quarter) expect([named.get(d.deal_id)!.name, named.get(d.deal_id)!.accountName]).toEqual([d.name, d.account_name]);
  });
});
