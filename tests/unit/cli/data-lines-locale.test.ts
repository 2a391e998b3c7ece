/**
 * The command line's lines about the data (the quality gate's verdict, the rows rejected) follow
 * the config's `locale`, or `--lang`, and quote the rejected rows as the Data quality page says
 * them (issue-text.ts): a Korean team's CI log reads as its dashboard does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build, type RenderOptions } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import type { Quality } from '../../../scripts/lib/quality-gate.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, fakeIO, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';

/** deals.csv line 4 has a negative amount; its two stage_history rows go with it (3 of 9 rows rejected). */
function rejecting(config?: object) {
  const dir = tempDir();
  const data = join(dir, 'data');
  mkdirSync(data);
  copyFixture('bad/args-strict-rejected', dir);
  if (config) writeFileSync(join(data, 'pipeline.config.json'), JSON.stringify(config));
  return { dir, data };
}

// The first row of each kind: stage_history.csv's line 7, rejected for the same reason as its line 6, is not quoted
// again ("..." says more rows were).
const QUOTED_KO =
  'deals.csv 4행 "amount" 열: amount "-1"은 음수입니다. 0 이상만 허용됩니다; ' +
  'stage_history.csv 6행 "deal_id" 열: deal_id "D3"은 제외된 deals.csv 행(4행)의 딜입니다; ...';
const QUOTED_EN =
  'deals.csv line 4 column "amount": amount "-1" is negative; only 0 or more is allowed; ' +
  'stage_history.csv line 6 column "deal_id": deal_id "D3" belongs to a rejected deals.csv row (line 4); ...';

async function runMetrics(cwd: string, ...args: string[]) {
  const f = fakeIO(cwd);
  const code = await metrics(['--data', 'data', '--as-of', AS_OF, '--out', 'm.json', '--strict', ...args], f.io);
  return { code, stderr: f.stderr() };
}

describe('metrics: rows set aside with a warning, no error to quote', () => {
  it('says each has its warning in data_quality, not "(; ...)"', async () => {
    // The Salesforce Data Loader fixture: 4 records in the Recycle Bin (IsDeleted true), each a deleted_record warning.
    const dir = tempDir();
    copyFixture('exports/salesforce-data-loader', dir);
    const en = fakeIO(dir);
    expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--out', 'm.json'], en.io)).toBe(0);
    const [rejected, warned, ...rest] = en.stderr().split('\n');
    expect(rejected).toBe('metrics: 4 of 49 rows rejected (each with a warning in data_quality that says why); every figure leaves them out and data_quality in the output lists them all (--strict exits with code 3 instead)');
    // The 4 deleted records' warnings, the private opportunity's, and the fields not read (one for the file): 6, the first of each kind quoted.
    expect(warned).toMatch(
      /^metrics: 6 warnings on what was read \(Opportunity\.csv column "AccountId": 1 opportunity has no AccountId .+; Opportunity\.csv line 7 column "IsDeleted": IsDeleted is true .+; OpportunityFieldHistory\.csv line 2 column "Field": .+"created" \(3 rows\), "Owner" \(2 rows\).+; \.\.\.\); data_quality in the output lists them all$/u,
    );
    expect(rest).toEqual(['']);
    const ko = fakeIO(dir);
    expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--out', 'm.json', '--strict', '--lang', 'ko'], ko.io)).toBe(3);
    expect(ko.stderr()).toBe('metrics: --strict: 전체 49행 중 4행을 제외했습니다(행마다 그 이유를 말하는 경고가 data_quality에 있습니다). 제외된 행은 모두 출력의 data_quality에 있습니다\n');
  });
});

