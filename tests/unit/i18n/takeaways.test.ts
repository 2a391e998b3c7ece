import { describe, expect, it } from 'vitest';
import { localize } from '../../../src/lib/i18n/index.ts';

const e = localize('en', 'KRW');
const k = localize('ko', 'KRW');
const kUsd = localize('ko', 'USD');

describe('chart takeaways', () => {
  it('funnel', () => {
    const p = { stage: 'Negotiation', conversion: 0.5714285714285714 };
    expect(e.m.funnelTakeaway(p, e.f)).toBe(
      'The biggest drop-off is after Negotiation: only 57% of the deals that reach it move on.',
    );
    expect(k.m.funnelTakeaway({ ...p, stage: '협상' }, k.f)).toBe(
      '가장 큰 이탈은 협상 단계 이후에 발생합니다. 이 단계에 도달한 딜 중 57%만 다음 단계로 넘어갑니다.',
    );
  });

  it('price', () => {
    const p = { topReason: 'after-sales quality', priceShare: 0.18, priceIsTop: false };
    expect(e.m.priceTakeaway(p, e.f)).toBe('Price is behind only 18% of lost value; the top cause is after-sales quality.');
    expect(k.m.priceTakeaway({ ...p, topReason: '사후 서비스 품질' }, k.f)).toBe(
      '실주 금액 중 가격 요인은 18%에 불과하며, 가장 큰 원인은 사후 서비스 품질입니다.',
    );
    const top = { topReason: 'price', priceShare: 0.62, priceIsTop: true };
    expect(e.m.priceTakeaway(top, e.f)).toBe('Price is the top cause of loss, behind 62% of lost value.');
    expect(k.m.priceTakeaway(top, k.f)).toBe('가격이 실주의 가장 큰 원인으로, 실주 금액의 62%를 차지합니다.');
  });

  it('stalled', () => {
    const p = { count: 6, amount: 49_000_000, share: 0.49 };
    expect(e.m.stalledTakeaway(p, e.f)).toBe(
      '6 deals worth ₩49M (49% of open pipeline) have sat in their stage past the threshold.',
    );
    expect(k.m.stalledTakeaway(p, k.f)).toBe(
      '정체 딜 6건(4,900만원, 진행 중 파이프라인의 49%)이 기준 기간보다 오래 같은 단계에 머물러 있습니다.',
    );
    expect(e.m.stalledTakeaway({ count: 1, amount: 4_000_000, share: null }, e.f)).toBe(
      '1 deal worth ₩4M has sat in its stage past the threshold.',
    );
    expect(k.m.stalledTakeaway({ count: 0, amount: 0, share: 0 }, k.f)).toBe('기준 기간을 넘겨 정체된 진행 중 딜이 없습니다.');
  });

  it('velocity', () => {
    const p = { perDay: 400_054.25, openCount: 9, winRate: 0.6923, avgWonAmount: 4_888_888.9, cycleDays: 76.14 };
    expect(e.m.velocityTakeaway(p, e.f)).toBe(
      'At the current pace the pipeline yields about ₩400K of won business per day: ' +
        '9 open deals × 69% win rate × ₩4.89M average won deal ÷ 76.1 days average cycle.',
    );
    expect(k.m.velocityTakeaway(p, k.f)).toBe(
      '현재 속도라면 파이프라인에서 하루 약 40만원의 수주가 발생합니다' +
        '(진행 중 딜 9건 × 수주율 69% × 평균 수주 금액 489만원 ÷ 평균 영업 사이클 76.1일).',
    );
    expect(k.m.velocityTakeaway({ ...p, perDay: null }, k.f)).toBe(k.m.empty.noVelocity);
    expect(e.m.velocityTakeaway({ ...p, perDay: null }, e.f)).toBe(e.m.empty.noVelocity);
  });

  it('forecast', () => {
    const p = { overdueCount: 4, overdueAmount: 10_000_000, unscheduledCount: 3 };
    expect(e.m.forecastTakeaway(p, e.f)).toBe(
      '4 deals worth ₩10M are past the expected close date, and 3 deals have no close date: update them before relying on the forecast.',
    );
    expect(k.m.forecastTakeaway(p, k.f)).toBe(
      '진행 중 딜 4건(1,000만원)이 예상 마감일을 지났고, 3건은 예상 마감일이 없습니다. 예측에 반영하기 전에 해당 딜을 업데이트하세요.',
    );
    expect(e.m.forecastTakeaway({ overdueCount: 0, overdueAmount: 0, unscheduledCount: 1 }, e.f)).toBe(
      '1 deal has no close date: update it before relying on the forecast.',
    );
  });

  it('repurchase', () => {
    const p = { overdueCount: 2, overdueAmount: 12_000_000, upcomingCount: 3, upcomingAmount: 20_000_000 };
    expect(e.m.repurchaseTakeaway(p, e.f)).toBe(
      '2 customers are past the repurchase date (₩12M last time), and 3 more come due within 12 months (₩20M).',
    );
    expect(k.m.repurchaseTakeaway(p, k.f)).toBe(
      '재구매 시점이 지난 고객이 2곳(직전 구매 1,200만원), 12개월 안에 재구매 시점이 도래하는 고객이 3곳(2,000만원) 있습니다.',
    );
    const none = { overdueCount: 0, overdueAmount: 0, upcomingCount: 0, upcomingAmount: 0 };
    expect(k.m.repurchaseTakeaway(none, k.f)).toBe('향후 12개월 안에 도래하는 재구매 시점이 없습니다.');
  });

  it('waterfall, with the particle following the currency', () => {
    const p = { days: 30, startAmount: 34_000_000, endAmount: 39_000_000, newAmount: 5_000_000, wonAmount: 0, lostAmount: 0 };
    expect(e.m.waterfallTakeaway(p, e.f)).toBe(
      'Over the last 30 days the open pipeline grew from ₩34M to ₩39M: ₩5M came in new, ₩0 was won and ₩0 was lost.',
    );
    expect(k.m.waterfallTakeaway(p, k.f)).toBe(
      '최근 30일 동안 진행 중 파이프라인이 3,400만원에서 3,900만원으로 늘었습니다(신규 500만원, 수주 0원, 실주 0원).',
    );
    expect(kUsd.m.waterfallTakeaway({ ...p, endAmount: 30_000_000 }, kUsd.f)).toBe(
      '최근 30일 동안 진행 중 파이프라인이 3,400만 달러에서 3,000만 달러로 줄었습니다(신규 500만 달러, 수주 0 달러, 실주 0 달러).',
    );
  });

  it('coverage', () => {
    const p = { period: '2025-Q2', ratio: 2.53, remaining: 12_000_000 };
    expect(e.m.coverageTakeaway(p, e.f)).toBe('Open pipeline expected to close in Q2 2025 covers 2.5× the ₩12M still to win.');
    expect(k.m.coverageTakeaway(p, k.f)).toBe('2025년 2분기 마감 예정 파이프라인이 남은 목표 1,200만원의 2.5배입니다.');
    expect(k.m.coverageTakeaway({ period: '2025-06', ratio: null, remaining: 0 }, k.f)).toBe('2025년 6월 목표를 이미 달성했습니다.');
  });
});
