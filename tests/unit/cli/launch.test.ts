/**
 * scripts/launch.mjs (`npm run metrics`): the command compiled into bundles
 * gives what it gives from its TypeScript sources, starts its worker thread
 * from the bundle, and is compiled again when a source changes.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { siblingModule } from '../../../src/lib/ingest/sibling-module.ts';
import { PROJECT_ROOT, projectRootOf } from '../../../scripts/lib/project.ts';
import { commandLine, exitOnceFlushed } from '../../../scripts/launch.mjs';
import { COMMANDS } from '../../../scripts/lib/cli-bundles.mjs';

// Inside the project: the bundles find their packages in its node_modules.
const CACHE = join('.cache', `launch-test-${process.pid}`);
const DATA = join(PROJECT_ROOT, '.cache', `launch-test-data-${process.pid}`);
afterAll(() => {
  rmSync(join(PROJECT_ROOT, CACHE), { recursive: true, force: true });
  rmSync(DATA, { recursive: true, force: true });
});

function metrics(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/launch.mjs', 'metrics', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, PIPESCOPE_CLI_CACHE: CACHE, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const record = () => JSON.parse(readFileSync(join(PROJECT_ROOT, CACHE, 'metrics.json'), 'utf8')) as { dir: string; inputs: [string, number, number][] };

/** A bundle folder's modules: what each imports, and the sources (and packages) each was made from. */
function bundleFiles(bundle: string) {
  const read = (file: string) => readFileSync(join(bundle, file), 'utf8');
  /** `file` and the chunks it imports and theirs, statically or not, but for `skip`. */
  const reach = (file: string, skip: string | null = null, seen = new Set<string>()): Set<string> => {
    if (seen.has(file) || file === skip) return seen;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.mjs)"/gu)) reach(m[1]!, skip, seen);
    return seen;
  };
  const sourcesOf = (files: Set<string>) => [...files].flatMap((file) => [...read(file).matchAll(/^\/\/ (src\/\S+\.ts$|node_modules\/[^/\s]+)/gmu)].map((m) => m[1]!));
  return { read, reach, sourcesOf };
}

/** A folder whose stage_history.csv (~9 MB) is over the size read on a worker thread (8 MB). */
function largeHistoryFolder(): string {
  mkdirSync(DATA, { recursive: true });
  const deals = ['deal_id,account_id,owner,amount,created_at,stage'];
  const history = ['deal_id,stage,entered_at'];
  for (let d = 0; d < 10_000; d++) {
    deals.push(`D-${d},A-${d % 97},Owner ${d % 7},${(d % 50) * 1000},2025-01-02T09:00:00Z,qualification`);
    for (let k = 0; k < 25; k++) history.push(`D-${d},${k % 2 === 0 ? 'prospect' : 'qualification'},2025-01-${String(2 + (k % 27)).padStart(2, '0')}T10:00:00Z`);
  }
  writeFileSync(join(DATA, 'deals.csv'), `${deals.join('\n')}\n`);
  writeFileSync(join(DATA, 'stage_history.csv'), `${history.join('\n')}\n`);
  expect(statSync(join(DATA, 'stage_history.csv')).size).toBeGreaterThan(8 * 1024 * 1024);
  return DATA;
}

/**
 * For the tests that start Node processes one after another, each reading or allocating hundreds of
 * megabytes: 17 s and 38 s when CI ran the suite on a loaded 2-core machine, past vitest's 20 s (a
 * test that blocks the thread fails once it returns late).
 */
const PROCESSES_TIMEOUT = 120_000;

