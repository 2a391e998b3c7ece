/**
 * How well the pipeline forecast each of the last months: per month, the
 * weighted forecast made at its start (light) beside what was won in it
 * (dark), with won ÷ forecast above the pair. Takeaway: that ratio over all
 * the months, and its lowest and highest month.
 */
import * as Plot from '@observablehq/plot';
import { finite, type Frame, innerWidth, ratio, textWidth, wrap } from './layout.ts';
import { type KeyItem, KEY_LINE, keyLines, keyMarks } from './marks.ts';
import { output, responsive } from './render.ts';
import { COLORS, DEFAULT_WIDTH, fill, isNarrow, SMALL_FONT_SIZE } from './style.ts';
import type { BaseChartText, ChartOptions, ChartOutput, ChartTable } from './types.ts';

export interface AccuracyMonth {
  /** 'YYYY-MM'. */
  month: string;
  forecastCount: number;
  forecastAmount: number;
  forecastWeighted: number;
  wonCount: number;
  wonAmount: number;
  wonFromForecast: number;
  /** wonAmount / forecastWeighted; null when nothing was forecast. */
  ratio: number | null;
}

export interface AccuracyViewModel {
  /** Oldest first. */
  months: AccuracyMonth[];
}

export interface AccuracyTakeaway {
  /** Months with a forecast, formatted, and as a number. */
  months: string;
  monthCount: number;
  /** Won ÷ weighted forecast over those months. */
  ratio: string;
  /** The months with the lowest and highest ratio (labels and ratios); equal when one month. */
  low: { month: string; ratio: string };
  high: { month: string; ratio: string };
  /**
   * Over those months, formatted: the deals forecast for their month, those of them won in it, and all the deals
   * won in them. The ratio counts every deal won in a month, forecast or not: these say how much of it the forecast
   * deals themselves brought.
   */
  forecastDeals: string;
  wonFromForecast: string;
  wonDeals: string;
  /** Deals won in those months that were not in their month's forecast (wonDeals - wonFromForecast), formatted. */
  unforecastWins: string;
}

export interface AccuracyText extends BaseChartText {
  key: { forecast: string; won: string; ratio: string };
  columns: {
    month: string;
    forecastCount: string;
    forecastAmount: string;
    forecastWeighted: string;
    wonCount: string;
    wonAmount: string;
    wonFromForecast: string;
    ratio: string;
  };
  takeaway(p: AccuracyTakeaway): string;
}

const sum = (months: readonly AccuracyMonth[], key: 'forecastCount' | 'wonCount' | 'wonFromForecast') => months.reduce((s, m) => s + finite(m[key]), 0);

export function forecastAccuracyChart(vm: AccuracyViewModel, options: ChartOptions<AccuracyText>): ChartOutput {
  return responsive(vm, options, 'forecast-accuracy', drawAccuracy);
}

