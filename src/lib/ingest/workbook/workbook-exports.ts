/**
 * The workbooks of a folder of exports that are read as exports: XLSX and
 * XLSM, which HubSpot, Salesforce and Pipedrive offer beside CSV, and XLS
 * (Excel 97-2003), which HubSpot offers too, or a web page's table saved
 * as .xls. Each becomes the CSV text of its first visible sheet holding a table (xlsx.ts,
 * xls.ts, html-table.ts: told by the file's first bytes, whatever its name
 * says) and is then read like any CSV export, under its own name; its hash
 * is the workbook's. Other workbooks (XLSB, ODS, Numbers, a web page with
 * no table saved as .xls) stay unread and reported, as does a
 * workbook that cannot be read, with why. The file system is given
 * (read-exports.ts, init).
 */
import { createHash } from 'node:crypto';
import type { Issue } from '../../dataset.ts';
import { IssueLog } from '../issues.ts';
import { quoteValue } from '../values.ts';
import { workbookCsv } from './xlsx.ts';
import { xlsCsv } from './xls.ts';
import { isCompoundFile } from './cfb.ts';
import { htmlTableCsv, htmlText, isHtmlTable } from './html-table.ts';
import { WorkbookError } from './workbook-error.ts';
import type { SheetCsv } from './sheet-csv.ts';
import { ZipError } from '../archive/zip-entries.ts';
import { isZipFile } from '../export-listing.ts';

/** The workbooks read as exports. */
const READ_WORKBOOK = /\.(?:xlsx|xlsm|xls)$/iu;
const XLS_NAME = /\.xls$/iu;

/**
 * The sheet of a workbook by what its bytes are: a compound file is an XLS (or an XLSX protected by a
 * password), a ZIP file an XLSX (Excel opens one named .xls too), and a `.xls` that is a web page's table
 * (many web systems' "Excel download") is read as Excel shows it (html-table.ts). Null for a `.xls` that is
 * none of these, which is not read; any other file is read as an XLSX, whose reader says why it cannot be.
 */
function sheetOf(path: string, bytes: Uint8Array): SheetCsv | null {
  if (isCompoundFile(bytes)) return xlsCsv(bytes);
  if (isZipFile(bytes) || !XLS_NAME.test(path)) return workbookCsv(bytes);
  return isHtmlTable(htmlText(bytes.subarray(0, 64 * 1024))) ? htmlTableCsv(bytes) : null;
}

export interface WorkbookExport {
  path: string;
  /** Its first visible sheet holding a table as UTF-8 CSV text. */
  csv: Uint8Array;
  /** SHA-256 of the workbook file itself. */
  sha256: string;
  /** Said about the file before its rows are read (sheets skipped or not read). */
  notes: Issue[];
}

export interface WorkbookReading {
  read: WorkbookExport[];
  /** Workbooks of kinds not read (XLSB, ODS, Numbers, a web page with no table saved as .xls). */
  unread: string[];
  /** XLSX and XLS files that could not be read, with why. */
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
      const sheet = sheetOf(path, bytes);
      if (sheet === null) {
        reading.unread.push(path);
        continue;
      }
      const log = new IssueLog();
      if (sheet.skipped.length > 0) {
        const n = sheet.skipped.length;
        log.warning(
          path,
          0,
          '',
          'sheet_skipped',
          `its sheet ${quoteValue(sheet.sheet)} is read: ${n === 1 ? 'the sheet' : 'the sheets'} before it, ${sheet.skipped.map(quoteValue).join(', ')}, ${n === 1 ? 'holds' : 'hold'} no table (a cover: lines of text, or labels with their values), so ${n === 1 ? 'it is' : 'they are'} not read`,
        );
      }
      if (sheet.otherSheets.length > 0) {
        const others = sheet.otherSheets.map(quoteValue).join(', ');
        const which = sheet.skipped.length > 0 ? `its sheet ${quoteValue(sheet.sheet)}` : `its first sheet, ${quoteValue(sheet.sheet)},`;
        log.warning(
          path,
          0,
          '',
          'sheet_not_read',
          `only ${which} is read: ${others} ${sheet.otherSheets.length === 1 ? 'holds' : 'hold'} data too and ${sheet.otherSheets.length === 1 ? 'is' : 'are'} not read; save each sheet to read as a file of its own`,
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
      const said = e instanceof ZipError || e instanceof WorkbookError;
      if (!said && !(e instanceof RangeError)) throw e;
      reading.broken.push({ path, reason: said ? (e as Error).message : 'it is too large to read as a workbook' });
    }
  }
  return reading;
}
