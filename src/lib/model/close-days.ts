/**
 * Each deal's close date as the report sees it at a cut-off `T`, as a day
 * number (days since 1970-01-01; NaN: none):
 * - won or lost at T: the local date it closed (close(d), rule 5);
 * - open at T: its expected close at T (rule 8), NaN when it has none;
 * - not there at T (created later, or removed): NaN.
 * What the `closing` filter matches (filters/filter.ts) and what the filter
 * form lists. A CRM's "close date" reads the same way: the day a closed deal
 * closed, the expected one of an open deal; here both as of T, not as of the
 * export, so a report dated in the past keeps what it knew then.
 */
import { localDayOf } from '../time.ts';
import { LOST, OPEN, type Snapshot, WON } from './snapshot.ts';

const cache = new WeakMap<Snapshot, { timeZone: string; days: Float64Array }>();

export function closeDaysOf(snap: Snapshot, timeZone: string): Float64Array {
  const hit = cache.get(snap);
  if (hit !== undefined && hit.timeZone === timeZone) return hit.days;
  const n = snap.state.length;
  const days = new Float64Array(n).fill(NaN);
  for (let d = 0; d < n; d++) {
    const state = snap.state[d];
    if (state === WON || state === LOST) days[d] = localDayOf(snap.closedAt[d]!, timeZone);
    else if (state === OPEN) days[d] = snap.expectedCloseDay[d]!;
  }
  cache.set(snap, { timeZone, days });
  return days;
}
