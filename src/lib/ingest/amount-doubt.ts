/**
 * The `ambiguous_amount` warning: an amount cell that, read with the config's decimal mark, may be a thousand times
 * too small (`12.000` read as 12 that a European export means as twelve thousand). Said wherever an amount is read:
 * deals.csv's amount and cost, field_history.csv's amount changes, targets.csv's targets.
 */
import type { IssueLog } from './issues.ts';
import { type NumberOptions, thousandsDoubt } from './money.ts';

/** Warn of `text`, read from `column` of `file` at `line`, when it is such an amount. */
export function warnThousandsDoubt(issues: IssueLog, file: string, line: number, column: string, text: string, decimal: NumberOptions['decimal']): void {
  const doubt = thousandsDoubt(text, decimal);
  if (doubt !== null) issues.warning(file, line, column, 'ambiguous_amount', `${column} ${doubt}`);
}

/** The values of an accepted field_history.csv row that changes the amount. */
export function warnAmountChangeDoubts(issues: IssueLog, file: string, line: number, cells: Readonly<Record<string, string>>, decimal: NumberOptions['decimal']): void {
  for (const column of ['old_value', 'new_value'] as const) warnThousandsDoubt(issues, file, line, column, cells[column] ?? '', decimal);
}
