/** CSV output: escaping, headers, the accounts file, one deal's rows, and writing a chunk of rows. */
import type { Account } from './accounts.ts';
import type { Event } from './deal-story.ts';
import type { Change } from './field-changes.ts';
import type { GenState } from './state.ts';
import { fmtDate, fmtDateTime } from './time.ts';
import { type Owner, type Product, STAGE_ID } from './world.ts';

const NEEDS_QUOTES = /[",\r\n]/;
export const esc = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Write the header rows of the three chunked files. */
export function writeHeaders(s: GenState): void {
  s.write('deals.csv', 'deal_id,deal_name,account_id,account_name,owner,team,product,amount,currency,created_at,expected_close_at,closed_at,stage,lost_reason,win_reason,competitor,source,keyman,budget_confirmed,purchase_type,installed_at,lifecycle_months,cost,forecast_category\n');
  s.write('stage_history.csv', 'deal_id,stage,entered_at\n');
  s.write('field_history.csv', 'deal_id,field,old_value,new_value,changed_at\n');
}

/** Write the rows of the current chunk and start a new one. */
export function flushChunk(s: GenState): void {
  // join() gives flat strings: cheap to write and to keep (a += chain would be a rope of small pieces).
  s.write('deals.csv', s.rows.deals.join(''));
  s.write('stage_history.csv', s.rows.history.join(''));
  s.write('field_history.csv', s.rows.fields.join(''));
  s.rows = { deals: [], history: [], fields: [] };
}

export function accountsCsv(accounts: readonly Account[]): string {
  const rows = ['account_id,account_name,industry,segment,region,keyman,relationship,budget_cycle_month,installed_competitor,notes\n'];
  for (const a of accounts) {
    rows.push(`${a.id},${esc(a.name)},${a.industry.name},${a.segment},${a.region},${esc(a.keyman)},${a.relationship},${a.budgetCycleMonth},${esc(a.installedCompetitor)},${esc(a.notes)}\n`);
  }
  return rows.join('');
}

/** The cells of one deals.csv row; `amountCell`, `closedCell` and `stageCell` are already written out. */
export interface DealRow {
  id: string;
  name: string;
  account: Account;
  owner: Owner;
  product: Product;
  amountCell: string;
  usd: boolean;
  created: number;
  expected: number | null;
  closedCell: string;
  stageCell: string;
  lostReason: string;
  winReason: string;
  competitor: string;
  source: string;
  keyman: string;
  budget: string;
  purchaseType: string;
  installedAt: number | null;
  lifecycle: number | null;
  cost: number | null;
  /** forecast_category as written (empty for closed deals). */
  category: string;
}

/** Add a deal's deals.csv row, its stage_history rows and its field_history rows before T to the chunk. */
export function pushDeal(s: GenState, d: DealRow, events: readonly Event[], changes: readonly Change[]): void {
  const { id, account, owner } = d;
  s.rows.deals.push(`${id},${esc(d.name)},${account.id},${esc(account.name)},${owner.name},${owner.team},${d.product.code},${d.amountCell},${d.usd ? 'USD' : 'KRW'},` +
      `${fmtDateTime(d.created)},${d.expected === null ? '' : fmtDate(d.expected)},${d.closedCell},${d.stageCell},${d.lostReason},${d.winReason},${d.competitor},${d.source},` +
      `${esc(d.keyman)},${d.budget},${d.purchaseType},${d.installedAt === null ? '' : fmtDate(d.installedAt)},${d.lifecycle ?? ''},${d.cost ?? ''},${d.category}\n`);
  s.summary.dealRows++;
  for (const e of events) s.rows.history.push(`${id},${STAGE_ID[e.stage]},${fmtDateTime(e.t)}\n`);
  s.summary.stageHistoryRows += events.length;
  for (const c of changes) {
    if (c.t >= s.T) continue;
    s.rows.fields.push(`${id},${c.field},${c.old},${c.new},${fmtDateTime(c.t)}\n`);
    s.summary.fieldHistoryRows++;
  }
}
