/**
 * Vendor adapters (input.md "Vendor exports"): each turns the files a CRM
 * exports, unchanged, into the canonical tables, row by row, remembering
 * which vendor file and line every canonical row came from. The canonical
 * tables then go through the very same validation as a canonical folder
 * (assemble.ts), so every rule of input.md holds, and every issue is
 * reported against the vendor file and line the user can open.
 */
import type { Config } from '../config.ts';
import type { Issue } from '../../dataset.ts';
import type { LocalDate } from '../../time.ts';

/** One CSV record of a vendor file: its first physical line and trimmed cells. */
export interface VendorRecord {
  line: number;
  cells: string[];
}

/** A vendor file read whole: header names (trimmed, lower-cased) and its non-blank records. */
export interface VendorTable {
  /** The file's path relative to the data folder, as the user named it. */
  file: string;
  names: string[];
  headerLine: number;
  /** Records that parsed (malformed ones are already rejected and reported). */
  records: VendorRecord[];
  /** Records in the file, and how many were rejected while parsing. */
  rows: number;
  malformed: number;
  /** Lines above the header that were a report's title, not rows (read-table.ts); already reported. */
  preamble: VendorRecord[];
}

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

/** A canonical table being built: rows of cells under `columns`, each with its origin. */
export class CanonicalTable {
  readonly rows: string[][] = [];
  readonly origins: Origin[] = [];
  /** Canonical column name to the vendor column it was read from, for messages. */
  readonly sourceColumns = new Map<string, string>();

  readonly columns: readonly string[];

  /** Only columns the vendor file really has: a present column means the data is known (e.g. `keyman`). */
  constructor(columns: readonly string[]) {
    this.columns = columns;
  }

  /** Add a row; `cells` maps canonical column names (absent = empty). */
  add(cells: Partial<Record<string, string>>, origin: Origin): void {
    this.rows.push(this.columns.map((c) => cells[c] ?? ''));
    this.origins.push(origin);
  }

  /** Add a row given in `columns` order (the fast path for large files). */
  addCells(cells: string[], origin: Origin): void {
    this.rows.push(cells);
    this.origins.push(origin);
  }
}

/**
 * What the dashboard must know about data a format cannot give, so a page
 * says what is missing instead of showing a misleading zero.
 */
export type Limitation =
  /** Only the current stage visit is known (Pipedrive's deals export): conversion, time in stage, lost-at-stage and past replays are unavailable. */
  | 'current_visit_only'
  /** Stage history comes from comparing periodic exports: a move is dated by the export that first shows it. */
  | 'history_from_snapshots';

export interface AdapterOutput {
  tables: Partial<Record<CanonicalName, CanonicalTable>>;
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
}
