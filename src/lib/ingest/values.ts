/**
 * Pure cell parsers (input.md "Values"). Each takes a trimmed cell and returns
 * the value or an `Invalid` carrying an issue code and a precise reason. The
 * row definitions (schema.ts) and their zod schemas (row-validator.ts) are
 * built from these same functions, so they are the one definition of what a
 * valid cell is. Amounts are parsed in money.ts.
 */
import { FORECAST_CATEGORIES, type ForecastCategory } from '../dataset.ts';
import type { LocalDate } from '../time.ts';
import { dateReason, quoteValue } from './date-messages.ts';
import { choiceHint, tooLongForHint, type WholeNumberUnit, wholeNumberHint } from './cell-hints.ts';
import { type DateOptions, scanDate, scannedInstant, scannedLocalDate } from './dates.ts';

export type { DateOptions, DateOrder } from './dates.ts';
export { parseInstantRange } from './dates.ts';
export { quoteValue } from './date-messages.ts';

/** Why a cell is not acceptable. `code` becomes the Issue code. */
export class Invalid {
  code: string;
  reason: string;
  constructor(code: string, reason: string) {
    this.code = code;
    this.reason = reason;
  }
}


/** Instant (epoch ms) of a date or datetime; a date alone is 00:00 in the timezone. */
export function parseInstant(text: string, opts: DateOptions): number | Invalid {
  const code = scanDate(text, 0, text.length, opts.dateOrder);
  return code === 0 ? scannedInstant(opts.timeZone) : new Invalid('invalid_date', dateReason(code, text, opts.dateOrder));
}

/** Local calendar date `YYYY-MM-DD`; a datetime with an offset is seen in the timezone. */
export function parseLocalDate(text: string, opts: DateOptions): LocalDate | Invalid {
  const code = scanDate(text, 0, text.length, opts.dateOrder);
  return code === 0 ? scannedLocalDate(opts.timeZone) : new Invalid('invalid_date', dateReason(code, text, opts.dateOrder));
}


/**
 * A whole number in [min, max]. `unit`, what the column counts, only lets the message of a refused cell say which
 * number to write (`12개월`: 12); a cell is read by its digits alone.
 */
export function parseInteger(text: string, min: number, max: number, unit?: WholeNumberUnit): number | Invalid {
  const range = () => (Number.isFinite(max) ? `${min}-${max}` : `${min} or more`);
  // A negative whole number is one, out of range: "-12" is not "not a whole number".
  if (min >= 0 && /^-\d+$/.test(text)) return new Invalid('invalid_number', `${quoteValue(text)} is out of range (${range()})`);
  if (!/^\d+$/.test(text)) return new Invalid('invalid_number', `${quoteValue(text)} is not a whole number${wholeNumberHint(text, min, max, unit)}`);
  const v = Number(text);
  if (v < min || v > max) return new Invalid('invalid_number', `${quoteValue(text)} is out of range (${range()})`);
  return v;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

/** true/false, yes/no, y/n, 1/0, any case; empty = false. Anything else is Invalid (the caller reads it as false and warns). */
export function parseBoolean(text: string): boolean | Invalid {
  const t = text.toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  const meant = YES_NO_WORDS.get(t.trim());
  const hint = meant === undefined ? '' : `; it looks like ${meant}: write ${meant} (yes and no in Korean or Japanese words or as O/X marks are not read)`;
  return new Invalid('invalid_boolean', `${quoteValue(text)} is not a boolean (true/false, yes/no, y/n, 1/0); read as false${hint}`);
}

/**
 * Yes and no as Korean and Japanese sheets write them: not read (the contract lists its words), but the message
 * says which one the cell is, since it is read as false (a `예` or `はい` read as no is the opposite of what was
 * written). Japanese: はい/いいえ, 有/無 (and あり/なし), 確認済/未確認 (a budget confirmed or not yet), in kana or kanji.
 */
const YES_NO_WORDS = new Map([
  ...['예', '네', '유', '있음', '확인', 'o', '○', '◯'].map((w) => [w, 'yes'] as const),
  ...['はい', 'ハイ', '有', '有り', 'あり', 'アリ', '済', '済み', '確認済', '確認済み'].map((w) => [w, 'yes'] as const),
  ...['아니오', '아니요', '아니', '무', '없음', '미확인', 'x', '×'].map((w) => [w, 'no'] as const),
  ...['いいえ', 'イイエ', '無', '無し', 'なし', 'ナシ', '未', '未確認'].map((w) => [w, 'no'] as const),
]);

/** An ISO 4217 code, any case; returned upper-case. */
export function parseCurrencyCode(text: string): string | Invalid {
  if (!/^[A-Za-z]{3}$/.test(text)) return new Invalid('invalid_currency', `${quoteValue(text)} is not an ISO 4217 currency code such as "KRW"`);
  return text.toUpperCase();
}

/** `YYYY-MM` or `YYYY-Qn`. */
export function parsePeriod(text: string): string | Invalid {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|[Qq]([1-4]))$/.exec(text);
  if (!m) return new Invalid('invalid_value', `${quoteValue(text)} is not a period (expected YYYY-MM or YYYY-Qn)${periodHint(text)}`);
  return m[3] ? `${m[1]}-Q${m[3]}` : text;
}

/** A period as people also write it ("2025년 3분기", "2025 Q3", "2025-3", "2025.03"): not read, but the message shows it as the contract writes it. */
function periodHint(text: string): string {
  if (tooLongForHint(text)) return '';
  const t = text.trim();
  const q = /^(\d{4})\s*(?:년\s*([1-4])\s*분기|[-./ ]?\s*[Qq]([1-4])|[-./ ]\s*([1-4])\s*[Qq])$/u.exec(t);
  if (q) return `; write it as ${q[1]}-Q${q[2] ?? q[3] ?? q[4]}`;
  const month = /^(\d{4})\s*(?:년\s*(\d{1,2})\s*월|[-./]\s*(\d{1,2}))\.?$/u.exec(t);
  const mm = month ? Number(month[2] ?? month[3]) : 0;
  return mm >= 1 && mm <= 12 ? `; write it as ${month![1]}-${String(mm).padStart(2, '0')}` : '';
}

/**
 * One of `allowed` (compared case-insensitively), returned lower-case; empty = ''. `column` only lets the message
 * of a refused cell name the value a word in another language stands for (`일괄`: bulk).
 */
export function parseChoice<T extends string>(text: string, allowed: readonly T[], column?: 'purchase_type' | 'relationship'): T | '' | Invalid {
  if (text === '') return '';
  const t = text.toLowerCase();
  if ((allowed as readonly string[]).includes(t)) return t as T;
  return new Invalid('invalid_value', `${quoteValue(text)} is not one of ${allowed.join(', ')}${column === undefined ? '' : choiceHint(column, text)}`);
}

/**
 * input.md `forecast_category`: compared ignoring case, whitespace, `_` and
 * `-` (`Best Case` = `best_case`); empty = none (null).
 */
export function parseForecastCategory(text: string): ForecastCategory | null | Invalid {
  if (text === '') return null;
  const key = text.replace(/[\s_-]+/gu, '').toLowerCase();
  const found = FORECAST_CATEGORIES.find((c) => c.replace('_', '') === key);
  if (found) return found;
  return new Invalid('invalid_forecast_category', `${quoteValue(text)} is not one of commit, best_case, pipeline, omitted${choiceHint('forecast_category', text)}`);
}
