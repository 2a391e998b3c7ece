/**
 * Readable everywhere: the built sample site in Debian's Chromium at a phone
 * (390x844) and a laptop (1366x768), in English and Korean. Chart text is at
 * least 11 CSS px on the phone and at most 1.2x the body text on the laptop;
 * nothing is wider than the viewport except inside a marked scroll region;
 * Korean breaks between words and renders with a Korean font; no line starts
 * with a middle dot '·'. Required in CI
 * (CI=true without Chromium fails), like site.test.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestSite, type TestSite } from '../support/build-site.ts';
import { brokenWords, HANGUL } from '../support/broken-words.ts';
import { hasChromium, launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const required = process.env.CI === 'true' || process.env.CI === '1';
const run = hasChromium() || required;

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;
const LOCALES = ['en', 'ko'] as const;
/** An owner name too long for a phone (planted on one deal): the pinned first column must wrap it, not cover the table. */
const LONG_OWNER = 'Maximilian Alexander Bartholomew Featherstonehaugh-Worthington-Smythe III';
/** A marked scroll container: a labelled region (see TableGrid.astro), a keyboard stop while it scrolls (sort-tables.js). */
const SCROLL_REGION = '.table-scroll[role="region"][aria-labelledby]';

interface Measured {
  bodyFont: number;
  /** Effective (on-screen) font size of every visible chart text, with its text. */
  chartText: { size: number; text: string }[];
  /** Elements reaching past the right edge of the viewport outside a scroll region. */
  overflowing: string[];
  scrollWidth: number;
  innerWidth: number;
  regions: number;
}

