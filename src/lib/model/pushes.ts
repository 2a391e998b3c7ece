/**
 * Close-date pushes (input.md, field_history.csv): a change of the expected
 * close whose new date is later than the old one. A change from or to an
 * empty value is not a push.
 */
import type { FieldChange } from '../dataset.ts';
import { DealLists } from './deal-lists.ts';
import type { FieldReplay } from './snapshot.ts';

export function isPush(c: FieldChange): boolean {
  return typeof c.oldValue === 'string' && typeof c.newValue === 'string' && c.newValue > c.oldValue;
}

/** Times of each deal's pushes, ascending. `deals`: how many deals there are. */
export function pushTimes(replay: FieldReplay, deals: number): ReadonlyMap<number, number[]> {
  const out = new DealLists<number[]>(deals);
  replay.expectedClose.forEach((changes, d) => {
    // An array only for a deal that has a push (at a million deals, two per deal were most of this).
    let times: number[] | undefined;
    for (const c of changes) if (isPush(c)) (times ??= []).push(c.changedAt);
    if (times) out.set(d, times);
  });
  return out;
}

/** How many of `times` (ascending) are before `T`. */
export function countBefore(times: readonly number[] | undefined, T: number): number {
  if (!times) return 0;
  let n = 0;
  while (n < times.length && times[n]! < T) n++;
  return n;
}
