/**
 * The entries of a ZIP file (an XLSX workbook, a CRM's zipped export), read
 * from its central directory, as APPNOTE.TXT lays it out: stored and
 * deflated entries, ZIP64 sizes and offsets. The file is read where needed
 * (`ZipSource`): its directory, then each entry asked for, so a 512 MB
 * archive is never in memory whole. Node only (node:zlib, node:fs). Every
 * way the bytes can be wrong is a `ZipError` with a reason a person can act
 * on, never an exception of another kind; an entry's bytes are checked
 * against the CRC-32 and size its directory records, so a damaged stored
 * entry, or a deflated one whose damage still inflates, is not read as data.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { legacyName } from '../legacy-name.ts';

/** Random access to a ZIP file's bytes. */
export interface ZipSource {
  size: number;
  /** `length` bytes from `at` (fewer at the end). */
  read(at: number, length: number): Uint8Array;
}

export function memoryZip(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/** A ZIP file on disk, read by offset; `close` when done. */
export function fileZip(path: string): ZipSource & { close(): void } {
  const fd = openSync(path, 'r');
  return {
    size: fstatSync(fd).size,
    read(at, length) {
      const out = new Uint8Array(Math.max(0, Math.min(length, this.size - at)));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, at + done);
        if (n === 0) break;
        done += n;
      }
      return done === out.length ? out : out.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** The CRC-32 of its unpacked bytes, as the directory records it. */
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** An entry is not inflated past this (a sheet of 100k deals is ~100 MB): a larger one is no export, or a ZIP bomb, and one text could not hold it. */
export const MAX_ENTRY_BYTES = 400 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function need(bytes: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > bytes.length) throw new ZipError('the file is cut off (an interrupted download or copy)');
}

/** The entries, in the order of the central directory. */
export function zipEntries(zip: ZipSource): ZipEntry[] {
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  const tailStart = Math.max(0, zip.size - 22 - 65535);
  const tail = zip.read(tailStart, zip.size - tailStart);
  const t = view(tail);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (t.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('the file is cut off or not a ZIP file (no end of its directory)');
  let count = t.getUint16(end + 10, true);
  let dirSize = t.getUint32(end + 12, true);
  let dirOffset = t.getUint32(end + 16, true);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    const locator = end - 20;
    need(tail, locator, 20);
    if (t.getUint32(locator, true) !== ZIP64_EOCD_LOCATOR) throw new ZipError('its ZIP64 directory is missing');
    const record = zip.read(Number(t.getBigUint64(locator + 8, true)), 56);
    need(record, 0, 56);
    const r = view(record);
    if (r.getUint32(0, true) !== ZIP64_EOCD) throw new ZipError('its ZIP64 directory is damaged');
    count = Number(r.getBigUint64(32, true));
    dirSize = Number(r.getBigUint64(40, true));
    dirOffset = Number(r.getBigUint64(48, true));
  }
  if (dirOffset + dirSize > zip.size) throw new ZipError('the file is cut off (an interrupted download or copy)');
  const bytes = zip.read(dirOffset, dirSize);
  const v = view(bytes);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    need(bytes, p, 46);
    if (v.getUint32(p, true) !== CENTRAL) throw new ZipError('its directory is damaged');
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    let compressedSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    let offset = v.getUint32(p + 42, true);
    need(bytes, p + 46, nameLength + extraLength + commentLength);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    // Without the UTF-8 flag: UTF-8 all the same when it reads so (macOS's Archive Utility writes it so), else the zipping Windows' code page.
    const name = (flags & 0x800) !== 0 ? utf8.decode(nameBytes) : legacyName(nameBytes);
    // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = v.getUint16(e, true);
      const length = v.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          need(bytes, q, 8);
          const n = Number(v.getBigUint64(q, true));
          q += 8;
          return n;
        };
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (offset === MAX32) offset = next();
      }
      e += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size, crc, offset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated. */
export function entryBytes(zip: ZipSource, entry: ZipEntry): Uint8Array {
  if ((entry.flags & 0x1) !== 0) throw new ZipError('it is protected by a password');
  if (entry.size > MAX_ENTRY_BYTES) throw new ZipError(`its part ${entry.name} is over ${MAX_ENTRY_BYTES / 1024 / 1024} MB unpacked`);
  const local = zip.read(entry.offset, 30);
  need(local, 0, 30);
  const v = view(local);
  if (v.getUint32(0, true) !== LOCAL) throw new ZipError(`its part ${entry.name} is damaged`);
  const start = entry.offset + 30 + v.getUint16(26, true) + v.getUint16(28, true);
  if (start + entry.compressedSize > zip.size) throw new ZipError('the file is cut off (an interrupted download or copy)');
  const data = zip.read(start, entry.compressedSize);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`its part ${entry.name} is compressed in a way this tool does not read (method ${entry.method})`);
  let bytes: Uint8Array;
  try {
    bytes = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw new ZipError(`its part ${entry.name} is damaged`);
  }
  if (bytes.length !== entry.size || crc32(bytes) >>> 0 !== entry.crc) throw new ZipError(`its part ${entry.name} is damaged`);
  return bytes;
}
