/**
 * Files written by a thread of their own while this one goes on computing.
 * A large site's extraction writes every account page's CSV files on the
 * build's critical path (25,000 files at 100k deals), and creating a file
 * costs 0.03-0.17 ms of system time on the machines measured: 0.8-4.3 s for
 * those files when written in line, none of it on this thread when handed to
 * another (docs/performance.md, forty-seventh round).
 *
 * Synchronous to its caller, as `writeFileSync` is: the counters the two
 * threads share (`Slot`) let this thread wait for the other with
 * `Atomics.wait` (past MAX_PENDING_CHARS not yet written, and at `finish`)
 * without an event loop. The first error stops the writing; the next `write`
 * or `finish` throws it, as `writeFileSync` would have (its code, syscall and
 * path), so the build reports it the same way.
 */
import { receiveMessageOnPort, MessageChannel, Worker } from 'node:worker_threads';
import { siblingModule } from '../../src/lib/ingest/sibling-module.ts';

/** Where each counter is in the shared array. */
export const Slot = {
  /** Characters sent and not yet written (or skipped after a stop). */
  pending: 0,
  /** 1 once this thread is told to stop writing (`abort`). */
  stop: 1,
  /** 1 while the thread handles a batch. */
  active: 2,
  /** 1 once a write has failed (its error is on the port). */
  failed: 3,
  /** 1 once the thread's module has loaded. */
  started: 4,
} as const;
const SLOTS = 5;

/** Files are sent in batches of about this many characters. */
const BATCH_CHARS = 1 << 18;
/** `write` waits while more characters than this are waiting to be written: the memory held for the thread stays bounded. */
const MAX_PENDING_CHARS = 1 << 25;
/** A thread that has not loaded after this long, or written nothing for this long, is reported as stuck instead of waited for. */
const START_TIMEOUT_MS = 60_000;
const STALL_TIMEOUT_MS = 600_000;

export interface FileBatch {
  files: [path: string, text: string][];
  chars: number;
}

export interface WriteFailure {
  message: string;
  code: string | undefined;
  errno: number | undefined;
  syscall: string | undefined;
  path: string;
}

export interface FileWriter {
  write(path: string, text: string): void;
  /** Every file written; throws the first failure. The writer is done either way. */
  finish(): void;
  /** Stop writing, and return once the thread writes nothing more (its folder can be removed then). */
  abort(): void;
}

/** Writes each file at once through `writeFileSync` (a test's facade, or a small output). */
export function inlineFileWriter(fs: { writeFileSync(path: string, text: string): void }): FileWriter {
  return { write: (path, text) => fs.writeFileSync(path, text), finish: () => {}, abort: () => {} };
}

/** Writes the files on a thread of its own (see above). */
export function threadFileWriter(): FileWriter {
  const shared = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const { port1: errors, port2 } = new MessageChannel();
  const worker = new Worker(siblingModule('file-writer-worker', import.meta.url), { workerData: { shared, errors: port2 }, transferList: [port2] });
  // Its end is reported by `finish`, synchronously; the event would only repeat it.
  worker.on('error', () => {});
  // `finish` and `abort` wait for it themselves: a writer its caller never ends does not keep the process alive.
  worker.unref();
  const startedAt = Date.now();
  let files: FileBatch['files'] = [];
  let chars = 0;
  let failure: Error | null = null;
  let done = false;

  const failed = (): Error | null => {
    if (failure === null && Atomics.load(shared, Slot.failed) === 1) {
      const sent = receiveMessageOnPort(errors)?.message as WriteFailure | undefined;
      failure = Object.assign(new Error(sent?.message ?? 'a file could not be written'), { code: sent?.code, errno: sent?.errno, syscall: sent?.syscall, path: sent?.path });
    }
    return failure;
  };
  const end = () => {
    done = true;
    errors.close();
    void worker.terminate();
  };
  /** Wait until at most `most` characters are pending (or a write has failed); throws when the thread is stuck. */
  const waitUntilPending = (most: number) => {
    let last = Atomics.load(shared, Slot.pending);
    let progressAt = Date.now();
    for (;;) {
      const now = Atomics.load(shared, Slot.pending);
      if (now <= most || failed()) return;
      if (now !== last) {
        last = now;
        progressAt = Date.now();
      }
      const started = Atomics.load(shared, Slot.started) === 1;
      if (!started && Date.now() - startedAt > START_TIMEOUT_MS) throw new Error(`the file-writing thread did not start in ${START_TIMEOUT_MS / 1000} s`);
      if (started && Date.now() - progressAt > STALL_TIMEOUT_MS) throw new Error(`the file-writing thread wrote nothing for ${STALL_TIMEOUT_MS / 1000} s`);
      Atomics.wait(shared, Slot.pending, now, 1000);
    }
  };
  const send = () => {
    if (files.length === 0) return;
    Atomics.add(shared, Slot.pending, chars);
    worker.postMessage({ files, chars } satisfies FileBatch);
    files = [];
    chars = 0;
  };
  return {
    write(path, text) {
      if (done) throw new Error('file writer used after it finished');
      const f = failed();
      if (f) throw f;
      files.push([path, text]);
      chars += text.length;
      if (chars >= BATCH_CHARS) {
        send();
        waitUntilPending(MAX_PENDING_CHARS);
      }
    },
    finish() {
      if (done) return;
      try {
        send();
        waitUntilPending(0);
        const f = failed();
        if (f) throw f;
      } finally {
        end();
      }
    },
    abort() {
      if (done) return;
      Atomics.store(shared, Slot.stop, 1);
      // The thread looks at the stop after marking itself busy: once it is idle here, it writes nothing more.
      const until = Date.now() + STALL_TIMEOUT_MS;
      while (Atomics.load(shared, Slot.active) === 1 && Date.now() < until) Atomics.wait(shared, Slot.active, 1, 1000);
      end();
    },
  };
}
