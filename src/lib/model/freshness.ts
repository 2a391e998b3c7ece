/**
 * How recent the data is: the newest change it records before the cut-off.
 * A daily build of an export that stopped being refreshed shows the same
 * figures "as of today" every day; the newest change tells the reader (and
 * the build's --max-data-age gate) how old the export really is.
 */
import type { Dataset } from '../dataset.ts';
import { dealTable } from '../dataset-deal-table.ts';
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
  // NaN (no date) is never later.
  const { createdAt, closedAt, removedAt } = dealTable(dataset);
  for (let d = 0; d < createdAt.length; d++) {
    seen(createdAt[d]!);
    seen(closedAt[d]!);
    seen(removedAt[d]!);
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

/**
 * The local date of the first thing the data records: the earliest deal created or stage entered. Before
 * it the data knows of no deal, so a replay there shows an empty pipeline that only means "no data yet"
 * (views/trends.ts starts the trend at it). Null for data without either.
 */
export function oldestRecordDate(dataset: Pick<Dataset, 'deals' | 'stageHistory'>, timeZone: string): LocalDate | null {
  let oldest = Infinity;
  const { createdAt } = dealTable(dataset);
  for (let d = 0; d < createdAt.length; d++) if (createdAt[d]! < oldest) oldest = createdAt[d]!;
  const { enteredAt, length } = dataset.stageHistory;
  for (let i = 0; i < length; i++) if (enteredAt[i]! < oldest) oldest = enteredAt[i]!;
  return oldest === Infinity ? null : localDateOf(oldest, timeZone);
}

/** What the pages say about the export's age (site data `inputs.oldest_record` and `inputs.newest_change`). */
export interface ExportDates {
  oldestRecord: LocalDate | null;
  newestChange: LocalDate | null;
}

/** The export's dates as `dataset` records them, before the cut-off `T` of as_of. */
export function exportDatesOf(dataset: Pick<Dataset, 'deals' | 'stageHistory' | 'fieldHistory'>, T: number, timeZone: string): ExportDates {
  return { oldestRecord: oldestRecordDate(dataset, timeZone), newestChange: newestChangeDate(dataset, T, timeZone) };
}
