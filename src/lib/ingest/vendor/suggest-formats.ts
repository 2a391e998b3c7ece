/**
 * `npm run init`: guesses of the config's value formats from the cells of an
 * export (date order, decimal mark, currency, time zone, locale). Each guess
 * comes with the reasons the user reads before trusting it.
 */
import type { DateOrder } from '../dates.ts';
import { signFits } from '../currency-check.ts';
import { HANGUL } from './stage-guess.ts';

export interface Guess<T> {
  value: T;
  /** Why, one line each (printed as `# ...` comments). */
  notes: string[];
}

const quoted = (s: string) => JSON.stringify(s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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

/** Strip currency symbols, codes, signs and spaces around a number. */
function numberCore(cell: string): string {
  return cell.replace(/^[^\d]+|[^\d]+$/gu, '');
}

// Thousands may be spaced (`24 000,00` in French, with the no-break spaces Excel writes): values.ts reads that
// form with either mark, so the mark after the groups tells which one the export uses.
const COMMA_DECIMAL = [/^\d{1,3}(?:\.\d{3})+,\d+$/u, /^\d+,\d{1,2}$/u, /^\d{1,3}(?:\.\d{3}){2,}$/u, /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d+$/u];
// The Swiss apostrophe between thousands (`1'234.50`, `1’234.50`) is read with the decimal point only.
const DOT_DECIMAL = [/^\d{1,3}(?:,\d{3})+\.\d+$/u, /^\d+\.\d{1,2}$/u, /^\d{1,3}(?:,\d{3}){2,}$/u, /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+\.\d+$/u, /^\d{1,3}(?:['\u2019]\d{3})+\.\d+$/u];

/** One separator and three digits after it (`12.000`, `12,000`): a decimal mark or a thousands separator, which the cell alone cannot tell. */
const DOT_THREE = /^[1-9]\d{0,2}\.\d{3}$/u;
const COMMA_THREE = /^[1-9]\d{0,2},\d{3}$/u;

/**
 * decimal: `,` when amounts written like `1.234,56` or `12,5` outnumber those like `1,234.56` or `12.5`; and, when no
 * amount settles it, when some are written like `12.000` and none like `12,000`: money with three decimals is rare,
 * a dot between thousands is how European exports write amounts, and `12.000` read the other way is a thousand times
 * too small. Said with a WARNING either way.
 */
export function guessDecimal(amounts: Iterable<string>): Guess<'.' | ','> {
  let comma = 0;
  let dot = 0;
  let dotThree = 0;
  let commaThree = 0;
  let commaExample = '';
  let dotExample = '';
  let dotThreeExample = '';
  for (const cell of amounts) {
    const core = numberCore(cell);
    if (COMMA_DECIMAL.some((re) => re.test(core))) {
      comma++;
      commaExample ||= cell;
    } else if (DOT_DECIMAL.some((re) => re.test(core))) {
      dot++;
      dotExample ||= cell;
    } else if (DOT_THREE.test(core)) {
      dotThree++;
      dotThreeExample ||= cell;
    } else if (COMMA_THREE.test(core)) commaThree++;
  }
  if (comma === 0 && dot === 0 && dotThree > 0 && commaThree === 0) {
    return {
      value: ',',
      notes: [
        `WARNING: decimal ",": ${plural(dotThree, 'amount')} such as ${quoted(dotThreeExample)} ${dotThree === 1 ? 'has' : 'have'} one dot and three digits after it, and no amount shows which mark is ` +
          `the decimal one: the dot is read as a thousands separator, as European exports write amounts (${quoted(dotThreeExample)} as ${dotThreeExample.replace(/^\D*(\d+)\.(\d{3})\D*$/u, '$1$2')}). ` +
          'If they are amounts with three decimals, set "decimal" to "."',
      ],
    };
  }
  if (comma > dot) {
    const also = dot > 0 ? `; ${plural(dot, 'amount')} such as ${quoted(dotExample)} read the other way: check them` : '';
    return { value: ',', notes: [`decimal ",": ${plural(comma, 'amount')} such as ${quoted(commaExample)} ${comma === 1 ? 'is' : 'are'} written with a decimal comma or dots between thousands${also}`] };
  }
  if (dot > 0) return { value: '.', notes: [`decimal ".": ${plural(dot, 'amount')} such as ${quoted(dotExample)} ${dot === 1 ? 'is' : 'are'} written with a decimal point or commas between thousands`] };
  return { value: '.', notes: ['decimal "." (the default): no amount shows its decimal mark'] };
}

/** Currency symbols to ISO codes; the longer forms are tried first. `$` and `¥` name several currencies: the guess says so. */
const SYMBOLS: [symbol: string, code: string][] = [
  ['US$', 'USD'],
  ['R$', 'BRL'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['₩', 'KRW'],
  ['￦', 'KRW'],
  ['원', 'KRW'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['円', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['₪', 'ILS'],
];
const CODE_IN_AMOUNT = /^([A-Z]{3})(?![A-Za-z])|(?<![A-Za-z])([A-Z]{3})$/u;

export interface MoneyCells {
  /** The row's currency column ('' when absent or empty). */
  currency: string;
  amount: string;
}

interface Seen {
  rows: number;
  /** Rows naming it by code (a currency column or an ISO code in the amount), not only by symbol. */
  byCode: number;
  symbol: string;
}

/**
 * currency: the code most rows carry (currency column, else an ISO code in
 * the amount, else a symbol such as ₩ or €). Other codes need `fx` rates the
 * export cannot give: never invented, only asked for.
 */
export function guessCurrency(rows: Iterable<MoneyCells>, fallback: string): Guess<string> & { others: string[] } {
  const seen = new Map<string, Seen>();
  for (const row of rows) {
    let code = /^[A-Za-z]{3}$/u.test(row.currency) ? row.currency.toUpperCase() : '';
    let symbol = '';
    const amount = row.amount.trim();
    if (code === '' && amount !== '') {
      const m = CODE_IN_AMOUNT.exec(amount);
      if (m) code = (m[1] ?? m[2])!;
      else {
        const found = SYMBOLS.find(([s]) => amount.startsWith(s) || amount.endsWith(s));
        if (found) [symbol, code] = found;
      }
    }
    if (code === '') continue;
    let s = seen.get(code);
    if (!s) seen.set(code, (s = { rows: 0, byCode: 0, symbol: '' }));
    s.rows++;
    if (symbol === '') s.byCode++;
    else s.symbol ||= symbol;
  }
  if (seen.size === 0) {
    return {
      value: fallback,
      others: [],
      notes: [`currency ${quoted(fallback)} (the default): the exports name no currency (no currency column, code or symbol in the amounts); set yours`],
    };
  }
  const ranked = [...seen].sort((a, b) => b[1].rows - a[1].rows);
  const [value, top] = ranked[0]!;
  const how = top.byCode > 0 ? (top.rows === 1 ? 'carries its code' : 'carry its code') : `${top.rows === 1 ? 'shows' : 'show'} the symbol ${quoted(top.symbol)}${top.symbol === '$' || top.symbol === '¥' || top.symbol === '￥' ? ', which several currencies use: check it' : ''}`;
  const notes = [`currency ${quoted(value)}: ${plural(top.rows, 'deal row')} ${how}`];
  // Only codes make a row "another currency" to the engine; a symbol alone is checked against the config currency (currency-check.ts).
  const others = ranked.slice(1).filter(([, s]) => s.byCode > 0);
  const symbolOnly = ranked.slice(1).filter(([, s]) => s.byCode === 0 && signFits(s.symbol, value));
  const symbolClash = ranked.slice(1).filter(([, s]) => s.byCode === 0 && !signFits(s.symbol, value));
  if (others.length > 0) {
    const list = others.map(([code, s]) => `${code} (${plural(s.rows, 'row')})`).join(', ');
    const fill = others.map(([code]) => `"${code}": <rate of 1 ${code} in ${value}>`).join(', ');
    notes.push(
      `other currencies: ${list}. "fx" is left out because a placeholder rate would be invalid and a made-up one wrong: ` +
        `add "fx": { ${fill} } with real rates, or those rows are rejected (missing_fx_rate)`,
    );
  }
  const list = (seen: typeof ranked) => seen.map(([code, s]) => `${quoted(s.symbol)} ${code}? (${plural(s.rows, 'row')})`).join(', ');
  if (symbolOnly.length > 0) notes.push(`some amounts show other currency symbols: ${list(symbolOnly)}; without a currency column they are read as ${value}: check them`);
  if (symbolClash.length > 0) {
    notes.push(`some amounts show symbols of other currencies than ${value}: ${list(symbolClash)}; without a currency column those rows are rejected (currency_mismatch): export the currency column with the deals`);
  }
  return { value, notes, others: others.map(([code]) => code) };
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
