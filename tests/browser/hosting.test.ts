/**
 * Hosting: the sample built with `--base '/영업 파이프라인/' --snapshot`, served
 * under that sub-path (as a GitHub Pages project site is, or a team's own
 * server under a Korean name with a space), has no broken link
 * or asset, on the live site and inside the dated snapshot; a snapshot's
 * links stay within it (but for the snapshots index); a missing address gets
 * the 404 page; the files also work opened from disk (file://). Runs when
 * Chromium is present and is required in CI (CI=true), as site.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../scripts/lib/chromium.ts';
import { resolveFile, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const required = process.env.CI === 'true' || process.env.CI === '1';
const run = hasChromium() || required;

/** A base with a space and a Korean name (a team's own server): the folder served, as given to --base; and as links carry it. */
const BASE = '/영업 파이프라인/';
const BASE_URL = '/%EC%98%81%EC%97%85%20%ED%8C%8C%EC%9D%B4%ED%94%84%EB%9D%BC%EC%9D%B8/';
const AS_OF = '2026-06-30';
const SNAPSHOT = `snapshots/${AS_OF}/`;

/** Every HTML file below `dir`, relative, with `/` separators. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => String(f).split('\\').join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Each link or asset of a page: where it points, as a path below the base ('' for the site root). */
function targets(serveRoot: string, file: string): { url: string; path: string | null }[] {
  const html = readFileSync(join(serveRoot, BASE, file), 'utf8');
  const page = `http://host${BASE_URL}${file.replace(/index\.html$/u, '')}`;
  return [...html.matchAll(/\s(?:href|src|data-(?:[a-z0-9-]+-)?src)="([^"#]*)/gu)]
    .map((m) => m[1]!)
    .filter((url) => url !== '' && !/^(https?:|mailto:|data:)/u.test(url))
    .map((url) => {
      const pathname = new URL(url, page).pathname;
      return { url, path: pathname.startsWith(BASE_URL) ? pathname.slice(BASE_URL.length) : null };
    });
}

describe.runIf(run)('a base-path build served under a sub-path', () => {
  let serveRoot: string;
  let site: string;
  let server: StaticServer;
  let browser: BrowserContext;
  let pages: string[];

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('CI needs Chromium for the browser tests: apt-get install -y chromium');
    serveRoot = resolve('.cache/hosting-serve');
    site = join(serveRoot, BASE);
    rmSync(serveRoot, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      ['scripts/build.ts', '--data', 'data/sample', '--as-of', AS_OF, '--out', site, '--snapshot', '--new-history', '--base', BASE, '--quiet'],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (!existsSync(join(site, SNAPSHOT, 'en/index.html'))) throw new Error('the hosting build wrote no snapshot');
    server = await serveStatic(serveRoot, { notFound: join(site, '404.html') });
    browser = await launchChromium();
    pages = htmlFiles(site);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('resolves every link and asset of every page below the base path, and uses no site-absolute link but on the 404 page', () => {
    const broken: string[] = [];
    const absolute: string[] = [];
    for (const file of pages) {
      for (const { url, path } of targets(serveRoot, file)) {
        if (url.startsWith('/') && file !== '404.html') absolute.push(`${file} -> ${url}`);
        if (path === null || !resolveFile(site, `/${path}`)) broken.push(`${file} -> ${url}`);
      }
    }
    expect(pages.length).toBeGreaterThan(400);
    expect(broken).toEqual([]);
    expect(absolute).toEqual([]);
  });

  it('keeps a snapshot’s links within it, but for the snapshots index and its note’s link to the same page on the live site', () => {
    const leaving = new Set<string>();
    const unexpected: string[] = [];
    for (const file of pages.filter((f) => f.startsWith(SNAPSHOT) && f !== `${SNAPSHOT}index.html`)) {
      const own = file.slice(SNAPSHOT.length).replace(/index\.html$/u, '');
      // A page below one (an account's, an owner's) may not be on the live site later: its note links to the overview.
      const live = /^[a-z]{2}\/(accounts|owners)\/[^/]+\//u.test(own) ? own.slice(0, 3) : own;
      for (const { url, path } of targets(serveRoot, file)) {
        if (path === null || path.startsWith(SNAPSHOT)) continue;
        leaving.add(path);
        // The snapshots index, and from "What changed" the previous snapshot.
        if (path !== live && !/^([a-z]{2}\/)?snapshots\//u.test(path)) unexpected.push(`${file} -> ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(leaving).toContain('en/funnel/');
    expect(leaving).toContain('ko/snapshots/');
  });

  it('says on every page of a snapshot which date it is, and links to the latest; the live site shows no such note', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}${BASE_URL}${SNAPSHOT}en/funnel/`);
    // The title too (a tab, a bookmark, a chat's preview of a shared link).
    expect(await tab.title()).toBe('Funnel · Pipescope · as of Jun 30, 2026');
    // What a chat app previews (Open Graph), and no search engine's index for the team's deals.
    const meta = await tab.evaluate(() =>
      Object.fromEntries(Array.from(document.querySelectorAll('meta[property^="og:"], meta[name="robots"]')).map((e) => [e.getAttribute('property') ?? e.getAttribute('name'), e.getAttribute('content')])),
    );
    expect(meta).toEqual({ robots: 'noindex, nofollow', 'og:type': 'website', 'og:site_name': 'Pipescope', 'og:title': 'Funnel · Pipescope · as of Jun 30, 2026', 'og:description': await tab.getAttribute('meta[name="description"]', 'content'), 'og:locale': 'en_US' });
    // The snapshot's root, the address most shared, is dated too (it opens the reader's language).
    const root = await (await fetch(`${server.url}${BASE_URL}${SNAPSHOT}`)).text();
    expect(root).toMatch(/<title>Pipescope · (as of Jun 30, 2026|2026\.\s6\.\s30\.\s기준)<\/title>/u);
    expect(root).toMatch(/<meta property="og:title" content="Pipescope · (as of Jun 30, 2026|2026\.\s6\.\s30\.\s기준)"/u);
    const note = tab.locator('.snapshot-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('This is the dated snapshot of Jun 30, 2026');
    // Printed (a board pack), the note says which date it is, without links the paper cannot follow.
    await tab.emulateMedia({ media: 'print' });
    expect((await note.innerText()).trim()).toBe('This is the dated snapshot of Jun 30, 2026: the dashboard as built for that date, kept unchanged.');
    await tab.emulateMedia({ media: 'screen' });
    await note.locator('a', { hasText: 'Open the latest dashboard' }).click();
    await tab.waitForURL(`${server.url}${BASE_URL}en/funnel/`);
    expect(await tab.locator('.snapshot-note').isVisible()).toBe(false);
    await tab.goto(`${server.url}${BASE_URL}${SNAPSHOT}ko/changes/`);
    expect(await tab.locator('.snapshot-note').textContent()).toMatch(/^2026\.\s6\.\s30\.\s기준 날짜별 스냅숏입니다/u);
    await tab.locator('.snapshot-note a', { hasText: '모든 스냅숏' }).click();
    await tab.waitForURL(`${server.url}${BASE_URL}ko/snapshots/`);
    await tab.close();
  });

  it('loads the pages under the sub-path with no failed request or console error', async () => {
    const problems: string[] = [];
    const tab = await browser.newPage();
    tab.on('console', (msg) => msg.type() === 'error' && problems.push(`${tab.url()}: console: ${msg.text()}`));
    tab.on('pageerror', (err) => problems.push(`${tab.url()}: ${err.message}`));
    tab.on('requestfailed', (req) => {
      if (req.failure()?.errorText === 'net::ERR_ABORTED' && req.url().endsWith('/favicon.svg')) return;
      problems.push(`${req.url()}: ${req.failure()?.errorText}`);
    });
    tab.on('response', (res) => res.status() >= 400 && problems.push(`${res.url()}: HTTP ${res.status()}`));
    const sample = pages.filter((f) => !/\/(accounts|owners)\/[^/]+\//u.test(f) && f !== '404.html' && f !== 'index.html' && f !== `${SNAPSHOT}index.html`);
    sample.push(pages.find((f) => f.startsWith('en/accounts/') && f !== 'en/accounts/index.html')!);
    sample.push(pages.find((f) => f.startsWith(`${SNAPSHOT}ko/accounts/`) && f !== `${SNAPSHOT}ko/accounts/index.html`)!);
    for (const file of sample) {
      const response = await tab.goto(`${server.url}${BASE_URL}${file.replace(/index\.html$/u, '')}`, { waitUntil: 'load' });
      expect(response?.status(), file).toBe(200);
    }
    await tab.close();
    expect(sample.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 300_000);

  it('sends the root and a snapshot’s root to a language below them', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}${BASE_URL}`);
    await tab.waitForURL(new RegExp(`${BASE_URL}(en|ko)/$`, 'u'));
    await tab.goto(`${server.url}${BASE_URL}${SNAPSHOT}`);
    await tab.waitForURL(new RegExp(`${BASE_URL}${SNAPSHOT}(en|ko)/$`, 'u'));
    await tab.close();
  });

  it('navigates from the live site to the snapshot and back to the index', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}${BASE_URL}en/snapshots/`);
    await tab.click(`a[href="../../${SNAPSHOT}en/"]`);
    await tab.waitForURL(`${server.url}${BASE_URL}${SNAPSHOT}en/`);
    await tab.click('.site-nav a[href="changes/"]');
    await tab.waitForURL(`${server.url}${BASE_URL}${SNAPSHOT}en/changes/`);
    expect(await tab.textContent('h1')).toBe('What changed');
    await tab.click('.site-footer a[href$="en/snapshots/"]');
    await tab.waitForURL(`${server.url}${BASE_URL}en/snapshots/`);
    await tab.close();
  });

  it('on a phone (390 px), the snapshots index shows each snapshot’s dashboard and "What changed" links without scrolling sideways', async () => {
    const tab = await browser.newPage();
    await tab.setViewportSize({ width: 390, height: 844 });
    for (const [locale, changes] of [['en', 'What changed'], ['ko', '변경 사항']] as const) {
      await tab.goto(`${server.url}${BASE_URL}${locale}/snapshots/`);
      const row = tab.locator('main table tbody tr').first();
      for (const link of [row.locator('a').first(), row.locator('a', { hasText: changes })]) {
        const box = (await link.boundingBox())!;
        expect(box.x + box.width, `${locale}: ${await link.textContent()}`).toBeLessThanOrEqual(390);
      }
    }
    await tab.close();
  });

  it('keeps a filtered snapshot page’s filter in its link to the same page of the latest dashboard', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}${BASE_URL}${SNAPSHOT}en/funnel/`);
    const owner = await tab.$eval('select[name=owner] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await tab.goto(`${server.url}${BASE_URL}${SNAPSHOT}en/funnel/?owner=${encodeURIComponent(owner)}`);
    await tab.waitForFunction(() => document.documentElement.dataset.filterState === 'done', null, { timeout: 30_000 });
    const latest = await tab.$eval('.snapshot-note a', (a) => (a as HTMLAnchorElement).href);
    expect(latest).toBe(`${server.url}${BASE_URL}en/funnel/?owner=${encodeURIComponent(owner)}`);
    // The snapshots index is no filterable page: its link stays as it is.
    expect(await tab.$eval('.snapshot-note a:last-child', (a) => (a as HTMLAnchorElement).href)).toBe(`${server.url}${BASE_URL}en/snapshots/`);
    await tab.close();
  });

  it('serves the 404 page, in both languages, for a missing address at any depth, with working links', async () => {
    const tab = await browser.newPage();
    const response = await tab.goto(`${server.url}${BASE_URL}en/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await tab.locator('h1').allTextContents()).toEqual(['페이지를 찾을 수 없습니다', 'Page not found']);
    await tab.click('a[hreflang="en-US"]:text("Open the dashboard")');
    await tab.waitForURL(`${server.url}${BASE_URL}en/`);
    await tab.close();
  });

  it('works from a file share: links opened from disk go to the pages’ index.html', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(join(site, SNAPSHOT, 'en/index.html')).href);
    await tab.click('.site-nav a[href^="funnel/"]');
    await tab.waitForURL(/\/snapshots\/2026-06-30\/en\/funnel\/index\.html$/u);
    expect(await tab.textContent('h1')).toBe('Funnel');
    await tab.goto(pathToFileURL(join(site, 'index.html')).href);
    await tab.waitForURL(new RegExp(`${BASE_URL}(en|ko)/index\\.html$`, 'u'));
    await tab.close();
  });
});

describe.skipIf(run)('hosting browser tests', () => {
  it.skip('skipped: no Chromium at /usr/bin/chromium (set CI=true to require it)', () => {});
});
