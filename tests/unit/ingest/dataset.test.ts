import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { dealTable } from '../../../src/lib/dataset-deal-table.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { buildDataset, loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { fatalText } from '../../../src/lib/i18n/fatal-text.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { Invalid, parseChoice, parseForecastCategory } from '../../../src/lib/ingest/values.ts';
import { cp949, utf8, utf16 } from './helpers.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
// The spec's worked example, copied into the repository (tests never read outside it).
const EXAMPLE = join(FIXTURES, 'spec-example', 'data');

const DEALS_HEADER = 'deal_id,account_id,owner,amount,created_at,stage';
const HISTORY_HEADER = 'deal_id,stage,entered_at';

/** Ingest CSV texts (UTF-8) by file name. */
function ingest(texts: Record<string, string | Uint8Array>): Dataset {
  const files = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, typeof v === 'string' ? utf8(v) : v]));
  return loadDataset(files).dataset;
}

/** Issues as compact lines, for snapshots. */
const issueLines = (d: Dataset) => d.issues.map((i) => `${i.file}:${i.line} ${i.column || '-'} ${i.severity} ${i.code}: ${i.message}`);

const fatal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestFatalError);
    return (e as Error).message;
  }
  throw new Error('expected an IngestFatalError');
};

describe('a stage_history.csv cut short', () => {
  const deals = (n: number) => [DEALS_HEADER, ...Array.from({ length: n }, (_, i) => `D${i + 1},A1,Kim,1000,2025-03-01,propose`)].join('\n');
  const history = (ids: number[]) => [HISTORY_HEADER, ...ids.flatMap((i) => [`D${i},prospect,2025-03-01`, `D${i},propose,2025-04-01`])].join('\n');
  const coverage = (d: Dataset) => issueLines(d).filter((l) => l.includes('history_incomplete'));

  it('rows for 60 of 100 deals (cut at a line end after deal 60): one warning at its last row, in both languages, beside each deal\'s own', () => {
    const d = ingest({ 'deals.csv': deals(100), 'stage_history.csv': history(Array.from({ length: 60 }, (_, i) => i + 1)) });
    expect(coverage(d)).toEqual([
      'stage_history.csv:121 - warning history_incomplete: no rows for 40 of the 100 deals (40%), whose histories are synthesized from deals.csv (synthesized_history): ' +
        "an export holds every deal's history, so was the file cut short (a download or an API export that stopped early) or filtered? Export it again whole",
    ]);
    expect(d.issues.filter((i) => i.code === 'synthesized_history')).toHaveLength(40);
    const issue = d.issues.find((i) => i.code === 'history_incomplete')!;
    expect(issueMessage(issue, 'ko')).toBe(
      '딜 100건 중 40건(40%)의 행이 없어 그 이력을 deals.csv에서 만들었습니다(synthesized_history). 내보내기에는 모든 딜의 이력이 들어 있으므로, 파일이 중간에 잘렸거나(다운로드나 API 내보내기가 일찍 멈춤) 걸러졌을 수 있습니다. 전체를 다시 내보내세요',
    );
  });

  it('fewer than 10 deals without rows, or under a twentieth of them, or none with rows: no such warning', () => {
    expect(coverage(ingest({ 'deals.csv': deals(20), 'stage_history.csv': history(Array.from({ length: 11 }, (_, i) => i + 1)) }))).toEqual([]);
    expect(coverage(ingest({ 'deals.csv': deals(300), 'stage_history.csv': history(Array.from({ length: 286 }, (_, i) => i + 1)) }))).toEqual([]);
    expect(coverage(ingest({ 'deals.csv': deals(300), 'stage_history.csv': history(Array.from({ length: 285 }, (_, i) => i + 1)) }))).toHaveLength(1);
    expect(coverage(ingest({ 'deals.csv': deals(30), 'stage_history.csv': HISTORY_HEADER }))).toEqual([]);
  });
});

describe('the worked example of the spec', () => {
  it('reads 24 deals and 87 history rows without issues', async () => {
    const { dataset } = await readFolder(EXAMPLE);
    expect(dataset.files).toEqual({
      'deals.csv': { rows: 24, accepted: 24, rejected: 0 },
      'stage_history.csv': { rows: 87, accepted: 87, rejected: 0 },
    });
    expect(dataset.issues).toEqual([]);
    expect(dataset.deals).toHaveLength(24);
    expect(dataset.stageHistory.length).toBe(87);
    const sha = (f: string) => createHash('sha256').update(readFileSync(join(EXAMPLE, f))).digest('hex');
    expect(dataset.fileHashes).toEqual({ 'deals.csv': sha('deals.csv'), 'stage_history.csv': sha('stage_history.csv') });
  });
});

