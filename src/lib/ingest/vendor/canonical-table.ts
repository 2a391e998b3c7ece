/**
 * The canonical tables an adapter builds, each row remembering the vendor
 * file and line it came from. Kept flat (one array of cells, origins as file
 * numbers and lines): a history report makes a million rows, and an array
 * and an object per row were a third of the adapter's time in garbage
 * collection. Stage history has its own, coded table (stage-history-table.ts).
 */
import { grown } from '../grown.ts';
import type { Origin } from './types.ts';

/** What readers of a canonical table being built use (assemble.ts, `npm run init`). */
export interface CanonicalRows {
  readonly columns: readonly string[];
  readonly length: number;
  /** Canonical column name to the vendor column it was read from, for messages. */
  readonly sourceColumns: Map<string, string>;
  cell(i: number, c: number): string;
  /** Row `i` as an array (a copy). */
  row(i: number): string[];
  /** Every row as an array (copies; for `npm run init`, not for the read). */
  allRows(): string[][];
  origin(i: number): Origin;
  /** Add a row; `cells` maps canonical column names (absent = empty). */
  add(cells: Partial<Record<string, string>>, origin: Origin): void;
  /** Add a row given in `columns` order (`cells` may be reused by the caller). */
  addCells(cells: readonly string[], file: string, line: number): void;
}

/** Each row's vendor file (by number: a few files, a million rows) and line. */
export class Origins {
  length = 0;
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  /** Typed: a million pushes onto plain arrays cost their copies. */
  private file: Int32Array;
  private line: Int32Array;
  private lastFile = 0;

  constructor(rows: number) {
    this.file = new Int32Array(Math.max(rows, 16));
    this.line = new Int32Array(Math.max(rows, 16));
  }

  push(file: string, line: number): void {
    let f = this.files[this.lastFile] === file ? this.lastFile : this.fileNumbers.get(file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(file);
      this.fileNumbers.set(file, f);
    }
    this.lastFile = f;
    if (this.length === this.file.length) {
      this.file = grown(this.file, this.length * 2);
      this.line = grown(this.line, this.length * 2);
    }
    this.file[this.length] = f;
    this.line[this.length] = line;
    this.length++;
  }

  get(i: number): Origin {
    return { file: this.files[this.file[i]!]!, line: this.line[i]! };
  }
}

/** A canonical table being built: cells under `columns`, each row with its origin. */
export class CanonicalTable implements CanonicalRows {
  /** Row `i`'s cell `c` is `cells[i * width + c]` (past `length * width`: unused room). */
  readonly cells: string[];
  readonly width: number;
  private readonly origins: Origins;
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
    this.origins = new Origins(rows);
  }

  get length(): number {
    return this.origins.length;
  }

  add(cells: Partial<Record<string, string>>, origin: Origin): void {
    let at = this.length * this.width;
    for (const c of this.columns) this.cells[at++] = cells[c] ?? '';
    this.origins.push(origin.file, origin.line);
  }

  addCells(cells: readonly string[], file: string, line: number): void {
    const at = this.length * this.width;
    for (let c = 0; c < this.width; c++) this.cells[at + c] = cells[c] ?? '';
    this.origins.push(file, line);
  }

  row(i: number): string[] {
    return this.cells.slice(i * this.width, (i + 1) * this.width);
  }

  allRows(): string[][] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  cell(i: number, c: number): string {
    return this.cells[i * this.width + c]!;
  }

  origin(i: number): Origin {
    return this.origins.get(i);
  }
}
