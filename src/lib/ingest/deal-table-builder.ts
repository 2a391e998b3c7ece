/**
 * deals.csv's accepted rows into a DealTable (deal-table.ts), row by row as
 * the reader accepts them, with the warnings a row's values call for. The
 * text columns the coded reader coded (coded-row.ts) cost one copy of the
 * row's reader codes: each code is turned into the table's once, from the
 * value the reader parsed for it, when the table is made. Only a text the
 * reader did not code (a row zod read, a column of mostly distinct texts)
 * is looked up by its value as the row is read.
 */
import { assembleTable, type DealTable, NUMBER_COLUMNS, type NumberColumn, TEXT_COLUMNS, TextCoder } from '../deal-table.ts';
import type { TextCodes } from '../text-codes.ts';
import type { RowCodes } from './coded-row.ts';
import { FORECAST_CATEGORIES } from '../dataset.ts';
import { type LocalDate, startOfLocalDateMemo } from '../time.ts';
import { grown } from './grown.ts';
import type { IssueLog } from './issues.ts';
import type { DealRow, RowContext } from './schema.ts';
import { warnThousandsDoubt } from './amount-doubt.ts';
import { WonBackslashes } from './won-backslash.ts';
import { Invalid } from './values.ts';
import { type SheetErrorText, sheetErrorTextWarning } from './sheet-errors.ts';
import { PlaceholderText, placeholderTextWarning } from './placeholders.ts';

export const DEALS_FILE = 'deals.csv';

/** deals.csv's column of each of the table's text columns (TEXT_COLUMNS order): the columns whose reader codes a builder takes. */
export const TEXT_CSV_COLUMNS = [
  'account_id',
  'account_name',
  'owner',
  'team',
  'product',
  'currency',
  'expected_close_at',
  'lost_reason',
  'win_reason',
  'competitor',
  'source',
  'purchase_type',
] as const satisfies { length: (typeof TEXT_COLUMNS)['length'] };
const WIDTH = TEXT_CSV_COLUMNS.length;
/** Deals' names joined into one string at a time (`DealTableBuilder.nameBatches`). */
const NAME_BATCH = 1024;

