/**
 * Relative links as each page is rendered (src/site/relative-links.ts): the
 * build turns this on (RELATIVE_LINKS_ENV) when the pages go straight into
 * the live site, so Astro writes each page once, already as the output has
 * it. A dated snapshot's build leaves it off and rewrites a copy instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageFileOf, RELATIVE_LINKS_ENV, relativizeHtml } from './site/relative-links.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (process.env[RELATIVE_LINKS_ENV] !== '1' || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const file = pageFileOf(context.url.pathname, base);
  if (file === null) return response;
  return new Response(relativizeHtml(await response.text(), file, base), { status: response.status, statusText: response.statusText, headers: response.headers });
});
