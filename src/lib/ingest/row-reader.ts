/** A record's known cells as the object a row definition reads (table.ts's records into rows). */
import type { CsvRecord } from './csv-record.ts';
import type { Table } from './table.ts';

/**
 * Objects with many properties added by computed key fall into V8's slow
 * dictionary mode (and cost GC); a clone of an `Object.fromEntries` template
 * whose properties are only overwritten keeps the fast shape.
 */
export function objectTemplate<T>(keys: readonly string[], value: T): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

/** Reads the known `columns` of each record as an object of trimmed cells: the input of a row definition. */
export function rowReader(table: Table, columns: readonly string[]): (record: CsvRecord) => Record<string, string> {
  const template = objectTemplate(columns, '');
  const index = columns.map((c) => table.index[c]!);
  return (record) => {
    const row = { ...template };
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = record.cell(index[i]!);
    return row;
  };
}
