/**
 * `npm run build` in-process, with a stand-in for `astro build` (the render
 * seam) so each case takes milliseconds: what --out may be, the swap that
 * replaces a previous output only when the new one is complete, exit codes.
 * One case runs the real build in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, PROJECT_ROOT, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { filterScriptInChild } from '../../../scripts/lib/filter-script.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, errnoError, FAKE_NOW, fakeIO, FIXTURES, hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';

/** Writes two pages, as Astro would, after checking the site data it was given. */
async function fakeRender({ outDir, siteDataPath }: RenderOptions): Promise<void> {
  const site = JSON.parse(readFileSync(siteDataPath, 'utf8'));
  mkdirSync(join(outDir, 'en'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<meta http-equiv="refresh" content="0; url=en/">');
  writeFileSync(join(outDir, 'en', 'index.html'), `<h1>${site.as_of}</h1>`);
}

function deps(cacheDir: string, render: BuildDeps['render'] = fakeRender): BuildDeps {
  return { readFolder, render, cacheDir };
}

/** A temp folder with the spec example's data in data/ and the site-data cache in .cache/. */
function workspace() {
  const dir = tempDir();
  const data = copyFixture('spec-example', dir);
  return { dir, data, cache: join(dir, '.cache') };
}

/** Names beside `out` that a build left behind (its staging folders). */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((n) => n.includes('pipescope-tmp'));

describe('build: --out may be replaced only when it is missing, empty or a previous output', () => {
  it('builds into a missing folder, with a manifest that marks it as Pipescope output and has no timings', async () => {
    const { dir, cache } = workspace();
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toBe('');
    // `data/` holds the compact file the filters load on demand; `ko/` (and `en/`) the account pages' CSV files, which the build writes itself.
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['build-manifest.json', 'data', 'en', 'index.html', 'ko', 'metrics.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'site', 'build-manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ generator: 'pipescope', as_of: AS_OF, data: 'data', pages: 2, base: '/' });
    expect(manifest).not.toHaveProperty('timings_ms');
    expect(JSON.parse(readFileSync(join(dir, 'site', 'metrics.json'), 'utf8')).as_of).toBe(AS_OF);
    expect(existsSync(join(cache, 'site-data-site.json'))).toBe(true);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  it('says in its log how many rows were rejected, when the gate lets the build through', async () => {
    const dir = tempDir();
    copyFixture('rejected-rows', dir);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site'], f.io, deps(join(dir, '.cache')))).toBe(0);
    const files = Object.values(JSON.parse(readFileSync(join(dir, 'site', 'metrics.json'), 'utf8')).data_quality.files) as { rows: number; rejected: number }[];
    const rows = files.reduce((n, x) => n + x.rows, 0);
    const rejected = files.reduce((n, x) => n + x.rejected, 0);
    expect(rejected).toBeGreaterThan(0);
    expect(f.stderr()).toContain(`\nbuild: ${rejected} of ${rows} rows rejected; the Data quality page lists them (--strict or --max-rejected stops the build instead)\n`);
  });

  it('leaves the filters out past --max-filter-mb: no filter data file, and the site data says how large it would have been', async () => {
    const { dir, cache } = workspace();
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'with', '--quiet'], f.io, deps(cache))).toBe(0);
    const withFilters = JSON.parse(readFileSync(join(cache, 'site-data-with.json'), 'utf8'));
    const file = join(dir, 'with', withFilters.filters.data);
    // Rounded up to a tenth of a MB: a small file is 0.1 MB, never "0 MB".
    const mb = Math.ceil(readFileSync(file).length / 1e5) / 10;
    expect(mb).toBe(0.1);
    expect(withFilters.filters_off).toBeUndefined();
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'without', '--quiet', '--max-filter-mb', '0'], f.io, deps(cache))).toBe(0);
    const without = JSON.parse(readFileSync(join(cache, 'site-data-without.json'), 'utf8'));
    expect(without.filters).toBeUndefined();
    const { dataset } = await readFolder(join(dir, 'data'));
    expect(without.filters_off).toEqual({ deals: dataset.deals.length, mb, limit_mb: 0 });
    expect(readdirSync(join(dir, 'without')).sort()).toEqual(['build-manifest.json', 'en', 'index.html', 'ko', 'metrics.json']);
  });

  it('builds into an empty folder', async () => {
    const { dir, cache } = workspace();
    mkdirSync(join(dir, 'empty'));
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'empty', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    expect(existsSync(join(dir, 'empty', 'build-manifest.json'))).toBe(true);
  });

  it('replaces a previous output, and two builds of the same input are byte-identical', async () => {
    const { dir, cache } = workspace();
    const args = ['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'];
    expect(await main(args, fakeIO(dir).io, deps(cache))).toBe(0);
    const first = hashTree(join(dir, 'site'));
    const f = fakeIO(dir);
    expect(await main([...args, '--timings'], f.io, deps(cache))).toBe(0);
    expect(hashTree(join(dir, 'site'))).toEqual(first);
    // Timings only on stderr.
    expect(f.stderr()).toMatch(/^\{"timings_ms":\{"read":\d+,"views":\d+,"astro":\d+,"write":\d+,"total":\d+\}\}\n$/u);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  it('replaces the output of an earlier version (a manifest without the marker or a file list), keeping the top-level entries it does not write, with a warning', async () => {
    const { dir, cache } = workspace();
    mkdirSync(join(dir, 'dist', 'en'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'en', 'old.html'), 'old');
    writeFileSync(join(dir, 'dist', 'CNAME'), 'pipeline.example.com\n');
    writeFileSync(join(dir, 'dist', 'build-manifest.json'), JSON.stringify({ as_of: '2025-01-01', data: 'x', inputs: {}, pages: 1, bytes: 3, timings_ms: {} }));
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--quiet'], f.io, deps(cache))).toBe(0);
    // What that version wrote is unknown: en/, which this build writes too, is taken as its; CNAME is kept.
    expect(existsSync(join(dir, 'dist', 'en', 'old.html'))).toBe(false);
    expect(readFileSync(join(dir, 'dist', 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(f.stderr()).toBe(
      "build: warning: kept one entry (CNAME) in dist/ that this build does not write; the previous build's manifest does not list its files (an earlier version), so they may be yours\n",
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', 'build-manifest.json'), 'utf8'));
    expect(manifest.generator).toBe('pipescope');
    expect(manifest.files).not.toContain('CNAME');
  });

  it('refuses a non-empty folder that is not a Pipescope output, and leaves every file in it as it was', async () => {
    const { dir, cache } = workspace();
    const mine = join(dir, 'mine');
    mkdirSync(join(mine, 'notes'), { recursive: true });
    writeFileSync(join(mine, 'notes', 'todo.md'), '# keep');
    writeFileSync(join(mine, '.hidden'), 'keep');
    writeFileSync(join(mine, 'build-manifest.json'), '{"generator": "someone-else"}');
    const before = hashTree(mine);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'mine'], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(
      /^build: --out mine is not empty and not a previous Pipescope output \(no build-manifest\.json with "generator": "pipescope"\): it holds build-manifest\.json, notes, which the build would replace; give a new or empty folder, or move them out of this one yourself \(hidden entries such as \.git, and a CNAME, may stay: the build keeps them\)\nusage: npm run build/u,
    );
    expect(hashTree(mine)).toEqual(before);
    expect(leftovers(mine)).toEqual([]);
    expect(existsSync(cache)).toBe(false); // refused before reading or writing anything
  });

  it('refuses the data folder and its parents, even when they hold a Pipescope manifest', async () => {
    const { dir, data, cache } = workspace();
    // A planted marker must not make the data folder (or a parent) replaceable.
    writeFileSync(join(data, 'build-manifest.json'), '{"generator": "pipescope"}');
    writeFileSync(join(dir, 'build-manifest.json'), '{"generator": "pipescope"}');
    const cwd = join(dir, 'elsewhere');
    mkdirSync(cwd);
    const before = hashTree(dir);
    const cases: [string, RegExp][] = [
      [data, /is the data folder;/u],
      [`${data}/`, /is the data folder;/u],
      [join(data, '..', 'data'), /is the data folder;/u],
      [dir, new RegExp(`is a parent of the data folder \\(${data.replace(/[/\\.]/gu, '\\$&')}\\);`, 'u')],
    ];
    for (const [out, message] of cases) {
      const f = fakeIO(cwd);
      expect(await main(['--data', data, '--as-of', AS_OF, '--out', out], f.io, deps(cache)), out).toBe(2);
      expect(f.stderr()).toMatch(message);
      expect(f.stderr()).toMatch(/the build replaces its --out folder, so give a folder of its own, such as dist\n/u);
    }
    expect(hashTree(dir)).toEqual(before);
  });

  it('refuses a symbolic link to the data folder', async () => {
    const { dir, data, cache } = workspace();
    symlinkSync(data, join(dir, 'link'));
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--out', 'link'], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(/^build: --out link is the data folder;/u);
  });

  it('refuses the working folder, a parent of it, the project folder and the root (checked before anything is written)', async () => {
    const { dir, cache } = workspace();
    const cwd = join(dir, 'a', 'b');
    mkdirSync(cwd, { recursive: true });
    const cases: [string, RegExp][] = [
      ['.', /^build: --out \. is the working folder;/u],
      ['..', /^build: --out \.\. is a parent of the working folder/u],
      [PROJECT_ROOT, /is the project folder;/u],
      // A clone in the temporary folder: its parent also holds the test's data folder, refused first for that.
      [dirname(PROJECT_ROOT), /is a parent of the (project|data) folder/u],
      [parse(PROJECT_ROOT).root, /is the root of the file system;/u],
    ];
    for (const [out, message] of cases) {
      const f = fakeIO(cwd);
      // --extract-only never writes to --out: belt and braces for a test that names real folders.
      expect(await main(['--data', join(dir, 'data'), '--out', out, '--extract-only'], f.io, deps(cache)), out).toBe(2);
      expect(f.stderr()).toMatch(message);
    }
  });

  it("refuses Pipescope's own public folder (GitLab Pages' folder name), and any folder in it, saying what to do for GitLab Pages", async () => {
    const { dir, cache } = workspace();
    for (const out of [join(PROJECT_ROOT, 'public'), join(PROJECT_ROOT, 'public', 'site')]) {
      const f = fakeIO(dir);
      // --extract-only never writes to --out: belt and braces for a test that names the project's folders.
      expect(await main(['--data', 'data', '--out', out, '--extract-only'], f.io, deps(cache)), out).toBe(2);
      expect(f.stderr()).toMatch(
        /^build: --out \S+ is (Pipescope's own public folder|inside Pipescope's own public folder \(\S+\)), whose files \(the favicon, the table-sorting script\) Astro copies into every output; give a folder of its own, such as dist \(GitLab Pages publishes a folder named public: build into another one and move it there last, as docs\/publish\.md shows\)\n/u,
      );
    }
    expect(existsSync(join(PROJECT_ROOT, 'public', 'site'))).toBe(false);
  });

  it('refuses a file as --out', async () => {
    const { dir, cache } = workspace();
    writeFileSync(join(dir, 'out.html'), 'x');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--out', 'out.html'], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(/^build: --out out\.html is a file, not a folder\n/u);
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toBe('x');
  });

  it('reports an --out that cannot be written (below a file) in one line, exit 1', async () => {
    const { dir, cache } = workspace();
    writeFileSync(join(dir, 'a-file'), 'x');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'a-file/site', '--quiet'], f.io, deps(cache))).toBe(1);
    expect(f.stderr()).toMatch(/^build: cannot write a-file\/site: a part of its path is a file, not a folder \((ENOTDIR|EEXIST)\)\n$/u);
  });
});

