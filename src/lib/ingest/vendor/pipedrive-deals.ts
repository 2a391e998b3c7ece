/**
 * One Pipedrive deals export (Deals list view > "Export filter results",
 * columns named `Deal - <field>`) read row by row into SeenDeals.
 *
 * Pipedrive keeps no stage history in its exports: `Deal - Stage` is the
 * stage the deal is (or was last) in, `Deal - Last stage change` when it got
 * there, and `Deal - Status` says open / won / lost / deleted. A won deal
 * keeps its open stage in `Deal - Stage`; its history is that stage from the
 * last stage change (or creation), then the config's won stage at `Deal - Won
 * time` (lost: the config's first lost stage at `Deal - Lost time`).
 */
import type { Issue } from '../../dataset.ts';
import type { Config } from '../config.ts';
import { Invalid, parseInstant } from '../values.ts';
import { cellAt, columnIndex } from './read-table.ts';
import { type DatedStage, lineList, type SeenDeal } from './snapshots.ts';
import type { Origin, VendorRecord, VendorTable } from './types.ts';
import { requireExportColumns } from './required-columns.ts';
import { localeDateCell, readLocaleInstant } from './clock.ts';
import { noteMissingCurrency } from './currency-column.ts';

/** Canonical deals columns and the Pipedrive columns they come from (the first present). */
const SIMPLE_COLUMNS: [canonical: string, ...labels: string[]][] = [
  ['deal_id', 'Deal - ID'],
  ['deal_name', 'Deal - Title'],
  ['owner', 'Deal - Owner'],
  ['amount', 'Deal - Value'],
  ['currency', 'Deal - Currency', 'Deal - Currency of Value'],
  ['created_at', 'Deal - Deal created', 'Deal - Add time', 'Deal - Created'],
  ['expected_close_at', 'Deal - Expected close date'],
  ['stage', 'Deal - Stage'],
  ['lost_reason', 'Deal - Lost reason'],
  ['source', 'Deal - Source channel', 'Deal - Source origin'],
];

const OTHER = {
  status: ['Deal - Status'],
  pipeline: ['Deal - Pipeline'],
  organization: ['Deal - Organization', 'Organization - Name'],
  organizationId: ['Deal - Organization ID', 'Organization - ID'],
  lastStageChange: ['Deal - Last stage change', 'Deal - Stage change time'],
  wonTime: ['Deal - Won time'],
  lostTime: ['Deal - Lost time'],
  closedOn: ['Deal - Deal closed on', 'Deal - Close time', 'Deal - Closed on'],
  updateTime: ['Deal - Update time'],
} as const;

export type PipedriveColumn = keyof typeof OTHER;

export interface PipedriveLayout {
  at: Map<string, number>;
  source: Map<string, string>;
  /** Position and label of the other columns (-1 / first candidate when absent). */
  other: Record<PipedriveColumn, { index: number; label: string }>;
}

export function pipedriveLayout(names: readonly string[]): PipedriveLayout {
  const find = columnIndex(names);
  const at = new Map<string, number>();
  const source = new Map<string, string>();
  for (const [canonical, ...labels] of SIMPLE_COLUMNS) {
    const label = labels.find((l) => find(l) >= 0);
    if (label === undefined) continue;
    at.set(canonical, find(label));
    source.set(canonical, label);
  }
  const other = {} as PipedriveLayout['other'];
  for (const key of Object.keys(OTHER) as PipedriveColumn[]) {
    const label = OTHER[key].find((l) => find(l) >= 0) ?? OTHER[key][0];
    other[key] = { index: find(label), label };
  }
  if (other.organizationId.index >= 0) source.set('account_id', other.organizationId.label);
  else if (other.organization.index >= 0) source.set('account_id', other.organization.label);
  if (other.organization.index >= 0) source.set('account_name', other.organization.label);
  const closeLabel = [other.wonTime, other.lostTime, other.closedOn].find((c) => c.index >= 0)?.label;
  if (closeLabel) source.set('closed_at', closeLabel);
  source.set('removed_at', other.updateTime.label);
  return { at, source, other };
}

export function pipedriveDealColumns(layout: PipedriveLayout, anyDeleted: boolean): string[] {
  const columns = ['deal_id', 'account_id'];
  if (layout.other.organization.index >= 0) columns.push('account_name');
  for (const [canonical] of SIMPLE_COLUMNS) if (canonical !== 'deal_id' && layout.at.has(canonical)) columns.push(canonical);
  if (layout.source.has('closed_at')) columns.push('closed_at');
  if (anyDeleted) columns.push('removed_at');
  return columns;
}

export interface ReadDeals {
  deals: SeenDeal[];
  issues: Issue[];
  dropped: Origin[];
}

const STATUSES = new Set(['open', 'won', 'lost', 'deleted']);

/** Canonical columns holding dates or datetimes, which an export saved by Excel may write with a 12-hour clock. */
const DATE_COLUMNS = new Set(['created_at', 'expected_close_at']);

