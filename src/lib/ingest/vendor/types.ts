/**
 * Vendor adapters (input.md "Vendor exports"): each turns the files a CRM
 * exports, unchanged, into the canonical tables, row by row, remembering
 * which vendor file and line every canonical row came from. The canonical
 * tables then go through the very same validation as a canonical folder
 * (assemble.ts), so every rule of input.md holds, and every issue is
 * reported against the vendor file and line the user can open.
 */
import type { NO_RECORD_IDS } from '../../dataset.ts';
import type { Config } from '../config.ts';
import type { ByteSource } from '../decode.ts';
import type { Issue } from '../../dataset.ts';
import type { LocalDate } from '../../time.ts';

/** One CSV record of a vendor file: its first physical line and trimmed cells. */
export interface VendorRecord {
  line: number;
  cells: string[];
}

export { VendorTable } from './vendor-table.ts';
import type { VendorTable } from './vendor-table.ts';
export { type CanonicalRows, CanonicalTable } from './canonical-table.ts';
import type { CanonicalTable } from './canonical-table.ts';
import type { StageHistoryTable } from './stage-history-table.ts';
export { StageHistoryTable } from './stage-history-table.ts';

/** A vendor table and, for a series of periodic exports, the date of its export. */
export interface VendorFile {
  table: VendorTable;
  /** From a `YYYY-MM-DD` in the file name or a dated subfolder; null when undated. */
  snapshotDate: LocalDate | null;
}

/** Where a canonical row came from. */
export interface Origin {
  file: string;
  line: number;
}

export const CANONICAL_FILES = ['deals.csv', 'stage_history.csv', 'field_history.csv', 'accounts.csv', 'targets.csv'] as const;
export type CanonicalName = (typeof CANONICAL_FILES)[number];

/**
 * The canonical files read at the top of an exports folder (docs/input.md), as a canonical folder reads them:
 * no CRM exports its quotas with the deals (targets.csv), nor the planning facts of an account, its keyman or
 * budget cycle (accounts.csv). Owners, teams and account ids are written as the export writes them.
 */
export const BESIDE_EXPORTS = ['accounts.csv', 'targets.csv'] as const satisfies readonly CanonicalName[];
export type BesideName = (typeof BESIDE_EXPORTS)[number];
export const isBesideName = (name: string): name is BesideName => (BESIDE_EXPORTS as readonly string[]).includes(name);

/** A canonical file read beside the exports (BESIDE_EXPORTS): its name there, its canonical name and its bytes. */
export interface BesideFile {
  name: BesideName;
  path: string;
  source: ByteSource;
}

/**
 * What the dashboard must know about data a format cannot give, so a page
 * says what is missing instead of showing a misleading zero.
 */
export type Limitation =
  /** Only the current stage visit is known (Pipedrive's deals export): conversion, time in stage, lost-at-stage and past replays are unavailable. */
  | 'current_visit_only'
  /** Stage history comes from comparing periodic exports: a move is dated by the export that first shows it. */
  | 'history_from_snapshots'
  /** Deal ids are not the CRM's record ids (a Salesforce report without Opportunity ID): no deal links to its CRM page (dataset.ts NO_RECORD_IDS). */
  | typeof NO_RECORD_IDS;

export interface AdapterOutput {
  /** Stage history as codes (stage-history-table.ts); the others as cells. */
  tables: Partial<Record<Exclude<CanonicalName, 'stage_history.csv'>, CanonicalTable>> & { 'stage_history.csv'?: StageHistoryTable };
  /** The adapter's own findings (footers skipped, deleted rows dropped, ...), against vendor files and lines. */
  issues: Issue[];
  /** Vendor records deliberately not used (counted as rejected); each must have an issue saying why. */
  dropped: Origin[];
  /** Records that are not data rows at all (a report's footer lines); each must be reported. */
  notRows: Origin[];
  limitations: Limitation[];
}

export interface AdaptOptions {
  config: Config;
  /** `--pipeline`: which CRM pipeline to read when an export holds several. */
  pipeline?: string | undefined;
}

export type VendorFormat = 'salesforce-report' | 'salesforce-api' | 'hubspot' | 'pipedrive';

export interface Adapter {
  format: VendorFormat;
  /** Human name, for messages: "Salesforce reports". */
  name: string;
  /**
   * The role a file plays in this format, from its lower-cased header names
   * ("history", "opportunities", "accounts", ...); null when the file is not of this format.
   */
  role(names: readonly string[]): string | null;
  adapt(files: ReadonlyMap<string, VendorFile[]>, options: AdaptOptions): AdapterOutput;
  /**
   * The columns `adapt` reads of a file in `role` (positions in `names`), so
   * a large export keeps only those; absent or null: every column.
   */
  columns?(role: string, names: readonly string[]): number[] | null;
  /** How each kind of file is recognised, to say what a file that nearly is one lacks (load.ts `nearMiss`). */
  signatures?: readonly Signature[];
  /** Whether its exports hold pipelines `--pipeline` chooses among (pipeline-choice.ts); else `--pipeline` is refused. */
  pipelines?: true;
}

/**
 * A kind of vendor file: columns only it has (`marks`), and the columns
 * `role` needs (each an any-of list), as the CRM writes them.
 */
export interface Signature {
  what: string;
  marks: readonly string[];
  needs: readonly (readonly string[])[];
}
