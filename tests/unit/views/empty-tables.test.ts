/**
 * Every table says why it is empty: no page shows a generic "no data" line.
 * Each table of every page (chart tables included), of every owner's and
 * account's page, and of every filtered page, on data sets and filters that
 * leave tables empty (a filter matching nothing, an owner with no deal in the
 * window, a report date before the first deal, the fixtures), in English and
 * Korean: a table without rows carries its own sentence, and a table marked
 * NEVER_EMPTY has rows.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { type Filter, NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { FILTER_PAGES, pageParts } from '../../../src/lib/filters/page-parts.ts';
import { filteredSiteData } from '../../../src/lib/filters/recompute.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import { LOCALES, type Locale } from '../../../src/lib/i18n/index.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { repurchaseByAccount } from '../../../src/lib/views/account-pages.ts';
import { accountModel, ownerModel, pageContext, type PageContext, PAGES, pageTables } from '../../../src/lib/views/pages/index.ts';
import type { SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { NEVER_EMPTY, type TableModel } from '../../../src/lib/views/table.ts';

interface Seen {
  where: string;
  table: TableModel;
}

/** Every table a reader can see for this context: each page's, each owner's and account's page. */
function everyTable(ctx: PageContext, where: string): Seen[] {
  const out: Seen[] = [];
  for (const page of PAGES) for (const table of pageTables(ctx, page)) out.push({ where: `${where} ${page}`, table });
  for (const row of ctx.site.owners.rows) out.push({ where: `${where} owner ${row.name}`, table: ownerModel(ctx, row).deals });
  const repurchase = repurchaseByAccount(ctx.site.metrics.repurchase);
  for (const account of ctx.site.accounts) {
    const a = accountModel(ctx, { account, repurchase: repurchase.get(account.account_id) ?? [] });
    out.push({ where: `${where} account ${account.account_id}`, table: a.deals }, { where: `${where} account ${account.account_id}`, table: a.repurchase });
  }
  return out;
}

/** Every table of every filtered page (chart tables of charts that are drawn). */
function filteredTables(ctx: PageContext, where: string): Seen[] {
  return FILTER_PAGES.flatMap((page) => {
    const parts = pageParts(ctx, page);
    return [...parts.tables, ...parts.charts.filter((c) => !c.unavailable).map((c) => c.table)].map((table) => ({ where: `${where} ${page}`, table }));
  });
}

/** The old catalogue's generic line, in both languages: never shown again. */
const GENERIC = ['No data to show yet.', '아직 표시할 데이터가 없습니다.'];

function check(seen: Seen[]): { empty: Seen[] } {
  const empty = seen.filter((s) => s.table.rows.length === 0);
  for (const { where, table } of empty) {
    expect(table.empty, `${where} ${table.id}`).not.toBe(NEVER_EMPTY);
    expect(typeof table.empty, `${where} ${table.id}`).toBe('string');
    expect(GENERIC, `${where} ${table.id}`).not.toContain(table.empty);
  }
  return { empty };
}

const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });

describe('every empty table says why', async () => {
  const sample = await readFolder('data/sample');
  const full = buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' });
  const data = { dataset: sample.dataset, config: sample.config, site: filterSiteFacts(full, sample.config) };
  const filtered = (filter: Filter, locale: Locale) => {
    const view = filteredSiteData(data, filter);
    return pageContext(view.site, locale, '/', view.facts);
  };

  it('the catalogues have no generic "no data" line to fall back to', () => {
    expect(Object.keys(en.empty)).not.toContain('noData');
    expect(Object.keys(ko.empty)).not.toContain('noData');
  });

  for (const locale of LOCALES) {
    it(`${locale}: a filter that matches no deal: every page's tables say so or say what is missing`, () => {
      const ctx = filtered(f({ owner: 'nobody' }), locale);
      const { empty } = check(filteredTables(ctx, 'owner=nobody'));
      const byId = new Map(empty.map((s) => [s.table.id, s.table.empty]));
      const m = ctx.m;
      expect(byId.get('by-owner')).toBe(m.absence.filterMatchesNone);
      expect(byId.get('by-team')).toBe(m.absence.filterMatchesNone);
      // No deal at all: no open deal, so none stalled; nothing closed, lost or won.
      expect(byId.get('stalled')).toBe(m.empty.noOpenDeals);
      expect(byId.get('stalled-by-owner')).toBe(m.empty.noOpenDeals);
      expect(byId.get('top-stalled')).toBe(m.empty.noOpenDeals);
      expect(byId.get('competitors')).toBe(m.empty.noClosed);
      expect(byId.get('loss-reasons')).toBe(m.empty.noLossReasons);
      expect(byId.get('win-reasons')).toBe(m.empty.noWinReasons);
    });
  }

  it('an owner with deals but none open or closed in the window (최지훈): the tables say what is missing', () => {
    const ctx = filtered(f({ owner: '최지훈' }), 'en');
    expect(ctx.site.metrics.pipeline.open_count).toBe(0);
    const { empty } = check(filteredTables(ctx, 'owner=최지훈'));
    expect(new Set(empty.map((s) => s.table.empty))).toEqual(
      // 최지훈's last deal activity was in Feb 2025: nothing won this quarter either.
      new Set([en.empty.noOpenDeals, en.empty.noClosed, en.empty.noLossReasons, en.empty.noWinReasons, 'No deal was won in Q2 2026 up to Jun 30, 2026.']),
    );
  });

  it('a period whose deals are all covered or all due: the other repurchase table says which', () => {
    const ctx = filtered(f({ period: '2026-Q1' }), 'en');
    const [due, covered] = pageParts(ctx, 'repurchase').tables;
    expect(due!.rows.length).toBeGreaterThan(0);
    expect(covered!.rows).toEqual([]);
    expect(covered!.empty).toBe('No customer in the schedule has a newer deal of the same product since its last purchase yet.');
  });

  for (const locale of LOCALES) {
    it(`${locale}: a report date before the first deal: owners, teams and accounts say why nothing is listed`, () => {
      const early: SiteData = buildSiteData(sample.dataset, sample.config, '2023-06-30', { dataLabel: 'sample' });
      const ctx = pageContext(early, locale);
      expect(early.metrics.pipeline.open_count).toBe(0);
      const { empty } = check(everyTable(ctx, 'as of 2023-06-30'));
      const byId = new Map(empty.map((s) => [s.table.id, s.table.empty]));
      expect(byId.get('by-owner')).toBe(ctx.m.empty.noOwners);
      expect(byId.get('by-team')).toBe(ctx.m.empty.noTeams);
      expect(byId.get('removed-deals')).toBe(ctx.m.empty.noRemoved);
      // accounts.csv lists the sample's accounts: the index has them, each without deals.
      expect(ctx.site.accounts.length).toBeGreaterThan(0);
      expect(byId.get('account-deals')).toBe(ctx.m.pages.account.noDeals({ id: ctx.site.accounts.at(-1)!.account_id }));
    });
  }

  it('the sample and every fixture, unfiltered and under a few filters: no empty table without its sentence, and NEVER_EMPTY tables have rows', async () => {
    const folders = readdirSync('tests/fixtures')
      .filter((d) => d !== 'bad' && d !== 'exports')
      .map((d) => join('tests/fixtures', d, 'data'))
      .filter((d) => existsSync(d));
    let emptyTables = 0;
    for (const folder of ['data/sample', ...folders]) {
      const { dataset, config } = await readFolder(folder);
      const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: folder });
      const facts = { dataset, config, site: filterSiteFacts(site, config) };
      for (const locale of LOCALES) {
        const all = everyTable(pageContext(site, locale), folder);
        emptyTables += check(all).empty.length;
        for (const { where, table } of all) if (table.empty === NEVER_EMPTY) expect(table.rows.length, `${where} ${table.id}`).toBeGreaterThan(0);
        for (const filter of [f({ owner: dataset.deals[0]!.owner }), f({ product: dataset.deals.at(-1)!.product }), f({ period: '2026-Q2' })]) {
          const view = filteredSiteData(facts, filter);
          const ctx = pageContext(view.site, locale, '/', view.facts);
          const seen = filteredTables(ctx, `${folder} ${JSON.stringify(filter)}`);
          emptyTables += check(seen).empty.length;
          for (const { where, table } of seen) if (table.empty === NEVER_EMPTY) expect(table.rows.length, `${where} ${table.id}`).toBeGreaterThan(0);
        }
      }
    }
    // The data sets do leave tables empty: the check above had something to check.
    expect(emptyTables).toBeGreaterThan(100);
  });
});