describe('build: files someone added to a previous output are kept', () => {
  /** A previous output of the spec example in site/, then what a user adds to it: a file, a folder, a file beside the pages. */
  async function withAdded() {
    const ws = workspace();
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--quiet'], fakeIO(ws.dir).io, deps(ws.cache))).toBe(0);
    const out = join(ws.dir, 'site');
    writeFileSync(join(out, 'CNAME'), 'pipeline.example.com\n');
    mkdirSync(join(out, '.git', 'refs'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(out, 'en', 'notes.html'), '<p>mine</p>');
    return { ...ws, out };
  }

  it('lists every file it wrote in the manifest, and moves the added ones into the new output, saying so', async () => {
    const { dir, cache, out } = await withAdded();
    const manifest = JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'));
    expect(manifest.files).toContain('en/index.html');
    expect(manifest.files).toContain('metrics.json');
    expect(manifest.files).not.toContain('build-manifest.json');
    expect(manifest.files).toEqual([...manifest.files].sort());
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site'], f.io, deps(cache))).toBe(0);
    expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toBe(`<h1>${AS_OF}</h1>`);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(join(out, '.git', 'refs'))).toBe(true);
    expect(readFileSync(join(out, 'en', 'notes.html'), 'utf8')).toBe('<p>mine</p>');
    expect(f.stderr()).toContain('build: kept 3 entries (.git, CNAME, en/notes.html) added to site/ since the previous build\n');
    expect(f.stderr()).not.toContain('warning');
    // The kept files are still not the build's: the manifest does not list them, so the next build keeps them again.
    expect(JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8')).files).not.toContain('CNAME');
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(leftovers(out)).toEqual([]);
  });

  it('keeps them through a rebuild reused from the build cache', async () => {
    const { dir, cache, out } = await withAdded();
    const args = ['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--quiet', '--cache', join(dir, 'build-cache')];
    expect(await main(args, fakeIO(dir).io, deps(cache))).toBe(0);
    const f = fakeIO(dir);
    expect(await main([...args, '--timings'], f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toContain('"cache":"hit"');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(readFileSync(join(out, 'en', 'notes.html'), 'utf8')).toBe('<p>mine</p>');
  });

  it('a rebuild from the build cache with them in place is already up to date: nothing written, they stay; one that would write where an added entry is still stops', async () => {
    const { dir, cache, out } = await withAdded();
    const args = ['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--cache', join(dir, 'build-cache')];
    expect(await main([...args, '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    const inode = (rel: string) => statSync(join(out, rel)).ino;
    const before = { tree: hashTree(out), page: inode('en/index.html'), manifest: inode('build-manifest.json'), cname: inode('CNAME') };
    const f = fakeIO(dir);
    expect(await main(args, f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toMatch(/\(already up to date, total /u);
    expect(f.stderr()).not.toContain('kept');
    expect({ tree: hashTree(out), page: inode('en/index.html'), manifest: inode('build-manifest.json'), cname: inode('CNAME') }).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    // A changed file of the build's (a new file in its place: the output's files are the cache's) is not up to date: relinked, the added entries kept.
    rmSync(join(out, 'metrics.json'));
    writeFileSync(join(out, 'metrics.json'), '{}');
    const g = fakeIO(dir);
    expect(await main(args, g.io, deps(cache))).toBe(0);
    expect(g.stderr()).toContain('(reused, total ');
    expect(g.stderr()).toContain('build: kept 3 entries (.git, CNAME, en/notes.html) added to site/ since the previous build\n');
    expect(hashTree(out)).toEqual(before.tree);
    // A folder someone made where the build writes a file: refused, as in any rebuild.
    rmSync(join(out, 'metrics.json'));
    mkdirSync(join(out, 'metrics.json'));
    writeFileSync(join(out, 'metrics.json', 'mine.txt'), 'mine');
    const tree = hashTree(out);
    const h = fakeIO(dir);
    expect(await main(args, h.io, deps(cache))).toBe(2);
    expect(h.stderr()).toMatch(/\nbuild: site\/metrics\.json was not written by the previous build, and this build writes site\/metrics\.json; move it out of site/u);
    expect(hashTree(out)).toEqual(tree);
  });

  it('refuses (exit 2, output untouched) when the new build would write where an added file is', async () => {
    const { dir, cache, out } = await withAdded();
    const before = hashTree(out);
    const withNotes = async (o: RenderOptions) => {
      await fakeRender(o);
      writeFileSync(join(o.outDir, 'en', 'notes.html'), '<p>generated</p>');
    };
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache, withNotes))).toBe(2);
    expect(f.stderr()).toMatch(
      /^build: site\/en\/notes\.html was not written by the previous build, and this build writes site\/en\/notes\.html; move it out of site \(or remove it yourself\), then build again\n/u,
    );
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('builds into a folder holding only hidden entries and a CNAME (a worktree of a Pages branch before its first build), keeping them', async () => {
    const { dir, cache } = workspace();
    const out = join(dir, 'site');
    // `git worktree add site gh-pages` of an empty Pages branch: a .git file; and what such a branch often holds.
    mkdirSync(out);
    writeFileSync(join(out, '.git'), 'gitdir: /repo/.git/worktrees/site\n');
    writeFileSync(join(out, '.nojekyll'), '');
    writeFileSync(join(out, 'CNAME'), 'pipeline.example.com\n');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site'], f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toContain('build: kept 3 entries (.git, .nojekyll, CNAME) that site/ held before its first build\n');
    expect(readFileSync(join(out, '.git'), 'utf8')).toBe('gitdir: /repo/.git/worktrees/site\n');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(existsSync(join(out, '.nojekyll'))).toBe(true);
    expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toBe(`<h1>${AS_OF}</h1>`);
    expect(JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8')).files).not.toContain('CNAME');
    // From then on they are files added since the previous build.
    const g = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site'], g.io, deps(cache))).toBe(0);
    expect(g.stderr()).toContain('build: kept 3 entries (.git, .nojekyll, CNAME) added to site/ since the previous build\n');
    expect(readFileSync(join(out, '.git'), 'utf8')).toBe('gitdir: /repo/.git/worktrees/site\n');
    expect(leftovers(out)).toEqual([]);
  });

  it('a folder someone made where the previous build wrote a file, with their files in it, is theirs: the build stops (exit 2) rather than replace it', async () => {
    const { dir, cache, out } = await withAdded();
    rmSync(join(out, 'en', 'index.html'));
    mkdirSync(join(out, 'en', 'index.html'));
    writeFileSync(join(out, 'en', 'index.html', 'mine.txt'), 'mine');
    const before = hashTree(out);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(/^build: site\/en\/index\.html was not written by the previous build, and this build writes site\/en\/index\.html; /u);
    expect(hashTree(out)).toEqual(before);
  });

  it('when an added file cannot be moved: the build succeeds, and the warning says where the previous output with it is', async () => {
    const { dir, cache, out } = await withAdded();
    const nodeFs = await import('node:fs');
    const f = fakeIO(dir, {
      ...nodeFs,
      renameSync: (from: import('node:fs').PathLike, to: import('node:fs').PathLike) => {
        if (String(to) === join(out, 'CNAME')) throw errnoError('EXDEV', 'rename', String(from));
        nodeFs.renameSync(from, to);
      },
    });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(0);
    const old = /the previous output with them is in (\S+)\n$/u.exec(f.stderr())?.[1];
    expect(f.stderr()).toMatch(/^build: warning: a file added to site could not be moved into the new output \(CNAME\): the previous output with them is in /u);
    expect(readFileSync(join(old!, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    // Named apart from the build's own folders, which a later build removes.
    expect(basename(old!)).toMatch(/^site-previous-[0-9a-f]{8}$/u);
    expect(readFileSync(join(out, 'en', 'notes.html'), 'utf8')).toBe('<p>mine</p>');
  });
});

describe("build: files in Pipescope's own public folder", () => {
  it('refuses (exit 2, before anything is read or rendered) files where the build writes its own, naming them; other files are copied as ever', async () => {
    const { dir, cache } = workspace();
    const pub = join(dir, 'public');
    mkdirSync(join(pub, 'en'), { recursive: true });
    for (const file of ['favicon.svg', 'robots.txt', '.keep']) writeFileSync(join(pub, file), 'own');
    let rendered = 0;
    const render: BuildDeps['render'] = async (options) => {
      rendered++;
      await fakeRender(options);
    };
    const run = async (...more: string[]) => {
      const f = fakeIO(dir);
      const code = await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet', ...more], f.io, { ...deps(cache, render), publicDir: pub });
      return { code, stderr: f.stderr() };
    };
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(rendered).toBe(1);
    const before = hashTree(join(dir, 'site'));
    // A page's path (Astro would skip the page for it), a file the build writes (it would be written twice), and under the build's folders.
    writeFileSync(join(pub, 'metrics.json'), '{}');
    writeFileSync(join(pub, 'en', 'index.html'), 'mine');
    mkdirSync(join(pub, 'data', 'more'), { recursive: true });
    writeFileSync(join(pub, 'data', 'more', 'x.json'), '{}');
    for (const more of [[], ['--no-cache'], ['--snapshot', '--new-history']]) {
      const r = await run(...more);
      expect(r.code, more.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^build: Pipescope's own public folder holds 3 files where the build writes its own \(public\/data\/more\/x\.json, public\/en\/index\.html, public\/metrics\.json\): Astro copies that folder into every output, so a page or file of the build would be replaced or written twice\. Move them out of public\/ .*put it into --out after the build: the next build keeps it \(docs\/publish\.md, Hosting\)\nusage: /u,
      );
    }
    expect(rendered).toBe(1);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
    rmSync(join(pub, 'en'), { recursive: true });
    rmSync(join(pub, 'data'), { recursive: true });
    expect((await run()).stderr).toMatch(/^build: Pipescope's own public folder holds a file where the build writes its own \(public\/metrics\.json\): .*Move it out of public\//u);
    // --extract-only renders nothing, so copies nothing.
    expect((await run('--extract-only')).code).toBe(0);
  });
});

describe('build: builds at once', () => {
  it('two builds into outputs of the same name (a/site, b/site) each render their own data: the second writes its site data under a name of its own, removed after', async () => {
    const { dir, cache } = workspace();
    let aRendering!: () => void;
    const aAtRender = new Promise<void>((r) => (aRendering = r));
    let bFinished!: () => void;
    const bDone = new Promise<void>((r) => (bFinished = r));
    // A renders only once B has written its site data and finished.
    const renderA = async (o: RenderOptions) => {
      aRendering();
      await bDone;
      await fakeRender(o);
    };
    const a = main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'a/site', '--quiet'], fakeIO(dir).io, deps(cache, renderA));
    await aAtRender;
    const b = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'b/site', '--quiet'], b.io, deps(cache))).toBe(0);
    bFinished();
    expect(await a).toBe(0);
    expect(readFileSync(join(dir, 'a', 'site', 'en', 'index.html'), 'utf8')).toBe('<h1>2025-05-31</h1>');
    expect(JSON.parse(readFileSync(join(dir, 'a', 'site', 'metrics.json'), 'utf8')).as_of).toBe('2025-05-31');
    expect(readFileSync(join(dir, 'b', 'site', 'en', 'index.html'), 'utf8')).toBe(`<h1>${AS_OF}</h1>`);
    // A's files stay, as every build's do; B's, of a name of its own, are gone, and so are the claims.
    expect(readdirSync(cache).filter((n) => !n.startsWith('site-data-site.'))).toEqual([]);
    expect(readdirSync(cache)).not.toContain('site-data-site.lock');
    expect(JSON.parse(readFileSync(join(cache, 'site-data-site.json'), 'utf8')).as_of).toBe('2025-05-31');
  });

  it('takes over the claim of a build stopped outright; --extract-only, whose file npm run dev serves, waits for a running one (exit 2)', async () => {
    const { dir, cache } = workspace();
    mkdirSync(cache);
    // No process has this id (above Linux's highest).
    writeFileSync(join(cache, 'site-data-site.lock'), '4194305\n');
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    expect(JSON.parse(readFileSync(join(cache, 'site-data-site.json'), 'utf8')).as_of).toBe(AS_OF);
    expect(existsSync(join(cache, 'site-data-site.lock'))).toBe(false);
    // The parent process runs: its claim holds.
    writeFileSync(join(cache, 'site-data-site.lock'), `${process.ppid}\n`);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--extract-only'], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(new RegExp(`^build: another build \\(process ${process.ppid}\\) is writing .*site-data-site\\.json; run this again once it has finished\n`, 'u'));
    expect(JSON.parse(readFileSync(join(cache, 'site-data-site.json'), 'utf8')).as_of).toBe(AS_OF);
    expect(readFileSync(join(cache, 'site-data-site.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });
});

describe('build: what a build stopped outright left beside --out', () => {
  it('an output it was replacing, beside an --out that is no build output, stays while it holds files someone added (said every build); once --out is a build output, they are moved into it', async () => {
    const { dir, cache } = workspace();
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    writeFileSync(join(dir, 'site', 'CNAME'), 'pipeline.example.com\n');
    mkdirSync(join(dir, 'site', '.git'));
    writeFileSync(join(dir, 'site', '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    // Stopped after swapping in its output, before moving the added files into it; then someone removed site/ (process 4194305 is none).
    const left = join(dir, '.site.pipescope-tmp-4194305-0a1b2c3d-old');
    renameSync(join(dir, 'site'), left);
    // Another such folder, partly removed (no manifest): only files a build wrote, removed.
    const bare = join(dir, '.site.pipescope-tmp-4194305-0a1b2c3e-old');
    mkdirSync(join(bare, 'en'), { recursive: true });
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site'], f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toContain(
      'build: warning: .site.pipescope-tmp-4194305-0a1b2c3d-old is an output a build was replacing when it stopped, and holds 2 entries no build wrote (.git, CNAME): once site/ holds a build\'s output, the next build moves them into it (or move them where you want them yourself, then remove that folder)\n',
    );
    expect(f.stderr()).toContain('build: removed .site.pipescope-tmp-4194305-0a1b2c3e-old, the output a build stopped outright (process 4194305) was replacing, only files a build wrote\n');
    expect(existsSync(bare)).toBe(false);
    expect(readFileSync(join(left, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(existsSync(join(dir, 'site', 'CNAME'))).toBe(false);
    const g = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], g.io, deps(cache))).toBe(0);
    expect(g.stderr()).toBe(
      'build: moved 2 entries added to site/ (.git, CNAME) into it from .site.pipescope-tmp-4194305-0a1b2c3d-old, the output a build stopped outright (process 4194305) replaced before it had moved them over\n',
    );
    expect(readFileSync(join(dir, 'site', 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(readFileSync(join(dir, 'site', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });
});

/** Thrown by every file operation of a process once it has been "killed". */
class Killed extends Error {}

/**
 * node:fs as a process killed outright sees it: every call does what it does until `at` says this one is
 * where the kill lands, `before` it does anything or `after`; from then on every call throws (no cleanup
 * runs after SIGKILL), so what is on disk is what the kill left.
 */
async function killedFs(at: (call: string, args: unknown[]) => 'before' | 'after' | undefined) {
  const nodeFs = await import('node:fs');
  const state = { killed: false };
  const fs = Object.fromEntries(
    Object.entries(nodeFs).map(([name, fn]) => [
      name,
      typeof fn !== 'function'
        ? fn
        : (...args: unknown[]) => {
            if (state.killed) throw new Killed(`${name} after the kill`);
            const when = at(name, args);
            if (when === 'before') state.killed = true;
            if (state.killed) throw new Killed(name);
            const result = (fn as (...a: unknown[]) => unknown)(...args);
            if (when === 'after') state.killed = true;
            return result;
          },
    ]),
  ) as unknown as typeof nodeFs;
  return { fs, state };
}

describe('build: a build killed outright while swapping its output into --out', () => {
  /** A previous output in site/ with what a user adds to it (a Pages worktree's .git, a CNAME, a page); `more`: its other options. */
  async function published(more: string[] = []) {
    const ws = workspace();
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--quiet', ...more], fakeIO(ws.dir).io, deps(ws.cache))).toBe(0);
    const out = join(ws.dir, 'site');
    writeFileSync(join(out, 'CNAME'), 'pipeline.example.com\n');
    mkdirSync(join(out, '.git', 'refs'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(out, 'en', 'notes.html'), '<p>mine</p>');
    return { ...ws, out };
  }

  /** A build into site/ killed where `at` says. */
  async function killedBuild(dir: string, cache: string, at: Parameters<typeof killedFs>[0], more: string[] = []) {
    const { fs, state } = await killedFs(at);
    await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet', ...more], fakeIO(dir, fs).io, deps(cache)).catch((e: unknown) => {
      if (!(e instanceof Killed)) throw e;
    });
    expect(state.killed).toBe(true);
  }

  /** The next build, in which the killed build's process is gone. */
  async function nextBuild(dir: string, cache: string, more: string[] = ['--quiet']) {
    const f = fakeIO(dir);
    const code = await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', ...more], f.io, { ...deps(cache), isRunning: () => false });
    return { code, stderr: f.stderr() };
  }

  const isOld = (p: unknown) => String(p).endsWith('-old');
  const pid = process.pid;
  /** Killed after the swap's `n`th rename: the first moves `out` aside. */
  const swapRename = (out: string, n: number) => {
    let renames = 0;
    return (call: string, [from, to]: unknown[]) => {
      if (call !== 'renameSync' || (renames === 0 && !(String(from) === out && isOld(to)))) return undefined;
      return ++renames === n ? 'after' : undefined;
    };
  };

  /** What a user had in site/ is there, and the new build's pages. */
  function expectKept(out: string) {
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(join(out, '.git', 'refs'))).toBe(true);
    expect(readFileSync(join(out, 'en', 'notes.html'), 'utf8')).toBe('<p>mine</p>');
    expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toBe(`<h1>${AS_OF}</h1>`);
  }

  it('between the two renames (--out missing): the next build puts the previous output back, with what was added to it, says so in one line, and replaces it as ever', async () => {
    const { dir, cache, out } = await published();
    const before = hashTree(out);
    await killedBuild(dir, cache, (call, [from, to]) => (call === 'renameSync' && String(from) === out && isOld(to) ? 'after' : undefined));
    expect(existsSync(out)).toBe(false);
    const [old] = leftovers(out).filter(isOld);
    expect(hashTree(join(dir, old!))).toEqual(before);
    // Its new output, complete, is still in its staging folder.
    const staging = join(dir, old!.slice(0, -'-old'.length));
    expect(readdirSync(staging)).toContain('build-manifest.json');
    const next = await nextBuild(dir, cache, []);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      new RegExp(
        `^build: site/ was missing: a build stopped outright \\(process ${pid}\\) had moved it to ${old} to swap in its own output; put it back, with 3 entries added to it \\(\\.git, CNAME, en/notes\\.html\\)\n` +
          '(?:.*\n)*build: kept 3 entries \\(\\.git, CNAME, en/notes\\.html\\) added to site/ since the previous build\n',
        'u',
      ),
    );
    expect(next.stderr).not.toContain('warning');
    expectKept(out);
    expect(leftovers(out).filter(isOld)).toEqual([]);
    // The stopped build's own new output goes as any folder of a stopped build does: a day later.
    expect(existsSync(staging)).toBe(true);
  });

  it('between the two renames, with dated snapshots: the next --snapshot build finds the earlier ones in the output put back instead of stopping for want of them', async () => {
    const { dir, cache, out } = await published(['--snapshot', '--new-history']);
    await killedBuild(dir, cache, (call, [from, to]) => (call === 'renameSync' && String(from) === out && isOld(to) ? 'after' : undefined), ['--snapshot']);
    expect(existsSync(out)).toBe(false);
    const next = await nextBuild(dir, cache, ['--quiet', '--snapshot']);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(join(out, 'snapshots')).sort()).toEqual(['2025-05-31', AS_OF]);
    expectKept(out);
  });

  it('during the first rename (it is atomic: not yet done): --out is as it was, and the next build replaces it as ever', async () => {
    const { dir, cache, out } = await published();
    const before = hashTree(out);
    await killedBuild(dir, cache, (call, [from, to]) => (call === 'renameSync' && String(from) === out && isOld(to) ? 'before' : undefined));
    expect(hashTree(out)).toEqual(before);
    const left = leftovers(out);
    expect(left.filter(isOld)).toEqual([]);
    const next = await nextBuild(dir, cache);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toBe('');
    expectKept(out);
    // Its folders, its new output among them, go a day later (its process may run on another machine sharing the folder).
    expect(leftovers(out)).toEqual(left);
  });

  it('after the second rename, before or while moving what was added: the next build moves the rest into --out and removes the old output', async () => {
    for (const [moved, movedIn] of [
      [0, '3 entries added to site/ (.git, CNAME, en/notes.html)'],
      [1, '2 entries added to site/ (CNAME, en/notes.html)'],
      [2, 'an entry added to site/ (en/notes.html)'],
    ] as const) {
      const { dir, cache, out } = await published();
      // The previous output aside, the new one in, then `moved` added entries over.
      await killedBuild(dir, cache, swapRename(out, 2 + moved));
      const [old] = leftovers(out).filter(isOld);
      expect(old, String(moved)).toBeDefined();
      expect(existsSync(join(out, 'CNAME'))).toBe(moved >= 2);
      const next = await nextBuild(dir, cache);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toBe(`build: moved ${movedIn} into it from ${old}, the output a build stopped outright (process ${pid}) replaced before it had moved them over\n`);
      expectKept(out);
      expect(leftovers(out).filter(isOld)).toEqual([]);
    }
  });

  it('while removing the old output, all that was added moved over: the next build removes the rest of it, saying so unless --quiet', async () => {
    const { dir, cache, out } = await published();
    // Killed once its removal has taken the manifest and a folder.
    await killedBuild(dir, cache, (call, [path]) => {
      if (call !== 'rmSync' || !isOld(path)) return undefined;
      rmSync(join(String(path), 'build-manifest.json'));
      rmSync(join(String(path), 'data'), { recursive: true });
      return 'before';
    });
    const [old] = leftovers(out).filter(isOld);
    expect(old).toBeDefined();
    const next = await nextBuild(dir, cache, []);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(`build: removed ${old}, the rest of the output a build stopped outright (process ${pid}) replaced, only files a build wrote\n`);
    expect(next.stderr).not.toContain('warning');
    expectKept(out);
    expect(leftovers(out).filter(isOld)).toEqual([]);
  });

  it('an added entry --out already has another of: the old output stays with it, said at every build, until it can be moved', async () => {
    const { dir, cache, out } = await published();
    await killedBuild(dir, cache, swapRename(out, 2));
    const [old] = leftovers(out).filter(isOld);
    writeFileSync(join(out, 'CNAME'), 'other.example.com\n');
    const warning = `build: warning: ${old} is the output a build stopped outright (process ${pid}) replaced, and holds an entry no build wrote that could not be moved into site/: CNAME (site/ has another); move it where you want it, then remove that folder yourself\n`;
    for (const run of [1, 2]) {
      const next = await nextBuild(dir, cache);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr, String(run)).toContain(warning);
      expect(readFileSync(join(dir, old!, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
      expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('other.example.com\n');
    }
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    // Once that one is out of the way, the next build moves it in and removes the old output.
    rmSync(join(out, 'CNAME'));
    const last = await nextBuild(dir, cache);
    expect(last.stderr).toContain(`build: moved an entry added to site/ (CNAME) into it from ${old}`);
    expectKept(out);
    expect(leftovers(out).filter(isOld)).toEqual([]);
  });
});

describe('build: a failed build leaves the previous output untouched', () => {
  async function previousOutput() {
    const ws = workspace();
    expect(await main(['--data', 'data', '--as-of', '2025-05-31', '--out', 'site', '--quiet'], fakeIO(ws.dir).io, deps(ws.cache))).toBe(0);
    return { ...ws, out: join(ws.dir, 'site'), before: hashTree(join(ws.dir, 'site')) };
  }

  it('on a bug in rendering: exit 70 with the stack, output as it was, no staging folder left', async () => {
    const { dir, cache, out, before } = await previousOutput();
    const f = fakeIO(dir);
    const broken = async (o: RenderOptions) => {
      await fakeRender(o);
      throw new TypeError('dataQualityModel(...).map is not a function');
    };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache, broken))).toBe(70);
    expect(f.stderr()).toMatch(/^build: internal error: dataQualityModel\(\.\.\.\)\.map is not a function\nThis is a bug in Pipescope/u);
    expect(f.stderr()).toContain('TypeError: dataQualityModel(...).map is not a function\n    at ');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('on a full disk while rendering: exit 1, one line, output as it was', async () => {
    const { dir, cache, out, before } = await previousOutput();
    const f = fakeIO(dir);
    const full = async (o: RenderOptions) => {
      throw errnoError('ENOSPC', 'write', join(o.outDir, 'en', 'index.html'));
    };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache, full))).toBe(1);
    expect(f.stderr()).toBe('build: cannot write site: no space left on the device (ENOSPC)\n');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('on an input problem: exit 1 naming the file, nothing written', async () => {
    const { dir, data, cache, out, before } = await previousOutput();
    writeFileSync(join(data, 'deals.csv'), 'deal_id,deal_name\nD1,x\n');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(1);
    expect(f.stderr()).toMatch(/^build: deals\.csv: missing required columns? [^\n]+\n$/u);
    expect(hashTree(out)).toEqual(before);
  });

  it('when the final rename fails: the previous output is put back', async () => {
    const { dir, cache, out, before } = await previousOutput();
    const nodeFs = await import('node:fs');
    const f = fakeIO(dir, {
      ...nodeFs,
      renameSync: (from: import('node:fs').PathLike, to: import('node:fs').PathLike) => {
        // Only the new output's rename fails; putting the old one back works.
        if (String(to) === out && String(from).includes('pipescope-tmp') && !String(from).endsWith('-old')) throw errnoError('EACCES', 'rename', String(from));
        nodeFs.renameSync(from, to);
      },
    });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(1);
    expect(f.stderr()).toBe('build: cannot write site: permission denied (EACCES)\n');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('when putting the previous output back fails too: exit 1, saying where it is', async () => {
    const { dir, cache, out, before } = await previousOutput();
    const nodeFs = await import('node:fs');
    const f = fakeIO(dir, {
      ...nodeFs,
      renameSync: (from: import('node:fs').PathLike, to: import('node:fs').PathLike) => {
        if (String(to) === out) throw errnoError('EIO', 'rename', String(from));
        nodeFs.renameSync(from, to);
      },
    });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, deps(cache))).toBe(1);
    const old = /the previous output could not be put back: it is in (\S+)\n$/u.exec(f.stderr())?.[1];
    expect(f.stderr()).toMatch(/^build: cannot write site: the device reported an input\/output error \(EIO\), and the previous output could not be put back: it is in /u);
    expect(hashTree(old!)).toEqual(before);
  });
});

describe('build: a small data folder is extracted in a process of its own while Astro loads', () => {
  /** A render started beside the extraction: it may load at once, and renders once `dataReady` resolves. */
  function besideRender(seen: { beside?: boolean; dataThere?: boolean; stopped?: unknown }) {
    return async (o: RenderOptions, dataReady?: Promise<void>) => {
      seen.beside = dataReady !== undefined;
      try {
        await dataReady;
      } catch (e) {
        seen.stopped = e;
        throw e;
      }
      seen.dataThere = existsSync(o.siteDataPath);
      await fakeRender(o);
    };
  }
  const childDeps = (cacheDir: string, render: BuildDeps['render']): BuildDeps => ({ ...deps(cacheDir, render), extractInChild: true });

  it('renders once the site data is written, and the output is the in-process build\'s', async () => {
    const { dir, cache } = workspace();
    const seen: Parameters<typeof besideRender>[0] = {};
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, childDeps(cache, besideRender(seen)))).toBe(0);
    expect(seen).toEqual({ beside: true, dataThere: true });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'here', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    // Among them the account pages' CSV files, which the extraction's process writes after its reply, while the pages render.
    expect(Object.keys(hashTree(join(dir, 'site'))).filter((p) => /^(en|ko)\/csv\/accounts\/.+\.csv$/u.test(p)).length).toBeGreaterThan(0);
    expect(hashTree(join(dir, 'site'))).toEqual(hashTree(join(dir, 'here')));
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  it('a large folder: extracted before the render, its account CSV files written by a thread of their own, the output the in-process build\'s', async () => {
    const { dir, cache } = workspace();
    const seen: Parameters<typeof besideRender>[0] = {};
    // The large path with the sample: the threshold taken down to its size.
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, { ...childDeps(cache, besideRender(seen)), largeDataBytes: 0 })).toBe(0);
    expect(seen).toEqual({ beside: false, dataThere: true });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'here', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    expect(Object.keys(hashTree(join(dir, 'site'))).filter((p) => /^(en|ko)\/csv\/accounts\/.+\.csv$/u.test(p)).length).toBeGreaterThan(20);
    expect(hashTree(join(dir, 'site'))).toEqual(hashTree(join(dir, 'here')));
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  /**
   * A stand-in for the bundling of the pages before a large folder's extraction: what it was asked, and when it
   * ended, with whether the extraction had written its site data into `cache` by then (it takes longer than the
   * extraction of the spec's example, so beside it, it would end after the data is there).
   */
  function fakeBundling(events: string[], requests: unknown[], cache: string): BuildDeps['bundlePages'] {
    return (request) => {
      requests.push(request);
      events.push('bundling');
      const dataThere = () => existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('site-data') && name.endsWith('.json'));
      const done = new Promise<void>((resolve) => setTimeout(resolve, 2500)).then(() => void events.push(dataThere() ? 'bundled after the extraction' : 'bundled'));
      return { done };
    };
  }

  it('a large folder: its pages bundled in a process of their own before it is extracted (not beside: both in memory at once), then rendered from the bundle kept', async () => {
    const { dir, cache } = workspace();
    const events: string[] = [];
    const requests: unknown[] = [];
    const render = async (o: RenderOptions, dataReady?: Promise<void>) => {
      events.push(dataReady === undefined ? 'render' : 'render beside');
      await dataReady;
      await fakeRender(o);
    };
    const pageBundles = join(dir, 'pages');
    const large: BuildDeps = { ...childDeps(cache, render), largeDataBytes: 0, pageBundlesCache: pageBundles, bundlePages: fakeBundling(events, requests, cache) };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet', '--base', '/pipeline/'], fakeIO(dir).io, large)).toBe(0);
    expect(events).toEqual(['bundling', 'bundled', 'render']);
    expect(requests).toEqual([{ root: PROJECT_ROOT, quiet: true, pageBundles }]);
    // A small folder's Astro loads beside the extraction, and --extract-only renders nothing: neither bundles apart.
    events.length = 0;
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'data-only', '--extract-only', '--quiet'], fakeIO(dir).io, large)).toBe(0);
    expect(events).toEqual([]);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'small', '--quiet'], fakeIO(dir).io, { ...large, largeDataBytes: undefined })).toBe(0);
    expect(events).toEqual(['render beside']);
  });

  it('a large folder: its filter script made in a process of its own before it is extracted (Vite not in the extraction\'s memory), and the one kept is the one put in the output', { timeout: 120_000 }, async () => {
    const { dir, cache } = workspace();
    const scripts = join(dir, 'filter-script');
    const events: string[] = [];
    const dataThere = () => existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('site-data') && name.endsWith('.json'));
    const keptScripts = () => (existsSync(scripts) ? readdirSync(scripts).filter((n) => /^[0-9a-f]{16}$/u.test(n)) : []);
    const keepFilterScript: BuildDeps['keepFilterScript'] = (cacheDir) => {
      events.push(`scripting into ${cacheDir === scripts ? 'the cache' : cacheDir}`);
      const { done } = filterScriptInChild(cacheDir);
      return { done: done.then(() => void events.push(`${keptScripts().length} kept${dataThere() ? ' after the extraction' : ''}`)) };
    };
    const render = async (o: RenderOptions, dataReady?: Promise<void>) => {
      await dataReady;
      await fakeRender(o);
    };
    const large: BuildDeps = { ...childDeps(cache, render), largeDataBytes: 0, filterScriptCache: scripts, keepFilterScript };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, large)).toBe(0);
    expect(events).toEqual(['scripting into the cache', '1 kept']);
    const [keptDir] = keptScripts();
    const { script, files } = JSON.parse(readFileSync(join(scripts, keptDir!, 'kept.json'), 'utf8')) as { script: string; files: string[] };
    for (const path of files) expect(readFileSync(join(dir, 'site', path))).toEqual(readFileSync(join(scripts, keptDir!, path)));
    expect(files).toContain(script);
    // Kept now: no process is started for the next build (its `done` has settled already), and a small folder's extraction makes its own.
    events.length = 0;
    rmSync(cache, { recursive: true, force: true });
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'again', '--quiet'], fakeIO(dir).io, large)).toBe(0);
    expect(events).toEqual(['scripting into the cache', '1 kept']);
    events.length = 0;
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'small', '--quiet'], fakeIO(dir).io, { ...large, largeDataBytes: undefined })).toBe(0);
    expect(events).toEqual([]);
  });

  it('a large folder with an input problem: said once the bundling has ended, exit 1', async () => {
    const { dir, data, cache } = workspace();
    writeFileSync(join(data, 'deals.csv'), 'deal_id,deal_name\nD1,x\n');
    const events: string[] = [];
    const f = fakeIO(dir);
    const large: BuildDeps = { ...childDeps(cache, fakeRender), largeDataBytes: 0, pageBundlesCache: join(dir, 'pages'), bundlePages: fakeBundling(events, [], cache) };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, large)).toBe(1);
    expect(f.stderr()).toMatch(/^build: deals\.csv: missing required columns? /u);
    expect(events).toEqual(['bundling', 'bundled']);
  });

  it('on an input problem: Astro is stopped before any page, exit 1 naming the file, the output as it was', async () => {
    const { dir, data, cache } = workspace();
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    const before = hashTree(join(dir, 'site'));
    writeFileSync(join(data, 'deals.csv'), 'deal_id,deal_name\nD1,x\n');
    const seen: Parameters<typeof besideRender>[0] = {};
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, childDeps(cache, besideRender(seen)))).toBe(1);
    expect(f.stderr()).toMatch(/^build: deals\.csv: missing required columns? [^\n]+\n$/u);
    expect(seen.beside).toBe(true);
    expect(seen.stopped).toBeInstanceOf(Error);
    expect(seen.dataThere).toBeUndefined();
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  it('--strict with rejected rows: Astro is stopped, exit 3, nothing written', async () => {
    const dir = tempDir();
    copyFixture('rejected-rows', dir);
    const seen: Parameters<typeof besideRender>[0] = {};
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--strict', '--quiet'], f.io, childDeps(join(dir, '.cache'), besideRender(seen)))).toBe(3);
    expect(f.stderr()).toMatch(/^build: --strict: /u);
    expect(seen.stopped).toBeInstanceOf(Error);
    expect(existsSync(join(dir, 'site'))).toBe(false);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });

  it('a render that fails before the data is there: the failure is reported once the data is (exit 70), nothing left behind', async () => {
    const { dir, cache } = workspace();
    const f = fakeIO(dir);
    const broken = async () => {
      throw new TypeError('astro could not load');
    };
    expect(await main(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--quiet'], f.io, childDeps(cache, broken))).toBe(70);
    expect(f.stderr()).toMatch(/^build: internal error: astro could not load\n/u);
    expect(existsSync(join(dir, 'site'))).toBe(false);
    expect(leftovers(join(dir, 'site'))).toEqual([]);
  });
});

