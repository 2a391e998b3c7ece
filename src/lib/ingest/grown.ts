/** Typed columns that grow, and shrink to fit: one copy routine for every table that keeps its rows in typed arrays. */

type Column = Int32Array | Int8Array | Uint8Array | Float64Array;

/** A copy of `a` in a new array of `length` elements (at least `a.length`); the room past `a` is zeroed. */
export function grown<T extends Column>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/** ES2024's ArrayBuffer.prototype.transfer, which the project's TypeScript target (ES2023) does not declare. */
type Transferable = ArrayBuffer & { transfer(newByteLength: number): ArrayBuffer };

/**
 * The first `length` elements of a column allocated for more (a reading sized by its file's most
 * possible rows), in a buffer of their size; `a` is detached, so its memory is released at once.
 * For columns sent to another thread: V8 counts a received buffer's whole length as external
 * memory of that thread's heap, and buffers sized for three times the rows started a full
 * collection there although their untouched tails cost no memory.
 */
export function fitted<T extends Column>(a: T, length: number): T {
  if (a.byteOffset !== 0 || length > a.length) throw new Error('internal: fitted takes a whole column and at most its length');
  const buffer = (a.buffer as Transferable).transfer(length * a.BYTES_PER_ELEMENT);
  return new (a.constructor as new (b: ArrayBuffer) => T)(buffer);
}

/** Every column of `keys` in `rows` grown to `length` (a reading past its estimated rows). */
export function growColumns<K extends string>(rows: { [key in K]: Column }, keys: readonly K[], length: number): void {
  for (const key of keys) rows[key] = grown(rows[key], length);
}

/**
 * The first `length` elements of a column to send to another thread: when they fill most of it, a view
 * of them, its small unused tail sent along (no copy); else `fitted`. Columns sized by `rowEstimate`
 * (table.ts) are mostly full, and fitting them copied ~0.1 s of columns at a million rows.
 */
export function sendable<T extends Column>(a: T, length: number): T {
  return length * 4 >= a.length * 3 ? (a.subarray(0, length) as T) : fitted(a, length);
}
