/**
 * A large vendor export read fast (Node only, like read-folder.ts). Its
 * head (the header, a report's title lines and a little more) is read by
 * the CSV reader; below it, each record that is plain is read straight from
 * the bytes (vendor/plain-records.ts), and from the first one that is not,
 * the CSV reader reads the rest. With two cores the file is cut after a line
 * end past its middle, a worker thread reads the second part while this
 * thread reads the first, and the second part's records are appended to
 * the first's.
 *
 * The cut is only kept when it fell between two records: the CSV reader
 * decides each record from its own text alone (csv-tokenizer.ts), so the
 * second part read from a record boundary gives exactly the records a
 * reading of the whole file gives there. When the first part ends inside a
 * record (a quoted cell spanning the cut), when either part is not strict
 * UTF-8, or when a part has anything a whole reading reports once per file
 * (bytes that are not UTF-8, text after a closing quote), the parts are
 * dropped and the caller reads the file whole, so every message is the one
 * a whole reading gives.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../dataset.ts';
import { bomEncoding } from './decode.ts';
import { IngestFatalError, IssueLog } from './issues.ts';
import type { Delimiter } from './csv.ts';
import { readPlainRecords } from './vendor/plain-records.ts';
import { finishVendorTable, type KeepColumns, readVendorRecords } from './vendor/read-table.ts';
import { type CodedRecords, VendorTable } from './vendor/vendor-table.ts';
import { headerWidth, type TableSpec } from './table.ts';
import { UndecodableError } from './decode-stream.ts';
import { siblingModule } from './sibling-module.ts';
import { appendAll } from '../append.ts';
import { cutAfterLineEnd, fileChangedError, fileReader, Hasher, headEnd, lineEndsBefore, rangeSource, wholeFileHash } from './file-ranges.ts';

/** Files from this size are read in two parts (below it, starting a worker costs more than it saves). */
export const SPLIT_BYTES = 32 * 1024 * 1024;

/** The share of the file this thread reads; the worker reads the rest (it starts ~0.3 s late: a thread, its modules). */
const FIRST_PART_SHARE = 0.6;

/** The head of the file, read by the CSV reader before the plain records: its header (and a report's title lines) and a little more. */
const HEAD_BYTES = 64 * 1024;

/**
 * Findings only a whole reading can make: those reported once per file, at
 * their first line, and a header repeated in another order, by which every
 * row after it is read. A part gives up on them (the file is then read whole).
 */
export const WHOLE_FILE_FINDINGS = new Set(['invalid_encoding', 'mixed_encoding', 'encoding_guess', 'quote_text', 'text_formula', 'unnamed_values', 'reordered_header']);

/** The header a part of a file sits under. */
export interface PartHeader {
  names: string[];
  headers: string[];
  headerLine: number;
  delimiter: Delimiter;
  keep: number[] | null;
}

/** What the worker is given: the part of the file to read, and the header it sits under. */
export interface PartJob extends PartHeader {
  file: string;
  path: string;
  start: number;
  end: number;
}

/** The worker's first message: its part (`bytes`: how many it read, to know the file kept its size). */
export type PartResult = { ok: true; coded: CodedRecords; rows: number; malformed: number; issues: Issue[]; relative: boolean; bytes: number } | { ok: false; why: string };

/** Its second: the whole file's sha256, hashed after the part was sent (null when the file's size changed). */
export interface HashResult {
  sha256: string | null;
}

/** How a part of a large export is read: UTF-8 only, every record checked against the header's cell count; `part`: below the header. */
function partSpec(file: string, part?: TableSpec['part']): TableSpec {
  return { file, required: [], known: [], fieldCount: true, utf8Only: true, ...(part ? { part } : {}) };
}

/** How a part was read: whether it ended at a record boundary, and its lines. */
export interface PartRead {
  clean: boolean;
  /** The line after the part's last, when its plain records took it to its end (else unknown: null). */
  endLine: number | null;
  /** Its lines were counted from 1 (`firstLine` null, and the part all plain records). */
  relative: boolean;
}