describe('build: arguments', () => {
  const bad: [string[], RegExp][] = [
    [['--max-account-pages', 'abc'], /--max-account-pages must be a whole number from 0 to \d+, not "abc"/u],
    [['--max-account-pages', '-1'], /--max-account-pages must be a whole number/u],
    [['--max-account-pages', '1.5'], /--max-account-pages must be a whole number/u],
    [['--max-account-pages', ''], /--max-account-pages must be a whole number/u],
    [['--max-filter-mb', '1.5'], /--max-filter-mb must be a whole number from 0 to \d+, not "1.5"/u],
    [['--as-of', '0000-01-01'], /--as-of must be between 1001-01-01 and 9998-12-31, not 0000-01-01/u],
    [['--as-of', '9999-12-31'], /--as-of must be between 1001-01-01 and 9998-12-31, not 9999-12-31/u],
    [['--__proto__', 'x'], /unknown argument "--__proto__"/u],
    [['--constructor=x'], /unknown argument "--constructor=x"/u],
    [['--out', ''], /--out needs a folder/u],
  ];
  it.each(bad)('%j is exit 2', async (argv, message) => {
    const { dir, cache } = workspace();
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', ...argv], f.io, deps(cache))).toBe(2);
    expect(f.stderr()).toMatch(message);
    expect(f.stderr()).toMatch(/\nusage: npm run build -- /u);
    expect(existsSync(cache)).toBe(false);
  });

  it('computes the site data at the first and last supported as-of dates (--extract-only writes nothing to --out)', async () => {
    for (const asOf of ['1001-01-01', '9998-12-31']) {
      const { dir, cache } = workspace();
      const f = fakeIO(dir);
      expect(await main(['--data', 'data', '--as-of', asOf, '--out', 'site', '--extract-only', '--max-account-pages', '0'], f.io, deps(cache)), f.stderr()).toBe(0);
      expect(JSON.parse(readFileSync(join(cache, 'site-data-site.json'), 'utf8')).as_of).toBe(asOf);
      expect(existsSync(join(dir, 'site'))).toBe(false);
    }
  });
});

