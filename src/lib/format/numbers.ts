/**
 * Plain numbers per locale: counts, decimals, percentages, percentage points,
 * multiples and day durations, and the shared rules every format follows:
 *
 * - A missing value (null, undefined, NaN, ±Infinity) renders as an em dash.
 * - Negatives carry the typographic minus U+2212 ('−'), never '-'.
 * - A value that rounds to zero on screen carries no sign ('0', not '−0').
 *
 * Pure and clock-free: the same output in Node and the browser.
 */
import type { Locale } from '../i18n/locales.ts';
import { NBSP } from './dates.ts';

export const EM_DASH = '—';
export const MINUS = '−';

/** A finite number; everything else is "missing" and renders as EM_DASH. */
export function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True when a formatted magnitude shows a non-zero digit. */
export function showsNonZero(text: string): boolean {
  return /[1-9]/.test(text);
}

/**
 * Formats `value` by formatting its magnitude with `magnitude` and adding the
 * sign: '−' for negatives, '+' too when `plus`; no sign when it displays as 0.
 */
export function withSign(value: number, magnitude: (abs: number) => string, plus = false): string {
  const text = magnitude(Math.abs(value));
  if (!showsNonZero(text)) return text;
  if (value < 0) return MINUS + text;
  return plus && value > 0 ? '+' + text : text;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat (constructing one is the expensive part). */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', options);
    numberFormats.set(key, f);
  }
  return f;
}

/** Decimal formats by locale and fraction digits: `decimal` runs for most numbers a page shows, so not even a cache key is made. */
const decimalFormats: Record<Locale, Intl.NumberFormat[]> = { en: [], ko: [] };

/** Grouped decimal with at most `digits` fraction digits, trailing zeros trimmed. */
export function decimal(locale: Locale, abs: number, digits: number): string {
  const formats = decimalFormats[locale];
  const f = (formats[digits] ??= numberFormat(locale, { maximumFractionDigits: digits }));
  return f.format(abs);
}

export interface NumberFormats {
  /** Integer count with grouping: 1234 -> '1,234'. */
  count(n: number | null | undefined): string;
  /** Decimal with at most `digits` (default 1) fraction digits: 12.34 -> '12.3'. */
  number(n: number | null | undefined, digits?: number): string;
  /** A ratio as a percentage: 0.6923 -> '69%' (digits default 0). */
  percent(ratio: number | null | undefined, digits?: number): string;
  /** A win rate with the deals behind it: (0.24, 20, 83) -> '24% (20 / 83)'; a rate of no deals a dash alone. */
  rateOf(ratio: number | null | undefined, won: number, closed: number): string;
  /** A multiple, e.g. pipeline coverage: 2.53 -> '2.5×' / '2.5배'. */
  multiple(ratio: number | null | undefined): string;
  /** Fractional days, at most one decimal: '12.3 days' / '12.3일', '1 day'. */
  days(d: number | null | undefined): string;
  /**
   * A header over bare numbers of days, naming their unit: 'Median' -> 'Median (days)' / '중앙값' -> '중앙값(일)'.
   * A CSV's column (its cells are numbers alone); a page's cells carry the unit themselves ('39 days' / '39일'),
   * under the header without it: the unit is said once.
   */
  inDays(label: string): string;
  /** A count of deals with its unit: '32 deals' / '32건', '1 deal'. */
  deals(n: number | null | undefined): string;
  /** Signed count: '+3', '−2', '0'. */
  signedCount(n: number | null | undefined): string;
  /** Signed relative change: 0.125 -> '+13%' (digits default 0). */
  signedPercent(ratio: number | null | undefined, digits?: number): string;
  /** A difference of two ratios in percentage points: 0.052 -> '+5.2 pp' / '+5.2%p'. */
  signedPoints(diff: number | null | undefined): string;
  /** Signed days: '+2.5 days' / '−1일'. */
  signedDays(d: number | null | undefined): string;
  /** Signed count of deals: '+3 deals' / '−2건', '−1 deal'. */
  signedDeals(n: number | null | undefined): string;
  /** Signed decimal, at most `digits` (default 1) fraction digits. */
  signedNumber(n: number | null | undefined, digits?: number): string;
  /**
   * A change of a multiple, with its unit: +0.4 -> '+0.4×' / '+0.4배'; a change too small for one
   * decimal gets more, up to `maxDigits` (default 2): +0.02×, or −0.003× where a small multiple
   * (coverage 0.1× -> 0.097×) moved by −3%, rather than '0' beside a non-zero relative change.
   */
  signedMultiple(diff: number | null | undefined, maxDigits?: number): string;
}

