/**
 * What a data folder holds besides the files that are read (Node only, like
 * read-folder.ts, which calls it): each such file a warning saying what it is
 * and what to do (a second export beside deals.csv, a canonical file under
 * another name, Excel's lock file), and the hint a missing required file
 * gets when the folder has it in another shape (a CRM's export, another
 * name). Their headers are read from their first bytes only.
 */
import { closeSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../dataset.ts';
import { CONFIG_FILE, DEALS_FILE } from './dataset-builder.ts';
import { byteSource } from './decode.ts';
import { byproductMessage, HEAD_BYTES, listExports, type ListingFs, UNREADABLE_MESSAGE } from './export-listing.ts';
import { DATA_FOLDER_FILES } from './file-names.ts';
import { IngestFatalError, IssueLog } from './issues.ts';
import { readVendorTable } from './vendor/read-table.ts';
import { ADAPTERS } from './vendor/registry.ts';
import type { VendorTable } from './vendor/types.ts';
import { canonicalFileOf, exportUnderCanonicalName, type OtherFormat, otherFormatOf, otherFormatsSaid } from './vendor/unread-files.ts';
import { renamedNotRead } from './renamed-files.ts';
import { DEAL_REQUIRED } from './schema.ts';

/**
 * The CSV files and workbooks of a canonical folder (and of its subfolders,
 * as an exports folder would read them) that it does not read, each a
 * warning: a second export dropped in beside deals.csv is not merged, and
 * must not be skipped without a word. `read`: the names on disk of the files read.
 */
export function unreadBeside(folder: string, entries: readonly string[], read: ReadonlySet<string>): Issue[] {
  const { exports, workbooks, archives, unreadable, byproducts, misnamed } = listExports(folder, listingFs(folder, entries));
  const log = new IssueLog();
  exportsNotRead(folder, exports, read, log);
  for (const path of [...workbooks, ...archives]) if (!read.has(path)) log.warning(path, 0, '', 'file_not_read', NOT_READ_BESIDE);
  for (const path of unreadable) if (!read.has(path)) log.warning(path, 0, '', 'file_not_read', UNREADABLE_MESSAGE);
  for (const { path, message } of misnamed) log.warning(path, 0, '', 'file_not_read', message);
  byproductWarnings(byproducts, log);
  return log.issues;
}

const NOT_READ_BESIDE = `not read: a folder with ${DEALS_FILE} is read as the canonical files (${DATA_FOLDER_FILES.join(', ')}) alone; to read vendor exports, put them in a folder without ${DEALS_FILE} (docs/exports.md)`;

/**
 * Each CSV file of a canonical folder that is not read (`exports`, paths in the folder, less those in `read`): a
 * warning, saying which canonical file to rename it to when its header is one's (`targets (1).csv`). A file that
 * cannot be opened is not read either way: it gets the general warning (scripts/init.ts says the same).
 */
export function exportsNotRead(
  folder: string,
  exports: readonly string[],
  read: ReadonlySet<string>,
  log: IssueLog,
  head: (path: string) => Uint8Array = (path) => fileHead(join(folder, path), HINT_BYTES),
): void {
  const readNames = new Set([...read].map((name) => name.toLowerCase()));
  for (const path of exports) {
    if (read.has(path)) continue;
    // A canonical file the folder lacks, there under another name (`targets (1).csv`): what to rename.
    const renamed = path.includes('/') ? null : canonicalFileOf(tableOfHead(path, head(path))?.names ?? []);
    log.warning(path, 0, '', 'file_not_read', renamed !== null && !readNames.has(renamed) ? renamedNotRead(renamed) : NOT_READ_BESIDE);
  }
}

/** Each lock file or Mac metadata file beside the data (export-listing.ts `byproductMessage`): a warning saying what it is. */
export function byproductWarnings(paths: readonly string[], log: IssueLog): void {
  for (const path of paths) log.warning(path, 0, '', 'file_not_read', byproductMessage(path)!);
}

/** Bytes of a file read to tell it by its header (a title line or two, then the header). */
const HINT_BYTES = 64 * 1024;

/** A file of the folder read from its first bytes, for its header; null when it is not a text file. */
function headTable(folder: string, relative: string): VendorTable | null {
  return tableOfHead(relative, fileHead(join(folder, relative), HINT_BYTES));
}

/** The table of a file's first bytes (`head`), for its header; null when they are not text. */
function tableOfHead(name: string, head: Uint8Array): VendorTable | null {
  try {
    return readVendorTable(name, byteSource(head), new IssueLog());
  } catch {
    return null;
  }
}

/**
 * The CRM export that the folder's `deals.csv` (named `name` on disk) is instead of the canonical file, or null
 * (unread-files.ts); with the canonical columns its header lacks.
 */
export function dealsFileExport(folder: string, name: string): RenamedExport | null {
  return dealsHeadExport(name, fileHead(join(folder, name), HINT_BYTES));
}

/** A CRM's export under the name deals.csv: its format, its words ("a HubSpot deals export"), the canonical columns it lacks. */
export interface RenamedExport {
  format: string;
  one: string;
  missing: string[];
}

/** `dealsFileExport` from the file's first bytes (`head`: up to its first 64 KiB; scripts/init.ts reads the file itself). */
export function dealsHeadExport(name: string, head: Uint8Array): RenamedExport | null {
  // The header line alone (~1 ms, where 64 KiB of rows took ~10 on every run of a canonical folder). A header
  // whose quoted name holds a line end is cut short here: it then matches no export, and is read as canonical.
  const lineEnd = head.subarray(0, HINT_BYTES).indexOf(0x0a);
  const table = tableOfHead(name, head.subarray(0, lineEnd === -1 ? HINT_BYTES : lineEnd + 1));
  const found = table && exportUnderCanonicalName(table);
  return found && { ...found, missing: DEAL_REQUIRED.filter((column) => !table!.names.includes(column)) };
}

/**
 * When a folder read as canonical files (`--format canonical`) has no
 * deals.csv but holds a CRM's exports: what each is and the --format to
 * use, as ". <file>: it looks like ...", or '' when none is one. With
 * `renamedOnly` (a required file missing beside deals.csv), only the files
 * that have that file's columns under another name (`stage_history (1).csv`).
 */
export function missingFileHint(folder: string, entries: readonly string[], renamedOnly?: string): string {
  let exports: string[];
  try {
    exports = listExports(folder, listingFs(folder, entries)).exports;
  } catch {
    return '';
  }
  const found: { file: string; other: OtherFormat }[] = [];
  for (const relative of exports) {
    const table = headTable(folder, relative);
    if (table === null) continue; // not a text file: nothing to say here
    const other = otherFormatOf(table, [], ADAPTERS);
    if (other && (renamedOnly === undefined || canonicalFileOf(table.names) === renamedOnly)) found.push({ file: relative, other });
  }
  const said = otherFormatsSaid(found);
  return said.length === 0 ? '' : `. ${said.join('. ')}`;
}

/** The folder as export-listing.ts reads it: its entries already listed, those of its subfolders, each entry's kind. */
export function listingFs(folder: string, entries: readonly string[]): ListingFs {
  return { join, readdir: (path) => (path === folder ? [...entries] : readdirSync(path)), kind: entryKind, rawNames: rawNamesQuietly };
}

/** A file's first bytes (HEAD_BYTES by default; fewer when it is shorter; none when it cannot be opened: reading it then says why). */
export function fileHead(path: string, bytes = HEAD_BYTES): Uint8Array {
  const head = new Uint8Array(bytes);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return new Uint8Array(0);
  }
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return new Uint8Array(0);
  } finally {
    closeSync(fd);
  }
}

