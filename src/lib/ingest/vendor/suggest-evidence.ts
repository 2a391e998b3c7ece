/**
 * `npm run init`: what the exports say about stages and value formats, read
 * without knowing any one adapter's internals. Stage names come from the
 * canonical deals and stage_history tables an adapter built (or a canonical
 * folder's own files); what the vendor records say about a row's stage
 * (closed/won flags, status, probability) is read from the record each
 * canonical row came from, and only when that record's stage cell is the
 * row's stage (a HubSpot "Date entered" history row points at a deal record
 * whose flags belong to its current stage, not to the one entered).
 */
import type { StageKind } from '../config.ts';
import { normalizeStageName } from '../stage-names.ts';
import { Invalid, parseInstant, type DateOptions } from '../values.ts';
import { cellAt, columnIndex } from './read-table.ts';
import type { DealStageRow, HistoryStageRow, StageDefinition, StageEvidence } from './suggest-stages.ts';
import type { MoneyCells } from './suggest-money.ts';
import type { CanonicalRows, VendorRecord, VendorTable } from './types.ts';

/** The canonical tables (built by an adapter, or a canonical folder's files) and every vendor table read. */
export interface ExportView {
  deals: CanonicalRows | undefined;
  history: CanonicalRows | undefined;
  tables: readonly VendorTable[];
  /** A folder of canonical files: its deals.csv's own closed_at and reasons say which stages are closed. */
  canonical?: boolean;
}

