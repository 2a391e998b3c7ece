/**
 * Salesforce reports exported as CSV (docs/exports.md "Salesforce"): an
 * Opportunity History report (the stage moves, amounts and close dates over
 * time) and, optionally, an Opportunities report (each deal today: account,
 * lost reason, lead source, forecast category, currency). Either alone works:
 * history alone gives deals without accounts (the opportunity's name stands
 * in), the Opportunities report alone gives only current stages.
 */
import { NO_RECORD_IDS } from '../../dataset.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { IngestFatalError } from '../issues.ts';
import { AdapterLog, cellOf, type Column, forecastCategoryCell, isFieldHistoryReport, noteReportWithoutCurrency } from './salesforce-common.ts';
import { firstRow, historyCell, historyOrigin, type HistoryRead, latestRow } from './salesforce-history-rows.ts';
import { type HistoryColumns, historyColumns, readHistoryReports } from './salesforce-report-history.ts';
import { HistoryEmitter } from './salesforce-history-emitter.ts';
import { OpportunityKeys } from './salesforce-report-keys.ts';
import { type OpportunitiesRead, type OpportunityRow, opportunityColumns, readOpportunityReports } from './salesforce-report-opportunities.ts';
import { type Adapter, type AdapterOutput, CanonicalTable, type CanonicalRows, StageHistoryTable, type VendorFile } from './types.ts';
import { localeDateCell } from './clock.ts';

const tablesOf = (files: ReadonlyMap<string, VendorFile[]>, role: string) => (files.get(role) ?? []).map((f) => f.table);

export const salesforceReport: Adapter = {
  format: 'salesforce-report',
  name: 'Salesforce reports',
  role(names) {
    const has = (n: string) => names.includes(n);
    if (has('from stage') && has('to stage')) return 'history';
    // The Opportunity Field History report has opportunity columns too, but a row per changed field (unread-files.ts says what it is).
    if (isFieldHistoryReport(names)) return null;
    if (has('stage') && (has('opportunity name') || has('opportunity id') || (has('deal name') && has('close date')))) return 'opportunities';
    return null;
  },
  signatures: [
    { what: 'a Salesforce Opportunity History report', marks: ['From Stage', 'To Stage'], needs: [['From Stage'], ['To Stage']] },
    { what: 'a Salesforce Opportunities report', marks: ['Opportunity Name', 'Opportunity ID', 'Opportunity Owner'], needs: [['Stage'], ['Opportunity Name', 'Opportunity ID']] },
  ],
  columns(role, names) {
    // The history report is the large one (a row per change): keep only what emitHistory and the deals read.
    if (role !== 'history') return null;
    return Object.values(historyColumns(names))
      .map((c) => c.index)
      .filter((i) => i !== -1);
  },
  adapt(files, { config, pipeline }) {
    const output: AdapterOutput = { tables: {}, issues: [], dropped: [], notRows: [], limitations: [] };
    const log = new AdapterLog(config, output);
    const historyTables = tablesOf(files, 'history');
    const reportTables = tablesOf(files, 'opportunities');
    if (pipeline !== undefined) {
      log.warn([...historyTables, ...reportTables][0]?.file ?? '', 0, '', 'no_pipelines', `Salesforce reports have no pipelines; --pipeline "${pipeline}" is ignored (filter the report instead)`);
    }
    // Join by Opportunity ID only when every report has it; otherwise by name and created date.
    const byId =
      historyTables.every((t) => historyColumns(t.names).id.index !== -1) && reportTables.every((t) => opportunityColumns(t.names).id.index !== -1);
    if (historyTables.length > 0) requireHistoryColumns(historyColumns(historyTables[0]!.names), historyTables[0]!.file, reportTables.length > 0, byId);
    // Amounts with no currency column in any report: each report that gives the deals says it reads them in the config's.
    const currencies = [...reportTables.map((t) => opportunityColumns(t.names).currency), ...historyTables.map((t) => historyColumns(t.names).currency)];
    if (currencies.every((c) => c.index === -1)) {
      for (const t of reportTables) noteReportWithoutCurrency(log, t, opportunityColumns(t.names));
      if (reportTables.length === 0) for (const t of historyTables) noteReportWithoutCurrency(log, t, historyColumns(t.names));
    }
    const keys = new OpportunityKeys(config, byId);
    // Deals known by name and created date: no id to link a deal to its page in Salesforce (config deal_url).
    if (!byId) output.limitations.push(NO_RECORD_IDS);
    const report = readOpportunityReports(reportTables, keys, log);
    const history = readHistoryReports(historyTables, keys, log);
    buildTables(report, history, keys, log);
    return output;
  },
};