/**
 * An English figure and the word it counts or measures ('56.1 days', '4 deals', '12 MB'), held together by a no-break
 * space (`NBSP`): a line never parts them, in a sentence or a narrow cell on a phone. The formatter's days and deals
 * and the English templates' counts ('Total: 4 deals', 'vs 30 days earlier') all use it; Korean writes its unit on
 * the number ('56.1일', '4건').
 */
export function withUnit(figure: string, unit: string): string {
  return `${figure}${NBSP}${unit}`;
}

export function createNumberFormats(locale: Locale): NumberFormats {
  const ko = locale === 'ko';
  const plural = new Intl.PluralRules('en-US');

  const countAbs = (abs: number) => decimal(locale, abs, 0);
  const percentFormats: Intl.NumberFormat[] = [];
  const percentAbs = (digits: number) => (abs: number) => (percentFormats[digits] ??= numberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(abs);
  const daysAbs = (abs: number) => {
    const text = decimal(locale, abs, 1);
    if (ko) return `${text}일`;
    // Plural of the value as shown: 1.04 shows as '1' and reads '1 day'; held to it by a no-break space (`withUnit`).
    return withUnit(text, plural.select(Number(text.replace(/,/g, ''))) === 'one' ? 'day' : 'days');
  };
  const pointsAbs = (abs: number) => decimal(locale, abs * 100, 1) + (ko ? '%p' : ' pp');
  const dealsAbs = (abs: number) => {
    const text = countAbs(abs);
    if (ko) return `${text}건`;
    return withUnit(text, plural.select(Number(text.replace(/,/g, ''))) === 'one' ? 'deal' : 'deals');
  };
  const multipleAbsTo = (digits: number) => (abs: number) => decimal(locale, abs, digits) + (ko ? '배' : '×');
  const multipleAbs = multipleAbsTo(1);

  const missingOr =
    <A extends unknown[]>(fn: (n: number, ...rest: A) => string) =>
    (n: number | null | undefined, ...rest: A): string =>
      isPresent(n) ? fn(n, ...rest) : EM_DASH;

  return {
    count: missingOr((n) => withSign(n, countAbs)),
    number: missingOr((n, digits: number = 1) => withSign(n, (abs) => decimal(locale, abs, digits))),
    percent: missingOr((r, digits: number = 0) => withSign(r, percentAbs(digits))),
    rateOf: missingOr((r, won: number, closed: number) => `${withSign(r, percentAbs(0))} (${withSign(won, countAbs)} / ${withSign(closed, countAbs)})`),
    multiple: missingOr((r) => withSign(r, multipleAbs)),
    days: missingOr((d) => withSign(d, daysAbs)),
    inDays: (label) => (ko ? `${label}(일)` : `${label} (days)`),
    deals: missingOr((n) => withSign(n, dealsAbs)),
    signedCount: missingOr((n) => withSign(n, countAbs, true)),
    signedPercent: missingOr((r, digits: number = 0) => withSign(r, percentAbs(digits), true)),
    signedPoints: missingOr((d) => withSign(d, pointsAbs, true)),
    signedDays: missingOr((d) => withSign(d, daysAbs, true)),
    signedDeals: missingOr((n) => withSign(n, dealsAbs, true)),
    signedNumber: missingOr((n, digits: number = 1) => withSign(n, (abs) => decimal(locale, abs, digits), true)),
    signedMultiple: missingOr((d, maxDigits: number = 2) => {
      let text = withSign(d, multipleAbsTo(1), true);
      for (let digits = 2; !showsNonZero(text) && digits <= maxDigits; digits++) text = withSign(d, multipleAbsTo(digits), true);
      return text;
    }),
  };
}
