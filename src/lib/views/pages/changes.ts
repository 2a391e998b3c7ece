/**
 * "What changed": the as-of date against an earlier one (the previous
 * snapshot, --compare-to, or the waterfall's period): the tiles then and now,
 * the bridge of open deals, and one table of deals per kind of change. The
 * digest (views/digest.ts) renders the same model as markdown.
 */
import type { ChangeKind } from '../../metrics/compare.ts';
import type { ChangeDeal } from '../changes.ts';
import { type Column, LIST_TOP, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { countAmountTable } from '../table-kinds.ts';
import { beforeDataNote, currentVisitOnly } from './absence.ts';
import { fieldHistoryRead, historyAdvice, untrackedNote } from './file-advice.ts';
import type { PageContext } from './context.ts';
import { accountLinks, dealAndAmountColumns, ownerLinks } from './deals.ts';
import { TILE_SPECS, tileChange, tileDetail, tileFew, tileFigure, type TileModel, tileNoChange, tileValue } from './tiles.ts';

export interface ChangeSection {
  kind: ChangeKind;
  /** Anchor and table id. */
  id: string;
  title: string;
  /** The section's heading: its title and how many deals ("Slipped (3 deals)"); the title alone when `note` says it cannot be known. */
  heading: string;
  explain: string;
  /** What became of the deals stalled at the earlier date (the "No longer stalled" section), else null. */
  outcome: string | null;
  /** The order of its rows ('Largest amount first.'), after `explain`; null with fewer than two rows. */
  order: string | null;
  count: number;
  amount: number;
  table: TableModel;
  /** Why this kind cannot show (the field is not tracked), else null. */
  note: string | null;
}

export interface ChangesModel {
  /** What this data cannot show. */
  notes: string[];
  /** "From … to …" and why that earlier date. */
  period: string;
  basis: string;
  replayed: string;
  bridge: string;
  tiles: TileModel[];
  vsDate: string;
  /** Count and amount per kind (links to the sections). */
  summary: TableModel;
  sections: ChangeSection[];
  /** The earlier date's snapshot, when it is one. */
  previousSnapshot: { href: string; text: string } | null;
  snapshotsHref: string;
}

/**
 * What changed: the columns each kind's table shows after the deal and its
 * amount now, before its account and owner (a compact table: on a phone, the
 * deal, its amount and the first two of these read without scrolling sideways).
 */
type ColumnKey = 'stageFrom' | 'stageTo' | 'stageMove' | 'amountFrom' | 'amountChange' | 'closeFrom' | 'closeTo';
const KIND_COLUMNS: Record<ChangeKind, ColumnKey[]> = {
  new: ['stageTo', 'closeTo'],
  won: ['stageFrom'],
  lost: ['stageFrom'],
  removed: ['stageFrom'],
  reopened: ['stageMove'],
  advanced: ['stageMove'],
  moved_back: ['stageMove'],
  slipped: ['closeFrom', 'closeTo', 'stageTo'],
  amount_up: ['amountChange', 'amountFrom', 'stageTo'],
  amount_down: ['amountChange', 'amountFrom', 'stageTo'],
  newly_stalled: ['stageTo', 'closeTo'],
  unstalled: ['stageMove', 'closeTo'],
};

/**
 * The kinds that compare a deal's stage at the two dates: unknown when the export has only each deal's current stage
 * (a deal is no longer stalled when it has moved on, or its stage's threshold rose).
 */
const STAGE_MOVE_KINDS: ReadonlySet<ChangeKind> = new Set(['reopened', 'advanced', 'moved_back', 'unstalled']);

/** The kinds whose deals are listed by the size of their change (amount now − then), the others by their amount now. */
const BY_CHANGE: ReadonlySet<ChangeKind> = new Set(['amount_up', 'amount_down']);

/** A list's deals, the largest first (a stable sort: deals of the same amount stay in deals.csv order). */
export function byImportance(kind: ChangeKind, rows: readonly ChangeDeal[]): ChangeDeal[] {
  const size = BY_CHANGE.has(kind) ? (d: ChangeDeal) => Math.abs(d.amount_to - (d.amount_from ?? d.amount_to)) : (d: ChangeDeal) => d.amount_to;
  return rows.slice().sort((a, b) => size(b) - size(a));
}

/** The table id (and anchor) of a kind: `changes-moved-back`. */
export const changeTableId = (kind: ChangeKind) => `changes-${kind.replace(/_/gu, '-')}`;

/** The link root of the site (the part of every href before the locale). */
function siteRoot(ctx: PageContext): string {
  const home = ctx.href('overview');
  return home.slice(0, home.length - ctx.locale.length - 1);
}

export function changeColumns(ctx: PageContext, kind: ChangeKind): Column<ChangeDeal>[] {
  const { m, f } = ctx;
  const c = m.changes;
  const account = accountLinks(ctx);
  const owner = ownerLinks(ctx);
  const digits = moneyDigits(f.currency);
  const stageText = (id: string | null, missing: string) => (id === null ? missing : ctx.stage(id));
  const all: Record<ColumnKey, Column<ChangeDeal>> = {
    stageFrom: { label: c.stageFrom, value: (d) => d.stage_from, text: (d) => stageText(d.stage_from, c.notCreated), csvId: m.csv.stageIdThen },
    stageTo: { label: c.stageTo, value: (d) => d.stage_to, text: (d) => stageText(d.stage_to, c.removed), csvId: m.csv.stageIdNow },
    // The stage then and now in one cell on the page (two stage names side by side are too wide for a phone), apart in the CSV.
    stageMove: {
      label: c.stageMove,
      pageOnly: true,
      value: (d) => `${stageText(d.stage_from, c.notCreated)} → ${stageText(d.stage_to, c.removed)}`,
    },
    // An unknown amount then: "No amount", as the amount now (dealAndAmountColumns).
    amountFrom: {
      label: c.amountFrom,
      numeric: true,
      value: (d) => (d.amount_from_missing ? null : d.amount_from),
      text: (d) => (d.amount_from_missing ? m.common.noAmount : f.moneyCompact(d.amount_from)),
      tone: (d) => (d.amount_from_missing ? 'muted' : undefined),
      digits,
    },
    amountChange: {
      label: m.digest.change,
      numeric: true,
      value: (d) => (d.amount_from === null ? null : d.amount_to - d.amount_from),
      text: (d) => (d.amount_from === null ? '' : f.signedMoney(d.amount_to - d.amount_from)),
      digits,
    },
    closeFrom: { label: c.closeFrom, value: (d) => d.close_from, text: (d) => f.date(d.close_from) },
    closeTo: { label: c.closeTo, value: (d) => d.close_to, text: (d) => f.date(d.close_to) },
  };
  return [
    ...dealAndAmountColumns<ChangeDeal>(ctx, { label: c.amountTo, value: (d) => (d.amount_to_missing ? null : d.amount_to) }),
    ...KIND_COLUMNS[kind].flatMap((key) => (key === 'stageMove' ? [all.stageMove, { ...all.stageFrom, csvOnly: true }, { ...all.stageTo, csvOnly: true }] : [all[key]])),
    { label: m.columns.account_id, csvOnly: true, value: (d) => d.account_id },
    { label: m.columns.account, value: (d) => d.account_name || d.account_id, href: (d) => account(d.account_id) },
    { label: m.columns.owner, value: (d) => d.owner, href: (d) => owner(d.owner) },
  ];
}

export function changesModel(ctx: PageContext): ChangesModel {
  const { site, m, f } = ctx;
  const ch = site.changes;
  const c = m.changes;
  const unavailable = currentVisitOnly(ctx);
  // Compared with a date before the data's first record: the figures then are an empty CRM's, no base for a change.
  const beforeData = unavailable ? null : beforeDataNote(ctx, ch.from);
  const tiles = TILE_SPECS.map((spec): TileModel => {
    const current = tileFigure(ctx, spec, site.metrics);
    const compared = unavailable || beforeData ? null : ch.from_metrics;
    const { delta, good, verdict, since } = tileChange(ctx, spec, current, compared === null ? null : tileFigure(ctx, spec, compared), ch.from);
    // A figure of a handful of deals says how few, muted, as the overview's tile does.
    const few = current === null ? null : tileFew(ctx, spec.sample);
    // The second line as on the overview: the period a coverage is of ('Jun 2026 · ₩6.1B / ₩2.79B'; a bare '2.2×' named no
    // month), the deals a rate or median counts.
    return { key: spec.key, label: m.tiles[spec.key], value: tileValue(ctx, spec.key, current, site.metrics), detail: tileDetail(ctx, spec.key), hint: m.tiles.hints[spec.key], delta, since, noChange: tileNoChange(ctx, spec, current, compared, ch.from), good, verdict, trend: null, few };
  });
  const sections = ch.groups.map((g): ChangeSection => {
    const rows = byImportance(g.kind, g.deals.map((i) => ch.deals[i]!));
    const untracked =
      g.kind === 'slipped' && !ch.tracked.expected_close
        ? untrackedNote(ctx, 'expected_close_at', c.closeUntrackedExport, fieldHistoryRead(ctx) ? c.closeUntrackedInFile : c.closeUntracked)
        : (g.kind === 'amount_up' || g.kind === 'amount_down') && !ch.tracked.amount
          ? untrackedNote(ctx, 'amount', c.amountUntrackedExport, fieldHistoryRead(ctx) ? c.amountUntrackedInFile : c.amountUntracked)
          : // Only each deal's current stage: its stage at the earlier date is a guess (the first stage), as the Waterfall page says.
            unavailable && STAGE_MOVE_KINDS.has(g.kind)
            ? m.absence.stageMovesUnavailable({ advice: historyAdvice(ctx) })
            : null;
    return {
      kind: g.kind,
      id: changeTableId(g.kind),
      title: c.kinds[g.kind],
      heading: untracked === null ? m.common.aside({ text: c.kinds[g.kind], aside: m.common.dealCount({ count: g.count }, f) }) : c.kinds[g.kind],
      explain: c.explain[g.kind],
      outcome: g.kind === 'unstalled' && untracked === null ? c.stalledOutcome({ date: ch.from, ...ch.stalled_then }, f) : null,
      order: untracked === null && rows.length > 1 ? (BY_CHANGE.has(g.kind) ? c.order.change : c.order.amount) : null,
      count: g.count,
      amount: g.amount,
      table: table(changeTableId(g.kind), c.kinds[g.kind], changeColumns(ctx, g.kind), untracked === null ? rows : [], { empty: untracked ?? c.none, compact: true, fold: LIST_TOP }),
      note: untracked,
    };
  });
  const summary = countAmountTable(
    'changes-summary',
    c.byKind,
    [c.kind, c.deals, c.amount],
    f,
    // A kind the data cannot show: "—", never a count of 0 (its section says why, linked).
    sections.map((s) => ({ label: s.title, count: s.note === null ? s.count : null, amount: s.note === null ? s.amount : null })),
    // A row per kind of change.
    { empty: NEVER_EMPTY },
  );
  summary.rows.forEach((row, i) => {
    if (sections[i]!.count > 0 || sections[i]!.note !== null) row[0]!.href = `#${sections[i]!.id}`;
  });
  const root = siteRoot(ctx);
  const isSnapshot = ch.basis === 'snapshot' && site.snapshots.some((s) => s.as_of === ch.from);
  return {
    // Which figures are missing, and since when: the tiles below show today's values and no change.
    notes: unavailable ? [m.absence.changesUnavailable({ from: ch.from, advice: historyAdvice(ctx) }, f)] : [],
    period: c.period({ from: ch.from, to: ch.to }, f),
    basis: ch.basis === 'period' ? c.basis.period({ days: daysApart(ch.from, ch.to) }, f) : c.basis[ch.basis],
    replayed: c.replayed,
    bridge: c.bridge({ from: ch.from, to: ch.to, start: ch.start.count, end: ch.end.count, endAmount: ch.end.amount }, f),
    tiles,
    vsDate: beforeData ?? `${c.vsDate({ date: ch.from }, f)} ${c.windowEach({ days: site.metrics.window_days }, f)}`,
    summary,
    sections,
    previousSnapshot: isSnapshot ? { href: `${root}snapshots/${ch.from}/${ctx.locale}/`, text: c.previousSnapshot({ date: ch.from }, f) } : null,
    snapshotsHref: ctx.href('snapshots'),
  };
}

/** Whole days from one local date to another. */
function daysApart(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every table of the page (for the CSV downloads). */
export function changesTables(model: ChangesModel): TableModel[] {
  return [model.summary, ...model.sections.map((s) => s.table)];
}
