/**
 * What every page, the digest and the CI summary say first about the data
 * itself, before any figure: that most of deals.csv or stage_history.csv
 * was rejected (the figures then count few deals or none, or lack the
 * stages the deals went through, for reasons the Data quality page lists),
 * or that the export is older than the as-of date. An export whose
 * every date Excel rewrote as `2023. 7. 3. 오후 1:27` is read as no deal at
 * all; said as "nothing before the as-of date, check the export", it sent
 * the reader to the wrong fix.
 */
import { CLI_TEXT } from '../../i18n/cli-text.ts';
import { issueMessage } from '../../i18n/issue-text.ts';
import { daysFromTo } from '../../time.ts';
import type { PageContext } from './context.ts';

const DEALS_FILE = 'deals.csv';
const STAGE_HISTORY_FILE = 'stage_history.csv';

/**
 * From this many days between the newest change in the data and the as-of date, every page says so: a daily
 * build of an export nobody refreshes shows last month's pipeline "as of today". A week leaves room for a
 * quiet holiday; the sentence says what else it may mean.
 */
export const STALE_DATA_DAYS = 7;

/**
 * Every page's warning that the data may be older than the as-of date (or holds nothing before it: an empty
 * export, whose pages would otherwise show "$0, 0 deals" as if the pipeline were empty), or null when it is
 * recent enough.
 */
export function staleDataNote(ctx: PageContext): string | null {
  const newest = ctx.site.inputs.newest_change;
  // deals.csv with its header only: no later as-of date would show anything.
  if (fileRead(ctx, DEALS_FILE)?.rows === 0) return ctx.m.common.noDealRows;
  // Nothing at all before the as-of date (an empty export): every figure would be a bare zero.
  if (newest === null) return ctx.m.common.noDataBefore({ date: ctx.site.as_of }, ctx.f);
  const days = daysFromTo(newest, ctx.site.as_of);
  return days >= STALE_DATA_DAYS ? ctx.m.common.staleData({ newest, days }, ctx.f) : null;
}

/** A file's rows, accepted and rejected, when the data has the file. */
function fileRead(ctx: PageContext, file: string): { rows: number; accepted: number; rejected: number } | null {
  const { files } = ctx.site.metrics.data_quality;
  return Object.hasOwn(files, file) ? files[file]! : null;
}

/** Whether the data has `file` with rows, and none of them was accepted. */
function noRowRead(ctx: PageContext, file: string): boolean {
  const read = fileRead(ctx, file);
  return read !== null && read.rows > 0 && read.accepted === 0;
}

/** Whether the deals' file has rows and none of them was accepted (deals.csv, or the CRM export the deals came from). */
export const noDealRead = (ctx: PageContext) => {
  const files = ctx.site.inputs.deals_files.filter((file) => fileRead(ctx, file) !== null);
  return files.length > 0 && files.every((file) => noRowRead(ctx, file));
};
export const noHistoryRowRead = (ctx: PageContext) => noRowRead(ctx, STAGE_HISTORY_FILE);

/** The most frequent problem of a file's rejected rows, where it first appears, as the Data quality page words it ('' when none is listed). */
function mostFrequentProblem(ctx: PageContext, file: string): string {
  const { m, f, locale } = ctx;
  let most: PageContext['site']['issue_kinds'][number] | null = null;
  for (const kind of ctx.site.issue_kinds) {
    if (kind.file === file && kind.severity === 'error' && (most === null || kind.count > most.count)) most = kind;
  }
  return most === null ? '' : m.common.rejectedReason({ count: most.count, at: CLI_TEXT[locale].at(most.first), message: issueMessage(most.first, locale) }, f);
}

/**
 * The file the deals were read from (deals.csv, or the CRM export under its own name) with the most rows rejected, and
 * its rows; null when the data has none. A series of exports (one file per date) is judged by its worst file.
 */
function dealsFileRead(ctx: PageContext): { file: string; rows: number; accepted: number; rejected: number } | null {
  let worst: { file: string; rows: number; accepted: number; rejected: number } | null = null;
  for (const file of ctx.site.inputs.deals_files) {
    const read = fileRead(ctx, file);
    if (read !== null && (worst === null || worst.rows === 0 || read.rejected * worst.rows > worst.rejected * read.rows)) worst = { file, ...read };
  }
  return worst;
}

/**
 * When more than half of the deals file's rows were rejected (deals.csv, or the CRM export the deals came from, named
 * as it is): how many, the first row of the most frequent problem (file, line, column and message as the Data quality
 * page words them), and what to do.
 */
export function rejectedDealsNote(ctx: PageContext): string | null {
  const read = dealsFileRead(ctx);
  if (read === null || read.rejected * 2 <= read.rows) return null;
  const { m, f } = ctx;
  const { file, rows, rejected, accepted } = read;
  const reason = mostFrequentProblem(ctx, file);
  return accepted === 0 ? m.common.noDealRead({ dealsFile: file, rows, reason }, f) : m.common.mostDealsRejected({ dealsFile: file, rows, rejected, accepted, reason }, f);
}

/**
 * The same for stage_history.csv, when deals were read (with none, the deals' note says why its rows
 * name no deal). With none of its rows read the data knows each deal's current stage only: ingest then
 * marks it `current_visit_only`, and the pages say so where a figure needs the stages a deal went through.
 */
