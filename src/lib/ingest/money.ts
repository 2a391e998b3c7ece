/**
 * Amount cells (input.md "Values"), as values.ts parses the other cells:
 * a number with its currency signs and code peeled, the common plain amounts
 * read without a regex, and why an amount may mean a thousand times more.
 */
import { DOLLAR_PREFIX, dollarPrefixCode } from './dollar-prefixes.ts';
import { quoteValue } from './date-messages.ts';
import { backslashHint, fullWidthNumberHint, numberUnitsHint, scientificHint, tooLongForHint } from './cell-hints.ts';
import { Invalid } from './values.ts';

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
