/**
 * How decode.ts reads a file that is not UTF-8 (input.md "Text"), from what
 * one scan of its bytes found (encoding-detect.ts `scanBytes`): the evidence
 * for CP949, Windows-1252 and Mac Roman that a scan gathers per line
 * (`Evidence`), the legacy encoding it points to (`chooseLegacy`), and the
 * plan (`planFallback`): whole in that legacy encoding, line by line when
 * most of the file is UTF-8, or as UTF-8 with U+FFFD when neither fits.
 */

/** The 8-bit encodings besides UTF-8 that a file without BOM is tried in ('macintosh': Mac Roman, Excel for Mac's "CSV (Macintosh)"). */
export type LegacyEncoding = 'euc-kr' | 'windows-1252' | 'macintosh';

/**
 * What the bytes of some lines say about the legacy encodings. CP949 is read
 * as lead + trail pairs (lead 81–FE; trail 41–5A, 61–7A or 81–FE after a lead
 * up to C6, the UHC extension; A1–FE after a lead from C7).
 */
export class Evidence {
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
