/**
 * Markdown for the --digest and --summary files. Names from the data (deal,
 * account, owner) are user data: `mdText` makes them literal text, so a deal
 * called `**x** [y](z) | @team <img>` shows as written and breaks no table,
 * link, mention or HTML. Pure.
 */

/**
 * Text shown literally: the ASCII punctuation that can start markup
 * anywhere in a line (emphasis, code, links and images, HTML, entities,
 * table cells, strikethrough, math, mentions and issue references) is
 * backslash-escaped (CommonMark allows it before any ASCII punctuation), and
 * line breaks and tabs become spaces, so the text stays inside its cell or
 * list item and never starts a line. Without `[`, `(` cannot make a link.
 * A zero-width space after `@` and `#`, before `://` and after `www` keeps
 * GitHub from making a mention, a reference or a link of them (it does so
 * on the text, escaped or not); the name looks the same.
 */
export function mdText(text: string): string {
  return (
    text
      .replace(/[\r\n\t\f\v]+/gu, ' ')
      .replace(/[\\`*_{}[\]<>#!|~&$@]/gu, '\\$&')
      // What GitHub links even in plain text (a @mention, an #1 reference, an e-mail address; GFM's autolinks of
      // `https://` and `www.`): a zero-width space breaks the pattern and shows nothing, as bots' changelogs do.
      .replace(/[@#]/gu, `$&${ZWSP}`)
      .replace(/:\/\//gu, `${ZWSP}://`)
      .replace(/\b(www)\./giu, `$1${ZWSP}.`)
  );
}

const ZWSP = '\u200B';

/** A link's destination: in angle brackets, with what could end it percent-encoded. */
export function mdUrl(url: string): string {
  return `<${url.replace(/[<>\s\\]/gu, (c) => encodeURIComponent(c))}>`;
}

/** `[text](url)` with the text made literal; just the text when there is no url. */
export function mdLink(text: string, url: string | null | undefined): string {
  return url ? `[${mdText(text)}](${mdUrl(url)})` : mdText(text);
}

/** A GitHub-flavoured table; `numeric` columns are right-aligned. Cells must already be markdown. */
export function mdTable(headers: readonly string[], numeric: readonly boolean[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers.map(mdText)), line(headers.map((_, i) => (numeric[i] ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
