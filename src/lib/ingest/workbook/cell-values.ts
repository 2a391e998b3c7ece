/**
 * A workbook's numeric cell as the text a CSV export of it holds: a date or
 * a date and time as ISO 8601 (`2025-06-30`, `2025-06-30 14:05:00`), which
 * every date_order reads the same way; a percentage with its `%`; any other
 * number as its shortest exact decimal. Whether a number is a date is only
 * in its cell's number format (styles.xml), as Excel decides it.
 */

export type NumberKind = 'number' | 'date' | 'datetime' | 'time' | 'percent';

/** Excel's built-in number formats that show a date or time (ECMA-376 18.8.30, and the East Asian ones). */
const BUILT_IN: ReadonlyMap<number, NumberKind> = new Map<number, NumberKind>([
  [9, 'percent'],
  [10, 'percent'],
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'date'] as [number, NumberKind]),
  [22, 'datetime'],
  ...[18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56].map((id) => [id, 'time'] as [number, NumberKind]),
]);

/** What a number format shows: its quoted text, escapes and bracketed parts (colours, locales, conditions) do not count. */
export function formatKind(id: number, code: string | undefined): NumberKind {
  if (code === undefined) return BUILT_IN.get(id) ?? 'number';
  // Only the first section (positive numbers) decides.
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[(?:h+|m+|s+)\]/giu, 'h')
    .replace(/\[[^\]]*\]/gu, '')
    .split(';')[0]!;
  if (/[yd]/iu.test(bare) || /m/iu.test(bare.replace(/[hs][^a-z]*m+|m+[^a-z]*s/giu, ''))) return /[hs]/iu.test(bare) ? 'datetime' : 'date';
  if (/[hs]/iu.test(bare)) return 'time';
  if (bare.includes('%')) return 'percent';
  return 'number';
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system is 1899-12-31; Excel counts a 1900-02-29 that never was (serial 60), so from serial 61 on day 0 is 1899-12-30. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A serial day number as the wall-clock date and time it stands for (UTC fields of a Date carry them); null when out of range. */
function serialToClock(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  // Rounded to the second, as Excel shows times.
  let seconds = Math.round((serial - days) * 86_400);
  let whole = days;
  if (seconds === 86_400) {
    whole += 1;
    seconds = 0;
  }
  const epoch = date1904 ? EPOCH_1904 : whole < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  // Serial 60 in the 1900 system (1900-02-29) has no date: shown as Excel shows it, it would not read.
  if (!date1904 && whole === 60) return null;
  return new Date(epoch + whole * DAY_MS + seconds * 1000);
}

/** The shortest decimal of a number, without an exponent where one can be avoided. */
function decimal(n: number): string {
  const text = String(n);
  if (!text.includes('e')) return text;
  return Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/u, '') : BigInt(Math.round(n)).toString();
}

/** The text of numeric cell value `raw` shown in a format of `kind`; `raw` itself when it is no number or no date. */
export function numberText(raw: string, kind: NumberKind, date1904: boolean): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw;
  if (kind === 'number') return decimal(n);
  if (kind === 'percent') return `${decimal(Number((n * 100).toPrecision(12)))}%`;
  const clock = serialToClock(n, date1904);
  if (clock === null) return decimal(n);
  const date = `${pad(clock.getUTCFullYear(), 4)}-${pad(clock.getUTCMonth() + 1)}-${pad(clock.getUTCDate())}`;
  const time = `${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}:${pad(clock.getUTCSeconds())}`;
  if (kind === 'date') return date;
  if (kind === 'time' && n < 1) return time;
  return `${date} ${time}`;
}
