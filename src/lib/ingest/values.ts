/**
 * Pure cell parsers (input.md "Values"). Each takes a trimmed cell and returns
 * the value or an `Invalid` carrying an issue code and a precise reason. The
 * row definitions (schema.ts) and their zod schemas (row-validator.ts) are
 * built from these same functions, so they are the one definition of what a
 * valid cell is.
 */
import { DOLLAR_PREFIX, dollarPrefixCode } from './dollar-prefixes.ts';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../dataset.ts';
import type { LocalDate } from '../time.ts';
import { dateReason, quoteValue } from './date-messages.ts';
import { backslashHint, choiceHint, fullWidthNumberHint, numberUnitsHint, scientificHint, tooLongForHint, type WholeNumberUnit, wholeNumberHint } from './cell-hints.ts';
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

export interface NumberOptions {
  /** Config `decimal`. */
  decimal: '.' | ',';
  /**
   * Peel a leading `\` before the number as a sign (`\35,000,000`): the byte 0x5C that Korean Windows shows as ₩, and
   * that Korean Excel's currency format writes for the won sign in a CP949 CSV. Only for a caller that then checks
   * the amount's currency (currency-check.ts `checkCurrency` reads it as ₩ in a KRW amount and refuses it otherwise);
   * without it the cell is refused, with a hint.
   */
  backslash?: boolean;
}

/** A number as written, plus the currency code and the signs (one a side at most) found in the cell (null: none). */
export interface Money {
  value: number;
  code: string | null;
  signs: readonly string[] | null;
  text: string;
}

// Any Unicode currency symbol (₩ ￦ $ € ...), 원, the Korean unit word, and 円, the Japanese one (`1,000円`,
// Japanese Excel's `#,##0"円"`): each names its currency as a sign does (currency-check.ts).
const SYMBOL = /^(?:\p{Sc}|원|円)/u;
const SYMBOL_END = /(?:\p{Sc}|원|円)$/u;
const CODE = /^[A-Za-z]{3}(?![A-Za-z])/;
const CODE_END = /(?<![A-Za-z])[A-Za-z]{3}$/;
const MINUS = /^[-\u2212]/;
/** A backslash first in the cell, before a digit (NumberOptions `backslash`). */
const BACKSLASH_SIGN = /^\\\s?(?=\d)/u;
// Thousands groups use one separator consistently; the other one is the decimal mark. The Swiss apostrophe is
// typed `'` or written `’` (U+2019), as Windows' and CLDR's German (Switzerland) format writes it.
const CORE_DOT = /^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:'\d{3})+|\d{1,3}(?:\u2019\d{3})+|\d+)(?:\.\d+)?$/;
const CORE_COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?$/;
// A decimal comma after thousands groups of dots (`24.000,00`, German) or of spaces (`24 000,00`, French; Excel
// writes the space as U+00A0 or U+202F): read only with config `decimal` ",", else refused with that hint.
const LOOKS_DECIMAL_COMMA = /^\d+,\d{1,2}$|^\d{1,3}(?:\.\d{3})+,\d+$|^\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d+$/;

/**
 * A dash alone (with a currency symbol or not): how Excel's accounting format shows 0, which a sheet saved as
 * CSV writes as text. Likely 0, but not read as one: the column's format is what to fix.
 */
const ACCOUNTING_ZERO_HINT = ` (Excel's accounting number format shows 0 as "-": give the column a number format before saving it as CSV, or write 0)`;

/**
 * A non-negative number with optional thousands separators, currency symbols
 * and an ISO code around it (`₩1,000`, `1,000원`, `1,000円`, `1000 KRW`, `USD 5`). A minus
 * sign or accounting parentheses `(1,000)` make it negative, which is refused.
 */
