/**
 * The extract step (scripts/lib/extract.ts) as a job that runs in this
 * process or in one of its own. A build runs it in its own process: all
 * that reading and computing a large data set takes (the Dataset, the
 * engine's runs, the files' buffers) goes back to the system when that
 * process ends, so the rendering after it starts without it, and the two
 * never add up. The job goes over the IPC channel and the Extraction comes
 * back; an error comes back as its kind and message and is thrown again as
 * the same kind here, for the same exit code and message.
 */
import { fork } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import { type FatalCode, isFatalCode } from '../../src/lib/ingest/fatal-codes.ts';
import type { RedactOptions } from '../../src/lib/ingest/redact.ts';
import type { ConfigFile } from '../../src/lib/ingest/config-file.ts';
import type { readFolder as realReadFolder } from '../../src/lib/ingest/read-folder.ts';
import { siblingModule } from '../../src/lib/ingest/sibling-module.ts';
import type { LocalDate } from '../../src/lib/time.ts';
import { type CliFs, InputReadError, OutputError } from './cli.ts';
import type { Extraction } from './extract.ts';
import type { FileWriter } from './file-writer.ts';
import { onInterrupt } from './interrupt.ts';
import { removeStagingOf } from './out-dir.ts';
import { UsageError } from './io.ts';
import { type CliMessage, isCliMessageCode, msg } from '../../src/lib/i18n/cli-messages.ts';
import { progressReporter } from './progress.ts';
import { PROJECT_ROOT } from './project.ts';
import type { PublishOptions } from './publish.ts';
import type { SnapshotStore } from './snapshots.ts';

/** What the extract step needs, as data (it crosses to another process). */
export interface ExtractJob {
  dataDir: string;
  /** `--config`: read instead of the data folder's config. */
  config: ConfigFile | undefined;
  asOfArg: LocalDate | undefined;
  /** The clock at the start of the build (ms since the epoch): the default as-of date. */
  clock: number;
  maxPages: number;
  /** `--max-filter-mb`. */
  maxFilterMb: number;
  format: string | undefined;
  pipeline: string | undefined;
  redaction: RedactOptions | undefined;
  publish: PublishOptions;
  /** Every snapshot in the store, oldest first; where it is (for messages); the date the previous output's `/` shows. */
  store: Pick<SnapshotStore, 'snapshots' | 'shown' | 'shownBefore'>;
  /** Where the folders of the files the build adds beside the pages go (beside --out); null with --extract-only. */
  csv: { outDir: string; outArg: string } | null;
  /** The filter form's script, put in those folders (scripts/lib/filter-script.ts; kept in `cacheDir` unless null); null: none (--extract-only, tests). */
  filterScript: { cacheDir: string | null } | null;
  version: string;
  cacheDir: string;
  name: string;
  quiet: boolean;
  /**
   * In a process of its own, the account pages' CSV files are written after the reply, while Astro renders the
   * pages (which need only the site data): for a data folder extracted beside Astro.
   */
  csvsLater?: boolean;
}

/** The snapshot rules that depend on the as-of date: refuse an existing date without --replace; the earlier snapshots; the date `/` shows. */
export function datedRules(publish: PublishOptions, store: Pick<SnapshotStore, 'snapshots' | 'shown' | 'shownBefore'>) {
  const { snapshots } = store;
  /** Earlier snapshots, oldest first (the one of this date left out when this build replaces it). */
  const earlierOf = (asOf: string) => snapshots.filter((x) => !(publish.snapshot && x.asOf === asOf));
  return {
    checkDate(asOf: string): void {
      if (publish.snapshot && !publish.replace && snapshots.some((x) => x.asOf === asOf)) {
        throw new UsageError(msg('snapshot_exists', { asOf, store: store.shown }));
      }
    },
    earlierOf,
    /**
     * The date `/` shows when it is not `asOf`'s: a build that adds a snapshot never moves `/` back, so one older
     * than the latest snapshot, or than the date `/` showed (a daily build since), renders that latest date too;
     * so does one that found its weekday's snapshot there already (`keptSnapshot`: a re-run, a day later say).
     */
    topOf(asOf: string): string | undefined {
      if (!publish.snapshot && !publish.keptSnapshot) return undefined;
      const latest = [...earlierOf(asOf).map((x) => x.asOf), store.shownBefore ?? ''].sort().at(-1)!;
      return latest > asOf ? latest : undefined;
    },
  };
}

