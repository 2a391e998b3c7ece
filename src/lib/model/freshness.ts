/**
 * How recent the data is: the newest change it records before the cut-off.
 * A daily build of an export that stopped being refreshed shows the same
 * figures "as of today" every day; the newest change tells the reader (and
 * the build's --max-data-age gate) how old the export really is.
 */
import type { Dataset } from '../dataset.ts';
import { type LocalDate, localDateOf } from '../time.ts';

/**
 * The latest instant before `T` at which the data records a change: a deal created, closed or removed, a
 * stage entered, a tracked field changed. Expected close and install dates are plans, not changes. Null
 * when nothing happened before `T`.
 */
export function newestChange(dataset: Pick<Dataset, 'deals' | 'stageHistory' | 'fieldHistory'>, T: number): number | null {
  let newest = -Infinity;
  const seen = (t: number | null) => {
    if (t !== null && t < T && t > newest) newest = t;
  };
  for (const deal of dataset.deals) {
    seen(deal.createdAt);
    seen(deal.closedAt);
    seen(deal.removedAt);
  }
  const { enteredAt, length } = dataset.stageHistory;
  for (let i = 0; i < length; i++) seen(enteredAt[i]!);
  for (const change of dataset.fieldHistory ?? []) seen(change.changedAt);
  return newest === -Infinity ? null : newest;
}

/** `newestChange` as a local calendar date in `timeZone`. */
export function newestChangeDate(dataset: Pick<Dataset, 'deals' | 'stageHistory' | 'fieldHistory'>, T: number, timeZone: string): LocalDate | null {
  const t = newestChange(dataset, T);
  return t === null ? null : localDateOf(t, timeZone);
}
