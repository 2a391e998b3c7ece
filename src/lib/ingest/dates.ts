/**
 * Hand-written date scanning (input.md "Values"). The stage history has a
 * million timestamps, so the scanner reads char codes in place (it works on a
 * range of a larger string), allocates nothing, and never calls
 * `new Date(string)`, whose parsing of non-ISO strings is implementation-defined
 * and blind to the configured timezone.
 *
 * Accepted dates, optionally followed by a time `T|space H[H]:mm[:ss[.fff]]`
 * and a zone `Z|±HH:MM|±HHMM|±HH`:
 *   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (month and day may have one digit; the
 *   dot form may have spaces after dots and a trailing dot, as Korean Excel
 *   writes `2025. 3. 4.`);
 *   MM/DD/YYYY or DD/MM/YYYY (also with `.` or `-`) only when date_order says which.
 */
import { formatDate, isValidDate, localDateOf, localToInstant, type LocalDate } from '../time.ts';

/**
 * Input dates are bounded so that every date derived from them (a repurchase
 * up to MAX_LIFECYCLE_MONTHS later, windows, forecast months) stays within
 * the years 1000-9999 that `YYYY-MM-DD` can write.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9899;
export const MAX_LIFECYCLE_MONTHS = 1200;

export type DateOrder = 'YMD' | 'MDY' | 'DMY';

export interface DateOptions {
  timeZone: string;
  dateOrder: DateOrder;
}

/** Components of the last scan (module scratch, so a scan allocates nothing). */
const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, ms: 0, hasZone: false, offsetMin: 0 };

export type ScanParts = Readonly<typeof parts>;
/** The components the last scan read (valid until the next scan): what a message about a failed scan names. */
export const scannedParts = (): ScanParts => parts;

/** What a scan found (its code): OK, or why the text is not a date (date-messages.ts says each in words; any other code is "not a date"). */
export const OK = 0;
const NOT_A_DATE = 1;
export const AMBIGUOUS = 2;
export const BAD_YEAR = 3;
export const BAD_MONTH = 4;
export const BAD_DAY = 5;
export const BAD_TIME = 6;
export const BAD_HOUR = 7;
export const BAD_MINUTE = 8;
export const BAD_SECOND = 9;
export const BAD_OFFSET = 10;

/** Char code at `j` when inside the range, else -1. */
function at(src: string, j: number, e: number): number {
  return j < e ? src.charCodeAt(j) : -1;
}

function digitRun(src: string, i: number, e: number): number {
  let j = i;
  while (j < e) {
    const c = src.charCodeAt(j);
    if (c < 48 || c > 57) break;
    j++;
  }
  return j - i;
}

function num(src: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) v = v * 10 + src.charCodeAt(i + k) - 48;
  return v;
}

function skipSpaces(src: string, i: number, e: number): number {
  while (i < e && src.charCodeAt(i) === 32) i++;
  return i;
}

