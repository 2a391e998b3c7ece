/**
 * The middle dots inside words of a rendered page, joined to their
 * neighbours (format/separator.ts `joinWordDots`), as src/middleware.ts
 * writes each page. Only the text between tags of the body is touched: not
 * attributes, the head (the page's title), scripts (the filter data), styles,
 * or chart SVGs (whose text never wraps).
 *
 * The page comes as Latin-1, one character per byte (as the link rewriting
 * reads it, to skip decoding UTF-8 for every page); a run of text holding a
 * middle dot (UTF-8 C2 B7) is decoded, joined and encoded back.
 */
import { joinWordDots } from '../lib/format/separator.ts';

/** The middle dot's UTF-8 bytes, one Latin-1 character each. */
const DOT = '\u00c2\u00b7';
/** An element whose content is left alone, a tag, or a run of text. */
const PARTS = /<(head|script|style|svg|textarea)\b[\s\S]*?<\/\1\s*>|<[^>]*>|[^<]+/giu;

export function joinWordDotsInHtml(latin1Html: string): string {
  if (!latin1Html.includes(DOT)) return latin1Html;
  return latin1Html.replace(PARTS, (part) => {
    if (part.startsWith('<') || !part.includes(DOT)) return part;
    return Buffer.from(joinWordDots(Buffer.from(part, 'latin1').toString('utf8')), 'utf8').toString('latin1');
  });
}