/** The history report's columns the deals cannot do without: checked before reading a row, all named in one error. */
function requireHistoryColumns(c: HistoryColumns, file: string, joined: boolean, byId: boolean): void {
  const needed: Column[] = [c.date];
  if (c.name.index === -1 && c.id.index === -1) needed.push(c.name);
  if (!joined) needed.push(c.owner, c.amount);
  if (!joined || !byId) needed.push(c.created);
  const missing = needed.filter((col) => col.index === -1).map((col) => `"${col.label}"`);
  if (missing.length > 0) {
    const why = c.date.index === -1 ? ' ("Last Modified" is the date of each change)' : joined ? ', needed to join it to the Opportunities report' : ', needed to build the deals (or add an Opportunities report)';
    throw new IngestFatalError('export_lacks_columns', file, `${file}: the Opportunity History report lacks ${missing.join(', ')}${why}; add ${missing.length > 1 ? 'them' : 'it'} to the report and export again`);
  }
}

/** The deals.csv columns the reports really carry (input.md: a present column means known data). */
function dealColumns(report: OpportunitiesRead | null, history: HistoryRead | null): string[] {
  const r = report?.columns;
  const h = history?.columns;
  const has = (rc: Column | undefined, hc: Column | undefined) => (rc?.index ?? -1) !== -1 || (hc?.index ?? -1) !== -1;
  const columns = ['deal_id', 'deal_name', 'account_id'];
  if (has(r?.account, h?.account)) columns.push('account_name');
  columns.push('owner', 'amount');
  if (has(r?.currency, h?.currency)) columns.push('currency');
  columns.push('created_at');
  if (has(r?.close, h?.close)) columns.push('expected_close_at');
  if (has(r?.close, undefined)) columns.push('closed_at');
  columns.push('stage');
  if (has(r?.lostReason, undefined)) columns.push('lost_reason');
  if (has(r?.winReason, undefined)) columns.push('win_reason');
  if (has(r?.competitor, undefined)) columns.push('competitor');
  if (has(r?.source, undefined)) columns.push('source');
  if (has(r?.forecast, undefined)) columns.push('forecast_category');
  return columns;
}

interface Built {
  deals: CanonicalTable;
  stages: StageHistoryTable;
  fields: CanonicalTable | null;
}

function buildTables(report: OpportunitiesRead | null, history: HistoryRead | null, keys: OpportunityKeys, log: AdapterLog): void {
  const { output } = log;
  const h = history?.columns;
  const built: Built = {
    deals: new CanonicalTable(dealColumns(report, history)),
    // At most a stage row per history row.
    stages: new StageHistoryTable(history?.order.length ?? 0),
    fields: h && (h.amount.index !== -1 || h.close.index !== -1) ? new CanonicalTable(['deal_id', 'field', 'old_value', 'new_value', 'changed_at']) : null,
  };
  output.tables['deals.csv'] = built.deals;
  output.tables['stage_history.csv'] = built.stages;
  if (built.fields) output.tables['field_history.csv'] = built.fields;
  describeSources(built, report, history);
  const emitter = history && new HistoryEmitter(history, built.stages, built.fields, log);
  if (report) reportDeals(report, history, emitter, keys, built, log);
  if (history) historyOnlyDeals(history, emitter!, report, keys, built, log);
  else if (report && report.rows.length > 0) {
    output.limitations.push('current_visit_only');
    const message = "no Opportunity History report: only each deal's current stage is known (add the history report for conversion, time in stage and past replays)";
    log.warn(report.rows[0]!.file, 0, '', 'no_history', message);
  }
}

/** Which vendor column each canonical column comes from, for messages. */
function describeSources(built: Built, report: OpportunitiesRead | null, history: HistoryRead | null): void {
  const set = (table: CanonicalRows | null, canonical: string, column: Column | undefined) => {
    if (table && column && column.index !== -1 && !table.sourceColumns.has(canonical)) table.sourceColumns.set(canonical, column.label);
  };
  const r = report?.columns;
  const h = history?.columns;
  for (const c of [r, h]) {
    if (!c) continue;
    set(built.deals, 'deal_name', c.name);
    set(built.deals, 'account_id', c.account);
    set(built.deals, 'account_name', c.account);
    set(built.deals, 'owner', c.owner);
    set(built.deals, 'amount', c.amount);
    set(built.deals, 'currency', c.currency);
    set(built.deals, 'created_at', c.created);
    set(built.deals, 'expected_close_at', c.close);
  }
  if (r) {
    set(built.deals, 'deal_id', r.id.index !== -1 ? r.id : r.name);
    set(built.deals, 'closed_at', r.close);
    set(built.deals, 'stage', r.stage);
    set(built.deals, 'lost_reason', r.lostReason);
    set(built.deals, 'win_reason', r.winReason);
    set(built.deals, 'competitor', r.competitor);
    set(built.deals, 'source', r.source);
    set(built.deals, 'forecast_category', r.forecast);
  }
  if (h) {
    set(built.deals, 'deal_id', h.id.index !== -1 ? h.id : h.name);
    set(built.deals, 'stage', h.to);
    set(built.stages, 'deal_id', h.id.index !== -1 ? h.id : h.name);
    set(built.stages, 'stage', h.to);
    set(built.stages, 'entered_at', h.date);
    set(built.fields, 'deal_id', h.id.index !== -1 ? h.id : h.name);
    set(built.fields, 'changed_at', h.date);
  }
}

