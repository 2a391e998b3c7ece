/** Owners and teams, and data quality (an owner's page: owner.ts; the account pages: accounts.ts). */
import { NO_RECORD_IDS } from '../../dataset.ts';
import { nameLabel } from '../../i18n/index.ts';
import { issueMessage } from '../../i18n/issue-text.ts';
import type { Metrics } from '../../metrics/types.ts';
import type { SegmentTargetRow, SegmentTargets } from '../schema.ts';
import type { RemovedDeal } from '../deal-schemas.ts';
import { byCodePoint } from '../../stats.ts';
import { addDays } from '../../time.ts';
import { type Column, movedOnPage, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { ownerLinks } from './deals.ts';
import { isRoughCycle, medianCycleColumn } from './cycle-column.ts';
import { filterMatchesNone, MIN_QUANTILE_VALUES, lossReasonsNote, notes, periodsBeforeDataNote, repurchaseNote, stallDefaultNote, winReasonsNote } from './absence.ts';
import { flagsUncheckedNotes } from './flag-absence.ts';
import { closeDatesNote, coverageNote, noExpectedClose } from './forecast-absence.ts';
import { accountsNotes } from './accounts.ts';
import { historyAdvice, renamedNote } from './file-advice.ts';
import type { PageContext } from './context.ts';
import { ISSUES_PER_KIND } from '../issue-kinds.ts';

type Segment = Omit<Metrics['by_owner'][number], 'owner'>;

/** An owner's or team's row on the owners page: by_owner / by_team joined with its target figures. */
export interface SegmentReviewRow extends Segment, Omit<SegmentTargetRow, 'name'> {
  name: string;
}

export interface OwnersModel {
  /** The period of the targets and the sort order; what is missing (no owner or team targets). */
  notes: string[];
  owners: TableModel;
  teams: TableModel;
  tables: TableModel[];
}

const EMPTY_SEGMENT: Segment = { open_count: 0, open_amount: 0, won_count: 0, lost_count: 0, win_rate: null, median_cycle_days: null, stalled_count: 0 };

/** by_owner (or by_team) rows joined with the target rows by name, sorted by open amount (largest first), then name. */
export function segmentReviewRows(segments: readonly (Segment & { name: string })[], targets: SegmentTargets): SegmentReviewRow[] {
  const byName = new Map<string, SegmentReviewRow>();
  for (const t of targets.rows) byName.set(t.name, { ...EMPTY_SEGMENT, ...t });
  for (const s of segments) {
    const t = byName.get(s.name);
    byName.set(s.name, { slug: null, teams: [], target_amount: null, won_amount: 0, attainment: null, weighted_amount: 0, commit_amount: null, best_case_amount: null, ...t, ...s });
  }
  return [...byName.values()].sort((a, b) => b.open_amount - a.open_amount || byCodePoint(a.name, b.name));
}

function reviewColumns(ctx: PageContext, head: string, href: (r: SegmentReviewRow) => string | undefined): Column<SegmentReviewRow>[] {
  const { m, f } = ctx;
  const money = moneyDigits(f.currency);
  return [
    { label: head, value: (r) => r.name, text: (r) => nameLabel(m, r.name), href },
    { label: m.columns.open_count, numeric: true, value: (r) => r.open_count, text: (r) => f.count(r.open_count) },
    // Compact amounts keep a dozen columns readable; the CSV has them in full.
    { label: m.columns.open_amount, numeric: true, value: (r) => r.open_amount, text: (r) => f.moneyCompact(r.open_amount), digits: money },
    { label: m.ownersReview.weighted, numeric: true, value: (r) => r.weighted_amount, text: (r) => f.moneyCompact(r.weighted_amount), digits: money },
    { label: m.columns.target_amount, numeric: true, value: (r) => r.target_amount, text: (r) => f.moneyCompact(r.target_amount), digits: money },
    { label: m.ownersReview.wonInPeriod, numeric: true, value: (r) => r.won_amount, text: (r) => f.moneyCompact(r.won_amount), digits: money },
    {
      label: m.ownersReview.attainment,
      numeric: true,
      value: (r) => r.attainment,
      text: (r) => f.percent(r.attainment),
      digits: 2,
      tone: (r) => (r.attainment === null ? undefined : r.attainment >= 1 ? 'good' : undefined),
      note: (r) => (r.attainment !== null && r.attainment >= 1 ? m.cellNotes.targetMet : undefined),
    },
    // The win rate with the deals behind it ('24% (20 / 83)'); won and lost counts in the CSV.
    {
      label: m.columns.win_rate,
      numeric: true,
      value: (r) => r.win_rate,
      text: (r) => f.rateOf(r.win_rate, r.won_count, r.won_count + r.lost_count),
      digits: 2,
    },
    { label: m.columns.won_count, numeric: true, value: (r) => r.won_count, csvOnly: true },
    { label: m.columns.lost_count, numeric: true, value: (r) => r.lost_count, csvOnly: true },
    medianCycleColumn(ctx),
    {
      label: m.columns.stalled_count,
      numeric: true,
      value: (r) => r.stalled_count,
      text: (r) => f.count(r.stalled_count),
      tone: (r) => (r.stalled_count > 0 ? 'bad' : undefined),
    },
  ];
}

export function ownersModel(ctx: PageContext): OwnersModel {
  const { site, m, f } = ctx;
  const owners = segmentReviewRows(site.metrics.by_owner.map((r) => ({ ...r, name: r.owner })), site.owners);
  const teams = segmentReviewRows(site.metrics.by_team.map((r) => ({ ...r, name: r.team })), site.teams);
  const link = ownerLinks(ctx);
  // Empty only when no deal existed on the date (nor a target named anyone): a filter that matches none says so.
  const none = filterMatchesNone(ctx);
  const ownersTable = table('by-owner', m.sections.byOwner, reviewColumns(ctx, m.columns.owner, (r) => link(r.name)), owners, {
    empty: none ? m.absence.filterMatchesNone : m.empty.noOwners,
  });
  const teamsTable = table('by-team', m.sections.byTeam, reviewColumns(ctx, m.columns.team, () => undefined), teams, {
    empty: none ? m.absence.filterMatchesNone : m.empty.noTeams,
  });
  const rough = [...owners, ...teams].some(isRoughCycle);
  return {
    notes: notes(
      ...targetNotes(ctx),
      (site.owners.has_targets || site.teams.has_targets) && periodsBeforeDataNote(ctx, [...new Set([site.owners.period, site.teams.period])]),
      m.ownersReview.windowColumns({ from: addDays(site.as_of, 1 - site.metrics.window_days), to: site.as_of }, f),
      rough && m.rough.note({ min: MIN_QUANTILE_VALUES }, f),
    ),
    owners: ownersTable,
    teams: teamsTable,
    tables: [ownersTable, teamsTable],
  };
}

/**
 * What the target, won and attainment columns are for, and why a target is
 * missing. A filtered view (filters/subset.ts `filterTargets`) says what its
 * filter allows: under a product or period filter no target applies (targets
 * are per owner or team and period), so the columns stay empty for that
 * reason and not for a missing row of targets.csv; under an owner filter the
 * team rows hold only the owner's deals; under a team filter a missing target
 * is this team's or its owners'.
 */
function targetNotes(ctx: PageContext): (string | false)[] {
  const { site, m, f } = ctx;
  const follow = ctx.filter?.targets ?? 'all';
  const owners = { period: site.owners.period };
  const teams = { period: site.teams.period };
  // The period of the target columns: the owners' (the teams' when only teams have targets).
  const period =
    follow === 'none'
      ? m.ownersReview.periodWon(owners, f)
      : m.ownersReview.period({ period: site.owners.has_targets || !site.teams.has_targets ? site.owners.period : site.teams.period }, f);
  if (filterMatchesNone(ctx)) return [period, m.absence.filterMatchesNone];
  if (!site.inputs.targets_file) return [period, renamedNote(ctx, 'targets.csv') ?? m.ownersReview.noTargetsFile];
  switch (follow) {
    case 'none':
      return [period, m.ownersReview.filterNoTargets];
    case 'owner':
      return [period, !site.owners.has_targets && m.ownersReview.noTargetOfOwner(owners, f), m.ownersReview.ownerFilterTeams];
    case 'team':
      return [period, !site.owners.has_targets && m.ownersReview.noTargetsOfMembers(owners, f), !site.teams.has_targets && m.ownersReview.noTargetOfTeam(teams, f)];
    default:
      return [period, !site.owners.has_targets && m.ownersReview.noOwnerTargets(owners, f), !site.teams.has_targets && m.ownersReview.noTeamTargets(teams, f)];
  }
}

export interface DataQualityModel {
  /** Where the data came from and what that kind of export cannot tell, in words. */
  source: string[];
  /** Everything the pages cannot show from this data, and how to get it. */
  limits: string[];
  /** What "removed" means, above the table of removed deals. */
  removedNote: string;
  /** The removed deals' heading with their count: 'Deals removed from the CRM (0 deals)', 'CRM에서 삭제된 딜(0건)'. */
  removedHeading: string;
  removed: TableModel;
  /** Files read, issues by kind (when there are too many to list), and the issues listed. */
  tables: TableModel[];
  /** When the site lists only the first issues of each kind: how many of how many, and where all of them are. */
  issuesNote: string | null;
}

export function dataQualityModel(ctx: PageContext): DataQualityModel {
  const { site, m, f } = ctx;
  const names = m.source.formats;
  const format = site.source.format;
  const name = Object.hasOwn(names, format) ? names[format as keyof typeof names] : format;
  const limitations = site.source.limitations.map((code) => {
    if (code === 'current_visit_only') return m.source.currentVisitOnly({ advice: historyAdvice(ctx) });
    if (code === 'history_from_snapshots') return m.absence.snapshots;
    if (code === NO_RECORD_IDS) return m.source.noRecordIds;
    return m.source.otherLimitation({ code: ctx.label(code) });
  });
  const removed = removedTable(ctx);
  return {
    source: [m.source.readFrom({ name }), ...(site.source.limitations.includes('current_visit_only') ? [] : [m.source.fullHistory]), ...limitations],
    limits: notes(
      closeDatesNote(ctx),
      noExpectedClose(ctx),
      ...flagsUncheckedNotes(ctx),
      ...accountsNotes(ctx),
      coverageNote(ctx),
      lossReasonsNote(ctx),
      winReasonsNote(ctx),
      repurchaseNote(ctx),
      stallDefaultNote(ctx),
    ),
    removedNote: m.source.removedExplained,
    removedHeading: m.common.aside({ text: m.sections.removedDeals, aside: m.common.dealCount({ count: removed.rows.length + removed.truncated }, f) }),
    removed,
    tables: dataQualityTables(ctx),
    issuesNote: issuesNote(ctx),
  };
}

/** Deals removed from the CRM before the as-of date (deals.csv `removed_at`), latest first. */
export function removedTable(ctx: PageContext): TableModel {
  const { site, m, f } = ctx;
  return table(
    'removed-deals',
    m.sections.removedDeals,
    [
      { label: m.columns.deal_id, value: (d: RemovedDeal) => d.deal_id },
      { label: m.columns.deal_name, value: (d: RemovedDeal) => d.name },
      { label: m.columns.owner, value: (d: RemovedDeal) => d.owner },
      { label: m.columns.stage_at_removal, value: (d: RemovedDeal) => d.stage, text: (d: RemovedDeal) => ctx.stage(d.stage), csvId: m.csv.stageId },
      // An unknown amount in words (the waterfall's removed row counts it as 0), an empty cell in the CSV.
      {
        label: m.columns.amount,
        numeric: true,
        value: (d: RemovedDeal) => (d.amount_missing ? null : d.amount),
        text: (d: RemovedDeal) => (d.amount_missing ? m.common.noAmount : f.moneyCompact(d.amount)),
        tone: (d: RemovedDeal) => (d.amount_missing ? 'muted' : undefined),
        digits: moneyDigits(f.currency),
      },
      { label: m.columns.removed_at, value: (d: RemovedDeal) => d.removed, text: (d: RemovedDeal) => f.date(d.removed) },
    ],
    site.removed_deals,
    { empty: m.empty.noRemoved },
  );
}

/** Every issue, counted by kind; the site lists only the first of each kind (issue-kinds.ts) when it lists fewer. */
const issuesTotal = (site: PageContext['site']) => site.issue_kinds.reduce((n, k) => n + k.count, 0);
const issuesCut = (site: PageContext['site']) => issuesTotal(site) > site.metrics.data_quality.issues.length;

function issuesNote(ctx: PageContext): string | null {
  const { site, m, f } = ctx;
  if (!issuesCut(site)) return null;
  return m.source.issuesListed({ total: issuesTotal(site), perKind: ISSUES_PER_KIND, listed: site.metrics.data_quality.issues.length }, f);
}

function dataQualityTables(ctx: PageContext): TableModel[] {
  const { site, m, f } = ctx;
  const dq = site.metrics.data_quality;
  const files = Object.entries(dq.files).map(([file, s]) => ({ file, ...s }));
  const severity = {
    label: m.columns.severity,
    value: (r: { severity: 'error' | 'warning' }) => r.severity,
    text: (r: { severity: 'error' | 'warning' }) => m.severity[r.severity],
    tone: (r: { severity: 'error' | 'warning' }) => (r.severity === 'error' ? ('bad' as const) : ('muted' as const)),
    csvId: m.csv.codeOf({ column: m.columns.severity }),
  };
  // Line 0: the issue is about the whole file (one not read, a header), not a line of it.
  const lineText = (line: number) => (line > 0 ? String(line) : '—');
  const issueLine = movedOnPage<(typeof dq.issues)[number]>({ label: m.columns.line, numeric: true, value: (r) => r.line, text: (r) => lineText(r.line) });
  const issueColumn = movedOnPage<(typeof dq.issues)[number]>({ label: m.columns.column, value: (r) => r.column });
  const issueCode = movedOnPage<(typeof dq.issues)[number]>({ label: m.columns.code, value: (r) => r.code });
  const kinds = issuesCut(site)
    ? [
        table('issue-kinds', m.sections.issueKinds, [
          { label: m.columns.file, value: (k) => k.file, fileName: true },
          severity,
          { label: m.columns.code, value: (k) => k.code },
          { label: m.columns.issueCount, numeric: true, value: (k) => k.count, text: (k) => f.count(k.count) },
          { label: m.columns.firstLine, numeric: true, value: (k) => k.first.line, text: (k) => lineText(k.first.line) },
          { label: m.columns.firstMessage, wide: true, value: (k) => issueMessage(k.first, ctx.locale) },
          // The file sorts the kinds into groups; no one column names a kind (its file and code together do).
        ], site.issue_kinds, { empty: NEVER_EMPTY /* made only when there are too many issues to list */, rowHeader: false }),
      ]
    : [];
  return [
    table('files', m.sections.files, [
      { label: m.columns.file, value: (r) => r.file, fileName: true },
      { label: m.columns.rows, numeric: true, value: (r) => r.rows, text: (r) => f.count(r.rows) },
      { label: m.columns.accepted, numeric: true, value: (r) => r.accepted, text: (r) => f.count(r.accepted) },
      { label: m.columns.rejected, numeric: true, value: (r) => r.rejected, text: (r) => f.count(r.rejected), tone: (r) => (r.rejected > 0 ? 'bad' : undefined) },
    ], files, { empty: NEVER_EMPTY /* deals.csv, or the export in its place, at least */ }),
    ...kinds,
    // A compact table: on a phone the file, severity and message read without scrolling sideways;
    // the line, column and code come after them on the page, in their place in the CSV.
    table('issues', m.sections.issues, [
      { label: m.columns.file, value: (r) => r.file, fileName: true },
      issueLine.csv,
      issueColumn.csv,
      severity,
      issueCode.csv,
      // Translated by code (English when the code or its wording has no translation).
      { label: m.columns.message, wide: true, value: (r) => issueMessage(r, ctx.locale) },
      issueLine.page,
      issueColumn.page,
      issueCode.page,
      // Many issues share a file: it groups them, it does not name one (no row header).
    ], dq.issues, { empty: m.empty.noIssues, maxRows: 2000, compact: true, rowHeader: false }),
  ];
}
