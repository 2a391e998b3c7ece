/**
 * The CSV downloads of a locale: every table of every page as a file. The
 * site pages' tables (a few dozen, built with their page models) come with
 * the list; the owner pages' files are only named in it, and each is built
 * when it is written. The account pages' files (two per account page in
 * each language: nearly all of them) are written by the build as it
 * extracts each account's slice (account-csv.ts; scripts/lib/site-files.ts),
 * so the build never holds them all and Astro renders them not as ~25,000
 * routes; `npm run dev` serves them through the route, from each slice.
 */
import { toCsv } from '../format/index.ts';
import { type AccountModel, csvPath, ownerModel, PAGES, type PageContext, pageModel, pageTables, snapshotsModel } from './pages/index.ts';
export { accountCsvFiles } from './account-csv.ts';
import type { TableModel } from './table.ts';

/** Where a file's table comes from. */
export type CsvSource =
  | { kind: 'text'; csv: string }
  | { kind: 'account'; slug: string; table: 'account-repurchase' | 'account-deals' }
  | { kind: 'owner'; name: string };

export interface CsvFile {
  /** Below the locale's csv folder (pages/index.ts `csvPath`). */
  path: string;
  source: CsvSource;
}

/**
 * Every CSV file of the locale of `ctx`; without the account pages' files
 * when `accounts` is false (a build writes those itself, from each slice
 * as it is extracted: `accountCsvFiles`).
 */
export function csvFiles(ctx: PageContext, { accounts = true }: { accounts?: boolean } = {}): CsvFile[] {
  const { site } = ctx;
  const text = (page: string, table: TableModel): CsvFile => ({ path: csvPath(page, table.id), source: { kind: 'text', csv: toCsv(table.csv.headers, table.csv.rows) } });
  const files = PAGES.flatMap((page) => pageTables(ctx, page).map((table) => text(page, table)));
  for (const account of site.accounts) {
    if (!account.has_page || !accounts) continue;
    for (const table of ['account-repurchase', 'account-deals'] as const) {
      files.push({ path: csvPath(`accounts/${account.slug}`, table), source: { kind: 'account', slug: account.slug, table } });
    }
  }
  for (const row of site.owners.rows) {
    if (row.slug) files.push({ path: csvPath(`owners/${row.slug}`, OWNER_TABLE), source: { kind: 'owner', name: row.name } });
  }
  if (site.snapshots.length > 0) files.push(text('snapshots', pageModel(ctx, snapshotsModel).table));
  return files;
}

const OWNER_TABLE = 'owner-open-deals';

/** The text of one file of `csvFiles`. */
export function csvText(ctx: PageContext, source: CsvSource, accountModelOf: (ctx: PageContext, slug: string) => AccountModel): string {
  switch (source.kind) {
    case 'text':
      return source.csv;
    case 'account': {
      const model = accountModelOf(ctx, source.slug);
      return tableCsv(source.table === 'account-deals' ? model.deals : model.repurchase, source.table);
    }
    case 'owner': {
      const row = ctx.site.owners.rows.find((r) => r.name === source.name);
      if (!row) throw new Error(`no owner "${source.name}" in the site data`);
      return tableCsv(ownerModel(ctx, row).deals, OWNER_TABLE);
    }
  }
}

function tableCsv(table: TableModel, id: string): string {
  // The list named the file by this id: the model must agree.
  if (table.id !== id) throw new Error(`table "${table.id}" where "${id}" was expected`);
  return toCsv(table.csv.headers, table.csv.rows);
}
