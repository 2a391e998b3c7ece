/**
 * Which legacy encoding a file that is not UTF-8 is in (input.md "Text"):
 * one scan of the bytes (`scanBytes`) sorts the physical lines into ASCII,
 * UTF-8 and not-UTF-8 ones and weighs the evidence for CP949 and
 * Windows-1252 (`chooseLegacy`); `planFallback` then says how decode.ts reads
 * the file: whole in that legacy encoding, line by line when most of it is
 * UTF-8, or as UTF-8 with U+FFFD when neither fits.
 *
 * Physical lines end at LF, CRLF or a lone CR, as in csv.ts. The scan stops
 * at the first NUL byte: such a file is refused (table.ts) whatever its encoding.
 */
import type { ByteSource } from './decode.ts';

/** The 8-bit encodings besides UTF-8 that a file without BOM is tried in ('macintosh': Mac Roman, Excel for Mac's "CSV (Macintosh)"). */
export type LegacyEncoding = 'euc-kr' | 'windows-1252' | 'macintosh';

/**
 * What the bytes of some lines say about the legacy encodings. CP949 is read
 * as lead + trail pairs (lead 81–FE; trail 41–5A, 61–7A or 81–FE after a lead
 * up to C6, the UHC extension; A1–FE after a lead from C7).
 */
class Evidence {
  /** Lines with a byte that cannot be CP949 (a lone lead, a bad trail, 80 or FF); 0 or 1 while a line is scanned. */
  cp949InvalidLines = 0;
  /** Pairs B0–C8 × A1–FE: the 2,350 KS X 1001 Hangul syllables that Korean text is nearly all made of. */
  hangul = 0;
  /**
   * Pairs Korean text seldom has: Hanja, the UHC extension's rare syllables
   * (all pairs with an ASCII-range trail), user-defined rows, and a lone
   * Hangul syllable with an ASCII letter on both sides, as in "AÇÃO" (C7 C3).
   * Latin text that happens to be valid CP949 is made of these.
   */
  rare = 0;
  /** Of the rare pairs, KS X 1001's Hanja (CA–FD × A1–FE): where most of Chinese GBK text falls, beside "Hangul". */
  hanja = 0;
  /** Bytes 80–FF. */
  high = 0;
  /** High bytes in runs of three or more: Western text hardly ever has three non-ASCII characters in a row, CJK text mostly does. */
  clustered = 0;
  /** A byte Windows-1252 leaves undefined (81 8D 8F 90 9D). */
  undefined1252 = false;
  /**
   * A high byte alone between two ASCII letters (a word's accented letter): one that Mac Roman reads as a letter
   * and Windows-1252 as a symbol or a capital (`macLetters`: 'Z\x9Frich' is Zürich in Mac Roman, ZŸrich in
   * Windows-1252), and one that Windows-1252 reads as a letter (`winLetters`: C0–FF, where Mac Roman has symbols).
   */
  macLetters = 0;
  winLetters = 0;

  add(other: Evidence): void {
    this.cp949InvalidLines += other.cp949InvalidLines;
    this.hangul += other.hangul;
    this.rare += other.rare;
    this.hanja += other.hanja;
    this.high += other.high;
    this.clustered += other.clustered;
    this.undefined1252 ||= other.undefined1252;
    this.macLetters += other.macLetters;
    this.winLetters += other.winLetters;
  }

  clear(): void {
    this.cp949InvalidLines = 0;
    this.hangul = this.rare = this.hanja = this.high = this.clustered = this.macLetters = this.winLetters = 0;
    this.undefined1252 = false;
  }
}

/**
 * The legacy encoding of the lines `e` describes, or null for none:
 * 1. CP949 when every byte is CP949 and KS X 1001 Hangul pairs are at least as
 *    many as rare pairs (KS X 1001 symbols such as ￦ and ㈜ count for neither
 *    side, so a file of symbols only stays CP949). A strict CP949 pass alone
 *    proves little: Latin text often pairs up validly ("ação" = E7 E3 is a
 *    Hanja), but not into the common Hangul block between ASCII letters.
 * 2. Else, for Western text (at most half the high bytes in runs of three or
 *    more: Korean or Chinese read as Windows-1252 is long runs of symbols and
 *    accented capitals), Mac Roman when more of its words' accented letters
 *    are letters in Mac Roman than in Windows-1252 (`Evidence.macLetters`;
 *    a single one that Windows-1252 leaves undefined is taken for damage).
 * 3. Else Windows-1252, for Western text without an undefined byte.
 * 4. Else CP949 if it is valid and has some Hangul (Hanja-heavy text, say).
 * Otherwise none: the bytes are read as UTF-8 with U+FFFD, and reported.
 */
