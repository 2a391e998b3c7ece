/**
 * English chart-only words and chart takeaways (the one sentence printed
 * above a chart and used as its SVG description). Numbers arrive formatted,
 * except the few counts a chart passes raw; those are formatted here.
 */
import { SEPARATOR } from '../format/separator.ts';
import { createNumberFormats, withUnit } from '../format/numbers.ts';
import type { ChartWords } from './chart-text.ts';
import { en } from './en.ts';

const count = createNumberFormats('en').count;
/** '1 deal', '3 won deals', from a count as shown: held to its words by a no-break space (`withUnit`), as en.ts's `counted`. */
const noun = (shown: string, one: string, other: string) => withUnit(shown, shown === '1' ? one : other);
const deals = (shown: string) => noun(shown, 'deal', 'deals');
const quoted = (reason: string) => `“${reason}”`;
/** The price reason, naming the data's wording unless it is just price (in either language). */
/** Price and how the data writes it: one reason, or several spellings (three named, then how many more). */
const price = (reason: string, also: readonly string[] = []) =>
  also.length > 2
    ? `Price (${[reason, ...also.slice(0, 2)].map(quoted).join(', ')} and ${noun(count(also.length - 2), 'other', 'others')})`
    : also.length > 0
      ? `Price (${[reason, ...also.slice(0, -1)].map(quoted).join(', ')} and ${quoted(also.at(-1)!)})`
      : /^(price|pricing|가격)$/i.test(reason.trim()) ? 'Price' : `Price (${quoted(reason)})`;

