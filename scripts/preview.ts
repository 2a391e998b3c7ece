/**
 * npm run preview [-- --site dist] [--lang en|ko] [--port 4321] [--host 127.0.0.1]
 *
 * Serves the built site over HTTP (opening dist/index.html as a file breaks
 * every link: the pages link to /en/..., which only a server resolves) and
 * prints its address. Runs until stopped (Ctrl-C). Exit 1 when the folder
 * holds no built site, 2 for bad arguments (or a port that is taken). A
 * folder missing because a build was killed while swapping in its output
 * is put back first, as the next build would (scripts/lib/interrupted-swap.ts).
 *
 * Its lines are said in `--lang`'s language (read before the arguments are
 * parsed, as the other commands do), else in the site's: the language its
 * root page opens in when the browser prefers neither, i.e. the config's
 * `locale` it was built with, which index.html's `<html lang>` records
 * (build-manifest.json does not). Without a site to read it from (the
 * "no built site" line, an argument error), English.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type CliFs, type CliIO, EXIT, isErrnoError, nodeIO, reportError } from './lib/cli.ts';
import { langOption } from './lib/config-option.ts';
import { argvLocale } from './lib/fatal-words.ts';
import { recoverInterruptedSwap } from './lib/interrupted-swap.ts';
import { optionalString, parseArgs, UsageError, wholeNumberOption } from './lib/io.ts';
import { cliMessage, msg } from '../src/lib/i18n/cli-messages.ts';
import { type Locale, uiLocale } from '../src/lib/i18n/locales.ts';
import { MANIFEST_FILE, processRunning } from './lib/out-dir.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';
import { normalizeBase } from './lib/relative-links.ts';

const USAGE = 'usage: npm run preview -- [--site dist] [--lang en|ko] [--port 4321] [--host 127.0.0.1]';
export const DEFAULT_PORT = 4321;

export interface PreviewResult {
  code: number;
  /** The running server (exit code 0 only); the caller closes it. */
  server?: StaticServer;
}

/** Start serving; returns at once with the server (or an exit code and no server). `isRunning`: whether a process of this id runs. */
export async function startPreview(argv: string[], io: CliIO, isRunning: (pid: number) => boolean = processRunning): Promise<PreviewResult> {
  // The language of its lines: --lang (as the arguments give it until they are parsed), else the site's once it is there, else English.
  let locale: Locale = argvLocale(argv) ?? 'en';
  try {
    const args = parseArgs(argv, { site: 'value', lang: 'value', port: 'value', host: 'value', help: 'flag' });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return { code: EXIT.ok };
    }
    const lang = langOption(args.lang);
    const port = wholeNumberOption('port', args.port, 65535) ?? DEFAULT_PORT;
    const host = optionalString(args.host) ?? '127.0.0.1';
    if (host === '') throw new UsageError(msg('needs_value', { name: 'host' }));
    const site = resolve(io.cwd, optionalString(args.site) ?? 'dist');
    const show = (path: string) => {
      const rel = relative(io.cwd, path);
      return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
    };
    const shown = show(site);
    // Missing because a build was killed between moving it aside and moving its new output in: put back.
    const { said } = recoverInterruptedSwap(io.fs, site, { isRunning, now: io.now(), show, restoreOnly: true });
    const index = join(site, 'index.html');
    const built = io.fs.existsSync(index);
    locale = lang ?? (built ? siteLocale(io.fs, index) : 'en');
    for (const line of said) io.stderr.write(`preview: ${line.in(locale)}\n`);
    if (!built) {
      io.stderr.write(`preview: ${cliMessage(msg('preview_no_site', { site: shown }), locale)}\n`);
      return { code: EXIT.input };
    }
    const base = siteBase(io.fs, join(site, MANIFEST_FILE));
    let server: StaticServer;
    try {
      // A missing address gets the site's 404 page (its links are site-absolute, with the base), as on a static host.
      server = await serveStatic(site, { port, host, notFound: join(site, '404.html'), base });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(msg('cannot_listen', { host, port, code }));
      }
      throw e;
    }
    io.stdout.write(`preview: ${cliMessage(msg('preview_serving', { site: shown, url: `${server.url}${base.slice(0, -1)}` }), locale)}\n`);
    return { code: EXIT.ok, server };
  } catch (e) {
    return { code: reportError('preview', e, io.stderr, USAGE, locale === 'en' ? undefined : { locale }) };
  }
}

/**
 * The path a built site is served under (its build manifest's `base`, the build's --base): served there, as its
 * host serves it, so that the 404 page's links work. '/' when the manifest cannot be read or names no valid one
 * (an output of an older Pipescope, which recorded none).
 */
export function siteBase(fs: Pick<CliFs, 'readFileSync'>, manifestFile: string): string {
  let base: unknown;
  try {
    base = (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { base?: unknown } | null)?.base;
  } catch {
    return '/';
  }
  return typeof base === 'string' && normalizeBase(base) === base ? base : '/';
}

/** As much of index.html as its `<html lang>` is read from: it opens the file, before any page content. */
const HEAD_BYTES = 4096;

/**
 * The language a built site opens in when the browser prefers neither (the config's `locale`): its index.html's
 * `<html lang>` (`ko-KR` is Korean), read from the file's first bytes; English when the file cannot be read
 * or names no language, or another one than English and Korean (a page that is not Pipescope's).
 */
export function siteLocale(fs: Pick<CliFs, 'openSync' | 'readSync' | 'closeSync'>, indexFile: string): Locale {
  let head: string;
  try {
    const fd = fs.openSync(indexFile, 'r');
    try {
      const bytes = new Uint8Array(HEAD_BYTES);
      head = Buffer.from(bytes.buffer, 0, fs.readSync(fd, bytes, 0, HEAD_BYTES, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    return 'en';
  }
  const lang = /<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z-]+)/iu.exec(head)?.[1];
  return lang === undefined ? 'en' : uiLocale(lang);
}

if (import.meta.main) {
  const { code, server } = await startPreview(process.argv.slice(2), nodeIO());
  // Serving keeps the process alive; Ctrl-C (or a TERM) ends it, open connections and all.
  if (!server) process.exit(code);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
}