function chooseLegacy(e: Evidence, cp949: boolean): LegacyEncoding | null {
  const korean = cp949 && e.cp949InvalidLines === 0;
  if (korean && e.hangul >= e.rare) return 'euc-kr';
  // Western text either way: Korean, Chinese or Japanese bytes come in long runs (below).
  const western = e.clustered * 2 <= e.high;
  // One byte Windows-1252 leaves undefined between letters ('a\x81b') is more likely damage than Mac Roman's Å: two are not.
  if (western && e.macLetters > e.winLetters && (e.macLetters > 1 || !e.undefined1252)) return 'macintosh';
  if (western && !e.undefined1252) return 'windows-1252';
  return korean && e.hangul > 0 ? 'euc-kr' : null;
}

export interface ByteScan {
  /** Length of a UTF-8 BOM at the start (skipped by the scan, evidence for UTF-8). */
  bom: number;
  lines: number;
  /** Valid UTF-8 lines with non-ASCII bytes: positive evidence of UTF-8. */
  utf8Lines: number;
  /** Lines that are not valid UTF-8, as flat [first, end) pairs of line numbers, in order and never touching. */
  badRuns: number[];
  badLines: number;
  /** Evidence from the lines that are not UTF-8, and from the valid UTF-8 lines with non-ASCII bytes. */
  bad: Evidence;
  good: Evidence;
}

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

export type FallbackPlan =
  /**
   * The whole file in one legacy encoding: as fast as the UTF-8 path.
   * `tolerant`: the file is plainly Korean (`plainlyKorean`), so a damaged
   * byte or one the CP949 table lacks becomes U+FFFD on its line, reported;
   * otherwise such a byte refuses CP949 for the whole file. `doubtful`: read
   * as CP949 with Hanja pairs over a quarter of its Hangul ones, as Chinese
   * text is: said, since names would then read garbled.
   */
  | { mode: 'legacy'; encoding: LegacyEncoding; tolerant: boolean; doubtful: boolean }
  /** Valid UTF-8 lines as UTF-8, the others (`ByteScan.badRuns`) in `legacy`. */
  | { mode: 'mixed'; legacy: LegacyEncoding }
  /** UTF-8 with U+FFFD: no legacy encoding fits. */
  | { mode: 'lossy' };

/**
 * Line by line only with evidence of UTF-8 (a BOM, or a valid UTF-8 line with
 * non-ASCII bytes) and when most lines are valid UTF-8; the legacy encoding
 * then comes from the other lines alone. Otherwise the file is legacy as a
 * whole: a file that is mostly not UTF-8 is taken to be one legacy file in
 * which a few lines happen to form valid UTF-8, which short CP949 lines can.
 * Lines that are pure ASCII read the same either way.
 */
export function planFallback(scan: ByteScan, cp949: boolean): FallbackPlan {
  const utf8Evidence = scan.bom > 0 || scan.utf8Lines > 0;
  if (utf8Evidence && scan.badLines * 2 < scan.lines) {
    const legacy = chooseLegacy(scan.bad, cp949);
    if (legacy) return { mode: 'mixed', legacy };
    // A BOM the only evidence of UTF-8 (a tool put it before a legacy file's lines): read as a whole, as below.
    if (scan.utf8Lines > 0) return { mode: 'lossy' };
  }
  const all = new Evidence();
  all.add(scan.bad);
  all.add(scan.good);
  const tolerant = cp949 && plainlyKorean(all);
  const legacy = chooseLegacy(all, cp949) ?? (tolerant ? 'euc-kr' : null);
  if (!legacy) return { mode: 'lossy' };
  // Chinese GBK pairs up into CP949's Hangul and Hanja about evenly; Korean text has a Hanja now and then.
  const doubtful = legacy === 'euc-kr' && all.hanja * 4 > all.hangul;
  return { mode: 'legacy', encoding: legacy, tolerant: tolerant && legacy === 'euc-kr', doubtful };
}

/**
 * Korean Excel's CP949 beyond doubt, though a few lines may hold bytes that
 * are not CP949 (a two-byte character cut in half by a tool that counted
 * bytes, say): Hangul pairs at least ten times the rare ones, and at least
 * twenty for each damaged line. Chinese GBK pairs up into "Hangul" too, but
 * about as often into rare pairs; Latin text seldom forms Hangul pairs at all.
 * Reading such a file as CP949 loses the damaged characters alone, where
 * UTF-8 with U+FFFD would lose every Korean character in it.
 */
function plainlyKorean(e: Evidence): boolean {
  return e.hangul > 0 && e.hangul >= 10 * e.rare && e.hangul >= 20 * e.cp949InvalidLines;
}
