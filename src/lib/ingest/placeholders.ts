/**
 * Texts that people type into a spreadsheet for "no value": `-`, `N/A`,
 * `none`, `없음`, `미정`. Read as written, a keyman `-` would be an
 * identified keyman (the deal then never flagged for having none), a loss
 * reason `-` a reason of its own, and every deal of owner `-` one seller.
 * In a deals.csv text that only describes the deal such a cell is read as
 * empty, with a warning (`PlaceholderText`); in an id or the owner it is
 * kept as written, with a warning saying what it does to the figures.
 */
import { quoteValue } from './values.ts';

/** Lower-cased; dashes of every width, the English and Korean words for "none" or "undecided". */
const PLACEHOLDERS = new Set(['-', '--', '---', '–', '—', '―', '－', 'n/a', 'n.a.', 'none', 'null', 'nil', '(none)', '(blank)', '(empty)', '없음', '미정', '해당없음', '해당 없음', '-없음-']);

/**
 * The first characters of the placeholders, in either case: a cell starting with any other is none. A Korean
 * name (an owner on every deal) is then told apart without lower-casing it, which for a text beyond ASCII is a
 * call into the runtime (~10-30 ms a 100,000-deal file).
 */
const FIRST_CHARACTERS = new Set([...PLACEHOLDERS].flatMap((text) => [text.charCodeAt(0), text.toUpperCase().charCodeAt(0)]));
const LONGEST = Math.max(...[...PLACEHOLDERS].map((text) => text.length));

/** Whether a (trimmed) cell is such a placeholder. Its length and first character first: no other cell pays more. */
export function isPlaceholder(cell: string): boolean {
  if (cell.length === 0 || cell.length > LONGEST || !FIRST_CHARACTERS.has(cell.charCodeAt(0))) return false;
  return PLACEHOLDERS.has(cell.toLowerCase());
}

/** A describing deals.csv text holding a placeholder: the deal stays, and the text is read as empty, with a warning. */
export class PlaceholderText {
  readonly cell: string;

  constructor(cell: string) {
    this.cell = cell;
  }
}

/** The warning for a PlaceholderText in `column`. */
export function placeholderTextWarning(column: string, cell: string): string {
  return `${column} ${quoteValue(cell)} stands for no value: read as empty; leave the cell empty when there is nothing to say`;
}

/** The warning for an owner or account_id holding a placeholder, kept as written. */
export function placeholderNameWarning(column: 'owner' | 'account_id', cell: string): string {
  const one = column === 'owner' ? 'owner' : 'account';
  return `${column} ${quoteValue(cell)} stands for no value, but is read as written: every deal with it counts as one ${one} ${quoteValue(cell)}; write the ${one}'s ${column === 'owner' ? 'name' : 'id'}`;
}
