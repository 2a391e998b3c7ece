/**
 * stage_history.csv into columnar typed arrays. This is the large file (a
 * million rows is normal), so rows take a lean fast path: cells are read in
 * place and checked with the same parser functions `stageHistoryRow` (and so
 * its zod schema) is built from; only a row that one of them refuses goes
 * through the zod schema, which decides and explains. No object and no
 * string is made per valid row.
 */
import type { StageHistory } from '../dataset.ts';
import { type CsvRecord, isTrimSpace } from './csv.ts';
import { dealReference } from './deals.ts';
import { type RowContext, rowValidator, stageHistoryRow } from './schema.ts';
import { readTable, rowReader, type Table, type TableOptions, type TableSource, rowCapacity } from './table.ts';
import { grown } from './grown.ts';
import type { IdLookup, IdTable } from './id-table.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { Spellings } from './text-range.ts';
import { Invalid, parseInstantRange } from './values.ts';

export const STAGE_HISTORY_FILE = 'stage_history.csv';

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

/**
 * The fast verdict on one row: true when every cell passes the schema's own
 * parsers, the values then in `deal`, `stage`, `at`. Cells are compared in
 * place (deal ids in the IdTable, stages against the spellings seen so far),
 * so a valid row costs no string.
 */
export function historyFastPath(ctx: RowContext, ids: IdLookup, iDeal: number, iStage: number, iAt: number) {
  const { stage, dates } = ctx;
  const spellings = new Spellings();
  // Rows given as strings (a vendor adapter's) repeat the same string objects: look them up whole.
  const stageOf = new Map<string, number>();
  const instantOf = new Map<string, number>();
  const result = {
    deal: 0,
    stage: 0,
    at: 0,
    /** The verdict on a row of strings, or null when a cell needs trimming (the range path then decides). */
    checkStrings(cells: readonly string[], base: number): boolean | null {
      const id = cells[base + iDeal] ?? '';
      const stageCell = cells[base + iStage] ?? '';
      const atCell = cells[base + iAt] ?? '';
      if (untrimmed(id) || untrimmed(stageCell) || untrimmed(atCell)) return null;
      const d = ids.get(id);
      if (d < 0 || stageCell === '') return false;
      let st = stageOf.get(stageCell);
      if (st === undefined) {
        const v = stage(stageCell);
        if (v instanceof Invalid) return false;
        if (stageOf.size < 1024) stageOf.set(stageCell, v);
        st = v;
      }
      let at = instantOf.get(atCell);
      if (at === undefined) {
        at = parseInstantRange(atCell, 0, atCell.length, dates);
        if (Number.isNaN(at)) return false;
        if (instantOf.size < 100_000) instantOf.set(atCell, at);
      }
      result.deal = d;
      result.stage = st;
      result.at = at;
      return true;
    },
    check(record: CsvRecord): boolean {
      if (record.cells !== null) {
        const verdict = result.checkStrings(record.cells, record.base);
        if (verdict !== null) return verdict;
      }
      record.range(iDeal);
      const d = ids.find(record.rangeSrc, record.rangeStart, record.rangeEnd);
      if (d < 0) return false;
      record.range(iStage);
      const src = record.rangeSrc;
      const s = record.rangeStart;
      const e = record.rangeEnd;
      if (s === e) return false;
      let st = spellings.find(src, s, e);
      if (st < 0) {
        const cell = src.slice(s, e);
        const v = stage(cell);
        if (v instanceof Invalid) return false;
        st = v;
        spellings.add(cell, v);
      }
      record.range(iAt);
      const at = parseInstantRange(record.rangeSrc, record.rangeStart, record.rangeEnd, dates);
      if (Number.isNaN(at)) return false;
      result.deal = d;
      result.stage = st;
      result.at = at;
      return true;
    },
  };
  return result;
}

/** Whether a cell starts or ends with a space `range()` would trim. */
function untrimmed(cell: string): boolean {
  return cell.length > 0 && (isTrimSpace(cell.charCodeAt(0)) || isTrimSpace(cell.charCodeAt(cell.length - 1)));
}
