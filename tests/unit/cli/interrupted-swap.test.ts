/**
 * What a build killed outright while swapping its output into --out left
 * beside it, put right (scripts/lib/interrupted-swap.ts): the cases a build
 * (tests/unit/cli/build.test.ts) does not reach by itself.
 */
import * as nodeFs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverInterruptedSwap, type RecoverOptions } from '../../../scripts/lib/interrupted-swap.ts';
import { STALE_FOLDER_MS } from '../../../scripts/lib/out-dir.ts';
import { hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

/** Process 4194305 runs nowhere (above Linux's highest id). */
const GONE = 4194305;

/** A folder as a build leaves it: its files, and a manifest listing them (`files: null`: a manifest of an earlier version, which listed none). */
function output(dir: string, files: Record<string, string>, listed: string[] | null = Object.keys(files).sort()): void {
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const manifest = listed === null ? { as_of: '2025-06-30', inputs: {}, pages: 1, bytes: 1, timings_ms: {} } : { generator: 'pipescope', as_of: '2025-06-30', files: listed };
  writeFileSync(join(dir, 'build-manifest.json'), JSON.stringify(manifest));
}

function setup() {
  const dir = tempDir();
  const out = join(dir, 'site');
  const old = (pid = GONE, hex = '0a1b2c3d') => join(dir, `.site.pipescope-tmp-${pid}-${hex}-old`);
  const options = (more: Partial<RecoverOptions> = {}): RecoverOptions => ({ isRunning: () => false, now: Date.now(), show: (p) => relative(dir, p), ...more });
  return { dir, out, old, options };
}

/** The previous output, with a CNAME someone added, moved aside by a build (process `pid`) whose new output is in its staging folder. */
function stoppedBetween(old: string): void {
  output(old, { 'index.html': 'before', 'en/index.html': 'before' });
  writeFileSync(join(old, 'CNAME'), 'pipeline.example.com\n');
  output(old.slice(0, -'-old'.length), { 'index.html': 'after', 'en/index.html': 'after' });
}

describe('recoverInterruptedSwap: --out missing', () => {
  it('restoreOnly (preview): the output moved aside is put back, and nothing else is touched', () => {
    const { dir, out, old, options } = setup();
    stoppedBetween(old());
    const before = hashTree(old());
    // Another stopped build's output, beside a --out that was missing: not preview's to move or remove.
    output(old(GONE, '99999999'), { 'index.html': 'older' }, []);
    writeFileSync(join(old(GONE, '99999999'), 'notes.txt'), 'mine');
    const r = recoverInterruptedSwap(nodeFs, out, options({ restoreOnly: true }));
    expect(r.restored).toBe(true);
    expect(r.said).toEqual([
      {
        level: 'notice',
        text: `site/ was missing: a build stopped outright (process ${GONE}) had moved it to ${basename(old())} to swap in its own output; put it back, with an entry added to it (CNAME)`,
      },
    ]);
    expect(hashTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([basename(old()).slice(0, -4), basename(old(GONE, '99999999')), 'site']);
  });

  it('a build still running that moved it aside: refused (nothing moved), unless that was more than a day ago (its id since taken by another program)', () => {
    const { dir, out, old, options } = setup();
    stoppedBetween(old(process.pid));
    const before = readdirSync(dir).sort();
    const running = options({ isRunning: (pid) => pid === process.pid });
    expect(() => recoverInterruptedSwap(nodeFs, out, running)).toThrow(
      `site/ is missing: process ${process.pid}, still running, moved it to ${basename(old(process.pid))} to swap in its own output; run this again once that build has finished (if no build is running, process ${process.pid} is another program: rename ${basename(old(process.pid))} to site yourself)`,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    const dayLater = recoverInterruptedSwap(nodeFs, out, { ...running, now: Date.now() + STALE_FOLDER_MS + 60_000 });
    expect(dayLater.restored).toBe(true);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
  });

  it('several builds stopped between their renames: refused, naming each, nothing moved', () => {
    const { dir, out, old, options } = setup();
    stoppedBetween(old(GONE, '0a1b2c3d'));
    stoppedBetween(old(GONE - 1, '0a1b2c3e'));
    const before = hashTree(dir);
    expect(() => recoverInterruptedSwap(nodeFs, out, options())).toThrow(
      `site/ is missing, and 2 builds stopped while swapping in their output each left the output they were replacing beside it (${basename(old(GONE - 1, '0a1b2c3e'))}, ${basename(old(GONE, '0a1b2c3d'))}); rename the one to keep to site, then build again`,
    );
    expect(hashTree(dir)).toEqual(before);
  });
});

describe('recoverInterruptedSwap: --out is the output that replaced it', () => {
  it('restoreOnly (preview) moves nothing into an --out that exists', () => {
    const { dir, out, old, options } = setup();
    output(out, { 'index.html': 'after' });
    output(old(), { 'index.html': 'before' });
    writeFileSync(join(old(), 'CNAME'), 'pipeline.example.com\n');
    const before = hashTree(dir);
    expect(recoverInterruptedSwap(nodeFs, out, options({ restoreOnly: true }))).toEqual({ said: [], restored: false });
    expect(hashTree(dir)).toEqual(before);
  });

  it('an output of an earlier version (its manifest lists no files): what the new output does not write at the top is moved in, as the build told it apart', () => {
    const { out, old, options } = setup();
    output(out, { 'index.html': 'after', 'en/index.html': 'after' });
    output(old(), { 'index.html': 'before', 'en/index.html': 'before', 'en/old-page/index.html': 'before' }, null);
    writeFileSync(join(old(), 'mine.html'), 'mine');
    writeFileSync(join(old(), 'CNAME'), 'pipeline.example.com\n');
    const r = recoverInterruptedSwap(nodeFs, out, options());
    expect(r.said.map((s) => s.level)).toEqual(['notice', 'log']);
    expect(r.said[0]!.text).toBe(
      `moved 2 entries added to site/ (CNAME, mine.html) into it from ${basename(old())}, the output a build stopped outright (process ${GONE}) replaced before it had moved them over`,
    );
    expect(readFileSync(join(out, 'mine.html'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'en', 'old-page'))).toBe(false);
    expect(existsSync(old())).toBe(false);
  });

  it('an output of an earlier version beside one that lists no files either: it cannot tell what is whose, so the folder stays, said', () => {
    const { out, old, options } = setup();
    output(out, { 'index.html': 'after' }, null);
    output(old(), { 'index.html': 'before', 'mine.html': 'mine' }, null);
    const before = hashTree(old());
    const r = recoverInterruptedSwap(nodeFs, out, options());
    expect(r.said).toEqual([
      {
        level: 'warning',
        text: `${basename(old())} is an output a build was replacing when it stopped, and holds files that may be yours (it cannot tell which); move them where you want them, then remove that folder yourself`,
      },
    ]);
    expect(hashTree(old())).toEqual(before);
  });

  it('a file someone added to an earlier snapshot, which the new output carried with it byte for byte: already there, so the old output goes', () => {
    const { out, old, options } = setup();
    output(out, { 'index.html': 'after', 'snapshots/2025-05-31/index.html': 'may', 'snapshots/2025-05-31/notes.txt': 'mine' });
    output(old(), { 'index.html': 'before', 'snapshots/2025-05-31/index.html': 'may' });
    writeFileSync(join(old(), 'snapshots', '2025-05-31', 'notes.txt'), 'mine');
    const r = recoverInterruptedSwap(nodeFs, out, options());
    expect(r.said).toEqual([{ level: 'log', text: `removed ${basename(old())}, the rest of the output a build stopped outright (process ${GONE}) replaced, only files a build wrote` }]);
    expect(readFileSync(join(out, 'snapshots', '2025-05-31', 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(old())).toBe(false);
  });

  it('a build still running (and moved aside within the day): its folder is left alone', () => {
    const { dir, out, old, options } = setup();
    output(out, { 'index.html': 'after' });
    output(old(process.pid), { 'index.html': 'before' });
    writeFileSync(join(old(process.pid), 'CNAME'), 'pipeline.example.com\n');
    const before = hashTree(dir);
    expect(recoverInterruptedSwap(nodeFs, out, options({ isRunning: (pid) => pid === process.pid }))).toEqual({ said: [], restored: false });
    expect(hashTree(dir)).toEqual(before);
  });
});
