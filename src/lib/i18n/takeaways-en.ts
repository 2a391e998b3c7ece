/**
 * English chart takeaways: the one-sentence reading printed above a chart.
 * Each takes labels (already translated: stage, reason, period keys) and raw
 * numbers, and formats the numbers with `f`. The page picks the inputs
 * (e.g. the stage with the lowest conversion); these only word them.
 */
import type { Formatter } from '../format/index.ts';

export interface FunnelTakeaway {
  /** Label of the stage with the biggest drop-off. */
  stage: string;
  /** That stage's conversion (advanced / reached). */
  conversion: number | null;
}
export interface PriceTakeaway {
  /** Label of the loss reason with the largest lost amount. */
  topReason: string;
  /** Lost amount with reason "price" / all lost amount. */
  priceShare: number;
  /** True when price itself is the top reason. */
  priceIsTop: boolean;
}
export interface StalledTakeaway {
  count: number;
  amount: number;
  /** Stalled amount / open amount (null when nothing is open). */
  share: number | null;
}
export interface VelocityTakeaway {
  perDay: number | null;
  openCount: number;
  winRate: number | null;
  avgWonAmount: number | null;
  cycleDays: number | null;
}
export interface ForecastTakeaway {
  overdueCount: number;
  overdueAmount: number;
  unscheduledCount: number;
}
export interface RepurchaseTakeaway {
  overdueCount: number;
  overdueAmount: number;
  upcomingCount: number;
  upcomingAmount: number;
}
export interface WaterfallTakeaway {
  days: number;
  startAmount: number;
  endAmount: number;
  newAmount: number;
  wonAmount: number;
  lostAmount: number;
}
export interface CoverageTakeaway {
  /** The targets.csv period key, 'YYYY-MM' or 'YYYY-Qn'. */
  period: string;
  ratio: number | null;
  remaining: number;
}

const deals = (n: number, f: Formatter) => `${f.count(n)} ${n === 1 ? 'deal' : 'deals'}`;
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

export const enTakeaways = {
  funnelTakeaway: (p: FunnelTakeaway, f: Formatter) =>
    `The biggest drop-off is after ${p.stage}: only ${f.percent(p.conversion)} of the deals that reach it move on.`,

  priceTakeaway: (p: PriceTakeaway, f: Formatter) =>
    p.priceIsTop
      ? `Price is the top cause of loss, behind ${f.percent(p.priceShare)} of lost value.`
      : `Price is behind only ${f.percent(p.priceShare)} of lost value; the top cause is ${p.topReason}.`,

  stalledTakeaway: (p: StalledTakeaway, f: Formatter) => {
    if (p.count === 0) return 'No open deal has sat in its stage past its threshold.';
    const share = p.share === null ? '' : ` (${f.percent(p.share)} of open pipeline)`;
    const verb = p.count === 1 ? 'has sat in its' : 'have sat in their';
    return `${deals(p.count, f)} worth ${f.moneyCompact(p.amount)}${share} ${verb} stage past the threshold.`;
  },

  velocityTakeaway: (p: VelocityTakeaway, f: Formatter) =>
    p.perDay === null
      ? 'Not enough closed deals to compute sales velocity yet.'
      : `At the current pace the pipeline yields about ${f.moneyCompact(p.perDay)} of won business per day: ` +
        `${f.count(p.openCount)} open ${p.openCount === 1 ? 'deal' : 'deals'} × ${f.percent(p.winRate)} win rate × ` +
        `${f.moneyCompact(p.avgWonAmount)} average won deal ÷ ${f.days(p.cycleDays)} average cycle.`,

  forecastTakeaway: (p: ForecastTakeaway, f: Formatter) => {
    const { overdueCount: o, unscheduledCount: u } = p;
    if (o === 0 && u === 0) return 'Every open deal has an expected close date that is still ahead.';
    const overdue = `${deals(o, f)} worth ${f.moneyCompact(p.overdueAmount)} ${isAre(o)} past the expected close date`;
    const unscheduled = `${deals(u, f)} ${u === 1 ? 'has' : 'have'} no close date`;
    const lead = o > 0 && u > 0 ? `${overdue}, and ${unscheduled}` : o > 0 ? overdue : unscheduled;
    return `${lead}: update ${o + u === 1 ? 'it' : 'them'} before relying on the forecast.`;
  },

  repurchaseTakeaway: (p: RepurchaseTakeaway, f: Formatter) => {
    const { overdueCount: o, upcomingCount: u } = p;
    if (o === 0 && u === 0) return 'No repurchase is due within the next 12 months.';
    const overdue = `${f.count(o)} ${o === 1 ? 'customer is' : 'customers are'} past the repurchase date (${f.moneyCompact(p.overdueAmount)} last time)`;
    const due = `due within 12 months (${f.moneyCompact(p.upcomingAmount)})`;
    if (u === 0) return `${overdue}.`;
    if (o === 0) return `${f.count(u)} ${u === 1 ? 'customer comes' : 'customers come'} ${due}.`;
    return `${overdue}, and ${f.count(u)} more ${u === 1 ? 'comes' : 'come'} ${due}.`;
  },

  waterfallTakeaway: (p: WaterfallTakeaway, f: Formatter) => {
    const start = f.moneyCompact(p.startAmount);
    const end = f.moneyCompact(p.endAmount);
    const change =
      start === end ? `held at ${end}` : p.endAmount > p.startAmount ? `grew from ${start} to ${end}` : `shrank from ${start} to ${end}`;
    return (
      `Over the last ${f.count(p.days)} days the open pipeline ${change}: ` +
      `${f.moneyCompact(p.newAmount)} came in new, ${f.moneyCompact(p.wonAmount)} was won and ${f.moneyCompact(p.lostAmount)} was lost.`
    );
  },

  coverageTakeaway: (p: CoverageTakeaway, f: Formatter) =>
    p.ratio === null || p.remaining <= 0
      ? `The ${f.period(p.period)} target is already met.`
      : `Open pipeline expected to close in ${f.period(p.period)} covers ${f.multiple(p.ratio)} the ${f.moneyCompact(p.remaining)} still to win.`,
};

export type Takeaways = typeof enTakeaways;
