/**
 * Open pipeline per stage: the open amount (light bar, labelled) with the
 * weighted amount inside it (dark bar), and the weighted amount and deal
 * count in right-hand columns. Takeaway: the stage holding the most money.
 */
import * as Plot from '@observablehq/plot';
import { finite, innerWidth, labelMargin, ratio, rowFrame } from './layout.ts';
import {
  columnMarks,
  columnWidth,
  endLabels,
  type KeyItem,
  keyLines,
  keyMarks,
  KEY_LINE,
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
  valueAxisX,
  withLabelRows,
  wrappedLabelRows,
} from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH, fill, isNarrow } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, ParkedText } from './types.ts';

export interface PipelineStageRow {
  id: string;
  label: string;
  count: number;
  amount: number;
  weightedAmount: number;
  /** Open but outside the funnel's sequence: drawn below it, under a label row. */
  parked?: boolean;
}

export interface PipelineViewModel {
  /** Open stages in config order, zeros included (parked ones are drawn after the sequence). */
  stages: PipelineStageRow[];
}

export interface PipelineTakeaway {
  /** Label of the stage with the largest open amount. */
  stage: string;
  amount: string;
  /** Its share of the whole open amount ('49%'). */
  share: string;
}

export interface PipelineText extends BaseChartText {
  axis: string;
  key: { amount: string; weighted: string };
  columns: { stage: string; count: string; amount: string; weighted: string };
  parked: ParkedText;
  takeaway(p: PipelineTakeaway): string;
}

export function pipelineByStageChart(vm: PipelineViewModel, options: ChartOptions<PipelineText>): ChartOutput {
  return responsive(vm, options, 'pipeline-by-stage', drawPipelineByStage);
}

function drawPipelineByStage(vm: PipelineViewModel, options: ChartOptions<PipelineText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'pipeline-by-stage';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const rows = sequenceFirst(vm.stages);

  const table: ChartTable = {
    headers: [c.stage, c.count, c.amount, c.weighted],
    kinds: ['text', 'count', 'money', 'money'],
    rows: rows.map((s) => [stageTableLabel(s, text.parked), s.count, s.amount, s.weightedAmount]),
  };
  const total = rows.reduce((sum, s) => sum + finite(s.amount), 0);
  let top: PipelineStageRow | undefined;
  for (const s of rows) if (finite(s.amount) > 0 && (!top || s.amount > top.amount)) top = s;
  const takeaway = top
    ? text.takeaway({ stage: top.label, amount: fmt.moneyCompact(top.amount), share: fmt.percent(ratio(top.amount, total)) })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!top) return output(null, meta, table);

  const key = (s: PipelineStageRow) => s.id;
  const narrow = isNarrow(width);
  const stageDomainKeys = stageDomain(rows, key);
  const domain = narrow ? withLabelRows(stageDomainKeys, wrappedLabelRows(rows, key, (s) => s.label, width - NARROW_MARGIN_LEFT - 4)) : stageDomainKeys;
  const weightedText = (s: PipelineStageRow) => fmt.moneyCompact(finite(s.weightedAmount));
  const countText = (s: PipelineStageRow) => fmt.count(finite(s.count));
  const weightedWidth = columnWidth(c.weighted, rows.map(weightedText));
  const countWidth = columnWidth(c.count, rows.map(countText));
  const keyItems: KeyItem[] = [
    { label: text.key.amount, role: 'secondary' },
    { label: text.key.weighted, role: 'primary' },
  ];
  const marginLeft = narrow ? NARROW_MARGIN_LEFT : labelMargin(rows.map((s) => s.label), 70, Math.round(width * 0.34));
  const marginTop = 44 + (narrow ? (keyLines(keyItems, width) - 1) * KEY_LINE : 0);
  const margins = { marginTop, marginBottom: 38, marginLeft, marginRight: weightedWidth + countWidth + 6 };
  const frame = rowFrame(width, options.height, margins, domain.length, narrow ? NARROW_ROW : 34);
  const amountText = (s: PipelineStageRow) => fmt.moneyCompact(finite(s.amount));
  const xMax = roomyMax(rows.map((s) => ({ value: s.amount, label: amountText(s) })), innerWidth(frame));

  const spec = rowsSpec(frame, { domain, padding: narrow ? 0.15 : 0.22, ...(narrow ? { axis: null } : {}) }, xMax, [
    ...(narrow
      ? labelRowMarks(rows, { key, label: (s) => s.label, maxPx: width - marginLeft - 4 })
      : [rowAxisY(rows.map((s) => ({ key: s.id, label: s.label })), marginLeft)]),
    ...valueAxisX({ ticks: narrow ? 3 : 4, tickFormat: (d) => fmt.moneyCompact(d), label: text.axis, grid: true }),
    Plot.barX(rows, { y: key, x: (s) => finite(s.amount), ...fill('secondary') }),
    Plot.barX(rows, { y: key, x: (s) => finite(s.weightedAmount), insetTop: narrow ? 5 : 6, insetBottom: narrow ? 5 : 6, ...fill('primary') }),
    ...endLabels(rows, { x: (s) => finite(s.amount), y: key, text: amountText }),
    ...columnMarks(rows, c.weighted, { y: key, text: weightedText, dx: weightedWidth }),
    ...columnMarks(rows, c.count, { y: key, text: countText, dx: weightedWidth + countWidth }),
    ...keyMarks(keyItems, marginLeft, frame.marginTop, narrow ? width : undefined),
    ...parkedRowMarks(domain, text.parked, frame, xMax),
    Plot.ruleX([0]),
  ]);
  return output(spec, meta, table);
}
