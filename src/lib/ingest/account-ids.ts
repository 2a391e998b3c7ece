/**
 * accounts.csv's ids that name no deal's account as written but one written otherwise (`a-0013` or `A0013` for
 * `A-0013`, `00123` for `123` after Excel, a character that prints as nothing). Accounts match deals' account_id
 * exactly, so such a row's facts (keyman, relationship, budget month) reach none of the account's deals, and the
 * Accounts page lists the account twice, once with the facts and no deal. Each gets an `account_id_unmatched`
 * warning naming the deals' spelling. An account no deal comes near (one without deals yet) says nothing.
 */
import type { Account } from '../dataset.ts';
import type { DealTable } from '../deal-table.ts';
import { quoteValue } from './date-messages.ts';
import type { IssueLog } from './issues.ts';
import { nearKey, nearNames, numberKey, numericIds, usedNames } from './near-names.ts';
import { ACCOUNTS_FILE } from './other-files.ts';

export function accountIdWarnings(accounts: readonly Account[], deals: DealTable, issues: IssueLog): void {
  const ids = usedNames(deals.accountId);
  let near: Map<string, string> | null = null;
  let numeric: Map<string, string> | null = null;
  for (const account of accounts) {
    const id = account.accountId;
    if (ids.has(id)) continue;
    // Made on the first unmatched id only: most accounts files match.
    near ??= nearNames(ids);
    numeric ??= numericIds(ids);
    const key = numberKey(id);
    const deal = near.get(nearKey(id)) ?? (key === null ? undefined : numeric.get(key));
    if (deal === undefined) continue;
    issues.warning(
      ACCOUNTS_FILE,
      account.line,
      'account_id',
      'account_id_unmatched',
      `account_id ${quoteValue(id)} names no deal's account; the deals write it ${quoteValue(deal)}, so this row's facts reach none of its deals and the account is listed twice: write it as the deals do`,
    );
  }
}
