/**
 * Who reads field_history.csv when stage history is read on a worker thread (history-thread.ts):
 * the first of the two threads free, by a compare-and-swap on the job's third flag. A module of its
 * own so the worker can import it before it has loaded anything else.
 */
export const UNCLAIMED = 0;
export const CLAIMED_HERE = 1;
export const CLAIMED_THERE = 2;

/** Claims the file for the calling thread (`who`); true when it is, or already was, the caller's. */
export function claimFieldHistory(flags: Int32Array, who: typeof CLAIMED_HERE | typeof CLAIMED_THERE): boolean {
  const before = Atomics.compareExchange(flags, 2, UNCLAIMED, who);
  return before === UNCLAIMED || before === who;
}
