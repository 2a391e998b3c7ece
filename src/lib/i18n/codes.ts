/**
 * Codes from the data in words. A code such as `after_sales` (a loss or win
 * reason, a source, a forecast category) reads as its config `labels` text
 * in the page's language; a code without a label is humanised
 * (`after_sales` -> "After sales", `price` -> "Price"); text that is not a
 * code ("Price too high", "가격", "Hanwha Precision", "CNC-5X") stays as
 * written.
 */
import { type Locale, localizedText } from './locales.ts';

/** Config `labels`: code -> text per language. A Map, so no code ever meets Object.prototype. */
export type CodeLabels = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** `snake_case` or one lower-case word; or `UPPER_SNAKE` with at least one underscore. */
const LOWER_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const UPPER_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Whether `text` looks like a code rather than words. */
export function isCode(text: string): boolean {
  const t = text.trim();
  return LOWER_CODE.test(t) || UPPER_CODE.test(t);
}

/** `after_sales` -> "After sales"; anything that is not a code is returned trimmed, as written. */
export function humanizeCode(code: string): string {
  const t = code.trim();
  if (!isCode(t)) return t;
  const words = t.toLowerCase().replace(/_+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The labels of a config or a site manifest as a lookup (keys trimmed). */
export function codeLabels(labels: Readonly<Record<string, Readonly<Record<string, string>>>> | null | undefined): CodeLabels {
  const map = new Map<string, Readonly<Record<string, string>>>();
  if (labels) for (const [code, text] of Object.entries(labels)) map.set(code.trim(), text);
  return map;
}

/** A code in words for `locale`: its label (that language, else English, else any), else humanised. */
export function codeLabel(labels: CodeLabels, code: string, locale: Locale): string {
  const t = code.trim();
  const entry = labels.get(t);
  return (entry && localizedText(entry, locale)) ?? humanizeCode(t);
}
