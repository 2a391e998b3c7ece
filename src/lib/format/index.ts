/**
 * The one formatting library of the dashboard: every number, amount, date and
 * change a page or chart shows goes through a `Formatter`, so English and
 * Korean pages read the same figures the same way everywhere.
 *
 *   const f = createFormatter('ko', 'KRW');
 *   f.moneyCompact(1_230_000_000)  // '12.3억원'
 *   f.percent(0.6923)              // '69%'
 *   f.date('2025-06-30')           // '2025. 6. 30.'
 *
 * Rules shared by every format: missing values (null, undefined, NaN,
 * ±Infinity) render as '—'; negatives use '−' (U+2212); a value that rounds
 * to zero shows no sign. Pure: no clock, no timezone, no I/O; the same output
 * in Node and the browser. See numbers.ts, money.ts and dates.ts for each
 * format's rounding rules.
 */
import type { Locale } from '../i18n/locales.ts';
import { createDateFormats, type DateFormats } from './dates.ts';
import { createMoneyFormats } from './money.ts';
import { createNumberFormats, EM_DASH, isPresent, showsNonZero, withSign, type NumberFormats } from './numbers.ts';

export { EM_DASH, MINUS, isPresent, withUnit } from './numbers.ts';
export { SEPARATOR, itemPieces, joinItems } from './separator.ts';
export { KOREAN_CURRENCY_NAMES, koreanUnits } from './money.ts';
export { toCsv, csvCell } from './csv.ts';
export { otherLang } from './text-lang.ts';

/**
 * What a tile's change compares, and so the unit its change carries: the
 * tile's own ('32 deals' changes by '−2 deals', '₩400K/day' by '+₩50K/day',
 * '2.5×' by '+0.3×', a rate by percentage points).
 */
export type DeltaKind = 'money' | 'perDay' | 'deals' | 'rate' | 'days' | 'multiple';

export interface Delta {
  /**
   * Signed difference in the kind's unit: '+₩5M' / '+500만원', '+₩50K/day' / '하루 +5만원',
   * '−3 deals' / '−3건', '+5.2 pp' / '+5.2%p', '+2.5 days' / '+2.5일', '+0.3×' / '+0.3배'.
   */
  absolute: string;
  /** Signed relative change: '+15%'; '—' when the earlier value is 0 or missing. */
  percent: string;
  /** The change line as a tile (and the digest) shows it: '−2 deals (−6%)', the relative change left out when there is none. */
  text: string;
  /** Sign of the difference as shown ('flat' when it rounds to zero); null when missing. */
  direction: 'up' | 'down' | 'flat' | null;
}

export interface Formatter extends NumberFormats, DateFormats {
  readonly locale: Locale;
  readonly currency: string;
  /** Full amount: '₩1,230,000,000' / '1,230,000,000원'; '$1,234.50'. */
  money(amount: number | null | undefined): string;
  /** Compact amount: '₩1.23B' / '12.3억원'; '$1.2M' / '120만 달러'. */
  moneyCompact(amount: number | null | undefined): string;
  /** Signed compact amount for changes: '+₩5M' / '−4,500만원'. */
  signedMoney(amount: number | null | undefined): string;
  /** Sales velocity: '₩400K/day' / '하루 40만원'. */
  perDay(amount: number | null | undefined): string;
  /**
   * A tile's change from `previous` to `current`, in the unit of the tile's
   * figure (DeltaKind). Whether "up" is good (open pipeline) or bad (stalled
   * deals) is the caller's call. For `rate`, the absolute variant is in
   * percentage points and `percent` is relative.
   */
  signedDelta(current: number | null | undefined, previous: number | null | undefined, kind: DeltaKind): Delta;
}

const MISSING_DELTA: Delta = { absolute: EM_DASH, percent: EM_DASH, text: EM_DASH, direction: null };

export function createFormatter(locale: Locale, currency: string): Formatter {
  const numbers = createNumberFormats(locale);
  const dates = createDateFormats(locale);
  const { fullAbs, compactAbs } = createMoneyFormats(locale, currency);

  const money = (amount: number | null | undefined) => (isPresent(amount) ? withSign(amount, fullAbs) : EM_DASH);
  const moneyCompact = (amount: number | null | undefined) =>
    isPresent(amount) ? withSign(amount, compactAbs) : EM_DASH;
  const signedMoney = (amount: number | null | undefined) =>
    isPresent(amount) ? withSign(amount, compactAbs, true) : EM_DASH;
  /** An amount per day, from its formatted amount: '₩400K/day' / '하루 40만원'. */
  const dailyOf = (text: string) => (locale === 'ko' ? `하루 ${text}` : `${text}/day`);
  const perDay = (amount: number | null | undefined) => (isPresent(amount) ? dailyOf(moneyCompact(amount)) : EM_DASH);

  /** The signed difference, in the unit of the figure; then its words around it (per day). */
  const signedOf: Record<DeltaKind, (diff: number) => string> = {
    money: signedMoney,
    perDay: signedMoney,
    deals: numbers.signedDeals,
    rate: numbers.signedPoints,
    days: numbers.signedDays,
    multiple: numbers.signedMultiple,
  };

  const signedDelta = (
    current: number | null | undefined,
    previous: number | null | undefined,
    kind: DeltaKind,
  ): Delta => {
    if (!isPresent(current) || !isPresent(previous)) return MISSING_DELTA;
    const diff = current - previous;
    const percent = previous === 0 ? EM_DASH : numbers.signedPercent(diff / Math.abs(previous));
    // A small multiple's change ('0.1× -> 0.097×') gets the decimals it needs not to read '0×' beside '(−3%)'.
    const signed = kind === 'multiple' && showsNonZero(percent) ? numbers.signedMultiple(diff, 4) : signedOf[kind](diff);
    // The sign as shown, before any words go around it ('하루 +5만원').
    const direction = signed.startsWith('+') ? 'up' : signed.startsWith('−') ? 'down' : 'flat';
    const absolute = kind === 'perDay' ? dailyOf(signed) : signed;
    return { absolute, percent, text: percent === EM_DASH ? absolute : `${absolute} (${percent})`, direction };
  };

  return {
    locale,
    currency: currency.toUpperCase(),
    ...numbers,
    ...dates,
    money,
    moneyCompact,
    signedMoney,
    perDay,
    signedDelta,
  };
}
