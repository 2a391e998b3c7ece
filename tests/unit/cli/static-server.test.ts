/**
 * The static server of `npm run preview` (and the browser tests): an address
 * it cannot decode is a 400 and the server goes on (it used to end with a
 * URIError's stack, so one mistyped address stopped the preview), and no
 * address reaches a file above the site's folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

let server: StaticServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  removeTempDirs();
});

/** GET `path` as written (no URL normalisation on the way): status and body. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // A server that died answers nothing: the test fails in seconds rather than waiting for ever.
    const req = get({ hostname, port, path, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${path}`)));
    req.on('error', reject);
  });
}

describe('serveStatic', () => {
  it('answers a malformed %-escape with 400 and goes on serving', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'site', 'en'), { recursive: true });
    writeFileSync(join(dir, 'site', 'en', 'index.html'), 'english page');
    server = await serveStatic(join(dir, 'site'));
    for (const path of ['/en/%', '/%E0%A4%A', '/en/%C0%AE%C0%AE/']) {
      expect(await rawGet(server.url, path)).toEqual({ status: 400, body: 'bad request: the address has a malformed %-escape\n' });
    }
    expect(await rawGet(server.url, '/en/')).toEqual({ status: 200, body: 'english page' });
  });

  it("redirects a folder's address without its trailing slash to the address with it, as static hosts do (its relative links resolve from there)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'site', 'en', 'funnel'), { recursive: true });
    writeFileSync(join(dir, 'site', 'en', 'funnel', 'index.html'), 'funnel page');
    writeFileSync(join(dir, 'site', 'en', 'data.csv'), 'a,b');
    server = await serveStatic(join(dir, 'site'));
    const head = (path: string) =>
      new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
        const { hostname, port } = new URL(server!.url);
        get({ hostname, port, path, timeout: 5_000 }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        }).on('error', reject);
      });
    expect(await head('/en/funnel')).toEqual({ status: 301, location: '/en/funnel/' });
    expect(await head('/en/funnel?owner=%EA%B9%80')).toEqual({ status: 301, location: '/en/funnel/?owner=%EA%B9%80' });
    expect(await rawGet(server.url, '/en/funnel/')).toEqual({ status: 200, body: 'funnel page' });
    // A file, and a missing address, as before.
    expect(await rawGet(server.url, '/en/data.csv')).toEqual({ status: 200, body: 'a,b' });
    expect((await rawGet(server.url, '/en/nothing')).status).toBe(404);
  });

  it('never serves a file above the site folder, however the dots are written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'index.html'), 'site root');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    server = await serveStatic(join(dir, 'site'));
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/en/..%2f..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt', '/secret.txt%00']) {
      const r = await rawGet(server.url, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('SECRET');
    }
    expect(await rawGet(server.url, '/..')).toEqual({ status: 200, body: 'site root' });
  });
});
