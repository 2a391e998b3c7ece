/**
 * Which files of a data folder of vendor exports are read: CSV (and
 * tab-separated) files in it and in its subfolders one level down (a series
 * of exports in dated folders). Spreadsheet workbooks are listed too: CRMs
 * offer them beside CSV (HubSpot's XLSX and XLS, Salesforce's "Formatted
 * Report"): an XLSX, XLSM or XLS one is then read as the export it is
 * (workbook/workbook-exports.ts), any other is reported, not skipped
 * without a word. The file system is given (read-exports.ts, scripts/init.ts).
 */

import { legacyName } from './legacy-name.ts';
import { isCompoundFile } from './workbook/cfb.ts';

/** Files read as exports. */
const EXPORT_FILE = /\.(csv|tsv|txt)$/iu;
/** Spreadsheet workbooks: XLSX, XLSM and XLS read as exports (workbook/workbook-exports.ts), the others reported. */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/iu;
/** A `.xls` name that some tools give a text file (tab-separated): read as text when its bytes are text. */
const XLS_FILE = /\.xls$/iu;
/** ZIP archives (a CRM may send a large export zipped): not read, reported. */
const ARCHIVE_FILE = /\.zip$/iu;

export interface ListingFs {
  join(...parts: string[]): string;
  readdir(path: string): string[];
  /** 'file', 'folder', or null when the path is gone (or something else). */
  kind(path: string): 'file' | 'folder' | null;
  /** A file's first bytes (HEAD_BYTES, fewer when it is shorter): a workbook or a ZIP archive saved under a .csv name is told by them. */
  head?(path: string): Uint8Array;
  /** A folder's entry names as bytes: a name that is not UTF-8 is shown as its bytes read (legacy-name.ts). */
  rawNames?(path: string): Uint8Array[];
}

/** How many first bytes of a .csv file tell a workbook or a ZIP archive (a workbook's first entries' names lie within them). */
export const HEAD_BYTES = 4096;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Entry names that make a ZIP archive a workbook: XLSX and XLSM (Open XML:
 * `[Content_Types].xml`, usually first, `_rels/`, `docProps/`, `xl/`), ODS
 * (`mimetype` first, then its type) and Numbers (`Index/`). A plain ZIP of
 * CSV files has none of them near its start.
 */
const WORKBOOK_ENTRIES = ['[Content_Types].xml', '_rels/.rels', 'docProps/', 'xl/', 'mimetypeapplication/vnd.oasis.opendocument', 'Index/Document.iwa', 'META-INF/manifest.xml'];

const starts = (head: Uint8Array, magic: readonly number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** Whether bytes start as a ZIP file's (an XLSX, or an archive). */
export const isZipFile = (head: Uint8Array) => starts(head, ZIP_MAGIC);

/** What a file's first bytes are when they are not a text: 'workbook' (XLSX, XLS, ODS, Numbers), 'archive' (any other ZIP file), else null. */
export function binaryKind(head: Uint8Array): 'workbook' | 'archive' | null {
  // XLS files (and other Office files of before 2007) are OLE2 compound files.
  if (isCompoundFile(head)) return 'workbook';
  if (!isZipFile(head)) return null;
  const text = new TextDecoder('latin1').decode(head);
  return WORKBOOK_ENTRIES.some((name) => text.includes(name)) ? 'workbook' : 'archive';
}

/**
 * Whether a `.xls` file's first bytes are a plain text table (tab- or
 * comma-separated, as some tools write under that name; Excel's "Unicode
 * Text" in UTF-16 with a byte order mark): no workbook or archive, no NUL
 * byte outside UTF-16, and not a web page or XML (an HTML table saved as
 * `.xls` is opened by Excel as a workbook, and is named as one).
 */
export function isTextTable(head: Uint8Array): boolean {
  if (head.length === 0 || binaryKind(head) !== null) return false;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return false;
  const text = utf16 ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head) : new TextDecoder('latin1').decode(head);
  return !/^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*</u.test(text);
}

