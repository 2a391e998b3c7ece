/**
 * `--redact` end to end: a real build of the sample and an in-process build
 * of a HubSpot export hold none of the original names in any output file
 * (contents and file names; tests/support/redaction-scan.ts says which
 * strings and how); the same input gives the same bytes, another salt other
 * pseudonyms; the metrics' numbers are those of the unredacted build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build, PROJECT_ROOT, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { identifyingStrings, listTree, scanTree } from '../../support/redaction-scan.ts';
import { fakeIO, FIXTURES, hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const SALT = 'redaction-test-salt-7f3a9c41e2b8';
const OTHER_SALT = 'another-salt-for-redaction-0042';
const SAMPLE_AS_OF = '2026-06-30';
const HUBSPOT = join(FIXTURES, 'exports', 'hubspot-deals', 'data');
const HUBSPOT_ARGS = ['--format', 'hubspot', '--pipeline', 'Sales Pipeline', '--as-of', '2025-06-30'];

/** Pipescope's own text: a data value that also occurs here is a generic word, in any build. */
const GENERIC_TEXT = ['en.ts', 'ko.ts', 'chart-text-en.ts', 'chart-text-ko.ts', 'issue-text.ts']
  .map((f) => readFileSync(join(PROJECT_ROOT, 'src/lib/i18n', f), 'utf8'))
  .join('\n');

/** A copy of a data folder at `<dir>/data` whose config has `redaction.salt`. */
function saltedCopy(from: string, dir: string, salt = SALT): string {
  const to = join(dir, 'data');
  cpSync(from, to, { recursive: true });
  const path = join(to, 'pipeline.config.json');
  const config = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  delete config.$schema;
  writeFileSync(path, JSON.stringify({ ...config, redaction: { salt } }, null, 2));
  return to;
}

/** Stands in for `astro build`: writes the whole site data, which is everything the pages render, into the output. */
async function dumpRender({ outDir, siteDataPath }: RenderOptions): Promise<void> {
  mkdirSync(join(outDir, 'en'), { recursive: true });
  writeFileSync(join(outDir, 'site-data.json'), readFileSync(siteDataPath));
}

const deps = (cacheDir: string): BuildDeps => ({ readFolder, render: dumpRender, cacheDir });

/** Every number in a JSON value, sorted: the same multiset whatever the names and their order. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out.sort((a, b) => a - b);
}

/** The pseudonyms written in a text. */
const pseudonymsIn = (text: string) => new Set(text.match(/\b(?:deal|acct)-[0-9a-f]{6,}\b|(?:Account|Owner|Team|Deal|Keyman|Competitor|고객사|담당자|팀|딜|키맨|경쟁사) [0-9a-f]{6,}\b/gu) ?? []);

