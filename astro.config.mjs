// @ts-check
import { defineConfig } from 'astro/config';

// Fully static: every page is pre-rendered, charts are SVG strings made at build time.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: { locales: ['en', 'ko'], defaultLocale: 'en', routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false } },
});
