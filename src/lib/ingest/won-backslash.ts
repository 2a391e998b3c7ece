/**
 * The `won_backslash` warning: amounts written with a backslash before the number (`\35,000,000`) that were read
 * as won (currency-check.ts `BACKSLASH`: Korean Windows shows the byte 0x5C as ₩, and Korean Excel's currency
 * format writes the won sign as that byte in a CP949 CSV). Said once per file and column, with the first such cell
 * and how many there were, never row by row: a Korean Excel export has one in nearly every row.
 */
import type { IssueLog } from './issues.ts';
import { quoteValue } from './values.ts';

/** Whether an amount cell read in won begins with the backslash. */
export const startsWithBackslash = (text: string): boolean => {
  // Every amount of a file passes here: the first character first, trimming only a cell that may begin with a space
  // (ASCII or not: trimStart's spaces include U+00A0 and U+3000).
  const first = text.charCodeAt(0);
  return first === 0x5c || ((first <= 0x20 || first >= 0x80) && text.trimStart().charCodeAt(0) === 0x5c);
};

/** The message (its column first, as vendor/assemble.ts relabels it). */
export function wonBackslashMessage(column: string, text: string, count: number): string {
  const one = count === 1;
  const cell = text.trim();
  const won = `₩${cell.slice(1).trimStart()}`;
  return `${column} has ${count} ${one ? 'amount' : 'amounts'} written with a backslash before the number, ${one ? '' : 'such as '}${quoteValue(cell)}, read as won (${won}): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and ${one ? 'it is' : 'they are'} in KRW`;
}

/** The cells of one file read so, by column in the order first seen. */
export class WonBackslashes {
  private readonly columns = new Map<string, { line: number; text: string; count: number }>();

  /** An amount cell that was read in won: counted when it begins with the backslash. */
  see(text: string, line: number, column: string): void {
    if (!startsWithBackslash(text)) return;
    const seen = this.columns.get(column);
    if (seen === undefined) this.columns.set(column, { line, text, count: 1 });
    else seen.count++;
  }

  /** One warning per column, on the line of its first such cell. */
  say(issues: IssueLog, file: string): void {
    for (const [column, { line, text, count }] of this.columns) issues.warning(file, line, column, 'won_backslash', wonBackslashMessage(column, text, count));
  }
}
