/**
 * An OLE2 compound file (MS-CFB), the container of an Excel 97-2003
 * workbook (`.xls`) and of a password-protected XLSX: its streams by name,
 * read from the bytes in memory. Every chain of sectors is bounded by the
 * file's size, so a damaged file ends in a WorkbookError, never a loop.
 */
import { WorkbookError } from './workbook-error.ts';

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_ENTRY = 0xffffffff;
const HEADER_DIFAT = 109;

/** Whether the bytes start as a compound file does. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** Bytes as little-endian 32-bit words (a Buffer's `slice` shares its pool, so the words are read, not viewed). */
function littleEndianWords(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

const CUT_OFF = 'the file is cut off (an interrupted download or copy)';

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  /** The streams at the top of the file, by lower-case name. */
  private readonly top: Map<string, DirEntry>;
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    if (!isCompoundFile(bytes) || bytes.length < 512) throw new WorkbookError(CUT_OFF);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    const miniShift = this.view.getUint16(0x20, true);
    if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw new WorkbookError('its compound file header is damaged');
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = this.view.getUint32(0x38, true);
    this.fat = this.readFat();
    this.entries = this.readDirectory(this.view.getUint32(0x30, true));
    this.top = this.topStreams();
  }

  private get sectorCount(): number {
    // The header takes the first sector's room (512 or 4,096 bytes).
    return Math.max(0, Math.ceil((this.bytes.length - this.sectorSize) / this.sectorSize));
  }

  private sector(n: number): Uint8Array {
    const start = (n + 1) * this.sectorSize;
    if (n >= this.sectorCount) throw new WorkbookError(CUT_OFF);
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  /** The FAT: the sectors listed in the header's DIFAT, then in DIFAT sectors. */
  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const count = this.view.getUint32(0x2c, true);
    if (count > this.sectorCount) throw new WorkbookError(CUT_OFF);
    for (let i = 0; i < Math.min(count, HEADER_DIFAT); i++) fatSectors.push(this.view.getUint32(0x4c + i * 4, true));
    let next = this.view.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    while (fatSectors.length < count && next !== END_OF_CHAIN && next !== FREE) {
      if (seen.has(next)) throw new WorkbookError('its compound file directory is damaged');
      seen.add(next);
      const s = this.sector(next);
      const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
      for (let i = 0; i < perSector && fatSectors.length < count; i++) fatSectors.push(v.getUint32(i * 4, true));
      next = v.getUint32(perSector * 4, true);
    }
    if (fatSectors.length < count || count > this.sectorCount) throw new WorkbookError(CUT_OFF);
    const fat = new Uint32Array(count * (this.sectorSize / 4));
    fatSectors.forEach((n, i) => {
      const s = this.sector(n);
      fat.set(littleEndianWords(s), i * (this.sectorSize / 4));
    });
    return fat;
  }

  /** A chain of sectors from `start` in `table`, each visited once. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    let n = start;
    while (n !== END_OF_CHAIN) {
      if (n >= table.length || n >= limit || out.length > limit) throw new WorkbookError(CUT_OFF);
      out.push(n);
      n = table[n]!;
    }
    return out;
  }

  private readChain(start: number, size: number): Uint8Array {
    // A size past the file's own is damage (or a cut), not a stream to make room for.
    if (size > this.bytes.length) throw new WorkbookError(CUT_OFF);
    const out = new Uint8Array(size);
    let at = 0;
    for (const n of this.chain(start, this.fat, this.sectorCount)) {
      if (at >= size) break;
      const s = this.sector(n);
      const take = Math.min(s.length, size - at);
      out.set(s.subarray(0, take), at);
      at += take;
    }
    if (at < size) throw new WorkbookError(CUT_OFF);
    return out;
  }

  private readDirectory(start: number): DirEntry[] {
    const sectors = this.chain(start, this.fat, this.sectorCount);
    const entries: DirEntry[] = [];
    for (const n of sectors) {
      const s = this.sector(n);
      const v = new DataView(s.buffer, s.byteOffset, s.byteLength);
      for (let at = 0; at + 128 <= s.length; at += 128) {
        const nameBytes = Math.min(64, v.getUint16(at + 0x40, true));
        let name = '';
        for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(v.getUint16(at + i, true));
        entries.push({
          name,
          type: v.getUint8(at + 0x42),
          left: v.getUint32(at + 0x44, true),
          right: v.getUint32(at + 0x48, true),
          child: v.getUint32(at + 0x4c, true),
          start: v.getUint32(at + 0x74, true),
          // The high half is 0 in version 3 files and in any stream a workbook holds.
          size: v.getUint32(at + 0x78, true),
        });
      }
    }
    if (entries.length === 0 || entries[0]!.type !== 5) throw new WorkbookError('its compound file directory is damaged');
    return entries;
  }

  /** The names of the streams at the top of the file (the root storage's children), each once. */
  private topStreams(): Map<string, DirEntry> {
    const found = new Map<string, DirEntry>();
    const stack = [this.entries[0]!.child];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i === NO_ENTRY || seen.has(i)) continue;
      if (i >= this.entries.length) throw new WorkbookError('its compound file directory is damaged');
      seen.add(i);
      const e = this.entries[i]!;
      if (e.type === 2) found.set(e.name.toLowerCase(), e);
      stack.push(e.left, e.right);
    }
    return found;
  }

  /** Whether a stream of this name (any case) is at the top of the file. */
  has(name: string): boolean {
    return this.top.has(name.toLowerCase());
  }

  /** The bytes of a top-level stream, or null when there is none of that name. */
  stream(name: string): Uint8Array | null {
    const entry = this.top.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.size >= this.miniCutoff) return this.readChain(entry.start, entry.size);
    return this.readMini(entry.start, entry.size);
  }

  /** A small stream, kept in the mini stream (the root entry's chain) in 64-byte sectors. */
  private readMini(start: number, size: number): Uint8Array {
    if (this.miniFat === null) {
      const root = this.entries[0]!;
      const first = this.view.getUint32(0x3c, true);
      const count = this.view.getUint32(0x40, true);
      const fatBytes = first === END_OF_CHAIN ? new Uint8Array(0) : this.readChain(first, count * this.sectorSize);
      this.miniFat = littleEndianWords(fatBytes);
      this.miniStream = root.start === END_OF_CHAIN ? new Uint8Array(0) : this.readChain(root.start, root.size);
    }
    const mini = this.miniStream!;
    if (size > mini.length) throw new WorkbookError(CUT_OFF);
    const out = new Uint8Array(size);
    let at = 0;
    for (const n of this.chain(start, this.miniFat, Math.ceil(mini.length / this.miniSectorSize))) {
      if (at >= size) break;
      const from = n * this.miniSectorSize;
      const take = Math.min(this.miniSectorSize, size - at);
      if (from + take > mini.length) throw new WorkbookError(CUT_OFF);
      out.set(mini.subarray(from, from + take), at);
      at += take;
    }
    if (at < size) throw new WorkbookError(CUT_OFF);
    return out;
  }
}
