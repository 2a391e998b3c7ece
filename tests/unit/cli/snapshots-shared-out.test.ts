/**
 * Dated snapshots where the output is shared or kept by hand: two builds
 * into one --out at once (a cron job and a run by hand) never drop the
 * other's snapshot silently, and a snapshot.json edited by hand is named
 * with what is wrong in it. In-process, with a stand-in for `astro build`
 * as in snapshots.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type RenderOptions } from '../../../scripts/build.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, fakeIO, hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

async function pages({ outDir, base = '/' }: RenderOptions): Promise<void> {
  for (const [file, text] of [
    ['index.html', `<a href="${base}en/">en</a>`],
    ['en/index.html', `<a href="${base}en/snapshots/">snapshots</a>`],
  ] as const) {
    mkdirSync(join(outDir, dirname(file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
  }
}

function workspace() {
  const dir = tempDir();
  copyFixture('spec-example', dir);
  return { dir, cache: join(dir, '.cache') };
}

async function build(dir: string, cache: string, args: string[], render: (o: RenderOptions) => Promise<void> = pages) {
  const f = fakeIO(dir);
  const code = await main(['--data', 'data', '--quiet', '--out', 'site', ...args], f.io, { readFolder, render, cacheDir: cache });
  return { code, stderr: f.stderr() };
}

const snapshotsOf = (dir: string) => readdirSync(join(dir, 'site', 'snapshots')).sort();

describe('two builds into one --out at once', () => {
  it('the one that finishes second stops (exit 1) rather than drop the snapshot the other added; the output keeps it', async () => {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-04-30', '--snapshot', '--new-history'])).code).toBe(0);
    let other: Awaited<ReturnType<typeof build>> | undefined;
    // While the first renders, a second build adds its snapshot to the same --out and finishes.
    const first = await build(dir, cache, ['--as-of', '2025-05-31', '--snapshot'], async (options) => {
      other = await build(dir, join(dir, '.cache2'), ['--as-of', '2025-06-30', '--snapshot']);
      await pages(options);
    });
    expect(other).toEqual({ code: 0, stderr: '' });
    const after = hashTree(join(dir, 'site'));
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /^build: site gained a snapshot while this build ran \(2025-06-30\), which this build does not have: another build wrote site meanwhile\? Nothing was replaced; run this build again\n$/u,
    );
    expect(snapshotsOf(dir)).toEqual(['2025-04-30', '2025-06-30']);
    expect(hashTree(join(dir, 'site'))).toEqual(after);
    expect(readdirSync(dir).filter((n) => n.includes('pipescope-tmp'))).toEqual([]);
    // Run again, it keeps both.
    expect((await build(dir, cache, ['--as-of', '2025-05-31', '--snapshot'])).code).toBe(0);
    expect(snapshotsOf(dir)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
  });
});

describe('a snapshot.json edited by hand', () => {
  async function withEdited(edit: (text: string) => string | null) {
    const { dir, cache } = workspace();
    expect((await build(dir, cache, ['--as-of', '2025-04-30', '--snapshot', '--new-history'])).code).toBe(0);
    const file = join(dir, 'site', 'snapshots', '2025-04-30', 'snapshot.json');
    const text = edit(readFileSync(file, 'utf8'));
    if (text === null) rmSync(file);
    else writeFileSync(file, text);
    const before = hashTree(join(dir, 'site'));
    const r = await build(dir, cache, ['--as-of', '2025-05-31', '--snapshot']);
    // Refused, it changes nothing.
    if (r.code !== 0) expect(hashTree(join(dir, 'site'))).toEqual(before);
    return { ...r, dir };
  }

  it('a JSON syntax error is named with its line and column (exit 1, nothing replaced)', async () => {
    // A comma left after the last figure, as when a key is added by hand at the end.
    const r = await withEdited((t) => t.replace(/("stalled_count": \d+)\n/u, '$1,\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^build: site\/snapshots\/2025-04-30\/snapshot\.json: not valid JSON: .*\(line 2\d column 3\)/u);
  });

  it('a value of the wrong kind is named by its key', async () => {
    const r = await withEdited((t) => t.replace(/"open_count": (\d+)/u, '"open_count": "$1"'));
    expect(r.code).toBe(1);
    // Where it is, what was written and what to write, as a config's problems are said.
    expect(r.stderr).toMatch(
      /^build: site\/snapshots\/2025-04-30\/snapshot\.json: figures\.open_count at line 14 column 19: must be a number, not the text "(\d+)": write \1 \(without quotes\): is site\/snapshots\/2025-04-30 a snapshot\?\n$/u,
    );
  });

  it('one saved with a byte order mark (Notepad) is read as it is; a missing one is named as missing', async () => {
    const bom = await withEdited((t) => `\uFEFF${t}`);
    expect(bom.code).toBe(0);
    expect(snapshotsOf(bom.dir)).toEqual(['2025-04-30', '2025-05-31']);
    const r = await withEdited(() => null);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('build: site/snapshots/2025-04-30 is not a snapshot: it has no snapshot.json\n');
  });
});
