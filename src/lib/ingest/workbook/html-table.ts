/**
 * A web page's table saved as `.xls`: what many web systems' "Excel
 * download" writes (an HTML `<table>`, which Excel opens as a sheet after
 * a warning that the file's format and extension do not match), read as
 * Excel shows it. Each table row is a sheet row, the tables of the page one
 * below the other, a cell by its text as shown (tags dropped, `<br>` a line
 * break, runs of spaces one space, entities decoded), a cell spanning
 * columns or rows leaving the cells it covers empty. Its bytes are decoded
 * by their byte order mark, else the page's declared character set, else
 * UTF-8 when they are, else CP949 (the Korean web's own).
 */
import { textDecoder } from '../cp949.ts';
import { bomEncoding } from '../decode.ts';
import { WorkbookError } from './workbook-error.ts';
import { rowsCsv, setCell, type SheetCsv, type SheetRows, trimRow } from './sheet-csv.ts';

/** Whether decoded text is an HTML page holding a table (what Excel reads from such a file). */
export function isHtmlTable(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /^\s*</u.test(text.replace(/^\ufeff/u, '')) && (head.includes('<html') || head.includes('<table') || head.includes('<!doctype html')) && /<table\b/iu.test(text);
}

const CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu;

/** The page's text: BOM, else its `<meta charset>` (a label the platform knows), else UTF-8 when it is, else CP949. */
export function htmlText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom !== null) return new TextDecoder(bom).decode(bytes);
  const declared = CHARSET.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1];
  const label = declared === undefined ? null : knownLabel(declared);
  if (label !== null) return textDecoder(label).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return textDecoder('euc-kr').decode(bytes);
  }
}

/** A character set label as TextDecoder names it (every Korean label is CP949, as the web reads them); null when unknown. */
function knownLabel(declared: string): string | null {
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return null;
  }
}

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/gu;
/** The named entities such pages use; any other stays as written. */
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['middot', '·'],
  ['copy', '©'],
]);

function entities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED.get(name.toLowerCase()) ?? whole;
    const n = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
  });
}

/** A cell's text as shown: line breaks where `<br>` or a paragraph ends, other tags dropped, white space collapsed. */
function cellText(html: string): string {
  const marked = html
    .replace(/<br\b[^>]*>/giu, '\u0000')
    .replace(/<\/(?:p|div)\s*>/giu, '\u0000')
    .replace(/<[^>]*>/gu, '');
  return entities(marked.replace(/[ \t\r\n\f]+/gu, ' '))
    .split('\u0000')
    .map((line) => line.replace(/\u00a0/gu, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/gu, '');
}

const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table\s*>|$)/giu;
const CELL = /<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr\s*>|$)/giu;

/** Columns in a sheet (XFD). */
const MAX_COLUMNS = 16_384;

/** A cell's `colspan` or `rowspan` (HTML allows it unquoted), at most 1,000. */
const span = (attrs: string, name: 'colspan' | 'rowspan') => {
  const n = Number.parseInt(new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'iu').exec(attrs)?.[1] ?? '1', 10);
  return n > 1 ? Math.min(n, 1000) : 1;
};

/** The page's table rows as a sheet (rows of every table, one below the other, as Excel places them). */
export function htmlTableCsv(bytes: Uint8Array): SheetCsv {
  // Comments, scripts and styles show nothing (a commented-out row is no row).
  const text = htmlText(bytes)
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, '');
  const rows: SheetRows = new Map();
  // Cells a span from a row above covers: row number to its covered columns.
  const covered = new Map<number, Set<number>>();
  let row = 0;
  for (const tr of text.matchAll(ROW)) {
    row++;
    const cells: string[] = [];
    const taken = covered.get(row) ?? new Set<number>();
    let column = 0;
    for (const td of tr[1]!.matchAll(CELL)) {
      while (taken.has(column)) column++;
      const across = span(td[2]!, 'colspan');
      const down = span(td[2]!, 'rowspan');
      // Excel's own limit: a table wider than a sheet is named, not cut silently.
      if (column + across > MAX_COLUMNS) throw new WorkbookError(`its table is wider than a sheet (row ${row} passes ${MAX_COLUMNS.toLocaleString('en-US')} columns)`);
      setCell(cells, column, cellText(td[3]!.replace(/<\/t[dh]\s*>[\s\S]*$/iu, '')));
      for (let r = 1; r < down; r++) {
        const below = covered.get(row + r) ?? new Set<number>();
        for (let c = 0; c < across; c++) below.add(column + c);
        covered.set(row + r, below);
      }
      column += across;
    }
    covered.delete(row);
    rows.set(row, trimRow(cells));
  }
  return { sheet: '', csv: rowsCsv(rows), otherSheets: [], skipped: [], uncalculated: { count: 0, first: null } };
}
