/** The optional files: field_history.csv, accounts.csv, targets.csv. */
import type { Account, FieldChange, Target } from '../dataset.ts';
import { type DealTable, textAt } from '../deal-table.ts';
import { dealReference } from './deals.ts';
import { fieldChange, fieldFastPath, UNTRACKED } from './field-fast-path.ts';
import { UnusedFields } from './unused-fields.ts';
import { UnreadTargetColumns } from './target-columns.ts';
import type { IdLookup } from './id-table.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { fastRowReader } from './coded-row.ts';
import { FIELD_HISTORY_FILE } from './file-names.ts';
import { rowValidator, zodValidator } from './row-validator.ts';
import { warnAmountChangeDoubts, warnThousandsDoubt } from './amount-doubt.ts';
import { accountRow, fieldHistoryRow, type RowContext, TARGET_REQUIRED, targetRow } from './schema.ts';
import { rowReader } from './row-reader.ts';
import { readTable, type Table, type TableOptions, type TableSource } from './table.ts';
import { quoteValue } from './values.ts';
import { WonBackslashes } from './won-backslash.ts';

export const ACCOUNTS_FILE = 'accounts.csv';

/**
 * A CRM's company export, its id the one its deals export gives the deal's company (and the file, under another name
 * beside the deals export, named so: vendor/unread-files.ts). Read as accounts.csv; see ACCOUNT_ALIASES.
 */
export const COMPANY_EXPORTS = [
  { what: 'a HubSpot companies export', id: 'record id', name: 'company name', deal: 'deal stage' },
  { what: 'a Pipedrive organizations export', id: 'organization - id', name: 'organization - name', deal: 'deal - stage' },
] as const;

/**
 * accounts.csv written as a CRM's own company export: HubSpot's companies export (`Record ID`, the id its deals
 * export gives as `Associated Company IDs (Primary)`; `Company name`; `Industry` as is;
 * `State/Region`, the state or province of its address, as region) and Pipedrive's organizations
 * export (`Organization - ID`, the deals export's `Deal - Organization ID`; `Organization - Name`). Read only when the
 * canonical column is missing.
 */
const ACCOUNT_ALIASES = [
  ['account_id', [...COMPANY_EXPORTS.map((c) => c.id), 'company id']],
  ['account_name', [...COMPANY_EXPORTS.map((c) => c.name), 'name']],
  ['industry', ['organization - industry']],
  ['segment', ['organization - segment']],
  ['region', ['state/region']],
] as const;

export const TARGETS_FILE = 'targets.csv';

/**
 * Changes of amount and expected close (aliases close_date, closedate). Rows
 * of other fields are validated and accepted but not kept: the metrics ignore them.
 */
export function readFieldHistory(
  source: TableSource,
  ctx: RowContext,
  deals: DealTable,
  ids: IdLookup,
  rejectedIds: Map<string, number>,
  pipeline: PipelineFilter | null,
  opts: TableOptions,
): { table: Table; changes: FieldChange[] } {
  // Amount values are in the deal's currency, like deals.csv, and converted the same way.
  const def = fieldHistoryRow(ctx, dealReference(ids, rejectedIds), (d: number) => ({ code: textAt(deals.currency, d), fxRate: deals.fxRate[d]! }));
  const columns = Object.keys(def.fields);
  let changes: FieldChange[] = [];
  let backslashes = new WonBackslashes();
  let unused = new UnusedFields();
  const spec = { file: FIELD_HISTORY_FILE, required: columns, known: columns };
  const table = readTable(source, spec, opts, (t) => {
    changes = [];
    backslashes = new WonBackslashes();
    unused = new UnusedFields();
    const fast = fieldFastPath(ctx, (src, s, e) => ids.find(src, s, e), (d) => textAt(deals.currency, d), {
      deal: t.index.deal_id!,
      field: t.index.field!,
      oldValue: t.index.old_value!,
      newValue: t.index.new_value!,
      changedAt: t.index.changed_at!,
    });
    const validate = zodValidator(def, FIELD_HISTORY_FILE, opts.issues);
    const readRow = rowReader(t, columns);
    const iDeal = t.index.deal_id!;
    pipeline?.startFile(FIELD_HISTORY_FILE);
    return (record) => {
      if (opts.rowByRow !== true && fast.check(record)) {
        const { deal, kind } = fast;
        if (kind !== UNTRACKED) changes.push(fieldChange(deal, kind, fast.oldValue, fast.newValue, fast.changedAt, record.line, deals.fxRate[deal]!, fast.dates));
        else unused.see(fast.otherFields[fast.other]!, record.line);
        return true;
      }
      // Counted as accepted here, taken back from the tally once the file is read (`settle`).
      if (pipeline !== null && pipeline.leavesRow(FIELD_HISTORY_FILE, record.cell(iDeal))) return true;
      const cells = readRow(record);
      const row = validate(cells, record.line);
      if (row === null) return false;
      if (row.field === 'amount') {
        warnAmountChangeDoubts(opts.issues, FIELD_HISTORY_FILE, record.line, cells, ctx.numbers.decimal);
        for (const column of ['old_value', 'new_value'] as const) backslashes.see(cells[column] ?? '', record.line, column);
      }
      // The row is the change itself, of one shape for every row: only its line is set here.
      if (row.field !== null) {
        row.line = record.line;
        changes.push(row as FieldChange);
      } else unused.see(cells.field ?? '', record.line);
      return true;
    };
  });
  pipeline?.settle(table);
  backslashes.say(opts.issues, FIELD_HISTORY_FILE);
  unused.say(opts.issues, FIELD_HISTORY_FILE);
  return { table, changes };
}

