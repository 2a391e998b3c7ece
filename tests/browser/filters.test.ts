/**
 * Filters in the URL, in Chromium against a real build of the sample: a
 * filtered link opened fresh shows the engine's figures for that subset of
 * the deals, computed here in Node from the original CSV files; the
 * unfiltered page needs no script and loads no filter code or data.
 * Required in CI like site.test.ts (CI=true without Chromium fails).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSiteFacts } from '../../src/lib/filters/build-data.ts';
import { toCsv } from '../../src/lib/format/csv.ts';
import { joinWordDots, SEPARATOR, WORD_JOINER } from '../../src/lib/format/separator.ts';
import { type Filter, filterQuery, NO_FILTER } from '../../src/lib/filters/filter.ts';
import { pageParts } from '../../src/lib/filters/page-parts.ts';
import { filterNotes } from '../../src/lib/views/pages/filter-form.ts';
import { filteredSiteData, pinStallDays } from '../../src/lib/filters/recompute.ts';
import { filterDataset } from '../../src/lib/filters/subset.ts';
import { type Locale, messages } from '../../src/lib/i18n/index.ts';
import { readFolder } from '../../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../../src/lib/metrics/index.ts';
import type { Metrics } from '../../src/lib/metrics/types.ts';
import { type FilterFacts, forecastDealLists, forecastModel, overviewModel, ownersModel, pageContext, stalledModel, winLossModel } from '../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../src/lib/views/site-data.ts';
import type { SiteData } from '../../src/lib/views/schema.ts';
import type { Cell } from '../../src/lib/views/table.ts';
import { hasChromium, launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildTestSite, HOSTILE_NAME, TEST_AS_OF, type TestSite } from '../support/build-site.ts';

/** A cell's text as the page has it: with its tone's meaning in words, where the model gives one (visually hidden, but text). */
const heard = (c: Cell): string => (c.note ? `${c.text} ${c.note}` : c.text);

const required = process.env.CI === 'true' || process.env.CI === '1';
const run = hasChromium() || required;
/** One owner name that would run as HTML: the owner of the deal named HOSTILE_NAME. */
const HOSTILE_OWNER = '<img src=y onerror=alert(2)>"\'&';

