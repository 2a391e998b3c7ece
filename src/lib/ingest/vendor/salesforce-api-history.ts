/**
 * History from the Data Loader objects. OpportunityHistory has one row per
 * save that changed stage, amount, probability or close date, with the values
 * after the save: each row is a stage entry at its CreatedDate (rows that
 * repeat the stage collapse in the engine), and a row whose Amount or
 * CloseDate differs from the previous row's is an amount or close-date
 * change. OpportunityFieldHistory (field history tracking) records single
 * fields, old and new value: StageName, Amount and CloseDate changes it has
 * that OpportunityHistory already records (same opportunity and new value,
 * within a few seconds: the same save) are not counted twice; other fields
 * pass through to field_history.csv, which ignores them.
 */
import { normalizeStageName } from '../stage-names.ts';
import { Invalid, parseInstant, parseLocalDate } from '../values.ts';
import { parseMoney } from '../money.ts';
import { columnIndex } from './read-table.ts';
import { type AdapterLog, cellOf, type Column, dateOptions, findColumn, isChecked } from './salesforce-common.ts';
import type { CanonicalTable, Origin, StageHistoryTable, VendorRecord, VendorTable } from './types.ts';
import { gmtTimestampCell } from './clock.ts';
import { javaDecimal } from './java-decimal.ts';

/** Two records of one save are written within this many ms of each other. */
const SAME_SAVE_MS = 5000;

export interface ApiHistoryInput {
  history: readonly VendorTable[];
  fieldHistory: readonly VendorTable[];
  /** Ids of opportunities dropped as deleted: their history is dropped too. */
  deleted: ReadonlySet<string>;
  /** Opportunity Id to its CreatedDate cell: when a field-history-only opportunity entered its first stage. */
  created: ReadonlyMap<string, string>;
  /** Opportunity Id to its StageName cell: the stage it is in, the latest of its stage rows of one time. */
  current: ReadonlyMap<string, string>;
}

export interface ApiHistoryTables {
  stages: StageHistoryTable;
  fields: CanonicalTable;
}

type Kind = 'stage' | 'amount' | 'close';

/** A change OpportunityHistory recorded, to recognise the same change in OpportunityFieldHistory. */
interface Recorded {
  kind: Kind;
  at: number;
  value: string;
}

interface HistoryRow {
  record: VendorRecord;
  origin: Origin;
  at: number;
}

export function emitApiHistory(input: ApiHistoryInput, out: ApiHistoryTables, log: AdapterLog): void {
  const recorded = new Map<string, Recorded[]>();
  for (const table of input.history) readOpportunityHistory(table, input, out, recorded, log);
  for (const table of input.fieldHistory) readFieldHistory(table, input, out, recorded, log);
}

const columnsOf = (table: VendorTable) => {
  const find = columnIndex(table.names);
  return {
    opportunity: findColumn(find, 'OpportunityId'),
    stage: findColumn(find, 'StageName'),
    created: findColumn(find, 'CreatedDate'),
    amount: findColumn(find, 'Amount'),
    close: findColumn(find, 'CloseDate'),
    deleted: findColumn(find, 'IsDeleted'),
    field: findColumn(find, 'Field'),
    oldValue: findColumn(find, 'OldValue'),
    newValue: findColumn(find, 'NewValue'),
  };
};

/** Whether to use a history record: not deleted itself, not of a deleted opportunity. */
function keep(table: VendorTable, record: VendorRecord, opportunity: string, deleted: Column, input: ApiHistoryInput, log: AdapterLog): boolean {
  if (isChecked(cellOf(record, deleted))) {
    log.drop(table.file, record.line, deleted.label, 'deleted_record', 'IsDeleted is true (the record is in the Recycle Bin); not used', 'warning');
    return false;
  }
  if (input.deleted.has(opportunity)) {
    log.drop(table.file, record.line, 'OpportunityId', 'deleted_record', `belongs to opportunity ${opportunity}, which is deleted; not used`, 'warning');
    return false;
  }
  return true;
}

function normalized(kind: Kind, value: string, log: AdapterLog): string {
  if (kind === 'stage') return normalizeStageName(value);
  if (kind === 'amount') {
    const m = parseMoney(value, { decimal: log.config.decimal });
    return m instanceof Invalid ? value : String(m.value);
  }
  const d = parseLocalDate(value, dateOptions(log.config));
  return d instanceof Invalid ? value : d;
}

