/** Cells compared and hashed where they are, as ranges of the CSV text: no string per cell. */

/** Whether `src[s, e)` is `text`. */
export function rangeIs(src: string, s: number, e: number, text: string): boolean {
  if (e - s !== text.length) return false;
  // charCodeAt beats startsWith(text, s) on the short cells of a CSV file.
  for (let k = 0; s + k < e; k++) if (src.charCodeAt(s + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** Whether `src[s, e)` lower-cased (as `toLowerCase` does it) is `lower`; without a copy while the range is ASCII. */
export function rangeIsLower(src: string, s: number, e: number, lower: string): boolean {
  let k = 0;
  // Lower-casing never shortens a text.
  if (e - s > lower.length) return false;
  if (e - s === lower.length) {
    for (; s + k < e; k++) {
      let c = src.charCodeAt(s + k);
      if (c >= 128) break;
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lower.charCodeAt(k)) return false;
    }
    if (s + k === e) return true;
  } else {
    // Only some non-ASCII text grows when lower-cased (İ is i and a dot): a shorter ASCII range differs.
    while (s + k < e && src.charCodeAt(s + k) < 128) k++;
    if (s + k === e) return false;
  }
  return src.slice(s, e).toLowerCase() === lower;
}

/** The first UTF-16 unit of `c` lower-cased, as `toLowerCase` gives it. */
export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  // Hangul syllables and CJK ideographs have no case: a Korean first cell on every row costs no string.
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x4e00 && c <= 0x9fff)) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** FNV-1a over the UTF-16 code units of `src[s, e)`, as an int32. */
export function hashRange(src: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * `src[s, e)` as a string of its own. V8 makes a longer substring a view
 * into its parent, and the parent here is a whole decoded block of the file:
 * a few kept names would keep every block of a large export alive. Slicing
 * the concatenation `cell + ' '` flattens it into a new string one longer
 * than the cell, so the view that comes back holds only that (3-4x cheaper
 * than a JSON round trip, which made a flat copy too).
 */
export function ownCopy(src: string, s: number, e: number): string {
  return e - s < VIEW_MIN_LENGTH ? src.slice(s, e) : (src.slice(s, e) + ' ').slice(0, -1);
}

/** From this length V8 makes a substring a view into its parent; a shorter one is already a copy of its own. */
export const VIEW_MIN_LENGTH = 13;

/**
 * The slots of an open-addressing table of `size` (a power of two) for the entries 1 .. count - 1 whose hashes are
 * `hashes[k]`: each at its hash's slot or the next free one after it (linear probing; 0 marks a free slot).
 */
export function probeSlots(hashes: Int32Array, count: number, size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let k = 1; k < count; k++) {
    let j = hashes[k]! & mask;
    while (slots[j] !== 0) j = (j + 1) & mask;
    slots[j] = k;
  }
  return slots;
}

/**
 * Distinct texts by code, joined into one string: text k is `text[ends[k - 1], ends[k])` (code 0 is '').
 * Sent to another thread as one string and one buffer, where a list of a hundred thousand ids was as
 * many strings to copy there (~30-60 ms at 100k deals), and looked up there as ranges (IdLookup.find).
 */
export interface JoinedTexts {
  text: string;
  ends: Int32Array<ArrayBuffer>;
}

export function joinTexts(values: readonly string[]): JoinedTexts {
  const ends = new Int32Array(Math.max(values.length, 1));
  let at = 0;
  for (let k = 0; k < values.length; k++) ends[k] = at += values[k]!.length;
  return { text: values.join(''), ends };
}

export const textCount = (texts: JoinedTexts): number => texts.ends.length;

export const textAt = (texts: JoinedTexts, k: number): string => texts.text.slice(k === 0 ? 0 : texts.ends[k - 1]!, texts.ends[k]!);

/**
 * The few spellings of a cell seen so far (a stage, a field's name) and the value each reads as,
 * found by comparing the cell where it is: a repeated spelling costs no string. At most `max` are
 * kept; past them a spelling is read again each time.
 */
export class Spellings {
  private readonly texts: string[] = [];
  private readonly values: number[] = [];
  private readonly max: number;

  constructor(max = 64) {
    this.max = max;
  }

  /** The value of `src[s, e)` when spelled so before, else -1 (values are never negative). */
  find(src: string, s: number, e: number): number {
    const texts = this.texts;
    for (let k = 0; k < texts.length; k++) if (rangeIs(src, s, e, texts[k]!)) return this.values[k]!;
    return -1;
  }

  add(text: string, value: number): void {
    if (this.texts.length >= this.max) return;
    this.texts.push(text);
    this.values.push(value);
  }
}
