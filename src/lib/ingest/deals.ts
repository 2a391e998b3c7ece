/**
 * deals.csv: one candidate Deal per valid row. Whether a closed deal without
 * closed_at is acceptable depends on its stage history, so that last check
 * happens in `resolveDeals`, after stage_history.csv has been read.
 */
import type { Deal } from '../dataset.ts';
import { startOfLocalDate } from '../time.ts';
import type { IssueLog } from './issues.ts';
import { fastRowReader, RowCodes } from './coded-row.ts';
import type { CodedText, TextCodes } from '../text-codes.ts';
import { grown } from './grown.ts';
import { type IdLookup, IdTable } from './id-table.ts';
import { DEAL_REQUIRED, type DealRow, dealRow, type FieldParser, type RowContext, zodValidator } from './schema.ts';
import { readTable, type RowHandler, rowReader, type Table, type TableOptions, type TableSource } from './table.ts';
import { dotThousandsDoubt, Invalid, quoteValue } from './values.ts';
import { withoutInvisible } from './date-messages.ts';
import { isSheetError, SheetErrorText, sheetErrorTextWarning } from './sheet-errors.ts';
import type { PipelineFilter } from './pipeline-filter.ts';
import { pipelineKey } from './vendor/pipeline-choice.ts';

export const DEALS_FILE = 'deals.csv';

export interface DealsRead {
  table: Table;
  /** Valid rows in file order; `resolveDeals` may still reject some. */
  candidates: Deal[];
  /** deal_id of each rejected row (first occurrence) to its line, for clearer unknown-deal messages. */
  rejectedIds: Map<string, number>;
  /** deal_id of each candidate to its index (what `idIndex(candidates)` gives). */
  ids: IdTable;
  /** The codes of the grouping texts of the candidates, from the coded reading (`dealTextCodes`). */
  codes: CandidateCodes;
  /** Deals per value of a `pipeline` column (not part of input.md, but a CRM's export may carry one), as first written. */
  pipelines: Map<string, number>;
}

/** deals.csv's columns whose codes are kept per candidate, and the Deal text each one is. */
const CODED_COLUMNS = [
  ['account_id', 'accountId'],
  ['owner', 'owner'],
  ['team', 'team'],
  ['product', 'product'],
] as const satisfies readonly (readonly [string, CodedText])[];

/** Per candidate and coded column, its code (-1: its row was read by zod, without codes); and the reader's texts. */
interface CandidateCodes {
  rows: RowCodes;
  byCandidate: Int32Array[];
}

