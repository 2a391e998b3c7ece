/**
 * How the open pipeline changed over the waterfall period: start, + new,
 * + reopened, − won, − lost, − removed (deleted from the CRM; drawn only
 * when any), end, as floating bars with signed amount labels and dashed
 * connectors at the running total.
 */
import * as Plot from '@observablehq/plot';
import { finite, type Frame, innerWidth, labelMargin, signedMoney, textWidth, wrap } from './layout.ts';
import { rowAxisY } from './marks.ts';
import { output, responsive } from './render.ts';
import { COLORS, DEFAULT_WIDTH, fill, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable, CountAmount } from './types.ts';

export interface WaterfallViewModel {
  start: CountAmount;
  new: CountAmount;
  reopened: CountAmount;
  won: CountAmount;
  lost: CountAmount;
  /** Deals that left without being won or lost (deleted from the CRM); absent = none. */
  removed?: CountAmount | undefined;
  end: CountAmount;
}

export interface WaterfallTakeaway {
  start: string;
  end: string;
  /** New plus reopened, and the amounts won and lost (all formatted, unsigned). */
  added: string;
  won: string;
  lost: string;
  /** The amount removed from the CRM, formatted; null when no deal was removed. */
  removed: string | null;
  direction: 'up' | 'down' | 'flat';
}

export type WaterfallStep = 'start' | 'new' | 'reopened' | 'won' | 'lost' | 'removed' | 'end';

export interface WaterfallText extends BaseChartText {
  steps: Record<WaterfallStep, string>;
  columns: { step: string; count: string; amount: string };
  takeaway(p: WaterfallTakeaway): string;
}

const STEPS: readonly WaterfallStep[] = ['start', 'new', 'reopened', 'won', 'lost', 'removed', 'end'];
const NONE: CountAmount = { count: 0, amount: 0 };

interface Bar {
  step: WaterfallStep;
  y1: number;
  y2: number;
  label: string;
  role: 'neutral' | 'primary' | 'lost';
}

export function waterfallChart(vm: WaterfallViewModel, options: ChartOptions<WaterfallText>): ChartOutput {
  return responsive(vm, options, 'waterfall', drawWaterfall);
}

