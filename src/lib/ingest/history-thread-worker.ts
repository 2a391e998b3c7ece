/**
 * The worker of history-thread.ts. It says it has started as soon as it has
 * its job, and always raises the finished flag, result or not, so the
 * waiting thread never waits for a worker that failed. Started ahead
 * (`prestartHistoryWorker`), it loads its modules while it waits for the job:
 * only the readings' own (no zod, no deals.csv reader), since the job comes
 * while they load (docs/performance.md, fifty-first round).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FieldPrepass } from './field-prepass.ts';
import { CLAIMED_THERE, claimReading, FIELD_HISTORY_FLAG, OTHER_FILES_FLAG } from './field-claim.ts';
import type { OtherFilesPrepass } from './other-files-prepass.ts';
import type { HistoryJob, HistoryMessage } from './history-thread.ts';

const modules = Promise.all([
  import('./file-source.ts'),
  import('./history-prepass.ts'),
  import('./field-prepass.ts'),
  import('./row-context.ts'),
  import('./file-ranges.ts'),
]);
// Awaited in the try below, which reports a failure; not an unhandled rejection while the job is awaited.
modules.catch(() => {});
// WAIT_FOR_JOB (history-thread.ts, not imported: this thread has no use for the rest of that module).
const job = (workerData === 'wait-for-job' ? await new Promise((resolve) => parentPort!.once('message', resolve)) : workerData) as HistoryJob;
Atomics.store(job.flags, 0, 1);
let message: HistoryMessage;
try {
  const [{ fileSource }, { readHistoryPrepass }, { readFieldPrepass }, { rowContext }, { wholeFileHash }] = await modules;
  const ctx = rowContext(job.config);
  const reporters = new Map<string, (done: number, total: number) => void>();
  /** The progress of `file`, one reporter per file: a few messages, not one per chunk. */
  const progress = (file: string) => {
    let report = reporters.get(file);
    if (report) return report;
    let reported = 0;
    report = (done: number, total: number) => {
      if (done - reported < 4 * 1024 * 1024 && done < total) return;
      reported = done;
      job.port.postMessage({ kind: 'progress', file, done, total } satisfies HistoryMessage);
    };
    reporters.set(file, report);
    return report;
  };
  let sha256 = '';
  const prepass = readHistoryPrepass(
    fileSource(job.path, job.size, (hex) => (sha256 = hex)),
    ctx,
    progress(job.file),
  );
  // field_history.csv too, when this thread is free before the other is (it then reads the file itself).
  let field: { prepass: FieldPrepass; sha256: string } | null = null;
  if (job.field && claimReading(job.flags, FIELD_HISTORY_FLAG, CLAIMED_THERE)) {
    const { file, path, size } = job.field;
    try {
      let fieldSha256 = '';
      const fieldPrepass = readFieldPrepass(fileSource(path, size, (hex) => (fieldSha256 = hex)), ctx, progress(file));
      field = { prepass: fieldPrepass, sha256: fieldSha256 };
    } catch {
      // A problem that stops ingest is reported by the reading on the main thread, in the usual words.
      field = null;
    }
  }
  // accounts.csv and targets.csv likewise (one whose reading stops ingest is read again on the main thread).
  let others: OtherFilesPrepass | null = null;
  if (job.others && claimReading(job.flags, OTHER_FILES_FLAG, CLAIMED_THERE)) {
    // Loaded only now: their readers check a refused row with zod, which this thread otherwise does without.
    const { readOtherFiles } = await import('./other-files-prepass.ts');
    others = readOtherFiles(job.others, ctx, (file, done, total) => progress(file)(done, total));
  }
  // Last: the other thread is still reading that file (or waits for this message, having read it).
  let hashed: string | null = null;
  try {
    hashed = job.hashed ? wholeFileHash(job.hashed.path, job.hashed.size) : null;
  } catch {
    // Hashed on the other thread then, whose reading says what is wrong with the file.
  }
  message = { kind: 'done', prepass, sha256, field, others, hashed };
} catch (e) {
  // A problem that stops ingest is reported by the reading on the main thread, in the usual words.
  message = { kind: 'failed', why: e instanceof Error ? e.message : String(e) };
}
try {
  const transfer: ArrayBufferLike[] = [];
  if (message.kind === 'done') {
    const { prepass, field } = message;
    const { latest } = prepass;
    transfer.push(latest.rowCount.buffer, latest.stage.buffer, latest.line.buffer, latest.at.buffer);
    transfer.push(prepass.ids.ends.buffer, prepass.code.buffer, prepass.stage.buffer, prepass.at.buffer, prepass.line.buffer);
    if (field) {
      const f = field.prepass;
      transfer.push(f.ids.ends.buffer, f.code.buffer, f.field.buffer, f.oldValue.buffer, f.newValue.buffer, f.changedAt.buffer, f.line.buffer);
    }
  }
  job.port.postMessage(message, transfer as ArrayBuffer[]);
} finally {
  Atomics.store(job.flags, 1, 1);
  Atomics.notify(job.flags, 1);
}
