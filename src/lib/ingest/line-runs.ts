/**
 * Lines gathered for one message ("lines 4, 17-19 and 203"): a file's warning
 * that lists where something was found, however often it was.
 */

/** Lines as runs for `lineList`: the first 21 runs kept, every line counted once. */
export class LineRuns {
  /** Flat [first, end) pairs of line numbers, in order and never touching. */
  runs: number[] = [];
  count = 0;
  private last = 0;

  /** Note `line` (never less than the last noted); a line noted again counts once. */
  addLine(line: number): void {
    if (line === this.last) return;
    this.last = line;
    this.count++;
    const runs = this.runs;
    if (runs.length > 0 && runs[runs.length - 1] === line) runs[runs.length - 1] = line + 1;
    else if (runs.length < 42) runs.push(line, line + 1);
  }
}

/**
 * "line 4", "lines 4, 17 and 203", "lines 5-9", "lines 2, 17-19 and 35 more": a run of three lines or more as a
 * range (a file's 100,000 rows with the same fault are "lines 2-100001", not twenty of them and a count), at most
 * `cap` numbers and ranges shown.
 */
export function lineList(runs: readonly number[], count: number, cap = 20): string {
  const { items, shown } = lineItems(runs, cap);
  if (count === 1) return `line ${items[0]}`;
  const more = count - shown;
  if (more > 0) return `lines ${items.join(', ')} and ${more} more`;
  if (items.length === 1) return `lines ${items[0]}`;
  return `lines ${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** At most `cap` numbers and ranges (`17-19`, a run of three lines or more) of `runs`, and how many lines they show. */
export function lineItems(runs: readonly number[], cap: number): { items: string[]; shown: number } {
  const items: string[] = [];
  let shown = 0;
  for (let r = 0; r < runs.length && items.length < cap; r += 2) {
    const first = runs[r]!;
    const end = runs[r + 1]!;
    if (end - first >= 3) {
      items.push(`${first}-${end - 1}`);
      shown += end - first;
    } else {
      for (let line = first; line < end && items.length < cap; line++, shown++) items.push(String(line));
    }
  }
  return { items, shown };
}
