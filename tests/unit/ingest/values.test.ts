import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { describe, expect, it } from 'vitest';
import { type DateOptions, Invalid, parseBoolean, parseChoice, parseCurrencyCode, parseInstant, parseInstantRange, parseInteger, parseLocalDate, parsePeriod } from '../../../src/lib/ingest/values.ts';
import { thousandsDoubt, parseMoney } from '../../../src/lib/ingest/money.ts';
import { quoteValue } from '../../../src/lib/ingest/date-messages.ts';
import { parseAmountIn, signCurrencies } from '../../../src/lib/ingest/currency-check.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { rowContext } from '../../../src/lib/ingest/schema.ts';

const UTC: DateOptions = { timeZone: 'UTC', dateOrder: 'YMD' };
const SEOUL: DateOptions = { timeZone: 'Asia/Seoul', dateOrder: 'YMD' };
const iso = (t: number | Invalid) => (t instanceof Invalid ? t : new Date(t).toISOString());
const reason = (v: unknown) => (v instanceof Invalid ? `${v.code}: ${v.reason}` : `not invalid: ${String(v)}`);

describe('dates', () => {
  it('reads every format of input.md as an instant', () => {
    expect(iso(parseInstant('2025-03-04', UTC))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(parseInstant('2025/03/04', UTC))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(parseInstant('2025.03.04', UTC))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(parseInstant('2025-03-04T13:05', UTC))).toBe('2025-03-04T13:05:00.000Z');
    expect(iso(parseInstant('2025-03-04T13:05:09', UTC))).toBe('2025-03-04T13:05:09.000Z');
    expect(iso(parseInstant('2025-03-04T13:05:09Z', UTC))).toBe('2025-03-04T13:05:09.000Z');
    expect(iso(parseInstant('2025-03-04T13:05:09.123Z', UTC))).toBe('2025-03-04T13:05:09.123Z');
    expect(iso(parseInstant('2025-03-04T13:05:09+09:00', UTC))).toBe('2025-03-04T04:05:09.000Z');
    expect(iso(parseInstant('2025-03-04T13:05-05:30', UTC))).toBe('2025-03-04T18:35:00.000Z');
    // The fixed-width form with an offset (a fast path in dates.ts), and its near misses.
    expect(iso(parseInstant('2025-03-04T13:05:09-05:30', UTC))).toBe('2025-03-04T18:35:09.000Z');
    expect(iso(parseInstant('2025-03-04 13:05:09+00:00', SEOUL))).toBe('2025-03-04T13:05:09.000Z');
    expect(reason(parseInstant('2025-03-04T13:05:09+24:00', UTC))).toMatch(/invalid time zone offset/);
    expect(reason(parseInstant('2025-03-04T13:05:09+09:60', UTC))).toMatch(/invalid time zone offset/);
    expect(reason(parseInstant('2025-02-29T13:05:09+09:00', UTC))).toMatch(/has day 29/);
  });

  it('also reads the common Excel variants', () => {
    expect(iso(parseInstant('2025-03-04 13:05:09', UTC))).toBe('2025-03-04T13:05:09.000Z');
    expect(iso(parseInstant('2025/3/4 9:05', UTC))).toBe('2025-03-04T09:05:00.000Z');
    expect(iso(parseInstant('2025. 3. 4.', UTC))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(parseInstant('2025-03-04T13:05:09+0900', UTC))).toBe('2025-03-04T04:05:09.000Z');
  });

  it('puts a date alone at 00:00 and a datetime without offset in the config timezone', () => {
    // Asia/Seoul is UTC+9: local midnight is 15:00 the previous day in UTC.
    expect(iso(parseInstant('2025-03-04', SEOUL))).toBe('2025-03-03T15:00:00.000Z');
    expect(iso(parseInstant('2025-03-04T10:00', SEOUL))).toBe('2025-03-04T01:00:00.000Z');
    // An explicit offset wins over the timezone.
    expect(iso(parseInstant('2025-03-04T10:00Z', SEOUL))).toBe('2025-03-04T10:00:00.000Z');
    // DST: New York is UTC-5 in winter, UTC-4 in summer.
    const ny: DateOptions = { timeZone: 'America/New_York', dateOrder: 'YMD' };
    expect(iso(parseInstant('2025-01-15', ny))).toBe('2025-01-15T05:00:00.000Z');
    expect(iso(parseInstant('2025-07-15 08:30', ny))).toBe('2025-07-15T12:30:00.000Z');
  });

  it('reads day/month-first dates only when date_order says which', () => {
    expect(reason(parseInstant('03/04/2025', UTC))).toMatchInlineSnapshot(
      `"invalid_date: "03/04/2025" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json"`,
    );
    expect(iso(parseInstant('03/04/2025', { timeZone: 'UTC', dateOrder: 'MDY' }))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(parseInstant('03/04/2025', { timeZone: 'UTC', dateOrder: 'DMY' }))).toBe('2025-04-03T00:00:00.000Z');
    expect(iso(parseInstant('03.04.2025 10:00', { timeZone: 'UTC', dateOrder: 'DMY' }))).toBe('2025-04-03T10:00:00.000Z');
    // Year-first stays year-first whatever date_order says.
    expect(iso(parseInstant('2025/03/04', { timeZone: 'UTC', dateOrder: 'DMY' }))).toBe('2025-03-04T00:00:00.000Z');
  });

  it('says how to write a date with its weekday, and a time zone after a space, in English and Korean', () => {
    const ko = (message: string) => issueMessage({ code: 'invalid_date', message }, 'ko');
    // Korean Excel's yyyy-mm-dd (aaa), with or without the space, and its dotted date; English weekdays too.
    const weekday = (cell: string, iso: string) =>
      `invalid_date: "${cell}" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD); it looks like a date with its weekday: write it as ${iso}; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
    for (const cell of ['2026-01-05 (월)', '2026-01-05(월)', '2026-01-05 월요일', '2026-01-05 Mon']) expect(reason(parseInstant(cell, SEOUL)), cell).toBe(weekday(cell, '2026-01-05'));
    expect(reason(parseLocalDate('2026. 1. 5. (월)', SEOUL))).toBe(weekday('2026. 1. 5. (월)', '2026-01-05'));
    expect(ko(`created_at ${weekday('2026-01-05 (월)', '2026-01-05').slice('invalid_date: '.length)}`)).toBe(
      'created_at "2026-01-05 (월)"는 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 요일이 붙은 날짜로 보입니다. 2026-01-05처럼 적고, Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요',
    );
    // BigQuery's and psql's timestamps: the zone after a space.
    expect(reason(parseInstant('2026-01-05 14:05:00 UTC', UTC))).toBe(
      'invalid_date: "2026-01-05 14:05:00 UTC" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write the time zone right after the time, without a space, and UTC as Z: 2026-01-05 14:05:00Z',
    );
    expect(reason(parseInstant('2026-01-05 14:05 +09:00', UTC))).toMatch(/; write the time zone right after the time, without a space, and UTC as Z: 2026-01-05 14:05\+09:00$/u);
    expect(ko('entered_at "2026-01-05 14:05:00 UTC" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write the time zone right after the time, without a space, and UTC as Z: 2026-01-05 14:05:00Z')).toBe(
      'entered_at "2026-01-05 14:05:00 UTC": 시간을 읽을 수 없습니다(형식: HH:mm[:ss][Z|±HH:MM]). 시간대는 시각 바로 뒤에 띄우지 않고 적고, UTC는 Z로 적으세요: 2026-01-05 14:05:00Z',
    );
    // Excel's d-mmm-yy and mmm d, yyyy: the month by its English name, a two-digit year as Excel reads one.
    const monthName = (cell: string, iso: string) =>
      `invalid_date: "${cell}" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD); it looks like a date with its month's name: write it as ${iso}; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
    for (const [cell, iso] of [
      ['5-Jan-26', '2026-01-05'],
      ['05-Jan-2026', '2026-01-05'],
      ['15 Sept 1999', '1999-09-15'],
      ['Jan 5, 2026', '2026-01-05'],
      ['December 31 2025', '2025-12-31'],
      ['29-Feb-96', '1996-02-29'],
    ] as const) {
      expect(reason(parseInstant(cell, UTC)), cell).toBe(monthName(cell, iso));
    }
    // Not a date at all: no hint.
    for (const cell of ['31-Feb-26', '5-Foo-26', 'Ma 5, 2026']) expect(reason(parseInstant(cell, UTC)), cell).not.toContain("month's name");
    expect(ko(`expected_close_at ${monthName('5-Jan-26', '2026-01-05').slice('invalid_date: '.length)}`)).toBe(
      'expected_close_at "5-Jan-26"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 월을 영어 이름으로 쓴 날짜로 보입니다. 2026-01-05처럼 적고, Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요',
    );
    // Only a weekday: a time that is not one keeps its own message.
    expect(reason(parseInstant('2026-01-05 (noon)', UTC))).toMatch(/has an unreadable time \(expected HH:mm\[:ss\]\[Z\|±HH:MM\]\)$/u);
  });

  it('says a date whose space is not a plain one (a no-break space) is one, without reading it, in English and Korean', () => {
    const EXPECTED = 'is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD)';
    const space = (cell: string, name: string, hex: string, written: string) =>
      `invalid_date: ${JSON.stringify(cell)} ${EXPECTED}; its space is ${name} (U+${hex}), not a plain space: write it as ${written}`;
    expect(reason(parseInstant('2025-03-04\u00a014:05', UTC))).toBe(space('2025-03-04\u00a014:05', 'a no-break space', '00A0', '2025-03-04 14:05'));
    expect(reason(parseLocalDate('2025-03-04\u202f14:05:09+09:00', UTC))).toBe(space('2025-03-04\u202f14:05:09+09:00', 'a narrow no-break space', '202F', '2025-03-04 14:05:09+09:00'));
    // Half-width digits with a full-width space: the space, not full-width digits.
    expect(reason(parseInstant('2025/3/4\u3000\u300014:05', UTC))).toBe(space('2025/3/4\u3000\u300014:05', 'a full-width space', '3000', '2025/3/4 14:05'));
    expect(reason(parseInstant('2025.\u00a03.\u00a04.', UTC))).toBe(space('2025.\u00a03.\u00a04.', 'a no-break space', '00A0', '2025. 3. 4.'));
    // Year last: as date_order reads it, and only then.
    const dmy: DateOptions = { timeZone: 'UTC', dateOrder: 'DMY' };
    expect(reason(parseInstant('04.03.2025\t14:05', dmy))).toBe(space('04.03.2025\t14:05', 'a tab', '0009', '04.03.2025 14:05'));
    expect(reason(parseInstant('04.03.2025\u00a014:05', UTC))).toBe('invalid_date: "04.03.2025\u00a014:05" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json');
    // Not a date with plain spaces either: no such hint.
    for (const cell of ['2025-02-30\u00a014:05', '2025-03-04\u00a0noon', 'today\u00a014:05']) expect(reason(parseInstant(cell, UTC)), cell).not.toContain('plain space');
    const ko = (message: string) => issueMessage({ code: 'invalid_date', message }, 'ko');
    expect(ko(`created_at ${space('2025-03-04\u00a014:05', 'a no-break space', '00A0', '2025-03-04 14:05').slice('invalid_date: '.length)}`)).toBe(
      'created_at "2025-03-04\u00a014:05"는 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 공백이 일반 공백이 아니라 줄바꿈 없는 공백(U+00A0)입니다. 2025-03-04 14:05처럼 일반 공백으로 적으세요',
    );
    expect(ko(`entered_at ${space('2025/3/4\u300014:05', 'a full-width space', '3000', '2025/3/4 14:05').slice('invalid_date: '.length)}`)).toContain('전각 공백(U+3000)입니다. 2025/3/4 14:05처럼');
  });

  it('says how to write a date with a two-digit year, by date_order, without reading it, in English and Korean', () => {
    const EXPECTED = 'is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD)';
    const cause = 'its year has two digits, which is not read: write the year in full';
    const mdy: DateOptions = { timeZone: 'UTC', dateOrder: 'MDY' };
    const dmy: DateOptions = { timeZone: 'UTC', dateOrder: 'DMY' };
    expect(reason(parseInstant('3/4/25', mdy))).toBe(`invalid_date: "3/4/25" ${EXPECTED}; ${cause}, as 2025-03-04 (month first, as "date_order" says, and 25 as 2025)`);
    expect(reason(parseLocalDate('3/4/25', dmy))).toBe(`invalid_date: "3/4/25" ${EXPECTED}; ${cause}, as 2025-04-03 (day first, as "date_order" says, and 25 as 2025)`);
    // Excel's century for a two-digit year typed in (30-99 the 1900s), and a time after it.
    expect(reason(parseInstant('31.12.99 14:05', dmy))).toContain(`${cause}, as 1999-12-31 14:05 (day first, as "date_order" says, and 99 as 1999)`);
    // YMD cannot tell which part is the year (12/03/25), nor can a date that is none in the configured order: the form only.
    for (const [cell, opts] of [['3/4/25', UTC], ['25.03.04', UTC], ['25. 3. 4.', UTC], ['2/30/25', mdy], ['13/4/25', mdy]] as const) {
      expect(reason(parseInstant(cell, opts)), cell).toBe(`invalid_date: ${JSON.stringify(cell)} ${EXPECTED}; ${cause}, first (YYYY-MM-DD)`);
    }
    // No part of two digits, or not three numbers: no such hint.
    for (const cell of ['3/4/5', '3/4/125', '3/4-25', 'Q3/4/25']) expect(reason(parseInstant(cell, mdy)), cell).not.toContain('two digits');
    const ko = (message: string) => issueMessage({ code: 'invalid_date', message }, 'ko');
    expect(ko(`created_at ${reason(parseInstant('3/4/25', mdy)).slice('invalid_date: '.length)}`)).toBe(
      'created_at "3/4/25"는 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 연도가 두 자리여서 읽지 않습니다. 연도를 네 자리로 2025-03-04처럼 적으세요("date_order"대로 월을 먼저, 25년을 2025년으로 읽은 날짜)',
    );
    expect(ko(`closed_at ${reason(parseInstant('31.12.99 14:05', dmy)).slice('invalid_date: '.length)}`)).toContain('1999-12-31 14:05처럼 적으세요("date_order"대로 일을 먼저, 99년을 1999년으로 읽은 날짜)');
    expect(ko(`created_at ${reason(parseInstant('25.03.04', UTC)).slice('invalid_date: '.length)}`)).toBe(
      'created_at "25.03.04"는 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 연도가 두 자리여서 읽지 않습니다. 연도를 네 자리로 맨 앞에 적으세요(YYYY-MM-DD)',
    );
  });

  it('names the order of a year-last date whose first or second part cannot be a month, in English and Korean', () => {
    // 15/07/2025 is not ambiguous: no month 15. The message says which order to set, with the file's own separator.
    expect(reason(parseInstant('15/07/2025', UTC))).toBe('invalid_date: "15/07/2025" is written day first (DD/MM/YYYY); set "date_order" to "DMY" in pipeline.config.json');
    expect(reason(parseInstant('30.06.2025 14:05', UTC))).toBe('invalid_date: "30.06.2025 14:05" is written day first (DD.MM.YYYY); set "date_order" to "DMY" in pipeline.config.json');
    expect(reason(parseLocalDate('7/15/2025', UTC))).toBe('invalid_date: "7/15/2025" is written month first (MM/DD/YYYY); set "date_order" to "MDY" in pipeline.config.json');
    // Both parts 12 or less (or both over 12) stay ambiguous.
    expect(reason(parseInstant('12/12/2025', UTC))).toMatch(/is ambiguous \(month or day first\?\)/u);
    expect(reason(parseInstant('13/14/2025', UTC))).toMatch(/is ambiguous \(month or day first\?\)/u);
    const ko = (message: string) => issueMessage({ code: 'invalid_date', message }, 'ko');
    expect(ko('created_at "15/07/2025" is written day first (DD/MM/YYYY); set "date_order" to "DMY" in pipeline.config.json')).toBe(
      'created_at "15/07/2025"는 일이 먼저 오는 형식(DD/MM/YYYY)입니다. pipeline.config.json의 "date_order"를 "DMY"로 지정하세요',
    );
    expect(ko('"Close Date" "7/15/2025" is written month first (MM/DD/YYYY); set "date_order" to "MDY" in pipeline.config.json')).toBe(
      '"Close Date" "7/15/2025"는 월이 먼저 오는 형식(MM/DD/YYYY)입니다. pipeline.config.json의 "date_order"를 "MDY"로 지정하세요',
    );
  });

  it('explains what is wrong', () => {
    const explain = (s: string) => reason(parseInstant(s, UTC));
    expect(explain('2025-13-01')).toMatchInlineSnapshot(`"invalid_date: "2025-13-01" has month 13, not 1-12"`);
    expect(explain('2025-02-29')).toMatchInlineSnapshot(`"invalid_date: "2025-02-29" has day 29, which 2025-02 does not have"`);
    expect(explain('2025-03-04T24:00')).toMatchInlineSnapshot(`"invalid_date: "2025-03-04T24:00" has hour 24, not 0-23"`);
    expect(explain('2025-03-04T10:61')).toMatchInlineSnapshot(`"invalid_date: "2025-03-04T10:61" has minute 61, not 0-59"`);
    expect(explain('2025-03-04T10:00:60')).toMatchInlineSnapshot(`"invalid_date: "2025-03-04T10:00:60" has second 60, not 0-59"`);
    expect(explain('2025-03-04T10')).toMatchInlineSnapshot(`"invalid_date: "2025-03-04T10" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM])"`);
    expect(explain('2025-03-04T10:00+25:00')).toMatchInlineSnapshot(`"invalid_date: "2025-03-04T10:00+25:00" has an invalid time zone offset"`);
    expect(explain('0999-01-01')).toMatchInlineSnapshot(`"invalid_date: "0999-01-01" has year 999, outside 1000-9899 (dates derived from it, such as a repurchase 100 years later, must stay within 1000-9999)"`);
    expect(explain('next week')).toMatchInlineSnapshot(
      `"invalid_date: "next week" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD)"`,
    );
    expect(explain('2025-03/04')).toMatch(/is not a date/);
    expect(explain('20250304')).toMatch(/is not a date/);
    expect(explain('2025-03-04Z')).toMatch(/is not a date/);
  });

  it('shows characters that print as nothing as escapes in a message, so a value never reads as another', () => {
    expect(quoteValue('D1\u200b')).toBe('"D1\\u200b"');
    expect(quoteValue('\ufeffD1\u2060')).toBe('"\\ufeffD1\\u2060"');
    expect(quoteValue('가망 "고객"')).toBe('"가망 \\"고객\\""');
    expect(reason(parseInstant('2025-01-02\u200b', UTC))).toContain('"2025-01-02\\u200b"');
  });

  it('quotes a backslash as the cell holds it, doubled only where it would read as an escape or end the quote', () => {
    // The won sign Korean Windows shows as a backslash, and a date written with backslashes: one each.
    expect(quoteValue('\\608900000')).toBe('"\\608900000"');
    expect(quoteValue('2023\\07\\03')).toBe('"2023\\07\\03"');
    expect(quoteValue('C:\\Users\\kim')).toBe('"C:\\Users\\kim"');
    // Before n, u or a quote it would read as an escape, at the end it would hide the closing quote: doubled.
    expect(quoteValue('\\n')).toBe('"\\\\n"');
    expect(quoteValue('\\u0041')).toBe('"\\\\u0041"');
    expect(quoteValue('a\\"b')).toBe('"a\\\\\\"b"');
    expect(quoteValue('a\\')).toBe('"a\\\\"');
    expect(quoteValue('\\\u200b')).toBe('"\\\\\\u200b"');
    // A newline in the cell is still the escape \n, not a backslash and n.
    expect(quoteValue('a\nb')).toBe('"a\\nb"');
  });

  it('says when a cell looks like an Excel serial date or a 12-hour time, without reading it as one', () => {
    const explain = (s: string) => reason(parseInstant(s, UTC));
    // Excel counts days from 1899-12-30: 45000 is 2023-03-15, 45123 is 123 days later.
    expect(explain('45123')).toMatchInlineSnapshot(
      `"invalid_date: "45123" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD); it looks like a date Excel saved as its serial number (45123 would be 2023-07-16): format the column as a date (yyyy-mm-dd) before saving the CSV"`,
    );
    expect(explain('45000.75')).toContain('(45000 would be 2023-03-15)');
    expect(reason(parseLocalDate('45200', UTC))).toContain('(45200 would be 2023-10-01)');
    // Not five digits: no guess.
    expect(explain('4512')).not.toContain('Excel');
    expect(explain('451230')).not.toContain('Excel');
    expect(explain('2025-03-04 오후 2:05')).toMatchInlineSnapshot(
      `"invalid_date: "2025-03-04 오후 2:05" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write times on the 24-hour clock (오후 2:05 or 2:05 PM as 14:05)"`,
    );
    for (const s of ['2025-03-04 2:05 PM', '2025-03-04 2:05PM', '2025-03-04 02:05 a.m.', '2025-03-04 오전 9:05']) expect(explain(s)).toContain('24-hour clock');
    // A date written out in Korean (Excel's Korean long date format): how to write it, not a reading of it.
    expect(explain('2025년 3월 4일 (화)')).toMatchInlineSnapshot(
      `"invalid_date: "2025년 3월 4일 (화)" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD); it looks like a date written in Korean: write it as 2025-03-04 (a time after it on the 24-hour clock, as 2025-03-04 14:05); in Excel, format the column as yyyy-mm-dd before saving the CSV"`,
    );
    expect(explain('2025년12월31일 오후 2:05')).toContain('write it as 2025-12-31 ');
    expect(explain('3월 4일')).not.toContain('Korean');
    // A zone name is not a 12-hour marker.
    expect(explain('2025-03-04 14:05 KST')).not.toContain('24-hour');
    expect(explain('2025-03-04 14:05 Amsterdam')).not.toContain('24-hour');
  });

  it('says how to write the dates Japanese and Chinese Excel write out, in English and Korean, without reading them', () => {
    const explain = (s: string) => reason(parseInstant(s, UTC));
    const ko = (message: string) => issueMessage({ code: 'invalid_date', message }, 'ko');
    const EXPECTED = 'is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD)';
    const writtenOut = (cell: string, how: string, iso: string) =>
      `invalid_date: "${cell}" ${EXPECTED}; it looks like a date ${how}: write it as ${iso} (a time after it on the 24-hour clock, as ${iso} 14:05); in Excel, format the column as yyyy-mm-dd before saving the CSV`;
    // Japanese (and Chinese) Excel's long date yyyy"年"m"月"d"日", with a weekday or a time after it.
    for (const cell of ['2025年3月4日', '2025年03月04日(火)', '2025年3月4日 14:05']) expect(explain(cell), cell).toBe(writtenOut(cell, 'written in Japanese or Chinese', '2025-03-04'));
    // Japanese era years, as ggge"年"m"月"d"日" and ge.m.d write them (元年: the era's first year).
    expect(explain('令和7年3月4日')).toBe(writtenOut('令和7年3月4日', 'in a Japanese era year (令和7 is 2025)', '2025-03-04'));
    expect(explain('R7.3.4')).toBe(writtenOut('R7.3.4', 'in a Japanese era year (R7 is 2025)', '2025-03-04'));
    expect(explain('H31.04.30')).toBe(writtenOut('H31.04.30', 'in a Japanese era year (H31 is 2019)', '2019-04-30'));
    expect(explain('令和元年5月1日')).toBe(writtenOut('令和元年5月1日', 'in a Japanese era year (令和元 is 2019)', '2019-05-01'));
    expect(explain('昭和64年1月7日')).toContain('write it as 1989-01-07 ');
    // Korean stays said as Korean; a date that is none gets no hint.
    expect(explain('2025년 3월 4일')).toContain('it looks like a date written in Korean: write it as 2025-03-04 ');
    for (const cell of ['2025年2月30日', '令和7年13月1日', 'X7.3.4', '3月4日']) expect(explain(cell), cell).toBe(`invalid_date: "${cell}" ${EXPECTED}`);
    // The weekday as Japanese Excel's yyyy/m/d(aaa) writes it, and in Chinese: the date it is, not an unreadable time.
    const weekday = (cell: string) => `invalid_date: "${cell}" ${EXPECTED}; it looks like a date with its weekday: write it as 2025-03-04; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
    for (const cell of ['2025/3/4(火)', '2025-03-04 (火)', '2025-03-04 火曜日', '2025-03-04 （火）', '2025-03-04 星期二', '2025-03-04 周二']) expect(explain(cell), cell).toBe(weekday(cell));
    // Japanese and Chinese 12-hour times.
    for (const cell of ['2025-03-04 午後 2:05', '2025/03/04 午前9:05', '2025-03-04 下午 2:05']) expect(explain(cell), cell).toContain('write times on the 24-hour clock');
    // In Korean.
    expect(ko(`created_at ${writtenOut('2025年3月4日', 'written in Japanese or Chinese', '2025-03-04').slice('invalid_date: '.length)}`)).toBe(
      'created_at "2025年3月4日"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 일본어나 중국어로 쓴 날짜로 보입니다. 2025-03-04처럼 적고, 시각은 24시간제로 2025-03-04 14:05처럼 덧붙이세요. Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요',
    );
    expect(ko(`created_at ${writtenOut('令和7年3月4日', 'in a Japanese era year (令和7 is 2025)', '2025-03-04').slice('invalid_date: '.length)}`)).toBe(
      'created_at "令和7年3月4日"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 일본 연호로 쓴 날짜로 보입니다(令和7년은 2025년). 2025-03-04처럼 적고, 시각은 24시간제로 2025-03-04 14:05처럼 덧붙이세요. Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요',
    );
  });

  it('knows leap years', () => {
    expect(iso(parseInstant('2024-02-29', UTC))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(parseInstant('2000-02-29', UTC))).toBe('2000-02-29T00:00:00.000Z');
    expect(parseInstant('1900-02-29', UTC)).toBeInstanceOf(Invalid);
  });

  it('agrees with Date.UTC over four centuries (the fast ISO path)', () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2300, 0, 1); t += 86_400_000 * 7 + 3_723_000) {
      const text = new Date(t).toISOString().slice(0, 19) + 'Z';
      expect(parseInstantRange(text, 0, text.length, UTC)).toBe(Math.floor(t / 1000) * 1000);
    }
  });

  it('reads a range of a larger string in place', () => {
    const row = 'D1,won,2025-03-04T10:00:00Z,x';
    expect(iso(parseInstantRange(row, 7, 27, UTC))).toBe('2025-03-04T10:00:00.000Z');
    expect(iso(parseInstantRange(row, 7, 26, UTC))).toBe('2025-03-04T10:00:00.000Z');
    expect(parseInstantRange(row, 7, 25, UTC)).toBeNaN();
    expect(parseInstantRange('2025-03-04', 0, 9, UTC)).toBeNaN();
  });

  it('gives calendar dates for date-only fields', () => {
    expect(parseLocalDate('2025-03-04', SEOUL)).toBe('2025-03-04');
    expect(parseLocalDate('2025/3/4', SEOUL)).toBe('2025-03-04');
    expect(parseLocalDate('2025-03-04T23:30', SEOUL)).toBe('2025-03-04');
    // With an offset, the instant is seen in the config timezone.
    expect(parseLocalDate('2025-03-04T20:00:00Z', SEOUL)).toBe('2025-03-05');
    expect(parseLocalDate('2025-02-30', SEOUL)).toBeInstanceOf(Invalid);
  });
});

describe('thousandsDoubt', () => {
  it('names the two readings of one dot and three digits with the decimal point', () => {
    expect(thousandsDoubt('12.000', '.')).toBe('"12.000" is read as 12 (a decimal point); if the dot separates thousands (12000), set "decimal": "," in pipeline.config.json');
    expect(thousandsDoubt('€1.500 ', '.')).toBe('"€1.500 " is read as 1.5 (a decimal point); if the dot separates thousands (1500), set "decimal": "," in pipeline.config.json');
    for (const plain of ['12000', '12.5', '12.50', '1,234.567', '0.125', '1234.567', '1.234.567', '12,000']) expect(thousandsDoubt(plain, '.'), plain).toBe(null);
  });

  it('and of one comma and three digits with the decimal comma (an English "12,000" in a folder set to ",")', () => {
    expect(thousandsDoubt('12,000', ',')).toBe('"12,000" is read as 12 (a decimal comma); if the comma separates thousands (12000), set "decimal": "." in pipeline.config.json');
    expect(thousandsDoubt('€ 1,250', ',')).toBe('"€ 1,250" is read as 1.25 (a decimal comma); if the comma separates thousands (1250), set "decimal": "." in pipeline.config.json');
    for (const plain of ['12000', '12,5', '12,50', '1.234,567', '0,125', '12.000', '1,234,567']) expect(thousandsDoubt(plain, ','), plain).toBe(null);
  });
});

describe('numbers', () => {
  const dot = { decimal: '.' } as const;
  const comma = { decimal: ',' } as const;
  const value = (text: string, opts: { decimal: '.' | ',' } = dot) => {
    const m = parseMoney(text, opts);
    return m instanceof Invalid ? reason(m) : m;
  };

  it('reads plain numbers, thousands separators and currency around them', () => {
    expect(value('1234.5')).toEqual({ value: 1234.5, code: null, signs: null, text: '1234.5' });
    expect(value('₩ 1,000 원')).toEqual({ value: 1000, code: null, signs: ['₩', '원'], text: '₩ 1,000 원' });
    expect(value('1,234,000')).toMatchObject({ value: 1234000, code: null });
    expect(value('₩1,000')).toMatchObject({ value: 1000, code: null });
    expect(value('￦1,000')).toMatchObject({ value: 1000, code: null });
    expect(value('$1,200.50')).toMatchObject({ value: 1200.5, code: null });
    expect(value('1,000원')).toMatchObject({ value: 1000, code: null });
    expect(value('1000 KRW')).toMatchObject({ value: 1000, code: 'KRW' });
    expect(value('usd 25')).toMatchObject({ value: 25, code: 'USD' });
    expect(value('€ 1 234,5', comma)).toMatchObject({ value: 1234.5, code: null });
    expect(value('1.234.567,89', comma)).toMatchObject({ value: 1234567.89, code: null });
    expect(value('1 234 567')).toMatchObject({ value: 1234567, code: null });
    expect(value('0')).toMatchObject({ value: 0, code: null });
  });

  it("reads the Swiss apostrophe between thousands, typed ' or written ’ (U+2019) as Windows' German (Switzerland) format writes it", () => {
    expect(value("1'234.50")).toMatchObject({ value: 1234.5, code: null });
    expect(value('1’234.50')).toMatchObject({ value: 1234.5, code: null });
    expect(value('CHF 1’234’567.50')).toMatchObject({ value: 1234567.5, code: 'CHF' });
    // One separator throughout, in groups of three, and only with the decimal point (as the ASCII apostrophe).
    for (const text of ["1'234’567", '1’23.50', '1’2345', '’234']) expect(value(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
    expect(value('1’234,50', comma)).toBe('invalid_number: "1’234,50" is not a number');
  });

  it('rejects what is not a plain non-negative number', () => {
    expect(value('abc')).toMatchInlineSnapshot(`"invalid_number: "abc" is not a number"`);
    expect(value('1,5')).toMatchInlineSnapshot(
      `"invalid_number: "1,5" is not a number (for a decimal comma set "decimal": "," in pipeline.config.json)"`,
    );
    expect(value('12,34,567')).toMatch(/is not a number/);
    // French style: thousands separated by a space (or a no-break space), decimal comma: the same hint, not a bare refusal.
    const commaHint = ' is not a number (for a decimal comma set "decimal": "," in pipeline.config.json)';
    expect(value('24 000,00')).toBe(`invalid_number: "24 000,00"${commaHint}`);
    expect(value('1\u00a0234\u00a0567,5 €')).toMatch(/is not a number \(for a decimal comma set "decimal": ","/);
    expect(value('24\u202f000,00')).toMatch(/is not a number \(for a decimal comma set "decimal": ","/);
    // Not this form: groups that are not of three digits, or a comma that could only be a thousands separator.
    expect(value('24 00,00')).toBe('invalid_number: "24 00,00" is not a number');
    expect(value('24 000,000,00')).toBe('invalid_number: "24 000,000,00" is not a number');
    // With "decimal": "," the same cells are read.
    expect(value('24 000,00', comma)).toMatchObject({ value: 24000, code: null });
    expect(value('24\u202f000,5', comma)).toMatchObject({ value: 24000.5, code: null });
    expect(value('1.5', comma)).toMatch(/is not a number/);
    expect(value('1e6')).toMatch(/is not a number/);
    // Excel's accounting format shows 0 as a dash, which "Save as CSV" writes as text: named, not read as 0.
    const dash = ' (Excel\'s accounting number format shows 0 as "-": give the column a number format before saving it as CSV, or write 0)';
    expect(value('-')).toBe(`invalid_number: "-" is not a number${dash}`);
    expect(value('$ -   ')).toBe(`invalid_number: "$ -   " is not a number${dash}`);
    expect(value('-abc')).toBe('invalid_number: "-abc" is not a number');
    expect(issueMessage({ code: 'invalid_number', message: `"amount" "-" is not a number${dash}` }, 'ko')).toBe(
      '"amount" "-"는 숫자가 아닙니다(Excel의 회계 표시 형식은 0을 "-"로 표시합니다. CSV로 저장하기 전에 열을 숫자 서식으로 바꾸거나 0으로 적으세요)',
    );
    expect(value('-500')).toMatchInlineSnapshot(`"negative_number: "-500" is negative; only 0 or more is allowed"`);
    expect(value('-₩1,000')).toMatch(/negative/);
    expect(value('(1,000)')).toMatch(/negative/);
    expect(value('−7')).toMatch(/negative/);
    expect(value('100 USD KRW')).toMatchInlineSnapshot(`"invalid_number: "100 USD KRW" names two currencies"`);
    expect(value('$$100')).toBe('invalid_number: "$$100" has more than one currency symbol before the number');
    expect(value('100원원')).toBe('invalid_number: "100원원" has more than one currency symbol after the number');
    // A cent sign counts hundredths: refused, not read a hundred times too large.
    expect(value('50¢')).toBe('invalid_number: "50¢" is written in cents; write the amount in whole units (50¢ as 0.50)');
    expect(value('￠ 75')).toMatch(/is written in cents/);
    expect(issueMessage({ code: 'invalid_number', message: '"amount" "50¢" is written in cents; write the amount in whole units (50¢ as 0.50)' }, 'ko')).toBe(
      '"amount" "50¢"는 센트 단위로 적혀 있습니다. 금액을 기본 단위로 적으세요(50¢는 0.50)',
    );
    // One a side, with a code, is still an amount.
    expect(value('₩ 1,000 원')).toMatchObject({ value: 1000, code: null });
    expect(value('$1,200.50 USD')).toMatchObject({ value: 1200.5, code: 'USD' });
  });

  it('says how to write an amount given in Korean number units (만, 억), without reading it', () => {
    expect(value('3,500만원')).toMatchInlineSnapshot(
      `"invalid_number: "3,500만원" is not a number (Korean number units such as 만 and 억 are not read: write the amount in full, as 35000000)"`,
    );
    // 2 × 10⁸ + 5 × 1,000 × 10⁴; 1.5 × 10⁸; 12 × 10⁸.
    expect(value('2억 5천만')).toContain('as 250000000)');
    expect(value('₩1.5억')).toContain('as 150000000)');
    expect(value('12억')).toContain('as 1200000000)');
    // Too large to write safely: the hint without a value.
    expect(value('1,000,000조')).toMatch(/write the amount in full\)$/);
    // Thousands alone, as 천원 (thousand won) tables write amounts; with 원 or without, as 2억 5천 reads its 5천.
    expect(value('3,500천원')).toMatchInlineSnapshot(
      `"invalid_number: "3,500천원" is not a number (Korean number units such as 만 and 억 are not read: write the amount in full, as 3500000)"`,
    );
    expect(value('₩1.5천')).toContain('as 1500)');
    expect(value('5천')).toContain('as 5000)');
    expect(value('2억 5천')).toContain('as 200005000)');
    // Not an amount in units: no hint.
    for (const text of ['억', '천원', '3만 달러', '5천 달러', 'abc만', '5천万']) expect(value(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
  });

  it('says how to write an amount given in Japanese or Chinese number units (万, 億), without reading it, in English and Korean', () => {
    const units = (text: string, full: string) =>
      `invalid_number: ${JSON.stringify(text)} is not a number (Japanese and Chinese number units such as 万 and 億 are not read: write the amount in full${full})`;
    expect(value('3,500万円')).toBe(units('3,500万円', ', as 35000000'));
    expect(value('1億円')).toBe(units('1億円', ', as 100000000'));
    // 1 × 10⁸ + 2,000 × 10⁴; 5 × 1,000 × 10⁴; 3.5 × 10⁸; ¥ before, and the Chinese 亿.
    expect(value('1億2,000万円')).toContain('as 120000000)');
    expect(value('5千万円')).toContain('as 50000000)');
    expect(value('¥3.5億')).toContain('as 350000000)');
    expect(value('12亿')).toContain('as 1200000000)');
    expect(value('1,000,000兆')).toBe(units('1,000,000兆', ''));
    // Thousands alone, as 千円 (thousand yen) tables write amounts.
    expect(value('3,500千円')).toBe(units('3,500千円', ', as 3500000'));
    expect(value('5千')).toBe(units('5千', ', as 5000'));
    // Korean and Japanese units in one cell, units without a number, other words: no hint.
    for (const text of ['3억5,000万', '万', '千円', '3万ドル', '5千ドル', '5千만']) expect(value(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
    const ko = (message: string) => issueMessage({ code: 'invalid_number', message }, 'ko');
    expect(ko(`amount ${units('3,500万', ', as 35000000').slice('invalid_number: '.length)}`)).toBe(
      'amount "3,500万"은 숫자가 아닙니다(万·億 같은 일본·중국식 단위는 읽지 않습니다. 금액을 35000000처럼 단위 없이 모두 적으세요)',
    );
    expect(ko(`amount ${String(value('1億円')).slice('invalid_number: '.length)}`)).toBe(
      'amount "1億円"은 숫자가 아닙니다(万·億 같은 일본·중국식 단위는 읽지 않습니다. 금액을 100000000처럼 단위 없이 모두 적으세요)',
    );
    expect(ko(`amount ${String(value('3,500千円')).slice('invalid_number: '.length)}`)).toBe(
      'amount "3,500千円"은 숫자가 아닙니다(万·億 같은 일본·중국식 단위는 읽지 않습니다. 금액을 3500000처럼 단위 없이 모두 적으세요)',
    );
    expect(ko(`amount ${String(value('3,500천원')).slice('invalid_number: '.length)}`)).toBe(
      'amount "3,500천원"은 숫자가 아닙니다(만·억 같은 단위는 읽지 않습니다. 금액을 3500000처럼 단위 없이 모두 적으세요)',
    );
    // The Korean units' message is said as before.
    expect(ko(`amount ${String(value('3,500만원')).slice('invalid_number: '.length)}`)).toBe(
      'amount "3,500만원"은 숫자가 아닙니다(만·억 같은 단위는 읽지 않습니다. 금액을 35000000처럼 단위 없이 모두 적으세요)',
    );
  });

  it('says a plus sign before an amount is not read, and how to write the amount, in English and Korean', () => {
    const plus = (text: string, without: string) =>
      `invalid_number: ${JSON.stringify(text)} is not a number (a "+" before the number is not read: write the amount without it, as ${without}; a number with its sign is often a change, not an amount: check the column)`;
    expect(value('+1000')).toBe(plus('+1000', '1000'));
    expect(value('+ 1,000.50')).toBe(plus('+ 1,000.50', '1,000.50'));
    expect(value('₩+1,000')).toBe(plus('₩+1,000', '₩1,000'));
    expect(value('USD +5')).toBe(plus('USD +5', 'USD 5'));
    expect(value('+1.234,5', comma)).toBe(plus('+1.234,5', '1.234,5'));
    // Not an amount without it either, or a plus elsewhere: no such hint.
    for (const text of ['+', '++1000', '+abc', '1000+', '+-1000', '-+1000']) expect(value(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
    expect(value('+1.5E+08')).toBe('invalid_number: "+1.5E+08" is not a number');
    expect(issueMessage({ code: 'invalid_number', message: `amount ${String(value('+1000')).slice('invalid_number: '.length)}` }, 'ko')).toBe(
      'amount "+1000"은 숫자가 아닙니다(숫자 앞의 "+"는 읽지 않습니다. 1000처럼 부호 없이 적으세요. 부호가 붙은 수는 금액이 아니라 증감일 때가 많으니 열을 확인하세요)',
    );
  });

  it('says an amount Excel wrote in scientific notation (1.5E+08) is one, without reading it, in English and Korean', () => {
    expect(value('1.5E+08')).toBe(
      'invalid_number: "1.5E+08" is not a number (Excel wrote it in scientific notation, about 150000000, rounded to the digits it shows: give the column a number format such as 0 before saving the CSV, or export it again)',
    );
    expect(value('1.23457e+11')).toContain('about 123457000000, rounded');
    // Too large to say safely: the hint without a value.
    expect(value('1E+20')).toContain('(Excel wrote it in scientific notation, rounded to the digits it shows');
    for (const text of ['1.5E-08', 'E+08', '1.5E+', '15E+08']) expect(value(text)).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
    expect(issueMessage({ code: 'invalid_number', message: `amount ${String(value('1.5E+08')).slice('invalid_number: '.length)}` }, 'ko')).toBe(
      'amount "1.5E+08"은 숫자가 아닙니다(Excel이 지수 표기로 쓴 값(약 150000000)이며, 보이는 자릿수로 반올림되었습니다. CSV로 저장하기 전에 열 서식을 0 같은 숫자 서식으로 지정하거나 다시 내보내세요)',
    );
  });

  it('says a backslash around an amount is one (the won sign as Korean fonts show it), without reading it, in English and Korean', () => {
    expect(value('\\1,000,000')).toBe(
      'invalid_number: "\\1,000,000" is not a number (its "\\" is a backslash, which Korean and Japanese Windows fonts show as ₩ or ¥: write the amount without it, as 1000000, or with ₩ or ¥ itself)',
    );
    expect(value('1,000.50 \\')).toContain('as 1000.50, or with');
    // A negative amount, or other text, gets no such hint.
    // The cell is quoted as written; a backslash before b (an escape's letter) or at the end is doubled.
    expect(value('-\\1,000')).toBe('invalid_number: "-\\1,000" is not a number');
    expect(value('\\abc')).toBe('invalid_number: "\\abc" is not a number');
    expect(value('\\bcd')).toBe('invalid_number: "\\\\bcd" is not a number');
    expect(value('\\')).toBe('invalid_number: "\\\\" is not a number');
    expect(issueMessage({ code: 'invalid_number', message: `amount ${String(value('\\1,000,000')).slice('invalid_number: '.length)}` }, 'ko')).toBe(
      'amount "\\1,000,000"은 숫자가 아닙니다(여기의 "\\"는 역슬래시이며, 한국어·일본어 Windows 글꼴에서 ₩나 ¥로 보입니다. 기호 없이 1000000처럼 적거나 ₩·¥ 기호를 직접 쓰세요)',
    );
  });

  it('says an amount or a date typed in full-width digits is one, with the cell written half-width, without reading it, in English and Korean', () => {
    const cause = "its digits are full-width, as an input method types them in its full-width mode";
    expect(value('３，０００，０００')).toBe(`invalid_number: "３，０００，０００" is not a number (${cause}: write it as 3,000,000; Excel's ASC function makes them half-width)`);
    // Beside the fullwidth won sign Korean Excel writes, which is read as a currency sign.
    expect(value('￦１２００')).toContain('write it as 1200;');
    // A negative amount, or letters in full width, get no such hint.
    for (const text of ['-３０００', 'ＡＢＣ']) expect(value(text)).toBe(`invalid_number: ${JSON.stringify(text)} is not a number`);
    expect(issueMessage({ code: 'invalid_number', message: `amount ${String(value('３０００')).slice('invalid_number: '.length)}` }, 'ko')).toBe(
      'amount "３０００"은 숫자가 아닙니다(전각 입력 모드로 입력한 전각 숫자입니다. 3000처럼 반각으로 적으세요. Excel에서는 ASC 함수로 반각으로 바꿀 수 있습니다)',
    );
    const date = reason(parseInstant('２０２６－０１－０５', UTC));
    expect(date).toBe(
      `invalid_date: "２０２６－０１－０５" is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD); ${cause}: write it as 2026-01-05; Excel's ASC function makes them half-width`,
    );
    expect(reason(parseInstant('２０２６/１/５　１４:０５', UTC))).toContain('write it as 2026/1/5 14:05;');
    expect(reason(parseInstant('２０２６년', UTC))).not.toContain('full-width');
    expect(issueMessage({ code: 'invalid_date', message: `created_at ${date.slice('invalid_date: '.length)}` }, 'ko')).toBe(
      'created_at "２０２６－０１－０５"는 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 전각 입력 모드로 입력한 전각 숫자입니다. 2026-01-05처럼 반각으로 적으세요. Excel에서는 ASC 함수로 반각으로 바꿀 수 있습니다',
    );
  });

  it('checks a currency code in the cell against the row currency', () => {
    expect(parseAmountIn('1000 KRW', 'KRW', 'the deal', dot)).toBe(1000);
    expect(reason(parseAmountIn('1000 USD', 'KRW', "the deal's currency", dot))).toMatchInlineSnapshot(
      `"currency_mismatch: "1000 USD" is in USD, not KRW (the deal's currency)"`,
    );
  });

  it('checks a currency sign that names other currencies only against the row currency, as a code', () => {
    const whose = "the deal's currency";
    const amount = (text: string, currency: string, opts: { decimal: '.' | ',' } = dot) => {
      const v = parseAmountIn(text, currency, whose, opts);
      return v instanceof Invalid ? reason(v) : v;
    };
    // Signs of the row's own currency, one a side, fullwidth (Korean Excel in CP949) and with fullwidth spaces.
    expect(amount('₩1,000', 'KRW')).toBe(1000);
    expect(amount('1,000원', 'KRW')).toBe(1000);
    expect(amount('￦\u30001,000\u3000', 'KRW')).toBe(1000);
    expect(amount('₩ 1,000 원', 'KRW')).toBe(1000);
    expect(amount('€ 1 234,5', 'EUR', comma)).toBe(1234.5);
    expect(amount('EUR 1.000,00', 'EUR', comma)).toBe(1000);
    // A sign several currencies write fits each of them.
    expect(amount('$1,200.50', 'CAD')).toBe(1200.5);
    expect(amount('$1,200.50 USD', 'USD')).toBe(1200.5);
    // A dollar sign with its country's letters (CLDR's `US$`, `NT$`, `R$`) names one currency, as a code does.
    expect(amount('MX$ 5', 'MXN')).toBe(5);
    expect(amount('US$1,200.50', 'USD')).toBe(1200.5);
    expect(amount('nt$3,000', 'TWD')).toBe(3000);
    expect(amount('C$250', 'CAD')).toBe(250);
    expect(amount('US$1,000', 'KRW')).toBe(`currency_mismatch: "US$1,000" is in USD, not KRW (${whose})`);
    expect(amount('C$250', 'AUD')).toBe(`currency_mismatch: "C$250" is in CAD, not AUD (${whose})`);
    expect(amount('US$100 CAD', 'CAD')).toBe('invalid_number: "US$100 CAD" names two currencies');
    // Letters that name no dollar stay what they were.
    expect(amount('XY$5', 'USD')).toBe('invalid_number: "XY$5" is not a number');
    expect(amount('$5', 'MXN')).toBe(5);
    expect(amount('¥300', 'JPY')).toBe(300);
    expect(amount('￥300', 'CNY')).toBe(300);
    expect(amount('£5', 'GIP')).toBe(5);
    // Other signs are not checked (input.md: accepted).
    expect(amount('₹100', 'KRW')).toBe(100);
    // A sign of other currencies only: an error naming the sign, what it stands for and the row's currency.
    expect(amount('€1,000', 'KRW')).toBe(`currency_mismatch: "€1,000" is written with €, the sign of EUR, not KRW (${whose})`);
    expect(amount('1,000 €', 'KRW')).toBe(`currency_mismatch: "1,000 €" is written with €, the sign of EUR, not KRW (${whose})`);
    expect(amount('\u3000€\u3000100', 'KRW')).toBe(`currency_mismatch: "\u3000€\u3000100" is written with €, the sign of EUR, not KRW (${whose})`);
    expect(amount('₩5,000', 'USD')).toBe(`currency_mismatch: "₩5,000" is written with ₩, the sign of KRW, not USD (${whose})`);
    expect(amount('1,000원', 'USD')).toBe(`currency_mismatch: "1,000원" is written with 원, the sign of KRW, not USD (${whose})`);
    expect(amount('$5', 'KRW')).toBe(`currency_mismatch: "$5" is written with $, the sign of USD and other dollars and pesos, not KRW (${whose})`);
    expect(amount('￥300', 'KRW')).toBe(`currency_mismatch: "￥300" is written with ￥, the sign of JPY or CNY, not KRW (${whose})`);
    expect(amount('£5', 'EUR')).toBe(`currency_mismatch: "£5" is written with £, the sign of GBP and other pounds, not EUR (${whose})`);
    // A code that fits does not excuse a sign that does not (the cell names two currencies).
    expect(amount('€100 USD', 'USD')).toBe(`currency_mismatch: "€100 USD" is written with €, the sign of EUR, not USD (${whose})`);
    expect(amount('₩100 원', 'USD')).toBe(`currency_mismatch: "₩100 원" is written with ₩, the sign of KRW, not USD (${whose})`);
    // What is not a number stays that error.
    expect(amount('€', 'KRW')).toBe('invalid_number: "€" is not a number');
    expect(issueMessage({ code: 'currency_mismatch', message: `amount "€1,000" is written with €, the sign of EUR, not KRW (${whose})` }, 'ko')).toBe(
      'amount "€1,000"은 EUR의 기호(€)로 적혀 있어 딜의 통화(KRW)와 다릅니다',
    );
    expect(issueMessage({ code: 'currency_mismatch', message: '"Deal - Value" "$5" is written with $, the sign of USD and other dollars and pesos, not KRW (the config currency)' }, 'ko')).toBe(
      '"Deal - Value" "$5"는 USD 등 달러·페소의 기호($)로 적혀 있어 설정 통화(KRW)와 다릅니다',
    );

  });

  it('reads 円, the yen written as a word (Japanese Excel\'s #,##0"円"), as the yen\'s sign, as it reads 원', () => {
    const whose = "the deal's currency";
    const amount = (text: string, currency: string) => {
      const v = parseAmountIn(text, currency, whose, dot);
      return v instanceof Invalid ? reason(v) : v;
    };
    expect(value('1,000円')).toEqual({ value: 1000, code: null, signs: ['円'], text: '1,000円' });
    expect(amount('1,000円', 'JPY')).toBe(1000);
    expect(amount('￥1,000円', 'JPY')).toBe(1000);
    expect(amount('1000 円 JPY', 'JPY')).toBe(1000);
    // The yen's alone: in a yuan or won row it is another currency, as a differing code is.
    expect(amount('1,000円', 'CNY')).toBe(`currency_mismatch: "1,000円" is written with 円, the sign of JPY, not CNY (${whose})`);
    expect(amount('1,000円', 'KRW')).toBe(`currency_mismatch: "1,000円" is written with 円, the sign of JPY, not KRW (${whose})`);
    expect(value('100円円')).toBe('invalid_number: "100円円" has more than one currency symbol after the number');
    expect(issueMessage({ code: 'currency_mismatch', message: `amount "1,000円" is written with 円, the sign of JPY, not KRW (${whose})` }, 'ko')).toBe(
      'amount "1,000円"은 JPY의 기호(円)로 적혀 있어 딜의 통화(KRW)와 다릅니다',
    );
  });

  it('knows every currency whose sign is or holds $, £, ¥, € or ₩ in any locale Intl knows', () => {
    // CLDR's symbols (narrow and full) in the locales of the currencies that write them: each currency found must be one the sign fits.
    const locales = ['en', 'en-CA', 'en-AU', 'en-NZ', 'en-GB', 'es-MX', 'es-AR', 'es-CL', 'es-CO', 'es-UY', 'es-DO', 'es-NI', 'pt-BR', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-CN', 'ja', 'ko', 'ar-EG', 'ar-LB', 'ar-SY', 'fr', 'de'];
    const found = new Map<string, Set<string>>([['$', new Set()], ['£', new Set()], ['¥', new Set()], ['€', new Set()], ['₩', new Set()]]);
    for (const currency of Intl.supportedValuesOf('currency')) {
      for (const locale of locales) {
        for (const currencyDisplay of ['narrowSymbol', 'symbol'] as const) {
          const shown = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency')!.value;
          for (const [sign, codes] of found) if (shown.includes(sign)) codes.add(currency);
        }
      }
    }
    expect(found.get('$')!.size).toBeGreaterThan(20);
    for (const [sign, codes] of found) for (const code of codes) expect(signCurrencies(sign)!.has(code), `${sign} ${code}`).toBe(true);
    // Fullwidth forms name the same currencies.
    for (const [narrow, wide] of [['₩', '￦'], ['₩', '원'], ['$', '＄'], ['£', '￡'], ['¥', '￥']] as const) expect(signCurrencies(wide)).toBe(signCurrencies(narrow));
  });

  it('reads whole numbers in a range', () => {
    expect(parseInteger('36', 1, Infinity)).toBe(36);
    expect(reason(parseInteger('0', 1, Infinity))).toMatchInlineSnapshot(`"invalid_number: "0" is out of range (1 or more)"`);
    expect(reason(parseInteger('13', 1, 12))).toMatchInlineSnapshot(`"invalid_number: "13" is out of range (1-12)"`);
    expect(reason(parseInteger('3.5', 1, 12))).toMatchInlineSnapshot(`"invalid_number: "3.5" is not a whole number"`);
    // A negative whole number is out of range, not "not a whole number".
    expect(reason(parseInteger('-12', 1, 1200))).toMatchInlineSnapshot(`"invalid_number: "-12" is out of range (1-1200)"`);
    expect(reason(parseInteger('-1.5', 1, 1200))).toMatchInlineSnapshot(`"invalid_number: "-1.5" is not a whole number"`);
  });

  it('says which number to write for a whole number written with more than its digits, without reading it, in English and Korean', () => {
    const months = (text: string) => reason(parseInteger(text, 1, 1200, 'months'));
    const month = (text: string) => reason(parseInteger(text, 1, 12, 'month'));
    expect(months('12개월')).toBe('invalid_number: "12개월" is not a whole number; write the number alone, as 12');
    for (const text of ['+12', '12.0', '12.00', '12 개월', '12 months', '12ヶ月', '12か月', '12个月', '+12.0 mos'])
      expect(months(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a whole number; write the number alone, as 12`);
    expect(months('１２')).toBe(
      `invalid_number: "１２" is not a whole number; its digits are full-width, as an input method types them in its full-width mode: write it as 12; Excel's ASC function makes them half-width`,
    );
    expect(months('１２개월')).toMatch(/; write the number alone, as 12$/);
    // A month of the year: 3월, 3月, and its English name.
    for (const text of ['3월', '3 月', '+3', '3.0']) expect(month(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a whole number; write the number alone, as 3`);
    for (const text of ['March', 'Mar', 'mar.']) expect(month(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a whole number; write the month's number, as 3`);
    // Not clearly the number, not in range, or a unit the column does not count: no hint.
    for (const text of ['12.5', '12개월 이상', '12-24', '0개월', '3년', '1,200', '12월'])
      expect(months(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a whole number`);
    for (const text of ['13월', '3개월', 'Mon', 'Ma', '１３']) expect(month(text), text).toBe(`invalid_number: ${JSON.stringify(text)} is not a whole number`);
    // A valid cell is read as before.
    expect(parseInteger('12', 1, 12, 'month')).toBe(12);

    const ko = (column: string, r: string) => issueMessage({ code: 'invalid_number', message: `${column} ${r.slice('invalid_number: '.length)}` }, 'ko');
    expect(ko('lifecycle_months', months('12개월'))).toBe('lifecycle_months "12개월"은 정수가 아닙니다. 12처럼 숫자만 적으세요');
    expect(ko('lifecycle_months', months('+12'))).toBe('lifecycle_months "+12"는 정수가 아닙니다. 12처럼 숫자만 적으세요');
    expect(ko('budget_cycle_month', month('March'))).toBe('budget_cycle_month "March"는 정수가 아닙니다. 월을 3처럼 숫자로 적으세요');
    expect(ko('lifecycle_months', months('１２'))).toBe(
      'lifecycle_months "１２"는 정수가 아닙니다. 전각 입력 모드로 입력한 전각 숫자입니다. 12처럼 반각으로 적으세요. Excel에서는 ASC 함수로 반각으로 바꿀 수 있습니다',
    );
    expect(ko('lifecycle_months', months('12.5'))).toBe('lifecycle_months "12.5"는 정수가 아닙니다');
  });
});

describe('booleans, codes, periods, choices', () => {
  it('reads booleans in any case; empty is false; anything else is Invalid (read as false)', () => {
    for (const t of ['true', 'TRUE', 'Yes', 'y', 'Y', '1']) expect(parseBoolean(t)).toBe(true);
    for (const t of ['false', 'False', 'no', 'N', 'n', '0', '']) expect(parseBoolean(t)).toBe(false);
    expect(reason(parseBoolean('maybe'))).toMatchInlineSnapshot(
      `"invalid_boolean: "maybe" is not a boolean (true/false, yes/no, y/n, 1/0); read as false"`,
    );
     // Yes and no as Korean sheets write them are not read either, and the message says what to write.
    // Which one it is is said, since a yes is read as false.
    // Japanese likewise (はい/いいえ, 有/無, 確認済/未確認).
    const words = [['예', 'yes'], ['확인', 'yes'], ['O', 'yes'], ['○', 'yes'], ['아니오', 'no'], ['미확인', 'no'], [' x ', 'no'], ['×', 'no']];
    words.push(['はい', 'yes'], ['有', 'yes'], ['あり', 'yes'], ['確認済み', 'yes'], ['いいえ', 'no'], ['無', 'no'], ['なし', 'no'], ['未確認', 'no']);
    for (const [t, meant] of words) {
      expect(parseBoolean(t!), t).toBeInstanceOf(Invalid);
      expect(reason(parseBoolean(t!)), t).toMatch(new RegExp(`; read as false; it looks like ${meant}: write ${meant} \\(yes and no in Korean or Japanese words or as O/X marks are not read\\)$`));
    }
    // A word that is neither gets no hint.
    expect(reason(parseBoolean('たぶん'))).toBe('invalid_boolean: "たぶん" is not a boolean (true/false, yes/no, y/n, 1/0); read as false');
  });

  it('reads ISO currency codes', () => {
    expect(parseCurrencyCode('usd')).toBe('USD');
    expect(reason(parseCurrencyCode('US$'))).toMatchInlineSnapshot(
      `"invalid_currency: "US$" is not an ISO 4217 currency code such as "KRW""`,
    );
  });

  it('reads target periods', () => {
    expect(parsePeriod('2025-06')).toBe('2025-06');
    expect(parsePeriod('2025-q2')).toBe('2025-Q2');
    expect(reason(parsePeriod('2025-13'))).toMatchInlineSnapshot(
      `"invalid_value: "2025-13" is not a period (expected YYYY-MM or YYYY-Qn)"`,
    );
    expect(parsePeriod('2025-Q5')).toBeInstanceOf(Invalid);
    // Periods as people also write them: not read (the contract's two forms only), but shown as the contract writes them.
    const hint = (text: string) => {
      const r = parsePeriod(text);
      return r instanceof Invalid ? (/; write it as (.+)$/u.exec(r.reason)?.[1] ?? null) : r;
    };
    expect(['2025년 3분기', '2025 Q3', '2025Q3', '2025-3Q', '2025년 7월', '2025-7', '2025.07', '2025/07'].map(hint)).toEqual([
      '2025-Q3', '2025-Q3', '2025-Q3', '2025-Q3', '2025-07', '2025-07', '2025-07', '2025-07',
    ]);
    expect(['2025-13', '2025년 13월', 'next year', '2025-Q5'].map(hint)).toEqual([null, null, null, null]);
  });

  it('reads choices case-insensitively', () => {
    expect(parseChoice('Friendly', ['friendly', 'neutral', 'hostile'])).toBe('friendly');
    expect(parseChoice('', ['friendly'])).toBe('');
    expect(reason(parseChoice('warm', ['friendly', 'neutral', 'hostile']))).toMatchInlineSnapshot(
      `"invalid_value: "warm" is not one of friendly, neutral, hostile"`,
    );
  });
});

describe('stage cells', () => {
  const stage = rowContext(defaultConfig()).stage;
  const hint = (cell: string) => {
    const r = stage(cell);
    return r instanceof Invalid ? (/; it looks like (\S+) /u.exec(r.reason)?.[1] ?? null) : `read: ${r}`;
  };

  it('reads ids and labels in any case and spacing; says which stage an unknown cell looks like, without reading it as that stage', () => {
    expect(hint('Negotiation')).toBe('read: 3');
    expect(hint(' 가망고객 ')).toBe('read: 0');
    // One stage's id or label inside the cell, or the cell inside one: a hint, and the row is still rejected.
    expect(hint('협상중')).toBe('negotiate');
    expect(hint('Closed Won')).toBe('won');
    expect(hint('Proposal sent')).toBe('propose');
    // Inside two stages' names (prospect, proposal), nothing like any, or one letter: no hint.
    expect(hint('pro')).toBeNull();
    expect(hint('보류')).toBeNull();
    expect(hint('x')).toBeNull();
  });
});