export interface ExportListing {
  /** Paths relative to the folder, `/`-separated, sorted. */
  exports: string[];
  workbooks: string[];
  /** ZIP archives: `.zip` files, and ZIP files (not workbooks) saved under a .csv name. */
  archives: string[];
  /** Named like an export but not a file that can be read (a symbolic link to nothing, a FIFO): reported, never skipped silently. */
  unreadable: string[];
  /** Files other programs leave beside the data (`byproductMessage`): not read, each reported with what it is. */
  byproducts: string[];
  /**
   * Entries whose names mislead, each with why it is not read: names that are not UTF-8, which cannot be opened by the
   * name the system gives them (`misnamedMessage`), and folders named like a data file (`folderMessage`).
   */
  misnamed: { path: string; message: string }[];
}

/**
 * What a file named like an export is when another program made it beside the data, not a person:
 * an Office lock file (`~$deals.csv`: Excel keeps one while it has the file open) or macOS's
 * metadata (`._deals.csv`, and the `__MACOSX` folder of a ZIP archive made on a Mac). Both are
 * binary: read as CSV they stopped the run as "not a text CSV file". Null for any other name.
 */
export function byproductMessage(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('~$')) {
    return 'not read: an Office lock file, which Excel keeps beside a file while it has it open (named ~$ and that file\'s name), not data; a file open in Excel may hold changes not saved yet';
  }
  if (name.startsWith('._') || path.startsWith('__MACOSX/')) {
    return `not read: a Mac's metadata about ${name.replace(/^\._/u, '')} (an AppleDouble file, which macOS writes beside a file on a shared drive or into a ZIP archive), not data`;
  }
  return null;
}

/** Why an entry of `unreadable` is not read. */
export const UNREADABLE_MESSAGE = 'named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read';

/**
 * Why an entry whose name is not UTF-8 is not read: the system gives its name with U+FFFD in place of the bytes
 * that are not, and no file has that name. `shown`: its bytes read as CP949 or Windows-1252, when known.
 */
export const misnamedMessage = (shown: string | null) =>
  `not read: its name is not UTF-8${shown === null ? '' : ` (its bytes read as "${shown}")`}, so it cannot be opened by the name this system gives it; a ZIP archive made on Windows and extracted without its character set names files so: rename it, or extract the archive again with "unzip -O cp949"`;

/**
 * A name a data file could have (an export, a workbook, an archive): a folder so named is said, never passed over,
 * and no output may be written over a file so named in the data folder (scripts/metrics.ts).
 */
export const DATA_FILE_NAME = /\.(csv|tsv|txt|xlsx|xlsm|xlsb|xls|ods|numbers|zip)$/iu;

/** Why a folder so named is not looked into (a subfolder's files are: what each is, is said of it). */
const FOLDER_WHY = {
  subfolder: "; the files in it, if any, are taken as a subfolder's",
  hidden: ' (a hidden folder is not looked into)',
  nested: ' (a folder inside a subfolder is not looked into)',
} as const;

/** Why a folder named like a data file (`notes.csv/`) is not read as one; `where` it is says what is done with its files. */
export function folderMessage(name: string, where: keyof typeof FOLDER_WHY): string {
  return `a folder, not a file, though its name ends in "${DATA_FILE_NAME.exec(name)![0]}": not read as a file${FOLDER_WHY[where]}`;
}

