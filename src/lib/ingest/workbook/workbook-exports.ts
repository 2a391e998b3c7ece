/**
 * The workbooks of a folder of exports that are read as exports: XLSX and
 * XLSM, which HubSpot, Salesforce and Pipedrive offer beside CSV. Each
 * becomes the CSV text of its
 * first visible sheet (xlsx.ts) and is then read like any CSV export,
 * under its own name; its hash is the workbook's. Other workbooks (XLS,
 * XLSB, ODS, Numbers) stay unread and reported, as does an XLSX that cannot
 * be read, with why. The file system is given (read-folder.ts, init).
 */
import { createHash } from 'node:crypto';
import type { Issue } from '../../dataset.ts';
import { IssueLog } from '../issues.ts';
import { quoteValue } from '../values.ts';
import { workbookCsv } from './xlsx.ts';
import { ZipError } from '../archive/zip-entries.ts';

/** The workbooks read as exports. */
const READ_WORKBOOK = /\.(?:xlsx|xlsm)$/iu;

export interface WorkbookExport {
  path: string;
  /** Its first visible sheet as UTF-8 CSV text. */
  csv: Uint8Array;
  /** SHA-256 of the workbook file itself. */
  sha256: string;
  /** Said about the file before its rows are read (other sheets not read). */
  notes: Issue[];
}

export interface WorkbookReading {
  read: WorkbookExport[];
  /** Workbooks of kinds not read (XLS, XLSB, ODS, Numbers). */
  unread: string[];
  /** XLSX files that could not be read, with why. */
  broken: { path: string; reason: string }[];
}

export function readWorkbooks(paths: readonly string[], bytesOf: (path: string) => Uint8Array): WorkbookReading {
  const reading: WorkbookReading = { read: [], unread: [], broken: [] };
  for (const path of paths) {
    if (!READ_WORKBOOK.test(path)) {
      reading.unread.push(path);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = bytesOf(path);
    } catch (e) {
      reading.broken.push({ path, reason: `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    try {
      const sheet = workbookCsv(bytes);
      const log = new IssueLog();
      if (sheet.otherSheets.length > 0) {
        const others = sheet.otherSheets.map(quoteValue).join(', ');
        log.warning(
          path,
          0,
          '',
          'sheet_not_read',
          `only its first sheet, ${quoteValue(sheet.sheet)}, is read: ${others} ${sheet.otherSheets.length === 1 ? 'holds' : 'hold'} data too and ${sheet.otherSheets.length === 1 ? 'is' : 'are'} not read; save each sheet to read as a file of its own`,
        );
      }
      const { count, first } = sheet.uncalculated;
      if (first !== null) {
        log.warning(
          path,
          first.row,
          '',
          'uncalculated_formulas',
          `${count} formula cell${count === 1 ? ' has' : 's have'} no saved value (first ${first.cell}), as a program that writes formulas without calculating them leaves them, and ${count === 1 ? 'reads' : 'read'} as empty: open the workbook in Excel and save it, or export it again as CSV`,
        );
      }
      reading.read.push({ path, csv: new TextEncoder().encode(sheet.csv), sha256: createHash('sha256').update(bytes).digest('hex'), notes: log.issues });
    } catch (e) {
      // A RangeError: a sheet past what one text can hold in this JavaScript engine.
      if (!(e instanceof ZipError) && !(e instanceof RangeError)) throw e;
      reading.broken.push({ path, reason: e instanceof ZipError ? e.message : 'it is too large to read as a workbook' });
    }
  }
  return reading;
}
