// @ts-check
import { defineConfig } from 'astro/config';

/**
 * In the browser (the filter script, src/lib/filters/client.ts), charts render
 * into a detached document of the page itself: linkedom is for the build only.
 */
const browserChartDocument = {
  name: 'pipescope-browser-chart-document',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} id */
  resolveId(id) {
    // @ts-ignore Vite passes the environment on `this`
    if (id === 'linkedom' && this.environment?.name === 'client') return '\0pipescope-linkedom';
    return null;
  },
  /** @param {string} id */
  load(id) {
    if (id !== '\0pipescope-linkedom') return null;
    return "export function parseHTML() { return { document: document.implementation.createHTMLDocument('') }; }";
  },
};

// Fully static: every page is pre-rendered, charts are SVG strings made at build time.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: { locales: ['en', 'ko'], defaultLocale: 'en', routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false } },
  vite: { plugins: [browserChartDocument] },
});
