/**
 * `npm run init`: guesses of the config's value formats from the cells of an
 * export (date order, time zone, locale; decimal mark and currency in
 * suggest-money.ts). Each guess comes with the reasons the user reads before
 * trusting it.
 */
import type { DateOrder } from '../dates.ts';
import { HANGUL } from './stage-guess.ts';

export interface Guess<T> {
  value: T;
  /** Why, one line each (printed as `# ...` comments). */
  notes: string[];
}

export const quoted = (s: string) => JSON.stringify(s);
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Day-first or month-first dates: `31/05/2025`, `5.31.25`, `05-31-2025 14:00` (year not first).
const PART_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?:$|[ T])/u;

/** date_order from slash, dot and dash dates whose year is last: a first part above 12 is a day, a second part above 12 too. */
export function guessDateOrder(cells: Iterable<string>): Guess<DateOrder> & { reading?: DateOrder } {
  let partDates = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let dayExample = '';
  let monthExample = '';
  let example = '';
  for (const cell of cells) {
    const c0 = cell.charCodeAt(0);
    if (c0 < 48 || c0 > 57 || cell.length > 40) continue;
    const m = PART_DATE.exec(cell);
    if (!m) continue;
    partDates++;
    example ||= cell;
    const first = Number(m[1]);
    const second = Number(m[3]);
    if (first > 12 && second <= 12) {
      dayFirst++;
      dayExample ||= cell;
    } else if (second > 12 && first <= 12) {
      monthFirst++;
      monthExample ||= cell;
    }
  }
  if (partDates === 0) return { value: 'YMD', notes: ['date_order "YMD": no dates with the year last (such as 06/30/2025) in the exports'] };
  if (dayFirst > 0 && monthFirst > 0) {
    const value = dayFirst >= monthFirst ? 'DMY' : 'MDY';
    return {
      value,
      notes: [
        `date_order ${quoted(value)} is a guess: the dates disagree (${plural(dayFirst, 'date')} such as ${quoted(dayExample)} are day-first, ` +
          `${plural(monthFirst, 'date')} such as ${quoted(monthExample)} month-first); the other ones will be rejected: check the export`,
      ],
    };
  }
  if (dayFirst > 0) return { value: 'DMY', notes: [`date_order "DMY": dates such as ${quoted(dayExample)} have a first part above 12, so it is the day`] };
  if (monthFirst > 0) return { value: 'MDY', notes: [`date_order "MDY": dates such as ${quoted(monthExample)} have a second part above 12, so it is the day`] };
  return {
    value: 'YMD',
    // To read the exports' stage names and moves meanwhile, the dates must read somehow: month first, as US exports write them.
    reading: 'MDY',
    notes: [
      `WARNING: date_order left at "YMD" (the default): ${plural(partDates, 'date')} such as ${quoted(example)} put the year last, but no part is above 12, ` +
        'so day-first and month-first read alike. Set "date_order" to "MDY" or "DMY" as your CRM writes dates, or those dates are rejected',
    ],
  };
}

// An ISO datetime with a UTC offset: `2025-06-30T14:03:00+09:00`, `2025-06-30 14:03 -0500`, `...Z`.
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/iu;

/** Offsets (sorted, comma-joined) to the zone they most likely are; DST zones show two offsets. A guess either way. */
const ZONES = new Map<string, string>([
  ['+09:00', 'Asia/Seoul'],
  ['+08:00', 'Asia/Singapore'],
  ['+07:00', 'Asia/Bangkok'],
  ['+05:30', 'Asia/Kolkata'],
  ['+04:00', 'Asia/Dubai'],
  ['+10:00', 'Australia/Brisbane'],
  ['+10:00,+11:00', 'Australia/Sydney'],
  ['+00:00,+01:00', 'Europe/London'],
  ['+01:00,+02:00', 'Europe/Berlin'],
  ['+02:00,+03:00', 'Europe/Helsinki'],
  ['-03:00', 'America/Sao_Paulo'],
  ['-04:00,-05:00', 'America/New_York'],
  ['-05:00,-06:00', 'America/Chicago'],
  ['-06:00,-07:00', 'America/Denver'],
  ['-07:00,-08:00', 'America/Los_Angeles'],
]);

