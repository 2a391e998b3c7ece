/**
 * `npm run init -- --lang ko` writes its `#` notes in Korean (i18n/init-notes-text.ts, INIT_NOTE_RULES:
 * the one list of the note templates). Here: no note init writes over the fixtures is left in English,
 * nor any note each guess can write (every branch of suggest-formats.ts, suggest-money.ts and suggest-stages.ts), a few
 * Korean lines checked by hand, and English left byte for byte as it was.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as init, nodeIo } from '../../../scripts/init.ts';
import { hasInitNoteText, initNote, INIT_TEXT } from '../../../src/lib/i18n/init-notes-text.ts';
import { guessDateOrder, guessLocale, guessTimezone } from '../../../src/lib/ingest/vendor/suggest-formats.ts';
import { guessCurrency, guessDecimal } from '../../../src/lib/ingest/vendor/suggest-money.ts';
import { type StageEvidence, suggestStages } from '../../../src/lib/ingest/vendor/suggest-stages.ts';
import { copyFixture, FIXTURES, removeTempDirs, tempDir } from '../cli/helpers.ts';

afterEach(removeTempDirs);

/** init run in-process: its exit code, stdout and stderr. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { ...nodeIo(), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } };
  const code = await init(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const HANGUL = /[\uac00-\ud7a3]/u;
/** A line's own words: without the quoted names, values and ids, and the command it gives to run. */
const ownWords = (line: string) => line.replace(/"(?:[^"\\]|\\.)*"/gu, '').replace(/npm run .*$/u, '');
/** A Korean line says something in Korean besides what it quotes. */
const saidInKorean = (line: string) => HANGUL.test(ownWords(line));

/** Every data folder of the fixtures (those that stop init are said by fatal-text.ts: tests/unit/i18n/fatal-text.test.ts). */
const FOLDERS = [
  ...readdirSync(join(FIXTURES, 'exports')).map((name) => join(FIXTURES, 'exports', name, 'data')),
  ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name, 'data')),
].filter((folder) => existsSync(folder));

/** The pipeline to choose in a folder of several. */
const PIPELINE: Record<string, string[]> = { [join(FIXTURES, 'exports', 'hubspot-deals', 'data')]: ['--pipeline', 'Sales Pipeline'] };

describe('init --lang ko over the fixtures', () => {
  it.each(FOLDERS)('%s: every note in Korean, the same config, English as before', async (folder) => {
    const extra = PIPELINE[folder] ?? [];
    const en = await run('--data', folder, '--out', '-', ...extra);
    const ko = await run('--data', folder, '--out', '-', '--lang', 'ko', ...extra);
    expect(ko.code).toBe(en.code);
    if (en.code !== 0) return;
    expect(ko.stdout).toBe(en.stdout);
    expect((await run('--data', folder, '--out', '-', '--lang', 'en', ...extra)).stderr).toBe(en.stderr);
    const enLines = en.stderr.trimEnd().split('\n');
    const koLines = ko.stderr.trimEnd().split('\n');
    expect(koLines).toHaveLength(enLines.length);
    expect(koLines.every((line) => line.startsWith('# '))).toBe(true);
    expect(koLines.filter((line, i) => line === enLines[i] || !saidInKorean(line))).toEqual([]);
  });
});

