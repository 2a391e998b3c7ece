/**
 * Several Opportunity History reports are read together (a long history
 * exported in parts, a report per year, say). Two that overlap would count
 * each change they share twice: doubled visits, bent times in stage and
 * conversion. They do when the same report is exported twice (a browser's
 * `report (1).csv`) or yesterday's export is left beside today's in a daily
 * job. A row of a later report that repeats a change an earlier report holds
 * (the same opportunity, date, From and To stage, amount, currency and
 * close date; as many times as the earlier reports hold it) is not used:
 * counted as rejected, with one warning per report naming its lines and the
 * report it repeats. Owner and account are left out of the comparison: they
 * are the opportunity's values at export time, not the change's.
 */
import { lineList } from '../line-runs.ts';
import type { AdapterLog } from './salesforce-common.ts';
import { reportFooter } from './salesforce-common.ts';
import type { HistoryColumns } from './salesforce-report-history.ts';
import type { VendorTable } from './types.ts';

/** Per report: the rows not to use (repeats of an earlier report's changes), or null when there are none. */
export function overlappingRows(tables: readonly VendorTable[], c: HistoryColumns, ctx: AdapterLog): (Uint8Array | null)[] {
  if (tables.length < 2) return tables.map(() => null);
  const columns = [c.id, c.name, c.created, c.date, c.from, c.to, c.amount, c.currency, c.close].map((col) => col.index);
  /** Per change: how many times the reports read so far hold it, and the first report holding it. */
  const seen = new Map<string, { count: number; table: number }>();
  const key = (table: VendorTable, r: number) => columns.map((i) => (i === -1 ? '' : table.cell(r, i))).join('\u0000');
  return tables.map((table, t) => {
    const end = reportFooter(table);
    const own = new Map<string, number>();
    let skip: Uint8Array | null = null;
    let first = -1;
    const runs: number[] = [];
    let count = 0;
    for (let r = 0; r < end; r++) {
      const k = key(table, r);
      const before = seen.get(k);
      const n = (own.get(k) ?? 0) + 1;
      own.set(k, n);
      if (before === undefined || n > before.count) continue;
      skip ??= new Uint8Array(table.length);
      skip[r] = 1;
      if (first === -1) first = before.table;
      const line = table.line(r);
      if (runs.length > 0 && runs[runs.length - 1] === line) runs[runs.length - 1] = line + 1;
      else if (runs.length < 42) runs.push(line, line + 1);
      count++;
      ctx.output.dropped.push({ file: table.file, line });
    }
    for (const [k, n] of own) {
      const before = seen.get(k);
      if (before === undefined) seen.set(k, { count: n, table: t });
      else if (n > before.count) before.count = n;
    }
    if (count > 0) {
      const these = count === 1 ? 'this row is' : 'these rows are';
      ctx.warn(
        table.file,
        runs[0]!,
        '',
        'duplicate_rows',
        `${lineList(runs, count)} ${count === 1 ? 'repeats a change' : 'repeat changes'} that "${tables[first]!.file}" holds (the same opportunity, date, stages, amount and close date): the same report exported twice, or exports of overlapping periods. Each change is counted once, so ${these} not used; keep one export of each period in the folder`,
      );
    }
    return skip;
  });
}
