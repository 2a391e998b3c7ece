/**
 * A workbook whose only table is on a hidden sheet (Excel opens it on an empty visible one): not read, and the
 * reason says where the table is and what to do, in English and Korean, for XLSX and XLS alike.
 */
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { brokenWorkbookMessage } from '../../../src/lib/ingest/export-listing.ts';
import { readWorkbooks } from '../../../src/lib/ingest/workbook/workbook-exports.ts';
import { makeXlsx } from './workbook-zip.ts';
import { label, makeXls } from './xls-builder.ts';

const TABLE = '<row r="1"><c r="A1" t="inlineStr"><is><t>Record ID</t></is></c><c r="B1" t="inlineStr"><is><t>Deal Stage</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Won</t></is></c><c r="C2"><v>1000</v></c></row>';
const xlsTable = [label(0, 0, 'Record ID'), label(0, 1, 'Deal Stage'), label(0, 2, 'Amount'), label(1, 0, '1'), label(1, 1, 'Won'), label(1, 2, '1000')];
const ONE = 'its only table is on the hidden sheet "Data": unhide it in Excel (right-click a sheet tab, Unhide) and save the workbook, or export it again';

describe('a table on a hidden sheet only', () => {
  it('is named as the reason the workbook is not read, in English and Korean', () => {
    const files = new Map([
      ['hidden_first.xlsx', makeXlsx([{ name: 'Data', hidden: true, data: TABLE }, { name: 'Visible', data: '' }])],
      ['all_hidden.xlsx', makeXlsx([{ name: 'Data', hidden: true, data: TABLE }, { name: 'More', hidden: true, data: TABLE }])],
      ['hidden_first.xls', makeXls({ sheets: [{ name: 'Data', hidden: true, cells: xlsTable }, { name: 'Visible', cells: [] }] })],
      // A visible table is read as before, the hidden sheet named as one not read.
      ['visible_too.xlsx', makeXlsx([{ name: 'Data', hidden: true, data: TABLE }, { name: 'Deals', data: TABLE }])],
    ]);
    const reading = readWorkbooks([...files.keys()], (path) => files.get(path)!);
    expect(reading.broken).toEqual([
      { path: 'hidden_first.xlsx', reason: ONE },
      { path: 'all_hidden.xlsx', reason: 'its tables are on the hidden sheets "Data", "More": unhide it in Excel (right-click a sheet tab, Unhide) and save the workbook, or export it again' },
      { path: 'hidden_first.xls', reason: ONE },
    ]);
    expect(reading.read.map((r) => r.path)).toEqual(['visible_too.xlsx']);
    expect(issueMessage({ code: 'not_csv', message: brokenWorkbookMessage(ONE) }, 'ko')).toBe(
      '읽을 수 없는 Excel 통합 문서입니다: 표가 숨겨진 시트 "Data"에만 있습니다. Excel에서 시트 탭을 마우스 오른쪽 단추로 클릭해 [숨기기 취소]를 하고 저장하거나, 다시 내보내세요. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
    );
  });
});
