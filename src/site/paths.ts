/** Static paths and links shared by the pages. */
import { isLocale, LOCALES, type Locale } from '../lib/i18n/index.ts';
import { csvPath, type PageContext, pageContext } from '../lib/views/pages/index.ts';
import type { SiteData } from '../lib/views/schema.ts';
import { HOSTING_BASE_ENV } from './build-env.ts';
import { normalizeBase } from './relative-links.ts';
import { siteData } from './site-data.ts';

export function localePaths() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}

/** The base path the pages are rendered under (the build's is RENDERED_BASE, src/site/relative-links.ts): the links, made relative after. */
export function baseUrl(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** The path the site is served under (the build's --base, HOSTING_BASE_ENV), for the 404 page's absolute links; Astro's own without one (`npm run dev`). */
export function hostingBase(): string {
  const set = process.env[HOSTING_BASE_ENV];
  if (set === undefined || set === '') return baseUrl();
  const base = normalizeBase(set);
  if (base === null) throw new Error(`internal: ${HOSTING_BASE_ENV} is not a base path: "${set}"`);
  return base;
}

/** Each locale's page context, made once per site data (its formatters are costly to make, and ~40,000 files need one). */
const contexts = new Map<Locale, PageContext>();
let contextsOf: SiteData | undefined;

/** The page context of the requested locale. */
export function contextFor(lang: string | undefined): PageContext {
  if (!lang || !isLocale(lang)) throw new Error(`unknown locale "${lang}"`);
  const site = siteData();
  if (contextsOf !== site) {
    contexts.clear();
    contextsOf = site;
  }
  let ctx = contexts.get(lang);
  if (!ctx) contexts.set(lang, (ctx = pageContext(site, lang, baseUrl())));
  return ctx;
}

export function csvHref(ctx: PageContext, page: string, tableId: string): string {
  return `${baseUrl()}${ctx.locale}/csv/${csvPath(page, tableId)}`;
}
