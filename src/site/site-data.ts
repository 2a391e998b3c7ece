/**
 * The pages' one source: the manifest written by scripts/build.ts, read and
 * validated once per build. (The only file access of the site.)
 */
import { readFileSync } from 'node:fs';
import { siteDataSchema, type SiteData } from '../lib/views/schema.ts';

let cached: SiteData | undefined;
/** The file `cached` was read from: a build that renders twice in one process (a backfilled snapshot) names another. */
let cachedPath: string | undefined;

export function siteData(): SiteData {
  const path = process.env.PIPESCOPE_SITE_DATA ?? '.cache/site-data-dist.json';
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