describe('a folder with every file', () => {
  it('reads config, all five CSV files, conversions and warnings', async () => {
    const progress: string[] = [];
    const { dataset, config } = await readFolder(join(FIXTURES, 'ingest-all-files'), {
      onProgress: (file, done, total) => progress.push(`${file} ${done}/${total}`),
    });
    expect(config.timezone).toBe('Asia/Seoul');
    expect(Object.keys(dataset.fileHashes).sort()).toEqual([
      'accounts.csv', 'deals.csv', 'field_history.csv', 'pipeline.config.json', 'stage_history.csv', 'targets.csv',
    ]);
    expect(progress).toContain('deals.csv 449/449');
    expect(dataset.files).toEqual({
      'deals.csv': { rows: 3, accepted: 3, rejected: 0 },
      'stage_history.csv': { rows: 5, accepted: 5, rejected: 0 },
      'field_history.csv': { rows: 3, accepted: 3, rejected: 0 },
      'accounts.csv': { rows: 2, accepted: 2, rejected: 0 },
      'targets.csv': { rows: 2, accepted: 2, rejected: 0 },
    });
    expect(issueLines(dataset)).toMatchInlineSnapshot(`
      [
        "deals.csv:5 amount warning amount_missing: amount is empty; it counts as 0",
        "deals.csv:5 stage warning synthesized_history: no stage_history rows; the history is synthesized from created_at, stage and closed_at",
        "field_history.csv:4 field warning fields_not_used: changes of fields the metrics do not read are kept and not used: "owner" (1 row); the metrics replay amount and expected_close_at",
      ]
    `);
    const [d1, d2, d3] = dataset.deals;
    expect(d1).toMatchObject({ id: 'D1', name: 'Big, multi-line\r\ndeal', line: 2, amount: 1_350_000, cost: 675_000, currency: 'USD', fxRate: 1350 });
    expect(d1).toMatchObject({ stage: 2, expectedCloseAt: '2025-03-31', budgetConfirmed: true, closedAt: null });
    expect(new Date(d1!.createdAt).toISOString()).toBe('2025-01-09T15:00:00.000Z');
    expect(d2).toMatchObject({ id: 'D2', line: 4, amount: 2_500_000, currency: 'KRW', fxRate: 1, stage: 4, budgetConfirmed: false, lifecycleMonths: 24 });
    expect(new Date(d2!.createdAt).toISOString()).toBe('2025-01-15T00:30:00.000Z');
    expect(new Date(d2!.closedAt!).toISOString()).toBe('2025-02-19T15:00:00.000Z');
    expect(new Date(d2!.installedAt!).toISOString()).toBe('2025-02-28T15:00:00.000Z');
    expect(d3).toMatchObject({ id: 'D3', line: 5, amount: null, stage: 0 });
    expect([...dataset.stageHistory.deal]).toEqual([0, 0, 0, 1, 1]);
    expect([...dataset.stageHistory.stage]).toEqual([0, 1, 2, 0, 4]);
    expect(new Date(dataset.stageHistory.enteredAt[1]!).toISOString()).toBe('2025-01-20T01:00:00.000Z');
    // Field history: amounts in the deal's currency are converted; CloseDate is an alias; owner is ignored.
    expect(dataset.fieldHistory).toEqual([
      { deal: 0, field: 'amount', oldValue: 1_080_000, newValue: 1_350_000, changedAt: Date.UTC(2025, 1, 4, 15), line: 2 },
      { deal: 0, field: 'expected_close_at', oldValue: '2025-03-15', newValue: '2025-03-31', changedAt: Date.UTC(2025, 1, 5, 15), line: 3 },
    ]);
    expect(dataset.accounts?.[0]).toMatchObject({ accountId: 'A1', relationship: 'friendly', budgetCycleMonth: 3, industry: 'Manufacturing' });
    expect(dataset.targets).toEqual([
      { period: '2025-Q1', owner: '', team: '', targetAmount: 100_000_000, line: 2 },
      { period: '2025-03', owner: 'Kim', team: '', targetAmount: 30_000_000, line: 3 },
    ]);
    expect(dataset.columns['deals.csv']?.has('budget_confirmed')).toBe(true);
    expect(dataset.columns['deals.csv']?.has('keyman')).toBe(false);
  });
});

describe('deal names', () => {
  it('come back whole and in order across the batches they are kept joined in, whatever their length', () => {
    // 2,500 deals: three batches of 1,024 names joined, the last one partly filled; empty, short and long names.
    const name = (d: number) => (d % 7 === 0 ? '' : d % 3 === 0 ? `딜 ${d}` : `${'가나다라마바사'.repeat(1 + (d % 4))} 교체 ${d}`);
    const rows = Array.from({ length: 2500 }, (_, d) => `D${d},"${name(d)}",A1,Kim,100,2025-01-02,prospect`);
    const dataset = ingest({ 'deals.csv': ['deal_id,deal_name,account_id,owner,amount,created_at,stage', ...rows].join('\n'), 'stage_history.csv': HISTORY_HEADER });
    const expected = Array.from({ length: 2500 }, (_, d) => name(d));
    expect(dealTable(dataset).name).toEqual(expected);
    expect(dataset.deals.map((deal) => deal.name)).toEqual(expected);
  });
});

