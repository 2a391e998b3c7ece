/**
 * Optional columns whose names are written another way. A header that has a
 * file's required columns is a canonical file, so its `Expected Close At` or
 * `lost-reason` is the column Pipescope reads under `expected_close_at` and
 * `lost_reason`: read so, and said (`column_written_otherwise`), rather than
 * left out without a word while the pages ask for a column the file has. A
 * name a letter or two off (`closed_date` for `closed_at`) is not guessed:
 * it is named (`column_not_read`) with the column it may be.
 */

/**
 * A column's name as people write it by hand: case, spaces, `_`, `-` and `.` aside (`Expected Close-At` →
 * `expectedcloseat`). Invisible format characters (a zero-width space or joiner, a soft hyphen, a word joiner: text
 * pasted from a web page or a chat) are no part of a name either; hints show them escaped ("deal_id\u200b").
 */
export const looseName = (name: string) => name.toLowerCase().replace(/[\s_.\p{Cf}-]+/gu, '');

/** Levenshtein distance, stopped once past `limit` (then `limit + 1`). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export interface HeaderSpelling {
  /** [position, column]: read as that column. */
  readAs: [number, string][];
  /** [position, column]: not read; it may be that column. */
  lookalikes: [number, string][];
}

/**
 * For each of `optional`'s columns the header lacks (`has`), the header's one name (`names`, lower-cased) that is the
 * column written another way, or one a letter or two off it. A name that is a column itself (`known`, or read under an
 * alias: `taken`) is never another's.
 */
export function headerSpelling(optional: readonly string[], known: readonly string[], names: readonly string[], has: (column: string) => boolean, taken: Iterable<number>): HeaderSpelling {
  const spelling: HeaderSpelling = { readAs: [], lookalikes: [] };
  const used = new Set(taken);
  names.forEach((name, i) => {
    if (known.includes(name)) used.add(i);
  });
  for (const column of optional) {
    if (has(column)) continue;
    const loose = looseName(column);
    const same = names.findIndex((name, i) => !used.has(i) && name !== '' && looseName(name) === loose);
    if (same !== -1) {
      used.add(same);
      spelling.readAs.push([same, column]);
      continue;
    }
    // Short names are a letter off many words (team, name): one edit for them, two for longer ones, and the same first
    // letter ("Team Name" is two edits from deal_name, and no misspelling of it).
    const limit = loose.length <= 5 ? 1 : 2;
    const near = names.findIndex((name, i) => {
      const other = looseName(name);
      return !used.has(i) && other.length > 3 && other[0] === loose[0] && distance(other, loose, limit) <= limit;
    });
    if (near !== -1) {
      used.add(near);
      spelling.lookalikes.push([near, column]);
    }
  }
  return spelling;
}

/** 'columns "Record ID" read as account_id and "Company name" as account_name' ([header as written, column] pairs). */
export function columnsReadAs(read: readonly [string, string][]): string {
  const pairs = read.map(([header, column], k) => `${JSON.stringify(header)}${k === 0 ? ' read' : ''} as ${column}`);
  const list = pairs.length === 1 ? pairs[0]! : `${pairs.slice(0, -1).join(', ')} and ${pairs.at(-1)!}`;
  return `column${read.length > 1 ? 's' : ''} ${list}`;
}

/** 'column "Expected Close At" read as expected_close_at, its name written …' (one warning for all). */
export function writtenOtherwiseMessage(read: readonly [string, string][]): string {
  return `${columnsReadAs(read)}, ${read.length > 1 ? 'their names' : 'its name'} written with other capitals, spaces, hyphens or underscores`;
}

/** 'column "closed_date" is not read: if it is closed_at, name it so'. */
export function notReadMessage(header: string, column: string): string {
  return `column ${JSON.stringify(header)} is not read: if it is ${column}, name it so`;
}
