/** Why a file is refused whole as not a text CSV file (`not_text_csv`), and what to do instead. */
import { binaryKind } from './export-listing.ts';
import { IngestFatalError } from './issues.ts';

/** Line ends CSV does not use (Unicode's line and paragraph separators, the C1 next line): the whole file one line. */
export const UNICODE_LINE_END = /[\u0085\u2028\u2029]/u;

/**
 * A header holding such a line end: the file's lines end with it (a program that writes Unicode's own line ends), so
 * it reads as one header line and no row. Refused whole, rather than losing every row behind a header of repeated
 * column names.
 */
export function unicodeLineEnds(file: string, char: string): IngestFatalError {
  const name = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return new IngestFatalError('not_text_csv', file, `${file}: its lines end with ${name}, which CSV does not use, so the whole file reads as one header line: save it again with ordinary line ends (LF or CRLF)`);
}

/**
 * A file with a NUL byte is binary, or UTF-16 without its BOM: refused whole.
 * A workbook or a ZIP archive saved under a .csv name (told by its first
 * bytes, `head`) is named as what it is, with how to get the CSV file.
 */
export function nulError(file: string, line: number, byte: number, head: Uint8Array): IngestFatalError {
  const kind = binaryKind(head);
  const name = file.split('/').pop()!;
  if (kind === 'workbook') {
    return new IngestFatalError(
      'not_text_csv',
      file,
      `${file}: a spreadsheet workbook (XLSX or XLS) saved under a .csv name, not a CSV file: open it in Excel and save it as CSV (File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"), named ${name}, or export it again as CSV from the CRM`,
    );
  }
  if (kind === 'archive') {
    return new IngestFatalError('not_text_csv', file, `${file}: a ZIP archive saved under a .csv name, not a CSV file: extract it and put the CSV file it holds in its place, named ${name}`);
  }
  const at = byte >= 0 ? ` (byte offset ${byte.toLocaleString('en-US')})` : '';
  return new IngestFatalError('not_text_csv', file, `${file}: contains NUL bytes from line ${line}${at}: not a text CSV file (a spreadsheet, a database file, or UTF-16 without a byte-order mark?); open it in the program that made it and export it as CSV (UTF-8)`);
}
