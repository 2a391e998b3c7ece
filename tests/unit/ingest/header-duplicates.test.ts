/**
 * Columns of one header with the same name, as written or differing only by letter case (input.md: column
 * names are case-insensitive): the first is read, and each such name gets one warning naming every column of
 * that name as written, with its position, in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readTable } from '../../../src/lib/ingest/table.ts';
import { utf8 } from './helpers.ts';

function read(text: string) {
  const issues = new IssueLog();
  const amounts: string[] = [];
  readTable(byteSource(utf8(text), 64), { file: 'deals.csv', required: ['id'], known: ['id', 'amount'] }, { issues }, (table) => (record) => {
    amounts.push(record.toArray()[table.index['amount']!]!);
    return true;
  });
  return { amounts, issues: issues.sorted().map((i) => ({ line: i.line, column: i.column, code: i.code, severity: i.severity, message: i.message })) };
}

describe('duplicate columns in a header', () => {
  it('warns once for two columns that differ only by case, naming both as written with their positions; the first is read', () => {
    const { amounts, issues } = read('id,Amount,note,amount\nD1,100,x,200\n');
    expect(amounts).toEqual(['100']);
    expect(issues).toEqual([
      {
        line: 1,
        column: 'amount',
        code: 'duplicate_column',
        severity: 'warning',
        message: 'column "amount" appears 2 times: "Amount" (column 2) and "amount" (column 4), names read ignoring case; the first one is used',
      },
    ]);
  });

  it('warns once, not once per extra column, for a name written three times', () => {
    const { issues } = read('id,amount,Amount,AMOUNT\nD1,1,2,3\n');
    expect(issues.map((i) => i.message)).toEqual([
      'column "amount" appears 3 times: "amount" (column 2), "Amount" (column 3) and "AMOUNT" (column 4), names read ignoring case; the first one is used',
    ]);
  });

  it('names the positions alone when the columns are written alike, and gives each duplicated name its own warning', () => {
    const { issues } = read('id,amount,owner,amount,owner\nD1,1,a,2,b\n');
    expect(issues.map((i) => `${i.column}: ${i.message}`)).toEqual([
      'amount: column "amount" appears 2 times (columns 2 and 4); the first one is used',
      'owner: column "owner" appears 2 times (columns 3 and 5); the first one is used',
    ]);
  });

  it('lists ten columns of a name written many times, and counts the rest', () => {
    const { issues } = read(`id${',amount'.repeat(5000)},Amount\nD1\n`);
    const columns = Array.from({ length: 10 }, (_, i) => `"amount" (column ${i + 2})`).join(', ');
    expect(issues.map((i) => i.message)).toEqual([`column "amount" appears 5001 times: ${columns} and 4991 more, names read ignoring case; the first one is used`]);
    const ko = issueMessage({ code: 'duplicate_column', message: issues[0]!.message }, 'ko');
    expect(ko).toBe(
      `"amount" 열이 5001번 나옵니다: ${Array.from({ length: 10 }, (_, i) => `"amount"(${i + 2}번째 열)`).join(', ')} 외 4991개. 열 이름은 대소문자를 구분하지 않고 읽습니다. 첫 번째 열을 씁니다`,
    );
    const same = read(`id${',owner'.repeat(12)}\nD1\n`).issues.map((i) => i.message);
    expect(same).toEqual(['column "owner" appears 12 times (columns 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more); the first one is used']);
    expect(issueMessage({ code: 'duplicate_column', message: same[0]! }, 'ko')).toBe(
      '"owner" 열이 12번 나옵니다(2번째, 3번째, 4번째, 5번째, 6번째, 7번째, 8번째, 9번째, 10번째, 11번째 열 외 2개). 첫 번째 열을 씁니다',
    );
  });

  it('says the same in Korean, a quote inside a name included', () => {
    const ko = (message: string) => issueMessage({ code: 'duplicate_column', message }, 'ko');
    expect(ko('column "amount" appears 2 times: "Amount" (column 2) and "amount" (column 4), names read ignoring case; the first one is used')).toBe(
      '"amount" 열이 2번 나옵니다: "Amount"(2번째 열), "amount"(4번째 열). 열 이름은 대소문자를 구분하지 않고 읽습니다. 첫 번째 열을 씁니다',
    );
    expect(ko('column "amount" appears 3 times (columns 2, 3 and 9); the first one is used')).toBe('"amount" 열이 3번 나옵니다(2번째, 3번째, 9번째 열). 첫 번째 열을 씁니다');
    const { issues } = read('id,"Say ""hi"" (column 1)","say ""HI"" (column 1)"\nD1,a,b\n');
    expect(issues.map((i) => ko(i.message))).toEqual([
      '"say \\"hi\\" (column 1)" 열이 2번 나옵니다: "Say \\"hi\\" (column 1)"(2번째 열), "say \\"HI\\" (column 1)"(3번째 열). 열 이름은 대소문자를 구분하지 않고 읽습니다. 첫 번째 열을 씁니다',
    ]);
  });
});
