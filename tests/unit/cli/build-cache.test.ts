/**
 * Rebuilds that reuse (scripts/lib/build-cache.ts), in-process with a
 * stand-in for `astro build`: the same inputs, code and options reuse the
 * output; any changed input byte or option is another key; an output file
 * changed in place is never served; the cache folder is the build's own.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { CACHE_MARKER } from '../../../scripts/lib/build-cache.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, FAKE_NOW, fakeIO, hashTree, removeTempDirs, tempDir } from './helpers.ts';
import { makeZip } from '../ingest/workbook-zip.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';

function workspace() {
  const dir = tempDir();
  const data = copyFixture('spec-example', dir);
  let renders = 0;
  /** Writes a page that shows the data it was given, as Astro would. */
  const render = async ({ outDir, siteDataPath }: RenderOptions): Promise<void> => {
    renders++;
    const site = JSON.parse(readFileSync(siteDataPath, 'utf8'));
    mkdirSync(join(outDir, 'en'), { recursive: true });
    writeFileSync(join(outDir, 'en', 'index.html'), `<h1>${site.as_of}: ${site.metrics.pipeline.open_amount}</h1>`);
  };
  const deps: BuildDeps = { readFolder, render, cacheDir: join(dir, '.cache') };
  const build = async (...args: string[]) => {
    const f = fakeIO(dir);
    const code = await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--cache', 'cache', ...args], f.io, deps);
    return { code, stderr: f.stderr() };
  };
  return { dir, data, build, renders: () => renders, out: join(dir, 'site'), cache: join(dir, 'cache') };
}

/** The cache's entries (folders named by their key). */
const entries = (cache: string) => readdirSync(cache).filter((n) => /^[0-9a-f]{64}$/u.test(n));

