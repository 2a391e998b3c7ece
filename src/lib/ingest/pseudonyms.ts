/**
 * Pseudonyms for redacted sharing (redact.ts): a prefix saying what a value
 * is and the first hex digits of HMAC-SHA-256(salt, kind + NUL + value),
 * more digits where two values of a kind would share them; and the scrubber
 * that replaces redacted values found inside other text.
 *
 * Node only (node:crypto).
 */
import { createHmac } from 'node:crypto';

/** What a pseudonym stands for; part of the HMAC input, so one name is unlinkable across kinds. */
export const REDACTED_KINDS = ['deal_id', 'deal_name', 'account_id', 'account_name', 'owner', 'team', 'keyman', 'competitor'] as const;
export type RedactedKind = (typeof REDACTED_KINDS)[number];

/** Pseudonym prefixes per language of the data (config `locale`): ids stay ASCII in every language. */
export const PSEUDONYM_PREFIXES: Record<'en' | 'ko', Record<RedactedKind, string>> = {
  en: {
    deal_id: 'deal-',
    deal_name: 'Deal ',
    account_id: 'acct-',
    account_name: 'Account ',
    owner: 'Owner ',
    team: 'Team ',
    keyman: 'Keyman ',
    competitor: 'Competitor ',
  },
  ko: {
    deal_id: 'deal-',
    deal_name: '딜 ',
    account_id: 'acct-',
    account_name: '고객사 ',
    owner: '담당자 ',
    team: '팀 ',
    keyman: '키맨 ',
    competitor: '경쟁사 ',
  },
};

/** Hex digits of a pseudonym (24 bits), unless two values of a kind share them. */
export const PSEUDONYM_HEX_DIGITS = 6;

/** Pseudonyms for the values of each kind. */
export class Pseudonyms {
  private readonly values = new Map<RedactedKind, Set<string>>();
  private readonly table = new Map<RedactedKind, Map<string, string>>();

  private readonly salt: string;
  private readonly prefixes: Record<RedactedKind, string>;

  constructor(salt: string, prefixes: Record<RedactedKind, string>) {
    this.salt = salt;
    this.prefixes = prefixes;
    for (const kind of REDACTED_KINDS) this.values.set(kind, new Set());
  }

  /** Register a value (before `seal`); '' is never redacted. */
  add(kind: RedactedKind, value: string): void {
    if (value !== '') this.values.get(kind)!.add(value);
  }

  /** Compute every pseudonym: per kind, each value's hex prefix long enough to differ from every other value's. */
  seal(): this {
    for (const kind of REDACTED_KINDS) {
      const sorted = [...this.values.get(kind)!].map((value) => {
        const hex = hmacHex(this.salt, `${kind}\u0000${value}`);
        // The first 48 bits as a number: a cheap sort key, exact in a double.
        return { value, hex, key: Number.parseInt(hex.slice(0, 12), 16) };
      });
      sorted.sort((a, b) => a.key - b.key || (a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0));
      const map = new Map<string, string>();
      sorted.forEach((e, i) => {
        const before = i > 0 ? commonPrefix(sorted[i - 1]!.hex, e.hex) : 0;
        const after = i + 1 < sorted.length ? commonPrefix(sorted[i + 1]!.hex, e.hex) : 0;
        const digits = Math.max(PSEUDONYM_HEX_DIGITS, Math.max(before, after) + 1);
        map.set(e.value, `${this.prefixes[kind]}${e.hex.slice(0, digits)}`);
      });
      this.table.set(kind, map);
    }
    return this;
  }

  /** The pseudonym of a value ('' stays ''). */
  of(kind: RedactedKind, value: string): string {
    if (value === '') return '';
    const p = this.table.get(kind)!.get(value);
    if (p === undefined) throw new Error(`internal: no pseudonym for a ${kind} value`);
    return p;
  }

  /** The pseudonym of a value of any kind (`preferred` first), or undefined when it is no redacted value. */
  find(value: string, preferred?: RedactedKind): string | undefined {
    if (preferred) {
      const p = this.table.get(preferred)!.get(value);
      if (p !== undefined) return p;
    }
    for (const kind of REDACTED_KINDS) {
      const p = this.table.get(kind)!.get(value);
      if (p !== undefined) return p;
    }
    return undefined;
  }

  /** Every (value, pseudonym) pair. */
  *entries(): Iterable<[string, string]> {
    for (const kind of REDACTED_KINDS) yield* this.table.get(kind)!;
  }
}

function hmacHex(salt: string, text: string): string {
  return createHmac('sha256', salt).update(text, 'utf8').digest('hex');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether a value is long enough to be searched for inside other text: 4
 * characters, or 3 when it has letters beyond ASCII (a Korean name is
 * usually 3 syllables). Shorter ones would replace parts of ordinary words.
 */
export function isSearchable(value: string): boolean {
  return value.length >= 4 || (value.length === 3 && /[^\p{ASCII}]/u.test(value));
}

/** Replaces every redacted value found inside a text by its pseudonym (longest first; whole words for ASCII values). */
export class Scrubber {
  private readonly byText = new Map<string, string>();
  private readonly lengths: number[];
  /** The first two characters of every value, to skip most positions at once. */
  private readonly starts = new Set<string>();
  private readonly memo = new Map<string, string>();

  constructor(pairs: Iterable<[string, string]>) {
    const lengths = new Set<number>();
    for (const [value, pseudonym] of pairs) {
      if (!isSearchable(value) || this.byText.has(value)) continue;
      this.byText.set(value, pseudonym);
      lengths.add(value.length);
      this.starts.add(value.slice(0, 2));
    }
    this.lengths = [...lengths].sort((a, b) => b - a);
  }

  scrub(text: string): string {
    if (text.length < 3 || this.byText.size === 0) return text;
    const known = this.memo.get(text);
    if (known !== undefined) return known;
    let out = '';
    let from = 0;
    let i = 0;
    while (i < text.length) {
      const match = this.starts.has(text.slice(i, i + 2)) ? this.matchAt(text, i) : 0;
      if (match > 0) {
        out += text.slice(from, i) + this.byText.get(text.slice(i, i + match))!;
        i += match;
        from = i;
      } else i++;
    }
    const result = from === 0 ? text : out + text.slice(from);
    if (this.memo.size < 100_000) this.memo.set(text, result);
    return result;
  }

  /** The length of the longest value at `i` (0 = none). */
  private matchAt(text: string, i: number): number {
    for (const n of this.lengths) {
      if (i + n > text.length) continue;
      const candidate = text.slice(i, i + n);
      if (!this.byText.has(candidate)) continue;
      // An ASCII word's value only as a whole word: "Dana" not inside "Danai".
      if (/[A-Za-z0-9]/.test(candidate[0]!) && i > 0 && /[A-Za-z0-9]/.test(text[i - 1]!)) continue;
      if (/[A-Za-z0-9]/.test(candidate[n - 1]!) && i + n < text.length && /[A-Za-z0-9]/.test(text[i + n]!)) continue;
      return n;
    }
    return 0;
  }
}

