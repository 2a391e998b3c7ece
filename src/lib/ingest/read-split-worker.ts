/** The worker of read-split.ts: reads the second part of a file into coded records. */
import { parentPort, workerData } from 'node:worker_threads';
import { IssueLog } from './issues.ts';
import { type HashResult, WHOLE_FILE_FINDINGS, type PartJob, type PartResult, readPart } from './read-split.ts';
import { wholeFileHash } from './file-ranges.ts';
import { VendorTable } from './vendor/vendor-table.ts';

function readSecondPart(job: PartJob): PartResult {
  const issues = new IssueLog();
  try {
    const table = new VendorTable(job.file, job.names, job.headerLine, job.keep, job.headers);
    let bytes = 0;
    const read = readPart(table, job.path, job.start, job.end, null, job, issues, (chunk) => (bytes += chunk.length));
    if (issues.issues.some((i) => WHOLE_FILE_FINDINGS.has(i.code))) return { ok: false, why: "a whole file's finding" };
    return { ok: true, coded: table.coded(), rows: table.rows, malformed: table.malformed, issues: issues.issues, relative: read.relative, bytes };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

const job = workerData as PartJob;
const result = readSecondPart(job);
parentPort!.postMessage(result, result.ok ? [result.coded.codes.buffer as ArrayBuffer, result.coded.lines.buffer as ArrayBuffer] : []);
// The whole file's hash, once the part is on its way: the other thread works on the table meanwhile.
if (result.ok) parentPort!.postMessage({ sha256: wholeFileHash(job.path, job.end) } satisfies HashResult);
