/**
 * Bytes to text (input.md "Text"): UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM, Korean Excel's CP949 (WHATWG "euc-kr" is CP949), Windows-1252
 * (Salesforce Data Loader, Western European and Latin-American Excel), and
 * files that mix UTF-8 lines with lines in one of those two.
 * Pure and browser-safe: only TextDecoder and typed arrays, no Buffer.
 *
 * Files are decoded as a stream of small chunks (`ByteSource`), so a large
 * file never sits in memory whole, neither as bytes nor as one string.
 * Chunks stay small on purpose: V8 puts strings above ~128 KB in large-object
 * space, whose fresh pages cost page faults on every allocation (1 MB chunks
 * measured ten times slower than 32 KB ones on a 38 MB file).
 *
 * The attempts (`encodingAttempts`), each a fresh read of the source:
 * - With a UTF-16 BOM: strict UTF-16, then UTF-16 with U+FFFD (reported).
 *   UTF-16 is never cut into lines at 0x0A bytes: those are half characters.
 * - Otherwise strict UTF-8 over the whole stream, as fast as TextDecoder goes;
 *   nearly every file ends here.
 * - If some byte is not UTF-8: one scan of the bytes (`scanBytes`) sorts the
 *   physical lines into ASCII, UTF-8 and not-UTF-8 ones and weighs the
 *   evidence for CP949 and Windows-1252 (`chooseLegacy`); `planFallback` then
 *   reads the file as a whole in that legacy encoding, or line by line when
 *   most of it is UTF-8, or as UTF-8 with U+FFFD when neither fits.
 * - If the platform's CP949 decoder refuses bytes the scan let through, the
 *   same once more without CP949.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' | 'windows-1252';

/** The 8-bit encodings besides UTF-8 that a file without BOM is tried in. */
export type LegacyEncoding = 'euc-kr' | 'windows-1252';

/** A file's bytes as a re-readable sequence of chunks; a chunk may be reused after the next one is requested. */
export interface ByteSource {
  size: number;
  chunks(): Iterable<Uint8Array>;
}

export const CHUNK_BYTES = 32 * 1024;

export function byteSource(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ByteSource {
  return {
    size: bytes.length,
    *chunks() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
    },
  };
}

export type DecodeAttempt =
  /** One decoder for the whole stream. Fatal: throw UndecodableError at the first invalid byte, so the next attempt can take over. */
  | { kind: 'stream'; encoding: Encoding; fatal: boolean }
  /** Scan the bytes first and read them as `planFallback` decides; `cp949: false` once the platform's CP949 decoder refused the file. */
  | { kind: 'detect'; cp949: boolean };

export class UndecodableError extends Error {
  constructor(encoding: Encoding) {
    super(`not valid ${encoding}`);
    this.name = 'UndecodableError';
  }
}

/** A warning about how the bytes were read, for the file's issue log. */
export interface EncodingNotice {
  code: 'invalid_encoding' | 'mixed_encoding';
  /** The first physical line concerned (1-based), 0 when unknown. */
  line: number;
  message: string;
}

/** One reading of a file. */
export interface Decoding {
  /** How the text was read; a file of UTF-8 lines with a few legacy ones is 'utf-8'. */
  encoding: Encoding;
  /** Some bytes were unreadable and replaced by U+FFFD. */
  lossy: boolean;
  text: Iterable<string>;
  /** What to tell the user; final once `text` has been read to the end. */
  notice(): EncodingNotice | null;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'euc-kr': 'CP949',
  'windows-1252': 'Windows-1252',
};

/** The encoding a byte-order mark announces, if any. */
export function bomEncoding(head: Uint8Array): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The attempts in order; the last one never throws. A UTF-8 BOM gets the same
 * fallbacks as no BOM: Excel's "CSV UTF-8" files have one, and a line pasted
 * in from a legacy file does not remove it.
 */
export function encodingAttempts(head: Uint8Array): DecodeAttempt[] {
  const bom = bomEncoding(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    return [
      { kind: 'stream', encoding: bom, fatal: true },
      { kind: 'stream', encoding: bom, fatal: false },
    ];
  }
  return [
    { kind: 'stream', encoding: 'utf-8', fatal: true },
    { kind: 'detect', cp949: true },
    { kind: 'detect', cp949: false },
  ];
}

