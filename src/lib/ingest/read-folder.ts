/**
 * The ingest module that reads a data folder from the file system (with
 * folder-notes.ts for the files it does not read; a folder of CRM exports
 * is read by read-exports.ts): stream the folder's files into the pure
 * builder and hash them on the way.
 *
 * Files are read through one small reused buffer rather than whole: on this
 * kind of machine first-touching memory dominates (reading a 38 MB file whole
 * took ~150 ms, streaming it through 64 KB with hashing and decoding ~60 ms),
 * and a large file never sits in memory.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../dataset.ts';
import type { Config } from './config.ts';
import { type ConfigFile, givenConfigBytes } from './config-file.ts';
import {
  ACCOUNTS_FILE,
  buildDataset,
  CONFIG_FILE,
  configFromFiles,
  DEALS_FILE,
  FIELD_HISTORY_FILE,
  type FileInput,
  OPTIONAL_FILES,
  REQUIRED_FILES,
  STAGE_HISTORY_FILE,
  TARGETS_FILE,
} from './dataset-builder.ts';
import { type FieldHistoryOn, HISTORY_THREAD_BYTES, type HistoryThread, startHistoryThread } from './history-thread.ts';
import type { Worker } from 'node:worker_threads';
import { readExports } from './read-exports.ts';
import { dealsFileExport, missingFileHint, statFile, unreadBeside } from './folder-notes.ts';
import { fileSource, unhashedFileSource } from './file-source.ts';
import { fileChangedError, wholeFileHash } from './file-ranges.ts';
import { DATA_FOLDER_FILES, entriesByName } from './file-names.ts';
import { compareIssues, IngestFatalError } from './issues.ts';
import { missingColumnsError } from './header-hints.ts';
import type { ProgressCallback } from './table.ts';

export { IngestFatalError };

/**
 * accounts.csv and targets.csv are read on this thread, after deals.csv, even when the stage-history thread is
 * free first: this thread's CSV and row readers are warm from deals.csv, and on the other thread they would run
 * cold. The 100,000-deal benchmark's 757 KB of accounts took ~45 ms here against 110-130 ms there, and 26
 * alternating runs 2.055 s (median) against 2.09 s (docs/performance.md, forty-second round).
 */
const OTHER_FILES_ON: FieldHistoryOn = 'this-thread';

export interface ReadFolderOptions {
  /** Called while files are parsed: (file name, bytes done, bytes total). */
  onProgress?: ProgressCallback | undefined;
  /** `--format`: 'canonical' or a vendor format; default: detected from the files. */
  format?: string | undefined;
  /** `--pipeline`: the CRM pipeline to read when an export holds several. */
  pipeline?: string | undefined;
  /** stage_history.csv from this size is read on a worker thread (default HISTORY_THREAD_BYTES; tests lower it). */
  historyThreadBytes?: number | undefined;
  /** Which thread reads field_history.csv when stage history has a thread (default: the first free; tests pin it). */
  fieldHistoryOn?: FieldHistoryOn | undefined;
  /** Likewise for accounts.csv and targets.csv (default: this thread, see OTHER_FILES_ON; tests pin it). */
  otherFilesOn?: FieldHistoryOn | undefined;
  /** A stage-history worker started ahead (`prestartHistoryWorker`): used when the file is read on a thread, else stopped. */
  historyWorker?: Worker | undefined;
  /** `--config`: the config read instead of the folder's pipeline.config.json (`name`: the file as messages name it). */
  config?: ConfigFile | undefined;
}


export interface FolderRead {
  dataset: Dataset;
  config: Config;
  /** Whether stage_history.csv was read on a worker thread (what `--timings` reports as `history_thread`). */
  historyThread?: boolean;
  /** Whether field_history.csv was read on that thread too (`field_history_thread`). */
  fieldHistoryThread?: boolean;
  /** Whether accounts.csv or targets.csv was (`other_files_thread`). */
  otherFilesThread?: boolean;
}

/**
 * Read `<folder>/deals.csv`, `stage_history.csv` and the optional files
 * (field_history.csv, accounts.csv, targets.csv, pipeline.config.json, or
 * `options.config` in its place).
 * Throws IngestFatalError for a missing required file or column or an invalid config.
 */
