/**
 * An Excel 97-2003 workbook (`.xls`, BIFF8 in an OLE2 compound file), as
 * HubSpot's "XLS" export and older tools write it, read as an XLSX is
 * (xlsx.ts): the CSV text of its first visible worksheet, each cell by its
 * value (a date as ISO 8601 by its cell's number format, cell-values.ts),
 * every row on its own line. Records follow MS-XLS; an Excel 5.0/95
 * workbook (BIFF5) and one protected by a password are named, not read.
 */
import { CompoundFile } from './cfb.ts';
import { formatKind, type NumberKind, numberText } from './cell-values.ts';
import { firstTableSheet, hasValues, hiddenTableReason, holdsTable, rowsCsv, setCell, type SheetCsv, type SheetRows, trimRow } from './sheet-csv.ts';
import { WorkbookError } from './workbook-error.ts';
import { plainString, readStrings, u16 } from './biff-strings.ts';

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const BOUNDSHEET = 0x0085;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

const BIFF8 = 0x0600;
const NOT_BIFF = 'it is not an Excel workbook (its Workbook stream does not start as one)';
const OLD_FORMAT = 'it is an Excel 5.0/95 workbook, older than the Excel 97-2003 format this tool reads: open it in Excel and save it as .xlsx';
const MISPLACED = 'its sheet is damaged (it does not start where the workbook says)';
const DAMAGED = 'its sheet is damaged (a cell record is shorter than its kind)';

/** The fewest bytes each cell record read here holds (MS-XLS): a shorter one is damage, not a cell. */
const MIN_LENGTH = new Map([
  [LABELSST, 10],
  [LABEL, 9],
  [RSTRING, 9],
  [NUMBER, 14],
  [RK, 10],
  [MULRK, 12],
  [BOOLERR, 8],
  [FORMULA, 14],
  [STRING, 3],
]);
const ERRORS = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
]);

interface Record {
  type: number;
  data: Uint8Array;
  /** The CONTINUE records after it: a long string (shared strings, a formula's text) runs on into them. */
  more: Uint8Array[];
}

/** The records of a BIFF stream from `start`, each with the CONTINUE records that follow it. */
function* records(stream: Uint8Array, start: number): Generator<Record> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = start;
  let pending: Record | null = null;
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > stream.length) throw new WorkbookError('the file is cut off (an interrupted download or copy)');
    const data = stream.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (type === CONTINUE && pending) {
      pending.more.push(data);
      continue;
    }
    if (pending) yield pending;
    pending = { type, data, more: [] };
  }
  if (pending) yield pending;
}

const u32 = (d: Uint8Array, at: number) => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
const f64 = (d: Uint8Array, at: number) => new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);

const rkDouble = new DataView(new ArrayBuffer(8));

/** An RK number (MS-XLS 2.5.217): a 30-bit integer or the high 30 bits of a double, maybe over 100. */
function rkNumber(rk: number): number {
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    rkDouble.setUint32(0, 0, true);
    rkDouble.setUint32(4, rk & 0xfffffffc, true);
    value = rkDouble.getFloat64(0, true);
  }
  return rk & 0x01 ? value / 100 : value;
}

interface SheetRef {
  name: string;
  offset: number;
  hidden: boolean;
  worksheet: boolean;
}

interface Globals {
  strings: string[];
  kinds: NumberKind[];
  date1904: boolean;
  sheets: SheetRef[];
}

function readGlobals(stream: Uint8Array): Globals {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let strings: string[] = [];
  let first = true;
  for (const r of records(stream, 0)) {
    if (first) {
      if (r.type !== BOF) throw new WorkbookError(NOT_BIFF);
      if (u16(r.data, 0) !== BIFF8) throw new WorkbookError(OLD_FORMAT);
      first = false;
      continue;
    }
    switch (r.type) {
      case FILEPASS:
        throw new WorkbookError('it is protected by a password');
      case DATEMODE:
        date1904 = u16(r.data, 0) === 1;
        break;
      case FORMAT:
        formats.set(u16(r.data, 0), plainString(r.data, 2, 2));
        break;
      case XF:
        xfFormats.push(u16(r.data, 2));
        break;
      case SST:
        strings = readStrings(u32(r.data, 4), [r.data.subarray(8), ...r.more]);
        break;
      case BOUNDSHEET:
        sheets.push({ offset: u32(r.data, 0), hidden: (r.data[4]! & 0x03) !== 0, worksheet: r.data[5] === 0, name: plainString(r.data, 6, 1) });
        break;
    }
    if (r.type === EOF) break;
  }
  if (first) throw new WorkbookError(NOT_BIFF);
  return { strings, kinds: xfFormats.map((id) => formatKind(id, formats.get(id))), date1904, sheets };
}