/** The first bytes of a source (enough to see a BOM), even from chunks smaller than that. */
export function headOf(source: ByteSource): Uint8Array {
  const head = new Uint8Array(4);
  let n = 0;
  for (const chunk of source.chunks()) {
    const take = Math.min(chunk.length, head.length - n);
    head.set(chunk.subarray(0, take), n);
    n += take;
    if (n === head.length) break;
  }
  return head.subarray(0, n);
}

type OnBytes = (done: number, total: number) => void;

/** Read `source` as `attempt` says. A 'detect' attempt scans the whole source before returning. */
export function decodeSource(source: ByteSource, attempt: DecodeAttempt, onBytes?: OnBytes): Decoding {
  if (attempt.kind === 'stream') return streamDecoding(source, attempt.encoding, attempt.fatal, onBytes);
  const scan = scanBytes(source);
  return plannedDecoding(source, scan, planFallback(scan, attempt.cp949), onBytes);
}

/** The text of `source` as chunks (see `decodeSource`). */
export function decodeChunks(source: ByteSource, attempt: DecodeAttempt, onBytes?: OnBytes): Iterable<string> {
  return decodeSource(source, attempt, onBytes).text;
}

export interface DecodedText {
  text: string;
  encoding: Encoding;
  lossy: boolean;
  notice?: EncodingNotice;
}

/** Decode a whole (small) file, trying the encodings in order, as `readTable` does for CSV files. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  for (const attempt of encodingAttempts(bytes)) {
    try {
      const decoding = decodeSource(byteSource(bytes), attempt);
      const text = [...decoding.text].join('');
      const notice = decoding.notice();
      return { text, encoding: decoding.encoding, lossy: decoding.lossy, ...(notice ? { notice } : {}) };
    } catch (e) {
      if (!(e instanceof UndecodableError)) throw e;
    }
  }
  throw new Error('unreachable: the last decoding attempt never throws');
}

// ---------------------------------------------------------------------------
// One decoder over the whole stream

function streamDecoding(source: ByteSource, encoding: Encoding, fatal: boolean, onBytes?: OnBytes): Decoding {
  if (fatal) return { encoding, lossy: false, text: decodeStream(source, encoding, { fatal, skip: 0 }, onBytes), notice: () => null };
  const first = { line: 0 };
  return {
    encoding,
    lossy: true,
    text: firstReplacementLine(decodeStream(source, encoding, { fatal, skip: 0 }, onBytes), first),
    notice: () => ({
      code: 'invalid_encoding',
      line: first.line,
      message: `the file is not valid ${ENCODING_NAMES[encoding]}${first.line > 0 ? ` (first at line ${first.line})` : ''}; unreadable bytes were replaced by U+FFFD`,
    }),
  };
}

/**
 * The text of `source` in one encoding, as chunks. TextDecoder strips the BOM
 * of its own encoding and, streaming, completes characters cut by a chunk edge.
 * `skip` drops leading bytes first (a UTF-8 BOM in a file read as legacy).
 */
function* decodeStream(source: ByteSource, encoding: Encoding, opts: { fatal: boolean; skip: number }, onBytes?: OnBytes): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: opts.fatal });
  let skip = opts.skip;
  let done = 0;
  for (let chunk of source.chunks()) {
    done += chunk.length;
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    const text = decodeOrThrow(decoder, encoding, chunk, true);
    onBytes?.(done, source.size);
    if (text) yield text;
  }
  const rest = decodeOrThrow(decoder, encoding, undefined, false);
  if (rest) yield rest;
}

function decodeOrThrow(decoder: TextDecoder, encoding: Encoding, bytes: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new UndecodableError(encoding);
  }
}

/** Pass `chunks` through, noting in `first.line` the line of the first U+FFFD (counting `\n`). */
function* firstReplacementLine(chunks: Iterable<string>, first: { line: number }): Generator<string> {
  let line = 1;
  for (const text of chunks) {
    if (first.line === 0) {
      const at = text.indexOf('\uFFFD');
      line += countChar(text, '\n', at === -1 ? text.length : at);
      if (at !== -1) first.line = line;
    }
    yield text;
  }
}

