import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, cutoffOf, dateOfDay, daysInMonth, isLocalDate, isoWeekday, localDateOf, localDateTimeOf, localToInstant, startOfLocalDate, startOfLocalDateMemo, zoneOffsetMs } from '../../src/lib/time.ts';
import { addMonthsToDay, dayOfDate, dayOfDateMemo, LAST_FOUR_DIGIT_DAY } from '../../src/lib/day-numbers.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('time in a zone', () => {
  it('reads date-only values as 00:00 local time', () => {
    expect(iso(startOfLocalDate('2025-06-30', 'Asia/Seoul'))).toBe('2025-06-29T15:00:00.000Z');
    expect(iso(cutoffOf('2025-06-30', 'UTC'))).toBe('2025-07-01T00:00:00.000Z');
    expect(localDateOf(Date.parse('2025-06-29T15:00:00Z'), 'Asia/Seoul')).toBe('2025-06-30');
    expect(localDateOf(Date.parse('2025-06-29T14:59:59Z'), 'Asia/Seoul')).toBe('2025-06-29');
  });

  it('takes the earlier instant in an autumn overlap, east and west of UTC', () => {
    // Berlin 2025-10-26 02:30 happens twice: 00:30Z (CEST) and 01:30Z (CET).
    expect(iso(localToInstant(2025, 10, 26, 2, 30, 0, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    // New York 2025-11-02 01:30 happens twice: 05:30Z (EDT) and 06:30Z (EST).
    expect(iso(localToInstant(2025, 11, 2, 1, 30, 0, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
  });

  it('moves a time in a spring gap forward, including a skipped midnight', () => {
    // Berlin 2025-03-30 02:30 does not exist: read with +01:00, it is 03:30 CEST.
    expect(iso(localToInstant(2025, 3, 30, 2, 30, 0, 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z');
    // Santiago skips 2024-09-08 00:00 (clocks jump to 01:00, -03:00): the day starts at 01:00.
    const start = startOfLocalDate('2024-09-08', 'America/Santiago');
    expect(iso(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(localDateOf(start, 'America/Santiago')).toBe('2024-09-08');
  });

  it('changes the offset at the instant a zone changes it, also at half past an hour', () => {
    // Tehran left summer time (+04:30) at 2010-09-21 24:00 local, 19:30Z, for +03:30.
    const change = Date.parse('2010-09-21T19:30:00Z');
    expect(zoneOffsetMs(change - 1000, 'Asia/Tehran')).toBe(4.5 * 3_600_000);
    expect(zoneOffsetMs(change, 'Asia/Tehran')).toBe(3.5 * 3_600_000);
    expect(localDateOf(change - 1000, 'Asia/Tehran')).toBe('2010-09-21');
    expect(localDateOf(change + 1000, 'Asia/Tehran')).toBe('2010-09-21');
    // New York's spring change at 07:00Z, the same day before and after.
    const spring = Date.parse('2025-03-09T07:00:00Z');
    expect(zoneOffsetMs(spring - 1, 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(spring, 'America/New_York')).toBe(-4 * 3_600_000);
    // A day without a change, after and before one that has it (the day's offset is cached).
    expect(zoneOffsetMs(Date.parse('2025-03-10T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2025-03-08T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('gives each date the start its zone gives it when the starts are kept per zone, also past the memo\'s size', () => {
    const seoul = startOfLocalDateMemo('Asia/Seoul');
    const santiago = startOfLocalDateMemo('America/Santiago');
    for (const round of [1, 2]) {
      expect(iso(seoul('2025-06-30')), `round ${round}`).toBe('2025-06-29T15:00:00.000Z');
      // The skipped midnight above: the day starts at 01:00 local, not at a start of another zone's.
      expect(iso(santiago('2024-09-08')), `round ${round}`).toBe('2024-09-08T04:00:00.000Z');
      expect(iso(santiago('2025-06-30')), `round ${round}`).toBe('2025-06-30T04:00:00.000Z');
    }
    // 70,000 distinct dates (past the 65,536 kept): every one still its own start, in UTC its midnight.
    const utc = startOfLocalDateMemo('UTC');
    for (let day = 0; day < 70_000; day++) {
      const date = dateOfDay(day);
      if (utc(date) !== day * 86_400_000) expect(iso(utc(date))).toBe(`${date}T00:00:00.000Z`);
    }
    expect(iso(utc('1970-01-02'))).toBe('1970-01-02T00:00:00.000Z');
    expect(seoul('2025-06-30')).toBe(startOfLocalDate('2025-06-30', 'Asia/Seoul'));
  });

  it('adds calendar months with the day clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 36)).toBe('2028-11-15');
  });
});

describe('localDateTimeOf', () => {
  it('writes an instant as the zone shows it, to the minute, on either side of a date line and of 1970', () => {
    expect(localDateTimeOf(Date.parse('2025-06-29T15:00:59Z'), 'Asia/Seoul')).toBe('2025-06-30 00:00');
    expect(localDateTimeOf(Date.parse('2025-06-29T14:59:00Z'), 'Asia/Seoul')).toBe('2025-06-29 23:59');
    expect(localDateTimeOf(Date.parse('2025-03-30T01:30:00Z'), 'Europe/Berlin')).toBe('2025-03-30 03:30');
    expect(localDateTimeOf(Date.parse('1969-12-31T23:59:00Z'), 'UTC')).toBe('1969-12-31 23:59');
    expect(localDateTimeOf(Date.parse('2025-01-09T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2025-01-10 00:00');
  });
});

describe('calendar arithmetic without Date', () => {
  /** What Date says: the day before the 1st of the next month (years 100 and later: Date.UTC maps 0-99 to 1900-1999). */
  const byDate = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

  it('daysInMonth agrees with Date for every month of years 100-9999', () => {
    for (let year = 100; year <= 9999; year++) for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month)).toBe(byDate(year, month));
    expect([daysInMonth(2024, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2025, 4)]).toEqual([29, 28, 29, 30]);
  });

  it('isLocalDate accepts exactly YYYY-MM-DD of a real day', () => {
    /** The earlier definition: the pattern, then the day checked against Date. */
    const reference = (s: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
      return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
    };
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const near = fc
      .tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.constantFrom('-', '/', '-'), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.constantFrom('-', '-', '.'), fc.array(digit, { minLength: 2, maxLength: 2 }))
      .map(([y, a, m, b, d]) => `${y.join('')}${a}${m.join('')}${b}${d.join('')}`);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 12 }), near.map((s) => `${s} `), near.map((s) => s.replace('0', '٠'))), (s) => {
        // Years 0-99 differ in Date (read as 1900-1999); only year 0000 changes the answer (1900 is no leap year).
        fc.pre(!s.startsWith('0000-02-29'));
        expect(isLocalDate(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
    expect(['2024-02-29', '2025-02-29', '2025-13-01', '2025-00-10', '2025-06-31', '2025-6-30', '2025-06-30'].map(isLocalDate)).toEqual([true, false, false, false, false, false, true]);
  });
});

describe('isoWeekday', () => {
  it('counts 1 (Monday) to 7 (Sunday), as date +%u does, before 1970 too', () => {
    // 1970-01-01 was a Thursday; 2025-06-30 and 1969-12-29 were Mondays; 2025-07-06 a Sunday.
    expect(['1970-01-01', '2025-06-30', '2025-07-01', '2025-07-06', '2025-07-07', '1969-12-29', '1969-12-28', '2024-02-29'].map(isoWeekday)).toEqual([4, 1, 2, 7, 1, 1, 7, 4]);
  });

  it('agrees with Date.getUTCDay on random dates', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        expect(isoWeekday(date)).toBe(((d.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });
});

describe('day numbers of dates', () => {
  // 0000-01-01 .. 9999-12-31: every date with a four-digit year.
  const FIRST_DAY = -719_528;
  const day = fc.integer({ min: FIRST_DAY, max: LAST_FOUR_DIGIT_DAY });

  it('dayOfDate is dateOfDay the other way, in the order of the dates, leap days and the ends of the range included', () => {
    for (const [date, n] of [
      ['1970-01-01', 0],
      ['1969-12-31', -1],
      ['2000-02-29', 11_016],
      ['1900-03-01', -25_508],
      ['0000-01-01', FIRST_DAY],
      ['9999-12-31', LAST_FOUR_DIGIT_DAY],
    ] as const) {
      expect(dayOfDate(date)).toBe(n);
      expect(dayOfDateMemo(date)).toBe(n);
      expect(dateOfDay(n)).toBe(date);
    }
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(dayOfDate(dateOfDay(a))).toBe(a);
        expect(Math.sign(dayOfDate(dateOfDay(a)) - dayOfDate(dateOfDay(b)))).toBe(dateOfDay(a) < dateOfDay(b) ? -1 : dateOfDay(a) > dateOfDay(b) ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonthsToDay is addMonths on day numbers', () => {
    expect(dateOfDay(addMonthsToDay(dayOfDate('2024-01-31'), 1))).toBe('2024-02-29');
    expect(dateOfDay(addMonthsToDay(dayOfDate('2023-03-31'), 11))).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: dayOfDate('9899-12-31') }), fc.integer({ min: 1, max: 1200 }), (n, months) => {
        expect(dateOfDay(addMonthsToDay(n, months))).toBe(addMonths(dateOfDay(n), months));
      }),
      { numRuns: 2000 },
    );
  });
});
