/**
 * Columns of one header row that have the same name (input.md: column names
 * are case-insensitive and trimmed, so `Amount` and `amount` are one name).
 * The first of them is read; each such name gets one `duplicate_column`
 * warning that lists every column of that name as written, with its position
 * in the header (1 = the first column), so the user can find and fix them.
 */

/** One name written in more than one column of a header. */
export interface DuplicateColumn {
  /** The name as compared (lower case, trimmed): the column. */
  name: string;
  /** Every column of that name, in header order: as written, and its 1-based position. */
  columns: { header: string; position: number }[];
}

/** The names of `names` (compared form) that occur more than once, in order of first occurrence; '' (unnamed) is not a name. */
export function duplicateColumns(names: readonly string[], headers: readonly string[]): DuplicateColumn[] {
  const byName = new Map<string, DuplicateColumn>();
  names.forEach((name, i) => {
    if (name === '') return;
    const column = { header: headers[i] ?? name, position: i + 1 };
    const found = byName.get(name);
    if (found) found.columns.push(column);
    else byName.set(name, { name, columns: [column] });
  });
  return [...byName.values()].filter((d) => d.columns.length > 1);
}

/** How many columns of one name a warning lists; the rest are counted (a header of 5,000 "amount" columns). */
const SHOWN = 10;

/** 'a, b and c'; past SHOWN items, 'a, b, ... j and 12 more'. */
function list(items: readonly string[]): string {
  if (items.length > SHOWN) return `${items.slice(0, SHOWN).join(', ')} and ${items.length - SHOWN} more`;
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The warning's text: `column "owner" appears 2 times (columns 4 and 19); the first one is used`, or, when the
 * columns are written differently, `column "amount" appears 2 times: "amount" (column 7) and "Amount" (column 19),
 * names read ignoring case; the first one is used`.
 */
export function duplicateColumnMessage(d: DuplicateColumn): string {
  const times = `column ${JSON.stringify(d.name)} appears ${d.columns.length} times`;
  const sameSpelling = d.columns.every((c) => c.header === d.columns[0]!.header);
  if (sameSpelling) return `${times} (columns ${list(d.columns.map((c) => String(c.position)))}); the first one is used`;
  const written = list(d.columns.map((c) => `${JSON.stringify(c.header)} (column ${c.position})`));
  return `${times}: ${written}, names read ignoring case; the first one is used`;
}