function countChar(text: string, ch: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1 && i < end; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------------------
// Scan: which lines are UTF-8, and what the others look like

/**
 * What the bytes of some lines say about the legacy encodings. CP949 is read
 * as lead + trail pairs (lead 81–FE; trail 41–5A, 61–7A or 81–FE after a lead
 * up to C6, the UHC extension; A1–FE after a lead from C7).
 */
class Evidence {
  /** Some byte cannot be CP949 (a lone lead, a bad trail, 80 or FF). */
  cp949Invalid = false;
  /** Pairs B0–C8 × A1–FE: the 2,350 KS X 1001 Hangul syllables that Korean text is nearly all made of. */
  hangul = 0;
  /**
   * Pairs Korean text seldom has: Hanja, the UHC extension's rare syllables
   * (all pairs with an ASCII-range trail), user-defined rows, and a lone
   * Hangul syllable with an ASCII letter on both sides, as in "AÇÃO" (C7 C3).
   * Latin text that happens to be valid CP949 is made of these.
   */
  rare = 0;
  /** Bytes 80–FF. */
  high = 0;
  /** High bytes in runs of three or more: Western text hardly ever has three non-ASCII characters in a row, CJK text mostly does. */
  clustered = 0;
  /** A byte Windows-1252 leaves undefined (81 8D 8F 90 9D). */
  undefined1252 = false;

  add(other: Evidence): void {
    this.cp949Invalid ||= other.cp949Invalid;
    this.hangul += other.hangul;
    this.rare += other.rare;
    this.high += other.high;
    this.clustered += other.clustered;
    this.undefined1252 ||= other.undefined1252;
  }

  clear(): void {
    this.cp949Invalid = false;
    this.hangul = this.rare = this.high = this.clustered = 0;
    this.undefined1252 = false;
  }
}

/**
 * The legacy encoding of the lines `e` describes, or null for none:
 * 1. CP949 when every byte is CP949 and KS X 1001 Hangul pairs are at least as
 *    many as rare pairs (KS X 1001 symbols such as ￦ and ㈜ count for neither
 *    side, so a file of symbols only stays CP949, as before Windows-1252
 *    existed). A strict CP949 pass alone proves little: Latin text
 *    often pairs up validly ("ação" = E7 E3 is a Hanja), but not into the
 *    common Hangul block between ASCII letters.
 * 2. Else Windows-1252, when it is plausible: no undefined byte, and at most
 *    half the high bytes in runs of three or more (Korean or Chinese read as
 *    Windows-1252 is long runs of symbols and accented capitals).
 * 3. Else CP949 if it is valid and has some Hangul (Hanja-heavy text, say).
 * Otherwise none: the bytes are read as UTF-8 with U+FFFD, and reported.
 */
function chooseLegacy(e: Evidence, cp949: boolean): LegacyEncoding | null {
  const korean = cp949 && !e.cp949Invalid;
  if (korean && e.hangul >= e.rare) return 'euc-kr';
  if (!e.undefined1252 && e.clustered * 2 <= e.high) return 'windows-1252';
  return korean && e.hangul > 0 ? 'euc-kr' : null;
}

interface ByteScan {
  /** Length of a UTF-8 BOM at the start (skipped by the scan, evidence for UTF-8). */
  bom: number;
  /** The byte that ends a line: LF, or CR in files whose first line break is a lone CR (as csv.ts decides). */
  newline: number;
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

/** One pass over `source` (see `LineScanner`). */
function scanBytes(source: ByteSource): ByteScan {
  const bom = bomEncoding(headOf(source)) === 'utf-8' ? 3 : 0;
  const scanner = new LineScanner(bom, newlineByte(source));
  let skip = bom;
  for (const chunk of source.chunks()) {
    const from = Math.min(skip, chunk.length);
    skip -= from;
    scanner.feed(chunk, from);
  }
  return scanner.finish();
}

/** LF, unless the first line break is a CR not followed by LF: the rule csv.ts applies to the text. */
function newlineByte(source: ByteSource): number {
  let pendingCr = false;
  for (const chunk of source.chunks()) {
    if (pendingCr) return chunk[0] === 0x0a ? 0x0a : 0x0d;
    const lf = chunk.indexOf(0x0a);
    const cr = chunk.indexOf(0x0d);
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      if (lf !== -1) return 0x0a;
      continue;
    }
    if (cr + 1 < chunk.length) return chunk[cr + 1] === 0x0a ? 0x0a : 0x0d;
    pendingCr = true;
  }
  return pendingCr ? 0x0d : 0x0a;
}

const isAsciiLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;
const isUndefined1252 = (b: number) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;

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

  constructor(bom: number, newline: number) {
    this.result = { bom, newline, lines: 0, utf8Lines: 0, badRuns: [], badLines: 0, bad: new Evidence(), good: new Evidence() };
  }

  feed(chunk: Uint8Array, from: number): void {
    const nl = this.result.newline;
    const n = chunk.length;
    if (from < n) this.lineHasBytes = true;
    let quiet = this.quiet();
    for (let i = from; i < n; i++) {
      const b = chunk[i]!;
      // The common case, ASCII with nothing pending, only looks for the line end.
      if (b >= 0x80 || !quiet) {
        if (i > from) this.prev = chunk[i - 1]!;
        this.utf8(b);
        this.cp949(b);
        this.win1252(b);
      }
      if (b === nl) {
        this.endLine();
        this.lineHasBytes = i + 1 < n;
      }
      quiet = b < 0x80 && (quiet || this.quiet());
    }
    if (from < n) this.prev = chunk[n - 1]!;
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
      if (!isCp949Trail(lead, b)) e.cp949Invalid = true;
      else this.pair(lead, b);
      return;
    }
    if (b < 0x80) return;
    if (b === 0x80 || b === 0xff) e.cp949Invalid = true;
    else {
      this.lead = b;
      this.beforeLead = this.prev;
    }
  }

  private pair(lead: number, trail: number): void {
    const kind = cp949Kind(lead, trail);
    if (kind === 'rare') this.cur.rare++;
    else if (kind === 'hangul') {
      if (isAsciiLetter(this.beforeLead)) this.hangulWait = true;
      else this.cur.hangul++;
    }
  }

  private win1252(b: number): void {
    if (b < 0x80) {
      this.run = 0;
      return;
    }
    const e = this.cur;
    e.high++;
    if (isUndefined1252(b)) e.undefined1252 = true;
    this.run++;
    if (this.run === 3) e.clustered += 3;
    else if (this.run > 3) e.clustered++;
  }

  private endLine(): void {
    const e = this.cur;
    if (this.need > 0) this.utf8Bad = true; // the file ends inside a character
    if (this.lead !== 0) e.cp949Invalid = true;
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
    this.resetLine();
  }

  private resetLine(): void {
    if (this.cur.high > 0) this.cur.clear();
    this.need = 0;
    this.lo = 0x80;
    this.hi = 0xbf;
    this.utf8Bad = false;
    this.lead = 0;
    this.beforeLead = 0;
    this.hangulWait = false;
    this.prev = 0;
    this.run = 0;
  }
}