export function readPipedriveDeals(table: VendorTable, records: readonly VendorRecord[], layout: PipedriveLayout, config: Config): ReadDeals {
  const file = table.file;
  const dateOptions = { timeZone: config.timezone, dateOrder: config.date_order };
  const wonStage = config.wonStage.id;
  const lostStage = config.stages.find((s) => s.kind === 'lost')!.id;
  const issues: Issue[] = [];
  const dropped: Origin[] = [];
  const deals: SeenDeal[] = [];
  const deleted: number[] = [];
  const standIns: number[] = [];
  const { other } = layout;
  noteMissingCurrency(issues, table, layout, 'Deal - Currency', config);
  for (const record of records) {
    const origin = { file, line: record.line };
    const cell = (canonical: string) => cellAt(record, layout.at.get(canonical) ?? -1);
    const otherCell = (key: PipedriveColumn) => cellAt(record, other[key].index);
    const reject = (column: string, code: string, message: string) => {
      issues.push({ ...origin, column, code, severity: 'error', message });
      dropped.push(origin);
    };
    const warn = (column: string, code: string, message: string) => issues.push({ ...origin, column, code, severity: 'warning', message });
    // A date cell as an instant; an unreadable one is reported and left out.
    const dated = (key: PipedriveColumn): { text: string; at: number } | null => {
      const { text, at } = readLocaleInstant(otherCell(key), dateOptions);
      if (text === '') return null;
      if (at instanceof Invalid) {
        warn(other[key].label, at.code, `"${other[key].label}" ${at.reason}; it is not used`);
        return null;
      }
      return { text, at };
    };
    const id = cell('deal_id');
    if (id === '') {
      reject('Deal - ID', 'missing_id', '"Deal - ID" is empty, so the row cannot be told apart from other deals; row rejected');
      continue;
    }
    const status = otherCell('status').toLowerCase();
    if (!STATUSES.has(status)) {
      reject(other.status.label, 'invalid_status', `"${other.status.label}" is "${otherCell('status')}", not one of open, won, lost, deleted; row rejected`);
      continue;
    }
    const openStage = cell('stage');
    if (openStage === '' && (status === 'open' || status === 'deleted')) {
      reject('Deal - Stage', 'missing_stage', `"Deal - Stage" is empty for ${status} deal "${id}", so it cannot be placed in the pipeline; row rejected`);
      continue;
    }
    const cells: Partial<Record<string, string>> = {};
    for (const canonical of layout.at.keys()) cells[canonical] = DATE_COLUMNS.has(canonical) ? localeDateCell(cell(canonical)) : cell(canonical);
    cells.stage = status === 'won' ? wonStage : status === 'lost' ? lostStage : openStage;
    // The close: Won time / Lost time, else "Deal closed on".
    const close = status === 'won' ? (dated('wonTime') ?? dated('closedOn')) : status === 'lost' ? (dated('lostTime') ?? dated('closedOn')) : null;
    if (layout.source.has('closed_at')) cells.closed_at = close?.text ?? '';
    if (status === 'deleted') {
      const when = dated('updateTime');
      if (when === null) {
        reject(other.status.label, 'deleted_undated', `deal "${id}" is deleted, but the export does not say when ("${other.updateTime.label}" is missing or empty); row rejected. Export that column to keep the deal until its deletion`);
        continue;
      }
      cells.removed_at = when.text;
      deleted.push(record.line);
    }
    // The account: the organization's id, else its name, else the deal stands for its own account.
    const organization = otherCell('organization');
    cells.account_id = otherCell('organizationId') || organization;
    if (other.organization.index >= 0) cells.account_name = organization;
    if (cells.account_id === '') {
      cells.account_id = `deal-${id}`;
      standIns.push(record.line);
    }
    const history: DatedStage[] = [];
    if (openStage !== '') {
      // The current visit of the open stage: from the last stage change, else from creation; never after the close.
      const created = cells.created_at ? parseInstant(cells.created_at, dateOptions) : null;
      const candidates = [dated('lastStageChange'), created === null || created instanceof Invalid ? null : { text: cells.created_at!, at: created }];
      const start = candidates.find((c) => c !== null && (close === null || c.at <= close.at));
      if (start) history.push({ stage: openStage, text: start.text, at: start.at, origin });
    }
    if (close !== null) history.push({ stage: cells.stage, text: close.text, at: close.at, origin });
    deals.push({ id, origin, cells, history, deleted: status === 'deleted' });
  }
  if (deleted.length > 0) {
    issues.push({
      file,
      line: 0,
      column: other.status.label,
      code: 'deleted_deals',
      severity: 'warning',
      message: `${deleted.length} deleted deal${deleted.length === 1 ? '' : 's'} (line${deleted.length === 1 ? '' : 's'} ${lineList(deleted)}): each counts until its "${other.updateTime.label}" (Pipedrive's last change of the deal, its deletion) and no longer after`,
    });
  }
  if (standIns.length > 0) {
    issues.push({
      file,
      line: 0,
      column: '',
      code: 'no_company',
      severity: 'warning',
      message: `${standIns.length} deal${standIns.length === 1 ? ' has' : 's have'} no organization (line${standIns.length === 1 ? '' : 's'} ${lineList(standIns)}): each stands for its own account "deal-<Deal - ID>"`,
    });
  }
  if (other.organizationId.index < 0 && other.organization.index >= 0) {
    issues.push({
      file,
      line: 0,
      column: other.organization.label,
      code: 'account_by_name',
      severity: 'warning',
      message: `no organization ID column: deals are grouped into accounts by "${other.organization.label}" (two organizations of the same name become one). Add "Organization - ID" to the export to tell them apart`,
    });
  }
  return { deals, issues, dropped };
}

/**
 * Throws, naming the export's own columns, when `file` lacks one that deals.csv requires (the company is optional: see
 * \`no_company\`), or the status or stage: without the status no row is open, won or lost, and without the stage no open
 * deal can be placed (each row would be rejected as if its cell were empty).
 */
export function requirePipedriveColumns(file: string, layout: PipedriveLayout): void {
  const present = new Map<string, unknown>(layout.at);
  if (layout.other.status.index >= 0) present.set('status', layout.other.status.index);
  requireExportColumns(file, 'Pipedrive deals export', present, ['owner', 'amount', 'created_at', 'stage', 'status'], [...SIMPLE_COLUMNS, ['status', ...OTHER.status]]);
}
