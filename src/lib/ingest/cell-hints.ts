/**
 * Hints for amount and date cells that could not be read but look like a
 * value another program wrote its own way: how to write it instead. Only
 * messages use them (a refused cell), never a reading: a cell is read by the
 * formats docs/input.md lists, or not at all.
 */
import { halfWidthForms } from '../half-width.ts';
import { formatDate, isValidDate } from '../time.ts';
import type { DateOrder } from './dates.ts';

/**
 * Number units as Korean, and Japanese or Chinese, sheets write amounts: the large units (만 억 조; 万 億 兆) and
 * the 천 백 십 (千 百 十) that may come before them (`5천만` is 5 × 1,000 × 10,000) or stand alone (`3,500천원`,
 * `3,500千円`: thousands of won or yen, as Korean and Japanese financial tables write amounts). One script a cell.
 */
const UNIT_SCRIPTS = [
  { words: 'Korean number units such as 만 and 억', small: '천백십', large: '조억만' },
  { words: 'Japanese and Chinese number units such as 万 and 億', small: '千百十', large: '兆億亿万萬' },
].map((script) => ({ ...script, group: new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)\\s*([${script.small}])?\\s*([${script.large}])?\\s*`, 'uy') }));
const UNIT_VALUES = new Map([
  ...[...'천千'].map((u) => [u, 1e3] as const),
  ...[...'백百'].map((u) => [u, 1e2] as const),
  ...[...'십十'].map((u) => [u, 10] as const),
  ...[...'만万萬'].map((u) => [u, 1e4] as const),
  ...[...'억億亿'].map((u) => [u, 1e8] as const),
  ...[...'조兆'].map((u) => [u, 1e12] as const),
]);

/**
 * The longest cell a hint is looked for in. No date, number, period or choice written another way is this long, and
 * the hints' patterns backtrack over a run of spaces: a 150,000-character date cell took 30 s, a 5 MB one hours
 * (one line of a broken export), for a hint that could not apply.
 */
export const MAX_HINTED_LENGTH = 64;

/** Whether a cell is too long to be given a hint (MAX_HINTED_LENGTH). */
export const tooLongForHint = (text: string): boolean => text.length > MAX_HINTED_LENGTH;

/**
 * An amount written with number units (`3,500만`, `2억 5천만`, `3,500万`, `1億`; `3,500천` and `3,500千`, the
 * 천원 and 千円, thousands of won and yen, of Korean and Japanese tables; 원 and 円 already taken off as signs) is
 * not read, as no format the contract lists has them; the message says so, and what to write instead when the
 * value is a whole number.
 */
export function numberUnitsHint(s: string, decimal: '.' | ','): string {
  if (tooLongForHint(s)) return '';
  if (decimal !== '.') return '';
  const script = UNIT_SCRIPTS.find((u) => new RegExp(`[${u.small}${u.large}]`, 'u').test(s));
  if (!script) return '';
  const group = script.group;
  let total = 0;
  group.lastIndex = 0;
  while (group.lastIndex < s.length) {
    const at = group.lastIndex;
    const m = group.exec(s);
    if (!m || group.lastIndex === at) return '';
    total += Number(m[1]!.replaceAll(',', '')) * (m[2] ? UNIT_VALUES.get(m[2])! : 1) * (m[3] ? UNIT_VALUES.get(m[3])! : 1);
  }
  const whole = Math.round(total);
  const full = Number.isSafeInteger(whole) && Math.abs(total - whole) < 1e-6 ? `, as ${whole}` : '';
  return ` (${script.words} are not read: write the amount in full${full})`;
}

/** A number as Excel's General format saves a long one: `1.5E+08`, `1.23457E+11`. */
const SCIENTIFIC = /^(\d(?:\.\d+)?)E\+(\d{1,2})$/iu;

/** An amount in scientific notation: Excel kept only the digits it showed. */
export function scientificHint(s: string): string {
  if (tooLongForHint(s)) return '';
  const m = SCIENTIFIC.exec(s);
  if (!m) return '';
  const shown = Number(`${m[1]}e${m[2]}`);
  const value = Number.isSafeInteger(shown) ? `, about ${shown.toFixed(0)}` : '';
  return ` (Excel wrote it in scientific notation${value}, rounded to the digits it shows: give the column a number format such as 0 before saving the CSV, or export it again)`;
}

/**
 * A date with its weekday after it, as Korean and Japanese Excel's `yyyy-mm-dd (aaa)` and other formats show it:
 * 월 (Korean), 月 or 月曜日 (Japanese), 星期一 or 周一 (Chinese), Mon.
 */
const WITH_WEEKDAY =
  /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?\s*[(（]?\s*(?:[월화수목금토일](?:요일)?|[月火水木金土日](?:曜日?)?|(?:星期|周|週)[一二三四五六日天]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*[)）]?$/iu;

export function weekdayHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const m = WITH_WEEKDAY.exec(text.trim());
  if (!m) return '';
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return `; it looks like a date with its weekday: write it as ${iso}; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
}

/** English month names, as Excel's `d-mmm-yy` and `mmm d, yyyy` formats write them (or their first three letters). */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = '(?<month>[a-z]{3,9})\\.?';
/** `5-Jan-26`, `05-Jan-2026`, `5 January 2026`; `Jan 5, 2026`, `January 5 2026`. */
const DAY_MONTH_YEAR = new RegExp(`^(?<day>\\d{1,2})[-\\s]${MONTH_NAME}[-\\s,]+(?<year>\\d{2}|\\d{4})$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME}\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})$`, 'iu');

/** The month (1-12) a name or its first letters (three or more: `Jan`, `Sept`) stand for, else 0. */
function monthOfName(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}

/**
 * A date written with its month's name, as Excel saves a date column formatted `d-mmm-yy` or `mmm d, yyyy`:
 * how to write it. A two-digit year is read as Excel reads one typed in (00-29 the 2000s, 30-99 the 1900s).
 */
export function monthNameHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const t = text.trim();
  const g = (DAY_MONTH_YEAR.exec(t) ?? MONTH_DAY_YEAR.exec(t))?.groups;
  if (!g) return '';
  const month = monthOfName(g.month!);
  const day = Number(g.day);
  const year = g.year!.length === 4 ? g.year! : String((Number(g.year) < 30 ? 2000 : 1900) + Number(g.year));
  // No hint of a date that is none (31-Feb-26).
  if (month === 0 || day < 1 || day > new Date(Date.UTC(Number(year), month, 0)).getUTCDate()) return '';
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return `; it looks like a date with its month's name: write it as ${iso}; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
}

/** A time with its zone written after a space, as databases and BI tools export it: `14:05:00 UTC`, `14:05:00 +0900`. */
const ZONE_AFTER_SPACE = /^(\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+(UTC|GMT|Z|[+-]\d{2}(?::?\d{2})?)$/iu;

export function zoneHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const m = ZONE_AFTER_SPACE.exec(text.trim());
  if (!m) return '';
  const zone = m[2]!.toUpperCase();
  const written = zone === 'UTC' || zone === 'GMT' || zone === 'Z' ? 'Z' : zone;
  return `; write the time zone right after the time, without a space, and UTC as Z: ${m[1]}${written}`;
}

/** A backslash before or after the digits: the won (or yen) sign as Korean (Japanese) Windows fonts show the byte 0x5C. */
const BACKSLASH_SIGN = /^\\\s?(\d[\d,]*(?:\.\d+)?)$|^(\d[\d,]*(?:\.\d+)?)\s?\\$/u;

export function backslashHint(s: string): string {
  if (tooLongForHint(s)) return '';
  const m = BACKSLASH_SIGN.exec(s);
  if (!m) return '';
  const digits = (m[1] ?? m[2]!).replaceAll(',', '');
  return ` (its "\\" is a backslash, which Korean and Japanese Windows fonts show as ₩ or ¥: write the amount without it, as ${digits}, or with ₩ or ¥ itself)`;
}

/** Full-width forms of ASCII (U+FF01-FF5E) and the ideographic space, as a Korean, Japanese or Chinese input method types them in its full-width mode. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/u;

/** `text` with its full-width forms written half-width, or '' when it has none. */
function halfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return '';
  return halfWidthForms(text).replaceAll('\u3000', ' ');
}

const FULL_WIDTH_CAUSE = 'its digits are full-width, as an input method types them in its full-width mode';
const FULL_WIDTH_FIX = "Excel's ASC function makes them half-width";

/** An amount typed in full-width digits (`３，０００`): how to write it. */
export function fullWidthNumberHint(s: string): string {
  if (tooLongForHint(s)) return '';
  const half = halfWidth(s).trim();
  return /^\d[\d,. ]*$/u.test(half) ? ` (${FULL_WIDTH_CAUSE}: write it as ${half}; ${FULL_WIDTH_FIX})` : '';
}

/** A date typed in full-width digits (`２０２６－０１－０５`): how to write it. */
export function fullWidthDateHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const half = halfWidth(text).trim();
  return /^\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[T ][\d:]+(?:Z|[+-][\d:]+)?)?$/u.test(half) ? `; ${FULL_WIDTH_CAUSE}: write it as ${half}; ${FULL_WIDTH_FIX}` : '';
}

/** A date with a two-digit year, as Excel's short date formats write it (`m/d/yy`, `dd.mm.yy`, `yy-mm-dd`, `yy. m. d.`), maybe with a time. */
const SHORT_YEAR = /^(?<a>\d{1,2})(?<sep>[-./])\s*(?<b>\d{1,2})\k<sep>\s*(?<c>\d{1,2})\.?(?:\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?))?$/u;
const SHORT_YEAR_CAUSE = 'its year has two digits, which is not read: write the year in full';

/**
 * A date with a two-digit year: how to write it. The date only when `date_order` puts the year last (MDY,
 * DMY), with the century Excel gives a two-digit year typed in (00-29 the 2000s, 30-99 the 1900s), both said.
 * With YMD, which part is the year cannot be told (`12/03/25`): the form only.
 */
export function shortYearHint(text: string, order: DateOrder): string {
  if (tooLongForHint(text)) return '';
  const g = SHORT_YEAR.exec(text.trim())?.groups;
  // The year is the first or the last part: one of them has two digits (`3/4/5` is no date with a year).
  if (!g || (g.a!.length !== 2 && g.c!.length !== 2)) return '';
  const general = `; ${SHORT_YEAR_CAUSE}, first (YYYY-MM-DD)`;
  if (order === 'YMD' || g.c!.length !== 2) return general;
  const yy = Number(g.c);
  const year = (yy < 30 ? 2000 : 1900) + yy;
  const month = Number(order === 'MDY' ? g.a : g.b);
  const day = Number(order === 'MDY' ? g.b : g.a);
  if (month < 1 || month > 12 || !isValidDate(year, month, day)) return general;
  const written = `${formatDate(year, month, day)}${g.time ? ` ${g.time}` : ''}`;
  return `; ${SHORT_YEAR_CAUSE}, as ${written} (${order === 'MDY' ? 'month' : 'day'} first, as "date_order" says, and ${g.c} as ${year})`;
}

/** What a whole-number column counts: a number of months (`lifecycle_months`) or a month of the year (`budget_cycle_month`). */
export type WholeNumberUnit = 'months' | 'month';

/** A count of months with its unit, as Korean, Japanese, Chinese and English sheets write it: `12개월`, `12ヶ月`, `12个月`, `12 months`. */
const MONTHS_UNIT = /\s*(?:개월|달|[ヶケかカヵ箇个個]月|months?|mos?\.?)$/iu;
/** A month of the year with its unit: `3월`, `3月`. */
const MONTH_UNIT = /\s*[월月]$/u;

/**
 * A whole-number cell written with more than its number (`+12`, `12.0`, `12개월`, `12 months`, `3월` for a month,
 * `１２` in full-width digits), or a month by its English name (`March`, `Mar`) for a month: the number to write,
 * when the cell is clearly that number and it is in [min, max]. Only messages use it: the cell is not read.
 */
export function wholeNumberHint(text: string, min: number, max: number, unit?: WholeNumberUnit): string {
  if (tooLongForHint(text)) return '';
  const half = halfWidth(text).trim();
  const t = half || text.trim();
  const inRange = (n: number) => Number.isSafeInteger(n) && n >= min && n <= max;
  if (half && /^\d+$/u.test(half)) return inRange(Number(half)) ? `; ${FULL_WIDTH_CAUSE}: write it as ${Number(half)}; ${FULL_WIDTH_FIX}` : '';
  if (unit === 'month' && /^[a-z]{3,9}\.?$/iu.test(t)) {
    const month = monthOfName(t.replace(/\.$/u, ''));
    return month > 0 && inRange(month) ? `; write the month's number, as ${month}` : '';
  }
  let bare = t.replace(/^\+\s*/u, '');
  if (unit !== undefined) bare = bare.replace(unit === 'month' ? MONTH_UNIT : MONTHS_UNIT, '');
  const m = /^(\d+)(?:\.0+)?$/u.exec(bare);
  return m && inRange(Number(m[1])) ? `; write the number alone, as ${Number(m[1])}` : '';
}