export function listExports(folder: string, fs: ListingFs): ExportListing {
  const listing: ExportListing = { exports: [], workbooks: [], archives: [], unreadable: [], byproducts: [], misnamed: [] };
  const add = (dir: string, path: string, name: string, kind: 'file' | 'folder' | null) => {
    const full = fs.join(dir, name);
    if (kind === null && name.includes('\uFFFD')) listing.misnamed.push({ path, message: misnamedMessage(shownName(fs, dir, name)) });
    else if ((EXPORT_FILE.test(name) || WORKBOOK_FILE.test(name)) && byproductMessage(path) !== null) {
      // Read neither for its bytes nor as an export: a lock file may be locked, and is never data.
      if (kind !== 'folder') listing.byproducts.push(path);
    } else if (kind === null) {
      if (EXPORT_FILE.test(name)) listing.unreadable.push(path);
    } else if (kind === 'file') {
      // A workbook (or a ZIP archive) renamed (or saved by a tool) as .csv is what it is, not a text with NUL bytes.
      if (EXPORT_FILE.test(name)) {
        const binary = fs.head ? binaryKind(fs.head(full)) : null;
        (binary === 'workbook' ? listing.workbooks : binary === 'archive' ? listing.archives : listing.exports).push(path);
      } else if (XLS_FILE.test(name) && fs.head && isTextTable(fs.head(full))) listing.exports.push(path);
      else if (WORKBOOK_FILE.test(name)) listing.workbooks.push(path);
      else if (ARCHIVE_FILE.test(name)) listing.archives.push(path);
    } else if (DATA_FILE_NAME.test(name)) listing.misnamed.push({ path, message: folderMessage(name, dir === folder ? 'hidden' : 'nested') });
  };
  for (const name of fs.readdir(folder).sort()) {
    const kind = fs.kind(fs.join(folder, name));
    if (kind === 'folder' && !name.startsWith('.')) {
      if (DATA_FILE_NAME.test(name)) listing.misnamed.push({ path: name, message: folderMessage(name, 'subfolder') });
      const sub = fs.join(folder, name);
      for (const inner of fs.readdir(sub).sort()) add(sub, `${name}/${inner}`, inner, fs.kind(fs.join(sub, inner)));
    } else add(folder, name, name, kind);
  }
  return listing;
}

const lossyUtf8 = new TextDecoder('utf-8');

/** The name of a folder entry that is not UTF-8 as its bytes read (null when they are not at hand). */
function shownName(fs: ListingFs, dir: string, lossy: string): string | null {
  const raw = fs.rawNames?.(dir).find((bytes) => lossyUtf8.decode(bytes) === lossy);
  return raw === undefined ? null : legacyName(raw);
}

/**
 * Why `--data` given a file cannot be read: one of the data's files (`--data data/deals.csv`) is told
 * the folder that holds it (`/`-separated or not, as the path is written).
 */
export function notAFolder(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return /\.(?:csv|tsv|txt|xlsx?|zip)$/iu.test(path) && cut > 0 ? `not a folder: --data takes the folder that holds the files, here ${path.slice(0, cut)}` : 'not a folder';
}

/** Why a workbook is not read, and what to do instead. */
export const WORKBOOK_MESSAGE =
  'a spreadsheet workbook, not a CSV file: not read. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place';
/** Why an XLSX file could not be read (workbook/workbook-exports.ts), and what to do instead. */
export const brokenWorkbookMessage = (reason: string) =>
  `an Excel workbook that cannot be read: ${reason}. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place`;
/** Why a ZIP archive could not be read (archive/archive-exports.ts), and what to do instead. */
export const brokenArchiveMessage = (reason: string) =>
  `a ZIP archive that cannot be read: ${reason}. Download it again, or extract it and put the CSV files it holds in the folder in its place`;
/** The CSV files of an archive that no export matches (a Salesforce Data Export holds one per object): named together. */
export const unmatchedInArchive = (names: readonly string[], format: string | undefined) =>
  `${names.length} of its CSV files ${names.length === 1 ? 'matches' : 'match'} no ${format ?? 'supported'} export and ${names.length === 1 ? 'is' : 'are'} not read (a CRM's full export holds files of every kind): ${names
    .slice(0, 10)
    .map((n) => `"${n}"`)
    .join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`;
/** Why a ZIP archive is not read, and what to do instead. */
export const ARCHIVE_MESSAGE =
  'a ZIP archive, not a CSV file: not read. Extract it (a CRM may send a large export zipped) and put the CSV files it holds in the folder in its place';
