/** The decimals a table's CSV keeps of its numbers: what the page shows (amounts to the currency's minor digits, days to one). */
import type { ColumnKind } from '../charts/types.ts';
import type { Raw } from './table.ts';

const digitsByCurrency = new Map<string, number>();

/** The minor digits of a currency as the page shows full amounts (KRW 0, USD 2); each currency's looked up once (every account page asks). */
export function moneyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Decimals a CSV keeps of each kind of figure, as the page shows it: days
 * to one decimal ('12.3 days'), a percentage as a ratio to two ('57%' =
 * 0.57), amounts to the currency's minor digits, multiples to one ('1.4×').
 */
export function csvDigits(kind: ColumnKind | 'multiple', currency: string): number | undefined {
  switch (kind) {
    case 'days':
    case 'multiple':
      return 1;
    case 'percent':
      return 2;
    case 'money':
    case 'perDay':
      return moneyDigits(currency);
    case 'count':
      return 0;
    default:
      return undefined;
  }
}

/** A number rounded to `digits` decimals (half away from zero); other values as given. */
export function roundTo(value: Raw, digits: number | undefined): Raw {
  if (typeof value !== 'number' || digits === undefined || !Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  const rounded = (Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * scale)) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}
