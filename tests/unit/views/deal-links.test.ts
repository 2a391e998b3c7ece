/**
 * Config `deal_url`: deal names link to the deal's page in the CRM, `{deal_id}` replaced by the id encoded as one
 * path segment. No links without it, in a redacted build (pseudonyms for ids) or from an export whose ids are not the
 * CRM's (a Salesforce report without Opportunity ID).
 */
import { describe, expect, it } from 'vitest';
import { NO_RECORD_IDS } from '../../../src/lib/dataset.ts';
import { configJson, restoreConfig } from '../../../src/lib/filters/filter-config.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { redact } from '../../../src/lib/ingest/redact.ts';
import { forecastModel, pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset, proposalDeal } from '../../helpers/dataset.ts';

const URL = 'https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}';

function siteOf(config: ReturnType<typeof parseConfig>, limitations: string[] = []) {
  // At Proposal since 2025-01-10: stalled as of 2025-06-30.
  // Expected to close this month (June 2025): on the Forecast page's deal lists too.
  const june = '2025-06-30';
  const dataset = makeDataset(config, [proposalDeal('D 1/2#3', { amount: 1_000_000, expectedCloseAt: june }), proposalDeal('9001', { amount: 2_000_000, expectedCloseAt: june })]);
  dataset.source.limitations.push(...limitations);
  return siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
}

const stalledLinks = (site: ReturnType<typeof siteOf>) => stalledModel(pageContext(site, 'en')).stalled.rows.map((r) => [r[0]!.text, r[0]!.href]);

describe('deal names linking to the CRM', () => {
  it('link each deal to its page, the id encoded as one path segment', () => {
    const site = siteOf(parseConfig({ deal_url: URL }));
    expect(site.deal_url).toBe(URL);
    expect(stalledLinks(site)).toEqual([
      ['9001', 'https://app.hubspot.com/contacts/1234567/record/0-3/9001'],
      ['D 1/2#3', 'https://app.hubspot.com/contacts/1234567/record/0-3/D%201%2F2%233'],
    ]);
    // The Forecast page's deal lists too (their total rows link nowhere).
    const forecast = forecastModel(pageContext(site, 'en'));
    const hrefs = forecast.tables.flatMap((t) => t.rows.map((r) => r[0]!.href).filter((h) => h !== undefined && h.startsWith('https://')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^https:\/\/app\.hubspot\.com\/contacts\/1234567\/record\/0-3\/(?:9001|D%201%2F2%233)$/u.test(h!))).toBe(true);
  });

  it('link nowhere without deal_url, in a redacted build, or when the ids are not the CRM’s', () => {
    expect(stalledLinks(siteOf(parseConfig({})))).toEqual([
      ['9001', undefined],
      ['D 1/2#3', undefined],
    ]);
    // A build with --redact: its config and data as redact() makes them (pseudonyms for ids), none.
    const salted = parseConfig({ deal_url: URL, redaction: { salt: '0123456789abcdef0123' } });
    const redacted = redact(makeDataset(salted, [proposalDeal('9001', { amount: 1_000_000 })]), salted);
    expect(redacted.config.deal_url).toBeNull();
    expect(siteDataSchema.parse(buildSiteData(redacted.dataset, redacted.config, '2025-06-30', { dataLabel: 'test' })).deal_url).toBeNull();
    // The same config without --redact (the salt kept there for the shared build): the internal dashboard links.
    expect(siteOf(salted).deal_url).toBe(URL);
    expect(siteOf(parseConfig({ deal_url: URL }), [NO_RECORD_IDS]).deal_url).toBeNull();
  });

  it('reach a filtered page as built: the filter data carries deal_url, and none for a redacted build', () => {
    expect(restoreConfig(JSON.parse(JSON.stringify(configJson(parseConfig({ deal_url: URL }))))).deal_url).toBe(URL);
    const salted = parseConfig({ deal_url: URL, redaction: { salt: '0123456789abcdef0123' } });
    const redacted = redact(makeDataset(salted, [proposalDeal('9001', { amount: 1_000_000 })]), salted).config;
    expect(restoreConfig(JSON.parse(JSON.stringify(configJson(redacted)))).deal_url).toBeNull();
    expect(restoreConfig(JSON.parse(JSON.stringify(configJson(salted)))).deal_url).toBe(URL);
    // Filter data written before deal_url existed (a kept site): no links; a wrong value is refused.
    const { deal_url: _url, ...older } = configJson(parseConfig({}));
    expect(restoreConfig(older).deal_url).toBeNull();
    expect(() => restoreConfig({ ...older, deal_url: 7 })).toThrow('config.deal_url: expected text or null');
  });
});
