import { describe, expect, it } from 'vitest';
import { funnelChart, weakestStage, type FunnelStage } from '../../../src/lib/charts/index.ts';
import { funnelView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics, STAGES } from './fixtures.ts';
import { expectAccessibleSvg, failOnWarnings, opts, TEXT } from './helpers.ts';

describe('funnelChart', () => {
  failOnWarnings();
  const vm = funnelView(exampleMetrics, STAGES, 'en');

  it('tabulates reached, cumulative, conversion and win rate per open stage', () => {
    const { table } = funnelChart(vm, opts(TEXT.funnel));
    expect(table.headers).toEqual(['Stage', 'Buyer step', 'Reached', 'Of cohort', 'Next step', 'Win rate']);
    expect(table.kinds).toEqual(['text', 'text', 'count', 'percent', 'percent', 'percent']);
    expect(table.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Prospect', 'Need arises', 21],
      ['Qualification', 'Requirements and solution search', 21],
      ['Proposal', 'Request for quote', 17],
      ['Negotiation', 'Comparison', 14],
    ]);
    expect(table.rows[2]![3]).toBeCloseTo(17 / 21, 12);
    expect(table.rows[3]![4]).toBeCloseTo(8 / 14, 12);
    expect(table.rows[3]![5]).toBeCloseTo(8 / 14, 12);
  });

  it('names the stage with the weakest next-step conversion', () => {
    const out = funnelChart(vm, opts(TEXT.funnel));
    expect(out.takeaway).toBe('Biggest drop at Negotiation: 57% (8 of 14) move on.');
    expect(out.title).toBe('Stage funnel');
    // That stage's conversion is set in bold.
    expect(out.svg).toMatch(/font-weight="700"[^>]*>\s*<text[^>]*>57%<\/text>/);
  });

  it('shows the buyer step beside each seller stage, with bar labels', () => {
    const { svg } = funnelChart(vm, opts(TEXT.funnel));
    for (const text of ['Prospect', 'Need arises', 'Negotiation', 'Comparison', '21 (100%)', '17 (81%)', '14 (67%)', 'Next step', 'Win rate']) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('uses the Korean labels of the config', () => {
    const out = funnelChart(funnelView(exampleMetrics, STAGES, 'ko'), opts(TEXT.funnel, { locale: 'ko' }));
    expect(out.svg).toContain('>협상</text>');
    expect(out.svg).toContain('>비교 검토</text>');
    expect(out.svg).toContain('lang="ko"');
  });

  it('truncates a long label in the SVG but keeps it whole in the table', () => {
    const long = 'A remarkably long stage label that no margin can hold';
    const stages = vm.stages.map((s, i) => (i === 0 ? { ...s, label: long, buyerStep: null } : s));
    const out = funnelChart({ ...vm, stages }, opts(TEXT.funnel));
    expectAccessibleSvg(out.svg, 'funnel');
    expect(out.svg).not.toContain(long);
    expect(out.svg).toMatch(/>A remarkably[^<]*…<\/text>/);
    expect(out.table.rows[0]![0]).toBe(long);
    expect(out.table.rows[0]![1]).toBeNull();
  });

  it('weakestStage skips unreached stages and keeps the earliest on ties', () => {
    const s = (id: string, reached: number, conversion: number | null): FunnelStage => ({
      id, label: id, buyerStep: null, reached, advanced: 0, won: 0, conversion, winRate: null,
    });
    expect(weakestStage([s('a', 5, 0.5), s('b', 4, 0.5), s('c', 0, null)])?.id).toBe('a');
    expect(weakestStage([s('a', 0, null)])).toBeUndefined();
  });
});