export function parseMoney(text: string, opts: NumberOptions): Money | Invalid {
  const quick = plainAmount(text, opts.decimal);
  if (quick >= 0) return quick > MAX_AMOUNT ? tooLarge(text) : { value: quick, code: null, signs: null, text };
  let s = text;
  let code: string | null = null;
  let signs: string[] | null = null;
  let negative = false;
  const setCode = (c: string) => {
    const upper = c.toUpperCase();
    if (code !== null && code !== upper) return false;
    code = upper;
    return true;
  };
  // Peel signs, symbols and codes from both ends until only the number is left; one symbol a side
  // (`$$100` is a typo or two currencies, not a dollar amount).
  let symbolsBefore = 0;
  let symbolsAfter = 0;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = s.trim();
    let m: RegExpMatchArray | null;
    let dollar: string | undefined;
    // The first character before the pattern: nearly every amount has none, and this runs for each of them.
    if (guard === 0 && opts.backslash === true && s.charCodeAt(0) === 0x5c && (m = s.match(BACKSLASH_SIGN))) {
      s = s.slice(m[0].length);
      symbolsBefore++;
      (signs ??= []).push('\\');
    } else if (MINUS.test(s)) {
      negative = true;
      s = s.slice(1);
    } else if (s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      s = s.slice(1, -1);
    } else if ((m = s.match(DOLLAR_PREFIX)) && (dollar = dollarPrefixCode(m[1]!)) !== undefined) {
      // `US$1,000`: the letters say which dollar, as a code does.
      if (!setCode(dollar)) return new Invalid('invalid_number', `${quoteValue(text)} names two currencies`);
      s = s.slice(m[0].length);
      symbolsBefore++;
    } else if ((m = s.match(SYMBOL))) {
      s = s.slice(m[0].length);
      symbolsBefore++;
      (signs ??= []).push(m[0]);
    } else if ((m = s.match(SYMBOL_END))) {
      s = s.slice(0, -m[0].length);
      symbolsAfter++;
      (signs ??= []).push(m[0]);
    }
    else if ((m = s.match(CODE))) {
      if (!setCode(m[0])) return new Invalid('invalid_number', `${quoteValue(text)} names two currencies`);
      s = s.slice(3);
    } else if ((m = s.match(CODE_END))) {
      if (!setCode(m[0])) return new Invalid('invalid_number', `${quoteValue(text)} names two currencies`);
      s = s.slice(0, -3);
    }
    if (s === before) break;
  }
  if (symbolsBefore > 1 || symbolsAfter > 1) return new Invalid('invalid_number', `${quoteValue(text)} has more than one currency symbol ${symbolsBefore > 1 ? 'before' : 'after'} the number`);
  // A cent sign counts hundredths: `50¢` read as 50 would be a hundred times too much.
  if (signs?.some((sign) => sign === '¢' || sign === '￠')) return new Invalid('invalid_number', `${quoteValue(text)} is written in cents; write the amount in whole units (50¢ as 0.50)`);
  const core = opts.decimal === ',' ? CORE_COMMA : CORE_DOT;
  if (!core.test(s)) {
    const hint =
      s === '' && negative && !/\p{L}/u.test(text)
        ? ACCOUNTING_ZERO_HINT
        : opts.decimal === '.' && LOOKS_DECIMAL_COMMA.test(s)
          ? ' (for a decimal comma set "decimal": "," in pipeline.config.json)'
          : numberUnitsHint(s, opts.decimal) || scientificHint(s) || (negative ? '' : plusHint(text, opts) || backslashHint(s) || fullWidthNumberHint(s));
    return new Invalid('invalid_number', `${quoteValue(text)} is not a number${hint}`);
  }
  if (negative) return new Invalid('negative_number', `${quoteValue(text)} is negative; only 0 or more is allowed`);
  const plain = opts.decimal === ',' ? s.replace(/[. \u00a0\u202f]/g, '').replace(',', '.') : s.replace(/[, \u00a0\u202f'\u2019]/g, '');
  const value = Number(plain);
  return value > MAX_AMOUNT ? tooLarge(text) : { value, code, signs, text };
}

/** One plus sign before the number, maybe after a currency sign or code (`+1,000`, `₩+1,000`, `USD +5`). */
const LEADING_PLUS = /^([^\d+]*)\+\s*(?=[^+]*$)/u;

/**
 * A plus sign before an amount is not read: the contract's numbers have none, and a signed number is how a sheet
 * writes a change (`+#,##0;-#,##0`), which read as the amount would be wrong. The message says so, and how to
 * write the amount when the cell without it is one.
 */
function plusHint(text: string, opts: NumberOptions): string {
  if (tooLongForHint(text)) return '';
  const m = LEADING_PLUS.exec(text.trim());
  if (!m) return '';
  const without = `${m[1]}${text.trim().slice(m[0].length)}`;
  if (parseMoney(without, opts) instanceof Invalid) return '';
  return ` (a "+" before the number is not read: write the amount without it, as ${without}; a number with its sign is often a change, not an amount: check the column)`;
}

/**
 * The largest amount accepted (10^15, a thousand trillion): far above any
 * deal, and small enough that amounts times an fx rate (at most 10^6), summed
 * over any number of deals, stay finite and exact to the unit.
 */
export const MAX_AMOUNT = 1e15;

function tooLarge(text: string): Invalid {
  return new Invalid('amount_too_large', `${quoteValue(text)} is larger than the largest amount accepted (1,000,000,000,000,000); check the column and the decimal mark`);
}

/**
 * The common cells `1234567` and (decimal '.') `1,234,567`, read without a
 * regex: the value, or -1 to let parseMoney's general path decide. Each is a
 * case of CORE_DOT / CORE_COMMA with nothing to peel, and up to 15 digits the
 * digit-by-digit value is exact, so it equals Number() of the same digits.
 */
function plainAmount(text: string, decimal: '.' | ','): number {
  return plainAmountRange(text, 0, text.length, decimal);
}

/** `plainAmount` of `src[s, e)`, in place (field-fast-path.ts). */
export function plainAmountRange(src: string, s: number, e: number, decimal: '.' | ','): number {
  const n = e - s;
  if (n === 0 || n > 20) return -1;
  let v = 0;
  let digits = 0;
  let group = -1; // digits since the last comma; -1 before any comma
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(s + i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (group >= 0) group++;
    } else if (c === 44 && decimal === '.' && (group === -1 ? i >= 1 && i <= 3 : group === 3)) {
      group = 0;
    } else return -1;
  }
  if (digits > 15 || group === 0 || (group > 0 && group !== 3)) return -1;
  return v;
}

