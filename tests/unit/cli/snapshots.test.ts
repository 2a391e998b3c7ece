/**
 * `npm run build` with dated snapshots, "What changed", the digest and
 * summary files, --strict / --max-rejected and --base, in-process with a
 * stand-in for `astro build` that writes pages with site-absolute links as
 * Astro does (tests/browser/hosting.test.ts runs the real build).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { RENDERED_BASE } from '../../../src/site/relative-links.ts';
import { copyFixture, fakeIO, hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const DATES = ['2025-04-30', '2025-05-31', '2025-06-30'] as const;

/** Pages as Astro writes them, from the site data it was given: links from the root (RENDERED_BASE), the 404 page's with --base. */
async function fakeRender({ outDir, siteDataPath, base: hostingBase = '/' }: RenderOptions): Promise<void> {
  const base = RENDERED_BASE;
  const site = siteDataSchema.parse(JSON.parse(readFileSync(siteDataPath, 'utf8')));
  const write = (file: string, text: string) => {
    mkdirSync(join(outDir, dirname(file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
  };
  write('index.html', `<meta http-equiv="refresh" content="0; url=${base}en/"><a href="${base}en/">en</a>`);
  write('favicon.svg', '<svg/>');
  write('404.html', `<a href="${hostingBase}en/">home</a>`);
  write('en/index.html', `<link rel="icon" href="${base}favicon.svg"><h1>${site.as_of}</h1><a href="${base}en/changes/">changes</a><a href="${base}en/snapshots/">snapshots</a><a href="${base}metrics.json">m</a>`);
  const groups = site.changes.groups.map((g) => `${g.kind}=${g.count}`).join(' ');
  write('en/changes/index.html', `<p id="period">${site.changes.from} ${site.changes.to} ${site.changes.basis}</p><p>${groups}</p><a href="${base}en/">home</a>`);
  write('en/snapshots/index.html', site.snapshots.map((s) => `<a href="${base}snapshots/${s.as_of}/en/">${s.as_of}</a>`).join('\n'));
}

function deps(cacheDir: string, render: BuildDeps['render'] = fakeRender): BuildDeps {
  return { readFolder, render, cacheDir };
}

function workspace(fixture = 'spec-example') {
  const dir = tempDir();
  const data = copyFixture(fixture, dir);
  return { dir, data, cache: join(dir, '.cache') };
}

async function build(dir: string, cache: string, args: string[]) {
  const f = fakeIO(dir);
  const code = await main(['--data', 'data', '--quiet', ...args], f.io, deps(cache));
  return { code, stderr: f.stderr() };
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('pipescope-tmp'));
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
/** The hashes of the files of one snapshot inside an output's hash tree. */
const under = (tree: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(tree).filter(([k]) => k.startsWith(prefix)));

/** Three builds into `site`, each adding its date's snapshot (the first starts the history). */
async function threeBuilds() {
  const ws = workspace();
  const trees: Record<string, string>[] = [];
  for (const [i, date] of DATES.entries()) {
    const r = await build(ws.dir, ws.cache, ['--as-of', date, '--out', 'site', '--snapshot', ...(i === 0 ? ['--new-history'] : [])]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    trees.push(hashTree(join(ws.dir, 'site')));
  }
  return { ...ws, site: join(ws.dir, 'site'), trees };
}

describe('dated snapshots', () => {
  it('three builds with different as-of dates keep three snapshots, byte for byte, and the index lists them', async () => {
    const { site, trees } = await threeBuilds();
    expect(readdirSync(join(site, 'snapshots')).sort()).toEqual([...DATES]);
    for (const date of DATES) {
      const folder = join(site, 'snapshots', date);
      const manifest = json(join(folder, 'snapshot.json'));
      expect(manifest).toMatchObject({ generator: 'pipescope', kind: 'snapshot', as_of: date, pipescope_version: json('package.json').version });
      expect(manifest.config_sha256).toMatch(/^[0-9a-f]{64}$/u);
      expect(Object.keys(manifest.inputs)).toEqual(['deals.csv', 'stage_history.csv']);
      expect(Object.values(manifest.inputs).every((h) => /^[0-9a-f]{64}$/u.test(String(h)))).toBe(true);
      expect(json(join(folder, 'metrics.json')).as_of).toBe(date);
      expect(readFileSync(join(folder, 'en', 'index.html'), 'utf8')).toContain(`<h1>${date}</h1>`);
      // The live site's parts are not in a snapshot.
      expect(existsSync(join(folder, 'en', 'snapshots'))).toBe(false);
      expect(existsSync(join(folder, '404.html'))).toBe(false);
      expect(existsSync(join(folder, 'build-manifest.json'))).toBe(false);
    }
    // Earlier snapshots are copied byte for byte by each later build.
    expect(under(trees[2]!, 'snapshots/2025-04-30/')).toEqual(under(trees[0]!, 'snapshots/2025-04-30/'));
    expect(under(trees[2]!, 'snapshots/2025-05-31/')).toEqual(under(trees[1]!, 'snapshots/2025-05-31/'));
    // The index lists all three, latest first; / is on the latest.
    const index = readFileSync(join(site, 'en', 'snapshots', 'index.html'), 'utf8');
    expect([...index.matchAll(/>(\d{4}-\d{2}-\d{2})</gu)].map((m) => m[1])).toEqual(['2025-06-30', '2025-05-31', '2025-04-30']);
    expect(readFileSync(join(site, 'en', 'index.html'), 'utf8')).toContain('<h1>2025-06-30</h1>');
    expect(json(join(site, 'build-manifest.json'))).toMatchObject({ as_of: '2025-06-30', snapshots: [...DATES] });
    expect(leftovers(dirname(site))).toEqual([]);
  });

  it('a fourth build whose snapshots folder is missing fails loudly and changes nothing', async () => {
    const { dir, cache, site } = await threeBuilds();
    const before = hashTree(dir);
    // CI-style: a fresh --out, and the snapshots folder was not restored.
    const missing = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'fresh', '--snapshots', 'restored/snapshots', '--snapshot']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^build: --snapshots restored\/snapshots: no such folder\. It should hold the earlier snapshots .* restore it first .*--new-history/u);
    // No --snapshots and a fresh --out: a build never starts a new history silently.
    const none = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'fresh', '--snapshot']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^build: --snapshot: no earlier snapshots were found .* Pass --snapshots <folder> with the earlier snapshots .* or --new-history if this is the first snapshot\n$/u);
    // --out has them, but the folder given lacks some: refused rather than dropped.
    mkdirSync(join(dir, 'partial'));
    const partial = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'site', '--snapshots', 'partial', '--snapshot']);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/^build: site has 3 snapshot\(s\) this build would drop \(2025-04-30, 2025-05-31, 2025-06-30\): partial does not have them\./u);
    // A fresh --out and a folder restored empty (a CI cache, a bucket synced from the wrong prefix): refused, as a
    // missing one is, whether this build adds a snapshot or not (it would publish none of the earlier ones).
    for (const args of [['--snapshot'], []]) {
      const empty = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'fresh', '--snapshots', 'partial', ...args]);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toBe(
        'build: --snapshots partial holds no snapshot (a cache or a bucket restored empty?), and a build never starts a new history silently. Restore the earlier snapshots into it, or, if this is the first snapshot, build with --snapshot --new-history instead of --snapshots\n',
      );
    }
    // Even a plain build (no --snapshot) keeps them, or refuses.
    rmSync(join(dir, 'partial'), { recursive: true });
    expect(hashTree(dir)).toEqual(before);
    rmSync(join(site, 'snapshots'), { recursive: true });
    const after = hashTree(dir);
    const lost = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'site']);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/^build: site has 3 snapshot\(s\) this build would drop .*: there is no site\/snapshots folder\./u);
    expect(hashTree(dir)).toEqual(after);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('carries the snapshots through a plain build, and a CI-style build into a fresh --out from a restored folder', async () => {
    const { dir, cache, site, trees } = await threeBuilds();
    expect((await build(dir, cache, ['--as-of', '2025-07-15', '--out', 'site'])).code).toBe(0);
    const plain = hashTree(site);
    for (const date of DATES) expect(under(plain, `snapshots/${date}/`)).toEqual(under(trees[2]!, `snapshots/${date}/`));
    expect(json(join(site, 'build-manifest.json'))).toMatchObject({ as_of: '2025-07-15', snapshots: [...DATES] });
    const r = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'next', '--snapshots', 'site/snapshots', '--snapshot']);
    expect(r.stderr).toBe('');
    expect(readdirSync(join(dir, 'next', 'snapshots')).sort()).toEqual([...DATES, '2025-07-31']);
    expect(under(hashTree(join(dir, 'next')), 'snapshots/2025-04-30/')).toEqual(under(trees[0]!, 'snapshots/2025-04-30/'));
  });

  it('a snapshot older than the date / shows (a backfill after daily builds) keeps / on that later date, and says so', async () => {
    const { dir, cache, site, trees } = await threeBuilds();
    // A daily build without a snapshot: / on 2025-07-15, past the latest snapshot.
    expect((await build(dir, cache, ['--as-of', '2025-07-15', '--out', 'site'])).code).toBe(0);
    const daily = hashTree(site);
    const f = fakeIO(dir);
    const code = await main(['--data', 'data', '--as-of', '2025-05-15', '--out', 'site', '--snapshot'], f.io, deps(cache));
    expect(code).toBe(0);
    expect(f.stderr()).toMatch(/^build: snapshot 2025-05-15 added \(4 in site\/snapshots\/\); \/ stays on the later 2025-07-15, rendered from this data again$/mu);
    // Before, / went back to the latest snapshot's date (2025-06-30) until the next daily build.
    expect(json(join(site, 'build-manifest.json'))).toMatchObject({ as_of: '2025-07-15', snapshots: ['2025-04-30', '2025-05-15', '2025-05-31', '2025-06-30'] });
    const after = hashTree(site);
    expect(after['en/index.html']).toBe(daily['en/index.html']);
    expect(after['metrics.json']).toBe(daily['metrics.json']);
    expect(readFileSync(join(site, 'snapshots', '2025-05-15', 'en', 'index.html'), 'utf8')).toContain('<h1>2025-05-15</h1>');
    expect(under(after, 'snapshots/2025-06-30/')).toEqual(under(trees[2]!, 'snapshots/2025-06-30/'));
    // A snapshot between the latest one and the date / shows moves / back no more; the newest snapshot does move it on.
    expect((await build(dir, cache, ['--as-of', '2025-07-10', '--out', 'site', '--snapshot'])).code).toBe(0);
    expect(json(join(site, 'build-manifest.json')).as_of).toBe('2025-07-15');
    expect((await build(dir, cache, ['--as-of', '2025-07-20', '--out', 'site', '--snapshot'])).code).toBe(0);
    expect(json(join(site, 'build-manifest.json')).as_of).toBe('2025-07-20');
    // From a restored snapshots folder into a fresh --out, the latest snapshot is what is known.
    expect((await build(dir, cache, ['--as-of', '2025-05-20', '--out', 'fresh', '--snapshots', 'site/snapshots', '--snapshot'])).code).toBe(0);
    expect(json(join(dir, 'fresh', 'build-manifest.json')).as_of).toBe('2025-07-20');
  });

  it('a file someone put into a snapshot of --out is part of it: copied with it by the next build, never in its way', async () => {
    const { dir, cache, site } = await threeBuilds();
    writeFileSync(join(site, 'snapshots', '2025-04-30', 'notes.txt'), 'reviewed in the board meeting\n');
    mkdirSync(join(site, 'snapshots', '2025-05-31', 'extra'));
    writeFileSync(join(site, 'snapshots', '2025-05-31', 'extra', '.DS_Store'), 'x');
    const r = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'site', '--snapshot']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(site, 'snapshots', '2025-04-30', 'notes.txt'), 'utf8')).toBe('reviewed in the board meeting\n');
    expect(readFileSync(join(site, 'snapshots', '2025-05-31', 'extra', '.DS_Store'), 'utf8')).toBe('x');
    expect(json(join(site, 'build-manifest.json')).files).toContain('snapshots/2025-04-30/notes.txt');
    // Whichever way the snapshots come, the same snapshot.
    const next = await build(dir, cache, ['--as-of', '2025-08-31', '--out', 'next', '--snapshots', 'site/snapshots', '--snapshot']);
    expect(next.code).toBe(0);
    expect(under(hashTree(join(dir, 'next')), 'snapshots/2025-04-30/')).toEqual(under(hashTree(site), 'snapshots/2025-04-30/'));
    expect(leftovers(dir)).toEqual([]);
  });

  it('rebuilding a date is refused (exit 2) unless --replace, which replaces only that snapshot', async () => {
    const { dir, cache, data, site } = await threeBuilds();
    const before = hashTree(site);
    const again = await build(dir, cache, ['--as-of', '2025-05-31', '--out', 'site', '--snapshot']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^build: a snapshot of 2025-05-31 already exists in site\/snapshots, and snapshots are never changed silently: pass --replace to rebuild it\n/u);
    expect(hashTree(site)).toEqual(before);
    // A corrected export: the replaced snapshot changes, the others stay byte for byte.
    const deals = readFileSync(join(data, 'deals.csv'), 'utf8');
    writeFileSync(join(data, 'deals.csv'), deals.replace('M016,ACME-2,Lee,Alpha,OTHER,8000000', 'M016,ACME-2,Lee,Alpha,OTHER,8500000'));
    const replaced = await build(dir, cache, ['--as-of', '2025-05-31', '--out', 'site', '--snapshot', '--replace']);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    const after = hashTree(site);
    expect(under(after, 'snapshots/2025-04-30/')).toEqual(under(before, 'snapshots/2025-04-30/'));
    expect(under(after, 'snapshots/2025-06-30/')).toEqual(under(before, 'snapshots/2025-06-30/'));
    expect(after['snapshots/2025-05-31/metrics.json']).not.toBe(before['snapshots/2025-05-31/metrics.json']);
    expect(json(join(site, 'snapshots', '2025-05-31', 'metrics.json')).pipeline.open_amount).not.toBe(
      json(join(site, 'snapshots', '2025-04-30', 'metrics.json')).pipeline.open_amount,
    );
    // An older date added later: / stays on the latest.
    expect(json(join(site, 'build-manifest.json')).as_of).toBe('2025-06-30');
    expect(readFileSync(join(site, 'en', 'index.html'), 'utf8')).toContain('<h1>2025-06-30</h1>');
    expect(readFileSync(join(site, 'snapshots', '2025-05-31', 'en', 'index.html'), 'utf8')).toContain('<h1>2025-05-31</h1>');
  });

  it('two builds of the same input and snapshots are byte-identical', async () => {
    const { dir, cache, site } = await threeBuilds();
    const first = hashTree(site);
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--replace'])).code).toBe(0);
    expect(hashTree(site)).toEqual(first);
  });

  it('refuses a snapshots folder holding anything but snapshots, and a snapshot holding a symbolic link', async () => {
    const { dir, cache } = await threeBuilds();
    mkdirSync(join(dir, 'store'));
    mkdirSync(join(dir, 'store', 'en'));
    const junk = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'other', '--snapshots', 'store', '--snapshot']);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/^build: store\/en is not a snapshot \(a snapshots folder holds only YYYY-MM-DD folders\): is --snapshots the right folder\?\n$/u);
    symlinkSync('/etc/passwd', join(dir, 'site', 'snapshots', '2025-04-30', 'passwd'));
    const link = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'other', '--snapshots', 'site/snapshots', '--snapshot']);
    expect(link.code).toBe(1);
    expect(link.stderr).toMatch(/^build: site\/snapshots\/2025-04-30\/passwd is not a regular file or folder/u);
    expect(existsSync(join(dir, 'other'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('arguments: what goes together and what does not (exit 2, nothing written)', async () => {
    const { dir, cache } = workspace();
    const cases: [string[], RegExp][] = [
      [['--replace'], /--replace goes with --snapshot/u],
      [['--new-history'], /--new-history goes with --snapshot/u],
      [['--snapshot', '--new-history', '--snapshots', 'x'], /--new-history starts a history without earlier snapshots/u],
      [['--compare-to', '2025-13-01'], /--compare-to must be a date YYYY-MM-DD, not "2025-13-01"/u],
      [['--as-of', '2025-06-30', '--compare-to', '2025-06-30'], /--compare-to 2025-06-30 must be before the as-of date 2025-06-30/u],
      [['--digest', 'site/digest.md'], /--digest site\/digest\.md is inside --out, which the build replaces/u],
      [['--summary', 'data/notes.csv'], /--summary data\/notes\.csv could be an input of the data folder/u],
      // A workbook or a ZIP archive of exports is read too.
      [['--digest', 'data/hubspot-export.xlsx'], /--digest data\/hubspot-export\.xlsx could be an input of the data folder/u],
      [['--summary', 'data/export.ZIP'], /--summary data\/export\.ZIP could be an input of the data folder/u],
      [['--digest', 'x.md', '--summary', 'x.md'], /--digest and --summary name the same file/u],
      [['--max-rejected', '2'], /--max-rejected must be a fraction from 0 to 1/u],
      [['--max-data-age', '1.5'], /--max-data-age must be a whole number of days, such as 3, not "1\.5"/u],
      [['--max-data-age', '-1'], /--max-data-age must be a whole number of days/u],
      [['--base', 'pipescope'], /--base must be a path such as \/pipescope\//u],
      [['--site', 'acme.github.io'], /--site must be the site's address/u],
      [['--site', 'https://acme.github.io/파이프!/'], /--site https:\/\/acme\.github\.io\/파이프!\/: its path \(\/%ED%8C%8C%EC%9D%B4%ED%94%84!\/\) must be like \/pipescope\//u],
      [['--base', '/a%2Fb/'], /--base must be a path such as \/pipescope\//u],
    ];
    for (const [argv, message] of cases) {
      const r = await build(dir, cache, ['--out', 'site', ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\nusage: npm run build -- /u);
    }
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });
});

describe('What changed', () => {
  it('compares with the previous snapshot, --compare-to, or the waterfall period when there is none', async () => {
    const { dir, cache, site } = await threeBuilds();
    const period = (folder: string) => /<p id="period">([^<]*)<\/p>/u.exec(readFileSync(join(folder, 'en', 'changes', 'index.html'), 'utf8'))![1];
    expect(period(join(site, 'snapshots', '2025-04-30'))).toBe('2025-03-31 2025-04-30 period');
    expect(period(join(site, 'snapshots', '2025-05-31'))).toBe('2025-04-30 2025-05-31 snapshot');
    expect(period(site)).toBe('2025-05-31 2025-06-30 snapshot');
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--compare-to', '2025-01-01'])).code).toBe(0);
    expect(period(site)).toBe('2025-01-01 2025-06-30 compare_to');
  });
});

describe('--strict and --max-rejected', () => {
  async function previous() {
    const ws = workspace('rejected-rows');
    expect((await build(ws.dir, ws.cache, ['--as-of', '2025-05-31', '--out', 'site'])).code).toBe(0);
    return { ...ws, before: hashTree(join(ws.dir, 'site')) };
  }

  it('--strict: exit 3 when any row is rejected, saying why; the output stays byte-identical; the summary says it failed', async () => {
    const { dir, cache, before } = await previous();
    const r = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--strict', '--summary', 'summary.md', '--digest', 'digest.md']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^build: --strict: 9 of 25 rows rejected \(deals\.csv line 3 column "stage": stage "Discovery" is not a configured stage id .*; \.\.\.\); the output was not replaced \(every rejected row is listed in metrics\.json data_quality/u);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('**Failed (--strict): 9 of 25\u00a0rows rejected, so the dashboard was not replaced.**');
    // No changes of a dashboard that was not replaced: the digest says the build stopped, and why.
    expect(readFileSync(join(dir, 'digest.md'), 'utf8')).toBe(
      `# Pipescope build stopped\n\n**Failed: the build stopped (exit status 3), so the dashboard was not replaced. It said:**\n\n\`\`\`text\n${r.stderr.replace(/\n$/u, '')}\n\`\`\`\n`,
    );
  });

  it('--max-rejected: exit 3 only when the rejected share is above it', async () => {
    const { dir, cache, before } = await previous();
    const over = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--max-rejected', '0.3']);
    expect(over.code).toBe(3);
    expect(over.stderr).toMatch(/^build: --max-rejected 0\.3: 9 of 25 rows rejected \(36%, more than 30%: /u);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    const under = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--max-rejected', '0.5', '--summary', 'summary.md']);
    expect(under.stderr).toBe('');
    expect(under.code).toBe(0);
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-06-30');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('**Passed: 9 of 25\u00a0rows rejected (see the Data quality page).**');
  });

  it('--strict passes data without rejected rows', async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--strict'])).code).toBe(0);
  });
});

describe('a report file that cannot be written', () => {
  it('stops the build before its output is swapped in: the earlier output stays, and the summary says the build stopped', async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site'])).code).toBe(0);
    const before = hashTree(join(dir, 'site'));
    // The digest's folder is a file; a summary a run before left says "Passed".
    writeFileSync(join(dir, 'afile'), 'not a folder\n');
    writeFileSync(join(dir, 'summary.md'), 'OLD: Passed\n');
    const r = await build(dir, cache, ['--as-of', '2025-06-25', '--out', 'site', '--digest', 'afile/digest.md', '--summary', 'summary.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write afile\/digest\.md/u);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-06-30');
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# Pipescope build stopped\n\n\*\*Failed: the build stopped \(exit status 1\)/u);
  });
});

describe('--max-data-age', () => {
  // The worked example's newest change before 2025-07-01 is M022 entering "qualify" at 2025-06-18T02:00Z
  // (M023 is created on Jul 1): 12 days before the as-of date 2025-06-30.
  it('exit 3 when the newest change in the data is more days before the as-of date than allowed; the output stays; the summary says why', async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--max-data-age', '12'])).code).toBe(0);
    const before = hashTree(join(dir, 'site'));
    const r = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--max-data-age', '11', '--summary', 'summary.md', '--digest', 'digest.md', '--compare-to', '2025-06-01']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^build: --max-data-age 11: the newest change in the data is on 2025-06-18, 12 days before the as-of date 2025-06-30; was the export refreshed\? The output was not replaced/u);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain(
      '**Failed (--max-data-age 11): the newest change in the data is from Jun 18, 2025, 12\u00a0days before the as-of date, so the dashboard was not replaced. Was the export refreshed?**',
    );
    expect(readFileSync(join(dir, 'digest.md'), 'utf8')).toMatch(/^# Pipescope build stopped\n\n\*\*Failed: the build stopped \(exit status 3\)[^\n]*\n\n```text\nbuild: --max-data-age 11: the newest change in the data is on 2025-06-18, /u);
  });

  it('data with no change before the as-of date fails it too', async () => {
    const { dir, cache } = workspace();
    const r = await build(dir, cache, ['--as-of', '2024-06-01', '--out', 'site', '--max-data-age', '30']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^build: --max-data-age 30: the data records no change before the as-of date 2024-06-01; /u);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });
});

describe('relative links and --base', () => {
  it('makes the live site’s links relative, a snapshot’s resolve within it, and leaves the 404 page absolute', async () => {
    const { dir, cache } = workspace();
    const r = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history', '--base', '/pipescope']);
    expect(r.stderr).toBe('');
    const read = (file: string) => readFileSync(join(dir, 'site', file), 'utf8');
    expect(read('index.html')).toBe('<meta http-equiv="refresh" content="0; url=en/"><a href="en/">en</a>');
    expect(read('en/index.html')).toContain('<link rel="icon" href="../favicon.svg"><h1>2025-06-30</h1><a href="changes/">changes</a><a href="snapshots/">snapshots</a><a href="../metrics.json">m</a>');
    expect(read('en/snapshots/index.html')).toBe('<a href="../../snapshots/2025-06-30/en/">2025-06-30</a>');
    expect(read('snapshots/2025-06-30/en/index.html')).toContain('href="../favicon.svg"><h1>2025-06-30</h1><a href="changes/">changes</a><a href="../../../en/snapshots/">snapshots</a><a href="../metrics.json">m</a>');
    expect(read('404.html')).toBe('<a href="/pipescope/en/">home</a>');
    // Where `npm run preview` serves it.
    expect(JSON.parse(read('build-manifest.json')).base).toBe('/pipescope/');
  });
});

describe('--digest and --summary', () => {
  it('write the changes and the key figures as markdown, names escaped, links with --site', async () => {
    const { dir, cache, data } = workspace();
    const hostile = '**Big** [deal](https://evil.example) | @team <img src=x> #1';
    const deals = readFileSync(join(data, 'deals.csv'), 'utf8').split('\n');
    // M024, created 2025-07-14: new in the month to 2025-07-31. Give the file a deal_name column.
    const rows = deals.map((line, i) => (line === '' ? line : i === 0 ? `${line},deal_name` : `${line},${line.startsWith('M024,') ? `"${hostile}"` : 'plain'}`));
    writeFileSync(join(data, 'deals.csv'), rows.join('\n'));
    const r = await build(dir, cache, ['--as-of', '2025-07-31', '--out', 'site', '--snapshot', '--new-history', '--site', 'https://acme.github.io/pipescope/', '--digest', 'out/digest.md', '--summary', 'out/summary.md']);
    expect(r.stderr).toBe('');
    const digest = readFileSync(join(dir, 'out', 'digest.md'), 'utf8');
    expect(digest).toMatch(/^# Pipeline changes, /u);
    expect(digest).toContain('## New deals (');
    // A zero-width space after @ and #, and before ://, keeps GitHub from linking them (tests/unit/format/markdown.test.ts).
    expect(digest).toContain('\\*\\*Big\\*\\* \\[deal\\](https\u200B://evil.example) \\| \\@\u200Bteam \\<img src=x\\> \\#\u200B1');
    // A deal by its name, as on the page (the CSV has its id beside it).
    expect(digest).toMatch(/^\| \\\*\\\*Big/mu);
    expect(digest).not.toContain(hostile);
    expect(digest).toContain('[Dashboard](<https://acme.github.io/pipescope/snapshots/2025-07-31/en/>)');
    const summary = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary).toMatch(/^# Pipescope build as of /u);
    expect(summary).toContain('**Passed: every one of');
    expect(summary).toContain('| deals.csv | 24 | 24 | 0 |');
  });

  it('a build that stops before its check (a file it cannot read, an --out it may not replace) writes a summary and a digest saying so, never leaving the "Passed" summary or the digest of the run before', async () => {
    const { dir, cache, data } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-05-31', '--out', 'site', '--summary', 'summary.md', '--digest', 'digest.md'])).code).toBe(0);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('**Passed: every one of');
    expect(readFileSync(join(dir, 'digest.md'), 'utf8')).toMatch(/^# Pipeline changes, /u);
    const before = hashTree(join(dir, 'site'));
    rmSync(join(data, 'stage_history.csv'));
    const missing = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--summary', 'summary.md', '--digest', 'digest.md']);
    expect(missing.code).toBe(1);
    const said = missing.stderr.replace(/\n$/u, '');
    const stoppedReport = `# Pipescope build stopped\n\n**Failed: the build stopped (exit status 1), so the dashboard was not replaced. It said:**\n\n\`\`\`text\n${said}\n\`\`\`\n`;
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(stoppedReport);
    // A mail or chat step after the build would otherwise send last run's changes again, as this run's.
    expect(readFileSync(join(dir, 'digest.md'), 'utf8')).toBe(stoppedReport);
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    // A refused --out: what it said, without the usage line.
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.md'), 'mine');
    const refused = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'mine', '--summary', 'summary.md']);
    expect(refused.code).toBe(2);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('(exit status 2)');
    expect(summary).toContain('build: --out mine is not empty and not a previous Pipescope output');
    expect(summary).not.toContain('usage:');
  });

  it('an argument error (a mistyped --as-of or --max-rejected, a number option that is none, a mistyped or repeated option) writes them saying so too, exit 2', async () => {
    const { dir, cache } = workspace();
    const wrongs = [['--as-of', '2025-06-31'], ['--max-rejected', '1%'], ['--max-account-pages', 'ten'], ['--lang', 'de'], ['--compare-to', 'last-week'], ['--strcit'], ['--max-rejected', '0.1', '--max-rejected', '0.2']];
    for (const wrong of wrongs) {
      expect((await build(dir, cache, ['--as-of', '2025-05-31', '--out', 'site', '--summary', 'summary.md', '--digest', 'digest.md'])).code).toBe(0);
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('**Passed: every one of');
      const args = wrong[0] === '--as-of' ? wrong : ['--as-of', '2025-06-30', ...wrong];
      const r = await build(dir, cache, [...args, '--out', 'site', '--summary', 'summary.md', '--digest', 'digest.md']);
      expect(r.code, wrong.join(' ')).toBe(2);
      const said = r.stderr.split('\n')[0]!;
      const stoppedReport = `# Pipescope build stopped\n\n**Failed: the build stopped (exit status 2), so the dashboard was not replaced. It said:**\n\n\`\`\`text\n${said}\n\`\`\`\n`;
      expect(readFileSync(join(dir, 'summary.md'), 'utf8'), wrong.join(' ')).toBe(stoppedReport);
      expect(readFileSync(join(dir, 'digest.md'), 'utf8'), wrong.join(' ')).toBe(stoppedReport);
    }
  });

  it('a report an argument error cannot place (inside --out, over the config) is not written', async () => {
    const { dir, cache } = workspace();
    const before = '{ "locale": "en" }\n';
    writeFileSync(join(dir, 'ci.json'), before);
    const r = await build(dir, cache, ['--as-of', 'nope', '--config', 'ci.json', '--summary', 'ci.json']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'ci.json'), 'utf8')).toBe(before);
    expect((await build(dir, cache, ['--as-of', 'nope', '--out', 'site', '--summary', 'site/summary.md'])).code).toBe(2);
    expect(existsSync(join(dir, 'site'))).toBe(false);
    // The same past a mistyped option; and a report named twice is neither of the two.
    expect((await build(dir, cache, ['--strcit', '--config', 'ci.json', '--summary', 'ci.json'])).code).toBe(2);
    expect(readFileSync(join(dir, 'ci.json'), 'utf8')).toBe(before);
    expect((await build(dir, cache, ['--out', 'site', '--strcit', '--summary', 'site/summary.md'])).code).toBe(2);
    expect(existsSync(join(dir, 'site'))).toBe(false);
    expect((await build(dir, cache, ['--summary', 'a.md', '--strcit', '--summary', 'b.md'])).code).toBe(2);
    expect([existsSync(join(dir, 'a.md')), existsSync(join(dir, 'b.md'))]).toEqual([false, false]);
  });

  it('the summary of a stopped build is in the config’s language', async () => {
    const { dir, cache, data } = workspace('seoul-timezone');
    rmSync(join(data, 'deals.csv'));
    const r = await build(dir, cache, ['--out', 'site', '--summary', 'summary.md']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^# Pipescope 빌드 중단\n\n\*\*실패: 빌드가 중단되어\(종료 상태 1\) 대시보드를 교체하지 않았습니다\. 빌드 메시지:\*\*\n\n```text\nbuild: /u);
  });

  it('"-" writes to standard output, as npm run metrics --out - does (it wrote a file named "-"), on a failed check too', async () => {
    const { dir, cache } = workspace('rejected-rows');
    for (const [args, code] of [[['--summary', '-'], 0], [['--digest', '-'], 0], [['--summary', '-', '--strict'], 3]] as const) {
      const f = fakeIO(dir);
      expect(await main(['--data', 'data', '--quiet', '--as-of', '2025-06-30', '--out', 'site', ...args], f.io, deps(cache)), args.join(' ')).toBe(code);
      expect(f.stdout()).toMatch(args[0] === '--summary' ? /^# Pipescope build as of Jun 30, 2025\n[\s\S]*\| deals\.csv \|/u : /^# Pipeline changes, /u);
      expect(existsSync(join(dir, '-'))).toBe(false);
    }
    const both = fakeIO(dir);
    expect(await main(['--data', 'data', '--digest', '-', '--summary', '-'], both.io, deps(cache))).toBe(2);
    expect(both.stderr()).toMatch(/^build: --digest and --summary name the same output \(-\)\n/u);
  });
});

describe('--snapshot-weekday', () => {
  it('adds the snapshot only when the as-of date is that weekday, and says why not on another day', async () => {
    const { dir, cache } = workspace();
    // 2025-06-30 is a Monday, 2025-07-01 a Tuesday.
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    const tuesday = await build(dir, cache, ['--as-of', '2025-07-01', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1']);
    expect(tuesday.code).toBe(0);
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30']);
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-07-01');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-07-07', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', 'mon'], f.io, deps(cache))).toBe(0);
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-07']);
    const said = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-07-08', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1'], said.io, deps(cache))).toBe(0);
    expect(said.stderr()).toContain('build: no snapshot this time: the as-of date 2025-07-08 is a Tuesday, and --snapshot-weekday 1 adds one on Mondays\n');
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-07']);
  });

  it('run again on that weekday (a CI job re-run), keeps the snapshot it added as it is and builds the rest, saying so, where it stopped with exit 2', async () => {
    const { dir, cache, data } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    const monday = ['--data', 'data', '--as-of', '2025-07-07', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1'];
    expect(await main(monday, fakeIO(dir).io, deps(cache))).toBe(0);
    const kept = under(hashTree(join(dir, 'site')), 'snapshots/2025-07-07/');
    expect(Object.keys(kept).length).toBeGreaterThan(0);
    // A fresher export later that day: the live pages follow it, the snapshot stays as it was added.
    const deals = join(data, 'deals.csv');
    writeFileSync(deals, readFileSync(deals, 'utf8').replace('M002,ACME-2,Park,Alpha,OTHER,3000000,', 'M002,ACME-2,Park,Alpha,OTHER,3500000,'));
    const again = fakeIO(dir);
    expect(await main(monday, again.io, deps(cache))).toBe(0);
    expect(again.stderr()).toContain('build: the snapshot of 2025-07-07 is in site/snapshots already: kept as it is (a run with --snapshot --replace and no --snapshot-weekday rebuilds it)\n');
    expect(under(hashTree(join(dir, 'site')), 'snapshots/2025-07-07/')).toEqual(kept);
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-07']);
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-07-07');
    expect(json(join(dir, 'site', 'build-manifest.json')).inputs['deals.csv']).not.toBe(json(join(dir, 'site', 'snapshots', '2025-07-07', 'snapshot.json')).inputs['deals.csv']);
    // Without --snapshot-weekday, building a date that has its snapshot is still refused.
    const plain = await build(dir, cache, ['--as-of', '2025-07-07', '--out', 'site', '--snapshot']);
    expect(plain.code).toBe(2);
  });

  it("a weekday whose run added no snapshot (it failed): the next days' runs warn, even with --quiet, and say how to add it, until it is there", async () => {
    const { dir, cache } = workspace();
    // 2025-06-30 and 2025-07-07 are Mondays.
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    const weekly = (asOf: string, ...more: string[]) => ['--data', 'data', '--as-of', asOf, '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1', ...more];
    // Tuesday the 1st: the last Monday's snapshot is there.
    const tuesday = fakeIO(dir);
    expect(await main(weekly('2025-07-01', '--quiet'), tuesday.io, deps(cache))).toBe(0);
    expect(tuesday.stderr()).toBe('');
    // Monday the 7th did not run; Tuesday the 8th says so.
    const after = fakeIO(dir);
    expect(await main(weekly('2025-07-08', '--quiet'), after.io, deps(cache))).toBe(0);
    expect(after.stderr()).toBe(
      "build: warning: site/snapshots has no snapshot of 2025-07-07, the last Monday, nor a later one: that day's run did not add it (it failed or did not run). Add it with --as-of 2025-07-07 --snapshot (from that day's export, if you kept it; / stays on the later date)\n",
    );
    const ko = fakeIO(dir);
    expect(await main(weekly('2025-07-09', '--quiet', '--lang', 'ko'), ko.io, deps(cache))).toBe(0);
    expect(ko.stderr()).toMatch(/^build: 경고: site\/snapshots에 지난 월요일인 2025-07-07의 스냅숏도, 그 뒤의 스냅숏도 없습니다\. /u);
    // The backfill adds it, / staying on the later date; then nothing is said.
    expect(await main(['--data', 'data', '--as-of', '2025-07-07', '--out', 'site', '--snapshot', '--quiet'], fakeIO(dir).io, deps(cache))).toBe(0);
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-07']);
    const filled = fakeIO(dir);
    expect(await main(weekly('2025-07-10', '--quiet'), filled.io, deps(cache))).toBe(0);
    expect(filled.stderr()).toBe('');
  });

  it("a re-run of Monday's job after a later build keeps / on the later date, as a backfill does; a past date built without --snapshot is rendered as asked, and said", async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    const monday = ['--data', 'data', '--as-of', '2025-07-07', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1'];
    expect(await main(monday, fakeIO(dir).io, deps(cache))).toBe(0);
    // Tuesday's daily build, then Monday's job run again (a failed deploy retried): / stayed on Monday before.
    expect((await build(dir, cache, ['--as-of', '2025-07-08', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1'])).code).toBe(0);
    const again = fakeIO(dir);
    expect(await main(monday, again.io, deps(cache))).toBe(0);
    expect(again.stderr()).toContain('build: / stays on the later 2025-07-08, rendered from this data again\n');
    expect(json(join(dir, 'site', 'build-manifest.json'))).toMatchObject({ as_of: '2025-07-08', snapshots: ['2025-06-30', '2025-07-07'] });
    // A past date without --snapshot: / shows it, as asked, and the line says it is before the latest snapshot.
    const past = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-07-01', '--out', 'site', '--lang', 'ko'], past.io, deps(cache))).toBe(0);
    expect(past.stderr()).toContain('build: /는 최신 스냅숏(2025-07-07)보다 이른 2025-07-01 기준입니다. --snapshot 없이 지난 날짜로 빌드하면 요청한 대로 그 날짜를 보여 줍니다(--snapshot을 주면 /는 최신 날짜에 머뭅니다)\n');
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-07-01');
    const later = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-07-09', '--out', 'site'], later.io, deps(cache))).toBe(0);
    expect(later.stderr()).not.toMatch(/latest snapshot|최신 스냅숏/u);
  });

  it("decides by the as-of date in the config's time zone, not the runner's UTC clock: Sunday 22:00 UTC is Monday in Seoul", async () => {
    const { dir, cache } = workspace('seoul-timezone');
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    const f = fakeIO(dir);
    f.io.now = () => Date.UTC(2025, 6, 6, 22, 0);
    expect(await main(['--data', 'data', '--quiet', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', '1'], f.io, deps(cache))).toBe(0);
    expect(f.stderr()).toBe('');
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-07']);
    expect(json(join(dir, 'site', 'build-manifest.json')).as_of).toBe('2025-07-07');
  });

  it('daily (or *): a snapshot on any weekday, kept as it is when that day’s build runs again, where plain --snapshot stops', async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', '--snapshot', '--new-history'])).code).toBe(0);
    // 2025-07-01 is a Tuesday, 2025-07-05 a Saturday.
    const daily = (asOf: string, every = 'daily') => ['--data', 'data', '--as-of', asOf, '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot', '--snapshot-weekday', every];
    expect(await main(daily('2025-07-01'), fakeIO(dir).io, deps(cache))).toBe(0);
    expect(await main(daily('2025-07-05', '*'), fakeIO(dir).io, deps(cache))).toBe(0);
    expect(readdirSync(join(dir, 'site', 'snapshots')).sort()).toEqual(['2025-06-30', '2025-07-01', '2025-07-05']);
    const kept = under(hashTree(join(dir, 'site')), 'snapshots/2025-07-05/');
    const again = fakeIO(dir);
    expect(await main(daily('2025-07-05'), again.io, deps(cache))).toBe(0);
    expect(again.stderr()).toContain('build: the snapshot of 2025-07-05 is in site/snapshots already: kept as it is');
    expect(under(hashTree(join(dir, 'site')), 'snapshots/2025-07-05/')).toEqual(kept);
    expect((await build(dir, cache, ['--as-of', '2025-07-05', '--out', 'site', '--snapshots', 'site/snapshots', '--snapshot'])).code).toBe(2);
  });

  it('is refused without --snapshot, with --replace or --new-history, and for a day that is not one (exit 2)', async () => {
    const { dir, cache } = workspace();
    const cases: [string[], RegExp][] = [
      [['--snapshot-weekday', '1'], /^build: --snapshot-weekday goes with --snapshot /u],
      [['--snapshot', '--new-history', '--snapshot-weekday', '1'], /^build: --snapshot-weekday is for scheduled builds; --new-history adds the snapshot of the date it builds/u],
      [['--snapshot', '--replace', '--snapshot-weekday', '1'], /^build: --snapshot-weekday is for scheduled builds; --replace /u],
      [['--snapshot', '--snapshot-weekday', '8'], /^build: --snapshot-weekday must be a weekday, 1 \(Monday\) to 7 \(Sunday\) as date \+%u counts, or its name \(mon, Monday\), or daily, not "8"/u],
      [['--snapshot', '--snapshot-weekday', 'mo'], /not "mo"/u],
    ];
    for (const [args, message] of cases) {
      const r = await build(dir, cache, ['--as-of', '2025-06-30', '--out', 'site', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });
});

