/** A tiny static file server on 127.0.0.1 for `npm run preview`, browser tests and page checks (no extra dependency). */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Resolve a URL path to a file below `root` ('/en/' -> en/index.html), or null. Throws URIError for an
 * address whose escapes are not UTF-8 (`/en/%`), which the server answers with 400.
 */
export function resolveFile(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  if (decoded.includes('\0')) return null;
  // Rooted before it is normalised: no `..` climbs above the site's folder.
  let file = join(root, normalize(`/${decoded}`));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/**
 * Where a folder's address without its trailing slash (`/en/funnel`) goes: the same with the slash (`/en/funnel/`,
 * its query kept), as static hosts (GitHub Pages, nginx) redirect it. Served as it was, its page's relative links
 * (`../velocity/`, `../../_astro/…`) would resolve one folder too high. Null for any other address.
 */
export function folderRedirect(root: string, urlPath: string): string | null {
  const { path, query } = splitQuery(urlPath);
  const decoded = decodeURIComponent(path.split('#')[0]!);
  // Ends with a slash once normalised (`/en/`, `/en/..`): served as it is.
  const normalized = normalize(`/${decoded}`);
  if (decoded.includes('\0') || normalized.endsWith('/')) return null;
  const folder = join(root, normalized);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return null;
  return `${path}/${query}`;
}

/** An address's path, and its query from the first `?` on ('' without one): a redirect keeps it. */
function splitQuery(url: string): { path: string; query: string } {
  const cut = url.indexOf('?');
  return cut < 0 ? { path: url, query: '' } : { path: url.slice(0, cut), query: url.slice(cut) };
}

/**
 * The address below `base` (percent-encoded, as links carry it: `/pipescope/`), from the site root ('/en/'); the
 * base without its slash goes to the base (`redirect`), and an address outside it is missing (null).
 */
export function belowBase(base: string, url: string): { path: string } | { redirect: string } | null {
  if (base === '/') return { path: url };
  const { path, query } = splitQuery(url);
  if (path === base.slice(0, -1)) return { redirect: `${base}${query}` };
  return url.startsWith(base) ? { path: url.slice(base.length - 1) } : null;
}

/**
 * `port` 0 (the default) picks a free port; `host` defaults to 127.0.0.1 (this machine only). `base`: the site is
 * served under that path (a build's --base, as its host serves it), every other address missing.
 */
export async function serveStatic(root: string, opts: { gzip?: boolean; port?: number; host?: string; notFound?: string; base?: string } = {}): Promise<StaticServer> {
  const { createGzip } = await import('node:zlib');
  const base = opts.base ?? '/';
  const server: Server = createServer((req, res) => {
    let file: string | null = null;
    try {
      const below = belowBase(base, req.url ?? '/');
      if (below !== null && 'redirect' in below) {
        res.writeHead(301, { Location: below.redirect }).end();
        return;
      }
      const moved = below === null ? null : folderRedirect(root, below.path);
      if (moved !== null) {
        res.writeHead(301, { Location: `${base.slice(0, -1)}${moved}` }).end();
        return;
      }
      if (below !== null) file = resolveFile(root, below.path);
    } catch (e) {
      // A malformed address (`/en/%`) is the request's fault: said, and the server goes on (it used to end with a stack).
      if (!(e instanceof URIError)) throw e;
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request: the address has a malformed %-escape\n');
      return;
    }
    if (!file) {
      // `notFound`: a 404 page served for any missing address, as static hosts do.
      if (opts.notFound && existsSync(opts.notFound)) res.writeHead(404, { 'Content-Type': TYPES['.html']! }).end(readFileSync(opts.notFound));
      else res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (opts.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'max-age=3600' });
      createReadStream(file).pipe(createGzip({ level: 9 })).pipe(res);
    } else {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'max-age=3600' });
      createReadStream(file).pipe(res);
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
