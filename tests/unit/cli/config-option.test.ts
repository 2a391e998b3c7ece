/**
 * `--config <file>` (build, metrics, dev): the config read instead of the data folder's
 * pipeline.config.json. A missing or unreadable file stops the run in one line naming it; a
 * data-folder config it replaces is said once; the build's cache key and manifest hold the
 * config actually read, so a changed external config is never served a stale build; the
 * reports' language and the redaction salt come from that file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { main as dev } from '../../../scripts/dev.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, errnoError, fakeIO, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';
const SALT = 'config-option-test-salt-5d1e';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// node:fs's own, for the facades below that change what one file gives.
const realOpen = nodeFs.openSync as (...args: unknown[]) => number;
const realRead = nodeFs.readSync as (...args: unknown[]) => number;

/** The spec example in data/, and a config kept apart in ci/pipescope.json (USD, Korean). */
function workspace(config: object = { currency: 'USD', locale: 'ko' }) {
  const dir = tempDir();
  const data = copyFixture('spec-example', dir);
  mkdirSync(join(dir, 'ci'));
  const configPath = join(dir, 'ci', 'pipescope.json');
  writeFileSync(configPath, JSON.stringify(config));
  return { dir, data, configPath };
}

async function runMetrics(cwd: string, ...args: string[]) {
  const f = fakeIO(cwd);
  const code = await metrics(['--as-of', AS_OF, ...args], f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('metrics --config', () => {
  it('reads the given config (a path relative to the working folder), and generated_from holds its hash', async () => {
    const ws = workspace();
    const r = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    expect(m.currency).toBe('USD');
    expect(m.generated_from['pipeline.config.json']).toBe(sha256(readFileSync(ws.configPath)));
  });

  it("says once that the data folder's own config is not read, and does not read it (an invalid one stops nothing), in the --config file's language or --lang's", async () => {
    const ws = workspace();
    writeFileSync(join(ws.data, 'pipeline.config.json'), '{ not json');
    const r = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('metrics: 설정은 --config로 준 ci/pipescope.json을 읽습니다. 데이터 폴더의 data/pipeline.config.json은 읽지 않습니다\n');
    expect(JSON.parse(r.stdout).currency).toBe('USD');
    const en = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('metrics: the config is ci/pipescope.json (--config); data/pipeline.config.json in the data folder is not read\n');
  });

  it("says nothing when --config is the data folder's config itself", async () => {
    const ws = workspace();
    writeFileSync(join(ws.data, 'pipeline.config.json'), '{"currency": "EUR"}');
    const r = await runMetrics(ws.dir, '--data', 'data', '--config', 'data/pipeline.config.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).currency).toBe('EUR');
  });

  it('a missing file, or a folder: exit 1, one line naming it as given, nothing written', async () => {
    const ws = workspace();
    const missing = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/missing.json', '--out', 'm.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('metrics: --config ci/missing.json: the file does not exist\n');
    const folder = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci', '--out', 'm.json');
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe('metrics: --config ci: it is a folder; give the config file in it\n');
    expect(existsSync(join(ws.dir, 'm.json'))).toBe(false);
  });

  it('a file the system will not read, or below a file: exit 1, one line saying why', async () => {
    const ws = workspace();
    const fs = { ...nodeFs, openSync: ((path: string, ...rest: unknown[]) => (path === ws.configPath ? (() => { throw errnoError('EACCES', 'open', path); })() : realOpen(path, ...rest))) as typeof nodeFs.openSync };
    const f = fakeIO(ws.dir, fs);
    expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--config', 'ci/pipescope.json'], f.io)).toBe(1);
    expect(f.stderr()).toBe('metrics: --config ci/pipescope.json: permission denied\n');
    const below = await runMetrics(ws.dir, '--data', 'data', '--config', 'data/deals.csv/pipescope.json');
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('metrics: --config data/deals.csv/pipescope.json: a part of its path is a file, not a folder\n');
  });

  it('a config that can be read only once (--config <(jq ...), /dev/stdin) is read once, and is the config throughout', async () => {
    const ws = workspace();
    const bytes = readFileSync(ws.configPath);
    // A pipe's reader gets its bytes once: every read after the first would find it empty.
    let opened = 0;
    const fs = {
      ...nodeFs,
      openSync: ((path: string, ...rest: unknown[]) => {
        if (path === ws.configPath) opened++;
        return realOpen(path, ...rest);
      }) as typeof nodeFs.openSync,
      readFileSync: ((path: string, ...rest: []) => (path === ws.configPath ? Buffer.alloc(0) : nodeFs.readFileSync(path, ...rest))) as typeof nodeFs.readFileSync,
    };
    const f = fakeIO(ws.dir, fs);
    expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--config', 'ci/pipescope.json'], f.io), f.stderr()).toBe(0);
    expect(opened).toBe(1);
    const m = JSON.parse(f.stdout());
    expect(m.currency).toBe('USD');
    expect(m.generated_from['pipeline.config.json']).toBe(sha256(bytes));
  });

  it('a config of more than 8 MB (an endless device such as /dev/zero) is refused after 8 MB, not read forever', async () => {
    const ws = workspace();
    // An endless device: every read fills the buffer.
    let served = 0;
    const fs = {
      ...nodeFs,
      openSync: ((path: string, ...rest: unknown[]) => (path === ws.configPath ? -42 : realOpen(path, ...rest))) as typeof nodeFs.openSync,
      readSync: ((fd: number, buffer: Uint8Array, ...rest: unknown[]) => (fd === -42 ? ((served += buffer.length), buffer.fill(0).length) : realRead(fd, buffer, ...rest))) as typeof nodeFs.readSync,
      closeSync: ((fd: number) => (fd === -42 ? undefined : nodeFs.closeSync(fd))) as typeof nodeFs.closeSync,
    };
    for (const lang of ['en', 'ko']) {
      served = 0;
      const f = fakeIO(ws.dir, fs);
      expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--config', 'ci/pipescope.json', '--lang', lang, '--out', 'm.json'], f.io)).toBe(1);
      expect(f.stderr()).toBe(
        lang === 'en'
          ? 'metrics: --config ci/pipescope.json: it holds more than 8 MB, which no config does; give the pipeline.config.json file\n'
          : 'metrics: --config ci/pipescope.json: 8 MB가 넘습니다. 그렇게 큰 설정 파일은 없으니 pipeline.config.json 파일을 지정하세요\n',
      );
      expect(served).toBeGreaterThan(8 * 1024 * 1024);
      expect(served).toBeLessThanOrEqual(8 * 1024 * 1024 + 64 * 1024);
    }
    expect(existsSync(join(ws.dir, 'm.json'))).toBe(false);
  });

  it('readFolder names a --config file gone by the time it reads it', async () => {
    const ws = workspace();
    await expect(readFolder(ws.data, { config: { path: join(ws.dir, 'gone.json'), name: 'gone.json' } })).rejects.toThrow(/^gone\.json: the file does not exist$/u);
    await expect(readFolder(ws.data, { config: { path: join(ws.dir, 'ci'), name: 'ci' } })).rejects.toThrow(/^ci: is a folder, not a config file$/u);
  });

  it('an invalid config is named as given to --config, with its line and column', async () => {
    const ws = workspace();
    writeFileSync(ws.configPath, '{\n  "currency": "usd"\n}\n');
    const r = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('metrics: ci/pipescope.json: currency at line 2 column 15: must be an ISO 4217 code such as "KRW", not "usd": write "USD"\n');
  });

  it('refuses (exit 2) an --out that is the --config file, which stays as it was', async () => {
    const ws = workspace();
    const before = readFileSync(ws.configPath);
    const r = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json', '--out', 'ci/pipescope.json');
    expect(r.code).toBe(2);
    // Said in the config's language (its locale is "ko"), as the run's other errors are.
    expect(r.stderr.split('\n')[0]).toBe('metrics: --out ci/pipescope.json은 --config 파일입니다. 지표는 다른 곳에 쓰세요');
    expect(readFileSync(ws.configPath)).toEqual(before);
  });

  it('--config needs a file', async () => {
    const ws = workspace();
    const r = await runMetrics(ws.dir, '--data', 'data', '--config=');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('metrics: --config needs a file, such as ci/pipeline.config.json');
  });

  it('--redact takes its salt from the --config file, and names that file when it has none', async () => {
    const ws = workspace({ currency: 'USD', redaction: { salt: SALT } });
    const ok = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json', '--redact');
    expect(ok.code, ok.stderr).toBe(0);
    writeFileSync(ws.configPath, '{"currency": "USD"}');
    const refused = await runMetrics(ws.dir, '--data', 'data', '--config', 'ci/pipescope.json', '--redact');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'metrics: ci/pipescope.json: redaction.salt: --redact needs a secret salt, so that nobody can recompute a pseudonym from a name they know: ' +
        'add "redaction": { "salt": "<at least 16 random characters>" } to ci/pipescope.json ' +
        '(for instance the output of: node -e "console.log(crypto.randomBytes(16).toString(\'hex\'))") and keep that file out of what you share\n',
    );
  });
});

/** Writes a page showing the currency and language the site data was made with, as Astro would render them. */
async function render({ outDir, siteDataPath }: RenderOptions): Promise<void> {
  const site = JSON.parse(readFileSync(siteDataPath, 'utf8'));
  mkdirSync(join(outDir, 'en'), { recursive: true });
  writeFileSync(join(outDir, 'en', 'index.html'), `<p>${site.metrics.currency}</p>`);
}

describe('build --config', () => {
  function buildIn(dir: string) {
    let renders = 0;
    const deps: BuildDeps = { readFolder, render: async (o) => (renders++, render(o)), cacheDir: join(dir, '.cache') };
    const run = async (...args: string[]) => {
      const f = fakeIO(dir);
      const code = await build(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--cache', 'cache', '--quiet', ...args], f.io, deps);
      return { code, stderr: f.stderr() };
    };
    return { run, renders: () => renders };
  }
  const page = (dir: string) => readFileSync(join(dir, 'site', 'en', 'index.html'), 'utf8');
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'site', 'build-manifest.json'), 'utf8'));

  it('a changed --config file is another key: read and rendered again, never the stale build; the same one is reused', async () => {
    const ws = workspace();
    const b = buildIn(ws.dir);
    expect((await b.run('--config', 'ci/pipescope.json')).code).toBe(0);
    expect(page(ws.dir)).toBe('<p>USD</p>');
    expect(manifest(ws.dir).inputs['pipeline.config.json']).toBe(sha256(readFileSync(ws.configPath)));
    // The same config again: reused.
    expect((await b.run('--config', 'ci/pipescope.json')).code).toBe(0);
    expect(b.renders()).toBe(1);
    // The config changed in version control; the data folder did not.
    writeFileSync(ws.configPath, JSON.stringify({ currency: 'EUR', locale: 'ko' }));
    expect((await b.run('--config', 'ci/pipescope.json')).code).toBe(0);
    expect(b.renders()).toBe(2);
    expect(page(ws.dir)).toBe('<p>EUR</p>');
    expect(manifest(ws.dir).inputs['pipeline.config.json']).toBe(sha256(readFileSync(ws.configPath)));
    // Without --config the data folder (no config: the defaults) is another build again.
    expect((await b.run()).code).toBe(0);
    expect(b.renders()).toBe(3);
    expect(page(ws.dir)).toBe('<p>KRW</p>');
  });

  it("says once, even with --quiet, that the data folder's own config is not read; that line and the summary are in the --config file's language", async () => {
    const ws = workspace();
    writeFileSync(join(ws.data, 'pipeline.config.json'), '{"currency": "JPY", "locale": "en"}');
    const r = await buildIn(ws.dir).run('--config', 'ci/pipescope.json', '--summary', 'summary.md');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('build: 설정은 --config로 준 ci/pipescope.json을 읽습니다. 데이터 폴더의 data/pipeline.config.json은 읽지 않습니다\n');
    expect(page(ws.dir)).toBe('<p>USD</p>');
    expect(readFileSync(join(ws.dir, 'summary.md'), 'utf8')).toMatch(/^# Pipescope 빌드: /u);
  });

  it('--redact takes its salt from the --config file', async () => {
    const ws = workspace({ redaction: { salt: SALT } });
    expect((await buildIn(ws.dir).run('--config', 'ci/pipescope.json', '--redact')).code).toBe(0);
    const without = await buildIn(ws.dir).run('--redact');
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/^build: pipeline\.config\.json: redaction\.salt: --redact needs a secret salt/u);
  });

  it('a missing --config: exit 1 in one line, before anything is written; the --summary says so in English (no config read)', async () => {
    const ws = workspace();
    const r = await buildIn(ws.dir).run('--config', 'ci/gone.json', '--summary', 'summary.md');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('build: --config ci/gone.json: the file does not exist\n');
    expect(existsSync(join(ws.dir, 'site'))).toBe(false);
    expect(readFileSync(join(ws.dir, 'summary.md'), 'utf8')).toContain('# Pipescope build stopped');
  });

  it("a build that stops writes its --summary in the --config file's language, not the data folder's", async () => {
    const ws = workspace({ locale: 'ko' });
    writeFileSync(join(ws.data, 'pipeline.config.json'), '{"locale": "en"}');
    writeFileSync(join(ws.data, 'stage_history.csv'), '');
    const r = await buildIn(ws.dir).run('--config', 'ci/pipescope.json', '--summary', 'summary.md');
    expect(r.code).toBe(1);
    expect(readFileSync(join(ws.dir, 'summary.md'), 'utf8')).toMatch(/^# Pipescope 빌드 중단\n/u);
  });

  it('refuses (exit 2) a --config inside --out, which the build replaces', async () => {
    const ws = workspace();
    mkdirSync(join(ws.dir, 'site'));
    writeFileSync(join(ws.dir, 'site', 'pipescope.json'), '{}');
    const r = await buildIn(ws.dir).run('--config', 'site/pipescope.json');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('build: --config site/pipescope.json is inside --out, which the build replaces; keep the config elsewhere');
    expect(readFileSync(join(ws.dir, 'site', 'pipescope.json'), 'utf8')).toBe('{}');
  });

  it('refuses (exit 2) a --summary or --digest that is the --config file, which stays as it was', async () => {
    const ws = workspace();
    const before = readFileSync(ws.configPath);
    for (const option of ['--summary', '--digest']) {
      const r = await buildIn(ws.dir).run('--config', 'ci/pipescope.json', option, 'ci/pipescope.json');
      expect(r.code).toBe(2);
      // Said in the config's language (its locale is "ko"), as the run's other errors are.
      expect(r.stderr.split('\n')[0]).toBe(`build: ${option} ci/pipescope.json은 --config 파일입니다. 다른 곳에 쓰세요`);
    }
    expect(readFileSync(ws.configPath)).toEqual(before);
  });

  it('without --as-of, today is dated in the --config time zone (the key and the build agree)', async () => {
    // The fake clock is 2025-07-01T00:00Z: still 2025-06-30 in Los Angeles.
    const ws = workspace({ timezone: 'America/Los_Angeles' });
    let renders = 0;
    const deps: BuildDeps = { readFolder, render: async (o) => (renders++, render(o)), cacheDir: join(ws.dir, '.cache') };
    const today = () => build(['--data', 'data', '--out', 'site', '--cache', 'cache', '--quiet', '--config', 'ci/pipescope.json'], fakeIO(ws.dir).io, deps);
    expect(await today()).toBe(0);
    expect(manifest(ws.dir).as_of).toBe('2025-06-30');
    // Stored under the key of that date, so the second build of the day reuses it.
    expect(await today()).toBe(0);
    expect(renders).toBe(1);
  });
});

describe('dev --config', () => {
  it('passes --config on to the extraction', async () => {
    const ws = workspace();
    const seen: string[][] = [];
    const f = fakeIO(ws.dir);
    const code = await dev(['--data', 'data', '--config', 'ci/pipescope.json'], f.io, { extract: async (argv) => (seen.push(argv), 0), serve: async () => {} });
    expect(code).toBe(0);
    expect(seen).toEqual([['--extract-only', '--data=data', '--config=ci/pipescope.json']]);
  });
});

describe('what to do about the config, said with --config', () => {
  it("a vendor export's unmatched stages: add them to the --config file, or print init's suggestion to copy from", async () => {
    const dir = tempDir();
    copyFixture('bad/vendor-unmatched-stage', dir);
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'pipescope.json'), '{"currency": "EUR"}');
    const r = await runMetrics(dir, '--data', 'data', '--config', 'ci/pipescope.json');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'metrics: the config is ci/pipescope.json (--config); data/pipeline.config.json in the data folder is not read',
      'metrics: deals-export.csv: 2 stage names match no configured stage: "Demo Scheduled" (1 row), "Contract Sent" (1 row). ' +
        'Add them to "stages" in ci/pipescope.json (a snippet follows), or run `npm run init -- --data <folder> --out -` and copy its stages into ci/pipescope.json; ' +
        'a name a configured stage had before it was renamed goes into that stage\'s "aliases" instead (`"aliases": ["Old name"]`).',
    ]);
  });

  it('the notice names a data folder outside the working folder by its whole path', async () => {
    const ws = workspace();
    writeFileSync(join(ws.data, 'pipeline.config.json'), '{}');
    const elsewhere = tempDir();
    const r = await runMetrics(elsewhere, '--data', ws.data, '--config', ws.configPath, '--lang', 'en');
    expect(r.stderr).toBe(`metrics: the config is ${ws.configPath} (--config); ${join(ws.data, 'pipeline.config.json')} in the data folder is not read\n`);
  });

  it('init --out elsewhere: says the build reads the data folder config, or this file given as --config', async () => {
    const { main: init, nodeIo } = await import('../../../scripts/init.ts');
    const dir = tempDir();
    const data = copyFixture('bad/vendor-unmatched-stage', dir);
    const err: string[] = [];
    const out = join(dir, 'pipescope.json');
    const io = { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (t: string) => (err.push(t), true) } };
    expect(await init(['--data', data, '--out', out], io)).toBe(0);
    expect(err.join('').trimEnd().split('\n').at(-1)).toBe(`# wrote ${out}; the build and the metrics read ${join(data, 'pipeline.config.json')}: put it there once reviewed, or give this file as --config ${out}`);
  });
});

