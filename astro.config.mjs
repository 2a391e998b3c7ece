// @ts-check

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

/**
 * In the browser, zod is never used: the filter code reaches modules that
 * declare the build's schemas (views/schema.ts, views/changes.ts, ...) only
 * for their functions, and the filter data file is checked by hand
 * (filters/compact.ts). So the client gets an inert stand-in for `z` (the
 * filter code is ~80 KB, 23 KB gzip, lighter): declaring a schema builds
 * nothing, and validating with one throws (no silent pass).
 */
const browserNoZod = {
  name: 'pipescope-browser-no-zod',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} id */
  resolveId(id) {
    // @ts-ignore Vite passes the environment on `this`
    if (id === 'zod' && this.environment?.name === 'client') return '\0pipescope-zod';
    return null;
  },
  /** @param {string} id */
  load(id) {
    if (id !== '\0pipescope-zod') return null;
    return `const VALIDATE = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'decode', 'encode']);
function unavailable() { throw new Error('zod is not in the browser bundle (astro.config.mjs): validate at build time'); }
export const z = new Proxy(function () {}, {
  get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : VALIDATE.has(key) ? unavailable : z),
  apply: () => z,
  construct: () => z,
});`;
  },
};

/**
 * Fully static: every page is pre-rendered, charts are SVG strings made at build time.
 * A plain object (`defineConfig` only types it): importing `astro/config` loads Astro's
 * SVG optimizer and font providers, ~2 MB of modules every build would load for nothing.
 * @type {import('astro').AstroUserConfig}
 */
export default {
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: { locales: ['en', 'ko'], defaultLocale: 'en', routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false } },
  vite: { plugins: [browserChartDocument, browserNoZod] },
};