describe('metrics --strict: the rejected rows in the config language', () => {
  it('Korean for a "ko-KR" config', async () => {
    const { dir } = rejecting({ locale: 'ko-KR' });
    const r = await runMetrics(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`metrics: --strict: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). 제외된 행은 모두 출력의 data_quality에 있습니다\n`);
  });

  it('--lang overrides the config, either way', async () => {
    const ko = rejecting({ locale: 'ko' });
    expect((await runMetrics(ko.dir, '--lang', 'en')).stderr).toBe(`metrics: --strict: 3 of 9 rows rejected (${QUOTED_EN}); every rejected row is listed in data_quality in the output\n`);
    const en = rejecting();
    expect((await runMetrics(en.dir, '--lang', 'ko')).stderr).toBe(`metrics: --strict: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). 제외된 행은 모두 출력의 data_quality에 있습니다\n`);
  });

  it('follows the --config file, not the data folder config', async () => {
    const { dir } = rejecting({ locale: 'en' });
    writeFileSync(join(dir, 'ko.json'), '{"locale": "ko"}');
    const r = await runMetrics(dir, '--config', 'ko.json');
    expect(r.stderr.split('\n')[1]).toBe(`metrics: --strict: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). 제외된 행은 모두 출력의 data_quality에 있습니다`);
  });

  it('without --strict, the same rows in one line of the config language, exit 0', async () => {
    const { dir } = rejecting({ locale: 'ko-KR' });
    const f = fakeIO(dir);
    expect(await metrics(['--data', 'data', '--as-of', AS_OF, '--out', 'm.json'], f.io)).toBe(0);
    expect(f.stderr()).toBe(
      `metrics: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). 모든 수치는 이 행들을 빼고 계산했으며, 제외된 행은 모두 출력의 data_quality에 있습니다(--strict를 주면 대신 종료 코드 3으로 멈춥니다)\n`,
    );
  });

  it('--lang takes en or ko only (exit 2)', async () => {
    const { dir } = rejecting();
    const r = await runMetrics(dir, '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('metrics: --lang must be one of en, ko, not "de"');
  });
});

async function render({ outDir }: RenderOptions): Promise<void> {
  mkdirSync(join(outDir, 'en'), { recursive: true });
  writeFileSync(join(outDir, 'en', 'index.html'), '<h1>ok</h1>');
}

async function runBuild(cwd: string, ...args: string[]) {
  const f = fakeIO(cwd);
  const deps: BuildDeps = { readFolder, render, cacheDir: join(cwd, '.cache') };
  const code = await build(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--no-cache', ...args], f.io, deps);
  return { code, stderr: f.stderr() };
}

const TAIL_KO = '출력을 교체하지 않았습니다(제외된 행은 모두 metrics.json의 data_quality에 있으며, npm run metrics로 이 파일만 만들 수 있습니다)';

describe('build: the quality gate in the config language', () => {
  it('--strict, in Korean; the digest of the stopped build says the same', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const r = await runBuild(dir, '--strict', '--quiet', '--digest', 'digest.md');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`build: --strict: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). ${TAIL_KO}\n`);
    expect(readFileSync(join(dir, 'digest.md'), 'utf8')).toContain(`build: --strict: 전체 9행 중 3행을 제외했습니다(${QUOTED_KO}). ${TAIL_KO}\n`);
  });

  it('--max-rejected, in Korean', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const r = await runBuild(dir, '--max-rejected', '0.1', '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`build: --max-rejected 0.1: 전체 9행 중 3행(33.3%)을 제외해 기준 10%를 넘었습니다(${QUOTED_KO}). ${TAIL_KO}\n`);
  });

  it('--max-data-age, in Korean, and in English with --lang en', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const ko = await runBuild(dir, '--max-data-age', '1', '--quiet');
    expect(ko.code).toBe(3);
    expect(ko.stderr).toBe('build: --max-data-age 1: 데이터에 기록된 가장 최근 변경일(2025-05-20)이 기준일 2025-06-30보다 41일 전입니다. 내보내기가 갱신되었는지 확인하세요. 출력을 교체하지 않았습니다\n');
    const en = await runBuild(dir, '--max-data-age', '1', '--quiet', '--lang', 'en');
    expect(en.stderr).toBe('build: --max-data-age 1: the newest change in the data is on 2025-05-20, 41 days before the as-of date 2025-06-30; was the export refreshed? The output was not replaced\n');
  });

  it('a build the gate lets through says how many rows went, in Korean', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const r = await runBuild(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\nbuild: 전체 9행 중 3행을 제외했습니다. 데이터 품질 페이지에서 볼 수 있습니다(--strict나 --max-rejected를 주면 대신 빌드를 멈춥니다)\n');
  });
});

