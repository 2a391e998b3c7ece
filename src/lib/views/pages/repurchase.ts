/**
 * The Repurchase page: when each customer's purchase comes due again (the chart by month), the rows due or overdue
 * with who sold the last purchase, and the rows a follow-up deal covers with what those follow-ups are.
 */
import { repurchaseTimelineChart } from '../../charts/index.ts';
import { nameLabel } from '../../i18n/index.ts';
import { QUIET_DAYS } from '../../metrics/quiet-owners.ts';
import type { RepurchaseRow } from '../../metrics/types.ts';
import { repurchaseView } from '../chart-models.ts';
import { isDueSoon, MIN_LEAD_WON } from '../repurchase-facts.ts';
import { addDays } from '../../time.ts';
import { type Column, LIST_TOP, movedOnPage, table } from '../table.ts';
import { chartBlock } from '../chart-block.ts';
import { moneyDigits } from '../csv-digits.ts';
import { repurchaseNote } from './absence.ts';
import type { ChartsPageModel } from './analysis.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { accountLinks, ownerLinks } from './deals.ts';

export function repurchaseModel(ctx: PageContext): ChartsPageModel {
  const { site, m, f } = ctx;
  const link = accountLinks(ctx);
  const names = new Map(site.accounts.map((a) => [a.account_id, a.name]));
  // Who sold the last purchase: the review hands each customer due to someone.
  const ownerOf = new Map(site.metrics.repurchase.map((r, i) => [r, site.repurchase_owners[i] ?? '']));
  const owner = ownerLinks(ctx);
  // An owner gone quiet (most often a seller who left): marked, with since when, so the review hands the customer on.
  const quiet = new Map(site.quiet_owners.map((q) => [q.owner, q.last_activity]));
  const quietSince = (r: RepurchaseRow) => quiet.get(ownerOf.get(r) ?? '');
  // A won deal of unknown amount counts as 0 in metrics.json; the page says so in words, the CSV leaves the cell empty.
  const unknown = new Set(site.repurchase_amount_unknown.map((i) => site.metrics.repurchase[i]));
  // On a phone the first four columns fit (compact): whose purchase comes back, when, how much and whether it is
  // overdue; who sold it, what and when follow. The CSV keeps the columns in metrics.json's order.
  const ownerPlain = movedOnPage<RepurchaseRow>({ label: m.columns.owner, value: (r) => ownerOf.get(r) ?? '', href: (r) => owner(ownerOf.get(r) ?? '') });
  // Marked in the list still to follow up; a covered row has its follow-up deal, whoever now owns it.
  const ownerMarked = movedOnPage<RepurchaseRow>({
    ...ownerPlain.page,
    pageOnly: false,
    tone: (r) => (quietSince(r) === undefined ? undefined : 'bad'),
    note: (r) => {
      const since = quietSince(r);
      return since === undefined ? undefined : m.quietOwners.since({ date: f.date(since) });
    },
  });
  const later = [
    ownerMarked,
    movedOnPage<RepurchaseRow>({ label: m.columns.product, value: (r) => r.product }),
    movedOnPage<RepurchaseRow>({ label: m.columns.deal_id, value: (r) => r.deal_id }),
    movedOnPage<RepurchaseRow>({ label: m.columns.base_date, value: (r) => r.base_date, text: (r) => f.date(r.base_date) }),
  ];
  // Compact on the page, as the deal lists' amounts (in full in the CSV).
  const amount = movedOnPage<RepurchaseRow>({
    label: m.columns.amount,
    numeric: true,
    value: (r) => (unknown.has(r) ? null : r.amount),
    text: (r) => (unknown.has(r) ? m.common.noAmount : f.moneyCompact(r.amount)),
    tone: (r) => (unknown.has(r) ? 'muted' : undefined),
    digits: moneyDigits(f.currency),
  });
  const columns: Column<RepurchaseRow>[] = [
    { label: m.columns.account, value: (r) => names.get(r.account_id) ?? r.account_id, href: (r) => link(r.account_id) },
    ...later.map((c) => c.csv),
    { label: m.columns.next_purchase_at, value: (r) => r.next_purchase_at, text: (r) => f.date(r.next_purchase_at) },
    amount.page,
    {
      label: m.columns.status,
      // A phrase ('Due within 12 months'): two words a line on a phone, not one.
      phrase: true,
      value: (r) => r.status,
      text: (r) => m.repurchaseStatus[r.status],
      tone: (r) => (r.status === 'overdue' ? ('bad' as const) : undefined),
      csvId: m.csv.codeOf({ column: m.columns.status }),
    },
    amount.csv,
    ...later.map((c) => c.page),
  ];
  const rows = site.metrics.repurchase;
  const due = rows.filter((r) => r.status !== 'covered');
  const covered = rows.filter((r) => r.status === 'covered');
  const unmarked = new Map<Column<RepurchaseRow>, Column<RepurchaseRow>>([
    [ownerMarked.page, ownerPlain.page],
    [ownerMarked.csv, ownerPlain.csv],
  ]);
  const followUp = followUpColumns(ctx, columns.map((c) => unmarked.get(c) ?? c));
  const start = startDates(ctx);
  const dueColumns = columns.flatMap((c): Column<RepurchaseRow>[] => (c.label === m.columns.status ? [c, start.column.page] : c === amount.csv ? [c, start.column.csv] : [c]));
  const lostOnly = covered.filter(followUp.allLost).length;
  const leadIntro = [start.intro(due), quietIntro(ctx, due.filter((r) => isDueSoon(r) && quietSince(r) !== undefined).map((r) => ownerOf.get(r)!))]
    .filter((text) => text !== null)
    .join(' ');
  // A review's work first: the rows sort by next purchase, so those overdue or due within 12 months lead, and the page
  // shows them all (at least LIST_TOP rows), the later ones behind "Show all N" (on the sample 38 rows, then 283 more).
  const dueSoon = due.filter(isDueSoon).length;
  // Nothing to draw when no won deal has a lifecycle: the takeaway says what to configure.
  const missing = repurchaseNote(ctx);
  return {
    notes: missing === null && lostOnly > 0 ? [m.followUps.note({ count: lostOnly, covered: covered.length, title: m.repurchaseStatus.covered }, f)] : [],
    charts: [chartBlock('repurchase', repurchaseTimelineChart(repurchaseView(site.metrics), opts(ctx, ctx.text.repurchase, missing)), f, missing !== null)],
    tables:
      missing !== null
        ? []
        : [
            // Only with rows (missing === null): one of the two may still be empty.
            table('repurchase-due', m.sections.repurchaseDue, dueColumns, due, { empty: m.empty.noRepurchaseDue, compact: true, fold: Math.max(dueSoon, LIST_TOP) }),
            table('repurchase-covered', m.repurchaseStatus.covered, followUp.columns, covered, { empty: m.empty.noRepurchaseCovered, compact: true, fold: LIST_TOP }),
          ],
    tableIntros: missing === null && leadIntro !== '' && due.length > 0 ? [['repurchase-due', leadIntro]] : [],
  };
}

