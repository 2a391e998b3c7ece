/**
 * Printed pages (a board pack): the built sample site printed to PDF by
 * Debian's Chromium, and laid out with print media at the width of an A4
 * and a Letter page, in English and Korean. Every table prints whole (no
 * column cut at the page's edge, no text spilling out of its cell), a long
 * table breaks between rows rather than leaving its heading alone on a page,
 * the paper size is the printer's, and no empty filter frame is printed.
 * Copied out of a page (into a spreadsheet or a slide), text carries no
 * invisible characters. Required in CI (CI=true without Chromium fails), like site.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenWords, LETTERS } from '../support/broken-words.ts';
import { buildTestSite, type TestSite } from '../support/build-site.ts';
import { hasChromium, launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const required = process.env.CI === 'true' || process.env.CI === '1';
const run = hasChromium() || required;

/** CSS px per mm (96 px to the inch). */
const PX_PER_MM = 96 / 25.4;
/** The page margin of site.css's @page rule. */
const MARGIN_MM = 14;
/** The width a printed page lays its content out in, for each paper. */
const PAPERS = [
  { format: 'A4', width: Math.floor((210 - 2 * MARGIN_MM) * PX_PER_MM), points: [595.92, 842.88] },
  { format: 'Letter', width: Math.floor((215.9 - 2 * MARGIN_MM) * PX_PER_MM), points: [612, 792] },
] as const;
const LOCALES = ['en', 'ko'] as const;

/** The number of pages of a PDF Chromium wrote (its page objects are not compressed). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The first page's MediaBox [x0 y0 x1 y1] of a PDF Chromium wrote, in points. */
function pdfMediaBox(pdf: Buffer): number[] {
  const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(pdf.toString('latin1'));
  return (box?.[1] ?? '').trim().split(/\s+/).map(Number);
}

interface PrintMeasure {
  /** Tables whose right edge passes the printed content's. */
  cut: string[];
  /** Cells whose text is wider than the cell (it would spill over the next column). */
  spilling: string[];
  tables: number;
}

/** In the page, with print media: tables past the content's right edge and cells spilling (no closures over test code). */
function measurePrint(): PrintMeasure {
  const edge = document.querySelector('main')!.getBoundingClientRect().right + 1;
  const cut: string[] = [];
  const spilling: string[] = [];
  let tables = 0;
  for (const table of Array.from(document.querySelectorAll('table'))) {
    // Not printed: a chart's long data table (the chart alone: its <details> hidden), a table hidden by a filter.
    if (table.getClientRects().length === 0 || !table.checkVisibility()) continue;
    tables += 1;
    const caption = (table.caption?.textContent ?? '').trim().slice(0, 40);
    const right = Math.round(table.getBoundingClientRect().right);
    if (right > edge) cut.push(`${caption}: right ${right} > ${Math.round(edge)}`);
    for (const cell of Array.from(table.querySelectorAll('th, td'))) {
      if (cell.scrollWidth > cell.clientWidth + 1) spilling.push(`${caption}: ${(cell.textContent ?? '').trim().slice(0, 40)} (${cell.scrollWidth} > ${cell.clientWidth})`);
    }
  }
  return { cut, spilling, tables };
}

