/**
 * Which legacy encoding a file that is not UTF-8 is in (input.md "Text"):
 * one scan of the bytes (`scanBytes`) sorts the physical lines into ASCII,
 * UTF-8 and not-UTF-8 ones and gathers each kind's evidence for CP949,
 * Windows-1252 and Mac Roman; encoding-plan.ts weighs it.
 *
 * Physical lines end at LF, CRLF or a lone CR, as in csv.ts. The scan stops
 * at the first NUL byte: such a file is refused (table.ts) whatever its encoding.
 */
import type { ByteSource } from './decode.ts';
import { type ByteScan, Evidence } from './encoding-plan.ts';

/** One pass over `source` (see `LineScanner`), skipping a BOM of `bom` bytes; stops at a NUL byte. */
export function scanBytes(source: ByteSource, bom: number): ByteScan {
  const scanner = new LineScanner(bom);
  let skip = bom;
  for (const chunk of source.chunks()) {
    const from = Math.min(skip, chunk.length);
    skip -= from;
    if (!scanner.feed(chunk, from)) break;
  }
  return scanner.finish();
}

const LF = 0x0a;
const CR = 0x0d;
const isAsciiLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;
const isUndefined1252 = (b: number) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;

/**
 * Inside a word, which encoding reads byte `b` as a letter: Mac Roman's 80–9F are its accented letters (Ä … ü)
 * and A7, AE, AF, BE, BF are ß Æ Ø æ ø, where Windows-1252 has punctuation, symbols and capitals (Š Œ Ž Ÿ);
 * Windows-1252's C0–FF (but × and ÷) are its accented letters, where Mac Roman has symbols. Neither: 92 (’ in
 * "don’t", í in Mac Roman) and 9A 9C 9E (š œ ž, ö ú û), letters in both.
 */
function wordLetterIn(b: number): 'mac' | 'win' | null {
  if (b >= 0xc0) return b === 0xd7 || b === 0xf7 ? null : 'win';
  if (b <= 0x9f) return b === 0x92 || b === 0x9a || b === 0x9c || b === 0x9e ? null : 'mac';
  return b === 0xa7 || b === 0xae || b === 0xaf || b === 0xbe || b === 0xbf ? 'mac' : null;
}

function isCp949Trail(lead: number, b: number): boolean {
  if (lead >= 0xc7) return b >= 0xa1 && b <= 0xfe;
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x81 && b <= 0xfe);
}

/** 'hangul': KS X 1001 Hangul; 'symbol': KS X 1001 rows A1–AC (￦ ㈜ ※ ·, full-width forms), usual in Korean text and no evidence either way. */
function cp949Kind(lead: number, trail: number): 'hangul' | 'symbol' | 'rare' {
  if (lead >= 0xa1 && trail >= 0xa1) {
    if (lead >= 0xb0 && lead <= 0xc8) return 'hangul';
    if (lead <= 0xac) return 'symbol';
  }
  return 'rare';
}

/**
 * A byte-level state machine over physical lines, carried across chunks, so
 * that no line is ever held: a strict UTF-8 validator (the same rules as a
 * fatal TextDecoder), a CP949 pair reader and a counter of high-byte runs.
 * At each line end the line's evidence goes to `bad` or `good`.
 */
class LineScanner {
  private readonly result: ByteScan;
  private line = 1;
  private lineHasBytes = false;
  /** The last byte was a CR: the line ended there unless an LF follows. */
  private cr = false;
  private readonly cur = new Evidence();
  // UTF-8: continuation bytes still expected, and the range allowed for the next one.
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private utf8Bad = false;
  // CP949: a lead waiting for its trail, the byte before it, and a Hangul pair after an ASCII letter waiting to see the next byte.
  private lead = 0;
  private beforeLead = 0;
  private hangulWait = false;
  /** The byte before the one being looked at (0 at a line start). */
  private prev = 0;
  // Windows-1252: length of the current run of high bytes.
  private run = 0;
  /** A high byte right after an ASCII letter, waiting to see whether a letter follows it (`Evidence.macLetters`). */
  private wordHigh = 0;

  constructor(bom: number) {
    this.result = { bom, lines: 0, utf8Lines: 0, badRuns: [], badLines: 0, bad: new Evidence(), good: new Evidence() };
  }

