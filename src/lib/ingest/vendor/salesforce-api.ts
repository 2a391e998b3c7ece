/**
 * Salesforce objects exported with Data Loader (or any SOQL export with API
 * field names as headers): Opportunity.csv (the deals), OpportunityHistory.csv
 * and OpportunityFieldHistory.csv (their history), and optionally Account.csv
 * and User.csv to show names instead of ids. Files are recognised by their
 * header (API names, compared ignoring case: Data Loader writes them upper-case).
 * Timestamps are GMT (`2025-06-30T14:03:11.000Z` or `...+0000`), read as such.
 */
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { IngestFatalError } from '../issues.ts';
import { columnIndex } from './read-table.ts';
import { emitApiHistory } from './salesforce-api-history.ts';
import { readAccounts, readUsers } from './salesforce-api-lookups.ts';
import { AdapterLog, cellOf, type Column, findColumn, forecastCategoryCell, isChecked, noteReportWithoutCurrency } from './salesforce-common.ts';
import { type Adapter, type AdapterOutput, CanonicalTable, StageHistoryTable, type VendorFile, type VendorTable } from './types.ts';
import { gmtTimestampCell } from './clock.ts';
import { javaDecimal } from './java-decimal.ts';

const ACCOUNT_FIELDS = ['industry', 'accountnumber', 'billingcountry', 'billingcity', 'billingstate', 'website', 'annualrevenue', 'numberofemployees', 'parentid', 'accountsource'];

const tablesOf = (files: ReadonlyMap<string, VendorFile[]>, role: string) => (files.get(role) ?? []).map((f) => f.table);

export const salesforceApi: Adapter = {
  format: 'salesforce-api',
  name: 'Salesforce Data Loader exports',
  role(names) {
    const has = (n: string) => names.includes(n);
    if (has('opportunityid') && has('field') && (has('newvalue') || has('oldvalue'))) return 'field_history';
    if (has('opportunityid') && has('stagename') && has('createddate')) return 'opportunity_history';
    if (has('id') && has('stagename') && has('name')) return 'opportunity';
    if (has('id') && (has('username') || (has('firstname') && has('lastname') && !has('accountid') && !has('company')))) return 'user';
    if (has('id') && has('name') && ACCOUNT_FIELDS.some(has)) return 'account';
    return null;
  },
  adapt(files, { config, pipeline }) {
    const output: AdapterOutput = { tables: {}, issues: [], dropped: [], notRows: [], limitations: [] };
    const log = new AdapterLog(config, output);
    const opportunities = tablesOf(files, 'opportunity');
    if (opportunities.length === 0) {
      const found = [...files.values()].flat().map((f) => f.table.file).join(', ');
      throw new IngestFatalError('opportunity_file_missing', found, `${found}: Salesforce Data Loader exports need Opportunity.csv (the Opportunity object: Id, Name, StageName, Amount, CloseDate, CreatedDate, OwnerId, AccountId, ...)`);
    }
    if (pipeline !== undefined) log.warn(opportunities[0]!.file, 0, '', 'no_pipelines', `Salesforce has no pipelines; --pipeline "${pipeline}" is ignored (export the opportunities you want)`);
    const users = readUsers(tablesOf(files, 'user'), log);
    const accounts = readAccounts(tablesOf(files, 'account'), log);
    const deals = readOpportunities(opportunities, { users, accounts: accounts.names, usersGiven: files.has('user'), accountsGiven: files.has('account') }, log);
    const history = tablesOf(files, 'opportunity_history');
    const fieldHistory = tablesOf(files, 'field_history');
    const stages = new StageHistoryTable();
    const fields = new CanonicalTable(['deal_id', 'field', 'old_value', 'new_value', 'changed_at']);
    stages.sourceColumns.set('deal_id', 'OpportunityId').set('stage', 'StageName').set('entered_at', 'CreatedDate');
    fields.sourceColumns.set('deal_id', 'OpportunityId').set('field', 'Field').set('changed_at', 'CreatedDate');
    emitApiHistory({ history, fieldHistory, deleted: deals.deleted, created: deals.created, current: deals.stages }, { stages, fields }, log);
    output.tables['deals.csv'] = deals.table;
    output.tables['stage_history.csv'] = stages;
    if (fields.length > 0 || history.some((t) => t.names.includes('amount') || t.names.includes('closedate')) || fieldHistory.length > 0) {
      output.tables['field_history.csv'] = fields;
    }
    if (accounts.table) output.tables['accounts.csv'] = accounts.table;
    if (history.length === 0 && fieldHistory.length === 0) {
      output.limitations.push('current_visit_only');
      const message = "no OpportunityHistory.csv: only each deal's current stage is known (export OpportunityHistory for conversion, time in stage and past replays)";
      log.warn(opportunities[0]!.file, 0, '', 'no_history', message);
    }
    return output;
  },
};

