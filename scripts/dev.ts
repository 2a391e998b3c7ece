/**
 * npm run dev [-- --data <folder>] [--config <file>] [--lang en|ko] [--as-of YYYY-MM-DD] [--format ...] [--pipeline <name>] [--port 4321] [--host 127.0.0.1]
 *
 * Extracts the site data of a data folder at a date (as `npm run build --
 * --extract-only` does: the same options and exit codes), then serves the
 * pages with Astro's dev server and live reload. Without `--as-of` the date
 * is today in the config's time zone.
 */
import { join } from 'node:path';
import { type CliIO, EXIT, nodeIO, reportError } from './lib/cli.ts';
import { argvLocale } from './lib/fatal-words.ts';
import { main as buildMain, PROJECT_ROOT, SITE_DATA_ENV } from './build.ts';
import { optionalString, parseArgs, UsageError, wholeNumberOption } from './lib/io.ts';
import { msg } from '../src/lib/i18n/cli-messages.ts';

const USAGE =
  'usage: npm run dev -- [--data <folder>] [--config <file>] [--lang en|ko] [--as-of YYYY-MM-DD] [--format canonical|salesforce-report|salesforce-api|hubspot|pipedrive] [--pipeline <name>] [--max-account-pages N] [--port 4321] [--host 127.0.0.1] [--quiet]';

/** The options passed on to the build's extraction, as given. */
const EXTRACT_OPTIONS = { data: 'value', config: 'value', lang: 'value', 'as-of': 'value', format: 'value', pipeline: 'value', 'max-account-pages': 'value', quiet: 'flag' } as const;

export interface DevDeps {
  extract: (argv: string[], io: CliIO) => Promise<number>;
  serve: (options: { root: string; port: number | undefined; host: string; siteDataPath: string }) => Promise<void>;
}

async function astroDev({ root, port, host, siteDataPath }: Parameters<DevDeps['serve']>[0]): Promise<void> {
  process.env[SITE_DATA_ENV] = siteDataPath;
  const { dev } = await import('astro');
  await dev({ root, server: { host, ...(port === undefined ? {} : { port }) } });
}

export const defaultDevDeps: DevDeps = { extract: buildMain, serve: astroDev };

export async function main(argv: string[], io: CliIO, deps: DevDeps = defaultDevDeps): Promise<number> {
  try {
    const args = parseArgs(argv, { ...EXTRACT_OPTIONS, port: 'value', host: 'value', help: 'flag' });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const port = wholeNumberOption('port', args.port, 65535);
    const host = optionalString(args.host) ?? '127.0.0.1';
    if (host === '') throw new UsageError(msg('needs_value', { name: 'host' }));
    const extractArgs = ['--extract-only'];
    for (const [name, kind] of Object.entries(EXTRACT_OPTIONS)) {
      const value = args[name];
      if (value === undefined) continue;
      extractArgs.push(kind === 'flag' ? `--${name}` : `--${name}=${String(value)}`);
    }
    const code = await deps.extract(extractArgs, io);
    if (code !== EXIT.ok) return code;
    // The extraction writes the data of the default --out (dist) to the project's .cache.
    await deps.serve({ root: PROJECT_ROOT, port, host, siteDataPath: join(PROJECT_ROOT, '.cache', 'site-data-dist.json') });
    return EXIT.ok;
  } catch (e) {
    // Its own arguments' errors in --lang's language (the extraction says its own in --lang's or the config's).
    const locale = argvLocale(argv);
    return reportError('dev', e, io.stderr, USAGE, locale === undefined || locale === 'en' ? undefined : { locale });
  }
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2), nodeIO());
  if (code !== EXIT.ok) process.exit(code);
}