function drawAccuracy(vm: AccuracyViewModel, options: ChartOptions<AccuracyText>): ChartOutput {
  const { fmt, text } = options;
  const id = options.id ?? 'forecast-accuracy';
  const width = options.width ?? DEFAULT_WIDTH;
  const c = text.columns;
  const months = vm.months;
  const table: ChartTable = {
    headers: [c.month, c.forecastCount, c.forecastAmount, c.forecastWeighted, c.wonCount, c.wonAmount, c.wonFromForecast, c.ratio],
    kinds: ['month', 'count', 'money', 'money', 'count', 'money', 'count', 'percent'],
    rows: months.map((m) => [m.month, m.forecastCount, m.forecastAmount, m.forecastWeighted, m.wonCount, m.wonAmount, m.wonFromForecast, m.ratio]),
  };

  const forecast = months.filter((m) => finite(m.forecastWeighted) > 0);
  let takeaway = text.noData;
  if (forecast.length > 0) {
    const total = ratio(forecast.reduce((s, m) => s + finite(m.wonAmount), 0), forecast.reduce((s, m) => s + finite(m.forecastWeighted), 0));
    const r = (m: AccuracyMonth) => finite(m.wonAmount) / finite(m.forecastWeighted);
    let low = forecast[0]!;
    let high = forecast[0]!;
    for (const m of forecast) {
      if (r(m) < r(low)) low = m;
      if (r(m) > r(high)) high = m;
    }
    takeaway = text.takeaway({
      months: fmt.count(forecast.length),
      monthCount: forecast.length,
      ratio: fmt.percent(total),
      low: { month: fmt.month(low.month), ratio: fmt.percent(r(low)) },
      high: { month: fmt.month(high.month), ratio: fmt.percent(r(high)) },
      forecastDeals: fmt.count(sum(forecast, 'forecastCount')),
      wonFromForecast: fmt.count(sum(forecast, 'wonFromForecast')),
      wonDeals: fmt.count(sum(forecast, 'wonCount')),
      unforecastWins: fmt.count(sum(forecast, 'wonCount') - sum(forecast, 'wonFromForecast')),
    });
  }
  const meta = { id, title: text.title, takeaway: options.takeaway ?? takeaway, locale: options.locale, width };
  const hasData = months.some((m) => finite(m.forecastWeighted) > 0 || finite(m.wonAmount) > 0);
  if (!hasData) return output(null, meta, table);

  const narrow = isNarrow(width);
  const keyItems: KeyItem[] = [
    { label: text.key.forecast, role: 'secondary' },
    { label: text.key.won, role: 'primary' },
    { label: text.key.ratio, role: 'muted', symbol: '' },
  ];
  const max = Math.max(...months.map((m) => Math.max(finite(m.forecastWeighted), finite(m.wonAmount))));
  const marginLeft = Math.round(Math.max(narrow ? 36 : 44, textWidth(fmt.moneyCompact(max), SMALL_FONT_SIZE) + 14));
  const frame: Frame = {
    width,
    height: narrow ? 260 : 300,
    marginTop: 24 + keyLines(keyItems, width - 8) * KEY_LINE,
    marginBottom: 44,
    marginLeft,
    marginRight: 8,
  };
  frame.height += frame.marginTop - 40;
  const frameHeight = frame.height - frame.marginTop - frame.marginBottom;
  // Room above the taller bar of each pair for its ratio.
  const yMax = max > 0 ? (max * frameHeight) / Math.max(frameHeight * 0.5, frameHeight - 26) : 1;
  const band = innerWidth(frame) / Math.max(1, months.length);
  const labels = new Map(months.map((m) => [m.month, wrap(fmt.month(m.month), band - 2, SMALL_FONT_SIZE)]));
  const half = Math.max(1, Math.round(band * 0.4));
  const pad = Math.max(1, Math.round(band * 0.08));
  const key = (m: AccuracyMonth) => m.month;
  const top = (m: AccuracyMonth) => Math.max(finite(m.forecastWeighted), finite(m.wonAmount));
  const withRatio = months.filter((m) => m.ratio !== null);

  const spec: Plot.PlotOptions = {
    ...frame,
    x: { domain: months.map(key), padding: 0 },
    y: { domain: [0, yMax] },
    marks: [
      Plot.axisX({ tickFormat: (k: string) => labels.get(k) ?? k, tickSize: 0, label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.axisY({ ticks: narrow ? 3 : 4, tickFormat: (v: number) => fmt.moneyCompact(v), label: null, fontSize: SMALL_FONT_SIZE }),
      Plot.gridY({ ticks: narrow ? 3 : 4 }),
      // Forecast on the left half of the month, won on the right half.
      Plot.barY(months, { x: key, y: (m: AccuracyMonth) => finite(m.forecastWeighted), insetLeft: pad, insetRight: band - pad - half, ...fill('secondary') }),
      Plot.barY(months, { x: key, y: (m: AccuracyMonth) => finite(m.wonAmount), insetLeft: band - pad - half, insetRight: pad, ...fill('primary') }),
      // The ratio is the pair's: a bracket across both bars, above the taller, with the ratio centred over it.
      Plot.tickY(withRatio, { x: key, y: top, dy: -4, insetLeft: pad, insetRight: pad, stroke: COLORS.neutral, strokeWidth: 1 }),
      Plot.text(withRatio, {
        x: key,
        y: top,
        text: (m: AccuracyMonth) => fmt.percent(m.ratio),
        dy: -8,
        lineAnchor: 'bottom',
        fontSize: SMALL_FONT_SIZE,
        fontWeight: '600',
      }),
      ...keyMarks(keyItems, marginLeft, frame.marginTop, width - 8),
      Plot.ruleY([0]),
    ],
  };
  return output(spec, meta, table);
}
