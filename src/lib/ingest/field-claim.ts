/**
 * Who reads a file that either thread can read when stage history is read on a worker thread
 * (history-thread.ts): the first of the two threads free, by a compare-and-swap on one of the
 * job's flags: field_history.csv on the third, accounts.csv and targets.csv together on the
 * fourth. A module of its own so the worker can import it before it has loaded anything else.
 */
export const UNCLAIMED = 0;
export const CLAIMED_HERE = 1;
export const CLAIMED_THERE = 2;

/** The job's flag each claimable reading is decided by. */
export const FIELD_HISTORY_FLAG = 2;
export const OTHER_FILES_FLAG = 3;

/** Claims the reading of `flag` for the calling thread (`who`); true when it is, or already was, the caller's. */
export function claimReading(flags: Int32Array, flag: typeof FIELD_HISTORY_FLAG | typeof OTHER_FILES_FLAG, who: typeof CLAIMED_HERE | typeof CLAIMED_THERE): boolean {
  const before = Atomics.compareExchange(flags, flag, UNCLAIMED, who);
  return before === UNCLAIMED || before === who;
}