// ---------------------------------------------------------------------------
// Plan and read

type FallbackPlan =
  /** The whole file in one legacy encoding: as fast as the UTF-8 path. */
  | { mode: 'legacy'; encoding: LegacyEncoding }
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
function planFallback(scan: ByteScan, cp949: boolean): FallbackPlan {
  const utf8Evidence = scan.bom > 0 || scan.utf8Lines > 0;
  if (utf8Evidence && scan.badLines * 2 < scan.lines) {
    const legacy = chooseLegacy(scan.bad, cp949);
    return legacy ? { mode: 'mixed', legacy } : { mode: 'lossy' };
  }
  const all = new Evidence();
  all.add(scan.bad);
  all.add(scan.good);
  const legacy = chooseLegacy(all, cp949);
  return legacy ? { mode: 'legacy', encoding: legacy } : { mode: 'lossy' };
}

function plannedDecoding(source: ByteSource, scan: ByteScan, plan: FallbackPlan, onBytes?: OnBytes): Decoding {
  const firstBad = scan.badRuns[0] ?? 0;
  const lines = lineList(scan.badRuns, scan.badLines);
  const plural = scan.badLines !== 1;
  switch (plan.mode) {
    case 'legacy': {
      // Fatal for CP949: the scan checks the pair structure, the platform's table has holes (and Node's "euc-kr" is plain EUC-KR).
      const opts = { fatal: plan.encoding === 'euc-kr', skip: scan.bom };
      return { encoding: plan.encoding, lossy: false, text: decodeStream(source, plan.encoding, opts, onBytes), notice: () => null };
    }
    case 'mixed': {
      const message = `${lines} ${plural ? 'are' : 'is'} not UTF-8 and ${plural ? 'were' : 'was'} read as ${ENCODING_NAMES[plan.legacy]}; the rest is UTF-8. Re-export the file as UTF-8 to be sure`;
      const notice: EncodingNotice = { code: 'mixed_encoding', line: firstBad, message };
      return { encoding: 'utf-8', lossy: false, text: decodeMixed(source, scan, plan.legacy, onBytes), notice: () => notice };
    }
    case 'lossy': {
      const message = `${lines} ${plural ? 'are' : 'is'} not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U+FFFD`;
      const notice: EncodingNotice = { code: 'invalid_encoding', line: firstBad, message };
      return { encoding: 'utf-8', lossy: true, text: decodeStream(source, 'utf-8', { fatal: false, skip: 0 }, onBytes), notice: () => notice };
    }
  }
}

