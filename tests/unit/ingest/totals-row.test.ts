import { describe, expect, it } from 'vitest';
import { totalsRowMessage } from '../../../src/lib/ingest/totals-row.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';

const NAMES = ['deal_id', 'deal_name', 'account_id', 'owner', 'amount', 'created_at', 'stage', 'team', 'product'];
/** deal_id, account_id, owner, amount, created_at, stage. */
const REQUIRED = [0, 2, 3, 4, 5, 6];
const row = (cells: Record<string, string>) => NAMES.map((n) => cells[n] ?? '');

describe('a totals row in deals.csv', () => {
  it('is told by its first value, the whole word a spreadsheet writes, in English or Korean', () => {
    expect(totalsRowMessage(row({ deal_id: 'Total', amount: '1,000,000' }), NAMES, REQUIRED, 'deals.csv')).toEqual({
      column: 'deal_id',
      message: 'a totals row ("Total" in deal_id, amount "1,000,000"), not a deal: rejected; leave totals out of deals.csv (a sum added in a spreadsheet is not a row)',
    });
    // The word in a later column (the ids left empty), with a colon, in Korean, or as "Grand Total".
    expect(totalsRowMessage(row({ deal_name: 'Grand Total:', amount: '9' }), NAMES, REQUIRED, 'deals.csv')?.column).toBe('deal_name');
    expect(totalsRowMessage(row({ deal_id: ' 합계 ', amount: '9' }), NAMES, REQUIRED, 'deals.csv')?.column).toBe('deal_id');
    expect(totalsRowMessage(row({ deal_id: 'SUBTOTAL' }), NAMES, REQUIRED, 'deals.csv')?.message).toBe(
      'a totals row ("SUBTOTAL" in deal_id), not a deal: rejected; leave totals out of deals.csv (a sum added in a spreadsheet is not a row)',
    );
  });

  it('names at most three other values, and is said in Korean', () => {
    const totals = totalsRowMessage(row({ deal_id: 'Total', amount: '9', team: '3 teams', product: '2', stage: 'x' }), NAMES, REQUIRED, 'deals.csv')!;
    expect(totals.message).toBe('a totals row ("Total" in deal_id, amount "9", stage "x", team "3 teams", 1 more), not a deal: rejected; leave totals out of deals.csv (a sum added in a spreadsheet is not a row)');
    expect(issueMessage({ code: 'totals_row', message: totals.message }, 'ko')).toBe(
      '합계 행입니다(deal_id 열의 "Total", amount "9", stage "x", team "3 teams" 외 1개). 딜이 아니어서 거부했습니다. deals.csv에는 합계 행을 넣지 마세요(스프레드시트에서 더한 합계는 행이 아닙니다)',
    );
  });

  it('is not a deal named "Total" with its required cells, a name that only starts with the word, or a row whose first value is another', () => {
    const named = row({ deal_id: 'Total', account_id: 'A1', owner: 'kim', amount: 'x', created_at: '2025-01-01', stage: 'won' });
    expect(totalsRowMessage(named, NAMES, REQUIRED, 'deals.csv')).toBeNull();
    expect(totalsRowMessage(row({ deal_id: 'Total Events LLC', amount: '9' }), NAMES, REQUIRED, 'deals.csv')).toBeNull();
    expect(totalsRowMessage(row({ deal_id: 'D9', deal_name: 'Total' }), NAMES, REQUIRED, 'deals.csv')).toBeNull();
    expect(totalsRowMessage(row({}), NAMES, REQUIRED, 'deals.csv')).toBeNull();
  });
});
