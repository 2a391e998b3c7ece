/**
 * targets.csv's owners and teams that name no deal's owner or team as written but one written otherwise (`Kim` for
 * `kim`, `김 민준` for `김민준`, a name with a character that prints as nothing). Targets match deals' names exactly,
 * so such a target counts no deal: the Owners page shows its owner at 0% beside the real one without a target. Each
 * gets a `target_name_unmatched` warning naming the deals' spelling. A name no deal comes near (a new hire's first
 * target) is not a mistake and says nothing.
 */
import type { Target } from '../dataset.ts';
import type { DealTable } from '../deal-table.ts';
import { quoteValue } from './date-messages.ts';
import { nearKey, nearNames, usedNames } from './near-names.ts';
import type { IssueLog } from './issues.ts';
import { TARGETS_FILE } from './other-files.ts';

export function targetNameWarnings(targets: readonly Target[], deals: DealTable, issues: IssueLog): void {
  for (const key of ['owner', 'team'] as const) {
    const names = usedNames(deals[key]);
    const near = nearNames(names);
    for (const target of targets) {
      const name = target[key];
      if (name === '' || names.has(name)) continue;
      const deal = near.get(nearKey(name));
      if (deal === undefined) continue;
      issues.warning(
        TARGETS_FILE,
        target.line,
        key,
        'target_name_unmatched',
        `${key} ${quoteValue(name)} names no deal's ${key}; deals.csv writes it ${quoteValue(deal)}, so this target counts none of its deals: write it as deals.csv does`,
      );
    }
  }
}
