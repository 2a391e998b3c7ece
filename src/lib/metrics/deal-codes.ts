/**
 * Integer codes for the texts metrics group deals by (owner, team, account,
 * product): a grouping then indexes an array by code instead of hashing a
 * text per deal, and a site build's fourteen engine runs (now, 30 days
 * earlier, twelve trend months) share them. The deal table holds them
 * (deal-table.ts); only the teams are renamed as the by-team table names them.
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
}

const cache = new WeakMap<DealTable, DealCodes>();

/** The codes of `deals`, made on first use. */
export function dealCodes(deals: DealTable): DealCodes {
  let codes = cache.get(deals);
  if (!codes) {
    codes = { owner: deals.owner, team: asTeams(deals.team), account: deals.accountId, product: deals.product };
    cache.set(deals, codes);
  }
  return codes;
}

/** The team as the by-team table names it. */
const teamName = (team: string) => team.trim() || UNSPECIFIED;

/** Codes of the teams as codes of their by-team names: teams that share one (` A` and `A`) share a code. */
function asTeams(given: TextCodes): TextCodes {
  const coder = new TextCoder();
  const recode = given.names.map((team) => coder.code(teamName(team)));
  const { names } = coder;
  if (names.length === given.names.length) return { codes: given.codes, names };
  return { codes: Int32Array.from(given.codes, (c) => recode[c]!), names };
}