/**
 * Choice values as Korean (and Japanese) sheets and CRMs' Korean screens write them, by their key (no whitespace,
 * `_` or `-`, lower case): the value the contract writes. Only messages use them: the cell is not read.
 */
const CHOICE_WORDS: Record<string, ReadonlyMap<string, string>> = {
  purchase_type: new Map([
    ...['일괄', '일괄구매', '일괄도입', '一括', '一括購入'].map((w) => [w, 'bulk'] as const),
    ...['분할', '분할구매', '분할도입', '단계적', '단계별', '단계적구매', '단계별구매', '分割', '分割購入', '段階的'].map((w) => [w, 'phased'] as const),
  ]),
  relationship: new Map([
    ...['우호', '우호적', '友好', '友好的'].map((w) => [w, 'friendly'] as const),
    ...['중립', '중립적', '中立', '中立的'].map((w) => [w, 'neutral'] as const),
    ...['적대', '적대적', '비우호', '비우호적', '敵対', '敵対的'].map((w) => [w, 'hostile'] as const),
  ]),
  // Salesforce's and HubSpot's Korean and Japanese screens name the categories so.
  forecast_category: new Map([
    ...['커밋', 'コミット'].map((w) => [w, 'commit'] as const),
    ...['베스트케이스', '최상의경우', '최선의경우', 'ベストケース'].map((w) => [w, 'best_case'] as const),
    ...['파이프라인', 'パイプライン'].map((w) => [w, 'pipeline'] as const),
    ...['생략', '생략됨'].map((w) => [w, 'omitted'] as const),
  ]),
};

/** The column's value a word in another language clearly stands for (`일괄`: bulk, `커밋`: commit): ` (write it as bulk)`, else ''. */
export function choiceHint(column: keyof typeof CHOICE_WORDS, text: string): string {
  const meant = CHOICE_WORDS[column]!.get(text.replace(/[\s_-]+/gu, '').toLowerCase());
  return meant === undefined ? '' : ` (write it as ${meant})`;
}