/** How many of the repurchases overdue or due within 12 months were sold by a quiet owner (`owners`: each one's), and whose; null: none. */
function quietIntro(ctx: PageContext, owners: readonly string[]): string | null {
  if (owners.length === 0) return null;
  const names = [...new Set(owners)].map((o) => nameLabel(ctx.m, o)).join(', ');
  return ctx.m.quietOwners.repurchase({ count: owners.length, names, days: QUIET_DAYS }, ctx.f);
}

/**
 * The covered list's columns: a covered row's status says nothing its list's title does not, so its follow-up deals
 * take that column (open, won or lost: metrics.md counts a lost one as covering it); the CSV keeps the status and adds
 * the three counts.
 */
function followUpColumns(ctx: PageContext, columns: Column<RepurchaseRow>[]) {
  const { site, m, f } = ctx;
  const rows = site.metrics.repurchase;
  const followUps = new Map(site.repurchase_follow_ups.map((u) => [rows[u.row]!, u]));
  const allLost = (r: RepurchaseRow) => {
    const u = followUps.get(r);
    return u !== undefined && u.open === 0 && u.won === 0;
  };
  const count = (key: 'open' | 'won' | 'lost', label: string): Column<RepurchaseRow> => ({ label, csvOnly: true, numeric: true, value: (r) => followUps.get(r)?.[key] ?? null });
  const shown: Column<RepurchaseRow> = {
    label: m.followUps.column,
    pageOnly: true,
    phrase: true,
    value: (r) => {
      const u = followUps.get(r);
      return u === undefined ? null : m.followUps.cell(u, f);
    },
    tone: (r) => (allLost(r) ? 'bad' : undefined),
    note: (r) => (allLost(r) ? m.followUps.allLost : undefined),
  };
  return {
    allLost,
    columns: columns.flatMap((c): Column<RepurchaseRow>[] =>
      c.label === m.columns.status ? [{ ...c, csvOnly: true }, shown, count('open', m.followUps.csvOpen), count('won', m.followUps.csvWon), count('lost', m.followUps.csvLost)] : [c],
    ),
  };
}

/** When to open the deal: the due date less its product's median sales cycle (a product of too few won deals: none). */
function startDates(ctx: PageContext) {
  const { site, m, f } = ctx;
  const leadDays = new Map(site.repurchase_lead_times.map((l) => [l.product, l.median_days]));
  // Asked of each row by its cell's value, text, tone and note, in both tables' page and CSV: counted once a row.
  const starts = new Map<RepurchaseRow, string | null>();
  const startBy = (r: RepurchaseRow): string | null => {
    let date = starts.get(r);
    if (date === undefined) {
      const days = leadDays.get(r.product);
      date = days === undefined || days === null ? null : addDays(r.next_purchase_at, -Math.ceil(days));
      starts.set(r, date);
    }
    return date;
  };
  // Already passed, and no deal for it yet: open one.
  const passed = (r: RepurchaseRow) => {
    const date = startBy(r);
    return date !== null && date <= site.as_of;
  };
  const column = movedOnPage<RepurchaseRow>({
    label: m.repurchaseLead.column,
    value: startBy,
    text: (r) => {
      const date = startBy(r);
      return date === null ? '—' : f.date(date);
    },
    tone: (r) => (startBy(r) === null ? 'muted' : passed(r) ? 'bad' : undefined),
    note: (r) => (passed(r) ? m.repurchaseLead.late : undefined),
  });
  /** The due list's sentence: how many rows passed their start date (none without a median to count back from). */
  const intro = (due: readonly RepurchaseRow[]): string | null => {
    const products = site.repurchase_lead_times;
    if (products.length === 0) return null;
    if (products.every((p) => p.median_days === null)) return m.repurchaseLead.noMedian({ min: MIN_LEAD_WON }, f);
    const late = due.filter(passed);
    const unmeasured = products.filter((p) => p.median_days === null).map((p) => p.product);
    return m.repurchaseLead.intro({ count: late.length, overdue: late.filter((r) => r.status === 'overdue').length, date: site.as_of, unmeasured, min: MIN_LEAD_WON }, f);
  };
  return { column, passed, intro };
}
