/**
 * The Data Loader's User and Account files: lookups that turn the ids the
 * Opportunity file holds (OwnerId, AccountId) into names, and the accounts
 * into canonical accounts.csv rows (name, industry and region).
 */
import { columnIndex } from './read-table.ts';
import { type AdapterLog, cellOf, type Column, findColumn, isChecked } from './salesforce-common.ts';
import { CanonicalTable, type VendorTable } from './types.ts';

/** User Id to the name shown as owner: `FirstName LastName`, else `Name`. */
export function readUsers(tables: readonly VendorTable[], log: AdapterLog): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of tables) {
    const find = columnIndex(table.names);
    const id = findColumn(find, 'Id');
    const first = findColumn(find, 'FirstName');
    const last = findColumn(find, 'LastName');
    const name = findColumn(find, 'Name');
    const deleted = findColumn(find, 'IsDeleted');
    for (const record of table.records) {
      if (isChecked(cellOf(record, deleted))) {
        log.drop(table.file, record.line, deleted.label, 'deleted_record', 'IsDeleted is true (the record is in the Recycle Bin); not used', 'warning');
        continue;
      }
      const full = `${cellOf(record, first)} ${cellOf(record, last)}`.trim();
      names.set(cellOf(record, id), full || cellOf(record, name));
    }
  }
  return names;
}

export interface Accounts {
  names: Map<string, string>;
  /** accounts.csv (account_id, account_name, and industry and region when exported); null without an Account file. */
  table: CanonicalTable | null;
}

export function readAccounts(tables: readonly VendorTable[], log: AdapterLog): Accounts {
  const names = new Map<string, string>();
  if (tables.length === 0) return { names, table: null };
  const exported = (field: string) => tables.some((t) => t.names.includes(field.toLowerCase()));
  // Salesforce has no region field: the billing state (as HubSpot's State/Region is read), else the billing country.
  const regionField = exported('BillingState') ? 'BillingState' : exported('BillingCountry') ? 'BillingCountry' : null;
  const table = new CanonicalTable(['account_id', 'account_name', ...(exported('Industry') ? ['industry'] : []), ...(regionField ? ['region'] : [])]);
  table.sourceColumns.set('account_id', 'Id').set('account_name', 'Name').set('industry', 'Industry');
  if (regionField) table.sourceColumns.set('region', regionField);
  for (const vendor of tables) {
    const find = columnIndex(vendor.names);
    const id: Column = findColumn(find, 'Id');
    const name = findColumn(find, 'Name');
    const industry = findColumn(find, 'Industry');
    const region = findColumn(find, ...(regionField ? [regionField] : []));
    const deleted = findColumn(find, 'IsDeleted');
    for (const record of vendor.records) {
      if (isChecked(cellOf(record, deleted))) {
        log.drop(vendor.file, record.line, deleted.label, 'deleted_record', 'IsDeleted is true (the account is in the Recycle Bin); not used', 'warning');
        continue;
      }
      const accountId = cellOf(record, id);
      names.set(accountId, cellOf(record, name));
      table.add({ account_id: accountId, account_name: cellOf(record, name), industry: cellOf(record, industry), region: cellOf(record, region) }, { file: vendor.file, line: record.line });
    }
  }
  return { names, table };
}
