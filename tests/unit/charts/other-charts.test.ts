import { describe, expect, it } from 'vitest';
import {
  competitorsChart,
  lostAtStageChart,
  repurchaseTimelineChart,
  trendSparkline,
  waterfallChart,
} from '../../../src/lib/charts/index.ts';
import { competitorsView, lostAtStageView, waterfallView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics, STAGES } from './fixtures.ts';
import { expectAccessibleSvg, failOnWarnings, opts, TEXT } from './helpers.ts';

describe('lostAtStageChart', () => {
  failOnWarnings();
  it('counts losses per stage and names the worst', () => {
    const out = lostAtStageChart(lostAtStageView(exampleMetrics, STAGES, 'en'), opts(TEXT.lostAtStage));
    expect(out.table.rows).toEqual([
      ['Prospect', 0, 0],
      ['Qualification', 1, 9_000_000],
      ['Proposal', 0, 0],
      ['Negotiation', 3, 12_000_000],
    ]);
    expect(out.takeaway).toBe('Most losses happen at Negotiation: 3 deals (75%), ₩12.0M.');
    // The separator keeps to the count before it (a no-break space, written as a character reference).
    expect(out.svg).toContain('>3&#160;· ₩12.0M</text>');
  });
});

describe('the takeaways name a tie, and the competitor we win least against', () => {
  failOnWarnings();
  it('names every stage of a tie for the most losses', () => {
    const row = (id: string, label: string, count: number, amount: number) => ({ id, label, count, amount, parked: false });
    const vm = { stages: [row('prospect', 'Prospect', 3, 10), row('qualify', 'Qualification', 1, 5), row('propose', 'Proposal', 3, 90)] };
    const said: string[][] = [];
    lostAtStageChart(vm, opts({ ...TEXT.lostAtStage, takeaway: (p) => (said.push([p.stage, ...p.tiedWith]), 'x') }));
    // The larger amount first (Proposal), then the other in the funnel's order.
    expect(said).toEqual([['Proposal', 'Prospect']]);
  });

  it('adds the lowest win rate of the competitors met in enough deals, and no rate from too few', () => {
    const row = (label: string, won: number, lost: number) => ({ label, won, lost, winRate: won / (won + lost) });
    const takeaways = (competitors: ReturnType<typeof row>[], minRateDeals?: number) => {
      const seen: unknown[] = [];
      competitorsChart({ competitors }, { ...opts({ ...TEXT.competitors, takeaway: (p) => (seen.push(p), 'x') }), ...(minRateDeals === undefined ? {} : { minRateDeals }) });
      return seen[0];
    };
    // Met most: Hanwha, 17 of 63 won (27%); least won: Samsung, 3 of 36 (8%); Cognex 0 of 2 is too few to count. The three
    // met in 10 deals or more, 23 of 132 won: chi-square 3.305 + 1.708 + 1.315 on the won and 0.697 + 0.360 + 0.278 on
    // the lost = 7.66 on 2 degrees of freedom, p = e^(−7.66 / 2) = 0.022: a clear difference.
    const sample = [row('Hanwha', 17, 46), row('Samsung', 3, 33), row('DMG', 3, 30), row('Cognex', 0, 2)];
    expect(takeaways(sample, 10)).toEqual({ competitor: 'Hanwha', deals: '63', winRate: '27%', worst: { competitor: 'Samsung', won: '3', deals: '36', winRate: '8%', clear: true } });
    // 10 of 30 against 7 of 28: a gap chance gives (Fisher's exact test, p > 0.5), said to be no clear difference.
    expect(takeaways([row('A', 10, 20), row('B', 7, 21)], 10)).toMatchObject({ worst: { competitor: 'B', clear: false } });
    // The one met most often is also the one we win least against: nothing to add.
    expect(takeaways([row('A', 1, 20), row('B', 10, 5)], 10)).toMatchObject({ worst: null });
    // Met most often in too few deals for a rate (a filtered view): no rate, and the worst only from enough deals.
    expect(takeaways([row('Cognex', 0, 2), row('B', 0, 1)], 10)).toEqual({ competitor: 'Cognex', deals: '2', winRate: null, worst: null });
  });
});

describe('competitorsChart', () => {
  failOnWarnings();
  it('stacks won and lost per competitor with the win rate', () => {
    const out = competitorsChart(competitorsView(exampleMetrics), opts(TEXT.competitors));
    expect(out.table.rows).toEqual([['Acme Rival', 7, 1, 0.875]]);
    expect(out.takeaway).toBe('Most often against Acme Rival: 8 deals, 88% won.');
    for (const t of ['Acme Rival', '7', '1', '88%', 'Won', 'Lost', 'Win rate']) expect(out.svg).toContain(`>${t}</text>`);
  });

  it('omits a segment label that does not fit and folds extra rows', () => {
    const competitors = Array.from({ length: 12 }, (_, i) => ({ label: `C${i}`, won: 40, lost: i === 0 ? 1 : 0, winRate: null }));
    const out = competitorsChart({ competitors }, opts(TEXT.competitors, { maxRows: 5 }));
    expect(out.svg).toContain('>Other</text>');
    expect(out.svg).toContain('>320</text>'); // 8 folded rows x 40 won
    expect(out.svg).not.toMatch(/>1<\/text>/); // the 1 lost of C0 is too thin to label
    expect(out.table.rows).toHaveLength(12);
  });
});

