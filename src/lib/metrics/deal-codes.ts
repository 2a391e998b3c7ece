/**
 * Integer codes for the texts metrics group deals by (owner, team, account,
 * product, lead source): a grouping then indexes an array by code instead of hashing a
 * text per deal, and a site build's fourteen engine runs (now, 30 days
 * earlier, twelve trend months) share them. The deal table holds them
 * (deal-table.ts); only the teams and sources are renamed as their tables name them.
 */
import type { Account, Dataset } from '../dataset.ts';
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

/** A team, source, segment, industry or region as its table names it. */
const trimmedName = (text: string) => text.trim() || UNSPECIFIED;

/** Codes of the texts as codes of their names in a table: texts that share one (` A` and `A`) share a code. */
function byTrimmedName(given: TextCodes): TextCodes {
  const coder = new TextCoder();
  const recode = given.names.map((text) => coder.code(trimmedName(text)));
  const { names } = coder;
  if (names.length === given.names.length) return { codes: given.codes, names };
  return { codes: Int32Array.from(given.codes, (c) => recode[c]!), names };
}

/** A fact of each deal's account (accounts.csv) that deals are grouped and filtered by. */
export const ACCOUNT_FACTS = ['segment', 'industry', 'region'] as const;
export type AccountFact = (typeof ACCOUNT_FACTS)[number];

/** One value per account fact, made by `make`: what a fact added to ACCOUNT_FACTS gets wherever facts are listed. */
export function perAccountFact<T>(make: (fact: AccountFact) => T): Record<AccountFact, T> {
  return Object.fromEntries(ACCOUNT_FACTS.map((fact) => [fact, make(fact)])) as Record<AccountFact, T>;
}

/**
 * Per deal of `deals` (the dataset's table, or a filtered view's), its account's `fact` in accounts.csv as a table
 * names it: trimmed, UNSPECIFIED for an account not in accounts.csv or without one there. Null without accounts.csv
 * or without that column in it: then nothing can be said by that fact, which a page says instead of a row of
 * "(unspecified)".
 */
export function accountFactCodes(dataset: Pick<Dataset, 'accounts' | 'columns'>, deals: DealTable, fact: AccountFact): TextCodes | null {
  if (dataset.accounts === null || !(dataset.columns['accounts.csv']?.has(fact) ?? false)) return null;
  const { recode, names } = factOfIds(dataset.accounts, deals.accountId.names, fact);
  const given = deals.accountId.codes;
  const codes = new Int32Array(given.length);
  for (let d = 0; d < given.length; d++) codes[d] = recode[given[d]!]!;
  return { codes, names };
}

const factsOfIds = new WeakMap<readonly Account[], WeakMap<readonly string[], Map<AccountFact, { recode: Int32Array; names: string[] }>>>();

/**
 * Each account id's fact as a code: made once per accounts and ids, so that a filtered view (whose table keeps the
 * full table's ids, recomputed per filter in the browser) only maps its deals.
 */
function factOfIds(accounts: readonly Account[], ids: readonly string[], fact: AccountFact): { recode: Int32Array; names: string[] } {
  let byIds = factsOfIds.get(accounts);
  if (!byIds) factsOfIds.set(accounts, (byIds = new WeakMap()));
  let byFact = byIds.get(ids);
  if (!byFact) byIds.set(ids, (byFact = new Map()));
  let made = byFact.get(fact);
  if (!made) {
    // Ids are compared exactly, as the account pages join accounts.csv to deals.csv.
    const ofAccount = new Map<string, string>();
    for (const a of accounts) ofAccount.set(a.accountId, a[fact]);
    const coder = new TextCoder();
    const recode = Int32Array.from(ids, (id) => coder.code(trimmedName(ofAccount.get(id) ?? '')));
    byFact.set(fact, (made = { recode, names: coder.names }));
  }
  return made;
}
