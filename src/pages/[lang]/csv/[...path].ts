/** Every table of every page as a CSV file (the "Download CSV" links). */
import type { APIRoute } from 'astro';
import { toCsv } from '../../../lib/format/index.ts';
import { LOCALES } from '../../../lib/i18n/index.ts';
import { accountModel, csvPath, ownerModel, PAGES, pageTables, snapshotsModel } from '../../../lib/views/pages/index.ts';
import type { TableModel } from '../../../lib/views/table.ts';
import { contextFor } from '../../../site/paths.ts';
import { siteData } from '../../../site/site-data.ts';

export function getStaticPaths() {
  return LOCALES.flatMap((lang) => {
    const ctx = contextFor(lang);
    const entries: { page: string; table: TableModel }[] = PAGES.flatMap((page) => pageTables(ctx, page).map((table) => ({ page, table })));
    for (const account of siteData().accounts.filter((a) => a.has_page)) {
      const model = accountModel(ctx, account);
      for (const table of [model.repurchase, model.deals]) entries.push({ page: `accounts/${account.slug}`, table });
    }
    for (const row of siteData().owners.rows) {
      if (row.slug) entries.push({ page: `owners/${row.slug}`, table: ownerModel(ctx, row).deals });
    }
    if (siteData().snapshots.length > 0) entries.push({ page: 'snapshots', table: snapshotsModel(ctx).table });
    return entries.map(({ page, table }) => ({
      params: { lang, path: csvPath(page, table.id) },
      props: { csv: toCsv(table.csv.headers, table.csv.rows) },
    }));
  });
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.csv as string, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
