import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { formatTable, textWidth, truncate, wrap } from '../../../src/lib/charts/layout.ts';
import { roomyMax } from '../../../src/lib/charts/marks.ts';
import { pipelineByStageChart } from '../../../src/lib/charts/pipeline-by-stage.ts';
import { chartClass, drawnElement, renderEmpty, renderPlot } from '../../../src/lib/charts/render.ts';
import { fakeFormat, failOnWarnings, TEXT } from './helpers.ts';

describe('render helpers', () => {
  failOnWarnings();

  it('makes safe, prefixed class names', () => {
    expect(chartClass('Loss Reasons')).toBe('ps-chart-loss-reasons');
    expect(chartClass('"><script>')).toBe('ps-chart-script');
    expect(chartClass('')).toBe('ps-chart-chart');
  });

  it('estimates Hangul as a full em', () => {
    expect(textWidth('협상', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeLessThan(12);
  });

  it('truncates and wraps labels to a width', () => {
    expect(truncate('short', 200)).toBe('short');
    expect(truncate('a rather long label indeed', 60)).toMatch(/^a rather.*…$/);
    expect(textWidth(truncate('a rather long label indeed', 60))).toBeLessThanOrEqual(60);
    expect(wrap('Jun 2025', 40, 11)).toBe('Jun\n2025');
    expect(wrap('one two three four five six', 40, 11, 2).split('\n')).toHaveLength(2);
  });

  it('leaves room for labels after bars', () => {
    const max = roomyMax([{ value: 100, label: 'xxxxxxxxxx' }], 400);
    expect(max).toBeGreaterThan(100);
    expect(max).toBeLessThan(150);
    expect(roomyMax([], 400)).toBe(1);
  });

  it('formats a table for display', () => {
    const rows = formatTable(
      { headers: ['a', 'b', 'c', 'd', 'e', 'f'], kinds: ['text', 'money', 'count', 'percent', 'days', 'month'], rows: [['x', 1500, 3, 0.5, null, '2025-06']] },
      fakeFormat,
    );
    expect(rows).toEqual([['x', '₩1,500', '3', '50%', '—', 'Jun 2025']]);
  });

  it('renames generated ids per chart and rounds coordinates', () => {
    const spec = { width: 200, height: 100, marks: [Plot.dot([[0.123456, 1], [2, 3]], { clip: true })] } satisfies Plot.PlotOptions;
    const meta = { id: 'demo', title: 'T', takeaway: 'D', locale: 'en' as const };
    const svg = renderPlot(spec, meta);
    expect(svg).toContain('<clipPath id="ps-chart-demo-id1">');
    expect(svg).toContain('clip-path="url(#ps-chart-demo-id1)"');
    expect(svg).not.toMatch(/plot-clip/);
    const values = [...svg.matchAll(/\s(?:x|y|cx|cy|transform|d)="([^"]*)"/g)].map((m) => m[1]!).filter((v) => !v.includes('em'));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).not.toMatch(/\d\.\d{2,}/);
    expect(renderPlot(spec, meta)).toBe(svg);
  });
});

describe('responsive charts', () => {
  failOnWarnings();
  const vm = { stages: [{ id: 'a', label: 'Prospect', count: 3, amount: 3e6, weightedAmount: 1e6 }] };
  const options = { locale: 'en' as const, fmt: fakeFormat, text: TEXT.pipeline };

  it('draw a narrow variant beside the default width, and only the given width when asked', () => {
    const both = pipelineByStageChart(vm, options);
    expect(both.svg).toMatch(/viewBox="0 0 640 /);
    expect(both.narrowSvg).toMatch(/viewBox="0 0 320 /);
    expect(both.narrowSvg).toContain('class="ps-chart-pipeline-by-stage-narrow"');
    const one = pipelineByStageChart(vm, { ...options, width: 500 });
    expect(one.narrowSvg).toBeUndefined();
    expect(one.svg).toMatch(/viewBox="0 0 500 /);
  });

  it('put row labels on their own line above the bar when narrow', () => {
    const { narrowSvg } = pipelineByStageChart(vm, options);
    // The label sits at the left margin (no y axis squeezing it into a third of the width).
    expect(narrowSvg).toMatch(/<text[^>]*text-anchor="start"[^>]*>Prospect<\/text>|>Prospect</);
    expect(narrowSvg).not.toMatch(/aria-label="y-axis tick label"/);
  });

  it('are drawn when read, each the same markup whichever is read first, and as elements without markup', () => {
    const wideFirst = pipelineByStageChart(vm, options);
    const narrowFirst = pipelineByStageChart(vm, options);
    const narrow = narrowFirst.narrowSvg;
    expect(narrowFirst.svg).toBe(wideFirst.svg);
    expect(narrow).toBe(wideFirst.narrowSvg);
    // Keys in the order of an output drawn at once.
    expect(Object.keys(wideFirst)).toEqual(['svg', 'title', 'takeaway', 'table', 'narrowSvg']);
    const elements = pipelineByStageChart(vm, options);
    expect(drawnElement(elements, 'narrowSvg')!.outerHTML).toBe(narrow);
    expect(drawnElement(elements, 'svg')!.outerHTML).toBe(wideFirst.svg);
    expect(elements.narrowSvg).toBe(narrow);
    expect(drawnElement(pipelineByStageChart(vm, { ...options, width: 500 }), 'narrowSvg')).toBe(null);
    expect(drawnElement({ ...wideFirst }, 'svg')).toBe(null);
  });

  it('wrap a long "no data" message to the chart width', () => {
    const svg = renderEmpty({ id: 'x', title: 't', takeaway: 'word '.repeat(30).trim(), locale: 'en' }, 320);
    expect(svg.match(/<tspan/g)?.length).toBeGreaterThan(1);
  });
});
