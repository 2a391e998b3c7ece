/**
 * What the two readings without deals.csv share (history-prepass.ts for
 * stage_history.csv, field-prepass.ts for field_history.csv): rows keep
 * their deal_id as a code of its text or, when the fast path refused them,
 * their cells; the table crosses threads as plain data; and the finishing
 * step looks each distinct id up once, takes the tally back for the rows it
 * rejects, and gives an unknown id the one issue zod would.
 */
import type { Issue } from '../dataset.ts';
import { dealReference } from './deals.ts';
import type { IdLookup } from './id-table.ts';
import type { IssueLog } from './issues.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { logCellError } from './schema.ts';
import type { Table } from './table.ts';
import { type JoinedTexts, textAt, textCount } from './text-range.ts';
import { Invalid } from './values.ts';

/** A table as it crosses threads: its columns a list, not a set. */
export type PlainTable = Omit<Table, 'columns'> & { columns: string[] };

export const plainTable = (table: Table): PlainTable => ({ ...table, columns: [...table.columns] });

/** The table again, from what crossed threads: its own stats, which the receiving thread may still change. */
export const wholeTable = (table: PlainTable): Table => ({ ...table, columns: new Set(table.columns), stats: { ...table.stats } });

/** Row `i` refused by the fast path: its code says where its cells are kept (-1 - k for the k-th). */
export function keepCells(rows: { code: Int32Array; kept: Record<string, string>[] }, i: number, cells: Record<string, string>): void {
  rows.code[i] = -1 - rows.kept.length;
  rows.kept.push(cells);
}

/** The finishing step's side of a prepass: its table and issues taken over, ids looked up, rejections tallied. */
export class PrepassFinish {
  readonly table: Table;
  /** By code: the deal of each distinct id text, or -1. */
  readonly dealOf: Int32Array;
  readonly deal: ReturnType<typeof dealReference>;
  private readonly file: string;
  private readonly issues: IssueLog;
  private readonly ids: JoinedTexts;
  private readonly pipeline: PipelineFilter | null;

  constructor(
    pre: { table: PlainTable; ids: JoinedTexts; issues: readonly Issue[] },
    ids: IdLookup,
    rejectedIds: Map<string, number>,
    pipeline: PipelineFilter | null,
    file: string,
    issues: IssueLog,
  ) {
    this.file = file;
    this.issues = issues;
    this.pipeline = pipeline;
    pipeline?.startFile(file);
    for (const issue of pre.issues) issues.issues.push(issue);
    this.table = wholeTable(pre.table);
    this.deal = dealReference(ids, rejectedIds);
    const { text, ends } = pre.ids;
    this.dealOf = new Int32Array(textCount(pre.ids));
    for (let k = 1; k < this.dealOf.length; k++) this.dealOf[k] = ids.find(text, ends[k - 1]!, ends[k]!);
    this.ids = pre.ids;
  }

  /** A row read as accepted that is rejected after all. */
  reject(): void {
    this.table.stats.accepted--;
    this.table.stats.rejected++;
  }

  /**
   * Whether a row no candidate's id names (by its code, or its kept cells) is of another pipeline's
   * deal (`--pipeline`): left out, as a reading on one thread leaves it out (`done` settles the tally).
   */
  leavesRow(code: number, cells: Record<string, string> | null): boolean {
    return this.pipeline !== null && this.pipeline.leavesRow(this.file, cells === null ? textAt(this.ids, code) : cells.deal_id!);
  }

  /** The rows are all seen: the table, its tally settled. */
  done(): Table {
    this.pipeline?.settle(this.table);
    return this.table;
  }

  /** A row whose other cells passed and whose id (by its code) is no deal's: the one issue zod gives it (the row is rejected). */
  unknownDeal(code: number, line: number): null {
    const id = textAt(this.ids, code);
    const why = this.deal(id);
    if (!(why instanceof Invalid)) throw new Error(`internal: deal_id ${id} is known`);
    logCellError(this.issues, this.file, line, 'deal_id', why.code, why.reason);
    this.reject();
    return null;
  }
}
