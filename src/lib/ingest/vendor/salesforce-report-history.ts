/**
 * The Salesforce "Opportunity History" report: one row per save that changed
 * a tracked field (stage, amount, probability, close date), with the date of
 * the change in "Last Modified", the move in "From Stage" -> "To Stage" (a
 * creation row has no From Stage; a row whose From and To are equal changed
 * something else) and the amount and close date as they were after the save.
 *
 * Rows are grouped by opportunity and put back in order (by date, and within
 * a date by linking From -> To: salesforce-history-order.ts, salesforce-order.ts;
 * the rows as read: salesforce-history-rows.ts); the stage rows are then
 * emitted in that order (salesforce-history-emitter.ts), so the canonical
 * rule "equal times keep file order" keeps it while each row keeps its own
 * date (no made-up times).
 */
import { Invalid } from '../values.ts';
import { columnIndex } from './read-table.ts';
import { type AdapterLog, amountColumns, checkReportCount, type Column, dateOptions, DateTexts, findColumn, reportFooter, sameLayout, skipFooter } from './salesforce-common.ts';
import type { HistoryRead } from './salesforce-history-rows.ts';
import { rebuildOrder } from './salesforce-history-order.ts';
import type { OpportunityKeys } from './salesforce-report-keys.ts';
import type { VendorTable } from './types.ts';
import { codeAt } from './vendor-table.ts';
import { localeDateCell, readLocaleInstant } from './clock.ts';
import { overlappingRows } from './salesforce-report-overlap.ts';

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
    ...amountColumns(find),
    close: findColumn(find, 'Close Date'),
    account: findColumn(find, 'Account Name'),
  };
}

/** Read every history report (its required columns checked by the adapter), group rows by opportunity and rebuild each one's order. */
export function readHistoryReports(tables: readonly VendorTable[], keys: OpportunityKeys, ctx: AdapterLog): HistoryRead | null {
  if (tables.length === 0) return null;
  sameLayout(tables, 'Opportunity History report');
  const c = historyColumns(tables[0]!.names);
  // Typed columns for the rows (allocated once, for every record): a million pushes onto plain arrays cost more.
  const capacity = tables.reduce((n, t) => n + t.length, 0);
  const read: Gathered = {
    tables,
    index: new Map(),
    ids: [],
    names: [],
    created: [],
    count: 0,
    tableOf: new Int32Array(capacity),
    recordOf: new Int32Array(capacity),
    dateOf: new Int32Array(capacity),
    dates: [],
    at: new Float64Array(capacity),
    opportunity: new Int32Array(capacity),
    dateTexts: new DateTexts(ctx.config),
  };
  // Rows repeating a change an earlier report holds (overlapping reports) are left out, reported.
  const repeats = overlappingRows(tables, c, ctx);
  tables.forEach((table, t) => gather(table, t, c, keys, ctx, read, repeats[t]!));
  read.tableOf = read.tableOf.subarray(0, read.count);
  read.recordOf = read.recordOf.subarray(0, read.count);
  read.dateOf = read.dateOf.subarray(0, read.count);
  read.at = read.at.subarray(0, read.count);
  read.opportunity = read.opportunity.subarray(0, read.count);
  const { offsets, order } = groupRows(read.opportunity, read.ids.length);
  for (let k = 0; k < read.ids.length; k++) rebuildOrder(read, c, order, offsets[k]!, offsets[k + 1]!, ctx);
  const { index, ids, names, created, tableOf, recordOf, dateOf, dates, dateTexts } = read;
  return { columns: c, index, ids, names, created, offsets, order, tables, tableOf, recordOf, dateOf, dates, dateTexts };
}

export interface Gathered {
  tables: readonly VendorTable[];
  index: Map<string, number>;
  ids: string[];
  names: string[];
  created: string[];
  /** Rows gathered so far. */
  count: number;
  tableOf: Int32Array;
  recordOf: Int32Array;
  /** Per row: its date as written to the canonical files, a number into `dates` (the distinct ones). */
  dateOf: Int32Array;
  dates: string[];
  /** Per row: the instant of its date, and its opportunity's number. */
  at: Float64Array;
  opportunity: Int32Array;
  dateTexts: DateTexts;
}

