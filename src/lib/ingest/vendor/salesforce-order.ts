/**
 * Putting an opportunity's history rows back in order. A Salesforce
 * Opportunity History report gives each row a date (often without a time)
 * and lists rows in whatever order the report sorts them, so the moves of
 * one day tie. Each row says where it came from and where it went (From
 * Stage -> To Stage; a creation row comes from nothing, a row that only
 * changed the amount goes from a stage to itself), and a move starts where
 * the previous one ended: the order of a day's rows is a path through those
 * moves that starts at the stage the deal had when the day began, using
 * every row once (an Eulerian trail, found with Hierholzer's algorithm).
 */

/**
 * Indices of the moves `from[i] -> to[i]` in an order in which each move
 * starts where the previous ended, the first at `start`; null when no such
 * order exists. Among several valid orders, moves listed earlier are tried first.
 */
export function chainOrder(from: readonly string[], to: readonly string[], start: string): number[] | null {
  const n = from.length;
  const outgoing = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const list = outgoing.get(from[i]!);
    if (list) list.push(i);
    else outgoing.set(from[i]!, [i]);
  }
  const used = new Map<string, number>();
  const stages = [start];
  const moves: number[] = [];
  const trail: number[] = [];
  while (stages.length > 0) {
    const at = stages[stages.length - 1]!;
    const list = outgoing.get(at);
    const next = used.get(at) ?? 0;
    if (list !== undefined && next < list.length) {
      used.set(at, next + 1);
      const move = list[next]!;
      stages.push(to[move]!);
      moves.push(move);
    } else {
      stages.pop();
      if (moves.length > 0) trail.push(moves.pop()!);
    }
  }
  if (trail.length !== n) return null;
  trail.reverse();
  let current = start;
  for (const move of trail) {
    if (from[move] !== current) return null;
    current = to[move]!;
  }
  return trail;
}

/** Where a chain of moves must start: the stage with one more move out than in, else the first move's origin. */
function naturalStart(from: readonly string[], to: readonly string[]): string {
  const balance = new Map<string, number>();
  for (let i = 0; i < from.length; i++) {
    balance.set(from[i]!, (balance.get(from[i]!) ?? 0) + 1);
    balance.set(to[i]!, (balance.get(to[i]!) ?? 0) - 1);
  }
  for (const f of from) if (balance.get(f) === 1) return f;
  return from[0]!;
}

/**
 * The order of one group of tied moves, given the stage before them: a chain
 * from that stage if there is one; else a chain from wherever the moves
 * themselves must start (an earlier row is missing from the report, but the
 * day's order is still certain); else null (the rows do not link up).
 */
export function tiedOrder(from: readonly string[], to: readonly string[], before: string): number[] | null {
  if (from.length === 1) return [0];
  return chainOrder(from, to, before) ?? chainOrder(from, to, naturalStart(from, to));
}

/**
 * Two tied moves A (listed first) and B: what `tiedOrder` gives when one of
 * their orders chains from `before` (A then B when both do), else null.
 */
export function pairOrder(fromA: string, toA: string, fromB: string, toB: string, before: string): 'as listed' | 'swapped' | null {
  if (fromA === before && fromB === toA) return 'as listed';
  if (fromB === before && fromA === toB) return 'swapped';
  return null;
}
