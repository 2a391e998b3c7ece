/**
 * The thread of file-writer.ts: writes each batch of files it is sent, in
 * order, and keeps the shared counters (file-writer.ts `Slot`) that let the
 * thread that sends them wait without an event loop. The first error stops
 * it: it is sent back on the port it was given, and nothing more is written.
 */
import { writeFileSync } from 'node:fs';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { type FileBatch, Slot, type WriteFailure } from './file-writer.ts';

const { shared, errors } = workerData as { shared: Int32Array; errors: MessagePort };
let failed = false;

function settle(chars: number): void {
  Atomics.sub(shared, Slot.pending, chars);
  Atomics.store(shared, Slot.active, 0);
  Atomics.notify(shared, Slot.pending);
  Atomics.notify(shared, Slot.active);
}

parentPort!.on('message', (batch: FileBatch) => {
  // Marked busy before the stop is looked at: a sender that stops then waits for this flag to clear (`abort`).
  Atomics.store(shared, Slot.active, 1);
  for (const [path, text] of batch.files) {
    if (failed || Atomics.load(shared, Slot.stop) === 1) break;
    try {
      writeFileSync(path, text);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      failed = true;
      const failure: WriteFailure = { message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path };
      // Sent before the flag is raised: a sender that sees the flag finds the message on its port.
      errors.postMessage(failure);
      Atomics.store(shared, Slot.failed, 1);
    }
  }
  settle(batch.chars);
});
// Read by the sender while it waits (a thread that never loaded is reported, not waited for).
Atomics.store(shared, Slot.started, 1);
