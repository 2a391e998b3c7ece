/**
 * Lines gathered for one message ("lines 4, 17 and 203"): a file's warning
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

/** "line 4", "lines 4, 17 and 203", "lines 1, 2, …, 20 and 35 more". */
export function lineList(runs: readonly number[], count: number, cap = 20): string {
  const shown: number[] = [];
  for (let r = 0; r < runs.length && shown.length < cap; r += 2) {
    for (let line = runs[r]!; line < runs[r + 1]! && shown.length < cap; line++) shown.push(line);
  }
  if (count === 1) return `line ${shown[0]}`;
  const more = count - shown.length;
  if (more > 0) return `lines ${shown.join(', ')} and ${more} more`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