/** A cell of a number by its XF's number format: a date, a percentage or a plain number. */
function numberCell(value: number, xf: number, globals: Globals): string {
  return numberText(String(value), globals.kinds[xf] ?? 'number', globals.date1904);
}

/** The rows of the worksheet whose BOF is at `offset`. */
function sheetRows(stream: Uint8Array, offset: number, globals: Globals): SheetRows {
  const rows: SheetRows = new Map();
  const put = (row: number, column: number, text: string) => {
    let cells = rows.get(row + 1);
    if (!cells) rows.set(row + 1, (cells = []));
    setCell(cells, column, text);
  };
  if (offset >= stream.length) throw new WorkbookError(MISPLACED);
  let first = true;
  // A formula whose value is text: the text is in the STRING record after it.
  let pendingText: { row: number; column: number } | null = null;
  for (const r of records(stream, offset)) {
    if (first) {
      if (r.type !== BOF) throw new WorkbookError(MISPLACED);
      first = false;
      continue;
    }
    if (r.type === EOF) break;
    const d = r.data;
    if (d.length < (MIN_LENGTH.get(r.type) ?? 0)) throw new WorkbookError(DAMAGED);
    switch (r.type) {
      case LABELSST:
        put(u16(d, 0), u16(d, 2), globals.strings[u32(d, 6)] ?? '');
        break;
      case LABEL:
      case RSTRING:
        put(u16(d, 0), u16(d, 2), plainString(d, 6, 2, r.more));
        break;
      case NUMBER:
        put(u16(d, 0), u16(d, 2), numberCell(f64(d, 6), u16(d, 4), globals));
        break;
      case RK:
        put(u16(d, 0), u16(d, 2), numberCell(rkNumber(u32(d, 6)), u16(d, 4), globals));
        break;
      case MULRK: {
        const row = u16(d, 0);
        const firstColumn = u16(d, 2);
        const count = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < count; i++) put(row, firstColumn + i, numberCell(rkNumber(u32(d, 4 + i * 6 + 2)), u16(d, 4 + i * 6), globals));
        break;
      }
      case BOOLERR:
        put(u16(d, 0), u16(d, 2), d[7] ? (ERRORS.get(d[6]!) ?? '#N/A') : d[6] ? 'TRUE' : 'FALSE');
        break;
      case FORMULA: {
        const row = u16(d, 0);
        const column = u16(d, 2);
        if (u16(d, 12) !== 0xffff) put(row, column, numberCell(f64(d, 6), u16(d, 4), globals));
        else if (d[6] === 0) pendingText = { row, column };
        else if (d[6] === 1) put(row, column, d[8] ? 'TRUE' : 'FALSE');
        else if (d[6] === 2) put(row, column, ERRORS.get(d[8]!) ?? '#N/A');
        // 3: an empty text.
        break;
      }
      case STRING:
        if (pendingText) put(pendingText.row, pendingText.column, plainString(d, 0, 2, r.more));
        pendingText = null;
        break;
    }
  }
  return finish(rows);
}

function finish(rows: SheetRows): SheetRows {
  for (const [row, cells] of rows) rows.set(row, trimRow(cells));
  return rows;
}

/** The workbook's first visible worksheet that holds a table, as CSV text (sheet-csv.ts `firstTableSheet`). Throws WorkbookError with why it cannot be read. */
export function xlsCsv(bytes: Uint8Array): SheetCsv {
  const file = new CompoundFile(bytes);
  // An XLSX protected by a password is a compound file too, its workbook encrypted inside.
  if (file.has('EncryptedPackage')) throw new WorkbookError('it is protected by a password');
  const stream = file.stream('Workbook');
  if (stream === null) throw new WorkbookError(file.has('Book') ? OLD_FORMAT : 'it is not an Excel workbook (an Office file of another kind)');
  const globals = readGlobals(stream);
  const worksheets = globals.sheets.filter((s) => s.worksheet);
  const visible = worksheets.filter((s) => !s.hidden);
  const read = (ref: SheetRef) => sheetRows(stream, ref.offset, globals);
  const hidden = worksheets.filter((s) => s.hidden);
  if (visible.length === 0) throw new WorkbookError(hiddenTableReason(hidden, read) ?? 'it has no visible sheet');
  const { sheet, rows, skipped } = firstTableSheet(visible, read);
  const onHidden = holdsTable(rows) ? null : hiddenTableReason(hidden, read);
  if (onHidden !== null) throw new WorkbookError(onHidden);
  const otherSheets = worksheets.filter((s) => s !== sheet && !skipped.includes(s) && hasValues(read(s))).map((s) => s.name);
  // A BIFF8 formula always keeps its last value: none is uncalculated.
  return { sheet: sheet.name, csv: rowsCsv(rows), otherSheets, skipped: skipped.map((s) => s.name), uncalculated: { count: 0, first: null } };
}