describe('build --redact', () => {
  it('a real build of the sample holds none of its names, in any file or file name, and the metrics are unchanged', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const data = saltedCopy(join(PROJECT_ROOT, 'data/sample'), dir);
    // A unique name: the site data goes to the project's .cache/site-data-<name>.json.
    const out = join(dir, basename(dir));
    try {
      const built = spawnSync(process.execPath, ['scripts/build.ts', '--data', data, '--as-of', SAMPLE_AS_OF, '--out', out, '--quiet', '--redact'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      const files = listTree(out);
      expect(files).toContain('en/index.html');
      expect(files.filter((f) => f.startsWith('en/accounts/')).length).toBeGreaterThan(10);

      const { dataset } = await readFolder(data);
      const { needles, short, generic } = identifyingStrings(dataset, GENERIC_TEXT, [SALT]);
      expect(needles.length).toBeGreaterThan(4000);
      // What the rule leaves out, for the record: only the competitor "ABB", too short to search for inside text,
      // so it is looked for as a whole word, case-sensitively.
      expect({ short, generic }).toEqual({ short: ['ABB'], generic: [] });
      expect(scanTree(out, needles)).toEqual([]);
      expect(files.filter((file) => /\bABB\b/u.test(readFileSync(join(out, file), 'utf8')))).toEqual([]);
      // The scan does find them in an unredacted output (the site data the same build would show).
      const plain = fakeIO(dir);
      expect(await build(['--data', data, '--as-of', SAMPLE_AS_OF, '--out', 'plain', '--quiet'], plain.io, deps(join(dir, '.cache'))), plain.stderr()).toBe(0);
      expect(new Set(scanTree(join(dir, 'plain'), needles).map((l) => l.value)).size).toBeGreaterThan(needles.length / 2);

      // The pages show pseudonyms, in the data's language (the sample is Korean).
      const index = readFileSync(join(out, 'en/accounts/index.html'), 'utf8');
      expect(index).toMatch(/고객사 [0-9a-f]{6}/u);
      expect(files.some((f) => /^en\/accounts\/acct-[0-9a-f]{6,}\/index\.html$/u.test(f))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'));
      expect(manifest.redacted).toEqual({ amount_band: null });
      // The inputs' hashes, but not the config's: it holds the salt.
      expect(Object.keys(manifest.inputs).sort()).toEqual(['accounts.csv', 'deals.csv', 'field_history.csv', 'stage_history.csv', 'targets.csv']);

      // metrics.json: the same numbers as without --redact.
      const m = fakeIO(dir);
      expect(await metrics(['--data', data, '--as-of', SAMPLE_AS_OF], m.io), m.stderr()).toBe(0);
      const redacted = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
      expect(numbers(redacted)).toEqual(numbers(JSON.parse(m.stdout())));
    } finally {
      // The site data the build wrote into the project's .cache, and its account slices beside it.
      for (const file of [`site-data-${basename(dir)}.json`, `site-data-${basename(dir)}.accounts.jsonl`]) rmSync(join(PROJECT_ROOT, '.cache', file), { force: true });
    }
  });

  it('a HubSpot export: no name of any row (set-aside and rejected rows included) in the output', async () => {
    const dir = tempDir();
    const data = saltedCopy(HUBSPOT, dir);
    const f = fakeIO(dir);
    expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', 'site', '--quiet', '--redact'], f.io, deps(join(dir, '.cache'))), f.stderr()).toBe(0);
    const { dataset } = await readFolder(data, { format: 'hubspot', pipeline: 'Sales Pipeline' });
    // Also every name in the export file itself, rows that never reached the dataset included.
    const csv = readdirSync(data).find((n) => n.endsWith('.csv'))!;
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(data, csv), 'utf8'), { skipEmptyLines: true }).data;
    const columns = ['Record ID', 'Deal Name', 'Deal owner', 'Associated Company IDs (Primary)', 'Associated Company (Primary)'].map((c) => header!.indexOf(c));
    expect(columns).not.toContain(-1);
    const raw = rows.flatMap((r) => columns.map((c) => r[c] ?? '')).filter((v) => v !== '' && v !== '(No value)');
    const { needles } = identifyingStrings(dataset, GENERIC_TEXT, [SALT, ...raw]);
    expect(needles.map((n) => n.value)).toEqual(expect.arrayContaining(['Acme Corp', 'Dana Whitfield', 'Globex', '1001', '9001']));
    expect(scanTree(join(dir, 'site'), needles)).toEqual([]);
    // The same scan of the unredacted output finds them.
    const plain = fakeIO(dir);
    expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', 'plain', '--quiet'], plain.io, deps(join(dir, '.cache')))).toBe(0);
    expect(scanTree(join(dir, 'plain'), needles).map((l) => l.value)).toEqual(expect.arrayContaining(['Acme Corp', 'Dana Whitfield', 'Globex', '1001', '9001']));
    expect(pseudonymsIn(readFileSync(join(dir, 'site', 'site-data.json'), 'utf8')).size).toBeGreaterThan(10);
  });

  it('the same input twice gives byte-identical output; another salt gives other pseudonyms', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const run = async (out: string) => {
      const f = fakeIO(dir);
      expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', out, '--quiet', '--redact'], f.io, deps(join(dir, '.cache'))), f.stderr()).toBe(0);
      return hashTree(join(dir, out));
    };
    const first = await run('a');
    expect(await run('a')).toEqual(first);
    expect(await run('b')).toEqual(first);
    const pseudonyms = pseudonymsIn(readFileSync(join(dir, 'a', 'site-data.json'), 'utf8'));

    const other = tempDir();
    saltedCopy(HUBSPOT, other, OTHER_SALT);
    const f = fakeIO(other);
    expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', 'site', '--quiet', '--redact'], f.io, deps(join(other, '.cache')))).toBe(0);
    const otherPseudonyms = pseudonymsIn(readFileSync(join(other, 'site', 'site-data.json'), 'utf8'));
    expect(otherPseudonyms.size).toBe(pseudonyms.size);
    expect([...otherPseudonyms].filter((p) => pseudonyms.has(p))).toEqual([]);
  });

  it('--redact-amounts rounds every amount to the band; the manifest says so', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const f = fakeIO(dir);
    expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', 'site', '--quiet', '--redact', '--redact-amounts', '10000'], f.io, deps(join(dir, '.cache'))), f.stderr()).toBe(0);
    const site = JSON.parse(readFileSync(join(dir, 'site', 'site-data.json'), 'utf8'));
    const amounts = JSON.stringify(site).match(/"amount":\d+(\.\d+)?/gu)!.map((a) => Number(a.slice(9)));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.filter((a) => a % 10000 !== 0)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'site', 'build-manifest.json'), 'utf8')).redacted).toEqual({ amount_band: 10000 });
  });

  it('never carries an earlier snapshot built without --redact (the real names) into a redacted output; redacted ones it carries', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const { args, run } = hubspotBuilds(dir);
    expect((await run(args('2025-05-31', '--out', 'site', '--snapshot', '--new-history'))).code).toBe(0);
    const before = hashTree(join(dir, 'site'));
    for (const argv of [args('2025-06-30', '--out', 'site', '--redact'), args('2025-06-30', '--out', 'shared', '--redact', '--snapshot', '--snapshots', 'site/snapshots')]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^build: --redact: site\/snapshots has a snapshot built without --redact \(2025-05-31\), with the real names, which a redacted output would carry: build it into an --out of its own, with --snapshots of redacted snapshots only, or --snapshot --new-history to start its own history\n$/u);
    }
    expect(hashTree(join(dir, 'site'))).toEqual(before);
    expect(existsSync(join(dir, 'shared'))).toBe(false);
    // A redacted history of its own: carried by the next redacted build; and replacing the real snapshot's date with a redacted one is fine.
    expect((await run(args('2025-05-31', '--out', 'shared', '--redact', '--snapshot', '--new-history'))).code).toBe(0);
    expect((await run(args('2025-06-30', '--out', 'shared', '--redact', '--snapshot'))).code).toBe(0);
    expect(readdirSync(join(dir, 'shared', 'snapshots')).sort()).toEqual(['2025-05-31', '2025-06-30']);
    expect((await run(args('2025-05-31', '--out', 'site', '--redact', '--snapshot', '--replace'))).code).toBe(0);
  });

  it('a build without --redact never replaces a redacted output, which is shared outside (exit 2, --out untouched); a redacted build does', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const { args, run } = hubspotBuilds(dir);
    expect((await run(args('2025-05-31', '--out', 'shared', '--redact', '--snapshot', '--new-history'))).code).toBe(0);
    const before = hashTree(join(dir, 'shared'));
    for (const more of [[], ['--snapshot']]) {
      const r = await run(args('2025-06-30', '--out', 'shared', ...more));
      expect(r.code, more.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(
        'build: --out shared holds a redacted build (--redact), a dashboard shared with pseudonyms for the names; this build, without --redact, has the real names and would replace it: add --redact, or build into another --out',
      );
    }
    const ko = await run(args('2025-06-30', '--out', 'shared', '--lang', 'ko'));
    expect(ko.stderr.split('\n')[0]).toBe(
      'build: --out shared는 가명으로 바꾼(--redact) 빌드의 출력으로, 이름을 가명으로 공유하는 대시보드입니다. --redact가 없는 이 빌드는 실명을 담고 있어 이를 교체하게 됩니다. --redact를 주거나 다른 --out에 빌드하세요',
    );
    expect(hashTree(join(dir, 'shared'))).toEqual(before);
    expect((await run(args('2025-06-30', '--out', 'shared', '--redact', '--snapshot'))).code).toBe(0);
  });

  it('a build without --redact never carries a redacted snapshot (exit 1, nothing written): a CI job building a new --out each run from its store would publish the real names beside the redacted history', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const { args, run } = hubspotBuilds(dir);
    expect((await run(args('2025-05-31', '--out', 'shared', '--redact', '--snapshot', '--new-history'))).code).toBe(0);
    expect((await run(args('2025-06-30', '--out', 'shared', '--redact', '--snapshot'))).code).toBe(0);
    cpSync(join(dir, 'shared', 'snapshots'), join(dir, 'store'), { recursive: true });
    for (const more of [[], ['--snapshot'], ['--snapshot', '--replace']]) {
      const r = await run(args('2025-06-30', '--out', 'fresh', '--snapshots', 'store', ...more));
      expect(r.code, more.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        more.includes('--replace')
          ? 'build: store has a redacted snapshot (2025-05-31), a history shared with pseudonyms for the names; this build, without --redact, would put the real names beside them: add --redact (with the config\'s redaction.salt), or build it into an --out of its own, with --snapshots of snapshots built without --redact only, or --snapshot --new-history to start its own history\n'
          : "build: store has 2 redacted snapshots (2025-05-31, 2025-06-30), a history shared with pseudonyms for the names; this build, without --redact, would put the real names beside them: add --redact (with the config's redaction.salt), or build it into an --out of its own, with --snapshots of snapshots built without --redact only, or --snapshot --new-history to start its own history\n",
      );
    }
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
    const ko = await run(args('2025-06-30', '--out', 'fresh', '--snapshots', 'store', '--lang', 'ko'));
    expect(ko.stderr).toBe(
      'build: store에 가명으로 바꾼(--redact) 스냅숏 2개가 있습니다(2025-05-31, 2025-06-30). 이름을 가명으로 공유하는 기록입니다. --redact가 없는 이 빌드는 그 옆에 실명을 싣게 됩니다. --redact를 주거나(설정의 redaction.salt와 함께), 전용 --out에 빌드하되, --redact 없이 빌드한 스냅숏만 든 --snapshots를 주거나 --snapshot --new-history로 자체 기록을 새로 시작하세요\n',
    );
    // With --redact it carries them; a history of its own with the real names is fine.
    expect((await run(args('2025-07-31', '--out', 'fresh', '--snapshots', 'store', '--redact', '--snapshot'))).code).toBe(0);
    expect((await run(args('2025-06-30', '--out', 'site', '--snapshot', '--new-history'))).code).toBe(0);
  });

  it('never carries an earlier snapshot with amounts less rounded than its --redact-amounts band; says how to go on with one made before the band was recorded', async () => {
    const dir = tempDir();
    const data = saltedCopy(HUBSPOT, dir);
    const { args, run } = hubspotBuilds(dir);
    const manifestOf = (out: string, date: string) => JSON.parse(readFileSync(join(dir, out, 'snapshots', date, 'snapshot.json'), 'utf8'));
    // Each snapshot says its band: exact (null) or the band.
    expect((await run(args('2025-05-31', '--out', 'exact', '--redact', '--snapshot', '--new-history'))).code).toBe(0);
    expect(manifestOf('exact', '2025-05-31')).toMatchObject({ redacted: true, amount_band: null });
    expect((await run(args('2025-05-31', '--out', 'coarse', '--redact', '--redact-amounts', '100000', '--snapshot', '--new-history'))).code).toBe(0);
    expect(manifestOf('coarse', '2025-05-31')).toMatchObject({ redacted: true, amount_band: 100000 });

    // Exact amounts (or a finer band) into a rounded site: refused, --out untouched, nothing written.
    const before = hashTree(join(dir, 'exact'));
    for (const argv of [args('2025-06-30', '--out', 'exact', '--redact', '--redact-amounts', '10000'), args('2025-06-30', '--out', 'shared', '--redact', '--redact-amounts', '10000', '--snapshot', '--snapshots', 'exact/snapshots')]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^build: --redact-amounts 10000: exact\/snapshots has a redacted snapshot with amounts less rounded than this build's \(2025-05-31: exact amounts\), which an output of amounts rounded to 10000 would carry: build it into an --out of its own, .*--new-history to start its own history; or build with the band of those snapshots\n$/u);
    }
    expect(hashTree(join(dir, 'exact'))).toEqual(before);
    expect(existsSync(join(dir, 'shared'))).toBe(false);
    // The band in the config counts as --redact-amounts does.
    const configPath = join(data, 'pipeline.config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    writeFileSync(configPath, JSON.stringify({ ...config, redaction: { ...config.redaction, amount_band: 10000 } }));
    expect((await run(args('2025-06-30', '--out', 'exact', '--redact'))).stderr).toMatch(/^build: --redact-amounts 10000: exact\/snapshots has a redacted snapshot with amounts less rounded/u);
    writeFileSync(configPath, JSON.stringify(config));
    expect(hashTree(join(dir, 'exact'))).toEqual(before);
    // A larger or the same band is carried; an exact build carries any redacted snapshot.
    expect((await run(args('2025-06-30', '--out', 'coarse', '--redact', '--redact-amounts', '10000', '--snapshot'))).code).toBe(0);
    expect((await run(args('2025-07-31', '--out', 'coarse', '--redact', '--redact-amounts', '100000'))).code).toBe(1);
    expect((await run(args('2025-07-31', '--out', 'coarse', '--redact'))).code).toBe(0);

    // A redacted snapshot made before snapshots said their band: unknown, so refused for a rounded build, saying how to go on.
    const old = join(dir, 'old', '2025-05-31');
    cpSync(join(dir, 'coarse', 'snapshots', '2025-05-31'), old, { recursive: true });
    const { amount_band: _band, ...unsaid } = manifestOf('coarse', '2025-05-31');
    writeFileSync(join(old, 'snapshot.json'), JSON.stringify(unsaid));
    const r = await run(args('2025-06-30', '--out', 'from-old', '--redact', '--redact-amounts', '10000', '--snapshots', 'old'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^build: --redact-amounts 10000: old has a redacted snapshot \(2025-05-31\) made before snapshots recorded their amount band, so they may show amounts less rounded than this build's: if they were built with a band of 10000 or more, add "amount_band": <that band> to their snapshot\.json where you keep them; otherwise .*--new-history to start its own history\n$/u,
    );
    expect(existsSync(join(dir, 'from-old'))).toBe(false);
    // An exact redacted build carries it; with its band said, so does the rounded one.
    expect((await run(args('2025-06-30', '--out', 'from-old', '--redact', '--snapshots', 'old'))).code).toBe(0);
    writeFileSync(join(old, 'snapshot.json'), JSON.stringify({ ...unsaid, amount_band: 100000 }));
    expect((await run(args('2025-06-30', '--out', 'from-old-2', '--redact', '--redact-amounts', '10000', '--snapshots', 'old'))).code).toBe(0);
  });

  it('refuses --redact without a salt (exit 1, saying how to add one) and leaves --out alone', async () => {
    const dir = tempDir();
    cpSync(HUBSPOT, join(dir, 'data'), { recursive: true });
    const f = fakeIO(dir);
    expect(await build(['--data', 'data', ...HUBSPOT_ARGS, '--out', 'site', '--quiet', '--redact'], f.io, deps(join(dir, '.cache')))).toBe(1);
    expect(f.stderr()).toMatch(/^build: pipeline\.config\.json: redaction\.salt: --redact needs a secret salt.*"redaction": \{ "salt": /u);
    expect(f.stderr().trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  it('bad redaction arguments are usage errors (exit 2)', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    for (const [args, message] of [
      [['--redact-amounts', '1000'], /--redact-amounts rounds the amounts of a redacted build: give --redact too/u],
      [['--redact', '--redact-amounts', '0'], /--redact-amounts must be a whole number of at least 1/u],
      [['--redact', '--redact-amounts', 'ten'], /--redact-amounts must be a whole number/u],
    ] as const) {
      const f = fakeIO(dir);
      expect(await build(['--data', 'data', '--out', 'site', ...args], f.io, deps(join(dir, '.cache')))).toBe(2);
      expect(f.stderr()).toMatch(message);
      const m = fakeIO(dir);
      expect(await metrics(['--data', 'data', ...args], m.io)).toBe(2);
      expect(m.stderr()).toMatch(message);
    }
  });
});

describe('metrics --redact', () => {
  it('writes the metrics with pseudonyms and the same numbers', async () => {
    const dir = tempDir();
    saltedCopy(HUBSPOT, dir);
    const plain = fakeIO(dir);
    const redacted = fakeIO(dir);
    expect(await metrics(['--data', 'data', ...HUBSPOT_ARGS], plain.io)).toBe(0);
    expect(await metrics(['--data', 'data', ...HUBSPOT_ARGS, '--redact'], redacted.io), redacted.stderr()).toBe(0);
    expect(plain.stdout()).toContain('Dana Whitfield');
    expect(redacted.stdout()).not.toContain('Dana Whitfield');
    expect(redacted.stdout()).toMatch(/Owner [0-9a-f]{6}/u);
    expect(numbers(JSON.parse(redacted.stdout()))).toEqual(numbers(JSON.parse(plain.stdout())));
  });
});

/** Builds of the salted HubSpot copy in `dir` as of a date (`args`), run in-process (`run`). */
function hubspotBuilds(dir: string) {
  const args = (asOf: string, ...more: string[]) => ['--data', 'data', '--format', 'hubspot', '--pipeline', 'Sales Pipeline', '--as-of', asOf, '--quiet', ...more];
  const run = async (argv: string[]) => {
    const f = fakeIO(dir);
    const code = await build(argv, f.io, deps(join(dir, '.cache')));
    return { code, stderr: f.stderr() };
  };
  return { args, run };
}