export const enChartWords: ChartWords = {
  other: 'Other',
  distribution: { median: 'Median', p75: 'P75', p90: 'P90', mean: 'Mean', threshold: 'Stall threshold' },

  funnel: {
    noData: 'No deals were created in the analysis window.',
    axis: 'Deals reaching the stage',
    cumulative: 'Share of all deals',
    takeaway: (p) =>
      p.advanced === p.reached
        ? 'Every deal that reached a stage moved on to the next one.'
        : `The biggest drop-off is after ${p.stage}: only ${p.advanced} of the ${deals(p.reached)} that reached it (${p.conversion}) moved on.`,
    // By each deal's furthest stage (max_reached): one that went back from here and was lost earlier counts here.
    key: { advanced: 'Moved on', stillOpen: 'Open, got no further', lost: 'Lost, got no further' },
    // The table's headers, short: its eight columns fit a printed A4 page (the legend above says "got no further").
    stillOpen: 'Still open',
    lost: 'Lost',
    winRate: 'Won ÷ reached',
    lostTakeaway: (p) => {
      const open = p.openCount > 0 ? `; the ${noun(p.open, 'deal', 'deals')} of the cohort still open ${p.openCount === 1 ? 'is' : 'are'} not counted as drop-offs` : '';
      if (p.stage === null) return `No deal created in the analysis window has been lost yet${open}.`;
      // The highest share lost, which the Win / loss page's "most deals are lost at" (by count) may not name.
      return `Deals are lost at the highest rate at ${p.stage}: ${p.lost} of the ${deals(p.reached)} created in the analysis window that reached it (${p.share}) got no further and were lost${open}.`;
    },
  },

  pipeline: {
    takeaway: (p) => `${p.stage} holds the most open pipeline: ${p.amount}, ${p.share} of the total.`,
  },

  forecast: {
    takeaway: (p) => {
      // From as_of to the end of the last month bucket: the rest of this month and the next five ('by the end of Nov 2026').
      const scheduled = `${p.scheduledAmount} is expected to close by the end of ${p.lastMonth}`;
      if (p.overdueCount === 0) return `${scheduled}, and no open deal is past its expected close date.`;
      const overdue = `${deals(count(p.overdueCount))} worth ${p.overdueAmount} (${p.overdueShare} of open pipeline)`;
      return `${scheduled}, but ${overdue} ${p.overdueCount === 1 ? 'is' : 'are'} already past the expected close date.`;
    },
  },

  intake: {
    noData: `No deals were created in the last ${withUnit('12', 'months')}.`,
    key: { amount: 'Amount created', count: 'Number: deals created' },
    takeaway: (p) => {
      const brought = `The last three months brought ${noun(p.recentCount, 'new deal', 'new deals')} worth ${p.recentAmount}`;
      if (p.direction === 'none') return `${brought}; the data begins in ${p.since}, so there are no three months before to compare with.`;
      const change = { up: `up from ${p.priorAmount}`, down: `down from ${p.priorAmount}`, flat: `the same as the ${p.priorAmount}` }[p.direction];
      return `${brought}, ${change} in the three months before.`;
    },
  },

  timeInStage: {
    noData: 'No deal left a stage in the analysis window.',
    // Of the visits that ended: those still running are the open deals, named when they are past the P90 already.
    takeaway: (p) =>
      `Of the stays that ended in the analysis window, deals sat longest in ${p.stage}: a median of ${p.median}, and one in ten ${p.p90} or more${
        p.openLonger > 0 ? `; ${noun(count(p.openLonger), 'open deal', 'open deals')} ${p.openLonger === 1 ? 'has' : 'have'} been in it longer than that already` : ''
      }.`,
  },

  cycleLength: {
    axis: 'Days from creation to close',
    takeaway: (p) => {
      const won = `${noun(count(p.wonCount), 'won deal', 'won deals')} took a median of ${p.wonMedian}`;
      const lost = `${noun(count(p.lostCount), 'lost deal', 'lost deals')} took`;
      if (p.wonCount === 0) return `No deal was won in the analysis window; the ${lost} a median of ${p.lostMedian} from creation to close.`;
      if (p.lostCount === 0) return `The ${won} from creation to close; no deal was lost in the analysis window.`;
      return `From creation to close, the ${won} and the ${lost} ${p.lostMedian}.`;
    },
  },

  reasons: {
    panels: { count: 'By number of deals', amount: 'By amount' },
    countShare: 'Share of deals',
    amountShare: 'Share of amount',
  },

  lossReasons: {
    takeaway: (p) => {
      const shares = `${p.countShare} of lost deals and ${p.amountShare} of lost value`;
      if (!p.highlighted && p.reason === en.common.unspecified) {
        return `Price is not among the loss reasons, and ${p.countShare} of lost deals (${p.amountShare} of lost value) have no reason recorded.`;
      }
      if (!p.highlighted) return `Price is not among the loss reasons; the most frequent is ${quoted(p.reason)}, with ${shares}.`;
      const who = price(p.reason, p.alsoHighlighted);
      if (p.topByCount && p.topByAmount) return `${who} really is the main cause of loss: ${shares}.`;
      if (p.topByCount) return `${who} is the most frequent loss reason (${p.countShare} of lost deals) but not the costliest: only ${p.amountShare} of lost value.`;
      if (p.topByAmount) return `${who} costs the most lost value (${p.amountShare}) but is not the most frequent loss reason: only ${p.countShare} of lost deals.`;
      return `${who} is not the main cause of loss: only ${shares}.`;
    },
  },

  winReasons: {
    takeaway: (p) => {
      const shares = `${p.countShare} of won deals and ${p.amountShare} of won value`;
      if (p.reason === en.common.unspecified) return `${p.countShare} of won deals (${p.amountShare} of won value) have no reason recorded.`;
      if (p.topByCount) return `The most frequent win reason is ${quoted(p.reason)}: ${shares}.`;
      // A highlighted reason (price) that does not lead: the one that does first, so the headline says why deals are won.
      if (p.mostFrequent) return `The most frequent win reason is ${quoted(p.mostFrequent.reason)} (${p.mostFrequent.countShare} of won deals); ${quoted(p.reason)} accounts for only ${shares}.`;
      return `${quoted(p.reason)} accounts for ${shares}.`;
    },
  },

  lostAtStage: {
    // Deals closed in the window (the Funnel's loss rates count the deals created in it: another number, said so there).
    takeaway: (p) => {
      if (p.tiedWith.length === 0) return `Of the deals lost in the analysis window, most were lost at ${p.stage}: ${deals(p.count)} (${p.share} of losses) worth ${p.amount}.`;
      const stages = [p.stage, ...p.tiedWith];
      return `Of the deals lost in the analysis window, most were lost at ${stages.slice(0, -1).join(', ')} and ${stages.at(-1)}: ${deals(p.count)} each (${p.share} of losses each).`;
    },
  },

  competitors: {
    axis: 'Closed deals',
    takeaway: (p) => {
      const top = `${p.competitor} is the competitor met most often: ${noun(p.deals, 'closed deal', 'closed deals')}, ${p.winRate === null ? 'too few for a win rate' : `${p.winRate} won`}`;
      if (p.worst === null) return `${top}.`;
      const worst = `${top}; we win least against ${p.worst.competitor}: ${p.worst.won} of ${noun(p.worst.deals, 'deal', 'deals')} (${p.worst.winRate}).`;
      return p.worst.clear ? worst : `${worst} ${en.common.noClearDifference}`;
    },
  },

  waterfall: {
    noData: 'Nothing was open and nothing moved during the period.',
    takeaway: (p) => {
      const change = { up: `grew from ${p.start} to ${p.end}`, down: `shrank from ${p.start} to ${p.end}`, flat: `held at ${p.end}` }[p.direction];
      const out = p.removed === null ? `${p.won} was won and ${p.lost} was lost` : `${p.won} was won, ${p.lost} was lost and ${p.removed} was removed from the CRM`;
      return `The open pipeline ${change}: ${p.added} came in new or reopened, ${out}.`;
    },
  },

  repurchase: {
    noData: `No repurchase is due within the next ${withUnit('12', 'months')}.`,
    noneSoon: (p) => `No repurchase is due within the next ${withUnit('12', 'months')}; ${noun(count(p.count), 'comes', 'come')} due later, listed below.`,
    // A row is a customer's product coming due (a customer buying two products is two): repurchases, not customers.
    key: { amount: 'Last purchase amount', count: 'Number: repurchases due' },
    count: 'Repurchases due',
    takeaway: (p) => {
      const { overdueCount: o, upcomingCount: u } = p;
      const overdue = `${noun(count(o), 'repurchase is past its date', 'repurchases are past their date')} (${p.overdueAmount} last time)`;
      const peak = p.peakMonth === null ? '' : u === 1 ? `, in ${p.peakMonth}` : `, most in ${p.peakMonth}`;
      const due = `due within ${withUnit('12', 'months')} (${p.upcomingAmount}${peak})`;
      if (u === 0) return `${overdue}.`;
      if (o === 0) return `${noun(count(u), 'repurchase comes', 'repurchases come')} ${due}.`;
      return `${overdue}, and ${noun(count(u), 'more comes', 'more come')} ${due}.`;
    },
  },

  attainment: {
    noData: 'No company-wide target for this or the next month or quarter.',
    shares: (p) => [`${p.won} won`, p.commit === null ? null : `${p.commit} with commit`, p.bestCase === null ? null : `${p.bestCase} with best case`].filter(Boolean).join(SEPARATOR),
    takeaway: (p) => {
      if (p.commit === null || p.bestCase === null) {
        return p.reaches === 'won' ? `${p.period} has met its target: ${p.won} won.` : `${p.period}: ${p.won} of the target won so far.`;
      }
      const all = `${p.won} won, ${p.commit} with commit, ${p.bestCase} with best case`;
      switch (p.reaches) {
        case 'won':
          return `${p.period} has met its target: ${p.won} won.`;
        case 'commit':
          return `${p.period} reaches its target with commit: ${p.won} won, ${p.commit} with commit.`;
        case 'bestCase':
          return `${p.period} reaches its target only with best case: ${all}.`;
        default:
          return `${p.period} falls short even with best case: ${all}.`;
      }
    },
  },

  accuracy: {
    noData: `Nothing was forecast or won in the last ${withUnit('6', 'months')}.`,
    takeaway: (p) => {
      const ratio =
        p.monthCount === 1
          ? `In the one month with a forecast, ${p.low.month}, deals won came to ${p.ratio} of the weighted forecast made at its start`
          : p.low.ratio === p.high.ratio
            ? `Over the ${withUnit(p.months, 'months')} with a forecast, deals won came to ${p.ratio} of the weighted forecast made at each month’s start, ${p.low.ratio} in every one of them`
            : `Over the ${withUnit(p.months, 'months')} with a forecast, deals won came to ${p.ratio} of the weighted forecast made at each month’s start, from ${p.low.ratio} in ${p.low.month} to ${p.high.ratio} in ${p.high.month}`;
      // The ratio counts every deal won in the month: say how many of the forecast deals were.
      return `${ratio}; ${p.wonFromForecast} of the ${deals(p.forecastDeals)} forecast for their month ${p.wonFromForecast === '1' ? 'was' : 'were'} won in it (${p.unforecastWins} of the ${deals(p.wonDeals)} won ${p.unforecastWins === '1' ? 'was' : 'were'} not in its forecast).`;
    },
  },

  trend: {
    noData: 'Not enough data to show a trend.',
    takeaway: (p) => {
      const extremes = [p.high && `high ${p.high.value} in ${p.high.date}`, p.low && `low ${p.low.value} in ${p.low.date}`].filter(Boolean).join(', ');
      const range = extremes ? ` (${extremes})` : '';
      if (p.direction === 'flat') return `${p.last} in ${p.lastDate}, as in ${p.firstDate}${range}.`;
      return `${p.direction === 'up' ? 'Up' : 'Down'} from ${p.first} in ${p.firstDate} to ${p.last} in ${p.lastDate}${range}.`;
    },
  },

  sparkline: {
    title: 'Trend',
    noData: 'Not enough data to show a trend.',
    value: 'Value',
    takeaway: (p) => {
      // A last value before the last point: said as that, not as the figure now (which the tile shows as "—").
      const until = p.until === undefined ? '' : `, its last value (${p.until}); none since`;
      return ({ up: `Up from ${p.first} to ${p.last}`, down: `Down from ${p.first} to ${p.last}`, flat: `Unchanged at ${p.last}` })[p.direction] + `${until}.`;
    },
  },
};
