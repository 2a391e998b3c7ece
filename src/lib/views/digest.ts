/**
 * Markdown from the site manifest: the "What changed" digest (`--digest`, for
 * a weekly review or a CI notification) and the build summary (`--summary`,
 * for a CI job summary). The digest renders the page model of
 * views/pages/changes.ts, so it says what the page says. In the config's
 * language; every name from the data is escaped (format/markdown.ts). Pure.
 */
import { EM_DASH, joinItems } from '../format/index.ts';
import { mdLink, mdTable, mdText } from '../format/markdown.ts';
import { issueMessage } from '../i18n/issue-text.ts';
import type { Locale } from '../i18n/locales.ts';
import { messages } from '../i18n/index.ts';
import type { Dataset } from '../dataset.ts';
import { beforeDataNote } from './pages/absence.ts';
import { dataNotes } from './pages/data-notes.ts';
import { changesModel } from './pages/changes.ts';
import { pageContext, type PageContext } from './pages/context.ts';
import { TILE_SPECS, tileChange, tileFigure, tileValue } from './pages/tiles.ts';
import type { Figures } from '../metrics/schema.ts';
import type { SiteData } from './schema.ts';
import { type QualityFacts, SUMMARY_ISSUES } from './quality-facts.ts';
import type { TableModel } from './table.ts';

/** At most this many deals per kind in the digest; the dashboard has all. */
export const DIGEST_ROWS = 25;

export interface MarkdownOptions {
  /**
   * The absolute URL of the report's root (`https://acme.github.io/pipescope/`,
   * or a snapshot's `…/snapshots/2026-06-30/`): links to the dashboard's
   * pages. Null: no links (the site's address is not known; pass --site).
   */
  linkRoot: string | null;
  locale?: Locale;
}

function context(site: SiteData, options: MarkdownOptions): PageContext {
  return pageContext(site, options.locale ?? site.default_locale, options.linkRoot ?? '/');
}

/** A table model's first `max` rows as markdown (links only with a link root). */
function tableMarkdown(t: TableModel, linked: boolean, max = t.rows.length): string {
  return mdTable(
    t.headers.map((h) => h.label),
    t.headers.map((h) => h.numeric),
    t.rows.slice(0, max).map((row) => row.map((cell) => (linked && cell.href && !cell.href.startsWith('#') ? mdLink(cell.text, cell.href) : mdText(cell.text)))),
  );
}

/** The key figures at both dates and the change, as on the page's tiles (none from a date before the data begins: it says so). */
function keyFigures(ctx: PageContext, from: Figures, fromDate: string, noHistory: boolean): string {
  const { site, m, f } = ctx;
  const beforeData = noHistory ? null : beforeDataNote(ctx, fromDate);
  const unavailable = noHistory || beforeData !== null;
  const rows = TILE_SPECS.map((spec) => {
    const now = tileFigure(ctx, spec, site.metrics);
    const then = unavailable ? null : tileFigure(ctx, spec, from);
    const { delta } = tileChange(ctx, spec, now, then, fromDate);
    return [m.tiles[spec.key], tileValue(ctx, spec.key, then, unavailable ? undefined : from), tileValue(ctx, spec.key, now, site.metrics), delta?.text ?? EM_DASH].map(mdText);
  });
  const d = m.digest;
  const table = mdTable([d.figure, `${d.then} (${f.date(fromDate)})`, `${d.now} (${f.date(site.as_of)})`, d.change], [false, true, true, true], rows);
  return beforeData === null ? table : `${mdText(beforeData)}\n\n${table}`;
}

