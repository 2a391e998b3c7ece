/**
 * URL-safe, unique slugs for pages named after user data (owners, account
 * ids). Names are untrusted text: a slug keeps only ASCII letters, digits,
 * `-` and `_`; a name with letters beyond ASCII (Korean names) gets a hash
 * of the name (`<prefix>-<hash>`, or `<ascii part>-<hash>`), so its page
 * keeps its address when other names come and go.
 */
import { byCodePoint } from '../stats.ts';

/** FNV-1a (32 bit) of the UTF-16 code units, as 8 hex digits: stable, pure, no crypto needed. */
export function nameHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The longest ASCII part a slug keeps of a name (a longer one is cut, and the slug gets the name's hash). */
const MAX_ASCII = 60;

/** The ASCII part of a name as a slug ('' when there is none), at most MAX_ASCII characters. */
export function asciiSlug(name: string): string {
  return cut(fullAsciiSlug(name));
}

/** A full ASCII slug cut to MAX_ASCII characters (without a dash or underscore left at its end). */
const cut = (full: string) => full.slice(0, MAX_ASCII).replace(/[-_]+$/g, '');

function fullAsciiSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .toLowerCase();
}

/** Folder names Windows reserves for devices (a copy of the site on a file share, a Pages branch checked out there). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A slug per distinct name, unique among them, that never becomes another name's: a page's address (a bookmark, a
 * digest's link) shows the same owner or customer or none, however the names change. A name keeps its plain ASCII
 * slug ('kim', 'a-0001') while no other name has the same one; names that share it ('kim' and 'Kim'; Salesforce's
 * ids differ by case alone), a name with letters beyond ASCII, one cut to MAX_ASCII characters and a Windows device
 * name all get a hash of the name after it ('kim-1f3a9c02'). `-2`, `-3` (in code-point order) only if hashes meet.
 */
export function uniqueSlugs(names: readonly string[], prefix: string): Map<string, string> {
  const distinct = [...new Set(names)].sort(byCodePoint);
  const bases = new Map<string, string>();
  const sharing = new Map<string, number>();
  for (const name of distinct) {
    const full = fullAsciiSlug(name);
    const ascii = cut(full);
    // Letters beyond ASCII would be lost: the hash keeps 'Kim 민준' and 'Kim 서연' apart for good.
    const lossy = /[^\p{ASCII}]/u.test(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
    const hashed = ascii === '' || lossy || full.length > MAX_ASCII || WINDOWS_RESERVED.test(ascii);
    const base = ascii === '' ? `${prefix}-${nameHash(name)}` : hashed ? `${ascii}-${nameHash(name)}` : ascii;
    bases.set(name, base);
    sharing.set(base, (sharing.get(base) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  const used = new Set<string>();
  // Plain slugs first, so that a hashed one never takes the address a name has alone.
  const plain = (name: string) => sharing.get(bases.get(name)!) === 1;
  for (const name of [...distinct.filter(plain), ...distinct.filter((n) => !plain(n))]) {
    const own = bases.get(name)!;
    const base = plain(name) ? own : `${own}-${nameHash(name)}`;
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}
