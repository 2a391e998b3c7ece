/**
 * A problem that stops a run (a missing file or column, no export found, an invalid config, the
 * pipeline to choose) is said in `--lang`'s language, else the config's `locale`, else English
 * (also when the config itself is what cannot be read), as the lines about the data are: a Korean
 * team's CI log reads in one language. In-process, with the exact line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as build } from '../../../scripts/build.ts';
import type { BuildDeps } from '../../../scripts/lib/build-deps.ts';
import { main as dev } from '../../../scripts/dev.ts';
import { main as init } from '../../../scripts/init.ts';
import { main as metrics } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { readExpect, runCase } from '../../fixtures/bad/_run.ts';
import { copyFixture, fakeIO, FIXTURES, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const AS_OF = '2025-06-30';
const KO = '{"locale": "ko"}';
const SPEC = join(FIXTURES, 'spec-example', 'data');

/** A data folder of `files` (name -> text) in a new working folder. */
function folder(files: Record<string, string | Uint8Array>): { dir: string; data: string } {
  const dir = tempDir();
  const data = join(dir, 'data');
  mkdirSync(data);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(data, name), text);
  return { dir, data };
}

/** A copy of a fixture's data folder, its config given `locale` (when given). */
function fixture(name: string, locale?: string): { dir: string; data: string } {
  const dir = tempDir();
  const data = copyFixture(name, dir);
  if (locale !== undefined) {
    const path = join(data, 'pipeline.config.json');
    let config: Record<string, unknown> = {};
    try {
      config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      // none yet
    }
    writeFileSync(path, JSON.stringify({ ...config, locale }));
  }
  return { dir, data };
}

async function runMetrics(cwd: string, ...args: string[]) {
  const f = fakeIO(cwd);
  const code = await metrics(['--data', 'data', '--as-of', AS_OF, '--out', 'm.json', ...args], f.io);
  return { code, stderr: f.stderr() };
}

const SPEC_HISTORY = readFileSync(join(SPEC, 'stage_history.csv'), 'utf8');
/** init's read of the folder with its suggestion, for runs that stop before it: reaching it fails the test. */
const unreachedRead = (): never => {
  throw new Error('init read the folder after a problem that should have stopped it');
};

