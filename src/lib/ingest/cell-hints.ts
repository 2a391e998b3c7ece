/**
 * Hints for amount and date cells that could not be read but look like a
 * value another program wrote its own way: how to write it instead. Only
 * messages use them (a refused cell), never a reading: a cell is read by the
 * formats docs/input.md lists, or not at all.
 */

/** A number as Excel's General format saves a long one: `1.5E+08`, `1.23457E+11`. */
const SCIENTIFIC = /^(\d(?:\.\d+)?)E\+(\d{1,2})$/iu;

/** An amount in scientific notation: Excel kept only the digits it showed. */
export function scientificHint(s: string): string {
  const m = SCIENTIFIC.exec(s);
  if (!m) return '';
  const shown = Number(`${m[1]}e${m[2]}`);
  const value = Number.isSafeInteger(shown) ? `, about ${shown.toFixed(0)}` : '';
  return ` (Excel wrote it in scientific notation${value}, rounded to the digits it shows: give the column a number format such as 0 before saving the CSV, or export it again)`;
}

/** A date with its weekday after it, as Korean Excel's `yyyy-mm-dd (aaa)` and other formats show it. */
const WITH_WEEKDAY = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?\s*\(?\s*(?:[월화수목금토일](?:요일)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*\)?$/iu;

export function weekdayHint(text: string): string {
  const m = WITH_WEEKDAY.exec(text.trim());
  if (!m) return '';
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return `; it looks like a date with its weekday: write it as ${iso}; in Excel, format the column as yyyy-mm-dd before saving the CSV`;
}

/** A time with its zone written after a space, as databases and BI tools export it: `14:05:00 UTC`, `14:05:00 +0900`. */
const ZONE_AFTER_SPACE = /^(\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+(UTC|GMT|Z|[+-]\d{2}(?::?\d{2})?)$/iu;

export function zoneHint(text: string): string {
  const m = ZONE_AFTER_SPACE.exec(text.trim());
  if (!m) return '';
  const zone = m[2]!.toUpperCase();
  const written = zone === 'UTC' || zone === 'GMT' || zone === 'Z' ? 'Z' : zone;
  return `; write the time zone right after the time, without a space, and UTC as Z: ${m[1]}${written}`;
}

/** A backslash before or after the digits: the won (or yen) sign as Korean (Japanese) Windows fonts show the byte 0x5C. */
const BACKSLASH_SIGN = /^\\\s?(\d[\d,]*(?:\.\d+)?)$|^(\d[\d,]*(?:\.\d+)?)\s?\\$/u;

export function backslashHint(s: string): string {
  const m = BACKSLASH_SIGN.exec(s);
  if (!m) return '';
  const digits = (m[1] ?? m[2]!).replaceAll(',', '');
  return ` (its "\\" is a backslash, which Korean and Japanese Windows fonts show as ₩ or ¥: write the amount without it, as ${digits}, or with ₩ or ¥ itself)`;
}