export interface JobDeps {
  fs: CliFs;
  readFolder: typeof realReadFolder;
  now: () => number;
  progress: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  /** A new folder beside --out for the files a date's output has besides its pages (none with --extract-only). */
  makeFilesDir: (() => string) | undefined;
  /** Takes the writing of the account pages' CSV files, to be done after the job returns; absent: done before it returns. */
  later?: (write: () => void) => void;
  /** What writes the account pages' CSV files with the slices (the extraction's process: a thread of their own); absent: `fs`. */
  fileWriter?: () => FileWriter;
}

/** Run the extract step here. */
export async function runJob(job: ExtractJob, deps: JobDeps): Promise<Extraction> {
  const { extract } = await import('./extract.ts');
  const script = job.filterScript && (await (await import('./filter-script.ts')).filterScript(PROJECT_ROOT, job.filterScript.cacheDir));
  return extract({
    fs: deps.fs,
    read: () =>
      deps.readFolder(job.dataDir, {
        onProgress: progressReporter(deps.progress, { quiet: job.quiet, now: deps.now }).update,
        format: job.format,
        pipeline: job.pipeline,
        config: job.config,
      }),
    dataDir: job.dataDir,
    asOfArg: job.asOfArg,
    clock: job.clock,
    now: deps.now,
    maxPages: job.maxPages,
    maxFilterMb: job.maxFilterMb,
    redaction: job.redaction,
    publish: job.publish,
    ...datedRules(job.publish, job.store),
    version: job.version,
    cacheDir: job.cacheDir,
    name: job.name,
    ...(deps.makeFilesDir ? { makeFilesDir: deps.makeFilesDir } : {}),
    ...(script ? { filterScript: script } : {}),
    ...(deps.later ? { later: deps.later } : {}),
    ...(deps.fileWriter ? { fileWriter: deps.fileWriter } : {}),
  });
}

type Kind = 'usage' | 'ingest' | 'config' | 'output' | 'input' | 'internal';
interface SentError {
  kind: Kind;
  message: string;
  stack: string | undefined;
  file?: string;
  details?: string;
  line?: number;
  column?: string;
  /** An IngestFatalError's or ConfigError's code, for the message in the user's language. */
  code?: FatalCode;
  /** A UsageError's, OutputError's or InputReadError's message as made (src/lib/i18n/cli-messages.ts), said in the user's language. */
  said?: CliMessage;
}
export type Reply = { ok: Extraction } | { error: SentError };
/** The second message of a process given `csvsLater`, once the CSV files are written (or not). */
export type FilesReply = { filesWritten: true } | { filesError: SentError };

export function sendable(e: unknown): SentError {
  const error = e instanceof Error ? e : new Error(String(e));
  const kind: Kind =
    error instanceof UsageError ? 'usage'
    : error instanceof IngestFatalError ? 'ingest'
    : error instanceof ConfigError ? 'config'
    : error instanceof OutputError ? 'output'
    : error instanceof InputReadError ? 'input'
    : 'internal';
  const { file, details, line, column, code, said } = error as Partial<SentError>;
  return { kind, message: error.message, stack: error.stack, file, details, line, column, code, said };
}

/** Both classes carry a code (their constructors require it); one that lost it would be a bug here. */
function fatalCode(s: SentError): FatalCode {
  if (!isFatalCode(s.code)) throw new Error(`internal: a ${s.kind} error came back from the extraction without its code: ${s.message}`);
  return s.code;
}