/** `pipeline`: with `--pipeline`, the rows of other pipelines are left out (pipeline-filter.ts); null reads every row. */
export function readDeals(source: TableSource, ctx: RowContext, opts: TableOptions, pipeline: PipelineFilter | null = null): DealsRead {
  const { issues } = opts;
  const def = dealRow(ctx);
  const columns = Object.keys(def.fields);
  let candidates: Deal[] = [];
  let rejectedIds = new Map<string, number>();
  let ids = new IdTable();
  let codes: CandidateCodes = { rows: new RowCodes([]), byCandidate: [] };
  let pipelines = new Map<string, number>();
  const spec = { file: DEALS_FILE, required: DEAL_REQUIRED, known: columns };
  const table = readTable(source, spec, opts, (t) => {
    candidates = [];
    rejectedIds = new Map();
    ids = new IdTable();
    codes = { rows: new RowCodes(CODED_COLUMNS.map(([column]) => column)), byCandidate: CODED_COLUMNS.map(() => new Int32Array(1024)) };
    const { rows: rowCodes, byCandidate } = codes;
    pipeline?.startDeals(DEALS_FILE, t);
    // The first occurrence of an id is a candidate (in `ids`), a rejected row (in `rejectedIds`), or a deal of another pipeline.
    const firstLine = (id: string) => {
      const c = ids.get(id);
      return c >= 0 ? candidates[c]!.line : (rejectedIds.get(id) ?? pipeline?.otherLine(id));
    };
    // Rows take the fast path over coded columns (coded-row.ts); only a row it refuses
    // is made into an object of cells, for zod to decide and explain.
    const fast = fastRowReader(def, columns.map((c) => t.index[c]!), opts.rowByRow, { transient: true, grouping: ['account_id', 'account_name'], codes: rowCodes });
    const validate = zodValidator(def, DEALS_FILE, issues);
    const readRow = rowReader(t, columns);
    const iId = t.index.deal_id!;
    pipelines = new Map();
    const iPipeline = t.names.indexOf('pipeline');
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
      const row = fastRow ?? validate(readRow(record), line);
      if (row === null) {
        if (id !== '') rejectedIds.set(id, line);
        return false;
      }
      const c = candidates.length;
      if (c === byCandidate[0]!.length) for (let m = 0; m < byCandidate.length; m++) byCandidate[m] = grown(byCandidate[m]!, 2 * c);
      for (let m = 0; m < byCandidate.length; m++) byCandidate[m]![c] = fastRow === null ? -1 : rowCodes.last[m]!;
      // Right after the lookup that found nothing: added where that lookup stopped.
      ids.add(id, c);
      const deal = toDeal(row, line, ctx, issues);
      // Different accounts may now share one id: said on each row, where the user can compare the names.
      if (isRoundedNumber(deal.accountId)) issues.warning(DEALS_FILE, line, 'account_id', 'rounded_id', `account_id ${quoteValue(deal.accountId)}: ${ROUNDED_HINT}`);
      candidates.push(deal);
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
  return { table, candidates, rejectedIds, ids, codes, pipelines };
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

/**
 * The codes of the accepted deals' grouping texts (`remap`: each candidate's deal index, or -1), for the
 * columns whose codes hold for every deal: coded to the end, every row read by the coded reader.
 */
export function dealTextCodes(read: DealsRead, remap: Int32Array, deals: number): Partial<Record<CodedText, TextCodes>> {
  const out: Partial<Record<CodedText, TextCodes>> = {};
  CODED_COLUMNS.forEach(([, text], m) => {
    const names = read.codes.rows.texts(m);
    // A team or product holding a spreadsheet's error value is '' in its deal, not the text its code stands for: coded from the deals instead.
    if (names === null || names.some(isSheetError)) return;
    const byCandidate = read.codes.byCandidate[m]!;
    const codes = new Int32Array(deals);
    for (let c = 0; c < remap.length; c++) {
      const d = remap[c]!;
      if (d < 0) continue;
      if (byCandidate[c]! < 0) return;
      codes[d] = byCandidate[c]!;
    }
    out[text] = { codes, names };
  });
  return out;
}

/** A long number as Excel shows and saves it once it has rounded it: `1.59385E+11`. */
const ROUNDED_NUMBER = /^\d(?:[.,]\d+)?E\+\d+$/iu;
export const isRoundedNumber = (text: string) => text.length > 4 && (text.includes('E+') || text.includes('e+')) && ROUNDED_NUMBER.test(text);
export const ROUNDED_HINT = 'the id is a rounded number, as Excel writes long numeric ids, so ids that differed in the lost digits look the same: export the file again without opening it in Excel';

/** A text that only describes a deal (schema.ts `describing`): one holding a spreadsheet's error value is read as empty, said on its row. */
function described(v: string | SheetErrorText, column: string, line: number, issues: IssueLog): string {
  if (typeof v === 'string') return v;
  issues.warning(DEALS_FILE, line, column, 'sheet_error', sheetErrorTextWarning(column, v.cell));
  return '';
}

/** The Deal of a row (which the fast reader reuses for the next one: nothing of `r` itself is kept). */
function toDeal(r: DealRow, line: number, ctx: RowContext, issues: IssueLog): Deal {
  // Amounts are converted from the row's own currency.
  const { code, fxRate } = r.currency;
  if (r.amount === null) issues.warning(DEALS_FILE, line, 'amount', 'amount_missing', 'amount is empty; it counts as 0');
  // An import of old deals often has them created after they closed (the CRM's creation is the import).
  if (r.closed_at !== null && r.closed_at < r.created_at && ctx.config.stages[r.stage]!.kind !== 'open') {
    issues.warning(DEALS_FILE, line, 'closed_at', 'close_before_create', `closed_at is before created_at; without stage_history rows the deal is taken as created when it closed`);
  }
  if (r.removed_at !== null && r.removed_at <= r.created_at) {
    issues.warning(DEALS_FILE, line, 'removed_at', 'removed_before_create', `removed_at is not after created_at; the deal never counts`);
  }
  // `12.000` with a decimal point is 12, but in a European export twelve thousand: said, not guessed.
  for (const column of ['amount', 'cost'] as const) {
    const money = r[column];
    const doubt = money === null ? null : dotThousandsDoubt(money.text, ctx.numbers.decimal);
    if (doubt !== null) issues.warning(DEALS_FILE, line, column, 'ambiguous_amount', `${column} ${doubt}`);
  }
  const budget = r.budget_confirmed.value;
  if (budget instanceof Invalid) issues.warning(DEALS_FILE, line, 'budget_confirmed', budget.code, `budget_confirmed ${budget.reason}`);
  const purchase = r.purchase_type.value;
  if (purchase instanceof Invalid) issues.warning(DEALS_FILE, line, 'purchase_type', purchase.code, `purchase_type ${purchase.reason}; left empty`);
  const category = r.forecast_category.value;
  if (category instanceof Invalid) issues.warning(DEALS_FILE, line, 'forecast_category', category.code, `forecast_category ${category.reason}; the deal has no category`);
  return {
    id: r.deal_id,
    name: described(r.deal_name, 'deal_name', line, issues),
    accountId: r.account_id,
    accountName: described(r.account_name, 'account_name', line, issues),
    owner: r.owner,
    team: described(r.team, 'team', line, issues),
    product: described(r.product, 'product', line, issues),
    amount: r.amount === null ? null : r.amount.value * fxRate,
    currency: code,
    fxRate,
    createdAt: r.created_at,
    expectedCloseAt: r.expected_close_at,
    closedAt: r.closed_at,
    removedAt: r.removed_at,
    stage: r.stage,
    lostReason: described(r.lost_reason, 'lost_reason', line, issues),
    winReason: described(r.win_reason, 'win_reason', line, issues),
    competitor: described(r.competitor, 'competitor', line, issues),
    source: described(r.source, 'source', line, issues),
    keyman: described(r.keyman, 'keyman', line, issues),
    budgetConfirmed: budget === true,
    forecastCategory: category instanceof Invalid ? null : category,
    purchaseType: purchase instanceof Invalid ? '' : purchase,
    // A calendar date; the Dataset keeps the instant of its local midnight.
    installedAt: r.installed_at === null ? null : startOfLocalDate(r.installed_at, ctx.config.timezone),
    lifecycleMonths: r.lifecycle_months,
    cost: r.cost === null ? null : r.cost.value * fxRate,
    line,
  };
}

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
      for (const id of ids.texts()) {
        const plain = withoutInvisible(id);
        if (plain !== id) invisibleIds.set(plain, id);
      }
    }
    return invisibleIds.get(cell);
  };
  return (cell) => {
    const d = ids.get(cell);
    if (d >= 0) return d;
    const rejectedOn = rejectedIds.get(cell);
    if (rejectedOn !== undefined) return new Invalid('unknown_deal', `${quoteValue(cell)} belongs to a rejected deals.csv row (line ${rejectedOn})`);
    const other = twin(cell);
    const hint = other === undefined ? '' : `; deals.csv has ${quoteValue(other)}, the same id but for a character that prints as nothing (as text copied from a web page or a chat carries): delete it where it is`;
    return new Invalid('unknown_deal', `${quoteValue(cell)} is not in deals.csv${hint}`);
  };
}

