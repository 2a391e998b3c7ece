/**
 * The Salesforce "Opportunity History" report: one row per save that changed
 * a tracked field (stage, amount, probability, close date), with the date of
 * the change in "Last Modified", the move in "From Stage" -> "To Stage" (a
 * creation row has no From Stage; a row whose From and To are equal changed
 * something else) and the amount and close date as they were after the save.
 *
 * Rows are grouped by opportunity and put back in order (by date, and within
 * a date by linking From -> To, salesforce-order.ts); the stage rows are then
 * emitted in that order, so the canonical rule "equal times keep file order"
 * keeps it while each row keeps its own date (no made-up times).
 */
import { Invalid, parseInstant } from '../values.ts';
import { columnIndex } from './read-table.ts';
import { type AdapterLog, amountsDiffer, cellOf, type Column, dateOptions, DateTexts, datesDiffer, findColumn, reportDateCell, reportFooter, sameLayout, skipFooter } from './salesforce-common.ts';
import type { OpportunityKeys } from './salesforce-report-keys.ts';
import { tiedOrder } from './salesforce-order.ts';
import type { CanonicalTable, VendorRecord, VendorTable } from './types.ts';

export interface HistoryColumns {
  id: Column;
  name: Column;
  owner: Column;
  created: Column;
  date: Column;
  from: Column;
  to: Column;
  amount: Column;
  currency: Column;
  close: Column;
  account: Column;
}

export function historyColumns(names: readonly string[]): HistoryColumns {
  const find = columnIndex(names);
  return {
    id: findColumn(find, 'Opportunity ID', 'Opportunity ID (18)', 'Deal ID'),
    name: findColumn(find, 'Opportunity Name', 'Deal Name'),
    owner: findColumn(find, 'Opportunity Owner', 'Owner', 'Deal Owner', 'Owner Name'),
    created: findColumn(find, 'Created Date', 'Opportunity Created Date'),
    // The date of the change (research: "Last Modified" in the Opportunity History report type).
    date: findColumn(find, 'Last Modified', 'Last Modified Date', 'Edit Date'),
    from: findColumn(find, 'From Stage'),
    to: findColumn(find, 'To Stage'),
    amount: findColumn(find, 'Amount'),
    currency: findColumn(find, 'Amount Currency', 'Opportunity Currency', 'Currency'),
    close: findColumn(find, 'Close Date'),
    account: findColumn(find, 'Account Name'),
  };
}

/**
 * The history rows grouped by opportunity, each group in rebuilt order. Kept
 * in flat arrays (a report can have a million rows): the rows of opportunity
 * `k` are `rows[order[i]]` for `offsets[k] <= i < offsets[k + 1]`.
 */
export interface HistoryRead {
  columns: HistoryColumns;
  /** Opportunity key to its number, in order of first appearance. */
  index: Map<string, number>;
  /** Per opportunity: its Opportunity ID cell (when the report has the column), name and created date as written. */
  ids: string[];
  names: string[];
  created: string[];
  offsets: Int32Array;
  order: Int32Array;
  /** Per row: the record, the vendor file it is in (several history exports may be given), and its date as written to the canonical files. */
  rows: VendorRecord[];
  files: string[];
  dates: string[];
  /** How report date cells are written to the canonical files. */
  dateTexts: DateTexts;
}

/** Read every history report (its required columns checked by the adapter), group rows by opportunity and rebuild each one's order. */
export function readHistoryReports(tables: readonly VendorTable[], keys: OpportunityKeys, ctx: AdapterLog): HistoryRead | null {
  if (tables.length === 0) return null;
  sameLayout(tables, 'Opportunity History report');
  const c = historyColumns(tables[0]!.names);
  const read: Gathered = { index: new Map(), ids: [], names: [], created: [], rows: [], files: [], dates: [], at: [], opportunity: [], dateTexts: new DateTexts(ctx.config) };
  for (const table of tables) gather(table, c, keys, ctx, read);
  const { offsets, order } = groupRows(read.opportunity, read.ids.length);
  for (let k = 0; k < read.ids.length; k++) rebuildOrder(read, c, order, offsets[k]!, offsets[k + 1]!, ctx);
  const { index, ids, names, created, rows, files, dates, dateTexts } = read;
  return { columns: c, index, ids, names, created, offsets, order, rows, files, dates, dateTexts };
}

