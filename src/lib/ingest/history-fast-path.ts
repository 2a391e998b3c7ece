/**
 * stage_history.csv's fast path, the verdict on a row without zod: shared by
 * the reading with deals.csv known (stage-history.ts) and the stage-history
 * thread's reading without it (history-prepass.ts), which needs nothing else
 * of stage-history.ts.
 */
import { isTrimSpace } from './csv.ts';
import type { CsvRecord } from './csv-record.ts';
import type { IdLookup } from './id-table.ts';
import type { RowContext } from './row-context.ts';
import { Spellings } from './text-range.ts';
import { Invalid, parseInstantRange } from './values.ts';

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