/**
 * Bytes `[start, end)` of a file, below its header and starting at a record
 * on line `firstLine`, into `table`: the plain records from the bytes, the
 * rest by the CSV reader. `firstLine` null: count lines from 1, and count
 * the lines above the part only if the CSV reader is needed (its messages
 * name lines). Issues go to `issues`; `onBytes` sees every byte once, in order.
 * `roomFor`: the bytes whose records the table makes room for up front
 * (this thread's table takes the worker's part too: growing it then is a copy).
 */
export function readPart(
  table: VendorTable,
  path: string,
  start: number,
  end: number,
  firstLine: number | null,
  header: PartHeader,
  issues: IssueLog,
  onBytes?: (bytes: Uint8Array) => void,
  roomFor = end - start,
): PartRead {
  const file = table.file;
  const maxCells = headerWidth(header.names);
  const reader = fileReader(path, start, end);
  let stop: ReturnType<typeof readPlainRecords>;
  try {
    stop = readPlainRecords(reader.read, table, { firstLine: firstLine ?? 1, delimiter: header.delimiter, maxCells, isUtf8: (bytes) => isUtf8(bytes), onBytes, size: roomFor });
  } finally {
    reader.close();
  }
  table.rows += stop.rows;
  if (start + stop.at === end) return { clean: true, endLine: stop.line, relative: firstLine === null };
  let line = stop.line;
  if (firstLine === null) {
    const above = lineEndsBefore(path, start);
    table.shiftLines(above);
    line += above;
  }
  const part = { names: header.names, headers: header.headers, headerLine: header.headerLine, firstLine: line, delimiter: header.delimiter };
  const rest = readVendorRecords(file, rangeSource(path, start + stop.at, end), partSpec(file, part), issues, undefined, undefined, table);
  return { clean: rest.table.cleanEnd, endLine: null, relative: false };
}

/**
 * The VendorTable of a large file, and its sha256: its head by the CSV
 * reader, the rest plain records first, in two parts at once when there
 * are two cores (`threads`). Null when the file is small (`minBytes`), not
 * UTF-8, or a part did not end between records or has something a whole
 * reading reports once per file: the caller then reads it whole. In two
 * parts, the worker hashes the file after sending its part, while this
 * thread goes on with the table: `sha256` settles later, and rejects with
 * an IngestFatalError if the file's size changed meanwhile.
 */
