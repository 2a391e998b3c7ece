/**
 * A value per deal for some of the deals (their field changes, their
 * pushes), read as a `ReadonlyMap` by deal index in the order the deals were
 * first set: an array indexed by deal instead of a hash table. At a million
 * deals, putting each deal's list in a Map was most of the field replay's time.
 */
export class DealLists<V> implements ReadonlyMap<number, V> {
  private readonly byDeal: (V | undefined)[];
  private readonly order: number[] = [];

  /** `deals`: how many deals there are (a deal index is below it). */
  constructor(deals: number) {
    this.byDeal = new Array<V | undefined>(deals);
  }

  /** Deal `d`'s value (never undefined), set or replaced; a deal keeps the place where it was first set. */
  set(d: number, value: V): this {
    if (this.byDeal[d] === undefined) this.order.push(d);
    this.byDeal[d] = value;
    return this;
  }

  get(d: number): V | undefined {
    return this.byDeal[d];
  }

  has(d: number): boolean {
    return this.byDeal[d] !== undefined;
  }

  get size(): number {
    return this.order.length;
  }

  forEach(callback: (value: V, d: number, map: ReadonlyMap<number, V>) => void, thisArg?: unknown): void {
    for (const d of this.order) callback.call(thisArg, this.byDeal[d]!, d, this);
  }

  *keys(): MapIterator<number> {
    yield* this.order;
  }

  *values(): MapIterator<V> {
    for (const d of this.order) yield this.byDeal[d]!;
  }

  *entries(): MapIterator<[number, V]> {
    for (const d of this.order) yield [d, this.byDeal[d]!];
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
}