export async function readFolder(folder: string, options: ReadFolderOptions = {}): Promise<FolderRead> {
  // Each canonical file as the folder names it (`Deals.csv` from a Windows tool is deals.csv).
  const entries = listing(folder);
  const onDisk = entriesByName(entries, DATA_FOLDER_FILES);
  const pathOf = (name: string) => join(folder, onDisk.get(name) ?? name);
  // A CRM's export saved as deals.csv (the README names that file): alone, read as the export it is, and said so;
  // beside canonical stage history, a stop that says what it is (not how to rename the export's columns).
  const renamedExport = options.format === undefined && onDisk.has(DEALS_FILE) ? dealsFileExport(folder, onDisk.get(DEALS_FILE)!) : null;
  if (renamedExport !== null && onDisk.has(STAGE_HISTORY_FILE)) {
    const { one, format, missing } = renamedExport;
    throw missingColumnsError(DEALS_FILE, missing, `; it is ${one}, not the canonical deals.csv: keep a CRM's exports in a folder without the canonical files, or run with --format ${format} to read the export alone`);
  }
  const canonical = options.format === 'canonical' || (options.format === undefined && onDisk.has(DEALS_FILE) && renamedExport === null);
  if (!canonical) return await readExports(folder, options, renamedExport && { file: onDisk.get(DEALS_FILE)!, one: renamedExport.one });
  const files: Record<string, FileInput> = {};
  const hashes: Record<string, string> = {};
  let historySize = 0;
  /** Sizes of the files the stage-history thread may read after it, by name (present ones only). */
  const sizes = new Map<string, number>();
  for (const name of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
    if (name === CONFIG_FILE && options.config) {
      files[name] = givenConfigBytes(options.config, hashes);
      continue;
    }
    const path = pathOf(name);
    let size: number;
    try {
      size = statFile(name, path).size;
      if (name === STAGE_HISTORY_FILE) historySize = size;
      sizes.set(name, size);
    } catch (e) {
      if (e instanceof IngestFatalError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !(REQUIRED_FILES as readonly string[]).includes(name)) continue;
      // --format canonical on a folder of vendor exports: say what they are.
      // Or the file is there under another name (`stage_history (1).csv`): say which.
      const hint = code === 'ENOENT' ? missingFileHint(folder, entries, name === DEALS_FILE ? undefined : name) : '';
      throw new IngestFatalError(code === 'ENOENT' ? 'missing_file' : 'file_unreadable', name, `${path}: ${code === 'ENOENT' ? `required file is missing${hint}` : `cannot be read (${code ?? (e as Error).message})`}`, { cause: e });
    }
    if (name === CONFIG_FILE) {
      const bytes = readFileSync(path);
      files[name] = bytes;
      hashes[name] = createHash('sha256').update(bytes).digest('hex');
    } else {
      files[name] = fileSource(path, size, (hex) => (hashes[name] = hex));
    }
  }
  const config = configFromFiles(files, options.config?.name);
  // A large stage history is read on a worker thread while deals.csv is read here, given a second core (history-thread.ts).
  const historyPath = pathOf(STAGE_HISTORY_FILE);
  const threaded = historySize >= (options.historyThreadBytes ?? HISTORY_THREAD_BYTES) && (options.historyThreadBytes !== undefined || availableParallelism() > 1);
  const onHash = (hex: string) => (hashes[STAGE_HISTORY_FILE] = hex);
  // field_history.csv may be read there too, once its stage history is (by the first thread free); accounts.csv and targets.csv here (OTHER_FILES_ON).
  const laterJob = (name: string) => {
    const size = sizes.get(name);
    return size === undefined ? undefined : { file: name, path: pathOf(name), size, onHash: (hex: string) => (hashes[name] = hex) };
  };
  const thread = threaded
    ? historyThreadOrNull(() =>
        startHistoryThread({
          file: STAGE_HISTORY_FILE,
          path: historyPath,
          size: historySize,
          config,
          onHash,
          onProgress: options.onProgress,
          field: laterJob(FIELD_HISTORY_FILE),
          fieldOn: options.fieldHistoryOn,
          accounts: laterJob(ACCOUNTS_FILE),
          targets: laterJob(TARGETS_FILE),
          othersOn: options.otherFilesOn ?? OTHER_FILES_ON,
          hashed: laterJob(DEALS_FILE),
          worker: options.historyWorker,
        }),
      )
    : null;
  if (!thread) void options.historyWorker?.terminate();
  let historyThread = false;
  let fieldHistoryThread = false;
  let otherFilesThread = false;
  if (thread) {
    // deals.csv is hashed on the worker (`hashed` above), or below if it gave no hash.
    files[DEALS_FILE] = unhashedFileSource(DEALS_FILE, pathOf(DEALS_FILE), sizes.get(DEALS_FILE)!);
    files[STAGE_HISTORY_FILE] = {
      source: thread.source,
      claimFieldHistory: thread.claimFieldHistory,
      claimOtherFiles: thread.claimOtherFiles,
      prepared: () => {
        const prepass = thread.prepared();
        historyThread = prepass !== null;
        fieldHistoryThread = prepass?.field !== undefined;
        otherFilesThread = prepass?.others?.accounts != null || prepass?.others?.targets != null;
        return prepass;
      },
    };
  }
  let result: FolderRead;
  try {
    // The three flags are read after buildDataset has run (properties are evaluated in order).
    result = { dataset: buildDataset(files, config, { onProgress: options.onProgress, pipeline: options.pipeline }), config, historyThread, fieldHistoryThread, otherFilesThread };
  } finally {
    thread?.stop();
  }
  if (!hashes[DEALS_FILE]) {
    const sha256 = wholeFileHash(pathOf(DEALS_FILE), sizes.get(DEALS_FILE)!);
    if (sha256 === null) throw fileChangedError(DEALS_FILE, sizes.get(DEALS_FILE)!);
    hashes[DEALS_FILE] = sha256;
  }
  for (const name of Object.keys(files)) {
    // Every file is read to its end unless a fatal error stopped ingest, so each has its hash by now.
    if (!hashes[name]) throw new Error(`internal: ${name} was not read to its end`);
  }
  result.dataset.fileHashes = hashes;
  const notRead = unreadBeside(folder, entries, new Set(onDisk.values()));
  if (notRead.length > 0) result.dataset.issues = [...result.dataset.issues, ...notRead].sort(compareIssues);
  return result;
}

/** The folder's entries; none when it cannot be listed (reading it then says why). */
function listing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** A thread that cannot even be started (a machine out of threads) is no reason to stop: the file is then read here. */
function historyThreadOrNull(start: () => HistoryThread): HistoryThread | null {
  try {
    return start();
  } catch {
    return null;
  }
}
