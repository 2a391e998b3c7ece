/**
 * npm run screenshots [-- --site dist]: screenshots of the overview, forecast,
 * trends and stalled pages in English and Korean, on a phone (390 px wide) and
 * a laptop (1366 px), into docs/screenshots/<lang>-<page>-<width>.png (for the
 * README). Each is the top of the page, at most MAX_HEIGHT px tall. A page the
 * site does not have (trends, in an older build) is left out with a note.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { scriptArgs } from './lib/io.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = 'usage: npm run screenshots -- [--site dist]';
const args = scriptArgs('screenshots', process.argv.slice(2), { site: 'value' }, USAGE);
const site = typeof args.site === 'string' ? args.site : 'dist';
const PAGES = ['', 'forecast/', 'trends/', 'stalled/'];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];
/** Long pages are cut here: the top shows the charts and the first rows of each table. */
const MAX_HEIGHT = { 390: 3200, 1366: 2400 } as Record<number, number>;

mkdirSync('docs/screenshots', { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const viewport of VIEWPORTS) {
    const tab = await browser.newPage();
    await tab.setViewportSize(viewport);
    for (const lang of ['en', 'ko']) {
      for (const page of PAGES) {
        if (!existsSync(join(site, lang, page, 'index.html'))) {
          process.stderr.write(`skipped /${lang}/${page}: not in ${site}/\n`);
          continue;
        }
        await tab.goto(`${server.url}/${lang}/${page}`);
        // A full-page shot sees the whole page at once: render long tables that skip layout off screen.
        await tab.addStyleTag({ content: '.table-block.long { content-visibility: visible; }' });
        const height = await tab.evaluate(() => document.documentElement.scrollHeight);
        const name = `${lang}-${page.replace(/\/$/, '') || 'overview'}-${viewport.width}.png`;
        const clip = { x: 0, y: 0, width: viewport.width, height: Math.min(height, MAX_HEIGHT[viewport.width] ?? height) };
        await tab.screenshot({ path: `docs/screenshots/${name}`, fullPage: true, clip });
        process.stderr.write(`docs/screenshots/${name}\n`);
      }
    }
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
