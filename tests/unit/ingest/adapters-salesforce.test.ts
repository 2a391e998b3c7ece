/**
 * The Salesforce adapters (reports and Data Loader objects): each exports
 * case gives the same metrics as its hand-written canonical folder, and the
 * exports' quirks are mapped as docs/exports.md says, with issues against
 * the Salesforce file, line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { detectFormat } from '../../../src/lib/ingest/vendor/load.ts';
import { forecastCategoryCell } from '../../../src/lib/ingest/vendor/salesforce-common.ts';
import { chainOrder, pairOrder, tiedOrder } from '../../../src/lib/ingest/vendor/salesforce-order.ts';
import { EXPORTS, exportFile, folderMetrics, load, quotedCsv } from './export-helpers.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { localeDateCell } from '../../../src/lib/ingest/vendor/clock.ts';

const CASES = ['salesforce-history-report', 'salesforce-reports-joined', 'salesforce-data-loader'];

describe('Salesforce exports cases give the metrics of their canonical folder', () => {
  for (const name of CASES) {
    it(name, async () => {
      const spec = JSON.parse(readFileSync(join(EXPORTS, name, 'case.json'), 'utf8')) as { as_of: string; format?: string; pipeline?: string };
      const fromExport = await folderMetrics(join(EXPORTS, name, 'data'), spec.as_of, { format: spec.format, pipeline: spec.pipeline });
      const fromCanonical = await folderMetrics(join(EXPORTS, name, 'canonical'), spec.as_of);
      expect(fromExport).toEqual(fromCanonical);
    });
  }
});

const CONFIG = {
  currency: 'USD',
  timezone: 'America/New_York',
  date_order: 'MDY',
  stages: [
    { id: 'prospecting', kind: 'open', label: { en: 'Prospecting' } },
    { id: 'qualification', kind: 'open', label: { en: 'Qualification' } },
    { id: 'proposal', kind: 'open', label: { en: 'Proposal/Price Quote' } },
    { id: 'on_hold', kind: 'open', parked: true, label: { en: 'On Hold - Revisit' } },
    { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
    { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
    { id: 'not_awarded', kind: 'lost', label: { en: 'Business Not Awarded' } },
  ],
} as const;

const HISTORY_HEADER = ['Opportunity Owner', 'Opportunity Name', 'Created Date', 'Last Modified', 'From Stage', 'To Stage', 'Amount', 'Close Date'];
/** A history report row: name, last modified, from, to, amount (created 3/3/2025, close 6/30/2025 unless given). */
const move = (name: string, date: string, from: string, to: string, amount = '1000', close = '6/30/2025') => ['Dana Whitfield', name, '3/3/2025', date, from, to, amount, close];
const historyReport = (rows: string[][], footer = '') => exportFile('history.csv', quotedCsv([HISTORY_HEADER, ...rows]) + footer);

describe('ordering one day of moves by their From -> To chain', () => {
  it('links moves listed in any order', () => {
    // Listed: Q -> P, creation -> Prospecting, Prospecting -> Q; all on one day.
    expect(chainOrder(['Qualification', '', 'Prospecting'], ['Proposal', 'Prospecting', 'Qualification'], '')).toEqual([1, 2, 0]);
    // A move back and forth the same day, listed back first.
    expect(tiedOrder(['Needs Analysis', 'Qualification'], ['Qualification', 'Needs Analysis'], 'Qualification')).toEqual([1, 0]);
  });

  it('places amount-only rows (From = To) where the chain passes their stage', () => {
    expect(chainOrder(['Proposal', 'Qualification'], ['Proposal', 'Proposal'], 'Qualification')).toEqual([1, 0]);
  });

  it('starts where the moves must start when the stage before them is not in the report', () => {
    expect(tiedOrder(['Proposal', 'Negotiation'], ['Negotiation', 'Closed Won'], 'Qualification')).toEqual([0, 1]);
  });

  it('orders two tied moves as tiedOrder does whenever one order chains from the stage before (property)', () => {
    const stage = fc.constantFrom('', 'A', 'B', 'C');
    let decided = 0;
    fc.assert(
      fc.property(stage, stage, stage, stage, stage, (fromA, toA, fromB, toB, before) => {
        const pair = pairOrder(fromA, toA, fromB, toB, before);
        if (pair === null) return;
        decided++;
        expect(tiedOrder([fromA, fromB], [toA, toB], before)).toEqual(pair === 'as listed' ? [0, 1] : [1, 0]);
      }),
      { numRuns: 2000 },
    );
    // About one draw in ten chains from the stage before: the property was really exercised.
    expect(decided).toBeGreaterThan(50);
  });

  it('gives null when the moves do not link up', () => {
    expect(tiedOrder(['Prospecting', 'Proposal'], ['Qualification', 'Closed Won'], 'Prospecting')).toBeNull();
  });
});

describe('Salesforce reports: detection', () => {
  it('recognises the history and opportunities reports by their headers', () => {
    expect(detectFormat(['opportunity name', 'from stage', 'to stage', 'last modified'])).toMatchObject({ role: 'history', adapter: { format: 'salesforce-report' } });
    expect(detectFormat(['opportunity name', 'account name', 'stage', 'amount'])).toMatchObject({ role: 'opportunities', adapter: { format: 'salesforce-report' } });
    expect(detectFormat(['deal name', 'stage', 'close date'])).toMatchObject({ role: 'opportunities' });
    expect(detectFormat(['deal_id', 'stage', 'entered_at'])).toBeNull();
  });

  it('recognises Data Loader objects by their API names in any case', () => {
    const api = (names: string[]) => detectFormat(names.map((n) => n.toLowerCase()));
    expect(api(['ID', 'ACCOUNTID', 'NAME', 'STAGENAME', 'AMOUNT'])).toMatchObject({ role: 'opportunity', adapter: { format: 'salesforce-api' } });
    expect(api(['ID', 'OPPORTUNITYID', 'CREATEDDATE', 'STAGENAME'])).toMatchObject({ role: 'opportunity_history' });
    expect(api(['ID', 'OPPORTUNITYID', 'CREATEDDATE', 'FIELD', 'OLDVALUE', 'NEWVALUE'])).toMatchObject({ role: 'field_history' });
    expect(api(['ID', 'FIRSTNAME', 'LASTNAME', 'NAME'])).toMatchObject({ role: 'user' });
    expect(api(['ID', 'NAME', 'INDUSTRY'])).toMatchObject({ role: 'account' });
    // A contact has first and last names too, but also an AccountId: not a user.
    expect(api(['ID', 'FIRSTNAME', 'LASTNAME', 'ACCOUNTID'])).toBeNull();
  });

  it('--format limits detection to one format', () => {
    const file = historyReport([move('Acme', '3/3/2025', '', 'Prospecting')]);
    expect(load([file], CONFIG, { format: 'salesforce-report' }).deals).toHaveLength(1);
    expect(() => load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting')])], CONFIG, { format: 'salesforce-api' })).toThrow(
      /^no Salesforce Data Loader exports found \(--format salesforce-api\)\. [^:]*: it looks like a Salesforce report, not a Salesforce Data Loader export: run with --format salesforce-report, or without --format to detect it$/u,
    );
  });
});

