/**
 * The deals as columns: what ingest reads deals.csv into and what the model
 * and metrics read. Numbers sit in typed arrays (NaN where a Deal has null),
 * every repeating text as an integer code into its column's distinct texts
 * (the metrics group by codes, hashing no text per deal), only ids and
 * names (of deals, of key persons) as one string per deal. Less memory than
 * an object per deal, and loops over a column read it in order; Deal
 * objects are made from the table only when a page or a test asks for them
 * (`dealAt`, `Dataset.deals`).
 */
import { type Deal, FORECAST_CATEGORIES } from './dataset.ts';
import type { LocalDate } from './time.ts';
import type { TextCodes } from './text-codes.ts';

export interface DealTable {
  readonly length: number;
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly accountId: TextCodes;
  readonly accountName: TextCodes;
  readonly owner: TextCodes;
  readonly team: TextCodes;
  readonly product: TextCodes;
  readonly currency: TextCodes;
  /** '' for none. */
  readonly expectedCloseAt: TextCodes;
  readonly lostReason: TextCodes;
  readonly winReason: TextCodes;
  readonly competitor: TextCodes;
  readonly source: TextCodes;
  /** A person's name, mostly one of its own per deal: not coded. */
  readonly keyman: readonly string[];
  readonly purchaseType: TextCodes;
  /** Amount in config currency; NaN when unknown (a Deal's null). The same for every Float64Array below. */
  readonly amount: Float64Array;
  readonly fxRate: Float64Array;
  readonly createdAt: Float64Array;
  readonly closedAt: Float64Array;
  readonly removedAt: Float64Array;
  readonly installedAt: Float64Array;
  readonly lifecycleMonths: Float64Array;
  readonly cost: Float64Array;
  /** Config index of the deals.csv stage. */
  readonly stage: Int32Array;
  /** 1 when confirmed. */
  readonly budgetConfirmed: Uint8Array;
  /** Index into FORECAST_CATEGORIES, -1 for none. */
  readonly forecastCategory: Int8Array;
  /** 1-based line in deals.csv. */
  readonly line: Int32Array;
}

/** The text columns, named as the Deal fields they hold. */
export const TEXT_COLUMNS = [
  'accountId',
  'accountName',
  'owner',
  'team',
  'product',
  'currency',
  'expectedCloseAt',
  'lostReason',
  'winReason',
  'competitor',
  'source',
  'purchaseType',
] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

/** The number columns, named as the Deal fields they hold (null as NaN). */
export const NUMBER_COLUMNS = ['amount', 'fxRate', 'createdAt', 'closedAt', 'removedAt', 'installedAt', 'lifecycleMonths', 'cost'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** Deal `d`'s text in column `c`. */
export const textAt = (c: TextCodes, d: number): string => c.names[c.codes[d]!]!;

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Deal `d` as an object, shaped as ingest made Deals before the table. */
export function dealAt(t: DealTable, d: number): Deal {
  const category = t.forecastCategory[d]!;
  const close = textAt(t.expectedCloseAt, d);
  return {
    id: t.id[d]!,
    name: t.name[d]!,
    accountId: textAt(t.accountId, d),
    accountName: textAt(t.accountName, d),
    owner: textAt(t.owner, d),
    team: textAt(t.team, d),
    product: textAt(t.product, d),
    amount: orNull(t.amount[d]!),
    currency: textAt(t.currency, d),
    fxRate: t.fxRate[d]!,
    createdAt: t.createdAt[d]!,
    expectedCloseAt: close === '' ? null : (close as LocalDate),
    closedAt: orNull(t.closedAt[d]!),
    removedAt: orNull(t.removedAt[d]!),
    stage: t.stage[d]!,
    lostReason: textAt(t.lostReason, d),
    winReason: textAt(t.winReason, d),
    competitor: textAt(t.competitor, d),
    source: textAt(t.source, d),
    keyman: t.keyman[d]!,
    budgetConfirmed: t.budgetConfirmed[d] === 1,
    forecastCategory: category < 0 ? null : FORECAST_CATEGORIES[category]!,
    purchaseType: textAt(t.purchaseType, d),
    installedAt: orNull(t.installedAt[d]!),
    lifecycleMonths: orNull(t.lifecycleMonths[d]!),
    cost: orNull(t.cost[d]!),
    line: t.line[d]!,
  };
}

/** Every deal of the table as an object, in order. */
export function dealsOf(t: DealTable): Deal[] {
  const deals = new Array<Deal>(t.length);
  for (let d = 0; d < t.length; d++) deals[d] = dealAt(t, d);
  return deals;
}

/** Texts coded as they come: two codes never share a text (TextCodes). */
export class TextCoder {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  /** The code of `name`, given one first (in order of first appearance). */
  code(name: string): number {
    let code = this.byName.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.byName.set(name, code);
      this.names.push(name);
    }
    return code;
  }
}

