/**
 * A totals row: people sum a column at the end of an export in a
 * spreadsheet ("Total" or 합계 with the sum of the amounts) and save the file
 * back. Such a row names no deal. It is rejected with one message saying
 * what it is, not three saying that its account, owner and dates are empty.
 */
import { quoteValue } from './values.ts';

/** A cell that is the whole word a spreadsheet's totals row starts with (Salesforce's with its count: "Grand Totals (37 records)"). */
const TOTAL_WORD = /^(?:(?:grand|sub)\s*)?totals?(?:\s*\(\s*[\d,.\u00a0\u202f ]+\s+records?\s*\))?:?$|^sum:?$|^(?:합계|총계|소계|총합|合計|合计|总计):?$/iu;

/** Whether `cell` is the whole word a totals row starts with: shared by deals.csv and the CRM exports (vendor/totals-rows.ts). */
export function isTotalsWord(cell: string): boolean {
  return TOTAL_WORD.test(cell.trim());
}

/** Other cells named in the message, at most. */
const SHOWN = 3;

/**
 * The message for a row refused by validation whose first value is a totals word and that leaves a
 * required cell empty (a deal named "Total" with every required cell is a deal), or null. `cells`:
 * the row's cells in the order of `names`; `required`: the positions of the required columns.
 */
export function totalsRowMessage(cells: readonly string[], names: readonly string[], required: readonly number[], file: string): { column: string; message: string } | null {
  const first = cells.findIndex((cell) => cell.trim() !== '');
  if (first < 0 || !isTotalsWord(cells[first]!)) return null;
  if (!required.some((i) => (cells[i] ?? '').trim() === '')) return null;
  const others: string[] = [];
  for (let i = first + 1; i < cells.length; i++) if (cells[i]!.trim() !== '') others.push(`${names[i] ?? `column ${i + 1}`} ${quoteValue(cells[i]!)}`);
  const shown = others.length > SHOWN ? [...others.slice(0, SHOWN), `${others.length - SHOWN} more`] : others;
  const rest = shown.length === 0 ? '' : `, ${shown.join(', ')}`;
  return {
    column: names[first] ?? '',
    message: `a totals row (${quoteValue(cells[first]!)} in ${names[first]}${rest}), not a deal: rejected; leave totals out of ${file} (a sum added in a spreadsheet is not a row)`,
  };
}