/** Header names compared loosely: lower-case letters and digits only, without Pipedrive's "Deal - " prefix. */
function loose(name: string): string {
  return name
    .toLowerCase()
    .replace(/^deal\s*-\s*/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const CLOSED = ['isclosed', 'closed', 'isdealclosed'];
const WON = ['iswon', 'won', 'isclosedwon'];
const STATUS = ['status'];
const PROBABILITY = ['probability', 'dealprobability', 'defaultprobability', 'dealstageprobability'];
const SORT_ORDER = ['sortorder', 'stagesortorder'];
/** Columns that name the stage in a stage table (Salesforce OpportunityStage). */
const STAGE_TABLE_NAMES = ['masterlabel', 'apiname'];
const STAGE_NAMES = ['stage', 'stagename', 'dealstage', 'tostage'];

interface Column {
  index: number;
  header: string;
}

function findLoose(table: VendorTable, candidates: readonly string[]): Column {
  const names = table.names.map(loose);
  for (const c of candidates) {
    const index = names.indexOf(c);
    if (index !== -1) return { index, header: table.names[index]! };
  }
  return { index: -1, header: '' };
}

function flag(cell: string): boolean | null {
  const t = cell.trim().toLowerCase();
  if (t === 'true' || t === '1' || t === 'yes') return true;
  if (t === 'false' || t === '0' || t === 'no') return false;
  return null;
}

interface RecordFacts {
  table: VendorTable;
  byLine: Map<number, VendorRecord>;
  closed: Column;
  won: Column;
  status: Column;
  probability: Column;
  /** Divisor of the probability column: 100 when written in percent. */
  scale: number;
}

function recordFacts(table: VendorTable): RecordFacts {
  const probability = findLoose(table, PROBABILITY);
  let scale = probability.header.includes('%') ? 100 : 1;
  if (probability.index !== -1 && scale === 1) {
    for (const r of table.records) {
      const cell = cellAt(r, probability.index);
      if (cell.includes('%') || (parseProbability(cell) ?? 0) > 1) {
        scale = 100;
        break;
      }
    }
  }
  return {
    table,
    byLine: new Map(table.records.map((r) => [r.line, r])),
    closed: findLoose(table, CLOSED),
    won: findLoose(table, WON),
    status: findLoose(table, STATUS),
    probability,
    scale,
  };
}

function parseProbability(cell: string): number | null {
  let t = cell.replace(/[%\s]/gu, '');
  if (t === '') return null;
  if (!t.includes('.')) t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function vote(f: RecordFacts, record: VendorRecord): StageKind | null {
  if (f.status.index !== -1) {
    const status = cellAt(record, f.status.index).toLowerCase();
    if (status === 'won' || status === 'lost' || status === 'open') return status;
  }
  const closed = f.closed.index === -1 ? null : flag(cellAt(record, f.closed.index));
  const won = f.won.index === -1 ? null : flag(cellAt(record, f.won.index));
  if (closed === false) return 'open';
  if (won === true) return 'won';
  if (closed === true && won === false) return 'lost';
  return null;
}

/** The record a canonical row came from, when that record's stage cell is the row's stage. */
function sameStageRecord(facts: Map<string, RecordFacts>, table: CanonicalRows, row: number, stage: string): { f: RecordFacts; record: VendorRecord } | null {
  const origin = table.origin(row);
  const f = facts.get(origin.file);
  const record = f?.byLine.get(origin.line);
  if (!f || !record) return null;
  const key = normalizeStageName(stage);
  const at = columnIndex(f.table.names)(table.sourceColumns.get('stage') ?? 'stage');
  const matches = at !== -1 ? normalizeStageName(cellAt(record, at)) === key : record.cells.some((c) => normalizeStageName(c) === key);
  return matches ? { f, record } : null;
}

function columnOf(table: CanonicalRows | undefined, name: string): number {
  return table ? table.columns.indexOf(name) : -1;
}

function describe(facts: Iterable<RecordFacts>, pick: (f: RecordFacts) => Column[]): string {
  const headers = new Set<string>();
  for (const f of facts) for (const c of pick(f)) if (c.index !== -1) headers.add(JSON.stringify(c.header));
  return [...headers].join('/') || 'the flags';
}

export function stageEvidence(view: ExportView, dates: DateOptions): StageEvidence {
  const facts = new Map(view.tables.map((t) => [t.file, recordFacts(t)]));
  const used = new Set<RecordFacts>();
  // A record counts once per stage: a deal's row and its last history row often come from the same record.
  const counted = new Set<string>();
  const probabilityOf = (m: { f: RecordFacts; record: VendorRecord } | null, stage: string) => {
    if (!m || m.f.probability.index === -1) return null;
    const key = `${m.f.table.file}\n${m.record.line}\n${normalizeStageName(stage)}`;
    if (counted.has(key)) return null;
    counted.add(key);
    const p = parseProbability(cellAt(m.record, m.f.probability.index));
    if (p === null) return null;
    used.add(m.f);
    return p / m.f.scale;
  };

  const deals: DealStageRow[] = [];
  const d = view.deals;
  const dStage = columnOf(d, 'stage');
  const dId = columnOf(d, 'deal_id');
  const [closedAt, winReason, lostReason] = ['closed_at', 'win_reason', 'lost_reason'].map((c) => (view.canonical ? columnOf(d, c) : -1));
  const filled = (row: readonly string[], at: number) => at !== -1 && (row[at] ?? '').trim() !== '';
  if (d && dStage !== -1) {
    d.allRows().forEach((row, i) => {
      const stage = row[dStage] ?? '';
      const m = sameStageRecord(facts, d, i, stage);
      const v = m ? vote(m.f, m.record) : null;
      if (v !== null) used.add(m!.f);
      const [won, lost] = [filled(row, winReason!), filled(row, lostReason!)];
      const close = closedAt === -1 ? null : { closed: filled(row, closedAt!), outcome: won === lost ? null : won ? ('won' as const) : ('lost' as const) };
      deals.push({ deal: dId === -1 ? `#${i}` : (row[dId] ?? ''), stage, vote: v, probability: probabilityOf(m, stage), close });
    });
  }

  const history: HistoryStageRow[] = [];
  const h = view.history;
  const hStage = columnOf(h, 'stage');
  const hId = columnOf(h, 'deal_id');
  const hAt = columnOf(h, 'entered_at');
  if (h && hStage !== -1) {
    h.allRows().forEach((row, i) => {
      const stage = row[hStage] ?? '';
      const at = hAt === -1 ? null : parseInstant(row[hAt] ?? '', dates);
      history.push({
        deal: hId === -1 ? `#${i}` : (row[hId] ?? ''),
        stage,
        at: at === null || at instanceof Invalid ? null : at,
        probability: probabilityOf(sameStageRecord(facts, h, i, stage), stage),
      });
    });
  }

  return {
    deals,
    history,
    definitions: stageDefinitions(view.tables),
    voteColumns: describe(used, (f) => [f.closed, f.won, f.status]),
    probabilityColumns: describe(used, (f) => [f.probability]),
  };
}

/**
 * Stage tables (Salesforce's OpportunityStage: MasterLabel/ApiName, SortOrder,
 * IsClosed, IsWon, DefaultProbability) give kinds, order and probabilities
 * outright; any other table with a stage sort-order column gives the order.
 */
export function stageDefinitions(tables: readonly VendorTable[]): Map<string, StageDefinition> {
  const definitions = new Map<string, StageDefinition>();
  for (const table of tables) {
    const sortOrder = findLoose(table, SORT_ORDER);
    if (sortOrder.index === -1) continue;
    const tableNames = STAGE_TABLE_NAMES.map((n) => findLoose(table, [n])).filter((c) => c.index !== -1);
    const isStageTable = tableNames.length > 0;
    const names = isStageTable ? tableNames : [findLoose(table, STAGE_NAMES)].filter((c) => c.index !== -1);
    if (names.length === 0) continue;
    const f = recordFacts(table);
    for (const record of table.records) {
      const order = Number(cellAt(record, sortOrder.index));
      const probability = isStageTable && f.probability.index !== -1 ? parseProbability(cellAt(record, f.probability.index)) : null;
      const definition: StageDefinition = {
        sortOrder: cellAt(record, sortOrder.index) !== '' && Number.isFinite(order) ? order : null,
        kind: isStageTable ? vote(f, record) : null,
        probability: probability === null ? null : probability / f.scale,
      };
      for (const c of names) {
        const name = cellAt(record, c.index);
        if (name !== '' && !definitions.has(normalizeStageName(name))) definitions.set(normalizeStageName(name), definition);
      }
    }
  }
  return definitions;
}

/** Every cell of every table (for date and offset formats). */
export function* allCells(tables: readonly VendorTable[]): Generator<string> {
  for (const t of tables) for (const r of t.records) yield* r.cells;
}

/** The deals' currency and amount cells as the export writes them. */
export function moneyCells(view: ExportView): MoneyCells[] {
  const d = view.deals;
  const amount = columnOf(d, 'amount');
  const currency = columnOf(d, 'currency');
  if (!d || amount === -1) return [];
  return d.allRows().map((row) => ({ amount: row[amount] ?? '', currency: currency === -1 ? '' : (row[currency] ?? '') }));
}

/** Amount-like cells (deal amount and cost) for the decimal mark. */
export function amountCells(view: ExportView): string[] {
  const d = view.deals;
  const cells: string[] = [];
  for (const name of ['amount', 'cost']) {
    const at = columnOf(d, name);
    if (d && at !== -1) for (const row of d.allRows()) if (row[at]) cells.push(row[at]);
  }
  return cells;
}

export function dealNames(view: ExportView): string[] {
  const at = columnOf(view.deals, 'deal_name');
  return at === -1 ? [] : view.deals!.allRows().map((row) => row[at] ?? '');
}

/** The distinct stage names of the deals, as the export writes them. */
export function stageNames(view: ExportView): string[] {
  const at = columnOf(view.deals, 'stage');
  return at === -1 ? [] : [...new Set(view.deals!.allRows().map((row) => row[at] ?? ''))];
}
