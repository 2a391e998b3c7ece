/**
 * Close-date pushes (input.md, field_history.csv): a change of the expected
 * close whose new date is later than the old one. A change from or to an
 * empty value is not a push.
 */
import type { FieldChange } from '../dataset.ts';
import type { LocalDate } from '../time.ts';
import { DealLists } from './deal-lists.ts';
import type { FieldReplay } from './snapshot.ts';
import { replayColumns } from './replay-columns.ts';

/** Whether a change of the expected close from `oldValue` to `newValue` is a push. */
export function isPush(oldValue: FieldChange['oldValue'], newValue: FieldChange['newValue']): boolean {
  return typeof oldValue === 'string' && typeof newValue === 'string' && newValue > oldValue;
}

/** Times of each deal's pushes, ascending. `deals`: how many deals there are. */
export function pushTimes(replay: FieldReplay, deals: number): ReadonlyMap<number, number[]> {
  const out = new DealLists<number[]>(deals);
  const c = replayColumns(replay.expectedClose);
  for (let k = 0; k < c.deals.length; k++) {
    // An array only for a deal that has a push (at a million deals, two per deal were most of this).
    let times: number[] | undefined;
    for (let j = c.start[k]!; j < c.start[k + 1]!; j++) if (isPush(c.oldValue[j]!, c.newValue[j]!)) (times ??= []).push(c.changedAt[j]!);
    if (times) out.set(c.deals[k]!, times);
  }
  return out;
}

/** How many of `times` (ascending) are before `T`. */
export function countBefore(times: readonly number[] | undefined, T: number): number {
  if (!times) return 0;
  let n = 0;
  while (n < times.length && times[n]! < T) n++;
  return n;
}

/**
 * The expected close deal `d`'s first push before `T` moved from: the date it was expected to close before its
 * close date first slipped (a review's "was due ..."), or null when it was not pushed before `T`.
 */
export function firstPushedFrom(replay: FieldReplay, d: number, T: number): LocalDate | null {
  const c = replayColumns(replay.expectedClose);
  const k = d < c.slotOf.length ? c.slotOf[d]! : -1;
  if (k < 0) return null;
  // A deal's changes are in time order.
  for (let j = c.start[k]!; j < c.start[k + 1]! && c.changedAt[j]! < T; j++) {
    const from = c.oldValue[j]!;
    if (typeof from === 'string' && isPush(from, c.newValue[j]!)) return from;
  }
  return null;
}
