/**
 * Where lost deals were lost: per open stage, the number of lost deals (bar)
 * labelled with the count and the amount.
 */
import * as Plot from '@observablehq/plot';
import { joinItems } from '../format/separator.ts';
import { finite, innerWidth, labelMargin, ratio, rowFrame } from './layout.ts';
import {
  countAxisX,
  endLabels,
  labelRowMarks,
  NARROW_MARGIN_LEFT,
  NARROW_ROW,
  parkedRowMarks,
  roomyMax,
  rowAxisY,
  rowsSpec,
  sequenceFirst,
  stageDomain,
  stageTableLabel,
  withLabelRows,
  wrappedLabelRows,
} from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH, fill, isNarrow } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, ParkedText } from './types.ts';

export interface LostAtStageRow {
  id: string;
  label: string;
  count: number;
  amount: number;
  /** Open but outside the funnel's sequence: drawn below it, under a label row. */
  parked?: boolean;
}

export interface LostAtStageViewModel {
  /** Open stages in config order, zeros included (parked ones are drawn after the sequence). */
  stages: LostAtStageRow[];
}

export interface LostAtStageTakeaway {
  /** The stage losing the most deals (then the most amount, then the earliest). */
  stage: string;
  /** The other stages losing as many deals, in the funnel's order (a tie the sentence names, not hides). */
  tiedWith: string[];
  count: string;
  share: string;
  amount: string;
}

export interface LostAtStageText extends BaseChartText {
  axis: string;
  columns: { stage: string; count: string; amount: string };
  parked: ParkedText;
  takeaway(p: LostAtStageTakeaway): string;
}

export function lostAtStageChart(vm: LostAtStageViewModel, options: ChartOptions<LostAtStageText>): ChartOutput {
  return responsive(vm, options, 'lost-at-stage', drawLostAtStage);
}

function drawLostAtStage(vm: LostAtStageViewModel, options: ChartOptions<LostAtStageText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'lost-at-stage';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const rows = sequenceFirst(vm.stages);
  const table: ChartTable = {
    headers: [c.stage, c.count, c.amount],
    kinds: ['text', 'count', 'money'],
    rows: rows.map((s) => [stageTableLabel(s, text.parked), s.count, s.amount]),
  };
  const total = rows.reduce((s, r) => s + finite(r.count), 0);
  let top: LostAtStageRow | undefined;
  for (const s of rows) {
    if (finite(s.count) <= 0) continue;
    if (!top || s.count > top.count || (s.count === top.count && s.amount > top.amount)) top = s;
  }
  const takeaway = top
    ? text.takeaway({
        stage: top.label,
        tiedWith: rows.filter((s) => s !== top && s.count === top!.count).map((s) => s.label),
        count: fmt.count(top.count),
        share: fmt.percent(ratio(top.count, total)),
        amount: fmt.moneyCompact(top.amount),
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!top) return output(null, meta, table);

  const key = (s: LostAtStageRow) => s.id;
  // Narrow: each stage's label on a row of its own above its bar.
  const narrow = isNarrow(width);
  const domain = narrow ? withLabelRows(stageDomain(rows, key), wrappedLabelRows(rows, key, (s) => s.label, width - NARROW_MARGIN_LEFT - 4)) : stageDomain(rows, key);
  const marginLeft = narrow ? NARROW_MARGIN_LEFT : labelMargin(rows.map((s) => s.label), 70, Math.round(width * 0.34));
  const frame = rowFrame(width, options.height, { marginTop: 12, marginBottom: 38, marginLeft, marginRight: 12 }, domain.length, narrow ? NARROW_ROW : 32);
  const label = (s: LostAtStageRow) => joinItems([fmt.count(finite(s.count)), fmt.moneyCompact(finite(s.amount))]);
  const maxCount = Math.max(...rows.map((s) => finite(s.count)));
  const xMax = roomyMax(rows.map((s) => ({ value: finite(s.count), label: label(s) })), innerWidth(frame));

  const spec = rowsSpec(frame, { domain, padding: narrow ? 0.15 : 0.22, ...(narrow ? { axis: null } : {}) }, xMax, [
    ...(narrow
      ? labelRowMarks(rows, { key, label: (s) => s.label, maxPx: width - marginLeft - 4 })
      : [rowAxisY(rows.map((s) => ({ key: s.id, label: s.label })), marginLeft)]),
    ...countAxisX(fmt, maxCount, text.axis, { grid: true, ...(narrow ? { ticks: 3 } : {}) }),
    Plot.barX(rows, { y: key, x: (s) => finite(s.count), ...fill('lost') }),
    ...endLabels(rows, { x: (s) => finite(s.count), y: key, text: label, bold: (s) => s === top }),
    ...parkedRowMarks(domain, text.parked, frame, xMax),
    Plot.ruleX([0]),
  ]);
  return output(spec, meta, table);
}
