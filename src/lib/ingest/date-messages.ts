/**
 * What a date cell that could not be read is told: the reason in words (the
 * scanner in dates.ts gives a code), with a hint when the cell looks like a
 * date written another way (an Excel serial number, a Korean, Japanese or
 * Chinese long date, a 12-hour time). Cells are quoted the same way in every message.
 */
import { formatDate } from '../time.ts';
import { fullWidthDateHint, monthNameHint, shortYearHint, tooLongForHint, weekdayHint, zoneHint } from './cell-hints.ts';
import { AMBIGUOUS, BAD_DAY, BAD_HOUR, BAD_MINUTE, BAD_MONTH, BAD_OFFSET, BAD_SECOND, BAD_TIME, BAD_YEAR, type DateOrder, MAX_LIFECYCLE_MONTHS, MAX_YEAR, MIN_YEAR, OK, scanDate, scannedParts } from './dates.ts';

/** Quote a cell for a message, cutting very long ones. */
export function quoteValue(value: string): string {
  const quoted = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  // Characters that print as nothing are written as escapes, so "D1\u200b" does not read as "D1".
  const visible = quoted.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.replace(JSON_ESCAPE, singleBackslash);
}

const JSON_ESCAPE = /\\(?:u[0-9a-f]{4}|.)/gu;
const LOOKS_ESCAPED = /["\\/bfnrtu]/u;

/**
 * A backslash as the cell holds it: `"\608900000"` (the won sign Korean
 * Windows shows), not JSON's `"\\608900000"`, which reads as two. It stays
 * doubled before what would read as an escape (`\n`, `\u`, a quote) and at
 * the end, so the quoted text still reads one way and ends where it ends.
 */
function singleBackslash(escape: string, at: number, quoted: string): string {
  return escape === '\\\\' && !LOOKS_ESCAPED.test(quoted[at + 2]!) ? '\\' : escape;
}

// Bidirectional controls (U+061C, U+202A-U+202E, U+2066-U+2069) print as nothing too, but reorder the text around them.
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** `text` without the characters that print as nothing (a zero-width space, a soft hyphen, a byte order mark, a bidirectional control), as quoteValue shows them. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** Embeddings, overrides and isolates: they turn the text after them around (`\u202eKim` shows as "miK"), not marks such as U+200F. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** Whether `text` holds a bidirectional control that changes the order it is shown in (as a spoofed name does). */
export const hasBidiControl = (text: string): boolean => BIDI_CONTROL.test(text);

/** Whether `text` holds a character `withoutInvisible` removes. */
export const hasInvisible = (text: string): boolean => ANY_INVISIBLE.test(text);

/** The lowest character INVISIBLE matches (U+00AD, the soft hyphen); a test holds the two together. */
export const FIRST_INVISIBLE = 0xad;

/** Whether `text` has a character at or above FIRST_INVISIBLE: false says `hasInvisible` is false, without a regular expression. */
export function mayHaveInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= FIRST_INVISIBLE) return true;
  return false;
}

const EXPECTED = 'expected YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD';

/** The message for a failed scan of `text` under `order` (run right after the scan: it names what the scan read). */
export function dateReason(code: number, text: string, order: DateOrder): string {
  const v = quoteValue(text);
  const p = scannedParts();
  switch (code) {
    case AMBIGUOUS:
      return ambiguousReason(v, text, p.month, p.day);
    case BAD_YEAR:
      return `${v} has year ${p.year}, outside ${MIN_YEAR}-${MAX_YEAR} (dates derived from it, such as a repurchase ${MAX_LIFECYCLE_MONTHS / 12} years later, must stay within 1000-9999)`;
    case BAD_MONTH:
      return `${v} has month ${p.month}, not 1-12`;
    case BAD_DAY:
      return `${v} has day ${p.day}, which ${formatDate(p.year, p.month, 1).slice(0, 7)} does not have`;
    case BAD_TIME:
      // A weekday after the date is no time: said as the date it is.
      if (weekdayHint(text) !== '') return `${v} is not a date (${EXPECTED})${weekdayHint(text)}`;
      return `${v} has an unreadable time (expected HH:mm[:ss][Z|±HH:MM])${twelveHourHint(text) || zoneHint(text)}`;
    case BAD_HOUR:
      return `${v} has hour ${p.hour}, not 0-23`;
    case BAD_MINUTE:
      return `${v} has minute ${p.minute}, not 0-59`;
    case BAD_SECOND:
      return `${v} has second ${p.second}, not 0-59`;
    case BAD_OFFSET:
      return `${v} has an invalid time zone offset`;
    default:
      // The space hint before the full-width one: a full-width space between half-width digits is no full-width date.
      return `${v} is not a date (${EXPECTED})${excelSerialHint(text) || writtenOutDateHint(text) || weekdayHint(text) || monthNameHint(text) || spaceHint(text, order) || shortYearHint(text, order) || fullWidthDateHint(text)}`;
  }
}

/** Spaces other than the plain one: a no-break space (text copied from a web page or a PDF, French and Swiss formats), its narrow form, the full-width space of a Korean or Japanese input method, a tab. */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
const SPACE_NAMES = new Map([
  [0x09, 'a tab'],
  [0xa0, 'a no-break space'],
  [0x202f, 'a narrow no-break space'],
  [0x3000, 'a full-width space'],
]);

