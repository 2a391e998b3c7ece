/**
 * Names written right to left (Hebrew, Arabic, ...) inside a sentence. Unicode's bidi algorithm joins such a name
 * with the neutral characters and digits after it, so "came from שלום: ₩8.66B" shows as "came from ₩8.66 :שלום B".
 * Wrapped in a first-strong isolate (FSI … PDI), the name reads as one neutral unit and the sentence keeps its
 * order. Only text with a right-to-left letter is wrapped: Korean and English names are left as they are.
 */

/**
 * The strong right-to-left letters: Hebrew to N'Ko and their presentation forms, and the right-to-left scripts of the
 * supplementary planes (U+10800-10FFF and U+1E800-1EFFF, by their high surrogates: a pattern without the u flag is
 * the faster test, and every sentence's names go through it).
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\uD802\uD803\uD83A\uD83B][\uDC00-\uDFFF]/;
const FSI = '\u2068';
const PDI = '\u2069';

/** `text` isolated when it has a right-to-left letter and no isolate of its own (a sentence made of isolated names). */
export function isolated(text: string): string {
  return RIGHT_TO_LEFT.test(text) && !text.includes(FSI) ? `${FSI}${text}${PDI}` : text;
}

/** A message's parameter with its right-to-left texts isolated: a text, the texts of a list, the texts of an object. */
function isolatedParam(p: unknown): unknown {
  if (typeof p === 'string') return isolated(p);
  if (Array.isArray(p)) {
    const out = p.map(isolatedParam);
    return out.every((v, i) => v === p[i]) ? p : out;
  }
  if (p === null || typeof p !== 'object' || Object.getPrototypeOf(p) !== Object.prototype) return p;
  const given = p as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key in given) {
    const value = given[key];
    const v = typeof value === 'string' || Array.isArray(value) ? isolatedParam(value) : value;
    if (v === value) continue;
    out ??= { ...given };
    out[key] = v;
  }
  return out ?? p;
}

/**
 * A catalogue of messages whose every function isolates its first parameter's right-to-left texts (`isolated`)
 * before it builds its sentence. Plain objects are walked; anything else is kept as it is.
 */
export function isolatingParams<T>(catalogue: T): T {
  if (typeof catalogue === 'function') {
    const fn = catalogue as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => fn(isolatedParam(args[0]), ...args.slice(1))) as T;
  }
  if (catalogue === null || typeof catalogue !== 'object' || Object.getPrototypeOf(catalogue) !== Object.prototype) return catalogue;
  return Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, isolatingParams(value)])) as T;
}
