/**
 * A large vendor export read in two parts at once (Node only, like
 * read-folder.ts): the file is cut after a line end a little past its middle, a
 * worker thread reads the second part while this thread reads the first,
 * and the second part's records are appended to the first's.
 *
 * The cut is only kept when it fell between two records: the CSV reader
 * decides each record from its own text alone (csv-tokenizer.ts), so the
 * second part read from a record boundary gives exactly the records a
 * reading of the whole file gives there. When the first part ends inside a
 * record (a quoted cell spanning the cut), when either part is not strict
 * UTF-8, or when the second part has anything unusual to report (NUL
 * bytes, text after a closing quote), the parts are dropped and the caller
 * reads the file whole, so every message is the one a whole reading gives.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../dataset.ts';
import { bomEncoding, type ByteSource } from './decode.ts';
import { IngestFatalError, type IssueLog } from './issues.ts';
import type { Delimiter } from './csv.ts';
import { finishVendorTable, type KeepColumns, readVendorRecords } from './vendor/read-table.ts';
import type { CodedRecords, VendorTable } from './vendor/vendor-table.ts';
import { UndecodableError } from './decode-stream.ts';
import { siblingModule } from './sibling-module.ts';

/** Files from this size are read in two parts (below it, starting a worker costs more than it saves). */
export const SPLIT_BYTES = 32 * 1024 * 1024;

const BUFFER_BYTES = 64 * 1024;

/** The share of the file this thread reads; the worker reads the rest. */
const FIRST_PART_SHARE = 0.58;

/** What the worker is given: the part of the file to read, and the header it sits under. */
export interface PartJob {
  file: string;
  path: string;
  start: number;
  end: number;
  names: string[];
  headers: string[];
  headerLine: number;
  delimiter: Delimiter;
  keep: number[] | null;
}

export type PartResult = { ok: true; coded: CodedRecords; rows: number; malformed: number; issues: Issue[] } | { ok: false; why: string };

/** Bytes `[start, end)` of a file, streamed through one reused buffer (each chunk also given to `onChunk`). */
export function rangeSource(path: string, start: number, end: number, onChunk?: (chunk: Uint8Array) => void): ByteSource {
  return {
    size: end - start,
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        const buffer = new Uint8Array(BUFFER_BYTES);
        for (let at = start; at < end; ) {
          const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
          if (n === 0) break;
          at += n;
          const chunk = buffer.subarray(0, n);
          onChunk?.(chunk);
          yield chunk;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** The byte after the first LF at or after `from` (an LF byte is never part of a longer UTF-8 character), or -1. */
function cutAfterLineEnd(path: string, from: number, size: number): number {
  let at = from;
  for (const chunk of rangeSource(path, from, size).chunks()) {
    const lf = chunk.indexOf(10);
    if (lf !== -1) return at + lf + 1;
    at += chunk.length;
  }
  return -1;
}

/** Physical line ends in bytes `[0, end)`: every LF, and every CR not followed by an LF (csv.ts counts lines so). */
export function lineEndsBefore(path: string, end: number): number {
  let n = 0;
  let crPending = false;
  for (const chunk of rangeSource(path, 0, end).chunks()) {
    if (crPending && chunk[0] !== 10) n++;
    crPending = false;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    for (let i = chunk.indexOf(13); i !== -1; i = chunk.indexOf(13, i + 1)) {
      if (i + 1 === chunk.length) crPending = true;
      else if (chunk[i + 1] !== 10) n++;
    }
  }
  // The cut is right after an LF, so a CR cannot be the last byte before it.
  return n;
}


/**
 * The VendorTable of a large file read in two parts, and its sha256; null
 * when the file is small, not UTF-8, has no line end past the cut, or the
 * cut did not fall between records: the caller then reads it whole.
 */
export async function readVendorFileSplit(
  file: string,
  path: string,
  size: number,
  issues: IssueLog,
  keep?: KeepColumns,
  minBytes = SPLIT_BYTES,
): Promise<{ table: VendorTable; sha256: string } | null> {
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
  // The worker starts ~0.3 s late (a thread, its modules, counting the lines above the cut):
  // it gets the smaller part, so that both finish about together.
  const cut = cutAfterLineEnd(path, Math.floor(size * FIRST_PART_SHARE), size);
  if (cut === -1 || cut >= size) return null;

  const mark = issues.mark();
  let worker: Worker | null = null;
  let result: Promise<PartResult> | null = null;
  const drop = () => {
    issues.rollback(mark);
    void worker?.terminate();
    return null;
  };
  const spec = { file, required: [], known: [], fieldCount: true, utf8Only: true };
  let first: ReturnType<typeof readVendorRecords>;
  // The first part is hashed as it is read (utf8Only: one pass), the rest after it.
  const hash = createHash('sha256');
  let hashed = 0;
  const hashChunk = (chunk: Uint8Array) => {
    hash.update(chunk);
    hashed += chunk.length;
  };
  try {
    first = readVendorRecords(file, rangeSource(path, 0, cut, hashChunk), spec, issues, keep, (t) => {
      const kept = keep?.(t.names) ?? null;
      // The worker counts the lines above the cut itself, while this thread reads.
      const job: PartJob = { file, path, start: cut, end: size, names: t.names, headers: t.headers, headerLine: t.headerLine, delimiter: t.delimiter, keep: kept && [...kept] };
      const w = new Worker(siblingModule('read-split-worker', import.meta.url), { workerData: job });
      worker = w;
      result = new Promise<PartResult>((resolve) => {
        w.once('message', (m: PartResult) => resolve(m));
        w.once('error', (e) => resolve({ ok: false, why: String(e) }));
        w.once('exit', () => resolve({ ok: false, why: 'the worker stopped' }));
      });
    });
  } catch (e) {
    // Read whole, the file gives the same error (or, for bytes that are not UTF-8, reads in another encoding).
    if (e instanceof UndecodableError || e instanceof IngestFatalError) return drop();
    drop();
    throw e;
  }
  if (result === null || !first.table.cleanEnd || hashed !== cut) return drop();
  for (const chunk of rangeSource(path, cut, size).chunks()) hashChunk(chunk);
  if (hashed !== size) return drop();
  const sha256 = hash.digest('hex');
  const part = await (result as Promise<PartResult>);
  void (worker as Worker | null)?.terminate();
  if (!part.ok) return drop();
  const table = first.vendor;
  table.append(part.coded);
  table.rows += part.rows;
  table.malformed += part.malformed;
  issues.issues.push(...part.issues);
  finishVendorTable(table, issues);
  return { table, sha256 };
}
