/**
 * Calendar dates as day numbers (days since 1970-01-01, what time.ts `dateOfDay` turns back into a
 * date): columns of dates the metrics compare and bucket as numbers, not `YYYY-MM-DD` texts. Arithmetic
 * on the digits, no Date and no string made. Exact for four-digit years (0000-9999), where the
 * order of the day numbers is the order of the texts.
 */
import { dateMemo, daysInMonth, type LocalDate } from './time.ts';

const ZERO = 48;

/**
 * The day number of a well-formed `YYYY-MM-DD` (as ingest gives; `dateOfDay` of it is the same text),
 * from its character codes. Strictly increasing with the date: comparing day numbers is comparing the dates.
 */
export function dayOfDate(date: LocalDate): number {
  const year = date.charCodeAt(0) * 1000 + date.charCodeAt(1) * 100 + date.charCodeAt(2) * 10 + date.charCodeAt(3) - ZERO * 1111;
  const month = date.charCodeAt(5) * 10 + date.charCodeAt(6) - ZERO * 11;
  const day = date.charCodeAt(8) * 10 + date.charCodeAt(9) - ZERO * 11;
  return dayOfParts(year, month, day);
}

/** `dayOfDate`, each text worked out once (`dateMemo`): a lookup is cheaper than the arithmetic. */
export const dayOfDateMemo = dateMemo(dayOfDate);

/** Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil: years start in March, so the leap day is last). */
export function dayOfParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** `dayOfParts` the other way (civil_from_days): the year, month and day of a day number, into `out` (no object made per call). */
export function partsOfDay(dayNumber: number, out: { year: number; month: number; day: number }): void {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  out.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  out.month = mp < 10 ? mp + 3 : mp - 9;
  out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
}

/** `addMonths` on day numbers: the day of `months` calendar months after `dayNumber`, the day clamped to the month's end. */
export function addMonthsToDay(dayNumber: number, months: number): number {
  partsOfDay(dayNumber, scratch);
  const index = scratch.year * 12 + (scratch.month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOfParts(y, m, Math.min(scratch.day, daysInMonth(y, m)));
}

const scratch = { year: 0, month: 0, day: 0 };

/** The last day number `dateOfDay` writes with a four-digit year (9999-12-31). */
export const LAST_FOUR_DIGIT_DAY = 2_932_896;
