/**
 * Projected attainment per target period (this and next month and quarter):
 * one bar per period as a share of its target, in three parts: won (dark),
 * plus commit (mid), plus the rest of best case (outlined, not yet
 * committed), with the target as a dashed line at 100%. Above each bar its
 * period and the three shares in words, so the numbers read without the
 * axis. Without forecast categories only the won part is drawn.
 */
import * as Plot from '@observablehq/plot';
import { ticks as d3ticks } from 'd3';
import { finite, type Frame, innerWidth, ratio, truncate } from './layout.ts';
import { type KeyItem, KEY_LINE, keyLines, keyMarks, valueAxisX } from './marks.ts';
import { output, responsive } from './render.ts';
import { COLORS, DEFAULT_WIDTH, fill, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface AttainmentPeriod {
  /** The period as targets.csv names it ('2026-06', '2026-Q3'): a unique key. */
  key: string;
  /** The period in words, with when it is: 'Jun 2026 (this month)'. */
  label: string;
  target: number;
  /** Won with a close date in the period. */
  won: number;
  /** Open deals due in the period marked commit; null without forecast categories. */
  commit: number | null;
  /** Open deals due in the period marked commit or best case (includes commit); null without forecast categories. */
  bestCase: number | null;
}

export interface AttainmentViewModel {
  periods: AttainmentPeriod[];
  /** The period the takeaway speaks of (default: the first). */
  focus?: string;
}

export interface AttainmentShares {
  /** Won ÷ target, (won + commit) ÷ target, (won + best case) ÷ target, formatted; null without categories. */
  won: string;
  commit: string | null;
  bestCase: string | null;
}

/** The first of won, won + commit, won + best case that reaches the target; 'none' when even best case falls short. */
export type AttainmentReach = 'won' | 'commit' | 'bestCase' | 'none';

/** What a projection's shares of target reach (attainmentShares'; null: no such share). */
export function attainmentReach(s: { won: number | null; commit: number | null; bestCase: number | null }): AttainmentReach {
  const reached = (v: number | null) => v !== null && v >= 1;
  return reached(s.won) ? 'won' : reached(s.commit) ? 'commit' : reached(s.bestCase) ? 'bestCase' : 'none';
}

export interface AttainmentTakeaway extends AttainmentShares {
  period: string;
  reaches: AttainmentReach;
}

export interface AttainmentText extends BaseChartText {
  key: { won: string; commit: string; bestCase: string; target: string };
  /** The x axis: 'Share of target'. */
  axis: string;
  columns: {
    period: string;
    target: string;
    won: string;
    commit: string;
    bestCase: string;
    wonShare: string;
    commitShare: string;
    bestCaseShare: string;
  };
  /** The line above a bar: '65% won · 75% with commit · 99% with best case'. */
  shares(p: AttainmentShares): string;
  takeaway(p: AttainmentTakeaway): string;
}

/** Attainment shares of a period; null when its target is 0. */
export function attainmentShares(p: AttainmentPeriod): { won: number | null; commit: number | null; bestCase: number | null } {
  const won = finite(p.won);
  return {
    won: ratio(won, p.target),
    commit: p.commit === null ? null : ratio(won + finite(p.commit), p.target),
    bestCase: p.bestCase === null ? null : ratio(won + finite(p.bestCase), p.target),
  };
}

export function attainmentChart(vm: AttainmentViewModel, options: ChartOptions<AttainmentText>): ChartOutput {
  return responsive(vm, options, 'attainment', drawAttainment);
}

const labelKey = (k: string) => `\u0000label:${k}`;
const sharesKey = (k: string) => `\u0000shares:${k}`;

function drawAttainment(vm: AttainmentViewModel, options: ChartOptions<AttainmentText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'attainment';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const periods = vm.periods.filter((p) => finite(p.target) > 0);
  const categories = vm.periods.some((p) => p.commit !== null || p.bestCase !== null);

  const rows = vm.periods.map((p) => ({ p, s: attainmentShares(p) }));
  const table: ChartTable = categories
    ? {
        headers: [c.period, c.target, c.won, c.commit, c.bestCase, c.wonShare, c.commitShare, c.bestCaseShare],
        kinds: ['text', 'money', 'money', 'money', 'money', 'percent', 'percent', 'percent'],
        rows: rows.map(({ p, s }) => [p.label, p.target, p.won, p.commit, p.bestCase, s.won, s.commit, s.bestCase]),
      }
    : {
        headers: [c.period, c.target, c.won, c.wonShare],
        kinds: ['text', 'money', 'money', 'percent'],
        rows: rows.map(({ p, s }) => [p.label, p.target, p.won, s.won]),
      };

  const sharesOf = (p: AttainmentPeriod): AttainmentShares => {
    const s = attainmentShares(p);
    return { won: fmt.percent(s.won), commit: s.commit === null ? null : fmt.percent(s.commit), bestCase: s.bestCase === null ? null : fmt.percent(s.bestCase) };
  };
  const focus = periods.find((p) => p.key === vm.focus) ?? periods[0];
  let takeaway = text.noData;
  if (focus) {
    takeaway = text.takeaway({ period: focus.label, reaches: attainmentReach(attainmentShares(focus)), ...sharesOf(focus) });
  }
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  if (!focus) return output(null, meta, table);

  const narrow = isNarrow(width);
  const keyItems: KeyItem[] = [
    { label: text.key.won, role: 'primary' },
    ...(categories
      ? [
          { label: text.key.commit, role: 'secondary' as const },
          { label: text.key.bestCase, role: 'secondary' as const, symbol: '□' },
        ]
      : []),
    { label: text.key.target, role: 'neutral', symbol: '|' },
  ];
  const marginLeft = 6;
  const frame: Frame = {
    width,
    height: 0,
    marginTop: 14 + keyLines(keyItems, width - 8) * KEY_LINE,
    marginBottom: 38,
    marginLeft,
    marginRight: narrow ? 14 : 24,
  };
  // Three bands per period: its name, its shares in words, its bar.
  const band = narrow ? 20 : 22;
  const domain = periods.flatMap((p) => [labelKey(p.key), sharesKey(p.key), p.key]);
  frame.height = frame.marginTop + frame.marginBottom + domain.length * band;
  const maxShare = Math.max(1, ...periods.map((p) => {
    const s = attainmentShares(p);
    return Math.max(finite(s.won), finite(s.commit), finite(s.bestCase));
  }));
  const xMax = maxShare * 1.06;
  const maxPx = innerWidth(frame) - 4;

  const segments = periods.flatMap((p) => {
    const t = p.target;
    const won = finite(p.won) / t;
    const commit = p.commit === null ? won : (finite(p.won) + finite(p.commit)) / t;
    const best = p.bestCase === null ? commit : (finite(p.won) + finite(p.bestCase)) / t;
    return [
      { key: p.key, x1: 0, x2: won, part: 'won' as const },
      { key: p.key, x1: won, x2: commit, part: 'commit' as const },
      { key: p.key, x1: commit, x2: best, part: 'bestCase' as const },
    ].filter((s) => s.x2 > s.x1);
  });
  const part = (name: 'won' | 'commit' | 'bestCase') => segments.filter((s) => s.part === name);
  // Grid lines and the zero line on the bar rows only, so none runs through the words above the bars.
  const gridTicks = d3ticks(0, xMax, narrow ? 3 : 5);
  const grid = periods.flatMap((p) => gridTicks.map((x) => ({ key: p.key, x })));
  const bars = { y: (s: { key: string }) => s.key, x1: (s: { x1: number }) => s.x1, x2: (s: { x2: number }) => s.x2, insetTop: 1, insetBottom: 1 };

  const spec: Plot.PlotOptions = {
    ...frame,
    y: { domain, axis: null, padding: 0.12 },
    x: { domain: [0, xMax] },
    marks: [
      ...valueAxisX({ ticks: gridTicks, tickFormat: (d) => fmt.percent(d), label: text.axis }),
      Plot.tickX(grid, { x: (g: { x: number }) => g.x, y: (g: { key: string }) => g.key, stroke: COLORS.track, strokeWidth: 1 }),
      Plot.tickX(periods, { x: () => 0, y: (p: AttainmentPeriod) => p.key, stroke: COLORS.onLight, strokeWidth: 1 }),
      Plot.barX(part('won'), { ...bars, ...fill('primary') }),
      Plot.barX(part('commit'), { ...bars, ...fill('secondary') }),
      Plot.barX(part('bestCase'), { ...bars, fill: COLORS.onDark, stroke: COLORS.secondary, strokeWidth: 1.5, className: 'ps-onDark' }),
      Plot.text(periods, {
        y: (p: AttainmentPeriod) => labelKey(p.key),
        text: (p: AttainmentPeriod) => truncate(p.label, maxPx / 1.12),
        frameAnchor: 'left',
        textAnchor: 'start',
        dy: 3,
        fontWeight: '600',
      }),
      Plot.text(periods, {
        y: (p: AttainmentPeriod) => sharesKey(p.key),
        text: (p: AttainmentPeriod) => truncate(text.shares(sharesOf(p)), maxPx, SMALL_FONT_SIZE),
        frameAnchor: 'left',
        textAnchor: 'start',
        fontSize: SMALL_FONT_SIZE,
        ...fill('muted'),
      }),
      // The target: a dashed line at 100% across the bars.
      Plot.tickX(periods, { x: () => 1, y: (p: AttainmentPeriod) => p.key, stroke: COLORS.neutral, strokeWidth: 2, strokeDasharray: '3,2' }),
      ...keyMarks(keyItems, marginLeft, frame.marginTop, width - 8),
    ],
  };
  return output(spec, meta, table);
}
