/**
 * Every table of every page as a CSV file (the "Download CSV" links); an
 * owner's file is built as it is written. A build writes the account pages'
 * files itself as it extracts each account (ACCOUNT_CSVS_ENV); `npm run dev`
 * serves them here, from each account's slice.
 */
import type { APIRoute } from 'astro';
import { LOCALES } from '../../../lib/i18n/index.ts';
import { type CsvSource, csvFiles, csvText } from '../../../lib/views/csv-files.ts';
import { ACCOUNT_CSVS_ENV } from '../../../site/build-env.ts';
import { accountModel, type AccountModel, type PageContext } from '../../../lib/views/pages/index.ts';
import { contextFor } from '../../../site/paths.ts';
import { accountSlice } from '../../../site/site-data.ts';

export function getStaticPaths() {
  const accounts = process.env[ACCOUNT_CSVS_ENV] !== 'written';
  return LOCALES.flatMap((lang) => csvFiles(contextFor(lang), { accounts }).map(({ path, source }) => ({ params: { lang, path }, props: { source } })));
}

function modelOf(ctx: PageContext, slug: string): AccountModel {
  return accountModel(ctx, accountSlice(slug));
}

export const GET: APIRoute = ({ params, props }) =>
  new Response(csvText(contextFor(params.lang), props.source as CsvSource, modelOf), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
