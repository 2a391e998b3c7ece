/**
 * CP949 (Korean Excel's "ANSI"; WHATWG "euc-kr") where the platform's decoder
 * is plain EUC-KR. Browsers decode the Unified Hangul Code extension, the
 * 8,822 Hangul syllables that KS X 1001 lacks; Node's ICU "euc-kr" does not
 * (`8C 63` "똠" comes out as U+008C "c", `C4 72` as U+FFFD "r"). On such a
 * platform `textDecoder('euc-kr')` is a small decoder of our own over one
 * table built once:
 * - KS X 1001 (leads and trails A1–FE) from the platform's own decoder, plus
 *   € ® ㉾ (A2 E6–E8, added by KS X 1001:1998/2002, in the WHATWG index),
 *   without the user-defined rows C9 and FE (ICU maps them to private use);
 * - the extension: the syllables U+AC00–U+D7A3 that KS X 1001 lacks, in
 *   code-point order, laid out over leads 81–C6 with trails 41–5A, 61–7A,
 *   81–FE (only trails below A1 from lead A1 on; lead C6 up to trail 52).
 *   This is the WHATWG index-euc-kr layout: `81 41` = U+AC02, `8C 63` =
 *   U+B620, `C5 A0` = U+D78B, `C6 41` = U+D78D, `C6 52` = U+D7A3, then
 *   nothing up to `C6 A1` (checked against the index in
 *   tests/unit/ingest/cp949.test.ts).
 * Pointers, as in the WHATWG index: (lead − 0x81) × 190 + (trail − 0x41).
 */

export interface StreamDecoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

const LEADS = 0xfe - 0x81 + 1;
const TRAILS = 190;

let table: Uint16Array | null = null;
let platformOk: boolean | null = null;

/** Whether the platform's "euc-kr" decodes the UHC extension (browsers do, Node does not). */
export function platformDecodesCp949(): boolean {
  platformOk ??= new TextDecoder('euc-kr').decode(Uint8Array.of(0x8c, 0x63, 0xc6, 0x52)) === '\uB620\uD7A3';
  return platformOk;
}

/** A TextDecoder for `encoding`, with CP949 filled in where the platform lacks it. */
export function textDecoder(encoding: string, options: { fatal?: boolean; ignoreBOM?: boolean } = {}): StreamDecoder {
  if (encoding !== 'euc-kr' || platformDecodesCp949()) return new TextDecoder(encoding, options);
  return new Cp949Decoder(options.fatal === true);
}

/** Code point of `pointer` (0 = none). */
export function cp949Table(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(LEADS * TRAILS);
  // KS X 1001 from the platform: every pair A1–FE × A1–FE followed by LF, decoded at once.
  const bytes = new Uint8Array(94 * 94 * 3);
  let k = 0;
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      bytes[k++] = lead;
      bytes[k++] = trail;
      bytes[k++] = 0x0a;
    }
  }
  const decoded = new TextDecoder('euc-kr').decode(bytes).split('\n');
  const inKsx = new Uint8Array(11172);
  k = 0;
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoded[k++]!;
      if (ch.length !== 1 || ch === '\uFFFD') continue;
      const c = ch.charCodeAt(0);
      if (c >= 0xe000 && c <= 0xf8ff) continue; // ICU's private-use rows C9 and FE: not in the WHATWG index
      t[(lead - 0x81) * TRAILS + trail - 0x41] = c;
      if (c >= 0xac00 && c <= 0xd7a3) inKsx[c - 0xac00] = 1;
    }
  }
  t[(0xa2 - 0x81) * TRAILS + 0xe6 - 0x41] = 0x20ac; // €
  t[(0xa2 - 0x81) * TRAILS + 0xe7 - 0x41] = 0x00ae; // ®
  t[(0xa2 - 0x81) * TRAILS + 0xe8 - 0x41] = 0x327e; // ㉾
  // The extension, in code-point order over its layout.
  let syllable = 0;
  const next = () => {
    while (syllable < 11172 && inKsx[syllable]) syllable++;
    return syllable < 11172 ? 0xac00 + syllable++ : 0;
  };
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      if ((trail > 0x5a && trail < 0x61) || (trail > 0x7a && trail < 0x81) || (lead >= 0xa1 && trail >= 0xa1)) continue;
      const c = next();
      if (c === 0) break;
      t[(lead - 0x81) * TRAILS + trail - 0x41] = c;
    }
  }
  table = t;
  return t;
}

/** The WHATWG euc-kr decoder over `cp949Table()`: a bad pair is U+FFFD (an ASCII trail is kept), or a TypeError when fatal. */
class Cp949Decoder implements StreamDecoder {
  private lead = 0;
  private out = new Uint16Array(0);
  private readonly utf16 = new TextDecoder('utf-16le');
  private readonly table = cp949Table();
  private readonly fatal: boolean;

  constructor(fatal: boolean) {
    this.fatal = fatal;
  }

  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string {
    const input = bytes ?? new Uint8Array(0);
    if (this.out.length < input.length + 1) this.out = new Uint16Array(input.length + 1024);
    const out = this.out;
    const t = this.table;
    let lead = this.lead;
    let o = 0;
    for (let i = 0; i < input.length; i++) {
      const b = input[i]!;
      if (lead !== 0) {
        const c = b >= 0x41 && b <= 0xfe ? t[(lead - 0x81) * TRAILS + b - 0x41]! : 0;
        lead = 0;
        if (c !== 0) {
          out[o++] = c;
          continue;
        }
        o = this.error(out, o);
        if (b < 0x80) out[o++] = b;
        continue;
      }
      if (b < 0x80) out[o++] = b;
      else if (b === 0x80 || b === 0xff) o = this.error(out, o);
      else lead = b;
    }
    if (lead !== 0 && options?.stream !== true) {
      lead = 0;
      o = this.error(out, o);
    }
    this.lead = lead;
    return o === 0 ? '' : this.utf16.decode(out.subarray(0, o));
  }

  private error(out: Uint16Array, o: number): number {
    if (this.fatal) {
      this.lead = 0;
      throw new TypeError('The encoded data was not valid for encoding euc-kr');
    }
    out[o] = 0xfffd;
    return o + 1;
  }
}
