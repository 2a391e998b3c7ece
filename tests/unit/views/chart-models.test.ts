import { describe, expect, it } from 'vitest';
import { reasonsView, repurchaseView, stageLookup } from '../../../src/lib/views/chart-models.ts';
import type { Metrics } from '../../../src/lib/metrics/types.ts';
import { exampleMetrics, STAGES } from '../charts/fixtures.ts';

describe('view-model adapters', () => {
  it('resolve stage labels and buyer steps per locale, falling back to the id', () => {
    const en = stageLookup(STAGES, 'en');
    expect(en('negotiate')).toEqual({ label: 'Negotiation', buyerStep: 'Comparison' });
    expect(stageLookup(STAGES, 'ko')('propose')).toEqual({ label: '제안', buyerStep: '견적 요청' });
    expect(en('lost')).toEqual({ label: 'Lost', buyerStep: null });
    expect(en('mystery')).toEqual({ label: 'mystery', buyerStep: null });
  });

  it('translate "(unspecified)" and highlight price reasons', () => {
    const vm = reasonsView(
      [
        { reason: 'price', count: 3, amount: 1 },
        { reason: '가격 부담', count: 1, amount: 1 },
        { reason: '(unspecified)', count: 1, amount: 1 },
        { reason: 'timing', count: 1, amount: 1 },
      ],
      { unspecified: '미기재' },
    );
    expect(vm.reasons.map((r) => [r.label, r.highlight])).toEqual([
      ['price', true],
      ['가격 부담', true],
      ['미기재', false],
      ['timing', false],
    ]);
    expect(reasonsView([{ reason: 'timing', count: 1, amount: 1 }], { unspecified: '-', highlight: (r) => r === 'timing' }).reasons[0]!.highlight).toBe(true);
  });

  it('bucket repurchase windows: overdue, then each month up to as_of + 365 days; covered and later left out', () => {
    const row = (status: 'covered' | 'overdue' | 'upcoming' | 'later', next: string, amount: number) => ({
      account_id: 'A', product: 'P', deal_id: next, base_date: '2022-01-01', next_purchase_at: next, status, amount,
    });
    const m: Metrics = {
      ...exampleMetrics,
      repurchase: [
        row('overdue', '2025-01-10', 5),
        row('overdue', '2025-06-30', 7),
        row('upcoming', '2025-07-01', 1),
        row('upcoming', '2025-07-31', 2),
        row('upcoming', '2026-06-30', 4),
        row('covered', '2025-08-01', 100),
        row('later', '2026-07-01', 100),
      ],
    };
    const vm = repurchaseView(m);
    expect(vm.overdue).toEqual({ count: 2, amount: 12 });
    expect(vm.months.map((x) => x.month)).toEqual([
      '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12',
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
    ]);
    expect(vm.months[1]).toEqual({ month: '2025-07', count: 2, amount: 3 });
    expect(vm.months[12]).toEqual({ month: '2026-06', count: 1, amount: 4 });
    expect(vm.months.reduce((s, x) => s + x.count, 0)).toBe(3);
  });

  it('find nothing due in the example (every window is covered or later)', () => {
    const vm = repurchaseView(exampleMetrics);
    expect(vm.overdue).toEqual({ count: 0, amount: 0 });
    expect(vm.months.every((x) => x.count === 0)).toBe(true);
  });
});
