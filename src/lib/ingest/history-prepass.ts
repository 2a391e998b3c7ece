/**
 * stage_history.csv read without knowing deals.csv yet, so that it can be
 * read at the same time, on another thread (history-thread.ts, Node only):
 * the same decoding, CSV rules and fast path as `readStageHistory`, but each
 * deal_id is coded by its text (a dictionary of the ids seen) instead of
 * looked up. A row the fast path refuses keeps its cells for later.
 *
 * `finishStageHistory` (prepass-finish.ts) then runs on the thread that has read deals.csv: ids
 * are looked up once per distinct text, rows come out in file order exactly
 * as `readStageHistory` gives them, and a row whose id is unknown or whose
 * cells were kept goes through the same zod validator, so every issue is the
 * one a reading on one thread gives (a property test compares the two).
 */
import type { Issue } from '../dataset.ts';
import type { ByteSource } from './decode.ts';
import type { FieldPrepass } from './field-prepass.ts';
import type { OtherFilesPrepass } from './other-files-prepass.ts';
import { growColumns, sendable } from './grown.ts';
import { Interner } from './interner.ts';
import { IssueLog } from './issues.ts';
import { STAGE_HISTORY_FILE } from './file-names.ts';
import { historyFastPath } from './history-fast-path.ts';
import { type RowContext, stageHistoryRow } from './schema.ts';
import { rowEstimate } from './row-capacity.ts';
import { rowReader } from './row-reader.ts';
import { readTable } from './table.ts';
import { type JoinedTexts, joinTexts } from './text-range.ts';
import { keepCells, type PlainTable, plainTable } from './prepass-rows.ts';

/** What the reading thread hands over (plain data and typed arrays: it crosses threads). */
export interface HistoryPrepass {
  table: PlainTable;
  /** Distinct deal_id texts; code 0 is unused. */
  ids: JoinedTexts;
  length: number;
  /** Per row: its deal_id's code, or -1 - k for the k-th row in `kept`. */
  code: Int32Array<ArrayBuffer>;
  stage: Int32Array<ArrayBuffer>;
  at: Float64Array<ArrayBuffer>;
  line: Int32Array<ArrayBuffer>;
  /** The cells of the rows the fast path refused, for the zod validator. */
  kept: Record<string, string>[];
  /** Per code, what `HistoryColumns` keeps per deal, from the rows of that code: made here, on the reading thread. */
  latest: LatestByCode;
  issues: Issue[];
  /** field_history.csv, when the thread that read this took it too (history-thread.ts). */
  field?: FieldPrepass;
  /** accounts.csv and targets.csv, likewise. */
  others?: OtherFilesPrepass;
}

/** The prepass's typed columns, one entry per row read. */
const HISTORY_COLUMNS = ['code', 'stage', 'at', 'line'] as const;

export function readHistoryPrepass(source: ByteSource, ctx: RowContext, onProgress?: (done: number, total: number) => void): HistoryPrepass {
  const issues = new IssueLog();
  // The parsers only: no deal is known here (`ids` codes them instead).
  const def = stageHistoryRow(ctx, () => 0);
  const columns = Object.keys(def.fields);
  const spec = { file: STAGE_HISTORY_FILE, required: columns, known: columns };
  let out: (Omit<HistoryPrepass, 'table' | 'issues' | 'ids' | 'latest'> & { ids: string[] }) | null = null;
  const table = readTable(source, spec, { issues, onProgress: onProgress && ((_f, done, total) => onProgress(done, total)) }, (t) => {
    // Fresh state for each decoding attempt (see readTable).
    const capacity = rowEstimate(source);
    const ids = [''];
    const interner = new Interner(ids);
    const rows = { ids, length: 0, code: new Int32Array(capacity), stage: new Int32Array(capacity), at: new Float64Array(capacity), line: new Int32Array(capacity), kept: [] as Record<string, string>[] };
    out = rows;
    // A byte source gives ranges only: `get` (for rows of whole strings) is never asked.
    const fast = historyFastPath(ctx, { find: (src, s, e) => (s === e ? -1 : interner.codeRepeated(src, s, e)), get: () => -1 }, t.index.deal_id!, t.index.stage!, t.index.entered_at!);
    const readRow = rowReader(t, columns);
    return (record) => {
      const i = rows.length++;
      if (i === rows.code.length) growColumns(rows, HISTORY_COLUMNS, Math.ceil(i * 1.5) + 1024);
      if (fast.check(record)) {
        rows.code[i] = fast.deal;
        rows.stage[i] = fast.stage;
        rows.at[i] = fast.at;
      } else keepCells(rows, i, readRow(record));
      rows.line[i] = record.line;
      // Accepted for now: `finishStageHistory` corrects the tally for the rows it rejects.
      return true;
    };
  });
  const rows = out!;
  const n = rows.length;
  // Before the columns are sent (`sendable` may fit them, which detaches the ones read here).
  const latest = latestByCode(rows.ids.length, rows.code, rows.stage, rows.at, rows.line, n);
  return {
    table: plainTable(table),
    ids: joinTexts(rows.ids),
    latest,
    length: n,
    // The buffers move to the other thread, which counts their whole length (grown.ts).
    code: sendable(rows.code, n),
    stage: sendable(rows.stage, n),
    at: sendable(rows.at, n),
    line: sendable(rows.line, n),
    kept: rows.kept,
    issues: issues.issues,
  };
}

/**
 * Per code (deal_id text): its rows, and the stage, line and time of its latest row (by entered_at; of
 * equal times the later line, as `HistoryColumns.push` keeps in file order). Rows the fast path refused
 * (code < 0) are not counted: they are validated, and counted if accepted, when the reading is finished.
 */
export interface LatestByCode {
  rowCount: Int32Array<ArrayBuffer>;
  stage: Int32Array<ArrayBuffer>;
  line: Int32Array<ArrayBuffer>;
  at: Float64Array<ArrayBuffer>;
}

export function latestByCode(codes: number, code: Int32Array, stage: Int32Array, at: Float64Array, line: Int32Array, length: number): LatestByCode {
  const latest = { rowCount: new Int32Array(codes), stage: new Int32Array(codes), line: new Int32Array(codes), at: new Float64Array(codes).fill(-Infinity) };
  for (let i = 0; i < length; i++) {
    const c = code[i]!;
    if (c < 0) continue;
    latest.rowCount[c]!++;
    if (at[i]! >= latest.at[c]!) {
      latest.at[c] = at[i]!;
      latest.stage[c] = stage[i]!;
      latest.line[c] = line[i]!;
    }
  }
  return latest;
}
