/**
 * An interrupted build removes what it made (scripts/lib/interrupt.ts), and
 * a later build removes what one killed outright left (out-dir.ts), or puts
 * back the output it was swapping out (interrupted-swap.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, PROJECT_ROOT, type RenderOptions } from '../../../scripts/build.ts';
import { removeStagingOf, removeStaleStaging, STALE_FOLDER_MS } from '../../../scripts/lib/out-dir.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, fakeIO, FIXTURES, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const leftovers = (out: string) => readdirSync(dirname(out)).filter((n) => n.includes('pipescope-tmp'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` every 10 ms, for at most `ms`; its last answer. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(10)) if (done()) return true;
  return done();
}

describe('onInterrupt', () => {
  const INTERRUPT = join(PROJECT_ROOT, 'scripts/lib/interrupt.ts');
  /** A process that registers a cleanup (writing `marker`), maybe releases it, then signals itself. */
  const run = (marker: string, release: boolean, signal: 'SIGINT' | 'SIGTERM') =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { writeFileSync } from 'node:fs';
         const { onInterrupt } = await import(${JSON.stringify(INTERRUPT)});
         const release = onInterrupt(() => writeFileSync(${JSON.stringify(marker)}, 'cleaned'));
         ${release ? 'release();' : ''}
         process.kill(process.pid, '${signal}');
         setTimeout(() => process.exit(5), 2000);`,
      ],
      { encoding: 'utf8' },
    );

  it('runs the cleanups, then the process still ends by the signal', () => {
    const dir = tempDir();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const marker = join(dir, signal);
      const r = run(marker, false, signal);
      expect(r.stderr).toBe('');
      expect(r.signal).toBe(signal);
      expect(existsSync(marker)).toBe(true);
    }
  });

  it('a released cleanup is not run, and the signal keeps its default action', () => {
    const marker = join(tempDir(), 'released');
    const r = run(marker, true, 'SIGTERM');
    expect(r.signal).toBe('SIGTERM');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('build: interrupted', () => {
  it('SIGTERM while it builds: the process ends by it, and no folder is left beside --out (its extraction process removes its own)', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const out = join(dir, basename(dir));
    const siteData = join(PROJECT_ROOT, '.cache', `site-data-${basename(dir)}.json`);
    const child = spawn(process.execPath, ['scripts/launch.mjs', 'build', '--data', join(FIXTURES, 'spec-example', 'data'), '--as-of', '2025-06-30', '--out', out, '--no-cache', '--quiet'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    try {
      // Astro's folder is made beside --out as soon as the extraction starts; the extraction's own a little later.
      expect(await until(() => leftovers(out).length >= 1, 60_000)).toBe(true);
      await until(() => leftovers(out).length >= 2, 1_000);
      child.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
      expect(stderr).toBe('');
      // The extraction process handles the signal once its work yields.
      expect(await until(() => leftovers(out).length === 0, 20_000)).toBe(true);
      expect(existsSync(out)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      rmSync(siteData, { force: true });
      rmSync(siteData.replace(/\.json$/u, '.accounts.jsonl'), { force: true });
    }
  });
});

describe('build: its log read no further (`2>&1 | head -1`)', () => {
  it('finishes the build (exit 0, the output in place, no folder left beside --out), where it ended halfway on EPIPE', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const out = join(dir, basename(dir));
    const siteData = join(PROJECT_ROOT, '.cache', `site-data-${basename(dir)}.json`);
    const child = spawn(process.execPath, ['scripts/launch.mjs', 'build', '--data', join(FIXTURES, 'spec-example', 'data'), '--as-of', '2025-06-30', '--out', out, '--no-cache', '--lang', 'en'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ended = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    let first = '';
    try {
      // The reader takes the first line, then goes away: every later line is written into a closed pipe.
      first = await new Promise<string>((resolve) => child.stderr.once('data', (d: Buffer) => (child.stderr.destroy(), resolve(d.toString()))));
      expect(first).toMatch(/^build: 24 deals as of 2025-06-30/u);
      expect(await ended).toBe(0);
      expect(JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'))).toMatchObject({ as_of: '2025-06-30' });
      expect(existsSync(join(out, 'en', 'funnel', 'index.html'))).toBe(true);
      expect(leftovers(out)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(siteData, { force: true });
      rmSync(siteData.replace(/\.json$/u, '.accounts.jsonl'), { force: true });
    }
  });
});

describe('build: killed outright (SIGKILL) between moving --out aside and moving its new output in', () => {
  it('--out is missing until the next build, which puts the previous output back with what was added to it, says so, and replaces it', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    const cache = join(dir, '.cache');
    const out = join(dir, 'site');
    const render = async ({ outDir }: RenderOptions) => {
      mkdirSync(join(outDir, 'en'), { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<meta http-equiv="refresh" content="0; url=en/">');
      writeFileSync(join(outDir, 'en', 'index.html'), '<h1>2025-06-30</h1>');
    };
    const build = async (asOf: string) => {
      const f = fakeIO(dir);
      const code = await main(['--data', 'data', '--as-of', asOf, '--out', 'site'], f.io, { readFolder, render, cacheDir: cache });
      return { code, stderr: f.stderr() };
    };
    expect((await build('2025-05-31')).code).toBe(0);
    writeFileSync(join(out, 'CNAME'), 'pipeline.example.com\n');
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'tests/support/build-stopped-at-swap.ts'), dir, 'data', 'site', cache, '--as-of', '2025-06-30', '--quiet'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    try {
      expect(await until(() => stdout.includes('between the renames\n') || child.exitCode !== null, 50_000), stderr).toBe(true);
      expect(stdout, stderr).toBe('between the renames\n');
      child.kill('SIGKILL');
      expect(await ended).toBe('SIGKILL');
    } finally {
      child.kill('SIGKILL');
    }
    const old = `.site.pipescope-tmp-${child.pid}-`;
    expect(existsSync(out)).toBe(false);
    const aside = leftovers(out).filter((n) => n.startsWith(old) && n.endsWith('-old'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    const next = await build('2025-06-30');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr.split('\n')[0]).toBe(
      `build: site/ was missing: a build stopped outright (process ${child.pid}) had moved it to ${aside[0]} to swap in its own output; put it back, with 2 entries added to it (.git, CNAME)`,
    );
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('pipeline.example.com\n');
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(readFileSync(join(out, 'en', 'index.html'), 'utf8')).toBe('<h1>2025-06-30</h1>');
    expect(leftovers(out).filter((n) => n.endsWith('-old'))).toEqual([]);
  });
});

describe('removeStaleStaging: what a build killed outright left beside --out', () => {
  it('removes its folders over a day old whose process is gone; keeps fresh ones, running ones, outputs a build was replacing (interrupted-swap.ts), and anything else', () => {
    const dir = tempDir();
    const out = join(dir, 'site');
    const now = Date.now();
    const old = (now - STALE_FOLDER_MS - 60_000) / 1000;
    const make = (name: string, ageSeconds = old, file = false) => {
      const path = join(dir, name);
      if (file) writeFileSync(path, 'x');
      else mkdirSync(join(path, 'en'), { recursive: true });
      utimesSync(path, ageSeconds, ageSeconds);
    };
    make('.site.pipescope-tmp-111-0a1b2c3d'); // stale, its process gone: removed
    make('.site.pipescope-tmp-111-0a1b2c3d-old'); // the output it was replacing: not its to decide, kept
    make('.site.pipescope-tmp-222-0a1b2c3d'); // its process still runs: kept
    make('.site.pipescope-tmp-111-99999999', now / 1000); // fresh: kept
    make('.site.pipescope-tmp-111-0a1b2c3d.txt', old, true); // not one of its names: kept
    make('.other.pipescope-tmp-111-0a1b2c3d'); // another --out's: kept
    make('.site.pipescope-tmp-11x-0a1b2c3d'); // not a pid: kept
    make('.site.pipescope-tmp-333-0a1b2c3e', old, true); // a file: kept
    const removed = removeStaleStaging(nodeFs, out, now, (pid) => pid === 222);
    expect(removed.sort()).toEqual(['.site.pipescope-tmp-111-0a1b2c3d']);
    expect(readdirSync(dir).sort()).toEqual([
      '.other.pipescope-tmp-111-0a1b2c3d',
      '.site.pipescope-tmp-111-0a1b2c3d-old',
      '.site.pipescope-tmp-111-0a1b2c3d.txt',
      '.site.pipescope-tmp-111-99999999',
      '.site.pipescope-tmp-11x-0a1b2c3d',
      '.site.pipescope-tmp-222-0a1b2c3d',
      '.site.pipescope-tmp-333-0a1b2c3e',
    ]);
  });

  it("removeStagingOf: a stopped process's own folders beside --out, however new, and no other", () => {
    const dir = tempDir();
    for (const name of ['.site.pipescope-tmp-42-0a1b2c3d', '.site.pipescope-tmp-42-0a1b2c3d-old', '.site.pipescope-tmp-421-0a1b2c3d', '.site.pipescope-tmp-4-0a1b2c3d', '.other.pipescope-tmp-42-0a1b2c3d', 'site']) {
      mkdirSync(join(dir, name));
    }
    expect(removeStagingOf(nodeFs, join(dir, 'site'), 42).sort()).toEqual(['.site.pipescope-tmp-42-0a1b2c3d', '.site.pipescope-tmp-42-0a1b2c3d-old']);
    expect(readdirSync(dir).sort()).toEqual(['.other.pipescope-tmp-42-0a1b2c3d', '.site.pipescope-tmp-4-0a1b2c3d', '.site.pipescope-tmp-421-0a1b2c3d', 'site']);
  });

  it('a missing parent folder: nothing to remove', () => {
    expect(removeStaleStaging(nodeFs, join(tempDir(), 'no', 'site'), Date.now(), () => false)).toEqual([]);
  });
});
