/**
 * The worker of history-thread.ts. It says it has started before loading
 * anything, and always raises the finished flag, result or not, so the
 * waiting thread never waits for a worker that failed.
 */
import { workerData } from 'node:worker_threads';
import type { HistoryJob, HistoryMessage } from './history-thread.ts';

const job = workerData as HistoryJob;
Atomics.store(job.flags, 0, 1);
let message: HistoryMessage;
try {
  const [{ fileSource }, { readHistoryPrepass }, { rowContext }] = await Promise.all([import('./file-source.ts'), import('./history-prepass.ts'), import('./schema.ts')]);
  let sha256 = '';
  let reported = 0;
  const prepass = readHistoryPrepass(
    fileSource(job.path, job.size, (hex) => (sha256 = hex)),
    rowContext(job.config),
    (done, total) => {
      // A few messages, not one per chunk.
      if (done - reported < 4 * 1024 * 1024 && done < total) return;
      reported = done;
      job.port.postMessage({ kind: 'progress', done, total } satisfies HistoryMessage);
    },
  );
  message = { kind: 'done', prepass, sha256 };
} catch (e) {
  // A problem that stops ingest is reported by the reading on the main thread, in the usual words.
  message = { kind: 'failed', why: e instanceof Error ? e.message : String(e) };
}
try {
  const transfer = message.kind === 'done' ? [message.prepass.code.buffer, message.prepass.stage.buffer, message.prepass.at.buffer, message.prepass.line.buffer] : [];
  job.port.postMessage(message, transfer as ArrayBuffer[]);
} finally {
  Atomics.store(job.flags, 1, 1);
  Atomics.notify(job.flags, 1);
}