describe('every note the guesses can write has Korean', () => {
  const stage = (deal: string, name: string, more: Partial<StageEvidence['deals'][number]> = {}) => ({ deal, stage: name, vote: null, probability: null, ...more });
  const evidence = (over: Partial<StageEvidence>): StageEvidence => ({ deals: [], history: [], definitions: new Map(), voteColumns: '"Closed"/"Won"', probabilityColumns: '"Probability (%)"', ...over });
  const moves = (deal: string, ...names: string[]) => names.map((name, i) => ({ deal, stage: name, at: i, probability: null }));

  const notes = [
    ...[[], ['31/05/2025', '05/31/2025', '30/04/2025'], ['31/05/2025'], ['05/31/2025'], ['03/04/2025', '1/2/25']].flatMap((cells) => guessDateOrder(cells).notes),
    ...[['12.000', '5.000'], ['12.000'], ['1.234,5'], ['1.234,5', '12,5', '1,234.56'], ['1,234.56'], ['12.5'], []].flatMap((cells) => guessDecimal(cells).notes),
    ...[
      [{ currency: '', amount: '5' }],
      [{ currency: 'usd', amount: '10' }],
      [{ currency: 'EUR', amount: '10' }, { currency: 'EUR', amount: '10' }, { currency: 'USD', amount: '1' }, { currency: '', amount: '£5' }],
      [{ currency: '', amount: '$5' }],
      [{ currency: '', amount: '€5' }, { currency: '', amount: '€6' }],
      [{ currency: '', amount: '₩5' }],
      [{ currency: 'CAD', amount: '10' }, { currency: '', amount: '$5' }],
    ].flatMap((rows) => guessCurrency(rows, 'KRW').notes),
    ...guessTimezone(['2025. 6. 30. 오후 2:03'], 'KRW').notes,
    ...guessTimezone(['2025-06-30 10:00'], 'KRW', true).notes,
    ...guessTimezone(['2025-06-30 10:00'], 'USD').notes,
    ...guessTimezone(['2025-06-30T10:00:00Z'], 'USD').notes,
    ...guessTimezone(['2025-06-30T10:00:00+09:00'], 'KRW').notes,
    ...guessTimezone(['2025-06-30T10:00:00+05:45'], 'USD').notes,
    ...guessTimezone(['2025-06-30T10:00:00+03:00'], 'USD').notes,
    ...guessTimezone(['2025-06-30T10:00:00+03:00', '2025-06-30T11:00:00+03:00', '2025-06-30T10:00:00+00:00'], 'USD').notes,
    ...[[['가망', '제안'], []], [['Prospect'], ['하나 상사']], [['Prospect'], ['Acme']]].flatMap(([stages, deals]) => guessLocale(stages!, deals!).notes),
    // Nothing at all: a placeholder open, won and lost stage, no proposal stage.
    ...suggestStages(evidence({})).notes,
    // Moves: a tie between two stages, a cycle among three; two won names; parked; probabilities; a proposal stage.
    ...suggestStages(
      evidence({
        history: [...moves('h1', 'Lead', 'Demo'), ...moves('h2', 'Demo', 'Lead'), ...moves('h3', 'Demo', 'Quote')],
        deals: [
          stage('1', 'Lead', { probability: 0.1 }),
          stage('2', 'Won', { vote: 'won' }),
          stage('3', 'Closed Won', { vote: 'won', probability: 1 }),
          stage('4', 'Closed Won'),
          stage('5', 'On Hold'),
          stage('6', 'Lost', { vote: 'won' }),
          stage('7', 'Lost', { vote: 'lost' }),
        ],
      }),
    ).notes,
    ...suggestStages(evidence({ history: [...moves('1', 'A', 'B'), ...moves('2', 'B', 'C'), ...moves('3', 'C', 'A')], voteColumns: 'the flags' })).notes,
    // No moves, ordered by probability; a canonical deals.csv's closed_at and reasons.
    ...suggestStages(
      evidence({
        deals: [
          stage('1', 'Discovery', { probability: 0.1 }),
          stage('2', 'Proposal', { probability: 0.5 }),
          stage('3', 'Done', { close: { closed: true, outcome: 'won' } }),
          stage('4', 'Gone', { close: { closed: true, outcome: 'lost' } }),
        ],
      }),
    ).notes,
    // A stage table: sort order, kinds and probabilities.
    ...suggestStages(
      evidence({
        deals: [stage('1', 'Alpha'), stage('2', 'Beta'), stage('3', 'Yes'), stage('4', 'No')],
        definitions: new Map([
          ['alpha', { sortOrder: 1, kind: 'open', probability: 0.2 }],
          ['beta', { sortOrder: 2, kind: 'open', probability: 0.4 }],
          ['yes', { sortOrder: 3, kind: 'won', probability: 1 }],
          ['no', { sortOrder: 4, kind: 'lost', probability: 0 }],
        ] as const),
      }),
    ).notes,
  ];

  it('covers every template', () => {
    // Each template at least once (a branch dropped from the inputs above would leave it out).
    for (const start of ['date_order "YMD": no dates', 'date_order "DMY" is a guess', 'WARNING: date_order left at', 'WARNING: decimal ","', 'read the other way', 'which several currencies', 'other currencies:', 'some amounts show', 'WARNING: timezone left at', 'the most frequent of', 'locale "ko": most deal names', 'all look won', 'as often one way', 'go round in a circle', 'no deal moved between them', 'sort order of the stage table', 'the stage table says so', 'from the stage table', 'have closed_at', 'so say', 'disagree)', 'parked: its name', 'an alias of', 'no stage name looks open', 'no probabilities', 'is a proposal stage', 'qualification_required_from left out']) {
      expect(notes.some((n) => n.includes(start)), start).toBe(true);
    }
  });

  it('each in Korean', () => {
    expect(notes.filter((n) => !hasInitNoteText(n) || !saidInKorean(initNote(n, 'ko')))).toEqual([]);
  });

  it('what the folder was read as, every way suggest-config.ts says it', () => {
    for (const note of [
      'read as: canonical folder (deals.csv, stage_history.csv), --pipeline "Sales"',
      'read as: Salesforce Data Loader exports (--format salesforce-api): Opportunity.csv; accounts.csv read as in a canonical folder (docs/input.md); not read by it: Lead.csv',
      'read as: Pipedrive deals export (--format pipedrive): deals.csv; not read by it: notes.csv, x.csv',
    ]) {
      expect(hasInitNoteText(note), note).toBe(true);
    }
    expect(initNote('read as: Salesforce Data Loader exports (--format salesforce-api): Opportunity.csv; accounts.csv read as in a canonical folder (docs/input.md); not read by it: Lead.csv', 'ko')).toBe(
      'Salesforce Data Loader 내보내기로 읽었습니다(--format salesforce-api): Opportunity.csv. accounts.csv: 표준 파일 폴더에서처럼 읽었습니다(docs/input.md). 이 형식으로 읽지 않은 파일: Lead.csv',
    );
  });
});

