/**
 * stage_history.csv into columnar typed arrays. This is the large file (a
 * million rows is normal), so rows take a lean fast path: cells are read in
 * place and checked with the same parser functions `stageHistoryRow` (and so
 * its zod schema) is built from; only a row that one of them refuses goes
 * through the zod schema, which decides and explains. No object and no
 * string is made per valid row (history-fast-path.ts).
 */
import type { StageHistory } from '../dataset.ts';
import { dealReference } from './deals.ts';
import { STAGE_HISTORY_FILE } from './file-names.ts';
import { grown } from './grown.ts';
import { historyFastPath } from './history-fast-path.ts';
import type { IdTable } from './id-table.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { rowValidator } from './row-validator.ts';
import { type RowContext, stageHistoryRow } from './schema.ts';
import { rowCapacity } from './row-capacity.ts';
import { rowReader } from './row-reader.ts';
import { readTable, type Table, type TableOptions, type TableSource } from './table.ts';

export interface StageHistoryRead {
  table: Table;
  /** `deal` holds candidate indices (see deals.ts `resolveDeals`). */
  history: StageHistory;
  /** Per candidate deal: accepted rows, and the stage and line of its latest row (by entered_at, ties: file order). */
  rowCount: Int32Array;
  lastStage: Int32Array;
  lastLine: Int32Array;
}

/**
 * `ids`: deal_id to candidate index; `rejectedIds`: deal_id to the line of its rejected deals.csv row;
 * `pipeline`: with `--pipeline`, which rows are of other pipelines' deals, left out (pipeline-filter.ts).
 */
export function readStageHistory(
  source: TableSource,
  ctx: RowContext,
  ids: IdTable,
  rejectedIds: Map<string, number>,
  pipeline: PipelineFilter | null,
  opts: TableOptions,
): StageHistoryRead {
  const dealCount = ids.size;
  const deal = dealReference(ids, rejectedIds);
  const def = stageHistoryRow(ctx, deal);
  const columns = Object.keys(def.fields);
  const current: { out?: HistoryColumns } = {};
  const spec = { file: STAGE_HISTORY_FILE, required: columns, known: columns };
  const table = readTable(source, spec, opts, (t) => {
    // Fresh columns for each decoding attempt (see readTable).
    const columnsOut = new HistoryColumns(rowCapacity(source), dealCount);
    current.out = columnsOut;
    const validate = rowValidator(def, STAGE_HISTORY_FILE, opts.issues, opts.rowByRow);
    const readRow = rowReader(t, columns);
    const fast = historyFastPath(ctx, ids, t.index.deal_id!, t.index.stage!, t.index.entered_at!);
    const iDeal = t.index.deal_id!;
    pipeline?.startFile(STAGE_HISTORY_FILE);
    return (record) => {
      if (!opts.rowByRow && fast.check(record)) return columnsOut.push(fast.deal, fast.stage, fast.at, record.line);
      // Counted as accepted here, taken back from the tally once the file is read (`settle`).
      if (pipeline !== null && pipeline.leavesRow(STAGE_HISTORY_FILE, record.cell(iDeal))) return true;
      const row = validate(readRow(record), record.line);
      return row !== null && columnsOut.push(row.deal_id, row.stage, row.entered_at, record.line);
    };
  });
  pipeline?.settle(table);
  // readTable has called the start callback (a file without a header is fatal).
  return current.out!.read(table);
}

/** Accepted stage_history rows, in file order, as columns; and per candidate deal its row count and latest row. */
export class HistoryColumns {
  length = 0;
  capacity: number;
  deal: Int32Array<ArrayBuffer>;
  stage: Int32Array<ArrayBuffer>;
  enteredAt: Float64Array<ArrayBuffer>;
  rowCount: Int32Array;
  lastStage: Int32Array;
  lastLine: Int32Array;
  lastAt: Float64Array;

  /**
   * `into`: columns to fill from their start instead of new ones (history-prepass.ts
   * compacts its own columns in place: row i is read before row j <= i is written).
   */
  constructor(rows: number, dealCount: number, into?: { deal: Int32Array<ArrayBuffer>; stage: Int32Array<ArrayBuffer>; enteredAt: Float64Array<ArrayBuffer> }) {
    // Allocated once for the most rows the source can hold rather than grown (every fresh
    // page costs a fault); pages never written cost nothing.
    this.capacity = into ? Math.min(into.deal.length, into.stage.length, into.enteredAt.length) : rows + 16;
    this.deal = into?.deal ?? new Int32Array(this.capacity);
    this.stage = into?.stage ?? new Int32Array(this.capacity);
    this.enteredAt = into?.enteredAt ?? new Float64Array(this.capacity);
    this.rowCount = new Int32Array(dealCount);
    this.lastStage = new Int32Array(dealCount).fill(-1);
    this.lastLine = new Int32Array(dealCount);
    this.lastAt = new Float64Array(dealCount).fill(-Infinity);
  }

  push(d: number, s: number, at: number, line: number): true {
    this.append(d, s, at);
    this.rowCount[d]!++;
    if (at >= this.lastAt[d]!) {
      this.lastAt[d] = at;
      this.lastStage[d] = s;
      this.lastLine[d] = line;
    }
    return true;
  }

  /** A row whose deal's count and latest row are added with `addLatest` (history-prepass.ts counts them on its own thread). */
  append(d: number, s: number, at: number): void {
    const i = this.length;
    if (i === this.capacity) this.grow();
    this.deal[i] = d;
    this.stage[i] = s;
    this.enteredAt[i] = at;
    this.length = i + 1;
  }

  /** `count` rows of deal `d` appended, the latest of them at `at` on `line`: of equal times the later line is kept, as `push` keeps in file order. */
  addLatest(d: number, count: number, at: number, s: number, line: number): void {
    this.rowCount[d]! += count;
    if (at > this.lastAt[d]! || (at === this.lastAt[d]! && line > this.lastLine[d]!)) {
      this.lastAt[d] = at;
      this.lastStage[d] = s;
      this.lastLine[d] = line;
    }
  }

  read(table: Table): StageHistoryRead {
    const n = this.length;
    return {
      table,
      // subarray, not slice: no copy; the unused tail was never touched, so it costs address space only.
      history: { deal: this.deal.subarray(0, n), stage: this.stage.subarray(0, n), enteredAt: this.enteredAt.subarray(0, n), length: n },
      rowCount: this.rowCount,
      lastStage: this.lastStage,
      lastLine: this.lastLine,
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.deal = grown(this.deal, this.capacity);
    this.stage = grown(this.stage, this.capacity);
    this.enteredAt = grown(this.enteredAt, this.capacity);
  }
}
