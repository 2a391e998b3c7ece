/**
 * Names that print alike but differ by a character that prints as nothing (a
 * zero-width space pasted from a web page or a chat): "Kim" and "Kim\u200b"
 * are two owners on every page while they read as one. Said once per such
 * name, with its lines, so that the export can be mended; the values are
 * read as written, as a deal's id with such a character is. A name with a
 * bidirectional control (`\u202eKim`, shown as "miK") is said even alone: it
 * shows its text in another order than it is written.
 */
import type { DealTable, TextColumn } from '../deal-table.ts';
import { hasBidiControl, hasInvisible, mayHaveInvisible, quoteValue, withoutInvisible } from './date-messages.ts';
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
    /** Names with such a character, by what they print as. */
    let shown: Map<string, number[]> | null = null;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (!mayHaveInvisible(name) || !hasInvisible(name)) continue;
      shown ??= new Map();
      const key = withoutInvisible(name);
      const alike = shown.get(key);
      if (alike) alike.push(k);
      else shown.set(key, [k]);
    }
    if (shown === null) continue;
    // Names of rejected rows stay in the table's list: only names that name a deal are said.
    const used = new Uint8Array(names.length);
    for (let d = 0; d < codes.length; d++) used[codes[d]!] = 1;
    const byName = new Map(names.map((n, i) => [n, i]));
    for (const [key, ks] of shown) {
      const clean = byName.get(key);
      const alike = ks.filter((k) => used[k] === 1);
      const twin = clean !== undefined && used[clean] === 1 ? clean : alike.length > 1 ? alike[0]! : null;
      for (const k of alike) {
        if (key !== '' && k === twin) continue;
        // Alone, a name is said only when it shows its text in another order (perhaps as another name).
        if (key !== '' && twin === null && !hasBidiControl(names[k]!)) continue;
        const what =
          key === ''
            ? 'prints as nothing at all (characters copied from a web page or a chat): the deals show no name'
            : twin === null
              ? 'has a character that changes the order its text is shown in (a bidirectional control, as a disguised name carries), so the pages may show it as another name'
              : `is ${quoteValue(names[twin]!)} but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart`;
        const lines = new LineRuns();
        for (let d = 0; d < codes.length; d++) if (codes[d] === k) lines.addLine(deals.line[d]!);
        issues.warning(DEALS_FILE, lines.runs[0]!, column, 'invisible_character', `${lineList(lines.runs, lines.count)}: ${column} ${quoteValue(names[k]!)} ${what}: delete it where it is`);
      }
    }
  }
}
