/**
 * stage_history.csv read on a worker thread while this thread reads
 * deals.csv (Node only, like read-folder.ts): the two largest files of a
 * data folder then cost the longer of the two readings instead of their
 * sum, on a machine with a second core. The worker runs `readHistoryPrepass`
 * (history-prepass.ts); buildDataset takes its result synchronously when it
 * reaches stage history, by waiting on a shared flag, and relays the
 * worker's progress meanwhile.
 *
 * field_history.csv goes to whichever thread is free first (field-claim.ts):
 * the worker once its stage history is read (`readFieldPrepass`,
 * field-prepass.ts), or this thread once deals.csv is. From 100k deals to a
 * million the worker is (stage history is read in about two thirds of the
 * time deals.csv takes). accounts.csv and targets.csv, which need no deal,
 * go the same way, together, after it (other-files-prepass.ts): the worker
 * is otherwise idle while this thread ends deals.csv.
 *
 * Whenever the worker cannot give a result (the file has a problem that
 * stops ingest, or the thread failed), `prepared()` gives null and the file
 * is read on this thread as before, so every message is the usual one; so
 * is field_history.csv when its reading there failed.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Config } from './config.ts';
import type { PreparedHistory } from './dataset-builder.ts';
import { fileSource } from './file-source.ts';
import { CLAIMED_HERE, CLAIMED_THERE, claimReading, FIELD_HISTORY_FLAG, OTHER_FILES_FLAG } from './field-claim.ts';
import type { FieldPrepass } from './field-prepass.ts';
import type { HistoryPrepass } from './history-prepass.ts';
import type { OtherFilesJob, OtherFilesPrepass } from './other-files-prepass.ts';
import type { ProgressCallback } from './table.ts';
import { siblingModule } from './sibling-module.ts';

/** From this size the file is read on a worker (below it, starting one costs more than it saves). */
export const HISTORY_THREAD_BYTES = 8 * 1024 * 1024;
/** How long to wait for a worker that has not even started (a machine out of threads) before reading here. */
const START_TIMEOUT_MS = 30_000;

/** What a worker started ahead is given as its data: it then waits for its job as a message (history-thread-worker.ts; scripts/launch.mjs too). */
export const WAIT_FOR_JOB = 'wait-for-job';

function workerModule(): URL {
  const module = siblingModule('history-thread-worker', import.meta.url);
  // A worker whose module is missing would never start: this thread would wait START_TIMEOUT_MS for it.
  if (!existsSync(module)) throw new Error(`internal: no ${module.href}`);
  return module;
}

/**
 * The worker started before its job is known, so that its start (a thread, Node's own
 * set-up, its modules: ~0.1 s) overlaps what this thread does before reading: loading the
 * command, the config, the folder's listing. It waits for `startHistoryThread` to give it the
 * job; one never given one is stopped by whoever started it (it keeps no process alive meanwhile).
 */
export function prestartHistoryWorker(): Worker {
  const worker = new Worker(workerModule(), { workerData: WAIT_FOR_JOB });
  worker.unref();
  worker.on('error', () => {});
  return worker;
}

/** A file the worker may read after stage history, when it is free before this thread: field_history.csv (field-prepass.ts), accounts.csv, targets.csv. */
export interface FileJob {
  file: string;
  path: string;
  size: number;
  onHash: (hex: string) => void;
}

/** Which thread reads field_history.csv (or accounts.csv and targets.csv): the first free (what runs use), or one pinned (tests). */
export type FieldHistoryOn = 'first-free' | 'history-thread' | 'this-thread';

export interface HistoryJob {
  file: string;
  path: string;
  size: number;
  config: Config;
  field: Omit<FileJob, 'onHash'> | null;
  others: OtherFilesJob | null;
  /** A file read on the other thread that this one hashes once its own are read (`HistoryThreadOptions.hashed`). */
  hashed: Omit<FileJob, 'onHash'> | null;
  /**
   * [started, finished, who reads field_history.csv, who reads accounts.csv and targets.csv]: the first two set
   * by the worker and waited on here; the others claimed by the first thread free (field-claim.ts).
   */
  flags: Int32Array;
  port: MessagePort;
}

export type HistoryMessage =
  | { kind: 'progress'; file: string; done: number; total: number }
  | {
      kind: 'done';
      prepass: HistoryPrepass;
      sha256: string;
      field: { prepass: FieldPrepass; sha256: string } | null;
      others: OtherFilesPrepass | null;
      /** The sha256 of the job's `hashed` file, null when it had not the size given (it changed meanwhile) or there is none. */
      hashed: string | null;
    }
  | { kind: 'failed'; why: string };