  /** Scan `chunk` from `from`; false at a NUL byte (the rest of the file need not be read). */
  feed(chunk: Uint8Array, from: number): boolean {
    const nul = chunk.indexOf(0, from);
    const n = nul === -1 ? chunk.length : nul;
    let quiet = this.quiet();
    for (let i = from; i < n; i++) {
      const b = chunk[i]!;
      if (this.cr) {
        this.cr = false;
        if (b !== LF) this.endLine();
      }
      this.lineHasBytes = true;
      // The common case, ASCII with nothing pending, only looks for the line end.
      if (b >= 0x80 || !quiet) {
        if (i > from) this.prev = chunk[i - 1]!;
        this.utf8(b);
        this.cp949(b);
        this.win1252(b);
      }
      if (b === LF) this.endLine();
      else if (b === CR) this.cr = true;
      quiet = b < 0x80 && (quiet || this.quiet());
    }
    if (n > from) this.prev = chunk[n - 1]!;
    return nul === -1;
  }

  /** No state machine waits for a next byte. */
  private quiet(): boolean {
    return this.need === 0 && this.lead === 0 && !this.hangulWait && this.run === 0;
  }

  finish(): ByteScan {
    if (this.lineHasBytes) this.endLine();
    return this.result;
  }

  private utf8(b: number): void {
    if (this.utf8Bad) return;
    if (this.need > 0) {
      if (b < this.lo || b > this.hi) return this.invalidUtf8();
      this.need--;
      this.lo = 0x80;
      this.hi = 0xbf;
      return;
    }
    if (b < 0x80) return;
    if (b >= 0xc2 && b <= 0xdf) this.need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      this.need = 2;
      if (b === 0xe0) this.lo = 0xa0; // overlong
      if (b === 0xed) this.hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.need = 3;
      if (b === 0xf0) this.lo = 0x90; // overlong
      if (b === 0xf4) this.hi = 0x8f; // above U+10FFFF
    } else this.invalidUtf8();
  }

  private invalidUtf8(): void {
    this.utf8Bad = true;
    this.need = 0;
    this.lo = 0x80;
    this.hi = 0xbf;
  }

  private cp949(b: number): void {
    const e = this.cur;
    if (this.hangulWait) {
      this.hangulWait = false;
      if (isAsciiLetter(b)) e.rare++;
      else e.hangul++;
    }
    if (this.lead !== 0) {
      const lead = this.lead;
      this.lead = 0;
      if (!isCp949Trail(lead, b)) e.cp949InvalidLines = 1;
      else this.pair(lead, b);
      return;
    }
    if (b < 0x80) return;
    if (b === 0x80 || b === 0xff) e.cp949InvalidLines = 1;
    else {
      this.lead = b;
      this.beforeLead = this.prev;
    }
  }

  private pair(lead: number, trail: number): void {
    const kind = cp949Kind(lead, trail);
    if (kind === 'rare') {
      this.cur.rare++;
      if (lead >= 0xca && lead <= 0xfd && trail >= 0xa1) this.cur.hanja++;
    }
    else if (kind === 'hangul') {
      if (isAsciiLetter(this.beforeLead)) this.hangulWait = true;
      else this.cur.hangul++;
    }
  }

  private win1252(b: number): void {
    const e = this.cur;
    if (this.wordHigh !== 0) {
      if (isAsciiLetter(b)) {
        const letter = wordLetterIn(this.wordHigh);
        if (letter === 'mac') e.macLetters++;
        else if (letter === 'win') e.winLetters++;
      }
      this.wordHigh = 0;
    }
    if (b < 0x80) {
      this.run = 0;
      return;
    }
    e.high++;
    if (isUndefined1252(b)) e.undefined1252 = true;
    if (this.run === 0 && isAsciiLetter(this.prev)) this.wordHigh = b;
    this.run++;
    if (this.run === 3) e.clustered += 3;
    else if (this.run > 3) e.clustered++;
  }

  private endLine(): void {
    const e = this.cur;
    if (this.need > 0) this.utf8Bad = true; // the line ends inside a character
    if (this.lead !== 0) e.cp949InvalidLines = 1;
    if (this.hangulWait) e.hangul++;
    const r = this.result;
    r.lines++;
    if (this.utf8Bad) {
      r.badLines++;
      const runs = r.badRuns;
      if (runs.length > 0 && runs[runs.length - 1] === this.line) runs[runs.length - 1] = this.line + 1;
      else runs.push(this.line, this.line + 1);
      r.bad.add(e);
    } else if (e.high > 0) {
      r.utf8Lines++;
      r.good.add(e);
    }
    this.line++;
    this.lineHasBytes = false;
    if (e.high > 0) e.clear();
    this.need = 0;
    this.lo = 0x80;
    this.hi = 0xbf;
    this.utf8Bad = false;
    this.lead = 0;
    this.beforeLead = 0;
    this.hangulWait = false;
    this.prev = 0;
    this.run = 0;
    this.wordHigh = 0;
  }
}
