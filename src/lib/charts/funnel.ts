/**
 * Stage funnel of the window's cohort: per open stage, how many deals reached
 * it (bar, with the share of the cohort), the next-step conversion and the
 * win rate from that stage (right-hand columns). The buyer's journey step is
 * the second line of each stage label. The stage with the weakest next-step
 * conversion is the takeaway and is set in bold.
 */
import * as Plot from '@observablehq/plot';
import { finite, innerWidth, ratio, rowFrame, textWidth, truncate, wrap } from './layout.ts';
import { columnMarks, columnWidth, countAxisX, endLabels, roomyMax, rowsSpec } from './marks.ts';
import { output } from './render.ts';
import { DEFAULT_WIDTH, fill, SMALL_FONT_SIZE } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface FunnelStage {
  id: string;
  /** The seller's stage label, resolved. */
  label: string;
  /** The buyer's journey step at this stage, resolved; null when none. */
  buyerStep: string | null;
  reached: number;
  advanced: number;
  won: number;
  /** advanced / reached; null when reached = 0. */
  conversion: number | null;
  /** won / reached; null when reached = 0. */
  winRate: number | null;
}

export interface FunnelViewModel {
  cohortSize: number;
  /** Open stages in config order. */
  stages: FunnelStage[];
}

export interface FunnelTakeaway {
  /** Label of the stage with the lowest next-step conversion. */
  stage: string;
  /** That conversion, formatted ('57%'). */
  conversion: string;
  /** Deals that reached it and deals that moved on, formatted. */
  reached: string;
  advanced: string;
}

export interface FunnelText extends BaseChartText {
  /** x axis: 'Deals reaching the stage'. */
  axis: string;
  /** Table headers; `conversion` and `winRate` also head the right-hand columns. */
  columns: { stage: string; buyerStep: string; reached: string; cumulative: string; conversion: string; winRate: string };
  takeaway(p: FunnelTakeaway): string;
}

/** The stage with the lowest next-step conversion (earliest on ties), among stages reached. */
export function weakestStage(stages: FunnelStage[]): FunnelStage | undefined {
  let worst: FunnelStage | undefined;
  for (const s of stages) {
    if (s.reached <= 0 || s.conversion === null || !Number.isFinite(s.conversion)) continue;
    if (!worst || s.conversion < worst.conversion!) worst = s;
  }
  return worst;
}

export function funnelChart(vm: FunnelViewModel, options: ChartOptions<FunnelText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'funnel';
  const width = options.width ?? DEFAULT_WIDTH;
  const cohort = finite(vm.cohortSize);
  const c = text.columns;

  const rows = vm.stages.map((s) => ({ ...s, cumulative: ratio(s.reached, cohort) }));
  const table: ChartTable = {
    headers: [c.stage, c.buyerStep, c.reached, c.cumulative, c.conversion, c.winRate],
    kinds: ['text', 'text', 'count', 'percent', 'percent', 'percent'],
    rows: rows.map((s) => [s.label, s.buyerStep, s.reached, s.cumulative, s.conversion, s.winRate]),
  };
  const worst = weakestStage(vm.stages);
  const takeaway = worst
    ? text.takeaway({
        stage: worst.label,
        conversion: fmt.percent(worst.conversion),
        reached: fmt.count(worst.reached),
        advanced: fmt.count(worst.advanced),
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (cohort <= 0 || rows.length === 0) return output(null, meta, table);

  // Right-hand columns: as wide as their header (up to two lines) or values.
  const convHeader = wrap(c.conversion, 96, SMALL_FONT_SIZE);
  const winHeader = wrap(c.winRate, 96, SMALL_FONT_SIZE);
  const convText = (s: (typeof rows)[number]) => fmt.percent(s.conversion);
  const winText = (s: (typeof rows)[number]) => fmt.percent(s.winRate);
  const convWidth = columnWidth(convHeader, rows.map(convText));
  const winWidth = columnWidth(winHeader, rows.map(winText));

  const maxLeft = Math.round(width * 0.36);
  const widest = Math.max(
    ...rows.map((s) => textWidth(s.label) * 1.12),
    ...rows.map((s) => (s.buyerStep ? textWidth(s.buyerStep, SMALL_FONT_SIZE) * 1.06 : 0)),
  );
  const marginLeft = Math.round(Math.min(maxLeft, Math.max(80, widest + 16)));
  const labelRoom = marginLeft - 12;
  const headerLines = Math.max(convHeader.split('\n').length, winHeader.split('\n').length);
  const frame = rowFrame(width, options.height, { marginTop: 14 + headerLines * 14, marginBottom: 38, marginLeft, marginRight: convWidth + winWidth + 6 }, rows.length, 46);

  const barLabel = (s: (typeof rows)[number]) => `${fmt.count(s.reached)} (${fmt.percent(s.cumulative)})`;
  const xMax = Math.max(cohort, roomyMax(rows.map((s) => ({ value: s.reached, label: barLabel(s) })), innerWidth(frame)));
  const key = (s: FunnelStage) => s.id;
  const bold = (s: FunnelStage) => s.id === worst?.id;
  const withStep = rows.filter((s) => s.buyerStep);
  const withoutStep = rows.filter((s) => !s.buyerStep);
  const labelMark = (data: typeof rows, dy: number) =>
    Plot.text(data, { y: key, text: (s) => truncate(s.label, labelRoom / 1.12), frameAnchor: 'left', dx: -10, dy, textAnchor: 'end', fontWeight: '600' });

  const spec = rowsSpec(frame, { domain: rows.map(key), axis: null, padding: 0.28 }, xMax, [
    ...countAxisX(fmt, cohort, text.axis),
    Plot.barX(rows, { y: key, x: () => cohort, ...fill('track') }),
    Plot.barX(rows, { y: key, x: (s) => finite(s.reached), ...fill('primary') }),
    ...endLabels(rows, { x: (s) => finite(s.reached), y: key, text: barLabel }),
    labelMark(withStep, -8),
    labelMark(withoutStep, 0),
    Plot.text(withStep, {
      y: key,
      text: (s) => truncate(s.buyerStep ?? '', labelRoom / 1.06, SMALL_FONT_SIZE),
      frameAnchor: 'left',
      dx: -10,
      dy: 8,
      textAnchor: 'end',
      fontSize: SMALL_FONT_SIZE,
      ...fill('muted'),
    }),
    ...columnMarks(rows, convHeader, { y: key, text: convText, dx: convWidth, bold }),
    ...columnMarks(rows, winHeader, { y: key, text: winText, dx: convWidth + winWidth }),
    Plot.ruleX([0]),
  ]);
  return output(spec, meta, table);
}
