/**
 * Sorting tables by a column header, in Chromium against a real build of the
 * sample: dates, months and periods sort in time order (not by their text,
 * "Apr 2027" before "Aug 2026"), numbers numerically, and a totals row stays
 * last. Required in CI like site.test.ts (CI=true without Chromium fails).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildTestSite, type TestSite } from '../support/build-site.ts';

const required = process.env.CI === 'true' || process.env.CI === '1';
const run = hasChromium() || required;

describe.runIf(run)('sorting tables, in Chromium', () => {
  let site: TestSite;
  let server: StaticServer;
  let browser: BrowserContext;

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('CI needs Chromium for the browser tests: apt-get install -y chromium');
    site = buildTestSite('sorting');
    server = await serveStatic(site.dir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open a page, click a column's sort button `clicks` times, and return that column's cells and the first column's. */
  async function sorted(path: string, table: string, header: string, clicks = 1): Promise<{ cells: string[]; first: string[]; sort: string[] }> {
    const page: Page = await browser.newPage();
    try {
      await page.goto(`${server.url}${path}`);
      // A chart's table is inside its closed "Show data table".
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const button = page.locator(`#${table} thead th button`, { hasText: header }).first();
      await button.waitFor();
      const index = await page.locator(`#${table} thead th`).evaluateAll((ths, h) => ths.findIndex((th) => th.textContent === h), header);
      for (let i = 0; i < clicks; i++) await button.click();
      return await page.locator(`#${table} tbody tr`).evaluateAll(
        (rows, i) => ({
          cells: rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent!.trim()),
          first: rows.map((r) => (r as HTMLTableRowElement).cells[0]!.textContent!.trim()),
          sort: rows.map((r) => (r as HTMLTableRowElement).cells[i]!.dataset.sort ?? ''),
        }),
        index,
      );
    } finally {
      await page.close();
    }
  }

  const inOrder = (keys: string[], dir: 1 | -1 = 1) => keys.every((k, i) => i === 0 || dir * (keys[i - 1]! < k ? -1 : keys[i - 1]! > k ? 1 : 0) <= 0);

  it('dates sort in time order, not by their text (repurchase: next purchase)', async () => {
    const due = await sorted('/en/repurchase/', 't-repurchase-due', 'Next purchase');
    expect(due.cells.length).toBeGreaterThan(50);
    // Every cell carries its ISO date, and the rows follow it.
    expect(due.sort.every((k) => /^\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);
    expect(inOrder(due.sort)).toBe(true);
    const down = await sorted('/en/repurchase/', 't-repurchase-due', 'Next purchase', 2);
    expect(inOrder(down.sort, -1)).toBe(true);
    expect(down.cells[0]).not.toBe(due.cells[0]);
  });

  it('months and periods sort in time order in English and Korean', async () => {
    // A chart's table: the forecast accuracy's months (Dec 2025 to May 2026), newest first.
    const months = await sorted('/en/forecast/', 't-forecast-accuracy', 'Month', 2);
    expect(months.cells).toEqual(['May 2026', 'Apr 2026', 'Mar 2026', 'Feb 2026', 'Jan 2026', 'Dec 2025']);
    const periods = await sorted('/ko/forecast/', 't-coverage', '기간');
    // 2026-06 < 2026-07 < 2026-Q2 < 2026-Q3: the months, then the quarters, as metrics.json lists them.
    expect(periods.cells).toEqual(['2026년\u00a06월(이번\u00a0달)', '2026년\u00a07월(다음\u00a0달)', '2026년\u00a02분기(이번\u00a0분기)', '2026년\u00a03분기(다음\u00a0분기)']);
  });

  it('a totals row stays last whichever column sorts, in both directions', async () => {
    for (const [path, table, header, total] of [
      ['/ko/stalled/', 't-stalled-by-stage', '단계', '정체 딜 전체'],
      ['/en/stalled/', 't-stalled-by-owner', 'Owner', 'All stalled deals'],
      ['/en/stalled/', 't-stalled-by-flag', 'Deals', 'All stalled deals'],
    ] as const) {
      for (const clicks of [1, 2]) {
        const { first } = await sorted(path, table, header, clicks);
        expect(first.at(-1), `${path} ${table} ${header} ×${clicks}`).toBe(total);
        expect(first.filter((t) => t === total)).toHaveLength(1);
      }
    }
  });

  it('numbers still sort numerically', async () => {
    const deals = await sorted('/en/stalled/', 't-stalled-by-owner', 'Deals');
    const counts = deals.cells.slice(0, -1).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});
