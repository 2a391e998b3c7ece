/**
 * The pages rendered from a kept server bundle (scripts/lib/page-bundles.ts,
 * render-from-bundles.ts) are Astro's own, file for file: real renders of the
 * sample's site data in child processes (scripts/lib/astro-render.ts), as a
 * second date's render runs. And a kept bundle is used only for the code and
 * the log level it was made with, for any --base.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../../scripts/lib/astro-render.ts';
import { findPageBundle } from '../../../scripts/lib/page-bundles.ts';
import { PROJECT_ROOT } from '../../../scripts/lib/project.ts';
import { accountSlicesPath } from '../../../src/lib/views/account-pages.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

// Below the project: the kept chunks find Astro and the other packages in its node_modules.
const work = join(PROJECT_ROOT, '.cache', `page-bundles-test-${process.pid}`);
const cache = join(work, 'kept');
const NAME = `page-bundles-test-${process.pid}`;
let siteData: string;

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.ts', '--data', 'data/sample', '--as-of', '2026-06-30', '--out', join(work, NAME), '--extract-only', '--quiet'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  siteData = join(PROJECT_ROOT, '.cache', `site-data-${NAME}.json`);
  statSync(siteData);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(siteData, { force: true });
  rmSync(accountSlicesPath(siteData), { force: true });
  removeTempDirs();
});

function render(outDir: string, options: Partial<RenderOptions>): void {
  const full: RenderOptions = { root: PROJECT_ROOT, outDir, siteDataPath: siteData, quiet: true, relativeLinks: true, accountCsvsWritten: false, ...options };
  execFileSync(process.execPath, ['scripts/lib/astro-render.ts', JSON.stringify(full)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Every file below `dir`, by path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((p) => statSync(join(dir, p)).isFile()).sort();
  return new Map(files.map((p) => [p, readFileSync(join(dir, p))]));
}

const keptFolders = () => readdirSync(cache).filter((n) => /^[0-9a-f]{16}$/u.test(n));
const usedAt = (name: string) => statSync(join(cache, name, 'kept.json')).mtimeMs;

describe('pages from a kept bundle', () => {
  it('are the files Astro writes, byte for byte: pages, the 404 page, CSV routes, the public folder', { timeout: 240_000 }, () => {
    render(join(work, 'astro'), {});
    render(join(work, 'recorded'), { pageBundles: cache });
    const [kept] = keptFolders();
    expect(kept).toBeDefined();
    // Kept for the files it was made of, the style sheet too (an asset of the bundle, in no chunk's modules): a
    // change to site.css alone once rendered with the styles kept before it.
    const inputs = Object.keys(JSON.parse(readFileSync(join(cache, kept!, 'kept.json'), 'utf8')).inputs);
    expect(inputs).toContain('src/styles/site.css');
    expect(inputs).toContain('src/layouts/Base.astro');
    // Marked as used when found: an older mark shows the next render took it.
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(cache, kept!, 'kept.json'), old, old);
    render(join(work, 'reused'), { pageBundles: cache });
    expect(usedAt(kept!)).toBeGreaterThan(old.getTime() + 1000);
    const astro = tree(join(work, 'astro'));
    expect(astro.size).toBeGreaterThan(600);
    for (const path of ['404.html', 'index.html', 'favicon.svg', 'en/index.html', 'ko/funnel/index.html', 'en/csv/overview/funnel.csv']) expect(astro.has(path)).toBe(true);
    for (const other of ['recorded', 'reused']) {
      const files = tree(join(work, other));
      expect([...files.keys()]).toEqual([...astro.keys()]);
      for (const [path, bytes] of astro) if (!bytes.equals(files.get(path)!)) expect.fail(`${other}/${path} differs from Astro's`);
    }
  });

  it('made by bundling alone (no page rendered, no site data read: a large build, npm ci) renders the same files', { timeout: 240_000 }, () => {
    const alone = join(work, 'kept-alone');
    const request = { root: PROJECT_ROOT, quiet: true, pageBundles: alone };
    const env = { ...process.env, PIPESCOPE_SITE_DATA: join(work, 'no-site-data-here.json') };
    execFileSync(process.execPath, ['scripts/lib/astro-render.ts', '--bundle', JSON.stringify(request)], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const [kept, ...more] = readdirSync(alone);
    expect(kept).toMatch(/^[0-9a-f]{16}$/u);
    expect(more).toEqual([]);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(alone, kept!, 'kept.json'), old, old);
    render(join(work, 'from-alone'), { pageBundles: alone });
    expect(statSync(join(alone, kept!, 'kept.json')).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
    if (!existsSync(join(work, 'astro'))) render(join(work, 'astro'), {});
    const astro = tree(join(work, 'astro'));
    const files = tree(join(work, 'from-alone'));
    expect([...files.keys()]).toEqual([...astro.keys()]);
    for (const [path, bytes] of astro) if (!bytes.equals(files.get(path)!)) expect.fail(`from-alone/${path} differs from Astro's`);
  });

  it('serve every --base: the pages rendered under "/" as for any other, the 404 page alone with the base in its links', { timeout: 240_000 }, () => {
    const options = { base: '/pipeline/' };
    render(join(work, 'astro-base'), options);
    // From the bundle the first test kept (or, run alone, recorded by this render), then the same bundle for '/'.
    render(join(work, 'reused-base'), { ...options, pageBundles: cache });
    render(join(work, 'reused-plain'), { pageBundles: cache });
    expect(keptFolders()).toHaveLength(1);
    const astro = tree(join(work, 'astro-base'));
    const reused = tree(join(work, 'reused-base'));
    expect([...reused.keys()]).toEqual([...astro.keys()]);
    for (const [path, bytes] of astro) if (!bytes.equals(reused.get(path)!)) expect.fail(`reused-base/${path} differs from Astro's`);
    const notFound = astro.get('404.html')!.toString('utf8');
    expect(notFound).toContain('<link rel="icon" href="/pipeline/favicon.svg"');
    expect(notFound).toContain('<a href="/pipeline/en/" hreflang="en-US">');
    expect(notFound).toContain('<a href="/pipeline/ko/snapshots/" hreflang="ko-KR">');
    const plain = tree(join(work, 'reused-plain'));
    expect(plain.get('404.html')!.toString('utf8')).toContain('<a href="/en/" hreflang="en-US">');
    expect([...plain.keys()]).toEqual([...astro.keys()]);
    expect([...astro].filter(([path, bytes]) => !bytes.equals(plain.get(path)!)).map(([path]) => path)).toEqual(['404.html']);
  });
});

describe('finding a kept bundle', () => {
  /** A project of three files and a kept bundle of it. */
  function project() {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'pages'), { recursive: true });
    writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<p>hi</p>');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const cacheDir = join(root, 'kept');
    return { root, cacheDir };
  }
  const options = { logLevel: 'error' as const };

  it('only for the same files, the same list of files below src/, and the same options', () => {
    const { root, cacheDir } = project();
    // Kept by a real render of this project: the record is what recordPageBundles writes (see the test above).
    const keep = (listing: string, inputs: Record<string, string>) => {
      const dir = join(cacheDir, '0123456789abcdef');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'kept.json'), JSON.stringify({ format: 2, inputs, options, listing, entry: 'prerender-entry.x.mjs', pages: [], scripts: [], client: [] }));
    };
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const listingOf = (src: string[], env: string[] = []) => sha(JSON.stringify([src, env]));
    keep(listingOf(['pages/index.astro']), { 'src/pages/index.astro': sha('<p>hi</p>'), 'package-lock.json': sha('{}') });
    expect(findPageBundle(root, cacheDir, options)?.dir).toBe(join(cacheDir, '0123456789abcdef'));
    expect(findPageBundle(root, cacheDir, { ...options, logLevel: 'warn' })).toBeNull();
    // A file edited since.
    writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<p>hello</p>');
    expect(findPageBundle(root, cacheDir, options)).toBeNull();
    writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<p>hi</p>');
    expect(findPageBundle(root, cacheDir, options)).not.toBeNull();
    // A page added (a new route, though no kept file changed), and a .env file.
    writeFileSync(join(root, 'src', 'pages', 'more.astro'), '<p>more</p>');
    expect(findPageBundle(root, cacheDir, options)).toBeNull();
    rmSync(join(root, 'src', 'pages', 'more.astro'));
    writeFileSync(join(root, '.env'), 'PUBLIC_X=1');
    expect(findPageBundle(root, cacheDir, options)).toBeNull();
    rmSync(join(root, '.env'));
    expect(findPageBundle(root, cacheDir, options)).not.toBeNull();
    // A lockfile of other packages.
    writeFileSync(join(root, 'package-lock.json'), '{"x":1}');
    expect(findPageBundle(root, cacheDir, options)).toBeNull();
  });
});
