/** Integer codes of a text per deal (deal-table.ts keeps its repeating texts so; metrics/deal-codes.ts groups by them). */

/** Deal `d`'s text is `names[codes[d]]`; two codes never share a name. */
export interface TextCodes {
  codes: Int32Array;
  names: readonly string[];
}

/** The distinct texts of a coded column in the rows `rows`. */
export function textsOfRows(column: TextCodes, rows: Int32Array): string[] {
  const seen = new Uint8Array(column.names.length);
  const out: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    const code = column.codes[rows[k]!]!;
    if (seen[code] === 0) {
      seen[code] = 1;
      out.push(column.names[code]!);
    }
  }
  return out;
}
