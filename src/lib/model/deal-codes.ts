/**
 * Integer codes for the texts metrics group deals by (account, product,
 * owner, team), made once per list of deals: a grouping then indexes an
 * array by code instead of hashing a text per deal, and a site build's
 * fourteen engine runs (now, 30 days earlier, twelve trend months) share
 * them. A filtered view has its own list of deals, so its own codes.
 */
import type { Deal } from '../dataset.ts';

/** Deal `d`'s text is `names[codes[d]]`; names in order of first appearance. */
export interface TextCodes {
  codes: Int32Array;
  names: string[];
}

export function textCodes(deals: readonly Deal[], text: (deal: Deal) => string): TextCodes {
  const codes = new Int32Array(deals.length);
  const names: string[] = [];
  const byName = new Map<string, number>();
  for (let d = 0; d < deals.length; d++) {
    const name = text(deals[d]!);
    let code = byName.get(name);
    if (code === undefined) {
      code = names.length;
      byName.set(name, code);
      names.push(name);
    }
    codes[d] = code;
  }
  return { codes, names };
}

const cache = new WeakMap<readonly Deal[], Map<string, TextCodes>>();

/** `textCodes` of `deals` under `key` (one key per way of reading the text), made on first use. */
export function dealCodes(deals: readonly Deal[], key: string, text: (deal: Deal) => string): TextCodes {
  let byKey = cache.get(deals);
  if (!byKey) cache.set(deals, (byKey = new Map()));
  let codes = byKey.get(key);
  if (!codes) byKey.set(key, (codes = textCodes(deals, text)));
  return codes;
}