/** The table's text of a value the reader parsed from a cell of each of TEXT_CSV_COLUMNS. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
const TEXT_OF: readonly ((value: unknown) => string)[] = TEXT_CSV_COLUMNS.map((column) =>
  column === 'currency'
    ? (v: unknown) => (v as { code: string }).code
    : column === 'purchase_type'
      ? (v: unknown) => asText((v as { value: unknown }).value)
      : asText,
);

const number = (c: NumberColumn) => NUMBER_COLUMNS.indexOf(c);
const [AMOUNT, FX_RATE, CREATED, CLOSED, REMOVED, INSTALLED, LIFECYCLE, COST] = [
  number('amount'),
  number('fxRate'),
  number('createdAt'),
  number('closedAt'),
  number('removedAt'),
  number('installedAt'),
  number('lifecycleMonths'),
  number('cost'),
] as const;

export class DealTableBuilder {
  length = 0;
  /**
   * Per text column, per row: the reader's code (>= 0), or ~ the index of the text in `byValue` (< 0). Made the
   * table's codes in place (`textColumn`): a second array per column was 4.8 MB of memory first touched at 100k deals.
   */
  private raw: Int32Array[];
  /** Per text column, the reader's parsed values by code (taken on its first coded row), or null. */
  private readonly outerValues: (readonly unknown[] | null)[] = TEXT_COLUMNS.map(() => null);
  /** Per text column, the texts of the cells the reader did not code. */
  private readonly byValue = TEXT_COLUMNS.map(() => new TextCoder());
  private numbers: Float64Array[];
  private stage: Int32Array;
  private budget: Uint8Array;
  private category: Int8Array;
  lines: Int32Array;
  /**
   * The deals' names, NAME_BATCH rows at a time joined into one string (`nameEnd`: where each row's name ends
   * in its batch's): the metrics never read them, and 100k strings of their own, each kept to the end, are
   * copied by the collector and fill memory touched for the first time (joined: ~35 ms less of a ~1.95 s run
   * at 100k deals). Split into one string per deal on first read.
   */
  private readonly nameBatches: string[] = [];
  private pendingNames: string[] = [];
  private nameEnd: Int32Array;
  private readonly keymen: string[] = [];
  private readonly ctx: RowContext;
  private readonly issues: IssueLog;
  /** Amounts written `\35,000,000`, read as won: said once (won-backslash.ts). */
  private readonly backslashes = new WonBackslashes();
  /** 00:00 of an install date in the config's time zone, each date worked out once. */
  private readonly installStart: (date: LocalDate) => number;

  /** `capacity`: the rows to make room for up front (more are made room for as they come). */
  constructor(ctx: RowContext, issues: IssueLog, capacity = 1024) {
    this.ctx = ctx;
    this.issues = issues;
    this.installStart = startOfLocalDateMemo(ctx.config.timezone);
    const n = Math.max(1024, capacity);
    this.raw = TEXT_CSV_COLUMNS.map(() => new Int32Array(n));
    this.numbers = NUMBER_COLUMNS.map(() => new Float64Array(n));
    this.stage = new Int32Array(n);
    this.budget = new Uint8Array(n);
    this.category = new Int8Array(n);
    this.lines = new Int32Array(n);
    this.nameEnd = new Int32Array(n);
  }

  /**
   * Adds the row read from `line` (which the fast reader reuses for the next one: nothing of `r` is kept).
   * `codes`: the reader's codes of the TEXT_CSV_COLUMNS (`last`), or null for a row zod read.
   */
  add(r: DealRow, line: number, codes: RowCodes | null): void {
    const d = this.length++;
    if (d === this.lines.length) this.grow(2 * d);
    const { issues, ctx } = this;
    const { fxRate } = r.currency;
    // Amounts are converted from the row's own currency.
    if (r.amount === null) issues.warning(DEALS_FILE, line, 'amount', 'amount_missing', 'amount is empty; it counts as 0');
    let closedAt = r.closed_at ?? NaN;
    if (r.closed_at !== null) {
      const stage = ctx.config.stages[r.stage]!;
      if (stage.kind === 'open') {
        // Unused, so said: an expected close typed into the wrong column, or a reopened deal's old close.
        issues.warning(DEALS_FILE, line, 'closed_at', 'close_on_open_stage', `closed_at is set but stage "${stage.id}" is open: closed_at is not used (an open deal has no close; an expected close date belongs in expected_close_at)`);
        // Not kept either: the data's age (model/freshness.ts) would take it for the export's latest change.
        closedAt = NaN;
      } else if (r.closed_at < r.created_at) {
        // An import of old deals often has them created after they closed (the CRM's creation is the import).
        issues.warning(DEALS_FILE, line, 'closed_at', 'close_before_create', `closed_at is before created_at; without stage_history rows the deal is taken as created when it closed`);
      }
    }
    if (r.removed_at !== null && r.removed_at <= r.created_at) {
      issues.warning(DEALS_FILE, line, 'removed_at', 'removed_before_create', `removed_at is not after created_at; the deal never counts`);
    }
    // `12.000` with a decimal point is 12, but in a European export twelve thousand: said, not guessed.
    for (const column of ['amount', 'cost'] as const) {
      const money = r[column];
      if (money === null) continue;
      warnThousandsDoubt(issues, DEALS_FILE, line, column, money.text, ctx.numbers.decimal);
      this.backslashes.see(money.text, line, column);
    }
    const budget = r.budget_confirmed.value;
    const purchase = r.purchase_type.value;
    const category = r.forecast_category.value;
    if (budget instanceof Invalid) issues.warning(DEALS_FILE, line, 'budget_confirmed', budget.code, `budget_confirmed ${budget.reason}`);
    if (purchase instanceof Invalid) issues.warning(DEALS_FILE, line, 'purchase_type', purchase.code, `purchase_type ${purchase.reason}; left empty`);
    if (category instanceof Invalid) issues.warning(DEALS_FILE, line, 'forecast_category', category.code, `forecast_category ${category.reason}; the deal has no category`);

    const n = this.numbers;
    n[AMOUNT]![d] = r.amount === null ? NaN : r.amount.value * fxRate;
    n[FX_RATE]![d] = fxRate;
    n[CREATED]![d] = r.created_at;
    n[CLOSED]![d] = closedAt;
    n[REMOVED]![d] = r.removed_at ?? NaN;
    // A calendar date; the table keeps the instant of its local midnight.
    n[INSTALLED]![d] = r.installed_at === null ? NaN : this.installStart(r.installed_at);
    n[LIFECYCLE]![d] = r.lifecycle_months ?? NaN;
    n[COST]![d] = r.cost === null ? NaN : r.cost.value * fxRate;
    this.stage[d] = r.stage;
    this.budget[d] = budget === true ? 1 : 0;
    this.category[d] = category === null || category instanceof Invalid ? -1 : FORECAST_CATEGORIES.indexOf(category);
    this.lines[d] = line;
    const name = this.described(r.deal_name, 'deal_name', line);
    const pending = this.pendingNames;
    this.nameEnd[d] = (pending.length === 0 ? 0 : this.nameEnd[d - 1]!) + name.length;
    pending.push(name);
    if (pending.length === NAME_BATCH) this.joinNames();
    // The describing text columns (schema.ts `describing`), each by its name: a loop over names read each slowly.
    this.described(r.account_name, 'account_name', line);
    this.described(r.team, 'team', line);
    this.described(r.product, 'product', line);
    this.described(r.lost_reason, 'lost_reason', line);
    this.described(r.win_reason, 'win_reason', line);
    this.described(r.competitor, 'competitor', line);
    this.described(r.source, 'source', line);
    this.keymen.push(this.described(r.keyman, 'keyman', line));

    // Each text column: the reader's code, or (~) the code of its text among the texts looked up by value.
    const raw = this.raw;
    const last = codes === null ? null : codes.last;
    for (let k = 0; k < WIDTH; k++) {
      const outer = last === null ? -1 : last[k]!;
      if (outer >= 0) {
        raw[k]![d] = outer;
        if (this.outerValues[k] === null) this.outerValues[k] = codes!.values(k);
      } else raw[k]![d] = ~this.byValue[k]!.code(TEXT_OF[k]!(r[TEXT_CSV_COLUMNS[k]!]));
    }
  }

  /** The table of the rows added; `ids`: their deal_ids, in order (the id table's, one string per deal). */
  done(ids: string[]): DealTable {
    const n = this.length;
    this.backslashes.say(this.issues, DEALS_FILE);
    // Views, not copies: a copy of every column was ~35 ms at 100k deals (new memory first touched), the room past n costs no more.
    const fit = <A extends Float64Array | Int32Array | Uint8Array | Int8Array>(a: A): A => (a.length === n ? a : (a.subarray(0, n) as A));
    const table = assembleTable(
      { id: ids, name: [], keyman: this.keymen, stage: fit(this.stage), budgetConfirmed: fit(this.budget), forecastCategory: fit(this.category), line: fit(this.lines) },
      (k) => this.textColumn(k),
      (k) => fit(this.numbers[k]!),
    );
    this.joinNames();
    const batches = this.nameBatches;
    const ends = this.nameEnd;
    let names: string[] | null = null;
    Object.defineProperty(table, 'name', {
      enumerable: true,
      get: () =>
        (names ??= Array.from({ length: n }, (_, d) => {
          const batch = batches[Math.floor(d / NAME_BATCH)]!;
          return batch.slice(d % NAME_BATCH === 0 ? 0 : ends[d - 1]!, ends[d]!);
        })),
    });
    return table;
  }

  private joinNames(): void {
    if (this.pendingNames.length === 0) return;
    this.nameBatches.push(this.pendingNames.join(''));
    this.pendingNames = [];
  }

  /**
   * Text column k: codes in order of first appearance, as a coding by value gives them (the row-by-row reading's
   * table is the same), each reader code and each text looked up by value turned into the table's code once,
   * in the column's own array (a view of its first n rows, as the other columns are).
   */
  private textColumn(k: number): TextCodes {
    const n = this.length;
    const coder = new TextCoder();
    const codes = this.raw[k]!.subarray(0, n);
    const values = this.outerValues[k] ?? [];
    const byOuter = new Int32Array(values.length).fill(-1);
    const { names: looked } = this.byValue[k]!;
    const byLooked = new Int32Array(looked.length).fill(-1);
    const textOf = TEXT_OF[k]!;
    for (let d = 0; d < n; d++) {
      const v = codes[d]!;
      let code: number;
      if (v >= 0) {
        code = byOuter[v]!;
        if (code < 0) byOuter[v] = code = coder.code(textOf(values[v]));
      } else {
        code = byLooked[~v]!;
        if (code < 0) byLooked[~v] = code = coder.code(looked[~v]!);
      }
      codes[d] = code;
    }
    return { codes, names: coder.names };
  }

  /** A text that only describes a deal (schema.ts `describing`): one holding a spreadsheet's error value is read as empty, said on its row. */
  private described(v: string | SheetErrorText | PlaceholderText, column: string, line: number): string {
    if (typeof v === 'string') return v;
    if (v instanceof PlaceholderText) this.issues.warning(DEALS_FILE, line, column, 'placeholder_value', placeholderTextWarning(column, v.cell));
    else this.issues.warning(DEALS_FILE, line, column, 'sheet_error', sheetErrorTextWarning(column, v.cell));
    return '';
  }

  private grow(length: number): void {
    this.numbers = this.numbers.map((a) => grown(a, length));
    this.stage = grown(this.stage, length);
    this.budget = grown(this.budget, length);
    this.category = grown(this.category, length);
    this.lines = grown(this.lines, length);
    this.nameEnd = grown(this.nameEnd, length);
    this.raw = this.raw.map((a) => grown(a, length));
  }
}
