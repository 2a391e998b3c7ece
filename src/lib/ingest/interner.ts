/**
 * Distinct cell texts, each one string: a range of the CSV text is looked
 * up by its hash, so a text seen before costs no string. Vendor tables code
 * every cell with one (vendor-table.ts), deals.csv each column with its own
 * (coded-row.ts). `values` starts with the caller's code 0 (''), which
 * `code` never returns: slot 0 marks a free place in the table.
 */
import { grown } from './grown.ts';
import { hashRange, ownCopy, probeSlots, rangeIs } from './text-range.ts';

/** Distinct texts by a range of the CSV text: an open-addressing table, so a text seen before costs no string. */
export class Interner {
  private readonly values: string[];
  private slots = new Int32Array(1024);
  /** Hash of each code's text (int32: a plain array of uint32 would box most of them). */
  private hashes = new Int32Array(1024);

  /** The code `codeRepeated` gave last (0: none yet). */
  private lastCode = 0;

  constructor(values: string[]) {
    this.values = values;
  }

  /**
   * `code`, for cells that mostly repeat the one before (a history file's deal ids, its rows grouped by
   * deal): that one is compared first, which costs no hash and no probe.
   */
  codeRepeated(src: string, s: number, e: number): number {
    const last = this.lastCode;
    if (last > 0 && rangeIs(src, s, e, this.values[last]!)) return last;
    return (this.lastCode = this.code(src, s, e));
  }

  code(src: string, s: number, e: number): number {
    const h = hashRange(src, s, e);
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = h & mask;
    for (;;) {
      const slot = slots[i]!;
      if (slot === 0) break;
      if (this.hashes[slot] === h && rangeIs(src, s, e, this.values[slot]!)) return slot;
      i = (i + 1) & mask;
    }
    const code = this.values.length;
    this.values.push(ownCopy(src, s, e));
    if (code === this.hashes.length) this.hashes = grown(this.hashes, code * 2);
    this.hashes[code] = h;
    slots[i] = code;
    if (code * 2 > slots.length) this.rehash(slots.length * 2);
    return code;
  }

  private rehash(size: number): void {
    this.slots = probeSlots(this.hashes, this.values.length, size);
  }
}