function normalizeOffset(text: string): string {
  if (text.toUpperCase() === 'Z') return '+00:00';
  const digits = text.slice(1).replace(':', '');
  return `${text[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
}

/** A date and time with the Korean locale's half-day mark before the time. */
const KOREAN_CLOCK = /\d\.?\s+(?:오전|오후)\s*\d{1,2}:\d{2}/u;

/**
 * timezone from the UTC offsets of timestamps: an IANA zone for the offsets
 * seen (a guess: several zones share an offset), else `Etc/GMT±N`, else UTC.
 * `currency` only breaks the +09:00 tie (Seoul or Tokyo). Without offsets,
 * times written the Korean way suggest Asia/Seoul.
 */
/**
 * The time zone from the UTC offsets of timestamps. Without any offset: Asia/Seoul when times are
 * written the Korean way or `korean` (most stage or deal names are in Korean: Korea has one zone),
 * else UTC; always a guess the notes say how to correct.
 */
export function guessTimezone(cells: Iterable<string>, currency: string, korean = false): Guess<string> {
  const offsets = new Map<string, number>();
  let koreanClock = '';
  for (const cell of cells) {
    if (koreanClock === '' && cell.length < 40 && KOREAN_CLOCK.test(cell)) koreanClock = cell;
    if (cell.length < 16 || cell.length > 40) continue;
    const m = OFFSET_TIME.exec(cell);
    if (m) offsets.set(normalizeOffset(m[1]!), (offsets.get(normalizeOffset(m[1]!)) ?? 0) + 1);
  }
  if (offsets.size === 0) {
    // Times written the Korean way (`2025. 6. 30. 오후 2:03`: a Salesforce user with the Korean locale) without offsets: Korea has one zone.
    if (koreanClock) {
      return { value: 'Asia/Seoul', notes: [`timezone "Asia/Seoul" is a guess: times are written with 오전/오후 (such as ${quoted(koreanClock)}) and carry no UTC offset; correct it if your CRM's time zone differs`] };
    }
    if (korean) {
      return { value: 'Asia/Seoul', notes: [`timezone "Asia/Seoul" is a guess: no timestamp carries a UTC offset and most stage or deal names are in Korean; correct it if your CRM's time zone differs (dates and times without offset are read in it, and days start at its midnight)`] };
    }
    return {
      value: 'UTC',
      notes: ['timezone "UTC" (the default): no timestamp carries a UTC offset. Set your CRM\'s time zone (dates and times without offset are read in it, and days start at its midnight)'],
    };
  }
  const seen = [...offsets.keys()].sort();
  const list = seen.map((o) => `${o} (${offsets.get(o)})`).join(', ');
  if (seen.length === 1 && seen[0] === '+00:00') {
    return { value: 'UTC', notes: ['timezone "UTC": timestamps are written in UTC, which says nothing of where you sell: set your own zone so days start at your midnight'] };
  }
  const key = seen.join(',');
  let zone = ZONES.get(key);
  if (key === '+09:00' && currency === 'JPY') zone = 'Asia/Tokyo';
  if (zone) {
    return { value: zone, notes: [`timezone ${quoted(zone)} is a guess from the UTC offsets ${list}: other zones share them; correct it if yours differs`] };
  }
  const top = [...offsets].sort((a, b) => b[1] - a[1])[0]![0];
  const [hours, minutes] = [Number(top.slice(1, 3)), Number(top.slice(4, 6))];
  if (minutes !== 0) {
    return { value: 'UTC', notes: [`WARNING: timezone left at "UTC": timestamps carry the offsets ${list}, which match no zone this guess knows; set yours`] };
  }
  // Etc/GMT zones count the other way round: UTC+9 is Etc/GMT-9.
  const etc = hours === 0 ? 'UTC' : `Etc/GMT${top[0] === '+' ? '-' : '+'}${hours}`;
  const more = seen.length > 1 ? ` (the most frequent of ${list})` : '';
  return {
    value: etc,
    notes: [`timezone ${quoted(etc)}: timestamps carry the offset ${top}${more}; a fixed offset without daylight saving: replace it with your IANA zone (e.g. "Europe/Paris")`],
  };
}

/** locale "ko" when most stage names or most deal names are written in Hangul, else "en". */
export function guessLocale(stageNames: readonly string[], dealNames: readonly string[]): Guess<string> {
  const share = (names: readonly string[]) => {
    const filled = names.filter((n) => n !== '');
    return filled.length === 0 ? 0 : filled.filter((n) => HANGUL.test(n)).length / filled.length;
  };
  const stages = share(stageNames);
  const deals = share(dealNames);
  if (stages > 0.5 || deals > 0.5) {
    const why = stages > 0.5 ? 'most stage names' : 'most deal names';
    return { value: 'ko', notes: [`locale "ko": ${why} are in Korean (the dashboard opens in Korean)`] };
  }
  return { value: 'en', notes: ['locale "en": stage and deal names are not mostly Korean (the dashboard opens in English; "ko" for Korean)'] };
}