describe('Korean notes, checked by hand', () => {
  it('the values, names and ids stay as written inside the sentence', () => {
    expect(initNote('currency "EUR": 6 deal rows carry its code', 'ko')).toBe('currency "EUR": 딜 6개 행에 이 통화 코드가 있습니다');
    expect(initNote('date_order "MDY": dates such as "10/29/2024" have a second part above 12, so it is the day', 'ko')).toBe(
      'date_order "MDY": "10/29/2024" 같은 날짜는 두 번째 부분이 12보다 커서 그 부분이 일입니다',
    );
    expect(
      initNote('stage "On Hold - Revisit" (2 rows) -> id "on_hold_revisit", open: guessed from its name, parked: its name says on hold, probability 0.1: the median of 2 values of "probability (%)"', 'ko'),
    ).toBe('단계 "On Hold - Revisit"(2개 행) -> id "on_hold_revisit". open: 이름으로 추정했습니다. 이름으로 보아 보류(parked) 단계입니다. 확률 0.1: "probability (%)" 열 값 2개의 중앙값입니다');
    expect(initNote('stage "수주" (1 row) -> an alias of "won", won: guessed from its name', 'ko')).toBe('단계 "수주"(1개 행) -> "won"의 별칭("aliases"). won: 이름으로 추정했습니다');
    expect(initNote('WARNING: deals moved between "prospect" and "negotiate" as often one way as the other: their order is a guess', 'ko')).toBe(
      '경고: "prospect"와 "negotiate" 사이를 딜이 양쪽 방향으로 같은 횟수만큼 옮겨 갔습니다. 두 단계의 순서는 추정입니다',
    );
    expect(
      initNote(
        'other currencies: USD (2 rows), GBP (1 row). "fx" is left out because a placeholder rate would be invalid and a made-up one wrong: add "fx": { "USD": <rate of 1 USD in EUR>, "GBP": <rate of 1 GBP in EUR> } with real rates, or those rows are rejected (missing_fx_rate)',
        'ko',
      ),
    ).toBe(
      '다른 통화: USD(2개 행), GBP(1개 행). 자리표시용 환율은 설정 오류가 되고, 임의로 정한 환율은 금액을 틀리게 하므로 "fx"는 넣지 않았습니다. 실제 환율로 "fx": { "USD": <1 USD당 EUR>, "GBP": <1 GBP당 EUR> }를 추가하세요. 그러지 않으면 그 행들은 제외됩니다(missing_fx_rate)',
    );
    expect(initNote('review every line above, then run: npm run metrics -- --data <folder> --pipeline "Sales Pipeline"', 'ko')).toBe(
      '위의 줄을 모두 검토한 뒤 실행하세요: npm run metrics -- --data <folder> --pipeline "Sales Pipeline"',
    );
  });

  it('English is the note as the guess wrote it; a note no rule knows stays English, never a wrong sentence', () => {
    expect(initNote('currency "EUR": 6 deal rows carry its code', 'en')).toBe('currency "EUR": 6 deal rows carry its code');
    expect(initNote('currency "EUR": a new way of saying it', 'ko')).toBe('currency "EUR": a new way of saying it');
    expect(initNote('read as: Zoho deals export (--format zoho): deals.csv', 'ko')).toBe('read as: Zoho deals export (--format zoho): deals.csv');
  });
});