describe('npm run metrics, compiled (scripts/launch.mjs)', () => {
  it('gives the bytes the sources give, with stage history read on the bundled worker thread', { timeout: PROCESSES_TIMEOUT }, () => {
    const folder = largeHistoryFolder();
    const args = ['--data', folder, '--as-of', '2025-06-30', '--out', '-', '--timings', '--quiet'];
    const compiled = metrics(args);
    expect(compiled.stderr).toMatch(/"history_thread":true/u);
    expect(compiled.status).toBe(0);
    const sources = metrics(args, { PIPESCOPE_FROM_SOURCES: '1' });
    expect(sources.status).toBe(0);
    expect(sources.stderr).toMatch(/"history_thread":true/u);
    expect(compiled.stdout).toBe(sources.stdout);
    // Every row read and used: 10,000 open deals with 25 stage rows each.
    const output = JSON.parse(compiled.stdout);
    expect(output.data_quality.files['deals.csv']).toEqual({ rows: 10_000, accepted: 10_000, rejected: 0 });
    expect(output.data_quality.files['stage_history.csv']).toEqual({ rows: 250_000, accepted: 250_000, rejected: 0 });
    expect(output.pipeline.open_count).toBe(10_000);

    // The bundles and the sources they were made from.
    const { dir, inputs } = record();
    const paths = inputs.map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(['scripts/metrics.ts', 'src/lib/ingest/history-thread-worker.ts', 'src/lib/ingest/read-split-worker.ts', 'src/lib/metrics/index.ts']));
    for (const [path, size] of inputs) expect(statSync(join(PROJECT_ROOT, path)).size).toBe(size);
    const bundle = join(PROJECT_ROOT, CACHE, dir);
    // The entries, and the code they share in chunks beside them (where a worker is looked for).
    const files = readdirSync(bundle).sort();
    expect(files.filter((f) => !f.startsWith('chunk-'))).toEqual(['history-thread-worker.mjs', 'history-thread-worker.mjs.map', 'metrics.mjs', 'metrics.mjs.map', 'read-split-worker.mjs', 'read-split-worker.mjs.map']);
    expect(files.filter((f) => f.startsWith('chunk-')).every((f) => /^chunk-[A-Z0-9]+\.mjs(\.map)?$/u.test(f))).toBe(true);
    // Source maps, so that an internal error's stack names the TypeScript sources.
    const map = JSON.parse(readFileSync(join(bundle, 'metrics.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('scripts/metrics.ts'))).toBe(true);
    // Where the bundled code looks for its workers.
    const base = pathToFileURL(join(bundle, 'metrics.mjs')).href;
    for (const worker of ['history-thread-worker', 'read-split-worker']) expect(existsSync(siblingModule(worker, base))).toBe(true);
  });

  it('compiles again when a source no longer matches its record, and otherwise reuses the bundle', () => {
    expect(metrics(['--help']).status).toBe(0);
    const path = join(PROJECT_ROOT, CACHE, 'metrics.json');
    const before = readFileSync(path, 'utf8');
    const reused = metrics(['--help']);
    expect(reused.stdout).toMatch(/^usage: npm run --silent metrics/u);
    expect(readFileSync(path, 'utf8')).toBe(before);
    // A record saying scripts/metrics.ts had another size: that source changed since.
    const stale = record();
    const entry = stale.inputs.find(([p]) => p === 'scripts/metrics.ts')!;
    entry[1] += 1;
    writeFileSync(path, JSON.stringify(stale));
    expect(metrics(['--help']).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('finds a worker beside its module: .ts among the sources, .mjs in a bundle', () => {
    expect(siblingModule('w', 'file:///p/src/lib/ingest/history-thread.ts', {}).href).toBe('file:///p/src/lib/ingest/w.ts');
    expect(siblingModule('w', 'file:///p/cache/metrics-0123/metrics.mjs', {}).href).toBe('file:///p/cache/metrics-0123/w.mjs');
  });

  it('from the sources, starts a worker from the bundles PIPESCOPE_WORKER_BUNDLES names when they hold it (the tests set it)', () => {
    const bundles = process.env.PIPESCOPE_WORKER_BUNDLES;
    expect(bundles, 'set by tests/support/worker-bundles.ts').toBeTruthy();
    const env = { PIPESCOPE_WORKER_BUNDLES: bundles };
    const fromSources = pathToFileURL(join(PROJECT_ROOT, 'src/lib/ingest/history-thread.ts')).href;
    expect(siblingModule('history-thread-worker', fromSources, env).href).toBe(pathToFileURL(join(bundles!, 'history-thread-worker.mjs')).href);
    // One the folder lacks (the build's extract process) starts from its source; a bundle's own workers stay beside it.
    expect(siblingModule('extract-process', fromSources, env).href).toBe(pathToFileURL(join(PROJECT_ROOT, 'src/lib/ingest/extract-process.ts')).href);
    expect(siblingModule('w', 'file:///p/cache/metrics-0123/metrics.mjs', env).href).toBe('file:///p/cache/metrics-0123/w.mjs');
  });

  it('runs from the sources when its cache cannot be written', () => {
    // A file where the cache folder would be: no folder can be made under it.
    const blocked = join('.cache', `launch-test-file-${process.pid}`);
    writeFileSync(join(PROJECT_ROOT, blocked), '');
    try {
      const r = metrics(['--help'], { PIPESCOPE_CLI_CACHE: join(blocked, 'cache') });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^usage: npm run --silent metrics/u);
      expect(r.stderr).toBe('');
    } finally {
      rmSync(join(PROJECT_ROOT, blocked));
    }
  });

  it('compiles the build with its extract process and workers as entries, which find the project from their folder', () => {
    const r = spawnSync(process.execPath, ['scripts/launch.mjs', 'build', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, PIPESCOPE_CLI_CACHE: CACHE } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run build/u);
    const { dir } = JSON.parse(readFileSync(join(PROJECT_ROOT, CACHE, 'build.json'), 'utf8')) as { dir: string };
    const bundle = join(PROJECT_ROOT, CACHE, dir);
    const entries = readdirSync(bundle).filter((f) => f.endsWith('.mjs') && !f.startsWith('chunk-'));
    expect(entries.sort()).toEqual(['build.mjs', 'extract-process.mjs', 'file-writer-worker.mjs', 'history-thread-worker.mjs', 'read-split-worker.mjs']);
    // scripts/lib/project.ts: the nearest folder with a package.json, from a bundle as from the sources.
    expect(projectRootOf(join(bundle, 'build.mjs'))).toBe(PROJECT_ROOT);
    expect(projectRootOf(join(PROJECT_ROOT, 'scripts', 'lib', 'project.ts'))).toBe(PROJECT_ROOT);
  });

  it('bundles zod into the metrics command: no package is loaded from node_modules at each start', () => {
    expect(metrics(['--help']).status).toBe(0);
    const bundle = join(PROJECT_ROOT, CACHE, record().dir);
    const text = readdirSync(bundle)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(bundle, f), 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/from\s*"zod"/u);
    expect(record().inputs.some(([path]) => path.startsWith('node_modules/zod/'))).toBe(true);
    // zod's messages in English only (launch.mjs `zodEnglishOnly`): its 63 other languages were half of zod's bundle.
    expect(record().inputs.filter(([path]) => path.startsWith('node_modules/zod/v4/locales/')).map(([path]) => path)).toEqual(['node_modules/zod/v4/locales/en.js']);
    expect(text).toMatch(/^\/\/ node_modules\/zod\/v4\/locales\/en\.js$/mu);
    expect(text).not.toMatch(/^\/\/ node_modules\/zod\/v4\/locales\/ko\.js$/mu);
    // V8's code for the bundles is kept beside them (unless the environment chose otherwise).
    const own = process.env.NODE_COMPILE_CACHE === undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined;
    expect(existsSync(join(PROJECT_ROOT, CACHE, 'v8'))).toBe(own);
  });

  it("leaves the config's schema out of the stage-history thread's modules (building it cost that thread ~30 ms at each start)", () => {
    expect(metrics(['--help']).status).toBe(0);
    const bundle = bundleFiles(join(PROJECT_ROOT, CACHE, record().dir));
    // The worker's modules: its file and every chunk it imports, statically or not.
    const sources = bundle.sourcesOf(bundle.reach('history-thread-worker.mjs'));
    expect(sources).toContain('src/lib/ingest/history-prepass.ts');
    expect(sources).toContain('src/lib/ingest/stage-names.ts');
    expect(sources).not.toContain('src/lib/ingest/config.ts');
  });

  it("loads neither zod nor deals.csv's reader in the stage-history thread before its job (391 KB of the 616 KB it loaded while the job waited)", () => {
    expect(metrics(['--help']).status).toBe(0);
    const bundle = bundleFiles(join(PROJECT_ROOT, CACHE, record().dir));
    // The one module the thread imports only once it has claimed accounts.csv and targets.csv (whose readers may need zod).
    const lazy = [...bundle.read('history-thread-worker.mjs').matchAll(/await import\("\.\/([^"]+\.mjs)"\)/gu)].map((m) => m[1]!);
    expect(lazy).toHaveLength(1);
    expect(bundle.sourcesOf(bundle.reach(lazy[0]!))).toContain('src/lib/ingest/other-files-prepass.ts');
    const eager = bundle.sourcesOf(bundle.reach('history-thread-worker.mjs', lazy[0]!));
    expect(eager).toEqual(expect.arrayContaining(['src/lib/ingest/history-prepass.ts', 'src/lib/ingest/field-prepass.ts', 'src/lib/ingest/history-fast-path.ts']));
    for (const left of ['node_modules/zod', 'src/lib/ingest/row-validator.ts', 'src/lib/ingest/deals.ts', 'src/lib/ingest/prepass-finish.ts']) expect(eager).not.toContain(left);
  });

  // The machine's own Node (20 here) has no import.meta.main: the launcher used to end silently with status 0.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path) && Number(/^v(\d+)/u.exec(spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout)?.[1]) < 22);
  it.skipIf(oldNode === undefined)(`says which Node it needs when started by an older one (${oldNode ?? 'skipped: no Node older than 22 on this machine'})`, () => {
    const r = spawnSync(oldNode!, ['scripts/launch.mjs', 'metrics', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^launch: Pipescope needs Node >= 22\.18; this is v\d+\.\d+\.\d+\. Run it through npm/u);
  });

  it('runs with the same Node options from its npm script as in the benchmarks', { timeout: PROCESSES_TIMEOUT }, () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(COMMANDS.metrics.nodeFlags).toEqual(['--initial-old-space-size=1024', '--max-semi-space-size=16']);
    expect(COMMANDS.build.nodeFlags).toEqual(['--max-semi-space-size=16']);
    expect(pkg.scripts.metrics).toBe(['node', ...COMMANDS.metrics.nodeFlags, 'scripts/launch.mjs', 'metrics'].join(' '));
    expect(pkg.scripts.build).toBe(['node', ...COMMANDS.build.nodeFlags, 'scripts/launch.mjs', 'build'].join(' '));
    expect(commandLine('metrics', ['--help'])).toEqual([process.execPath, '--initial-old-space-size=1024', '--max-semi-space-size=16', join(PROJECT_ROOT, 'scripts', 'launch.mjs'), 'metrics', '--help']);
    // The young generation is held at 16 MB semi-spaces (Node 24's V8 would let it grow to 64 MB ones): its new
    // space, as large as it grows under much short-lived garbage, is 32-34 MB with the options, and this garbage
    // grows it past 64 MB where it may (128 MB without the options, on Node 24 on the project's machine).
    const churn = 'const v8 = require("v8"); let max = 0; const keep = []; for (let r = 0; r < 20; r++) { const t = []; for (let i = 0; i < 2e5; i++) t.push({ i, s: "x" + i }); keep.push(t[r]); max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size); } console.log(max / 1048576)';
    const youngMb = (flags: string[]) => Number(spawnSync(process.execPath, [...flags, '-e', churn], { encoding: 'utf8' }).stdout);
    expect(youngMb(['--max-semi-space-size=64'])).toBeGreaterThan(64);
    for (const flags of [COMMANDS.metrics.nodeFlags, COMMANDS.build.nodeFlags]) {
      expect(youngMb(flags)).toBeGreaterThanOrEqual(32);
      expect(youngMb(flags)).toBeLessThan(40);
    }
    // And the old generation starts large: a heap growing to ~600 MB of live objects takes at most one full
    // collection (none on Node 24), where it takes two without the options.
    const fill = 'const keep = []; for (let i = 0; i < 8e6; i++) keep.push({ i, s: "x" + i }); console.log(keep.length)';
    const fullCollections = (flags: string[]) => spawnSync(process.execPath, [...flags, '--trace-gc', '-e', fill], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes('Mark-Compact')).length;
    expect(fullCollections([])).toBeGreaterThan(1);
    expect(fullCollections(COMMANDS.metrics.nodeFlags)).toBeLessThanOrEqual(1);
  });

  it('ends its process only once standard output and error have taken what was written to them', async () => {
    expect(COMMANDS.metrics.exitWhenDone).toBe(true);
    expect(COMMANDS.build.exitWhenDone).toBe(false);
    // Streams that take a write only when told (a pipe written asynchronously).
    const taken: (() => void)[] = [];
    const slow = () => ({ write: (_chunk: string, done: () => void) => (taken.push(done), true) });
    const events: string[] = [];
    const ending = exitOnceFlushed([slow(), slow()], () => events.push('exit')).then(() => events.push('returned'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual([]);
    taken[0]!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual([]);
    taken[1]!();
    await ending;
    expect(events).toEqual(['exit', 'returned']);
  });

  it.runIf(existsSync('/dev/full'))('exits 1 when its standard output cannot be written (a full disk), naming the error', { timeout: PROCESSES_TIMEOUT }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ['scripts/launch.mjs', 'metrics', '--data', 'data/sample', '--as-of', '2026-06-30', '--out', '-', '--quiet'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
        env: { ...process.env, PIPESCOPE_CLI_CACHE: CACHE },
      });
      expect(r.stderr).toBe('metrics: cannot write standard output: no space left on the device (ENOSPC)\n');
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('names an unknown command', () => {
    const r = spawnSync(process.execPath, ['scripts/launch.mjs', 'nope'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('launch: no command "nope" (metrics, build)\n');
  });
});