/** "line 4", "lines 4, 17 and 203", "lines 1, 2, …, 20 and 35 more". */
export function lineList(runs: readonly number[], count: number, cap = 20): string {
  const shown: number[] = [];
  for (let r = 0; r < runs.length && shown.length < cap; r += 2) {
    for (let line = runs[r]!; line < runs[r + 1]! && shown.length < cap; line++) shown.push(line);
  }
  if (count === 1) return `line ${shown[0]}`;
  const more = count - shown.length;
  if (more > 0) return `lines ${shown.join(', ')} and ${more} more`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The mixed file's text: runs of lines alternate between the UTF-8 decoder
 * and the legacy one at the boundaries the scan found (`badRuns`). A line
 * end is a character boundary in all three encodings, so each run flushes
 * its decoder; within a run, decoders stream across chunk edges as usual.
 */
function* decodeMixed(source: ByteSource, scan: ByteScan, legacy: LegacyEncoding, onBytes?: OnBytes): Generator<string> {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }); // the BOM is skipped by hand; the scan validated these lines
  const other = new TextDecoder(legacy, { fatal: legacy === 'euc-kr' });
  const boundaries = scan.badRuns;
  const nl = scan.newline;
  let next = 0;
  let inBad = false;
  let line = 1;
  let skip = scan.bom;
  let done = 0;
  for (const chunk of source.chunks()) {
    done += chunk.length;
    let pos = Math.min(skip, chunk.length);
    skip -= pos;
    const out: string[] = [];
    while (pos < chunk.length) {
      const until = boundaries[next];
      // After the last boundary, lines need no counting: the rest is one run.
      let end = until === undefined ? -1 : pos;
      while (until !== undefined && line < until && end !== -1) {
        const at = chunk.indexOf(nl, end);
        if (at === -1) end = -1;
        else {
          end = at + 1;
          line++;
        }
      }
      const [decoder, encoding]: [TextDecoder, Encoding] = inBad ? [other, legacy] : [utf8, 'utf-8'];
      if (end === -1) {
        out.push(decodeOrThrow(decoder, encoding, chunk.subarray(pos), true));
        break;
      }
      out.push(decodeOrThrow(decoder, encoding, chunk.subarray(pos, end), false));
      pos = end;
      inBad = !inBad;
      next++;
    }
    onBytes?.(done, source.size);
    const text = out.join('');
    if (text) yield text;
  }
  const rest = decodeOrThrow(utf8, 'utf-8', undefined, false) + decodeOrThrow(other, legacy, undefined, false);
  if (rest) yield rest;
}
