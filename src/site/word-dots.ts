/**
 * The middle dots inside words of a rendered page, joined to their
 * neighbours (format/separator.ts `joinWordDots`), as src/middleware.ts
 * writes each page. Only the text between tags of the body is touched: not
 * attributes, the head (the page's title), scripts (the filter data), styles,
 * or chart SVGs (whose text never wraps).
 *
 * The page comes as Latin-1, one character per byte (as the link rewriting
 * reads it, to skip decoding UTF-8 for every page), and only the places of a
 * middle dot (UTF-8 C2 B7) are looked at: every page holds some (each list
 * separator is one), and walking all of a page's tags and texts cost the
 * 100k-deal site ~9 s of its ~40 (12,500 pages, ~15 ms a MB).
 */

/** The middle dot's UTF-8 bytes, one Latin-1 character each. */
const DOT = '\u00c2\u00b7';
/** U+2060 WORD JOINER's UTF-8 bytes, one Latin-1 character each. */
const JOINER = '\u00e2\u0081\u00a0';
/** The elements whose content is left alone (lower-case, as every page's markup writes them). */
const SKIPPED = /<(head|script|style|svg|textarea)\b[\s\S]*?<\/\1\s*>/giu;
/**
 * What does not join, as UTF-8 bytes (one Latin-1 character each): a space (JavaScript's `\s`, the no-break space of
 * list separators among them) or a joiner already there. Any other bytes are a word's character: UTF-8 gives each
 * character one encoding, and bytes that are not one decode as U+FFFD.
 */
const NOT_WORD = new Set(
  ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u2060']
    .concat(Array.from({ length: 11 }, (_, k) => String.fromCharCode(0x2000 + k)))
    .map((c) => Buffer.from(c, 'utf8').toString('latin1')),
);

export function joinWordDotsInHtml(latin1Html: string): string {
  let at = latin1Html.indexOf(DOT);
  if (at === -1) return latin1Html;
  const skipped = skippedRanges(latin1Html);
  const parts: string[] = [];
  let copied = 0;
  let range = 0;
  for (; at !== -1; at = latin1Html.indexOf(DOT, at + 2)) {
    while (range < skipped.length && skipped[range + 1]! <= at) range += 2;
    if (range < skipped.length && skipped[range]! <= at) continue;
    if (!inText(latin1Html, at) || !wordBefore(latin1Html, at) || !wordAfter(latin1Html, at + 2)) continue;
    parts.push(latin1Html.slice(copied, at), JOINER, DOT, JOINER);
    copied = at + 2;
  }
  if (copied === 0) return latin1Html;
  parts.push(latin1Html.slice(copied));
  return parts.join('');
}

/** Start and end of each skipped element, in order, flat. */
function skippedRanges(html: string): number[] {
  const ranges: number[] = [];
  for (const m of html.matchAll(SKIPPED)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

/** Whether `at` is in a text between tags, not inside a tag (its attributes): the nearer of '<' and '>' before it is '>'. */
function inText(html: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return true;
    if (c === 0x3c) return false;
  }
  return true;
}

/** Whether the character whose UTF-8 bytes end at `at` is a word's; not at a tag's end or the start. */
function wordBefore(html: string, at: number): boolean {
  let start = at - 1;
  while (start > 0 && start > at - 4 && (html.charCodeAt(start) & 0xc0) === 0x80) start--;
  if (start < 0 || html.charCodeAt(start) === 0x3e) return false;
  return !NOT_WORD.has(html.slice(start, at));
}

/** Whether the character whose UTF-8 bytes start at `at` is a word's; not at a tag's start or the end. */
function wordAfter(html: string, at: number): boolean {
  if (at >= html.length || html.charCodeAt(at) === 0x3c) return false;
  const lead = html.charCodeAt(at);
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return !NOT_WORD.has(html.slice(at, at + length));
}