describe('encodings and delimiters end to end', () => {
  it('reads a CP949 deals.csv with Korean stage labels and ￦ amounts, UTF-16 history, semicolons', () => {
    const deals = cp949(`${DEALS_HEADER}\nD1,A1,Kim,"￦1,000원",2025-01-01,수주\nD2,A1,Kim,5000,2025-01-01,가망 고객\n`);
    const history = utf16(`${HISTORY_HEADER.replaceAll(',', ';')}\r\nD1;prospect;2025-01-01\r\nD1;won;2025-01-05\r\nD2;prospect;2025-01-01\r\n`, 'le');
    const d = ingest({ 'deals.csv': deals, 'stage_history.csv': history });
    expect(d.issues).toEqual([]);
    expect(d.deals.map((x) => [x.id, x.amount, x.stage])).toEqual([
      ['D1', 1000, 4],
      ['D2', 5000, 0],
    ]);
    expect(d.stageHistory.length).toBe(3);
  });

  it('reads a Korean Excel folder from disk: CP949 deals (re-read after UTF-8 fails), UTF-16 tab-separated history', async () => {
    const folder = join(FIXTURES, 'ingest-korean-excel');
    const { dataset } = await readFolder(folder);
    expect(dataset.issues).toEqual([]);
    expect(dataset.deals.map((x) => [x.id, x.owner, x.amount, x.stage, new Date(x.createdAt).toISOString()])).toEqual([
      ['K1', '김', 1_000_000, 4, '2025-03-04T00:00:00.000Z'],
      ['K2', '이', 2_000_000, 0, '2025-03-05T00:00:00.000Z'],
    ]);
    expect(dataset.stageHistory.length).toBe(3);
    const sha = (f: string) => createHash('sha256').update(readFileSync(join(folder, f))).digest('hex');
    expect(dataset.fileHashes).toEqual({ 'deals.csv': sha('deals.csv'), 'stage_history.csv': sha('stage_history.csv') });
  });

  it('warns when a file is in no supported encoding', () => {
    // 0x81: not UTF-8, undefined in Windows-1252, and "81 79" is no Korean text.
    const deals = new Uint8Array([...utf8(`${DEALS_HEADER},notes\nD1,A1,Kim,1,2025-01-01,won,x`), 0x81, ...utf8('y\n')]);
    const d = ingest({ 'deals.csv': deals, 'stage_history.csv': `${HISTORY_HEADER}\nD1,won,2025-01-01\n` });
    expect(issueLines(d)).toMatchInlineSnapshot(`
      [
        "deals.csv:2 - warning invalid_encoding: line 2 is not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U+FFFD. Save it as UTF-8 (in Excel: File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which are not read)",
      ]
    `);
    expect(d.deals).toHaveLength(1);
  });
});

describe('broken CSV', () => {
  it('rejects a record with broken quoting at its line, and reads the lines after it', () => {
    const d = ingest({
      'deals.csv': `${DEALS_HEADER}\nD1,A1,Kim,1,2025-01-01,won\nD2,"A2,Kim,1,2025-01-01,won\nD3,A3,Kim,1,2025-01-01,won\n`,
      'stage_history.csv': `${HISTORY_HEADER}\nD1,won,2025-01-01\n`,
    });
    expect(issueLines(d)).toMatchInlineSnapshot(`
      [
        "deals.csv:3 account_id error malformed_csv: line 3: a quoted cell opened on line 3 at character 4 (column "account_id") is never closed before the end of the file; 1 line rejected, the lines after it are read as usual. Close the quote, or write a quote inside a quoted cell as two ("")",
        "deals.csv:4 closed_at error missing_close: closed_at is empty for a deal in closed stage "won" that has no stage_history rows, so its close date is unknown",
      ]
    `);
    expect(d.files['deals.csv']).toEqual({ rows: 3, accepted: 1, rejected: 2 });
  });
});

describe('rows the CSV reader rejects', () => {
  it('claim their deal_id as any rejected row: history rows name their line, a later row repeating it is a duplicate', () => {
    const dataset = ingest({
      // D1's name holds an unquoted comma (field_count), D2's line has broken quoting, D3's is cut off at the end of the file.
      'deals.csv': [`${DEALS_HEADER},deal_name`, 'D1,A1,Kim,100,2025-01-05,prospect,Alpha, Inc', 'D2,A1,Kim,100,2025-01-05,prospect,"Beta', 'D1,A1,Kim,100,2025-01-05,prospect,Alpha Inc', 'D4,A1,Kim,100,2025-01-05,prospect,Delta', 'D3,A1,Kim,100'].join('\n'),
      'stage_history.csv': `${HISTORY_HEADER}\nD1,prospect,2025-01-05\nD2,prospect,2025-01-05\nD3,prospect,2025-01-05\nD4,prospect,2025-01-05\n`,
    });
    expect(dataset.deals.map((d) => d.id)).toEqual(['D4']);
    expect(issueLines(dataset).filter((l) => l.includes(' error '))).toEqual([
      'deals.csv:2 - error field_count: line 2: 8 cells, the header has 7 (extra: "Inc"); a cell that contains a comma must be in double quotes, as "Rival, Inc". Row rejected',
      expect.stringMatching(/^deals\.csv:3 deal_name error malformed_csv: /u),
      'deals.csv:4 deal_id error duplicate_id: deal_id "D1" already appears on line 2; this later row is rejected',
      expect.stringMatching(/^deals\.csv:6 amount error truncated_row: /u),
      'stage_history.csv:2 deal_id error unknown_deal: deal_id "D1" belongs to a rejected deals.csv row (line 2)',
      'stage_history.csv:3 deal_id error unknown_deal: deal_id "D2" belongs to a rejected deals.csv row (line 3)',
      'stage_history.csv:4 deal_id error unknown_deal: deal_id "D3" belongs to a rejected deals.csv row (line 6)',
    ]);
  });
});

