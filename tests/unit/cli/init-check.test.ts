/**
 * `npm run init`'s check of its suggestion (scripts/lib/init-check.ts): the folder read with the suggested config, as
 * the build reads it, and the rows it would leave out said before the first build. Row counts by hand from the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as init, nodeIo } from '../../../scripts/init.ts';
import { checkSuggestion } from '../../../scripts/lib/init-check.ts';
import type { Issue } from '../../../src/lib/dataset.ts';
import { firstOfEachKind, issuesQuoted } from '../../../src/lib/i18n/cli-text.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const DEALS = [
  'deal_id,deal_name,account_id,owner,amount,currency,created_at,stage',
  'D1,Alpha,A1,kim,"1.234,56",EUR,03/02/2025,Negotiation',
  'D2,Beta,A2,kim,"12,5",EUR,14/02/2025,Closed Won',
  'D3,Gamma,A3,lee,"2.000,00",EUR,20/02/2025,Lost',
];
const HISTORY = ['deal_id,stage,entered_at', 'D1,Negotiation,20/03/2025', 'D2,Negotiation,01/03/2025', 'D2,Closed Won,13/03/2025', 'D3,Lost,01/04/2025'];

function folder(deals: string[], history: string[]): string {
  const data = join(tempDir(), 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'deals.csv'), lines(...deals));
  writeFileSync(join(data, 'stage_history.csv'), lines(...history));
  return data;
}

async function runInit(...args: string[]) {
  const err: string[] = [];
  const code = await init(args, { ...nodeIo(), stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) } });
  return { code, checked: err.join('').split('\n').filter((l) => l.startsWith('# checked') || l.startsWith('# 확인')) };
}

describe('init checks its suggestion by reading the folder with it', () => {
  it('says every row is read when none would be left out', async () => {
    // 3 deal rows and 4 stage history rows.
    const data = folder(DEALS, HISTORY);
    expect(await runInit('--data', data, '--out', '-')).toEqual({ code: 0, checked: ['# checked: with this config the build and the metrics read all 7 rows of the folder'] });
    expect((await runInit('--data', data, '--out', '-', '--lang', 'ko')).checked).toEqual(['# 확인: 이 설정으로 빌드와 지표 계산이 폴더의 7행을 모두 읽습니다']);
  });

  it('quotes the warnings the reading gives, in a line of their own: an empty amount counted as 0', async () => {
    // D4's amount left empty: read (4 deal rows and 5 history rows, none left out), with one warning.
    const data = folder([...DEALS, 'D4,Delta,A4,lee,,EUR,21/02/2025,Negotiation'], [...HISTORY, 'D4,Negotiation,21/02/2025']);
    expect(await runInit('--data', data, '--out', '-')).toEqual({
      code: 0,
      checked: [
        '# checked: with this config the build and the metrics read all 9 rows of the folder',
        '# checked: 1 warning on what was read (deals.csv line 5 column "amount": amount is empty; it counts as 0); the Data quality page lists them after a build',
      ],
    });
    expect((await runInit('--data', data, '--out', '-', '--lang', 'ko')).checked).toEqual([
      '# 확인: 이 설정으로 빌드와 지표 계산이 폴더의 9행을 모두 읽습니다',
      '# 확인: 읽은 내용에 경고 1건(deals.csv 5행 "amount" 열: amount가 비어 있어 0으로 계산합니다). 빌드한 뒤 데이터 품질 페이지에서 볼 수 있습니다',
    ]);
  });

  it('names the rows the build would leave out: a currency without a rate, and its deal’s history', async () => {
    // D4 in USD beside EUR: init leaves "fx" out (a made-up rate would be wrong), so the build rejects D4 (deals.csv
    // line 5) and its two history rows (stage_history.csv lines 6 and 7): 3 of the 4 + 6 rows, the history's quoted once.
    const data = folder([...DEALS, 'D4,Delta,A4,lee,"100,00",USD,21/02/2025,Negotiation'], [...HISTORY, 'D4,Negotiation,21/02/2025', 'D4,Negotiation,22/02/2025']);
    const { code, checked } = await runInit('--data', data, '--out', join(data, '..', 'suggested.json'));
    expect(code).toBe(0);
    expect(checked).toEqual([
      "# checked: with this config the build and the metrics would leave out 3 of the folder's 10 rows" +
        ' (deals.csv line 5 column "currency": currency USD has no rate in the config "fx" (amounts are reported in EUR); add "fx": {"USD": <EUR for 1 USD>} to pipeline.config.json to read the row; ' +
        'stage_history.csv line 6 column "deal_id": deal_id "D4" belongs to a rejected deals.csv row (line 5); ...); ' +
        "fix them in the CRM or in the export's settings and export again, or review each on the Data quality page after a build",
    ]);
    const ko = (await runInit('--data', data, '--out', '-', '--lang', 'ko')).checked;
    expect(ko).toHaveLength(1);
    expect(ko[0]).toMatch(/^# 확인: 이 설정으로는 빌드와 지표 계산이 폴더의 전체 10행 중 3행을 제외합니다\(deals\.csv 5행 "currency" 열: /u);
  });

  it('says what would stop the build, in the user’s language, and lets a fault of its own through', async () => {
    const read = { folder: '/data', text: '{}', out: '-', format: undefined, pipeline: undefined };
    const stop = async (): Promise<never> => {
      throw new IngestFatalError('missing_file', 'stage_history.csv', 'stage_history.csv: required file is missing');
    };
    expect(await checkSuggestion(stop, read, 'en')).toEqual(['checked: with this config the build and the metrics would stop: stage_history.csv: required file is missing']);
    expect(await checkSuggestion(stop, read, 'ko')).toEqual(['확인: 이 설정으로는 빌드와 지표 계산이 멈춥니다: stage_history.csv: 필수 파일이 없습니다']);
    // The suggestion is given as the config, in place of the folder's, under the name the user will save it as.
    const seen: unknown[] = [];
    const spy = async (_folder: string, options: unknown): Promise<never> => {
      seen.push(options);
      throw new TypeError('a bug');
    };
    await expect(checkSuggestion(spy, { ...read, out: '/tmp/mine.json' }, 'en')).rejects.toThrow('a bug');
    expect(seen).toEqual([{ format: undefined, pipeline: undefined, config: { path: '/tmp/mine.json', name: 'mine.json', bytes: new TextEncoder().encode('{}') } }]);
  });
});

describe('the rejected rows a command line quotes', () => {
  const issue = (line: number, code: string, column: string, file = 'deals.csv'): Issue =>
    ({ severity: 'error', file, line, column, code, message: `${code} at ${line}` }) as Issue;

  it('quotes the first row of each kind (file, code, column), at most three, and says when there are more', () => {
    const issues = [issue(2, 'missing_fx_rate', 'currency'), issue(3, 'missing_fx_rate', 'currency'), issue(4, 'bad_date', 'created_at'), issue(5, 'missing_fx_rate', 'currency')];
    expect(firstOfEachKind(issues).map((i) => i.line)).toEqual([2, 4]);
    const more = [...issues, issue(6, 'bad_date', 'closed_at'), issue(7, 'negative_amount', 'amount'), { ...issue(8, 'x', 'y'), severity: 'warning' } as Issue];
    expect(firstOfEachKind(more).map((i) => i.line)).toEqual([2, 4, 6]);
    // The same code in another file is another kind.
    expect(firstOfEachKind([issue(2, 'unknown_deal', 'deal_id'), issue(3, 'unknown_deal', 'deal_id', 'stage_history.csv')]).map((i) => i.file)).toEqual(['deals.csv', 'stage_history.csv']);
    expect(issuesQuoted(issues.slice(0, 2), 2, 'en')).toMatch(/^deals\.csv line 2 column "currency": .+; \.\.\.$/u);
  });
});
