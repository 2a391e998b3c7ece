/**
 * What changed between two dates: the deals behind each of the waterfall's
 * categories (new, won, lost, removed, reopened, advanced, moved back), and
 * the deals whose expected close moved later, whose amount went up or down,
 * that became stalled or are no longer stalled, and what became of the deals
 * stalled at the earlier date. Pure: two engine runs in, deal indices out.
 *
 * From = the compare date's cut-off P, to = the as-of's cut-off T. The
 * waterfall's categories follow metrics/waterfall.ts rule for rule, so with
 * `waterfall_days` = the days between the dates their counts and amounts are
 * the waterfall's (in a time zone without daylight saving, where
 * T - days × 24 h is P; across a clock change P differs by the hour).
 */
import { LOST, NONE, OPEN, type Snapshot, WON } from '../model/snapshot.ts';
import type { LocalDate } from '../time.ts';
import type { MetricsResult } from './index.ts';
import { stalled } from './stalled.ts';
import type { AmountRow } from './types.ts';

/** The kinds of change, in the order the page and the digest list them. */
export const CHANGE_KINDS = [
  'new',
  'won',
  'lost',
  'removed',
  'reopened',
  'advanced',
  'moved_back',
  'slipped',
  'amount_up',
  'amount_down',
  'newly_stalled',
  'unstalled',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kinds that are waterfall categories (the same deals, counts and amounts). */
export const WATERFALL_KINDS = ['new', 'won', 'lost', 'removed', 'reopened', 'advanced', 'moved_back'] as const satisfies readonly ChangeKind[];

export interface ChangeGroup {
  kind: ChangeKind;
  /** Deal indices, in deals.csv order. */
  deals: number[];
  /** Count and the deals' amounts at T (as the waterfall values every row). */
  total: AmountRow;
}

export interface Comparison {
  from: LocalDate;
  to: LocalDate;
  P: number;
  T: number;
  atP: Snapshot;
  atT: Snapshot;
  /** Open at P and open at T (counts and amounts at T): start + new + reopened − won − lost − removed = end. */
  start: AmountRow;
  end: AmountRow;
  groups: ChangeGroup[];
  /** The deals stalled at P, by what they are at T (the parts add up to `count`): did the review move them? */
  stalledAtStart: StalledOutcome;
}

export interface StalledOutcome {
  count: number;
  won: number;
  lost: number;
  removed: number;
  /** Open at T and not stalled: moved to another stage (or its stage's threshold rose). */
  unstalled: number;
  /** Open and stalled at T (in the same stage or, having moved, in another). */
  still: number;
}

/**
 * Compare the engine's runs at two dates of the same prepared data
 * (`from.context.asOf` < `to.context.asOf`).
 */
export function compareRuns(from: MetricsResult, to: MetricsResult): Comparison {
  const atP = from.context.at;
  const atT = to.context.at;
  const P = from.context.T;
  const T = to.context.T;
  if (!(P < T)) throw new RangeError(`compare: ${from.context.asOf} is not before ${to.context.asOf}`);
  const { created } = to.context.timelines;
  const stalledAtP = new Set(stalled(from.context, from.thresholds, from.flags).deals);
  const stalledAtT = new Set(stalled(to.context, to.thresholds, to.flags).deals);
  const lists = new Map<ChangeKind, number[]>(CHANGE_KINDS.map((k) => [k, []]));
  const put = (kind: ChangeKind, d: number) => lists.get(kind)!.push(d);
  const start = zero();
  const end = zero();
  const stalledAtStart: StalledOutcome = { count: stalledAtP.size, won: 0, lost: 0, removed: 0, unstalled: 0, still: 0 };
  for (const d of stalledAtP) {
    const state = atT.state[d];
    if (state === WON) stalledAtStart.won++;
    else if (state === LOST) stalledAtStart.lost++;
    else if (state === NONE) stalledAtStart.removed++;
    else if (stalledAtT.has(d)) stalledAtStart.still++;
    else stalledAtStart.unstalled++;
  }
  for (let d = 0; d < atT.state.length; d++) {
    const openAtP = atP.state[d] === OPEN;
    const isNew = P <= created[d]! && created[d]! < T;
    const stateAtT = atT.state[d];
    if (openAtP) add(start, atT, d);
    if (isNew) put('new', d);
    if (openAtP || isNew) {
      if (stateAtT === WON) put('won', d);
      else if (stateAtT === LOST) put('lost', d);
      else if (stateAtT === NONE) put('removed', d);
    }
    if (stateAtT !== OPEN) continue;
    add(end, atT, d);
    if (stalledAtT.has(d) && !stalledAtP.has(d)) put('newly_stalled', d);
    else if (stalledAtP.has(d) && !stalledAtT.has(d)) put('unstalled', d);
    if (!openAtP) {
      if (created[d]! < P) put('reopened', d);
      continue;
    }
    // Positions, not stages: moving into or out of a parked stage alone changes nothing.
    const before = atP.position[d]!;
    const after = atT.position[d]!;
    if (after > before) put('advanced', d);
    else if (after < before) put('moved_back', d);
    const closeP = atP.expectedClose[d];
    const closeT = atT.expectedClose[d];
    if (closeP && closeT && closeT > closeP) put('slipped', d);
    if (atT.amount[d]! > atP.amount[d]!) put('amount_up', d);
    else if (atT.amount[d]! < atP.amount[d]!) put('amount_down', d);
  }
  const groups = CHANGE_KINDS.map((kind): ChangeGroup => {
    const deals = lists.get(kind)!;
    const total = zero();
    for (const d of deals) add(total, atT, d);
    return { kind, deals, total };
  });
  return { from: from.context.asOf, to: to.context.asOf, P, T, atP, atT, start, end, groups, stalledAtStart };
}

const zero = (): AmountRow => ({ count: 0, amount: 0 });

function add(row: AmountRow, at: Snapshot, d: number): void {
  row.count++;
  row.amount += at.amount[d]!;
}
