/**
 * Distinct cells known by their bytes (plain-records.ts): each one's bytes
 * are kept once, with their hash, the cell's code in its VendorTable's
 * values, and whether they are simple (no quote and no delimiter), so that
 * a cell seen before is known again without decoding it. Ids start at 1
 * (0: none).
 */
import { grown } from '../grown.ts';

const QUOTE = 34;

/** FNV-1a over the bytes `b[s, e)`, as an int32. */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

export class ByteCells {
  private readonly delimiter: number;
  private arena = new Uint8Array(1024 * 1024);
  private arenaView: DataView<ArrayBufferLike> = new DataView(this.arena.buffer);
  private arenaLength = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private codes = new Int32Array(1024);
  private simple = new Uint8Array(1024);
  private count = 1;
  /** Open addressing by hash: an id, or 0 for a free slot. */
  private slots = new Int32Array(2048);

  /** `delimiter`: the file's, as a char code (a cell holding it is not simple). */
  constructor(delimiter: number) {
    this.delimiter = delimiter;
  }

  length(id: number): number {
    return this.lengths[id]!;
  }

  code(id: number): number {
    return this.codes[id]!;
  }

  /** No quote and no delimiter in its bytes: where they are found, nothing else can be read from them. */
  isSimple(id: number): boolean {
    return this.simple[id] === 1;
  }

  /** Whether `b[s, s + length(id))` are cell `id`'s bytes (`view`: `b` as a DataView; four bytes at a time, names are long). */
  same(b: Uint8Array, view: DataView<ArrayBufferLike>, s: number, id: number): boolean {
    const length = this.lengths[id]!;
    const a = this.starts[id]!;
    const arena = this.arenaView;
    let k = 0;
    for (; k + 4 <= length; k += 4) if (view.getInt32(s + k) !== arena.getInt32(a + k)) return false;
    for (; k < length; k++) if (b[s + k] !== this.arena[a + k]) return false;
    return true;
  }

  /** The id of the cell `b[s, e)` (its hash `hash`), or 0 when it is not known yet. */
  find(b: Uint8Array, view: DataView<ArrayBufferLike>, s: number, e: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = slots[i]!;
      if (id === 0) return 0;
      if (this.hashes[id] === hash && this.lengths[id] === e - s && this.same(b, view, s, id)) return id;
    }
  }

  /** Know the cell `b[s, e)` (not known yet; its hash `hash`) by `code`; returns its id. */
  add(b: Uint8Array, s: number, e: number, hash: number, code: number): number {
    const id = this.count++;
    if (id === this.starts.length) {
      this.starts = grown(this.starts, id * 2);
      this.lengths = grown(this.lengths, id * 2);
      this.hashes = grown(this.hashes, id * 2);
      this.codes = grown(this.codes, id * 2);
      this.simple = grown(this.simple, id * 2);
    }
    const length = e - s;
    if (this.arenaLength + length > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaLength + length));
      this.arenaView = new DataView(this.arena.buffer);
    }
    let simple = 1;
    for (let i = s; i < e; i++) if (b[i] === QUOTE || b[i] === this.delimiter) simple = 0;
    this.arena.set(b.subarray(s, e), this.arenaLength);
    this.starts[id] = this.arenaLength;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.codes[id] = code;
    this.simple[id] = simple;
    this.arenaLength += length;
    this.place(id);
    if (id * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let j = this.hashes[id]! & mask;
    while (this.slots[j] !== 0) j = (j + 1) & mask;
    this.slots[j] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 1; id < this.count; id++) this.place(id);
  }
}
