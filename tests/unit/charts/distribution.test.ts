import { describe, expect, it } from 'vitest';
import { cycleLengthChart, timeInStageChart } from '../../../src/lib/charts/index.ts';
import { cycleLengthView, timeInStageView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics, STAGES } from './fixtures.ts';
import { failOnWarnings, opts, TEXT } from './helpers.ts';

describe('timeInStageChart', () => {
  failOnWarnings();

  it('tabulates median, p75, p90 and mean per stage and names the slowest', () => {
    const out = timeInStageChart(timeInStageView(exampleMetrics, STAGES, 'en'), opts(TEXT.timeInStage));
    expect(out.table.headers).toEqual(['Stage', 'Visits', 'Median', 'p75', 'p90', 'Mean', 'Stall limit']);
    expect(out.table.rows[0]).toEqual(['Prospect', 22, 14.291666666666668, 18.75, 36.03750000000001, 17.30113636363636, null]);
    expect(out.table.rows[3]).toEqual(['Negotiation', 10, 29, 33.25, 37, 26.2, null]);
    expect(out.takeaway).toBe('Deals wait longest in Negotiation: median 29.0d, p90 37.0d.');
    expect(out.svg).not.toContain('Stall limit');
  });

  it('draws the stall threshold tick and its key only when given', () => {
    const out = timeInStageChart(timeInStageView(exampleMetrics, STAGES, 'en', new Map([['propose', 30]])), opts(TEXT.timeInStage));
    expect(out.table.rows[2]![6]).toBe(30);
    expect(out.svg).toContain('>Stall limit</text>');
    expect(out.svg).toMatch(/stroke-dasharray="3,2"/);
    expect(out.svg.match(/aria-label="tick"/g)?.length).toBe(2); // the p90 ticks and the threshold tick
  });

  it('leaves out marks of a stage without visits', () => {
    const vm = timeInStageView(exampleMetrics, STAGES, 'en');
    vm.stages[1] = { ...vm.stages[1]!, visits: 0, meanDays: null, medianDays: null, p75Days: null, p90Days: null };
    const out = timeInStageChart(vm, opts(TEXT.timeInStage));
    expect(out.svg).toContain('>—</text>');
    expect(out.svg.match(/<circle/g)).toHaveLength(3); // medians (means are diamond paths)
  });
});

describe('cycleLengthChart', () => {
  failOnWarnings();

  it('compares won, lost and all', () => {
    const out = cycleLengthChart(cycleLengthView(exampleMetrics), opts(TEXT.cycleLength));
    expect(out.table.rows.map((r) => r.slice(0, 2))).toEqual([
      ['Won', 9],
      ['Lost', 4],
      ['All closed', 13],
    ]);
    expect(out.table.rows[0]![2]).toBeCloseTo(81.41666666666667, 12);
    expect(out.takeaway).toBe('Won deals close in a median 81.4d, lost ones in 65.2d.');
    for (const t of ['81.4d', '65.2d', '73.1d', '94.6d']) expect(out.svg).toContain(`>${t}</text>`);
  });
});
