/**
 * Relative links: Astro renders the pages with site-absolute links
 * (`<base>en/funnel/`), and every internal link of every page is rewritten
 * to a path relative to the page (`../funnel/`): as each page is rendered
 * (src/middleware.ts), or by the build afterwards for a dated snapshot's
 * copy (`snapshots/<date>/`, scripts/lib/publish.ts). The same files then
 * work under any base path, on any static host, in a snapshot, and opened
 * from a file share.
 *
 * Rewritten: `href`, `src`, `action`, `poster`, `data-*-href`/`-src`/`-url`
 * (and `data-href`, `data-src`, `data-url`) attribute values and a meta
 * refresh's `url=` that start with the base path; `data-base` (the base
 * path itself, for scripts that build links) becomes the relative path to
 * the site's root, such as `../../`. Astro writes attribute
 * values in double quotes with `"` escaped, so a value never spans a quote.
 * Other URLs (`https:`, `#anchor`, `//host`) are left alone.
 */
import { posix } from 'node:path';
import { isOutsideSnapshot } from '../lib/views/snapshots.ts';

export interface LinkTree {
  /** Where the tree sits below the site root: '' for the site, 'snapshots/2026-06-30/' for a snapshot. */
  prefix: string;
  /**
   * Site-root paths that are not part of the tree but of the site root (a
   * snapshot's links to the snapshots index): resolved from the site root.
   */
  outside?: (sitePath: string) => boolean;
}

const ATTRIBUTE = /(\s(?:href|src|action|poster|data-base|data-(?:[a-z0-9-]+-)?(?:href|src|url))=")([^"]*)"/giu;
const META_REFRESH = /(\scontent="\d+;\s*url=)([^"]*)"/giu;

/** The relative path from the folder `fromDir` ('' or 'a/b/') to the site path `to` ('a/c/' or 'x.json'). */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter((s) => s !== '');
  const parts = to.split('/');
  const last = parts.pop()!;
  let i = 0;
  while (i < from.length && i < parts.length && from[i] === parts[i]) i++;
  const rel = '../'.repeat(from.length - i) + parts.slice(i).map((s) => `${s}/`).join('') + last;
  if (rel === '') return './';
  // A first segment with a colon would read as a URL scheme.
  return /^[^/]*:/u.test(rel) ? `./${rel}` : rel;
}

/**
 * `html` (the file at `file`, a path relative to its tree's root) with every
 * link that starts with `base` made relative to the file.
 */
export function relativizeHtml(html: string, file: string, base: string, tree: LinkTree = { prefix: '' }): string {
  const dir = posix.dirname(`${tree.prefix}${file}`);
  const fromDir = dir === '.' ? '' : `${dir}/`;
  const rewrite = (value: string): string => {
    if (!value.startsWith(base) || value.startsWith('//')) return value;
    const rest = value.slice(base.length);
    const cut = rest.search(/[?#]/u);
    const path = cut < 0 ? rest : rest.slice(0, cut);
    const suffix = cut < 0 ? '' : rest.slice(cut);
    const target = tree.outside?.(path) ? path : `${tree.prefix}${path}`;
    return relativePath(fromDir, target) + suffix;
  };
  return html
    .replace(ATTRIBUTE, (_m, head: string, value: string) => `${head}${rewrite(value)}"`)
    .replace(META_REFRESH, (_m, head: string, value: string) => `${head}${rewrite(value)}"`);
}

/** The note every page carries, hidden (src/layouts/Base.astro): a dated snapshot's copy shows it. */
const SNAPSHOT_NOTE = /<p class="snapshot-note"([^>]*?) hidden>([\s\S]*?)<\/p>/u;

/**
 * A page of the dated snapshot at `prefix` (`snapshots/2026-06-30/`), from
 * its site-absolute rendering: links made relative within the snapshot (but
 * for the snapshots index, `isOutsideSnapshot`), and the snapshot note
 * shown, its links (the same page on the live site, the snapshots index)
 * resolved from the site root, so a reader of an old snapshot sees its date
 * and finds the latest.
 */
export function snapshotPageHtml(html: string, file: string, base: string, prefix: string): string {
  const tree: LinkTree = { prefix, outside: isOutsideSnapshot };
  const note = SNAPSHOT_NOTE.exec(html);
  if (!note) return relativizeHtml(html, file, base, tree);
  const shown = relativizeHtml(`<p class="snapshot-note"${note[1]}>${note[2]}</p>`, `${prefix}${file}`, base);
  return relativizeHtml(html.slice(0, note.index), file, base, tree) + shown + relativizeHtml(html.slice(note.index + note[0].length), file, base, tree);
}

/** A name of the path, as read (percent-encoding decoded): letters and digits of any script with their marks, `.`, `_`, `~` and `-`, and single spaces between them. */
const BASE_NAME = /^[\p{L}\p{M}\p{N}._~-]+(?: [\p{L}\p{M}\p{N}._~-]+)*$/u;

/**
 * `--base`: an absolute URL path ending in one slash (added, or made one), each name percent-encoded as a link
 * needs it (`/영업 파이프라인/` and `/%EC%98%81%EC%97%85%20...` give the same). Only the 404 page's links carry
 * it (every page is rendered under RENDERED_BASE), so a space or a Korean name is fine. Returns null when it is
 * not one: an empty name (`//`), `.` or `..`, an encoded slash, quotes, brackets and other punctuation.
 */
export function normalizeBase(value: string): string | null {
  const base = value.replace(/\/*$/u, '/');
  if (!base.startsWith('/') || base.startsWith('//')) return null;
  const inner = base.slice(1, -1);
  let encoded = '/';
  for (const name of inner === '' ? [] : inner.split('/')) {
    let read: string;
    try {
      read = decodeURIComponent(name);
    } catch {
      return null;
    }
    if (!BASE_NAME.test(read) || read === '.' || read === '..') return null;
    encoded += `${encodeURIComponent(read)}/`;
  }
  return encoded;
}

/**
 * The base path every page is rendered under: Astro's default, whatever `--base` the site is served under. The
 * links are made relative from it, and the 404 page alone writes `--base` into its own (src/site/paths.ts
 * `hostingBase`); so one server bundle of the code serves every base (scripts/lib/page-bundles.ts).
 */
export const RENDERED_BASE = '/';

/** The environment variable that turns on the rewriting as pages are rendered (set by scripts/build.ts `astroBuild`). */
export const RELATIVE_LINKS_ENV = 'PIPESCOPE_RELATIVE_LINKS';

/**
 * The output file of a page at the URL path `pathname` below `base` (the
 * build's format: `<page>/index.html`), or null for the 404 page, which
 * keeps its site-absolute links (a host serves it at any address).
 */
export function pageFileOf(pathname: string, base: string): string | null {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/u, '');
  if (/^404(\.html|\/)?$/u.test(path)) return null;
  if (path.endsWith('.html')) return path;
  return `${path}${path === '' || path.endsWith('/') ? '' : '/'}index.html`;
}
