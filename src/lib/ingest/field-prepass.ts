/**
 * field_history.csv read without knowing deals.csv, on the stage-history
 * thread once its stage history is read and when it is free before this
 * thread is (history-thread.ts, Node only). As history-prepass.ts does for
 * stage history: the same decoding, CSV rules, parsers and fast path as
 * `readFieldHistory`, with each deal_id coded by its text. What needs the
 * deal waits for `finishFieldHistory`: an amount is kept before the deal's
 * exchange rate, and a row whose value names a currency, or that a parser
 * refuses, keeps its cells for the validator.
 *
 * `finishFieldHistory` (prepass-finish.ts) then runs on the thread that has read deals.csv,
 * against the accepted deals: ids are looked up once per distinct text,
 * changes come out in file order as `readFieldHistory` gives them, and every
 * issue is the one a reading on one thread gives (tests/unit/ingest/history-thread.test.ts).
 */
import type { Issue } from '../dataset.ts';
import { fieldFastPath, UNTRACKED } from './field-fast-path.ts';
import type { ByteSource } from './decode.ts';
import { FIELD_HISTORY_FILE } from './file-names.ts';
import { growColumns, sendable } from './grown.ts';
import { Interner } from './interner.ts';
import { IssueLog } from './issues.ts';
import { fieldHistoryRow, type RowContext } from './schema.ts';
import { rowEstimate } from './row-capacity.ts';
import { rowReader } from './row-reader.ts';
import { readTable } from './table.ts';
import { keepCells, type PlainTable, plainTable } from './prepass-rows.ts';
import { type JoinedTexts, joinTexts } from './text-range.ts';

/** What the reading thread hands over (plain data and typed arrays: it crosses threads). */
export interface FieldPrepass {
  table: PlainTable;
  /** Distinct deal_id texts; code 0 is unused. */
  ids: JoinedTexts;
  /** Distinct expected-close dates, by the code their values hold. */
  dates: string[];
  length: number;
  /** Per row: its deal_id's code, or -1 - k for the k-th row in `kept`. */
  code: Int32Array<ArrayBuffer>;
  /** UNTRACKED, AMOUNT or CLOSE. */
  field: Int8Array<ArrayBuffer>;
  /**
   * An amount before the deal's exchange rate, or the code of a date in `dates`; NaN: no value. An UNTRACKED row's
   * values are not read: its oldValue is its field's index in `otherFields`.
   */
  oldValue: Float64Array<ArrayBuffer>;
  newValue: Float64Array<ArrayBuffer>;
  changedAt: Float64Array<ArrayBuffer>;
  line: Int32Array<ArrayBuffer>;
  /** The names of the fields the metrics do not read (unused-fields.ts). */
  otherFields: string[];
  /** The cells of the rows kept for the validator. */
  kept: Record<string, string>[];
  issues: Issue[];
}

/** No currency code is empty: a value naming its currency is checked in `finishFieldHistory`, against the deal's. */
const NO_DEAL_YET = { code: '', fxRate: 1 };

/** The prepass's typed columns, one entry per row read. */
const FIELD_COLUMNS = ['code', 'field', 'oldValue', 'newValue', 'changedAt', 'line'] as const;

export function readFieldPrepass(source: ByteSource, ctx: RowContext, onProgress?: (done: number, total: number) => void): FieldPrepass {
  const issues = new IssueLog();
  let out: (Omit<FieldPrepass, 'table' | 'issues' | 'ids'> & { ids: string[] }) | null = null;
  const columns = Object.keys(fieldHistoryRow(ctx, () => 0, () => NO_DEAL_YET).fields);
  const spec = { file: FIELD_HISTORY_FILE, required: columns, known: columns };
  const table = readTable(source, spec, { issues, onProgress: onProgress && ((_f, done, total) => onProgress(done, total)) }, (t) => {
    // Fresh state for each decoding attempt (see readTable).
    const capacity = rowEstimate(source);
    const ids = [''];
    const interner = new Interner(ids);
    // A deal_id is coded by its text, and no currency is known: an amount naming one is kept for the validator.
    const fast = fieldFastPath(ctx, (src, s, e) => interner.codeRepeated(src, s, e), () => NO_DEAL_YET.code, {
      deal: t.index.deal_id!,
      field: t.index.field!,
      oldValue: t.index.old_value!,
      newValue: t.index.new_value!,
      changedAt: t.index.changed_at!,
    });
    const rows = {
      ids,
      dates: fast.dates,
      otherFields: fast.otherFields,
      length: 0,
      code: new Int32Array(capacity),
      field: new Int8Array(capacity),
      oldValue: new Float64Array(capacity),
      newValue: new Float64Array(capacity),
      changedAt: new Float64Array(capacity),
      line: new Int32Array(capacity),
      kept: [] as Record<string, string>[],
    };
    out = rows;
    const readRow = rowReader(t, columns);
    return (record) => {
      const i = rows.length++;
      if (i === rows.code.length) growColumns(rows, FIELD_COLUMNS, Math.ceil(i * 1.5) + 1024);
      if (fast.check(record)) {
        rows.code[i] = fast.deal;
        rows.field[i] = fast.kind;
        rows.oldValue[i] = fast.kind === UNTRACKED ? fast.other : fast.oldValue;
        rows.newValue[i] = fast.newValue;
        rows.changedAt[i] = fast.changedAt;
      } else keepCells(rows, i, readRow(record));
      rows.line[i] = record.line;
      // Accepted for now: `finishFieldHistory` corrects the tally for the rows it rejects.
      return true;
    };
  });
  const rows = out!;
  const n = rows.length;
  return {
    table: plainTable(table),
    ids: joinTexts(rows.ids),
    dates: rows.dates,
    otherFields: rows.otherFields,
    length: n,
    // The buffers move to the other thread, which counts their whole length (grown.ts).
    code: sendable(rows.code, n),
    field: sendable(rows.field, n),
    oldValue: sendable(rows.oldValue, n),
    newValue: sendable(rows.newValue, n),
    changedAt: sendable(rows.changedAt, n),
    line: sendable(rows.line, n),
    kept: rows.kept,
    issues: issues.issues,
  };
}