describe('a cell in typographic quotes', () => {
  it('has the field_count error say that “ ” quote nothing, in English and Korean', () => {
    // TextEdit and Word curl typed quotes: “Alpha, Inc” is two cells.
    const dataset = ingest({ 'deals.csv': `${DEALS_HEADER},deal_name\nD1,A1,Kim,100,2025-01-05,prospect,\u201cAlpha, Inc\u201d\n`, 'stage_history.csv': `${HISTORY_HEADER}\n` });
    const issue = dataset.issues.find((i) => i.code === 'field_count')!;
    expect(issue.message).toBe(
      'line 2: 8 cells, the header has 7 (extra: "Inc”"); a cell that contains a comma must be in double quotes, as "Rival, Inc" (typographic quotes, “ ”, do not quote a cell: write straight ones, "). Row rejected',
    );
    expect(issueMessage(issue, 'ko')).toBe(
      '2행: 셀이 8개로 머리글의 7개보다 많습니다(남는 셀: "Inc”"). 쉼표(,)가 들어 있는 셀은 "Rival, Inc"처럼 큰따옴표로 감싸야 합니다(“ ” 같은 둥근 따옴표는 셀을 감싸지 못하니 곧은 따옴표 "를 쓰세요). 이 행은 제외했습니다',
    );
    // Straight quotes: the message as before, translated as before.
    const plain = ingest({ 'deals.csv': `${DEALS_HEADER},deal_name\nD1,A1,Kim,100,2025-01-05,prospect,Alpha, Inc\n`, 'stage_history.csv': `${HISTORY_HEADER}\n` }).issues.find((i) => i.code === 'field_count')!;
    expect(plain.message).toBe('line 2: 8 cells, the header has 7 (extra: "Inc"); a cell that contains a comma must be in double quotes, as "Rival, Inc". Row rejected');
    expect(issueMessage(plain, 'ko')).toBe('2행: 셀이 8개로 머리글의 7개보다 많습니다(남는 셀: "Inc"). 쉼표(,)가 들어 있는 셀은 "Rival, Inc"처럼 큰따옴표로 감싸야 합니다. 이 행은 제외했습니다');
  });
});

describe('values after the header\'s last named column', () => {
  it('are said once per file, where a cell split at an unquoted comma lost its end without a word, in English and Korean', () => {
    // Excel leaves empty names after the last column once cells to the right were used: the split cell's end falls under them.
    const dataset = ingest({
      'deals.csv': [`${DEALS_HEADER},lost_reason,,,`, 'D1,A1,Kim,100,2025-01-05,lost,price, timing,,', 'D2,A1,Kim,100,2025-01-05,prospect,,,,', 'D3,A1,Kim,100,2025-01-05,lost,budget,,note,', ''].join('\n'),
      'stage_history.csv': `${HISTORY_HEADER}\nD1,lost,2025-02-01\nD2,prospect,2025-01-05\nD3,lost,2025-02-01\n`,
    });
    // The rows are read as before (a column of data may have no name): nothing else is said of them.
    expect(dataset.deals.map((d) => [d.id, d.lostReason])).toEqual([['D1', 'price'], ['D2', ''], ['D3', 'budget']]);
    const issue = dataset.issues.find((i) => i.code === 'unnamed_values')!;
    expect(issueLines(dataset).filter((l) => !l.includes('synthesized_history'))).toEqual([
      'deals.csv:2 - warning unnamed_values: lines 2 and 4: a value after the header\'s last named column "lost_reason" (first on line 2: "timing" in column 8) is not read, and the header gives it no name; a cell that contains a comma must be in double quotes, as "Rival, Inc", and a column of data needs a name in the header',
    ]);
    expect(issueMessage(issue, 'ko')).toBe(
      '2, 4행: 머리글의 마지막 이름 있는 열 "lost_reason" 뒤에 값이 있습니다(처음은 2행, 8번째 열의 "timing"). 머리글에 이름이 없는 열이어서 읽지 않았습니다. 쉼표(,)가 들어 있는 셀은 "Rival, Inc"처럼 큰따옴표로 감싸야 하고, 데이터가 든 열에는 머리글에 이름을 붙여야 합니다',
    );
  });

  it('are not said for blank cells under the empty names, nor for a header without them', () => {
    const dataset = ingest({
      'deals.csv': `${DEALS_HEADER},,\nD1,A1,Kim,100,2025-01-05,prospect,,\nD2,A1,Kim,100,2025-01-05,prospect, ,\n`,
      'stage_history.csv': `${HISTORY_HEADER}\nD1,prospect,2025-01-05\nD2,prospect,2025-01-05\n`,
    });
    expect(dataset.issues).toEqual([]);
  });
});