/**
 * A date whose space (before its time, or after the dots of `2025. 3. 4.`) is another space character than
 * U+0020: it looks like a date and is not one, as the contract's formats have a plain space. Said only when the
 * cell with plain spaces is a date the formats read.
 */
function spaceHint(text: string, order: DateOrder): string {
  if (tooLongForHint(text)) return '';
  const t = text.trim();
  const odd = ODD_SPACE.exec(t);
  if (!odd) return '';
  const plain = t.replace(/\s+/gu, ' ');
  if (scanDate(plain, 0, plain.length, order) !== OK) return '';
  const code = odd[0].charCodeAt(0);
  const name = SPACE_NAMES.get(code) ?? 'a space character';
  return `; its space is ${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}), not a plain space: write it as ${plain}`;
}

/**
 * A date with its year last: ambiguous when both of its first parts could be
 * the month; when one cannot (`15/07/2025`), it says which order the file
 * writes, so the config can say it.
 */
function ambiguousReason(v: string, text: string, first: number, second: number): string {
  const sep = /[^\d\s]/u.exec(text)?.[0] ?? '/';
  if (first > 12 && second <= 12) return `${v} is written day first (DD${sep}MM${sep}YYYY); set "date_order" to "DMY" in pipeline.config.json`;
  if (second > 12 && first <= 12) return `${v} is written month first (MM${sep}DD${sep}YYYY); set "date_order" to "MDY" in pipeline.config.json`;
  return `${v} is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json`;
}

/** Excel's day 0 (its serial numbers count days from here, as Excel's own 1900 leap-day error leaves every date from March 1900 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A five-digit number, maybe with a fraction of a day, is most likely a date
 * cell Excel saved as its serial number: say so, and which date that would be,
 * without reading it as one (a number can be anything).
 */
function excelSerialHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const m = /^(\d{5})(?:\.\d+)?$/.exec(text.trim());
  if (!m) return '';
  const day = new Date(EXCEL_EPOCH_MS + Number(m[1]) * 86_400_000);
  const date = formatDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  return `; it looks like a date Excel saved as its serial number (${m[1]} would be ${date}): format the column as a date (yyyy-mm-dd) before saving the CSV`;
}

/**
 * A date written out in words, as Excel's long date formats write it: Korean
 * ("2025년 3월 4일"), Japanese or Chinese ("2025年3月4日"), or in a Japanese
 * era year ("令和7年3月4日", Excel's `ggge"年"m"月"d"日"`; "R7.3.4", its
 * `ge.m.d`), maybe with its weekday or a time. Not one of the contract's
 * formats: say how to write it, without reading it.
 */
function writtenOutDateHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const t = text.trim();
  let m = /^(\d{4})\s*(년|年)\s*(\d{1,2})\s*(?:월|月)\s*(\d{1,2})\s*(?:일|日)/u.exec(t);
  if (m) return writtenOutHint(m[2] === '년' ? 'written in Korean' : 'written in Japanese or Chinese', Number(m[1]), Number(m[3]), Number(m[4]));
  m = ERA_DATE.exec(t);
  if (!m?.groups) return '';
  const g = m.groups;
  const era = ERAS.find((e) => e.names.includes(g.era!));
  if (!era) return '';
  // The first year of an era is written 元 (gan): year 1.
  const n = g.year === '元' ? 1 : Number(g.year);
  const year = era.start + n - 1;
  return writtenOutHint(`in a Japanese era year (${g.era}${g.year} is ${year})`, year, Number(g.month), Number(g.day));
}

/** Japanese eras, by their name and Excel's letter, with the Western year of their first year. */
const ERAS = [
  { names: ['令和', 'R'], start: 2019 },
  { names: ['平成', 'H'], start: 1989 },
  { names: ['昭和', 'S'], start: 1926 },
];
const ERA_DATE = /^(?<era>令和|平成|昭和|[RHS])\s*(?<year>\d{1,2}|元)\s*(?:年|[./])\s*(?<month>\d{1,2})\s*(?:月|[./])\s*(?<day>\d{1,2})(?:日|(?=\s|\(|$))/u;

function writtenOutHint(how: string, year: number, month: number, day: number): string {
  // No hint of a date that is none (2025年2月30日).
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return '';
  const iso = formatDate(year, month, day);
  return `; it looks like a date ${how}: write it as ${iso} (a time after it on the 24-hour clock, as ${iso} 14:05); in Excel, format the column as yyyy-mm-dd before saving the CSV`;
}

/** Times written with 오전/오후, 午前/午後 (Japanese), 上午/下午 (Chinese) or AM/PM (a 12-hour clock) are not read: say how to write them. */
function twelveHourHint(text: string): string {
  if (tooLongForHint(text)) return '';
  return /오전|오후|午前|午後|上午|下午|(?<![A-Za-z])[AaPp]\.?[Mm]\.?(?![A-Za-z])/u.test(text) ? '; write times on the 24-hour clock (오후 2:05 or 2:05 PM as 14:05)' : '';
}
