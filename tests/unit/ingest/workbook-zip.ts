/** A ZIP file written by hand for the workbook tests: the parts given, deflated (or stored), as APPNOTE.TXT lays them out. */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  text: string;
  /** The entry's bytes, when not `text` as UTF-8 (a file in another encoding, a workbook). */
  bytes?: Uint8Array;
  stored?: boolean;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** The name's bytes as written, without the UTF-8 flag (a name zipped on Windows in its code page). */
  nameBytes?: Uint8Array;
}

export function makeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = part.nameBytes ? Buffer.from(part.nameBytes) : Buffer.from(part.name, 'utf8');
    const data = part.bytes ? Buffer.from(part.bytes) : Buffer.from(part.text, 'utf8');
    const packed = part.stored ? data : deflateRawSync(data);
    const method = part.stored ? 0 : 8;
    const crc = crc32(data);
    const flags = (part.flags ?? 0) | (part.nameBytes ? 0 : 0x800);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The sheet's `<sheetData>` content. */
  data: string;
  hidden?: boolean;
}

/** An XLSX workbook of the sheets given, with shared strings and cell styles (`numFmts` custom formats, `xfs` each style's numFmtId). */
export function makeXlsx(sheets: readonly SheetSpec[], options: { strings?: readonly string[]; numFmts?: Record<number, string>; xfs?: readonly number[]; date1904?: boolean } = {}): Uint8Array {
  const numFmts = Object.entries(options.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
    .join('');
  const xfs = (options.xfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return makeZip([
    { name: '[Content_Types].xml', text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    },
    { name: 'xl/sharedStrings.xml', text: `<?xml version="1.0"?><sst xmlns="${MAIN}">${(options.strings ?? []).map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('')}</sst>` },
    { name: 'xl/styles.xml', text: `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellXfs>${xfs}</cellXfs></styleSheet>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${s.data}</sheetData></worksheet>` })),
  ]);
}
