/**
 * An open deal whose expected close date has passed was red, with "past due" in words, on its account page, but
 * plain on its owner's page (and the Stalled page's lists), where an owner reviews the deals that should have
 * closed. Every open-deal list now marks it the same way: tone 'bad', the cell note in words and its sign.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { accountModel, ownerModel, pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { extractSite } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, proposalDeal } from '../../helpers/dataset.ts';

const config = defaultConfig();
/** At Proposal since 2025-01-10: stalled as of 2025-06-30. */
const deal = (id: string, expectedCloseAt: string | null): DealSpec => proposalDeal(id, { amount: 1_000_000, expectedCloseAt });
// Past due (June 15), due on the as-of date itself (not past), later, none.
const extracted = extractSite(makeDataset(config, [deal('P1', '2025-06-15'), deal('T1', '2025-06-30'), deal('D1', '2025-08-15'), deal('N1', null)]), config, '2025-06-30', { dataLabel: 'test' });
const site = siteDataSchema.parse(extracted.site);
const slice = [...extracted.accountSlices()][0]!;

/** Each row's deal id (first CSV column) with the expected-close cell's tone, note and mark. */
function closes(t: TableModel, label: string): Record<string, [string | undefined, string | undefined, string | undefined]> {
  const col = t.headers.findIndex((h) => h.label === label);
  return Object.fromEntries(t.csv.rows.map((r, i) => [r[0] as string, [t.rows[i]![col]!.tone, t.rows[i]![col]!.note, t.rows[i]![col]!.mark]]));
}

describe('a past-due expected close date in an open-deal list', () => {
  it.each<[Locale, string, string]>([
    ['en', 'Expected close', 'past due'],
    ['ko', '예상 마감일', '마감일 경과'],
  ])('is red with "%s" in words on the owner, stalled and account pages alike (%s)', (locale, label, note) => {
    const ctx = pageContext(site, locale);
    const expected = { P1: ['bad', note, '⚠\uFE0E'], T1: [undefined, undefined, undefined], D1: [undefined, undefined, undefined], N1: ['muted', undefined, undefined] };
    const account = closes(accountModel(ctx, slice).deals, label);
    expect(account).toEqual(expected);
    expect(closes(ownerModel(ctx, site.owners.rows[0]!).deals, label)).toEqual(account);
    expect(closes(stalledModel(ctx).stalled, label)).toEqual(account);
  });
});
