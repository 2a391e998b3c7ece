/**
 * Items listed on one line are joined by a middle dot: 'Past expected close
 * · Deal has no keyman', '(D-1 · Negotiation · ₩120M)'. A no-break space
 * before the dot keeps it on the line of the item before it, so a wrapped
 * line never starts with '·' (in Korean, which breaks between words, nor in
 * English); the line may break after it. Every such list, on the pages, in
 * the filtered view, in charts and in the digest, is joined with this one
 * separator (charts' `wrapLines` does not break at a no-break space either).
 */
export const SEPARATOR = '\u00a0· ';

/** `items` as one line, each separator kept with the item before it. */
export function joinItems(items: readonly string[]): string {
  return items.join(SEPARATOR);
}

/**
 * `items` as the pieces a page keeps whole when a narrow column wraps the list (an owner's summary on a phone:
 * 'Deal has no keyman 3' on one line, not 'Deal has' / 'no keyman 3 ·'): each item with the separator's dot
 * after it, but the last. Joined by a space they are `joinItems(items)`, the text a reader copies.
 */
export function itemPieces(items: readonly string[]): string[] {
  return items.map((item, i) => (i < items.length - 1 ? `${item}${SEPARATOR.trimEnd()}` : item));
}

/** U+2060 WORD JOINER: no line break on either side of it; not drawn, and ignored by find-in-page and collation. */
export const WORD_JOINER = '\u2060';

/** A middle dot between two characters that are not spaces: inside a word ('확인·내부'), no list separator. */
const WORD_DOT = /(?<=[^\s\u2060])·(?=[^\s\u2060])/gu;

/**
 * `text` with every middle dot inside a word ('구매의사 확인·내부 검증', '담당자·팀')
 * joined to its neighbours by word joiners, for text shown as HTML: Chromium
 * breaks a line before or after U+00B7 even under `word-break: keep-all`
 * (and `line-break: strict` does not stop it), so a narrow cell could start
 * a line with '·' or split the word at it. CSV downloads, metrics.json and
 * the data keep the plain text; the pages' markup gets it when rendered
 * (src/site/word-dots.ts) and the filtered view when it writes text
 * (filters/dom.ts). List separators (`SEPARATOR`) are left as they are.
 */
export function joinWordDots(text: string): string {
  return text.includes('·') ? text.replace(WORD_DOT, `${WORD_JOINER}·${WORD_JOINER}`) : text;
}