function readOpportunityHistory(table: VendorTable, input: ApiHistoryInput, out: ApiHistoryTables, recorded: Map<string, Recorded[]>, log: AdapterLog): void {
  const c = columnsOf(table);
  const dates = dateOptions(log.config);
  const byOpportunity = new Map<string, HistoryRow[]>();
  const stageRows: StageRow[] = [];
  for (const record of table.records) {
    const opportunity = cellOf(record, c.opportunity);
    if (!keep(table, record, opportunity, c.deleted, input, log)) continue;
    const origin = { file: table.file, line: record.line };
    const created = gmtTimestampCell(cellOf(record, c.created));
    const parsed = parseInstant(created, dates);
    const at = parsed instanceof Invalid ? NaN : parsed;
    stageRows.push({ cells: [opportunity, cellOf(record, c.stage), created], origin, at });
    // A row without a readable date is rejected with the stage row; it cannot be placed among the changes.
    if (Number.isNaN(at)) continue;
    let rows = byOpportunity.get(opportunity);
    if (!rows) byOpportunity.set(opportunity, (rows = []));
    rows.push({ record, origin, at });
  }
  addStageRows(stageRows, input.current, out);
  for (const [opportunity, rows] of byOpportunity) {
    rows.sort((a, b) => a.at - b.at);
    const list = recorded.get(opportunity) ?? [];
    recorded.set(opportunity, list);
    for (let i = 0; i < rows.length; i++) {
      const { record, origin, at } = rows[i]!;
      list.push({ kind: 'stage', at, value: normalized('stage', cellOf(record, c.stage), log) });
      if (i === 0) continue;
      const previous = rows[i - 1]!.record;
      for (const [kind, column, field] of [['amount', c.amount, 'amount'], ['close', c.close, 'expected_close_at']] as const) {
        if (column.index === -1) continue;
        const before = kind === 'amount' ? javaDecimal(cellOf(previous, column)) : cellOf(previous, column);
        const after = kind === 'amount' ? javaDecimal(cellOf(record, column)) : cellOf(record, column);
        if (normalized(kind, before, log) === normalized(kind, after, log)) continue;
        out.fields.addCells([opportunity, field, before, after, gmtTimestampCell(cellOf(record, c.created))], origin.file, origin.line);
        list.push({ kind, at, value: normalized(kind, after, log) });
      }
    }
  }
}

const FIELD_KIND = new Map<string, Kind>([
  ['stagename', 'stage'],
  ['amount', 'amount'],
  ['closedate', 'close'],
]);

function readFieldHistory(table: VendorTable, input: ApiHistoryInput, out: ApiHistoryTables, recorded: Map<string, Recorded[]>, log: AdapterLog): void {
  const c = columnsOf(table);
  const dates = dateOptions(log.config);
  // The first stage change of each opportunity OpportunityHistory does not cover: its old value is the stage it was created in.
  const firstChange = new Map<string, { at: number; stage: string; origin: Origin }>();
  const stageRows: StageRow[] = [];
  for (const record of table.records) {
    const opportunity = cellOf(record, c.opportunity);
    if (!keep(table, record, opportunity, c.deleted, input, log)) continue;
    const origin = { file: table.file, line: record.line };
    const fieldCell = cellOf(record, c.field);
    const kind = FIELD_KIND.get(fieldCell.toLowerCase());
    const value = (column: Column) => (kind === 'amount' ? javaDecimal(cellOf(record, column)) : cellOf(record, column));
    const [oldValue, newValue, changedAt] = [value(c.oldValue), value(c.newValue), gmtTimestampCell(cellOf(record, c.created))];
    const parsed = parseInstant(changedAt, dates);
    const at = parsed instanceof Invalid ? NaN : parsed;
    if (kind !== undefined) {
      const value = normalized(kind, newValue, log);
      const same = recorded.get(opportunity)?.some((r) => r.kind === kind && r.value === value && Math.abs(r.at - at) <= SAME_SAVE_MS);
      if (same) continue; // the same save, already taken from OpportunityHistory
    }
    if (kind === 'stage') {
      stageRows.push({ cells: [opportunity, newValue, changedAt], origin, at });
      const first = firstChange.get(opportunity);
      if (!recorded.has(opportunity) && oldValue !== '' && !(first && first.at <= at)) firstChange.set(opportunity, { at, stage: oldValue, origin });
    } else {
      const field = kind === 'amount' ? 'amount' : kind === 'close' ? 'expected_close_at' : fieldCell;
      out.fields.addCells([opportunity, field, oldValue, newValue, changedAt], origin.file, origin.line);
    }
  }
  addStageRows(stageRows, input.current, out);
  for (const [opportunity, first] of firstChange) {
    const created = input.created.get(opportunity);
    if (created !== undefined) out.stages.addCells([opportunity, first.stage, created], first.origin.file, first.origin.line);
  }
}

/** A stage row to emit: OpportunityId, StageName, CreatedDate; `at`: the date read (NaN: unreadable, rejected by the canonical reading). */
interface StageRow {
  cells: [opportunity: string, stage: string, at: string];
  origin: Origin;
  at: number;
}

/**
 * The stage rows in file order, except that of an opportunity's rows at its latest time, those of the stage it is in
 * (its StageName) come after the others: rows of one time keep their order in stage_history.csv, and a Data Loader
 * export lists records in no particular order, so two stages saved in one second (a flow that moves the deal on as it
 * is saved) would otherwise leave the deal in whichever was listed last.
 */
function addStageRows(rows: readonly StageRow[], current: ReadonlyMap<string, string>, out: ApiHistoryTables): void {
  const latest = new Map<string, number>();
  for (const r of rows) if (!Number.isNaN(r.at) && r.at > (latest.get(r.cells[0]) ?? -Infinity)) latest.set(r.cells[0], r.at);
  const isCurrent = (r: StageRow) => normalizeStageName(r.cells[1]) === normalizeStageName(current.get(r.cells[0]) ?? '');
  const tied = (r: StageRow) => r.at === latest.get(r.cells[0]);
  // Only where a row of another stage at that time would come after it.
  const behind = new Set<string>();
  for (const r of rows) if (tied(r) && !isCurrent(r)) behind.add(r.cells[0]);
  const last = rows.filter((r) => tied(r) && isCurrent(r) && behind.has(r.cells[0]));
  const deferred = new Set(last);
  for (const r of rows) if (!deferred.has(r)) out.stages.addCells(r.cells, r.origin.file, r.origin.line);
  for (const r of last) out.stages.addCells(r.cells, r.origin.file, r.origin.line);
}
