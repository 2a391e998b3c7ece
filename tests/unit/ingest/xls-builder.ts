/**
 * Hand-built Excel 97-2003 workbooks for the XLS reader's tests: BIFF8
 * records (MS-XLS) in an OLE2 compound file (MS-CFB, version 3), streams
 * under the cutoff in the mini stream as the format requires. Only what the
 * tests need; every field written is named.
 */

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const le = (bytes: number, value: number) => {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  if (bytes === 1) view.setUint8(0, value);
  else if (bytes === 2) view.setUint16(0, value, true);
  else view.setUint32(0, value >>> 0, true);
  return out;
};
export const u8 = (v: number) => le(1, v);
export const u16 = (v: number) => le(2, v);
export const u32 = (v: number) => le(4, v);
export const f64 = (v: number) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, v, true);
  return out;
};

/** One BIFF record: type, length, data. */
export const record = (type: number, ...data: Uint8Array[]) => {
  const body = concat(data);
  return concat([u16(type), u16(body.length), body]);
};

/** A string's characters: one byte each when all are Latin-1, else UTF-16LE. */
export function chars(text: string): { wide: boolean; bytes: Uint8Array } {
  const wide = [...text].some((c) => c.charCodeAt(0) > 0xff);
  const bytes = wide ? new Uint8Array(Buffer.from(text, 'utf16le')) : new Uint8Array([...text].map((c) => c.charCodeAt(0)));
  return { wide, bytes };
}

/** An XLUnicodeString with a 2-byte length (LABEL, STRING, FORMAT) or a 1-byte one (a sheet's name). */
export function unicodeString(text: string, lengthBytes: 1 | 2 = 2): Uint8Array {
  const { wide, bytes } = chars(text);
  return concat([le(lengthBytes, text.length), u8(wide ? 1 : 0), bytes]);
}

export const BOF = (kind: number, version = 0x0600) => record(0x0809, u16(version), u16(kind), u16(0), u16(0), u32(0), u32(0));
export const EOF = () => record(0x000a);
export const cell = (row: number, column: number, xf = 0) => concat([u16(row), u16(column), u16(xf)]);
export const labelSst = (row: number, column: number, index: number, xf = 0) => record(0x00fd, cell(row, column, xf), u32(index));
export const label = (row: number, column: number, text: string) => record(0x0204, cell(row, column), unicodeString(text));
export const number = (row: number, column: number, value: number, xf = 0) => record(0x0203, cell(row, column, xf), f64(value));
export const rk = (row: number, column: number, value: number, xf = 0) => record(0x027e, cell(row, column, xf), u32(value));
export const mulrk = (row: number, first: number, values: [xf: number, rk: number][]) =>
  record(0x00bd, u16(row), u16(first), ...values.flatMap(([xf, v]) => [u16(xf), u32(v)]), u16(first + values.length - 1));
export const boolErr = (row: number, column: number, value: number, isError: boolean) => record(0x0205, cell(row, column), u8(value), u8(isError ? 1 : 0));
/** A FORMULA record: a number result, or (`special`) a text (0, its STRING record follows), yes/no (1), error (2), empty text (3). */
export const formula = (row: number, column: number, result: { number: number } | { special: number; value?: number }) =>
  record(
    0x0006,
    cell(row, column),
    'number' in result ? f64(result.number) : concat([u8(result.special), u8(0), u8(result.value ?? 0), u8(0), u8(0), u8(0), u16(0xffff)]),
    u16(0),
    u32(0),
    // The formula's own tokens: none needed to read its value.
    u16(0),
  );
export const stringRecord = (text: string) => record(0x0207, unicodeString(text));

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  /** Its cell records, between its BOF and EOF. */
  cells: Uint8Array[];
}

export interface XlsSpec {
  sheets: SheetSpec[];
  /** The shared strings, as SST and CONTINUE records (sstRecords) or as given. */
  sst?: Uint8Array[];
  /** Number format codes by id (FORMAT records). */
  formats?: [id: number, code: string][];
  /** The number format id of each XF, by its index. */
  xfFormats?: number[];
  date1904?: boolean;
  /** Records put first in the globals, after BOF (FILEPASS). */
  before?: Uint8Array[];
  version?: number;
}

/**
 * The SST record and its CONTINUE records for `strings`, each record at most `limit` bytes of data; a
 * string's characters split over records start the next one with a byte of flags, as Excel writes them.
 */
export function sstRecords(strings: string[], limit = 8224): Uint8Array[] {
  const records: Uint8Array[][] = [[u32(strings.length), u32(strings.length)]];
  let size = 8;
  const room = () => limit - size;
  const push = (b: Uint8Array) => {
    records.at(-1)!.push(b);
    size += b.length;
  };
  const next = () => {
    records.push([]);
    size = 0;
  };
  for (const text of strings) {
    const { wide, bytes } = chars(text);
    if (room() < 3 + (wide ? 2 : 1)) next();
    push(concat([u16(text.length), u8(wide ? 1 : 0)]));
    const width = wide ? 2 : 1;
    let at = 0;
    while (at < bytes.length) {
      const take = Math.min(bytes.length - at, Math.floor(room() / width) * width);
      if (take === 0) {
        next();
        push(u8(wide ? 1 : 0));
        continue;
      }
      push(bytes.subarray(at, at + take));
      at += take;
    }
  }
  return records.map((parts, i) => record(i === 0 ? 0x00fc : 0x003c, ...parts));
}