function gather(table: VendorTable, t: number, c: HistoryColumns, keys: OpportunityKeys, ctx: AdapterLog, read: Gathered, repeats: Uint8Array | null): void {
  const { file } = table;
  const end = reportFooter(table);
  skipFooter(table, end, ctx.notRows, (line, message) => ctx.warn(file, line, '', 'report_footer', message));
  checkReportCount(table, end, (line, message) => ctx.warn(file, line, '', 'report_count_differs', message));
  const dates = dateOptions(ctx.config);
  // Cells are coded (vendor-table.ts), and reports repeat the same few hundred dates and one
  // ID per opportunity on every row: each distinct cell is parsed, converted or looked up once.
  const instants = new Float64Array(table.values.length).fill(NaN);
  const dateNumbers = new Int32Array(table.values.length);
  const byIdCode = new Int32Array(table.values.length).fill(-1);
  const cell = (r: number, column: Column) => table.cell(r, column.index);
  // The columns read on every row, straight from the table's codes (a million rows).
  const ids = table.columnCodes(c.id.index);
  const names = table.columnCodes(c.name.index);
  const tos = table.columnCodes(c.to.index);
  const datesAt = table.columnCodes(c.date.index);
  const { tableOf, recordOf, dateOf, opportunity } = read;
  const atOf = read.at;
  let count = read.count;
  for (let r = 0; r < end; r++) {
    if (repeats !== null && repeats[r] === 1) continue;
    const idCode = codeAt(ids, r);
    if (idCode === 0 && codeAt(names, r) === 0) {
      ctx.drop(file, table.line(r), c.name.index === -1 ? c.id.label : c.name.label, 'missing_opportunity', 'the row names no opportunity; row skipped');
      continue;
    }
    if (codeAt(tos, r) === 0) {
      ctx.drop(file, table.line(r), c.to.label, 'missing_stage', `"${c.to.label}" is empty; row skipped`);
      continue;
    }
    const dateCode = codeAt(datesAt, r);
    let at = instants[dateCode]!;
    if (Number.isNaN(at)) {
      const dateCell = table.values[dateCode]!;
      const parsed = readLocaleInstant(dateCell, dates).at;
      if (parsed instanceof Invalid) {
        const why = dateCell === '' ? 'is empty' : parsed.reason;
        ctx.drop(file, table.line(r), c.date.label, 'invalid_date', `"${c.date.label}" ${why}; the row cannot be placed in the history and is skipped`);
        continue;
      }
      instants[dateCode] = at = parsed;
      dateNumbers[dateCode] = read.dates.push(read.dateTexts.text(dateCell)) - 1;
    }
    let k = keys.byId && idCode !== 0 ? byIdCode[idCode]! : -1;
    if (k === -1) {
      const id = table.values[idCode]!;
      const name = cell(r, c.name);
      const created = localeDateCell(cell(r, c.created));
      const key = keys.key(id, name, created);
      // With IDs, a code first seen in the first report is a new opportunity (one code per text): no lookup,
      // unless the key joins other texts (a 15-character ID and its 18-character form).
      k = keys.byId && idCode !== 0 && t === 0 && id.length !== 15 && key === id ? -1 : (read.index.get(key) ?? -1);
      if (k === -1) {
        k = read.ids.length;
        read.index.set(key, k);
        read.ids.push(id);
        read.names.push(name);
        read.created.push(created);
      }
      if (keys.byId && idCode !== 0) byIdCode[idCode] = k;
    }
    const row = count++;
    tableOf[row] = t;
    recordOf[row] = r;
    dateOf[row] = dateNumbers[dateCode]!;
    atOf[row] = at;
    opportunity[row] = k;
  }
  read.count = count;
}

/** Row numbers grouped by opportunity (a counting sort: file order within each). */
function groupRows(opportunity: Int32Array, count: number): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(count + 1);
  for (const k of opportunity) offsets[k + 1]!++;
  for (let k = 0; k < count; k++) offsets[k + 1]! += offsets[k]!;
  const next = offsets.slice(0, count);
  const order = new Int32Array(opportunity.length);
  opportunity.forEach((k, row) => (order[next[k]!++] = row));
  return { offsets, order };
}
