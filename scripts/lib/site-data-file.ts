import { join } from 'node:path';

/** Where the extraction writes the site data of the date `/` shows (`latest`: the newest snapshot's, when an older one is added) for the pages to read. */
export function siteDataFile(cacheDir: string, name: string, latest = false): string {
  return join(cacheDir, `site-data-${name}${latest ? '-latest' : ''}.json`);
}