describe('fatal problems', () => {
  const history = `${HISTORY_HEADER}\n`;
  it('names the file and the missing columns', () => {
    expect(fatal(() => ingest({ 'deals.csv': 'deal_id,owner\n', 'stage_history.csv': history }))).toMatchInlineSnapshot(
      `"deals.csv: missing required columns "account_id", "amount", "created_at", "stage""`,
    );
    expect(fatal(() => ingest({ 'deals.csv': `${DEALS_HEADER}\n`, 'stage_history.csv': 'deal_id,stage\n' }))).toMatchInlineSnapshot(
      `"stage_history.csv: missing required column "entered_at""`,
    );
    expect(fatal(() => ingest({ 'deals.csv': '', 'stage_history.csv': history }))).toMatchInlineSnapshot(
      `"deals.csv: missing required columns "deal_id", "account_id", "owner", "amount", "created_at", "stage" (the file is empty)"`,
    );
    expect(
      fatal(() => ingest({ 'deals.csv': `${DEALS_HEADER}\n`, 'stage_history.csv': history, 'field_history.csv': 'deal_id,field,changed_at\n' })),
    ).toMatchInlineSnapshot(`"field_history.csv: missing required columns "old_value", "new_value""`);
  });

  it('names the line of a header under a title typed above the table, in English and Korean', () => {
    // A spreadsheet with a title row and a blank row above the column names, saved as CSV (BOM and all).
    const deals = `\ufeff2026년 영업 파이프라인,,,,,\n,,,,,\n${DEALS_HEADER}\nD1,A1,Kim,100,2026-01-05,prospect\n`;
    const message = fatal(() => ingest({ 'deals.csv': deals, 'stage_history.csv': history }));
    expect(message).toBe(
      'deals.csv: missing required columns "deal_id", "account_id", "owner", "amount", "created_at", "stage"; the columns are on line 3, under "2026년 영업 파이프라인" on line 1: the header must be the first line, so delete the lines above it (a title) and save the CSV again',
    );
    expect(fatalText({ code: 'missing_columns', message }, 'ko')).toBe(
      'deals.csv: 필수 열 "deal_id", "account_id", "owner", "amount", "created_at", "stage"가 없습니다. 열 이름은 3행에 있고, 그 위 1행에 "2026년 영업 파이프라인"이 있습니다. 머리글은 첫 줄이어야 하므로 그 위의 줄(제목)을 지우고 CSV로 다시 저장하세요',
    );
    // Only the columns still missing are named; a title without a header below keeps the plain message.
    expect(fatal(() => ingest({ 'deals.csv': `${DEALS_HEADER}\n`, 'stage_history.csv': `Stage history\ndeal_id,stage,entered_at\nD1,prospect,2026-01-05\n` }))).toBe(
      'stage_history.csv: missing required columns "deal_id", "stage", "entered_at"; the columns are on line 2, under "Stage history" on line 1: the header must be the first line, so delete the lines above it (a title) and save the CSV again',
    );
    expect(fatal(() => ingest({ 'deals.csv': 'Pipeline\nnot,a,header\n', 'stage_history.csv': history }))).toBe(
      'deals.csv: missing required columns "deal_id", "account_id", "owner", "amount", "created_at", "stage"',
    );
  });

  it('names a missing required file', async () => {
    expect(fatal(() => ingest({ 'deals.csv': `${DEALS_HEADER}\n` }))).toMatchInlineSnapshot(`"stage_history.csv: required file is missing"`);
    await expect(readFolder(join(FIXTURES, 'does-not-exist'))).rejects.toThrow(/does-not-exist: the data folder does not exist/);
    await expect(readFolder(join(FIXTURES, 'does-not-exist'), { format: 'canonical' })).rejects.toThrow(/deals\.csv: required file is missing/);
  });

  it('names the config key and why', () => {
    const files = { 'deals.csv': `${DEALS_HEADER}\n`, 'stage_history.csv': history };
    expect(fatal(() => ingest({ ...files, 'pipeline.config.json': '{"timezone": "Mars/Base"}' }))).toMatchInlineSnapshot(
      `"pipeline.config.json: timezone at line 1 column 14: must be an IANA time zone such as "Asia/Seoul" or "UTC", not "Mars/Base""`,
    );
    expect(fatal(() => ingest({ ...files, 'pipeline.config.json': '{"currency": ' }))).toMatch(/^pipeline\.config\.json: not valid JSON/);
  });
});

