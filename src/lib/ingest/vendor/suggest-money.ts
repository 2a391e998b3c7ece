/**
 * `npm run init`: guesses of the config's money formats from the amounts of
 * an export (decimal mark, currency), with their reasons as the other
 * format guesses give them (suggest-formats.ts).
 */
import { signFits } from '../currency-check.ts';
import { type Guess, plural, quoted } from './suggest-formats.ts';

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
