// @ts-check
/**
 * node scripts/launch.mjs <command> [args]: runs a command (scripts/<command>.ts)
 * compiled into plain JavaScript bundles, itself and the worker threads it
 * starts. Node strips a TypeScript module's types every time it loads it:
 * ~0.2 s of each run of `npm run metrics`, in each thread, whatever the data.
 *
 * The bundles are kept in node_modules/.cache/pipescope-cli with the size and modification time of every source
 * file they were made from; a run whose sources all still match uses them,
 * any other run compiles them again first (~0.1-0.3 s). This file is plain
 * JavaScript so that running it loads no TypeScript at all.
 * PIPESCOPE_FROM_SOURCES=1 runs the TypeScript sources directly, as does any
 * failure to compile (Node then reports the problem in its own words).
 */
import module from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cacheDir, COMMANDS, compile, freshBundle } from './lib/cli-bundles.mjs';

/** The data of a worker started ahead (`prestart`): WAIT_FOR_JOB of src/lib/ingest/history-thread.ts, which this plain file cannot import. */
const WAIT_FOR_JOB = 'wait-for-job';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * V8's code for the bundles kept beside them (Node's module compile cache), so a run does not parse
 * and compile a megabyte of JavaScript again: ~25 ms of each start. Set in the environment as well,
 * so the worker threads use it too; NODE_COMPILE_CACHE, when set, is the user's choice and stands,
 * and NODE_DISABLE_COMPILE_CACHE=1 turns it off (Node's own rules). Emptied when a bundle is compiled.
 * @param {string} cache
 */
function enableCodeCache(cache) {
  process.env.NODE_COMPILE_CACHE ||= join(cache, 'v8');
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
}

/**
 * The command line that runs command `name` with `argv` as its npm script does: Node with the command's
 * options, then this launcher (for scripts that time or measure it: `npm run bench`, `check:memory`).
 * @param {keyof typeof COMMANDS} name
 * @param {string[]} argv
 * @returns {string[]}
 */
export function commandLine(name, argv) {
  return [process.execPath, ...COMMANDS[name].nodeFlags, join(ROOT, 'scripts', 'launch.mjs'), name, ...argv];
}

/**
 * Run `name` with `argv`: compiled when possible, else from its sources. Returns its exit code.
 * @param {string} name
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
export async function launch(name, argv, env = process.env) {
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`launch: no command "${name}" (${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  const command = /** @type {keyof typeof COMMANDS} */ (name);
  let dir = null;
  if (env.PIPESCOPE_FROM_SOURCES !== '1') {
    const cache = cacheDir(env);
    dir = freshBundle(cache, command) ?? (await compile(cache, command));
  }
  // No process.setSourceMapsEnabled: an internal error's stack is put back to the sources when it is reported (scripts/lib/stack-sources.ts).
  if (dir && COMMANDS[command].codeCache) enableCodeCache(cacheDir(env));
  const started = dir ? prestart(dir, COMMANDS[command].prestart) : {};
  const url = dir ? pathToFileURL(join(dir, `${command}.mjs`)).href : pathToFileURL(join(ROOT, COMMANDS[command].entry)).href;
  try {
    /** @type {{ runCli: (argv: string[], started: Record<string, Worker>) => Promise<number> }} */
    const module = await import(url);
    return await module.runCli(argv, started);
  } finally {
    for (const worker of Object.values(started)) void worker.terminate();
  }
}

/**
 * Workers of the bundle started before the command's own modules are loaded, so that their start (a
 * thread, Node's set-up, their modules: ~0.1 s) overlaps the command's: each is given WAIT_FOR_JOB as its
 * data and waits for its job as a message (src/lib/ingest/history-thread.ts). The command takes them by
 * name; any it did not give a job is stopped when it ends (none keeps the process alive meanwhile).
 * @param {string} dir
 * @param {string[]} names
 * @returns {Record<string, Worker>}
 */
function prestart(dir, names) {
  /** @type {Record<string, Worker>} */
  const started = {};
  if (availableParallelism() < 2) return started;
  for (const name of names) {
    const path = join(dir, `${name}.mjs`);
    if (!existsSync(path)) continue;
    const worker = new Worker(pathToFileURL(path), { workerData: WAIT_FOR_JOB });
    worker.unref();
    // A worker that fails is the command's to notice (it waits for its flags, then reads on its own thread).
    worker.on('error', () => {});
    started[name] = worker;
  }
  return started;
}

/**
 * End the process with the status set so far, once each of `streams` has taken everything written to it: a
 * pipe may be written asynchronously (on macOS, say), and an error writing it sets the status (`guardStandardOutput`
 * in scripts/lib/cli.ts) before the end.
 * @param {{ write: (chunk: string, done: () => void) => unknown }[]} streams
 * @param {() => void} exit
 */
export async function exitOnceFlushed(streams = [process.stdout, process.stderr], exit = () => process.exit()) {
  // A write's callback comes after every earlier write to the stream, with an error if it was destroyed or ended.
  await Promise.all(streams.map((stream) => new Promise((resolve) => stream.write('', () => resolve(undefined)))));
  exit();
}

if (import.meta.main) {
  const name = process.argv[2] ?? '';
  process.exitCode = await launch(name, process.argv.slice(3));
  if (Object.hasOwn(COMMANDS, name) && COMMANDS[/** @type {keyof typeof COMMANDS} */ (name)].exitWhenDone) await exitOnceFlushed();
} else if (import.meta.main === undefined && process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // A Node older than 22.18 has no import.meta.main: without this, the command would end at once, silently, with status 0.
  process.stderr.write(`launch: Pipescope needs Node >= 22.18; this is ${process.version}. Run it through npm (npm run metrics), which uses the project's own Node.\n`);
  process.exitCode = 1;
}
