/**
 * The extract step's process (scripts/lib/extract-child.ts forks it): it
 * takes one job from the IPC channel, runs it and sends back the Extraction
 * or the error, then exits. A module of its own so that it is an entry of
 * the compiled build (scripts/launch.mjs) as it is among the sources.
 */
import * as nodeFs from 'node:fs';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { type ExtractJob, type Reply, runJob, sendable } from './extract-child.ts';
import { makeStagingDir, removeQuietly } from './out-dir.ts';

// As for rendering (scripts/lib/astro-render.ts): the heap kept near what is live, so the process's peak is the data's, not V8's slack.
const growing = 30;
if (growing > 0) v8.setFlagsFromString(`--heap-growing-percent=${growing}`);
process.once('message', async (job: ExtractJob) => {
  const made: string[] = [];
  let reply: Reply;
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
    reply = { ok: await runJob(job, { fs: nodeFs, readFolder, now: () => performance.timeOrigin + performance.now(), progress: process.stderr, makeFilesDir }) };
  } catch (e) {
    for (const dir of made) removeQuietly(nodeFs, dir);
    reply = { error: sendable(e) };
  }
  process.send!(reply, () => process.exit(0));
});
