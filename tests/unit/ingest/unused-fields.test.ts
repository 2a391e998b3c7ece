/**
 * field_history.csv's rows of fields the metrics do not read are said (ingest/unused-fields.ts): a name like a
 * tracked field's with what to write, a stage with where stages go, the others in one warning; and the pages'
 * note for untracked close dates quotes that warning instead of "add field_history.csv", which is there.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { meantField } from '../../../src/lib/ingest/unused-fields.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { changesModel, closeDatesNote, pageContext } from '../../../src/lib/views/pages/index.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { utf8 } from './helpers.ts';

const DEALS = 'deal_id,account_id,owner,amount,created_at,stage,expected_close_at\nD1,A,Kim,100,2025-01-02,prospect,2025-06-30\nD2,A,Lee,200,2025-01-03,prospect,2025-07-31\n';
const HISTORY = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD2,prospect,2025-01-03\n';

function load(fieldRows: string[]) {
  return loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY), 'field_history.csv': utf8(['deal_id,field,old_value,new_value,changed_at', ...fieldRows].join('\n')) });
}
const fieldIssues = (fieldRows: string[]) =>
  load(fieldRows)
    .dataset.issues.filter((i) => i.file === 'field_history.csv')
    .map((i) => `${i.line} ${i.column} ${i.severity} ${i.code}: ${i.message}`);

describe("field_history.csv's other fields", () => {
  it('a close date and an amount under other names, a stage, and the rest: each said once, on its first row; rejected rows not counted', () => {
    const { dataset } = load([
      'D1,owner,Kim,Lee,2025-02-01', // 2
      'D1,Expected close date,2025-06-30,2025-07-31,2025-02-02', // 3
      'D2,Deal value,200,250,2025-02-03', // 4
      'D2,Expected close date,2025-07-31,2025-08-31,2025-02-04', // 5
      'D2,close_date,2025-07-31,2025-09-30,2025-02-05', // 6: read
      'D9,owner,Kim,Lee,2025-02-06', // 7: unknown deal, rejected
      'D1, Stage ,prospect,qualify,2025-02-07', // 8
      'D2,owner,Lee,Park,2025-02-08', // 9
    ]);
    expect(dataset.files['field_history.csv']).toEqual({ rows: 8, accepted: 7, rejected: 1 });
    expect(dataset.fieldHistory!.map((c) => [c.line, c.field])).toEqual([[6, 'expected_close_at']]);
    expect(dataset.issues.filter((i) => i.file === 'field_history.csv').map((i) => `${i.line} ${i.column} ${i.severity} ${i.code}: ${i.message}`)).toEqual([
      '2 field warning fields_not_used: changes of fields the metrics do not read are kept and not used: "owner" (2 rows); the metrics replay amount and expected_close_at',
      `3 field warning field_like_expected_close: the field "Expected close date" (2 rows) is not one the metrics read (amount, expected_close_at or close_date), so its changes are not used: if it holds the deal's expected close date, write it as expected_close_at`,
      `4 field warning field_like_amount: the field "Deal value" (1 row) is not one the metrics read (amount, expected_close_at or close_date), so its changes are not used: if it holds the deal's amount, write it as amount`,
      '7 deal_id error unknown_deal: deal_id "D9" is not in deals.csv',
      `8 field warning stage_in_field_history: the field "Stage" (1 row) is not read here: a deal's stages are read from stage_history.csv (deal_id, stage, entered_at), one row per stage entered`,
    ]);
  });

  it('names five other fields by their first rows and counts the rest', () => {
    const names = ['Owner', 'Next step', 'Probability', 'Description', 'Lead source', 'Forecast category', 'Territory'];
    const rows = names.flatMap((name, k) => Array.from({ length: k + 1 }, () => `D1,${name},a,b,2025-02-01`));
    expect(fieldIssues(rows)).toEqual([
      '2 field warning fields_not_used: changes of fields the metrics do not read are kept and not used: "Owner" (1 row), "Next step" (2 rows), "Probability" (3 rows), "Description" (4 rows), "Lead source" (5 rows), 2 more (13 rows); the metrics replay amount and expected_close_at',
    ]);
  });

  it('a file of tracked fields only says nothing', () => {
    expect(fieldIssues(['D1,amount,100,120,2025-02-01', 'D1,Close Date,2025-06-30,2025-07-31,2025-02-02'])).toEqual([]);
  });

  it('which names read like which field', () => {
    const cases: [string, ReturnType<typeof meantField>][] = [
      ['Expected close date', 'expected_close_at'],
      ['expected_close', 'expected_close_at'],
      ['Closing Date', 'expected_close_at'],
      ['예상 마감일', 'expected_close_at'],
      ['Deal value', 'amount'],
      ['Value', 'amount'],
      ['Amount in company currency', 'amount'],
      ['계약 금액', 'amount'],
      ['StageName', 'stage'],
      ['Deal Stage', 'stage'],
      ['단계', 'stage'],
      ['Owner', null],
      ['Closed Lost Reason', null],
      ['Weighted value', null],
      ['Stage probability', null],
    ];
    expect(cases.map(([name]) => [name, meantField(name)])).toEqual(cases);
  });

  it('in Korean', () => {
    const [others, like, amount, stage] = load(['D1,owner,Kim,Lee,2025-02-01', 'D1,Expected close date,2025-06-30,2025-07-31,2025-02-02', 'D1,Value,1,2,2025-02-03', 'D1,stage,a,b,2025-02-04']).dataset.issues;
    expect([others, like, amount, stage].map((i) => issueMessage(i!, 'ko'))).toEqual([
      '지표가 읽지 않는 필드의 변경은 보관만 하고 쓰지 않습니다: "owner"(1행). 지표는 amount와 expected_close_at의 변경만 재현합니다',
      '필드 "Expected close date"는 지표가 읽는 필드(amount, expected_close_at, close_date)가 아니어서 그 변경 1행을 쓰지 않습니다. 딜의 예상 마감일이라면 expected_close_at으로 적으세요',
      '필드 "Value"는 지표가 읽는 필드(amount, expected_close_at, close_date)가 아니어서 그 변경 1행을 쓰지 않습니다. 딜의 금액이라면 amount로 적으세요',
      '필드 "stage"는 여기서 읽지 않습니다(1행). 딜의 단계는 stage_history.csv(deal_id, stage, entered_at)에서 진입한 단계마다 한 행씩 읽습니다',
    ]);
    const rows = ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => `D1,${name},a,b,2025-02-01`);
    const [summary] = load(rows).dataset.issues;
    expect(issueMessage(summary!, 'ko')).toBe('지표가 읽지 않는 필드의 변경은 보관만 하고 쓰지 않습니다: "A"(1행), "B"(1행), "C"(1행), "D"(1행), "E"(1행), 그 밖의 필드 1개(1행). 지표는 amount와 expected_close_at의 변경만 재현합니다');
  });

  it("the pages' note on untracked close dates says what to write, not to add the file", () => {
    const { dataset, config } = load(['D1,Expected close date,2025-06-30,2025-07-31,2025-02-02', 'D1,amount,100,120,2025-02-03']);
    const site = buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' });
    expect(site.metrics.slippage).toBeNull();
    expect(closeDatesNote(pageContext(site, 'en'))).toBe(
      `Close-date changes are not tracked: field_history.csv, line 2: the field "Expected close date" (1 row) is not one the metrics read (amount, expected_close_at or close_date), so its changes are not used: if it holds the deal's expected close date, write it as expected_close_at, and build again to see this.`,
    );
    // The What changed page's amount sections: amounts are not tracked, and nothing reads like an amount here.
    const amountNote = (rows: string[]) => {
      const loaded = load(rows);
      const sections = changesModel(pageContext(buildSiteData(loaded.dataset, loaded.config, '2025-06-30', { dataLabel: 'test' }), 'en')).sections;
      return sections.find((s) => s.kind === 'amount_up')!.table.empty;
    };
    expect(amountNote(['D1,Deal value,100,120,2025-02-03', 'D1,close_date,2025-06-30,2025-07-31,2025-02-02'])).toBe(
      `Amount changes are not tracked: field_history.csv, line 2: the field "Deal value" (1 row) is not one the metrics read (amount, expected_close_at or close_date), so its changes are not used: if it holds the deal's amount, write it as amount, and build again to see this.`,
    );
    // field_history.csv with close-date changes only: it is there, so not "add field_history.csv".
    expect(amountNote(['D1,close_date,2025-06-30,2025-07-31,2025-02-02'])).toBe(en.changes.amountUntrackedInFile);
    const amountsOnly = load(['D1,amount,100,120,2025-02-03']);
    const slipped = changesModel(pageContext(buildSiteData(amountsOnly.dataset, amountsOnly.config, '2025-06-30', { dataLabel: 'test' }), 'en')).sections.find((s) => s.kind === 'slipped')!;
    expect(slipped.table.empty).toBe(en.changes.closeUntrackedInFile);
    const without = loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY) });
    const sections = changesModel(pageContext(buildSiteData(without.dataset, without.config, '2025-06-30', { dataLabel: 'test' }), 'en')).sections;
    expect(sections.find((s) => s.kind === 'amount_up')!.table.empty).toBe(en.changes.amountUntracked);
    expect(sections.find((s) => s.kind === 'slipped')!.table.empty).toBe(en.changes.closeUntracked);
    expect(closeDatesNote(pageContext(site, 'ko'))).toBe(
      '마감일 변경 이력을 추적하지 않습니다. field_history.csv 2행: 필드 "Expected close date"는 지표가 읽는 필드(amount, expected_close_at, close_date)가 아니어서 그 변경 1행을 쓰지 않습니다. 딜의 예상 마감일이라면 expected_close_at으로 적으세요. 고친 뒤 다시 빌드하면 볼 수 있습니다.',
    );
  });
});
