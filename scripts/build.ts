/**
 * npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N]
 *
 * Extract, then render: reads the data folder, computes the site manifest
 * (metrics now and 30 days earlier, deal and account views), validates it,
 * writes it to .cache/site-data-<out>.json, then runs `astro build`, whose pages
 * only render that manifest. Also writes metrics.json and a build manifest
 * into the output folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFolder } from '../src/lib/ingest/read-folder.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { isLocalDate, localDateOf } from '../src/lib/time.ts';
import { siteDataSchema } from '../src/lib/views/schema.ts';
import { buildSiteData } from '../src/lib/views/site-data.ts';
import { fatalMessage, optionalString, parseArgs, UsageError, writeFileAtomic } from './lib/io.ts';
import { progressReporter } from './lib/progress.ts';

const USAGE = 'usage: npm run build -- [--data <folder>] [--as-of YYYY-MM-DD] [--out dist] [--max-account-pages N] [--format canonical|salesforce-report|salesforce-api|hubspot|pipedrive] [--pipeline <name>] [--quiet] [--extract-only]';
export const SITE_DATA_ENV = 'PIPESCOPE_SITE_DATA';
/** Above this many accounts, only the largest get their own page (the index lists all). */
const DEFAULT_MAX_ACCOUNT_PAGES = 2000;

async function main(argv: string[]): Promise<number> {
  let args: Record<string, string | true>;
  try {
    args = parseArgs(argv, { data: 'value', 'as-of': 'value', out: 'value', 'max-account-pages': 'value', quiet: 'flag', 'extract-only': 'flag', format: 'value', pipeline: 'value' });
    if (args['as-of'] !== undefined && !isLocalDate(String(args['as-of']))) throw new UsageError(`--as-of must be YYYY-MM-DD`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`build: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const quiet = args.quiet === true;
  const log = (s: string) => quiet || process.stderr.write(`${s}\n`);
  const dataDir = resolve(typeof args.data === 'string' ? args.data : 'data/sample');
  const outDir = resolve(typeof args.out === 'string' ? args.out : 'dist');
  const maxPages = args['max-account-pages'] ? Number(args['max-account-pages']) : DEFAULT_MAX_ACCOUNT_PAGES;
  const t0 = performance.now();

  let read;
  try {
    read = await readFolder(dataDir, {
      onProgress: progressReporter(process.stderr, { quiet }).update,
      format: optionalString(args.format),
      pipeline: optionalString(args.pipeline),
    });
  } catch (e) {
    process.stderr.write(fatalMessage('build', e));
    return 1;
  }
  const { dataset, config } = read;
  // The clock is read here, in the CLI, and nowhere in the engine.
  const asOf = typeof args['as-of'] === 'string' ? args['as-of'] : localDateOf(Date.now(), config.timezone);
  const t1 = performance.now();
  const site = siteDataSchema.parse(
    buildSiteData(dataset, config, asOf, { dataLabel: basename(dataDir), maxAccountPages: maxPages }),
  );
  const siteDataPath = resolve('.cache', `site-data-${basename(outDir)}.json`);
  writeFileAtomic(siteDataPath, JSON.stringify(site));
  const t2 = performance.now();
  log(`build: ${dataset.deals.length} deals as of ${asOf}: read ${ms(t1 - t0)}, metrics and views ${ms(t2 - t1)}`);

  if (args['extract-only'] === true) {
    log(`build: wrote ${relative('.', siteDataPath)} (run "astro dev" to serve it)`);
    return 0;
  }
  process.env[SITE_DATA_ENV] = siteDataPath;
  const { build } = await import('astro');
  await build({ root: resolve('.'), outDir, logLevel: quiet ? 'error' : 'warn' });
  const t3 = performance.now();

  writeFileAtomic(join(outDir, 'metrics.json'), serializeMetrics(site.metrics));
  const files = listFiles(outDir);
  const manifest = {
    as_of: asOf,
    data: site.data_label,
    inputs: site.metrics.generated_from,
    pages: files.filter((f) => f.endsWith('.html')).length,
    account_pages: site.accounts_with_pages,
    accounts: site.accounts.length,
    bytes: files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0),
    timings_ms: { read: Math.round(t1 - t0), views: Math.round(t2 - t1), astro: Math.round(t3 - t2) },
  };
  writeFileAtomic(join(outDir, 'build-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`build: ${manifest.pages} pages, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${relative('.', outDir) || '.'}/ (astro ${ms(t3 - t2)}, total ${ms(t3 - t0)})`);
  return 0;
}

const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

process.exitCode = await main(process.argv.slice(2));
