import { describe, expect, it } from 'vitest';
import { formatTable, intakeChart } from '../../../src/lib/charts/index.ts';
import { intakeView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics } from './fixtures.ts';
import { fakeFormat, failOnWarnings, opts, TEXT } from './helpers.ts';

describe('intakeChart', () => {
  failOnWarnings();
  const out = intakeChart(intakeView(exampleMetrics), opts(TEXT.intake));

  it('tabulates 12 months, oldest first, with raw months', () => {
    expect(out.table.rows).toHaveLength(12);
    expect(out.table.rows[0]).toEqual(['2024-07', 2, 7_000_000]);
    expect(out.table.rows[11]).toEqual(['2025-06', 1, 5_000_000]);
    expect(formatTable(out.table, fakeFormat)[11]).toEqual(['Jun 2025', '1', '₩5,000,000']);
  });

  it('compares the last three months with the three before', () => {
    expect(out.takeaway).toBe('Last 3 months: 5 deals, ₩15.0M (down from ₩35.0M).');
  });

  it('draws amount bars with count labels and wrapped month ticks', () => {
    expect(out.svg.match(/<rect /g)).toHaveLength(12);
    expect(out.svg).toMatch(/<tspan[^>]*>Jul<\/tspan><tspan[^>]*>2024<\/tspan>/);
    expect(out.svg).toContain('>Number: deals created</text>');
  });
});
