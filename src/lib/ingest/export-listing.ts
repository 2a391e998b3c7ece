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
  const add = (path: string, name: string, kind: 'file' | 'folder' | null) => {
    if (kind === null) {
      if (EXPORT_FILE.test(name)) listing.unreadable.push(path);
    } else if (kind === 'file') {
      if (EXPORT_FILE.test(name)) listing.exports.push(path);
      else if (WORKBOOK_FILE.test(name)) listing.workbooks.push(path);
    }
  };
  for (const name of fs.readdir(folder).sort()) {
    const kind = fs.kind(fs.join(folder, name));
    if (kind === 'folder' && !name.startsWith('.')) {
      for (const inner of fs.readdir(fs.join(folder, name)).sort()) add(`${name}/${inner}`, inner, fs.kind(fs.join(folder, name, inner)));
    } else add(name, name, kind);
  }
  return listing;
}

/** Why a workbook is not read, and what to do instead. */
export const WORKBOOK_MESSAGE =
  'a spreadsheet workbook, not a CSV file: not read. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place';
