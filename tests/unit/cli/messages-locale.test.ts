/**
 * The commands' own messages in the user's language: argument errors (exit 2, before the arguments are
 * parsed too), an output that cannot be written and the problems of the snapshots folder (exit 1), the
 * build's lines about entries of --out it did not write, the notice of a config --config replaces, and
 * npm run preview's lines, in --lang's language, else the config's once known (preview: the built site's),
 * else English as before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build } from '../../../scripts/build.ts';
import { main as dev } from '../../../scripts/dev.ts';
import { main as init, nodeIo } from '../../../scripts/init.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import { siteLocale, startPreview } from '../../../scripts/preview.ts';
import { argvLocale } from '../../../scripts/lib/fatal-words.ts';
import { recoverInterruptedSwap } from '../../../scripts/lib/interrupted-swap.ts';
import { copyFixture, fakeIO, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

async function runMetrics(cwd: string, ...args: string[]) {
  const f = fakeIO(cwd);
  const code = await metrics(args, f.io);
  const [first, usage] = f.stderr().split('\n');
  return { code, first, usage, stderr: f.stderr() };
}

describe('argvLocale: --lang as the arguments give it, before they are parsed', () => {
  it.each([
    [['--lang', 'ko'], 'ko'],
    [['--bogus', '--lang=ko'], 'ko'],
    [['--lang', 'en', '--x'], 'en'],
    [['--lang', 'fr'], undefined],
    [['--lang'], undefined],
    [['--language', 'ko'], undefined],
    [[], undefined],
  ])('%j: %s', (argv, locale) => {
    expect(argvLocale(argv)).toBe(locale);
  });
});

describe('metrics: argument errors', () => {
  it('--lang ko --as-of nope: Korean, then the usage line, exit 2', async () => {
    const dir = tempDir();
    const r = await runMetrics(dir, '--lang', 'ko', '--data', 'data', '--as-of', 'nope');
    expect(r.code).toBe(2);
    expect(r.first).toBe('metrics: --as-of는 YYYY-MM-DD 형식의 날짜여야 합니다("nope"가 아님)');
    expect(r.usage).toMatch(/^usage: npm run --silent metrics -- --data <folder>/u);
  });

  it('--lang=ko --bogus: Korean although the arguments could not be parsed', async () => {
    const r = await runMetrics(tempDir(), '--lang=ko', '--bogus');
    expect(r.code).toBe(2);
    expect(r.first).toBe('metrics: 알 수 없는 인수입니다: "--bogus"');
  });

  it('--lang fr: the error about --lang itself, in English', async () => {
    const r = await runMetrics(tempDir(), '--data', 'data', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.first).toBe('metrics: --lang must be one of en, ko, not "fr"');
  });

  it('without --lang or a config: English, exactly as before', async () => {
    const r = await runMetrics(tempDir(), '--data', 'data', '--as-of', 'nope');
    expect(r.first).toBe('metrics: --as-of must be a date YYYY-MM-DD, not "nope"');
    expect((await runMetrics(tempDir(), '--bogus')).first).toBe('metrics: unknown argument "--bogus"');
  });

  it('a config whose locale is "ko": a bad --out in Korean; --lang en says it in English', async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    writeFileSync(join(dir, 'data', 'pipeline.config.json'), JSON.stringify({ currency: 'USD', locale: 'ko' }));
    mkdirSync(join(dir, 'reports'));
    const ko = await runMetrics(dir, '--data', 'data', '--as-of', '2025-06-30', '--out', 'reports/');
    expect(ko.code).toBe(2);
    expect(ko.first).toBe('metrics: --out reports/는 폴더입니다. reports/metrics.json 같은 파일을 주거나, 표준 출력이면 -를 주세요');
    const en = await runMetrics(dir, '--data', 'data', '--as-of', '2025-06-30', '--out', 'reports/', '--lang', 'en');
    expect(en.first).toBe('metrics: --out reports/ is a folder; give a file, such as reports/metrics.json, or - for standard output');
  });

  it('a config that cannot be read: the argument error as before (English, exit 2)', async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    writeFileSync(join(dir, 'data', 'pipeline.config.json'), '{ not json');
    mkdirSync(join(dir, 'reports'));
    const r = await runMetrics(dir, '--data', 'data', '--as-of', '2025-06-30', '--out', 'reports');
    expect(r.code).toBe(2);
    expect(r.first).toBe('metrics: --out reports is a folder; give a file, such as reports/metrics.json, or - for standard output');
  });
});

describe('metrics: an output that cannot be written', () => {
  it('in Korean with --lang ko, English without (exit 1)', async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    writeFileSync(join(dir, 'file'), '');
    const ko = await runMetrics(dir, '--data', 'data', '--as-of', '2025-06-30', '--out', 'file/m.json', '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe('metrics: file/m.json에 쓸 수 없습니다: 경로 중간에 폴더가 아니라 파일이 있습니다(ENOTDIR)\n');
    const en = await runMetrics(dir, '--data', 'data', '--as-of', '2025-06-30', '--out', 'file/m.json');
    expect(en.stderr).toBe('metrics: cannot write file/m.json: a part of its path is a file, not a folder (ENOTDIR)\n');
  });
});

describe('build, dev and init: argument errors', () => {
  it('build --lang ko: Korean, with the usage line', async () => {
    const f = fakeIO(tempDir());
    expect(await build(['--lang', 'ko', '--cache', 'c', '--no-cache'], f.io)).toBe(2);
    const [first, usage] = f.stderr().split('\n');
    expect(first).toBe('build: --cache와 --no-cache는 함께 줄 수 없습니다. 하나만 주세요');
    expect(usage).toMatch(/^usage: npm run build -- /u);
  });

  it('build: an --out that is a file, in the config\'s language', async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    writeFileSync(join(dir, 'data', 'pipeline.config.json'), JSON.stringify({ currency: 'USD', locale: 'ko-KR' }));
    writeFileSync(join(dir, 'site'), '');
    const f = fakeIO(dir);
    expect(await build(['--data', 'data', '--as-of', '2025-06-30', '--out', 'site', '--no-cache'], f.io)).toBe(2);
    expect(f.stderr().split('\n')[0]).toBe('build: --out site는 폴더가 아니라 파일입니다');
  });

  it('dev --lang ko --port abc: Korean', async () => {
    const f = fakeIO(tempDir());
    const code = await dev(['--lang', 'ko', '--port', 'abc'], f.io, { extract: async () => 0, serve: async () => {} });
    expect(code).toBe(2);
    expect(f.stderr().split('\n')[0]).toBe('dev: --port는 0부터 65535까지의 정수여야 합니다("abc"가 아님)');
  });

  it('init --lang=ko --bogus: Korean; without --lang, English', async () => {
    const run = async (...args: string[]) => {
      const err: string[] = [];
      const code = await init(args, { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) } });
      return { code, first: err.join('').split('\n')[0] };
    };
    expect(await run('--lang=ko', '--bogus')).toEqual({ code: 2, first: 'init: 알 수 없는 인수입니다: "--bogus"' });
    expect(await run('--lang', 'ko')).toEqual({ code: 2, first: 'init: --data <folder>를 주어야 합니다' });
    expect(await run('--bogus')).toEqual({ code: 2, first: 'init: unknown argument "--bogus"' });
  });
});

describe('the build\'s lines about entries of --out it did not write', () => {
  it('a missing --out put back: said in Korean, its English as before', () => {
    const dir = tempDir();
    const out = join(dir, 'site');
    const old = join(dir, '.site.pipescope-tmp-999999999-aaaaaaaa-old');
    mkdirSync(old);
    writeFileSync(join(old, 'index.html'), 'before');
    writeFileSync(join(old, 'build-manifest.json'), JSON.stringify({ generator: 'pipescope', files: [{ path: 'index.html', size: 6 }] }));
    mkdirSync(old.slice(0, -'-old'.length));
    const r = recoverInterruptedSwap(nodeFs, out, { isRunning: () => false, now: Date.now(), show: (p) => p.slice(dir.length + 1), restoreOnly: true });
    expect(r.said).toHaveLength(1);
    expect(r.said[0]!.text).toBe('site/ was missing: a build stopped outright (process 999999999) had moved it to .site.pipescope-tmp-999999999-aaaaaaaa-old to swap in its own output; put it back');
    expect(r.said[0]!.in('ko')).toBe('site/가 없었습니다. 강제로 멈춘 빌드(프로세스 999999999)가 자신의 출력을 바꿔 넣으려고 .site.pipescope-tmp-999999999-aaaaaaaa-old로 옮겨 두었던 것을 되돌려 놓았습니다');
  });
});

describe('build: the problems of the snapshots folder (exit 1)', () => {
  /** The spec example in data/, with the config's `locale` when given; stderr's first line and what follows. */
  function snapshotsWorkspace(locale?: string) {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    if (locale) writeFileSync(join(dir, 'data', 'pipeline.config.json'), JSON.stringify({ currency: 'USD', locale }));
    return dir;
  }
  async function runBuild(dir: string, ...args: string[]) {
    const f = fakeIO(dir);
    const code = await build(['--data', 'data', '--as-of', '2025-06-30', '--out', 'site', '--no-cache', ...args], f.io);
    return { code, stderr: f.stderr() };
  }

  it('--snapshots pointing at a file: Korean with --lang ko, English with --lang en, and no usage line', async () => {
    const dir = snapshotsWorkspace();
    writeFileSync(join(dir, 'snaps.txt'), '');
    const ko = await runBuild(dir, '--snapshots', 'snaps.txt', '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe('build: --snapshots snaps.txt는 폴더가 아닙니다\n');
    const en = await runBuild(dir, '--snapshots', 'snaps.txt', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('build: --snapshots snaps.txt is not a folder\n');
  });

  it('a file of yours in --out’s own snapshots folder (no --snapshots given): says to move it out, not to check --snapshots', async () => {
    const dir = snapshotsWorkspace();
    mkdirSync(join(dir, 'site', 'snapshots'), { recursive: true });
    writeFileSync(join(dir, 'site', 'build-manifest.json'), JSON.stringify({ generator: 'pipescope' }));
    writeFileSync(join(dir, 'site', 'snapshots', 'README.md'), 'ours');
    const en = await runBuild(dir, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      'build: site/snapshots/README.md is not a snapshot (a snapshots folder holds only YYYY-MM-DD folders): move it out of site/snapshots (a file of your own in --out goes beside that folder, as a CNAME does, and is kept)\n',
    );
    const ko = await runBuild(dir, '--lang', 'ko');
    expect(ko.stderr).toBe(
      'build: site/snapshots/README.md는 스냅숏이 아닙니다(스냅숏 폴더에는 YYYY-MM-DD 폴더만 있습니다). site/snapshots 밖으로 옮기세요(--out에 직접 두는 파일은 CNAME처럼 그 폴더 옆에 두면 유지됩니다)\n',
    );
  });

  it('a snapshots folder holding a name that is not a date: Korean with --lang ko, English with --lang en', async () => {
    const dir = snapshotsWorkspace();
    mkdirSync(join(dir, 'store', 'en'), { recursive: true });
    const ko = await runBuild(dir, '--snapshots', 'store', '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe('build: store/en은 스냅숏이 아닙니다(스냅숏 폴더에는 YYYY-MM-DD 폴더만 있습니다). --snapshots가 맞는 폴더인가요?\n');
    const en = await runBuild(dir, '--snapshots', 'store', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('build: store/en is not a snapshot (a snapshots folder holds only YYYY-MM-DD folders): is --snapshots the right folder?\n');
  });

  it("a snapshot.json that is not JSON: in the config's language, the parser's words as a config's are said", async () => {
    const dir = snapshotsWorkspace('ko');
    mkdirSync(join(dir, 'store', '2025-05-31'), { recursive: true });
    writeFileSync(join(dir, 'store', '2025-05-31', 'snapshot.json'), '{ // by hand\n}');
    const ko = await runBuild(dir, '--snapshots', 'store');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe("build: store/2025-05-31/snapshot.json: 올바른 JSON이 아닙니다: 1행 3열: 속성 이름이나 '}'가 와야 합니다. JSON에는 주석을 쓸 수 없으니 지우세요\n");
    const en = await runBuild(dir, '--snapshots', 'store', '--lang', 'en');
    expect(en.stderr).toBe("build: store/2025-05-31/snapshot.json: not valid JSON: Expected property name or '}' in JSON at position 2 (line 1 column 3): JSON has no comments; remove them\n");
  });

  it('a snapshot.json of the wrong shape: each problem with its line and column and the value written, Korean throughout', async () => {
    const dir = snapshotsWorkspace('ko');
    mkdirSync(join(dir, 'store', '2025-05-31'), { recursive: true });
    // Edited by hand: a date in another form, a count with decimals, a yes/no as text, the generator left out.
    const manifest = {
      kind: 'snapshot',
      as_of: '2025/05/31',
      pipescope_version: '0.1.0',
      config_sha256: 'a'.repeat(64),
      inputs: {},
      currency: 'KRW',
      compared_with: '2025-04-30',
      figures: { open_count: 1.5, open_amount: 1, weighted_amount: 1, won_count: 0, won_amount: 0, win_rate_by_count: null, stalled_count: 0 },
      redacted: 'yes',
    };
    writeFileSync(join(dir, 'store', '2025-05-31', 'snapshot.json'), JSON.stringify(manifest, null, 2));
    const ko = await runBuild(dir, '--snapshots', 'store');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe(
      'build: store/2025-05-31/snapshot.json: generator(1행 1열): 값이 없습니다. "pipescope"를 추가하세요; ' +
        'store/2025-05-31/snapshot.json: as_of(3행 12열): YYYY-MM-DD 형식의 날짜여야 합니다; ' +
        'store/2025-05-31/snapshot.json: figures.open_count(10행 19열): 정수여야 합니다. 지금은 숫자 1.5입니다; ' +
        'store/2025-05-31/snapshot.json: redacted(18행 15열): true 또는 false여야 합니다. 지금은 문자열 "yes"입니다. store/2025-05-31이 스냅숏이 맞나요?\n',
    );
    const en = await runBuild(dir, '--snapshots', 'store', '--lang', 'en');
    expect(en.stderr).toBe(
      'build: store/2025-05-31/snapshot.json: generator at line 1 column 1: is missing: add "pipescope"; ' +
        'store/2025-05-31/snapshot.json: as_of at line 3 column 12: must be a date written YYYY-MM-DD; ' +
        'store/2025-05-31/snapshot.json: figures.open_count at line 10 column 19: must be a whole number, not the number 1.5; ' +
        'store/2025-05-31/snapshot.json: redacted at line 18 column 15: must be a boolean, not the string "yes": is store/2025-05-31 a snapshot?\n',
    );
  });

  it('--snapshot without earlier snapshots or --new-history: Korean with --lang ko; without --lang or a config, English as before', async () => {
    const dir = snapshotsWorkspace();
    const ko = await runBuild(dir, '--snapshot', '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe(
      'build: --snapshot: 이전 스냅숏을 찾지 못했습니다(--snapshots 폴더를 주지 않았고 site에도 없습니다). 빌드는 알리지 않고 기록을 새로 시작하지 않습니다. ' +
        '이전 스냅숏이 든 --snapshots <folder>(게시된 사이트의 snapshots/ 폴더, CI 캐시, 버킷)를 주거나, 첫 스냅숏이라면 --new-history를 주세요\n',
    );
    const en = await runBuild(dir, '--snapshot');
    expect(en.stderr).toBe(
      'build: --snapshot: no earlier snapshots were found (no --snapshots folder, and site has none), and a build never starts a new history silently. ' +
        "Pass --snapshots <folder> with the earlier snapshots (the published site's snapshots/ folder, a CI cache, a bucket), or --new-history if this is the first snapshot\n",
    );
  });
});

describe('the notice of a config --config replaces', () => {
  it("metrics --lang ko: Korean; --lang en: English as before", async () => {
    const dir = tempDir();
    copyFixture('spec-example', dir);
    writeFileSync(join(dir, 'data', 'pipeline.config.json'), '{}');
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'pipescope.json'), JSON.stringify({ currency: 'USD' }));
    const args = ['--data', 'data', '--as-of', '2025-06-30', '--config', 'ci/pipescope.json', '--quiet'];
    const ko = await runMetrics(dir, ...args, '--lang', 'ko');
    expect(ko.code).toBe(0);
    expect(ko.stderr).toBe('metrics: 설정은 --config로 준 ci/pipescope.json을 읽습니다. 데이터 폴더의 data/pipeline.config.json은 읽지 않습니다\n');
    const en = await runMetrics(dir, ...args, '--lang', 'en');
    expect(en.stderr).toBe('metrics: the config is ci/pipescope.json (--config); data/pipeline.config.json in the data folder is not read\n');
  });
});

