/** The worker of read-split.ts: reads the second part of a file into coded records. */
import { parentPort, workerData } from 'node:worker_threads';
import { IssueLog } from './issues.ts';
import { lineEndsBefore, type PartJob, type PartResult, rangeSource } from './read-split.ts';
import { readVendorRecords } from './vendor/read-table.ts';

/** Findings a whole reading reports once per file, at its first line: the part gives up instead (see read-split.ts). */
const ONCE_PER_FILE = new Set(['invalid_encoding', 'mixed_encoding', 'quote_text']);

function readPart(job: PartJob): PartResult {
  const issues = new IssueLog();
  try {
    const firstLine = lineEndsBefore(job.path, job.start) + 1;
    const spec = {
      file: job.file,
      required: [],
      known: [],
      fieldCount: true,
      utf8Only: true,
      part: { names: job.names, headers: job.headers, headerLine: job.headerLine, firstLine, delimiter: job.delimiter },
    };
    const { vendor } = readVendorRecords(job.file, rangeSource(job.path, job.start, job.end), spec, issues, () => job.keep);
    if (issues.issues.some((i) => ONCE_PER_FILE.has(i.code))) return { ok: false, why: 'a once-per-file finding' };
    return { ok: true, coded: vendor.coded(), rows: vendor.rows, malformed: vendor.malformed, issues: issues.issues };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

const result = readPart(workerData as PartJob);
parentPort!.postMessage(result, result.ok ? [result.coded.codes.buffer as ArrayBuffer, result.coded.lines.buffer as ArrayBuffer] : []);
