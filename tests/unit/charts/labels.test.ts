/**
 * Chart labels in the room they have: wrapped onto two lines (three under a
 * column) instead of cut, numbers kept clear of the labels and columns,
 * value labels clear of the line they label.
 */
import { describe, expect, it } from 'vitest';
import { forecastAccuracyChart, forecastChart, funnelChart, intakeChart, lossReasonsChart, repurchaseTimelineChart, trendLineChart } from '../../../src/lib/charts/index.ts';
import { createDateFormats } from '../../../src/lib/format/dates.ts';
import { textWidth, twoLines, wrapLines } from '../../../src/lib/charts/layout.ts';
import { joinItems } from '../../../src/lib/format/index.ts';
import { NARROW_WIDTH } from '../../../src/lib/charts/style.ts';
import { funnelView } from '../../../src/lib/views/chart-models.ts';
import { exampleMetrics, STAGES } from './fixtures.ts';
import { failOnWarnings, fakeFormat, opts, TEXT } from './helpers.ts';

const narrow = { width: NARROW_WIDTH };
/** A numeric attribute of a tag. */
const attr = (tag: string, name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)![1]);
/** Each rect's left and right edge. */
const rects = (svg: string) => [...svg.matchAll(/<rect[^>]*>/g)].map((m) => [attr(m[0], 'x'), attr(m[0], 'x') + attr(m[0], 'width')] as const);
/** The lines of each multi-line text (its tspans), in order. */
const tspanTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) => [...m[1]!.matchAll(/>([^<]*)<\/tspan>/g)].map((t) => t[1]));

describe('label layout helpers', () => {
  it('wrapLines gives each line its own width and cuts only past the last line', () => {
    expect(wrapLines('Relationship with a competitor', 130)).toEqual(['Relationship with a', 'competitor']);
    const [first, last] = wrapLines('one two three', [textWidth('one two'), textWidth('xx')]);
    expect(first).toBe('one two');
    expect(last).toMatch(/^t.*…$/);
  });

  it('twoLines leaves room after the last line and breaks after a middle dot', () => {
    expect(twoLines('Prospect', 200, 100)).toEqual(['Prospect']);
    expect(twoLines('구매의사 확인·내부 검증', 130, 70)).toEqual(['구매의사 확인·', '내부 검증']);
    expect(twoLines('구매의사 확인·내부 검증', 130, 200)).toEqual(['구매의사 확인·내부 검증']);
  });

  it('never starts a line with a list separator: the "·" of joinItems stays with the item before it', () => {
    const listed = joinItems(['Negotiation', '₩12.0M']);
    expect(listed).toBe('Negotiation\u00a0· ₩12.0M');
    // Balanced, a plain ' · ' would give ['Negotiation', '· ₩12.0M'].
    expect(twoLines('Negotiation · ₩12.0M', 200, textWidth('Negotiation'))).toEqual(['Negotiation', '· ₩12.0M']);
    expect(twoLines(listed, 200, textWidth('Negotiation'))).toEqual(['Negotiation\u00a0·', '₩12.0M']);
    const shares = joinItems(['65% won', '75% with commit', '99% with best case']);
    for (const width of [60, 80, 100, 120, 160]) {
      const lines = wrapLines(shares, width, undefined, 9);
      expect(lines.join(' '), `${width}`).toBe(shares);
      expect(lines.filter((l) => l.startsWith('·')), `${width}`).toEqual([]);
    }
  });
});