describe('rejected rows and warnings', () => {
  const config = parseConfig({ fx: { USD: 1000 }, timezone: 'UTC' });
  const deals = [
    'deal_id,account_id,owner,amount,currency,created_at,closed_at,stage,budget_confirmed,purchase_type,lifecycle_months,cost,notes',
    'D1,A1,Kim,100,,2025-01-01,,prospect,maybe,bulk,36,,extra column ignored',
    ',A1,Kim,100,,2025-01-01,,prospect,,,,,', // no deal_id
    'D2,,,100,,2025-01-01,,prospect,,,,,', // account_id and owner empty
    'D3,A1,Kim,100,,2025-13-01,,Closed Won,,,,,', // bad date and unknown stage
    'D1,A2,Lee,100,,2025-01-01,,prospect,,,,,', // duplicate id
    'D4,A1,Kim,-5,,2025-01-01,,prospect,,,0,,',
    'D5,A1,Kim,100 USD,,2025-01-01,,prospect,,,,,', // code differs from the row currency (KRW)
    'D6,A1,Kim,100,EUR,2025-01-01,,prospect,,,,,', // no fx rate
    'D7,A1,Kim,100,US Dollar,2025-01-01,,prospect,,,,,',
    'D8,A1,Kim,100,USD,2025-01-01,,won,,,,,', // won, no closed_at, no history
    'D9,A1,Kim,100,USD,2025-01-01,,lost,,,,,', // lost, no closed_at, but history
    'D10,A1,Kim,,,2025-01-01,2025-02-01,won,Y,phased-ish,,1.5,',
    'D11,A1,Kim,"1,000",,2025-01-01,,"qualify',
    '",,,,,', // a quoted stage spanning two lines
  ].join('\n');
  const history = [
    HISTORY_HEADER,
    'D1,prospect,2025-01-01',
    'D1,qualify,2025-01-05',
    'D1,qualify,2025-01-05', // repeat
    'D9,prospect,2025-01-01',
    'D9,lost,2025-01-09',
    'D9,prospect,2025-01-09', // tie with the lost row: file order makes this the last one
    'D404,prospect,2025-01-01', // not in deals.csv
    'D3,prospect,2025-01-01', // its deals.csv row was rejected
    'D8,won,x', // rejected: bad date (and D8 then has no history)
    'D1,,2025-01-01',
    'D1,Negotiation ,2025/01/07',
  ].join('\n');
  const fieldHistory = [
    'deal_id,field,old_value,new_value,changed_at',
    'D9,amount,50 USD,60,2025-01-02',
    'D9,amount,50 KRW,60,2025-01-02',
    'D1,close_date,2025-02-30,,2025-01-02',
    'D8,amount,1,2,2025-01-02', // D8 was rejected
    'D1,stage,anything,goes,2025-01-02',
    'D1,stage,anything,goes,',
  ].join('\n');
  const accounts = ['account_id,relationship,budget_cycle_month', 'A1,friendly,3', 'A1,neutral,4', 'A2,warm,13', ',,'].join('\n');
  const targets = ['period,owner,target_amount', '2025-06,,1000', '2025-06,,2000', '2025-06,Kim,3000', '2025-6,,1', '2025-Q3,,-1', '2025-Q3,,5 USD'].join('\n');
  const dataset = buildDataset(
    {
      'deals.csv': utf8(deals),
      'stage_history.csv': utf8(history),
      'field_history.csv': utf8(fieldHistory),
      'accounts.csv': utf8(accounts),
      'targets.csv': utf8(targets),
    },
    config,
  );

  it('reports every problem with file, line, column, code and message, sorted', () => {
    expect(issueLines(dataset)).toMatchInlineSnapshot(`
      [
        "accounts.csv:3 account_id error duplicate_id: account_id "A1" already appears on line 2; this later row is rejected",
        "accounts.csv:4 budget_cycle_month error invalid_number: budget_cycle_month "13" is out of range (1-12)",
        "accounts.csv:4 relationship error invalid_value: relationship "warm" is not one of friendly, neutral, hostile",
        "deals.csv:2 budget_confirmed warning invalid_boolean: budget_confirmed "maybe" is not a boolean (true/false, yes/no, y/n, 1/0); read as false",
        "deals.csv:2 stage warning stage_mismatch: stage is "prospect" but the latest stage_history row (line 12) is "negotiate" (Negotiation); the history wins",
        "deals.csv:3 deal_id error missing_value: deal_id is required but empty",
        "deals.csv:4 account_id error missing_value: account_id is required but empty",
        "deals.csv:4 owner error missing_value: owner is required but empty",
        "deals.csv:5 created_at error invalid_date: created_at "2025-13-01" has month 13, not 1-12",
        "deals.csv:5 stage error unknown_stage: stage "Closed Won" is not a configured stage id or label (prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주")); it looks like won ("Won"): to read it as that stage, add "Closed Won" to the stage's "aliases" in pipeline.config.json",
        "deals.csv:6 deal_id error duplicate_id: deal_id "D1" already appears on line 2; this later row is rejected",
        "deals.csv:7 amount error negative_number: amount "-5" is negative; only 0 or more is allowed",
        "deals.csv:7 lifecycle_months error invalid_number: lifecycle_months "0" is out of range (1-1200)",
        "deals.csv:8 amount error currency_mismatch: amount "100 USD" is in USD, not KRW (the deal's currency)",
        "deals.csv:9 currency error missing_fx_rate: currency EUR has no rate in the config "fx" (amounts are reported in KRW); add "fx": {"EUR": <KRW for 1 EUR>} to pipeline.config.json to read the row",
        "deals.csv:10 currency error invalid_currency: currency "US Dollar" is not an ISO 4217 currency code such as "KRW"",
        "deals.csv:11 closed_at error missing_close: closed_at is empty for a deal in closed stage "won" that has no stage_history rows, so its close date is unknown",
        "deals.csv:12 stage warning stage_mismatch: stage is "lost" but the latest stage_history row (line 7) is "prospect"; the history wins",
        "deals.csv:13 amount warning amount_missing: amount is empty; it counts as 0",
        "deals.csv:13 purchase_type warning invalid_value: purchase_type "phased-ish" is not one of bulk, phased; left empty",
        "deals.csv:13 stage warning synthesized_history: no stage_history rows; the history is synthesized from created_at, stage and closed_at",
        "deals.csv:14 stage warning synthesized_history: no stage_history rows; the history is synthesized from created_at, stage and closed_at",
        "field_history.csv:3 old_value error currency_mismatch: old_value "50 KRW" is in KRW, not USD (the deal's currency)",
        "field_history.csv:4 old_value error invalid_date: old_value "2025-02-30" has day 30, which 2025-02 does not have",
        "field_history.csv:5 deal_id error unknown_deal: deal_id "D8" belongs to a rejected deals.csv row (line 11)",
        "field_history.csv:6 field warning stage_in_field_history: the field "stage" (1 row) is not read here: a deal's stages are read from stage_history.csv (deal_id, stage, entered_at), one row per stage entered",
        "field_history.csv:7 changed_at error missing_value: changed_at is required but empty",
        "stage_history.csv:8 deal_id error unknown_deal: deal_id "D404" is not in deals.csv",
        "stage_history.csv:9 deal_id error unknown_deal: deal_id "D3" belongs to a rejected deals.csv row (line 5)",
        "stage_history.csv:10 entered_at error invalid_date: entered_at "x" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD)",
        "stage_history.csv:11 stage error missing_value: stage is required but empty",
        "targets.csv:3 period error duplicate_target: a target for 2025-06 and the whole company already appears on line 2; this later row is rejected",
        "targets.csv:5 period error invalid_value: period "2025-6" is not a period (expected YYYY-MM or YYYY-Qn); write it as 2025-06",
        "targets.csv:6 target_amount error negative_number: target_amount "-1" is negative; only 0 or more is allowed",
        "targets.csv:7 target_amount error currency_mismatch: target_amount "5 USD" is in USD, not KRW (the config currency)",
      ]
    `);
  });

  it('keeps rows = accepted + rejected, and one error line per rejected row', () => {
    expect(dataset.files).toMatchInlineSnapshot(`
      {
        "accounts.csv": {
          "accepted": 1,
          "rejected": 2,
          "rows": 3,
        },
        "deals.csv": {
          "accepted": 4,
          "rejected": 9,
          "rows": 13,
        },
        "field_history.csv": {
          "accepted": 2,
          "rejected": 4,
          "rows": 6,
        },
        "stage_history.csv": {
          "accepted": 7,
          "rejected": 4,
          "rows": 11,
        },
        "targets.csv": {
          "accepted": 2,
          "rejected": 4,
          "rows": 6,
        },
      }
    `);
    for (const [file, stats] of Object.entries(dataset.files)) {
      expect(stats.rows).toBe(stats.accepted + stats.rejected);
      const errorLines = new Set(dataset.issues.filter((i) => i.file === file && i.severity === 'error').map((i) => i.line));
      expect(errorLines.size, file).toBe(stats.rejected);
    }
  });

  it('keeps the accepted rows, converted', () => {
    expect(dataset.deals.map((d) => [d.id, d.amount, d.currency, d.fxRate, d.cost, d.lifecycleMonths, d.purchaseType, d.budgetConfirmed])).toEqual([
      ['D1', 100, 'KRW', 1, null, 36, 'bulk', false],
      ['D9', 100_000, 'USD', 1000, null, null, '', false],
      ['D10', null, 'KRW', 1, 1.5, null, '', true],
      ['D11', 1000, 'KRW', 1, null, null, '', false],
    ]);
    // D11's quoted stage spans lines 14-15 and is trimmed to "qualify".
    expect(dataset.deals[3]).toMatchObject({ line: 14, stage: 1 });
    expect(dataset.stageHistory.length).toBe(7);
  });
});

