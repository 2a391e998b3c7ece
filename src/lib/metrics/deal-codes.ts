/**
 * Integer codes for the texts metrics group deals by (owner, team, account,
 * product), made in one pass per list of deals: a grouping then indexes an
 * array by code instead of hashing a text per deal, and a site build's
 * fourteen engine runs (now, 30 days earlier, twelve trend months) share
 * them. A filtered view has its own list of deals, so its own codes.
 */
import type { Deal } from '../dataset.ts';
import { UNSPECIFIED } from './win-loss.ts';

/** Deal `d`'s text is `names[codes[d]]`; names in order of first appearance. */
export interface TextCodes {
  codes: Int32Array;
  names: string[];
}

/** Codes of one text per deal, built up deal by deal. */
class Coder {
  readonly codes: Int32Array;
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  constructor(n: number) {
    this.codes = new Int32Array(n);
  }

  set(d: number, name: string): void {
    let code = this.byName.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.byName.set(name, code);
      this.names.push(name);
    }
    this.codes[d] = code;
  }
}

export interface DealCodes {
  owner: TextCodes;
  /** The team as the by-team table names it: trimmed, UNSPECIFIED when empty. */
  team: TextCodes;
  account: TextCodes;
  product: TextCodes;
}

const cache = new WeakMap<readonly Deal[], DealCodes>();

/** The codes of `deals`, made on first use: each deal object is read once for all four (at a million deals, a cache miss each). */
export function dealCodes(deals: readonly Deal[]): DealCodes {
  let codes = cache.get(deals);
  if (!codes) {
    const n = deals.length;
    const owner = new Coder(n);
    const team = new Coder(n);
    const account = new Coder(n);
    const product = new Coder(n);
    for (let d = 0; d < n; d++) {
      const deal = deals[d]!;
      owner.set(d, deal.owner);
      team.set(d, deal.team.trim() || UNSPECIFIED);
      account.set(d, deal.accountId);
      product.set(d, deal.product);
    }
    cache.set(deals, (codes = { owner, team, account, product }));
  }
  return codes;
}
