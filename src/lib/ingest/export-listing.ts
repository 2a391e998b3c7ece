/**
 * Which files of a data folder of vendor exports are read: CSV (and
 * tab-separated) files in it and in its subfolders one level down (a series
 * of exports in dated folders). Spreadsheet workbooks are listed too: CRMs
 * offer them beside CSV (HubSpot's XLSX and XLS, Salesforce's "Formatted
 * Report"), and one dropped into the folder must be reported, not skipped
 * without a word. The file system is given (read-folder.ts, scripts/init.ts).
 */

/** Files read as exports. */
const EXPORT_FILE = /\.(csv|tsv|txt)$/iu;
/** Spreadsheet workbooks: not read, reported. */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/iu;

export interface ListingFs {
  join(...parts: string[]): string;
  readdir(path: string): string[];
  /** 'file', 'folder', or null when the path is gone (or something else). */
  kind(path: string): 'file' | 'folder' | null;
  /** A file's first bytes (at least 8, fewer when it is shorter): a workbook saved under a .csv name is told by them. */
  head?(path: string): Uint8Array;
}

/** XLSX, XLSM, ODS and Numbers files are ZIP archives; XLS and XLSB-era files OLE2 compound files. */
const WORKBOOK_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
];

/** Whether a file's first bytes are a workbook's (a ZIP archive or an OLE2 compound file), never a CSV text's. */
export function isWorkbookBytes(head: Uint8Array): boolean {
  return WORKBOOK_MAGIC.some((magic) => head.length >= magic.length && magic.every((b, i) => head[i] === b));
}

export interface ExportListing {
  /** Paths relative to the folder, `/`-separated, sorted. */
  exports: string[];
  workbooks: string[];
  /** Named like an export but not a file that can be read (a symbolic link to nothing, a FIFO): reported, never skipped silently. */
  unreadable: string[];
}

/** Why an entry of `unreadable` is not read. */
export const UNREADABLE_MESSAGE = 'named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read';

export function listExports(folder: string, fs: ListingFs): ExportListing {
  const listing: ExportListing = { exports: [], workbooks: [], unreadable: [] };
  const add = (path: string, name: string, full: string, kind: 'file' | 'folder' | null) => {
    if (kind === null) {
      if (EXPORT_FILE.test(name)) listing.unreadable.push(path);
    } else if (kind === 'file') {
      // A workbook renamed (or saved by a tool) as .csv is the workbook it is, not a text with NUL bytes.
      if (EXPORT_FILE.test(name)) (fs.head && isWorkbookBytes(fs.head(full)) ? listing.workbooks : listing.exports).push(path);
      else if (WORKBOOK_FILE.test(name)) listing.workbooks.push(path);
    }
  };
  for (const name of fs.readdir(folder).sort()) {
    const kind = fs.kind(fs.join(folder, name));
    if (kind === 'folder' && !name.startsWith('.')) {
      for (const inner of fs.readdir(fs.join(folder, name)).sort()) add(`${name}/${inner}`, inner, fs.join(folder, name, inner), fs.kind(fs.join(folder, name, inner)));
    } else add(name, name, fs.join(folder, name), kind);
  }
  return listing;
}

/** Why a workbook is not read, and what to do instead. */
export const WORKBOOK_MESSAGE =
  'a spreadsheet workbook, not a CSV file: not read. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place';
