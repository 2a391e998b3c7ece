/**
 * The workbooks and ZIP archives of a folder of exports, as the export files
 * they hold (workbook/workbook-exports.ts, archive/archive-exports.ts), for
 * the metrics and the build (read-exports.ts: archives read from disk where
 * needed) and for init (scripts/init.ts: files read whole). Node only.
 */
import type { Issue } from '../dataset.ts';
import { readArchives } from './archive/archive-exports.ts';
import type { ZipSource } from './archive/zip-entries.ts';
import { byteSource } from './decode.ts';
import type { ExportFile } from './vendor/load.ts';
import { readWorkbooks } from './workbook/workbook-exports.ts';

export interface ContainerIo {
  /** A workbook's bytes, by its path in the folder. */
  read(path: string): Uint8Array;
  /** An archive, by its path in the folder. */
  openZip(path: string): ZipSource;
}

export interface ContainerFiles {
  files: ExportFile[];
  /** Workbooks of kinds not read (XLS, ODS, ...). */
  workbooks: string[];
  brokenWorkbooks: { path: string; reason: string }[];
  brokenArchives: { path: string; reason: string }[];
  /** What the archives hold that is not read, one warning each. */
  archiveNotes: Issue[];
}

/** `onHash`: each file's SHA-256 (a workbook's at once, an archive's file once read to its end). */
export function containerFiles(workbookPaths: readonly string[], archivePaths: readonly string[], io: ContainerIo, onHash: (path: string, hex: string) => void): ContainerFiles {
  const sheets = readWorkbooks(workbookPaths, (path) => io.read(path));
  const archived = readArchives(archivePaths, (path) => io.openZip(path), onHash);
  const files: ExportFile[] = sheets.read.map((sheet) => {
    onHash(sheet.path, sheet.sha256);
    return { path: sheet.path, source: byteSource(sheet.csv), notes: sheet.notes };
  });
  for (const entry of archived.read) files.push({ path: entry.path, source: entry.source, notes: entry.notes, archive: entry.archive });
  return {
    files,
    workbooks: sheets.unread,
    brokenWorkbooks: [...sheets.broken, ...archived.brokenWorkbooks],
    brokenArchives: archived.broken,
    archiveNotes: archived.notes,
  };
}
