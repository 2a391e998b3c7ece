import { describe, expect, it } from 'vitest';
import { forecastChart } from '../../../src/lib/charts/index.ts';
import { forecastView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics } from './fixtures.ts';
import { failOnWarnings, opts, TEXT } from './helpers.ts';

describe('forecastChart', () => {
  failOnWarnings();
  const vm = forecastView(exampleMetrics);
  const out = forecastChart(vm, opts(TEXT.forecast));

  it('tabulates every bucket with resolved labels', () => {
    expect(out.table.rows.map((r) => r[0])).toEqual([
      'Overdue', 'Jun 2025', 'Jul 2025', 'Aug 2025', 'Sep 2025', 'Oct 2025', 'Nov 2025', 'Later', 'No date',
    ]);
    expect(out.table.rows[0]).toEqual(['Overdue', 4, 10_000_000, 4_750_000]);
    expect(out.table.rows[8]).toEqual(['No date', 3, 20_000_000, 14_250_000]);
  });

  it('highlights the overdue bucket and sizes it in the takeaway', () => {
    expect(out.takeaway).toBe('₩10.0M (26%) is overdue; ₩9.0M expected in the next 6 months.');
    expect(out.svg).toContain('class="ps-accentLight"');
    expect(out.svg).toContain('class="ps-accent"');
    expect(out.svg).toMatch(/font-weight="700"[^>]*>\s*<text[^>]*>₩10.0M<\/text>/);
  });

  it('words the takeaway differently when nothing is overdue', () => {
    const none = { buckets: vm.buckets.map((b) => (b.bucket === 'overdue' ? { ...b, count: 0, amount: 0, weightedAmount: 0 } : b)) };
    expect(forecastChart(none, opts(TEXT.forecast)).takeaway).toBe('Nothing overdue; ₩9.0M expected in the next 6 months.');
  });
});
