import { describe, expect, it } from 'vitest';
import * as C from '../../../src/lib/charts/index.ts';
import * as V from '../../../src/lib/views/chart-models.ts';
import { pipelineByStageChart } from '../../../src/lib/charts/index.ts';
import { pipelineView } from '../../../src/lib/views/chart-models.ts';
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

describe('parked stages in the stage charts', () => {
  failOnWarnings();
  // 'hold' is parked and sits second in config order: drawn (and tabulated) after the sequence, under a label row.
  const stages = [STAGES[0]!, { id: 'hold', label: { en: 'On hold' }, buyer_step: null, parked: true }, ...STAGES.slice(1)];
  const metrics = {
    ...exampleMetrics,
    pipeline: { ...exampleMetrics.pipeline, stages: [exampleMetrics.pipeline.stages[0]!, { stage: 'hold', count: 2, amount: 5_000_000, weighted_amount: 250_000 }, ...exampleMetrics.pipeline.stages.slice(1)] },
    time_in_stage: [exampleMetrics.time_in_stage[0]!, { stage: 'hold', visits: 4, mean_days: 20, median_days: 18, p75_days: 25, p90_days: 30 }, ...exampleMetrics.time_in_stage.slice(1)],
    lost_at_stage: [exampleMetrics.lost_at_stage[0]!, { stage: 'hold', count: 1, amount: 1_000_000 }, ...exampleMetrics.lost_at_stage.slice(1)],
  };

  it('pipeline by stage: sequence first, then the parked stage, tagged in the table and set apart in the SVG', () => {
    const out = pipelineByStageChart(pipelineView(metrics, stages, 'en'), opts(TEXT.pipeline));
    expect(out.table.rows.map((r) => r[0])).toEqual(['Prospect', 'Qualification', 'Proposal', 'Negotiation', 'On hold (parked)']);
    expect(out.svg).toContain('>Parked (outside the sequence)</text>');
    expect(out.svg).toContain('stroke-dasharray="4,3"');
    // The label row's key never shows as a tick label.
    expect(out.svg).not.toContain('\u0000');
    const labels = [...out.svg.matchAll(/>(Negotiation|Parked \(outside the sequence\)|On hold)</g)].map((m) => m[1]);
    expect(labels).toEqual(['Negotiation', 'On hold', 'Parked (outside the sequence)']); // axis ticks first, then the label row's text mark
  });

  it('time in stage and lost at stage do the same', () => {
    const tis = C.timeInStageChart(V.timeInStageView(metrics, stages, 'en', new Map([['hold', null]])), opts(TEXT.timeInStage));
    expect(tis.table.rows.map((r) => r[0]).at(-1)).toBe('On hold (parked)');
    expect(tis.svg).toContain('>Parked (outside the sequence)</text>');
    // Sitting long on hold is the point of the stage: the takeaway names the slowest stage of the sequence.
    const longHold = V.timeInStageView({ ...metrics, time_in_stage: metrics.time_in_stage.map((r) => (r.stage === 'hold' ? { ...r, median_days: 500 } : r)) }, stages, 'en');
    expect(C.slowestStage(longHold.stages)?.id).not.toBe('hold');
    const lost = C.lostAtStageChart(V.lostAtStageView(metrics, stages, 'en'), opts(TEXT.lostAtStage));
    expect(lost.table.rows.map((r) => r[0])).toEqual(['Prospect', 'Qualification', 'Proposal', 'Negotiation', 'On hold (parked)']);
    expect(lost.svg).toContain('>Parked (outside the sequence)</text>');
  });

  it('without parked stages nothing changes', () => {
    const out = pipelineByStageChart(pipelineView(exampleMetrics, STAGES, 'en'), opts(TEXT.pipeline));
    expect(out.svg).not.toContain('Parked');
  });
});
