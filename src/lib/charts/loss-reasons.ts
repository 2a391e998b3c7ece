/**
 * Loss (or win) reasons in two panels, by number of deals and by amount, each
 * as a share of the total so both read on one scale. A highlighted reason
 * (price, by default in the adapter) is drawn in the accent colour, so
 * whether it really is the main cause shows at a glance.
 */
import * as Plot from '@observablehq/plot';
import { finite, innerWidth, labelMargin, ratio, rowFrame } from './layout.ts';
import { endLabels, labelRowMarks, NARROW_MARGIN_LEFT, NARROW_ROW, roomyMax, rowLabelFormat, withLabelRows, wrappedLabelRows } from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH, fill, isNarrow } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface ReasonRow {
  /** The reason, resolved ('(unspecified)' already translated). */
  label: string;
  count: number;
  amount: number;
  highlight?: boolean;
  /** The deals without a recorded reason. */
  unspecified?: boolean;
}

export interface ReasonsViewModel {
  /** In display order (metrics.json: by count descending, then name). */
  reasons: ReasonRow[];
}

export interface ReasonsTakeaway {
  /** The highlighted reason when it occurs, else the most frequent one. */
  reason: string;
  countShare: string;
  amountShare: string;
  /** Whether it leads by count / by amount (ties count as leading). */
  topByCount: boolean;
  topByAmount: boolean;
  highlighted: boolean;
  /** The most frequent recorded reason when it is not `reason` (a highlighted reason that does not lead), else null. */
  mostFrequent: { reason: string; countShare: string } | null;
  /**
   * With `groupHighlighted`, the other highlighted reasons counted with `reason` (the shares and the leads are of
   * them all: "가격", "단가" and "Price" are one cause); else empty.
   */
  alsoHighlighted: string[];
}

export interface ReasonsText extends BaseChartText {
  /** Panel headers: 'By number of deals', 'By amount'. */
  panels: { count: string; amount: string };
  /** Label of the row folding the reasons beyond `maxRows`. */
  other: string;
  columns: { reason: string; count: string; countShare: string; amount: string; amountShare: string };
  takeaway(p: ReasonsTakeaway): string;
}

export interface ReasonsOptions extends ChartOptions<ReasonsText> {
  /** Rows drawn; the rest are folded into one `other` row (the table keeps all). Default 10. */
  maxRows?: number;
  /** The takeaway counts every highlighted reason as one (the loss reasons' price, however it is written). */
  groupHighlighted?: boolean;
}

type Measure = 'count' | 'amount';
interface Cell {
  key: string;
  measure: Measure;
  share: number;
  label: string;
  highlight: boolean;
}

export function reasonsChart(vm: ReasonsViewModel, options: ReasonsOptions): ChartOutput {
  return responsive(vm, options, 'reasons', drawReasons);
}

