/**
 * Integer codes for the texts metrics group deals by (owner, team, account,
 * product): a grouping then indexes an array by code instead of hashing a
 * text per deal, and a site build's fourteen engine runs (now, 30 days
 * earlier, twelve trend months) share them. Ingest gives the codes of the
 * columns it read coded (text-codes.ts); the others are made here in one
 * pass over the deals. A filtered view has its own list of deals, so its own codes.
 */
import type { Deal } from '../dataset.ts';
import { givenTextCodes, type TextCodes } from '../text-codes.ts';
import { UNSPECIFIED } from './win-loss.ts';

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

/** The codes of `deals`, made on first use: given by ingest, or each deal object read once for all four (at a million deals, a cache miss each). */
export function dealCodes(deals: readonly Deal[]): DealCodes {
  let codes = cache.get(deals);
  if (!codes) {
    const given = givenTextCodes(deals);
    const team = given.team && asTeams(given.team);
    const n = deals.length;
    const coders = {
      owner: given.owner ? null : new Coder(n),
      team: team ? null : new Coder(n),
      account: given.accountId ? null : new Coder(n),
      product: given.product ? null : new Coder(n),
    };
    if (coders.owner || coders.team || coders.account || coders.product) {
      for (let d = 0; d < n; d++) {
        const deal = deals[d]!;
        coders.owner?.set(d, deal.owner);
        coders.team?.set(d, teamName(deal.team));
        coders.account?.set(d, deal.accountId);
        coders.product?.set(d, deal.product);
      }
    }
    codes = { owner: given.owner ?? coders.owner!, team: team ?? coders.team!, account: given.accountId ?? coders.account!, product: given.product ?? coders.product! };
    cache.set(deals, codes);
  }
  return codes;
}

/** The team as the by-team table names it. */
const teamName = (team: string) => team.trim() || UNSPECIFIED;

/** Codes of the teams as they are, as codes of their by-team names; null when two teams would share a name (then the deals are coded here). */
function asTeams(given: TextCodes): TextCodes | null {
  const names = given.names.map(teamName);
  return new Set(names).size === names.length ? { codes: given.codes, names } : null;
}
