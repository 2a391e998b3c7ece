/**
 * The filter data file round-trips: the Dataset rebuilt from it gives the
 * same metrics as the original (metrics.json, but for the data-quality
 * issues, which the file leaves out), and every value the metrics read is
 * exactly the original's.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import type { Metrics } from '../../../src/lib/metrics/types.ts';
import type { Dataset, Deal } from '../../../src/lib/dataset.ts';
import { decodeFilterData } from '../../../src/lib/filters/decode-filter-data.ts';
import { encodeFilterData } from '../../../src/lib/filters/encode-filter-data.ts';
import { FilterDataError, type FilterSiteFacts } from '../../../src/lib/filters/filter-data.ts';
import { filterDataText, filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2026-06-30';
const sample = await readFolder('data/sample');
const site = buildSiteData(sample.dataset, sample.config, AS_OF, { dataLabel: 'sample', trends: false });
const text = filterDataText(sample.dataset, sample.config, site);
const decoded = decodeFilterData(JSON.parse(text));

/** metrics.json without what the filter data leaves out: the data-quality issues (never shown on a filtered page). */
const withoutIssues = (m: Metrics) => ({ ...m, data_quality: { ...m.data_quality, issues: [] } });

/** What the metrics read of a deal (the filter data file keeps exactly these). */
function metricFields(d: Deal) {
  const { name: _n, accountName: _a, cost: _c, purchaseType: _p, currency: _cur, fxRate: _fx, line: _l, keyman, ...rest } = d;
  // (makeDataset's deals also carry the spec's `history`, which is no Deal field.)
  const { history: _h, ...fields } = rest as typeof rest & { history?: unknown };
  return { ...fields, hasKeyman: keyman.trim() !== '' };
}

function visitsByDeal(dataset: Dataset): [number, number][][] {
  const out: [number, number][][] = dataset.deals.map(() => []);
  const h = dataset.stageHistory;
  for (let i = 0; i < h.length; i++) out[h.deal[i]!]!.push([h.stage[i]!, h.enteredAt[i]!]);
  return out;
}