/** In the page: sizes and overflow (runs in the browser, so no closures over test code). */
function measure(scrollRegion: string): Measured {
  const visible = (el: Element) => el.getClientRects().length > 0;
  const chartText: { size: number; text: string }[] = [];
  for (const t of Array.from(document.querySelectorAll<SVGTextElement>('svg text'))) {
    const text = (t.textContent ?? '').trim();
    if (!text || !visible(t)) continue;
    const m = t.getScreenCTM();
    if (!m) continue;
    chartText.push({ size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), text });
  }
  const label = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right ${Math.round(el.getBoundingClientRect().right)}): ${(el.textContent ?? '').trim().slice(0, 40)}`;
  };
  const overflowing: string[] = [];
  const vw = document.documentElement.clientWidth;
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (el.closest(scrollRegion)?.contains(el) && !el.matches(scrollRegion)) continue;
    // The navigation's list, one row on a phone that scrolls sideways too (site.css `.site-nav ul`), as wide as the viewport.
    // (Written here: this function runs in the page, without the module's constants.)
    const navRow = el.closest('.site-nav ul');
    if (navRow !== null && navRow !== el) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1) overflowing.push(label(el));
  }
  return {
    bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
    chartText,
    overflowing,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: vw,
    regions: document.querySelectorAll(scrollRegion).length,
  };
}

/** Korean dates in table cells ('2026. 6. 30.', '6월 30일', '2026년 6월', '2026년 3분기'): how many, and those split across lines. */
function wrappedKoreanDates(): { found: number; wrapped: string[] } {
  const date = /\d{4}\.\s\d{1,2}\.\s\d{1,2}\.|\d{1,2}월\s\d{1,2}일|\d{4}년\s\d{1,2}(?:월|분기)/g;
  const wrapped: string[] = [];
  let found = 0;
  for (const cell of Array.from(document.querySelectorAll('td, th'))) {
    if (cell.getClientRects().length === 0) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const match of node.data.matchAll(date)) {
        found++;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        if (lines.size > 1) wrapped.push(match[0]);
      }
    }
  }
  return { found, wrapped };
}

/**
 * In the page (every <details> opened): the middle dots that start a line, i.e. whose '·' sits on a lower line
 * than the last character before it in the same block: a list separator (' · ', 'Past expected close · No
 * keyman') or a dot inside a word ('구매의사 확인·내부 검증', '담당자·팀', which Chromium breaks before even under
 * `word-break: keep-all`). Word joiners (U+2060, format/separator.ts `joinWordDots`) are not characters here.
 */
function dotsStartingLines(): string[] {
  for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  const block = (n: Node) => n.parentElement?.closest('p, li, td, th, dd, dt, h1, h2, h3, figcaption, caption, div');
  const box = (node: Text, i: number) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getClientRects()[0] ?? null;
  };
  const found: string[] = [];
  let last: { node: Text; i: number } | null = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('svg, script, style, noscript') || node.parentElement?.getClientRects().length === 0) continue;
    const s = node.data;
    for (let i = 0; i < s.length; i++) {
      if (/[\s\u2060]/u.test(s[i]!)) continue;
      if (s[i] === '·' && last && block(last.node) === block(node)) {
        const dot = box(node, i);
        const before = box(last.node, last.i);
        if (dot && before && (dot.top + dot.bottom) / 2 > before.bottom) {
          const context = (last.node === node ? s.slice(Math.max(0, i - 20), i + 20) : `${last.node.data.slice(-20)}|${s.slice(i, i + 20)}`).replace(/\s+/gu, ' ');
          found.push(context);
        }
      }
      last = { node, i };
    }
  }
  return found;
}

describe.runIf(run)('the built site is readable on a phone and a laptop, in English and Korean', () => {
  let site: TestSite;
  let server: StaticServer;
  let browser: BrowserContext;
  let pages: string[];

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('CI needs Chromium for the browser tests: apt-get install -y chromium');
    site = buildTestSite('readable', (_rows, renamed) => {
      renamed.owner = LONG_OWNER;
    });
    server = await serveStatic(site.dir);
    browser = await launchChromium();
    // The account page with the most on it (the longest), beside the main pages.
    const accounts = readdirSync(join(site.dir, 'ko/accounts'), { withFileTypes: true }).filter((e) => e.isDirectory());
    const size = (slug: string) => statSync(join(site.dir, 'ko/accounts', slug, 'index.html')).size;
    const biggest = accounts.map((e) => e.name).sort((a, b) => size(b) - size(a) || a.localeCompare(b))[0]!;
    pages = ['', 'forecast/', 'stalled/', 'funnel/', `accounts/${biggest}/`];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(viewport: (typeof VIEWPORTS)[number], path: string): Promise<Page> {
    const tab = await browser.newPage();
    await tab.setViewportSize({ width: viewport.width, height: viewport.height });
    await tab.goto(server.url + path, { waitUntil: 'load' });
    return tab;
  }

  for (const viewport of VIEWPORTS) {
    for (const locale of LOCALES) {
      it(`keeps chart text legible and proportionate and nothing wider than the ${viewport.name} (${viewport.width}px, ${locale})`, async () => {
        const problems: string[] = [];
        for (const page of pages) {
          const path = `/${locale}/${page}`;
          const tab = await open(viewport, path);
          const m = await tab.evaluate(measure, SCROLL_REGION);
          await tab.close();
          if (page !== 'stalled/' && !page.startsWith('accounts/') && m.chartText.length === 0) problems.push(`${path}: no chart text measured`);
          for (const t of m.chartText) {
            if (viewport.width <= 400 && t.size < 10.95) problems.push(`${path}: chart text ${t.size.toFixed(1)}px < 11px: "${t.text}"`);
            if (viewport.width > 1000 && t.size > 1.2 * m.bodyFont + 0.05)
              problems.push(`${path}: chart text ${t.size.toFixed(1)}px > 1.2 x body ${m.bodyFont}px: "${t.text}"`);
          }
          for (const o of m.overflowing) problems.push(`${path}: wider than the viewport outside a scroll region: ${o}`);
          if (m.scrollWidth > m.innerWidth + 1) problems.push(`${path}: page scrolls sideways (${m.scrollWidth} > ${m.innerWidth})`);
        }
        expect(problems.slice(0, 30)).toEqual([]);
      }, 120_000);
    }
  }

  it('keeps the charts’ own colours on their white ground in a dark high-contrast theme (forced colours), where the page follows the theme', async () => {
    const tab = await open(VIEWPORTS[1], '/en/funnel/');
    const look = () =>
      tab.evaluate(() => ({
        fills: Array.from(document.querySelectorAll('.chart-svg svg text, .chart-svg svg rect')).map((e) => getComputedStyle(e).fill),
        ground: getComputedStyle(document.querySelector('.chart-svg svg')!).backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      }));
    const plain = await look();
    await tab.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    const forced = await look();
    await tab.close();
    expect(plain.fills.length).toBeGreaterThan(50);
    // A label over a light grey bar stays dark, not the theme's white text on it.
    expect(forced.fills).toEqual(plain.fills);
    expect(forced.ground).toBe('rgb(255, 255, 255)');
    expect(forced.page).not.toBe('rgb(255, 255, 255)');
  });

  it('marks every table as a focusable, labelled scroll region with a sticky first column on a phone', async () => {
    const tab = await open(VIEWPORTS[0], '/ko/stalled/');
    const info = await tab.evaluate((region) => {
      const tables = Array.from(document.querySelectorAll('table'));
      const first = document.querySelector(`${region} tbody tr > :first-child`);
      return {
        tables: tables.length,
        inRegions: tables.filter((t) => t.parentElement?.matches(region)).length,
        labels: Array.from(document.querySelectorAll(region)).map((r) => document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''),
        sticky: first ? getComputedStyle(first).position : null,
        scrolls: Array.from(document.querySelectorAll(region)).some((r) => r.scrollWidth > r.clientWidth),
      };
    }, SCROLL_REGION);
    await tab.close();
    expect(info.tables).toBeGreaterThan(0);
    expect(info.inRegions).toBe(info.tables);
    for (const label of info.labels) expect(label.trim()).not.toBe('');
    expect(info.sticky).toBe('sticky');
    expect(info.scrolls).toBe(true); // the stalled table is wider than a phone: it scrolls in its region
  });

  it('makes a table region a keyboard stop only while it scrolls sideways: on a phone the wide tables, on a laptop none of the funnel page’s', async () => {
    const stops = async (viewport: (typeof VIEWPORTS)[number], path: string) => {
      const tab = await open(viewport, path);
      // The HTML marks every region (a page without scripts keeps them all); sort-tables.js then unmarks those that fit.
      const html = await (await fetch(server.url + path)).text();
      const marked = html.match(/class="table-scroll" role="region"[^>]*tabindex="0"/g)?.length ?? 0;
      // Every chart's data table opened, as a reader does (a closed one is not laid out, and is watched once opened).
      await tab.evaluate(() => document.querySelectorAll('details.chart-data').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await tab.waitForFunction(() => Array.from(document.querySelectorAll('.table-scroll')).every((r) => !r.checkVisibility() || (r.scrollWidth > r.clientWidth + 1) === (r.getAttribute('tabindex') === '0')), undefined, { timeout: 10_000 });
      const regions = await tab.evaluate(() => Array.from(document.querySelectorAll('.table-scroll')).map((r) => ({ id: r.querySelector('table')?.id ?? '', visible: r.checkVisibility(), stop: r.getAttribute('tabindex') === '0' })));
      await tab.close();
      return { marked, regions: regions.filter((r) => r.visible) };
    };
    const laptop = await stops(VIEWPORTS[1], '/en/funnel/');
    expect(laptop.marked).toBeGreaterThan(0);
    expect(laptop.regions.map((r) => r.id)).toEqual(['t-funnel', 't-buyer-journey']);
    expect(laptop.regions.filter((r) => r.stop)).toEqual([]);
    const phone = await stops(VIEWPORTS[0], '/ko/stalled/');
    expect(phone.regions.find((r) => r.id === 't-stalled')?.stop).toBe(true);
  });

  it('wraps a long name in the first column: at most 40% of a phone, the next columns in view; no sideways scrolling on a laptop', async () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const viewport of VIEWPORTS) {
        const tab = await open(viewport, `/${locale}/owners/`);
        const info = await tab.evaluate((name) => {
          const cell = Array.from(document.querySelectorAll('tbody tr > :first-child')).find((td) => td.textContent?.trim() === name);
          const region = cell?.closest('.table-scroll');
          const next = cell?.nextElementSibling;
          if (!cell || !region || !next) return null;
          const c = cell.getBoundingClientRect();
          return {
            width: c.width,
            lines: Math.round((c.height - parseFloat(getComputedStyle(cell).paddingTop) - parseFloat(getComputedStyle(cell).paddingBottom)) / parseFloat(getComputedStyle(cell).lineHeight)),
            sticky: getComputedStyle(cell).position,
            nextLeft: next.getBoundingClientRect().left,
            regionRight: region.getBoundingClientRect().right,
            scrolls: region.scrollWidth > region.clientWidth,
          };
        }, LONG_OWNER);
        await tab.close();
        const where = `${viewport.width}px /${locale}/owners/`;
        if (!info) {
          problems.push(`${where}: no first cell "${LONG_OWNER}"`);
          continue;
        }
        if (viewport.width <= 400) {
          if (info.sticky !== 'sticky') problems.push(`${where}: first column not pinned (${info.sticky})`);
          if (info.width > 0.4 * viewport.width + 1) problems.push(`${where}: first column ${info.width}px > 40% of ${viewport.width}px`);
          if (info.lines < 2) problems.push(`${where}: the long name does not wrap`);
          if (info.nextLeft > info.regionRight - 60) problems.push(`${where}: the second column starts at ${info.nextLeft}px, out of view (region ends at ${info.regionRight}px)`);
        } else if (info.scrolls) problems.push(`${where}: the owners table scrolls sideways`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("keeps each figure of an owner's summary on one line on a 390 px phone ('Deal has no keyman 3', not 'Deal has' / 'no keyman 3'), the values in at least half the screen", async () => {
    const owners = readdirSync(join(site.dir, 'en/owners'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const problems: string[] = [];
    let lists = 0;
    for (const locale of LOCALES) {
      for (const owner of owners) {
        const path = `/${locale}/owners/${owner}/`;
        const tab = await open(VIEWPORTS[0], path);
        const facts = await tab.evaluate((separator) =>
          Array.from(document.querySelectorAll('.facts dd')).map((dd) => {
            // Each item of a listed value ('25% (25 / 101) · 영남영업팀 27% · 전체 29%'), found in the text as a reader reads it.
            const text = dd.textContent ?? '';
            const items: { text: string; lines: number; width: number }[] = [];
            const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
            const nodes: { node: Text; start: number }[] = [];
            let at = 0;
            for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
              nodes.push({ node: n, start: at });
              at += n.data.length;
            }
            const point = (offset: number): [Text, number] => {
              const hit = nodes.findLast((x) => x.start <= offset)!;
              return [hit.node, Math.min(offset - hit.start, hit.node.data.length)];
            };
            let start = 0;
            for (const part of text.split(separator)) {
              const range = document.createRange();
              range.setStart(...point(start));
              range.setEnd(...point(start + part.length));
              const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
              items.push({ text: part, lines: new Set(rects.map((r) => Math.round(r.bottom))).size, width: rects.reduce((w, r) => w + r.width, 0) });
              start += part.length + separator.length;
            }
            return { items, width: dd.getBoundingClientRect().width };
          }),
          '\u00a0· ',
        );
        await tab.close();
        for (const fact of facts) {
          if (fact.items.length < 2) continue;
          lists++;
          if (fact.width < 0.5 * VIEWPORTS[0].width - 12) problems.push(`${path}: a listed value in ${Math.round(fact.width)}px, under half the screen`);
          // An item wider than its column wraps, as it must; one that fits keeps its line.
          for (const item of fact.items) if (item.lines > 1 && item.width < fact.width - 1) problems.push(`${path}: "${item.text}" (${Math.round(item.width)}px) split over ${item.lines} lines in ${Math.round(fact.width)}px`);
        }
      }
    }
    // The win rate and median cycle of every owner with closed deals, and the warning signs of those with open deals.
    expect(lists).toBeGreaterThan(2 * owners.length);
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('shows What changed’s long lists on a phone as their largest deals, how many more and "Show all N", which opens every row in their place', async () => {
    for (const locale of LOCALES) {
      const tab = await open(VIEWPORTS[0], `/${locale}/changes/`);
      // The sample's 71 new deals were some 10,000 px of rows on a phone, the largest anywhere among them.
      expect(await tab.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(14_000);
      const lists = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('details.fold-all')).map((details) => {
          const block = details.closest('.table-block')!;
          const amounts = (table: Element | null) => Array.from(table?.querySelectorAll('tbody tr') ?? []).map((tr) => Number((tr.children[1] as HTMLElement).dataset.sort));
          return {
            heading: block.closest('section')!.querySelector('h2')!.textContent!,
            top: amounts(block.querySelector('.fold-top table')),
            all: amounts(details.querySelector('table')),
            more: block.querySelector('.fold-top .table-meta span')!.textContent!,
            summary: details.querySelector('summary')!.textContent!,
          };
        }),
      );
      const byHeading = Object.fromEntries(lists.map((l) => [l.heading, l]));
      const list = byHeading[locale === 'en' ? 'New deals (71\u00a0deals)' : '신규 딜(71건)']!;
      expect([list.top.length, list.all.length, list.more, list.summary]).toEqual(locale === 'en' ? [10, 71, 'and 61 more\u00a0· ', 'Show all 71'] : [10, 71, '외 61건\u00a0· ', '71건 모두 보기']);
      // The first rows are the largest, the full table in the same order.
      expect(list.all.slice(0, 10)).toEqual(list.top);
      expect(list.all).toEqual(list.all.slice().sort((a, b) => b - a));
      // Opened: every row, in place of the first ones.
      await tab.locator('details.fold-all summary').first().click();
      const first = await tab.evaluate(() => {
        const block = document.querySelector('details.fold-all')!.closest('.table-block')!;
        return { top: block.querySelector('.fold-top')!.getClientRects().length, rows: Array.from(block.querySelectorAll('details tbody tr')).filter((tr) => tr.getClientRects().length > 0).length };
      });
      expect(first).toEqual({ top: 0, rows: 71 });
      // Closed again with the keyboard, its first rows back above it: the focused "Show all 71" is scrolled into view.
      await tab.locator('details.fold-all summary').first().focus();
      await tab.keyboard.press('Enter');
      await tab.waitForFunction(() => !document.querySelector('details.fold-all')!.hasAttribute('open'));
      await tab.waitForTimeout(100);
      const box = await tab.evaluate(() => {
        const r = document.querySelector('details.fold-all > summary')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight, focused: document.activeElement === document.querySelector('details.fold-all > summary') };
      });
      expect(box.focused).toBe(true);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.height + 1);
      await tab.close();
    }
  }, 60_000);

  it('leaves a line’s space between the Stalled page’s last totals table ("Download CSV") and the note under the totals', async () => {
    for (const viewport of VIEWPORTS) {
      for (const locale of LOCALES) {
        const tab = await open(viewport, `/${locale}/stalled/`);
        // The note about deals with several warning signs sat right under the last table's CSV link, read as part of it.
        const gap = await tab.evaluate(() => document.querySelector('.totals-note')!.getBoundingClientRect().top - Array.from(document.querySelectorAll('.totals .table-meta')).at(-1)!.getBoundingClientRect().bottom);
        expect(gap, `${viewport.width}px /${locale}/stalled/`).toBeGreaterThanOrEqual(12);
        await tab.close();
      }
    }
  });

  it('keeps the key columns of every deal list (and of the issues and accounts tables) on a 390 px phone: the first row’s deal, amount and what the list is for, without scrolling sideways', async () => {
    const owner = readdirSync(join(site.dir, 'en/owners'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0]!;
    // Each page with its deal lists (a compact table: DataTable.astro's .compact, table.ts `compact`).
    // Each with how many key columns it has: the deal, its amount and what the list is for.
    const lists: [string, [string, number][]][] = [
      // The stalled lists: the deal, its amount and why (which says the days in stage), why filling the screen's width;
      // the deals with warning signs, not stalled yet, likewise with their signs.
      ['', [['top-stalled', 3]]],
      ['stalled/', [['stalled', 3], ['flagged-open', 3]]],
      [`owners/${owner}/`, [['owner-open-deals', 4]]],
      // A long list's first rows (its full table is behind "Show all N"), and a short one.
      ['changes/', [['changes-advanced-top', 3], ['changes-slipped-top', 4], ['changes-won-top', 3], ['changes-amount-up', 4]]],
      // An account's deals, and its repurchase schedule: the product, when it comes back and its status.
      [pages.find((p) => p.startsWith('accounts/'))!, [['account-deals', 4], ['account-repurchase', 3]]],
      // The forecast's deal lists, and its coverage: the period, still to win, open due and the coverage itself.
      ['forecast/', [['deals-month', 4], ['coverage', 4]]],
      // The customers due to buy again: account, next purchase, amount and status (those due within 12 months, then "Show all N").
      ['repurchase/', [['repurchase-due-top', 4], ['repurchase-covered-top', 4]]],
      // Not deal lists, compact the same way: the Data quality page's issues (file, severity, message) and the Accounts index (account, open and won amounts).
      ['data-quality/', [['issues', 3]]],
      ['accounts/', [['accounts', 3]]],
    ];
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const [page, ids] of lists) {
        const path = `/${locale}/${page}`;
        const tab = await open(VIEWPORTS[0], path);
        // As a reader sees them: with the sort buttons sort-tables.js puts in the headers when the page is idle
        // (a button once took its header's min-width, widening the column by the header's padding).
        await tab.waitForFunction(() => Array.from(document.querySelectorAll<HTMLTableElement>('table[data-sortable]')).every((t) => (t.tBodies[0]?.rows.length ?? 0) < 2 || t.querySelector('thead th button') !== null), undefined, { timeout: 10_000 });
        const found = await tab.evaluate((tables) => {
          const vw = document.documentElement.clientWidth;
          return tables.map(([id, count]) => {
            const table = document.getElementById(`t-${id}`);
            const row = table?.querySelector('tbody tr');
            if (!table || !row) return { id, missing: true, compact: false, cells: [] as string[], scrolled: 0 };
            const key = Array.from(row.children).slice(0, count);
            // Within the screen and the table's own region (which ends before the page's margin).
            const right = Math.min(vw, table.closest('.table-scroll')?.getBoundingClientRect().right ?? vw);
            return {
              id,
              missing: false,
              compact: table.closest('.table-block')?.classList.contains('compact') ?? false,
              // A key cell off screen: its header, and where it is (the region is not scrolled: scrollLeft 0).
              cells: key.flatMap((td, i) => {
                const r = td.getBoundingClientRect();
                const header = table.querySelectorAll('thead th')[i]?.textContent?.trim() ?? `column ${i + 1}`;
                return /^T[DH]$/.test(td.tagName) && r.left >= -0.5 && r.right <= right + 0.5 && r.width > 0 ? [] : [`${header} (${Math.round(r.left)}-${Math.round(r.right)}, region ends at ${Math.round(right)}px)`];
              }),
              scrolled: table.closest('.table-scroll')?.scrollLeft ?? 0,
            };
          });
        }, ids);
        await tab.close();
        for (const t of found) {
          if (t.missing) problems.push(`${path}: no table #t-${t.id} with a row`);
          else {
            if (!t.compact) problems.push(`${path} #t-${t.id}: not a compact table`);
            if (t.scrolled) problems.push(`${path} #t-${t.id}: its region opened scrolled sideways (${t.scrolled}px)`);
            for (const c of t.cells) problems.push(`${path} #t-${t.id}: first row's key cell off screen: ${c}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps the navigation one row on a phone, scrolled to the page’s own link, and every link in sight on a laptop', async () => {
    for (const viewport of VIEWPORTS) {
      for (const locale of LOCALES) {
        for (const page of ['', 'stalled/', 'data-quality/']) {
          const tab = await open(viewport, `/${locale}/${page}`);
          const nav = await tab.evaluate(() => {
            const ul = document.querySelector('.site-nav ul')!;
            const box = ul.getBoundingClientRect();
            const links = Array.from(ul.querySelectorAll('a')).map((a) => a.getBoundingClientRect());
            const current = ul.querySelector('[aria-current="page"]')!.getBoundingClientRect();
            return {
              rows: new Set(links.map((r) => Math.round(r.top))).size,
              height: box.height,
              currentInSight: current.left >= box.left - 0.5 && current.right <= box.right + 0.5,
              allInSight: links.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5),
              pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
            };
          });
          const where = `${viewport.width}px /${locale}/${page}`;
          expect(nav.currentInSight, where).toBe(true);
          expect(nav.pageOverflow, where).toBeLessThanOrEqual(0);
          if (viewport.width < 640) {
            expect(nav.rows, where).toBe(1);
            expect(nav.height, where).toBeLessThan(60);
          } else expect(nav.allInSight, where).toBe(true);
          await tab.close();
        }
      }
    }
  });

  it('shows a stalled deal’s owner (and commit or best case) under its name on a phone only, not as the cell’s text nor read out, as the owner’s column is', async () => {
    for (const viewport of VIEWPORTS) {
      for (const locale of LOCALES) {
        const tab = await open(viewport, `/${locale}/stalled/`);
        const first = await tab.evaluate(() => {
          const table = document.getElementById('t-stalled')!;
          const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
          const cells = Array.from(table.querySelector('tbody tr')!.children);
          const line = getComputedStyle(cells[0]!, '::after');
          const column = (label: string) => cells[headers.findIndex((h) => h.startsWith(label))]?.textContent?.trim();
          return {
            detail: cells[0]!.getAttribute('data-detail'),
            drawn: line.display === 'block' ? line.content : null,
            text: cells[0]!.textContent,
            owner: column(headers.find((h) => /^(Owner|담당자)/u.test(h))!),
            category: column(headers.find((h) => /^(Forecast category|예측 범주)/u.test(h)) ?? '\u0000'),
          };
        });
        const where = `${viewport.width}px /${locale}/stalled/`;
        // The sample's stalled list starts with its best-case deals (7 of 32, no commit).
        expect(first.detail, where).toBe(`${first.owner}\u00a0· ${first.category!.replaceAll(' ', '\u00a0')}`);
        // Drawn under the name on a phone only, with an empty alternative text; the cell's text and its name as read out are the deal's alone.
        expect(first.drawn, where).toBe(viewport.width < 640 ? `${JSON.stringify(first.detail)} / ""` : null);
        expect(first.text, where).not.toContain(first.owner);
        const name = await tab.locator('#t-stalled tbody tr').first().getByRole('rowheader').ariaSnapshot();
        expect(name, where).toBe(`- rowheader ${JSON.stringify(first.text!.trim())}`);
        await tab.close();
      }
    }
  });

  it("keeps a short phrase (the repurchase status) at most two lines in a 390 px phone's key columns, not a word a line", async () => {
    const problems: string[] = [];
    let seen = 0;
    for (const locale of LOCALES) {
      const tab = await open(VIEWPORTS[0], `/${locale}/repurchase/`);
      const cells = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('.compact td.phrase')).map((td) => {
          // The lines of the text on screen: not a tone's note, which only a screen reader (and paper) reads.
          const lines = new Set<number>();
          const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('.tone-note')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of Array.from(range.getClientRects())) if (r.width > 0) lines.add(Math.round(r.bottom));
          }
          return { text: (td.textContent ?? '').trim(), lines: lines.size };
        }),
      );
      await tab.close();
      seen += cells.length;
      for (const c of cells) if (c.lines > 2) problems.push(`/${locale}/repurchase/: "${c.text}" on ${c.lines} lines`);
    }
    expect(seen).toBeGreaterThan(0);
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);

  it("keeps a number and its unit on one line in a 390 px phone's key columns ('619 days', not '619' / 'days')", async () => {
    const problems: string[] = [];
    let seen = 0;
    for (const path of LOCALES.flatMap((l) => ['', 'stalled/', 'repurchase/'].map((p) => `/${l}/${p}`))) {
      const tab = await open(VIEWPORTS[0], path);
      const cells = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('.compact .table-scroll td.num:nth-child(-n+4)')).map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
          return { text: (td.textContent ?? '').trim(), lines: lines.size };
        }),
      );
      await tab.close();
      seen += cells.filter((c) => /\d\s\D/u.test(c.text)).length;
      // A number with its unit after a space ('619 days'); not a missing amount's words ('No amount'), which wrap.
      for (const c of cells) if (c.lines > 1 && /\d\s\D/u.test(c.text)) problems.push(`${path}: "${c.text}" on ${c.lines} lines`);
    }
    // Days in stage ('619 days') among them.
    expect(seen).toBeGreaterThan(0);
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);

  it('breaks Korean between words in table cells, never inside one (Korean names on English pages too)', async () => {
    const problems: string[] = [];
    for (const path of LOCALES.flatMap((l) => pages.map((p) => `/${l}/${p}`))) {
      const tab = await open(VIEWPORTS[0], path);
      const wordBreak = await tab.evaluate(() => Array.from(document.querySelectorAll('td, th')).filter((c) => getComputedStyle(c).wordBreak !== 'keep-all').length);
      if (wordBreak > 0) problems.push(`${path}: ${wordBreak} table cells without word-break: keep-all`);
      for (const b of await tab.evaluate(brokenWords, HANGUL)) problems.push(`${path}: a word broken across lines: ${b}`);
      await tab.close();
    }
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('never breaks a Korean date across lines in a table cell, on a phone or a laptop', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const viewport of VIEWPORTS) {
      for (const page of pages) {
        const tab = await open(viewport, `/ko/${page}`);
        const dates = await tab.evaluate(wrappedKoreanDates);
        checked += dates.found;
        for (const d of dates.wrapped) problems.push(`${viewport.width}px /ko/${page}: ${d}`);
        await tab.close();
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('never starts a line with a middle dot "·", a list separator or inside a word, on a phone or a laptop, in English and Korean', async () => {
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      for (const path of LOCALES.flatMap((l) => [...pages, 'changes/'].map((p) => `/${l}/${p}`))) {
        const tab = await open(viewport, path);
        for (const s of await tab.evaluate(dotsStartingLines)) problems.push(`${viewport.width}px ${path}: a line starts with "·": ${s}`);
        await tab.close();
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  }, 180_000);

  it('renders Korean with a Korean font (no empty boxes), in the text and in the charts', async () => {
    const tab = await open(VIEWPORTS[0], '/ko/');
    // The first chart text in Korean (the first ones are numbers).
    await tab.evaluate(() => {
      const t = Array.from(document.querySelectorAll('.chart-narrow svg text')).find((el) => /[\uac00-\ud7a3]/.test(el.textContent ?? ''));
      t?.setAttribute('data-probe', '');
    });
    const cdp = await browser.newCDPSession(tab);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['h1', 'svg text[data-probe]']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      const text = await tab.locator(selector).first().textContent();
      const hangul = [...(text ?? '')].filter((ch) => /[\uac00-\ud7a3]/.test(ch)).length;
      expect(hangul, `${selector} holds Korean`).toBeGreaterThan(0);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const korean = fonts.filter((f) => /CJK|KR|Gothic|Nanum|Malgun|Apple SD|Hangul|Pretendard/i.test(f.familyName));
      expect(korean.reduce((n, f) => n + f.glyphCount, 0), `${selector}: ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(hangul);
    }
    // The stack names the Korean faces of every platform.
    const family = await tab.evaluate(() => getComputedStyle(document.body).fontFamily);
    for (const face of ['Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR', 'Noto Sans KR']) expect(family).toContain(face);
    // And a Hangul syllable is drawn as a glyph as wide as a Korean one, not as a narrow box: measure against tofu.
    const widths = await tab.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = `16px ${getComputedStyle(document.body).fontFamily}`;
      return { hangul: c.measureText('가나다라마').width, tofu: c.measureText('\u{10FFFD}'.repeat(5)).width };
    });
    expect(widths.hangul).toBeGreaterThan(0);
    expect(widths.hangul).not.toBeCloseTo(widths.tofu, 0);
    await cdp.detach();
    await tab.close();
  });
});

describe.skipIf(run)('readability browser tests', () => {
  it.skip('skipped: no Chromium at /usr/bin/chromium (set CI=true to require it)', () => {});
});