interface Gathered {
  index: Map<string, number>;
  ids: string[];
  names: string[];
  created: string[];
  rows: VendorRecord[];
  files: string[];
  dates: string[];
  /** Per row: the instant of its date, and its opportunity's number. */
  at: number[];
  opportunity: number[];
  dateTexts: DateTexts;
}

function gather(table: VendorTable, c: HistoryColumns, keys: OpportunityKeys, ctx: AdapterLog, read: Gathered): void {
  const { file } = table;
  const end = reportFooter(table);
  skipFooter(table, end, ctx.notRows, (line, message) => ctx.warn(file, line, '', 'report_footer', message));
  const dates = dateOptions(ctx.config);
  // Reports repeat the same few hundred dates: each distinct cell is parsed once.
  const instants = new Map<string, number>();
  for (let r = 0; r < end; r++) {
    const record = table.records[r]!;
    const name = cellOf(record, c.name);
    const id = cellOf(record, c.id);
    if (name === '' && id === '') {
      ctx.drop(file, record.line, c.name.index === -1 ? c.id.label : c.name.label, 'missing_opportunity', 'the row names no opportunity; row skipped');
      continue;
    }
    if (cellOf(record, c.to) === '') {
      ctx.drop(file, record.line, c.to.label, 'missing_stage', `"${c.to.label}" is empty; row skipped`);
      continue;
    }
    const dateCell = cellOf(record, c.date);
    let at = instants.get(dateCell);
    if (at === undefined) {
      const parsed = parseInstant(reportDateCell(dateCell), dates);
      if (parsed instanceof Invalid) {
        const why = dateCell === '' ? 'is empty' : parsed.reason;
        ctx.drop(file, record.line, c.date.label, 'invalid_date', `"${c.date.label}" ${why}; the row cannot be placed in the history and is skipped`);
        continue;
      }
      instants.set(dateCell, (at = parsed));
    }
    const created = reportDateCell(cellOf(record, c.created));
    const key = keys.key(id, name, created);
    let k = read.index.get(key);
    if (k === undefined) {
      k = read.ids.length;
      read.index.set(key, k);
      read.ids.push(id);
      read.names.push(name);
      read.created.push(created);
    }
    read.rows.push(record);
    read.files.push(file);
    read.dates.push(read.dateTexts.text(dateCell));
    read.at.push(at);
    read.opportunity.push(k);
  }
}

/** Row numbers grouped by opportunity (a counting sort: file order within each). */
function groupRows(opportunity: readonly number[], count: number): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(count + 1);
  for (const k of opportunity) offsets[k + 1]!++;
  for (let k = 0; k < count; k++) offsets[k + 1]! += offsets[k]!;
  const next = offsets.slice(0, count);
  const order = new Int32Array(opportunity.length);
  opportunity.forEach((k, row) => (order[next[k]!++] = row));
  return { offsets, order };
}

/** Instants of the rows being ordered (module scratch: the comparator reads it). */
let at: readonly number[] = [];
const byDate = (a: number, b: number) => at[a]! - at[b]! || a - b;

/**
 * Sort `order[lo, hi)` by date, ties in file order (row numbers ascending).
 * Reports list an opportunity's rows newest first or oldest first, so those
 * two cases are done by a scan (and a reversal); other orders are sorted.
 */
function sortByDate(order: Int32Array, lo: number, hi: number): void {
  let ascending = true;
  let descending = true;
  for (let i = lo + 1; i < hi && (ascending || descending); i++) {
    const d = at[order[i]!]! - at[order[i - 1]!]!;
    if (d < 0 || (d === 0 && order[i]! < order[i - 1]!)) ascending = false;
    if (d > 0) descending = false;
  }
  if (ascending) return;
  if (!descending) {
    order.subarray(lo, hi).sort(byDate);
    return;
  }
  order.subarray(lo, hi).reverse();
  // Equal dates came newest row last; the reversal turned them around: put each run back in file order.
  for (let i = lo; i < hi; ) {
    let j = i + 1;
    while (j < hi && at[order[j]!] === at[order[i]!]) j++;
    if (j - i > 1) order.subarray(i, j).sort();
    i = j;
  }
}