describe("init's suggested command", () => {
  it('quotes a data folder with a space or a Korean name, so that the line runs when pasted', async () => {
    const { main: init, nodeIo } = await import('../../../scripts/init.ts');
    const { shellWord } = await import('../../../src/lib/ingest/vendor/suggest-config.ts');
    expect([shellWord('data/acme'), shellWord('내 데이터/영업 2026'), shellWord("it's"), shellWord('Sales Pipeline')]).toEqual(['data/acme', "'내 데이터/영업 2026'", "'it'\\''s'", "'Sales Pipeline'"]);
    const dir = join(tempDir(), '내 데이터 폴더');
    const data = copyFixture('bad/vendor-unmatched-stage', dir);
    const err: string[] = [];
    const io = { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (t: string) => (err.push(t), true) } };
    await init(['--data', data, '--out', '-', '--lang', 'en'], io);
    const line = err.join('').split('\n').find((l) => l.includes('then run:'))!;
    expect(line).toBe(`# review every line above, then run: npm run metrics -- --data '${data}'`);
    // As a shell reads it: one argument, the folder.
    const words = spawnSync('bash', ['-c', `printf '%s\\n' ${line.slice(line.indexOf('--data '))}`], { encoding: 'utf8' }).stdout.split('\n');
    expect(words.slice(0, 2)).toEqual(['--data', data]);
  });
});

// The real devices (Linux; CI runs there): in a process of its own, as the old read of /dev/zero never ended.
describe.runIf(process.platform === 'linux')('--config given a device', () => {
  it('/dev/zero: exit 1 in a line; a pipe holding the config (bash: --config <(cat ...)): read as that config', () => {
    const ws = workspace();
    const args = ['scripts/launch.mjs', 'metrics', '--data', ws.data, '--as-of', AS_OF, '--lang', 'en', '--quiet'];
    const zero = spawnSync(process.execPath, [...args, '--config', '/dev/zero'], { encoding: 'utf8', timeout: 120_000 });
    expect(zero.signal).toBeNull();
    expect(zero.status).toBe(1);
    expect(zero.stderr).toBe('metrics: --config /dev/zero: it holds more than 8 MB, which no config does; give the pipeline.config.json file\n');
    // A pipe gives its bytes to one read only: before, the check read them and the read found the file empty.
    const piped = spawnSync('bash', ['-c', `"$0" "$@" --config <(cat "$CONFIG")`, process.execPath, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CONFIG: ws.configPath } });
    expect(piped.status, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout).currency).toBe('USD');
  }, 130_000);
});