describe('filter data file', () => {
  it('gives the same metrics.json for the sample (as of the build date and a year earlier)', () => {
    for (const asOf of [AS_OF, '2025-06-30']) {
      expect(withoutIssues(computeMetrics(decoded.dataset, decoded.config, asOf))).toEqual(withoutIssues(computeMetrics(sample.dataset, sample.config, asOf)));
    }
  });

  it('rebuilds the config, every value the metrics read and each deal’s history in file order', () => {
    // Whether the file gave `currency` is for ingest's warnings alone (vendor/currency-column.ts): the page never reads a file.
    const { redaction: _r, currencyGiven: _g, ...config } = sample.config;
    expect(decoded.config).toEqual(config);
    expect(Object.getPrototypeOf(decoded.config.stall_days)).toBe(null);
    expect(Object.getPrototypeOf(decoded.config.stages[0]!.label)).toBe(null);
    expect(decoded.dataset.deals.map(metricFields)).toEqual(sample.dataset.deals.map(metricFields));
    expect(visitsByDeal(decoded.dataset)).toEqual(visitsByDeal(sample.dataset));
    expect(decoded.dataset.fieldHistory).toEqual(sample.dataset.fieldHistory);
    expect(decoded.dataset.targets).toEqual(sample.dataset.targets);
    expect(decoded.dataset.columns).toEqual(sample.dataset.columns);
    expect(decoded.dataset.fileHashes).toEqual(sample.dataset.fileHashes);
  });

  it('carries each deal’s account’s segment, industry and region, so that a filtered page groups deals by them as the build does', () => {
    const withDeals = new Set(sample.dataset.deals.map((d) => d.accountId));
    const facts = (accounts: Dataset['accounts']) => accounts!.filter((a) => withDeals.has(a.accountId)).map((a) => [a.accountId, a.segment, a.industry, a.region]).sort();
    expect(decoded.dataset.accounts).toHaveLength(withDeals.size);
    expect(facts(decoded.dataset.accounts)).toEqual(facts(sample.dataset.accounts));
    const rebuilt = buildSiteData(decoded.dataset, decoded.config, AS_OF, { dataLabel: 'sample', trends: false, accounts: false });
    expect(rebuilt.grouped_outcomes).toEqual(site.grouped_outcomes);
    expect(rebuilt.grouped_outcomes.segment!.map((r) => r.name)).toEqual(['중소기업', '중견기업', '대기업']);
    expect(rebuilt.grouped_outcomes.region!.map((r) => r.name).slice(0, 3)).toEqual(['울산', '충남', '경기']);
    // Without accounts.csv: none, and the pages say so rather than group every deal as "(unspecified)".
    const none = { ...sample.dataset, accounts: null };
    const noFacts = JSON.parse(filterDataText(none, sample.config, site)) as { deals: { account: { facts: unknown } } };
    expect(noFacts.deals.account.facts).toBeNull();
    expect(decodeFilterData(noFacts).dataset.accounts).toBeNull();
  });

  it('names only the deals a filtered page can list (open at the date, removed, or won in its quarter), and never a keyman', () => {
    const listed = new Set([...site.open_deals.map((d) => d.deal_id), ...site.removed_deals.map((d) => d.deal_id), ...site.won_this_quarter.map((d) => d.deal_id)]);
    // The quarter's won deals are neither open nor removed: named only for their list.
    expect(site.won_this_quarter.length).toBe(61);
    decoded.dataset.deals.forEach((d, i) => {
      const original = sample.dataset.deals[i]!;
      expect(d.name).toBe(listed.has(d.id) ? original.name : '');
      expect(d.accountName).toBe(listed.has(d.id) ? original.accountName : '');
    });
    const keymen = sample.dataset.deals.map((d) => d.keyman).filter((k) => k.trim() !== '');
    expect(keymen.length).toBeGreaterThan(0);
    for (const k of new Set(keymen)) expect(text).not.toContain(JSON.stringify(k));
    expect(decoded.site).toEqual(filterSiteFacts(site, sample.config));
  });

  it('never holds the secret redaction salt of the config', () => {
    const salt = 'f00dfacecafe0123456789abcdef0042';
    const config = { ...sample.config, redaction: { salt } };
    const withSalt = filterDataText(sample.dataset, config, site);
    expect(withSalt).not.toContain(salt);
    expect(withSalt).not.toContain('redaction');
  });

  it('is the same bytes for the same input, and fits the sample budget', () => {
    expect(filterDataText(sample.dataset, sample.config, site)).toBe(text);
    expect(Buffer.byteLength(text)).toBeLessThan(1_000_000);
  });

  it('keeps exact values: fractions, seconds, milliseconds, dates before 1970, nulls, odd names', () => {
    const config = defaultConfig();
    const t = Date.UTC(2026, 0, 5, 9, 30);
    const dataset = makeDataset(config, [
      { id: 'a', owner: '__proto__', team: 'constructor', product: 'hasOwnProperty', createdAt: t + 0.5, amount: 1234.567, expectedCloseAt: '2026-03-31', history: [['prospect', t + 0.5], ['qualify', t + 61_001]] },
      { id: 'b', createdAt: Date.UTC(1969, 11, 31, 23, 59, 59), amount: null, closedAt: Date.UTC(1970, 0, 2), expectedCloseAt: '1969-12-30', stage: 'won', history: [['prospect', Date.UTC(1969, 11, 31, 23, 59, 59)], ['won', Date.UTC(1970, 0, 2)]] },
      { id: 'c', createdAt: t, amount: 3e9, lifecycleMonths: 36, installedAt: t + 86_400_000, forecastCategory: 'best_case', keyman: 'Kim', budgetConfirmed: true },
    ], [
      { deal: 0, field: 'amount', oldValue: 1000.25, newValue: 1234.567, changedAt: t + 1, line: 2 },
      { deal: 2, field: 'expected_close_at', oldValue: null, newValue: '2026-06-30', changedAt: t + 60_000, line: 3 },
      { deal: 2, field: 'expected_close_at', oldValue: '2026-06-30', newValue: null, changedAt: t + 120_000, line: 7 },
      { deal: 0, field: 'amount', oldValue: 5, newValue: 6, changedAt: t + 2, line: 9 },
    ]);
    dataset.targets = [{ period: '2026-Q1', owner: '', team: '', targetAmount: 1.5e9, line: 2 }];
    const facts: FilterSiteFacts = { as_of: '2026-06-30', data_label: 'x', stall_now: [30, 30, 30, 30], stall_previous: [30, 30, 30, 30], stall_basis: [['prospect', 'p90']], stall_visits: [['prospect', 22]], owner_slugs: [], quiet_owners: [], accounts: [], oldest_record: '1969-12-31', newest_change: '2026-01-05' };
    const back = decodeFilterData(JSON.parse(JSON.stringify(encodeFilterData(dataset, config, facts, new Set(['a'])))));
    expect(back.dataset.deals.map(metricFields)).toEqual(dataset.deals.map(metricFields));
    expect(back.dataset.fieldHistory).toEqual(dataset.fieldHistory);
    expect(visitsByDeal(back.dataset)).toEqual(visitsByDeal(dataset));
    expect(back.dataset.targets).toEqual(dataset.targets);
    expect(back.site).toEqual(facts);
    expect(computeMetrics(back.dataset, back.config, '2026-06-30')).toEqual(computeMetrics(dataset, config, '2026-06-30'));
  });

  it('keeps each deal’s history in file order when the file interleaves the deals', () => {
    const config = defaultConfig();
    const t = Date.UTC(2026, 0, 5, 9, 30);
    const day = 86_400_000;
    const dataset = makeDataset(config, [
      { id: 'a', createdAt: t, history: [['prospect', t], ['qualify', t + 2 * day], ['propose', t + 4 * day]] },
      { id: 'b', createdAt: t + day, history: [['prospect', t + day], ['negotiate', t + 3 * day]] },
    ]);
    // The rows as a file may give them: a, b, a, b, a (each deal's own rows still in their order).
    const rows = [0, 3, 1, 4, 2];
    const h = dataset.stageHistory;
    dataset.stageHistory = { deal: Int32Array.from(rows, (r) => h.deal[r]!), stage: Int32Array.from(rows, (r) => h.stage[r]!), enteredAt: Float64Array.from(rows, (r) => h.enteredAt[r]!), length: rows.length };
    const facts: FilterSiteFacts = { as_of: '2026-06-30', data_label: 'x', stall_now: [30, 30, 30, 30], stall_previous: [30, 30, 30, 30], stall_basis: [['prospect', 'p90']], stall_visits: [['prospect', 22]], owner_slugs: [], quiet_owners: [], accounts: [], oldest_record: null, newest_change: null };
    const encoded = encodeFilterData(dataset, config, facts, new Set());
    const stage = (id: string) => config.stages.find((s) => s.id === id)!.index;
    expect(encoded.history.rows).toEqual([3, 2]);
    expect(encoded.history.stage).toEqual([stage('prospect'), stage('qualify'), stage('propose'), stage('prospect'), stage('negotiate')]);
    const back = decodeFilterData(JSON.parse(JSON.stringify(encoded)));
    expect(visitsByDeal(back.dataset)).toEqual([
      [[stage('prospect'), t], [stage('qualify'), t + 2 * day], [stage('propose'), t + 4 * day]],
      [[stage('prospect'), t + day], [stage('negotiate'), t + 3 * day]],
    ]);
  });

  it('refuses a file that is not one, naming what is wrong', () => {
    const good = JSON.parse(text);
    expect(() => decodeFilterData(null)).toThrow(FilterDataError);
    expect(() => decodeFilterData({ ...good, version: 99 })).toThrow(/version 99/);
    expect(() => decodeFilterData({ ...good, deals: { ...good.deals, stage: good.deals.stage.map(() => 99) } })).toThrow(/deals\.stage/);
    expect(() => decodeFilterData({ ...good, deals: { ...good.deals, owner: { ...good.deals.owner, codes: [1e9] } } })).toThrow(/deals\.owner/);
    expect(() => decodeFilterData({ ...good, history: { ...good.history, rows: [1] } })).toThrow(/history\.rows/);
    expect(() => decodeFilterData({ ...good, site: { ...good.site, stall_visits: undefined } })).toThrow(/site\.stall_visits/);
    expect(() => decodeFilterData({ ...good, site: { ...good.site, stall_visits: [['prospect', -1]] } })).toThrow(/site\.stall_visits/);
    expect(() => decodeFilterData({ ...good, site: { ...good.site, newest_change: undefined } })).toThrow(/site\.newest_change: expected a date \(YYYY-MM-DD\) or null/);
    expect(() => decodeFilterData({ ...good, site: { ...good.site, oldest_record: '2026-6-1' } })).toThrow(/site\.oldest_record/);
    expect(good.site.quiet_owners).toEqual([['최지훈', '2025-02-24']]);
    expect(() => decodeFilterData({ ...good, site: { ...good.site, quiet_owners: [['최지훈', 'Feb 24']] } })).toThrow(/site\.quiet_owners/);
    expect(() => decodeFilterData({ ...good, deals: { ...good.deals, account: { ...good.deals.account, facts: { segment: good.deals.account.facts.segment } } } })).toThrow(
      /deals\.account\.facts\.industry/,
    );
    const { region: _region, ...noRegion } = good.deals.account.facts;
    expect(() => decodeFilterData({ ...good, deals: { ...good.deals, account: { ...good.deals.account, facts: noRegion } } })).toThrow(/deals\.account\.facts\.region/);
  });
});
