/**
 * A canonical file whose first line lacks the required columns may hold them
 * a few lines down, under a title typed above the table in a spreadsheet
 * (`2026년 영업 파이프라인`, then a blank row, then the column names). "Missing
 * required columns" alone then names columns the user can see. Looked for
 * only once the header has failed: the first lines are read again, and the
 * line holding every required column is named.
 */
import { parseCsv } from './csv.ts';
import { type ByteSource, type DecodeAttempt, decodeSource } from './decode.ts';
import { quoteValue } from './date-messages.ts';

/** How far down a header is looked for: a title and a few notes above a table, no more. */
const LOOK_LINES = 20;

/** Thrown to stop reading once the lines looked at are read. */
const STOP = new Error('header-below: stop');

/** The note for the missing-columns error when a line below the first holds every `required` column, else ''. */
export function headerBelowNote(source: ByteSource, attempt: DecodeAttempt, required: readonly string[]): string {
  let first = { line: 0, text: '' };
  let found = 0;
  try {
    parseCsv(decodeSource(source, attempt).text, {
      header(header) {
        first = { line: header.line, text: header.headers.filter((h) => h !== '').join(' ') };
      },
      record(record) {
        if (record.line > LOOK_LINES) throw STOP;
        if (record.malformed !== null) return;
        const names = new Set(record.toArray().map((n) => n.toLowerCase()));
        if (required.every((c) => names.has(c))) {
          found = record.line;
          throw STOP;
        }
      },
    });
  } catch (e) {
    if (e !== STOP) return '';
  }
  if (found === 0) return '';
  return `; the columns are on line ${found}, under ${quoteValue(first.text)} on line ${first.line}: the header must be the first line, so delete the lines above it (a title) and save the CSV again`;
}