/** A folder's entry names as bytes (none when it cannot be listed again). */
function rawNamesQuietly(path: string): Uint8Array[] {
  try {
    return readdirSync(path, { encoding: 'buffer' });
  } catch {
    return [];
  }
}

/**
 * What a folder entry is, for export-listing.ts: null when it is gone, neither, or cannot be looked at (symbolic
 * links that lead round in a loop, ELOOP: a link to nothing, named as one rather than stopping the run).
 */
export function entryKind(path: string): 'file' | 'folder' | null {
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'folder' : null;
}

/**
 * The stat of a data file (`name`, at `path`): a folder, a FIFO or a symbolic link to nothing named as one stops
 * the run, saying so (statSync's other errors pass: ENOENT for a file that is not there).
 */
export function statFile(name: string, path: string): Stats {
  const kind = name === CONFIG_FILE ? 'config' : 'CSV';
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    // A link whose file was moved away is not a file that was never given: reading on without it would use the
    // defaults (a config) or leave its rows out (an optional file), saying nothing.
    const target = (e as NodeJS.ErrnoException).code === 'ENOENT' ? danglingLinkTarget(path) : null;
    if (target !== null) throw new IngestFatalError('not_a_file', name, `${path}: is a symbolic link to nothing (${target} does not exist), not the ${kind} file it is named after`, { cause: e });
    throw e;
  }
  if (stat.isFile()) return stat;
  const what = `${stat.isDirectory() ? 'is a folder' : 'is not a file (a FIFO, a device or a socket)'}, not the ${kind} file it is named after`;
  throw new IngestFatalError('not_a_file', name, `${path}: ${what}`);
}

/** Where the symbolic link at `path` leads, when it is one; null for anything else (or nothing). */
function danglingLinkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}
