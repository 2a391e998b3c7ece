/**
 * Won vs lost against each competitor (closed in the window): stacked bars,
 * won first, with the counts in the segments and the win rate in a column.
 */
import * as Plot from '@observablehq/plot';
import { winRatesClearlyDiffer } from '../rate-differences.ts';
import { finite, innerWidth, labelMargin, ratio, rowFrame, textWidth } from './layout.ts';
import {
  columnMarks,
  columnWidth,
  countAxisX,
  type KeyItem,
  KEY_LINE,
  keyLines,
  keyMarks,
  labelRowMarks,
  NARROW_MARGIN_LEFT,
  NARROW_ROW,
  rowAxisY,
  rowsSpec,
  withLabelRows,
  wrappedLabelRows,
} from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH, fill, isNarrow } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface CompetitorRow {
  label: string;
  won: number;
  lost: number;
  /** won / (won + lost); null when none. */
  winRate: number | null;
}

export interface CompetitorsViewModel {
  /** In display order (metrics.json: most deals first). */
  competitors: CompetitorRow[];
}

export interface CompetitorsTakeaway {
  /** The competitor met most often. */
  competitor: string;
  deals: string;
  /** Its win rate; null when it rests on fewer deals than `minRateDeals` (too few to state one). */
  winRate: string | null;
  /**
   * The competitor we win least against, of those met in at least `minRateDeals` closed deals, when it is not the one
   * met most often and its win rate is lower: the one a review asks about. `clear`: whether the win rates of those
   * competitors differ by more than chance would at their counts (rate-differences.ts); when not, the gap is said to be
   * no clear difference.
   */
  worst: { competitor: string; won: string; deals: string; winRate: string; clear: boolean } | null;
}

export interface CompetitorsText extends BaseChartText {
  axis: string;
  key: { won: string; lost: string };
  other: string;
  columns: { competitor: string; won: string; lost: string; winRate: string };
  takeaway(p: CompetitorsTakeaway): string;
}

export interface CompetitorsOptions extends ChartOptions<CompetitorsText> {
  /** Rows drawn; the rest fold into one `other` row (the table keeps all). Default 10. */
  maxRows?: number;
  /** The fewest closed deals a win rate of the takeaway rests on (the table shows every rate). Default 1. */
  minRateDeals?: number;
}

interface Segment {
  key: string;
  x1: number;
  x2: number;
  n: number;
}

export function competitorsChart(vm: CompetitorsViewModel, options: CompetitorsOptions): ChartOutput {
  return responsive(vm, options, 'competitors', drawCompetitors);
}

