/**
 * The finishing half of the readings without deals.csv (history-prepass.ts,
 * field-prepass.ts), on the thread that has read deals.csv: each distinct
 * deal_id of a prepass is looked up once, rows come out in file order as a
 * reading on one thread gives them, a row whose cells were kept goes through
 * the same zod validator, and the tally is taken back for the rows rejected
 * here, so every issue is the one a reading on one thread gives
 * (tests/unit/ingest/history-thread.test.ts). Apart from the readings so that
 * the thread that reads never loads zod or deals.csv's reader.
 */
import type { Issue } from '../dataset.ts';
import { type DealTable, textAt as dealTextAt } from '../deal-table.ts';
import type { FieldTable } from '../field-table.ts';
import { dealReference } from './deals.ts';
import { warnAmountChangeDoubts } from './amount-doubt.ts';
import { WonBackslashes } from './won-backslash.ts';
import { UnusedFields } from './unused-fields.ts';
import { AMOUNT, CLOSE, UNTRACKED } from './field-fast-path.ts';
import type { FieldPrepass } from './field-prepass.ts';
import { FIELD_HISTORY_FILE, STAGE_HISTORY_FILE } from './file-names.ts';
import type { HistoryPrepass } from './history-prepass.ts';
import type { IdLookup, IdTable } from './id-table.ts';
import type { IssueLog } from './issues.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { type PlainTable, wholeTable } from './prepass-rows.ts';
import { rowValidator } from './row-validator.ts';
import { fieldHistoryRow, logCellError, type RowContext, stageHistoryRow } from './schema.ts';
import { HistoryColumns, type StageHistoryRead } from './stage-history.ts';
import type { Table } from './table.ts';
import { type JoinedTexts, textAt, textCount } from './text-range.ts';
import { Invalid } from './values.ts';

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

/** The prepass's rows checked against the candidate deals (`ids`, `rejectedIds`, `pipeline` as for `readStageHistory`). */
export function finishStageHistory(
  pre: HistoryPrepass,
  ctx: RowContext,
  ids: IdTable,
  rejectedIds: Map<string, number>,
  pipeline: PipelineFilter | null,
  issues: IssueLog,
): StageHistoryRead {
  const finish = new PrepassFinish(pre, ids, rejectedIds, pipeline, STAGE_HISTORY_FILE, issues);
  const validate = rowValidator(stageHistoryRow(ctx, finish.deal), STAGE_HISTORY_FILE, issues);
  // The prepass's own columns are filled again from their start: no second copy of a large history.
  const out = new HistoryColumns(pre.length, ids.size, { deal: pre.code, stage: pre.stage, enteredAt: pre.at });
  const { dealOf } = finish;
  for (let i = 0; i < pre.length; i++) {
    const code = pre.code[i]!;
    const d = code >= 0 ? dealOf[code]! : -1;
    if (d >= 0) {
      // Counted per code on the reading thread (`latest`), added per deal below.
      out.append(d, pre.stage[i]!, pre.at[i]!);
      continue;
    }
    const line = pre.line[i]!;
    // Cells the fast path refused, or an unknown id (a row whose stage and date passed): as on one thread.
    const cells = code >= 0 ? null : pre.kept[-1 - code]!;
    if (finish.leavesRow(code, cells)) continue;
    if (cells === null) finish.unknownDeal(code, line);
    else {
      const row = validate(cells, line);
      if (row !== null) out.push(row.deal_id, row.stage, row.entered_at, line);
      else finish.reject();
    }
  }
  const { latest } = pre;
  for (let c = 1; c < dealOf.length; c++) {
    const d = dealOf[c]!;
    if (d >= 0 && latest.rowCount[c]! > 0) out.addLatest(d, latest.rowCount[c]!, latest.at[c]!, latest.stage[c]!, latest.line[c]!);
  }
  return out.read(finish.done());
}

