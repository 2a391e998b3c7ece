/** The index of dated snapshots: one row per snapshot, latest first, linking to its dashboard and its "What changed". */
import { createFormatter } from '../../format/index.ts';
import type { SnapshotEntry } from '../snapshots.ts';
import type { Cell, TableModel } from '../table.ts';
import { moneyDigits, roundTo } from '../csv-digits.ts';
import type { PageContext } from './context.ts';

export interface SnapshotsModel {
  table: TableModel;
  count: number;
}

/** The link root of the site (the part of every href before the locale). */
function siteRoot(ctx: PageContext): string {
  const home = ctx.href('overview');
  return home.slice(0, home.length - ctx.locale.length - 1);
}

/** Where a snapshot's pages are: `<root>snapshots/<date>/<locale>/<page>`. */
export function snapshotHref(ctx: PageContext, asOf: string, page = ''): string {
  return `${siteRoot(ctx)}snapshots/${asOf}/${ctx.locale}/${page}`;
}

export function snapshotsModel(ctx: PageContext): SnapshotsModel {
  const { m, f } = ctx;
  const s = m.snapshots;
  const headers = [
    { label: s.date, numeric: false },
    // Second, so that a phone shows both links of a snapshot without scrolling the table sideways.
    { label: m.changes.title, numeric: false },
    { label: m.tiles.openPipeline, numeric: true },
    { label: s.openDeals, numeric: true },
    { label: m.tiles.weightedPipeline, numeric: true },
    { label: m.tiles.winRateByCount, numeric: true },
    { label: m.tiles.stalledDeals, numeric: true },
    { label: s.version, numeric: false },
  ];
  const entries = ctx.site.snapshots;
  const rows: Cell[][] = [];
  const csvRows: (string | number | null)[][] = [];
  entries.forEach((e: SnapshotEntry, i) => {
    // Each snapshot in its own currency (the config may have changed since).
    const fe = e.currency === f.currency ? f : createFormatter(ctx.locale, e.currency);
    const tags = [i === 0 ? s.latest : '', e.redacted ? s.redacted : ''].filter((t) => t !== '');
    const x = e.figures;
    rows.push([
      { text: `${f.date(e.as_of)}${tags.length ? ` (${tags.join(', ')})` : ''}`, sort: e.as_of, href: snapshotHref(ctx, e.as_of) },
      { text: m.changes.title, sort: e.as_of, href: snapshotHref(ctx, e.as_of, 'changes/') },
      { text: fe.moneyCompact(x.open_amount), sort: x.open_amount },
      { text: f.count(x.open_count), sort: x.open_count },
      { text: fe.moneyCompact(x.weighted_amount), sort: x.weighted_amount },
      { text: f.percent(x.win_rate_by_count), sort: x.win_rate_by_count ?? -1 },
      { text: f.count(x.stalled_count), sort: x.stalled_count },
      { text: e.pipescope_version, sort: e.pipescope_version },
    ]);
    const digits = moneyDigits(e.currency);
    csvRows.push([e.as_of, e.currency, roundTo(x.open_amount, digits), x.open_count, roundTo(x.weighted_amount, digits), roundTo(x.win_rate_by_count, 2), x.stalled_count, e.pipescope_version]);
  });
  return {
    count: entries.length,
    table: {
      id: 'snapshots',
      caption: s.caption,
      // A row per snapshot, named by its date.
      rowHeader: true,
      headers,
      rows,
      csv: {
        headers: [s.date, s.currency, m.tiles.openPipeline, s.openDeals, m.tiles.weightedPipeline, m.tiles.winRateByCount, m.tiles.stalledDeals, s.version],
        rows: csvRows,
      },
      truncated: 0,
      empty: s.empty,
    },
  };
}
