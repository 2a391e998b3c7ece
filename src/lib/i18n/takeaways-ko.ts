/** Korean chart takeaways: the same parameters as takeaways-en.ts. */
import type { Formatter } from '../format/index.ts';
import { josa } from './josa.ts';
import type { Takeaways } from './takeaways-en.ts';

const UPDATE = '예측에 반영하기 전에 해당 딜을 업데이트하세요.';
const cases = (n: number, f: Formatter) => `${f.count(n)}건`;
const places = (n: number, f: Formatter) => `${f.count(n)}곳`;

export const koTakeaways: Takeaways = {
  funnelTakeaway: (p, f) =>
    `가장 큰 이탈은 ${p.stage} 단계 이후에 발생합니다. 이 단계에 도달한 딜 중 ${f.percent(p.conversion)}만 다음 단계로 넘어갑니다.`,

  priceTakeaway: (p, f) =>
    p.priceIsTop
      ? `가격이 실주의 가장 큰 원인으로, 실주 금액의 ${josa(f.percent(p.priceShare), '을/를')} 차지합니다.`
      : `실주 금액 중 가격 요인은 ${f.percent(p.priceShare)}에 불과하며, 가장 큰 원인은 ${p.topReason}입니다.`,

  stalledTakeaway: (p, f) => {
    if (p.count === 0) return '기준 기간을 넘겨 정체된 진행 중 딜이 없습니다.';
    const share = p.share === null ? '' : `, 진행 중 파이프라인의 ${f.percent(p.share)}`;
    return `정체 딜 ${cases(p.count, f)}(${f.moneyCompact(p.amount)}${share})이 기준 기간보다 오래 같은 단계에 머물러 있습니다.`;
  },

  velocityTakeaway: (p, f) =>
    p.perDay === null
      ? '마감된 딜이 아직 부족해 영업 속도를 계산할 수 없습니다.'
      : `현재 속도라면 파이프라인에서 하루 약 ${f.moneyCompact(p.perDay)}의 수주가 발생합니다` +
        `(진행 중 딜 ${cases(p.openCount, f)} × 수주율 ${f.percent(p.winRate)} × ` +
        `평균 수주 금액 ${f.moneyCompact(p.avgWonAmount)} ÷ 평균 영업 사이클 ${f.days(p.cycleDays)}).`,

  forecastTakeaway: (p, f) => {
    const { overdueCount: o, unscheduledCount: u } = p;
    if (o === 0 && u === 0) return '모든 진행 중 딜에 앞으로의 예상 마감일이 잡혀 있습니다.';
    const overdue = `진행 중 딜 ${cases(o, f)}(${f.moneyCompact(p.overdueAmount)})이 예상 마감일을 지났`;
    if (u === 0) return `${overdue}습니다. ${UPDATE}`;
    if (o === 0) return `진행 중 딜 ${cases(u, f)}에 예상 마감일이 없습니다. ${UPDATE}`;
    return `${overdue}고, ${cases(u, f)}은 예상 마감일이 없습니다. ${UPDATE}`;
  },

  repurchaseTakeaway: (p, f) => {
    const { overdueCount: o, upcomingCount: u } = p;
    if (o === 0 && u === 0) return '향후 12개월 안에 도래하는 재구매 시점이 없습니다.';
    const overdue = `재구매 시점이 지난 고객이 ${places(o, f)}(직전 구매 ${f.moneyCompact(p.overdueAmount)})`;
    const upcoming = `12개월 안에 재구매 시점이 도래하는 고객이 ${places(u, f)}(${f.moneyCompact(p.upcomingAmount)})`;
    if (u === 0) return `${overdue} 있습니다.`;
    if (o === 0) return `${upcoming} 있습니다.`;
    return `${overdue}, ${upcoming} 있습니다.`;
  },

  waterfallTakeaway: (p, f) => {
    const start = f.moneyCompact(p.startAmount);
    const end = f.moneyCompact(p.endAmount);
    const lead = `최근 ${f.count(p.days)}일 동안 진행 중 파이프라인`;
    const change =
      start === end
        ? `${lead}은 ${josa(end, '으로/로')} 변동이 없었습니다`
        : `${lead}이 ${start}에서 ${josa(end, '으로/로')} ${p.endAmount > p.startAmount ? '늘었습니다' : '줄었습니다'}`;
    return (
      `${change}(신규 ${f.moneyCompact(p.newAmount)}, 수주 ${f.moneyCompact(p.wonAmount)}, ` +
      `실주 ${f.moneyCompact(p.lostAmount)}).`
    );
  },

  coverageTakeaway: (p, f) =>
    p.ratio === null || p.remaining <= 0
      ? `${f.period(p.period)} 목표를 이미 달성했습니다.`
      : `${f.period(p.period)} 마감 예정 파이프라인이 남은 목표 ${f.moneyCompact(p.remaining)}의 ${f.multiple(p.ratio)}입니다.`,
};
