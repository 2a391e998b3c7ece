/**
 * accounts.csv and targets.csv read on the stage-history thread when it is
 * free before this one (history-thread.ts): each file's rows, table and
 * issues, as plain data that crosses threads. They need no deal, so the
 * reading is the one this thread would make. A file whose reading stops
 * ingest gives null there and is read again here, in its turn, for the
 * usual message.
 */
import type { Account, Issue, Target } from '../dataset.ts';
import { fileSource } from './file-source.ts';
import { IssueLog } from './issues.ts';
import { readAccounts, readTargets } from './other-files.ts';
import { type PlainTable, plainTable, wholeTable } from './prepass-rows.ts';
import type { RowContext } from './schema.ts';
import type { ProgressCallback, Table, TableOptions, TableSource } from './table.ts';
import { appendAll } from '../append.ts';

/** A file to read on the other thread: where it is, and (on the thread that takes the reading) what to do with its hash. */
export interface FileRef {
  file: string;
  path: string;
  size: number;
}

export interface OtherFilesJob {
  accounts: FileRef | null;
  targets: FileRef | null;
}

/** A file's reading (`rows`: what its reader gives beside the table), made on the other thread. */
export interface OtherFileRead<Rows> {
  table: PlainTable;
  rows: Rows;
  issues: Issue[];
  sha256: string;
}

/** Per file: its reading, or null when it was not given or its reading stopped ingest. */
export interface OtherFilesPrepass {
  accounts: OtherFileRead<{ accounts: Account[] }> | null;
  targets: OtherFileRead<{ targets: Target[] }> | null;
}

export function readOtherFiles(job: OtherFilesJob, ctx: RowContext, onProgress: ProgressCallback): OtherFilesPrepass {
  return {
    accounts: job.accounts && readOther(job.accounts, onProgress, (source, opts) => readAccounts(source, opts)),
    targets: job.targets && readOther(job.targets, onProgress, (source, opts) => readTargets(source, ctx, opts)),
  };
}

function readOther<Rows>(
  ref: FileRef,
  onProgress: ProgressCallback,
  read: (source: TableSource, opts: TableOptions) => { table: Table } & Rows,
): OtherFileRead<Rows> | null {
  let sha256 = '';
  const log = new IssueLog();
  try {
    const { table, ...rows } = read(fileSource(ref.path, ref.size, (hex) => (sha256 = hex)), { issues: log, onProgress });
    return { table: plainTable(table), rows: rows as unknown as Rows, issues: log.issues, sha256 };
  } catch {
    return null;
  }
}

/** A reading made there, taken over here: its issues added to `issues` (in the file's turn), its table made whole again. */
export function takeOtherFile<Rows>(read: OtherFileRead<Rows>, issues: IssueLog): { table: Table } & Rows {
  appendAll(issues.issues, read.issues);
  return { ...read.rows, table: wholeTable(read.table) };
}