describe('metrics: a missing file or column', () => {
  it('a missing required column, in the config language; English with --lang en, byte for byte as before', async () => {
    const { dir } = folder({ 'deals.csv': 'deal_id,deal_name\nD1,x\n', 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    const ko = await runMetrics(dir);
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe('metrics: deals.csv: 필수 열 "account_id", "owner", "amount", "created_at", "stage"가 없습니다\n');
    const en = await runMetrics(dir, '--lang', 'en');
    expect(en.stderr).toBe('metrics: deals.csv: missing required columns "account_id", "owner", "amount", "created_at", "stage"\n');
  });

  it('with the hint of what the header holds instead', async () => {
    const { dir } = folder({ 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': 'Deal ID,stage,Entered At\nD1,prospect,2025-01-01\n' });
    const r = await runMetrics(dir, '--lang', 'ko');
    expect(r.stderr).toBe('metrics: stage_history.csv: 필수 열 "deal_id", "entered_at"이 없습니다. 머리글에 "Deal ID", "Entered At" 열이 있습니다. 열 이름을 정확히 deal_id, entered_at으로 적으세요\n');
  });

  it('a missing required file', async () => {
    const { dir, data } = folder({ 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'pipeline.config.json': KO });
    const r = await runMetrics(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`metrics: ${join(data, 'stage_history.csv')}: 필수 파일이 없습니다\n`);
  });

  it('deals.csv missing beside the other canonical files', async () => {
    const { dir } = folder({ 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    const r = await runMetrics(dir);
    expect(r.stderr).toBe('metrics: deals.csv: 필수 파일이 없습니다(폴더에는 stage_history.csv만 있습니다. docs/input.md 참고)\n');
  });

  it('a data folder that does not exist (--lang: there is no config to read)', async () => {
    const dir = tempDir();
    const r = await runMetrics(dir, '--lang', 'ko');
    expect(r.stderr).toBe(`metrics: ${join(dir, 'data')}: 데이터 폴더가 없습니다\n`);
  });

  it('a deals.csv that is a folder, and one that is a workbook', async () => {
    const { dir, data } = folder({ 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    mkdirSync(join(data, 'deals.csv'));
    expect((await runMetrics(dir)).stderr).toBe(`metrics: ${join(data, 'deals.csv')}: 폴더입니다. 이름과 달리 CSV 파일이 아닙니다\n`);
    const xlsx = fixture('bad/files-deals-is-xlsx', 'ko');
    expect((await runMetrics(xlsx.dir)).stderr).toBe(
      'metrics: deals.csv: .csv 이름으로 저장된 스프레드시트 통합 문서(XLSX 또는 XLS)이며 CSV 파일이 아닙니다. Excel에서 열어 CSV로 저장하거나(파일 → 다른 이름으로 저장 → "CSV UTF-8(쉼표로 분리)(*.csv)") CRM에서 CSV로 다시 내보내고, 파일 이름은 deals.csv로 하세요\n',
    );
  });

  it('NUL bytes, and a header whose quote is never closed', async () => {
    const nul = fixture('bad/nul-in-cell', 'ko');
    expect((await runMetrics(nul.dir)).stderr).toBe(
      'metrics: deals.csv: 3행(바이트 오프셋 287)부터 NUL 바이트가 있어 텍스트 CSV 파일이 아닙니다(스프레드시트, 데이터베이스 파일, 또는 바이트 순서 표시(BOM) 없는 UTF-16인가요?). 파일을 만든 프로그램에서 열어 CSV(UTF-8)로 내보내세요\n',
    );
    const quote = fixture('bad/quote-header-broken', 'ko');
    expect((await runMetrics(quote.dir)).stderr).toBe(
      'metrics: deals.csv: 머리글을 읽을 수 없습니다: 1행: 1행 9번째 글자에서 시작한 따옴표 셀이 파일 끝까지 닫히지 않았습니다. 따옴표를 닫거나, 따옴표 셀 안의 따옴표는 두 번("") 적으세요\n',
    );
  });
});

describe('metrics: no export found', () => {
  it('an empty folder', async () => {
    const { dir } = folder({});
    const r = await runMetrics(dir, '--lang', 'ko');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('metrics: 내보내기 파일을 찾지 못했습니다(CSV 파일이 없습니다). deals.csv와 stage_history.csv(docs/input.md), 또는 CRM에서 내보낸 파일(docs/exports.md)을 폴더에 넣으세요\n');
  });

  it('files that are no export, with why each is not read, in the config language', async () => {
    const { dir } = folder({ 'contacts.csv': 'name,email\nKim,k@example.com\n', 'empty.csv': '', 'pipeline.config.json': KO });
    const r = await runMetrics(dir);
    expect(r.stderr).toBe(
      'metrics: 내보내기 파일을 찾지 못했습니다(폴더의 파일: contacts.csv, empty.csv). deals.csv와 stage_history.csv(docs/input.md), 또는 CRM에서 내보낸 파일(docs/exports.md)을 폴더에 넣으세요. empty.csv: 빈 파일입니다(머리글 행도 없습니다). 무시했습니다\n',
    );
  });

  it('the canonical files one folder down: which folder to point --data at, in English and Korean', async () => {
    const { dir, data } = folder({});
    mkdirSync(join(data, 'export'));
    writeFileSync(join(data, 'export', 'deals.csv'), readFileSync(join(SPEC, 'deals.csv')));
    writeFileSync(join(data, 'export', 'stage_history.csv'), SPEC_HISTORY);
    const en = await runMetrics(dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      'metrics: no export found. export/deals.csv, export/stage_history.csv: they are the canonical files (docs/input.md), in a subfolder, and canonical files are read only at the top of the data folder: point --data at their folder, "export"\n',
    );
    const ko = await runMetrics(dir, '--lang', 'ko');
    expect(ko.stderr).toBe(
      'metrics: 내보내기 파일을 찾지 못했습니다. export/deals.csv, export/stage_history.csv: 표준 파일(docs/input.md)이지만 하위 폴더에 있습니다. 표준 파일은 데이터 폴더에 바로 들어 있을 때만 읽습니다. --data로 그 폴더("export")를 가리키세요\n',
    );
    // Doing what it says reads them.
    const f = fakeIO(dir);
    expect(await metrics(['--data', 'data/export', '--as-of', AS_OF, '--out', 'm.json', '--quiet'], f.io)).toBe(0);
  });

  it('canonical files under other names: the name to give each, in Korean', async () => {
    const { dir } = folder({ 'Pipeline - deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history (1).csv': SPEC_HISTORY });
    const ko = await runMetrics(dir, '--lang', 'ko');
    expect(ko.code).toBe(1);
    expect(ko.stderr).toBe(
      'metrics: 내보내기 파일을 찾지 못했습니다. Pipeline - deals.csv: deals.csv의 열(docs/input.md)을 가졌지만 이름이 다릅니다. 이름을 deals.csv로 바꾸세요. stage_history (1).csv: stage_history.csv의 열(docs/input.md)을 가졌지만 이름이 다릅니다. 이름을 stage_history.csv로 바꾸세요\n',
    );
    const { dir: second } = folder({ 'deals (1).csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY });
    expect((await runMetrics(second, '--lang', 'ko')).stderr).toBe(
      'metrics: deals.csv: 필수 파일이 없습니다(폴더에는 stage_history.csv만 있습니다. docs/input.md 참고). deals (1).csv: deals.csv의 열(docs/input.md)을 가졌지만 이름이 다릅니다. 이름을 deals.csv로 바꾸세요\n',
    );
  });

  it('the export of another CRM than --format names', async () => {
    const { dir } = fixture('exports/pipedrive-deals', 'ko');
    const r = await runMetrics(dir, '--format', 'hubspot');
    expect(r.stderr).toBe(
      'metrics: HubSpot 딜 내보내기를 찾지 못했습니다(--format hubspot). deals-8317624-41.csv: Pipedrive 딜 내보내기 형식으로 보이며 HubSpot 딜 내보내기 형식이 아닙니다. --format pipedrive로 실행하거나 --format 없이 실행하여 형식을 자동으로 알아내게 하세요\n',
    );
  });
});

describe('metrics: an invalid config', () => {
  const BAD = '{"locale": "ko", "window_days": -1, "stall_day": {}}';

  it('is said in English when the config itself cannot be read, in Korean with --lang ko, each problem on its own', async () => {
    const { dir } = folder({ 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': BAD });
    const en = await runMetrics(dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/^metrics: pipeline\.config\.json: window_days at line 1 column 33: must be more than 0, not -1; pipeline\.config\.json: stall_day at line 1 column 37: unknown key "stall_day": did you mean "stall_days"\? /u);
    const ko = await runMetrics(dir, '--lang', 'ko');
    expect(ko.stderr).toMatch(
      /^metrics: pipeline\.config\.json: window_days\(1행 33열\): 0보다 커야 합니다\(지금은 -1\); pipeline\.config\.json: stall_day\(1행 37열\): 알 수 없는 키 "stall_day"입니다\. "stall_days"를 뜻했나요\? 여기에 쓸 수 있는 키: "currency", /u,
    );
    expect(ko.stderr.endsWith('"redaction"(docs/input.md에 목록이 있습니다)\n')).toBe(true);
  });

  it("--config's file missing or a folder: English, or --lang's language", async () => {
    const { dir } = folder({ 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    mkdirSync(join(dir, 'ci'));
    const en = await runMetrics(dir, '--config', 'ci/team.json');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('metrics: --config ci/team.json: the file does not exist\n');
    expect((await runMetrics(dir, '--config', 'ci/team.json', '--lang', 'ko')).stderr).toBe('metrics: --config ci/team.json: 파일이 없습니다\n');
    expect((await runMetrics(dir, '--config', 'ci', '--lang', 'ko')).stderr).toBe('metrics: --config ci: 폴더입니다. 그 안의 설정 파일을 지정하세요\n');
  });

  it('not JSON, empty, a key written twice', async () => {
    const files = { 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY };
    const json = folder({ ...files, 'pipeline.config.json': '{\n  // the team\'s config\n  "locale": "ko"\n}\n' });
    expect((await runMetrics(json.dir, '--lang', 'ko')).stderr).toBe("metrics: pipeline.config.json: 올바른 JSON이 아닙니다: 2행 3열: 속성 이름이나 '}'가 와야 합니다. JSON에는 주석을 쓸 수 없으니 지우세요\n");
    const empty = folder({ ...files, 'pipeline.config.json': '\n' });
    expect((await runMetrics(empty.dir, '--lang', 'ko')).stderr).toBe(
      'metrics: pipeline.config.json: 파일이 비어 있습니다. {"currency": "KRW"} 같은 JSON 객체를 적거나, 기본 설정을 쓰려면 파일을 지우세요\n',
    );
    const twice = folder({ ...files, 'pipeline.config.json': '{"locale": "ko", "locale": "en"}' });
    expect((await runMetrics(twice.dir, '--lang', 'ko')).stderr).toBe('metrics: pipeline.config.json: locale(1행 18열): "locale"이 같은 객체에 두 번 있습니다(처음은 1행 2열). 하나만 남기세요\n');
  });

  it('--redact without a salt, in the config language', async () => {
    const { dir } = folder({ 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    const r = await runMetrics(dir, '--redact');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'metrics: pipeline.config.json: redaction.salt: --redact에는 비밀 값(salt)이 필요합니다. 그래야 누구도 아는 이름으로 가명을 다시 계산할 수 없습니다. 데이터 폴더의 pipeline.config.json에 "redaction": { "salt": "<무작위 문자 16자 이상>" }을 추가하고(예: node -e "console.log(crypto.randomBytes(16).toString(\'hex\'))"의 출력) 그 파일은 공유하는 자료에서 빼세요\n',
    );
  });
});

describe('metrics: the pipeline to choose', () => {
  it('an export of several pipelines without --pipeline', async () => {
    const { dir } = fixture('exports/hubspot-deals', 'ko');
    const r = await runMetrics(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'metrics: hubspot-crm-exports-all-deals-2025-06-30.csv: HubSpot 딜 내보내기에 파이프라인이 2개 있습니다: "Sales Pipeline"(딜 7건), "Renewals"(딜 2건). 지표는 한 파이프라인의 단계로 계산하므로 --pipeline "<이름>"으로 하나를 고르세요\n',
    );
  });

  it('a --pipeline the export does not hold', async () => {
    const { dir } = fixture('exports/hubspot-deals', 'ko');
    const r = await runMetrics(dir, '--pipeline', 'Enterprise');
    expect(r.stderr).toBe('metrics: hubspot-crm-exports-all-deals-2025-06-30.csv: --pipeline "Enterprise"가 HubSpot 딜 내보내기에 없습니다. "Pipeline" 열에 있는 파이프라인: "Sales Pipeline"(딜 7건), "Renewals"(딜 2건)\n');
  });

  it('--pipeline for canonical files whose deals.csv has no pipeline column', async () => {
    const dir = tempDir();
    const f = fakeIO(dir);
    expect(await metrics(['--data', SPEC, '--as-of', AS_OF, '--pipeline', 'Sales', '--lang', 'ko'], f.io)).toBe(1);
    expect(f.stderr()).toBe('metrics: --pipeline "Sales"를 적용할 수 없습니다. deals.csv에 "pipeline" 열이 없습니다. deals.csv에 그 열을 추가하거나 --pipeline을 빼세요\n');
  });

  it('a --pipeline canonical deals.csv does not hold', async () => {
    const { dir } = fixture('pipeline-choice', 'ko');
    const r = await runMetrics(dir, '--pipeline', 'Partners');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('metrics: --pipeline "Partners"가 deals.csv에 없습니다. "pipeline" 열에 있는 파이프라인: "Renewals"(딜 3건), "New business"(딜 7건), "(파이프라인 없음)"(딜 1건)\n');
  });
});

describe('metrics: CRM exports', () => {
  it('stage names no configured stage has: the Korean line, then the snippet as it is', async () => {
    const { dir } = fixture('bad/vendor-unmatched-stage', 'ko');
    const r = await runMetrics(dir);
    expect(r.code).toBe(1);
    const [line, ...snippet] = r.stderr.split('\n');
    expect(line).toBe(
      'metrics: deals-export.csv: 설정된 단계와 맞지 않는 단계 이름이 2개 있습니다: "Demo Scheduled"(1개 행), "Contract Sent"(1개 행). pipeline.config.json의 "stages"에 추가하거나(아래 예시 참고) `npm run init -- --data <folder>`를 실행하세요. 설정된 단계의 예전 이름(이름을 바꾸기 전의 이름)이라면 대신 그 단계의 "aliases"에 넣으세요(`"aliases": ["예전 이름"]`).',
    );
    expect(snippet[0]).toBe('  "stages": [');
  });

  it('an export that lacks a column deals.csv needs', async () => {
    const { dir, data } = fixture('exports/pipedrive-deals', 'ko');
    const path = join(data, 'deals-8317624-41.csv');
    const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
    const drop = header!.split(',').indexOf('Deal - Owner');
    expect(drop).toBeGreaterThan(-1);
    const without = (line: string) => line.split(',').filter((_, i) => i !== drop).join(',');
    writeFileSync(path, [header!, ...rows].map(without).join('\n'));
    const r = await runMetrics(dir);
    expect(r.stderr).toBe('metrics: deals-8317624-41.csv: Pipedrive 딜 내보내기에 "Deal - Owner" 열이 없습니다. 내보낼 열에 추가하여 다시 내보내세요\n');
  });
});

describe('build, dev and init', () => {
  /** A render that never gets its data: the data stops the build first. */
  const render: BuildDeps['render'] = async (_options, dataReady) => {
    await dataReady;
    throw new Error('rendered, though the data stops the build');
  };

  it('build: said in the config language after the extraction in a process of its own', async () => {
    const { dir } = folder({ 'deals.csv': 'deal_id,deal_name\nD1,x\n', 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    const f = fakeIO(dir);
    const deps: BuildDeps = { readFolder, render, cacheDir: join(dir, '.cache'), extractInChild: true };
    expect(await build(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--no-cache', '--quiet'], f.io, deps)).toBe(1);
    expect(f.stderr()).toBe('build: deals.csv: 필수 열 "account_id", "owner", "amount", "created_at", "stage"가 없습니다\n');
  });

  it('build: --lang en over a Korean config', async () => {
    const { dir } = folder({ 'deals.csv': 'deal_id,deal_name\nD1,x\n', 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    const f = fakeIO(dir);
    const deps: BuildDeps = { readFolder, render, cacheDir: join(dir, '.cache') };
    expect(await build(['--data', 'data', '--as-of', AS_OF, '--out', 'site', '--no-cache', '--quiet', '--lang', 'en'], f.io, deps)).toBe(1);
    expect(f.stderr()).toBe('build: deals.csv: missing required columns "account_id", "owner", "amount", "created_at", "stage"\n');
  });

  it('dev passes --lang on to the extraction', async () => {
    const seen: string[][] = [];
    const f = fakeIO(tempDir());
    const code = await dev(['--data', 'data', '--lang', 'ko'], f.io, { extract: async (argv) => (seen.push(argv), 1), serve: async () => {} });
    expect(code).toBe(1);
    expect(seen[0]).toContain('--lang=ko');
  });

  it('init: --lang ko, for no export and for a missing folder', async () => {
    const { dir, data } = folder({});
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, fs: { readdir: () => [], kind: (p: string) => (p === data ? ('folder' as const) : null), readFile: () => new Uint8Array(), writeFile: () => {} }, schemaFile: join(dir, 'schema.json'), readFolder: unreachedRead };
    expect(await init(['--data', data, '--lang', 'ko'], io)).toBe(1);
    expect(err.join('')).toBe('init: 내보내기 파일을 찾지 못했습니다(CSV 파일이 없습니다). deals.csv와 stage_history.csv(docs/input.md), 또는 CRM에서 내보낸 파일(docs/exports.md)을 폴더에 넣으세요\n');
    err.length = 0;
    expect(await init(['--data', join(dir, 'nowhere'), '--lang', 'ko'], io)).toBe(1);
    expect(err.join('')).toBe(`init: ${join(dir, 'nowhere')}: 데이터 폴더가 없습니다\n`);
    err.length = 0;
    expect(await init(['--data', join(dir, 'nowhere')], io)).toBe(1);
    expect(err.join('')).toBe(`init: ${join(dir, 'nowhere')}: the data folder does not exist\n`);
    // One of the data's files given as --data: the folder that holds it, as metrics says it.
    const file = join(data, 'deals.csv');
    const withFile = { ...io, fs: { ...io.fs, kind: (p: string) => (p === data ? ('folder' as const) : p === file ? ('file' as const) : null) } };
    err.length = 0;
    expect(await init(['--data', file], withFile)).toBe(1);
    expect(err.join('')).toBe(`init: ${file}: not a folder: --data takes the folder that holds the files, here ${data}\n`);
    err.length = 0;
    expect(await init(['--data', file, '--lang', 'ko'], withFile)).toBe(1);
    expect(err.join('')).toBe(`init: ${file}: 폴더가 아닙니다. --data에는 파일이 들어 있는 폴더를 주세요(여기서는 ${data})\n`);
  });
});

const HUBSPOT = join(FIXTURES, 'exports', 'hubspot-deals', 'data', 'hubspot-crm-exports-all-deals-2025-06-30.csv');
const PIPEDRIVE = join(FIXTURES, 'exports', 'pipedrive-deals', 'data', 'deals-8317624-41.csv');
/** A HubSpot export of the columns deals.csv needs, without a Pipeline column. */
const HUBSPOT_BARE = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n1,A,Closed Won,100,2025-05-01,2025-01-01,Kim\n';

describe('metrics: the folder and its exports, more', () => {
  it('two files whose names differ only by case', async () => {
    const deals = readFileSync(join(SPEC, 'deals.csv'), 'utf8');
    const { dir } = folder({ 'deals.csv': deals, 'Deals.csv': deals, 'stage_history.csv': SPEC_HISTORY, 'pipeline.config.json': KO });
    // Listed in the folder's order.
    expect((await runMetrics(dir)).stderr).toMatch(/^metrics: deals\.csv: 폴더에 대소문자만 다른 파일 ("deals\.csv", "Deals\.csv"|"Deals\.csv", "deals\.csv")가 있습니다\. 하나만 남기세요\n$/u);
  });

  it('exports of two CRMs in one folder', async () => {
    const { dir } = folder({ 'hubspot.csv': readFileSync(HUBSPOT), 'pipedrive.csv': readFileSync(PIPEDRIVE), 'pipeline.config.json': KO });
    expect((await runMetrics(dir)).stderr).toBe(
      'metrics: 폴더에 여러 CRM의 내보내기가 섞여 있습니다: HubSpot 딜 내보내기(hubspot.csv); Pipedrive 딜 내보내기(pipedrive.csv). 폴더마다 한 CRM의 파일만 두거나 --format으로 하나를 고르세요\n',
    );
  });

  it('deals.csv missing where the folder holds a CRM export (--format canonical)', async () => {
    const { dir, data } = folder({ 'hubspot.csv': readFileSync(HUBSPOT), 'pipeline.config.json': KO });
    expect((await runMetrics(dir, '--format', 'canonical')).stderr).toBe(
      `metrics: ${join(data, 'deals.csv')}: 필수 파일이 없습니다. hubspot.csv: HubSpot 딜 내보내기 형식으로 보이며 표준 파일 형식이 아닙니다. --format hubspot으로 실행하거나 --format 없이 실행하여 형식을 자동으로 알아내게 하세요\n`,
    );
  });

  it('a series of exports: one without a date, two of one date', async () => {
    const undated = folder({ 'hubspot-crm-exports-all-deals-2025-06-30.csv': readFileSync(HUBSPOT), 'hubspot-crm-exports-all-deals.csv': readFileSync(HUBSPOT), 'pipeline.config.json': KO });
    expect((await runMetrics(undated.dir, '--pipeline', 'Sales Pipeline')).stderr).toBe(
      'metrics: HubSpot 딜 내보내기가 2개 있지만 hubspot-crm-exports-all-deals.csv에는 날짜가 없습니다. 여러 내보내기는 각 파일 이름(또는 폴더 이름)의 YYYY-MM-DD 순서로 읽습니다. 파일 이름을 바꾸거나 내보내기를 하나만 두세요\n',
    );
    const twice = folder({ 'deals-2025-06-30.csv': readFileSync(HUBSPOT), 'deals-2025-06-30 (1).csv': readFileSync(HUBSPOT), 'pipeline.config.json': KO });
    expect((await runMetrics(twice.dir, '--pipeline', 'Sales Pipeline')).stderr).toBe(
      'metrics: deals-2025-06-30 (1).csv와 deals-2025-06-30.csv의 날짜가 모두 2025-06-30입니다. 날짜마다 내보내기를 하나만 두세요\n',
    );
  });

  it('--pipeline for an export without a Pipeline column, and for one with no deals', async () => {
    const bare = folder({ 'deals.hubspot.csv': HUBSPOT_BARE, 'pipeline.config.json': KO });
    expect((await runMetrics(bare.dir, '--pipeline', 'Sales')).stderr).toBe(
      'metrics: deals.hubspot.csv: --pipeline "Sales"를 적용할 수 없습니다. HubSpot 딜 내보내기에 "Pipeline" 열이 없습니다. 내보내기에 그 열을 추가하거나 --pipeline을 빼세요\n',
    );
    const header = readFileSync(HUBSPOT, 'utf8').split('\n')[0]!;
    const empty = folder({ 'deals.hubspot.csv': `${header}\n`, 'pipeline.config.json': KO });
    expect((await runMetrics(empty.dir, '--pipeline', 'Sales')).stderr).toBe(
      'metrics: deals.hubspot.csv: --pipeline "Sales"가 HubSpot 딜 내보내기에 없습니다. 내보내기에 딜이 하나도 없습니다(머리글 행만 있습니다). 내보낸 보기가 비어 있거나 필터가 걸려 있지 않은지 확인하고 다시 내보내세요\n',
    );
  });

  it('Salesforce Data Loader files without Opportunity.csv', async () => {
    const { dir, data } = fixture('exports/salesforce-data-loader', 'ko');
    rmSync(join(data, 'Opportunity.csv'));
    expect((await runMetrics(dir)).stderr).toMatch(
      /^metrics: [^:]+: Salesforce Data Loader 내보내기에는 Opportunity\.csv\(Opportunity 개체: Id, Name, StageName, Amount, CloseDate, CreatedDate, OwnerId, AccountId, \.\.\.\)가 필요합니다\n$/u,
    );
  });

  it('a config that is UTF-16 without a byte order mark, one that is a list, one with a __proto__ key', async () => {
    const files = { 'deals.csv': readFileSync(join(SPEC, 'deals.csv'), 'utf8'), 'stage_history.csv': SPEC_HISTORY };
    const utf16 = folder({ ...files, 'pipeline.config.json': Buffer.from('{"locale": "ko"}', 'utf16le') });
    expect((await runMetrics(utf16.dir, '--lang', 'ko')).stderr).toBe(
      'metrics: pipeline.config.json: 바이트 순서 표시(BOM) 없는 UTF-16(리틀 엔디언) 파일이어서 JSON으로 읽지 않습니다. UTF-8로 저장하세요(메모장: 파일 > 다른 이름으로 저장, 인코딩 "UTF-8" / PowerShell: Set-Content -Encoding utf8)\n',
    );
    const list = folder({ ...files, 'pipeline.config.json': '[]' });
    expect((await runMetrics(list.dir, '--lang', 'ko')).stderr).toBe('metrics: pipeline.config.json: (최상위): JSON 객체({ ... })여야 합니다. 지금은 목록입니다\n');
    const proto = folder({ ...files, 'pipeline.config.json': '{"labels": {"__proto__": {"en": "x"}}}' });
    expect((await runMetrics(proto.dir, '--lang', 'ko')).stderr).toBe('metrics: pipeline.config.json: labels.__proto__(1행 13열): "__proto__"는 이름으로 쓸 수 없습니다\n');
  });
});

describe('init: more of what stops it', () => {
  /** init's file functions on the real file system, its stderr collected. */
  function initIo(dir: string) {
    const err: string[] = [];
    const io = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => err.push(s) },
      fs: {
        readdir: (path: string) => readdirSync(path),
        kind: (path: string) => {
          const stat = statSync(path, { throwIfNoEntry: false });
          return stat?.isFile() ? ('file' as const) : stat?.isDirectory() ? ('folder' as const) : null;
        },
        readFile: (path: string) => readFileSync(path),
        writeFile: () => {},
      },
      schemaFile: join(dir, 'schema.json'),
      readFolder: unreachedRead,
    };
    return { io, stderr: () => err.join('') };
  }

  it('an unknown --format, an empty deals.csv, a missing stage_history.csv', async () => {
    const { dir, data } = folder({ 'deals.csv': '', 'stage_history.csv': SPEC_HISTORY });
    const unknown = initIo(dir);
    expect(await init(['--data', data, '--out', '-', '--format', 'zoho', '--lang', 'ko'], unknown.io)).toBe(1);
    expect(unknown.stderr()).toBe('init: 알 수 없는 --format "zoho"입니다(가능한 값: canonical, hubspot, pipedrive, salesforce-report, salesforce-api)\n');
    const empty = initIo(dir);
    expect(await init(['--data', data, '--out', '-', '--lang', 'ko'], empty.io)).toBe(1);
    expect(empty.stderr()).toBe('init: deals.csv: 빈 파일입니다(머리글 행도 없습니다)\n');
    rmSync(join(data, 'stage_history.csv'));
    writeFileSync(join(data, 'deals.csv'), readFileSync(join(SPEC, 'deals.csv')));
    const missing = initIo(dir);
    expect(await init(['--data', data, '--out', '-', '--lang', 'ko'], missing.io)).toBe(1);
    expect(missing.stderr()).toBe('init: stage_history.csv: 필수 파일이 없습니다\n');
  });
});

describe('the hostile corpus (tests/fixtures/bad)', () => {
  it('every case that stops with exit 1 says why in Korean with --lang ko, with the same exit code', async () => {
    const root = join(FIXTURES, 'bad');
    const english: string[] = [];
    for (const name of readdirSync(root).sort()) {
      const caseDir = join(root, name);
      if (!existsSync(join(caseDir, 'expect.json'))) continue;
      const expectation = readExpect(caseDir);
      if (expectation.exit !== 1) continue;
      const en = await runCase(caseDir, expectation);
      const ko = await runCase(caseDir, { ...expectation, args: [...expectation.args, '--lang', 'ko'] });
      expect(ko.exit, name).toBe(en.exit);
      const line = ko.stderr.split('\n')[0]!;
      if (ko.stderr === en.stderr || !/\p{Script=Hangul}/u.test(line)) english.push(`${name}: ${line}`);
    }
    expect(english).toEqual([]);
  }, 120_000);
});
