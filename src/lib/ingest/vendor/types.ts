/**
 * Vendor adapters (input.md "Vendor exports"): each turns the files a CRM
 * exports, unchanged, into the canonical tables, row by row, remembering
 * which vendor file and line every canonical row came from. The canonical
 * tables then go through the very same validation as a canonical folder
 * (assemble.ts), so every rule of input.md holds, and every issue is
 * reported against the vendor file and line the user can open.
 */
import { grown } from '../grown.ts';
import type { Config } from '../config.ts';
import type { Issue } from '../../dataset.ts';
import type { LocalDate } from '../../time.ts';

/** One CSV record of a vendor file: its first physical line and trimmed cells. */
export interface VendorRecord {
  line: number;
  cells: string[];
}

export { VendorTable } from './vendor-table.ts';
import type { VendorTable } from './vendor-table.ts';

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
 * A canonical table being built: cells under `columns`, each row with its
 * origin. Kept flat (one array of cells, origins as file numbers and lines):
 * a history report makes a million rows, and an array and an object per row
 * were a third of the adapter's time in garbage collection.
 */
export class CanonicalTable {
  /** Row `i`'s cell `c` is `cells[i * width + c]` (past `length * width`: unused room). */
  readonly cells: string[];
  readonly width: number;
  length = 0;
  private readonly originFiles: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  /** Per row, its file's number in `originFiles` and its line (typed: a million pushes onto plain arrays cost their copies). */
  private originFile: Int32Array;
  private originLine: Int32Array;
  private lastFile = 0;
  /** Canonical column name to the vendor column it was read from, for messages. */
  readonly sourceColumns = new Map<string, string>();

  readonly columns: readonly string[];

  /**
   * Only columns the vendor file really has: a present column means the data is known (e.g. `keyman`).
   * `rows`: how many rows are expected, when known (a million rows grown one push at a time cost a copy per doubling).
   */
  constructor(columns: readonly string[], rows = 0) {
    this.columns = columns;
    this.width = columns.length;
    this.cells = new Array<string>(rows * this.width);
    this.originFile = new Int32Array(Math.max(rows, 16));
    this.originLine = new Int32Array(Math.max(rows, 16));
  }

  /** Add a row; `cells` maps canonical column names (absent = empty). */
  add(cells: Partial<Record<string, string>>, origin: Origin): void {
    let at = this.length * this.width;
    for (const c of this.columns) this.cells[at++] = cells[c] ?? '';
    this.pushOrigin(origin.file, origin.line);
  }

  /** Add a row given in `columns` order (the fast path for large files; `cells` may be reused by the caller). */
  addCells(cells: readonly string[], file: string, line: number): void {
    const at = this.length * this.width;
    for (let c = 0; c < this.width; c++) this.cells[at + c] = cells[c] ?? '';
    this.pushOrigin(file, line);
  }

  /** Row `i` as an array (a copy). */
  row(i: number): string[] {
    return this.cells.slice(i * this.width, (i + 1) * this.width);
  }

  /** Every row as an array (copies; for `npm run init`, not for the read). */
  allRows(): string[][] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  cell(i: number, c: number): string {
    return this.cells[i * this.width + c]!;
  }

  origin(i: number): Origin {
    return { file: this.originFiles[this.originFile[i]!]!, line: this.originLine[i]! };
  }

  private pushOrigin(file: string, line: number): void {
    let f = this.originFiles[this.lastFile] === file ? this.lastFile : this.fileNumbers.get(file);
    if (f === undefined) {
      f = this.originFiles.length;
      this.originFiles.push(file);
      this.fileNumbers.set(file, f);
    }
    this.lastFile = f;
    if (this.length === this.originFile.length) {
      this.originFile = grown(this.originFile, this.length * 2);
      this.originLine = grown(this.originLine, this.length * 2);
    }
    this.originFile[this.length] = f;
    this.originLine[this.length] = line;
    this.length++;
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
  /**
   * The columns `adapt` reads of a file in `role` (positions in `names`), so
   * a large export keeps only those; absent or null: every column.
   */
  columns?(role: string, names: readonly string[]): number[] | null;
  /** How each kind of file is recognised, to say what a file that nearly is one lacks (load.ts `nearMiss`). */
  signatures?: readonly Signature[];
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
