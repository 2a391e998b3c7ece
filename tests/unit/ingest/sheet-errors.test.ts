/**
 * A spreadsheet's error values (`#N/A` from a lookup that found nothing,
 * `#VALUE!`, LibreOffice's `Err:502`) saved into a CSV file are refused with
 * what they are, not read as an account, owner or keyman of that name.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { isSheetError } from '../../../src/lib/ingest/sheet-errors.ts';
import { dealCodes } from '../../../src/lib/metrics/deal-codes.ts';
import { dealTable } from '../../../src/lib/dataset-deal-table.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { suggestConfig } from '../../../src/lib/ingest/vendor/suggest-config.ts';
import { exportFile, load, quotedCsv } from './export-helpers.ts';
import { utf8 } from './helpers.ts';

function ingest(texts: Record<string, string>): Dataset {
  return loadDataset(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, utf8(v)]))).dataset;
}

const REASON = "is a spreadsheet's error value (a formula that failed, such as a lookup that found nothing), not data: correct the formula or clear the cell, then save the CSV again";
const TEXT_REASON = "is a spreadsheet's error value (a formula that failed, such as a lookup that found nothing), not data: read as empty; correct the formula or clear the cell, then save the CSV again";

describe('spreadsheet error values', () => {
  it('knows Excel, Google Sheets and LibreOffice error values, in any case, and nothing else', () => {
    for (const cell of ['#N/A', '#n/a', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#ERROR!', '#NV', '#WERT!', '#VALEUR!', '#¡VALOR!', 'Err:502']) {
      expect(isSheetError(cell), cell).toBe(true);
    }
    for (const cell of ['', '#', '#1 priority', '#N/A in Q3', 'N/A', 'n/a', '#NA', 'Err:50', 'Err:5020', 'Error', 'Ericsson', '#REF', 'D-#N/A']) {
      expect(isSheetError(cell), cell).toBe(false);
    }
  });

  it('rejects the deals.csv row of an id, owner, amount, date or stage holding one, naming the column, where a lookup that failed was one account', () => {
    const dataset = ingest({
      'deals.csv': [
        'deal_id,deal_name,account_id,owner,team,amount,created_at,stage,keyman',
        'D1,First,#N/A,Kim,T1,100,2025-01-05,prospect,',
        'D2,Second,#N/A,Kim,T1,200,2025-01-05,prospect,',
        'D3,Third,A1,Kim,#N/A,300,2025-01-05,prospect,#N/A',
        'D4,Fourth,A1,Kim,T1,#VALUE!,#REF!,prospect,',
        'D5,Fifth,A1,Err:502,T1,500,2025-01-05,#N/A,',
        'D6,#1 priority,A1,Kim,T1,600,2025-01-05,prospect,Lee',
        '',
      ].join('\n'),
      'stage_history.csv': ['deal_id,stage,entered_at', 'D6,prospect,2025-01-05', '#N/A,prospect,2025-01-05', 'D6,qualify,#N/A', ''].join('\n'),
      'field_history.csv': ['deal_id,field,old_value,new_value,changed_at', 'D6,amount,#N/A,600,2025-02-01', 'D6,owner,#N/A,Kim,2025-02-01', ''].join('\n'),
    });
    // The deals without an error value in an id, owner, amount, date or stage are read; the others are no account "#N/A" of two deals.
    // D3's team and keyman are read as empty, the deal kept in the totals: a team unspecified, deal has no keyman.
    expect(dataset.deals.map((d) => [d.id, d.name, d.accountId, d.team, d.keyman])).toEqual([
      ['D3', 'Third', 'A1', '', ''],
      ['D6', '#1 priority', 'A1', 'T1', 'Lee'],
    ]);
    expect(dataset.issues.filter((i) => i.code === 'sheet_error' && i.severity === 'warning').map((i) => `${i.file}:${i.line} ${i.column}: ${i.message}`)).toEqual([
      `deals.csv:4 keyman: keyman "#N/A" ${TEXT_REASON}`,
      `deals.csv:4 team: team "#N/A" ${TEXT_REASON}`,
    ]);
    const errors = dataset.issues.filter((i) => i.code === 'sheet_error' && i.severity === 'error').map((i) => `${i.file}:${i.line} ${i.column}: ${i.message}`);
    expect(errors).toEqual([
      `deals.csv:2 account_id: account_id "#N/A" ${REASON}`,
      `deals.csv:3 account_id: account_id "#N/A" ${REASON}`,
      `deals.csv:5 amount: amount "#VALUE!" ${REASON}`,
      `deals.csv:5 created_at: created_at "#REF!" ${REASON}`,
      `deals.csv:6 owner: owner "Err:502" ${REASON}`,
      `deals.csv:6 stage: stage "#N/A" ${REASON}`,
      // An amount change's value is read, so refused; a value of a field the metrics ignore (owner) is kept.
      `field_history.csv:2 old_value: old_value "#N/A" ${REASON}`,
      `stage_history.csv:3 deal_id: deal_id "#N/A" ${REASON}`,
      `stage_history.csv:4 entered_at: entered_at "#N/A" ${REASON}`,
    ]);
    expect(dataset.files['deals.csv']).toEqual({ rows: 6, accepted: 2, rejected: 4 });
    expect(dataset.files['field_history.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
    expect(dataset.issues.filter((i) => i.severity === 'error').every((i) => i.code === 'sheet_error')).toBe(true);
  });

  it('refuses them in accounts.csv and targets.csv too', () => {
    const dataset = ingest({
      'deals.csv': 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-05,prospect\n',
      'stage_history.csv': 'deal_id,stage,entered_at\nD1,prospect,2025-01-05\n',
      'accounts.csv': 'account_id,account_name,region\nA1,Acme,#N/A\n#N/A,Globex,Seoul\n',
      'targets.csv': 'period,owner,target_amount\n2025-Q1,#N/A,1000\n2025-Q1,Kim,#DIV/0!\n2025-Q2,Kim,1000\n',
    });
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}:${i.line} ${i.column} ${i.code}`)).toEqual([
      'accounts.csv:2 region sheet_error',
      'accounts.csv:3 account_id sheet_error',
      'targets.csv:2 owner sheet_error',
      'targets.csv:3 target_amount sheet_error',
    ]);
  });

  it('rejects a CRM export row whose stage is one, rather than stopping the run to have "#N/A" configured as a stage', () => {
    const stages = [
      { id: 'appointment', kind: 'open', label: { en: 'Appointment Scheduled' } },
      { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
      { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
    ];
    const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner', 'Associated Company'];
    const text = quotedCsv([header, ['1', 'A', 'Appointment Scheduled', '10', '2025-05-02', 'Dana', 'Acme'], ['2', 'B', '#N/A', '10', '2025-05-02', 'Dana', 'Acme']]);
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', text)], { currency: 'USD', stages });
    expect(dataset.deals.map((d) => d.id)).toEqual(['1']);
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual([`3 Deal Stage: "Deal Stage" "#N/A" ${REASON}`]);
  });

  it('suggests no stage for one in npm run init', () => {
    const deals = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-05,prospect\nD2,A1,Kim,100,2025-01-05,#N/A\n';
    const history = 'deal_id,stage,entered_at\nD1,prospect,2025-01-05\n';
    const { config } = suggestConfig([exportFile('deals.csv', deals), exportFile('stage_history.csv', history)]);
    const labels = (config.stages as { label: Record<string, string> }[]).map((s) => Object.values(s.label)[0]);
    expect(labels).toContain('prospect');
    expect(labels).not.toContain('#N/A');
  });

  it('groups a team or product read as empty with the unspecified ones, not under the error value', () => {
    const dataset = ingest({
      'deals.csv': ['deal_id,account_id,owner,team,product,amount,created_at,stage', 'D1,A1,Kim,#N/A,#N/A,100,2025-01-05,prospect', 'D2,A1,Kim,,,200,2025-01-05,prospect', 'D3,A1,Kim,T1,P1,300,2025-01-05,prospect', ''].join('\n'),
      'stage_history.csv': 'deal_id,stage,entered_at\nD1,prospect,2025-01-05\nD2,prospect,2025-01-05\nD3,prospect,2025-01-05\n',
    });
    expect(dataset.deals.map((d) => [d.id, d.team, d.product])).toEqual([['D1', '', ''], ['D2', '', ''], ['D3', 'T1', 'P1']]);
    const codes = dealCodes(dealTable(dataset));
    for (const column of ['team', 'product'] as const) {
      const { codes: byDeal, names } = codes[column];
      expect(names, column).not.toContain('#N/A');
      // D1 and D2 in one group.
      expect(byDeal[0], column).toBe(byDeal[1]);
      expect(byDeal[2], column).not.toBe(byDeal[0]);
    }
  });

  it('says so in Korean', () => {
    expect(issueMessage({ code: 'sheet_error', message: `team "#N/A" ${TEXT_REASON}` }, 'ko')).toBe(
      'team "#N/A"는 스프레드시트의 오류 값입니다(찾는 값이 없는 조회처럼 실패한 수식). 데이터가 아니므로 빈 값으로 읽었습니다. 수식을 고치거나 셀을 비운 뒤 CSV로 다시 저장하세요',
    );
    expect(issueMessage({ code: 'sheet_error', message: `account_id "#N/A" ${REASON}` }, 'ko')).toBe(
      'account_id "#N/A"는 스프레드시트의 오류 값입니다(찾는 값이 없는 조회처럼 실패한 수식). 데이터가 아니므로 수식을 고치거나 셀을 비운 뒤 CSV로 다시 저장하세요',
    );
    expect(issueMessage({ code: 'sheet_error', message: `"Deal owner" "Err:502" ${REASON}` }, 'ko')).toBe(
      '"Deal owner" "Err:502"는 스프레드시트의 오류 값입니다(찾는 값이 없는 조회처럼 실패한 수식). 데이터가 아니므로 수식을 고치거나 셀을 비운 뒤 CSV로 다시 저장하세요',
    );
  });
});
