/**
 * Items listed on one line are joined by a middle dot: 'Past expected close
 * · No keyman identified', '(D-1 · Negotiation · ₩120M)'. A no-break space
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
