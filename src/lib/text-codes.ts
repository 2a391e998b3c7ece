/** Integer codes of a text per deal (deal-table.ts keeps its repeating texts so; metrics/deal-codes.ts groups by them). */

/** Deal `d`'s text is `names[codes[d]]`; two codes never share a name. */
export interface TextCodes {
  codes: Int32Array;
  names: readonly string[];
}