export function rejectedHistoryNote(ctx: PageContext): string | null {
  const read = fileRead(ctx, STAGE_HISTORY_FILE);
  if (read === null || read.rejected * 2 <= read.rows || noDealRead(ctx)) return null;
  const { m, f } = ctx;
  const reason = mostFrequentProblem(ctx, STAGE_HISTORY_FILE);
  return read.accepted === 0 ? m.common.noHistoryRead({ rows: read.rows, reason }, f) : m.common.mostHistoryRejected({ rows: read.rows, rejected: read.rejected, reason }, f);
}

/**
 * When no deal's amount says anything (none recorded, or every one 0): every amount on every page reads 0, the
 * pipeline "₩0", the velocity "₩0/day", which is said once, first, rather than beside each.
 */
export function amountsNote(ctx: PageContext): string | null {
  const { amounts } = ctx.site.inputs;
  if (amounts === null) return null;
  const zero = ctx.f.money(0);
  return amounts === 'none' ? ctx.m.common.noAmounts({ zero }) : ctx.m.common.zeroAmounts({ zero });
}

/** At least this share of the open deals without an amount is said on every page (fewer: the open pipeline's tile says how many). */
export const MISSING_AMOUNTS_SHARE = 0.1;

/** The open deals at as_of whose amount is unknown (counted as 0: metrics.md), and how many are open. */
export function openWithoutAmount(ctx: PageContext): { count: number; open: number } {
  const open = ctx.site.open_deals;
  return { count: open.filter((d) => d.amount_missing).length, open: open.length };
}

/**
 * Every open stage's probability is 0 (a config `init` wrote from an export that has none): the weighted pipeline is
 * 0 for a reason of the config, not of the pipeline. Not when amounts say nothing (amountsNote says that) or no deal
 * is open.
 */
export function noStageProbabilities(ctx: PageContext): boolean {
  const open = ctx.site.stages.filter((s) => s.kind === 'open');
  return ctx.site.inputs.amounts === null && ctx.site.metrics.pipeline.open_count > 0 && open.length > 0 && open.every((s) => s.probability === 0);
}

function probabilitiesNote(ctx: PageContext): string | null {
  return noStageProbabilities(ctx) ? ctx.m.common.noProbabilities : null;
}

/**
 * When a tenth or more of the open deals have no amount (some have one: amountsNote speaks when none has): each
 * counts as 0, so the open and weighted pipeline, coverage and the forecast read short by their worth, with no
 * other sign of it on the figures.
 */
export function missingAmountsNote(ctx: PageContext): string | null {
  if (ctx.site.inputs.amounts !== null) return null;
  const { count, open } = openWithoutAmount(ctx);
  if (count < 2 || count < open * MISSING_AMOUNTS_SHARE) return null;
  return ctx.m.common.someAmountsMissing({ count, open, zero: ctx.f.money(0) }, ctx.f);
}

/**
 * A stage_history.csv that looks cut short (ingest's `history_incomplete`: many deals without a row while the
 * others have theirs): said on every page, in the digest and at the top of the CI summary, since each deal's own
 * warning alone leaves a third of the histories made up under a run that passes its gates.
 */
export function historyIncompleteNote(ctx: PageContext): string | null {
  const issue = ctx.site.metrics.data_quality.issues.find((i) => i.code === 'history_incomplete');
  return issue ? `${issue.file}: ${issueMessage(issue, ctx.locale)}.` : null;
}

/** Closed deals in the analysis window from which "none lost" or "none open" reads as a filtered export, not chance. */
export const FILTERED_EXPORT_MIN_CLOSED = 20;

/**
 * An export that looks filtered to won deals (many closed in the window, not one lost) or to closed ones (none
 * open at all): a "Closed Won" report or a view of closed deals exported by mistake, which would read as a 100 %
 * win rate or an empty pipeline. Said as a question, since a data set can be so.
 */
export function filteredExportNote(ctx: PageContext): string | null {
  const { won_count: won, lost_count: lost } = ctx.site.metrics.win_rate;
  if (won + lost < FILTERED_EXPORT_MIN_CLOSED) return null;
  if (lost === 0) return ctx.m.common.wonOnlyExport({ won }, ctx.f);
  return ctx.site.metrics.pipeline.open_count === 0 ? ctx.m.common.closedOnlyExport({ closed: won + lost }, ctx.f) : null;
}

/**
 * Every page's footer points to the rows not used, when any input row was rejected: a tenth of the deals in a
 * currency without a rate leaves the totals a tenth short, which the notes above say only past half.
 */
export function rejectedRowsFooter(ctx: PageContext): string | null {
  let rejected = 0;
  for (const file of Object.values(ctx.site.metrics.data_quality.files)) rejected += file.rejected;
  return rejected === 0 ? null : ctx.m.site.rowsNotUsed({ count: rejected }, ctx.f);
}

/** The notes about the data, in the order shown. With no deal read, "nothing before the as-of date" is that, not an old export: one note. */
export function dataNotes(ctx: PageContext): string[] {
  const stale = noDealRead(ctx) ? null : staleDataNote(ctx);
  return [rejectedDealsNote(ctx), rejectedHistoryNote(ctx), historyIncompleteNote(ctx), stale, amountsNote(ctx), missingAmountsNote(ctx), probabilitiesNote(ctx), filteredExportNote(ctx)].filter((note) => note !== null);
}
