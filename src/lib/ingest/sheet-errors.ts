/**
 * A spreadsheet's error values: what Excel, Google Sheets, Numbers and
 * LibreOffice show in a formula's cell that failed (a VLOOKUP that found
 * nothing: `#N/A`), and save as that text in a CSV file. Read as text, one
 * would be an account, an owner or a keyman named `#N/A` (every deal whose
 * lookup failed one customer); so a cell holding one is refused, saying
 * what it is, except in a deals.csv text that only describes the deal, which
 * is read as empty with a warning (`SheetErrorText`).
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

/**
 * A deals.csv text that only describes a deal (its name, team, product, reasons, source, keyman) holding an
 * error value: the deal stays, in the pipeline's totals, and the text is read as empty, with a warning. An id,
 * an owner, an amount, a date or a stage holding one rejects its row (`sheetError`).
 */
export class SheetErrorText {
  readonly cell: string;

  constructor(cell: string) {
    this.cell = cell;
  }
}

/** The warning for a SheetErrorText in `column`. */
export function sheetErrorTextWarning(column: string, cell: string): string {
  return `${column} ${quoteValue(cell)} is a spreadsheet's error value (a formula that failed, such as a lookup that found nothing), not data: read as empty; correct the formula or clear the cell, then save the CSV again`;
}

/** Why a cell holding a spreadsheet's error value is refused, and what to do. */
export function sheetError(cell: string): Invalid {
  return new Invalid(
    'sheet_error',
    `${quoteValue(cell)} is a spreadsheet's error value (a formula that failed, such as a lookup that found nothing), not data: correct the formula or clear the cell, then save the CSV again`,
  );
}
