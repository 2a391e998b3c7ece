/** How the build tells the pages what it does itself (set by scripts/lib/astro-render.ts before `astro build`). */

/** `written`: the build has written the account pages' CSV files itself, as it extracted each account; the CSV route leaves them out. */
export const ACCOUNT_CSVS_ENV = 'PIPESCOPE_ACCOUNT_CSVS';