function drawWaterfall(vm: WaterfallViewModel, options: ChartOptions<WaterfallText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'waterfall';
  const width = options.width ?? DEFAULT_WIDTH;
  const row = (s: WaterfallStep): CountAmount => vm[s] ?? NONE;
  const amount = (s: WaterfallStep) => finite(row(s).amount);
  const table: ChartTable = {
    headers: [text.columns.step, text.columns.count, text.columns.amount],
    kinds: ['text', 'count', 'money'],
    rows: STEPS.map((s) => [text.steps[s], row(s).count, row(s).amount]),
  };
  const anyRemoved = finite(row('removed').count) > 0 || amount('removed') !== 0;
  // The removed bar only when a deal was removed: most data sets never delete.
  const steps = STEPS.filter((s) => s !== 'removed' || anyRemoved);
  const hasData = STEPS.some((s) => finite(row(s).count) > 0 || amount(s) !== 0);
  const start = amount('start');
  const end = amount('end');
  const takeaway = hasData
    ? text.takeaway({
        start: fmt.moneyCompact(start),
        end: fmt.moneyCompact(end),
        added: fmt.moneyCompact(amount('new') + amount('reopened')),
        won: fmt.moneyCompact(amount('won')),
        lost: fmt.moneyCompact(amount('lost')),
        removed: anyRemoved ? fmt.moneyCompact(amount('removed')) : null,
        direction: end > start ? 'up' : end < start ? 'down' : 'flat',
      })
    : text.noData;
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!hasData) return output(null, meta, table);

  let level = start;
  const bars: Bar[] = [{ step: 'start', y1: 0, y2: start, label: fmt.moneyCompact(start), role: 'neutral' }];
  for (const step of ['new', 'reopened'] as const) {
    bars.push({ step, y1: level, y2: level + amount(step), label: signedMoney(fmt, amount(step), '+'), role: 'primary' });
    level += amount(step);
  }
  for (const step of anyRemoved ? (['won', 'lost', 'removed'] as const) : (['won', 'lost'] as const)) {
    bars.push({ step, y1: level, y2: level - amount(step), label: signedMoney(fmt, amount(step), '−'), role: 'lost' });
    level -= amount(step);
  }
  bars.push({ step: 'end', y1: 0, y2: end, label: fmt.moneyCompact(end), role: 'neutral' });

  if (isNarrow(width)) return output(narrowSpec(bars, steps, text, fmt, width, options.height), meta, table);

  const marginLeft = Math.round(Math.max(40, textWidth(fmt.moneyCompact(Math.max(start, end, level)), SMALL_FONT_SIZE) + 16));
  const frame: Frame = { width, height: options.height ?? 280, marginTop: 24, marginBottom: 44, marginLeft, marginRight: 12 };
  const frameHeight = frame.height - frame.marginTop - frame.marginBottom;
  const top = Math.max(0, ...bars.flatMap((b) => [b.y1, b.y2]));
  const bottom = Math.min(0, ...bars.flatMap((b) => [b.y1, b.y2]));
  const yMax = top > 0 ? top + ((top - bottom) * 20) / Math.max(frameHeight * 0.5, frameHeight - 20) : 1;
  const padding = 0.25;
  const step = innerWidth(frame) / (steps.length + padding);
  const bandwidth = step * (1 - padding);
  const connectors = bars.slice(0, -1).map((b, i) => ({ from: b.step, to: bars[i + 1]!.step, y: b.y2 }));
  const ticks = new Map(steps.map((s) => [s, wrap(text.steps[s], step - 4, SMALL_FONT_SIZE)]));
  const x = (b: Bar) => b.step;

  const spec: Plot.PlotOptions = {
    ...frame,
    x: { domain: [...steps], padding },
    y: { domain: [bottom, yMax] },
    marks: [
      Plot.axisX({ tickFormat: (k: WaterfallStep) => ticks.get(k) ?? k, tickSize: 0, label: null, fontWeight: '600' }),
      Plot.axisY({ ticks: 4, tickFormat: (v: number) => fmt.moneyCompact(v), label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridY({ ticks: 4 }),
      ...(['neutral', 'primary', 'lost'] as const).map((role) =>
        Plot.barY(bars.filter((b) => b.role === role), { x, y1: 'y1', y2: 'y2', ...fill(role) }),
      ),
      Plot.ruleY(connectors, {
        y: 'y',
        x1: 'from',
        x2: 'to',
        insetLeft: bandwidth,
        insetRight: bandwidth,
        stroke: COLORS.neutral,
        strokeDasharray: '3,3',
      }),
      Plot.text(bars, { x, y: (b: Bar) => Math.max(b.y1, b.y2), text: 'label', dy: -5, lineAnchor: 'bottom', fontWeight: '600' }),
      Plot.ruleY([0]),
    ],
  };
  return output(spec, meta, table);
}

/** Narrow (a phone): the steps as rows, each bar running across from where the last one ended, its amount after it. */
function narrowSpec(bars: Bar[], steps: WaterfallStep[], text: WaterfallText, fmt: ChartOptions<WaterfallText>['fmt'], width: number, height?: number): Plot.PlotOptions {
  const rows = steps.map((s) => ({ key: s, label: text.steps[s] }));
  const marginLeft = labelMargin(rows.map((r) => r.label), 56, Math.round(width * 0.36));
  const low = Math.min(0, ...bars.flatMap((b) => [b.y1, b.y2]));
  const high = Math.max(0, ...bars.flatMap((b) => [b.y1, b.y2]));
  const inner = width - marginLeft - 8;
  const widest = Math.max(...bars.map((b) => textWidth(b.label) * 1.08)) + 10;
  // Room after the furthest bar end for its label.
  const xMax = high > low ? high + ((high - low) * widest) / Math.max(inner * 0.4, inner - widest) : 1;
  const frame: Frame = { width, height: height ?? 30 + 30 + steps.length * 28, marginTop: 8, marginBottom: 30, marginLeft, marginRight: 8 };
  const y = (b: Bar) => b.step;
  const connectors = bars.slice(0, -1).map((b, i) => ({ from: b.step, to: bars[i + 1]!.step, x: b.y2 }));
  return {
    ...frame,
    y: { domain: [...steps], padding: 0.25 },
    x: { domain: [low, xMax] },
    marks: [
      rowAxisY(rows, marginLeft),
      Plot.axisX({ ticks: 3, tickFormat: (v: number) => fmt.moneyCompact(v), label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridX({ ticks: 3 }),
      ...(['neutral', 'primary', 'lost'] as const).map((role) => Plot.barX(bars.filter((b) => b.role === role), { y, x1: 'y1', x2: 'y2', ...fill(role) })),
      Plot.ruleX(connectors, { x: 'x', y1: 'from', y2: 'to', stroke: COLORS.neutral, strokeDasharray: '3,3' }),
      Plot.text(bars, { y, x: (b: Bar) => Math.max(b.y1, b.y2), text: 'label', dx: 5, textAnchor: 'start', fontWeight: '600' }),
      Plot.ruleX([0]),
    ],
  };
}