describe('build: the real thing', () => {
  it('npm run build (compiled: scripts/launch.mjs) builds the spec example with Astro into a new folder (exit 0), reuses it the second time, then refuses a parent of the project (exit 2)', { timeout: 120_000 }, () => {
    const dir = tempDir();
    // A unique name: the site data goes to the project's .cache/site-data-<name>.json.
    const out = join(dir, basename(dir));
    const siteData = join(PROJECT_ROOT, '.cache', `site-data-${basename(dir)}.json`);
    const run = (args: string[]) =>
      // As `npm run build` runs it: the bundles, with the extract step's process and its workers among them.
      spawnSync(process.execPath, ['scripts/launch.mjs', 'build', '--data', join(FIXTURES, 'spec-example', 'data'), '--as-of', AS_OF, '--cache', join(dir, 'cache'), ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
    try {
      const built = run(['--out', out, '--quiet']);
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      expect(existsSync(join(out, 'en', 'index.html'))).toBe(true);
      // Every link relative, already as Astro wrote the page (src/middleware.ts).
      expect(readFileSync(join(out, 'en', 'funnel', 'index.html'), 'utf8')).not.toMatch(/\s(href|src)="\//u);
      expect(existsSync(join(out, 'en', 'csv', 'accounts'))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8')).generator).toBe('pipescope');
      expect(leftovers(out)).toEqual([]);
      expect(existsSync(siteData)).toBe(true);
      const first = hashTree(out);
      // The same inputs, code and options again: nothing read, rendered or written.
      const again = run(['--out', out]);
      expect(again.status).toBe(0);
      expect(again.stderr).toMatch(/already up to date/u);
      expect(hashTree(out)).toEqual(first);
      expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toMatch(/<form class="filters" data-filters/u);
      // Filters left out (--max-filter-mb 0): the filterable pages say why, in each language, and load no filter code.
      const without = join(dir, `${basename(dir)}-nf`);
      expect(run(['--out', without, '--quiet', '--max-filter-mb', '0']).status).toBe(0);
      const en = readFileSync(join(without, 'en', 'index.html'), 'utf8');
      const ko = readFileSync(join(without, 'ko', 'forecast', 'index.html'), 'utf8');
      expect(en).not.toMatch(/data-filters/u);
      expect(en).toMatch(/<p class="filter-off no-print">No filters on this dashboard: filtering its \d+\u00a0deals would load [\d.]+\u00a0MB into the browser, more than the 0\u00a0MB this build allows/u);
      expect(ko).toMatch(/<p class="filter-off no-print">이 대시보드에는 필터가 없습니다\. 딜 \d+건을 필터링하려면/u);
      expect(readFileSync(join(without, 'en', 'accounts', 'index.html'), 'utf8')).not.toMatch(/<p class="filter-off/u);
      expect(existsSync(join(without, 'data'))).toBe(false);
      // --extract-only: never write to --out, even if the check were wrong.
      const refused = run(['--out', dirname(PROJECT_ROOT), '--extract-only', '--quiet']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^build: --out \S+ is a parent of the (data|project) folder/u);
    } finally {
      for (const data of [siteData, join(PROJECT_ROOT, '.cache', `site-data-${basename(dir)}-nf.json`)]) {
        rmSync(data, { force: true });
        rmSync(data.replace(/\.json$/u, '.accounts.jsonl'), { force: true });
      }
    }
  });

  it('a bad input stops Astro, which loads meanwhile, before any page: exit 1 and its one line (no word from Vite), no folder left', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    writeFileSync(join(data, 'deals.csv'), 'deal_id,deal_name\nD1,x\n');
    const r = spawnSync(process.execPath, ['scripts/build.ts', '--data', data, '--as-of', AS_OF, '--out', join(dir, 'site'), '--no-cache', '--quiet'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.stderr).toMatch(/^build: deals\.csv: missing required columns? [^\n]+\n$/u);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual(['data']);
  });
});
