/**
 * targets.csv's columns that are not read (input.md: a target is per period, and per owner, team or the whole
 * company). A target per region or product (`period,target_amount,region`) is read without its region: the
 * first region's target would be the whole company's and the others refused as duplicates, with no word on
 * why. Each such column with a value is said once, on the header.
 */
import type { CsvRecord } from './csv-record.ts';
import type { IssueLog } from './issues.ts';
import { quoteValue } from './values.ts';
import type { Table } from './table.ts';
import { columnsNotRead } from './table-header.ts';

/** The header's columns that are neither read nor already warned of (a look-alike of a known one), and whether any row fills each. */
export class UnreadTargetColumns {
  private readonly positions: number[] = [];
  private readonly filled: boolean[] = [];
  private readonly table: Table;

  constructor(table: Table, issues: IssueLog) {
    this.table = table;
    const warned = new Set(issues.issues.filter((i) => i.file === table.file && i.line === table.headerLine).map((i) => i.column));
    for (const i of columnsNotRead(table)) {
      if (warned.has(table.headers[i]!)) continue;
      this.positions.push(i);
      this.filled.push(false);
    }
  }

  see(record: CsvRecord): void {
    for (let k = 0; k < this.positions.length; k++) if (!this.filled[k] && record.cell(this.positions[k]!).trim() !== '') this.filled[k] = true;
  }

  say(issues: IssueLog): void {
    this.positions.forEach((i, k) => {
      if (!this.filled[k]) return;
      const header = this.table.headers[i]!;
      issues.warning(
        this.table.file,
        this.table.headerLine,
        header,
        'target_column_not_read',
        `column ${quoteValue(header)} is not read: a target is for a period and an owner, a team or the whole company (owner and team empty), so rows that differ only in it are one target, and the later ones are refused as duplicates`,
      );
    });
  }
}
