/**
 * The Dataset: what ingest hands to the model. Values are already parsed and
 * validated; instants are epoch ms, calendar dates `YYYY-MM-DD`, amounts are
 * converted into config `currency`. Stage history is columnar because it is
 * the large file (a million rows is normal).
 */
import type { LocalDate } from './time.ts';

export const FORECAST_CATEGORIES = ['commit', 'best_case', 'pipeline', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export type Severity = 'error' | 'warning';

/** One data-quality finding. `line` is the record's first physical line (1-based). */
export interface Issue {
  file: string;
  line: number;
  column: string;
  code: string;
  severity: Severity;
  message: string;
}

export interface FileStats {
  rows: number;
  accepted: number;
  rejected: number;
}

export interface Deal {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  owner: string;
  team: string;
  product: string;
  /** Amount today in config currency; null = unknown (counts as 0). */
  amount: number | null;
  /** The deal's own currency and its rate into config currency (1 when the same). */
  currency: string;
  fxRate: number;
  createdAt: number;
  expectedCloseAt: LocalDate | null;
  closedAt: number | null;
  /** When the deal was deleted from the CRM (input.md `removed_at`); from then on it does not exist. */
  removedAt: number | null;
  /** Config index of the deals.csv stage. */
  stage: number;
  lostReason: string;
  winReason: string;
  competitor: string;
  source: string;
  keyman: string;
  budgetConfirmed: boolean;
  /** input.md `forecast_category`; null = none (empty, unreadable, or no such column). */
  forecastCategory: ForecastCategory | null;
  purchaseType: string;
  installedAt: number | null;
  lifecycleMonths: number | null;
  cost: number | null;
  /** 1-based line in deals.csv. */
  line: number;
}

/** Stage history, one entry per accepted row, in file order. */
export interface StageHistory {
  /** Index into Dataset.deals. */
  deal: Int32Array;
  /** Config stage index. */
  stage: Int32Array;
  enteredAt: Float64Array;
  length: number;
}

export type TrackedField = 'amount' | 'expected_close_at';

export interface FieldChange {
  deal: number;
  field: TrackedField;
  /** amount: number in config currency; expected_close_at: LocalDate; null = no value. */
  oldValue: number | LocalDate | null;
  newValue: number | LocalDate | null;
  changedAt: number;
  line: number;
}

export interface Account {
  accountId: string;
  accountName: string;
  industry: string;
  segment: string;
  region: string;
  keyman: string;
  relationship: '' | 'friendly' | 'neutral' | 'hostile';
  budgetCycleMonth: number | null;
  installedCompetitor: string;
  notes: string;
  line: number;
}

/** An account known by its id alone, every planning fact empty (a caller sets the ones it has). */
export function blankAccount(accountId: string): Account {
  return { accountId, accountName: '', industry: '', segment: '', region: '', keyman: '', relationship: '', budgetCycleMonth: null, installedCompetitor: '', notes: '', line: 0 };
}

export interface Target {
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  owner: string;
  team: string;
  targetAmount: number;
  line: number;
}

/** Which export the data came from, and what that kind of export cannot tell (vendor/types.ts). */
export interface DataSource {
  /** 'canonical', or the vendor adapter's format ('salesforce-report', 'hubspot', ...). */
  format: string;
  /** e.g. 'current_visit_only' (no full stage history), 'history_from_snapshots', NO_RECORD_IDS. */
  limitations: string[];
}

export interface Dataset {
  source: DataSource;
  deals: Deal[];
  stageHistory: StageHistory;
  /** null when field_history.csv is absent. */
  fieldHistory: FieldChange[] | null;
  accounts: Account[] | null;
  targets: Target[] | null;
  /** Lower-cased column names present per file, e.g. columns['deals.csv'].has('keyman'). */
  columns: Record<string, Set<string>>;
  /** sha256 hex of each input file (CSV files and the config), by file name. */
  fileHashes: Record<string, string>;
  /** Per CSV file present. */
  files: Record<string, FileStats>;
  issues: Issue[];
  /**
   * The files the deals were read from, among `files`: a CRM's export under the name it has
   * (`hubspot-crm-exports-all-deals-2025-06-30.csv`); absent: deals.csv.
   */
  dealFiles?: string[];
}

/** A limitation of an export whose deal ids are not the CRM's record ids (a Salesforce report without Opportunity ID): deals link to no CRM page. */
export const NO_RECORD_IDS = 'no_record_ids';