/** The "What changed" digest. */
export function digestMarkdown(site: SiteData, options: MarkdownOptions): string {
  const ctx = context(site, options);
  const { m, f } = ctx;
  const linked = options.linkRoot !== null;
  const model = changesModel(ctx);
  const ch = site.changes;
  const out: string[] = [`# ${mdText(m.digest.title({ from: ch.from, to: ch.to }, f))}`, ''];
  out.push(mdText(`${model.period} ${model.basis}`), '');
  // An export nobody refreshed: said first, as on every page.
  for (const note of dataNotes(ctx)) out.push(`> ${mdText(note)}`, '');
  if (linked) out.push(joinItems([mdLink(m.digest.dashboard, ctx.href('overview')), mdLink(m.changes.title, ctx.href('changes'))]), '');
  for (const note of model.notes) out.push(`> ${mdText(note)}`, '');
  out.push(`## ${mdText(m.digest.keyFigures)}`, '', keyFigures(ctx, ch.from_metrics, ch.from, model.notes.length > 0), '');
  out.push(`## ${mdText(m.changes.byKind)}`, '', mdText(model.bridge), '', tableMarkdown(model.summary, false), '');
  for (const s of model.sections) {
    // A kind with no deal is left out, but for what became of the deals stalled then (when there were some).
    const outcome = s.outcome !== null && ch.stalled_then.count > 0 ? s.outcome : null;
    if (s.count === 0 && s.note === null && outcome === null) continue;
    out.push(`## ${mdText(s.heading)}`, '', mdText(s.order === null ? s.explain : `${s.explain} ${s.order}`), '');
    if (outcome !== null) out.push(mdText(outcome), '');
    if (s.count === 0 && s.note === null) continue;
    if (s.note !== null) {
      out.push(`> ${mdText(s.note)}`, '');
      continue;
    }
    out.push(tableMarkdown(s.table, linked, DIGEST_ROWS), '');
    if (s.count > DIGEST_ROWS) {
      const more = m.changes.more({ count: s.count - DIGEST_ROWS }, f);
      out.push(linked ? `${mdLink(more, `${ctx.href('changes')}#${s.id}`)}` : mdText(more), '');
    }
  }
  out.push(mdText(m.changes.replayed), '');
  return `${out.join('\n').replace(/\n+$/u, '')}\n`;
}

export type QualityResult =
  | { status: 'passed' }
  | { status: 'strict' }
  | { status: 'share'; max: number }
  /** --max-data-age: the newest change in the data (null: none before the as-of date) lies more than `max` days before it. */
  | { status: 'stale'; max: number; newest: string | null; age: number | null };

export interface SummaryOptions extends MarkdownOptions {
  quality: QualityResult;
  /** The date of the snapshot this build added, if any. */
  snapshot: string | null;
}

/** The build summary: key figures and the data-quality result. */
export function summaryMarkdown(site: SiteData, quality: QualityFacts, options: SummaryOptions): string {
  const ctx = context(site, options);
  const { m, f, locale } = ctx;
  const s = m.summary;
  const files = Object.entries(quality.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = files.reduce((n, [, x]) => n + x.rows, 0);
  const rejected = files.reduce((n, [, x]) => n + x.rejected, 0);
  const { warnings } = quality;
  const q = options.quality;
  const result =
    q.status === 'passed'
      ? s.passed({ rejected, rows }, f)
      : q.status === 'strict'
        ? s.failedStrict({ rejected, rows }, f)
        : q.status === 'share'
          ? s.failedShare({ rejected: f.count(rejected), rows: f.count(rows), share: f.percent(rows === 0 ? 0 : rejected / rows, 2), max: String(q.max) })
          : s.failedStale({ max: q.max, newest: q.newest, age: q.age }, f);
  const out: string[] = [`# ${mdText(s.title({ date: site.as_of }, f))}`, ''];
  for (const note of dataNotes(ctx)) out.push(`> ${mdText(note)}`, '');
  if (options.linkRoot !== null && q.status === 'passed') out.push(joinItems([mdLink(m.digest.dashboard, ctx.href('overview')), mdLink(m.changes.title, ctx.href('changes'))]), '');
  if (options.snapshot !== null && q.status === 'passed') out.push(mdText(s.snapshot({ date: options.snapshot }, f)), '');
  out.push(`## ${mdText(m.digest.keyFigures)}`, '', keyFigures(ctx, site.changes.from_metrics, site.changes.from, site.source.limitations.includes('current_visit_only')), '');
  out.push(`## ${mdText(s.dataQuality)}`, '', `**${mdText(result)}**${warnings > 0 ? ` ${mdText(s.warnings({ count: warnings }, f))}` : ''}`, '');
  out.push(
    mdTable(
      [s.file, s.rows, s.accepted, s.rejected],
      [false, true, true, true],
      files.map(([name, x]) => [mdText(name), f.count(x.rows), f.count(x.accepted), f.count(x.rejected)].map((c, i) => (i === 0 ? c : mdText(c)))),
    ),
    '',
  );
  const listed = quality.firstIssues.slice(0, SUMMARY_ISSUES);
  if (listed.length > 0) {
    out.push(`### ${mdText(s.firstIssues)}`, '');
    for (const i of listed) {
      const where = [i.file, i.line > 0 ? `${i.line}` : '', i.column].filter((x) => x !== '').join(':');
      out.push(`- ${mdText(joinItems([m.severity[i.severity], where, issueMessage(i, locale)]))}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/u, '')}\n`;
}

/**
 * The summary of a build that stopped before its data-quality check (a
 * file it cannot read, a stage no config names, an --out it may not
 * replace): that it failed, and what it said (`said`, as on stderr, kept
 * literal in a code block), so that a job summary or a summary file left by
 * the run before never reads "Passed" for a run that failed.
 */
export function stoppedSummaryMarkdown(locale: Locale, code: number, said: string): string {
  const m = messages(locale);
  const text = said.replace(/\n+$/u, '');
  // A fence longer than any run of backticks in the text.
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/gu)].map((r) => r[0].length + 1)));
  return `# ${mdText(m.summary.stoppedTitle)}\n\n**${mdText(m.summary.stopped({ code }))}**\n\n${fence}text\n${text}\n${fence}\n`;
}
