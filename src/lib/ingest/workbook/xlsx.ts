/**
 * An XLSX (or XLSM) workbook, as the CSV text of its first visible sheet that holds a table,
 * each cell by its value (not as Excel shows it: a date ISO, an amount
 * without its format's `$`), so the file is read as the export it is. Every row keeps its number as its line (an empty row is an empty
 * line), so a message's line is the row Excel shows, until a cell of
 * several lines (quoted, as in any CSV) moves the rows after it down; a
 * row ends at its last value. Dates and times come out as ISO 8601
 * (cell-values.ts). Sheets with data besides the one read are named, not
 * skipped silently.
 */
import { type NumberKind, formatKind, numberText } from './cell-values.ts';
import { attributes, elements, NS, plainAttribute, runsText, xmlText } from './xml-text.ts';
import { firstTableSheet, hasValues, hiddenTableReason, holdsTable, rowsCsv, setCell, type SheetCsv, type SheetRows, trimRow } from './sheet-csv.ts';
import { entryBytes, memoryZip, ZipError, type ZipEntry, zipEntries, type ZipSource } from '../archive/zip-entries.ts';

const utf8 = new TextDecoder('utf-8');

class Parts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly zip: ZipSource;
  constructor(bytes: Uint8Array) {
    this.zip = memoryZip(bytes);
    for (const entry of zipEntries(this.zip)) this.byName.set(entry.name.replace(/^\//u, '').toLowerCase(), entry);
  }
  text(name: string): string | null {
    const entry = this.byName.get(name.replace(/^\//u, '').toLowerCase());
    return entry ? utf8.decode(entryBytes(this.zip, entry)) : null;
  }
}

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

function sheetRefs(parts: Parts): { sheets: SheetRef[]; date1904: boolean } {
  const workbook = parts.text('xl/workbook.xml');
  if (workbook === null) throw new ZipError('it has no workbook part (xl/workbook.xml): it is not an Excel workbook');
  const rels = new Map<string, string>();
  for (const { attrs } of elements(parts.text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const a = attributes(attrs);
    const target = a.get('Target') ?? '';
    rels.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetRef[] = [];
  for (const { attrs } of elements(workbook, 'sheet')) {
    const a = attributes(attrs);
    const path = rels.get(a.get('id') ?? '');
    if (path) sheets.push({ name: a.get('name') ?? '', path, hidden: (a.get('state') ?? 'visible') !== 'visible' });
  }
  const pr = [...elements(workbook, 'workbookPr')][0];
  const flag = pr ? attributes(pr.attrs).get('date1904') : undefined;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

function sharedStrings(parts: Parts): string[] {
  const xml = parts.text('xl/sharedStrings.xml');
  if (xml === null) return [];
  if (!endsWith(xml, SST_END)) throw new ZipError('its shared strings are cut off');
  return [...elements(xml, 'si')].map(({ body }) => runsText(body));
}

/** The end of an XML part whose root element is `root`: its end tag, or the root written empty. */
const rootEnd = (root: string) => new RegExp(`(?:</${NS}${root}>|<${NS}${root}\\b[^>]*/>)\\s*$`, 'u');
const SST_END = rootEnd('sst');
const WORKSHEET_END = rootEnd('worksheet');

/**
 * Whether an XML part ends with its root's end tag (`end`, anchored at the end): one that does not was cut off
 * where it was written, and reading its rows would drop the rest unsaid. Only its tail is looked at (a sheet of
 * 100k deals is ~100 MB).
 */
function endsWith(xml: string, end: RegExp): boolean {
  return end.test(xml.slice(-512));
}

/** Each cell style's kind of number (by its index in cellXfs). */
function styleKinds(parts: Parts): NumberKind[] {
  const xml = parts.text('xl/styles.xml');
  if (xml === null) return [];
  const codes = new Map<number, string>();
  for (const { attrs } of elements(xml, 'numFmt')) {
    const a = attributes(attrs);
    codes.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const xfs = [...elements(xml, 'cellXfs')][0]?.body ?? '';
  return [...elements(xfs, 'xf')].map(({ attrs }) => {
    const id = Number(attributes(attrs).get('numFmtId') ?? 0);
    return formatKind(id, codes.get(id));
  });
}

/** Column letters (`AB`) as a 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ROW = new RegExp(`<${NS}row(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${NS}row>)`, 'gu');
const VALUE = new RegExp(`<${NS}v(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}v>`, 'u');
const INLINE = new RegExp(`<${NS}is(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}is>`, 'u');

interface Context {
  strings: readonly string[];
  kinds: readonly NumberKind[];
  date1904: boolean;
  /** Formula cells without a saved value, counted as the sheet is read. */
  uncalculated: SheetCsv['uncalculated'];
  row: number;
}

function cellText(attrs: string, body: string, ctx: Context): string {
  const type = plainAttribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const inline = INLINE.exec(body);
    return inline ? runsText(inline[1]!) : '';
  }
  const v = VALUE.exec(body);
  if (!v) {
    if (body.includes('<f') || body.includes(':f')) {
      ctx.uncalculated.count++;
      ctx.uncalculated.first ??= { row: ctx.row, cell: plainAttribute(attrs, 'r') ?? '' };
    }
    return '';
  }
  const raw = xmlText(v[1]!);
  if (type === 's') {
    const text = ctx.strings[Number(raw)];
    // A cell that points past the shared strings would be read as empty, its value lost unsaid.
    if (text === undefined) throw new ZipError('its shared strings are damaged');
    return text;
  }
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  if (type === 'n') return numberText(raw, ctx.kinds[Number(plainAttribute(attrs, 's') ?? 0)] ?? 'number', ctx.date1904);
  // 'str' (a formula's text), 'e' (an error such as #N/A), 'd' (an ISO date): as written.
  return raw;
}

/** The rows of a sheet's XML: row number (1-based) to its cells by column. */
function sheetRows(xml: string, ctx: Context): SheetRows {
  const rows: SheetRows = new Map();
  let last = 0;
  for (const m of xml.matchAll(ROW)) {
    const r = Number(plainAttribute(m[1] ?? '', 'r'));
    const number = Number.isInteger(r) && r > last ? r : last + 1;
    last = number;
    ctx.row = number;
    const cells: string[] = [];
    let next = 0;
    for (const { attrs, body } of elements(m[2] ?? '', 'c')) {
      const ref = plainAttribute(attrs, 'r');
      const at = ref ? columnIndex(ref) : next;
      const column = at >= 0 ? at : next;
      setCell(cells, column, cellText(attrs, body, ctx));
      next = column + 1;
    }
    rows.set(number, trimRow(cells));
  }
  return rows;
}

/** The workbook's first visible sheet that holds a table, as CSV text (sheet-csv.ts `firstTableSheet`). Throws ZipError with why it cannot be read. */
export function workbookCsv(bytes: Uint8Array): SheetCsv {
  const parts = new Parts(bytes);
  const { sheets, date1904 } = sheetRefs(parts);
  const visible = sheets.filter((s) => !s.hidden);
  const ctx: Context = { strings: sharedStrings(parts), kinds: styleKinds(parts), date1904, uncalculated: { count: 0, first: null }, row: 0 };
  const uncalculatedOf = new Map<SheetRef, Context['uncalculated']>();
  const read = (ref: SheetRef) => {
    const xml = parts.text(ref.path);
    if (xml === null) throw new ZipError(`its sheet "${ref.name}" is missing (${ref.path})`);
    if (!endsWith(xml, WORKSHEET_END)) throw new ZipError(`its sheet "${ref.name}" is cut off (${ref.path} ends before its last row)`);
    ctx.uncalculated = { count: 0, first: null };
    const rows = sheetRows(xml, ctx);
    uncalculatedOf.set(ref, ctx.uncalculated);
    return rows;
  };
  const hidden = sheets.filter((s) => s.hidden);
  if (visible.length === 0) throw new ZipError(hiddenTableReason(hidden, read) ?? 'it has no visible sheet');
  const { sheet, rows, skipped } = firstTableSheet(visible, read);
  const onHidden = holdsTable(rows) ? null : hiddenTableReason(hidden, read);
  if (onHidden !== null) throw new ZipError(onHidden);
  const uncalculated = uncalculatedOf.get(sheet)!;
  const otherSheets = sheets.filter((s) => s !== sheet && !skipped.includes(s) && hasValues(read(s))).map((s) => s.name);
  return { sheet: sheet.name, csv: rowsCsv(rows), otherSheets, skipped: skipped.map((s) => s.name), uncalculated };
}