describe('Korean months under columns (their parts joined by no-break spaces, format/dates.ts)', () => {
  failOnWarnings();
  const koFormat = { ...fakeFormat, month: createDateFormats('ko').month };
  const ko = <T extends Parameters<typeof opts>[0]>(text: T, width: number) => ({ ...opts(text, { width, locale: 'ko' as const }), fmt: koFormat });
  const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

  it('wrapLines breaks a no-break-spaced date that does not fit its line, rather than cutting it', () => {
    expect(wrapLines('2026년\u00a010월', textWidth('2026년'), 11)).toEqual(['2026년', '10월']);
    expect(wrapLines('2026. 6. 30.'.replaceAll(' ', '\u00a0'), 40, 11)).toEqual(['2026.', '6.\u00a030.']);
    // Where it fits, it stays whole; a list separator's no-break space still never starts a line with '·'.
    expect(wrapLines('2026년\u00a010월', 200)).toEqual(['2026년\u00a010월']);
    expect(wrapLines(joinItems(['2026년\u00a010월', '12건']), textWidth('2026년 10월 ·'))).toEqual(['2026년\u00a010월\u00a0·', '12건']);
  });

  it('new deals per month (a laptop) and the forecast accuracy (a phone) show every month whole', () => {
    const intake = intakeChart({ months: months.map((month, i) => ({ month, count: i + 1, amount: (i + 1) * 1e7 })) }, ko(TEXT.intake, 640));
    expect(intake.svg).not.toContain('…');
    expect(tspanTexts(intake.svg)).toContainEqual(['2025년', '12월']);
    const accuracy = forecastAccuracyChart(
      { months: months.slice(6).map((month) => ({ month, forecastCount: 3, forecastAmount: 3e7, forecastWeighted: 1e7, wonCount: 1, wonAmount: 8e6, wonFromForecast: 1, ratio: 0.8 })) },
      ko(TEXT.accuracy, NARROW_WIDTH),
    );
    expect(accuracy.svg).not.toContain('…');
    expect(tspanTexts(accuracy.svg)).toContainEqual(['2026년', '3월']);
  });

  it('the repurchase timeline on a laptop shows every month whole', () => {
    const vm = { overdue: { count: 2, amount: 3e7 }, months: months.map((month, i) => ({ month, count: i % 3, amount: (i % 3) * 1e8 })) };
    const { svg } = repurchaseTimelineChart(vm, ko({ ...TEXT.repurchase, overdue: '재구매 시점 경과' }, 640));
    expect(svg).not.toContain('…');
    expect(tspanTexts(svg)).toContainEqual(['2026년', '6월']);
  });
});

