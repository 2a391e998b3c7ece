/**
 * deals.csv: one candidate Deal per valid row. Whether a closed deal without
 * closed_at is acceptable depends on its stage history, so that last check
 * happens in `resolveDeals`, after stage_history.csv has been read.
 */
import { type DealTable, tableRows } from '../deal-table.ts';
import type { IssueLog } from './issues.ts';
import { fastRowReader, RowCodes } from './coded-row.ts';
import { type IdLookup, IdTable } from './id-table.ts';
import { zodValidator } from './row-validator.ts';
import { DEAL_REQUIRED, dealRow, type FieldParser, type RowContext } from './schema.ts';
import { rowReader } from './row-reader.ts';
import { isRowsSource, readTable, type RowHandler, type Table, type TableOptions, type TableSource } from './table.ts';
import { Invalid, quoteValue } from './values.ts';
import { isPlaceholder, placeholderNameWarning } from './placeholders.ts';
import { hasInvisible, mayHaveInvisible, withoutInvisible } from './date-messages.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { warnProbabilityColumns } from './probability-columns.ts';
import { pipelineKey } from './vendor/pipeline-choice.ts';
import { DealTableBuilder, DEALS_FILE, TEXT_CSV_COLUMNS } from './deal-table-builder.ts';
import { totalsRowMessage } from './totals-row.ts';
import { numberKey, numericIds } from './near-names.ts';
import type { CsvRecord } from './csv-record.ts';

export { DEALS_FILE };

export interface DealsRead {
  table: Table;
  /** Valid rows in file order; `resolveDeals` may still reject some. */
  candidates: DealTable;
  /** deal_id of each rejected row (first occurrence) to its line, for clearer unknown-deal messages. */
  rejectedIds: Map<string, number>;
  /** deal_id of each candidate to its index (what `idIndex(candidates)` gives). */
  ids: IdTable;
  /** Deals per value of a `pipeline` column (not part of input.md, but a CRM's export may carry one), as first written. */
  pipelines: Map<string, number>;
}

