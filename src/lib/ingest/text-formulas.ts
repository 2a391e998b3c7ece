/**
 * Excel's text formulas in CSV cells (input.md; docs/spec-readings.md): read
 * by csv.ts's reader as each record is made, before any reader of cells.
 */
import type { CsvRecord } from './csv-record.ts';

/** What an Excel text formula holds: one string literal, its quotes doubled. */
const FORMULA_LITERAL = /^(?:[^"]|"")*$/;

/**
 * Excel's text formula `="00123"`, which exports made for Excel write so that
 * Excel keeps a value as text (leading zeros, long ids, dates): read as the
 * text inside the quotes, as Excel shows it, whether the cell is quoted
 * (`"=""00123"""`) or not. Only a formula that is one string literal; the
 * record notes the first such cell, for a warning.
 */
export function unwrapTextFormulas(record: CsvRecord): void {
  for (let i = 0; i < record.length; i++) {
    record.range(i);
    const src = record.rangeSrc;
    const s = record.rangeStart;
    const e = record.rangeEnd;
    if (e - s < 3 || src.charCodeAt(s) !== 61 || src.charCodeAt(s + 1) !== 34 || src.charCodeAt(e - 1) !== 34) continue;
    const inner = src.slice(s + 2, e - 1);
    if (!FORMULA_LITERAL.test(inner)) continue;
    if (record.formulaCell < 0) {
      record.formulaCell = i;
      record.formulaRaw = src.slice(s, e);
    }
    record.setString(i, inner.replaceAll('""', '"'));
  }
}
