/**
 * Korean chart-only words and chart takeaways, in the words a Korean sales
 * leader uses (수주, 실주, 파이프라인, 영업 사이클, 재구매). Same inputs as
 * chart-text-en.ts; particles after a value known only at run time go
 * through `josa`.
 */
import { SEPARATOR } from '../format/separator.ts';
import { createNumberFormats } from '../format/numbers.ts';
import type { TrendLineTakeaway } from '../charts/trend-line.ts';
import type { ChartWords } from './chart-text.ts';
import { josa, particle as particleOf } from './josa.ts';
import { ko } from './ko.ts';

const count = createNumberFormats('ko').count;
const quoted = (reason: string) => `‘${reason}’`;
/**
 * The price reason: '가격' when the reason is just price (in either language),
 * the reason itself when it already says 가격 ('가격 경쟁력 부족'), else
 * '가격(‘<reason>’)'. `is`/`topic` add 이/가 and 은/는 by how it reads.
 */
const priceWho = (reason: string, also: readonly string[] = []) => {
  const t = reason.trim();
  if (also.length > 0) return { who: `가격(${[t, ...also.slice(0, 2)].map(quoted).join(', ')}${also.length > 2 ? ` 외 ${count(also.length - 2)}개` : ''})`, head: '가격' };
  if (/^(가격|price|pricing)$/i.test(t)) return { who: '가격', head: '가격' };
  if (t.includes('가격')) return { who: quoted(t), head: quoted(t) };
  return { who: `가격(${quoted(t)})`, head: '가격' };
};
const particle = (reason: string, pair: '이/가' | '은/는', also: readonly string[] = []) => {
  const { who, head } = priceWho(reason, also);
  return who + particleOf(head, pair);
};
/** How a trend moved, as Korean says it of its kind: a rate rises (높아졌습니다), a cycle lengthens (길어졌습니다), an amount or a count grows (늘었습니다). */
const changed = (kind: TrendLineTakeaway['kind'], direction: 'up' | 'down') => {
  const [up, down] = kind === 'percent' ? ['높아졌습니다', '낮아졌습니다'] : kind === 'days' ? ['길어졌습니다', '짧아졌습니다'] : ['늘었습니다', '줄었습니다'];
  return direction === 'up' ? up : down;
};
/** '수주 건수의 75%, 수주 금액의 57%를 차지합니다'. */
const shares = (state: string, p: { countShare: string; amountShare: string }) =>
  `${state} 건수의 ${p.countShare}, ${state} 금액의 ${josa(p.amountShare, '을/를')} 차지합니다`;
const { won: WON, lost: LOST } = ko.dealState;

