/**
 * The stage_history.csv an adapter builds, kept as codes: a history report
 * repeats one deal id on each of its rows and the same few stage names and
 * dates on all of them, so each row is three numbers into the distinct texts
 * (and its origin). That is also what the canonical reading of a large
 * stage_history.csv makes of it before checking rows against the deals
 * (history-prepass.ts), so `prepass` hands the rows over in that form: each
 * distinct stage and date is checked once by the schema's own parsers, and a
 * row one of them refuses keeps its cells for the same zod validator. The
 * rows are then read exactly as the rows of a canonical file would be.
 */
import { trimCell } from '../csv-record.ts';
import { type HistoryPrepass, latestByCode } from '../history-prepass.ts';
import { IssueLog } from '../issues.ts';
import type { RowContext } from '../schema.ts';
import { STAGE_HISTORY_FILE } from '../file-names.ts';
import { grown } from '../grown.ts';
import { type RowsSource, rowsTable } from '../table.ts';
import { parseInstantRange } from '../values.ts';
import { type CanonicalRows, Origins } from './canonical-table.ts';
import type { Origin } from './types.ts';
import { joinTexts } from '../text-range.ts';

const COLUMNS = ['deal_id', 'stage', 'entered_at'] as const;
const DEAL = 0;
const STAGE = 1;
const ENTERED_AT = 2;

/** Texts of one column by code; code 0 is ''. */
export class TextCodes {
  readonly texts: string[] = [''];
  private readonly codes = new Map<string, number>([['', 0]]);

  code(text: string): number {
    let c = this.codes.get(text);
    if (c === undefined) {
      c = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, c);
    }
    return c;
  }

  /** A new code for `text` without looking it up: for a text the caller gives once (one deal's id). Two codes of one text read alike. */
  append(text: string): number {
    return this.texts.push(text) - 1;
  }
}

export class StageHistoryTable implements CanonicalRows {
  readonly columns: readonly string[] = COLUMNS;
  readonly sourceColumns = new Map<string, string>();
  /** The distinct texts of each column; a row holds a code into each. */
  readonly deals = new TextCodes();
  readonly stages = new TextCodes();
  readonly dates = new TextCodes();
  private deal: Int32Array;
  private stage: Int32Array;
  private date: Int32Array;
  private readonly origins: Origins;

  /** `rows`: how many rows are expected, when known. */
  constructor(rows = 0) {
    this.deal = new Int32Array(Math.max(rows, 16));
    this.stage = new Int32Array(Math.max(rows, 16));
    this.date = new Int32Array(Math.max(rows, 16));
    this.origins = new Origins(rows);
  }

  get length(): number {
    return this.origins.length;
  }

  /** Add a row by the codes of its cells (`deals.code(id)`, ...): the fast path of an adapter that keeps them. */
  addCodes(deal: number, stage: number, date: number, file: string, line: number): void {
    const i = this.length;
    if (i === this.deal.length) {
      this.deal = grown(this.deal, i * 2);
      this.stage = grown(this.stage, i * 2);
      this.date = grown(this.date, i * 2);
    }
    this.deal[i] = deal;
    this.stage[i] = stage;
    this.date[i] = date;
    this.origins.push(file, line);
  }

  add(cells: Partial<Record<string, string>>, origin: Origin): void {
    this.addCodes(this.deals.code(cells.deal_id ?? ''), this.stages.code(cells.stage ?? ''), this.dates.code(cells.entered_at ?? ''), origin.file, origin.line);
  }

  addCells(cells: readonly string[], file: string, line: number): void {
    this.addCodes(this.deals.code(cells[DEAL] ?? ''), this.stages.code(cells[STAGE] ?? ''), this.dates.code(cells[ENTERED_AT] ?? ''), file, line);
  }

  cell(i: number, c: number): string {
    if (c === DEAL) return this.deals.texts[this.deal[i]!]!;
    if (c === STAGE) return this.stages.texts[this.stage[i]!]!;
    return this.dates.texts[this.date[i]!]!;
  }

  row(i: number): string[] {
    return [this.cell(i, DEAL), this.cell(i, STAGE), this.cell(i, ENTERED_AT)];
  }

  allRows(): string[][] {
    return Array.from({ length: this.length }, (_, i) => this.row(i));
  }

  origin(i: number): Origin {
    return this.origins.get(i);
  }

  /** The rows as cells, as a canonical table gives them (the reference `prepass` is tested against). */
  rowsSource(): RowsSource {
    const cells = new Array<string>(this.length * COLUMNS.length);
    for (let i = 0, at = 0; i < this.length; i++) for (let c = 0; c < COLUMNS.length; c++) cells[at++] = this.cell(i, c);
    return { names: COLUMNS, cells, length: this.length };
  }

  /** The rows as a canonical stage_history.csv's (row r on line r + 2), unchecked against the deals: for `finishStageHistory`. */
  prepass(ctx: RowContext): HistoryPrepass {
    const n = this.length;
    const issues = new IssueLog();
    const table = rowsTable({ file: STAGE_HISTORY_FILE, required: COLUMNS, known: COLUMNS }, COLUMNS, issues);
    table.stats = { rows: n, accepted: n, rejected: 0 };
    // Cells as the canonical reading sees them (trimmed), each distinct one checked once: -1 / NaN when refused.
    const ids = this.deals.texts.map(trimCell);
    const stageTexts = this.stages.texts.map(trimCell);
    const dateTexts = this.dates.texts.map(trimCell);
    const stageOf = Int32Array.from(stageTexts, (text) => {
      const s = text === '' ? null : ctx.stage(text);
      return typeof s === 'number' ? s : -1;
    });
    const atOf = Float64Array.from(dateTexts, (text) => parseInstantRange(text, 0, text.length, ctx.dates));
    const code = new Int32Array(n);
    const stage = new Int32Array(n);
    const at = new Float64Array(n);
    const line = new Int32Array(n);
    const kept: Record<string, string>[] = [];
    for (let i = 0; i < n; i++) {
      const d = this.deal[i]!;
      const s = stageOf[this.stage[i]!]!;
      const t = atOf[this.date[i]!]!;
      line[i] = i + 2;
      if (ids[d] !== '' && s !== -1 && !Number.isNaN(t)) {
        code[i] = d;
        stage[i] = s;
        at[i] = t;
      } else {
        code[i] = -1 - kept.length;
        kept.push({ deal_id: ids[d]!, stage: stageTexts[this.stage[i]!]!, entered_at: dateTexts[this.date[i]!]! });
      }
    }
    return { table: { ...table, columns: [...table.columns] }, ids: joinTexts(ids), latest: latestByCode(ids.length, code, stage, at, line, n), length: n, code, stage, at, line, kept, issues: issues.issues };
  }
}