describe('build: a rebuild with the same inputs, code and options reuses the output', () => {
  it('reads and renders nothing the second time, and leaves the output byte for byte as it was', async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    expect(ws.renders()).toBe(1);
    const first = hashTree(ws.out);
    const again = await ws.build();
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already up to date/u);
    expect(ws.renders()).toBe(1);
    expect(hashTree(ws.out)).toEqual(first);
    expect(entries(ws.cache)).toHaveLength(1);
  });

  it('reuses the output of a folder whose files are named in another case (Deals.csv), keyed as the read names them', async () => {
    const ws = workspace();
    renameSync(join(ws.data, 'deals.csv'), join(ws.data, 'Deals.csv'));
    renameSync(join(ws.data, 'stage_history.csv'), join(ws.data, 'STAGE_HISTORY.CSV'));
    expect((await ws.build('--quiet')).code).toBe(0);
    const again = await ws.build();
    expect(again.stderr).toMatch(/already up to date/u);
    expect(ws.renders()).toBe(1);
    expect(entries(ws.cache)).toHaveLength(1);
  });

  it('reuses the output of exports in a ZIP archive, and reads again when the archive changes', async () => {
    const ws = workspace();
    rmSync(ws.data, { recursive: true });
    mkdirSync(ws.data);
    const loader = join(import.meta.dirname, '..', '..', 'fixtures', 'exports', 'salesforce-data-loader', 'data');
    cpSync(join(loader, 'pipeline.config.json'), join(ws.data, 'pipeline.config.json'));
    const entry = (name: string) => ({ name, text: '', bytes: readFileSync(join(loader, name)) });
    const zip = (names: string[]) => makeZip(names.map(entry));
    writeFileSync(join(ws.data, 'WE_1.zip'), zip(['Opportunity.csv', 'OpportunityHistory.csv', 'User.csv']));
    expect((await ws.build('--quiet')).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ws.out, 'metrics.json'), 'utf8')).generated_from as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(['WE_1.zip', 'WE_1.zip/Opportunity.csv', 'WE_1.zip/OpportunityHistory.csv', 'WE_1.zip/User.csv', 'pipeline.config.json']);
    expect(manifest['WE_1.zip']).toBe(createHash('sha256').update(readFileSync(join(ws.data, 'WE_1.zip'))).digest('hex'));
    expect((await ws.build()).stderr).toMatch(/already up to date/u);
    expect(ws.renders()).toBe(1);
    // Account.csv added to the archive: another key, read and rendered again.
    writeFileSync(join(ws.data, 'WE_1.zip'), zip(['Opportunity.csv', 'OpportunityHistory.csv', 'User.csv', 'Account.csv']));
    expect((await ws.build('--quiet')).code).toBe(0);
    expect(ws.renders()).toBe(2);
    expect(entries(ws.cache)).toHaveLength(2);
  });

  it('puts the stored output into another --out without rendering, the same files', async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    const f = fakeIO(ws.dir);
    const code = await main(['--data', 'data', '--as-of', AS_OF, '--out', 'other', '--cache', 'cache', '--quiet'], f.io, { readFolder, render: () => Promise.reject(new Error('rendered')), cacheDir: join(ws.dir, '.cache') });
    expect(code).toBe(0);
    expect(hashTree(join(ws.dir, 'other'))).toEqual(hashTree(ws.out));
  });

  it('one changed byte in an input is another key: read and rendered again, and the output changes', async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    const first = hashTree(ws.out);
    // One digit of one amount in deals.csv: 39,000,000 open becomes something else.
    const deals = join(ws.data, 'deals.csv');
    const text = readFileSync(deals, 'utf8');
    const at = text.search(/,\d{6,},/u) + 1;
    writeFileSync(deals, text.slice(0, at) + String((Number(text[at]) % 9) + 1) + text.slice(at + 1));
    expect((await ws.build('--quiet')).code).toBe(0);
    expect(ws.renders()).toBe(2);
    const second = hashTree(ws.out);
    expect(second['metrics.json']).not.toBe(first['metrics.json']);
    expect(second['build-manifest.json']).not.toBe(first['build-manifest.json']);
    expect(entries(ws.cache)).toHaveLength(2);
    // And back: the first output, from the cache, byte for byte.
    writeFileSync(deals, text);
    expect((await ws.build('--quiet')).code).toBe(0);
    expect(ws.renders()).toBe(2);
    expect(hashTree(ws.out)).toEqual(first);
  });

  it('without --as-of, the key has today in the config time zone: the second build of the day reuses the first', async () => {
    const ws = workspace();
    let renders = 0;
    const today = async () => {
      const f = fakeIO(ws.dir);
      const render = async (o: RenderOptions) => void (renders++, mkdirSync(join(o.outDir, 'en'), { recursive: true }));
      return main(['--data', 'data', '--out', 'site', '--cache', 'cache', '--quiet'], f.io, { readFolder, render, cacheDir: join(ws.dir, '.cache') });
    };
    expect(await today()).toBe(0);
    expect(await today()).toBe(0);
    expect(renders).toBe(1);
    // The fake clock is 2025-07-01T00:00Z (the fixture has no config: the default time zone).
    expect(JSON.parse(readFileSync(join(ws.out, 'build-manifest.json'), 'utf8')).as_of).toBe('2025-07-01');
  });

  it('a changed option or date is another key', async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    for (const args of [['--max-account-pages', '1'], ['--base', '/p/'], ['--redact']]) {
      const before = ws.renders();
      const r = await ws.build('--quiet', ...args);
      // --redact needs a salt the fixture has not: refused before anything is reused.
      if (args[0] === '--redact') expect(r.code).toBe(1);
      else expect([r.code, ws.renders()]).toEqual([0, before + 1]);
    }
    const f = fakeIO(ws.dir);
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--cache', 'cache', '--quiet'], f.io, { readFolder, render: async (o) => void mkdirSync(join(o.outDir, 'en'), { recursive: true }), cacheDir: join(ws.dir, '.cache') })).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.out, 'build-manifest.json'), 'utf8')).as_of).toBe('2025-05-31');
  });

  it('reuses a dated snapshot build, with the earlier snapshots copied from their store as always', async () => {
    const ws = workspace();
    let renders = 0;
    const dated = async (date: string, ...more: string[]) => {
      const f = fakeIO(ws.dir);
      const render = async (o: RenderOptions) => void (renders++, mkdirSync(join(o.outDir, 'en'), { recursive: true }));
      return main(['--data', 'data', '--as-of', date, '--out', 'site', '--cache', 'cache', '--snapshot', '--quiet', ...more], f.io, { readFolder, render, cacheDir: join(ws.dir, '.cache') });
    };
    expect(await dated('2025-05-31', '--new-history')).toBe(0);
    expect(await dated(AS_OF)).toBe(0);
    const first = hashTree(ws.out);
    // The same date again (--replace): the same output, from the cache, the earlier snapshot copied in.
    expect(await dated(AS_OF, '--replace')).toBe(0);
    expect(renders).toBe(2);
    expect(hashTree(ws.out)).toEqual(first);
    expect(Object.keys(first).some((f) => f.startsWith('snapshots/2025-05-31/'))).toBe(true);
  });

  it('never serves an output file changed in place (it shares its file with the cache): the entry is dropped and the output rebuilt', async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    const first = hashTree(ws.out);
    appendFileSync(join(ws.out, 'metrics.json'), ' ');
    expect((await ws.build('--quiet')).code).toBe(0);
    expect(ws.renders()).toBe(2);
    expect(hashTree(ws.out)).toEqual(first);
  });
});