describe('choice cells written in Korean or Japanese', () => {
  const reason = (v: unknown) => (v instanceof Invalid ? `${v.code}: ${v.reason}` : `not invalid: ${String(v)}`);
  it('names the value a Korean or Japanese word stands for, without reading it, in English and Korean', () => {
    const dataset = ingest({
      'deals.csv': [
        `${DEALS_HEADER},purchase_type,forecast_category`,
        'D1,A1,Kim,100,2025-01-01,prospect,일괄,커밋',
        'D2,A1,Kim,100,2025-01-01,prospect,분할 구매,최상의 경우',
        'D3,A1,Kim,100,2025-01-01,prospect,단계별,パイプライン',
        'D4,A1,Kim,100,2025-01-01,prospect,통합,업사이드',
      ].join('\n'),
      'stage_history.csv': `${HISTORY_HEADER}\nD1,prospect,2025-01-01\nD2,prospect,2025-01-01\nD3,prospect,2025-01-01\nD4,prospect,2025-01-01`,
      'accounts.csv': 'account_id,relationship\nA1,우호적\nA2,비우호\nA3,좋음',
    });
    const warned = dataset.issues.filter((i) => ['purchase_type', 'forecast_category', 'relationship'].includes(i.column));
    expect(warned.map((i) => `${i.file}:${i.line} ${i.severity}: ${i.message} | ${issueMessage(i, 'ko')}`)).toEqual([
      'accounts.csv:2 error: relationship "우호적" is not one of friendly, neutral, hostile (write it as friendly) | relationship "우호적"은 friendly, neutral, hostile 중 하나가 아닙니다(friendly로 적으세요)',
      'accounts.csv:3 error: relationship "비우호" is not one of friendly, neutral, hostile (write it as hostile) | relationship "비우호"는 friendly, neutral, hostile 중 하나가 아닙니다(hostile로 적으세요)',
      'accounts.csv:4 error: relationship "좋음" is not one of friendly, neutral, hostile | relationship "좋음"은 friendly, neutral, hostile 중 하나가 아닙니다',
      'deals.csv:2 warning: forecast_category "커밋" is not one of commit, best_case, pipeline, omitted (write it as commit); the deal has no category | forecast_category "커밋"은 commit, best_case, pipeline, omitted 중 하나가 아닙니다(commit으로 적으세요). 이 딜에는 예측 범주가 없는 것으로 봅니다',
      'deals.csv:2 warning: purchase_type "일괄" is not one of bulk, phased (write it as bulk); left empty | purchase_type "일괄"은 bulk, phased 중 하나가 아닙니다(bulk로 적으세요). 빈 값으로 두었습니다',
      'deals.csv:3 warning: forecast_category "최상의 경우" is not one of commit, best_case, pipeline, omitted (write it as best_case); the deal has no category | forecast_category "최상의 경우"는 commit, best_case, pipeline, omitted 중 하나가 아닙니다(best_case로 적으세요). 이 딜에는 예측 범주가 없는 것으로 봅니다',
      'deals.csv:3 warning: purchase_type "분할 구매" is not one of bulk, phased (write it as phased); left empty | purchase_type "분할 구매"는 bulk, phased 중 하나가 아닙니다(phased로 적으세요). 빈 값으로 두었습니다',
      'deals.csv:4 warning: forecast_category "パイプライン" is not one of commit, best_case, pipeline, omitted (write it as pipeline); the deal has no category | forecast_category "パイプライン"은 commit, best_case, pipeline, omitted 중 하나가 아닙니다(pipeline으로 적으세요). 이 딜에는 예측 범주가 없는 것으로 봅니다',
      'deals.csv:4 warning: purchase_type "단계별" is not one of bulk, phased (write it as phased); left empty | purchase_type "단계별"은 bulk, phased 중 하나가 아닙니다(phased로 적으세요). 빈 값으로 두었습니다',
      'deals.csv:5 warning: forecast_category "업사이드" is not one of commit, best_case, pipeline, omitted; the deal has no category | forecast_category "업사이드"는 commit, best_case, pipeline, omitted 중 하나가 아닙니다. 이 딜에는 예측 범주가 없는 것으로 봅니다',
      'deals.csv:5 warning: purchase_type "통합" is not one of bulk, phased; left empty | purchase_type "통합"은 bulk, phased 중 하나가 아닙니다. 빈 값으로 두었습니다',
    ]);
    // Japanese words too, any case and spacing; what is not clearly one value gets no hint.
    expect(reason(parseChoice('一括', ['bulk', 'phased'], 'purchase_type'))).toBe('invalid_value: "一括" is not one of bulk, phased (write it as bulk)');
    expect(reason(parseForecastCategory('Pipeline-Stage'))).toBe('invalid_forecast_category: "Pipeline-Stage" is not one of commit, best_case, pipeline, omitted');
    expect(reason(parseForecastCategory(' 베스트 케이스 '))).toMatch(/\(write it as best_case\)$/);
    // Not read: each deal is kept, with no purchase type and no category.
    expect(dataset.deals.map((d) => [d.id, d.purchaseType, d.forecastCategory])).toEqual([
      ['D1', '', null],
      ['D2', '', null],
      ['D3', '', null],
      ['D4', '', null],
    ]);
  });
});
