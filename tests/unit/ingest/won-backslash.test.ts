/**
 * A backslash before an amount (`\35,000,000`): the byte 0x5C, which Korean Windows shows as ₩ and which Korean
 * Excel's currency format writes for the won sign in a CP949 CSV. Read as ₩ in an amount in KRW, said once per
 * file and column (`won_backslash`); refused with the backslash hint in any other currency.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { buildDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { checkCurrency, parseAmountIn } from '../../../src/lib/ingest/currency-check.ts';
import { Invalid } from '../../../src/lib/ingest/values.ts';
import { parseMoney } from '../../../src/lib/ingest/money.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { cp949, utf8 } from './helpers.ts';
import { load } from './export-helpers.ts';

const HINT = (n: string) => `(its "\\" is a backslash, which Korean and Japanese Windows fonts show as ₩ or ¥: write the amount without it, as ${n}, or with ₩ or ¥ itself)`;
const krw = { decimal: '.', backslash: true } as const;
const reason = (v: unknown) => (v instanceof Invalid ? `${v.code}: ${v.reason}` : v);

describe('parseMoney and checkCurrency', () => {
  it('read a leading backslash as ₩ in a KRW amount only, and only for a caller that checks the currency', () => {
    expect(parseAmountIn('\\35,000,000', 'KRW', "the deal's currency", krw)).toBe(35_000_000);
    expect(parseAmountIn(' \\ 8,500,000 ', 'KRW', "the deal's currency", krw)).toBe(8_500_000);
    expect(parseAmountIn('\\1,000.5', 'KRW', 'the config currency', krw)).toBe(1000.5);
    // In another currency it may be the yen (Japanese Windows) or a typo: refused with the hint, as before.
    expect(reason(parseAmountIn('\\35,000,000', 'USD', "the deal's currency", krw))).toBe(`invalid_number: "\\35,000,000" is not a number ${HINT('35000000')}`);
    expect(reason(parseAmountIn('\\1,000', 'JPY', "the deal's currency", krw))).toMatch(/^invalid_number: .* is not a number \(its "\\" is a backslash/u);
    // Without the option (a caller that checks no currency) nothing changes.
    expect(reason(parseMoney('\\35,000,000', { decimal: '.' }))).toBe(`invalid_number: "\\35,000,000" is not a number ${HINT('35000000')}`);
    // Only a backslash first, before the number, is a sign; the rest of the cell must be an amount.
    expect(reason(parseAmountIn('35,000\\', 'KRW', "the deal's currency", krw))).toMatch(/^invalid_number: /u);
    expect(reason(parseAmountIn('\\-1,000', 'KRW', "the deal's currency", krw))).toMatch(/^invalid_number: /u);
    expect(reason(parseAmountIn('\\abc', 'KRW', "the deal's currency", krw))).toMatch(/^invalid_number: /u);
    expect(reason(parseAmountIn('\\₩1,000', 'KRW', "the deal's currency", krw))).toBe('invalid_number: "\\₩1,000" is not a number');
    expect(reason(parseAmountIn('\\\\1,000', 'KRW', "the deal's currency", krw))).toMatch(/^invalid_number: /u);
    // With a code in the cell, the code decides as it always does.
    expect(reason(parseAmountIn('\\1,000 USD', 'KRW', "the deal's currency", krw))).toMatch(/^currency_mismatch: /u);
    const m = parseMoney('\\12,000', krw);
    expect(m).toMatchObject({ value: 12000, signs: ['\\'] });
    expect(checkCurrency(m as Exclude<typeof m, Invalid>, 'KRW', "the deal's currency")).toBeNull();
  });
});

const issueLines = (d: Dataset) => d.issues.map((i) => `${i.file}:${i.line} ${i.column} ${i.severity} ${i.code}: ${i.message}`);

describe('canonical files', () => {
  const config = parseConfig({ currency: 'KRW', fx: { USD: 1000 }, timezone: 'Asia/Seoul' });
  const deals = [
    'deal_id,account_id,owner,amount,currency,cost,created_at,stage',
    'D1,A1,Kim,"\\35,000,000",,"\\1,000,000",2025-01-01,prospect',
    'D2,A1,Kim,"\\12,000,000",KRW,,2025-01-01,prospect',
    'D3,A1,Kim,"\\5,000",USD,,2025-01-01,prospect',
    'D4,A1,Kim,"8,000",USD,,2025-01-01,prospect',
  ].join('\n');
  const files = (dealBytes: Uint8Array) => ({
    'deals.csv': dealBytes,
    'stage_history.csv': utf8('deal_id,stage,entered_at\nD1,prospect,2025-01-01\nD2,prospect,2025-01-01\nD4,prospect,2025-01-01\n'),
    'field_history.csv': utf8('deal_id,field,old_value,new_value,changed_at\nD1,amount,"\\30,000,000","\\35,000,000",2025-02-01\nD4,amount,"\\7,000","8,000",2025-02-01\n'),
    'targets.csv': utf8('period,target_amount\n2025-Q1,"\\100,000,000"\n'),
  });

  for (const [name, bytes] of [['CP949', cp949(deals)], ['UTF-8', utf8(deals)]] as const) {
    for (const rowByRow of [false, true]) {
      it(`reads deals.csv (${name}${rowByRow ? ', row by row' : ''}), field_history.csv and targets.csv amounts in KRW, says so once per column, and refuses the others`, () => {
        const d = buildDataset(files(bytes), config, { rowByRow });
        expect(d.deals.map((x) => [x.id, x.amount, x.cost])).toEqual([
          ['D1', 35_000_000, 1_000_000],
          ['D2', 12_000_000, null],
          ['D4', 8_000_000, null],
        ]);
        expect(d.fieldHistory!.map((f) => [f.deal, f.oldValue, f.newValue])).toEqual([[0, 30_000_000, 35_000_000]]);
        expect(d.targets!.map((t) => t.targetAmount)).toEqual([100_000_000]);
        expect(issueLines(d).filter((l) => !l.includes('synthesized_history') && !l.includes('unknown_deal'))).toEqual([
          `deals.csv:2 amount warning won_backslash: amount has 2 amounts written with a backslash before the number, such as "\\35,000,000", read as won (₩35,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and they are in KRW`,
          `deals.csv:2 cost warning won_backslash: cost has 1 amount written with a backslash before the number, "\\1,000,000", read as won (₩1,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and it is in KRW`,
          `deals.csv:4 amount error invalid_number: amount "\\5,000" is not a number ${HINT('5000')}`,
          `field_history.csv:2 new_value warning won_backslash: new_value has 1 amount written with a backslash before the number, "\\35,000,000", read as won (₩35,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and it is in KRW`,
          `field_history.csv:2 old_value warning won_backslash: old_value has 1 amount written with a backslash before the number, "\\30,000,000", read as won (₩30,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and it is in KRW`,
          `field_history.csv:3 old_value error invalid_number: old_value "\\7,000" is not a number ${HINT('7000')}`,
          `targets.csv:2 target_amount warning won_backslash: target_amount has 1 amount written with a backslash before the number, "\\100,000,000", read as won (₩100,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and it is in KRW`,
        ]);
        const warning = d.issues.find((i) => i.code === 'won_backslash')!;
        expect(issueMessage(warning, 'ko')).toBe(
          'amount 열의 금액 2개는 숫자 앞에 역슬래시를 적어(예: "\\35,000,000") 원화(₩35,000,000)로 읽었습니다. 한국어 Windows는 역슬래시를 ₩로 보여 주며, 한국어 Excel의 통화 서식이 CSV에 원화 기호를 이렇게 씁니다. 이 금액의 통화는 KRW입니다',
        );
      });
    }
  }

  it('with a config currency other than KRW, reads only the rows whose own currency is KRW', () => {
    const d = buildDataset(files(utf8(deals)), parseConfig({ currency: 'USD', fx: { KRW: 0.001 }, timezone: 'UTC' }), {});
    // D1 (no currency: the config's USD) and D3 (USD) are refused; D2 names KRW.
    expect(d.deals.map((x) => [x.id, x.amount])).toEqual([
      ['D2', 12_000],
      ['D4', 8_000],
    ]);
    expect(d.issues.filter((i) => i.code === 'won_backslash').map((i) => [i.file, i.line, i.column])).toEqual([['deals.csv', 3, 'amount']]);
    expect(d.issues.filter((i) => i.code === 'invalid_number').map((i) => [i.file, i.line, i.column])).toEqual([
      ['deals.csv', 2, 'amount'],
      ['deals.csv', 4, 'amount'],
      ['field_history.csv', 3, 'old_value'],
      ['targets.csv', 2, 'target_amount'],
    ]);
    expect(d.targets).toEqual([]);
  });
});

describe('a HubSpot export saved by Korean Excel (CP949)', () => {
  const header = ['Record ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Amount', 'Currency', 'Close Date', 'Create Date', 'Deal owner'];
  const row = (id: string, amount: string, currency: string) => [id, `Deal ${id}`, 'Sales', '수주', amount, currency, '2025-06-20', '2025-05-02 09:00', 'Kim'];
  const csv = [header, row('1', '\\35,000,000', 'KRW'), row('2', '\\12,000,000', 'KRW'), row('3', '48,000', 'USD'), row('4', '\\100', 'USD')]
    .map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))
    .join('\r\n');
  const config = { currency: 'KRW', timezone: 'Asia/Seoul', fx: { USD: 1380 }, stages: [{ id: 'open', kind: 'open' }, { id: 'won', kind: 'won', label: { ko: '수주' } }, { id: 'lost', kind: 'lost' }] };

  it('reads its won amounts, says so once on the export\'s own line and column, and refuses a backslash in a USD row', () => {
    const d = load([{ path: 'hubspot-crm-exports-all-deals-2025-06-30.csv', source: byteSource(cp949(csv)) }], config);
    expect(d.deals.map((x) => [x.id, x.amount])).toEqual([
      ['1', 35_000_000],
      ['2', 12_000_000],
      ['3', 48_000 * 1380],
    ]);
    const lines = d.issues.filter((i) => i.code === 'won_backslash' || i.severity === 'error').map((i) => `${i.file}:${i.line} ${i.column} ${i.code}: ${i.message}`);
    expect(lines).toEqual([
      `hubspot-crm-exports-all-deals-2025-06-30.csv:2 Amount won_backslash: "Amount" has 2 amounts written with a backslash before the number, such as "\\35,000,000", read as won (₩35,000,000): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and they are in KRW`,
      `hubspot-crm-exports-all-deals-2025-06-30.csv:5 Amount invalid_number: "Amount" "\\100" is not a number ${HINT('100')}`,
    ]);
  });
});