export function readAccounts(source: TableSource, opts: TableOptions): { table: Table; accounts: Account[] } {
  const def = accountRow();
  const columns = Object.keys(def.fields);
  let accounts: Account[] = [];
  const spec = { file: ACCOUNTS_FILE, required: ['account_id'], known: columns, aliases: ACCOUNT_ALIASES };
  const table = readTable(source, spec, opts, (t) => {
    accounts = [];
    const firstLine = new Map<string, number>();
    // Rows take the fast path over coded columns (industry, segment, region repeat); only a row
    // it refuses is made into an object of cells, for zod to decide and explain.
    const fast = fastRowReader(def, columns.map((c) => t.index[c]!), opts.rowByRow, { transient: true });
    const validate = zodValidator(def, ACCOUNTS_FILE, opts.issues);
    const readRow = rowReader(t, columns);
    const iId = t.index.account_id!;
    return (record) => {
      const line = record.line;
      const id = record.cell(iId);
      const first = firstLine.get(id);
      if (first !== undefined) {
        opts.issues.error(ACCOUNTS_FILE, line, 'account_id', 'duplicate_id', `account_id ${quoteValue(id)} already appears on line ${first}; this later row is rejected`);
        return false;
      }
      if (id !== '') firstLine.set(id, line);
      const r = fast(record) ?? validate(readRow(record), line);
      if (r === null) return false;
      accounts.push({
        accountId: r.account_id,
        accountName: r.account_name,
        industry: r.industry,
        segment: r.segment,
        region: r.region,
        keyman: r.keyman,
        relationship: r.relationship,
        budgetCycleMonth: r.budget_cycle_month,
        installedCompetitor: r.installed_competitor,
        notes: r.notes,
        line,
      });
      return true;
    };
  });
  return { table, accounts };
}

export function readTargets(source: TableSource, ctx: RowContext, opts: TableOptions): { table: Table; targets: Target[] } {
  const def = targetRow(ctx);
  const columns = Object.keys(def.fields);
  let targets: Target[] = [];
  let backslashes = new WonBackslashes();
  let unread = null as UnreadTargetColumns | null;
  const spec = { file: TARGETS_FILE, required: TARGET_REQUIRED, known: columns };
  const table = readTable(source, spec, opts, (t) => {
    targets = [];
    backslashes = new WonBackslashes();
    const columnsUnread = (unread = new UnreadTargetColumns(t, opts.issues));
    const firstLine = new Map<string, number>();
    const validate = rowValidator(def, TARGETS_FILE, opts.issues, opts.rowByRow);
    const readRow = rowReader(t, columns);
    return (record) => {
      columnsUnread.see(record);
      const line = record.line;
      const cells = readRow(record);
      const r = validate(cells, line);
      if (r === null) return false;
      const key = JSON.stringify([r.period, r.owner, r.team]);
      const first = firstLine.get(key);
      if (first !== undefined) {
        const who = r.owner || r.team ? `owner ${quoteValue(r.owner)} and team ${quoteValue(r.team)}` : 'the whole company';
        opts.issues.error(TARGETS_FILE, line, 'period', 'duplicate_target', `a target for ${r.period} and ${who} already appears on line ${first}; this later row is rejected`);
        return false;
      }
      firstLine.set(key, line);
      warnThousandsDoubt(opts.issues, TARGETS_FILE, line, 'target_amount', cells.target_amount ?? '', ctx.numbers.decimal);
      backslashes.see(cells.target_amount ?? '', line, 'target_amount');
      targets.push({ period: r.period, owner: r.owner, team: r.team, targetAmount: r.target_amount, line });
      return true;
    };
  });
  backslashes.say(opts.issues, TARGETS_FILE);
  unread?.say(opts.issues);
  return { table, targets };
}