/** The Workbook stream: the globals (with each sheet's BOUNDSHEET offset), then each sheet. */
export function workbookStream(spec: XlsSpec): Uint8Array {
  const sheetBodies = spec.sheets.map((s) => concat([BOF(0x0010, spec.version), ...s.cells, EOF()]));
  const globals = (offsets: number[]) =>
    concat([
      BOF(0x0005, spec.version),
      ...(spec.before ?? []),
      record(0x0022, u16(spec.date1904 ? 1 : 0)),
      ...(spec.formats ?? []).map(([id, code]) => record(0x041e, u16(id), unicodeString(code))),
      ...(spec.xfFormats ?? [0]).map((fmt) => record(0x00e0, u16(0), u16(fmt), new Uint8Array(16))),
      ...spec.sheets.map((s, i) => record(0x0085, u32(offsets[i] ?? 0), u8(s.hidden ? 1 : 0), u8(0), unicodeString(s.name, 1))),
      ...(spec.sst ?? []),
      EOF(),
    ]);
  const size = globals([]).length;
  const offsets: number[] = [];
  let at = size;
  for (const body of sheetBodies) {
    offsets.push(at);
    at += body.length;
  }
  return concat([globals(offsets), ...sheetBodies]);
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;

const pad = (bytes: Uint8Array, to: number) => concat([bytes, new Uint8Array((to - (bytes.length % to)) % to)]);

/** A version-3 compound file holding `streams` at its top; those under 4,096 bytes go to the mini stream. */
export function compoundFile(streams: [name: string, bytes: Uint8Array][]): Uint8Array {
  const sectors: Uint8Array[] = [];
  const fat: number[] = [];
  const chain = (bytes: Uint8Array): number => {
    if (bytes.length === 0) return END;
    const first = sectors.length;
    const padded = pad(bytes, SECTOR);
    for (let i = 0; i < padded.length / SECTOR; i++) {
      sectors.push(padded.subarray(i * SECTOR, (i + 1) * SECTOR));
      fat.push(i === padded.length / SECTOR - 1 ? END : first + i + 1);
    }
    return first;
  };
  // The mini stream and its FAT.
  const miniParts: Uint8Array[] = [];
  const miniFat: number[] = [];
  const starts = streams.map(([, bytes]) => {
    if (bytes.length >= CUTOFF || bytes.length === 0) return null;
    const first = miniFat.length;
    const padded = pad(bytes, MINI);
    const count = padded.length / MINI;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : first + i + 1);
    miniParts.push(padded);
    return first;
  });
  const miniStream = concat(miniParts);
  const regular = streams.map(([, bytes], i) => (starts[i] === null ? chain(bytes) : starts[i]!));
  const miniStart = chain(miniStream);
  const miniFatStart = miniFat.length === 0 ? END : chain(concat(miniFat.map(u32)));
  // The directory: the root, then each stream as the root's child, linked as a right-leaning list.
  const entry = (name: string, type: number, child: number, right: number, start: number, size: number) => {
    const out = new Uint8Array(128);
    const nameBytes = Buffer.from(`${name}\0`, 'utf16le');
    out.set(nameBytes, 0);
    const v = new DataView(out.buffer);
    v.setUint16(0x40, nameBytes.length, true);
    v.setUint8(0x42, type);
    v.setUint8(0x43, 1);
    v.setUint32(0x44, FREE, true);
    v.setUint32(0x48, right, true);
    v.setUint32(0x4c, child, true);
    v.setUint32(0x74, start, true);
    v.setUint32(0x78, size, true);
    return out;
  };
  const entries = [entry('Root Entry', 5, streams.length > 0 ? 1 : FREE, FREE, miniStream.length === 0 ? END : miniStart, miniStream.length)];
  streams.forEach(([name, bytes], i) => entries.push(entry(name, 2, FREE, i + 1 < streams.length ? i + 2 : FREE, regular[i]!, bytes.length)));
  const dirStart = chain(concat(entries));
  // The FAT itself: enough sectors to list every sector, its own included.
  let fatSectors = 1;
  while ((sectors.length + fatSectors) > (fatSectors * SECTOR) / 4) fatSectors++;
  const fatStart = sectors.length;
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const fatBytes = pad(concat([...fat.map(u32)]), SECTOR);
  const fatFilled = concat([fatBytes.subarray(0, fat.length * 4), ...Array.from({ length: (fatBytes.length - fat.length * 4) / 4 }, () => u32(FREE))]);
  const header = new Uint8Array(SECTOR);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const h = new DataView(header.buffer);
  h.setUint16(0x18, 0x3e, true);
  h.setUint16(0x1a, 3, true);
  h.setUint16(0x1c, 0xfffe, true);
  h.setUint16(0x1e, 9, true);
  h.setUint16(0x20, 6, true);
  h.setUint32(0x2c, fatSectors, true);
  h.setUint32(0x30, dirStart, true);
  h.setUint32(0x38, CUTOFF, true);
  h.setUint32(0x3c, miniFatStart, true);
  h.setUint32(0x40, miniFat.length === 0 ? 0 : Math.ceil((miniFat.length * 4) / SECTOR), true);
  h.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) h.setUint32(0x4c + i * 4, i < fatSectors ? fatStart + i : FREE, true);
  return concat([header, ...sectors, fatFilled]);
}

/** An XLS file of the spec. */
export const makeXls = (spec: XlsSpec) => compoundFile([['Workbook', workbookStream(spec)]]);
