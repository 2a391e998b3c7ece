/**
 * `--pipeline` for a folder of canonical files whose deals.csv carries a
 * `pipeline` column (not part of input.md: a CRM's export of several
 * pipelines). Only the chosen pipeline's deals are read. The rows of the
 * other pipelines' deals, in deals.csv and in the history files, are left
 * out on purpose: not data errors, so neither accepted nor rejected (not
 * counted as rows), but counted per file and pipeline, with one
 * `other_pipeline` warning per file: as for the CRM exports, whose matching
 * (case and spaces ignored) and wording this shares (vendor/pipeline-choice.ts).
 *
 * Made only when `--pipeline` is given: without it no reader looks at the
 * pipeline column beyond what deals.ts counts for `several_pipelines`.
 */
import type { Table } from './table.ts';
import { IngestFatalError, type IssueLog } from './issues.ts';
import { NO_PIPELINE, noPipelineColumnMessage, otherPipelineIssue, pipelineKey, pipelineList, pipelineNotFoundMessage, type PipelineSource } from './vendor/pipeline-choice.ts';

export const PIPELINE_COLUMN = 'pipeline';

const DEALS_SOURCE: PipelineSource = { name: 'deals.csv', column: PIPELINE_COLUMN, addTo: 'deals.csv' };

export class PipelineFilter {
  /** `--pipeline` as given. */
  readonly asked: string;
  private readonly wanted: string;
  /** Per pipeline key: its name as first written in deals.csv, and its deals there. */
  private readonly names = new Map<string, string>();
  private readonly deals = new Map<string, number>();
  /** deal_id of each deal of another pipeline to its pipeline's key. */
  private readonly otherDeals = new Map<string, string>();
  /** deal_id of each deal of another pipeline to its deals.csv line (for duplicate ids). */
  private readonly otherLines = new Map<string, number>();
  /** Per file: rows left out, per pipeline key. */
  private readonly left = new Map<string, Map<string, number>>();
  private column = -1;
  private dealsFile = '';

  constructor(pipeline: string) {
    this.asked = pipeline;
    this.wanted = pipelineKey(pipeline);
  }

  /** deals.csv's header is read (again, for another decoding: all that was counted is forgotten). No `pipeline` column: fatal. */
  startDeals(file: string, table: { readonly names: readonly string[] }): void {
    this.dealsFile = file;
    this.column = table.names.indexOf(PIPELINE_COLUMN);
    if (this.column < 0) throw new IngestFatalError('pipeline_column_missing', file, noPipelineColumnMessage(this.asked, DEALS_SOURCE));
    this.names.clear();
    this.deals.clear();
    this.otherDeals.clear();
    this.otherLines.clear();
    this.left.clear();
  }

  /** Whether the deals.csv row of `id` (a new id) is of another pipeline: then it is left out, and counted. */
  leavesDeal(file: string, cell: (i: number) => string, id: string, line: number): boolean {
    const name = cell(this.column);
    const key = pipelineKey(name);
    if (!this.names.has(key)) this.names.set(key, name || NO_PIPELINE);
    this.deals.set(key, (this.deals.get(key) ?? 0) + 1);
    if (key === this.wanted) return false;
    // A row without an id is left out too, but no history row can name it.
    if (id !== '') {
      this.otherDeals.set(id, key);
      this.otherLines.set(id, line);
    }
    this.count(file, key);
    return true;
  }

  /** The deals.csv line of the deal of another pipeline `id` names, if it is one. */
  otherLine(id: string): number | undefined {
    return this.otherLines.get(id);
  }

  /** deals.csv read: a pipeline it does not hold is fatal, with the pipelines it does hold. */
  checkChosen(file: string): void {
    if (this.deals.has(this.wanted)) return;
    const list = pipelineList([...this.deals].map(([key, n]) => [this.names.get(key)!, n] as const));
    throw new IngestFatalError('pipeline_not_found', file, pipelineNotFoundMessage(this.asked, DEALS_SOURCE, list));
  }

  /** A history file is read (again): its rows left out so far are forgotten. */
  startFile(file: string): void {
    this.left.delete(file);
  }

  /** Whether a row of `file` naming deal `id` (no chosen deal's) belongs to a deal of another pipeline: then it is left out, and counted. */
  leavesRow(file: string, id: string): boolean {
    const key = this.otherDeals.get(id);
    if (key === undefined) return false;
    this.count(file, key);
    return true;
  }

  /**
   * The file's rows left out are no rows of it: readers count them as accepted
   * when they see them (the table's tally knows no third kind), taken back here, once.
   */
  settle(table: Table): void {
    let n = 0;
    for (const rows of this.left.get(table.file)?.values() ?? []) n += rows;
    table.stats.rows -= n;
    table.stats.accepted -= n;
  }

  /** One `other_pipeline` warning per file that had rows left out. */
  warn(issues: IssueLog): void {
    const chosen = this.names.get(this.wanted) ?? this.asked;
    for (const [file, left] of this.left) {
      const issue = otherPipelineIssue(file, file === this.dealsFile ? PIPELINE_COLUMN : 'deal_id', left, this.names, chosen);
      if (issue) issues.warning(issue.file, issue.line, issue.column, issue.code, issue.message);
    }
  }

  private count(file: string, key: string): void {
    let rows = this.left.get(file);
    if (!rows) this.left.set(file, (rows = new Map()));
    rows.set(key, (rows.get(key) ?? 0) + 1);
  }
}
