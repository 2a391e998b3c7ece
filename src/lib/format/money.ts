/**
 * Money, full and compact, per locale and currency.
 *
 * Full (`money`): every unit shown, the currency's own minor digits with
 * whole amounts trimmed ('$12,000', '$1,234.50'). KRW in Korean is written
 * the way Korean documents write it, '1,230,000,000원'; every other case uses
 * the narrow symbol in front ('₩1,230,000,000', '$1,234.50').
 *
 * Compact (`moneyCompact`), for tiles, charts and sentences:
 * - English: Intl compact notation, 3 significant digits: '₩1.23B', '₩45M',
 *   '$1.2M', '₩400K'; thousands grouped past the largest unit: '₩1,010T'.
 * - Korean, KRW: the 만/억/조 units Koreans read amounts in, unit attached:
 *   '12.3억원', '4,500만원', '1.5조원', '5,000원', '0원'. See `koreanUnits`
 *   for the rounding rule.
 * - Korean, USD/EUR/JPY/CNY/GBP: the same units with the currency's Korean
 *   name after a space, as the Korean business press writes foreign amounts:
 *   '120만 달러', '15억 달러', '3,500 달러', '2.5억 엔'. Korean readers
 *   parse '$1.2M' slowly; '120만 달러' is read at a glance.
 * - Korean, other currencies: Intl compact in Korean ('CHF 120만').
 */
import type { Locale } from '../i18n/locales.ts';
import { NBSP } from './dates.ts';
import { decimal, numberFormat } from './numbers.ts';

/** Korean names of the currencies whose compact Korean form uses 만/억/조. */
export const KOREAN_CURRENCY_NAMES: Readonly<Record<string, string>> = {
  USD: '달러',
  EUR: '유로',
  JPY: '엔',
  CNY: '위안',
  GBP: '파운드',
};

const MAN = 1e4;
const EOK = 1e8;
const JO = 1e12;

/** The Korean units, smallest first: [value, name, two decimals below this, one decimal below this]. */
const UNITS: readonly (readonly [number, string, number, number])[] = [
  [MAN, '만', 0, 10 * MAN],
  [EOK, '억', 10 * EOK, 100 * EOK],
  [JO, '조', 10 * JO, 100 * JO],
];

/**
 * A non-negative amount read in Korean units: '12.3억', '4,500만', '1.5조',
 * '5,000', '0'.
 *
 * The largest unit the amount reaches is used, with three significant
 * digits in 억 and 조 (two decimals below 10억 and 10조, one below 100억 and
 * 100조, none above), as the English form has, so that amounts side by side
 * read alike whatever their size ('1.26억' next to '9,870만', not '1.3억'):
 * 125,710,000 -> '1.26억', 1,234,567,890 -> '12.3억', 12,345,678,900 ->
 * '123억'. In 만 one decimal below 10만, none above: 150,000 -> '15만',
 * 15,000 -> '1.5만', 38,204,000 -> '3,820만' (만 is read in full up to 1억).
 * Trailing zeros are dropped (102,000,000 -> '1.02억', 100,000,000 -> '1억').
 * Rounding is half up on the shown digit, and an amount that rounds up to the
 * next unit is shown in that unit: 99,950,000 -> '9,995만' (exact),
 * 99,996,000 -> '1억' (not '10,000만'), 9,999.6 -> '1만'. Below 1만 the
 * amount is a whole number: 5,000.4 -> '5,000'.
 */
export function koreanUnits(abs: number): string {
  if (Math.round(abs) < MAN) return decimal('ko', Math.round(abs), 0);
  for (let i = 0; i < UNITS.length; i++) {
    const [unit, name, twoDecimalsBelow, oneDecimalBelow] = UNITS[i]!;
    const next = UNITS[i + 1]?.[0] ?? Infinity;
    if (abs >= next) continue;
    const digits = abs < twoDecimalsBelow ? 2 : abs < oneDecimalBelow ? 1 : 0;
    // Units are powers of ten, so rounding to a multiple of `step` is exact.
    const step = unit / 10 ** digits;
    const rounded = Math.round(abs / step) * step;
    if (rounded >= next) continue; // promote: '1억', never '10,000만'
    return decimal('ko', rounded / unit, digits) + name;
  }
  return decimal('ko', abs / JO, 0) + '조'; // unreachable: 조 has no next unit
}

export interface MoneyFormats {
  /** The full amount (non-negative magnitude; signs are added by the caller). */
  fullAbs(abs: number): string;
  /** The compact amount (non-negative magnitude). */
  compactAbs(abs: number): string;
}

export function createMoneyFormats(locale: Locale, currency: string): MoneyFormats {
  const code = currency.toUpperCase();
  const ko = locale === 'ko';
  const full = numberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: 'narrowSymbol',
    trailingZeroDisplay: 'stripIfInteger',
  });
  const compact = numberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumSignificantDigits: 3,
    // Compact notation groups only 5+ digits by default ('₩1010T'): a thousand trillion reads '₩1,010T', as '1,006조원'.
    useGrouping: true,
  });
  const koreanName = KOREAN_CURRENCY_NAMES[code];

  const fullAbs =
    ko && code === 'KRW' ? (abs: number) => decimal('ko', Math.round(abs), 0) + '원' : (abs: number) => full.format(abs);

  let compactAbs: (abs: number) => string;
  if (ko && code === 'KRW') compactAbs = (abs) => koreanUnits(abs) + '원';
  // A no-break space: in a narrow column '3만' and '유로' must not wrap onto two lines.
  else if (ko && koreanName) compactAbs = (abs) => `${koreanUnits(abs)}${NBSP}${koreanName}`;
  else compactAbs = (abs) => compact.format(abs);

  return { fullAbs, compactAbs };
}
