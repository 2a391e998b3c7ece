/**
 * npm run preview [-- --site dist] [--port 4321] [--host 127.0.0.1]
 *
 * Serves the built site over HTTP (opening dist/index.html as a file breaks
 * every link: the pages link to /en/..., which only a server resolves) and
 * prints its address. Runs until stopped (Ctrl-C). Exit 1 when the folder
 * holds no built site, 2 for bad arguments (or a port that is taken). A
 * folder missing because a build was killed while swapping in its output
 * is put back first, as the next build would (scripts/lib/interrupted-swap.ts).
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type CliIO, EXIT, nodeIO, reportError } from './lib/cli.ts';
import { recoverInterruptedSwap } from './lib/interrupted-swap.ts';
import { optionalString, parseArgs, UsageError, wholeNumberOption } from './lib/io.ts';
import { msg } from '../src/lib/i18n/cli-messages.ts';
import { processRunning } from './lib/out-dir.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

const USAGE = 'usage: npm run preview -- [--site dist] [--port 4321] [--host 127.0.0.1]';
export const DEFAULT_PORT = 4321;

export interface PreviewResult {
  code: number;
  /** The running server (exit code 0 only); the caller closes it. */
  server?: StaticServer;
}

/** Start serving; returns at once with the server (or an exit code and no server). `isRunning`: whether a process of this id runs. */
export async function startPreview(argv: string[], io: CliIO, isRunning: (pid: number) => boolean = processRunning): Promise<PreviewResult> {
  try {
    const args = parseArgs(argv, { site: 'value', port: 'value', host: 'value', help: 'flag' });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return { code: EXIT.ok };
    }
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
    for (const { text } of recoverInterruptedSwap(io.fs, site, { isRunning, now: io.now(), show, restoreOnly: true }).said) io.stderr.write(`preview: ${text}\n`);
    if (!io.fs.existsSync(join(site, 'index.html'))) {
      io.stderr.write(`preview: ${shown}/ holds no built site (no index.html): run "npm run build -- --as-of <YYYY-MM-DD>" first\n`);
      return { code: EXIT.input };
    }
    let server: StaticServer;
    try {
      // A missing address gets the site's 404 page (its links are site-absolute), as on a static host.
      server = await serveStatic(site, { port, host, notFound: join(site, '404.html') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(msg('cannot_listen', { host, port, code }));
      }
      throw e;
    }
    io.stdout.write(`preview: serving ${shown}/ at ${server.url}/ (Ctrl-C to stop)\n`);
    return { code: EXIT.ok, server };
  } catch (e) {
    return { code: reportError('preview', e, io.stderr, USAGE) };
  }
}

if (import.meta.main) {
  const { code, server } = await startPreview(process.argv.slice(2), nodeIO());
  // Serving keeps the process alive; Ctrl-C (or a TERM) ends it, open connections and all.
  if (!server) process.exit(code);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
}