export async function readVendorFileSplit(
  file: string,
  path: string,
  size: number,
  issues: IssueLog,
  keep?: KeepColumns,
  { minBytes = SPLIT_BYTES, threads = availableParallelism() }: { minBytes?: number; threads?: number } = {},
): Promise<{ table: VendorTable; sha256: Promise<string> } | null> {
  if (size < minBytes || size === 0) return null;
  const head = new Uint8Array(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const bom = bomEncoding(head);
  if (bom !== null && bom !== 'utf-8') return null;
  // With one core, or no line end past the share, one part (no worker).
  const at = threads < 2 ? -1 : cutAfterLineEnd(path, Math.floor(size * FIRST_PART_SHARE), size);
  const cut = at === -1 ? size : at;
  // The head, read by the CSV reader: up to a line end past HEAD_BYTES (or past a quarter of a small file).
  const end = headEnd(path, Math.min(HEAD_BYTES, Math.floor(cut / 2)), cut);
  const headCut = end === -1 ? cut : end;

  const mark = issues.mark();
  let worker: Worker | null = null;
  let result: Promise<PartResult> | null = null;
  let hashed: Promise<HashResult | null> | null = null;
  let header = null as PartHeader | null;
  /** The line the second part starts on, when known without counting. */
  let lineAtCut: number | null = null;
  const drop = () => {
    issues.rollback(mark);
    void worker?.terminate();
    return null;
  };
  const spec = partSpec(file);
  let first: ReturnType<typeof readVendorRecords>;
  // One part: hashed as it is read. Two: the worker hashes the whole file (the bytes above its part first), since this thread has more to read.
  const hasher = cut === size ? new Hasher() : null;
  const hashChunk = hasher ? (chunk: Uint8Array) => hasher.add(chunk) : undefined;
  try {
    first = readVendorRecords(file, rangeSource(path, 0, headCut, hashChunk), spec, issues, keep, (t) => {
      const kept = keep?.(t.names) ?? null;
      header = { names: t.names, headers: t.headers, headerLine: t.headerLine, delimiter: t.delimiter, keep: kept && [...kept] };
      if (cut === size) return;
      // The worker counts its lines from 1: this thread knows the line at the cut once it has read up to it.
      const job: PartJob = { file, path, start: cut, end: size, ...header };
      const w = new Worker(siblingModule('read-split-worker', import.meta.url), { workerData: job });
      worker = w;
      // Two messages: the part, then the hash (null: the worker stopped first; this thread then hashes).
      let onPart!: (m: PartResult) => void;
      let onHash!: (m: HashResult | null) => void;
      result = new Promise<PartResult>((resolve) => (onPart = resolve));
      hashed = new Promise<HashResult | null>((resolve) => (onHash = resolve));
      let received = 0;
      w.on('message', (m: PartResult | HashResult) => (received++ === 0 ? onPart(m as PartResult) : onHash(m as HashResult)));
      // A promise settles once: whichever message has come stays.
      const stopped = (why: string) => {
        onPart({ ok: false, why });
        onHash(null);
      };
      w.once('error', (e) => stopped(String(e)));
      w.once('exit', () => stopped('the worker stopped'));
    });
    if ((cut < size && result === null) || header === null || !first.table.cleanEnd || (hasher && hasher.bytes !== headCut)) return drop();
    // The parts after the head read by the first header: one in another order below it changes how they read.
    if (issues.issues.slice(mark).some((i) => i.code === 'reordered_header')) return drop();
    if (headCut < cut) {
      // The rest of the first part: its issues kept apart, to give up on a whole file's finding.
      const log = new IssueLog();
      const middle = readPart(first.vendor, path, headCut, cut, lineEndsBefore(path, headCut) + 1, header, log, hashChunk, size - headCut);
      if (!middle.clean || log.issues.some((i) => WHOLE_FILE_FINDINGS.has(i.code))) return drop();
      appendAll(issues.issues, log.issues);
      lineAtCut = middle.endLine;
    }
  } catch (e) {
    // Read whole, the file gives the same error (or, for bytes that are not UTF-8, reads in another encoding).
    if (e instanceof UndecodableError || e instanceof IngestFatalError) return drop();
    drop();
    throw e;
  }
  const table = first.vendor;
  if (cut === size) {
    // A file that changed size while it was read is read again, whole.
    const sha256 = hasher!.digest(size);
    if (sha256 === null) return drop();
    finishVendorTable(table, issues);
    return { table, sha256: Promise.resolve(sha256) };
  }
  const part = await (result as unknown as Promise<PartResult>);
  if (!part.ok || part.bytes !== size - cut) return drop();
  table.append(part.coded, part.relative ? (lineAtCut ?? lineEndsBefore(path, cut) + 1) - 1 : 0);
  table.rows += part.rows;
  table.malformed += part.malformed;
  appendAll(issues.issues, part.issues);
  finishVendorTable(table, issues);
  const sha256 = (hashed as unknown as Promise<HashResult | null>).then((h) => {
    void (worker as Worker | null)?.terminate();
    // A worker that stopped before hashing: the hash is made here.
    const hex = h ? h.sha256 : wholeFileHash(path, size);
    if (hex === null) throw fileChangedError(file, size);
    return hex;
  });
  // Settled by whoever awaits it; until then a rejection is not "unhandled".
  sha256.catch(() => {});
  return { table, sha256 };
}
