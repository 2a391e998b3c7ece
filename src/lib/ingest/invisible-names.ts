/**
 * Names that print alike but differ by a character that prints as nothing (a
 * zero-width space pasted from a web page or a chat): "Kim" and "Kim\u200b"
 * are two owners on every page while they read as one. Said once per such
 * name, with its lines, so that the export can be mended; the values are
 * read as written, as a deal's id with such a character is.
 */
import type { DealTable, TextColumn } from '../deal-table.ts';
import { hasInvisible, mayHaveInvisible, quoteValue, withoutInvisible } from './date-messages.ts';
import { DEALS_FILE } from './deal-table-builder.ts';
import type { IssueLog } from './issues.ts';
import { LineRuns, lineList } from './line-runs.ts';

/** deals.csv's columns of names that pages group deals by, as the table and the file call them. */
const NAME_COLUMNS: readonly (readonly [TextColumn, string])[] = [
  ['owner', 'owner'],
  ['team', 'team'],
  ['product', 'product'],
  ['accountName', 'account_name'],
  ['competitor', 'competitor'],
  ['source', 'source'],
  ['lostReason', 'lost_reason'],
  ['winReason', 'win_reason'],
];

export function invisibleTwinWarnings(deals: DealTable, issues: IssueLog): void {
  for (const [field, column] of NAME_COLUMNS) {
    const { names, codes } = deals[field];
    /** A name with such a character, and the name it is but for it (both codes). */
    const twins: [number, number][] = [];
    let byName: Map<string, number> | null = null;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (!mayHaveInvisible(name) || !hasInvisible(name)) continue;
      byName ??= new Map(names.map((n, i) => [n, i]));
      const clean = byName.get(withoutInvisible(name));
      if (clean !== undefined) twins.push([k, clean]);
    }
    if (twins.length === 0) continue;
    // Names of rejected rows stay in the table's list: only twins that both name a deal are said.
    const used = new Uint8Array(names.length);
    for (let d = 0; d < codes.length; d++) used[codes[d]!] = 1;
    for (const [k, clean] of twins) {
      if (used[k] === 0 || used[clean] === 0) continue;
      const lines = new LineRuns();
      for (let d = 0; d < codes.length; d++) if (codes[d] === k) lines.addLine(deals.line[d]!);
      const message = `${lineList(lines.runs, lines.count)}: ${column} ${quoteValue(names[k]!)} is ${quoteValue(names[clean]!)} but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart: delete it where it is`;
      issues.warning(DEALS_FILE, lines.runs[0]!, column, 'invisible_character', message);
    }
  }
}
