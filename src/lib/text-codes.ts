/**
 * Integer codes of the texts deals are grouped by, per list of deals. The
 * metrics make them (metrics/deal-codes.ts) unless ingest gave them: its
 * reading of deals.csv codes those columns anyway (ingest/coded-row.ts), so
 * it can hand them over and no text is hashed per deal at all.
 */
import type { Deal } from './dataset.ts';

/** Deal `d`'s text is `names[codes[d]]`; two codes never share a name. */
export interface TextCodes {
  codes: Int32Array;
  names: readonly string[];
}

/** The deal texts that have codes: `accountId`, `owner`, `team`, `product` of each Deal, as they are. */
export type CodedText = 'accountId' | 'owner' | 'team' | 'product';

const given = new WeakMap<readonly Deal[], Partial<Record<CodedText, TextCodes>>>();

/** Codes of some texts of `deals` (this very list), made while reading them. */
export function giveTextCodes(deals: readonly Deal[], codes: Partial<Record<CodedText, TextCodes>>): void {
  given.set(deals, codes);
}

export function givenTextCodes(deals: readonly Deal[]): Partial<Record<CodedText, TextCodes>> {
  return given.get(deals) ?? {};
}
