/**
 * Bytes to text (input.md "Text"): UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM, Korean Excel's CP949 (WHATWG "euc-kr" is CP949; cp949.ts fills
 * in what Node's decoder lacks), Windows-1252 (Salesforce Data Loader,
 * Western European and Latin-American Excel), and files that mix UTF-8
 * lines with lines in one of those two.
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
 * - If some byte is not UTF-8: encoding-detect.ts scans the bytes once and
 *   encoding-plan.ts plans the reading: the file as a whole in a legacy
 *   encoding, or line by line when most of it is UTF-8, or as UTF-8 with
 *   U+FFFD when neither fits.
 *   A plainly Korean file is read as CP949 even with a few damaged lines,
 *   their bad bytes replaced by U+FFFD and listed (`tolerantCp949`).
 * - If the CP949 decoder refuses bytes the scan let through (in a file not
 *   plainly Korean), the same once more without CP949.
 *
 * A NUL byte (a U+0000 character in UTF-16) is never text: each reading
 * notes where the first one is (`Decoding.firstNul`), and csv.ts refuses
 * the file there.
 */
import { decodeMixed, decodeStream, type Nul, replacementLines, UndecodableError } from './decode-stream.ts';
import { LineRuns, lineList } from './line-runs.ts';
import { scanBytes } from './encoding-detect.ts';
import { type ByteScan, type FallbackPlan, type LegacyEncoding, planFallback } from './encoding-plan.ts';

export { UndecodableError };
export type { LegacyEncoding };

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' | 'windows-1252' | 'macintosh';

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
  /** Scan the bytes first and read them as `planFallback` decides; `cp949: false` once the CP949 decoder refused the file. */
  | { kind: 'detect'; cp949: boolean };

/** A warning about how the bytes were read, for the file's issue log. */
export interface EncodingNotice {
  code: 'invalid_encoding' | 'mixed_encoding' | 'encoding_guess';
  /** The first physical line concerned (1-based), 0 when unknown. */
  line: number;
  message: string;
}

