/**
 * A spreadsheet's error values: what Excel, Google Sheets, Numbers and
 * LibreOffice show in a formula's cell that failed (a VLOOKUP that found
 * nothing: `#N/A`), and save as that text in a CSV file. Read as text, one
 * would be an account, an owner or a keyman named `#N/A` (every deal whose
 * lookup failed one customer); so a cell holding one is refused, saying
 * what it is.
 */
import { Invalid, quoteValue } from './values.ts';

/** Excel's (English, and the German, French and Spanish ones), Google Sheets' and LibreOffice's, upper-cased. */
const SHEET_ERRORS = new Set([
  '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
  '#ERROR!',
  '#NV', '#WERT!', '#BEZUG!', '#ZAHL!',
  '#VALEUR!', '#NOMBRE!', '#NOM?', '#NUL!',
  '#N/D', '#¡VALOR!', '#¡REF!', '#¡DIV/0!', '#¡NUM!', '#¿NOMBRE?', '#¡NULO!',
]);

/** LibreOffice writes most of its errors as `Err:502`. */
const LIBREOFFICE_ERROR = /^Err:\d{3}$/u;

/** Whether a (trimmed) cell is a spreadsheet's error value. A first character test first: no other cell pays more. */
export function isSheetError(cell: string): boolean {
  const c = cell.charCodeAt(0);
  if (c === 35 /* # */) return cell.length <= 13 && SHEET_ERRORS.has(cell.toUpperCase());
  return c === 69 /* E */ && cell.length === 7 && LIBREOFFICE_ERROR.test(cell);
}

/** Why a cell holding a spreadsheet's error value is refused, and what to do. */
export function sheetError(cell: string): Invalid {
  return new Invalid(
    'sheet_error',
    `${quoteValue(cell)} is a spreadsheet's error value (a formula that failed, such as a lookup that found nothing), not data: correct the formula or clear the cell, then save the CSV again`,
  );
}
