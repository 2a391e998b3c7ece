/**
 * The zod half of schema.ts's row definitions: each definition as a zod
 * schema (each column a `z.string()` piped through its parser, `combine` as
 * the object's transform), the single definition of a valid row and the
 * source of its issues, asked only for a row a fast path refused. Apart from
 * schema.ts so that the stage-history thread, whose fast paths keep refused
 * rows for the main thread to check, never loads zod (391 KB of the 616 KB
 * it loaded, read while its job waited: docs/performance.md, fifty-first round).
 */
import { z } from 'zod';
import type { IssueLog } from './issues.ts';
import { ColumnInvalid, type FieldParser, type Fields, logCellError, type ParsedFields, parseRowFast, type RowDefinition } from './schema.ts';
import { isSheetError, sheetError } from './sheet-errors.ts';
import { Invalid } from './values.ts';

/** A zod schema for one cell: the parser's Invalid becomes a custom issue carrying its code. */
export function cellSchema<T>(parse: FieldParser<T>) {
  return z.string().transform((cell, ctx): T => {
    let v = parse(cell);
    if (v instanceof Invalid) {
      // An amount, date or stage cell holding a spreadsheet's error value: said as what it is (only refused rows come here).
      if (v.code !== 'sheet_error' && isSheetError(cell)) v = sheetError(cell);
      ctx.addIssue({ code: 'custom', message: v.reason, params: { code: v.code } });
      return z.NEVER;
    }
    return v;
  });
}

/** The zod schema of a row definition: the authority on validity, and the source of issues. */
export function rowSchema<F extends Fields, Out>(def: RowDefinition<F, Out>) {
  const shape = Object.fromEntries(Object.entries(def.fields).map(([column, parse]) => [column, cellSchema(parse)]));
  return z.object(shape).transform((row, ctx): Out => {
    const out = def.combine(row as ParsedFields<F>);
    if (out instanceof ColumnInvalid) {
      ctx.addIssue({ code: 'custom', path: [out.column], message: out.reason, params: { code: out.code } });
      return z.NEVER;
    }
    return out;
  });
}

/**
 * Validate rows of one file: the fast path, else the zod schema (built on the
 * first bad row), whose issues are logged. Returns the row or null (rejected).
 * Should zod ever accept a row the fast path refused, zod wins. `zodOnly`:
 * zod alone (TableOptions.rowByRow).
 */
export function rowValidator<F extends Fields, Out>(def: RowDefinition<F, Out>, file: string, issues: IssueLog, zodOnly = false) {
  const slow = zodValidator(def, file, issues);
  if (zodOnly) return slow;
  return (cells: Record<string, string>, line: number): Out | null => parseRowFast(def, cells) ?? slow(cells, line);
}

/** The zod half of `rowValidator`, for callers that ran a fast path of their own (a row it refused). */
export function zodValidator<F extends Fields, Out>(def: RowDefinition<F, Out>, file: string, issues: IssueLog) {
  let schema: ReturnType<typeof rowSchema<F, Out>> | null = null;
  return (cells: Record<string, string>, line: number): Out | null => {
    schema ??= rowSchema(def);
    const parsed = schema.safeParse(cells);
    if (parsed.success) return parsed.data;
    logZodIssues(parsed.error, file, line, issues);
    return null;
  };
}

/** Turn a failed parse into error issues on `line`, one per problem, naming the column. */
export function logZodIssues(error: z.ZodError, file: string, line: number, issues: IssueLog): void {
  for (const i of error.issues) {
    const column = typeof i.path[0] === 'string' ? i.path[0] : '';
    const code = i.code === 'custom' && typeof i.params?.code === 'string' ? i.params.code : 'invalid_value';
    logCellError(issues, file, line, column, code, i.message);
  }
}
