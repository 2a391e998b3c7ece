/**
 * Getting started: `npm run preview` serves the built site on 127.0.0.1,
 * `npm run dev` passes --as-of (and the other data options) to the
 * extraction before serving, and every command answers --help with its usage
 * and exit 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as devMain } from '../../../scripts/dev.ts';
import { startPreview } from '../../../scripts/preview.ts';
import { fakeIO, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

describe('npm run preview', () => {
  it('serves a built folder on 127.0.0.1 and prints its address', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dist', 'en'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>root</p>');
    writeFileSync(join(dir, 'dist', 'en', 'index.html'), '<p>English</p>');
    const { io, stdout } = fakeIO(dir);
    const { code, server } = await startPreview(['--port', '0'], io);
    try {
      expect(code).toBe(0);
      expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stdout()).toBe(`preview: serving dist/ at ${server!.url}/ (Ctrl-C to stop)\n`);
      const en = await fetch(`${server!.url}/en/`);
      expect(en.status).toBe(200);
      expect(await en.text()).toBe('<p>English</p>');
      expect((await fetch(`${server!.url}/missing/`)).status).toBe(404);
    } finally {
      await server?.close();
    }
  });

  it('serves the site’s 404 page for a missing address, as a static host does', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dist', 'ko'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>root</p>');
    writeFileSync(join(dir, 'dist', '404.html'), '<p>페이지를 찾을 수 없습니다 · Page not found</p>');
    const { io } = fakeIO(dir);
    const { server } = await startPreview(['--port', '0'], io);
    try {
      const missing = await fetch(`${server!.url}/ko/nope/`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await missing.text()).toBe('<p>페이지를 찾을 수 없습니다 · Page not found</p>');
    } finally {
      await server?.close();
    }
  });

  it('serves a site built with --base under that path, as its host does, so that the 404 page’s links work', async () => {
    const dir = tempDir();
    // --base '/영업 파이프라인/', as the build manifest records it.
    const base = '/%EC%98%81%EC%97%85%20%ED%8C%8C%EC%9D%B4%ED%94%84%EB%9D%BC%EC%9D%B8/';
    mkdirSync(join(dir, 'dist', 'en'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>root</p>');
    writeFileSync(join(dir, 'dist', 'en', 'index.html'), '<p>English</p>');
    writeFileSync(join(dir, 'dist', '404.html'), `<a href="${base}en/">home</a>`);
    writeFileSync(join(dir, 'dist', 'build-manifest.json'), JSON.stringify({ generator: 'pipescope', base, files: ['404.html', 'en/index.html', 'index.html'] }));
    const { io, stdout } = fakeIO(dir);
    const { server } = await startPreview(['--port', '0'], io);
    try {
      expect(stdout()).toBe(`preview: serving dist/ at ${server!.url}${base} (Ctrl-C to stop)\n`);
      expect(await (await fetch(`${server!.url}${base}`)).text()).toBe('<p>root</p>');
      // The 404 page's link, as the browser sends it.
      expect(await (await fetch(new URL('/영업 파이프라인/en/', server!.url))).text()).toBe('<p>English</p>');
      const bare = await fetch(`${server!.url}${base.slice(0, -1)}`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, base]);
      const folder = await fetch(`${server!.url}${base}en?owner=Kim`, { redirect: 'manual' });
      expect([folder.status, folder.headers.get('location')]).toEqual([301, `${base}en/?owner=Kim`]);
      const outside = await fetch(`${server!.url}/en/`);
      expect([outside.status, await outside.text()]).toEqual([404, `<a href="${base}en/">home</a>`]);
    } finally {
      await server?.close();
    }
    // An output of an older Pipescope (no base recorded), or a manifest naming no valid one: served at the root.
    for (const manifest of ['{"generator":"pipescope","files":[]}', JSON.stringify({ base: '/a"b/' }), '{not json']) {
      writeFileSync(join(dir, 'dist', 'build-manifest.json'), manifest);
      const other = fakeIO(dir);
      const { server: root } = await startPreview(['--port', '0'], other.io);
      try {
        expect(other.stdout()).toBe(`preview: serving dist/ at ${root!.url}/ (Ctrl-C to stop)\n`);
        expect(await (await fetch(`${root!.url}/en/`)).text()).toBe('<p>English</p>');
      } finally {
        await root?.close();
      }
    }
  });

  it('puts back a folder a build killed while swapping in its output had moved aside, says so, and serves it', async () => {
    const dir = tempDir();
    // The previous output moved aside by process 4194305 (none runs), its new output beside it: killed between the two renames.
    const old = join(dir, '.dist.pipescope-tmp-4194305-0a1b2c3d-old');
    mkdirSync(join(old, 'en'), { recursive: true });
    writeFileSync(join(old, 'index.html'), '<p>root</p>');
    writeFileSync(join(old, 'en', 'index.html'), '<p>English</p>');
    writeFileSync(join(old, 'build-manifest.json'), JSON.stringify({ generator: 'pipescope', files: ['en/index.html', 'index.html'] }));
    writeFileSync(join(old, 'CNAME'), 'pipeline.example.com\n');
    mkdirSync(join(dir, '.dist.pipescope-tmp-4194305-0a1b2c3d'));
    const { io, stdout, stderr } = fakeIO(dir);
    const { code, server } = await startPreview(['--port', '0'], io);
    try {
      expect(code, stderr()).toBe(0);
      expect(stderr()).toBe(
        'preview: dist/ was missing: a build stopped outright (process 4194305) had moved it to .dist.pipescope-tmp-4194305-0a1b2c3d-old to swap in its own output; put it back, with an entry added to it (CNAME)\n',
      );
      expect(stdout()).toBe(`preview: serving dist/ at ${server!.url}/ (Ctrl-C to stop)\n`);
      expect(await (await fetch(`${server!.url}/en/`)).text()).toBe('<p>English</p>');
      expect(readFileSync(join(dir, 'dist', 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    } finally {
      await server?.close();
    }
  });

  it('says to build first when the folder holds no site (exit 1); bad arguments are exit 2', async () => {
    const dir = tempDir();
    const missing = fakeIO(dir);
    expect((await startPreview([], missing.io)).code).toBe(1);
    expect(missing.stderr()).toBe('preview: dist/ holds no built site (no index.html): run "npm run build -- --as-of <YYYY-MM-DD>" first\n');
    const bad = fakeIO(dir);
    expect((await startPreview(['--port', 'eighty'], bad.io)).code).toBe(2);
    expect(bad.stderr()).toMatch(/^preview: --port must be a whole number from 0 to 65535, not "eighty"\nusage: npm run preview/);
  });
});

describe('npm run dev', () => {
  it('extracts the site data with the given --as-of and data options, then serves', async () => {
    const calls: string[] = [];
    const { io } = fakeIO(tempDir());
    const code = await devMain(['--as-of', '2026-06-30', '--data', 'data/acme', '--port', '4400'], io, {
      extract: async (argv) => (calls.push(`extract ${argv.join(' ')}`), 0),
      serve: async (o) => void calls.push(`serve ${o.host}:${o.port} ${o.siteDataPath.endsWith(join('.cache', 'site-data-dist.json'))}`),
    });
    expect(code).toBe(0);
    expect(calls).toEqual(['extract --extract-only --data=data/acme --as-of=2026-06-30', 'serve 127.0.0.1:4400 true']);
  });

  it('does not serve when the extraction fails, and returns its exit code', async () => {
    let served = false;
    const { io } = fakeIO(tempDir());
    const code = await devMain(['--as-of', '2026-02-30'], io, { extract: async () => 2, serve: async () => void (served = true) });
    expect(code).toBe(2);
    expect(served).toBe(false);
  });
});

describe('--help on every command', () => {
  // Every `npm run <command>` that runs one of our scripts (not test, typecheck).
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
  // Node, its options if any (`metrics` has one), then one of our scripts.
  const commands = Object.keys(scripts).filter((c) => /^node (--\S+ )*scripts\//u.test(scripts[c]!));
  it('covers the commands of the README', () => {
    expect(commands).toEqual(expect.arrayContaining(['metrics', 'build', 'init', 'sample', 'preview', 'dev', 'screenshots', 'check:pages', 'bench', 'config-schema']));
  });
  it.each(commands)('%s --help prints its usage and exits 0', (command) => {
    // `node scripts/<command>.ts`, or `node [options] scripts/launch.mjs <command>` (a compiled command).
    const [node, ...args] = (scripts[command] as string).split(' ');
    expect(node).toBe('node');
    const r = spawnSync(process.execPath, [...args, '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: /);
  });
});