/** Two digits at `i` as a number, or -1. */
function d2(src: string, i: number): number {
  const a = src.charCodeAt(i) - 48;
  const b = src.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common shapes `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm:ss[Z]`, read at fixed
 * positions (twice as fast as the general scanner). Returns OK, or -1 to let
 * the general scanner decide (and explain).
 */
function scanIsoFast(src: string, s: number, e: number): number {
  const len = e - s;
  if ((len !== 10 && len !== 19 && len !== 20 && len !== 25) || src.charCodeAt(s + 4) !== 45 || src.charCodeAt(s + 7) !== 45) return -1;
  const hi = d2(src, s);
  const lo = d2(src, s + 2);
  const month = d2(src, s + 5);
  const day = d2(src, s + 8);
  if (hi < 10 || lo < 0 || month < 1 || month > 12 || day < 0) return -1;
  const year = hi * 100 + lo;
  if (year > MAX_YEAR || !isValidDate(year, month, day)) return -1;
  const p = parts;
  p.hour = p.minute = p.second = p.ms = p.offsetMin = 0;
  p.hasZone = false;
  if (len > 10) {
    const t = src.charCodeAt(s + 10);
    if ((t !== 84 && t !== 32) || src.charCodeAt(s + 13) !== 58 || src.charCodeAt(s + 16) !== 58) return -1;
    if (len === 20 && src.charCodeAt(s + 19) !== 90) return -1;
    const hour = d2(src, s + 11);
    const minute = d2(src, s + 14);
    const second = d2(src, s + 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return -1;
    if (len === 25) {
      // `±HH:MM`, as most CRMs export (`2025-03-04T09:00:00+09:00`).
      const sign = src.charCodeAt(s + 19);
      if ((sign !== 43 && sign !== 45) || src.charCodeAt(s + 22) !== 58) return -1;
      const oh = d2(src, s + 20);
      const om = d2(src, s + 23);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return -1;
      p.offsetMin = (sign === 45 ? -1 : 1) * (oh * 60 + om);
    }
    p.hour = hour;
    p.minute = minute;
    p.second = second;
    p.hasZone = len !== 19;
  }
  p.year = year;
  p.month = month;
  p.day = day;
  return OK;
}

/** Scan `src[s, e)` into `parts`; returns OK or a failure code for `dateReason` (date-messages.ts). */
export function scanDate(src: string, s: number, e: number, order: DateOrder): number {
  if (scanIsoFast(src, s, e) === OK) return OK;
  let i = s;
  const n1 = digitRun(src, i, e);
  const sep = at(src, i + n1, e);
  if (n1 === 0 || (sep !== 45 /* - */ && sep !== 47 /* / */ && sep !== 46) /* . */) return NOT_A_DATE;
  const dot = sep === 46;
  let year: number;
  let month: number;
  let day: number;
  if (n1 === 4) {
    year = num(src, i, 4);
    i += 5;
    if (dot) i = skipSpaces(src, i, e);
    const nm = digitRun(src, i, e);
    if (nm < 1 || nm > 2 || at(src, i + nm, e) !== sep) return NOT_A_DATE;
    month = num(src, i, nm);
    i += nm + 1;
    if (dot) i = skipSpaces(src, i, e);
    const nd = digitRun(src, i, e);
    if (nd < 1 || nd > 2) return NOT_A_DATE;
    day = num(src, i, nd);
    i += nd;
  } else if (n1 <= 2) {
    const a = num(src, i, n1);
    i += n1 + 1;
    if (dot) i = skipSpaces(src, i, e);
    const nb = digitRun(src, i, e);
    if (nb < 1 || nb > 2 || at(src, i + nb, e) !== sep) return NOT_A_DATE;
    const b = num(src, i, nb);
    i += nb + 1;
    if (dot) i = skipSpaces(src, i, e);
    if (digitRun(src, i, e) !== 4) return NOT_A_DATE;
    year = num(src, i, 4);
    i += 4;
    if (order === 'YMD') {
      // Kept for the message, which names the order when one part cannot be a month.
      parts.month = a;
      parts.day = b;
      return AMBIGUOUS;
    }
    month = order === 'MDY' ? a : b;
    day = order === 'MDY' ? b : a;
  } else {
    return NOT_A_DATE;
  }
  if (dot && at(src, i, e) === 46) i++;
  parts.year = year;
  parts.month = month;
  parts.day = day;
  if (year < MIN_YEAR || year > MAX_YEAR) return BAD_YEAR;
  if (month < 1 || month > 12) return BAD_MONTH;
  if (!isValidDate(year, month, day)) return BAD_DAY;
  parts.hour = parts.minute = parts.second = parts.ms = parts.offsetMin = 0;
  parts.hasZone = false;
  if (i === e) return OK;
  const c = src.charCodeAt(i);
  if (c !== 84 /* T */ && c !== 116 /* t */ && c !== 32) return NOT_A_DATE;
  return scanTime(src, c === 32 ? skipSpaces(src, i, e) : i + 1, e);
}

function scanTime(src: string, i: number, e: number): number {
  const nh = digitRun(src, i, e);
  if (nh < 1 || nh > 2 || at(src, i + nh, e) !== 58 /* : */ || digitRun(src, i + nh + 1, e) !== 2) return BAD_TIME;
  const p = parts;
  p.hour = num(src, i, nh);
  p.minute = num(src, i + nh + 1, 2);
  i += nh + 3;
  if (at(src, i, e) === 58) {
    if (digitRun(src, i + 1, e) !== 2) return BAD_TIME;
    p.second = num(src, i + 1, 2);
    i += 3;
    const f = at(src, i, e);
    if (f === 46 || f === 44) {
      const nf = digitRun(src, i + 1, e);
      if (nf < 1 || nf > 9) return BAD_TIME;
      p.ms = nf >= 3 ? num(src, i + 1, 3) : num(src, i + 1, nf) * (nf === 1 ? 100 : 10);
      i += 1 + nf;
    }
  }
  if (p.hour > 23) return BAD_HOUR;
  if (p.minute > 59) return BAD_MINUTE;
  if (p.second > 59) return BAD_SECOND;
  const z = at(src, i, e);
  if (z === 90 /* Z */ || z === 122 /* z */) {
    p.hasZone = true;
    i++;
  } else if (z === 43 /* + */ || z === 45 /* - */) {
    if (digitRun(src, i + 1, e) < 2) return BAD_TIME;
    const oh = num(src, i + 1, 2);
    i += 3;
    let om = 0;
    if (i < e) {
      if (src.charCodeAt(i) === 58) i++;
      if (digitRun(src, i, e) !== 2) return BAD_TIME;
      om = num(src, i, 2);
      i += 2;
    }
    if (oh > 23 || om > 59) return BAD_OFFSET;
    p.hasZone = true;
    p.offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return i === e ? OK : BAD_TIME;
}

/** The instant of the last successful scan: an offset wins; otherwise local time in `timeZone` (date only = 00:00). */
export function scannedInstant(timeZone: string): number {
  const p = parts;
  if (p.hasZone || timeZone === 'UTC') return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms) - p.offsetMin * 60_000;
  return localToInstant(p.year, p.month, p.day, p.hour, p.minute, p.second, timeZone) + p.ms;
}

/** Date.UTC for a valid proleptic-Gregorian date (days-from-civil), without its argument coercion. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/** The local date of the last successful scan: the wall-clock date as written, or an instant with offset seen in `timeZone`. */
export function scannedLocalDate(timeZone: string): LocalDate {
  const p = parts;
  if (p.hasZone) return localDateOf(scannedInstant(timeZone), timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** Hot path: the instant of `src[s, e)` (already trimmed), or NaN when it is not a valid date. */
export function parseInstantRange(src: string, s: number, e: number, opts: DateOptions): number {
  return scanDate(src, s, e, opts.dateOrder) === OK ? scannedInstant(opts.timeZone) : NaN;
}