describe("init's other lines with --lang ko", () => {
  it('the files it did not read, as the Data quality page says them', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    writeFileSync(join(data, 'Opportunities.xlsx'), 'PK');
    writeFileSync(join(data, 'export.zip'), 'PK\u0003\u0004');
    writeFileSync(join(data, '~$deals.csv'), Buffer.alloc(165));
    mkdirSync(join(data, '__MACOSX'));
    writeFileSync(join(data, '__MACOSX', '._deals.csv'), Buffer.alloc(40));
    symlinkSync(join(dir, 'nowhere.csv'), join(data, 'gone.csv'));
    const en = await run('--data', data, '--out', '-');
    const ko = await run('--data', data, '--out', '-', '--lang', 'ko');
    const warnings = ko.stderr.split('\n').filter((l) => l.startsWith('# 경고: ') && !l.includes('단계'));
    expect(warnings).toEqual([
      '# 경고: Opportunities.xlsx: 스프레드시트 통합 문서이며 CSV 파일이 아니어서 읽지 않았습니다. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
      '# 경고: export.zip: ZIP 압축 파일이며 CSV 파일이 아니어서 읽지 않았습니다. 압축을 풀고(CRM은 큰 내보내기를 압축해 보내기도 합니다) 그 안의 CSV 파일을 이 폴더에 대신 넣으세요',
      '# 경고: gone.csv: CSV 파일 이름이지만 읽을 수 있는 파일이 아닙니다(대상이 없는 심볼릭 링크, FIFO, 소켓). 읽지 않았습니다',
      ...en.stderr
        .split('\n')
        .filter((l) => l.startsWith('# WARNING: ') && l.includes('not read: a'))
        .map((l) => `# 경고: ${initNote(l.slice('# WARNING: '.length), 'ko')}`),
    ]);
    expect(warnings.slice(3).map((l) => l.split(': ')[1])).toEqual(expect.arrayContaining(['~$deals.csv', '__MACOSX/._deals.csv']));
    expect(warnings.every(saidInKorean)).toBe(true);
  });

  it('wrote, already exists, and an --out of the data folder', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    const out = join(dir, 'pipescope.json');
    const wrote = await run('--data', data, '--out', out, '--lang', 'ko');
    expect(wrote.code).toBe(0);
    expect(wrote.stderr.trimEnd().split('\n').at(-1)).toBe(
      `# ${out}에 썼습니다. 빌드와 지표 계산은 ${join(data, 'pipeline.config.json')}을 읽으니, 검토한 뒤 그곳에 두거나 이 파일을 --config ${out}으로 주세요`,
    );
    expect((await run('--data', data, '--out', out)).stderr).toBe(`init: ${INIT_TEXT.en.exists({ out })}\n`);
    expect((await run('--data', data, '--out', out, '--lang', 'ko')).stderr).toBe(`init: ${out}: 이미 있어 덮어쓰지 않았습니다. 그 파일을 검토하거나, 바꾸려면 --force를, 제안을 출력만 하려면 --out -를 주고 다시 실행하세요\n`);
    const inData = await run('--data', data, '--out', join(data, 'deals.csv'), '--lang', 'ko');
    expect(inData.code).toBe(2);
    expect(inData.stderr.split('\n')[0]).toBe(`init: --out ${join(data, 'deals.csv')}: 설정 파일이 아니라 데이터 폴더의 파일입니다. 제안은 ${join(data, 'pipeline.config.json')}(기본값)나 폴더 밖에 쓰세요`);
    expect((await run('--data', data, '--out', join(dir, 'other.json'), '--lang', 'ko')).stderr).toMatch(/\n# \S+other\.json에 썼습니다\. /u);
    expect((await run('--data', data, '--force', '--lang', 'ko')).stderr.trimEnd().split('\n').at(-1)).toBe(`# ${join(data, 'pipeline.config.json')}에 썼습니다`);
  });
});