describe('Salesforce Opportunity History report', () => {
  it('skips the footer, reported once with its lines, and counts only the data rows', () => {
    const footer = '\n"Grand Totals (2 records)","","","","","","2,000"\n\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n"Confidential Information - Do Not Distribute"\n"Generated By:  Dana Whitfield  6/30/2025 9:14 AM"\n"Salesforce.com"\n';
    const dataset = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/10/2025', 'Prospecting', 'Qualification')], footer)], CONFIG);
    expect(dataset.files).toEqual({ 'history.csv': { rows: 2, accepted: 2, rejected: 0 } });
    const footers = dataset.issues.filter((i) => i.code === 'report_footer');
    expect(footers).toMatchObject([{ file: 'history.csv', line: 5, severity: 'warning' }]);
    expect(footers[0]!.message).toMatch(/^lines 5-10 \("Grand Totals \(2 records\)"/);
    // The footer's last line without a line end is still the footer, not a row cut off (truncated_row).
    const unended = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/10/2025', 'Prospecting', 'Qualification')], footer.trimEnd())], CONFIG);
    expect(unended.files).toEqual({ 'history.csv': { rows: 2, accepted: 2, rejected: 0 } });
    expect(unended.issues.map((i) => i.code)).not.toContain('truncated_row');
  });

  it('compares the record count of "Grand Totals (N records)" with the rows above it, and says what a difference means', () => {
    const rows = [move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/10/2025', 'Prospecting', 'Qualification')];
    const footer = (count: string) => `\n"Grand Totals (${count} records)","","","","","","2,000"\n\n"Salesforce.com"\n`;
    const said = (count: string) =>
      load([historyReport(rows, footer(count))], CONFIG)
        .issues.filter((i) => i.code === 'report_count_differs')
        .map((i) => [i.line, i.severity, i.message, issueMessage(i, 'ko')]);
    expect(said('2')).toEqual([]);
    expect(said('1,204')).toEqual([
      [
        5,
        'warning',
        '"Grand Totals (1,204 records)" counts 1204 records, but the file holds 2 rows above it (1202 fewer: rows were deleted after the export, the file was cut short, or a broken quote joined lines; export the report again to read them all)',
        '"Grand Totals (1,204 records)"에는 레코드가 1204건이라고 적혀 있지만 그 위의 행은 2개입니다. 1202개가 모자랍니다: 내보낸 뒤 행을 지웠거나, 파일이 잘렸거나, 깨진 따옴표가 줄을 합쳤습니다. 모두 읽으려면 보고서를 다시 내보내세요',
      ],
    ]);
    expect(said('1')).toEqual([
      [
        5,
        'warning',
        '"Grand Totals (1 records)" counts 1 record, but the file holds 2 rows above it (1 more: rows were added after the export; they are read as they are)',
        '"Grand Totals (1 records)"에는 레코드가 1건이라고 적혀 있지만 그 위의 행은 2개입니다. 1개가 많습니다: 내보낸 뒤 행을 더했습니다. 더한 행도 그대로 읽었습니다',
      ],
    ]);
  });

  it('takes only "Grand Totals (N records)" for the totals row: a last row whose first cell starts "Grand Total" is a row', () => {
    // The report's first column here is the owner; an account or owner named "Grand Total Events LLC" was taken for the footer.
    const last = move('GTE - Stage rigging', '3/12/2025', '', 'Prospecting');
    last[0] = 'Grand Total Events LLC';
    const footer = '\n"Grand Total (3 records)","","","","","","3,000"\n\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n';
    const dataset = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/10/2025', 'Prospecting', 'Qualification'), last], footer)], CONFIG);
    expect(dataset.files).toEqual({ 'history.csv': { rows: 3, accepted: 3, rejected: 0 } });
    expect(dataset.deals.map((d) => [d.name, d.owner])).toEqual([
      ['Acme', 'Dana Whitfield'],
      ['GTE - Stage rigging', 'Grand Total Events LLC'],
    ]);
    expect(dataset.issues.filter((i) => i.code === 'report_footer').map((i) => i.message)).toEqual([
      'lines 6-8 ("Grand Total (3 records)", "Copyright (c) 2000-2025 salesforce.com, inc. All rights rese…") are the report\'s footer, not opportunities; skipped',
    ]);
  });

  it('says in the report\'s terms why a closed opportunity without a dated stage entry is rejected (a report filtered by date)', () => {
    // Only an amount change after it was won is in the report: From and To are both Closed Won.
    const dataset = load([historyReport([move('Thames - Sorter', '4/14/2026', 'Closed Won', 'Closed Won', '85,000.00', '3/14/2025')])], CONFIG);
    const rejected = dataset.issues.filter((i) => i.code === 'missing_close');
    expect(rejected.map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      [
        'history.csv',
        2,
        'To Stage',
        'the deal is in the closed stage "Closed Won" ("To Stage"), but the export has no stage entry that dates it and no close date, so when it closed is unknown: export its whole history (a report filtered by date leaves earlier changes out)',
      ],
    ]);
    expect(issueMessage(rejected[0]!, 'ko')).toBe(
      '마감 단계 "Closed Won"("To Stage")의 딜인데 내보내기에 그 단계의 날짜가 적힌 기록도 마감일도 없어 언제 마감됐는지 알 수 없습니다. 이력 전체를 내보내세요(날짜로 필터링한 보고서에는 이전 변경이 빠집니다)',
    );
  });

  it('skips a title line above the header (a Formatted export saved as CSV)', () => {
    const file = exportFile('history.csv', `"Opportunity History - FY25"\n\n${quotedCsv([HISTORY_HEADER, move('Acme', '3/3/2025', '', 'Prospecting')])}`);
    const dataset = load([file], CONFIG);
    expect(dataset.deals).toHaveLength(1);
    expect(dataset.files['history.csv']).toEqual({ rows: 1, accepted: 1, rejected: 0 });
    expect(dataset.issues.filter((i) => i.code === 'report_title')).toMatchObject([{ line: 1, severity: 'warning' }]);
    // Quoted as written, not lower-cased as header names are compared.
    expect(dataset.issues.find((i) => i.code === 'report_title')!.message).toBe('line 1 ("Opportunity History - FY25") above the header is the report\'s title, not data; skipped');
  });

  it('identifies opportunities by name and created date, and orders same-day moves by their chain', () => {
    const rows = [
      move('Acme', '3/10/2025', 'Qualification', 'Proposal/Price Quote', '1200'),
      move('Acme', '3/3/2025', '', 'Prospecting'),
      move('Acme', '3/10/2025', 'Prospecting', 'Qualification'),
      ['Marco Reyes', 'Acme', '4/1/2025', '4/1/2025', '', 'Qualification', '500', '7/31/2025'],
    ];
    const dataset = load([historyReport(rows)], CONFIG);
    expect(dataset.deals.map((d) => [d.id, d.owner, d.amount])).toEqual([
      ['Acme (2025-03-03)', 'Dana Whitfield', 1200],
      ['Acme (2025-04-01)', 'Marco Reyes', 500],
    ]);
    const { stage, length } = dataset.stageHistory;
    const ids = Array.from(stage.subarray(0, length), (s) => CONFIG.stages[s]!.id);
    expect(ids).toEqual(['prospecting', 'qualification', 'proposal', 'qualification']);
    // The account is unknown: the opportunity's name stands in, said once.
    expect(dataset.deals[0]!.accountId).toBe('Acme');
    expect(dataset.issues.filter((i) => i.code === 'account_stand_in')).toHaveLength(1);
    expect(dataset.issues.filter((i) => i.code === 'unordered_history')).toHaveLength(0);
  });

  it('reads rows listed newest first, same-day rows in any order', () => {
    const rows = [
      move('Acme', '3/20/2025', 'Qualification', 'Closed Won', '1500'),
      move('Acme', '3/10/2025', 'Qualification', 'Qualification', '1500'),
      move('Acme', '3/10/2025', 'Prospecting', 'Qualification'),
      move('Acme', '3/3/2025', '', 'Prospecting'),
    ];
    const dataset = load([historyReport(rows)], CONFIG);
    const { stage, length } = dataset.stageHistory;
    expect(Array.from(stage.subarray(0, length), (s) => CONFIG.stages[s]!.id)).toEqual(['prospecting', 'qualification', 'won']);
    // The amount row comes after the move into Qualification that day.
    expect(dataset.fieldHistory!.map((c) => [c.field, c.newValue])).toEqual([['amount', 1500]]);
    expect(dataset.issues.filter((i) => i.code === 'unordered_history')).toEqual([]);
  });

  it('keeps file order and warns when a day does not link up', () => {
    const rows = [move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/9/2025', 'Proposal/Price Quote', 'Closed Won'), move('Acme', '3/9/2025', 'Prospecting', 'Qualification')];
    const dataset = load([historyReport(rows)], CONFIG);
    expect(dataset.issues.filter((i) => i.code === 'unordered_history')).toMatchObject([{ file: 'history.csv', line: 3, column: 'From Stage', severity: 'warning' }]);
    expect(dataset.issues.find((i) => i.code === 'unordered_history')!.message).toContain('lines 3, 4');
    expect(issueMessage(dataset.issues.find((i) => i.code === 'unordered_history')!, 'ko')).toBe(
      '딜 "Acme": 3/9/2025의 행 2개(3, 4행)가 "From Stage" → "To Stage"로 이어지지 않아 그날의 순서를 알 수 없습니다. 파일 순서대로 두었습니다',
    );
  });

  it('counts once a change that two overlapping history reports both hold (the report exported twice, or yesterday\'s left beside today\'s), and still reads reports of different periods together', () => {
    const earlier = [move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/10/2025', 'Prospecting', 'Qualification'), move('Acme', '3/12/2025', 'Qualification', 'Qualification', '1,200'), move('Acme', '3/12/2025', 'Qualification', 'Qualification', '1,200')];
    // Today's export: the same changes (one opportunity reassigned since: Owner differs), and one new move.
    const later = [...earlier.map((r, i) => (i === 0 ? ['Marco Reyes', ...r.slice(1)] : r)), move('Acme', '3/20/2025', 'Qualification', 'Proposal/Price Quote', '1,200')];
    const files = [exportFile('Opportunity History-2025-03-19.csv', quotedCsv([HISTORY_HEADER, ...earlier])), exportFile('Opportunity History-2025-03-20.csv', quotedCsv([HISTORY_HEADER, ...later]))];
    const dataset = load(files, CONFIG);
    const { stage, length } = dataset.stageHistory;
    expect(Array.from(stage.subarray(0, length), (s) => CONFIG.stages[s]!.id)).toEqual(['prospecting', 'qualification', 'proposal']);
    expect(dataset.fieldHistory!.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([['amount', 1000, 1200]]);
    expect(dataset.files).toEqual({
      'Opportunity History-2025-03-19.csv': { rows: 4, accepted: 4, rejected: 0 },
      'Opportunity History-2025-03-20.csv': { rows: 5, accepted: 1, rejected: 4 },
    });
    const overlap = dataset.issues.filter((i) => i.code === 'duplicate_rows');
    expect(overlap).toEqual([
      {
        file: 'Opportunity History-2025-03-20.csv',
        line: 2,
        column: '',
        code: 'duplicate_rows',
        severity: 'warning',
        message:
          'lines 2-5 repeat changes that "Opportunity History-2025-03-19.csv" holds (the same opportunity, date, stages, amount and close date): the same report exported twice, or exports of overlapping periods. Each change is counted once, so these rows are not used; keep one export of each period in the folder',
      },
    ]);
    expect(issueMessage(overlap[0]!, 'ko')).toBe(
      '2~5행은 "Opportunity History-2025-03-19.csv"에 이미 있는 변경(같은 딜, 날짜, 단계, 금액, 마감일)을 되풀이합니다. 같은 보고서를 두 번 내보냈거나 기간이 겹치는 내보내기입니다. 변경마다 한 번만 세므로 이 행은 쓰지 않았습니다. 폴더에는 기간마다 내보내기를 하나만 두세요',
    );
    expect(dataset.issues.filter((i) => i.code === 'unordered_history')).toEqual([]);
    // Reports of two periods (a long history exported in parts) share no change: read together, nothing left out.
    const parts = [exportFile('Opportunity History FY24.csv', quotedCsv([HISTORY_HEADER, earlier[0]!, earlier[1]!])), exportFile('Opportunity History FY25.csv', quotedCsv([HISTORY_HEADER, earlier[2]!, later[4]!]))];
    const whole = load(parts, CONFIG);
    expect(whole.issues.filter((i) => i.code === 'duplicate_rows')).toEqual([]);
    expect(whole.files['Opportunity History FY25.csv']).toEqual({ rows: 2, accepted: 2, rejected: 0 });
    expect(Array.from(whole.stageHistory.stage.subarray(0, whole.stageHistory.length), (s) => CONFIG.stages[s]!.id)).toEqual(['prospecting', 'qualification', 'proposal']);
  });

  it('turns From = To rows into amount and close-date changes, not stage entries', () => {
    const rows = [move('Acme', '3/3/2025', '', 'Prospecting', '1000', '6/30/2025'), move('Acme', '4/1/2025', 'Prospecting', 'Prospecting', '1,500', '7/31/2025')];
    const dataset = load([historyReport(rows)], CONFIG);
    expect(dataset.stageHistory.length).toBe(1);
    expect(dataset.fieldHistory!.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['amount', 1000, 1500],
      ['expected_close_at', '2025-06-30', '2025-07-31'],
    ]);
  });

  it('leaves out an Amount that does not read, said once on its own line, and makes the change around it from the amounts that read', () => {
    const rows = [
      move('Acme', '3/3/2025', '', 'Prospecting', '1000'),
      move('Acme', '4/1/2025', 'Prospecting', 'Prospecting', '1,0O0'),
      move('Acme', '5/1/2025', 'Prospecting', 'Qualification', '1,500'),
    ];
    const dataset = load([historyReport(rows)], CONFIG);
    expect(dataset.fieldHistory!.filter((c) => c.field === 'amount').map((c) => [c.oldValue, c.newValue])).toEqual([[1000, 1500]]);
    expect(dataset.issues.filter((i) => i.code !== 'account_stand_in' && i.code !== 'report_without_currency').map((i) => [i.line, i.column, i.code, i.severity, i.message])).toEqual([
      [3, 'Amount', 'invalid_number', 'warning', `"Amount" "1,0O0" is not a number; this row's amount is not read, so no amount change is made to or from it`],
    ]);
    expect(issueMessage(dataset.issues.find((i) => i.code === 'invalid_number')!, 'ko')).toBe(
      '"Amount" "1,0O0"은 숫자가 아닙니다. 이 행의 금액은 읽지 않았으므로, 이 금액으로 바뀌거나 이 금액에서 바뀐 금액 변경은 만들지 않았습니다',
    );
    expect(dataset.files['history.csv']).toEqual({ rows: 3, accepted: 3, rejected: 0 });
  });

  it("says an Amount in another currency than its row's the same way, and an unreadable latest Amount once, as the deal's", () => {
    const rows = [move('Acme', '3/3/2025', '', 'Prospecting', '1000'), move('Acme', '4/1/2025', 'Prospecting', 'Prospecting', 'EUR 1,200'), move('Acme', '5/1/2025', 'Prospecting', 'Qualification', '1,500')];
    const dataset = load([historyReport(rows)], CONFIG);
    expect(dataset.fieldHistory!.filter((c) => c.field === 'amount').map((c) => [c.oldValue, c.newValue])).toEqual([[1000, 1500]]);
    expect(dataset.issues.filter((i) => i.line > 0).map((i) => [i.line, i.column, i.code, i.severity])).toEqual([[3, 'Amount', 'currency_mismatch', 'warning']]);
    // The latest row's Amount is the deal's: one error for it (the deal rejected, as a deals.csv row would be), no warning beside it.
    const latest = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting', '1000'), move('Acme', '5/1/2025', 'Prospecting', 'Qualification', 'lots')])], CONFIG);
    expect(latest.issues.filter((i) => i.line === 3).map((i) => [i.column, i.code, i.severity])).toEqual([['Amount', 'invalid_number', 'error']]);
  });

  it('drops a row without a readable Last Modified, naming the line and column', () => {
    const dataset = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', 'someday', 'Prospecting', 'Qualification')])], CONFIG);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toMatchObject([{ file: 'history.csv', line: 3, column: 'Last Modified', code: 'invalid_date' }]);
    expect(dataset.files['history.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('rejects a row with more cells than the header (a shifted row), as in canonical files', () => {
    const shifted = [...move('Acme', '3/10/2025', 'Prospecting', 'Qualification'), 'extra'];
    const dataset = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting'), shifted])], CONFIG);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toMatchObject([{ file: 'history.csv', line: 3, code: 'field_count' }]);
    expect(dataset.files['history.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
    expect(dataset.stageHistory.length).toBe(1);
  });

  it('reports canonical errors against the report line and column', () => {
    const dataset = load([historyReport([move('Acme', '3/3/2025', '', 'Prospecting', 'lots')])], CONFIG);
    const amount = dataset.issues.find((i) => i.severity === 'error')!;
    expect(amount).toMatchObject({ file: 'history.csv', line: 2, column: 'Amount' });
    expect(amount.message).toMatch(/^"Amount" /);
  });

  it('reads the 12-hour clock of report datetimes', () => {
    expect(localeDateCell('6/30/2025 2:03 PM')).toBe('6/30/2025 14:03');
    expect(localeDateCell('6/30/2025 12:15 AM')).toBe('6/30/2025 00:15');
    expect(localeDateCell('6/30/2025')).toBe('6/30/2025');
    // Salesforce's newer (ICU) locale formats: a comma after the date, a narrow no-break space before PM.
    expect(localeDateCell('6/30/2025, 2:03\u202fPM')).toBe('6/30/2025 14:03');
    expect(localeDateCell('30/06/2025, 14:03')).toBe('30/06/2025 14:03');
    expect(localeDateCell('June 30, 2025')).toBe('June 30, 2025');
    const dataset = load([historyReport([move('Acme', '3/3/2025 9:30 PM', '', 'Prospecting')])], CONFIG);
    expect(dataset.stageHistory.enteredAt[0]).toBe(Date.UTC(2025, 2, 4, 2, 30));
  });

  it('quotes a 12-hour datetime it cannot read as the report writes it, not as rewritten for the reader', () => {
    const dataset = load([historyReport([move('Acme', '3/4/2025 9:30 PM', '', 'Prospecting')])], { ...CONFIG, date_order: undefined });
    const dropped = dataset.issues.find((i) => i.code === 'invalid_date' && i.column === 'Last Modified')!;
    expect(dropped.message).toBe(
      '"Last Modified" "3/4/2025 9:30 PM" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json; the row cannot be placed in the history and is skipped',
    );
  });

  it('reads the Korean locale\'s datetimes (오전/오후 before the time) and dates with closing dots', () => {
    expect(localeDateCell('2025. 6. 30. 오후 2:03')).toBe('2025. 6. 30 14:03');
    expect(localeDateCell('2025. 6. 30. 오전 12:15:09')).toBe('2025. 6. 30 00:15:09');
    expect(localeDateCell('2025-06-30 오후 12:00')).toBe('2025-06-30 12:00');
    // Not a 12-hour time: left for the canonical reader to report.
    expect(localeDateCell('2025. 6. 30. 오후 13:15')).toBe('2025. 6. 30. 오후 13:15');
    const korean = { ...CONFIG, timezone: 'Asia/Seoul', date_order: 'YMD' };
    const row = ['Dana Whitfield', 'Acme', '2025. 3. 3.', '2025. 3. 3. 오후 9:30', '', 'Prospecting', '1000', '2025. 6. 30.'];
    const dataset = load([exportFile('history.csv', quotedCsv([HISTORY_HEADER, row]))], korean);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset.stageHistory.enteredAt[0]).toBe(Date.UTC(2025, 2, 3, 12, 30));
    expect(dataset.deals[0]!.expectedCloseAt).toBe('2025-06-30');
  });

  it('stops with one error listing every unknown stage name with its row count and a snippet', () => {
    const rows = [move('Acme', '3/3/2025', '', 'Prospecting'), move('Acme', '3/4/2025', 'Prospecting', 'Perception Analysis'), move('Beta', '3/3/2025', '', 'Perception Analysis')];
    let error: unknown;
    try {
      load([historyReport(rows)], CONFIG);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestFatalError);
    // Counted over the canonical rows (assemble.ts): two stage entries and two deals' current stage.
    expect((error as IngestFatalError).message).toContain('"Perception Analysis" (2 rows)');
    expect((error as IngestFatalError).details).toContain('"label":{"en":"Perception Analysis"}');
  });

  it('names the Opportunity Field History report as the other report it is, with or without a Stage column, never as an Opportunities report lacking Stage', () => {
    const FIELD_HISTORY_HEADER = ['Opportunity Owner', 'Opportunity Name', 'Field / Event', 'Old Value', 'New Value', 'Edit Date', 'Edited By'];
    const change = ['Dana Whitfield', 'Acme', 'Stage', 'Prospecting', 'Qualification', '3/9/2025', 'Dana Whitfield'];
    const expected =
      'it is a Salesforce Opportunity Field History report ("Field / Event", "Old Value", "New Value"), which is not read: export the Opportunity History report (with "From Stage" and "To Stage") instead (docs/exports.md)';
    const alone = exportFile('fields.csv', quotedCsv([FIELD_HISTORY_HEADER, change]));
    expect(() => load([alone], CONFIG)).toThrow(`fields.csv: ${expected}`);
    // With the current Stage added, each change would be read as an opportunity of its own: not read either.
    const withStage = exportFile('fields.csv', quotedCsv([[...FIELD_HISTORY_HEADER, 'Stage'], [...change, 'Qualification'], [...change, 'Qualification']]));
    const dataset = load([withStage, historyReport([move('Acme', '3/3/2025', '', 'Prospecting')])], CONFIG);
    expect(dataset.deals.map((d) => d.name)).toEqual(['Acme']);
    const warning = dataset.issues.find((i) => i.file === 'fields.csv')!;
    expect(warning).toMatchObject({ line: 0, code: 'unknown_export', severity: 'warning' });
    expect(warning.message).toBe(`not a file this tool reads (its columns match no supported export); the file is ignored: ${expected}`);
    expect(issueMessage(warning, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. Salesforce Opportunity Field History 보고서("Field / Event", "Old Value", "New Value")이며 읽지 않습니다. 대신 Opportunity History 보고서("From Stage", "To Stage" 열 포함)를 내보내세요(docs/exports.md)',
    );
  });

  it('needs the date of each change', () => {
    const file = exportFile('history.csv', quotedCsv([['Opportunity Name', 'From Stage', 'To Stage'], ['Acme', '', 'Prospecting']]));
    expect(() => load([file], CONFIG)).toThrow(/lacks "Last Modified", "Opportunity Owner", "Amount", "Created Date" \("Last Modified" is the date of each change\)/);
  });
});

const REPORT_HEADER = ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Amount', 'Close Date', 'Created Date', 'Forecast Category'];

describe('Salesforce Opportunities report', () => {
  it('joins the history by name and created date when a report lacks the Opportunity ID', () => {
    const report = exportFile('opportunities.csv', quotedCsv([REPORT_HEADER, ['Acme', 'Acme Corp', 'Dana Whitfield', 'Qualification', '1000', '6/30/2025', '3/3/2025', 'Best Case']]));
    const history = exportFile(
      'history.csv',
      quotedCsv([['Opportunity ID', ...HISTORY_HEADER], ['0065g00000Qm7aA', ...move('Acme', '3/3/2025', '', 'Prospecting')], ['0065g00000Qm7aA', ...move('Acme', '3/9/2025', 'Prospecting', 'Qualification')]]),
    );
    const dataset = load([report, history], CONFIG);
    // The ID the history knows becomes the deal_id.
    expect(dataset.deals.map((d) => [d.id, d.accountId, d.forecastCategory])).toEqual([['0065g00000Qm7aA', 'Acme Corp', 'best_case']]);
    expect(dataset.stageHistory.length).toBe(2);
    expect(dataset.issues.filter((i) => i.code === 'not_in_report' || i.code === 'synthesized_history')).toEqual([]);
  });

  it('joins an 18-character Opportunity ID to the 15-character one of the other report (one deal, not two)', () => {
    // Reports show the 15-character ID; an "Opportunity ID (18)" (CASESAFEID) column adds its 3-character checksum.
    const report = exportFile(
      'opportunities.csv',
      quotedCsv([
        ['Opportunity ID (18)', ...REPORT_HEADER],
        ['0065g00000Qm7aAAAR', 'Acme', 'Acme Corp', 'Dana Whitfield', 'Qualification', '1000', '6/30/2025', '3/3/2025', 'Best Case'],
        // Same 15 characters, a checksum that does not match them: another ID, not joined.
        ['0065g00000Pz2kBAAA', 'Globex', 'Globex', 'Dana Whitfield', 'Prospecting', '500', '6/30/2025', '3/3/2025', 'Pipeline'],
      ]),
    );
    const history = exportFile(
      'history.csv',
      quotedCsv([
        ['Opportunity ID', ...HISTORY_HEADER],
        ['0065g00000Qm7aA', ...move('Acme', '3/3/2025', '', 'Prospecting')],
        ['0065g00000Qm7aA', ...move('Acme', '3/9/2025', 'Prospecting', 'Qualification')],
        ['0065g00000Pz2kB', ...move('Globex', '3/3/2025', '', 'Prospecting', '500')],
      ]),
    );
    const dataset = load([report, history], CONFIG);
    expect(dataset.deals.map((d) => [d.id, d.accountId]).sort()).toEqual([
      ['0065g00000Pz2kB', 'Globex'],
      ['0065g00000Pz2kBAAA', 'Globex'],
      ['0065g00000Qm7aAAAR', 'Acme Corp'],
    ]);
    const acme = dataset.deals.findIndex((d) => d.id === '0065g00000Qm7aAAAR');
    expect(Array.from(dataset.stageHistory.deal.subarray(0, dataset.stageHistory.length)).filter((d) => d === acme).length).toBe(2);
    expect(dataset.issues.filter((i) => i.code === 'not_in_report').map((i) => i.line)).toEqual([4]);
  });

  it('names a repeated Opportunity ID\'s first line as the report\'s own line (title lines counted), and its file when another report holds it', () => {
    const header = ['Opportunity ID', ...REPORT_HEADER];
    const acme = ['0065g00000Qm7aA', 'Acme', 'Acme Corp', 'Dana Whitfield', 'Qualification', '1000', '6/30/2025', '3/3/2025', 'Best Case'];
    const globex = ['0065g00000Pz2kB', 'Globex', 'Globex', 'Dana Whitfield', 'Prospecting', '500', '6/30/2025', '3/3/2025', 'Pipeline'];
    // A Formatted export: the title on line 1, a blank line, the header on line 3, Acme on line 4.
    const first = exportFile('Opportunities-2025-06-29.csv', `"Opportunities by Stage"\n\n${quotedCsv([header, acme, globex, acme])}`);
    const second = exportFile('Opportunities-2025-06-30.csv', quotedCsv([header, globex]));
    const dataset = load([first, second], CONFIG);
    const duplicates = dataset.issues.filter((i) => i.code === 'duplicate_id');
    expect(duplicates.map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      ['Opportunities-2025-06-29.csv', 6, 'Opportunity ID', '"Opportunity ID" "0065g00000Qm7aA" already appears on line 4; this later row is rejected'],
      ['Opportunities-2025-06-30.csv', 2, 'Opportunity ID', '"Opportunity ID" "0065g00000Pz2kB" already appears on Opportunities-2025-06-29.csv line 5; this later row is rejected'],
    ]);
    expect(duplicates.map((i) => issueMessage(i, 'ko'))).toEqual([
      '"Opportunity ID" "0065g00000Qm7aA"가 이미 4행에 있어 뒤의 이 행을 제외했습니다',
      '"Opportunity ID" "0065g00000Pz2kB"가 이미 Opportunities-2025-06-29.csv 5행에 있어 뒤의 이 행을 제외했습니다',
    ]);
  });

  it('alone gives current stages only, and says so', () => {
    const report = exportFile('opportunities.csv', quotedCsv([REPORT_HEADER, ['Acme', 'Acme Corp', 'Dana Whitfield', 'Closed Won', '1000', '5/30/2025', '3/3/2025', 'Closed']]));
    const dataset = load([report], CONFIG);
    // Without an Opportunity ID column the deals are known by name and created date: no record id to link them by.
    expect(dataset.source.limitations).toEqual(['no_record_ids', 'current_visit_only']);
    expect(dataset.deals[0]!.forecastCategory).toBeNull();
    // Won without history: its Close Date is when it closed.
    expect(dataset.deals[0]!.closedAt).toBe(Date.UTC(2025, 4, 30, 4));
    expect(dataset.issues.map((i) => i.code)).toContain('no_history');
    expect(issueMessage(dataset.issues.find((i) => i.code === 'no_history')!, 'ko')).toBe(
      'Opportunity History 보고서가 없어 딜마다 현재 단계만 알 수 있습니다(전환율, 단계별 체류 기간, 과거 시점의 재현을 보려면 이력 보고서를 추가하세요)',
    );
  });

  // The columns of a multi-currency org's exported report, as Salesforce's help article 000382314 shows them.
  const CONVERTED_HEADER = ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Amount (converted) Currency', 'Amount (converted)', 'Close Date', 'Created Date'];
  const FX_CONFIG = { ...CONFIG, fx: { EUR: 1.1, JPY: 0.0067 } };

  it('reads Amount (converted) with its own currency column when the report has no Amount', () => {
    const report = exportFile(
      'opportunities.csv',
      quotedCsv([CONVERTED_HEADER, ['JPY Test', 'Acme PLC', 'Dana Whitfield', 'Qualification', 'EUR', '76.24', '6/30/2025', '3/3/2025'], ['USD Test', 'Acme PLC', 'Dana Whitfield', 'Prospecting', 'USD', '10,000.00', '6/30/2025', '3/3/2025']]),
    );
    const dataset = load([report], FX_CONFIG);
    expect(dataset.deals.map((d) => [d.name, d.currency, d.amount])).toEqual([
      // 76.24 EUR at 1.1: 83.864 USD.
      ['JPY Test', 'EUR', 76.24 * 1.1],
      ['USD Test', 'USD', 10_000],
    ]);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads Amount in its opportunity\'s currency when the report has both, not the converted amount', () => {
    const header = ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Amount Currency', 'Amount', 'Amount (converted) Currency', 'Amount (converted)', 'Close Date', 'Created Date'];
    const report = exportFile('opportunities.csv', quotedCsv([header, ['JPY Test', 'Acme PLC', 'Dana Whitfield', 'Qualification', 'JPY', '10,000', 'USD', '83.86', '6/30/2025', '3/3/2025']]));
    const dataset = load([report], FX_CONFIG);
    expect(dataset.deals.map((d) => [d.currency, d.amount])).toEqual([['JPY', 10_000 * 0.0067]]);
  });

  it('never reads Amount (converted) in the opportunity\'s currency: without its own currency column, in the config\'s, and says so', () => {
    const header = ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Opportunity Currency', 'Amount (converted)', 'Close Date', 'Created Date'];
    const report = exportFile('opportunities.csv', quotedCsv([header, ['JPY Test', 'Acme PLC', 'Dana Whitfield', 'Qualification', 'JPY', '83.86', '6/30/2025', '3/3/2025']]));
    const dataset = load([report], FX_CONFIG);
    expect(dataset.deals.map((d) => [d.currency, d.amount])).toEqual([['USD', 83.86]]);
    const warning = dataset.issues.find((i) => i.column === 'Amount (converted)' && i.severity === 'warning');
    expect(warning?.message).toBe(
      'no "Amount (converted) Currency" column: every amount ("Amount (converted)") is read in USD, so the "fx" rates (EUR, JPY) are never used. Export "Amount (converted) Currency" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline.config.json',
    );
    expect(issueMessage(warning!, 'ko')).toBe(
      '"Amount (converted) Currency" 열이 없어 모든 금액("Amount (converted)")을 USD로 읽었으므로 "fx" 환율(EUR, JPY)은 쓰이지 않습니다. 딜과 함께 "Amount (converted) Currency" 열을 내보내거나, 모든 딜이 한 통화라면 pipeline.config.json에서 "currency"를 그 통화로 지정하고 "fx"를 지우세요',
    );
    // A report of Amount without any currency column (a single-currency org's) is read in the config's currency:
    // unsaid when the config names it and has no rates; said, as HubSpot's and Pipedrive's exports are, when its rates
    // would go unused.
    const single = exportFile('single.csv', quotedCsv([REPORT_HEADER, ['Acme', 'Acme Corp', 'Dana Whitfield', 'Qualification', '1000', '6/30/2025', '3/3/2025', 'Pipeline']]));
    expect(load([single], CONFIG).issues.filter((i) => i.code === 'no_currency_column')).toEqual([]);
    expect(load([single], FX_CONFIG).issues.filter((i) => i.code === 'no_currency_column').map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      [
        'single.csv',
        1,
        'Amount',
        'no "Opportunity Currency" column: every amount ("Amount") is read in USD, so the "fx" rates (EUR, JPY) are never used. Export "Opportunity Currency" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline.config.json',
      ],
    ]);
  });

  it('reads an Opportunity History report of converted amounts alone, and says when their currency column is missing', () => {
    const header = ['Opportunity Owner', 'Opportunity Name', 'Created Date', 'Last Modified', 'From Stage', 'To Stage', 'Amount (converted) Currency', 'Amount (converted)', 'Close Date'];
    const rows = [
      ['Dana Whitfield', 'Acme', '3/3/2025', '3/3/2025', 'Prospecting', 'Prospecting', 'EUR', '900', '6/30/2025'],
      ['Dana Whitfield', 'Acme', '3/3/2025', '4/1/2025', 'Prospecting', 'Qualification', 'EUR', '1,000', '6/30/2025'],
    ];
    const dataset = load([exportFile('history.csv', quotedCsv([header, ...rows]))], FX_CONFIG);
    // The deal from its latest row: 1,000 EUR at 1.1.
    expect(dataset.deals.map((d) => [d.currency, d.amount])).toEqual([['EUR', 1_000 * 1.1]]);
    expect(dataset.issues.filter((i) => i.code === 'no_currency_column')).toEqual([]);
    const withoutCurrency = [header.filter((h) => h !== 'Amount (converted) Currency'), ...rows.map((r) => r.filter((_, k) => k !== 6))];
    const alone = load([exportFile('history.csv', quotedCsv(withoutCurrency))], FX_CONFIG);
    expect(alone.deals.map((d) => [d.currency, d.amount])).toEqual([['USD', 1_000]]);
    expect(alone.issues.filter((i) => i.code === 'no_currency_column').map((i) => [i.file, i.line, i.column])).toEqual([['history.csv', 1, 'Amount (converted)']]);
  });

  it('names Amount as the column it lacks when the report has neither amount', () => {
    const header = ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Close Date', 'Created Date'];
    const report = exportFile('opportunities.csv', quotedCsv([header, ['Acme', 'Acme Corp', 'Dana Whitfield', 'Qualification', '6/30/2025', '3/3/2025']]));
    expect(() => load([report], CONFIG)).toThrow('opportunities.csv: the Opportunities report lacks "Amount"; add it to the report and export again');
  });

  it('maps Salesforce forecast categories', () => {
    expect(['Closed', 'Forecast', 'Best Case', 'BestCase', 'Commit', 'Omitted', ''].map(forecastCategoryCell)).toEqual(['', 'commit', 'Best Case', 'BestCase', 'Commit', 'Omitted', '']);
  });
});

const DL_CONFIG = { ...CONFIG, date_order: 'YMD' } as const;
const opportunityCsv = (rows: string[][]) =>
  exportFile('Opportunity.csv', quotedCsv([['ID', 'ISDELETED', 'ACCOUNTID', 'NAME', 'STAGENAME', 'AMOUNT', 'CLOSEDATE', 'OWNERID', 'CREATEDDATE'], ...rows]));
/** OpportunityHistory.csv and OpportunityFieldHistory.csv with Data Loader's columns, given their rows. */
const historyCsv = (rows: string[][]) => exportFile('OpportunityHistory.csv', quotedCsv([['ID', 'OPPORTUNITYID', 'STAGENAME', 'AMOUNT', 'CLOSEDATE', 'CREATEDDATE'], ...rows]));
const fieldHistoryCsv = (rows: string[][]) => exportFile('OpportunityFieldHistory.csv', quotedCsv([['ID', 'OPPORTUNITYID', 'FIELD', 'OLDVALUE', 'NEWVALUE', 'CREATEDDATE'], ...rows]));
const opp = (id: string, stage: string, deleted = 'false') => [id, deleted, '001A', `Deal ${id}`, stage, '1000.0', '2025-06-30', '005A', '2025-03-03T15:00:00.000Z'];

describe('Salesforce Data Loader objects', () => {
  it('names the first row of an Account repeated in Account.csv by its own line, not a line of Opportunity.csv', () => {
    const folder = join(EXPORTS, 'salesforce-data-loader', 'data');
    const config = JSON.parse(readFileSync(join(folder, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
    const names = ['Opportunity.csv', 'OpportunityHistory.csv', 'OpportunityFieldHistory.csv', 'Account.csv', 'User.csv'];
    const texts = names.map((name) => readFileSync(join(folder, name), 'latin1'));
    // Account.csv's line 3 again at its end (line 6).
    const account = texts[3]!.replace(/\r?\n$/u, '').split(/\r?\n/u);
    texts[3] = `${[...account, account[2]!].join('\r\n')}\r\n`;
    const dataset = load(names.map((name, i) => exportFile(name, texts[i]!)), config);
    const duplicate = dataset.issues.find((i) => i.code === 'duplicate_id')!;
    expect([duplicate.file, duplicate.line]).toEqual(['Account.csv', 6]);
    expect(duplicate.message).toMatch(/already appears on line 3; this later row is rejected$/u);
  });

  it('reads an Account’s billing state as its region, else its billing country, beside its industry', () => {
    const folder = join(EXPORTS, 'salesforce-data-loader', 'data');
    const config = JSON.parse(readFileSync(join(folder, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
    const names = ['Opportunity.csv', 'OpportunityHistory.csv', 'OpportunityFieldHistory.csv', 'Account.csv', 'User.csv'];
    const texts = names.map((name) => readFileSync(join(folder, name), 'latin1'));
    const regions = (texts: string[]) => load(names.map((name, i) => exportFile(name, texts[i]!)), config).accounts!.map((a) => [a.accountName, a.industry, a.region]);
    // The fixture exports BillingCity and BillingCountry, no BillingState: the country.
    expect(regions(texts)).toEqual([
      ['Compañía Minera del Norte', 'Other', 'México'],
      ['Grupo Alimentos Sánchez', 'Food & Beverage', 'México'],
      ['Logística Bajío S.A. de C.V.', 'Transportation', 'México'],
      ['Hospital Ángeles Querétaro', 'Healthcare', 'México'],
    ]);
    // With BillingState exported too, the state; an account without one has no region (not its country).
    const withState = [...texts];
    const states = ['Sonora', 'Jalisco', 'Guanajuato', ''];
    withState[3] = texts[3]!
      .replace(/\r?\n$/u, '')
      .split(/\r?\n/u)
      .map((line, i) => `${line},"${i === 0 ? 'BILLINGSTATE' : states[i - 1]}"`)
      .join('\r\n');
    expect(regions(withState).map((r) => r[2])).toEqual(['Sonora', 'Jalisco', 'Guanajuato', '']);
  });

  it('reads timestamps Excel saved without their Z (a Data Loader file opened and saved again) as the GMT they are, not in the config\'s time zone', () => {
    const folder = join(EXPORTS, 'salesforce-data-loader', 'data');
    const config = JSON.parse(readFileSync(join(folder, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
    const names = ['Opportunity.csv', 'OpportunityHistory.csv', 'OpportunityFieldHistory.csv', 'Account.csv', 'User.csv'];
    const texts = names.map((name) => readFileSync(join(folder, name), 'latin1'));
    // As Excel saves them: `2024-11-04 16:20` (the English clock) or `2024-11-04 오후 4:20` (the Korean one), unquoted, without the zone.
    const resaved = (text: string, korean: boolean) =>
      text.replace(/"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):\d{2}\.000(?:Z|\+0000)"/gu, (_, day: string, h: string, m: string) =>
        korean ? `${day} ${Number(h) < 12 ? '오전' : '오후'} ${Number(h) % 12 || 12}:${m}` : `${day} ${Number(h)}:${m}`,
      );
    const instants = (texts: string[]) => {
      const dataset = load(names.map((name, i) => exportFile(name, texts[i]!)), config);
      return {
        created: dataset.deals.map((d) => [d.id, d.createdAt]),
        entered: Array.from(dataset.stageHistory.enteredAt.subarray(0, dataset.stageHistory.length)),
        changed: (dataset.fieldHistory ?? []).map((c) => c.changedAt),
        rejected: Object.values(dataset.files).reduce((n, f) => n + f.rejected, 0),
      };
    };
    const original = instants(texts);
    // Mexico City is 6 hours behind GMT: read in the config's zone, every time would move 6 hours later.
    expect(config.timezone).toBe('America/Mexico_City');
    expect(original.created[0]).toEqual(['0068c00000QaB1cAAF', Date.UTC(2024, 10, 4, 16, 20)]);
    expect(instants(texts.map((t) => resaved(t, false)))).toEqual(original);
    expect(instants(texts.map((t) => resaved(t, true)))).toEqual(original);
  });

  it('quotes a 12-hour timestamp it cannot read as the Data Loader file (saved again by Excel) writes it, not with the zone put back', () => {
    const folder = join(EXPORTS, 'salesforce-data-loader', 'data');
    const config = JSON.parse(readFileSync(join(folder, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
    const names = ['Opportunity.csv', 'OpportunityHistory.csv', 'OpportunityFieldHistory.csv', 'Account.csv', 'User.csv'];
    const texts = names.map((name) => readFileSync(join(folder, name), 'latin1'));
    // Day and month either way round, without date_order: refused, and quoted as the file has it.
    texts[1] = texts[1]!.replace('"2024-12-02T18:00:00.000Z"', '"12/2/2024 6:00 PM"');
    const dataset = load(names.map((name, i) => exportFile(name, texts[i]!)), { ...config, date_order: undefined });
    const refused = dataset.issues.filter((i) => i.code === 'invalid_date').map((i) => `${i.file}:${i.line} ${i.column}: ${i.message}`);
    expect(refused).toEqual(['OpportunityHistory.csv:3 CreatedDate: "CreatedDate" "12/2/2024 6:00 PM" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json']);
  });

  it('says when Opportunity.csv has no CurrencyIsoCode and the config has rates it then never uses (as a report without its currency column)', () => {
    const noCode = (config: object) => load([opportunityCsv([opp('006A', 'Prospecting')])], config).issues.filter((i) => i.code === 'no_currency_column');
    expect(noCode(DL_CONFIG)).toEqual([]);
    expect(noCode({ ...DL_CONFIG, fx: { EUR: 1.1 } }).map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      [
        'Opportunity.csv',
        1,
        'Amount',
        'no "CurrencyIsoCode" column: every amount ("Amount") is read in USD, so the "fx" rates (EUR) are never used. Export "CurrencyIsoCode" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline.config.json',
      ],
    ]);
  });

  it("reads amounts Data Loader writes in Java's scientific form (1.5E8, 9.9213206E7) exactly, in every file; Excel's 4.8E+04 stays refused", () => {
    const big = (id: string, stage: string, amount: string) => {
      const row = opp(id, stage);
      row[5] = amount;
      return row;
    };
    const history = historyCsv([
      ['008A', '006A', 'Prospecting', '1.2E8', '2025-06-30', '2025-03-03T15:00:00.000Z'],
      ['008B', '006A', 'Qualification', '1.5E8', '2025-06-30', '2025-04-01T15:00:00.000Z'],
    ]);
    const fieldHistory = fieldHistoryCsv([
      ['017A', '006B', 'Amount', '1.0E7', '9.9213206E7', '2025-04-02T15:00:00.000Z'],
    ]);
    const opportunities = opportunityCsv([big('006A', 'Qualification', '1.5E8'), big('006B', 'Prospecting', '9.9213206E7'), big('006C', 'Prospecting', '4.8E+04')]);
    const dataset = load([opportunities, history, fieldHistory], DL_CONFIG);
    expect(dataset.deals.map((d) => [d.id, d.amount])).toEqual([
      ['006A', 150_000_000],
      ['006B', 99_213_206],
    ]);
    expect((dataset.fieldHistory ?? []).map((c) => [dataset.deals[c.deal]!.id, c.oldValue, c.newValue])).toEqual([
      ['006A', 120_000_000, 150_000_000],
      ['006B', 10_000_000, 99_213_206],
    ]);
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.line, i.column])).toEqual([['Opportunity.csv', 4, 'Amount']]);
  });

  it('needs Opportunity.csv', () => {
    const history = exportFile('OpportunityHistory.csv', quotedCsv([['ID', 'OPPORTUNITYID', 'STAGENAME', 'CREATEDDATE'], ['008A', '006A', 'Prospecting', '2025-03-03T15:00:00.000Z']]));
    expect(() => load([history], DL_CONFIG)).toThrow(/need Opportunity\.csv/);
  });

  it('drops deleted opportunities with their history, and shows owner ids without User.csv', () => {
    const history = exportFile(
      'OpportunityHistory.csv',
      quotedCsv([
        ['ID', 'OPPORTUNITYID', 'STAGENAME', 'AMOUNT', 'CLOSEDATE', 'CREATEDDATE', 'ISDELETED'],
        ['008A', '006A', 'Prospecting', '1000.0', '2025-06-30', '2025-03-03T15:00:00.000+0000', 'false'],
        ['008B', '006B', 'Prospecting', '1000.0', '2025-06-30', '2025-03-03T15:00:00.000+0000', 'true'],
      ]),
    );
    const dataset = load([opportunityCsv([opp('006A', 'Prospecting'), opp('006B', 'Prospecting', 'true')]), history], DL_CONFIG);
    expect(dataset.deals.map((d) => [d.id, d.owner])).toEqual([['006A', '005A']]);
    expect(dataset.stageHistory.enteredAt[0]).toBe(Date.UTC(2025, 2, 3, 15));
    expect(dataset.files).toEqual({
      'Opportunity.csv': { rows: 2, accepted: 1, rejected: 1 },
      'OpportunityHistory.csv': { rows: 2, accepted: 1, rejected: 1 },
    });
    expect(dataset.issues.filter((i) => i.code === 'deleted_record').map((i) => [i.file, i.line])).toEqual([
      ['Opportunity.csv', 3],
      ['OpportunityHistory.csv', 3],
    ]);
    expect(dataset.issues.map((i) => i.code)).toContain('owner_ids');
    expect(dataset.issues.filter((i) => ['deleted_record', 'owner_ids'].includes(i.code)).map((i) => issueMessage(i, 'ko'))).toEqual([
      '담당자를 Salesforce 사용자 ID로 표시합니다. 이름으로 보려면 User.csv(Id, FirstName, LastName)를 폴더에 추가하세요',
      'IsDeleted가 true입니다(휴지통에 있는 딜). 이 딜과 그 이력은 쓰지 않았습니다',
      'IsDeleted가 true입니다(휴지통에 있는 레코드). 이 행은 쓰지 않았습니다',
    ]);
  });

  it('names owners from User.csv, and says which OwnerId it does not know', () => {
    const users = exportFile('User.csv', quotedCsv([['ID', 'USERNAME', 'FIRSTNAME', 'LASTNAME', 'NAME'], ['005A', 'dana@example.com', 'Dana', 'Whitfield', 'Dana Whitfield']]));
    const other = [...opp('006B', 'Prospecting')];
    other[7] = '005Z';
    const dataset = load([opportunityCsv([opp('006A', 'Prospecting'), other]), users], DL_CONFIG);
    expect(dataset.deals.map((d) => d.owner)).toEqual(['Dana Whitfield', '005Z']);
    expect(dataset.issues.find((i) => i.code === 'unknown_owner')).toMatchObject({ file: 'Opportunity.csv', line: 0, column: 'OwnerId' });
    expect(issueMessage(dataset.issues.find((i) => i.code === 'unknown_owner')!, 'ko')).toBe('OwnerId 값 1개가 User.csv에 없어 ID로 표시합니다: 005Z');
  });

  it('takes amount changes from OpportunityHistory and does not count the same change in OpportunityFieldHistory twice', () => {
    const history = historyCsv([
      ['008B', '006A', 'Qualification', '1500.0', '2025-07-31', '2025-04-01T10:00:00.000Z'],
      ['008A', '006A', 'Prospecting', '1000.0', '2025-06-30', '2025-03-03T15:00:00.000Z'],
    ]);
    const fields = fieldHistoryCsv([
      ['017A', '006A', 'Amount', '1000', '1500', '2025-04-01T10:00:02.000+0000'],
      ['017B', '006A', 'CloseDate', '2025-06-30', '2025-07-31', '2025-04-01T10:00:00.000+0000'],
      ['017C', '006A', 'StageName', 'Prospecting', 'Qualification', '2025-04-01T10:00:00.000+0000'],
      ['017D', '006A', 'Owner', 'Dana Whitfield', 'Marco Reyes', '2025-04-02T09:00:00.000+0000'],
    ]);
    const dataset = load([opportunityCsv([opp('006A', 'Qualification')]), history, fields], DL_CONFIG);
    expect(dataset.fieldHistory!.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['amount', 1000, 1500],
      ['expected_close_at', '2025-06-30', '2025-07-31'],
    ]);
    expect(dataset.stageHistory.length).toBe(2);
    expect(dataset.files['OpportunityFieldHistory.csv']).toEqual({ rows: 4, accepted: 4, rejected: 0 });
  });

  it('without OpportunityHistory, takes stages from StageName changes, the first one from its old value at creation', () => {
    const fields = fieldHistoryCsv([
      ['017B', '006A', 'StageName', 'Qualification', 'Closed Won', '2025-05-01T10:00:00.000Z'],
      ['017A', '006A', 'StageName', 'Prospecting', 'Qualification', '2025-04-01T10:00:00.000Z'],
    ]);
    const dataset = load([opportunityCsv([opp('006A', 'Closed Won')]), fields], DL_CONFIG);
    const { stage, enteredAt, length } = dataset.stageHistory;
    const visits = Array.from({ length }, (_, i) => [CONFIG.stages[stage[i]!]!.id, new Date(enteredAt[i]!).toISOString()]).sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
    expect(visits).toEqual([
      ['prospecting', '2025-03-03T15:00:00.000Z'],
      ['qualification', '2025-04-01T10:00:00.000Z'],
      ['won', '2025-05-01T10:00:00.000Z'],
    ]);
  });
});