export const koChartWords: ChartWords = {
  other: '기타',
  distribution: { median: '중앙값', p75: '75백분위수', p90: '90백분위수', mean: '평균', threshold: '정체 기준' },

  funnel: {
    noData: '분석 기간에 생성된 딜이 없습니다.',
    axis: '해당 단계에 도달한 딜 수',
    cumulative: '전체 대비 도달률',
    takeaway: (p) =>
      p.advanced === p.reached
        ? '각 단계에 도달한 딜이 모두 다음 단계로 넘어갔습니다.'
        : `가장 큰 이탈은 ${p.stage} 단계 이후로, 도달한 딜 ${p.reached}건 중 ${p.advanced}건(${p.conversion})만 다음 단계로 넘어갔습니다.`,
    key: { advanced: '다음 단계로 진행', stillOpen: '여기까지 와서 진행 중', lost: '여기까지 와서 실주' },
    stillOpen: '여기까지 와서 진행 중',
    lost: '여기까지 와서 실주',
    winRate: '도달 대비 수주',
    lostTakeaway: (p) => {
      const open = p.openCount > 0 ? ` 아직 진행 중인 ${p.open}건은 이탈로 세지 않았습니다.` : '';
      if (p.stage === null) return `분석 기간에 생성된 딜 중 아직 ${josa(LOST, '이/가')} 없습니다.${open}`;
      return `실주율이 가장 높은 단계는 ${josa(p.stage, '으로/로')}, 분석 기간에 생성되어 이 단계에 도달한 딜 ${p.reached}건 중 ${p.lost}건(${p.share})이 더 나아가지 못하고 실주했습니다.${open}`;
    },
  },

  pipeline: {
    takeaway: (p) => `진행 중 파이프라인이 가장 많이 쌓인 단계는 ${josa(p.stage, '으로/로')}, 전체의 ${p.share}인 ${p.amount}입니다.`,
  },

  forecast: {
    takeaway: (p) => {
      const scheduled = `${p.lastMonth} 말까지 ${p.scheduledAmount} 규모의 딜이 마감될 예정`;
      if (p.overdueCount === 0) return `${scheduled}이며, 예상 마감일이 지난 진행 중 딜은 없습니다.`;
      return `${scheduled}이지만, 진행 중 딜 ${count(p.overdueCount)}건(${p.overdueAmount}, 진행 중 파이프라인의 ${p.overdueShare})은 이미 예상 마감일이 지났습니다.`;
    },
  },

  intake: {
    noData: '최근 12개월 동안 생성된 딜이 없습니다.',
    key: { amount: '신규 딜 금액', count: '숫자: 신규 딜 건수' },
    takeaway: (p) => {
      if (p.direction === 'none') return `최근 3개월 신규 딜은 ${p.recentCount}건, ${p.recentAmount}입니다. 데이터가 ${p.since}에 시작해 직전 3개월과 비교할 수 없습니다.`;
      const change = { up: `직전 3개월(${p.priorAmount})보다 늘었습니다`, down: `직전 3개월(${p.priorAmount})보다 줄었습니다`, flat: '직전 3개월과 같은 수준입니다' }[p.direction];
      return `최근 3개월 신규 딜은 ${p.recentCount}건, ${josa(p.recentAmount, '으로/로')} ${change}.`;
    },
  },

  timeInStage: {
    noData: '분석 기간에 단계를 마친 딜이 없습니다.',
    takeaway: (p) =>
      `분석 기간에 끝난 체류 중 딜이 가장 오래 머문 단계는 ${josa(p.stage, '으로/로')}, 중앙값은 ${p.median}이며 10건 중 1건은 ${p.p90} 이상 머물렀습니다${
        p.openLonger > 0 ? `. 지금 이 단계의 진행 중 딜 ${count(p.openLonger)}건은 이미 그보다 오래 머물고 있습니다` : ''
      }.`,
  },

  cycleLength: {
    axis: '생성부터 마감까지 일수',
    takeaway: (p) => {
      const won = `${WON} 딜 ${count(p.wonCount)}건`;
      const lost = `${LOST} 딜 ${count(p.lostCount)}건`;
      if (p.wonCount === 0) return `분석 기간에 ${WON}한 딜은 없으며, ${lost}은 생성부터 마감까지 중앙값 ${josa(p.lostMedian, '이/가')} 걸렸습니다.`;
      if (p.lostCount === 0) return `${won}은 생성부터 마감까지 중앙값 ${josa(p.wonMedian, '이/가')} 걸렸으며, 분석 기간에 ${LOST}한 딜은 없습니다.`;
      return `생성부터 마감까지 ${won}은 중앙값 ${p.wonMedian}, ${lost}은 ${josa(p.lostMedian, '이/가')} 걸렸습니다.`;
    },
  },

  reasons: {
    panels: { count: '건수 기준', amount: '금액 기준' },
    countShare: '건수 비중',
    amountShare: '금액 비중',
  },

  lossReasons: {
    takeaway: (p) => {
      if (!p.highlighted && p.reason === ko.common.unspecified) return `실주 사유 중 가격은 없으며, 사유가 기록되지 않은 딜이 ${shares(LOST, p)}.`;
      if (!p.highlighted) return `실주 사유 중 가격은 없으며, 가장 많은 사유는 ${josa(quoted(p.reason), '으로/로')}, ${shares(LOST, p)}.`;
      const is = particle(p.reason, '이/가', p.alsoHighlighted);
      const topic = particle(p.reason, '은/는', p.alsoHighlighted);
      if (p.topByCount && p.topByAmount) return `${is} 실제로 가장 큰 실주 원인으로, ${shares(LOST, p)}.`;
      if (p.topByCount) {
        return `${topic} 가장 잦은 실주 사유(실주 건수의 ${p.countShare})이지만, 실주 금액으로는 ${p.amountShare}에 그쳐 가장 큰 손실 원인은 아닙니다.`;
      }
      if (p.topByAmount) {
        return `${topic} 실주 금액의 ${josa(p.amountShare, '을/를')} 차지해 손실 규모는 가장 크지만, 실주 건수로는 ${p.countShare}에 그쳐 가장 잦은 사유는 아닙니다.`;
      }
      return `${topic} 실주 건수의 ${p.countShare}, 실주 금액의 ${p.amountShare}에 그쳐 주된 실주 원인이 아닙니다.`;
    },
  },

  winReasons: {
    takeaway: (p) => {
      if (p.reason === ko.common.unspecified) return `사유가 기록되지 않은 딜이 ${shares(WON, p)}.`;
      if (p.topByCount) return `가장 많은 ${WON} 사유는 ${josa(quoted(p.reason), '으로/로')}, ${shares(WON, p)}.`;
      if (p.mostFrequent) {
        return `가장 많은 ${WON} 사유는 ${quoted(p.mostFrequent.reason)}(${WON} 건수의 ${p.mostFrequent.countShare})이며, ${quoted(p.reason)} 사유는 ${WON} 건수의 ${p.countShare}, ${WON} 금액의 ${p.amountShare}에 그칩니다.`;
      }
      return `${quoted(p.reason)} 사유가 ${shares(WON, p)}.`;
    },
  },

  lostAtStage: {
    takeaway: (p) =>
      p.tiedWith.length === 0
        ? `분석 기간에 ${LOST}한 딜이 가장 많은 단계는 ${josa(p.stage, '으로/로')}, ${p.count}건(전체 ${LOST}의 ${p.share}, ${p.amount})입니다.`
        : `분석 기간에 ${LOST}한 딜이 가장 많은 단계는 ${josa([p.stage, ...p.tiedWith].join('·'), '으로/로')}, 각각 ${p.count}건(전체 ${LOST}의 ${p.share})입니다.`,
  },

  competitors: {
    axis: '마감 딜 수',
    takeaway: (p) => {
      const rate = ko.columns.win_rate;
      const head = `가장 자주 맞붙은 경쟁사는 ${josa(p.competitor, '으로/로')}, 이 경쟁사와 경합해 마감된 딜`;
      // Too few deals for its rate: said so, as the other takeaways of small samples.
      const top = p.winRate === null ? `${head}은 ${p.deals}건으로 ${josa(rate, '을/를')} 말하기에는 너무 적` : `${head} ${p.deals}건의 ${josa(rate, '은/는')} ${p.winRate}`;
      if (p.worst === null) return p.winRate === null ? `${top}습니다.` : `${top}입니다.`;
      const worst = `${josa(rate, '이/가')} 가장 낮은 경쟁사는 ${josa(p.worst.competitor, '으로/로')} ${p.worst.deals}건 중 ${p.worst.won}건(${p.worst.winRate})만 ${WON}했습니다`;
      const said = `${top}${p.winRate === null ? '고' : '이며'}, ${worst}.`;
      return p.worst.clear ? said : `${said} ${ko.common.noClearDifference}`;
    },
  },

  waterfall: {
    noData: '기간 중 진행 중 파이프라인도, 변동 내역도 없습니다.',
    takeaway: (p) => {
      const w = ko.waterfall;
      const change =
        p.direction === 'flat'
          ? `진행 중 파이프라인은 ${p.end} 수준을 유지했습니다`
          : `진행 중 파이프라인이 ${p.start}에서 ${josa(p.end, '으로/로')} ${p.direction === 'up' ? '늘었습니다' : '줄었습니다'}`;
      const removed = p.removed === null ? '' : `, ${w.removed} ${p.removed}`;
      return `${change}(${w.new}·${w.reopened} ${p.added}, ${w.won} ${p.won}, ${w.lost} ${p.lost}${removed}).`;
    },
  },

  repurchase: {
    noData: '향후 12개월 안에 도래하는 재구매 시점이 없습니다.',
    noneSoon: (p) => `향후 12개월 안에 도래하는 재구매 시점은 없고, 그 뒤에 도래하는 ${count(p.count)}건은 아래 표에 있습니다.`,
    // A row is a customer's product coming due (a customer buying two products is two): 건, not 곳.
    key: { amount: '직전 구매 금액', count: '숫자: 재구매 도래 건수' },
    count: '도래 건수',
    takeaway: (p) => {
      const { overdueCount: o, upcomingCount: u } = p;
      const overdue = `재구매 시점이 지난 건이 ${count(o)}건(직전 구매 ${p.overdueAmount})`;
      const peak = p.peakMonth === null ? '' : u === 1 ? `, ${p.peakMonth}` : `, ${p.peakMonth}에 최다`;
      const upcoming = `12개월 안에 재구매 시점이 도래하는 건이 ${count(u)}건(${p.upcomingAmount}${peak})`;
      if (u === 0) return `${overdue} 있습니다.`;
      if (o === 0) return `${upcoming} 있습니다.`;
      return `${overdue}, ${upcoming} 있습니다.`;
    },
  },

  attainment: {
    noData: '이번 달·분기나 다음 달·분기의 전사 목표가 없습니다.',
    shares: (p) => [`수주 ${p.won}`, p.commit === null ? null : `커밋 포함 ${p.commit}`, p.bestCase === null ? null : `베스트 케이스 포함 ${p.bestCase}`].filter(Boolean).join(SEPARATOR),
    takeaway: (p) => {
      if (p.reaches === 'won') return `${p.period}: 이미 목표를 달성했습니다(수주 ${p.won}).`;
      if (p.commit === null || p.bestCase === null) return `${p.period}: 현재까지 수주 실적은 목표의 ${p.won}입니다.`;
      const all = `수주 ${p.won}, 커밋 포함 ${p.commit}, 베스트 케이스 포함 ${p.bestCase}`;
      if (p.reaches === 'commit') return `${p.period}: 커밋까지 더하면 목표를 달성합니다(수주 ${p.won}, 커밋 포함 ${p.commit}).`;
      if (p.reaches === 'bestCase') return `${p.period}: 베스트 케이스까지 더해야 목표를 달성합니다(${all}).`;
      return `${p.period}: 베스트 케이스까지 더해도 목표에 못 미칩니다(${all}).`;
    },
  },

  accuracy: {
    noData: '최근 6개월 동안 예측된 딜도, 수주한 딜도 없습니다.',
    takeaway: (p) => {
      const ratio =
        p.monthCount === 1
          ? `예측이 있던 ${p.low.month} 한 달 동안 수주 금액은 월초 가중 예측의 ${p.ratio}였고`
          : p.low.ratio === p.high.ratio
            ? `예측이 있던 ${p.months}개월 동안 수주 금액은 매월 초 가중 예측의 ${p.ratio}였고(모든 달이 ${p.low.ratio})`
            : `예측이 있던 ${p.months}개월 동안 수주 금액은 매월 초 가중 예측의 ${p.ratio}였고(가장 낮은 달 ${p.low.month} ${p.low.ratio}, 가장 높은 달 ${p.high.month} ${p.high.ratio})`;
      // The ratio counts every deal won in the month: say how many of the forecast deals were.
      return `${ratio}, 그달 마감 예정으로 예측된 딜 ${p.forecastDeals}건 중 그달에 수주한 딜은 ${p.wonFromForecast}건입니다(수주한 딜 ${p.wonDeals}건 중 ${p.unforecastWins}건은 그달 예측에 없던 딜).`;
    },
  },

  trend: {
    noData: '추이를 보여 줄 데이터가 부족합니다.',
    // Each value with its month after it, in parentheses ('27%(2025년 7월)'): a month before a value ('2026년 6월 59일')
    // would read as a date. The particle goes with the value.
    takeaway: (p) => {
      // A count of deals with its unit, as every Korean count of deals ('32건').
      const v = (value: string) => (p.deals ? `${value}건` : value);
      const extremes = [p.high && `최고 ${v(p.high.value)}(${p.high.date})`, p.low && `최저 ${v(p.low.value)}(${p.low.date})`].filter(Boolean).join(', ');
      const range = extremes ? `(${extremes})` : '';
      if (p.direction === 'flat') return `${josa(p.firstDate, '과/와')} ${p.lastDate} 모두 ${v(p.last)}입니다${range}.`;
      const last = v(p.last);
      return `${v(p.first)}(${p.firstDate})에서 ${last}(${p.lastDate})${particleOf(last, '으로/로')} ${changed(p.kind, p.direction)}${range}.`;
    },
  },

  sparkline: {
    title: '추이',
    noData: '추이를 보여 줄 데이터가 부족합니다.',
    value: '값',
    takeaway: (p) => {
      const v = (value: string) => (p.deals ? `${value}건` : value);
      const until = p.until === undefined ? '' : `(마지막 값은 ${p.until}, 그 뒤로는 값 없음)`;
      return p.direction === 'flat'
        ? `${v(p.last)}에서 변동이 없습니다${until}.`
        : `${v(p.first)}에서 ${josa(v(p.last), '으로/로')} ${changed(p.kind, p.direction)}${until}.`;
    },
  },
};
