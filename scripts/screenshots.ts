/**
 * npm run screenshots [-- --site dist]: screenshots of the overview, funnel and
 * stalled pages in English and Korean into docs/screenshots/ (for the README).
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './lib/chromium.ts';
import { parseArgs } from './lib/io.ts';
import { serveStatic } from './lib/static-server.ts';

const args = parseArgs(process.argv.slice(2), { site: 'value' });
const site = typeof args.site === 'string' ? args.site : 'dist';
const PAGES = ['', 'funnel/', 'stalled/'];
mkdirSync('docs/screenshots', { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
const tab = await browser.newPage();
await tab.setViewportSize({ width: 1280, height: 900 });
for (const lang of ['en', 'ko']) {
  for (const page of PAGES) {
    await tab.goto(`${server.url}/${lang}/${page}`);
    // A full-page shot sees the whole page at once: render long tables that skip layout off screen.
    await tab.addStyleTag({ content: '.table-block.long { content-visibility: visible; }' });
    const name = `${lang}-${page.replace(/\/$/, '') || 'overview'}.png`;
    await tab.screenshot({ path: `docs/screenshots/${name}`, fullPage: true });
    process.stderr.write(`docs/screenshots/${name}\n`);
  }
}
await browser.close();
await server.close();