/** One reading of a file. */
export interface Decoding {
  /** How the text was read; a file of UTF-8 lines with a few legacy ones is 'utf-8'. */
  encoding: Encoding;
  /** Some bytes were unreadable and replaced by U+FFFD (for a tolerant CP949 reading, final once `text` has been read). */
  lossy: boolean;
  text: Iterable<string>;
  /** What to tell the user; final once `text` has been read to the end. */
  notice(): EncodingNotice | null;
  /** Byte offset of the first NUL byte in the chunks decoded so far, -1 for none. */
  firstNul(): number;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'euc-kr': 'CP949',
  'windows-1252': 'Windows-1252',
  macintosh: 'Mac Roman',
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
export function headOf(source: ByteSource, bytes = 4): Uint8Array {
  const head = new Uint8Array(bytes);
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

/** Read `source` as `attempt` says. A 'detect' attempt scans the whole source (up to a NUL byte) before returning. */
export function decodeSource(source: ByteSource, attempt: DecodeAttempt, onBytes?: OnBytes): Decoding {
  if (attempt.kind === 'stream') return streamDecoding(source, attempt.encoding, attempt.fatal, onBytes);
  const scan = scanBytes(source, bomEncoding(headOf(source)) === 'utf-8' ? 3 : 0);
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
  const nul: Nul = { at: -1 };
  const firstNul = () => nul.at;
  const text = decodeStream(source, encoding, { fatal, skip: 0, nul }, onBytes);
  if (fatal) return { encoding, lossy: false, text, notice: () => null, firstNul };
  const first = new LineRuns();
  return {
    encoding,
    lossy: true,
    text: replacementLines(text, first, 1),
    notice: () => {
      const line = first.runs[0] ?? 0;
      return {
        code: 'invalid_encoding',
        line,
        message: `the file is not valid ${ENCODING_NAMES[encoding]}${line > 0 ? ` (first at line ${line})` : ''}; unreadable bytes were replaced by U+FFFD`,
      };
    },
    firstNul,
  };
}

// ---------------------------------------------------------------------------
// Planned readings of a file that is not UTF-8

function plannedDecoding(source: ByteSource, scan: ByteScan, plan: FallbackPlan, onBytes?: OnBytes): Decoding {
  const firstBad = scan.badRuns[0] ?? 0;
  const lines = lineList(scan.badRuns, scan.badLines);
  const plural = scan.badLines !== 1;
  const nul: Nul = { at: -1 };
  const firstNul = () => nul.at;
  switch (plan.mode) {
    case 'legacy': {
      if (plan.tolerant) return tolerantCp949(source, scan, nul, onBytes);
      // Fatal for CP949: the scan checks the pair structure only, and the table has holes.
      const opts = { fatal: plan.encoding === 'euc-kr', skip: scan.bom, nul };
      const guess: EncodingNotice | null = plan.doubtful
        ? { code: 'encoding_guess', line: firstBad, message: `the file was read as Korean CP949, but many of its characters are rare in Korean text; if it is Chinese (GBK) or Japanese, its names read garbled. ${SAVE_AS_UTF8}` }
        : plan.encoding === 'macintosh'
          ? { code: 'encoding_guess', line: firstBad, message: MAC_ROMAN_READ }
          : null;
      return { encoding: plan.encoding, lossy: false, text: decodeStream(source, plan.encoding, opts, onBytes), notice: () => guess, firstNul };
    }
    case 'mixed': {
      const message = `${lines} ${plural ? 'are' : 'is'} not UTF-8 and ${plural ? 'were' : 'was'} read as ${ENCODING_NAMES[plan.legacy]}; the rest is UTF-8. Re-export the file as UTF-8 to be sure`;
      const notice: EncodingNotice = { code: 'mixed_encoding', line: firstBad, message };
      return { encoding: 'utf-8', lossy: false, text: decodeMixed(source, scan, plan.legacy, nul, onBytes), notice: () => notice, firstNul };
    }
    case 'lossy': {
      // What to do about it: Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which end here.
      const message = `${lines} ${plural ? 'are' : 'is'} not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U+FFFD. ${SAVE_AS_UTF8}`;
      const notice: EncodingNotice = { code: 'invalid_encoding', line: firstBad, message };
      return { encoding: 'utf-8', lossy: true, text: decodeStream(source, 'utf-8', { fatal: false, skip: 0, nul }, onBytes), notice: () => notice, firstNul };
    }
  }
}

/**
 * A plainly Korean file read as CP949 whatever some of its lines hold: their
 * bad bytes become U+FFFD, and the lines that have one are listed. Read as
 * UTF-8 with U+FFFD instead, every Korean character of the file would be lost.
 */
function tolerantCp949(source: ByteSource, scan: ByteScan, nul: Nul, onBytes?: OnBytes): Decoding {
  const found = new LineRuns();
  const text = replacementLines(decodeStream(source, 'euc-kr', { fatal: false, skip: scan.bom, nul }, onBytes), found);
  const notice = (): EncodingNotice | null => {
    if (found.count === 0) return null;
    const plural = found.count !== 1;
    const lines = lineList(found.runs, found.count);
    const message = `${lines} ${plural ? 'have' : 'has'} bytes that are not CP949 (a two-byte character cut or damaged), replaced by U+FFFD; the rest of the file was read as CP949. Check ${plural ? 'those lines' : 'that line'}, or re-export the file as UTF-8`;
    return { code: 'invalid_encoding', line: found.runs[0]!, message };
  };
  return {
    encoding: 'euc-kr',
    // Known once the text is read, as the notice is.
    get lossy() {
      return found.count > 0;
    },
    text,
    notice,
    firstNul: () => nul.at,
  };
}

/**
 * Said of a file read as Mac Roman: told by its words' accented letters, which Windows-1252 would read as symbols
 * ("ZŸrich" for Zürich), so said, as a guess, with how to be sure.
 */
const MAC_ROMAN_READ =
  'the file was read as Mac Roman, as Excel for Mac saves "CSV (Macintosh)": its words\' accented letters are letters there and symbols in Windows-1252 (Zürich, not ZŸrich). Check its names; to be sure, save it as "CSV UTF-8 (Comma delimited) (*.csv)"';

/** How to give the file in an encoding that is read (input.md "Text"). */
const SAVE_AS_UTF8 = 'Save it as UTF-8 (in Excel: File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which are not read)';