function rethrown(s: SentError): Error {
  // The message as made, when it came back whole; else as the English says it.
  const said = isCliMessageCode(s.said?.code) ? s.said! : s.message;
  switch (s.kind) {
    case 'usage':
      return new UsageError(said);
    case 'ingest':
      return Object.assign(new IngestFatalError(fatalCode(s), s.file ?? '', s.message, { details: s.details ?? '' }), s.line === undefined ? {} : { line: s.line }, s.column === undefined ? {} : { column: s.column });
    case 'config':
      return new ConfigError(fatalCode(s), s.message);
    case 'output':
      return new OutputError(said);
    case 'input':
      return new InputReadError(said);
    case 'internal': {
      const e = new Error(s.message);
      e.stack = s.stack ?? s.message;
      return e;
    }
  }
}

/**
 * Run the extract step in a process of its own, and return what it returns
 * (or throw what it throws). The folders it made for the output are handed
 * over with its reply: `adopt` takes them (to remove them if the build is
 * interrupted) before the process is told it may let go of them, so that
 * there is no moment when neither would.
 */
export function runJobInChild(job: ExtractJob, adopt: (dirs: string[]) => void): Promise<Extraction> {
  // Its TypeScript source, or its bundle beside the compiled build's (scripts/launch.mjs).
  const child = fork(fileURLToPath(siblingModule('extract-process', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // This process interrupted: the extraction stops at once (it would handle a signal only when its work yields,
  // seconds later for a large folder), and the folders it made beside --out go with it.
  const releaseChild = onInterrupt(() => {
    child.kill('SIGKILL');
    if (job.csv && child.pid !== undefined) removeStagingOf(nodeFs, job.csv.outDir, child.pid);
  });
  // With csvsLater, the Extraction is given on the reply, and its CSV files are written after (`filesWritten`).
  let filesDone!: () => void;
  let filesFailed!: (e: Error) => void;
  let filesSettled = false;
  const filesWritten = new Promise<void>((resolve, reject) => {
    filesDone = () => ((filesSettled = true), resolve());
    filesFailed = (e) => ((filesSettled = true), reject(e));
  });
  // Awaited by the build before it moves the files; a build that stopped first never asks.
  filesWritten.catch(() => {});
  return new Promise((done, fail) => {
    let reply: Reply | undefined;
    child.on('message', (m) => {
      if (reply !== undefined) {
        const files = m as FilesReply;
        if ('filesError' in files) filesFailed(rethrown(files.filesError));
        else filesDone();
        return;
      }
      reply = m as Reply;
      if ('ok' in reply) adopt([reply.ok.current.filesDir, reply.ok.top.filesDir].filter((dir): dir is string => dir !== null));
      // Gone already (killed): nothing to tell it.
      child.send(HANDED_OVER, () => {});
      if (job.csvsLater && 'ok' in reply) done({ ...reply.ok, filesWritten });
    });
    child.once('error', (e) => {
      releaseChild();
      fail(e);
      filesFailed(e);
    });
    // 'close', not 'exit': 'exit' can come before the last messages the process sent (its CSV files' reply) are
    // read from the channel; 'close' comes once the channel has closed too, every message read.
    child.once('close', (code, signal) => {
      releaseChild();
      if (reply && 'ok' in reply) done(reply.ok);
      else if (reply) fail(rethrown(reply.error));
      else fail(new Error(`the extract process ended without a result (exit code ${code}, signal ${signal})`));
      if (filesSettled) return;
      if (job.csvsLater && reply && 'ok' in reply) filesFailed(new Error(`the extract process ended before writing the account pages' CSV files (exit code ${code}, signal ${signal})`));
      else filesDone();
    });
    child.send(job);
  });
}

/** The build's answer to the extract process's reply: the folders it made are the build's now. */
export const HANDED_OVER = 'handed-over';

