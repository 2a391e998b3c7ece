/**
 * Account pages without accounts.csv, or of a deals.csv without keyman,
 * competitor or reason columns (a HubSpot or Pipedrive export): the facts
 * a planning page lives on vanished without a word, and the index's
 * industry and region and the deal list's keyman, competitor and reason
 * columns stood empty, as if nothing were recorded. The pages now say
 * accounts.csv is missing and how to add it, and leave out the columns the
 * data does not have.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { accountModel, accountsIndexModel, accountsNotes, dataQualityModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { extractSite } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
const NOTE =
  'There is no accounts.csv, so the account pages show only what deals.csv says of each account: add accounts.csv (account_id, then any of industry, segment, region, keyman, relationship, budget_cycle_month, installed_competitor, notes) to plan each account.';

function extracted(edit: (d: Dataset) => void = () => {}) {
  const dataset = makeDataset(config, [
    {
      id: 'L1',
      accountId: 'A1',
      accountName: 'Acme',
      createdAt: at('2025-01-10'),
      closedAt: at('2025-03-01'),
      amount: 1_000_000,
      lostReason: 'price',
      competitor: 'Rival',
      history: [
        ['prospect', at('2025-01-10')],
        ['lost', at('2025-03-01')],
      ],
    },
  ]);
  edit(dataset);
  const run = extractSite(dataset, config, '2025-06-30', { dataLabel: 'test' });
  return { site: run.site, slice: [...run.accountSlices()][0]! };
}

describe('account pages, honest about what the data lacks', () => {
  it('without accounts.csv: the index, each page and the data-quality page say so; no empty industry or region column', () => {
    const { site, slice } = extracted();
    const en = pageContext(site, 'en');
    expect(accountsNotes(en)).toEqual([NOTE]);
    expect(accountModel(en, slice).notes).toEqual([NOTE]);
    expect(dataQualityModel(en).limits).toContain(NOTE);
    expect(accountsNotes(pageContext(site, 'ko'))[0]).toMatch(/^accounts\.csv가 없어 고객사 페이지에는 deals\.csv에 있는 내용만 표시합니다\./);
    expect(accountsIndexModel(en).headers.map((h) => h.label)).toEqual(['Account', 'Open amount', 'Won to date', 'Open deals', 'Won deals', 'Account ID']);
    expect(accountsIndexModel(en).csv.headers).toEqual(['Account', 'Account ID', 'Open deals', 'Open amount', 'Won deals', 'Won to date']);
  });

  it('without keyman, competitor and reason columns in deals.csv: the deal list leaves them out', () => {
    // makeDataset's deals.csv has deal_id, keyman and budget_confirmed only.
    const { site, slice } = extracted();
    const labels = accountModel(pageContext(site, 'en'), slice).deals.headers.map((h) => h.label);
    expect(labels).toContain('Keyman');
    expect(labels).not.toContain('Competitor');
    expect(labels).not.toContain('Win or loss reason');
  });

  it('with accounts.csv and the columns: no note, every column', () => {
    const { site, slice } = extracted((d) => {
      d.accounts = [{ accountId: 'A1', accountName: 'Acme', industry: 'Auto', segment: '', region: 'Seoul', keyman: '', relationship: '', budgetCycleMonth: null, installedCompetitor: '', notes: '', line: 2 }];
      for (const c of ['competitor', 'lost_reason']) d.columns['deals.csv']!.add(c);
    });
    const en = pageContext(site, 'en');
    expect(accountsNotes(en)).toEqual([]);
    expect(accountModel(en, slice).notes).toEqual([]);
    expect(accountsIndexModel(en).headers.map((h) => h.label)).toContain('Industry');
    const model = accountModel(en, slice).deals;
    const reason = model.headers.findIndex((h) => h.label === 'Win or loss reason');
    expect(model.rows[0]![reason]!.text).toBe('Price');
    expect(model.rows[0]![model.headers.findIndex((h) => h.label === 'Competitor')]!.text).toBe('Rival');
  });

  it('accounts.csv without account_name: the page is named as its deals name the account, not by its id', () => {
    const { site, slice } = extracted((d) => {
      d.accounts = [{ accountId: 'A1', accountName: '', industry: 'Auto', segment: '', region: '', keyman: 'Jin Park', relationship: '', budgetCycleMonth: 3, installedCompetitor: '', notes: '', line: 2 }];
    });
    expect(site.accounts.map((a) => [a.account_id, a.name, a.keyman])).toEqual([['A1', 'Acme', 'Jin Park']]);
    expect(slice.account.name).toBe('Acme');
  });
});
