/**
 * The running footer of every printed sheet (a board pack): what the page is
 * and its date on the left, which sheet of how many on the right, as CSS
 * `@page` margin boxes (Base.astro puts them in the page's head). A printout
 * whose sheets get separated still says what each one is and when.
 */

/**
 * `text` as a CSS string literal: a backslash and a double quote escaped, a
 * line break as `\A `, and `<` as `\3C ` (so a name from the data cannot close
 * the <style> element it is written into); any other character as it is.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\r\n\f]/gu, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * The page number's CSS `content` from a sentence with `{page}` and `{pages}`
 * in it ('Page {page} of {pages}' -> "Page " counter(page) " of " counter(pages)).
 */
export function pageNumberContent(sentence: string): string {
  return sentence
    .split(/(\{pages?\})/u)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** The print-only style of a page's footer: `label` (its title and date) bottom left, the page number bottom right. */
export function printFooterCss(label: string, pageNumber: string): string {
  const box = 'font-family: var(--ps-chart-font); font-size: 8pt; color: #57606a;';
  return (
    `@media print { @page { ` +
    `@bottom-left { content: ${cssString(label)}; ${box} } ` +
    `@bottom-right { content: ${pageNumberContent(pageNumber)}; ${box} white-space: nowrap; } } }`
  );
}
