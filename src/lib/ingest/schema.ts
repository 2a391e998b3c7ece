/**
 * Row definitions, one per file.
 *
 * A row definition is a parser of values.ts per column plus a `combine` step
 * for rules that span columns. Its zod schema (row-validator.ts `rowSchema`)
 * is the single definition of a valid row, and it produces the issues.
 * Because zod costs a few microseconds per wide row, rows first take
 * `parseRowFast`, which runs the very same parser functions and `combine`
 * without zod and only says yes or no; a "no" re-runs the row through zod
 * for the messages. deals.csv and field_history.csv take it as
 * `codedRowReader` (coded-row.ts), reading cells straight from the CSV record
 * (no object of cells unless zod is needed). stage_history.csv (a million rows is normal)
 * has an even leaner fast path (history-fast-path.ts) over the same parsers.
 * Property tests check that fast paths and zod agree.
 */
import type { TrackedField } from '../dataset.ts';
import { MAX_LIFECYCLE_MONTHS } from './dates.ts';
import type { IssueLog } from './issues.ts';
import type { RowContext } from './row-context.ts';
import { objectTemplate } from './row-reader.ts';
import { checkCurrency, parseAmountIn } from './currency-check.ts';
import { isSheetError, sheetError, SheetErrorText } from './sheet-errors.ts';
import { isPlaceholder, PlaceholderText } from './placeholders.ts';
import { Invalid, parseBoolean, parseChoice, parseForecastCategory, parseInstant, parseInteger, parseLocalDate, parsePeriod } from './values.ts';
import { parseMoney } from './money.ts';
import { looseName } from './header-spelling.ts';

export type FieldParser<T> = (cell: string) => T | Invalid;

export { rowContext, type RowContext } from './row-context.ts';

const MISSING = new Invalid('missing_value', 'is required but empty');

export const required =
  <T>(parse: FieldParser<T>): FieldParser<T> =>
  (cell) =>
    cell === '' ? MISSING : parse(cell);

export const optional =
  <T>(parse: FieldParser<T>): FieldParser<T | null> =>
  (cell) =>
    cell === '' ? null : parse(cell);

/** A text as written; a spreadsheet's error value (`#N/A`) is no name or id (sheet-errors.ts). */
const text: FieldParser<string> = (cell) => (isSheetError(cell) ? sheetError(cell) : cell);
/** A text that only describes a deal: an error value or a placeholder (`-`, `N/A`) in it keeps the row and is read as empty, with a warning (deal-table-builder.ts). */
const describing: FieldParser<string | SheetErrorText | PlaceholderText> = (cell) => (isSheetError(cell) ? new SheetErrorText(cell) : isPlaceholder(cell) ? new PlaceholderText(cell) : cell);
/** A text as written, whatever it is (field_history's values of fields the metrics ignore). */
const anyText: FieldParser<string> = (cell) => cell;

/** A problem found by `combine`, pinned to a column. */
export class ColumnInvalid extends Invalid {
  column: string;
  constructor(column: string, invalid: Invalid) {
    super(invalid.code, invalid.reason);
    this.column = column;
  }
}

export type Fields = Record<string, FieldParser<unknown>>;
export type ParsedFields<F extends Fields> = { [K in keyof F]: Exclude<ReturnType<F[K]>, Invalid> };

export interface RowDefinition<F extends Fields, Out> {
  fields: F;
  combine: (row: ParsedFields<F>) => Out | ColumnInvalid;
  /** The fast path's row object, cloned per row (see table.ts `objectTemplate`). */
  template: Record<string, unknown>;
}

export function defineRow<F extends Fields, Out>(fields: F, combine: (row: ParsedFields<F>) => Out | ColumnInvalid): RowDefinition<F, Out> {
  return { fields, combine, template: objectTemplate(Object.keys(fields), null) };
}

/** The same parsers and `combine` without zod: the row, or null when any of them rejects it. */
export function parseRowFast<F extends Fields, Out>(def: RowDefinition<F, Out>, cells: Record<string, string>): Out | null {
  const row = { ...def.template };
  for (const column in def.fields) {
    const v = def.fields[column]!(cells[column]!);
    if (v instanceof Invalid) return null;
    row[column] = v;
  }
  const out = def.combine(row as ParsedFields<F>);
  return out instanceof ColumnInvalid ? null : out;
}

/** A rejected cell's error, worded as zod's are logged (history-prepass.ts reports an unknown deal_id so without zod). */
export function logCellError(issues: IssueLog, file: string, line: number, column: string, code: string, reason: string): void {
  issues.error(file, line, column, code, column ? `${column} ${reason}` : reason);
}

// ---------------------------------------------------------------- deals.csv

export const DEAL_REQUIRED = ['deal_id', 'account_id', 'owner', 'amount', 'created_at', 'stage'] as const;

