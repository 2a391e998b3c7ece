/**
 * Each page as it is rendered: the middle dots inside words joined to their
 * neighbours (src/site/word-dots.ts), and relative links
 * (src/site/relative-links.ts): the build turns these on (RELATIVE_LINKS_ENV)
 * when the pages go straight into the live site, so Astro writes each page
 * once, already as the output has it. A dated snapshot's build leaves them
 * off and rewrites a copy instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageFileOf, RELATIVE_LINKS_ENV, RENDERED_BASE, relativizeHtml } from './site/relative-links.ts';
import { joinWordDotsInHtml } from './site/word-dots.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const file = process.env[RELATIVE_LINKS_ENV] === '1' ? pageFileOf(context.url.pathname, RENDERED_BASE) : null;
  // The page's bytes read as Latin-1, one character per byte, and written back the same way: the links
  // rewritten are ASCII and every other byte comes back unchanged, without decoding and encoding UTF-8 (and
  // checking the text for lone surrogates) for every page (~2.5 s of a 12,500-page build).
  const html = joinWordDotsInHtml(Buffer.from(await response.arrayBuffer()).toString('latin1'));
  return new Response(Buffer.from(file === null ? html : relativizeHtml(html, file, RENDERED_BASE), 'latin1'), { status: response.status, statusText: response.statusText, headers: response.headers });
});
