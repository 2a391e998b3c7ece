/**
 * An open deal without an expected close date (an empty expected_close_at in
 * deals.csv; data/sample has two) showed an empty cell in the deal lists
 * (an owner's open deals, the Stalled page's lists, an account's deals),
 * which read as a fault of the page beside its neighbours' dates, while the
 * Forecast chart says "No close date". The lists now say so, muted, as they
 * do a missing amount; their CSV leaves the cell empty. A closed deal's cell
 * on an account page stays empty: its expected close is history.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { accountModel, ownerModel, pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { extractSite } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, noonOf, proposalDeal } from '../../helpers/dataset.ts';

const at = noonOf;
const config = defaultConfig();
/** At Proposal since 2025-01-10: stalled as of 2025-06-30. */
const deal = (id: string, extra: Partial<DealSpec>): DealSpec => proposalDeal(id, { amount: 1_000_000, ...extra });
const extracted = extractSite(
  makeDataset(config, [
    deal('N1', { expectedCloseAt: null }),
    deal('D1', { expectedCloseAt: '2025-08-15' }),
    deal('W1', { expectedCloseAt: null, closedAt: at('2025-03-01'), history: [['prospect', at('2025-01-02')], ['won', at('2025-03-01')]] }),
  ]),
  config,
  '2025-06-30',
  { dataLabel: 'test' },
);
const site = siteDataSchema.parse(extracted.site);
const slice = [...extracted.accountSlices()][0]!;

/** Each row's deal id (first CSV column) with the expected-close cell's text, tone and CSV value. */
function closes(t: TableModel, label: string): Record<string, [string, string | undefined, unknown]> {
  const col = t.headers.findIndex((h) => h.label === label);
  const csvCol = t.csv.headers.indexOf(label);
  return Object.fromEntries(t.csv.rows.map((r, i) => [r[0] as string, [t.rows[i]![col]!.text, t.rows[i]![col]!.tone, r[csvCol]]]));
}

describe('an open deal without an expected close date', () => {
  it.each<[Locale, string, string, string]>([
    ['en', 'Expected close', 'No close date', 'Aug 15, 2025'],
    ['ko', '예상 마감일', '마감일 미정', '2025.\u00a08.\u00a015.'],
  ])('says so in the owner, stalled and account lists (%s), muted, the CSV cell empty', (locale, label, none, date) => {
    const ctx = pageContext(site, locale);
    const open = { N1: [none, 'muted', null], D1: [date, undefined, '2025-08-15'] };
    expect(closes(ownerModel(ctx, site.owners.rows[0]!).deals, label)).toEqual(open);
    expect(closes(stalledModel(ctx).stalled, label)).toEqual(open);
    // A closed deal's expected close is history: its cell stays empty.
    expect(closes(accountModel(ctx, slice).deals, label)).toEqual({ ...open, W1: ['', undefined, null] });
  });
});