describe("build: the run's own lines in the config language", () => {
  /** The lines without their times, which vary. */
  const lines = (stderr: string) => stderr.replace(/\d+\.\d s/gu, 'T s').split('\n');

  it('Korean for a Korean config: the deals read, the pages written, a snapshot added', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const r = await runBuild(dir, '--snapshot', '--new-history');
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      'build: 딜 2건, 기준일 2025-06-30: 읽기 T s, 지표·페이지 데이터 T s',
      'build: 전체 9행 중 3행을 제외했습니다. 데이터 품질 페이지에서 볼 수 있습니다(--strict나 --max-rejected를 주면 대신 빌드를 멈춥니다)',
      'build: 스냅숏 2025-06-30을 추가했습니다(site/snapshots/에 1개)',
      'build: site/: 페이지 1개, 0.0 MB(astro T s, 전체 T s)',
      '',
    ]);
  });

  it('Korean for a Korean config: a --snapshot-weekday build on another weekday says why it adds no snapshot', async () => {
    // 2025-06-30 is a Monday; --snapshot-weekday 2 adds one on Tuesdays.
    const { dir } = rejecting({ locale: 'ko' });
    const ko = await runBuild(dir, '--snapshot', '--snapshot-weekday', '2');
    expect(ko.code).toBe(0);
    expect(lines(ko.stderr)[0]).toBe('build: 이번에는 스냅숏을 추가하지 않습니다. 기준일 2025-06-30은 월요일이고, --snapshot-weekday 2는 화요일에만 추가합니다');
    const en = await runBuild(dir, '--snapshot', '--snapshot-weekday', 'sun', '--lang', 'en');
    expect(lines(en.stderr)[0]).toBe('build: no snapshot this time: the as-of date 2025-06-30 is a Monday, and --snapshot-weekday 7 adds one on Sundays');
    expect((await runBuild(dir, '--snapshot', '--snapshot-weekday', '2', '--quiet')).stderr).toBe('');
  });

  it('Korean for a Korean config: a --snapshot-weekday build run again on its weekday keeps the snapshot, saying so', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    expect((await runBuild(dir, '--snapshot', '--new-history')).code).toBe(0);
    const again = await runBuild(dir, '--snapshot', '--snapshot-weekday', '1', '--site', 'https://acme.github.io/pipescope/', '--digest', 'digest.md');
    expect(again.code).toBe(0);
    expect(lines(again.stderr)[0]).toBe('build: 2025-06-30 스냅숏이 이미 site/snapshots에 있어 그대로 둡니다(다시 만들려면 --snapshot-weekday 없이 --snapshot --replace로 실행하세요)');
    // Its digest links to that day's snapshot, as the first run's did, not to the live pages, which show another date tomorrow.
    const digest = readFileSync(join(dir, 'digest.md'), 'utf8');
    const links = [...digest.matchAll(/\]\(<(https:[^>]+)>\)/gu)].map((l) => l[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.startsWith('https://acme.github.io/pipescope/snapshots/2025-06-30/'))).toEqual([]);
  });

  it('the snapshot line takes the particle its date is read with (2026-06-30을, 2026-06-05를)', async () => {
    const { CLI_TEXT } = await import('../../../src/lib/i18n/cli-text.ts');
    const said = (asOf: string, replaced: boolean) => CLI_TEXT.ko.snapshot({ asOf, replaced, count: 3, folder: 'dist/snapshots' });
    expect(said('2026-06-30', false)).toBe('스냅숏 2026-06-30을 추가했습니다(dist/snapshots/에 3개)');
    expect(said('2026-06-05', false)).toBe('스냅숏 2026-06-05를 추가했습니다(dist/snapshots/에 3개)');
    expect(said('2026-06-09', true)).toBe('스냅숏 2026-06-09를 교체했습니다(dist/snapshots/에 3개)');
    expect(said('2026-06-01', true)).toBe('스냅숏 2026-06-01을 교체했습니다(dist/snapshots/에 3개)');
    expect(CLI_TEXT.ko.snapshot({ asOf: '2026-06-01', replaced: false, count: 3, folder: 'dist/snapshots', top: '2026-06-16' })).toBe(
      '스냅숏 2026-06-01을 추가했습니다(dist/snapshots/에 3개). /는 더 늦은 2026-06-16 기준 그대로이며, 이 데이터로 다시 만들었습니다',
    );
  });

  it('the warnings of a build that went ahead: counted, the first of each kind quoted, in either language; nothing with --quiet', async () => {
    // The no-history-fields fixture: 5 warnings and no rejected row (3 deals without history, a stage mismatch, one row of an unread field).
    const dir = tempDir();
    copyFixture('no-history-fields', dir);
    const en = await runBuild(dir, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(lines(en.stderr)[1]).toBe(
      'build: 5 warnings on what was read (' +
        'deals.csv line 2 column "stage": no stage_history rows; the history is synthesized from created_at, stage and closed_at; ' +
        'deals.csv line 5 column "stage": stage is "negotiate" (Negotiation) but the latest stage_history row (line 3) is "propose" (Proposal); the history wins; ' +
        'field_history.csv line 11 column "field": changes of fields the metrics do not read are kept and not used: "owner" (1 row); the metrics replay amount and expected_close_at; ...' +
        '); the Data quality page lists them',
    );
    expect(lines(en.stderr)).toHaveLength(4);
    const ko = await runBuild(dir, '--lang', 'ko');
    expect(lines(ko.stderr)[1]).toMatch(/^build: 읽은 내용에 경고 5건\(deals\.csv 2행 "stage" 열: .+; deals\.csv 5행 "stage" 열: .+; field_history\.csv 11행 "field" 열: .+; \.\.\.\)\. 데이터 품질 페이지에서 볼 수 있습니다$/u);
    expect((await runBuild(dir, '--quiet')).stderr).toBe('');
  });

  it('English with --lang en, and nothing with --quiet', async () => {
    const { dir } = rejecting({ locale: 'ko' });
    const en = await runBuild(dir, '--lang', 'en');
    expect(lines(en.stderr)).toEqual([
      'build: 2 deals as of 2025-06-30: read T s, metrics and views T s',
      'build: 3 of 9 rows rejected; the Data quality page lists them (--strict or --max-rejected stops the build instead)',
      'build: 1 page, 0.0 MB in site/ (astro T s, total T s)',
      '',
    ]);
    expect((await runBuild(dir, '--quiet')).stderr).toBe('');
  });
});

describe('gateMessage: data that records no change before the as-of date', () => {
  it('says so in either language', async () => {
    const { gateMessage } = await import('../../../scripts/lib/quality-gate.ts');
    const gate: Quality = { rows: 0, rejected: 0, warnings: 0, first: [], asOf: AS_OF, failure: { status: 'stale', max: 7, newest: null, age: null } };
    expect(gateMessage(gate, 'en')).toBe('--max-data-age 7: the data records no change before the as-of date 2025-06-30; was the export refreshed? The output was not replaced');
    expect(gateMessage(gate, 'ko')).toBe('--max-data-age 7: 기준일 2025-06-30 이전에 기록된 변경이 데이터에 없습니다. 내보내기가 갱신되었는지 확인하세요. 출력을 교체하지 않았습니다');
  });
});
