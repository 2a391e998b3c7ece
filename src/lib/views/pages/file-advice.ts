/**
 * What to give or do so that a page can show what the data lacks, by where the data came from: the
 * export that carries stage history or amount and close-date changes for this CRM, or the name to give a
 * needed file the folder holds under another one. absence.ts words the notes around them.
 */
import type { TrackedField } from '../../dataset.ts';
import { LOCALE_TAGS } from '../../i18n/index.ts';
import { issueMessage } from '../../i18n/issue-text.ts';
import type { PageContext } from './context.ts';
import { noHistoryRowRead } from './data-notes.ts';

/** Stage history rebuilt from dated exports. */
export function historyFromSnapshots(ctx: PageContext): boolean {
  return ctx.site.source.limitations.includes('history_from_snapshots');
}

/**
 * The files of the data folder that are `canonical` under another name (`targets (1).csv`, site-data
 * `renamed_files`), for the sentences that would otherwise say to add the file; null when there are none.
 */
function renamedAs(ctx: PageContext, canonical: string): { files: string; count: number; canonical: string } | null {
  const files = ctx.site.inputs.renamed_files.filter((r) => r.canonical === canonical).map((r) => r.file);
  if (files.length === 0) return null;
  return { files: new Intl.ListFormat(LOCALE_TAGS[ctx.locale], { type: 'conjunction' }).format(files), count: files.length, canonical };
}

/** "<file> has the columns of <canonical> under another name: rename it", or null when the folder has no such file. */
export function renamedNote(ctx: PageContext, canonical: string): string | null {
  const renamed = renamedAs(ctx, canonical);
  return renamed === null ? null : ctx.m.absence.renamedFile(renamed);
}

/** What to export to get stage history, for this data's source format. */
export function historyAdvice(ctx: PageContext): string {
  const advice = ctx.m.absence.historyAdvice;
  // The file was there but none of its rows could be read: adding it is not the fix (data-notes.ts says why).
  if (noHistoryRowRead(ctx)) return advice.rejected;
  const format = ctx.site.source.format;
  return Object.hasOwn(advice, format) ? advice[format as keyof typeof advice] : advice.other;
}

/** The formats whose exports carry no field history to add (canonical files add field_history.csv). */
const EXPORT_FORMATS = new Set(['hubspot', 'pipedrive', 'salesforce-report', 'salesforce-api']);

/**
 * How this CRM's export gets amount and close-date changes tracked, or null for canonical files (whose
 * sentences say to add field_history.csv, which is not read beside a CRM's exports).
 */
function trackingAdvice(ctx: PageContext): string | null {
  const format = ctx.site.source.format;
  if (!EXPORT_FORMATS.has(format)) return null;
  const advice = ctx.m.absence.trackingAdvice;
  if (historyFromSnapshots(ctx)) return advice.series;
  return format === 'salesforce-report' || format === 'salesforce-api' ? advice[format] : advice.other;
}

/** Whether the data has a field_history.csv (read, whatever it holds): a note then says what it lacks, not to add it. */
export const fieldHistoryRead = (ctx: PageContext): boolean => Object.hasOwn(ctx.site.metrics.data_quality.files, 'field_history.csv');

/** The issue codes of a field_history.csv field whose name reads like a tracked one (ingest/unused-fields.ts). */
const LIKE_CODES: Record<TrackedField, string> = { amount: 'field_like_amount', expected_close_at: 'field_like_expected_close' };

/**
 * field_history.csv holds the changes under a name the metrics do not read (`Expected close date`): its warning,
 * which says what to write, in place of "add field_history.csv"; null when there is none.
 */
function fieldNotRead(ctx: PageContext, field: TrackedField): string | null {
  const issue = ctx.site.metrics.data_quality.issues.find((i) => i.code === LIKE_CODES[field]);
  if (issue === undefined) return null;
  const say = field === 'amount' ? ctx.m.absence.amountFieldNotRead : ctx.m.absence.closeFieldNotRead;
  return say({ file: issue.file, line: issue.line, message: issueMessage(issue, ctx.locale) });
}

/**
 * The note for amount or close-date changes the data does not track: the warning of a field under another name
 * (`fieldNotRead`), else `inExport` with what this CRM's export needs, else (canonical files) the rename of a
 * field_history.csv the folder holds under another name, else `canonical` ("add field_history.csv").
 */
export function untrackedNote(ctx: PageContext, field: TrackedField, inExport: (p: { advice: string }) => string, canonical: string): string {
  const misnamed = fieldNotRead(ctx, field);
  if (misnamed !== null) return misnamed;
  const advice = trackingAdvice(ctx);
  if (advice !== null) return inExport({ advice });
  return renamedNote(ctx, 'field_history.csv') ?? canonical;
}
