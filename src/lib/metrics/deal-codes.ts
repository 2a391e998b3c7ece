/**
 * Integer codes for the texts metrics group deals by (owner, team, account,
 * product, lead source): a grouping then indexes an array by code instead of hashing a
 * text per deal, and a site build's fourteen engine runs (now, 30 days
 * earlier, twelve trend months) share them. The deal table holds them
 * (deal-table.ts); only the teams and sources are renamed as their tables name them.
 */
import { type DealTable, TextCoder } from '../deal-table.ts';
import type { TextCodes } from '../text-codes.ts';
import { UNSPECIFIED } from './win-loss.ts';

export interface DealCodes {
  owner: TextCodes;
  /** The team as the by-team table names it: trimmed, UNSPECIFIED when empty. */
  team: TextCodes;
  account: TextCodes;
  product: TextCodes;
  /** The lead source as the by-source table names it: trimmed, UNSPECIFIED when empty. */
  source: TextCodes;
}

const cache = new WeakMap<DealTable, DealCodes>();

/** The codes of `deals`, made on first use. */
export function dealCodes(deals: DealTable): DealCodes {
  let codes = cache.get(deals);
  if (!codes) {
    codes = { owner: deals.owner, team: byTrimmedName(deals.team), account: deals.accountId, product: deals.product, source: byTrimmedName(deals.source) };
    cache.set(deals, codes);
  }
  return codes;
}

/** A team or source as its table names it. */
const trimmedName = (text: string) => text.trim() || UNSPECIFIED;

/** Codes of the texts as codes of their names in a table: texts that share one (` A` and `A`) share a code. */
function byTrimmedName(given: TextCodes): TextCodes {
  const coder = new TextCoder();
  const recode = given.names.map((text) => coder.code(trimmedName(text)));
  const { names } = coder;
  if (names.length === given.names.length) return { codes: given.codes, names };
  return { codes: Int32Array.from(given.codes, (c) => recode[c]!), names };
}
