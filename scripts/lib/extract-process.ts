/**
 * The extract step's process (scripts/lib/extract-child.ts forks it): it
 * takes one job from the IPC channel, runs it and sends back the Extraction
 * or the error, then exits (given `csvsLater`, once it has written the
 * account pages' CSV files after the reply, and said so). Interrupted, or
 * left behind by a build that ended, it removes the folders it made first.
 * A module of its own so that it is an entry of the compiled build
 * (scripts/launch.mjs) as it is among the sources.
 */
import * as nodeFs from 'node:fs';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { type ExtractJob, type FilesReply, HANDED_OVER, type Reply, runJob, sendable } from './extract-child.ts';
import { threadFileWriter } from './file-writer.ts';
import { onInterrupt } from './interrupt.ts';
import { makeStagingDir, removeQuietly } from './out-dir.ts';

// As for rendering (scripts/lib/astro-render.ts): the heap kept near what is live, so the process's peak is the data's, not V8's slack.
const growing = 30;
if (growing > 0) v8.setFlagsFromString(`--heap-growing-percent=${growing}`);
process.once('message', async (job: ExtractJob) => {
  const made: string[] = [];
  // Until the build says it has them (HANDED_OVER, in answer to the reply), the folders made are this process's
  // to remove: when it is interrupted, or when the build that started it is gone (the IPC channel closes, the
  // reply cannot be sent), nobody else will. (A signal is handled once the extraction's synchronous work yields.)
  let handedOver = false;
  const removeMade = () => {
    if (!handedOver) for (const dir of made) removeQuietly(nodeFs, dir);
  };
  const releaseMade = onInterrupt(removeMade);
  // The build's standard error, shared: its reader gone (`| head`), progress is dropped, as the build drops its log.
  process.stderr.on('error', () => {});
  process.once('disconnect', () => {
    removeMade();
    process.exit(1);
  });
  let reply: Reply;
  // With csvsLater: the account pages' CSV files, written once the build has the reply (and the folders).
  const pending: (() => void)[] = [];
  try {
    const { readFolder } = await import('../../src/lib/ingest/read-folder.ts');
    const csv = job.csv;
    const makeFilesDir = csv
      ? () => {
          const dir = makeStagingDir(nodeFs, csv.outDir, csv.outArg);
          made.push(dir);
          return dir;
        }
      : undefined;
    const later = job.csvsLater ? (write: () => void) => void pending.push(write) : undefined;
    reply = { ok: await runJob(job, { fs: nodeFs, readFolder, now: () => performance.timeOrigin + performance.now(), progress: process.stderr, makeFilesDir, fileWriter: threadFileWriter, ...(later ? { later } : {}) }) };
  } catch (e) {
    removeMade();
    reply = { error: sendable(e) };
  }
  if (!process.connected) {
    removeMade();
    process.exit(1);
  } else {
    process.send!(reply, (error: Error | null) => {
      if (error) {
        removeMade();
        process.exit(1);
      }
      process.once('message', (answer: unknown) => {
        handedOver = answer === HANDED_OVER;
        releaseMade();
        removeMade();
        if (!handedOver || !job.csvsLater || !('ok' in reply)) process.exit(0);
        // The folders are the build's now: it moves them into the output once these are written and it is told.
        let files: FilesReply;
        try {
          for (const write of pending) write();
          files = { filesWritten: true };
        } catch (e) {
          files = { filesError: sendable(e) };
        }
        if (!process.connected) process.exit(1);
        process.send!(files, () => process.exit(0));
      });
    });
  }
});