/** A table made from Deal objects (the tests' datasets, a filtered view's list of deals). */
export function tableOfDeals(deals: readonly Deal[]): DealTable {
  const n = deals.length;
  const stage = new Int32Array(n);
  const budgetConfirmed = new Uint8Array(n);
  const forecastCategory = new Int8Array(n);
  const line = new Int32Array(n);
  const id = new Array<string>(n);
  const name = new Array<string>(n);
  const keyman = new Array<string>(n);
  for (let d = 0; d < n; d++) {
    const deal = deals[d]!;
    id[d] = deal.id;
    name[d] = deal.name;
    keyman[d] = deal.keyman;
    stage[d] = deal.stage;
    budgetConfirmed[d] = deal.budgetConfirmed ? 1 : 0;
    forecastCategory[d] = deal.forecastCategory === null ? -1 : FORECAST_CATEGORIES.indexOf(deal.forecastCategory);
    line[d] = deal.line;
  }
  // Column by column, each read by a function of its own (one property, one shape: a page's 100k deals in a
  // few ms a column), a text compared with the one before it first (deals of one owner or currency often follow).
  const textColumn = (textOf: (deal: Deal) => string | null): TextCodes => {
    const coder = new TextCoder();
    const codes = new Int32Array(n);
    let last: string | null = null;
    let code = -1;
    for (let d = 0; d < n; d++) {
      const text = textOf(deals[d]!) ?? '';
      if (text !== last) {
        last = text;
        code = coder.code(text);
      }
      codes[d] = code;
    }
    return { codes, names: coder.names };
  };
  // Loops, not Float64Array.from: its mapping path was ~25 ms a column at 100k deals.
  const numberColumn = (numberOf: (deal: Deal) => number | null): Float64Array => {
    const column = new Float64Array(n);
    for (let d = 0; d < n; d++) column[d] = numberOf(deals[d]!) ?? NaN;
    return column;
  };
  const texts: Record<TextColumn, TextCodes> = {
    accountId: textColumn((deal) => deal.accountId),
    accountName: textColumn((deal) => deal.accountName),
    owner: textColumn((deal) => deal.owner),
    team: textColumn((deal) => deal.team),
    product: textColumn((deal) => deal.product),
    currency: textColumn((deal) => deal.currency),
    expectedCloseAt: textColumn((deal) => deal.expectedCloseAt),
    lostReason: textColumn((deal) => deal.lostReason),
    winReason: textColumn((deal) => deal.winReason),
    competitor: textColumn((deal) => deal.competitor),
    source: textColumn((deal) => deal.source),
    purchaseType: textColumn((deal) => deal.purchaseType),
  };
  const numbers: Record<NumberColumn, Float64Array> = {
    amount: numberColumn((deal) => deal.amount),
    fxRate: numberColumn((deal) => deal.fxRate),
    createdAt: numberColumn((deal) => deal.createdAt),
    closedAt: numberColumn((deal) => deal.closedAt),
    removedAt: numberColumn((deal) => deal.removedAt),
    installedAt: numberColumn((deal) => deal.installedAt),
    lifecycleMonths: numberColumn((deal) => deal.lifecycleMonths),
    cost: numberColumn((deal) => deal.cost),
  };
  return assembleTable(
    { id, name, keyman, stage, budgetConfirmed, forecastCategory, line },
    (k) => texts[TEXT_COLUMNS[k]!],
    (k) => numbers[NUMBER_COLUMNS[k]!],
  );
}

/** A table from its columns; the text and number columns by their place in TEXT_COLUMNS and NUMBER_COLUMNS. */
export function assembleTable(
  rest: Pick<DealTable, 'id' | 'name' | 'keyman' | 'stage' | 'budgetConfirmed' | 'forecastCategory' | 'line'>,
  text: (k: number) => TextCodes,
  number: (k: number) => Float64Array,
): DealTable {
  const t: Record<string, unknown> = { length: rest.id.length, ...rest };
  TEXT_COLUMNS.forEach((c, k) => (t[c] = text(k)));
  NUMBER_COLUMNS.forEach((c, k) => (t[c] = number(k)));
  return t as unknown as DealTable;
}

/**
 * The rows `keep` (indices, ascending) of a table, each column copied when first read: a filtered view's
 * metrics never read some (names, currencies, costs, lines), and a page applies one filter after another.
 */
export function tableRows(t: DealTable, keep: Int32Array): DealTable {
  const n = keep.length;
  // One copy loop per kind of array: a loop shared by all four kinds reads each slowly (~4 ms a column at 40k rows).
  const f64 = (a: Float64Array) => {
    const b = new Float64Array(n);
    for (let k = 0; k < n; k++) b[k] = a[keep[k]!]!;
    return b;
  };
  const i32 = (a: Int32Array) => {
    const b = new Int32Array(n);
    for (let k = 0; k < n; k++) b[k] = a[keep[k]!]!;
    return b;
  };
  const u8 = (a: Uint8Array) => {
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) b[k] = a[keep[k]!]!;
    return b;
  };
  const i8 = (a: Int8Array) => {
    const b = new Int8Array(n);
    for (let k = 0; k < n; k++) b[k] = a[keep[k]!]!;
    return b;
  };
  const strings = (a: readonly string[]) => {
    const b = new Array<string>(n);
    for (let k = 0; k < n; k++) b[k] = a[keep[k]!]!;
    return b;
  };
  const out = { length: n };
  const lazy = (key: string, make: () => unknown) => {
    let value: unknown;
    Object.defineProperty(out, key, { enumerable: true, get: () => (value ??= make()) });
  };
  lazy('id', () => strings(t.id));
  lazy('name', () => strings(t.name));
  lazy('keyman', () => strings(t.keyman));
  lazy('stage', () => i32(t.stage));
  lazy('budgetConfirmed', () => u8(t.budgetConfirmed));
  lazy('forecastCategory', () => i8(t.forecastCategory));
  lazy('line', () => i32(t.line));
  for (const c of TEXT_COLUMNS) lazy(c, () => ({ codes: i32(t[c].codes), names: t[c].names }));
  for (const c of NUMBER_COLUMNS) lazy(c, () => f64(t[c]));
  return out as DealTable;
}
