/**
 * vitest's global set-up: the worker threads' modules compiled once for the
 * run, by the launcher that compiles them for `npm run metrics`
 * (scripts/launch.mjs), and named to src/lib/ingest/sibling-module.ts by
 * PIPESCOPE_WORKER_BUNDLES. Tests then start each worker from its bundle
 * instead of having Node strip the types of its ~60 TypeScript modules in
 * every new thread: history-thread.test.ts alone starts ~300 of them, and
 * took 70-80 s this way against 156-228 s from the sources (one file, a
 * loaded machine). Compiled again before a rerun in watch mode when a
 * source has changed.
 *
 * A cache of its own inside the project (the bundles find their packages in
 * its node_modules), not the commands' one: worktrees of the project may
 * share node_modules, and with it that cache's record.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { compile, freshBundle } from '../../scripts/lib/cli-bundles.mjs';
import { PROJECT_ROOT } from '../../scripts/lib/project.ts';

const CACHE = join(PROJECT_ROOT, '.cache', 'test-worker-bundles');

async function compileWorkers(): Promise<void> {
  const dir = freshBundle(CACHE, 'metrics') ?? (await compile(CACHE, 'metrics'));
  // Not a silent fallback to the sources: that is only slower, but by minutes in CI.
  if (dir === null) throw new Error(`tests: the worker bundles could not be compiled into ${CACHE} (is esbuild installed?)`);
  process.env.PIPESCOPE_WORKER_BUNDLES = dir;
}

export default async function setup(project: TestProject): Promise<void> {
  await compileWorkers();
  project.onTestsRerun(compileWorkers);
}
