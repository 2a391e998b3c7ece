/** A measure the browser tests run in the page: words broken across lines in table cells. */

/** Hangul syllables. */
export const HANGUL = '[\\uac00-\\ud7a3]';
/** Letters of any script. */
export const LETTERS = '\\p{L}';
/**
 * In the page (passed to page.evaluate, so it closes over nothing): table cells whose text breaks a line
 * between two letters of `letters` (a regular expression's source: HANGUL, LETTERS), i.e. inside a word.
 */
export function brokenWords(letters: string): string[] {
  const letter = new RegExp(letters, 'u');
  const broken: string[] = [];
  let checked = 0;
  for (const cell of Array.from(document.querySelectorAll('td, th'))) {
    if (!letter.test(cell.textContent ?? '') || cell.getClientRects().length === 0) continue;
    if (checked++ > 400) break;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const s = node.data;
      const range = document.createRange();
      let prevTop: number | null = null;
      for (let i = 0; i < s.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (prevTop !== null && rect.top > prevTop + 2 && letter.test(s[i - 1] ?? '') && letter.test(s[i]!)) {
          broken.push(`${s.slice(Math.max(0, i - 6), i)}|${s.slice(i, i + 6)}`);
        }
        prevTop = rect.top;
      }
    }
  }
  return broken;
}
