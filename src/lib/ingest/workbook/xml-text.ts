/**
 * The little of XML an XLSX workbook's parts need: attributes of a start
 * tag, the text of `<t>` elements, and entities. Element names may carry a
 * namespace prefix (`<x:row>`, as some libraries write), so every pattern
 * allows one.
 */

/** An optional namespace prefix before an element name, inside a pattern. */
export const NS = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/gu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML writes characters XML cannot hold (a carriage return, a control character) as `_xHHHH_`. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/gu;

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}

/** Text content with its entities (and OOXML's `_xHHHH_` escapes) decoded. */
export function xmlText(raw: string): string {
  let text = raw.includes('&') ? raw.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => (name ? NAMED[name]! : codePoint(dec ? Number(dec) : parseInt(hex!, 16)))) : raw;
  if (text.includes('_x')) text = text.replace(OOXML_ESCAPE, (_, hex: string) => codePoint(parseInt(hex, 16)));
  return text;
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** The attributes of a start tag's text (after its name), prefixes dropped (`r:id` is `id`). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1]!.slice(m[1]!.indexOf(':') + 1);
    if (!out.has(name)) out.set(name, xmlText(m[2] ?? m[3] ?? ''));
  }
  return out;
}

const RUN_TEXT = new RegExp(`<${NS}t(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}t>|<${NS}t(?:\\s[^>]*)?/>`, 'gu');
const PHONETIC = new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'gu');

/** The text of a string item (`<si>`, `<is>`): its `<t>` elements joined, phonetic guides (`<rPh>`, furigana) left out. */
export function runsText(xml: string): string {
  // Most items are one plain `<t>`: found without a pattern.
  if (xml.startsWith('<t') && !xml.includes('<r') && !xml.includes(':r')) {
    const open = xml.indexOf('>');
    if (open > 0 && (xml.charCodeAt(2) === 62 || xml.charCodeAt(2) === 32) && xml.charCodeAt(open - 1) !== 47) {
      const close = xml.indexOf('</t>', open);
      if (close > 0 && close + 4 === xml.length) return xmlText(xml.slice(open + 1, close));
    }
  }
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const m of body.matchAll(RUN_TEXT)) text += m[1] ?? '';
  return xmlText(text);
}

const ELEMENT_PATTERNS = new Map<string, RegExp>();

/** Every element `name` of `xml`: its start tag's attributes and its content ('' when empty). */
export function* elements(xml: string, name: string): Generator<{ attrs: string; body: string }> {
  let pattern = ELEMENT_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`<${NS}${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${NS}${name}>)`, 'gu');
    ELEMENT_PATTERNS.set(name, pattern);
  }
  for (const m of xml.matchAll(pattern)) yield { attrs: m[1] ?? '', body: m[2] ?? '' };
}

/** One unprefixed attribute of a start tag's text, undecoded (a cell's `r`, `s`, `t`: no entities); undefined when absent. */
export function plainAttribute(tag: string, name: string): string | undefined {
  let at = tag.indexOf(` ${name}="`);
  if (at < 0) at = tag.indexOf(`\t${name}="`);
  if (at < 0) at = tag.indexOf(`\n${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : tag.slice(start, end);
}
