/**
 * What the CLIs' `main(argv, io)` get from the outside world, and the one
 * place that turns an error into an exit code and a message on stderr.
 *
 * Exit codes: 0 processed; 1 a problem with the files (an input missing,
 * unreadable or invalid; an output that cannot be written); 2 bad arguments
 * (including an `--out` Pipescope refuses to use); 3 `--strict` and rejected
 * rows; 70 an internal error, i.e. a bug (EX_SOFTWARE), printed with its stack
 * so it never looks like a bad CSV.
 */
import * as nodeFs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import type { FatalWords } from './fatal-words.ts';
import { fatalMessage, UsageError } from './io.ts';
import { stackWithSources } from './stack-sources.ts';

export const EXIT = { ok: 0, input: 1, usage: 2, strict: 3, internal: 70 } as const;

/** Something `write(string)` can be called on: process.stdout, or a test's collector. */
export interface CliWritable {
  write(chunk: string): unknown;
}

/** The file functions the CLIs use (node:fs, or a test's facade; ingest reads the data folder itself). */
export type CliFs = Pick<
  typeof nodeFs,
  | 'existsSync'
  | 'lstatSync'
  | 'statSync'
  | 'readdirSync'
  | 'readFileSync'
  | 'writeFileSync'
  | 'appendFileSync'
  | 'mkdirSync'
  | 'renameSync'
  | 'rmSync'
  | 'rmdirSync'
  | 'linkSync'
  | 'utimesSync'
  | 'realpathSync'
  | 'copyFileSync'
  | 'openSync'
  | 'writeSync'
  | 'closeSync'
>;

export interface CliIO {
  stdout: CliWritable;
  stderr: CliWritable;
  /** Milliseconds since the epoch (fractional): the default as-of date and the timings. */
  now(): number;
  /** The folder relative paths in the arguments are read against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress is shown only then). */
  isTTY: boolean;
  fs: CliFs;
}

/** The real process. */
export function nodeIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => performance.timeOrigin + performance.now(),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
    fs: nodeFs,
  };
}

/**
 * Standard output's write errors arrive as 'error' events, after the write: without a listener Node
 * ends the process with an unhandled error's stack. A reader that stopped reading (`| head`: EPIPE)
 * is not a problem, and the rest is dropped quietly, as other command-line tools do; any other error
 * (a full disk) is reported once, in a line, and the exit status becomes 1.
 */
export function guardStandardOutput(command: string, stdout: Pick<NodeJS.EventEmitter, 'on'> = process.stdout, stderr: CliWritable = process.stderr): void {
  let reported = false;
  stdout.on('error', (e: unknown) => {
    if (isErrnoError(e) && e.code === 'EPIPE') return;
    if (reported) return;
    reported = true;
    const code = isErrnoError(e) ? e.code : 'unknown';
    stderr.write(`${command}: cannot write standard output: ${ERRNO_REASONS[code] ?? 'the system refused'} (${code})\n`);
    process.exitCode = EXIT.input;
  });
}

/** stderr as the progress reporter wants it: written to only when `io.isTTY`. */
export function progressStream(io: CliIO): Pick<NodeJS.WriteStream, 'write' | 'isTTY'> {
  const write = (chunk: string) => (io.stderr.write(chunk), true);
  return { write: write as NodeJS.WriteStream['write'], isTTY: io.isTTY };
}

/** An output that cannot be written (permission, a missing or non-folder parent, a full disk): exit 1. */
export class OutputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutputError';
  }
}

/** An input file that exists but cannot be read (an errno error while ingest reads it): exit 1. */
export class InputReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputReadError';
  }
}

/** A file-system error from the operating system (`EACCES`, `ENOENT`, ...), as opposed to a bug. */
export function isErrnoError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/u.test((e as NodeJS.ErrnoException).code!);
}

/** The names in a folder, or none when the system cannot list it (missing, not a folder, no permission). */
export function readdirQuietly(fs: Pick<CliFs, 'readdirSync'>, dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    if (isErrnoError(e)) return [];
    throw e;
  }
}

/** Await the data folder's read; the OS refusing to read an input is a problem with the files (exit 1), not a bug. */
export async function readingInput<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (isErrnoError(e)) throw new InputReadError(`cannot read the data: ${e.message}`, { cause: e });
    throw e;
  }
}

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'a part of its path is a file, not a folder',
  ENOTEMPTY: 'a folder is in the way',
  EXDEV: 'it is on another device',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'it is busy',
  EIO: 'the device reported an input/output error',
  EPIPE: 'its reader stopped reading',
  // Not the system's: writeFileAtomic's refusals (scripts/lib/io.ts, outputDestination).
  ENOTREG: 'something other than a file is there (a socket or a block device), which Pipescope never writes into; give the path of a file',
  EDANGLING: 'it is a symbolic link to a file that does not exist; give the path of the file itself',
};

/** The OutputError for an operating-system error while writing `path`. */
export function outputError(path: string, e: NodeJS.ErrnoException & { code: string }): OutputError {
  return new OutputError(`cannot write ${path}: ${ERRNO_REASONS[e.code] ?? 'the system refused'} (${e.code})`, { cause: e });
}

/** Run an output step; an operating-system error becomes an OutputError naming `path` and the reason. */
export function writingTo<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw isErrnoError(e) ? outputError(path, e) : e;
  }
}

/**
 * The exit code for an error, after writing its message to stderr: `usage`
 * follows a usage error; a fatal input problem is said in `words`' language
 * (English without). Anything not known to be the user's input, output or
 * arguments is an internal error.
 */
export function reportError(command: string, error: unknown, stderr: CliWritable, usage: string, words?: FatalWords): number {
  if (error instanceof UsageError) {
    stderr.write(`${command}: ${error.message}\n${usage}\n`);
    return EXIT.usage;
  }
  if (error instanceof IngestFatalError || error instanceof ConfigError) {
    stderr.write(fatalMessage(command, error, words));
    return EXIT.input;
  }
  if (error instanceof OutputError || error instanceof InputReadError) {
    stderr.write(`${command}: ${error.message}\n`);
    return EXIT.input;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  stderr.write(
    `${command}: internal error: ${e.message.split('\n').join('; ')}\n` +
      `This is a bug in Pipescope, not a problem with your data; please report it with the lines below.\n` +
      `${e.stack === undefined ? e.message : stackWithSources(e.stack)}\n`,
  );
  return EXIT.internal;
}