export interface HistoryThread extends PreparedHistory {
  /** Stop the worker if it is still running (ingest stopped before stage history). */
  stop(): void;
}

/** What `startHistoryThread` reads, and how. */
export interface HistoryThreadOptions {
  file: string;
  path: string;
  size: number;
  config: Config;
  onHash: (hex: string) => void;
  onProgress?: ProgressCallback | undefined;
  field?: FileJob | undefined;
  fieldOn?: FieldHistoryOn | undefined;
  accounts?: FileJob | undefined;
  targets?: FileJob | undefined;
  othersOn?: FieldHistoryOn | undefined;
  /**
   * deals.csv, which the other thread reads (not hashing it): hashed on the worker once its own files are read,
   * as it mostly waits for that thread then, and the sha256 of 26 MB (100k deals) is ~15-20 ms.
   */
  hashed?: FileJob | undefined;
  /** A worker started ahead, waiting for its job (`prestartHistoryWorker`); else one is started here. */
  worker?: Worker | undefined;
}

export function startHistoryThread(options: HistoryThreadOptions): HistoryThread {
  const { file, path, size, config, onHash, onProgress, field, fieldOn = 'first-free', accounts, targets, othersOn = 'first-free', hashed, worker: waiting } = options;
  const flags = new Int32Array(new SharedArrayBuffer(16));
  const pinned = (on: FieldHistoryOn) => (on === 'history-thread' ? CLAIMED_THERE : CLAIMED_HERE);
  if (fieldOn !== 'first-free') flags[FIELD_HISTORY_FLAG] = pinned(fieldOn);
  if (othersOn !== 'first-free') flags[OTHER_FILES_FLAG] = pinned(othersOn);
  const { port1, port2 } = new MessageChannel();
  const ref = (job: FileJob | undefined) => (job ? { file: job.file, path: job.path, size: job.size } : null);
  const others = accounts || targets ? { accounts: ref(accounts), targets: ref(targets) } : null;
  const job: HistoryJob = { file, path, size, config, field: ref(field), others, hashed: ref(hashed), flags, port: port2 };
  let worker: Worker;
  if (waiting) {
    worker = waiting;
    worker.postMessage(job, [port2]);
  } else {
    worker = new Worker(workerModule(), { workerData: job, transferList: [port2] });
    worker.unref();
    // A worker that fails reports it here, after the wait (prepared() has then given null and the file is read on this thread).
    // One started ahead has this handler from `prestartHistoryWorker` (or the launcher).
    worker.on('error', () => {});
  }
  let taken = false;
  return {
    source: fileSource(path, size, onHash),
    // True: this thread reads field_history.csv; false: the worker has taken it (its reading comes with prepared()).
    claimFieldHistory: () => field === undefined || claimReading(flags, FIELD_HISTORY_FLAG, CLAIMED_HERE),
    // True: this thread reads accounts.csv and targets.csv; false: the worker has taken them (they come with prepared()).
    claimOtherFiles: () => others === null || claimReading(flags, OTHER_FILES_FLAG, CLAIMED_HERE),
    prepared() {
      if (taken) return null;
      taken = true;
      const started = Date.now();
      let result: HistoryPrepass | null = null;
      for (;;) {
        const finished = Atomics.wait(flags, 1, 0, 100) !== 'timed-out' || Atomics.load(flags, 1) !== 0;
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          const message = m.message as HistoryMessage;
          if (message.kind === 'progress') onProgress?.(message.file, message.done, message.total);
          else if (message.kind === 'done') {
            onHash(message.sha256);
            result = message.prepass;
            if (message.field) {
              field!.onHash(message.field.sha256);
              result.field = message.field.prepass;
            }
            if (message.others) {
              // A file whose reading failed there is read, and hashed, here.
              if (message.others.accounts) accounts!.onHash(message.others.accounts.sha256);
              if (message.others.targets) targets!.onHash(message.others.targets.sha256);
              result.others = message.others;
            }
            if (message.hashed !== null) hashed!.onHash(message.hashed);
          }
        }
        if (finished) break;
        if (Atomics.load(flags, 0) === 0 && Date.now() - started > START_TIMEOUT_MS) break;
      }
      void worker.terminate();
      port1.close();
      return result;
    },
    stop() {
      taken = true;
      void worker.terminate();
      port1.close();
    },
  };
}
