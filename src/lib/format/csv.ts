/**
 * CSV for the dashboard's "Download CSV" buttons.
 *
 * - RFC 4180: fields holding a comma, a double quote, CR or LF are quoted,
 *   quotes doubled; every record (the last one too) ends with CRLF.
 * - A UTF-8 byte order mark comes first, so Excel (Korean Windows Excel
 *   especially, which otherwise assumes CP949) opens Hangul correctly.
 * - Formula injection (OWASP "CSV injection"): a text cell starting with
 *   `=`, `+`, `-`, `@`, tab or CR (or their fullwidth forms `＝＋－＠`, which
 *   Excel under an East Asian IME also treats as formula starts) is prefixed
 *   with `'` so a spreadsheet shows it as text instead of evaluating it.
 *   Numbers passed as numbers are written as plain numbers (`-1500` stays a
 *   number); the text '-1500' is neutralised like any other text.
 * - The same after a `;` or tab inside a text cell (`Lee;=HYPERLINK(…)` is
 *   written `"Lee;'=HYPERLINK(…)"`): Excel in a locale whose list separator
 *   is `;` (German, French, Dutch …) splits a comma file's lines there, and a
 *   tab-delimited import at tabs, so what follows would start a cell of its
 *   own. Such cells are quoted too.
 * - null and non-finite numbers are empty cells. Numbers are written in full
 *   (`String(n)`), unrounded and unformatted, for further analysis.
 */

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
/** A formula start right after a `;` or tab: a cell of its own where a spreadsheet splits there. */
const FORMULA_AFTER_SEPARATOR = /([;\t])(?=[=+\-@\r＝＋－＠])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV field: neutralised against formulas when text, then quoted if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = Object.is(value, -0) ? '0' : String(value);
  } else {
    text = (FORMULA_START.test(value) ? `'${value}` : value).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file as a string: BOM, header record, data records, CRLF after each. */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  let out = CSV_BOM + headers.map(csvCell).join(',') + CRLF;
  for (const row of rows) out += row.map(csvCell).join(',') + CRLF;
  return out;
}