export function dealRow(ctx: RowContext) {
  const instant = (cell: string) => parseInstant(cell, ctx.dates);
  const localDate = (cell: string) => parseLocalDate(cell, ctx.dates);
  const money = (cell: string) => parseMoney(cell, ctx.numbers);
  const fields = {
    deal_id: required(text),
    deal_name: describing,
    account_id: required(text),
    account_name: describing,
    owner: required(text),
    team: describing,
    product: describing,
    amount: optional(money),
    currency: ctx.currency,
    created_at: required(instant),
    expected_close_at: optional(localDate),
    closed_at: optional(instant),
    removed_at: optional(instant),
    stage: required(ctx.stage),
    lost_reason: describing,
    win_reason: describing,
    competitor: describing,
    source: describing,
    keyman: describing,
    // These two never reject: an unreadable value stays an Invalid, which the reader warns about.
    budget_confirmed: (cell: string) => ({ value: parseBoolean(cell) }),
    purchase_type: (cell: string) => ({ value: parseChoice(cell, ['bulk', 'phased'] as const, 'purchase_type') }),
    forecast_category: (cell: string) => ({ value: parseForecastCategory(cell) }),
    installed_at: optional(localDate),
    lifecycle_months: optional((cell: string) => parseInteger(cell, 1, MAX_LIFECYCLE_MONTHS, 'months')),
    cost: optional(money),
  };
  // The row itself when its amounts are in its own currency: readDeals makes the Deal from it
  // (converting the amounts) before it reads the next row, so no copy in between.
  return defineRow(fields, (row) => {
    const { code } = row.currency;
    for (const column of ['amount', 'cost'] as const) {
      const m = row[column];
      const mismatch = m && checkCurrency(m, code, "the deal's currency");
      if (mismatch) return new ColumnInvalid(column, mismatch);
    }
    return row;
  });
}

export type DealRow = Exclude<ReturnType<ReturnType<typeof dealRow>['combine']>, ColumnInvalid>;

// ---------------------------------------------------------------- stage_history.csv

/** stage_history.csv's columns, every one required (a file is also told by them: vendor/unread-files.ts). */
export const STAGE_HISTORY_COLUMNS = ['deal_id', 'stage', 'entered_at'] as const;

export function stageHistoryRow(ctx: RowContext, deal: FieldParser<number>) {
  const fields = {
    deal_id: required(deal),
    stage: required(ctx.stage),
    entered_at: required((cell: string) => parseInstant(cell, ctx.dates)),
  } satisfies Record<(typeof STAGE_HISTORY_COLUMNS)[number], unknown>;
  return defineRow(fields, (row) => row);
}

// ---------------------------------------------------------------- field_history.csv

/** expected_close_at and its aliases (close_date, closedate) as `looseName` writes them. */
const CLOSE_DATE_FIELDS = new Set(['expectedcloseat', 'closedate']);

/**
 * `amount`, `expected_close_at` (and its aliases), or null for a field the metrics ignore. Compared as column names
 * are (header-spelling.ts `looseName`): `Close Date`, Salesforce's label, and `expected close at` are close_date and
 * expected_close_at written by hand (docs/spec-readings.md).
 */
export function trackedField(cell: string): TrackedField | null {
  const f = looseName(cell);
  return f === 'amount' ? 'amount' : CLOSE_DATE_FIELDS.has(f) ? 'expected_close_at' : null;
}

/** field_history.csv's columns (a file is also told by them: vendor/unread-files.ts). */
export const FIELD_HISTORY_COLUMNS = ['deal_id', 'field', 'old_value', 'new_value', 'changed_at'] as const;

export function fieldHistoryRow(ctx: RowContext, deal: FieldParser<number>, dealCurrency: (deal: number) => { code: string; fxRate: number }) {
  const fields = {
    deal_id: required(deal),
    field: required(text),
    old_value: anyText,
    new_value: anyText,
    changed_at: required((cell: string) => parseInstant(cell, ctx.dates)),
  } satisfies Record<(typeof FIELD_HISTORY_COLUMNS)[number], unknown>;
  // How to read the values depends on the field and, for amounts, on the deal's currency.
  const value = (cell: string, field: TrackedField | null, deal: number): number | string | null | Invalid => {
    if (cell === '' || field === null) return null;
    const { code, fxRate } = dealCurrency(deal);
    const v = field === 'amount' ? parseAmountIn(cell, code, "the deal's currency", ctx.numbers) : parseLocalDate(cell, ctx.dates);
    if (v instanceof Invalid && isSheetError(cell)) return sheetError(cell);
    return typeof v === 'number' ? v * fxRate : v;
  };
  return defineRow(fields, (row) => {
    const field = trackedField(row.field);
    const oldValue = value(row.old_value, field, row.deal_id);
    if (oldValue instanceof Invalid) return new ColumnInvalid('old_value', oldValue);
    const newValue = value(row.new_value, field, row.deal_id);
    if (newValue instanceof Invalid) return new ColumnInvalid('new_value', newValue);
    // The change as the Dataset keeps it: the reader sets its line (one object a row).
    return { deal: row.deal_id, field, oldValue, newValue, changedAt: row.changed_at, line: 0 };
  });
}

// ---------------------------------------------------------------- accounts.csv

export function accountRow() {
  const fields = {
    account_id: required(text),
    account_name: text,
    industry: text,
    segment: text,
    region: text,
    keyman: text,
    relationship: (cell: string) => parseChoice(cell, ['friendly', 'neutral', 'hostile'] as const, 'relationship'),
    budget_cycle_month: optional((cell: string) => parseInteger(cell, 1, 12, 'month')),
    installed_competitor: text,
    notes: text,
  };
  return defineRow(fields, (row) => row);
}

// ---------------------------------------------------------------- targets.csv

export const TARGET_REQUIRED = ['period', 'target_amount'] as const;

export function targetRow(ctx: RowContext) {
  const fields = {
    period: required(parsePeriod),
    owner: text,
    team: text,
    target_amount: required((cell: string) => parseAmountIn(cell, ctx.config.currency, 'the config currency', ctx.numbers)),
  };
  return defineRow(fields, (row) => row);
}
