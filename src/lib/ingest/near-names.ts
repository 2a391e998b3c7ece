/**
 * Names and ids of another file that match the deals' only when written otherwise: `Kim` for `kim`,
 * `김 민준` for `김민준`, `A0013` for `A-0013`, a character that prints as nothing, full-width letters.
 * Files match the deals' names exactly, so such a name matches nothing (target-names.ts, account-ids.ts).
 */
import { looseName } from './header-spelling.ts';
import type { TextCodes } from '../text-codes.ts';

/** The names of a coded column that name an accepted deal. */
export function usedNames(column: TextCodes): Set<string> {
  const used = new Uint8Array(column.names.length);
  for (let d = 0; d < column.codes.length; d++) used[column.codes[d]!] = 1;
  return new Set(column.names.filter((_, k) => used[k] === 1));
}

/** A name as compared for a near match: NFKC (full-width letters), case, spaces, hyphens and invisible characters aside. */
export const nearKey = (name: string) => looseName(name.normalize('NFKC'));

/** The deals' names by their near key, the first written of each. */
export function nearNames(names: Iterable<string>): Map<string, string> {
  const near = new Map<string, string>();
  for (const name of names) if (!near.has(nearKey(name))) near.set(nearKey(name), name);
  return near;
}

/** A numeric id's number, as Excel reads it: `00123`, `123` and `123.0` are all `123`; null for any other id. */
export function numberKey(id: string): string | null {
  const m = /^(\d+)(?:\.0+)?$/u.exec(id);
  return m === null ? null : m[1]!.replace(/^0+(?=\d)/u, '');
}

/** Numeric ids by their number (`numberKey`), the first written of each. */
export function numericIds(ids: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const key = numberKey(id);
    if (key !== null && !out.has(key)) out.set(key, id);
  }
  return out;
}
