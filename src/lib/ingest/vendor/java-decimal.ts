/**
 * Data Loader writes a number field with Java's `Double.toString`, which
 * switches to scientific notation from 10^7 up ('1.5E8', '9.9213206E7') and
 * below 10^-3 ('1.0E-4'): every digit of the stored value is there, so it is
 * read exactly, written out as a plain decimal. Excel's '4.8E+04' (a '+',
 * and only the digits the cell showed) never matches and stays refused.
 */
const JAVA_SCIENTIFIC = /^(-?)(\d)\.(\d+)E(-?\d{1,3})$/u;

/** `cell` as a plain decimal when it is Java's scientific form, else as it is. */
export function javaDecimal(cell: string): string {
  const m = JAVA_SCIENTIFIC.exec(cell);
  if (!m) return cell;
  const [, sign, lead, fraction, exponent] = m as unknown as [string, string, string, string, string];
  const digits = lead + fraction;
  // Where the decimal point goes among `digits` (after the first one when the exponent is 0).
  const point = 1 + Number(exponent);
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const decimals = point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  const trimmed = decimals.replace(/0+$/u, '');
  return `${sign}${whole.replace(/^0+(?=\d)/u, '')}${trimmed === '' ? '' : `.${trimmed}`}`;
}
