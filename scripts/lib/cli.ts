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
import { cliMessage, type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
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
  | 'readSync'
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
 * (a full disk) is reported once, in a line, and the exit status becomes 1. Standard error's are
 * dropped (there is nowhere left to say them): the command finishes its work, and a build cleans up
 * after itself, where it ended halfway and left its temporary folders.
 */
export function guardStandardOutput(
  command: string,
  stdout: Pick<NodeJS.EventEmitter, 'on'> = process.stdout,
  stderr: CliWritable & Partial<Pick<NodeJS.EventEmitter, 'on'>> = process.stderr,
  locale: Locale = 'en',
): void {
  stderr.on?.('error', () => {});
  let reported = false;
  stdout.on('error', (e: unknown) => {
    if (isErrnoError(e) && e.code === 'EPIPE') return;
    if (reported) return;
    reported = true;
    const code = isErrnoError(e) ? e.code : 'unknown';
    stderr.write(`${command}: ${cliMessage(msg('cannot_write_stdout', { errno: code }), locale)}\n`);
    process.exitCode = EXIT.input;
  });
}

/** stderr as the progress reporter wants it: written to only when `io.isTTY`. */
export function progressStream(io: CliIO): Pick<NodeJS.WriteStream, 'write' | 'isTTY'> {
  const write = (chunk: string) => (io.stderr.write(chunk), true);
  return { write: write as NodeJS.WriteStream['write'], isTTY: io.isTTY };
}

/**
 * An output that cannot be written (permission, a missing or non-folder parent, a full disk): exit 1.
 * Made of a message of the catalogue (src/lib/i18n/cli-messages.ts), said in the run's language; its `message` is the English.
 */
export class OutputError extends Error {
  readonly #said: CliMessage | undefined;
  constructor(message: string | CliMessage, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : cliMessage(message, 'en'), options);
    this.#said = typeof message === 'string' ? undefined : message;
    this.name = 'OutputError';
  }
  /** The message as made (undefined: English only). */
  get said(): CliMessage | undefined {
    return this.#said;
  }
}

/**
 * An input file that exists but cannot be read (an errno error while ingest reads it): exit 1.
 * Made from a catalogue message (the snapshots' problems too: SnapshotsError, scripts/lib/snapshots.ts);
 * a plain string stays English (one sent back by the extraction's process without its message).
 */
export class InputReadError extends Error {
  readonly #said: CliMessage | undefined;
  constructor(message: string | CliMessage, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : cliMessage(message, 'en'), options);
    this.#said = typeof message === 'string' ? undefined : message;
    this.name = 'InputReadError';
  }
  /** The message as made (undefined: English only). */
  get said(): CliMessage | undefined {
    return this.#said;
  }
}

/** An error's message in `locale`: its catalogue message when it has one, else its message as written. */
export function saidIn(error: Error & { said?: CliMessage | undefined }, locale: Locale): string {
  return error.said ? cliMessage(error.said, locale) : error.message;
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
    if (isErrnoError(e)) throw new InputReadError(msg('cannot_read_data', { detail: e.message }), { cause: e });
    throw e;
  }
}

/** The OutputError for an operating-system error while writing `path` (the reasons by errno code: src/lib/i18n/cli-messages-files.ts). */
export function outputError(path: string, e: NodeJS.ErrnoException & { code: string }): OutputError {
  return new OutputError(msg('cannot_write', { path, errno: e.code }), { cause: e });
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
 * follows a usage error; the message is said in `words`' language (English
 * without): a fatal input problem, a usage error, an output that cannot be
 * written, and the first lines of an internal error (its stack as it is).
 * Anything not known to be the user's input, output or arguments is an
 * internal error.
 */
export function reportError(command: string, error: unknown, stderr: CliWritable, usage: string, words?: FatalWords): number {
  const locale = words?.locale ?? 'en';
  if (error instanceof UsageError) {
    stderr.write(`${command}: ${saidIn(error, locale)}\n${usage}\n`);
    return EXIT.usage;
  }
  if (error instanceof IngestFatalError || error instanceof ConfigError) {
    stderr.write(fatalMessage(command, error, words));
    return EXIT.input;
  }
  if (error instanceof OutputError || error instanceof InputReadError) {
    stderr.write(`${command}: ${saidIn(error, locale)}\n`);
    return EXIT.input;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const first = cliMessage(msg('internal_error', { message: e.message.split('\n').join('; ') }), locale);
  stderr.write(`${command}: ${first}\n${e.stack === undefined ? e.message : stackWithSources(e.stack)}\n`);
  return EXIT.internal;
}