/** The prepass's rows checked against the accepted deals (`ids` looks them up, as `readFieldHistory`'s deal parser does). */
export function finishFieldHistory(
  pre: FieldPrepass,
  ctx: RowContext,
  deals: DealTable,
  ids: IdLookup,
  rejectedIds: Map<string, number>,
  pipeline: PipelineFilter | null,
  issues: IssueLog,
): { table: Table; fieldTable: FieldTable } {
  const finish = new PrepassFinish(pre, ids, rejectedIds, pipeline, FIELD_HISTORY_FILE, issues);
  const validate = rowValidator(
    fieldHistoryRow(ctx, finish.deal, (d) => ({ code: dealTextAt(deals.currency, d), fxRate: deals.fxRate[d]! })),
    FIELD_HISTORY_FILE,
    issues,
  );
  // The changes in file order, written over the prepass's own columns (a change's index never passes its row's).
  const { code: deal, field: kind, oldValue, newValue, changedAt, line } = pre;
  const dates = [...pre.dates];
  let dateCodes: Map<string, number> | null = null;
  /** A value the validator gave, as the table holds it. */
  const number = (v: number | string | null): number => {
    if (v === null) return NaN;
    if (typeof v === 'number') return v;
    dateCodes ??= new Map(dates.map((date, k) => [date, k]));
    let code = dateCodes.get(v);
    if (code === undefined) dateCodes.set(v, (code = dates.push(v) - 1));
    return code;
  };
  const backslashes = new WonBackslashes();
  const unused = new UnusedFields();
  let n = 0;
  for (let i = 0; i < pre.length; i++) {
    const code = pre.code[i]!;
    if (code < 0) {
      const cells = pre.kept[-1 - code]!;
      if (finish.leavesRow(code, cells)) continue;
      const row = validate(cells, line[i]!);
      if (row === null) finish.reject();
      else if (row.field === null) unused.see(cells.field ?? '', line[i]!);
      else {
        if (row.field === 'amount') {
          warnAmountChangeDoubts(issues, FIELD_HISTORY_FILE, line[i]!, cells, ctx.numbers.decimal);
          for (const column of ['old_value', 'new_value'] as const) backslashes.see(cells[column] ?? '', line[i]!, column);
        }
        deal[n] = row.deal;
        kind[n] = row.field === 'amount' ? AMOUNT : CLOSE;
        oldValue[n] = number(row.oldValue);
        newValue[n] = number(row.newValue);
        changedAt[n] = row.changedAt;
        line[n++] = line[i]!;
      }
      continue;
    }
    const d = finish.dealOf[code]!;
    if (d < 0) {
      if (!finish.leavesRow(code, null)) finish.unknownDeal(code, line[i]!);
      continue;
    }
    const field = kind[i]!;
    if (field === UNTRACKED) {
      unused.see(pre.otherFields[oldValue[i]!]!, line[i]!);
      continue;
    }
    // An amount in config currency, as fieldChange converts it (NaN, no value, stays NaN).
    const fx = field === AMOUNT ? deals.fxRate[d]! : 1;
    deal[n] = d;
    kind[n] = field;
    oldValue[n] = field === AMOUNT ? oldValue[i]! * fx : oldValue[i]!;
    newValue[n] = field === AMOUNT ? newValue[i]! * fx : newValue[i]!;
    changedAt[n] = changedAt[i]!;
    line[n++] = line[i]!;
  }
  const fieldTable: FieldTable = {
    length: n,
    deal: deal.subarray(0, n),
    kind: kind.subarray(0, n),
    oldValue: oldValue.subarray(0, n),
    newValue: newValue.subarray(0, n),
    dates,
    changedAt: changedAt.subarray(0, n),
    line: line.subarray(0, n),
  };
  backslashes.say(issues, FIELD_HISTORY_FILE);
  unused.say(issues, FIELD_HISTORY_FILE);
  return { table: finish.done(), fieldTable };
}