/** One deal per Opportunities report row, with its history when the history report has it. */
function reportDeals(report: OpportunitiesRead, history: HistoryRead | null, emitter: HistoryEmitter | null, keys: OpportunityKeys, built: Built, log: AdapterLog): void {
  const c = report.columns;
  const kinds = stageLookup(log.config);
  let standIns = 0;
  for (const row of report.rows) {
    const k = history?.index.get(row.key);
    const cells = reportDeal(row, c, k === undefined ? '' : history!.ids[k]!, keys, kinds);
    if (cells.account_id === '') {
      cells.account_id = cells.deal_name || cells.deal_id!;
      standIns++;
    }
    built.deals.add(cells, { file: row.file, line: row.record.line });
    // The history joins to the first report row of its key only (a duplicate is rejected as such).
    if (k !== undefined && report.byKey.get(row.key) === row) emitter!.emit(k, cells.deal_id!, false);
  }
  if (standIns > 0) {
    const message = `${standIns} opportunit${standIns === 1 ? 'y has' : 'ies have'} no "${c.account.label}"; each one's name stands in for its account`;
    log.warn(report.rows[0]!.file, 0, c.account.index === -1 ? '' : c.account.label, 'account_stand_in', message);
  }
}

function reportDeal(row: OpportunityRow, c: OpportunitiesRead['columns'], historyId: string, keys: OpportunityKeys, kinds: ReturnType<typeof stageLookup>): Record<string, string> {
  const r = row.record;
  const name = cellOf(r, c.name);
  const created = localeDateCell(cellOf(r, c.created));
  const stage = cellOf(r, c.stage);
  const close = localeDateCell(cellOf(r, c.close));
  const closed = (kinds.get(normalizeStageName(stage))?.kind ?? 'open') !== 'open';
  const account = cellOf(r, c.account);
  return {
    deal_id: keys.dealId(cellOf(r, c.id) || historyId, name, created),
    deal_name: name,
    account_id: account,
    account_name: account,
    owner: cellOf(r, c.owner),
    amount: cellOf(r, c.amount),
    currency: cellOf(r, c.currency),
    created_at: created,
    expected_close_at: close,
    // A closed opportunity's Close Date is the day it closed (used when it has no history rows).
    closed_at: closed ? close : '',
    stage,
    lost_reason: cellOf(r, c.lostReason),
    win_reason: cellOf(r, c.winReason),
    competitor: cellOf(r, c.competitor),
    source: cellOf(r, c.source),
    forecast_category: forecastCategoryCell(cellOf(r, c.forecast)),
  };
}

/** Deals of the history report's opportunities that no Opportunities report row describes: built from their latest history row. */
function historyOnlyDeals(history: HistoryRead, emitter: HistoryEmitter, report: OpportunitiesRead | null, keys: OpportunityKeys, built: Built, log: AdapterLog): void {
  const c = history.columns;
  let standIns = 0;
  let firstFile = '';
  for (const [key, k] of history.index) {
    if (report?.byKey.has(key)) continue;
    const latest = latestRow(history, k);
    const cell = (column: Column) => historyCell(history, latest, column);
    const origin = historyOrigin(history, latest);
    const [id, name, created] = [history.ids[k]!, history.names[k]!, history.created[k]!];
    const dealId = keys.dealId(id, name, created);
    const account = cell(c.account);
    if (account === '') standIns++;
    firstFile ||= origin.file;
    built.deals.add(
      {
        deal_id: dealId,
        deal_name: name,
        account_id: account || name || id,
        account_name: account,
        owner: cell(c.owner),
        amount: cell(c.amount),
        currency: cell(c.currency),
        created_at: history.dateTexts.text(created),
        expected_close_at: history.dateTexts.text(cell(c.close)),
        stage: cell(c.to),
      },
      origin,
    );
    if (report) {
      const first = historyOrigin(history, firstRow(history, k));
      const message = `opportunity "${name || id}" has history rows but is not in the Opportunities report (its filters?); the deal is built from its history`;
      log.warn(first.file, first.line, c.name.index === -1 ? c.id.label : c.name.label, 'not_in_report', message);
    }
    emitter.emit(k, dealId, true);
  }
  if (standIns > 0) {
    const what = c.account.index === -1 ? 'the Opportunity History report has no "Account Name" column, so' : `${standIns} opportunit${standIns === 1 ? 'y has' : 'ies have'} no "Account Name";`;
    log.warn(firstFile, 0, c.account.index === -1 ? '' : c.account.label, 'account_stand_in', `${what} each opportunity's name stands in for its account`);
  }
}
