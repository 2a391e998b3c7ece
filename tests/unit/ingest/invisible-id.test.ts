/**
 * A deal_id with a character that prints as nothing (a zero-width space pasted from a web page or a chat) in
 * one file and not in the other: its history rows are unknown deals, and the message, whose quotes look alike
 * for both ids, names the deal they likely meant, in English and Korean. Nothing is read as that deal.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';
import { FIRST_INVISIBLE, hasInvisible, mayHaveInvisible } from '../../../src/lib/ingest/date-messages.ts';

const read = (dealId: string, historyId: string) => {
  const deals = `deal_id,account_id,owner,amount,created_at,stage\n${dealId},A1,Kim,100,2025-01-02,qualify\nD4,A2,Lee,100,2025-01-03,prospect\n`;
  const history = `deal_id,stage,entered_at\n${historyId},prospect,2025-01-02\n${historyId},qualify,2025-01-05\nD4,prospect,2025-01-03\n`;
  const { dataset } = loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8(history), 'field_history.csv': utf8(`deal_id,field,old_value,new_value,changed_at\n${historyId},amount,90,100,2025-01-04\n`) });
  return { dataset, unknown: dataset.issues.filter((i) => i.code === 'unknown_deal') };
};

describe('a deal_id that differs by an invisible character', () => {
  it('in deals.csv: each history row names the deal it likely meant, and is not read as it', () => {
    const { dataset, unknown } = read('D3\u200b', 'D3');
    expect(dataset.stageHistory.length).toBe(1);
    expect(unknown.map((i) => [i.file, i.line, i.message])).toEqual([
      ['field_history.csv', 2, 'deal_id "D3" is not in deals.csv; deals.csv has "D3\\u200b", the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is'],
      ['stage_history.csv', 2, 'deal_id "D3" is not in deals.csv; deals.csv has "D3\\u200b", the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is'],
      ['stage_history.csv', 3, 'deal_id "D3" is not in deals.csv; deals.csv has "D3\\u200b", the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is'],
    ]);
    expect(issueMessage(unknown[0]!, 'ko')).toBe(
      'deal_id "D3"은 deals.csv에 없는 딜입니다. deals.csv에는 "D3\\u200b"가 있으며, 보이지 않는 문자 하나만 다른 같은 ID입니다(웹 페이지나 메신저에서 복사한 텍스트에 섞여 들어옵니다). 그 문자가 있는 쪽에서 지우세요',
    );
  });

  it('in the history files: the same, the other way round', () => {
    const { unknown } = read('D3', 'D\u200c3\u00ad');
    expect(unknown.map((i) => i.message)).toEqual(
      Array(3).fill('deal_id "D\\u200c3\\u00ad" is not in deals.csv; deals.csv has "D3", the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is'),
    );
  });

  it('in deals.csv, with the lowest such character or beside Korean letters: still named', () => {
    const tail = ', the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is';
    expect(read('D3\u00ad', 'D3').unknown.map((i) => i.message)).toEqual(Array(3).fill(`deal_id "D3" is not in deals.csv; deals.csv has "D3\\u00ad"${tail}`));
    expect(read('딜3\u200b', '딜3').unknown.map((i) => i.message)).toEqual(Array(3).fill(`deal_id "딜3" is not in deals.csv; deals.csv has "딜3\\u200b"${tail}`));
  });

  it('the quick scan of ids rules out only ids without such a character', () => {
    // Every UTF-16 unit the pattern removes is at or above FIRST_INVISIBLE, and FIRST_INVISIBLE is one of them.
    const removed = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => hasInvisible(String.fromCharCode(c)));
    expect(removed.length).toBeGreaterThan(10);
    expect(Math.min(...removed)).toBe(FIRST_INVISIBLE);
    for (const c of removed) expect(mayHaveInvisible(`D${String.fromCharCode(c)}1`)).toBe(true);
    expect(mayHaveInvisible('D-000001')).toBe(false);
    expect(mayHaveInvisible('')).toBe(false);
  });

  it('an id that is no deal at all, or only invisible characters, says only that', () => {
    expect(read('D3', 'D9').unknown.map((i) => i.message)).toEqual(Array(3).fill('deal_id "D9" is not in deals.csv'));
    expect(read('D3', '\u200b').unknown.map((i) => i.message)).toEqual(Array(3).fill('deal_id "\\u200b" is not in deals.csv'));
  });
});

describe('a numeric deal_id Excel wrote otherwise in one file (leading zeros dropped or added, a decimal ".0")', () => {
  const tail = ', the same number written otherwise (leading zeros or a decimal ".0", as Excel rewrites an id it reads as a number): export the files again without opening them in Excel, or format the id column as text there';
  it('each history row names the deal it likely meant, in either direction, and is not read as it', () => {
    const zeros = read('123', '00123');
    expect(zeros.unknown.map((i) => i.message)).toEqual(Array(3).fill(`deal_id "00123" is not in deals.csv; deals.csv has "123"${tail}`));
    expect(zeros.dataset.stageHistory.length).toBe(1);
    expect(read('00123', '123').unknown.map((i) => i.message)).toEqual(Array(3).fill(`deal_id "123" is not in deals.csv; deals.csv has "00123"${tail}`));
    expect(read('4567', '4567.0').unknown.map((i) => i.message)).toEqual(Array(3).fill(`deal_id "4567.0" is not in deals.csv; deals.csv has "4567"${tail}`));
    expect(issueMessage({ code: 'unknown_deal', message: `deal_id "00123" is not in deals.csv; deals.csv has "123"${tail}` }, 'ko')).toBe(
      'deal_id "00123"은 deals.csv에 없는 딜입니다. deals.csv에는 "123"이 있으며, 앞의 0이나 소수점 ".0"만 다른 같은 숫자입니다(Excel이 ID를 숫자로 읽어 바꿔 씁니다). Excel에서 열지 않고 다시 내보내거나, Excel에서 ID 열을 텍스트 형식으로 지정하세요',
    );
  });

  it('another number, or a number beside ids that are not, says only that', () => {
    expect(read('123', '124').unknown.map((i) => i.message)).toEqual(Array(3).fill('deal_id "124" is not in deals.csv'));
    expect(read('D123', '0123').unknown.map((i) => i.message)).toEqual(Array(3).fill('deal_id "0123" is not in deals.csv'));
  });
});