function drawReasons(vm: ReasonsViewModel, options: ReasonsOptions): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'reasons';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const all = vm.reasons;
  const totalCount = all.reduce((s, r) => s + finite(r.count), 0);
  const totalAmount = all.reduce((s, r) => s + finite(r.amount), 0);
  const table: ChartTable = {
    headers: [c.reason, c.count, c.countShare, c.amount, c.amountShare],
    kinds: ['text', 'count', 'percent', 'money', 'percent'],
    rows: all.map((r) => [r.label, r.count, ratio(r.count, totalCount), r.amount, ratio(r.amount, totalAmount)]),
  };

  const highlighted = all.filter((r) => r.highlight && r.count > 0);
  const grouped = options.groupHighlighted === true && highlighted.length > 1;
  const subject: ReasonRow | undefined = grouped
    ? { label: highlighted[0]!.label, count: sum(highlighted, (r) => r.count), amount: sum(highlighted, (r) => r.amount), highlight: true }
    : (highlighted[0] ?? all.find((r) => r.count > 0));
  // The grouped subject leads when no reason outside it is larger.
  const rivals = grouped ? all.filter((r) => !highlighted.includes(r)) : all;
  const maxCount = Math.max(0, ...rivals.map((r) => finite(r.count)));
  const maxAmount = Math.max(0, ...rivals.map((r) => finite(r.amount)));
  const recorded = rivals.filter((r) => r.unspecified !== true);
  const maxRecorded = Math.max(0, ...recorded.map((r) => finite(r.count)));
  const leader = subject && subject.count < maxRecorded ? recorded.find((r) => r.count === maxRecorded) : undefined;
  const takeaway = subject
    ? text.takeaway({
        mostFrequent: leader ? { reason: leader.label, countShare: fmt.percent(ratio(leader.count, totalCount)) } : null,
        reason: subject.label,
        countShare: fmt.percent(ratio(subject.count, totalCount)),
        amountShare: fmt.percent(ratio(subject.amount, totalAmount)),
        topByCount: subject.count >= maxCount,
        topByAmount: subject.amount >= maxAmount,
        highlighted: subject.highlight === true,
        alsoHighlighted: grouped ? [...new Set(highlighted.map((r) => r.label))].slice(1) : [],
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!subject) return output(null, meta, table);

  const maxRows = Math.max(1, options.maxRows ?? 10);
  let rows = all;
  if (all.length > maxRows) {
    const rest = all.slice(maxRows - 1);
    const other = { label: text.other, count: rest.reduce((s, r) => s + finite(r.count), 0), amount: rest.reduce((s, r) => s + finite(r.amount), 0) };
    rows = [...all.slice(0, maxRows - 1), other];
  }
  const keys = rows.map((_, i) => `r${i}`);
  // Narrow: each reason on a row of its own above its bars, which are labelled with the share only (the table has the rest).
  const narrow = isNarrow(width);
  const cells: Cell[] = rows.flatMap((r, i) => {
    const countShare = ratio(finite(r.count), totalCount);
    const amountShare = ratio(finite(r.amount), totalAmount);
    return [
      { key: keys[i]!, measure: 'count' as const, share: countShare ?? 0, label: narrow ? fmt.percent(countShare) : `${fmt.count(finite(r.count))} (${fmt.percent(countShare)})`, highlight: r.highlight === true },
      { key: keys[i]!, measure: 'amount' as const, share: amountShare ?? 0, label: narrow ? fmt.percent(amountShare) : `${fmt.moneyCompact(finite(r.amount))} (${fmt.percent(amountShare)})`, highlight: r.highlight === true },
    ];
  });

  const marginLeft = narrow ? NARROW_MARGIN_LEFT : labelMargin(rows.map((r) => r.label), 70, Math.round(width * 0.34));
  const padding = 0.12;
  const margins = { marginTop: 30, marginBottom: 30, marginLeft, marginRight: 12 };
  const inner = width - marginLeft - margins.marginRight;
  const panelWidth = (inner * (1 - padding)) / 2;
  // Narrow: a reason's name takes its panel and the gap after it, on two lines when one cannot hold it.
  const labelPx = panelWidth + (inner * padding) / 2 - 6;
  const labelled = rows.map((r, i) => ({ key: keys[i]!, label: r.label, highlight: r.highlight === true }));
  const domain = narrow ? withLabelRows(keys, wrappedLabelRows(labelled, (r) => r.key, (r) => r.label, labelPx)) : keys;
  const frame = rowFrame(width, options.height, margins, domain.length, narrow ? NARROW_ROW : 30);
  const xMax = Math.max(0.25, roomyMax(cells.map((d) => ({ value: d.share, label: d.label })), panelWidth));
  const tickFormat = rowLabelFormat(rows.map((r, i) => ({ key: keys[i]!, label: r.label })), marginLeft);
  const ticks = (narrow ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).filter((t) => t <= xMax);

  const spec: Plot.PlotOptions = {
    ...frame,
    fx: { domain: ['count', 'amount'], tickFormat: (m: Measure) => text.panels[m], label: null, axis: 'top', padding, tickSize: 0 },
    y: narrow ? { domain, axis: null, padding: 0.15 } : { domain: keys, tickFormat, tickSize: 0, label: null, padding: 0.2 },
    x: { domain: [0, xMax], ticks, tickFormat: (v: number) => fmt.percent(v), label: null, grid: true },
    marks: [
      ...(narrow
        ? labelRowMarks(labelled, { key: (r) => r.key, label: (r) => r.label, maxPx: labelPx, bold: (r) => r.highlight, fx: () => 'count' })
        : []),
      Plot.barX(cells.filter((d) => !d.highlight), { fx: 'measure', y: 'key', x: 'share', ...fill('primary') }),
      Plot.barX(cells.filter((d) => d.highlight), { fx: 'measure', y: 'key', x: 'share', ...fill('accent') }),
      ...endLabels(cells, {
        fx: (d) => d.measure,
        x: (d) => d.share,
        y: (d) => d.key,
        text: (d) => d.label,
        bold: (d) => d.highlight,
      }),
      Plot.ruleX([0]),
    ],
  };
  return output(spec, meta, table);
}

export function lossReasonsChart(vm: ReasonsViewModel, options: ReasonsOptions): ChartOutput {
  return reasonsChart(vm, { groupHighlighted: true, ...options, id: options.id ?? 'loss-reasons' });
}

export function winReasonsChart(vm: ReasonsViewModel, options: ReasonsOptions): ChartOutput {
  return reasonsChart(vm, { ...options, id: options.id ?? 'win-reasons' });
}

function sum<R>(rows: readonly R[], of: (row: R) => number): number {
  return rows.reduce((s, r) => s + finite(of(r)), 0);
}