describe('build: the cache folder is the build own', () => {
  it('refuses a --cache folder that is neither empty nor a Pipescope cache, and leaves it as it was', async () => {
    const ws = workspace();
    mkdirSync(ws.cache);
    writeFileSync(join(ws.cache, 'notes.txt'), 'mine');
    const r = await ws.build();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^build: --cache cache is not empty and not a Pipescope build cache/u);
    expect(readdirSync(ws.cache)).toEqual(['notes.txt']);
    expect(existsSync(ws.out)).toBe(false);
  });

  it('refuses a cache in the data folder, the data folder as --cache, and --cache with --no-cache', async () => {
    const ws = workspace();
    for (const args of [['--cache', 'data/cache'], ['--cache', 'data'], ['--cache', 'x', '--no-cache']]) {
      const f = fakeIO(ws.dir);
      expect(await main(['--data', 'data', '--out', 'site', ...args], f.io, { readFolder, render: async () => {}, cacheDir: join(ws.dir, '.cache') }), args.join(' ')).toBe(2);
    }
    expect(readdirSync(ws.data).sort()).toEqual(['deals.csv', 'stage_history.csv']);
  });

  it('keeps the 3 most recently used entries, and deletes only files it wrote', async () => {
    const ws = workspace();
    const dates = ['2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30'];
    const build = async (date: string) => {
      const f = fakeIO(ws.dir);
      return main(['--data', 'data', '--as-of', date, '--out', 'site', '--cache', 'cache', '--quiet'], f.io, { readFolder, render: async (o) => void mkdirSync(join(o.outDir, 'en'), { recursive: true }), cacheDir: join(ws.dir, '.cache') });
    };
    for (const date of dates.slice(0, 3)) expect(await build(date)).toBe(0);
    const [oldest] = entries(ws.cache).map((name) => ({ name, date: JSON.parse(readFileSync(join(ws.cache, name, 'entry.json'), 'utf8')).meta.asOf })).filter((e) => e.date === dates[0]);
    writeFileSync(join(ws.cache, oldest!.name, 'mine.txt'), 'not the build');
    expect(await build(dates[3]!)).toBe(0);
    const kept = entries(ws.cache).filter((name) => existsSync(join(ws.cache, name, 'entry.json')));
    expect(kept).toHaveLength(3);
    // The evicted entry: its own files gone, the foreign one (and so its folder) kept.
    expect(readdirSync(join(ws.cache, oldest!.name))).toEqual(['mine.txt']);
    expect(readdirSync(ws.cache).filter((n) => !n.startsWith('.')).sort()).toEqual([...kept, oldest!.name, 'CACHEDIR.TAG', CACHE_MARKER].sort());
  });

  it("tells an entry's use and a crashed build's folder's age by the build's clock, not the machine's", async () => {
    const ws = workspace();
    expect((await ws.build('--quiet')).code).toBe(0);
    // By the build's clock (FAKE_NOW) one was left two days ago and one an hour ahead; by the machine's, both long ago.
    const left = (name: string, at: number) => {
      mkdirSync(join(ws.cache, name));
      utimesSync(join(ws.cache, name), new Date(at), new Date(at));
    };
    left('.tmp-1-0000000a', FAKE_NOW - 2 * 86_400_000);
    left('.tmp-2-0000000b', FAKE_NOW + 3_600_000);
    expect((await ws.build('--quiet')).code).toBe(0);
    const [entry] = entries(ws.cache);
    expect(statSync(join(ws.cache, entry!, 'entry.json')).mtimeMs).toBe(FAKE_NOW);
    expect((await ws.build('--quiet', '--max-account-pages', '1')).code).toBe(0);
    expect(readdirSync(ws.cache).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-2-0000000b']);
  });

  it('--no-cache makes no cache folder', async () => {
    const ws = workspace();
    const f = fakeIO(ws.dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--no-cache', '--quiet'], f.io, { readFolder, render: async () => {}, cacheDir: join(ws.dir, '.cache'), buildCacheDir: ws.cache })).toBe(0);
    expect(existsSync(ws.cache)).toBe(false);
  });
});
