/**
 * Dollar signs written with a country's letters before them, as CLDR's
 * symbols and many exports write amounts (`US$1,000`, `C$250`, `NT$3,000`,
 * `R$ 1.200,00`): each names one currency, so values.ts reads it as that
 * currency's code (a code other than the row's currency is an error).
 */
const PREFIXES = new Map<string, string>([
  ['US', 'USD'],
  ['C', 'CAD'],
  ['CA', 'CAD'],
  ['A', 'AUD'],
  ['AU', 'AUD'],
  ['NZ', 'NZD'],
  ['HK', 'HKD'],
  ['S', 'SGD'],
  ['SG', 'SGD'],
  ['NT', 'TWD'],
  ['R', 'BRL'],
  ['MX', 'MXN'],
]);

/** Letters then `$` or the fullwidth `＄`, at the start of a cell, not inside a word. */
export const DOLLAR_PREFIX = /^([A-Za-z]{1,2})[$＄]/u;

/** The currency code of a prefix (`US` -> USD), or undefined for letters that are none. */
export const dollarPrefixCode = (letters: string): string | undefined => PREFIXES.get(letters.toUpperCase());
