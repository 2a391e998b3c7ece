/**
 * The Salesforce "Opportunities" report: one row per opportunity as it is
 * today (account, owner, stage, amount, close date, lead source, forecast
 * category, ...). Its rows are the deals; the Opportunity History report
 * joins to them by Opportunity ID, or by name and created date.
 */
import { IngestFatalError } from '../issues.ts';
import { columnIndex } from './read-table.ts';
import { type AdapterLog, amountColumns, cellOf, checkReportCount, type Column, findColumn, reportFooter, sameLayout, skipFooter } from './salesforce-common.ts';
import type { OpportunityKeys } from './salesforce-report-keys.ts';
import type { VendorRecord, VendorTable } from './types.ts';
import { localeDateCell } from './clock.ts';

export interface OpportunityColumns {
  id: Column;
  name: Column;
  account: Column;
  owner: Column;
  stage: Column;
  amount: Column;
  currency: Column;
  close: Column;
  created: Column;
  source: Column;
  lostReason: Column;
  winReason: Column;
  competitor: Column;
  forecast: Column;
}

export function opportunityColumns(names: readonly string[]): OpportunityColumns {
  const find = columnIndex(names);
  // With multi-currency, reports add the currency of Amount as its own column (or carry Amount (converted) and its currency).
  const { amount, currency } = amountColumns(find);
  return {
    id: findColumn(find, 'Opportunity ID', 'Opportunity ID (18)', 'Deal ID'),
    name: findColumn(find, 'Opportunity Name', 'Deal Name'),
    account: findColumn(find, 'Account Name'),
    owner: findColumn(find, 'Opportunity Owner', 'Owner', 'Deal Owner', 'Owner Name'),
    stage: findColumn(find, 'Stage'),
    amount,
    currency,
    close: findColumn(find, 'Close Date'),
    created: findColumn(find, 'Created Date'),
    source: findColumn(find, 'Lead Source'),
    lostReason: findColumn(find, 'Loss Reason', 'Lost Reason', 'Closed Lost Reason', 'Reason Lost'),
    winReason: findColumn(find, 'Win Reason', 'Won Reason', 'Closed Won Reason'),
    competitor: findColumn(find, 'Main Competitor(s)', 'Main Competitors', 'Competitor'),
    forecast: findColumn(find, 'Forecast Category', 'Forecast Category Name'),
  };
}

export interface OpportunityRow {
  record: VendorRecord;
  file: string;
  key: string;
}

export interface OpportunitiesRead {
  columns: OpportunityColumns;
  rows: OpportunityRow[];
  /** The first row of each key (a later duplicate stays in `rows` and is rejected as a duplicate deal_id). */
  byKey: Map<string, OpportunityRow>;
}

const REQUIRED: readonly (keyof OpportunityColumns)[] = ['owner', 'stage', 'amount', 'created'];

export function readOpportunityReports(tables: readonly VendorTable[], keys: OpportunityKeys, log: AdapterLog): OpportunitiesRead | null {
  if (tables.length === 0) return null;
  sameLayout(tables, 'Opportunities report');
  const columns = opportunityColumns(tables[0]!.names);
  const rows: OpportunityRow[] = [];
  const byKey = new Map<string, OpportunityRow>();
  for (const table of tables) {
    const { file } = table;
    const c = columns;
    const missing = REQUIRED.filter((k) => c[k].index === -1).map((k) => `"${c[k].label}"`);
    if (c.name.index === -1 && c.id.index === -1) missing.unshift('"Opportunity Name"');
    if (missing.length > 0) {
      throw new IngestFatalError('export_lacks_columns', file, `${file}: the Opportunities report lacks ${missing.join(', ')}; add ${missing.length > 1 ? 'them' : 'it'} to the report and export again`);
    }
    const end = reportFooter(table);
    skipFooter(table, end, log.notRows, (line, message) => log.warn(file, line, '', 'report_footer', message));
    checkReportCount(table, end, (line, message) => log.warn(file, line, '', 'report_count_differs', message));
    for (let r = 0; r < end; r++) {
      const record = table.records[r]!;
      const name = cellOf(record, c.name);
      const id = cellOf(record, c.id);
      if (name === '' && id === '') {
        log.drop(file, record.line, c.name.label, 'missing_opportunity', 'the row names no opportunity; row skipped');
        continue;
      }
      const row = { record, file, key: keys.key(id, name, localeDateCell(cellOf(record, c.created))) };
      rows.push(row);
      if (!byKey.has(row.key)) byKey.set(row.key, row);
    }
  }
  return { columns, rows, byKey };
}
