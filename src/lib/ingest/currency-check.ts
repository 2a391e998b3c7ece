/**
 * An amount cell against the row's currency (input.md "Values"): a currency
 * code in the cell that differs is an error, and so is a currency sign that
 * names other currencies only (docs/spec-readings.md). A sign that several
 * currencies write (`$`: the dollars and pesos; `¥`: the yen and the yuan;
 * `£`: the pounds) fits any of them; any other sign (₹, ₽, ...) is
 * accepted unchecked, as input.md has it.
 */
import { Invalid, quoteValue } from './values.ts';
import { type Money, type NumberOptions, parseMoney } from './money.ts';
import { backslashHint } from './cell-hints.ts';

interface Sign {
  /** The currencies it names, in a message: "the sign of <names>". */
  names: string;
  codes: ReadonlySet<string>;
}

const sign = (names: string, codes: readonly string[]): Sign => ({ names, codes: new Set(codes) });

// North Korea's won writes ₩ and 원 too.
const WON = sign('KRW', ['KRW', 'KPW']);
const EURO = sign('EUR', ['EUR']);
// Every currency whose sign (CLDR's, in any locale) is or holds `£`, `$` or `¥` (tests/unit/ingest/values.test.ts checks them against Intl).
const POUND = sign('GBP and other pounds', ['GBP', 'EGP', 'FKP', 'GIP', 'LBP', 'SHP', 'SSP', 'SYP']);
const DOLLAR = sign('USD and other dollars and pesos', [
  ...['USD', 'USN', 'ARS', 'AUD', 'BBD', 'BMD', 'BND', 'BRL', 'BSD', 'BZD', 'CAD', 'CLP', 'COP', 'CUC', 'CUP', 'DOP', 'FJD', 'GYD'],
  ...['HKD', 'JMD', 'KYD', 'LRD', 'MOP', 'MXN', 'NAD', 'NIO', 'NZD', 'SBD', 'SGD', 'SRD', 'TOP', 'TTD', 'TWD', 'UYU', 'WST', 'XCD', 'ZWL'],
]);
const YEN = sign('JPY or CNY', ['JPY', 'CNY', 'CNH']);
// 円 is the yen's alone (the yuan writes 元).
const YEN_WORD = sign('JPY', ['JPY']);

/** Each checked sign as values.ts peels it (`\p{Sc}`, 원 or 円), fullwidth forms (Korean and Japanese Excel) included. */
const SIGNS = new Map<string, Sign>([
  ['₩', WON],
  ['￦', WON],
  ['원', WON],
  ['€', EURO],
  ['£', POUND],
  ['￡', POUND],
  ['$', DOLLAR],
  ['＄', DOLLAR],
  ['﹩', DOLLAR],
  ['¥', YEN],
  ['￥', YEN],
  ['円', YEN_WORD],
]);

/**
 * The sign values.ts peels from a leading `\` (NumberOptions `backslash`): the byte 0x5C, which Korean Windows shows
 * as ₩ and Korean Excel's currency format writes for the won sign in a CP949 CSV (Japanese Windows shows it as ¥).
 * It is read as ₩ in an amount in KRW, the one currency it can then be; in any other it is refused.
 */
export const BACKSLASH = '\\';

/** Whether an amount was written with the backslash read as ₩ (`BACKSLASH`). */
export const wonBackslash = (m: Money | null): boolean => m !== null && m.signs !== null && m.signs[0] === BACKSLASH;

/** The currencies `text` (one sign) names when `currency` is not among them ("EUR"), else null: it fits, or it is not checked. */
function signMismatch(text: string, currency: string): string | null {
  const found = SIGNS.get(text);
  return found === undefined || found.codes.has(currency) ? null : found.names;
}

/** Whether an amount whose only sign is `text` may be in `currency` (a sign not checked always may): `npm run init`'s notes. */
export const signFits = (text: string, currency: string): boolean => signMismatch(text, currency) === null;

/** The currencies each checked sign names (for tests). */
export function signCurrencies(text: string): ReadonlySet<string> | undefined {
  return SIGNS.get(text)?.codes;
}

/** Invalid when the cell names a currency other than `currency` (`whose`: e.g. "the deal's currency"), by its code or by a sign. */
export function checkCurrency(m: Money, currency: string, whose: string): Invalid | null {
  if (m.code !== null && m.code !== currency) return new Invalid('currency_mismatch', `${quoteValue(m.text)} is in ${m.code}, not ${currency} (${whose})`);
  for (const sign of m.signs ?? []) {
    if (sign === BACKSLASH) {
      if (currency === 'KRW') continue;
      // Not an amount in won: the backslash may be Japanese Windows' ¥ or a typo. Refused as without NumberOptions `backslash`.
      return new Invalid('invalid_number', `${quoteValue(m.text)} is not a number${backslashHint(m.text.trim())}`);
    }
    const names = signMismatch(sign, currency);
    if (names !== null) return new Invalid('currency_mismatch', `${quoteValue(m.text)} is written with ${sign}, the sign of ${names}, not ${currency} (${whose})`);
  }
  return null;
}

/** A money cell in `currency`: a different code or sign in the cell is an error. */
export function parseAmountIn(text: string, currency: string, whose: string, opts: NumberOptions): number | Invalid {
  const m = parseMoney(text, opts);
  if (m instanceof Invalid) return m;
  return checkCurrency(m, currency, whose) ?? m.value;
}