function drawCompetitors(vm: CompetitorsViewModel, options: CompetitorsOptions): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'competitors';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const all = vm.competitors;
  const table: ChartTable = {
    headers: [c.competitor, c.won, c.lost, c.winRate],
    kinds: ['text', 'count', 'count', 'percent'],
    rows: all.map((r) => [r.label, r.won, r.lost, r.winRate]),
  };
  let top: CompetitorRow | undefined;
  for (const r of all) if (finite(r.won) + finite(r.lost) > 0 && (!top || r.won + r.lost > top.won + top.lost)) top = r;
  const minDeals = Math.max(1, options.minRateDeals ?? 1);
  const closed = (r: CompetitorRow) => finite(r.won) + finite(r.lost);
  const rate = (r: CompetitorRow) => finite(r.won) / closed(r);
  // The lowest win rate of the competitors met often enough (on a tie, the one met more often: the first in order).
  let worst: CompetitorRow | undefined;
  for (const r of all) if (closed(r) >= minDeals && (!worst || rate(r) < rate(worst))) worst = r;
  const takeaway = top
    ? text.takeaway({
        competitor: top.label,
        deals: fmt.count(closed(top)),
        winRate: closed(top) >= minDeals ? fmt.percent(ratio(top.won, closed(top))) : null,
        worst:
          worst && worst !== top && (closed(top) < minDeals || rate(worst) < rate(top))
            ? {
                competitor: worst.label,
                won: fmt.count(finite(worst.won)),
                deals: fmt.count(closed(worst)),
                winRate: fmt.percent(ratio(worst.won, closed(worst))),
                // One test of every competitor met often enough, not of the pair named.
                clear: winRatesClearlyDiffer(all.filter((r) => closed(r) >= minDeals).map((r) => ({ won: finite(r.won), closed: closed(r) }))),
              }
            : null,
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!top) return output(null, meta, table);

  const maxRows = Math.max(1, options.maxRows ?? 10);
  let rows = all.map((r) => ({ label: r.label, won: finite(r.won), lost: finite(r.lost) }));
  if (rows.length > maxRows) {
    const rest = rows.slice(maxRows - 1);
    rows = [...rows.slice(0, maxRows - 1), { label: text.other, won: rest.reduce((s, r) => s + r.won, 0), lost: rest.reduce((s, r) => s + r.lost, 0) }];
  }
  const data = rows.map((r, i) => ({ ...r, key: `c${i}`, rateText: fmt.percent(ratio(r.won, r.won + r.lost)) }));
  const rateWidth = columnWidth(c.winRate, data.map((d) => d.rateText));
  const keyItems: KeyItem[] = [
    { label: text.key.won, role: 'primary' },
    { label: text.key.lost, role: 'lost' },
  ];
  // Narrow: each competitor's name on a row of its own above its bar.
  const narrow = isNarrow(width);
  const domain = narrow ? withLabelRows(data.map((d) => d.key), wrappedLabelRows(data, (d) => d.key, (d) => d.label, width - NARROW_MARGIN_LEFT - 4)) : data.map((d) => d.key);
  const marginLeft = narrow ? NARROW_MARGIN_LEFT : labelMargin(rows.map((r) => r.label), 70, Math.round(width * 0.32));
  const marginTop = 44 + (narrow ? (keyLines(keyItems, width) - 1) * KEY_LINE : 0);
  const frame = rowFrame(width, options.height, { marginTop, marginBottom: 38, marginLeft, marginRight: rateWidth + 6 }, domain.length, narrow ? NARROW_ROW : 32);
  const xMax = Math.max(1, ...rows.map((r) => r.won + r.lost));
  const px = (n: number) => (n / xMax) * innerWidth(frame);
  const won: Segment[] = data.map((d) => ({ key: d.key, x1: 0, x2: d.won, n: d.won }));
  const lost: Segment[] = data.map((d) => ({ key: d.key, x1: d.won, x2: d.won + d.lost, n: d.lost }));
  const fits = (s: Segment) => s.n > 0 && px(s.n) >= textWidth(fmt.count(s.n)) + 8;
  const segmentLabels = (segments: Segment[], role: 'onDark' | 'onLight') =>
    Plot.text(segments.filter(fits), { y: 'key', x: (s: Segment) => (s.x1 + s.x2) / 2, text: (s: Segment) => fmt.count(s.n), ...fill(role) });

  const spec = rowsSpec(frame, { domain, padding: narrow ? 0.15 : 0.22, ...(narrow ? { axis: null } : {}) }, xMax, [
    ...(narrow ? labelRowMarks(data, { key: (d) => d.key, label: (d) => d.label, maxPx: width - marginLeft - 4 }) : [rowAxisY(data, marginLeft)]),
    ...countAxisX(fmt, xMax, text.axis, narrow ? { ticks: 3 } : {}),
    Plot.barX(won, { y: 'key', x1: 'x1', x2: 'x2', ...fill('primary') }),
    Plot.barX(lost, { y: 'key', x1: 'x1', x2: 'x2', ...fill('lost') }),
    segmentLabels(won, 'onDark'),
    segmentLabels(lost, 'onLight'),
    ...columnMarks(data, c.winRate, { y: (d) => d.key, text: (d) => d.rateText, dx: rateWidth }),
    ...keyMarks(keyItems, marginLeft, frame.marginTop, narrow ? width : undefined),
    Plot.ruleX([0]),
  ]);
  return output(spec, meta, table);
}
