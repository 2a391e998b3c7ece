/** Static paths and links shared by the pages. */
import { isLocale, LOCALES, type Locale } from '../lib/i18n/index.ts';
import { csvPath, type PageContext, pageContext } from '../lib/views/pages/index.ts';
import { siteData } from './site-data.ts';

export function localePaths() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}

export function baseUrl(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** The page context of the requested locale. */
export function contextFor(lang: string | undefined): PageContext {
  if (!lang || !isLocale(lang)) throw new Error(`unknown locale "${lang}"`);
  return pageContext(siteData(), lang as Locale, baseUrl());
}

export function csvHref(ctx: PageContext, page: string, tableId: string): string {
  return `${baseUrl()}${ctx.locale}/csv/${csvPath(page, tableId)}`;
}
