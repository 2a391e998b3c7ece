/**
 * Stage funnel of the window's cohort: per open stage, how many deals reached
 * it (bar, with the share of the cohort), the next-step conversion and the
 * win rate from that stage (right-hand columns). The buyer's journey step is
 * the second line of each stage label. The stage with the weakest next-step
 * conversion is the takeaway and is set in bold.
 */
import * as Plot from '@observablehq/plot';
import { finite, innerWidth, LINE_HEIGHT, ratio, rowFrame, textWidth, truncate, twoLines, wrap } from './layout.ts';
import {
  columnMarks,
  columnWidth,
  countAxisX,
  endLabels,
  KEY_LINE,
  type KeyItem,
  keyLines,
  keyMarks,
  labelRowKey,
  NARROW_MARGIN_LEFT,
  NARROW_ROW,
  roomyMax,
  rowsSpec,
  withLabelRows,
} from './marks.ts';
import { output, responsive } from './render.ts';
import { DEFAULT_WIDTH, fill, FONT_SIZE, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import { ROUGH_MARK } from './table-format.ts';
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
  /** advanced / reached; null when reached = 0 (or when none of them has left the stage yet, at the caller's choice). */
  conversion: number | null;
  /** won / reached; null when reached = 0 (or when none of them has closed yet, at the caller's choice). */
  winRate: number | null;
  /**
   * Deals whose highest stage is this one: still open here (not a drop-off
   * yet) and lost here. When given, the bar splits into moved on / still
   * open / lost, the table gains both columns, and the takeaway names the
   * stage where most deals are lost rather than the lowest conversion.
   */
  stillOpen?: number;
  lost?: number;
  /** Deals that reached it and are now won or lost (lost at it or at a later stage); not drawn (the journey table's share won of them). */
  closed?: number;
  /**
   * Its conversion and win rate rest on too few deals to rely on (the caller's
   * rule; views: fewer than MIN_SAMPLE reached it): drawn muted with
   * ROUGH_MARK, and the page's note says how few.
   */
  few?: boolean;
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

export interface FunnelLostTakeaway {
  /** Label of the stage where the largest share of the deals reaching it were lost; null when none was lost. */
  stage: string | null;
  /** Deals lost there, deals that reached it, and that share, formatted. */
  lost: string;
  reached: string;
  share: string;
  /** Deals of the cohort still open at any stage (not drop-offs), formatted, and as a number. */
  open: string;
  openCount: number;
}

export interface FunnelText extends BaseChartText {
  /** x axis: 'Deals reaching the stage'. */
  axis: string;
  /** Table headers; `conversion` and `winRate` also head the right-hand columns. */
  columns: { stage: string; buyerStep: string; reached: string; cumulative: string; conversion: string; winRate: string; stillOpen?: string; lost?: string };
  /** The bar's parts when outcomes are given: moved on, still open here, lost here. */
  key?: { advanced: string; stillOpen: string; lost: string };
  takeaway(p: FunnelTakeaway): string;
  /** The takeaway when outcomes are given (see FunnelStage.stillOpen). */
  lostTakeaway?(p: FunnelLostTakeaway): string;
}

/** The stage whose reaching deals were most often lost there (earliest on ties), when outcomes are given. */
export function mostLostStage(stages: FunnelStage[]): FunnelStage | undefined {
  let worst: FunnelStage | undefined;
  let worstShare = 0;
  for (const s of stages) {
    if (s.reached <= 0 || !s.lost) continue;
    const share = s.lost / s.reached;
    if (!worst || share > worstShare) [worst, worstShare] = [s, share];
  }
  return worst;
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
  return responsive(vm, options, 'funnel', drawFunnel);
}

function drawFunnel(vm: FunnelViewModel, options: ChartOptions<FunnelText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'funnel';
  const width = options.width ?? DEFAULT_WIDTH;
  const cohort = finite(vm.cohortSize);
  const c = text.columns;

  const rows = vm.stages.map((s) => ({ ...s, cumulative: ratio(s.reached, cohort) }));
  // Still-open deals are not drop-offs: with outcomes the chart says where deals are lost.
  const outcomes = vm.stages.length > 0 && vm.stages.every((s) => s.stillOpen !== undefined && s.lost !== undefined) && !!text.lostTakeaway;
  const table: ChartTable = outcomes
    ? {
        headers: [c.stage, c.buyerStep, c.reached, c.cumulative, c.stillOpen ?? '', c.lost ?? '', c.conversion, c.winRate],
        kinds: ['text', 'text', 'count', 'percent', 'count', 'count', 'percent', 'percent'],
        rows: rows.map((s) => [s.label, s.buyerStep, s.reached, s.cumulative, s.stillOpen ?? null, s.lost ?? null, s.conversion, s.winRate]),
      }
    : {
        headers: [c.stage, c.buyerStep, c.reached, c.cumulative, c.conversion, c.winRate],
        kinds: ['text', 'text', 'count', 'percent', 'percent', 'percent'],
        rows: rows.map((s) => [s.label, s.buyerStep, s.reached, s.cumulative, s.conversion, s.winRate]),
      };
  const worst = outcomes ? mostLostStage(vm.stages) : weakestStage(vm.stages);
  const openCount = vm.stages.reduce((n, s) => n + (s.stillOpen ?? 0), 0);
  const takeaway =
    outcomes && text.lostTakeaway
      ? vm.stages.some((s) => s.reached > 0)
        ? text.lostTakeaway({
            stage: worst?.label ?? null,
            lost: fmt.count(worst?.lost ?? 0),
            reached: fmt.count(worst?.reached ?? 0),
            share: fmt.percent(worst ? ratio(worst.lost ?? 0, worst.reached) : null),
            open: fmt.count(openCount),
            openCount,
          })
        : text.noData
      : worst
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
  const narrow = isNarrow(width);
  const headerRoom = narrow ? 76 : 96;
  const convHeader = wrap(c.conversion, headerRoom, SMALL_FONT_SIZE);
  const winHeader = wrap(c.winRate, headerRoom, SMALL_FONT_SIZE);
  const fewMark = (s: (typeof rows)[number], v: number | null) => (s.few === true && v !== null && Number.isFinite(v) ? ROUGH_MARK : '');
  const convText = (s: (typeof rows)[number]) => fmt.percent(s.conversion) + fewMark(s, s.conversion);
  const winText = (s: (typeof rows)[number]) => fmt.percent(s.winRate) + fewMark(s, s.winRate);
  const few = (s: FunnelStage) => s.few === true;
  const convWidth = columnWidth(convHeader, rows.map(convText));
  const winWidth = columnWidth(winHeader, rows.map(winText));

  const maxLeft = Math.round(width * 0.36);
  const widest = Math.max(
    ...rows.map((s) => textWidth(s.label) * 1.12),
    ...rows.map((s) => (s.buyerStep ? textWidth(s.buyerStep, SMALL_FONT_SIZE) * 1.06 : 0)),
  );
  // Narrow: each stage's label (and buyer step) on a row of its own above its bar.
  const marginLeft = narrow ? NARROW_MARGIN_LEFT : Math.round(Math.min(maxLeft, Math.max(80, widest + 16)));
  const labelRoom = marginLeft - 12;
  const headerLines = Math.max(convHeader.split('\n').length, winHeader.split('\n').length);
  const marginRight = convWidth + winWidth + 6;
  const barLabel = (s: (typeof rows)[number]) => `${fmt.count(s.reached)} (${fmt.percent(s.cumulative)})`;
  // Narrow: on the label rows, 'Stage' in semibold with its count after it, both left of the
  // right-hand columns (the stage on two lines when one cannot hold both), then the buyer step
  // in small muted text: after the count when it fits whole in the row, else on a line of its own.
  // Generous gaps: the estimate runs short for wide fonts (DejaVu Sans on Linux).
  const rowWidth = width - NARROW_MARGIN_LEFT - 4;
  const barRoom = width - NARROW_MARGIN_LEFT - marginRight;
  const countWidth = (s: (typeof rows)[number]) => textWidth(barLabel(s)) * 1.1;
  const narrowLines = new Map(
    rows.map((s) => {
      const besideCount = Math.max(barRoom * 0.3, barRoom - countWidth(s) - 8) / 1.22;
      const lines = twoLines(s.label, barRoom / 1.22, besideCount);
      const countDx = textWidth(lines[lines.length - 1]!) * 1.22 + 8;
      const stepDx = countDx + countWidth(s) + 8;
      const step = s.buyerStep ?? '';
      const stepBeside = step !== '' && textWidth(step, SMALL_FONT_SIZE) * 1.06 <= rowWidth - stepDx;
      return [s.id, { lines, countDx, stepDx, step, stepBeside, stepLine: step !== '' && !stepBeside }];
    }),
  );
  const layoutOf = (s: (typeof rows)[number]) => narrowLines.get(s.id)!;
  const domain = narrow
    ? withLabelRows(
        rows.map((s) => s.id),
        (id) => {
          const l = narrowLines.get(id);
          return l ? l.lines.length - 1 + (l.stepLine ? 1 : 0) : 0;
        },
      )
    : rows.map((s) => s.id);
  // With outcomes, a key names the bar's parts (moved on, still open here, lost here), wrapped before the columns.
  const keyItems: KeyItem[] =
    outcomes && text.key
      ? [
          { label: text.key.advanced, role: 'primary' },
          { label: text.key.stillOpen, role: 'secondary' },
          { label: text.key.lost, role: 'lost' },
        ]
      : [];
  const keyWidth = width - marginRight - 8;
  const keyRoom = keyItems.length > 0 ? 12 + keyLines(keyItems, keyWidth) * KEY_LINE : 0;
  const margins = { marginTop: Math.max(14 + headerLines * 14, keyRoom), marginBottom: 38, marginLeft, marginRight };
  const frame = rowFrame(width, options.height, margins, domain.length, narrow ? NARROW_ROW : 46);

  // Narrow: the bars take the whole width, their numbers go on the label row.
  const xMax = narrow ? cohort : Math.max(cohort, roomyMax(rows.map((s) => ({ value: s.reached, label: barLabel(s) })), innerWidth(frame)));
  const key = (s: FunnelStage) => s.id;
  const bold = (s: FunnelStage) => s.id === worst?.id;
  const withStep = rows.filter((s) => s.buyerStep);
  const withoutStep = rows.filter((s) => !s.buyerStep);
  const labelMark = (data: typeof rows, dy: number) =>
    Plot.text(data, { y: key, text: (s) => truncate(s.label, labelRoom / 1.12), frameAnchor: 'left', dx: -10, dy, textAnchor: 'end', fontWeight: '600' });
  // The stage's label rows: the bar's own (nearest the bar) holds the buyer step when it has a line of its own, else the stage.
  const stageRow = (s: (typeof rows)[number]) => (layoutOf(s).stepLine ? 1 : 0);
  // One mark per row where the position depends on the row: Plot's dx is a constant.
  const atRow = (s: (typeof rows)[number], above: number, dx: number, text: string, style: Record<string, unknown>) =>
    Plot.text([s], { y: (d: (typeof rows)[number]) => labelRowKey(d.id, above), text: () => text, frameAnchor: 'left', textAnchor: 'start', dx, dy: 3, ...style });
  // (Marks of one layout only: each is built when that layout is drawn.)
  const narrowLabels = (): Plot.Markish[] =>
    rows.flatMap((s) => {
      const l = layoutOf(s);
      const above = stageRow(s);
      const last = l.lines.length - 1;
      return [
        // Two lines: the last where one line would be, the first rising into the row withLabelRows added above it.
        last === 0
          ? atRow(s, above, 0, l.lines[0]!, { fontWeight: '600' })
          : atRow(s, above, 0, l.lines.join('\n'), { fontWeight: '600', dy: 7, lineAnchor: 'bottom', lineHeight: LINE_HEIGHT }),
        atRow(s, above, l.countDx, barLabel(s), {}),
        ...(l.stepBeside ? [atRow(s, above, l.stepDx, l.step, { fontSize: SMALL_FONT_SIZE, ...fill('muted') })] : []),
        ...(l.stepLine ? [atRow(s, 0, 0, truncate(l.step, rowWidth / 1.06, SMALL_FONT_SIZE), { fontSize: SMALL_FONT_SIZE, ...fill('muted') })] : []),
      ];
    });
  const wideLabels = (): Plot.Markish[] => [
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
  ];

  const spec = rowsSpec(frame, { domain, axis: null, padding: narrow ? 0.15 : 0.28 }, xMax, [
    ...countAxisX(fmt, cohort, text.axis, narrow ? { ticks: 2 } : {}),
    Plot.barX(rows, { y: key, x: () => cohort, ...fill('track') }),
    ...(outcomes
      ? [
          // reached = moved on + still open here + lost here.
          Plot.barX(rows, { y: key, x: (s) => finite(s.advanced), ...fill('primary') }),
          Plot.barX(rows, { y: key, x1: (s) => finite(s.advanced), x2: (s) => finite(s.advanced) + finite(s.stillOpen ?? 0), ...fill('secondary') }),
          Plot.barX(rows, { y: key, x1: (s) => finite(s.advanced) + finite(s.stillOpen ?? 0), x2: (s) => finite(s.reached), ...fill('lost') }),
          ...keyMarks(keyItems, marginLeft, frame.marginTop, keyWidth),
        ]
      : [Plot.barX(rows, { y: key, x: (s) => finite(s.reached), ...fill('primary') })]),
    ...(narrow ? narrowLabels() : [...endLabels(rows, { x: (s) => finite(s.reached), y: key, text: barLabel }), ...wideLabels()]),
    ...columnMarks(rows, convHeader, { y: key, text: convText, dx: convWidth, bold, muted: few }),
    ...columnMarks(rows, winHeader, { y: key, text: winText, dx: convWidth + winWidth, muted: few }),
    Plot.ruleX([0]),
  ]);
  return output(spec, meta, table);
}