/**
 * One mark with one to three digits before it (not a lone 0) and exactly three after (`12.000`, `€1.500`, `12,000`):
 * read with the config's decimal mark, a number with three decimals, which money seldom has; written with the other
 * locale's habit, a mark between thousands (European Excel's `12.000`, an English `12,000` in a folder set to ",").
 */
const MARK_THREE_DIGITS = { '.': /^\D*([1-9]\d{0,2})\.(\d{3})\D*$/u, ',': /^\D*([1-9]\d{0,2}),(\d{3})\D*$/u } as const;

/**
 * Why an amount read with the decimal mark could mean a thousand times more (`12.000` read as 12 that is 12,000 in
 * the export's locale; with `decimal` ",", `12,000`), or null.
 */
export function thousandsDoubt(text: string, decimal: NumberOptions['decimal']): string | null {
  if (text.indexOf(decimal) === -1) return null;
  const m = MARK_THREE_DIGITS[decimal].exec(text.trim());
  if (m === null) return null;
  const asDecimal = Number(`${m[1]}.${m[2]}`);
  const asThousands = Number(`${m[1]}${m[2]}`);
  const [mark, name, other] = decimal === '.' ? ['point', 'dot', ','] : ['comma', 'comma', '.'];
  return `${quoteValue(text)} is read as ${asDecimal} (a decimal ${mark}); if the ${name} separates thousands (${asThousands}), set "decimal": "${other}" in pipeline.config.json`;
}

/**
 * A whole number in [min, max]. `unit`, what the column counts, only lets the message of a refused cell say which
 * number to write (`12개월`: 12); a cell is read by its digits alone.
 */
export function parseInteger(text: string, min: number, max: number, unit?: WholeNumberUnit): number | Invalid {
  if (!/^\d+$/.test(text)) return new Invalid('invalid_number', `${quoteValue(text)} is not a whole number${wholeNumberHint(text, min, max, unit)}`);
  const v = Number(text);
  if (v < min || v > max) {
    const range = Number.isFinite(max) ? `${min}-${max}` : `${min} or more`;
    return new Invalid('invalid_number', `${quoteValue(text)} is out of range (${range})`);
  }
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