describe('npm run preview', () => {
  /** A built folder `dist` whose index.html is `index`. */
  function site(index = '<p>root</p>') {
    const dir = tempDir();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), index);
    return dir;
  }
  /** Start preview (on a free port unless --port is given); the server (if any) is closed before this returns: no test leaves one running. */
  async function preview(dir: string, ...args: string[]) {
    const f = fakeIO(dir);
    const { code, server } = await startPreview(args.includes('--port') ? args : ['--port', '0', ...args], f.io, () => false);
    const url = server?.url;
    await server?.close();
    return { code, url, stdout: f.stdout(), stderr: f.stderr() };
  }

  it('--lang ko: the serving line in Korean; --lang en: English as before', async () => {
    const dir = site();
    const ko = await preview(dir, '--lang', 'ko');
    expect(ko.code, ko.stderr).toBe(0);
    expect(ko.stdout).toBe(`preview: dist/를 ${ko.url}/에서 제공하는 중입니다(멈추려면 Ctrl-C를 누르세요)\n`);
    const en = await preview(dir, '--lang=en');
    expect(en.stdout).toBe(`preview: serving dist/ at ${en.url}/ (Ctrl-C to stop)\n`);
  });

  it("without --lang: the built site's language (index.html's <html lang>, the config's locale), else English", async () => {
    const ko = await preview(site('<!DOCTYPE html><html lang="ko"><head>'));
    expect(ko.stdout).toBe(`preview: dist/를 ${ko.url}/에서 제공하는 중입니다(멈추려면 Ctrl-C를 누르세요)\n`);
    const en = await preview(site('<!DOCTYPE html><html lang="en"><head>'));
    expect(en.stdout).toBe(`preview: serving dist/ at ${en.url}/ (Ctrl-C to stop)\n`);
    // --lang wins over the site's.
    const given = await preview(site('<!DOCTYPE html><html lang="ko"><head>'), '--lang', 'en');
    expect(given.stdout).toBe(`preview: serving dist/ at ${given.url}/ (Ctrl-C to stop)\n`);
  });

  it('a folder with no built site: Korean with --lang ko, English with --lang en or without (exit 1)', async () => {
    const dir = tempDir();
    const ko = await preview(dir, '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.url).toBeUndefined();
    expect(ko.stderr).toBe('preview: dist/에 빌드된 사이트가 없습니다(index.html 없음). 먼저 "npm run build -- --as-of <YYYY-MM-DD>"를 실행하세요\n');
    const en = await preview(dir, '--lang', 'en');
    expect(en.stderr).toBe('preview: dist/ holds no built site (no index.html): run "npm run build -- --as-of <YYYY-MM-DD>" first\n');
    expect((await preview(dir)).stderr).toBe(en.stderr);
  });

  it('the folder a stopped build had moved aside, put back: said in Korean with --lang ko', async () => {
    const dir = tempDir();
    const old = join(dir, '.dist.pipescope-tmp-4194305-0a1b2c3d-old');
    mkdirSync(old);
    writeFileSync(join(old, 'index.html'), '<p>root</p>');
    writeFileSync(join(old, 'build-manifest.json'), JSON.stringify({ generator: 'pipescope', files: ['index.html'] }));
    mkdirSync(join(dir, '.dist.pipescope-tmp-4194305-0a1b2c3d'));
    const r = await preview(dir, '--lang', 'ko');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'preview: dist/가 없었습니다. 강제로 멈춘 빌드(프로세스 4194305)가 자신의 출력을 바꿔 넣으려고 .dist.pipescope-tmp-4194305-0a1b2c3d-old로 옮겨 두었던 것을 되돌려 놓았습니다\n',
    );
  });

  it('--lang xx is an argument error (exit 2, in English, with the usage line); --lang ko --port eighty: Korean', async () => {
    const dir = site();
    const xx = await preview(dir, '--lang', 'xx');
    expect(xx.code).toBe(2);
    expect(xx.url).toBeUndefined();
    expect(xx.stderr).toBe('preview: --lang must be one of en, ko, not "xx"\nusage: npm run preview -- [--site dist] [--lang en|ko] [--port 4321] [--host 127.0.0.1]\n');
    const port = await preview(dir, '--lang', 'ko', '--port', 'eighty');
    expect(port.code).toBe(2);
    expect(port.stderr.split('\n')[0]).toBe('preview: --port는 0부터 65535까지의 정수여야 합니다("eighty"가 아님)');
  });

  it("a port that is taken: in the site's language (exit 2)", async () => {
    const dir = site('<html lang="ko-KR">');
    const first = await startPreview(['--port', '0'], fakeIO(dir).io, () => false);
    try {
      const port = new URL(first.server!.url).port;
      const r = await preview(dir, '--port', port);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`preview: 127.0.0.1:${port}에서 연결을 받을 수 없습니다(EADDRINUSE). 다른 --port를 고르세요`);
    } finally {
      await first.server?.close();
    }
  });

  it('siteLocale: <html lang> from the first bytes of index.html; English without one, or for another language', () => {
    const dir = tempDir();
    const at = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    expect(siteLocale(nodeFs, at('a.html', '<!DOCTYPE html><html lang="ko"><head>'))).toBe('ko');
    expect(siteLocale(nodeFs, at('b.html', "<!doctype html>\n<HTML class=x LANG='ko-KR'>"))).toBe('ko');
    expect(siteLocale(nodeFs, at('c.html', '<html lang="fr">'))).toBe('en');
    expect(siteLocale(nodeFs, at('d.html', '<p>root</p>'))).toBe('en');
    expect(siteLocale(nodeFs, at('e.html', `<!-- ${'x'.repeat(5000)} --><html lang="ko">`))).toBe('en');
    expect(siteLocale(nodeFs, join(dir, 'missing.html'))).toBe('en');
  });
});
