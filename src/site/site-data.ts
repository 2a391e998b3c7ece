/**
 * The pages' one source: the manifest written by scripts/build.ts, read and
 * validated once per build, and each account page's slice, read from the
 * slices file beside it and validated when that page (or its CSV download)
 * is rendered, so no page holds another page's data. (The only file access
 * of the site.)
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { type AccountSlice, accountSlicesPath, accountSliceSchema, sliceIndex } from '../lib/views/account-pages.ts';
import { siteDataSchema, type SiteData } from '../lib/views/schema.ts';

let cached: SiteData | undefined;
/** The file `cached` was read from: a build that renders twice in one process (a backfilled snapshot) names another. */
let cachedPath: string | undefined;
let slices: { path: string; fd: number; index: Map<string, { start: number; length: number }> } | undefined;

const sitePath = () => process.env.PIPESCOPE_SITE_DATA ?? '.cache/site-data-dist.json';

export function siteData(): SiteData {
  const path = sitePath();
  if (!cached || cachedPath !== path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`no site data at ${path}: build with "npm run build", which computes it first`);
    }
    cached = siteDataSchema.parse(JSON.parse(text));
    cachedPath = path;
  }
  return cached;
}

/**
 * The slices read last: an account's pages in both languages, and its CSV
 * files, are rendered one after another (a few pages at a time), so each is
 * read and validated about twice instead of six times.
 */
const recent = new Map<string, AccountSlice>();
const RECENT_SLICES = 8;

/** The slice of the account page `slug` (account-pages.ts): its account with deals, and its repurchase rows. */
export function accountSlice(slug: string): AccountSlice {
  const path = accountSlicesPath(sitePath());
  const key = `${path}\t${slug}`;
  const known = recent.get(key);
  if (known) return known;
  if (!slices || slices.path !== path) {
    if (slices) closeSync(slices.fd);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new Error(`no account slices at ${path}: build with "npm run build", which computes them with the site data`);
    }
    const indexer = sliceIndex();
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let at = 0, n; (n = readSync(fd, chunk, 0, chunk.length, at)) > 0; at += n) indexer.add(chunk.subarray(0, n));
    slices = { path, fd, index: indexer.done() };
  }
  const where = slices.index.get(slug);
  if (!where) throw new Error(`no account slice for "${slug}" in ${path}`);
  const bytes = Buffer.allocUnsafe(where.length);
  readSync(slices.fd, bytes, 0, where.length, where.start);
  const slice = accountSliceSchema.parse(JSON.parse(bytes.toString('utf8')));
  recent.set(key, slice);
  if (recent.size > RECENT_SLICES) recent.delete(recent.keys().next().value!);
  return slice;
}
