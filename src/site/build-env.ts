/** How the build tells the pages what it does itself (set by scripts/lib/astro-render.ts before `astro build`). */

/** `written`: the build has written the account pages' CSV files itself, as it extracted each account; the CSV route leaves them out. */
export const ACCOUNT_CSVS_ENV = 'PIPESCOPE_ACCOUNT_CSVS';

/**
 * The path the site is served under (--base). Only the 404 page's links are absolute (a host serves it at any
 * address); every other page's are made relative. So the pages are bundled and rendered under Astro's base '/'
 * (one bundle of the code serves every --base and --site, npm ci's among them), and the 404 page alone reads this.
 */
export const HOSTING_BASE_ENV = 'PIPESCOPE_HOSTING_BASE';