export function idIndex(deals: readonly Deal[]): IdTable {
  return IdTable.from(deals.map((d, i) => [d.id, i] as const));
}

/**
 * Reject closed (won/lost) candidates without closed_at and without any
 * stage_history row: nothing says when they closed. Returns the accepted
 * deals and, for each candidate, its new index (-1 when rejected).
 */
export function resolveDeals(read: DealsRead, historyRows: Int32Array, ctx: RowContext, issues: IssueLog): { deals: Deal[]; remap: Int32Array } {
  const { stages } = ctx.config;
  const deals: Deal[] = [];
  const remap = new Int32Array(read.candidates.length).fill(-1);
  read.candidates.forEach((deal, c) => {
    const stage = stages[deal.stage]!;
    if (stage.kind !== 'open' && deal.closedAt === null && historyRows[c] === 0) {
      issues.error(
        DEALS_FILE,
        deal.line,
        'closed_at',
        'missing_close',
        `closed_at is empty for a deal in closed stage "${stage.id}" that has no stage_history rows, so its close date is unknown`,
      );
      read.table.stats.accepted--;
      read.table.stats.rejected++;
      if (!read.rejectedIds.has(deal.id)) read.rejectedIds.set(deal.id, deal.line);
      return;
    }
    remap[c] = deals.length;
    deals.push(deal);
  });
  return { deals, remap };
}