describe('waterfallChart', () => {
  failOnWarnings();
  it('walks from start to end with signed steps', () => {
    const out = waterfallChart(waterfallView(exampleMetrics), opts(TEXT.waterfall));
    expect(out.table.rows).toEqual([
      ['Start', 8, 34_000_000],
      ['New', 1, 5_000_000],
      ['Reopened', 0, 0],
      ['Won', 0, 0],
      ['Lost', 0, 0],
      ['Removed', 0, 0],
      ['End', 9, 39_000_000],
    ]);
    expect(out.takeaway).toBe('Open pipeline went up from ₩34.0M to ₩39.0M: +₩5.0M, won ₩0.0M, lost ₩0.0M.');
    for (const t of ['₩34.0M', '+₩5.0M', '−₩0.0M', '₩39.0M']) expect(out.svg).toContain(`>${t}</text>`);
  });

  it('floats the decreases below the running total', () => {
    const out = waterfallChart(
      { start: { count: 5, amount: 50 }, new: { count: 2, amount: 20 }, reopened: { count: 0, amount: 0 }, won: { count: 1, amount: 30 }, lost: { count: 1, amount: 10 }, end: { count: 5, amount: 30 } },
      opts(TEXT.waterfall, { fmt: { ...opts(TEXT.waterfall).fmt, moneyCompact: (n) => `$${n}` } }),
    );
    expect(out.takeaway).toBe('Open pipeline went down from $50 to $30: +$20, won $30, lost $10.');
    expect(out.svg).toContain('>−$30</text>');
    expect(out.svg.match(/class="ps-lost"/g)).toHaveLength(1);
    expect(out.svg.match(/<rect /g)).toHaveLength(6);
  });

  it('draws the removed step only when a deal was removed', () => {
    const vm = { start: { count: 5, amount: 50 }, new: { count: 2, amount: 20 }, reopened: { count: 0, amount: 0 }, won: { count: 1, amount: 30 }, lost: { count: 1, amount: 10 }, removed: { count: 1, amount: 5 }, end: { count: 4, amount: 25 } };
    const o = opts(TEXT.waterfall, { fmt: { ...opts(TEXT.waterfall).fmt, moneyCompact: (n) => `$${n}` } });
    const out = waterfallChart(vm, o);
    expect(out.table.rows.map((r) => r[0])).toEqual(['Start', 'New', 'Reopened', 'Won', 'Lost', 'Removed', 'End']);
    expect(out.takeaway).toBe('Open pipeline went down from $50 to $25: +$20, won $30, lost $10, removed $5.');
    expect(out.svg).toContain('>−$5</text>');
    expect(out.svg).toContain('>Removed</text>');
    expect(out.svg.match(/<rect /g)).toHaveLength(7);
    const none = waterfallChart({ ...vm, removed: { count: 0, amount: 0 }, end: { count: 5, amount: 30 } }, o);
    expect(none.svg).not.toContain('>Removed</text>');
    expect(none.table.rows.map((r) => r[0])).toContain('Removed');
  });
});

describe('repurchaseTimelineChart', () => {
  failOnWarnings();
  const vm = {
    overdue: { count: 2, amount: 6e6 },
    months: [
      { month: '2025-07', count: 1, amount: 4e6 },
      { month: '2025-08', count: 0, amount: 0 },
      { month: '2025-09', count: 3, amount: 9e6 },
    ],
  };
  it('puts the overdue bucket first, highlighted, then the months', () => {
    const out = repurchaseTimelineChart(vm, opts(TEXT.repurchase));
    expectAccessibleSvg(out.svg, 'repurchase-timeline');
    expect(out.table.rows).toEqual([
      ['Overdue', 2, 6e6],
      ['Jul 2025', 1, 4e6],
      ['Aug 2025', 0, 0],
      ['Sep 2025', 3, 9e6],
    ]);
    expect(out.takeaway).toBe('2 overdue (₩6.0M); 4 due in 12 months (₩13.0M).');
    expect(out.svg).toContain('class="ps-accent"');
  });
  it('says so when nothing is due (the example: every window covered or later)', () => {
    expect(repurchaseTimelineChart({ overdue: { count: 0, amount: 0 }, months: vm.months.map((m) => ({ ...m, count: 0, amount: 0 })) }, opts(TEXT.repurchase)).takeaway).toBe(
      'No data: Repurchase windows',
    );
  });
});

describe('trendSparkline', () => {
  failOnWarnings();
  it('draws a tiny line with the last point marked', () => {
    const out = trendSparkline(
      { kind: 'percent', points: [{ label: 'a', value: 0.5 }, { label: 'b', value: null }, { label: 'c', value: 0.7 }] },
      opts(TEXT.sparkline, { id: 'tile-win-rate' }),
    );
    expectAccessibleSvg(out.svg, 'tile-win-rate');
    expect(out.takeaway).toBe('From 50% to 70% (up).');
    expect(out.svg).toContain('viewBox="0 0 120 32"');
    expect(out.svg).toMatch(/<path [^>]*d="M3,29L117,3"/);
    expect(out.table.kinds).toEqual(['text', 'percent']);
  });
});