describe.runIf(run)('filters in the URL, in Chromium', () => {
  let site: TestSite;
  let server: StaticServer;
  let browser: BrowserContext;
  let full: SiteData;
  let data: Parameters<typeof filteredSiteData>[0];
  let owner: string;
  let team: string;
  let product: string;

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('CI needs Chromium for the browser tests: apt-get install -y chromium');
    site = buildTestSite('filters', (_rows, renamed) => {
      renamed.owner = HOSTILE_OWNER;
      // Past its expected close: flagged, so the stalled page lists it.
      renamed.expected_close_at = '2026-01-15';
    });
    server = await serveStatic(site.dir);
    browser = await launchChromium();
    // The engine in Node, from the same CSV files the build read.
    const read = await readFolder(join('.cache', 'filters-data'));
    full = buildSiteData(read.dataset, read.config, TEST_AS_OF, { dataLabel: 'filters-data' });
    data = { dataset: read.dataset, config: read.config, site: filterSiteFacts(full, read.config) };
    const busiest = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    };
    owner = busiest(read.dataset.deals.map((d) => d.owner));
    team = busiest(read.dataset.deals.map((d) => d.team));
    product = busiest(read.dataset.deals.map((d) => d.product));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });

  /** The engine's metrics for the filter, computed directly (the company's stall thresholds, as the page keeps them). */
  const engineMetrics = (filter: Filter): Metrics =>
    computeMetrics(filterDataset(data.dataset, filter, data.config.timezone), pinStallDays(data.config, data.site.stall_now), TEST_AS_OF);

  /** The page context of a filtered view, as the browser makes it (with what its notes need of the filter). */
  const filteredContext = (filter: Filter, locale: Locale) => {
    const view = filteredSiteData(data, filter);
    return pageContext(view.site, locale, '/', view.facts);
  };

  async function openFiltered(path: string, filter: Filter, tab?: Page): Promise<Page> {
    const page = tab ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}${filterQuery(filter)}`);
    await page.waitForFunction(() => ['done', 'error'].includes(document.documentElement.dataset.filterState ?? ''), null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__pipescopeFilter?.error ?? null)).toBe(null);
    expect(await page.evaluate(() => document.documentElement.dataset.filterState)).toBe('done');
    expect(errors).toEqual([]);
    return page;
  }

  async function tileTexts(page: Page) {
    return page.$$eval('[data-tile]', (tiles) =>
      tiles.map((t) => ({
        key: t.getAttribute('data-tile'),
        value: t.querySelector('.tile-value')?.textContent ?? null,
        muted: t.querySelector('.tile-value')?.classList.contains('few') ?? false,
        detail: t.querySelector('.tile-detail')?.textContent ?? null,
        few: t.querySelector('.tile-few')?.textContent ?? null,
        delta: t.querySelector('.tile-delta')?.textContent?.trim() ?? null,
      })),
    );
  }

  /** The overview's tiles as the page model has them (`facts`: a filtered view's, as the browser computes it), their text as a page shows it (joinWordDots). */
  const modelTiles = (s: SiteData, locale: Locale, facts?: FilterFacts) =>
    overviewModel(pageContext(s, locale, '/', facts)).tiles.map((t) => ({
      key: t.key,
      value: t.value,
      muted: Boolean(t.few),
      detail: t.detail === null ? null : joinWordDots(t.detail),
      few: t.few ? joinWordDots(t.few) : null,
      delta: t.delta ? `${t.delta.direction === 'up' ? '▲' : t.delta.direction === 'down' ? '▼' : ''} ${t.delta.text}${t.verdict ? `${SEPARATOR}${t.verdict}` : ''}${t.since ? ` ${t.since}` : ''}`.trim() : null,
    }));

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: an owner's link opened fresh shows the engine's figures for that owner's deals`, async () => {
      const filter = f({ owner });
      const page = await openFiltered(`/${locale}/`, filter);
      const view = filteredSiteData(data, filter);
      expect(await page.evaluate(() => window.__pipescopeFilter?.matched)).toBe(view.matched);
      expect(view.matched).toBe(data.dataset.deals.filter((d) => d.owner === owner).length);
      const shown = await tileTexts(page);
      expect(shown).toEqual(modelTiles(view.site, locale, view.facts));
      // The same numbers straight from the engine, formatted as the page formats them.
      const metrics = engineMetrics(filter);
      const { f: fmt } = pageContext(view.site, locale, '/');
      const value = (key: string) => shown.find((t) => t.key === key)!.value;
      expect(value('openPipeline')).toBe(fmt.moneyCompact(metrics.pipeline.open_amount));
      expect(value('weightedPipeline')).toBe(fmt.moneyCompact(metrics.pipeline.weighted_amount));
      expect(value('winRateByCount')).toBe(fmt.percent(metrics.win_rate.by_count));
      expect(value('medianCycle')).toBe(fmt.days(metrics.cycle_length.all.median_days));
      // With its unit ('3 deals', '3건'), as the server-rendered tile.
      expect(value('stalledDeals')).toBe(pageContext(view.site, locale, '/').m.common.dealCount({ count: metrics.stalled.length }, fmt));
      // ... and they are not the unfiltered figures.
      expect(value('openPipeline')).not.toBe(fmt.moneyCompact(full.metrics.pipeline.open_amount));
      // The top stalled deals are the owner's.
      const ownerHeader = pageContext(view.site, locale, '/').m.columns.owner;
      const owners = await page.$$eval(
        '#t-top-stalled tbody tr',
        (rows, header) => {
          const column = Array.from(document.querySelectorAll('#t-top-stalled thead th')).findIndex((th) => th.textContent?.trim() === header);
          return rows.map((r) => r.children[column]?.textContent ?? '');
        },
        ownerHeader,
      );
      expect(owners.length).toBe(Math.min(10, metrics.stalled.length));
      for (const o of owners) expect(o).toBe(owner);
      expect(await page.textContent('[data-filter-text="stalled-total"]')).toBe(pageContext(view.site, locale, '/').m.common.dealCount({ count: metrics.stalled.length }, fmt));
      await page.close();
    });
  }

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: a filter of a handful of deals marks its win rate, cycle and velocity as resting on too few, as the page model does`, async () => {
      // An owner's deals created in one quarter, of which a few (1 to 9) closed in the window.
      const closedOf = (v: ReturnType<typeof filteredSiteData>) => v.site.metrics.win_rate.won_count + v.site.metrics.win_rate.lost_count;
      const owners = [...new Set(data.dataset.deals.map((d) => d.owner))].sort();
      const filter = owners
        .map((o) => f({ owner: o, period: '2026-Q1' }))
        .find((x) => {
          const n = closedOf(filteredSiteData(data, x));
          return n > 0 && n < 10;
        })!;
      expect(filter).toBeDefined();
      const view = filteredSiteData(data, filter);
      const closed = closedOf(view);
      const page = await openFiltered(`/${locale}/`, filter);
      const shown = await tileTexts(page);
      expect(shown).toEqual(modelTiles(view.site, locale, view.facts));
      const { m, f: fmt } = pageContext(view.site, locale, '/');
      const tile = (key: string) => shown.find((t) => t.key === key)!;
      expect(tile('winRateByCount')).toMatchObject({ muted: true, few: m.small.tileClosed({ count: closed }, fmt) });
      expect(tile('medianCycle')).toMatchObject({ muted: true, few: m.small.tileClosed({ count: view.site.metrics.cycle_length.all.count }, fmt) });
      expect(tile('openPipeline')).toMatchObject({ muted: false, few: null });
      // "Show all deals": the static page, whose figures rest on hundreds of deals, marks none.
      await page.click('[data-filter-clear]');
      await page.waitForURL(`${server.url}/${locale}/`);
      expect((await tileTexts(page)).filter((t) => t.few !== null || t.muted)).toEqual([]);
      await page.close();
    });
  }

  it('the stalled page and the owners page of a team, each table as the page model has it', async () => {
    const filter = f({ team });
    const view = filteredSiteData(data, filter);
    const ctx = pageContext(view.site, 'en', '/', view.facts);
    const rowsOf = (page: Page, id: string) => page.$$eval(`#t-${id} tbody tr`, (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    const expected = (t: { rows: Cell[][]; empty: string }) => (t.rows.length === 0 ? [[t.empty]] : t.rows.map((r) => r.map(heard)));
    const stalled = await openFiltered('/en/stalled/', filter);
    for (const table of stalledModel(ctx).tables) expect(await rowsOf(stalled, table.id), table.id).toEqual(expected(table));
    expect(await stalled.textContent('[data-filter-text="stalled-heading"]')).toBe(`Stalled deals (${ctx.m.common.dealCount({ count: engineMetrics(filter).stalled.length }, ctx.f)})`);
    await stalled.close();
    const owners = await openFiltered('/en/owners/', filter);
    for (const table of ownersModel(ctx).tables) expect(await rowsOf(owners, table.id), table.id).toEqual(expected(table));
    await owners.close();
  });

  it('ko: a lead source’s link keeps that channel’s deals: the status line in the form’s words, the Win / loss tables as the page model has them', async () => {
    const source = 'referral';
    const filter = f({ source });
    const view = filteredSiteData(data, filter);
    expect(view.matched).toBe(data.dataset.deals.filter((d) => d.source.trim() === source).length);
    expect(view.matched).toBeGreaterThan(0);
    const ctx = pageContext(view.site, 'ko', '/', view.facts);
    const page = await openFiltered('/ko/win-loss/', filter);
    // The form lists the source in the pages' words (the sample config's label), and the status line names it so.
    const label = await page.$eval('select[name="source"]', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(label).toBe(ctx.label(source));
    expect(label).not.toBe(source);
    expect(await page.textContent('[data-filter-status]')).toContain(`${ctx.m.filters.source}: ${label}`);
    const rowsOf = (id: string) => page.$$eval(`#t-${id} tbody tr`, (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    const tables = winLossModel(ctx).tables;
    for (const table of tables) expect(await rowsOf(table.id), table.id).toEqual(table.rows.length === 0 ? [[table.empty]] : table.rows.map((r) => r.map(heard)));
    // The by-source table has that source's row alone, its figures the engine's win rate.
    const bySource = tables.find((t) => t.id === 'by-source')!;
    expect(bySource.rows.map((r) => r[0]!.text)).toEqual([ctx.label(source)]);
    const metrics = engineMetrics(filter);
    expect(bySource.rows[0]![1]!.text).toBe(ctx.f.rateOf(metrics.win_rate.by_count, metrics.win_rate.won_count, metrics.win_rate.won_count + metrics.win_rate.lost_count));
    await page.close();
  });

  it('en: a segment’s link keeps its accounts’ deals: the Win / loss tables and their sentences as the page model has them, none for the one segment left', async () => {
    const segment = '대기업';
    const filter = f({ segment, industry: '조선' });
    const view = filteredSiteData(data, filter);
    // Counted in the sample's CSVs by the accounts' segment and industry.
    expect(view.matched).toBe(28);
    const ctx = pageContext(view.site, 'en', '/', view.facts);
    const page = await openFiltered('/en/win-loss/', filter);
    expect(await page.textContent('[data-filter-status]')).toContain(`Customer segment: ${segment}\u00a0· Industry: 조선`);
    const model = winLossModel(ctx);
    const rowsOf = (id: string) => page.$$eval(`#t-${id} tbody tr`, (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    for (const table of model.tables) expect(await rowsOf(table.id), table.id).toEqual(table.rows.length === 0 ? [[table.empty]] : table.rows.map((r) => r.map(heard)));
    expect(model.tables.find((t) => t.id === 'by-segment')!.rows.map((r) => r[0]!.text)).toEqual([segment]);
    // All deals' sentences comparing the segments are hidden (one is left); the sources' are this view's.
    const intro = (id: string) => page.$eval(`[data-filter-text="${id}-intro"]`, (e) => ({ hidden: (e as HTMLElement).hidden, text: e.textContent ?? '' }));
    const intros = new Map(model.tableIntros);
    expect(intros.has('by-segment')).toBe(false);
    expect((await intro('by-segment')).hidden).toBe(true);
    expect(await intro('by-source')).toEqual({ hidden: false, text: intros.get('by-source') });
    await page.close();
  });

  it('ko: a region’s link keeps its accounts’ deals, and its table by region that region alone, its sentence hidden', async () => {
    const filter = f({ region: '울산' });
    const view = filteredSiteData(data, filter);
    // Counted in the sample's CSVs by the accounts' region.
    expect(view.matched).toBe(243);
    const page = await openFiltered('/ko/win-loss/', filter);
    expect(await page.textContent('[data-filter-status]')).toContain('지역: 울산');
    expect(await page.$eval('select[name="region"]', (e) => (e as HTMLSelectElement).value)).toBe('울산');
    const model = winLossModel(pageContext(view.site, 'ko', '/', view.facts));
    const byRegion = model.tables.find((t) => t.id === 'by-region')!;
    expect(byRegion.rows.map((r) => r[0]!.text)).toEqual(['울산']);
    const rows = await page.$$eval('#t-by-region tbody tr', (trs) => trs.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    expect(rows).toEqual(byRegion.rows.map((r) => r.map(heard)));
    expect(await page.$eval('[data-filter-text="by-region-intro"]', (e) => (e as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('ko: a filtered table keeps a middle dot inside a word on its line, as the rendered page does ("구매의사 확인·내부 검증")', async () => {
    const filter = f({ team });
    const view = filteredSiteData(data, filter);
    const ctx = pageContext(view.site, 'ko', '/', view.facts);
    const table = stalledModel(ctx).tables.find((t) => t.id === 'stalled')!;
    const expected = table.rows.map((r) => r.map((c) => joinWordDots(heard(c))));
    expect(expected.flat().filter((t) => t.includes(`${WORD_JOINER}·${WORD_JOINER}`)).length).toBeGreaterThan(0);
    const page = await openFiltered('/ko/stalled/', filter);
    const rows = await page.$$eval('#t-stalled tbody tr', (trs) => trs.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    await page.close();
    expect(rows).toEqual(expected);
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: the stalled page under a filter says how many of all deals' visits each stall threshold was learned from, as unfiltered`, async () => {
      const basisOf = (page: Page) => page.$$eval('#t-stall-thresholds tbody tr', (rows) => rows.map((r) => r.children[2]?.textContent ?? ''));
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/${locale}/stalled/`);
      const unfiltered = await basisOf(tab);
      await tab.close();
      // The sentences of all deals, each with its count of visits ("P90 of the 646 visits …", "… 646건의 90백분위수").
      const counts = full.metrics.time_in_stage.map((s) => s.visits);
      expect(unfiltered.length).toBe(counts.length);
      unfiltered.forEach((text, i) => expect(text).toContain(pageContext(full, locale).f.count(counts[i]!)));
      for (const filter of [f({ owner }), f({ owner: 'nobody at all' })]) {
        const page = await openFiltered(`/${locale}/stalled/`, filter);
        expect(await basisOf(page), JSON.stringify(filter)).toEqual(unfiltered);
        await page.close();
      }
    });
  }

  it('ko: a close-date link (Q2 2026) keeps the deals won or lost in it and those expected in it at as_of; forecast accuracy says why it is left out', async () => {
    const filter = f({ closing: '2026-Q2' });
    const view = filteredSiteData(data, filter);
    // Counted in the sample's CSVs by an independent reading of metrics.md's rules (tests/unit/filters/subset.test.ts).
    expect(view.matched).toBe(226);
    const page = await openFiltered('/ko/forecast/', filter);
    expect(await page.textContent('[data-filter-status]')).toContain('(마감 시기: 2026년\u00a02분기)');
    expect(await page.textContent('[data-filter-status]')).toContain('마감 시기는 수주·실주된 딜은 마감한 날');
    expect(await page.$eval('select[name="closing"]', (e) => (e as HTMLSelectElement).value)).toBe('2026-Q2');
    const accuracy = await page.$eval('#forecast-accuracy', (e) => ({ unavailable: e.classList.contains('unavailable'), takeaway: e.querySelector('.takeaway')?.textContent ?? '', svg: (e.querySelector('.chart-svg') as HTMLElement | null)?.hidden ?? true }));
    expect(accuracy).toEqual({ unavailable: true, takeaway: joinWordDots(messages('ko').absence.accuracyClosingFilter), svg: true });
    // The deal lists, as the page model has them: the open deals of Q2 2026 only.
    const ctx = pageContext(view.site, 'ko', '/', view.facts);
    for (const table of forecastModel(ctx).tables.filter((t) => t.id.startsWith('deals-'))) {
      const rows = await page.$$eval(`#t-${table.id} tbody tr`, (trs) => trs.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
      expect(rows, table.id).toEqual(table.rows.length === 0 ? [[joinWordDots(table.empty)]] : table.rows.map((r) => r.map((c) => joinWordDots(heard(c)))));
    }
    await page.close();
  });

  it('en: a close-date link past the quarter (Q3 2026) shows the hidden list of the period’s open deals, heading and sentence filled, as the page model has them', async () => {
    const filter = f({ closing: '2026-Q3' });
    const view = filteredSiteData(data, filter);
    const list = forecastModel(pageContext(view.site, 'en', '/', view.facts)).tables.find((t) => t.id === 'deals-closing-period')!;
    // The 123 open deals of Q3 2026 (tests/unit/filters/subset.test.ts), then the total row.
    expect(list.rows.length).toBe(124);
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/forecast/`);
    // The built page keeps the list's slot hidden.
    expect(await page.$eval('#t-deals-closing-period', (e) => (e.closest('section') as HTMLElement).hidden)).toBe(true);
    await page.close();
    const filtered = await openFiltered('/en/forecast/', filter);
    const shown = await filtered.$eval('#t-deals-closing-period', (e) => {
      const section = e.closest('section') as HTMLElement;
      return { hidden: section.hidden, heading: section.querySelector('h3')?.textContent ?? '' };
    });
    expect(shown).toEqual({ hidden: false, heading: 'Q3 2026, after this quarter: Jul 2026 – Sep 2026' });
    expect(await filtered.textContent('[data-filter-text="forecast-deals-closing-intro"]')).toBe('The close-date filter (Q3 2026) reaches past this quarter: the last list holds its open deals expected after it.');
    const rows = await filtered.$$eval('#t-deals-closing-period tbody tr', (trs) => trs.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    expect(rows).toEqual(list.rows.map((r) => r.map((c) => joinWordDots(heard(c)))));
    await filtered.close();
  });

  it('the forecast page’s deal lists under an owner filter: that owner’s deals only, as the page model has them, totalling the engine’s buckets', async () => {
    const filter = f({ owner });
    const view = filteredSiteData(data, filter);
    const ctx = pageContext(view.site, 'en', '/', view.facts);
    const rowsOf = (page: Page, id: string) => page.$$eval(`#t-${id} tbody tr`, (rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '')));
    const expected = (t: { rows: Cell[][]; empty: string }) => (t.rows.length === 0 ? [[t.empty]] : t.rows.map((r) => r.map(heard)));
    const tables = forecastModel(ctx).tables.filter((t) => t.id.startsWith('deals-'));
    expect(tables.length).toBeGreaterThan(1);
    // The built page first: all deals' lists.
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/forecast/`);
    const before = await Promise.all(tables.map((t) => rowsOf(page, t.id)));
    await page.close();
    const filtered = await openFiltered('/en/forecast/', filter);
    const metrics = engineMetrics(filter);
    const lists = forecastDealLists(ctx);
    for (const [i, table] of tables.entries()) {
      const rows = await rowsOf(filtered, table.id);
      expect(rows, table.id).toEqual(expected(table));
      const list = lists[i]!;
      // The list changed with the filter, and holds the owner's deals only.
      expect(rows, table.id).not.toEqual(before[i]);
      const ownerColumn = table.headers.findIndex((h) => h.label === ctx.m.columns.owner);
      for (const row of rows.slice(0, list.deals.length)) expect(row[ownerColumn]).toBe(owner);
      // Its total row: the engine's forecast buckets for this owner.
      const buckets = metrics.forecast.filter((b) => list.buckets.includes(b.bucket));
      const count = buckets.reduce((n, b) => n + b.count, 0);
      expect(list.totals.count).toBe(count);
      expect(list.totals.amount).toBe(buckets.reduce((n, b) => n + b.amount, 0));
      expect(list.totals.commit_amount).toBe(buckets.reduce((n, b) => n + b.commit_amount!, 0));
      if (count > 0) expect(rows.at(-1)![0]).toBe(ctx.m.forecastPage.deals.total({ count }, ctx.f));
    }
    // The quarter's won deals: the owner's, as the page model lists them, totalling their amount.
    const won = forecastModel(ctx).tables.find((t) => t.id === 'won-this-quarter')!;
    expect(view.site.won_this_quarter.length).toBeGreaterThan(0);
    expect(await rowsOf(filtered, 'won-this-quarter')).toEqual(expected(won));
    expect(view.site.won_this_quarter.every((d) => d.owner === owner)).toBe(true);
    await filtered.close();
  });

  it('every filterable page applies a product filter: charts redrawn from the same chart code, tables refilled', async () => {
    const filter = f({ product, period: '2026' });
    const view = filteredSiteData(data, filter);
    expect(view.matched).toBeGreaterThan(0);
    const ctx = pageContext(view.site, 'en', '/', view.facts);
    // As the page computes it (client.ts): the engine 30 days earlier on the overview alone.
    const alone = filteredSiteData(data, filter, { compare: false });
    for (const p of ['overview', 'funnel', 'velocity', 'win-loss', 'stalled', 'waterfall', 'forecast', 'repurchase', 'owners'] as const) {
      const page = await openFiltered(`/en/${p === 'overview' ? '' : `${p}/`}`, filter);
      const parts = pageParts(p === 'overview' ? ctx : pageContext(alone.site, 'en', '/', alone.facts), p);
      // The notes the page model says for this filter, as computed here in Node.
      expect(await page.$$eval('main > .notes:not([hidden]) p', (ps) => ps.map((e) => e.textContent)), p).toEqual(parts.notes);
      for (const block of parts.charts) {
        const figure = page.locator(`figure#${block.id}`);
        expect(await figure.locator('.takeaway').textContent(), `${p} ${block.id}`).toBe(block.chart.takeaway);
        if (!block.unavailable) expect(await figure.locator('.chart-svg svg[role="img"]').count()).toBeGreaterThan(0);
      }
      // No table of the page is left showing all deals: each was refilled, or hidden when the model has none.
      const stale = await page.$$eval(
        'main table[data-sortable]',
        (tables, ids) => tables.filter((t) => !ids.includes(t.id) && !t.closest('[hidden]')).map((t) => t.id),
        // A folded table's first rows too (checked in the Repurchase test below).
        [...parts.tables, ...parts.charts.map((c) => c.table)].flatMap((t) => [`t-${t.id}`, ...(t.fold === undefined ? [] : [`t-${t.id}-top`])]),
      );
      expect(stale, p).toEqual([]);
      if (p === 'owners') {
        // Targets are per owner or team and period: the page says so, not that targets.csv lacks them.
        expect(parts.notes).toContain(ctx.m.ownersReview.filterNoTargets);
        expect(parts.notes.join('\n')).not.toMatch(/targets\.csv has no/);
      }
      await page.close();
    }
  }, 120_000);

  it('refills a folded table (the Repurchase schedule) in both places, or shows every row when the filter leaves too few to fold', async () => {
    let folded = 0;
    let unfolded = 0;
    for (const filter of [f({ owner }), f({ product }), f({ team, product })]) {
      const tables = pageParts(filteredContext(filter, 'en'), 'repurchase').tables.filter((t) => t.rows.length > 0);
      const page = await openFiltered('/en/repurchase/', filter);
      for (const t of tables) {
        const shown = await page.evaluate((id) => {
          const firstColumn = (table: HTMLTableElement) => Array.from(table.tBodies[0]!.rows).map((r) => r.cells[0]!.textContent!.trim());
          const full = document.getElementById(`t-${id}`) as HTMLTableElement;
          const top = document.getElementById(`t-${id}-top`) as HTMLTableElement | null;
          const details = full.closest('details')!;
          const summary = details.querySelector('summary')!;
          return {
            full: firstColumn(full),
            top: top && !top.closest('[hidden]') ? firstColumn(top) : null,
            more: top?.closest('.fold-top')?.querySelector('.table-meta > span')?.textContent ?? null,
            open: details.open,
            summary: summary.hidden ? null : summary.textContent,
          };
        }, t.id);
        const accounts = t.rows.map((r) => r[0]!.text);
        expect(shown.full, t.id).toEqual(accounts);
        if (t.fold !== undefined) {
          folded++;
          expect(shown, t.id).toMatchObject({ top: accounts.slice(0, t.fold), open: false, summary: `Show all ${t.rows.length}` });
          expect(shown.more).toMatch(new RegExp(`^and ${t.rows.length - t.fold} more`));
        } else {
          unfolded++;
          expect(shown, t.id).toMatchObject({ top: null, open: true, summary: null });
        }
      }
      await page.close();
    }
    // Both ways were seen: a filter's table that folds, and one with too few rows to.
    expect(folded).toBeGreaterThan(0);
    expect(unfolded).toBeGreaterThan(0);
  }, 120_000);

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: the status line says whose targets the view compares with, and that an owner without one has none (as the page's note)`, async () => {
      for (const filter of [f({ owner }), f({ owner: HOSTILE_OWNER }), f({ team })]) {
        const ctx = filteredContext(filter, locale);
        const expected = filterNotes(ctx, 'forecast');
        if (filter.owner === HOSTILE_OWNER) {
          // A renamed owner: no row of targets.csv names it.
          expect(expected).toEqual([ctx.m.filters.ownerNoTargetNote]);
          expect(pageParts(ctx, 'forecast').notes).toContain(ctx.m.filters.ownerNoTargetNote);
        }
        const page = await openFiltered(`/${locale}/forecast/`, filter);
        const status = (await page.textContent('[data-filter-status]')) ?? '';
        for (const note of expected) expect(status, JSON.stringify(filter)).toContain(note);
        if (expected.includes(ctx.m.filters.ownerNoTargetNote)) expect(status).not.toContain(ctx.m.filters.ownerTargetsNote);
        await page.close();
      }
    }, 120_000);
  }

  it('says what it left out of a link, and shows an empty view for a name that matches nothing', async () => {
    const { m } = pageContext(full, 'en', '/');
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/?owner=${encodeURIComponent(owner)}&period=2026-Q9&closing=2026-q3`);
    await page.waitForFunction(() => document.documentElement.dataset.filterState === 'done', null, { timeout: 30_000 });
    // Each key left out named by the form's label.
    expect(await page.$$eval('[data-filter-status] p', (ps) => ps.slice(0, 2).map((p) => p.textContent))).toEqual([
      'The link’s “Created in” is not YYYY, YYYY-Qn or YYYY-MM, so it is left out.',
      'The link’s “Close date in” is not YYYY, YYYY-Qn or YYYY-MM, so it is left out.',
    ]);
    expect(await page.evaluate(() => window.__pipescopeFilter?.matched)).toBe(filteredSiteData(data, f({ owner })).matched);
    await openFiltered('/en/', f({ owner: 'nobody at all' }), page);
    expect(await page.textContent('[data-filter-status]')).toContain(m.filters.noMatch);
    expect(await page.textContent('[data-tile="openPipeline"] .tile-detail')).toBe(m.common.dealCount({ count: 0 }, pageContext(full, 'en', '/').f));
    await page.close();
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: a filter that matches nothing says so in the page's notes (not "add field_history.csv"), and names its period as the form does`, async () => {
      const { m } = pageContext(full, locale, '/');
      expect(full.metrics.slippage).not.toBeNull();
      const page = await openFiltered(`/${locale}/waterfall/`, f({ owner: 'nobody at all', period: '2026-Q1' }));
      const notes = await page.$$eval('main > .notes p', (ps) => ps.map((p) => p.textContent));
      expect(notes).toContain(joinWordDots(m.absence.filterMatchesNone));
      expect(notes).not.toContain(joinWordDots(m.absence.closeDatesUntracked));
      const option = await page.$eval('select[name=period]', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      expect(option).toBe(pageContext(full, locale, '/').f.period('2026-Q1'));
      expect(await page.textContent('[data-filter-status]')).toContain(`${m.filters.period}: ${option}`);
      await page.close();
    });
  }

  it('an empty table says why and offers no CSV download; a filter with rows offers it again', async () => {
    const { m } = pageContext(full, 'en', '/');
    const page = await openFiltered('/en/stalled/', f({ owner: 'nobody at all' }));
    const table = (id: string) =>
      page.$eval(`#t-${id}`, (t) => {
        const link = t.closest('.table-block')!.querySelector<HTMLAnchorElement>('.table-meta a[download]')!;
        return { empty: t.querySelector('td.empty')?.textContent ?? null, csvShown: link.offsetParent !== null };
      });
    // No deal at all, so no open deal: that is what the warning-sign and stalled tables say.
    expect(await table('flagged-open')).toEqual({ empty: m.empty.noOpenDeals, csvShown: false });
    expect(await table('stalled-by-stage')).toEqual({ empty: m.empty.noOpenDeals, csvShown: false });
    await openFiltered('/en/stalled/', f({ owner }), page);
    expect(await table('flagged-open')).toEqual({ empty: null, csvShown: true });
    // The owners and teams tables, and a chart's table (filled when opened), each with its own sentence.
    await openFiltered('/en/owners/', f({ owner: 'nobody at all' }), page);
    expect(await table('by-owner')).toEqual({ empty: m.absence.filterMatchesNone, csvShown: false });
    expect(await table('by-team')).toEqual({ empty: m.absence.filterMatchesNone, csvShown: false });
    await openFiltered('/en/win-loss/', f({ owner: 'nobody at all' }), page);
    await page.click('#competitors details.chart-data summary');
    await page.waitForSelector('#t-competitors td.empty');
    expect(await table('competitors')).toEqual({ empty: m.empty.noClosed, csvShown: false });
    expect(await page.$$eval('main td.empty', (tds) => tds.map((td) => td.textContent))).not.toContain('No data to show yet.');
    await page.close();
  });

  it('shows names from the data as text, in the form, the status line and the tables', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await openFiltered('/en/stalled/', f({ owner: HOSTILE_OWNER }), page);
    expect(await page.locator('img[src="x"], img[src="y"]').count()).toBe(0);
    expect(await page.textContent('[data-filter-status]')).toContain(HOSTILE_OWNER);
    expect(await page.inputValue('select[name=owner]')).toBe(HOSTILE_OWNER);
    const listed = await page.getByText(HOSTILE_NAME, { exact: true }).count();
    expect(listed).toBeGreaterThan(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('the form filters in place and keeps the filter in the link; "Show all deals" brings back the static page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/`);
    const before = await tileTexts(page);
    await page.selectOption('select[name=owner]', owner);
    await page.click('form[data-filters] button[type=submit]');
    await page.waitForFunction(() => document.documentElement.dataset.filterState === 'done', null, { timeout: 30_000 });
    expect(new URL(page.url()).search).toBe(filterQuery(f({ owner })));
    const byOwner = filteredSiteData(data, f({ owner }));
    expect(await tileTexts(page)).toEqual(modelTiles(byOwner.site, 'en', byOwner.facts));
    // Links to other filterable pages keep the filter.
    const links = await page.$$eval('.site-nav a, a.lang', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(`${server.url}/en/funnel/${filterQuery(f({ owner }))}`);
    expect(links).toContain(`${server.url}/ko/${filterQuery(f({ owner }))}`);
    expect(links).toContain(`${server.url}/en/accounts/`);
    await page.click('[data-filter-clear]');
    await page.waitForURL(`${server.url}/en/`);
    expect(await tileTexts(page)).toEqual(before);
    await page.close();
  });

  it('the unfiltered page needs no script, and loads no filter code or data until a filter is used', async () => {
    const requests: string[] = [];
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/en/`, { waitUntil: 'networkidle' });
    expect(await page.locator('form[data-filters]').isVisible()).toBe(true);
    expect(requests.filter((r) => r.startsWith('/data/') || /\/_astro\/client\./.test(r))).toEqual([]);
    await page.close();

    const context = await browser.browser()!.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/en/${filterQuery(f({ owner }))}`);
    expect(await tileTexts(noJs)).toEqual(modelTiles(full, 'en'));
    expect(await noJs.locator('form[data-filters]').isVisible()).toBe(false);
    expect(await noJs.locator('.filter-noscript').isVisible()).toBe(true);
    expect(await noJs.locator('figure.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('from disk (file://) asks for no module, and a link with a filter says the page shows all deals', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(join(site.dir, 'en', 'index.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    expect(await page.locator('[data-filter-from-disk]').isVisible()).toBe(false);
    await page.goto(`${url}${filterQuery(f({ owner }))}`, { waitUntil: 'load' });
    expect(await tileTexts(page)).toEqual(modelTiles(full, 'en'));
    expect(await page.locator('[data-filter-from-disk]').textContent()).toContain('it shows all deals');
    expect(await page.locator('[data-filter-from-disk]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the form is in its place from the first paint: shown before its module runs, and nothing shifts on load', async () => {
    // With the filter module never loading, the form is shown all the same (an inline line right after it).
    const blocked = await browser.newPage();
    await blocked.route(/\/_astro\/.*\.js$/, (r) => r.abort());
    await blocked.goto(`${server.url}/en/`, { waitUntil: 'load' });
    expect(await blocked.locator('form[data-filters]').isVisible()).toBe(true);
    await blocked.close();
    // On a phone, where the form is tallest: no layout shift once the page and its scripts have loaded.
    for (const path of ['/en/', '/ko/', '/ko/stalled/']) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(shift, path).toBe(0);
      const [form, h1] = await Promise.all([page.locator('form[data-filters]').boundingBox(), page.locator('h1').boundingBox()]);
      expect(form!.y + form!.height, path).toBeLessThanOrEqual(h1!.y);
      // Its fields folded behind one line, so that the first screen shows the page; the line opens them.
      expect(form!.height, path).toBeLessThan(80);
      expect(await page.locator('select[name="owner"]').isVisible(), path).toBe(false);
      await page.click('[data-filter-fold] > summary');
      expect(await page.locator('select[name="owner"]').isVisible(), path).toBe(true);
      await page.close();
    }
    // Wider than a phone the fields are open from the first paint, without the fold's line.
    const wide = await browser.newPage();
    await wide.setViewportSize({ width: 1366, height: 900 });
    await wide.goto(`${server.url}/ko/`, { waitUntil: 'load' });
    expect(await wide.locator('select[name="owner"]').isVisible()).toBe(true);
    expect(await wide.locator('[data-filter-fold] > summary').isVisible()).toBe(false);
    await wide.close();
  });

  it('draws each chart as the build draws it: only the variant on screen, the other when the page narrows', async () => {
    const filter = f({ team });
    const parts = pageParts(filteredContext(filter, 'en'), 'overview');
    // At 2 device pixels per CSS pixel, as the build draws: Plot offsets lines by half a pixel for crisp edges only at 1.
    const context = await browser.browser()!.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 2 });
    const page = await openFiltered('/en/', filter, await context.newPage());
    // The build's markup for the same data, parsed by the page, against what the filter drew (attributes in any order).
    const drawn = (selector: string, markup: string) =>
      page.evaluate(
        ([sel, svg]) => {
          const canonical = (e: Element): string =>
            `<${e.localName} ${Array.from(e.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ')}>${Array.from(e.childNodes, (n) =>
              n instanceof Element ? canonical(n) : (n.textContent ?? ''),
            ).join('')}</${e.localName}>`;
          const shown = document.querySelector(sel);
          const template = document.createElement('template');
          template.innerHTML = svg;
          const built = template.content.firstElementChild;
          return shown === null ? 'not drawn' : built && canonical(shown) === canonical(built) ? 'as built' : 'different';
        },
        [selector, markup] as const,
      );
    expect(parts.charts.length).toBeGreaterThan(0);
    for (const { id, chart } of parts.charts) {
      expect(await drawn(`#${id} .chart-wide > svg`, chart.svg), id).toBe('as built');
      expect(await page.locator(`#${id} .chart-narrow svg`).count(), id).toBe(0);
    }
    await page.setViewportSize({ width: 390, height: 900 });
    for (const { id, chart } of parts.charts) {
      await page.waitForSelector(`#${id} .chart-narrow > svg`);
      expect(await drawn(`#${id} .chart-narrow > svg`, chart.narrowSvg!), id).toBe('as built');
    }
    await context.close();
  });

  it('fills a chart’s table with the filtered numbers when it is opened, and holds no rows of all deals before', async () => {
    const filter = f({ product });
    const parts = pageParts(filteredContext(filter, 'en'), 'overview');
    const { id, table: model } = parts.charts.find((c) => !c.unavailable && c.table.rows.length > 0)!;
    const page = await openFiltered('/en/', filter);
    const rows = `#${id} details.chart-data tbody tr`;
    const texts = () => page.$$eval(rows, (trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')));
    expect(await texts()).toEqual([]);
    await page.click(`#${id} details.chart-data summary`);
    await page.waitForSelector(rows);
    expect(await texts()).toEqual(model.rows.map((r) => r.map(heard)));
    await page.close();
  });

  it('a filtered table’s CSV link gives its filtered rows, made into a file when the link is first used', async () => {
    const filter = f({ team });
    const ctx = filteredContext(filter, 'en');
    const [model] = stalledModel(ctx).tables;
    const page = await openFiltered('/en/stalled/', filter);
    const link = page.locator(`.table-block:has(#t-${model!.id}) .table-meta a[download]`);
    expect(await link.getAttribute('href')).toBe('#');
    await link.focus();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^blob:/);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toBe(toCsv(model!.csv.headers, model!.csv.rows).replace(/^\uFEFF/, ''));
    expect(await link.getAttribute('download')).toBe(`${model!.id}.csv`);
    await page.close();
  });

  it('the filter code carries no zod (the data file is checked by hand)', () => {
    const chunks = readdirSync(join(site.dir, '_astro')).filter((name) => /^client\..*\.js$/.test(name));
    expect(chunks).toHaveLength(1);
    const code = readFileSync(join(site.dir, '_astro', chunks[0]!), 'utf8');
    expect(code).not.toContain('ZodError');
    expect(code).toContain('zod is not in the browser bundle');
  });

  it('writes the filter data file once, named after its content', () => {
    const files = readdirSync(join(site.dir, 'data'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^filter-data\.[0-9a-f]{12}\.json$/);
  });
});

describe.skipIf(run)('filter browser tests', () => {
  it.skip('skipped: no Chromium at /usr/bin/chromium (set CI=true to require it)', () => {});
});
