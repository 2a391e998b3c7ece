/** A VendorTable as plain data, to compare two readings of one file (read-split tests). */
import type { VendorTable } from '../../../src/lib/ingest/vendor/vendor-table.ts';

export function vendorRecords(t: VendorTable) {
  return {
    names: t.names,
    headerLine: t.headerLine,
    rows: t.rows,
    malformed: t.malformed,
    records: Array.from({ length: t.length }, (_, r) => [t.line(r), ...Array.from({ length: t.cellCount }, (_, c) => t.cell(r, c))]),
  };
}
