/**
 * The Forecast page's call by owner: each owner's target for the period (the owners page's, metrics/targets.ts), won
 * in it, commit and best case (the open deals due in it their owner marked so, as the page's projected attainment
 * counts them) and won + commit against the target. A forecast review goes round the owners with it, the furthest
 * from their target first.
 */
import type { SegmentTargetRow } from '../schema.ts';
import { byCodePoint, ratio } from '../../stats.ts';
import { type Column, movedOnPage, table, type TableModel } from '../table.ts';
import { moneyDigits } from '../csv-digits.ts';
import { ownerLinks } from './deals.ts';
import type { PageContext } from './context.ts';

export interface CallSection {
  heading: string;
  intro: string;
  table: TableModel;
}

type Row = SegmentTargetRow & { projected: number | null };

/** Null without forecast categories (the page's notes say how to get them) or without an owner to list. */
export function callByOwnerSection(ctx: PageContext): CallSection | null {
  const { site, m, f } = ctx;
  const owners = site.owners;
  if (!owners.rows.some((r) => r.commit_amount !== null)) return null;
  // An owner with nothing to call and no target has no line in a review.
  const rows: Row[] = owners.rows
    .filter((r) => r.target_amount !== null || r.won_amount > 0 || (r.best_case_amount ?? 0) > 0)
    .map((r) => ({ ...r, projected: r.target_amount === null ? null : ratio(r.won_amount + (r.commit_amount ?? 0), r.target_amount) }));
  if (rows.length === 0) return null;
  // Furthest from the target first; without a target, by best case, largest first.
  rows.sort((a, b) => (a.projected ?? Infinity) - (b.projected ?? Infinity) || (b.best_case_amount ?? 0) - (a.best_case_amount ?? 0) || byCodePoint(a.name, b.name));
  const c = m.forecastPage.columns;
  const money = moneyDigits(f.currency);
  const link = ownerLinks(ctx);
  const amount = (label: string, value: (r: Row) => number | null): Column<Row> => ({ label, numeric: true, digits: money, value, text: (r) => f.moneyCompact(value(r)) });
  // The call against the target next to the owner on the page, read on a phone without scrolling sideways; the CSV has
  // it after the amounts it is made of.
  const share = movedOnPage<Row>({
    label: c.commitShare,
    numeric: true,
    digits: 4,
    value: (r) => r.projected,
    text: (r) => f.percent(r.projected),
    tone: (r) => (r.projected !== null && r.projected >= 1 ? 'good' : undefined),
    note: (r) => (r.projected !== null && r.projected >= 1 ? m.cellNotes.targetMet : undefined),
  });
  const columns: Column<Row>[] = [
    { label: m.columns.owner, value: (r) => r.name, href: (r) => link(r.name) },
    share.page,
    amount(c.target, (r) => r.target_amount),
    amount(c.won, (r) => r.won_amount),
    amount(c.commit, (r) => r.commit_amount),
    amount(c.bestCase, (r) => r.best_case_amount),
    share.csv,
  ];
  return {
    heading: m.sections.callByOwner,
    // A product, source or period filter has no target (targets are per owner or team and period): said so.
    intro: rows.some((r) => r.target_amount !== null) ? m.forecastPage.callIntro({ period: owners.period }, f) : m.forecastPage.callIntroNoTargets({ period: owners.period }, f),
    table: table('call-by-owner', m.sections.callByOwner, columns, rows, { empty: m.empty.noOwners, compact: true }),
  };
}
