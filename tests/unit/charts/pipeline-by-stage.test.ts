import { describe, expect, it } from 'vitest';
import { pipelineByStageChart, pipelineView } from '../../../src/lib/charts/index.ts';
import { exampleMetrics, STAGES } from './fixtures.ts';
import { failOnWarnings, opts, TEXT } from './helpers.ts';

describe('pipelineByStageChart', () => {
  failOnWarnings();
  const out = pipelineByStageChart(pipelineView(exampleMetrics, STAGES, 'en'), opts(TEXT.pipeline));

  it('tabulates count, amount and weighted amount per open stage', () => {
    expect(out.table.rows).toEqual([
      ['Prospect', 0, 0, 0],
      ['Qualification', 3, 12_000_000, 3_000_000],
      ['Proposal', 3, 8_000_000, 4_000_000],
      ['Negotiation', 3, 19_000_000, 14_250_000],
    ]);
    expect(out.table.kinds).toEqual(['text', 'count', 'money', 'money']);
  });

  it('names the stage holding the most money', () => {
    expect(out.takeaway).toBe('Negotiation holds ₩19.0M (49%) of the open pipeline.');
  });

  it('labels bars with amounts and lists weighted amounts and counts', () => {
    for (const t of ['₩12.0M', '₩19.0M', '₩14.3M', 'Weighted', 'Deals', 'Open amount']) expect(out.svg).toContain(`>${t}</text>`);
    // Light amount bar and dark weighted bar, themable by class.
    expect(out.svg).toContain('class="ps-secondary"');
    expect(out.svg).toContain('class="ps-primary"');
  });
});