interface Lookups {
  users: Map<string, string>;
  accounts: Map<string, string>;
  usersGiven: boolean;
  accountsGiven: boolean;
}

interface OpportunitiesRead {
  table: CanonicalTable;
  deleted: Set<string>;
  created: Map<string, string>;
  /** Opportunity Id to its StageName cell: the stage it is in. */
  stages: Map<string, string>;
}

function opportunityColumns(table: VendorTable) {
  const find = columnIndex(table.names);
  return {
    id: findColumn(find, 'Id'),
    name: findColumn(find, 'Name'),
    accountId: findColumn(find, 'AccountId'),
    accountName: findColumn(find, 'Account.Name'),
    ownerId: findColumn(find, 'OwnerId'),
    ownerName: findColumn(find, 'Owner.Name'),
    stage: findColumn(find, 'StageName'),
    amount: findColumn(find, 'Amount'),
    currency: findColumn(find, 'CurrencyIsoCode'),
    close: findColumn(find, 'CloseDate'),
    created: findColumn(find, 'CreatedDate'),
    forecast: findColumn(find, 'ForecastCategoryName', 'ForecastCategory'),
    source: findColumn(find, 'LeadSource'),
    lostReason: findColumn(find, 'Loss_Reason__c', 'Lost_Reason__c', 'Reason_Lost__c', 'Closed_Lost_Reason__c'),
    competitor: findColumn(find, 'Main_Competitors__c', 'Competitor__c'),
    deleted: findColumn(find, 'IsDeleted'),
  };
}

type OpportunityColumns = ReturnType<typeof opportunityColumns>;

function dealColumns(c: OpportunityColumns, lookups: Lookups): string[] {
  const has = (col: Column) => col.index !== -1;
  const columns = ['deal_id', 'deal_name', 'account_id'];
  if (lookups.accountsGiven || has(c.accountName)) columns.push('account_name');
  columns.push('owner', 'amount');
  if (has(c.currency)) columns.push('currency');
  columns.push('created_at');
  if (has(c.close)) columns.push('expected_close_at', 'closed_at');
  columns.push('stage');
  if (has(c.lostReason)) columns.push('lost_reason');
  if (has(c.competitor)) columns.push('competitor');
  if (has(c.source)) columns.push('source');
  if (has(c.forecast)) columns.push('forecast_category');
  return columns;
}

