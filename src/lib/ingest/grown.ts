/** Typed columns that grow: one copy routine for every table that keeps its rows in typed arrays. */

type Column = Int32Array | Uint8Array | Float64Array;

/** A copy of `a` in a new array of `length` elements (at least `a.length`); the room past `a` is zeroed. */
export function grown<T extends Column>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
