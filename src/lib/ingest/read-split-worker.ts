/** The worker of read-split.ts: reads the second part of a file into coded records. */
import { parentPort, workerData } from 'node:worker_threads';
import { IssueLog } from './issues.ts';
import { Hasher, ONCE_PER_FILE, type PartJob, type PartResult, readPart } from './read-split.ts';
import { VendorTable } from './vendor/vendor-table.ts';

function readSecondPart(job: PartJob): PartResult {
  const issues = new IssueLog();
  try {
    const table = new VendorTable(job.file, job.names, job.headerLine, job.keep, job.headers);
    // The whole file's hash: the bytes above this part, then this part's as it is read.
    const hasher = new Hasher();
    hasher.addRange(job.path, 0, job.start);
    const read = readPart(table, job.path, job.start, job.end, null, job, issues, (chunk) => hasher.add(chunk));
    if (issues.issues.some((i) => ONCE_PER_FILE.has(i.code))) return { ok: false, why: 'a once-per-file finding' };
    return { ok: true, coded: table.coded(), rows: table.rows, malformed: table.malformed, issues: issues.issues, relative: read.relative, sha256: hasher.digest(job.end) };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

const result = readSecondPart(workerData as PartJob);
parentPort!.postMessage(result, result.ok ? [result.coded.codes.buffer as ArrayBuffer, result.coded.lines.buffer as ArrayBuffer] : []);
