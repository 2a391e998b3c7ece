/** File-system helpers for the CLIs: atomic writes, argument parsing and option checks. */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { isFatalCode } from '../../src/lib/ingest/fatal-codes.ts';
import { isLocalDate } from '../../src/lib/time.ts';
import { cliMessage, type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import type { FatalWords } from './fatal-words.ts';
import { makeDirs } from './make-dirs.ts';

/** The file functions writeFileAtomic needs (node:fs, or a test's facade). */
export type AtomicWriteFs = Pick<
  typeof nodeFs,
  'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'lstatSync' | 'statSync' | 'realpathSync' | 'openSync' | 'writeSync' | 'closeSync'
>;

/** An error with an errno-like code, as the CLIs report the operating system's (scripts/lib/cli.ts; their reasons: src/lib/i18n/cli-messages-files.ts). */
function refused(code: 'ENOTREG' | 'EDANGLING' | 'EISDIR', path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** Where an output goes: a file replaced whole (`stream` false), or a FIFO or character device written into. */
export interface Destination {
  path: string;
  stream: boolean;
}

/**
 * Where writing `path` puts the output: `path` itself, or what a symbolic
 * link there points to (the link stays a link, as with `cp`). A FIFO or a
 * character device (`/dev/null`, `/dev/stdout`) is written into, as a shell
 * redirection would, since a rename would put a plain file in its place.
 * A folder, a socket, a block device or a link to nothing is refused.
 */
export function outputDestination(path: string, fs: Pick<AtomicWriteFs, 'lstatSync' | 'statSync' | 'realpathSync'> = nodeFs): Destination {
  const link = fs.lstatSync(path, { throwIfNoEntry: false });
  if (link === undefined) return { path, stream: false };
  const target = link.isSymbolicLink() ? fs.statSync(path, { throwIfNoEntry: false }) : link;
  if (target === undefined) throw refused('EDANGLING', path);
  if (target.isDirectory()) throw refused('EISDIR', path);
  // Opened by its own name: /dev/stdout's link leads to `pipe:[…]`, which is no path.
  if (target.isFIFO() || target.isCharacterDevice()) return { path, stream: true };
  if (target.isFile()) return { path: link.isSymbolicLink() ? fs.realpathSync(path) : path, stream: false };
  throw refused('ENOTREG', path);
}

/** Bytes of UTF-8 a piece writer fills before it writes them (`writeData`). */
const PIECE_BUFFER_BYTES = 1 << 20;

/**
 * `data` written to `fd` as UTF-8. Pieces go through one reused buffer: none is joined to another or
 * encoded into memory of its own (a 4.5 MB metrics.json in pieces of 32K characters: 22-25 ms, where
 * strings of 1M characters, each flattened and copied into UTF-8 bytes of its own, took 67-84 ms, most of
 * it memory touched for the first time). writeSync may write less than asked (a pipe): the rest follows
 * until all is written.
 */
function writeData(fd: number, data: string | Uint8Array | Iterable<string>, fs: Pick<AtomicWriteFs, 'writeSync'>): void {
  const writeAll = (bytes: Uint8Array, length: number) => {
    for (let at = 0; at < length; ) at += fs.writeSync(fd, bytes, at, length - at);
  };
  if (data instanceof Uint8Array) return writeAll(data, data.length);
  const buffer = new Uint8Array(PIECE_BUFFER_BYTES);
  const encoder = new TextEncoder();
  let used = 0;
  for (let piece of typeof data === 'string' ? [data] : data) {
    for (;;) {
      // Whole characters only: a character that does not fit waits for the next buffer.
      const { read, written } = encoder.encodeInto(piece, buffer.subarray(used));
      used += written;
      if (read === piece.length) break;
      writeAll(buffer, used);
      used = 0;
      piece = piece.slice(read);
    }
  }
  writeAll(buffer, used);
}

/**
 * Write via a temporary file in the same folder and rename, so readers never
 * see half a file. On any failure the temporary file is removed and the
 * error rethrown; an existing file at `path` is then untouched. `data` may
 * come as pieces (a large document never made into one string). A FIFO or
 * a device at `path` is written into instead (`outputDestination`).
 */
export function writeFileAtomic(given: string, data: string | Uint8Array | Iterable<string>, fs: AtomicWriteFs = nodeFs): void {
  makeDirs(dirname(given), fs);
  const { path, stream } = outputDestination(given, fs);
  if (stream) {
    // One open for the whole output: a FIFO's reader sees its end when the writer closes.
    const fd = fs.openSync(path, 'w');
    try {
      writeData(fd, data, fs);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    if (typeof data === 'string' || data instanceof Uint8Array) fs.writeFileSync(tmp, data, { flag: 'wx' });
    else {
      const fd = fs.openSync(tmp, 'wx');
      try {
        writeData(fd, data, fs);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The original error is the one to report.
    }
    throw e;
  }
}

/**
 * Bad arguments: exit 2, with the usage line. Made of a message of the
 * catalogue (src/lib/i18n/cli-messages.ts), said in the run's language when
 * reported; its `message` is the English. A plain string stays English (the
 * developer tools: sample-data, bench, screenshots).
 */
export class UsageError extends Error {
  readonly #said: CliMessage | undefined;
  constructor(message: string | CliMessage) {
    super(typeof message === 'string' ? message : cliMessage(message, 'en'));
    this.#said = typeof message === 'string' ? undefined : message;
    this.name = 'UsageError';
  }
  /** The message as made (undefined: English only). */
  get said(): CliMessage | undefined {
    return this.#said;
  }
}

/** Parsed arguments: a null-prototype object, so only given options are ever present. */
export type Args = Record<string, string | true>;

/**
 * `--key value`, `--key=value` and `--flag`; unknown keys, repeated keys, a
 * flag given a value and a missing value are usage errors. Only the known
 * table's own keys count (`--constructor`, `--__proto__` are unknown).
 */
export function parseArgs(argv: string[], known: Record<string, 'value' | 'flag'>): Args {
  const out = Object.create(null) as Args;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : '';
    const kind = name !== '' && Object.hasOwn(known, name) ? known[name] : undefined;
    if (kind !== 'value' && kind !== 'flag') throw new UsageError(msg('unknown_argument', { arg }));
    if (Object.hasOwn(out, name)) throw new UsageError(msg('given_twice', { name }));
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(msg('takes_no_value', { name }));
      out[name] = true;
    } else if (eq > 0) out[name] = arg.slice(eq + 1);
    else {
      const value = argv[++i];
      // `--out --quiet` is a forgotten value, not a folder named "--quiet" (write `--out=--quiet` for that).
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(msg('needs_value', { name }));
      out[name] = value;
    }
  }
  return out;
}

/**
 * The known options of a command line `parseArgs` refused (an unknown or repeated option, a missing value),
 * read past what it refused: for what a command must still do when its arguments stop it (a build's
 * --summary and --digest then say it stopped). An option given twice, or whose value is missing, is left
 * out: which one was meant is not known.
 */
export function lenientArgs(argv: string[], known: Record<string, 'value' | 'flag'>): Args {
  const out = Object.create(null) as Args;
  const unclear = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const kind = Object.hasOwn(known, name) ? known[name] : undefined;
    if (kind !== 'value' && kind !== 'flag') continue;
    let value: string | true | undefined;
    if (kind === 'flag') value = eq > 0 ? undefined : true;
    else if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      value = next === undefined || (next.startsWith('--') && next.length > 2) ? undefined : next;
      if (value !== undefined) i++;
    }
    if (value === undefined || Object.hasOwn(out, name)) unclear.add(name);
    else out[name] = value;
  }
  for (const name of unclear) delete out[name];
  return out;
}