/** Sort one opportunity's rows by date (ties: file order), then order each day's rows by their From -> To chain. */
function rebuildOrder(read: Gathered, c: HistoryColumns, order: Int32Array, lo: number, hi: number, ctx: AdapterLog): void {
  at = read.at;
  if (hi - lo > 1) sortByDate(order, lo, hi);
  let before = '';
  for (let i = lo; i < hi; ) {
    let j = i + 1;
    while (j < hi && at[order[j]!] === at[order[i]!]) j++;
    if (j - i > 1) orderTies(read, c, order, i, j, before, ctx);
    before = cellOf(read.rows[order[j - 1]!]!, c.to);
    i = j;
  }
}

/** Rows `order[i..j)` share a date: put them in chain order from `before`, or leave them in file order and warn. */
function orderTies(read: Gathered, c: HistoryColumns, order: Int32Array, i: number, j: number, before: string, ctx: AdapterLog): void {
  const group = Array.from(order.subarray(i, j));
  const records = group.map((row) => read.rows[row]!);
  const chain = tiedOrder(
    records.map((r) => cellOf(r, c.from)),
    records.map((r) => cellOf(r, c.to)),
    before,
  );
  if (chain) {
    chain.forEach((k, n) => (order[i + n] = group[k]!));
    return;
  }
  const first = records[0]!;
  const lines = records.map((r) => r.line).join(', ');
  const k = read.opportunity[group[0]!]!;
  ctx.warn(
    read.files[group[0]!]!,
    first.line,
    c.from.label,
    'unordered_history',
    `opportunity "${read.names[k] || read.ids[k]}": the ${group.length} rows of ${cellOf(first, c.date)} (lines ${lines}) do not link up "${c.from.label}" -> "${c.to.label}", so their order that day is unknown; kept in file order`,
  );
}

/** The canonical tables the history feeds; `fields` is null when the report has neither Amount nor Close Date. */
export interface HistoryTables {
  stages: CanonicalTable;
  fields: CanonicalTable | null;
}

/**
 * Emit opportunity `k`'s stage entries (creation rows and moves; a row whose
 * From equals its To is not one) and its amount and close-date changes
 * (a row whose value differs from the previous row's), all in rebuilt order.
 */
export function emitHistory(read: HistoryRead, k: number, dealId: string, tables: HistoryTables, ctx: AdapterLog): void {
  const c = read.columns;
  const dates = dateOptions(ctx.config);
  const { stages, fields } = tables;
  const texts = read.dateTexts;
  let amount = '';
  let close = '';
  for (let i = read.offsets[k]!; i < read.offsets[k + 1]!; i++) {
    const row = read.order[i]!;
    const record = read.rows[row]!;
    const origin = { file: read.files[row]!, line: record.line };
    const to = cellOf(record, c.to);
    const date = read.dates[row]!;
    if (cellOf(record, c.from) !== to) stages.addCells([dealId, to, date], origin);
    if (!fields) continue;
    const first = i === read.offsets[k];
    if (c.amount.index !== -1) {
      const value = cellOf(record, c.amount);
      if (!first && amountsDiffer(amount, value, ctx.config)) fields.addCells([dealId, 'amount', amount, value, date], origin);
      amount = value;
    }
    if (c.close.index !== -1) {
      const value = texts.text(cellOf(record, c.close));
      if (!first && datesDiffer(close, value, dates)) fields.addCells([dealId, 'expected_close_at', close, value, date], origin);
      close = value;
    }
  }
}

/** Opportunity `k`'s latest row (in rebuilt order) and its file. */
export function latestRow(read: HistoryRead, k: number): { record: VendorRecord; file: string } {
  const row = read.order[read.offsets[k + 1]! - 1]!;
  return { record: read.rows[row]!, file: read.files[row]! };
}

/** Opportunity `k`'s first row (in rebuilt order) and its file. */
export function firstRow(read: HistoryRead, k: number): { record: VendorRecord; file: string } {
  const row = read.order[read.offsets[k]!]!;
  return { record: read.rows[row]!, file: read.files[row]! };
}
