/**
 * An account page's CSV files, written by the build's extraction as it makes
 * each account's slice (scripts/lib/site-files.ts): only the account page's
 * model, so the extraction loads no chart code.
 */
import { toCsv } from '../format/index.ts';
import { csvPath, type PageContext } from './pages/context.ts';
import type { AccountModel } from './pages/accounts.ts';

/** An account page's CSV files in the locale of `ctx` (paths below the locale's csv folder), from the page's model. */
export function accountCsvFiles(ctx: PageContext, model: AccountModel): { path: string; text: string }[] {
  return [model.repurchase, model.deals].map((table) => ({ path: csvPath(`accounts/${model.account.slug}`, table.id), text: toCsv(table.csv.headers, table.csv.rows) }));
}
