/**
 * The strings of a BIFF8 workbook (MS-XLS 2.5.293-2.5.296): one byte a
 * character (Latin-1) or two (UTF-16), a string's characters running on
 * from a record into its CONTINUE records, where they restart after a byte
 * of flags. For xls.ts.
 */
import { WorkbookError } from './workbook-error.ts';

/** A little-endian 16-bit word of a record (0 past its end). */
export const u16 = (d: Uint8Array, at: number) => d[at]! | (d[at + 1]! << 8);

const latin1 = new TextDecoder('latin1');
const utf16 = new TextDecoder('utf-16le');

/**
 * Reads strings that may run on from a record into its CONTINUE records: a
 * string's characters restart there after one byte of flags (one or two
 * bytes a character); anything else runs on as it is.
 */
export class Segments {
  private index = 0;
  private at = 0;
  private readonly parts: Uint8Array[];
  constructor(parts: Uint8Array[]) {
    this.parts = parts;
  }

  private get part(): Uint8Array {
    const p = this.parts[this.index];
    if (!p) throw new WorkbookError('its shared strings are cut off');
    return p;
  }

  /** Whether every byte of every part has been read. */
  get exhausted(): boolean {
    for (let i = this.index; i < this.parts.length; i++) if ((i === this.index ? this.at : 0) < this.parts[i]!.length) return false;
    return true;
  }

  private next(): void {
    this.index++;
    this.at = 0;
  }

  byte(): number {
    while (this.at >= this.part.length) this.next();
    return this.part[this.at++]!;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.at >= this.part.length) this.next();
      const take = Math.min(left, this.part.length - this.at);
      this.at += take;
      left -= take;
    }
  }

  /** `count` characters, one byte each (Latin-1) or two (UTF-16), switching where a CONTINUE record says. */
  chars(count: number, wide: boolean): string {
    let text = '';
    let left = count;
    let twoBytes = wide;
    while (left > 0) {
      if (this.at >= this.part.length) {
        this.next();
        twoBytes = (this.byte() & 0x01) !== 0;
      }
      const width = twoBytes ? 2 : 1;
      const take = Math.min(left, Math.floor((this.part.length - this.at) / width));
      if (take === 0) throw new WorkbookError('its shared strings are damaged');
      const bytes = this.part.subarray(this.at, this.at + take * width);
      text += twoBytes ? utf16.decode(bytes) : latin1.decode(bytes);
      this.at += take * width;
      left -= take;
    }
    return text;
  }

  /** An XLUnicodeRichExtendedString (MS-XLS 2.5.293): characters, then rich-text runs and phonetic data skipped. */
  richString(): string {
    const count = this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extra = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 0x01) !== 0);
    this.skip(runs * 4 + extra);
    return text;
  }
}

/** An XLUnicodeString in one record (a LABEL or STRING record, a sheet's name): `lengthBytes` 1 or 2. */
export function plainString(data: Uint8Array, at: number, lengthBytes: 1 | 2, rest: Uint8Array[] = []): string {
  const count = lengthBytes === 1 ? data[at]! : u16(data, at);
  const s = new Segments([data.subarray(at + lengthBytes), ...rest]);
  const flags = s.byte();
  // Rich-text runs and phonetic data come after the characters: their sizes are skipped over, not needed.
  if (flags & 0x08) s.u16();
  if (flags & 0x04) s.u32();
  return s.chars(count, (flags & 0x01) !== 0);
}

/** The shared strings: `unique` of them, as far as the SST record and its CONTINUE records hold. */
export function readStrings(unique: number, parts: Uint8Array[]): string[] {
  const s = new Segments(parts);
  const out: string[] = [];
  while (out.length < unique && !s.exhausted) out.push(s.richString());
  return out;
}
