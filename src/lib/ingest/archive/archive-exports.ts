/**
 * ZIP archives in a folder of exports, read as the exports they hold: a
 * CRM sends a large export zipped, and Salesforce's Data Export (Setup →
 * Data Export) delivers Opportunity.csv, OpportunityHistory.csv and the
 * other objects only as ZIP files of up to 512 MB each. Every CSV file in
 * an archive is an export named `<archive>/<entry>` (`WE_00D_1.zip/
 * Opportunity.csv`), read as if it lay in the folder, its hash taken as it
 * is unpacked; an XLSX or XLS in it is read as a workbook beside the exports is.
 * What else an archive holds (folders aside) is named in one warning on the
 * archive; one that cannot be read is named with why. The archive stays on
 * disk: its directory is read, then each entry as the reading reaches it
 * (zip-entries.ts). Node only, like read-folder.ts.
 */
import { createHash } from 'node:crypto';
import type { Issue } from '../../dataset.ts';
import type { ByteSource } from '../decode.ts';
import { IngestFatalError, IssueLog } from '../issues.ts';
import { quoteValue } from '../values.ts';
import { readWorkbooks, type WorkbookReading } from '../workbook/workbook-exports.ts';
import { entryBytes, MAX_ENTRY_BYTES, ZipError, type ZipEntry, zipEntries, type ZipSource } from './zip-entries.ts';

/** Entries read as exports, as in a folder (export-listing.ts). */
const EXPORT_ENTRY = /\.(?:csv|tsv|txt)$/iu;
const WORKBOOK_ENTRY = /\.(?:xlsx|xlsm|xlsb|xls|ods|numbers)$/iu;
/** A Mac's metadata in an archive made on a Mac: never data, not worth naming. */
const MAC_METADATA = /(?:^|\/)(?:__MACOSX\/|\._)/u;
const CHUNK_BYTES = 64 * 1024;
/** Why a file of an archive cannot be unpacked, told only as it is (fatal-text-files.ts says it in Korean). */
export const DAMAGED = 'its compressed bytes in the ZIP archive are damaged: download the archive again';

export interface ArchiveExport {
  path: string;
  /** The archive that holds it. */
  archive: string;
  source: ByteSource;
  /** Said about the entry before its rows (a workbook's sheets left unread). */
  notes?: Issue[];
}

export interface ArchiveReading {
  read: ArchiveExport[];
  /** Archives that cannot be read at all, with why. */
  broken: { path: string; reason: string }[];
  /** Workbooks in archives that cannot be read, with why (`<archive>/<entry>`). */
  brokenWorkbooks: WorkbookReading['broken'];
  /** Per archive: what it holds that is not read. */
  notes: Issue[];
}

/** `onHash`: each entry's SHA-256 once it has been unpacked and read to its end. */
export function readArchives(paths: readonly string[], open: (path: string) => ZipSource, onHash: (path: string, hex: string) => void): ArchiveReading {
  const reading: ArchiveReading = { read: [], broken: [], brokenWorkbooks: [], notes: [] };
  for (const archive of paths) {
    let zip: ZipSource;
    let entries: ZipEntry[];
    try {
      zip = open(archive);
      entries = zipEntries(zip);
    } catch (e) {
      if (!(e instanceof ZipError) && !isErrno(e)) throw e;
      reading.broken.push({ path: archive, reason: e instanceof ZipError ? e.message : `the file cannot be read (${(e as NodeJS.ErrnoException).code})` });
      continue;
    }
    const notRead: string[] = [];
    const workbooks = new Map<string, ZipEntry>();
    for (const entry of entries) {
      if (entry.name.endsWith('/') || MAC_METADATA.test(entry.name)) continue;
      const path = `${archive}/${entry.name}`;
      if (EXPORT_ENTRY.test(entry.name)) {
        const why = unreadableEntry(entry);
        if (why === null) reading.read.push({ path, archive, source: entrySource(zip, entry, path, onHash) });
        else notRead.push(`${quoteValue(entry.name)} (${why})`);
      } else if (WORKBOOK_ENTRY.test(entry.name)) workbooks.set(path, entry);
      else notRead.push(quoteValue(entry.name));
    }
    if (workbooks.size > 0) {
      const sheets = readWorkbooks([...workbooks.keys()], (path) => entryBytes(zip, workbooks.get(path)!));
      for (const sheet of sheets.read) {
        onHash(sheet.path, sheet.sha256);
        reading.read.push({ path: sheet.path, archive, source: bytesSource(sheet.csv), notes: sheet.notes });
      }
      reading.brokenWorkbooks.push(...sheets.broken);
      notRead.push(...sheets.unread.map((path) => `${quoteValue(path.slice(archive.length + 1))} (a workbook of a kind not read)`));
    }
    if (notRead.length > 0) {
      const log = new IssueLog();
      log.warning(archive, 0, '', 'archive_entries_not_read', `${notRead.length} of its files ${notRead.length === 1 ? 'is' : 'are'} not read: ${listed(notRead)}`);
      reading.notes.push(...log.issues);
    }
  }
  return reading;
}

const isErrno = (e: unknown): e is NodeJS.ErrnoException => e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';

/** The first ten of a list, and how many more. */
export const listed = (items: readonly string[]) => `${items.slice(0, 10).join(', ')}${items.length > 10 ? ` and ${items.length - 10} more` : ''}`;

/** What keeps an entry from being unpacked, told from the directory alone; null when it can be. */
function unreadableEntry(entry: ZipEntry): string | null {
  if ((entry.flags & 0x1) !== 0) return 'protected by a password';
  if (entry.method !== 0 && entry.method !== 8) return `compressed in a way this tool does not read (method ${entry.method})`;
  if (entry.size > MAX_ENTRY_BYTES) return `over ${MAX_ENTRY_BYTES / 1024 / 1024} MB unpacked`;
  return null;
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    *chunks() {
      for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
    },
  };
}

/** An entry unpacked when its reading starts (and let go when it ends), hashed as it is read. */
function entrySource(zip: ZipSource, entry: ZipEntry, path: string, onHash: (path: string, hex: string) => void): ByteSource {
  return {
    size: entry.size,
    *chunks() {
      let bytes: Uint8Array;
      try {
        bytes = entryBytes(zip, entry);
      } catch (e) {
        if (!(e instanceof ZipError)) throw e;
        // Told only by unpacking (a damaged compressed stream): the file cannot be read, as a file on disk that fails to read.
        throw new IngestFatalError('file_unreadable', path, `${path}: cannot be read (${DAMAGED})`);
      }
      const hash = createHash('sha256');
      for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
        const chunk = bytes.subarray(i, i + CHUNK_BYTES);
        hash.update(chunk);
        yield chunk;
      }
      onHash(path, hash.digest('hex'));
    },
  };
}