/** `pipeline`: with `--pipeline`, the rows of other pipelines are left out (pipeline-filter.ts); null reads every row. */
export function readDeals(source: TableSource, ctx: RowContext, opts: TableOptions, pipeline: PipelineFilter | null = null): DealsRead {
  const { issues } = opts;
  const def = dealRow(ctx);
  const columns = Object.keys(def.fields);
  let candidates = new DealTableBuilder(ctx, issues);
  let rejectedIds = new Map<string, number>();
  let ids = new IdTable();
  let pipelines = new Map<string, number>();
  const spec = { file: DEALS_FILE, required: DEAL_REQUIRED, known: columns };
  const table = readTable(source, spec, opts, (t) => {
    candidates = new DealTableBuilder(ctx, issues, likelyRows(source));
    rejectedIds = new Map();
    ids = new IdTable();
    const rowCodes = new RowCodes(TEXT_CSV_COLUMNS);
    pipeline?.startDeals(DEALS_FILE, t);
    // The first occurrence of an id is a candidate (in `ids`), a rejected row (in `rejectedIds`), or a deal of another pipeline.
    const firstLine = (id: string) => {
      const c = ids.get(id);
      return c >= 0 ? candidates.lines[c]! : (rejectedIds.get(id) ?? pipeline?.otherLine(id));
    };
    // Rows take the fast path over coded columns (coded-row.ts); only a row it refuses
    // is made into an object of cells, for zod to decide and explain.
    const fast = fastRowReader(def, columns.map((c) => t.index[c]!), opts.rowByRow, { transient: true, grouping: ['account_id', 'account_name'], views: ['deal_name'], codes: rowCodes });
    const validate = zodValidator(def, DEALS_FILE, issues);
    const readRow = rowReader(t, columns);
    const iId = t.index.deal_id!;
    pipelines = new Map();
    const iPipeline = t.names.indexOf('pipeline');
    // Only for a row the fast path refused: a "Total" row is said as what it is.
    const required = DEAL_REQUIRED.map((c) => t.index[c]!);
    const refusedTotals = (record: CsvRecord, line: number): boolean => {
      const cells = t.names.map((_, i) => (i < record.length ? record.cell(i) : ''));
      const totals = totalsRowMessage(cells, t.names, required, DEALS_FILE);
      if (totals !== null) issues.error(DEALS_FILE, line, totals.column, 'totals_row', totals.message);
      return totals !== null;
    };
    const handle: RowHandler = (record) => {
      const line = record.line;
      const id = record.cell(iId);
      const first = firstLine(id);
      if (first !== undefined) {
        const why = isRoundedNumber(id) ? `; ${ROUNDED_HINT}` : '';
        issues.error(DEALS_FILE, line, 'deal_id', 'duplicate_id', `deal_id ${quoteValue(id)} already appears on line ${first}; this later row is rejected${why}`);
        return false;
      }
      // Counted as accepted here, taken back from the tally once the file is read (`settle`).
      if (pipeline !== null && pipeline.leavesDeal(DEALS_FILE, (i) => record.cell(i), id, line)) return true;
      const fastRow = fast(record);
      const row = fastRow ?? (refusedTotals(record, line) ? null : validate(readRow(record), line));
      if (row === null) {
        if (id !== '') rejectedIds.set(id, line);
        return false;
      }
      // Right after the lookup that found nothing: added where that lookup stopped.
      ids.add(id, candidates.length);
      candidates.add(row, line, fastRow === null ? null : rowCodes);
      // Different accounts may now share one id: said on each row, where the user can compare the names.
      if (isRoundedNumber(row.account_id)) issues.warning(DEALS_FILE, line, 'account_id', 'rounded_id', `account_id ${quoteValue(row.account_id)}: ${ROUNDED_HINT}`);
      if (isPlaceholder(row.account_id)) issues.warning(DEALS_FILE, line, 'account_id', 'placeholder_value', placeholderNameWarning('account_id', row.account_id));
      if (isPlaceholder(row.owner)) issues.warning(DEALS_FILE, line, 'owner', 'placeholder_value', placeholderNameWarning('owner', row.owner));
      if (iPipeline >= 0) {
        const name = record.cell(iPipeline);
        pipelines.set(name, (pipelines.get(name) ?? 0) + 1);
      }
      return true;
    };
    // A row the CSV reader rejected claims its id as any rejected row does: its history rows name its line, a later row is a duplicate.
    handle.rejected = (record) => {
      const id = iId < record.length ? record.cell(iId) : '';
      if (id !== '' && firstLine(id) === undefined) rejectedIds.set(id, record.line);
    };
    return handle;
  });
  if (pipeline !== null) {
    pipeline.settle(table);
    pipeline.checkChosen(DEALS_FILE);
  }
  warnProbabilityColumns(table, issues);
  // The id table holds the candidates' ids in the order they were added, one each: the table's id column.
  return { table, candidates: candidates.done(ids.texts()), rejectedIds, ids, pipelines };
}

/**
 * About as many rows as deals.csv has, to make room for up front: a deal's row takes some 130-260 bytes
 * in exports (24 columns, names, dates with times), so rarely fewer than half are made room for and the
 * columns grow once or twice, not seven times (each growth a copy of every column into new memory).
 */
function likelyRows(source: TableSource): number {
  return isRowsSource(source) ? source.length : Math.ceil(source.size / 160);
}

/**
 * A `pipeline` column naming several pipelines, read without `--pipeline`:
 * the deals are read as one funnel; said once, with what to do, rather than
 * mixing a renewals pipeline's stages and rates into new business unseen.
 * Pipelines are told apart as `--pipeline` matches them (case and spaces ignored).
 */
export function severalPipelinesWarning(read: DealsRead, issues: IssueLog): void {
  const named = new Map<string, [name: string, deals: number]>();
  for (const [name, n] of read.pipelines) {
    if (name === '') continue;
    const key = pipelineKey(name);
    const seen = named.get(key);
    if (seen) seen[1] += n;
    else named.set(key, [name, n]);
  }
  if (named.size < 2) return;
  const list = [...named.values()].map(([name, n]) => `${quoteValue(name)}: ${n} deal${n === 1 ? '' : 's'}`).join(', ');
  issues.warning(
    DEALS_FILE,
    read.table.headerLine,
    'pipeline',
    'several_pipelines',
    `the pipeline column names ${named.size} pipelines (${list}), and they are read together as one funnel: to see one apart, read its deals and their history rows alone with --pipeline "<name>"`,
  );
}

