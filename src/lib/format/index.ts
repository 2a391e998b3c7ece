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
import { createNumberFormats, EM_DASH, isPresent, withSign, type NumberFormats } from './numbers.ts';

export { EM_DASH, MINUS, isPresent } from './numbers.ts';
export { KOREAN_CURRENCY_NAMES, koreanUnits } from './money.ts';
export { toCsv, csvCell } from './csv.ts';

/** What a tile's change compares: decides the unit of the absolute variant. */
export type DeltaKind = 'money' | 'count' | 'rate' | 'days' | 'number' | 'multiple';

export interface Delta {
  /** Signed difference in the kind's unit: '+₩5M', '−3', '+5.2 pp' / '+5.2%p', '+2.5 days'. */
  absolute: string;
  /** Signed relative change: '+15%'; '—' when the earlier value is 0 or missing. */
  percent: string;
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
   * A tile's change from `previous` to `current`. Whether "up" is good (open
   * pipeline) or bad (stalled deals) is the caller's call. For `rate`, the
   * absolute variant is in percentage points and `percent` is relative.
   */
  signedDelta(current: number | null | undefined, previous: number | null | undefined, kind: DeltaKind): Delta;
}

const MISSING_DELTA: Delta = { absolute: EM_DASH, percent: EM_DASH, direction: null };

export function createFormatter(locale: Locale, currency: string): Formatter {
  const numbers = createNumberFormats(locale);
  const dates = createDateFormats(locale);
  const { fullAbs, compactAbs } = createMoneyFormats(locale, currency);

  const money = (amount: number | null | undefined) => (isPresent(amount) ? withSign(amount, fullAbs) : EM_DASH);
  const moneyCompact = (amount: number | null | undefined) =>
    isPresent(amount) ? withSign(amount, compactAbs) : EM_DASH;
  const signedMoney = (amount: number | null | undefined) =>
    isPresent(amount) ? withSign(amount, compactAbs, true) : EM_DASH;
  const perDay = (amount: number | null | undefined) => {
    if (!isPresent(amount)) return EM_DASH;
    const text = moneyCompact(amount);
    return locale === 'ko' ? `하루 ${text}` : `${text}/day`;
  };

  const absoluteOf: Record<DeltaKind, (diff: number) => string> = {
    money: signedMoney,
    count: numbers.signedCount,
    rate: numbers.signedPoints,
    days: numbers.signedDays,
    number: (diff) => numbers.signedNumber(diff),
    multiple: numbers.signedMultiple,
  };

  const signedDelta = (
    current: number | null | undefined,
    previous: number | null | undefined,
    kind: DeltaKind,
  ): Delta => {
    if (!isPresent(current) || !isPresent(previous)) return MISSING_DELTA;
    const diff = current - previous;
    const absolute = absoluteOf[kind](diff);
    const percent = previous === 0 ? EM_DASH : numbers.signedPercent(diff / Math.abs(previous));
    const direction = absolute.startsWith('+') ? 'up' : absolute.startsWith('−') ? 'down' : 'flat';
    return { absolute, percent, direction };
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
