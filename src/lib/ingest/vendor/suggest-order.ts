/**
 * The order deals move through stages, for `npm run init`: a precedence
 * graph from the consecutive moves of each deal's stage path, ordered
 * topologically by the majority direction between each pair of stages.
 */

export interface MoveOrder {
  /** Every stage of `firstSeen`, in the suggested order. */
  order: string[];
  /** Consecutive moves between two different stages that were counted. */
  moves: number;
  /** Pairs of stages that deals moved between as often one way as the other (no precedence). */
  ties: [string, string][];
  /** Whether the majority directions formed a cycle (broken where most moves leave and fewest enter). */
  cyclic: boolean;
}

/**
 * `paths`: each deal's stages in time order (stages not in `firstSeen` are
 * skipped, so a move around a skipped stage counts as a move between its
 * neighbours). `firstSeen` breaks ties: among stages free to go next, the one
 * seen first comes first.
 */
export function orderByMoves(paths: readonly (readonly string[])[], firstSeen: readonly string[]): MoveOrder {
  const nodes = new Set(firstSeen);
  const count = new Map<string, Map<string, number>>();
  let moves = 0;
  for (const path of paths) {
    let previous: string | undefined;
    for (const stage of path) {
      if (!nodes.has(stage) || stage === previous) continue;
      if (previous !== undefined) {
        let row = count.get(previous);
        if (!row) count.set(previous, (row = new Map()));
        row.set(stage, (row.get(stage) ?? 0) + 1);
        moves++;
      }
      previous = stage;
    }
  }
  const moved = (a: string, b: string) => count.get(a)?.get(b) ?? 0;

  // edges.get(b).get(a) = the net majority of moves a -> b, when a -> b is the majority direction.
  const edges = new Map<string, Map<string, number>>(firstSeen.map((s) => [s, new Map()]));
  const ties: [string, string][] = [];
  for (let i = 0; i < firstSeen.length; i++) {
    for (let j = i + 1; j < firstSeen.length; j++) {
      const a = firstSeen[i]!;
      const b = firstSeen[j]!;
      const net = moved(a, b) - moved(b, a);
      if (net > 0) edges.get(b)!.set(a, net);
      else if (net < 0) edges.get(a)!.set(b, -net);
      else if (moved(a, b) > 0) ties.push([a, b]);
    }
  }

  const remaining = new Set(firstSeen);
  const weightFrom = (s: string) => {
    let w = 0;
    for (const [from, n] of edges.get(s)!) if (remaining.has(from)) w += n;
    return w;
  };
  const weightTo = (s: string) => {
    let w = 0;
    for (const t of remaining) w += edges.get(t)!.get(s) ?? 0;
    return w;
  };
  const order: string[] = [];
  let cyclic = false;
  while (remaining.size > 0) {
    // The first-seen stage with nothing left before it.
    let best = firstSeen.find((s) => remaining.has(s) && weightFrom(s) === 0);
    if (best === undefined) {
      // A cycle: break it at the stage most moves leave and fewest enter (the greedy feedback-arc heuristic).
      cyclic = true;
      let bestScore = -Infinity;
      for (const s of firstSeen) {
        if (!remaining.has(s)) continue;
        const score = weightTo(s) - weightFrom(s);
        if (score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
    }
    order.push(best!);
    remaining.delete(best!);
  }
  return { order, moves, ties, cyclic };
}