/** A long number as Excel shows and saves it once it has rounded it: `1.59385E+11`. */
const ROUNDED_NUMBER = /^\d(?:[.,]\d+)?E\+\d+$/iu;
export const isRoundedNumber = (text: string) => text.length > 4 && (text.includes('E+') || text.includes('e+')) && ROUNDED_NUMBER.test(text);
export const ROUNDED_HINT = 'the id is a rounded number, as Excel writes long numeric ids, so ids that differed in the lost digits look the same: export the file again without opening it in Excel';

/**
 * The deal_id lookup shared by the history files: accepted deal index, or why the id is unknown. An unknown id
 * that is a deal's id but for a character that prints as nothing (a zero-width space pasted from a web page or a
 * chat, in either file) names that deal: quoted alike, the two look the same in the message.
 */
export function dealReference(ids: Pick<IdLookup, 'get'> & { texts?(): string[] }, rejectedIds: Map<string, number>): FieldParser<number> {
  // Made on the first unknown id only: by id without its invisible characters, the ids that have some.
  let invisibleIds: Map<string, string> | null = null;
  const twin = (cell: string): string | undefined => {
    const bare = withoutInvisible(cell);
    if (bare !== cell) return bare !== '' && ids.get(bare) >= 0 ? bare : undefined;
    if (!ids.texts) return undefined;
    if (invisibleIds === null) {
      invisibleIds = new Map();
      // Few exports have such an id: a plain scan of each id's characters rules most out (a replace per id was
      // ~25 ms at 100k deals, a regular expression over all of them joined ~13 ms).
      for (const id of ids.texts()) if (mayHaveInvisible(id) && hasInvisible(id)) invisibleIds.set(withoutInvisible(id), id);
    }
    return invisibleIds.get(cell);
  };
  // Likewise, made on the first unknown numeric id: deals' numeric ids by their number (`00123`, `123.0` → `123`).
  let numbered: Map<string, string> | null = null;
  const numberTwin = (cell: string): string | undefined => {
    const key = numberKey(cell);
    if (key === null || !ids.texts) return undefined;
    numbered ??= numericIds(ids.texts());
    const found = numbered.get(key);
    return found === cell ? undefined : found;
  };
  return (cell) => {
    const d = ids.get(cell);
    if (d >= 0) return d;
    const rejectedOn = rejectedIds.get(cell);
    if (rejectedOn !== undefined) return new Invalid('unknown_deal', `${quoteValue(cell)} belongs to a rejected deals.csv row (line ${rejectedOn})`);
    const other = twin(cell);
    const number = other === undefined ? numberTwin(cell) : undefined;
    const hint =
      other !== undefined
        ? `; deals.csv has ${quoteValue(other)}, the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is`
        : number !== undefined
          ? `; deals.csv has ${quoteValue(number)}, the same number written otherwise (leading zeros or a decimal ".0", as Excel rewrites an id it reads as a number): export the files again without opening them in Excel, or format the id column as text there`
          : '';
    return new Invalid('unknown_deal', `${quoteValue(cell)} is not in deals.csv${hint}`);
  };
}

export function idIndex(ids: readonly string[]): IdTable {
  return IdTable.from(ids.map((id, i) => [id, i] as const));
}

/**
 * Reject closed (won/lost) candidates without closed_at and without any
 * stage_history row: nothing says when they closed. Returns the accepted
 * deals and, for each candidate, its new index (-1 when rejected).
 */
export function resolveDeals(read: DealsRead, historyRows: Int32Array, ctx: RowContext, issues: IssueLog): { deals: DealTable; remap: Int32Array } {
  const { stages } = ctx.config;
  const t = read.candidates;
  const remap = new Int32Array(t.length).fill(-1);
  const keep = new Int32Array(t.length);
  let kept = 0;
  for (let c = 0; c < t.length; c++) {
    const stage = stages[t.stage[c]!]!;
    if (stage.kind !== 'open' && Number.isNaN(t.closedAt[c]!) && historyRows[c] === 0) {
      const line = t.line[c]!;
      issues.error(
        DEALS_FILE,
        line,
        'closed_at',
        'missing_close',
        `closed_at is empty for a deal in closed stage "${stage.id}" that has no stage_history rows, so its close date is unknown`,
      );
      read.table.stats.accepted--;
      read.table.stats.rejected++;
      if (!read.rejectedIds.has(t.id[c]!)) read.rejectedIds.set(t.id[c]!, line);
      continue;
    }
    remap[c] = kept;
    keep[kept++] = c;
  }
  return { deals: kept === t.length ? t : tableRows(t, keep.subarray(0, kept)), remap };
}
