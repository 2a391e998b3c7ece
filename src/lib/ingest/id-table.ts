/**
 * Deal ids to their index, as one open-addressing table that deals.csv fills
 * and the history files search, by string or by a range of the CSV text (no
 * string per row). Each entry keeps its FNV-1a hash (text-range.ts), so a
 * probe compares texts only when the hashes match: a Map of a million ids
 * compared the strings along its chains, ~1 µs a lookup in cache misses.
 */
import { grown } from './grown.ts';
import { hashRange, probeSlots, rangeIs } from './text-range.ts';

/** How the stage-history fast path finds a deal_id: its index, or -1. */
export interface IdLookup {
  get(text: string): number;
  find(src: string, s: number, e: number): number;
}

export class IdTable implements IdLookup {
  /** By entry, from 1 (slot value 0 marks a free slot, as in interner.ts). */
  private readonly keys: string[] = [''];
  private readonly values: number[] = [-1];
  private hashes = new Int32Array(16);
  /** Entry by slot; 0: free. */
  private slots = new Int32Array(32);
  private mask = 31;
  /** Where the last `get` that found nothing stopped: an `add` of that text next inserts there without probing again. */
  private missText: string | null = null;
  private missSlot = 0;
  private missHash = 0;
  /** The entry `find` found last (0: none yet). */
  private lastFound = 0;

  static from(entries: Iterable<readonly [string, number]>): IdTable {
    const table = new IdTable();
    for (const [text, value] of entries) table.add(text, value);
    return table;
  }

  get size(): number {
    return this.keys.length - 1;
  }

  /** Every text, in the order added. */
  texts(): string[] {
    return this.keys.slice(1);
  }

  /** The value of `text`, or -1. */
  get(text: string): number {
    const h = hashRange(text, 0, text.length);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const entry = this.slots[i]!;
      if (entry === 0) {
        this.missText = text;
        this.missSlot = i;
        this.missHash = h;
        return -1;
      }
      if (this.hashes[entry] === h && this.keys[entry] === text) return this.values[entry]!;
    }
  }

  /**
   * The value of the text `src[s, e)`, or -1. The entry found last and the one after it are tried first:
   * history files name deals in deals.csv's order more often than not (a CRM exports both by id or by
   * creation), and the next entry is next in memory, where a probe of a million ids' slots is a cache miss or two.
   */
  find(src: string, s: number, e: number): number {
    const h = hashRange(src, s, e);
    const last = this.lastFound;
    if (this.isEntry(last, h, src, s, e)) return this.values[last]!;
    if (this.isEntry(last + 1, h, src, s, e)) {
      this.lastFound = last + 1;
      return this.values[last + 1]!;
    }
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const entry = this.slots[i]!;
      if (entry === 0) return -1;
      if (this.hashes[entry] === h && rangeIs(src, s, e, this.keys[entry]!)) {
        this.lastFound = entry;
        return this.values[entry]!;
      }
    }
  }

  private isEntry(entry: number, h: number, src: string, s: number, e: number): boolean {
    return entry > 0 && entry < this.keys.length && this.hashes[entry] === h && rangeIs(src, s, e, this.keys[entry]!);
  }

  /** Adds `text` with `value` when it is not there yet (returns -1), else returns the value it has. */
  add(text: string, value: number): number {
    if (this.missText === null || this.missText !== text) {
      const found = this.get(text);
      if (found >= 0) return found;
    }
    this.missText = null;
    const entry = this.keys.length;
    this.keys.push(text);
    this.values.push(value);
    if (entry === this.hashes.length) this.hashes = grown(this.hashes, entry * 2);
    this.hashes[entry] = this.missHash;
    this.slots[this.missSlot] = entry;
    if (entry * 2 > this.slots.length) {
      this.slots = probeSlots(this.hashes, entry + 1, this.slots.length * 2);
      this.mask = this.slots.length - 1;
    }
    return -1;
  }
}