/**
 * For the top-level scripts (screenshots, check:pages, bench, config-schema):
 * `--help` prints `usage` and exits 0; bad arguments print the problem and
 * `usage` to stderr and exit 2. Adds `help` to the known options.
 */
export function scriptArgs(command: string, argv: string[], known: Record<string, 'value' | 'flag'>, usage: string): Args {
  let args: Args;
  try {
    args = parseArgs(argv, { ...known, help: 'flag' });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${command}: ${e.message}\n${usage}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return args;
}

/** A string option's value, or undefined when not given. */
export function optionalString(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The range of `--as-of`. The engine looks up to about 13 months back (the
 * trailing windows, "30 days earlier") and 6 months ahead (forecast months)
 * of the as-of date, and every date it writes must stay a 4-digit year
 * within 1000-9999, so the as-of date itself is kept a year inside that.
 */
export const AS_OF_MIN = '1001-01-01';
export const AS_OF_MAX = '9998-12-31';

/** `--as-of`: undefined when not given, else a real date in [AS_OF_MIN, AS_OF_MAX]; a UsageError otherwise. */
export function asOfOption(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isLocalDate(value)) throw new UsageError(msg('date_option', { name: 'as-of', value: String(value) }));
  if (value < AS_OF_MIN || value > AS_OF_MAX) throw new UsageError(msg('as_of_range', { min: AS_OF_MIN, max: AS_OF_MAX, value }));
  return value;
}

/** A whole-number option (digits only, at most `max`): undefined when not given; a UsageError otherwise. */
export function wholeNumberOption(name: string, value: string | true | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d{1,16}$/u.test(value) ? Number(value) : NaN;
  if (!(n <= max)) throw new UsageError(msg('whole_number', { name, max, value: String(value) }));
  return n;
}

/** A choice option: undefined when not given, else one of `choices`; a UsageError otherwise. */
export function choiceOption(name: string, value: string | true | undefined, choices: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !choices.includes(value)) throw new UsageError(msg('one_of', { name, choices, value: String(value) }));
  return value;
}

/**
 * The one-line reason for a fatal input problem (naming the file, and its
 * line and column when the error knows them), then any details it carries
 * (a config snippet) on the lines after it; in `words`' language when given
 * (scripts/lib/fatal-words.ts), else in English.
 */
export function fatalMessage(command: string, error: unknown, words?: FatalWords): string {
  const e = error as Error & { code?: unknown; details?: unknown; file?: unknown; line?: unknown; column?: unknown };
  const details = typeof e.details === 'string' && e.details !== '' ? `${e.details.replace(/\n*$/u, '')}\n` : '';
  const file = typeof e.file === 'string' ? e.file : undefined;
  const said = words?.say && isFatalCode(e.code) ? words.say({ code: e.code, message: String(e.message), file }) : String(e.message);
  let message = said.split('\n').join('; ');
  const ko = words?.locale === 'ko';
  const where = [
    file !== undefined && file !== '' && !String(e.message).includes(file) ? file : '',
    typeof e.line === 'number' && e.line > 0 ? (ko ? `${e.line}행` : `line ${e.line}`) : '',
    typeof e.column === 'string' && e.column !== '' ? (ko ? `"${e.column}" 열` : `column "${e.column}"`) : '',
  ].filter((s) => s !== '');
  if (where.length > 0) message = `${where.join(', ')}: ${message}`;
  return `${command}: ${message}\n${details}`;
}
