/**
 * URL-safe, unique slugs for pages named after user data (owners). Names are
 * untrusted text: a slug keeps only ASCII letters, digits, `-` and `_`; a
 * name with letters beyond ASCII (Korean names) gets a hash of the name
 * (`<prefix>-<hash>`, or `<ascii part>-<hash>`), so its page keeps its
 * address when other names come and go.
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

/** The ASCII part of a name as a slug ('' when there is none). */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
    .toLowerCase();
}

/** A slug per distinct name, unique among them (`-2`, `-3`, ... on a clash, in code-point order of the names). */
export function uniqueSlugs(names: readonly string[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of [...new Set(names)].sort(byCodePoint)) {
    const ascii = asciiSlug(name);
    // Letters beyond ASCII would be lost: the hash keeps 'Kim 민준' and 'Kim 서연' apart for good.
    const lossy = /[^\p{ASCII}]/u.test(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
    const base = ascii === '' ? `${prefix}-${nameHash(name)}` : lossy ? `${ascii}-${nameHash(name)}` : ascii;
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}
