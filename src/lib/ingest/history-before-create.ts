/**
 * metrics.md "Reconstructing each deal", rule 3: a deal is created at the earlier of its `created_at` and its
 * first stage_history row. When the row is the earlier, the deal's creation moves back (its cycle, its intake
 * month, the trends before `created_at`), which the figures would otherwise do silently: said once per deal,
 * on its deals.csv row, when the row is a minute or more the earlier. Imports are the usual cause: a CRM's
 * creation date is the import's, while the history brought along is older.
 */
import type { DealTable } from '../deal-table.ts';
import type { StageHistory } from '../dataset.ts';
import { localDateTimeOf } from '../time.ts';
import { DEALS_FILE } from './deals.ts';
import type { IssueLog } from './issues.ts';

const MINUTE_MS = 60_000;

/** `history.deal` holds indices into `deals` (after `resolveDeals`' remap). */
export function historyBeforeCreateWarnings(deals: DealTable, history: StageHistory, timeZone: string, issues: IssueLog): void {
  const first = new Float64Array(deals.length).fill(Infinity);
  const { deal, enteredAt } = history;
  for (let i = 0; i < history.length; i++) {
    const d = deal[i]!;
    if (enteredAt[i]! < first[d]!) first[d] = enteredAt[i]!;
  }
  for (let d = 0; d < deals.length; d++) {
    // A minute or more: a CRM may stamp a new deal's first stage a few seconds before its creation, which moves
    // nothing a page shows and would be said of every deal.
    if (!(first[d]! <= deals.createdAt[d]! - MINUTE_MS)) continue;
    issues.warning(
      DEALS_FILE,
      deals.line[d]!,
      'created_at',
      'history_before_create',
      `created_at is after the deal's first stage_history row (entered ${localDateTimeOf(first[d]!, timeZone)} in ${timeZone}): the deal counts as created then, the earlier of the two`,
    );
  }
}