function readOpportunities(tables: readonly VendorTable[], lookups: Lookups, log: AdapterLog): OpportunitiesRead {
  const c = opportunityColumns(tables[0]!);
  const missing = (['id', 'stage', 'created', 'amount'] as const).filter((k) => c[k].index === -1).map((k) => c[k].label);
  if (c.ownerId.index === -1 && c.ownerName.index === -1) missing.push('OwnerId');
  if (missing.length > 0) {
    const file = tables[0]!.file;
    throw new IngestFatalError('export_lacks_columns', file, `${file}: the Opportunity export lacks ${missing.join(', ')}; add ${missing.length > 1 ? 'them' : 'it'} to the export and run it again`);
  }
  const table = new CanonicalTable(dealColumns(c, lookups));
  const sources: [string, Column][] = [['deal_id', c.id], ['deal_name', c.name], ['account_id', c.accountId], ['owner', c.ownerId], ['amount', c.amount], ['currency', c.currency],
    ['created_at', c.created], ['expected_close_at', c.close], ['closed_at', c.close], ['stage', c.stage], ['lost_reason', c.lostReason], ['competitor', c.competitor], ['source', c.source], ['forecast_category', c.forecast]];
  for (const [canonical, column] of sources) if (column.index !== -1) table.sourceColumns.set(canonical, column.label);
  const kinds = stageLookup(log.config);
  const deleted = new Set<string>();
  const created = new Map<string, string>();
  const stages = new Map<string, string>();
  const unknownOwners = new Set<string>();
  const unknownAccounts = new Set<string>();
  let noAccount = 0;
  for (const vendor of tables) {
    const v = opportunityColumns(vendor);
    noteReportWithoutCurrency(log, vendor, v, 'CurrencyIsoCode');
    for (const record of vendor.records) {
      const id = cellOf(record, v.id);
      if (isChecked(cellOf(record, v.deleted))) {
        deleted.add(id);
        log.drop(vendor.file, record.line, v.deleted.label, 'deleted_record', 'IsDeleted is true (the opportunity is in the Recycle Bin); it and its history are not used', 'warning');
        continue;
      }
      const ownerId = cellOf(record, v.ownerId);
      const owner = lookups.users.get(ownerId) || cellOf(record, v.ownerName) || ownerId;
      if (owner === ownerId && ownerId !== '' && lookups.usersGiven) unknownOwners.add(ownerId);
      const accountId = cellOf(record, v.accountId);
      if (accountId === '') noAccount++;
      else if (lookups.accountsGiven && !lookups.accounts.has(accountId)) unknownAccounts.add(accountId);
      const stage = cellOf(record, v.stage);
      const close = cellOf(record, v.close);
      const createdAt = gmtTimestampCell(cellOf(record, v.created));
      created.set(id, createdAt);
      stages.set(id, stage);
      table.add(
        {
          deal_id: id,
          deal_name: cellOf(record, v.name),
          // A private opportunity has no account: its own id stands in.
          account_id: accountId || id,
          account_name: lookups.accounts.get(accountId) ?? cellOf(record, v.accountName),
          owner,
          amount: javaDecimal(cellOf(record, v.amount)),
          currency: cellOf(record, v.currency),
          created_at: createdAt,
          expected_close_at: close,
          // A closed opportunity's CloseDate is the day it closed (used when it has no history rows).
          closed_at: (kinds.get(normalizeStageName(stage))?.kind ?? 'open') === 'open' ? '' : close,
          stage,
          lost_reason: cellOf(record, v.lostReason),
          competitor: cellOf(record, v.competitor),
          source: cellOf(record, v.source),
          forecast_category: forecastCategoryCell(cellOf(record, v.forecast)),
        },
        { file: vendor.file, line: record.line },
      );
    }
  }
  const file = tables[0]!.file;
  if (!lookups.usersGiven && c.ownerName.index === -1) {
    log.warn(file, 0, c.ownerId.label, 'owner_ids', 'owners are shown as Salesforce user ids: add User.csv (Id, FirstName, LastName) to the folder for their names');
  } else if (unknownOwners.size > 0) {
    log.warn(file, 0, c.ownerId.label, 'unknown_owner', `${unknownOwners.size} OwnerId value(s) are not in User.csv and are shown as ids: ${[...unknownOwners].slice(0, 5).join(', ')}`);
  }
  if (unknownAccounts.size > 0) {
    log.warn(file, 0, c.accountId.label, 'unknown_account', `${unknownAccounts.size} AccountId value(s) are not in Account.csv and have no name: ${[...unknownAccounts].slice(0, 5).join(', ')}`);
  }
  if (noAccount > 0) {
    log.warn(file, 0, c.accountId.label, 'account_stand_in', `${noAccount} opportunit${noAccount === 1 ? 'y has' : 'ies have'} no AccountId (private opportunities); each one's own Id stands in for its account`);
  }
  return { table, deleted, created, stages };
}