/** In the page: the content of the print-only @page margin boxes at the foot of each sheet ('the title': the page's title). */
function printedFoot(): { left: string; right: string } {
  const margins = new Map<string, string>();
  for (const sheet of Array.from(document.styleSheets)) {
    for (const media of Array.from(sheet.cssRules).filter((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule[]) {
      for (const page of Array.from(media.cssRules).filter((r) => r instanceof CSSPageRule) as CSSPageRule[]) {
        for (const margin of Array.from(page.cssRules) as (CSSRule & { name: string; style: CSSStyleDeclaration })[]) margins.set(margin.name, margin.style.getPropertyValue('content'));
      }
    }
  }
  const left = margins.get('bottom-left') ?? '';
  return { left: left.startsWith(JSON.stringify(document.title).slice(0, -1)) ? `the title${JSON.parse(left).slice(document.title.length)}` : left, right: margins.get('bottom-right') ?? '' };
}

describe.runIf(run)('the built site printed and copied out of, for a board pack', () => {
  let site: TestSite;
  let server: StaticServer;
  let browser: BrowserContext;
  let tab: Page;
  let pages: string[];

  beforeAll(async () => {
    if (!hasChromium()) throw new Error('CI needs Chromium for the browser tests: apt-get install -y chromium');
    site = buildTestSite('print');
    server = await serveStatic(site.dir);
    browser = await launchChromium();
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    tab = await browser.newPage();
    const owner = readdirSync(join(site.dir, 'en/owners')).filter((n) => n.startsWith('owner-')).sort()[0]!;
    const account = readdirSync(join(site.dir, 'en/accounts')).filter((n) => !n.endsWith('.html')).sort()[0]!;
    pages = ['', 'forecast/', 'stalled/', 'win-loss/', `owners/${owner}/`, `accounts/${account}/`];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints every table whole on A4 and Letter: no column cut off, no text spilling out of its cell, no word broken', async () => {
    const problems: string[] = [];
    let tables = 0;
    await tab.emulateMedia({ media: 'print' });
    for (const paper of PAPERS) {
      await tab.setViewportSize({ width: paper.width, height: 1000 });
      for (const locale of LOCALES) {
        for (const page of pages) {
          await tab.goto(`${server.url}/${locale}/${page}`, { waitUntil: 'load' });
          const m = await tab.evaluate(measurePrint);
          tables += m.tables;
          for (const p of [...m.cut, ...m.spilling]) problems.push(`${paper.format} /${locale}/${page}: ${p}`);
          // Squeezed to fit, a column still breaks its names between words (Korean and English), never inside one.
          for (const b of await tab.evaluate(brokenWords, LETTERS)) problems.push(`${paper.format} /${locale}/${page}: a word broken across lines: ${b}`);
        }
      }
    }
    await tab.emulateMedia({ media: 'screen' });
    expect(tables).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  }, 180_000);

  it('breaks a long table between its rows, its header repeated, and keeps each heading with what follows it', async () => {
    await tab.emulateMedia({ media: 'print' });
    await tab.setViewportSize({ width: PAPERS[0].width, height: 1000 });
    await tab.goto(`${server.url}/en/forecast/`, { waitUntil: 'load' });
    await tab.waitForSelector('thead th button', { state: 'attached' });
    const styles = await tab.evaluate(() => {
      const style = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => getComputedStyle(e));
      return {
        tables: [...new Set(style('table').map((s) => s.breakInside))],
        rows: [...new Set(style('tbody tr').map((s) => s.breakInside))],
        heads: [...new Set(style('thead').map((s) => s.display))],
        // The sort buttons (sort-tables.js): Chromium repeats a header with one as an empty row.
        sortButtons: [...new Set(style('thead th button').map((s) => s.display))],
        headings: [...new Set(style('main h2, main h3').map((s) => s.breakAfter))],
        // A header stays with its first row (the Korean page once ended a sheet with a heading and a header over no rows).
        headBreaks: [...new Set(style('thead').map((s) => s.breakAfter))],
        firstRows: [...new Set(style('tbody > tr:first-child').map((s) => s.breakBefore))],
      };
    });
    await tab.emulateMedia({ media: 'screen' });
    // A table kept whole would start on a new page, leaving its heading alone at the foot of the last one.
    expect(styles).toEqual({ tables: ['auto'], rows: ['avoid'], heads: ['table-header-group'], sortButtons: ['contents'], headings: ['avoid'], headBreaks: ['avoid'], firstRows: ['avoid'] });
  });

  it("prints on the reader's paper: a Letter PDF has Letter pages even where the page's own size is preferred", async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}/en/`, { waitUntil: 'load' });
    for (const paper of PAPERS) {
      // preferCSSPageSize: as Chromium's print dialog, which lets a page's @page size override the chosen paper.
      const pdf = await fresh.pdf({ format: paper.format, preferCSSPageSize: true });
      const [width, height] = pdfMediaBox(pdf).slice(2);
      expect(Math.abs(width! - paper.points[0]), `${paper.format} width ${width}`).toBeLessThan(2);
      expect(Math.abs(height! - paper.points[1]), `${paper.format} height ${height}`).toBeLessThan(2);
      expect(pdfPages(pdf)).toBeGreaterThan(1);
    }
    await fresh.close();
  });

  it('prints no empty filter frame, but the filters in effect; and a shortened table says how many rows it leaves out', async () => {
    await tab.emulateMedia({ media: 'print' });
    await tab.setViewportSize({ width: PAPERS[0].width, height: 1000 });
    await tab.goto(`${server.url}/en/`, { waitUntil: 'load' });
    const plain = await tab.evaluate(() => {
      const form = document.querySelector('form.filters')!;
      const meta = Array.from(document.querySelectorAll('.table-meta')).find((p) => /more/.test(p.textContent ?? ''))!;
      const shown = (e: Element) => e.getClientRects().length > 0;
      return {
        formHeight: form.getBoundingClientRect().height,
        more: (meta as HTMLElement).innerText.trim(),
        csvLinks: Array.from(document.querySelectorAll('.table-meta a')).filter(shown).length,
      };
    });
    expect(plain).toEqual({ formHeight: 0, more: 'and 22 more', csvLinks: 0 });
    // The owner's column, found by its header (the columns before it change: the forecast category came in).
    const [tableId, ownerColumn] = await tab.evaluate(() => {
      const withOwner = Array.from(document.querySelectorAll('main table')).find((t) => Array.from(t.querySelectorAll('thead th'), (th) => th.textContent!.trim()).includes('Owner'))!;
      return [withOwner.id, Array.from(withOwner.querySelectorAll('thead th'), (th) => th.textContent!.trim()).indexOf('Owner') + 1] as const;
    });
    expect(ownerColumn).toBeGreaterThan(1);
    const owner = (await tab.textContent(`#${tableId} tbody tr td:nth-child(${ownerColumn})`))!.trim();
    await tab.goto(`${server.url}/en/?owner=${encodeURIComponent(owner)}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => ['done', 'error'].includes(document.documentElement.dataset.filterState ?? ''), null, { timeout: 30_000 });
    const status = await tab.evaluate(() => (document.querySelector('[data-filter-status]') as HTMLElement).innerText);
    await tab.emulateMedia({ media: 'screen' });
    expect(status).toContain(owner);
  });

  it('names every printed sheet: the page, its date and which sheet of how many, at its foot, in the page’s language', async () => {
    const footers: Record<string, { left: string; right: string }> = {};
    for (const path of ['/en/forecast/', `/ko/${pages[4]}`]) {
      await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
      footers[path] = await tab.evaluate(printedFoot);
    }
    expect(await tab.title()).toMatch(/Pipescope.+2026\.\s6\.\s30\.\s기준$/u);
    expect(footers).toEqual({
      '/en/forecast/': { left: 'the title', right: '"Page " counter(page) " of " counter(pages)' },
      [`/ko/${pages[4]}`]: { left: 'the title', right: 'counter(page) " / " counter(pages) "쪽"' },
    });
    // A filtered view's sheets name the filter in effect too.
    await tab.goto(`${server.url}/en/forecast/`, { waitUntil: 'load' });
    const owner = (await tab.textContent('#t-deals-month tbody tr td:nth-child(5)'))!.trim();
    await tab.goto(`${server.url}/en/forecast/?owner=${encodeURIComponent(owner)}&period=2026-Q2`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.dataset.filterState === 'done', null, { timeout: 30_000 });
    const filtered = await tab.evaluate(printedFoot);
    expect({ ...filtered, left: filtered.left.replace(/\s+/gu, ' ') }).toEqual({ left: `the title · Owner: ${owner} · Created in: Q2 2026`, right: '"Page " counter(page) " of " counter(pages)' });
  });

  it('prints the footer’s line under the header, without its links and its date, so it never takes a sheet of its own', async () => {
    await tab.emulateMedia({ media: 'print' });
    await tab.setViewportSize({ width: PAPERS[0].width, height: 1000 });
    const printed: Record<string, { order: string; text: string }> = {};
    for (const locale of LOCALES) {
      await tab.goto(`${server.url}/${locale}/${pages[4]}`, { waitUntil: 'load' });
      printed[locale] = await tab.evaluate(() => {
        const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
        const order = [['header', top('.site-header')], ['footer', top('.site-footer')], ['main', top('main')]] as const;
        return {
          order: [...order].sort((a, b) => a[1] - b[1]).map(([name]) => name).join(' < '),
          text: (document.querySelector('.site-footer') as HTMLElement).innerText.trim().replace(/\s+/gu, ' '),
        };
      });
    }
    await tab.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({
      en: { order: 'header < footer < main', text: 'Every figure is computed from the CRM export as it stood on the date shown. Data: print-data · 4 input rows not used' },
      ko: { order: 'header < footer < main', text: '모든 수치는 표시된 기준일 시점의 CRM 내보내기 데이터로 계산했습니다. 데이터: print-data · 제외된 입력 4행' },
    });
  });

  /** Select `selector`'s element (the whole of it, or the text of its first cell matching `cell`) and copy it with the keyboard. */
  async function copy(path: string, select: (doc: Document) => Range): Promise<{ text: string; html: string }> {
    await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await tab.waitForSelector('thead th button', { state: 'attached' });
    await tab.evaluate(`(() => { const s = getSelection(); s.removeAllRanges(); s.addRange((${select.toString()})(document)); })()`);
    await tab.keyboard.press('Control+C');
    return tab.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) => (item!.types.includes(type) ? await (await item!.getType(type)).text() : '');
      return { text: await read('text/plain'), html: await read('text/html') };
    });
  }

  it('copies a table into a spreadsheet as its cells, tab-separated, with no invisible word joiner in a name', async () => {
    // The Stalled page's totals by stage: a stage named with a middle dot inside a word, which the page joins (U+2060).
    const table = await copy('/ko/stalled/', (doc) => {
      const range = doc.createRange();
      range.selectNode(doc.querySelector('#t-stalled-by-stage')!);
      return range;
    });
    expect(table.text).not.toMatch(/\u2060/u);
    expect(table.text.split('\n')).toContain('구매의사 확인·내부 검증\t4\t17.3억원');
    expect(table.html).not.toMatch(/\u2060/u);
    expect(table.html).toMatch(/^<table [^>]*><caption[^>]*>정체 딜: 단계별<\/caption><thead>/u);
    expect(table.html).toContain('>구매의사 확인·내부 검증</th>');
    // Two rows out of the middle of a table: still a table.
    const rows = await copy('/ko/stalled/', (doc) => {
      const body = doc.querySelector<HTMLTableSectionElement>('#t-stalled-by-stage tbody')!;
      const range = doc.createRange();
      range.setStartBefore(body.rows[1]!);
      range.setEndAfter(body.rows[2]!);
      return range;
    });
    expect(rows.text.trim().split('\n')).toEqual(['구매의사 확인·내부 검증\t4\t17.3억원', '제안\t24\t69.6억원']);
    expect(rows.html).toMatch(/^<table><tbody><tr>/u);
    // A deal list with dates ('2026. 6. 30.', kept on one line by no-break spaces) and a stage with a joined dot:
    // plain spaces, as the browser's own copy writes them, so a spreadsheet reads the dates.
    const deals = await copy('/ko/forecast/', (doc) => {
      const range = doc.createRange();
      range.selectNode(doc.querySelector('#t-deals-month')!);
      return range;
    });
    expect(deals.text).not.toMatch(/[\u2060\u00a0]/u);
    expect(deals.text).toContain('\t2026. 6. 30.\t');
    expect(deals.text).toContain('\t구매의사 확인·내부 검증\t');
    // A heading's words, outside any table.
    const heading = await copy('/ko/win-loss/', (doc) => {
      const range = doc.createRange();
      range.selectNodeContents(doc.querySelector('h1')!);
      return range;
    });
    expect(heading).toEqual({ text: '수주·실주 분석', html: '수주·실주 분석' });
  });

  it("names each table's CSV download after its table, for a screen reader's list of links (the visible words first)", async () => {
    const names: Record<string, { bare: number; named: number; visible: string }> = {};
    for (const [path, download, caption] of [
      ['/en/forecast/', 'Download CSV', 'Coverage vs target'],
      ['/ko/forecast/', 'CSV 다운로드', '목표 대비 커버리지'],
    ] as const) {
      await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
      names[path] = {
        bare: await tab.getByRole('link', { name: download, exact: true }).count(),
        named: await tab.getByRole('link', { name: `${download}: ${caption}`, exact: true }).count(),
        visible: ((await tab.locator('.table-meta a[download]').first().textContent()) ?? '').trim(),
      };
    }
    expect(names).toEqual({
      '/en/forecast/': { bare: 0, named: 1, visible: 'Download CSV' },
      '/ko/forecast/': { bare: 0, named: 1, visible: 'CSV 다운로드' },
    });
  });

  it("prints an owner's and an account's page without their navigation: no way back to the list, no links to the owner's filtered pages", async () => {
    await tab.emulateMedia({ media: 'print' });
    const printed: Record<string, string[]> = {};
    for (const page of [pages[4]!, pages[5]!]) {
      await tab.goto(`${server.url}/en/${page}`, { waitUntil: 'load' });
      // The links printed outside the tables (whose links are the names of deals, accounts and owners).
      printed[page] = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('main a'))
          .filter((a) => a.getClientRects().length > 0 && !a.closest('table'))
          .map((a) => (a.textContent ?? '').trim()),
      );
    }
    await tab.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ [pages[4]!]: [], [pages[5]!]: [] });
  });
});