describe('labels on a phone', () => {
  failOnWarnings();

  it('loss reasons: a long reason wraps onto two lines, with a row of its own for the first', () => {
    const vm = { reasons: [{ label: 'Relationship with a competitor', count: 3, amount: 3e6 }, { label: 'Price', count: 1, amount: 1e6, highlight: true }] };
    const out = lossReasonsChart(vm, opts(TEXT.lossReasons, narrow));
    expect(out.svg).not.toContain('…');
    expect(tspanTexts(out.svg)).toContainEqual(['Relationship with a', 'competitor']);
    const short = lossReasonsChart({ reasons: vm.reasons.map((r, i) => (i === 0 ? { ...r, label: 'Timing' } : r)) }, opts(TEXT.lossReasons, narrow));
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)/.exec(svg)![1]);
    expect(height(out.svg)).toBeGreaterThan(height(short.svg));
  });

  it('funnel: a long Korean stage wraps, its count stays left of the rate columns, and the buyer step is whole', () => {
    const vm = funnelView(exampleMetrics, STAGES, 'ko');
    const stages = vm.stages.map((s, i) => (i === 1 ? { ...s, label: '구매의사 확인·내부 검증', buyerStep: '요구사항 구체화·솔루션 탐색' } : s));
    const { svg } = funnelChart({ ...vm, stages }, opts(TEXT.funnel, { ...narrow, locale: 'ko' }));
    expect(svg).not.toContain('…');
    const wrapped = tspanTexts(svg).find((lines) => lines.join('').replace(/\s/g, '') === '구매의사확인·내부검증');
    expect(wrapped).toHaveLength(2);
    expect(svg).toContain('>요구사항 구체화·솔루션 탐색</text>');
    // The count after the label: its estimated end is inside the bars' width (left of the right-hand columns).
    const count = /<text[^>]*transform="translate\(([\d.]+),[\d.]+\)"[^>]*>21 \(100%\)<\/text>/.exec(svg);
    const bars = rects(svg).map(([, right]) => right);
    expect(count).not.toBeNull();
    expect(Number(count![1]) + textWidth('21 (100%)')).toBeLessThanOrEqual(Math.max(...bars) + 1);
  });

  it('forecast by month: "Past expected close" gets three lines and the bottom margin for them, uncut', () => {
    const vm = { buckets: [{ bucket: 'overdue', count: 2, amount: 5e6, weightedAmount: 2e6 }, ...['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((m) => ({ bucket: m, count: 1, amount: 1e6, weightedAmount: 5e5 })), { bucket: 'later', count: 1, amount: 1e6, weightedAmount: 1e5 }, { bucket: 'unscheduled', count: 1, amount: 1e6, weightedAmount: 1e5 }] };
    const text = { ...TEXT.forecast, buckets: { ...TEXT.forecast.buckets, overdue: 'Past expected close' } };
    const { svg } = forecastChart(vm, opts(text, { width: 640 }));
    expect(svg).not.toContain('…');
    expect(tspanTexts(svg)).toContainEqual(['Past', 'expected', 'close']);
    expect(svg).toContain('viewBox="0 0 640 314"'); // 300 + a 14-unit third line
  });

  it('forecast by month on a phone: two-line row labels get taller rows and looser lines', () => {
    const vm = { buckets: [{ bucket: 'overdue', count: 2, amount: 5e6, weightedAmount: 2e6 }, { bucket: '2026-07', count: 1, amount: 1e6, weightedAmount: 5e5 }] };
    const text = { ...TEXT.forecast, buckets: { ...TEXT.forecast.buckets, overdue: '예상 마감일 경과' } };
    const { svg } = forecastChart(vm, opts(text, { ...narrow, locale: 'ko' }));
    expect(tspanTexts(svg)).toContainEqual(['예상 마감일', '경과']);
    expect(svg).toMatch(/<tspan[^>]*y="1.2em"/);
  });
});

describe('value labels', () => {
  failOnWarnings();

  it('trend: the first value sits above the line where the line rises under it', () => {
    const values = [50.1, 50.5, 50.2, 55, 54.8, 54.2, 54.1, 52.5, 54, 56.1, 58, 59];
    const points = values.map((v, i) => ({ key: `2025-${String(i + 1).padStart(2, '0')}`, tick: `M${i + 1}`, year: '2025', short: `m${i}`, value: v }));
    const { svg } = trendLineChart({ points, kind: 'days' }, opts(TEXT.trend, narrow));
    const label = /<text[^>]*transform="translate\([\d.]+,([\d.]+)\)"[^>]*>50\.1d<\/text>/.exec(svg);
    const dots = [...svg.matchAll(/<circle[^>]*cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(label).not.toBeNull();
    // Anchored at the highest point under it (the second, 50.5 days), not at its own (50.1), which the line rises from.
    expect(Number(label![1])).toBeCloseTo(Math.min(...dots.slice(0, 3)), 0);
    expect(Number(label![1])).toBeLessThan(dots[0]!);
  });

  it('forecast accuracy: each ratio is over a bracket spanning both bars of its month', () => {
    const months = ['2026-01', '2026-02'].map((month, i) => ({ month, forecastCount: 2, forecastAmount: 1e7, forecastWeighted: i === 0 ? 6e6 : 2e6, wonCount: 1, wonAmount: i === 0 ? 3e6 : 4e6, wonFromForecast: 1, ratio: i === 0 ? 0.5 : 2 }));
    const { svg } = forecastAccuracyChart({ months }, opts(TEXT.accuracy, { width: 640 }));
    const tickGroup = /aria-label="tick">(.*?)<\/g>/.exec(svg)![1]!;
    const ticks = [...tickGroup.matchAll(/<line[^>]*>/g)].map((m) => [attr(m[0], 'x1'), attr(m[0], 'x2')] as const);
    const bars = rects(svg);
    expect(svg).toContain('aria-label="tick"');
    // The first month's bracket runs from its forecast bar's left edge to its won bar's right edge.
    const left = Math.min(bars[0]![0], bars[2]![0]);
    const right = Math.max(bars[0]![1], bars[2]![1]);
    expect(ticks.some(([a, b]) => Math.abs(a - left) <= 1 && Math.abs(b - right) <= 1)).toBe(true);
  });
});
