/**
 * English UI strings. The shape of this object is the `Messages` type: the
 * Korean catalogue must have exactly the same keys (checked by tsc and by
 * tests/unit/i18n). Messages with parameters are functions `(params, f)`:
 * params carry labels (already translated) and raw numbers, `f` formats the
 * numbers, so no formatting rule lives here. Keys under `columns` are the
 * metrics.json / site-data field names.
 */
import type { AttainmentReach } from '../charts/attainment.ts';
import type { Formatter } from '../format/index.ts';
import { withUnit } from '../format/numbers.ts';
import { joinItems } from '../format/separator.ts';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);
/**
 * A count and the word it counts, singular or plural ('1 deal', '4 deals'), held together by a no-break space
 * (format `withUnit`, as the formatter's '32 deals' and '56.1 days' are): a line never parts '4' from 'deals'. Every
 * sentence here that writes a number before its unit word writes it so, with `withUnit` where the word is fixed
 * ('30 days', '12 MB').
 */
const counted = (f: Formatter, n: number, one: string, other: string) => withUnit(f.count(n), plural(n, one, other));

/** The Win / loss page's grouped tables (`groups`): the group the most won amount came from, said alike of a source, an industry and a region. */
const mostWonFrom = (p: { name: string; amount: string; share: string }) => `The most won amount came from ${p.name}: ${p.amount}, ${p.share} of it.`;
/** The groups won most and least often, said alike of industries and regions ("deals in …"). */
const dealsInSpread = (p: { best: string; bestRate: string; bestCounts: string; worst: string; worstRate: string; worstCounts: string }) =>
  `Deals in ${p.best} were won most often, ${p.bestRate} (${p.bestCounts} closed in the analysis window); deals in ${p.worst} least often, ${p.worstRate} (${p.worstCounts}).`;

export const en = {
  site: {
    name: 'Pipescope',
    tagline: 'Pipeline analytics for sales leaders',
    skipToContent: 'Skip to content',
    builtFrom: (p: { dataLabel: string }) => `Data: ${p.dataLabel}`,
    footerNote: 'Every figure is computed from the CRM export as it stood on the date shown.',
    /** The footer's link to the Data quality page when input rows were rejected (data-notes.ts `rejectedRowsFooter`). */
    rowsNotUsed: (p: { count: number }, f: Formatter) => `${withUnit(f.count(p.count), p.count === 1 ? 'input row' : 'input rows')} not used`,
    /** The printed sheet's number, bottom right: {page} and {pages} become numbers. */
    printedPage: 'Page {page} of {pages}',
  },
  nav: {
    label: 'Sections',
    overview: 'Overview',
    trends: 'Trends',
    funnel: 'Funnel',
    velocity: 'Velocity',
    winLoss: 'Win / loss',
    stalled: 'Stalled deals',
    waterfall: 'Waterfall',
    forecast: 'Forecast',
    repurchase: 'Repurchase',
    owners: 'Owners and teams',
    accounts: 'Accounts',
    dataQuality: 'Data quality',
    changes: 'What changed',
  },
  language: {
    label: 'Language',
    /** The link to the other language, written in that language. */
    switchTo: '한국어',
    switchHint: 'Read this page in Korean',
  },
  /** Filters in the URL (filters/): the form on filterable pages and the line saying what is shown. */
  filters: {
    label: 'Filter',
    owner: 'Owner',
    team: 'Team',
    product: 'Product',
    source: 'Lead source',
    segment: 'Customer segment',
    industry: 'Industry',
    region: 'Region',
    period: 'Created in',
    closing: 'Close date in',
    all: 'All',
    quarters: 'Quarters',
    years: 'Years',
    apply: 'Apply',
    clear: 'Show all deals',
    noScript: 'Filters (owner, team, product, lead source, customer segment, industry, region, creation or close period in the link) need JavaScript; without it this page shows all deals.',
    fromDisk: 'This link asks for a filter, but a page opened from a disk or a file share cannot apply one: it shows all deals. Open the dashboard at its web address to filter it.',
    loading: 'Filtering…',
    // `what` lists the filters as 'Owner: Kim · Team: East': in parentheses, not after a second colon.
    showing: (p: { count: number; total: number; what: string }, f: Formatter) => `Showing ${f.count(p.count)} of ${withUnit(f.count(p.total), 'deals')} (${p.what}).`,
    noMatch: 'No deal matches this filter.',
    computed: 'Computed in your browser from the same data with the same engine, as of the report date.',
    /** A period key of the link that is not one (`field`: the form's label of the key, "Created in" or "Close date in"). */
    invalidPeriod: (p: { field: string }) => `The link’s “${p.field}” is not YYYY, YYYY-Qn or YYYY-MM, so it is left out.`,
    failed: 'The filter could not be applied; the figures below show all deals.',
    fileShare: 'Filters need the dashboard served by a web server (any static host); opened as files, this page shows all deals.',
    tooLarge: (p: { deals: number; mb: number; limitMb: number }, f: Formatter) =>
      `No filters on this dashboard: filtering its ${withUnit(f.count(p.deals), 'deals')} would load ${withUnit(f.number(p.mb), 'MB')} into the browser, more than the ${withUnit(f.count(p.limitMb), 'MB')} this build allows (npm run build -- --max-filter-mb). This page shows all deals; each owner's figures are on the Owners and teams page.`,
    trendsNote: 'The 12-month sparklines are left out: the trends show all deals.',
    thresholdsNote: 'Stall thresholds are the company-wide ones, learned from all deals.',
    ownerTargetsNote: "Coverage and attainment compare with this owner's own targets.",
    teamTargetsNote: "Coverage and attainment compare with this team's own targets.",
    noTargetsNote: 'Targets are set for the company, a team or an owner, so with a product, lead source, customer segment, industry, region, creation-period or close-date filter there is no target to compare with.',
    /** The New deals chart under a creation-period filter: what it keeps (`shown`: its months all within the chart's 12, some, none). */
    cohortIntake: (p: { period: string; count: number; amount: number; shown: 'all' | 'some' | 'none' }, f: Formatter) =>
      p.shown === 'none'
        ? `The filter keeps the deals created in ${p.period}, outside these 12 months: there is no month to show.`
        : `The filter keeps the deals created in ${p.period}${p.shown === 'some' ? ', of which these 12 months hold' : ':'} ${counted(f, p.count, 'deal', 'deals')} worth ${f.moneyCompact(p.amount)}, by month below.`,
    /** Under a close-date filter: what a deal's close date is (model/close-days.ts). */
    closingNote: (p: { asOf: string }, f: Formatter) =>
      `A deal's close date is the day it was won or lost, or, for a deal open on ${f.date(p.asOf)}, its expected close as of that day; open deals without one are in no period.`,
    ownerNoTargetNote: 'targets.csv has no target of this owner for this or the next month or quarter.',
    teamNoTargetNote: 'targets.csv has no target of this team for this or the next month or quarter.',
  },
  pages: {
    overview: { title: 'Overview', intro: 'Where the pipeline stands and how it moved over the last month.' },
    trends: {
      title: 'Trends',
      intro: `How the key figures moved over the last ${withUnit('12', 'months')}.`,
    },
    funnel: {
      title: 'Funnel',
      intro: 'How many deals created in the analysis window reach each stage, and how many move on.',
      /** Above the buyer's journey table (views/pages/stage-probabilities.ts): what its two rates are. */
      journeyIntro:
        'Probability: the stage’s probability in pipeline.config.json, by which the weighted pipeline and the forecast count its open deals. Won of closed: of the deals created in the analysis window that reached the stage and have since been won or lost (closed deals), the share won; deals still open are not counted.',
      /** Marks (ROUGH_MARK) the shares won of stages with fewer than `min` closed deals. */
      journeyFew: (p: { min: number }, f: Formatter) => `* Fewer than ${withUnit(f.count(p.min), 'closed deals')}: too few to rely on.`,
      /**
       * The stage whose set probability is farthest from the share won of its closed deals (`largestProbabilityGap`):
       * `others` stages as far apart besides it, `points` the gap that counts (15).
       */
      probabilityGap: (p: { stage: string; set: number; share: number; closed: number; others: number; points: number }, f: Formatter) =>
        `${p.stage} is set at ${f.percent(p.set)}, but ${f.percent(p.share)} of the ${withUnit(f.count(p.closed), 'deals')} that reached it and closed were won${
          p.others === 0 ? '' : ` (${p.others === 1 ? 'one other stage is' : `${f.count(p.others)} other stages are`} ${f.count(p.points)} points or more apart too)`
        }, so the weighted pipeline ${p.share > p.set ? 'undercounts' : 'overcounts'} its open deals. If this holds as more deals close, set its probability closer in pipeline.config.json.`,
    },
    velocity: { title: 'Velocity', intro: 'How long deals spend in each stage, and from creation to close.' },
    winLoss: {
      title: 'Win / loss',
      intro: 'Why deals are won and lost, where they are lost, and against whom.',
      /** The won and lost deals of the window: the won row's shares are the win rates. */
      summary: 'Win rate: deals closed in the analysis window',
      summaryColumns: { countShare: 'Share of deals', amountShare: 'Share of amount' },
      /** Under the loss reasons: price losses of deals that never reached the proposal stage, so no quote had been made (views/pages/loss-matrix.ts). */
      priceBeforeQuote: (p: { before: number; total: number; stage: string }, f: Formatter) =>
        `${p.before === p.total ? `All ${counted(f, p.total, 'deal', 'deals')}` : `${f.count(p.before)} of the ${counted(f, p.total, 'deal', 'deals')}`} lost for price never reached ${p.stage}, so no quote had been made: ask whether price was the reason there.`,
      /**
       * Under the page's intro: the deals closed in the window, won and lost, and the win rate by count and by value
       * (`byValue` null without amounts), as the win-rate table at the page's foot gives them.
       */
      lead: (p: { won: number; lost: number; byCount: number; byValue: number | null }, f: Formatter) =>
        `In the analysis window ${counted(f, p.won + p.lost, 'deal', 'deals')} closed: ${f.count(p.won)} won and ${f.count(p.lost)} lost, a win rate of ${f.percent(p.byCount)}${p.byValue === null ? '' : ` (${f.percent(p.byValue)} by value)`}.`,
      /** The loss reasons by quarter (views/pages/quarters.ts): what a cell says. */
      reasonQuartersCells: "Each cell is the reason's share of the deals lost in that quarter, and their number.",
      /**
       * The reason whose share of the lost deals moved most from the first quarter to the last, and whether the whole
       * mix of reasons changed across the quarters by more than chance would at their counts (rate-differences.ts).
       */
      reasonQuartersMover: (p: { reason: string; earlier: string; later: string; earlierCount: number; earlierOf: number; laterCount: number; laterOf: number; clear: boolean }, f: Formatter) =>
        `${p.reason} was ${f.percent(p.earlierCount / p.earlierOf)} of the deals lost in ${p.earlier}, ${f.count(p.earlierCount)} of ${f.count(p.earlierOf)}, and ${f.percent(p.laterCount / p.laterOf)} in ${p.later}, ${f.count(p.laterCount)} of ${f.count(p.laterOf)}: the largest change in the mix of reasons${
          p.clear ? ', which changed across the quarters by more than chance would at these counts.' : '. At these deal counts the mix could be the same every quarter: no clear change.'
        }`,
      /** The quarters of the window won most and least often, of those with enough closed deals (views/pages/quarters.ts). */
      winRateQuarters: (p: { best: string; bestWon: number; bestOf: number; worst: string; worstWon: number; worstOf: number }, f: Formatter) =>
        `Deals closed in ${p.best} were won most often, ${f.percent(p.bestWon / p.bestOf)} (${f.count(p.bestWon)} of ${f.count(p.bestOf)}); in ${p.worst} least often, ${f.percent(p.worstWon / p.worstOf)} (${f.count(p.worstWon)} of ${f.count(p.worstOf)}).`,
      /** After it, when the quarters' win rates differ by more than chance would at their counts (rate-differences.ts); else common.noClearDifference. */
      winRateQuartersClear: 'The quarters’ win rates differ by more than chance would at these counts.',
      /** A quarter the analysis window covers in part: its days in the window. */
      quarterPart: (p: { quarter: string; from: string; to: string }, f: Formatter) => `${f.period(p.quarter)} (${f.dateShort(p.from)}–${f.dateShort(p.to)})`,
    },
    stalled: {
      title: 'Stalled deals',
      intro: 'Open deals that have sat in their stage longer than usual, with the warning signs to act on.',
    },
    waterfall: { title: 'Waterfall', intro: 'What came in, what closed and what moved during the period.' },
    forecast: {
      title: 'Forecast',
      intro: 'Will each period make its target: what is won, committed and possible against target, how well the pipeline forecast past months, and when the open pipeline is expected to close.',
    },
    repurchase: { title: 'Repurchase', intro: 'When customers are due to buy again, from each product’s lifecycle.' },
    owners: { title: 'Owners and teams', intro: 'Pipeline, results and stalled deals per salesperson and team.' },
    accounts: { title: 'Accounts', intro: 'Every customer in the data, with its open and won business and its deals.' },
    account: {
      facts: 'Account facts',
      deals: 'Deals',
      timeline: 'Stage history',
      back: 'All accounts',
      noDeals: (p: { id: string }) =>
        `No deal in deals.csv has account_id ${p.id}: this page shows what accounts.csv says of the account. Its deals appear here once deals.csv names it.`,
      limited: (p: { shown: number; total: number }, f: Formatter) =>
        `The ${f.count(p.shown)} largest of ${withUnit(f.count(p.total), 'accounts')} have their own page; the CSV lists all.`,
    },
    dataQuality: {
      title: 'Data quality',
      intro: 'What was read from each file, and every row that was rejected or warned about.',
    },
  },
  common: {
    asOf: (p: { date: string }, f: Formatter) => `as of ${f.date(p.date)}`,
    downloadCsv: 'Download CSV',
    /** The CSV link's accessible name: the visible words, then which table. */
    downloadCsvOf: (p: { title: string }) => `Download CSV: ${p.title}`,
    showTable: 'Show data table',
    /** A word and what it adds in brackets: 'New deals (71 deals)'; Korean writes the bracket on the word ('신규 딜(71건)'). */
    aside: (p: { text: string; aside: string }) => `${p.text} (${p.aside})`,
    unspecified: '(unspecified)',
    /** A deal list's amount when deals.csv gives none (the totals count it as 0). */
    noAmount: 'No amount',
    /** An open deal's expected close when the data gives none (a blank cell read as a page fault). */
    noCloseDate: 'No close date',
    dealCount: (p: { count: number }, f: Formatter) => f.deals(p.count),
    search: 'Search',
    /** Said as a table's search narrows it (public/sort-tables.js fills {shown} and {total}, its rows then and in all). */
    searchShown: '{shown} of {total} rows shown',
    searchNone: 'No row matches',
    window: (p: { from: string; to: string }, f: Formatter) => `Analysis window: ${f.date(p.from)} to ${f.date(p.to)}.`,
    period: (p: { from: string; to: string }, f: Formatter) => `Period: ${f.date(p.from)} to ${f.date(p.to)}.`,
    moreRows: (p: { count: number }, f: Formatter) => `and ${f.count(p.count)} more`,
    /** A folded table's disclosure (TableModel `fold`): every one of its rows. */
    showAll: (p: { count: number }, f: Formatter) => `Show all ${f.count(p.count)}`,
    /**
     * Said after a sentence naming the groups won most and least often when their win rates differ by no more than
     * chance would at their counts (rate-differences.ts): a review should not act on it.
     */
    noClearDifference: 'At these deal counts a gap this size could be chance: no clear difference.',
    /** The data's newest change lies a week or more before the as-of date (views/pages/data-notes.ts staleDataNote). */
    staleData: (p: { newest: string; days: number }, f: Formatter) =>
      `The newest change in this data is from ${f.date(p.newest)}, ${withUnit(f.count(p.days), 'days')} before the as-of date. If the export is that old, everything since is missing: export the data again, or build as of that date (--as-of ${p.newest}).`,
    /** The data records no change before the as-of date at all: an empty export, or an as-of date before the data starts (staleDataNote). */
    noDataBefore: (p: { date: string }, f: Formatter) =>
      `This data records nothing before ${f.date(p.date)}: no deal created, closed or moved by then, so every figure here is empty because the data is, not because the pipeline was. Check that the export holds your deals (an unfiltered view of all dates) and export it again, or build as of a later date.`,
    /** deals.csv has its header only (views/pages/data-notes.ts): said instead of noDataBefore, whose later as-of date would not help. */
    noDealRows:
      'deals.csv has no rows, only its header, so every figure here is empty because the file is, not because the pipeline is. Check that the export holds your deals (an unfiltered view of all dates) and export it again.',
    /** No deal has an amount, or every one is 0 (views/pages/data-notes.ts `amountsNote`): `zero` is 0 in the currency, as the pages show it. */
    noAmounts: (p: { zero: string }) =>
      `No deal in this data has an amount (the amount column is empty), so every amount here reads ${p.zero} and the figures made of amounts (the weighted pipeline, sales velocity, coverage, amounts by stage, owner or reason) say nothing. Record each deal’s amount in the CRM and export it with the deals.`,
    zeroAmounts: (p: { zero: string }) =>
      `Every deal’s amount in this data is ${p.zero}, so every amount here reads ${p.zero} and the figures made of amounts (the weighted pipeline, sales velocity, coverage, amounts by stage, owner or reason) say nothing. Check that the export’s amount column holds the deals’ values.`,
    /** A tenth or more of the open deals have no amount, some have one (views/pages/data-notes.ts `missingAmountsNote`). */
    someAmountsMissing: (p: { count: number; open: number; zero: string }, f: Formatter) =>
      `${f.count(p.count)} of the ${withUnit(f.count(p.open), 'open deals')} (${f.percent(p.count / p.open)}) have no amount and count as ${p.zero}, so the open and weighted pipeline, coverage and the forecast are short by what they are worth. Record each deal’s amount in the CRM (the deal lists show them as “No amount”).`,
    /** Every open stage's probability is 0 (views/pages/data-notes.ts `probabilitiesNote`): a config `init` wrote from an export without probabilities. */
    noProbabilities:
      'Every open stage’s probability in pipeline.config.json is 0, so the weighted pipeline counts nothing and the forecast’s weighted figures read 0. Set each open stage’s probability: the share of its deals you expect to win (the Funnel page shows the share won of the deals that reached it).',
    /** Many deals closed in the window, none lost (views/pages/data-notes.ts `filteredExportNote`). */
    wonOnlyExport: (p: { won: number }, f: Formatter) =>
      `All ${withUnit(f.count(p.won), 'deals')} closed in the analysis window were won and not one was lost, so the win rates read 100%. Was the export filtered to won deals (a “Closed Won” report or view)? If so, export every deal, lost and open ones too, and build again.`,
    /** Many deals closed in the window, none open at all (`filteredExportNote`). */
    closedOnlyExport: (p: { closed: number }, f: Formatter) =>
      `No deal is open on the as-of date, though ${withUnit(f.count(p.closed), 'deals')} closed in the analysis window, so the pipeline, coverage and the forecast are empty. Was the export filtered to closed deals? If so, export every deal, open ones too, and build again.`,
    /** The deals' file (deals.csv, or the CRM export they came from: `dealsFile`) has rows and every one was rejected (views/pages/data-notes.ts): said instead of noDataBefore. */
    noDealRead: (p: { dealsFile: string; rows: number; reason: string }, f: Formatter) =>
      `None of the ${withUnit(f.count(p.rows), 'rows')} of ${p.dealsFile} could be used: every one was rejected${p.reason}. So every figure here is empty because no deal was read, not because the pipeline is. The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.`,
    /** More than half of the deals' file's rows were rejected (`dealsFile`: deals.csv, or the CRM export; data-notes.ts). */
    mostDealsRejected: (p: { dealsFile: string; rows: number; rejected: number; accepted: number; reason: string }, f: Formatter) =>
      `${f.count(p.rejected)} of the ${withUnit(f.count(p.rows), 'rows')} of ${p.dealsFile} were rejected${p.reason}, so every figure here counts only the other ${f.deals(p.accepted)}. The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.`,
    /** stage_history.csv has rows and every one was rejected (deals were read): the data knows each deal's current stage only. */
    noHistoryRead: (p: { rows: number; reason: string }, f: Formatter) =>
      `None of the ${withUnit(f.count(p.rows), 'rows')} of stage_history.csv could be used: every one was rejected${p.reason}. So the pages know each deal's current stage only, and say so where a figure needs the stages a deal went through. The Data quality page lists each rejected row and what to fix; correct the export and build again.`,
    /** More than half of stage_history.csv's rows were rejected (data-notes.ts). */
    mostHistoryRejected: (p: { rows: number; rejected: number; reason: string }, f: Formatter) =>
      `${f.count(p.rejected)} of the ${withUnit(f.count(p.rows), 'rows')} of stage_history.csv were rejected${p.reason}, so the stage changes they record are missing from the funnel, the time in each stage, the stalled deals and the trends. The Data quality page lists each rejected row and what to fix; correct the export and build again.`,
    /** The most frequent problem of a file's rejected rows, where it first appears (appended to noDealRead and mostDealsRejected). */
    rejectedReason: (p: { count: number; at: string; message: string }, f: Formatter) =>
      `; the most frequent problem (${withUnit(f.count(p.count), 'times')}) first appears at ${p.at}: ${p.message}`,
    /** In place of "vs 30 days earlier": that date is before the data's first record (`first`; null: the data records nothing), so no change is shown (absence.ts beforeDataNote). */
    beforeData: (p: { date: string; first: string | null }, f: Formatter) =>
      p.first === null
        ? 'No change is shown: the data records no deal.'
        : `No change is shown: the data begins on ${f.date(p.first)}, after ${f.date(p.date)}, when the figures would be those of an empty CRM.`,
  },
  tiles: {
    openPipeline: 'Open pipeline',
    weightedPipeline: 'Weighted pipeline',
    coverage: 'Coverage vs target',
    winRateByCount: 'Win rate (by count)',
    winRateByValue: 'Win rate (by value)',
    medianCycle: 'Median sales cycle',
    salesVelocity: 'Sales velocity',
    openDeals: 'Open deals',
    stalledDeals: 'Stalled deals',
    /** On each tile, after its change: the date the change is against. */
    since: (p: { date: string }, f: Formatter) => `vs ${f.date(p.date)}`,
    /** In place of a tile's change when its figure had no value at the earlier date (tiles.ts `tileNoChange`). */
    noComparison: (p: { date: string }, f: Formatter) => `No comparison: no figure on ${f.date(p.date)}`,
    noComparisonTarget: (p: { date: string }, f: Formatter) => `No comparison: no target for the period on ${f.date(p.date)}`,
    noComparisonMet: (p: { date: string; period: string }, f: Formatter) => `No comparison: on ${f.date(p.date)} the ${f.period(p.period)} target was already met`,
    /** After a tile's change, what its colour says, in words (a screen reader, grey paper, a colour-blind reader). */
    better: 'better',
    worse: 'worse',
    /** The overview intro's second sentence: what the tiles' changes are against (a sentence, as beforeData is in its place). */
    comparedWith: (p: { days: number; date: string }, f: Formatter) => `Changes are against ${withUnit(f.count(p.days), 'days')} earlier (${f.date(p.date)}).`,
    /** Under the overview's intro: the dates of "the analysis window" the tiles' hints and the funnel count in. */
    windowNote: (p: { from: string; to: string }, f: Formatter) =>
      `Win rates, the median sales cycle and sales velocity count the deals closed in the analysis window, ${f.date(p.from)} to ${f.date(p.to)}; the stage-to-stage conversion, the deals created in it.`,
    noTarget: 'No target for this period',
    /** A money tile's second line when no deal's amount says anything (the page's first note says why). */
    noAmounts: 'No amounts in this data',
    /** The weighted pipeline tile when every open stage's probability is 0 (common.noProbabilities says how to set them). */
    noProbabilities: 'No stage probabilities set',
    /** After the open pipeline tile's deal count: those whose amount is unknown, counted as 0. */
    withoutAmount: (p: { count: number }, f: Formatter) => `${f.count(p.count)} without an amount`,
    /** The coverage tile when no open deal has an expected close date (forecast-absence.ts `closeDatesMissing`): none is due in the period. */
    coverageNoCloseDates: 'No open deal has an expected close date',
    /** The coverage tile's figures in words: the open amount due in the period ÷ the target still to win. */
    coverageParts: (p: { open: number; remaining: number }, f: Formatter) => `${f.moneyCompact(p.open)} due ÷ ${f.moneyCompact(p.remaining)} to win`,
    /** After the coverage tile's figures: the part of its open amount whose expected close has passed. */
    coveragePastDue: (p: { amount: number }, f: Formatter) => `${f.moneyCompact(p.amount)} past due`,
    /** The coverage tile when the period's target is already won: no target is left to cover ("—" would say nothing). */
    targetMet: 'Target met',
    coverageMet: (p: { period: string; won: number; target: number }, f: Formatter) =>
      joinItems([f.period(p.period), `${f.moneyCompact(p.won)} won of a ${f.moneyCompact(p.target)} target`]),
    /** Under a product, source or period filter: targets are set per owner or team, not per product, channel or cohort. */
    noTargetFilter: 'No target per product, source, segment, industry, region or period',
    /** Why the sales-velocity tile reads "—" (absence.ts `velocityMissing`). */
    velocityNoWon: 'No deal won in the analysis window: no average won amount or won cycle',
    velocityZeroCycle: `Won deals closed the day they were created: a mean won cycle of ${withUnit('0', 'days')}`,
    /** Win rate and median cycle with no deal closed in the window: why they read "—". */
    noClosed: 'No deal closed in the analysis window',
    hints: {
      openPipeline: 'Amount of every deal still open',
      weightedPipeline: 'Each open deal’s amount × its stage probability',
      coverage: 'Open deals with an expected close date in this period (dates in it already past included) ÷ target still to win',
      winRateByCount: 'Won ÷ (won + lost), deals closed in the analysis window',
      winRateByValue: 'Won amount ÷ (won + lost amount), deals closed in the analysis window',
      medianCycle: 'Days from creation to close, won and lost deals',
      salesVelocity: 'Open deals × win rate × average won amount ÷ mean won cycle',
      stalledDeals: 'Open deals in their stage longer than the stage’s stall threshold',
    },
    /** A tile's sparkline: its title, and the link to the Trends page. */
    trend: (p: { label: string }) => `${p.label}: last ${withUnit('12', 'months')}`,
    trendLink: '12-month trend',
  },
  columns: {
    stage: 'Stage',
    probability: 'Probability',
    buyer_step: 'Buyer step',
    /** The share won of a funnel stage's closed deals, beside its set probability (buyer's journey table). */
    won_of_closed: 'Won of closed',
    /** The deals a funnel stage's share won is of (buyer's journey table). */
    closed_count: 'Closed deals',
    count: 'Deals',
    amount: 'Amount',
    weighted_amount: 'Weighted amount',
    cohort_size: 'Deals in cohort',
    reached: 'Reached',
    advanced: 'Advanced',
    won: 'Won',
    lost: 'Lost',
    conversion: 'Conversion',
    win_rate: 'Win rate',
    visits: 'Visits',
    // Figures of days the page shows with their unit ('39 days'): none in the header; the CSV's header names it
    // (Formatter inDays: 'Median (days)'), over bare numbers. A stall threshold is the other way round: 'Threshold (days)', '130'.
    mean_days: 'Mean',
    median_days: 'Median',
    p75_days: 'P75',
    p90_days: 'P90',
    category: 'Category',
    /** The two columns of a table of figures of different kinds (counts, rates, days, amounts). */
    input: 'Input',
    measure: 'Measure',
    value: 'Value',
    reason: 'Reason',
    /** An account page's deal list: why each closed deal was won or lost. */
    outcome_reason: 'Win or loss reason',
    competitor: 'Competitor',
    deal: 'Deal',
    deal_id: 'Deal ID',
    deal_name: 'Deal name',
    stage_at_removal: 'Stage when removed',
    removed_at: 'Removed on',
    basis: 'How it is set',
    days_in_stage: 'Days in stage',
    threshold_days: 'Threshold (days)',
    flags: 'Warning signs',
    pushes: 'Close-date pushes',
    expected_close: 'Expected close',
    created: 'Created',
    closed: 'Closed',
    state: 'State',
    account: 'Account',
    account_id: 'Account ID',
    product: 'Product',
    base_date: 'Base date',
    next_purchase_at: 'Next purchase',
    /** The repurchase chart's months (and its CSV's): when each comes due. */
    next_purchase_month: 'Next purchase',
    status: 'Status',
    bucket: 'Expected close',
    month: 'Month',
    period: 'Period',
    target_amount: 'Target',
    // An account's: every deal won by the as-of date, not the analysis window's (the owner page's is "Won in period").
    won_amount: 'Won to date',
    lost_amount: 'Lost amount',
    remaining: 'Remaining target',
    ratio: 'Coverage',
    // The velocity itself (its value says per day: '₩126M/day').
    per_day: 'Sales velocity',
    avg_won_amount: 'Average won amount',
    mean_won_cycle_days: 'Mean won cycle',
    owner: 'Owner',
    team: 'Team',
    open_count: 'Open deals',
    open_amount: 'Open amount',
    won_count: 'Won deals',
    lost_count: 'Lost deals',
    median_cycle_days: 'Median cycle',
    stalled_count: 'Stalled deals',
    industry: 'Industry',
    segment: 'Segment',
    region: 'Region',
    keyman: 'Keyman',
    relationship: 'Relationship',
    budget_cycle_month: 'Budget cycle month',
    installed_competitor: 'Installed competitor',
    notes: 'Notes',
    file: 'File',
    line: 'Line',
    column: 'Column',
    code: 'Code',
    severity: 'Severity',
    message: 'Message',
    rows: 'Rows',
    accepted: 'Accepted',
    rejected: 'Rejected',
    issueCount: 'Issues',
    firstLine: 'First line',
    firstMessage: 'First of them',
  },
  sections: {
    keyFigures: 'Key figures',
    pipelineByStage: 'Open pipeline by stage',
    conversion: 'Stage-to-stage conversion',
    timeInStage: 'Time in stage',
    cycleLength: 'Sales cycle length',
    velocityInputs: 'What drives sales velocity',
    /** The Funnel page's table of each stage's set probability, share won of its closed deals and buyer step. */
    stageProbabilities: 'Stage probability against deals won',
    /** The Velocity page's table of the won deals' days per stage (views/pages/won-pace.ts). */
    wonTimeInStage: 'Days the won deals spent in each stage',
    coverage: 'Coverage vs target',
    /** The Forecast page's table of each owner's target, won, commit and best case (views/pages/forecast-call.ts). */
    callByOwner: 'Forecast call by owner',
    lossReasons: 'Loss reasons',
    winReasons: 'Win reasons',
    lostAtStage: 'Stage where deals were lost',
    /** The Win / loss page's table of loss reasons by the stage lost at (views/pages/loss-matrix.ts). */
    lossReasonsByStage: 'Loss reasons by the stage where deals were lost',
    lossReasonsByQuarter: 'Loss reasons by the quarter deals were lost',
    winRateByQuarter: 'Win rate by the quarter deals closed',
    /** The Win / loss page's table of win rates by keyman named and budget confirmed (views/pages/qualification.ts). */
    qualification: 'Win rate by keyman and budget',
    /** The Win / loss page's tables of the deals by lead source, customer segment, industry and region (views/pages/grouped-outcomes.ts). */
    bySource: 'Win rate by lead source',
    bySegment: 'Win rate by customer segment',
    byIndustry: 'Win rate by industry',
    byRegion: 'Win rate by region',
    competitors: 'Results against competitors',
    flaggedOpen: 'Open deals with warning signs (not stalled yet)',
    stalled: 'Stalled deals',
    openDeals: 'Open deals',
    forecast: 'Open pipeline by expected close month',
    intake: 'New deals by month',
    waterfall: 'Pipeline waterfall',
    stageMoves: 'Stage moves of deals open at the start',
    slippage: 'Close-date slippage',
    repurchase: 'Repurchase schedule',
    /** The Repurchase page's list (its chart is the schedule by month). */
    repurchaseDue: 'Customers due to buy again, soonest first',
    byOwner: 'By owner',
    byTeam: 'By team',
    files: 'Files read',
    issues: 'Issues',
    issueKinds: 'Issues by kind',
    removedDeals: 'Deals removed from the CRM',
    stallThresholds: 'Stall threshold per stage',
    dataSource: 'Data source',
    limits: 'What this data cannot show',
  },
  flags: {
    past_expected_close: 'Past expected close',
    pushed: 'Close date pushed repeatedly',
    no_keyman: 'Deal has no keyman',
    budget_unconfirmed: 'Budget not confirmed',
  },
  /** `date`: the expected close before the first push (what it slipped from), when known. */
  pushedTimes: (p: { count: number; date?: string | null }, f: Formatter) =>
    // A narrow cell never parts the count from 'times' ('pushed 2' / 'times'): `counted`.
    `Close date pushed ${counted(f, p.count, 'time', 'times')}${p.date ? ` from ${f.date(p.date)}` : ''}`,
  /** What a table cell's colour says, where its text does not (views/table.ts Cell `note`). */
  cellNotes: {
    pastDue: 'past due',
    targetMet: 'target met',
  },
  repurchaseStatus: {
    covered: 'Follow-up deal exists',
    overdue: 'Overdue',
    // A no-break space: a narrow cell never parts the number from its unit ('12' / 'months').
    upcoming: `Due within ${withUnit('12', 'months')}`,
    later: 'Later',
  },
  /** The Win / loss page's win rates by qualification (views/pages/qualification.ts): does qualifying pay? */
  qualification: {
    check: 'Deals closed',
    keymanNamed: 'Keyman named',
    keymanMissing: 'No keyman',
    budgetConfirmed: 'Budget confirmed',
    budgetUnconfirmed: 'Budget not confirmed',
    closed: 'Closed',
    /** One pair's rates: the deals that pass the check against those that do not. */
    keyman: (p: { with: string; withCounts: string; without: string; withoutCounts: string }) =>
      `Deals closed in the analysis window that named a keyman were won ${p.with} of the time (${p.withCounts}), those without one ${p.without} (${p.withoutCounts}).`,
    budget: (p: { with: string; withCounts: string; without: string; withoutCounts: string }) =>
      `With a confirmed budget ${p.with} were won (${p.withCounts}), without one ${p.without} (${p.withoutCounts}).`,
    /** "194 of 496". */
    counts: (p: { won: number; closed: number }, f: Formatter) => `${f.count(p.won)} of ${f.count(p.closed)}`,
    tooFew: (p: { what: string; count: number }, f: Formatter) =>
      `Too few deals closed with “${p.what}” (${f.count(p.count)}) to compare win rates.`,
    noColumn: (p: { column: string }) => `deals.csv has no ${p.column} column: export it to see whether the deals that have it are won more often.`,
    asExported: 'Keyman and budget are as the export records them today, not as they stood while each deal was open.',
  },
  /**
   * The Win / loss page's deals by lead source, customer segment, industry and region (views/pages/grouped-outcomes.ts,
   * metrics/grouped-outcomes.ts). `spread`: the groups that win most and least often, of those with enough closed deals.
   */
  groups: {
    wonAmount: 'Won amount',
    source: {
      column: 'Lead source',
      spread: (p: { best: string; bestRate: string; bestCounts: string; worst: string; worstRate: string; worstCounts: string }) =>
        `Deals from ${p.best} were won most often, ${p.bestRate} (${p.bestCounts} closed in the analysis window); deals from ${p.worst} least often, ${p.worstRate} (${p.worstCounts}).`,
      same: (p: { rate: string }) => `Deals from every source with enough closed deals were won at the same rate, ${p.rate}.`,
      tooFew: (p: { min: number }, f: Formatter) =>
        `Fewer than two sources have ${withUnit(f.count(p.min), 'closed deals')} in the analysis window, too few to compare their win rates.`,
      mostWon: mostWonFrom,
      unspecified: (p: { count: number; total: number }, f: Formatter) =>
        `${f.count(p.count)} of the ${withUnit(f.count(p.total), p.total === 1 ? 'deal' : 'deals')} closed in the window have no lead source: fill it in the CRM so that they count by their channel.`,
      /** `file`: the data has accounts (accounts.csv, or a Salesforce Account file: `salesforce`). */
      noColumn: (_p: { file: boolean; salesforce: boolean }) =>
        'deals.csv has no source column: export each deal’s lead source (inbound, outbound, referral, partner; HubSpot’s Original Source, Salesforce’s Lead Source, Pipedrive’s Source channel) to see which channels bring the deals that are won.',
      noneRecorded: 'No deal open or closed in the analysis window has a lead source: fill the source column in the CRM to see which channels bring the deals that are won.',
    },
    segment: {
      column: 'Customer segment',
      spread: (p: { best: string; bestRate: string; bestCounts: string; worst: string; worstRate: string; worstCounts: string }) =>
        `Deals with ${p.best} customers were won most often, ${p.bestRate} (${p.bestCounts} closed in the analysis window); deals with ${p.worst} customers least often, ${p.worstRate} (${p.worstCounts}).`,
      same: (p: { rate: string }) => `Deals of every customer segment with enough closed deals were won at the same rate, ${p.rate}.`,
      tooFew: (p: { min: number }, f: Formatter) =>
        `Fewer than two customer segments have ${withUnit(f.count(p.min), 'closed deals')} in the analysis window, too few to compare their win rates.`,
      mostWon: (p: { name: string; amount: string; share: string }) => `The most won amount came from ${p.name} customers: ${p.amount}, ${p.share} of it.`,
      unspecified: (p: { count: number; total: number }, f: Formatter) =>
        `${f.count(p.count)} of the ${withUnit(f.count(p.total), p.total === 1 ? 'deal' : 'deals')} closed in the window are with accounts that have no segment in accounts.csv: add those accounts, or their segment, so that they count by it.`,
      noColumn: (p: { file: boolean; salesforce: boolean }) =>
        p.salesforce
          ? 'Salesforce gives no segment (it has no standard segment field, and an accounts.csv beside Salesforce objects is not read), so the deals cannot be shown by segment.'
          : (p.file ? 'accounts.csv has no segment column: add' : 'There is no accounts.csv: add one with') +
            ' each account’s segment (account_id, segment: enterprise, mid-market, small business, …) to see which kinds of customer the deals that are won come from.',
      noneRecorded:
        'No deal open or closed in the analysis window is with an account that has a segment in accounts.csv: fill its segment column to see which kinds of customer the deals that are won come from.',
    },
    industry: {
      column: 'Industry',
      spread: dealsInSpread,
      same: (p: { rate: string }) => `Deals of every industry with enough closed deals were won at the same rate, ${p.rate}.`,
      tooFew: (p: { min: number }, f: Formatter) =>
        `Fewer than two industries have ${withUnit(f.count(p.min), 'closed deals')} in the analysis window, too few to compare their win rates.`,
      mostWon: mostWonFrom,
      unspecified: (p: { count: number; total: number }, f: Formatter) =>
        `${f.count(p.count)} of the ${withUnit(f.count(p.total), p.total === 1 ? 'deal' : 'deals')} closed in the window are with accounts that have no industry in accounts.csv: add those accounts, or their industry, so that they count by it.`,
      noColumn: (p: { file: boolean; salesforce: boolean }) =>
        p.salesforce
          ? `${p.file ? 'The Salesforce Account file has no Industry column' : 'There is no Salesforce Account file'}: export Account with Id, Name and Industry beside the opportunities to see in which industries the deals that are won are.`
          : (p.file ? 'accounts.csv has no industry column: add' : 'There is no accounts.csv: add one with') +
        ' each account’s industry (account_id, industry; HubSpot’s and Salesforce’s Industry) to see in which industries the deals that are won are.',
      noneRecorded:
        'No deal open or closed in the analysis window is with an account that has an industry in accounts.csv: fill its industry column to see in which industries the deals that are won are.',
    },
    region: {
      column: 'Region',
      spread: dealsInSpread,
      same: (p: { rate: string }) => `Deals of every region with enough closed deals were won at the same rate, ${p.rate}.`,
      tooFew: (p: { min: number }, f: Formatter) =>
        `Fewer than two regions have ${withUnit(f.count(p.min), 'closed deals')} in the analysis window, too few to compare their win rates.`,
      mostWon: mostWonFrom,
      unspecified: (p: { count: number; total: number }, f: Formatter) =>
        `${f.count(p.count)} of the ${withUnit(f.count(p.total), p.total === 1 ? 'deal' : 'deals')} closed in the window are with accounts that have no region in accounts.csv: add those accounts, or their region, so that they count by it.`,
      noColumn: (p: { file: boolean; salesforce: boolean }) =>
        p.salesforce
          ? `${p.file ? 'The Salesforce Account file has no BillingState or BillingCountry column' : 'There is no Salesforce Account file'}: export Account with Id, Name and BillingState (or BillingCountry) beside the opportunities to see in which regions the deals that are won are.`
          : (p.file ? 'accounts.csv has no region column: add' : 'There is no accounts.csv: add one with') +
            ' each account’s region or sales territory (account_id, region; HubSpot’s State/Region) to see in which territories the deals that are won are.',
      noneRecorded:
        'No deal open or closed in the analysis window is with an account that has a region in accounts.csv: fill its region column to see in which territories the deals that are won are.',
    },
  },
  /** The Repurchase page's start dates: a due date less its product's median sales cycle (views/repurchase-facts.ts). */
  repurchaseLead: {
    column: 'Start by',
    late: 'Start date passed: open a deal now',
    intro: (p: { count: number; overdue: number; date: string; unmeasured: string[]; min: number }, f: Formatter) =>
      `“Start by” counts back each product’s median sales cycle (of its deals won in the analysis window) from the due date: ` +
      (p.count === 0
        ? `no repurchase not yet followed up needed a deal open by ${f.date(p.date)}.`
        : `${counted(f, p.count, 'repurchase', 'repurchases')} not yet followed up needed a deal open by ${f.date(p.date)} (${f.count(p.overdue)} of ${p.count === 1 ? 'it' : 'them'} overdue), marked ⚠.`) +
      (p.unmeasured.length === 0 ? '' : ` ${p.unmeasured.join(', ')}: fewer than ${withUnit(f.count(p.min), 'won deals')} in the window, so no start date.`),
    noMedian: (p: { min: number }, f: Formatter) =>
      `No product has ${withUnit(f.count(p.min), 'won deals')} in the analysis window, so no start date (“Start by”) is counted back from the due dates.`,
  },
  /** A covered repurchase row's follow-up deals (views/repurchase-facts.ts): metrics.md counts a lost one as covering it. */
  /** Owners with no open deal and no deal activity for 180 days (metrics/quiet-owners.ts): the Repurchase and owner pages. */
  quietOwners: {
    /** The owner cell's note on the Repurchase page. */
    since: (p: { date: string }) => `no deal activity since ${p.date}`,
    repurchase: (p: { count: number; names: string; days: number }, f: Formatter) =>
      `${f.count(p.count)} of the repurchases overdue or due within ${withUnit(f.count(12), 'months')} ${p.count === 1 ? 'was' : 'were'} sold by owners with no open deal and no deal activity in the last ${withUnit(f.count(p.days), 'days')} (${p.names}, marked ⚠ in the Owner column): hand those customers to a current owner.`,
    owner: (p: { date: string; due: number; days: number }, f: Formatter) =>
      `No open deal and no deal activity since ${p.date}, over ${withUnit(f.count(p.days), 'days')} before the report date` +
      (p.due > 0
        ? `: ${counted(f, p.due, 'repurchase', 'repurchases')} of this owner’s customers ${p.due === 1 ? 'is' : 'are'} overdue or due within ${withUnit(f.count(12), 'months')}; hand them to a current owner.`
        : '.'),
  },
  followUps: {
    column: 'Follow-up deals',
    cell: (p: { open: number; won: number; lost: number }, f: Formatter) =>
      [p.open > 0 ? `${f.count(p.open)} open` : '', p.won > 0 ? `${f.count(p.won)} won` : '', p.lost > 0 ? `${f.count(p.lost)} lost` : ''].filter(Boolean).join(', '),
    allLost: 'Every follow-up deal was lost: the repurchase is not won yet.',
    csvOpen: 'Follow-up deals open',
    csvWon: 'Follow-up deals won',
    csvLost: 'Follow-up deals lost',
    note: (p: { count: number; covered: number; title: string }, f: Formatter) =>
      `${f.count(p.count)} of the ${counted(f, p.covered, 'repurchase', 'repurchases')} under “${p.title}” ${p.count === 1 ? 'has' : 'have'} only lost follow-up deals (marked ⚠ there): each counts as followed up, but no follow-up is open or won, so the purchase is still to win.`,
  },
  forecastBucket: {
    overdue: 'Past expected close',
    later: 'Later',
    unscheduled: 'No close date',
    /** The as-of month's bucket: only what is due from the as-of date on. */
    restOfMonth: (p: { month: string }) => `Rest of ${p.month}`,
  },
  /** The Forecast page: projected attainment, coverage, accuracy history, expected close. */
  forecastPage: {
    /** A target period with when it is: 'Jun 2026 (this month)', 'Q3 2026 (next quarter)'. */
    periodWhen: {
      currentMonth: (p: { period: string }, f: Formatter) => `${f.period(p.period)} (this month)`,
      nextMonth: (p: { period: string }, f: Formatter) => `${f.period(p.period)} (next month)`,
      currentQuarter: (p: { period: string }, f: Formatter) => `${f.period(p.period)} (this quarter)`,
      nextQuarter: (p: { period: string }, f: Formatter) => `${f.period(p.period)} (next quarter)`,
    },
    attainment: 'Projected attainment: won, commit and best case against target',
    /**
     * Open deals due in the attainment takeaway's period whose expected close has passed (forecast.ts `pastDueNote`),
     * and the projected attainment without them (null without forecast categories).
     */
    pastDue: (p: { period: string; count: number; amount: number; projected: { commit: number; bestCase: number } | null }, f: Formatter) =>
      `${counted(f, p.count, 'open deal', 'open deals')} worth ${f.moneyCompact(p.amount)} counted in ${f.period(p.period)} ${p.count === 1 ? 'is' : 'are'} already past ${p.count === 1 ? 'its' : 'their'} expected close date` +
      (p.projected === null ? '.' : `: without ${p.count === 1 ? 'it' : 'them'}, projected attainment is ${f.percent(p.projected.commit)} with commit and ${f.percent(p.projected.bestCase)} with best case.`),
    /**
     * The attainment's headline when its past-due deals change the verdict (forecast.ts `attainmentPastDueTakeaway`):
     * `period` in words ('Q2 2026 (this quarter)'), `reach` the verdict without them.
     */
    attainmentPastDue: (
      p: { period: string; count: number; reach: AttainmentReach; wonShare: number; projected: { commit: number; bestCase: number }; counting: { commit: number; bestCase: number } },
      f: Formatter,
    ) =>
      `${p.period} ${p.reach === 'commit' ? 'reaches its target with commit' : p.reach === 'bestCase' ? 'reaches its target only with best case' : 'falls short even with best case'} once ${p.count === 1 ? 'its open deal past its expected close date is' : `its ${withUnit(f.count(p.count), 'open deals')} past their expected close date are`} left out: ` +
      `${f.percent(p.wonShare)} won, ${f.percent(p.projected.commit)} with commit, ${f.percent(p.projected.bestCase)} with best case (${f.percent(p.counting.commit)} and ${f.percent(p.counting.bestCase)} counting ${p.count === 1 ? 'it' : 'them'}).`,
    /** Open deals due in the attainment takeaway's period without a forecast category (forecast.ts `uncategorisedNote`). */
    uncategorised: (p: { period: string; count: number; amount: number }, f: Formatter) =>
      p.count === 1
        ? `In ${f.period(p.period)}, ${counted(f, 1, 'open deal', 'open deals')} worth ${f.moneyCompact(p.amount)} due in the period has no forecast category, so projected attainment counts it in neither commit nor best case: ask its owner to set one (the deal lists show it as “None”).`
        : `In ${f.period(p.period)}, ${withUnit(f.count(p.count), 'open deals')} worth ${f.moneyCompact(p.amount)} due in the period have no forecast category, so projected attainment counts them in neither commit nor best case: ask their owners to set one (the deal lists show them as “None”).`,
    /** `whose`: the target the view compares with (FilterFacts.targets): the company's, or a filter's owner's or team's. */
    attainmentIntro: (p: { whose: 'company' | 'owner' | 'team' }) =>
      `Won: deals won with a close date in the period. Commit: open deals expected to close in the period (past-due dates in it included) that their owner marked commit; best case: those marked commit or best case, so best case includes commit. Each as a share of ${{ company: 'the period’s company-wide target', owner: 'this owner’s target for the period', team: 'this team’s target for the period' }[p.whose]}.`,
    coverageIntro:
      'Open due in period: every open deal whose expected close date falls in the period, dates already past included (the chart below counts those separately, as “Past expected close”). Coverage: that amount ÷ the target still to win.',
    callIntro: (p: { period: string }, f: Formatter) =>
      `Each owner’s call for ${f.period(p.period)}: won so far, the open deals due in it they marked commit and best case (best case includes commit), and won + commit against their target, furthest from it first.`,
    callIntroNoTargets: (p: { period: string }, f: Formatter) =>
      `Each owner’s call for ${f.period(p.period)}: won so far and the open deals due in it they marked commit and best case (best case includes commit), largest best case first. No owner target applies to this view (targets.csv sets them per owner and period), so none is compared.`,
    /** After coverageIntro when the dashboard has filters: each period links to the page filtered to its close date. */
    coverageLinks: 'Each period opens this page filtered to its deals: those won or lost in it, and those open whose expected close falls in it.',
    accuracy: 'Forecast accuracy: weighted forecast against won',
    accuracyIntro:
      'At the start of each month: the open deals expected to close in it, weighted by their stage’s probability, against what was won in the month. Replayed from the history, so no forecast snapshot is needed.',
    byMonthIntro:
      'Open deals by their expected close date. Deals whose date has passed are counted separately as “Past expected close”, never in the month of their old date, and the as-of month counts only what is due from the as-of date on.',
    columns: {
      period: 'Period',
      target: 'Target',
      won: 'Won',
      commit: 'Commit',
      bestCase: 'Best case (incl. commit)',
      wonShare: 'Won ÷ target',
      commitShare: '(Won + commit) ÷ target',
      bestCaseShare: '(Won + best case) ÷ target',
      remaining: 'Still to win',
      openDue: 'Open due in period (incl. past-due)',
      coverage: 'Coverage',
      /** The coverage cell of a period whose target is already won (no target left to divide by). */
      targetMet: 'Target met',
      forecastCount: 'Deals forecast at the month’s start',
      forecastAmount: 'Their amount',
      forecastWeighted: 'Weighted forecast',
      wonCount: 'Deals won',
      wonAmount: 'Won in the month',
      wonFromForecast: 'Won of the forecast deals',
      ratio: 'Won ÷ weighted forecast',
    },
    key: {
      won: 'Won',
      commit: '+ Commit',
      bestCase: '+ Best case',
      target: 'Target',
      forecast: 'Weighted forecast at the month’s start',
      wonInMonth: 'Won in the month',
      ratio: '% = won ÷ forecast',
    },
    axis: 'Share of target',
    /** The deals behind this month's and this quarter's bars: the forecast review's list. */
    deals: {
      heading: 'Deals expected to close this month and quarter',
      intro:
        'The open deals behind the bars of this month and the rest of this quarter in “Open pipeline by expected close month”, plus, listed separately, those whose expected close date has passed. Sorted by forecast category (commit, best case, pipeline, omitted, then none) and amount, largest first; each list’s total equals its bars’ figures. Warning signs are the same as on the Stalled deals page.',
      /** When as_of's month is the last of its quarter: no list of later months. */
      quarterEnds: (p: { quarter: string }, f: Formatter) => `This month is the last of ${f.period(p.quarter)}: its list is the rest of the quarter.`,
      /** `from`: the as-of date (this month's bar counts what is due from it on). */
      thisMonth: (p: { month: string; from: string }, f: Formatter) => `${f.period(p.month)} (this month, due ${f.date(p.from)} or later)`,
      restOfQuarter: (p: { quarter: string; from: string; to: string }, f: Formatter) =>
        p.from === p.to ? `Later this quarter: ${f.period(p.from)} (${f.period(p.quarter)})` : `Later this quarter: ${f.period(p.from)} – ${f.period(p.to)} (${f.period(p.quarter)})`,
      pastDue: 'Past expected close, still open',
      /** Under a close-date filter (`period`) reaching past this quarter: its months after it, `from` to `to`. */
      closingPeriod: (p: { period: string; from: string; to: string }, f: Formatter) =>
        `${f.period(p.period)}, after this quarter: ${p.from === p.to ? f.period(p.from) : `${f.period(p.from)} – ${f.period(p.to)}`}`,
      /** The intro's sentence on that list. */
      closingIntro: (p: { period: string }, f: Formatter) =>
        `The close-date filter (${f.period(p.period)}) reaches past this quarter: the last list holds its open deals expected after it.`,
      columns: {
        deal: 'Deal',
        category: 'Forecast category',
        /** The Stalled page's word (stalledReview.flag), plural. */
        risk: 'Warning signs',
      },
      categories: { commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' },
      /** A deal whose forecast_category cell is empty (or not one of the four). */
      noCategory: 'None',
      /** The first cell of a list's total row. */
      total: (p: { count: number }, f: Formatter) => `Total: ${counted(f, p.count, 'deal', 'deals')}`,
      /** The category cell of the total row. */
      totalCommit: (p: { commit: number; bestCase: number }, f: Formatter) => joinItems([`Commit ${f.moneyCompact(p.commit)}`, `best case ${f.moneyCompact(p.bestCase)}`]),
      noCategories:
        'deals.csv has no forecast_category column, so these lists cannot say which deals are commit or best case and are sorted by amount: export Salesforce’s Forecast Category (ForecastCategoryName) or HubSpot’s Forecast category with the deals, or add a forecast_category column (commit, best_case, pipeline, omitted) to deals.csv.',
      empty: {
        month: (p: { month: string }, f: Formatter) => `No open deal is expected to close in the rest of ${f.period(p.month)}.`,
        restOfQuarter: (p: { quarter: string }, f: Formatter) => `No open deal is expected to close later in ${f.period(p.quarter)}.`,
        pastDue: 'No open deal’s expected close date has passed.',
        closingPeriod: (p: { from: string; to: string }, f: Formatter) =>
          p.from === p.to ? `No open deal is expected to close in ${f.period(p.from)}.` : `No open deal is expected to close from ${f.period(p.from)} to ${f.period(p.to)}.`,
      },
    },
    /** The deals won in the report date's quarter up to it (views/won-deals.ts). */
    won: {
      heading: (p: { quarter: string }, f: Formatter) => `Won in ${f.period(p.quarter)} so far`,
      intro: (p: { quarter: string; asOf: string }, f: Formatter) =>
        `The deals won in ${f.period(p.quarter)} up to ${f.date(p.asOf)}, largest first: the won part of the quarter’s attainment and coverage, deal by deal.`,
      closed: 'Won on',
      empty: (p: { quarter: string; asOf: string }, f: Formatter) => `No deal was won in ${f.period(p.quarter)} up to ${f.date(p.asOf)}.`,
    },
  },
  /** The Trends page. */
  trends: {
    pointNote: (p: { date: string; days: number }, f: Formatter) =>
      `Each point is the pipeline at the end of a month, computed by the same engine as every other figure (a build as of that date shows the same numbers); the last point is the as-of date, ${f.date(p.date)}. Win rates and cycle times at each point cover the ${withUnit(f.count(p.days), 'days')} before it.`,
    table: 'Trend figures at each month end',
    date: 'Date',
    /** After the as-of point's date in tables: '30 Jun 2026 (as of)'. */
    asOf: (p: { date: string }) => `${p.date} (as of)`,
    /** The trend starts after the 12 months' first month end: the data's first record is in `month` (formatted). */
    sinceData: (p: { month: string }) =>
      `The data's first record is in ${p.month}, so the trends start at that month's end: before it the data holds no deal, and its figures there would be zeros that only mean the data had not begun. To see more months, export the earlier history too.`,
  },
  /**
   * The Waterfall page's close-date slippage figures. Their periods are not the page's (the waterfall's
   * last 30 days): pushes count over the analysis window, pushed deals over their whole history.
   */
  slippage: {
    pushesInWindow: (p: { from: string; to: string }, f: Formatter) => `Close-date pushes in the analysis window (${f.date(p.from)} to ${f.date(p.to)})`,
    openDealsPushed: 'Open deals whose close date was ever pushed',
    sharePushed: 'Share of open deals whose close date was ever pushed',
  },
  waterfall: {
    start: 'Open at start',
    new: 'New',
    won: 'Won',
    lost: 'Lost',
    removed: 'Removed',
    reopened: 'Reopened',
    end: 'Open at end',
    advanced: 'Advanced a stage',
    moved_back: 'Moved back',
    unchanged: 'Same stage',
  },
  /** The Waterfall page's note on its amounts: each deal's at the period's end (docs/metrics.md, `waterfall`). */
  waterfallAmounts: {
    atEnd: (p: { to: string }, f: Formatter) =>
      `Every amount here is the deal’s amount on ${f.date(p.to)}, those of the deals open at the start included, so that the amounts add up as the counts do.`,
    restated: (p: { from: string; to: string; start: number; then: number }, f: Formatter) =>
      `Every amount here is the deal’s amount on ${f.date(p.to)}, so the deals open on ${f.date(p.from)} start at ${f.moneyCompact(p.start)}, where the Overview and the Trends, which take each date’s amounts, show ${f.moneyCompact(p.then)}: these deals’ amounts have ${p.start >= p.then ? 'risen' : 'fallen'} by ${f.moneyCompact(Math.abs(p.start - p.then))} in all since.`,
  },
  cycleGroup: { won: 'Won deals', lost: 'Lost deals', all: 'All closed deals' },
  dealState: { open: 'Open', won: 'Won', lost: 'Lost' },
  relationship: { friendly: 'Friendly', neutral: 'Neutral', hostile: 'Hostile' },
  severity: { error: 'Error', warning: 'Warning' },
  /** What an empty table says (every table its own: views/table.ts `empty`). */
  empty: {
    noOpenDeals: 'No open deals on this date.',
    noStalled: 'No stalled deals: every open deal is within its stage threshold.',
    noClosed: 'No deals closed in the analysis window.',
    noLossReasons: 'No deals were lost in the analysis window.',
    noWinReasons: 'No deals were won in the analysis window.',
    noCompetitors: 'No closed deal names a competitor.',
    noTargets: 'No company-wide target in targets.csv covers this month or quarter or the next; add one to see coverage.',
    noRemoved: 'No deal was removed from the CRM before this date.',
    noIssues: 'No data-quality issues: every row was read.',
    /** The open deals with a warning sign, none but the stalled ones: `signs` are the ones this data can show (flag-absence.ts `checkedFlags`). */
    noFlagged: (p: { signs: readonly string[] }) =>
      p.signs.length === 0
        ? 'No warning sign can be checked in this data (the notes above say what each needs), so no deal is listed here.'
        : `No other open deal shows a warning sign (${p.signs.map((s) => s.charAt(0).toLowerCase() + s.slice(1)).join(', ')}).`,
    accountNoWon: 'No deal of this account has been won yet, so no repurchase is due.',
    accountNoLifecycle:
      'None of this account’s won deals has a product lifecycle, so no repurchase date can be predicted: set products.<name>.lifecycle_months in pipeline.config.json, or give deals.csv a lifecycle_months column.',
    noAccounts:
      'No account to list: no deal had been created by this date and accounts.csv lists no account. A report date (--as-of) before the first deal leaves this empty.',
    noOwners:
      'No owner to list: no deal had been created by this date and no owner has a target for the period. A report date (--as-of) before the first deal leaves this empty.',
    noTeams:
      'No team to list: no deal had been created by this date and no team has a target for the period. A report date (--as-of) before the first deal leaves this empty.',
    noRepurchaseDue: 'Nothing is due: every customer in the schedule already has a newer deal of the same product (see “Follow-up deal exists”).',
    noRepurchaseCovered: 'No customer in the schedule has a newer deal of the same product since its last purchase yet.',
  },
  /** Stages that are open but outside the funnel's sequence (config `parked`). */
  stageGroup: {
    parked: 'Parked (outside the sequence)',
    parkedTag: 'outside the sequence',
  },
  /** How each open stage's stall threshold was set (site manifest `stall_basis`). */
  stallBasis: {
    configured: 'Set in pipeline.config.json (stall_days)',
    p90: (p: { count: number }, f: Formatter) => `P90 of the ${counted(f, p.count, 'visit', 'visits')} that ended in the analysis window`,
    default: (p: { count: number; visits: number; days: number }, f: Formatter) =>
      `${f.count(p.days)}-day default: only ${counted(f, p.count, 'visit', 'visits')} ended in the analysis window (${f.count(p.visits)} needed to learn it)`,
    never: 'Parked stage: never counted as stalled (name it in stall_days to set a threshold)',
  },
  /** What a page says instead of a misleading figure when the data lacks something. */
  absence: {
    closeDatesUntracked:
      'Close-date changes are not tracked: add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see slippage and pushed deals.',
    /** The same when field_history.csv was read but holds no expected_close_at change (its amount changes, say). */
    closeDatesUntrackedInFile:
      'Close-date changes are not tracked: field_history.csv has no expected_close_at changes. Add them to it (or export the CRM’s close-date history) to see slippage and pushed deals.',
    noExpectedClose: (p: { count: number }, f: Formatter) =>
      `${p.count === 1 ? 'The one open deal has no' : `None of the ${withUnit(f.count(p.count), 'open deals')} has an`} expected close date, so the forecast cannot say when the pipeline will close: record a close date on each deal in the CRM and export it as expected_close_at in deals.csv.`,
    /** Target periods that began before the data's first record (absence.ts `periodsBeforeDataNote`); `since` the earliest one's first day. */
    periodBeforeData: (p: { first: string; periods: readonly string[]; since: string }, f: Formatter) =>
      `This data begins on ${f.date(p.first)}, after ${p.periods.map((x) => f.period(x)).join(' and ')} began: deals won in ${p.periods.length === 1 ? 'it' : 'them'} before then are missing, so what is won, attainment and coverage read low. Export the deals closed since ${f.date(p.since)} too, or read these figures as partial.`,
    coverageNeedsCloseDates: 'Coverage counts open deals by their expected close date, so without close dates it finds no pipeline for the target.',
    /** A file a figure needs is in the data folder under another name (`targets (1).csv`), so it was not read: rename it, not "add" it. */
    renamedFile: (p: { files: string; count: number; canonical: string }) =>
      p.count === 1
        ? `${p.files} has the columns of ${p.canonical} under another name, so it was not read: rename it ${p.canonical} and build again to see this.`
        : `${p.files} have the columns of ${p.canonical} under other names, so none was read: keep one, rename it ${p.canonical} and build again to see this.`,
    /** A field of field_history.csv whose name reads like the one a figure needs (ingest/unused-fields.ts): its warning, in the page's words. */
    closeFieldNotRead: (p: { file: string; line: number; message: string }) => `Close-date changes are not tracked: ${p.file}, line ${p.line}: ${p.message}, and build again to see this.`,
    amountFieldNotRead: (p: { file: string; line: number; message: string }) => `Amount changes are not tracked: ${p.file}, line ${p.line}: ${p.message}, and build again to see this.`,
    noTargets: 'Coverage and projected attainment need targets: add targets.csv with company-wide targets (owner and team left empty) per month or quarter.',
    noForecastCategories:
      'Commit and best case need a forecast category on each deal: export Salesforce’s Forecast Category (ForecastCategoryName) or HubSpot’s Forecast category with the deals, or add a forecast_category column (commit, best_case, pipeline, omitted) to deals.csv. Until then projected attainment shows only what is won.',
    trendsNeedHistory: (p: { advice: string }) =>
      `Trends are not available: this export has only each deal’s current stage, so the pipeline at earlier month ends cannot be rebuilt. To see them, ${p.advice}.`,
    lossReasonsUnrecorded: (p: { count: number }, f: Formatter) =>
      `No loss reason is recorded for the ${counted(f, p.count, 'deal', 'deals')} lost in the analysis window: ask reps to fill in Loss Reason when they mark a deal lost, or map the CRM’s loss-reason field to lost_reason in deals.csv.`,
    /**
     * Loss or win reasons written more than one way (views/pages/reason-spellings.ts): up to three groups of
     * spellings, and how many more.
     */
    reasonSpellings: (p: { groups: string[][]; more: number }, f: Formatter) =>
      `Some reasons are written more than one way, and each spelling counts as a reason of its own in the charts and tables below: ${p.groups
        .map((g) => `${g.slice(0, -1).map((s) => `“${s}”`).join(', ')} and “${g.at(-1)}”`)
        .join('; ')}${p.more > 0 ? `; and ${f.count(p.more)} more` : ''}. Make the reason a pick-list in the CRM, or write each one the same way.`,
    winReasonsUnrecorded: (p: { count: number }, f: Formatter) =>
      `No win reason is recorded for the ${counted(f, p.count, 'deal', 'deals')} won in the analysis window: ask reps to fill in Win Reason when they mark a deal won, or map the CRM’s win-reason field to win_reason in deals.csv.`,
    competitorsUnrecorded: (p: { count: number }, f: Formatter) =>
      `${p.count === 1 ? 'The deal closed in the analysis window names no competitor' : `None of the ${withUnit(f.count(p.count), 'deals')} closed in the analysis window names a competitor`}: ask reps to record the competitor they met when they close a deal, or map the CRM’s competitor field to competitor in deals.csv.`,
    noLifecycle:
      'No won deal has a product lifecycle, so no repurchase date can be predicted: set products.<name>.lifecycle_months in pipeline.config.json, or give deals.csv a lifecycle_months column.',
    lifecycleNoProductColumn: (p: { count: number }, f: Formatter) =>
      `No won deal can be given a product lifecycle, so no repurchase date can be predicted: pipeline.config.json sets lifecycle_months for ${p.count === 1 ? 'a product' : withUnit(f.count(p.count), 'products')}, but deals.csv has no product column to match the deals to ${p.count === 1 ? 'it' : 'them'}. Export each deal’s product as the product column of deals.csv.`,
    lifecycleProductsUnmatched: (p: { products: string[] }) =>
      `No won deal’s product has a lifecycle in pipeline.config.json, so no repurchase date can be predicted: it sets lifecycle_months for ${p.products
        .slice(0, 5)
        .map((name) => `“${name}”`)
        .join(', ')}${p.products.length > 5 ? ', …' : ''}. Name the products there as deals.csv’s product column does.`,
    noWonDeals: 'No deal has been won yet, so no customer is due to buy again.',
    noAccountsFile:
      'There is no accounts.csv, so the account pages show only what deals.csv says of each account: add accounts.csv (account_id, then any of industry, segment, region, keyman, relationship, budget_cycle_month, installed_competitor, notes) to plan each account.',
    /** A funnel stage none of whose deals has left it yet: its conversion reads "—", not 0 %. */
    conversionPending: (p: { stages: string; count: number; open: number }, f: Formatter) =>
      `Conversion reads “—” for ${p.stages}: none of the deals that reached ${p.count === 1 ? 'it' : 'them'} has moved on or been lost there yet (${f.count(p.open)} still open), so there is nothing to convert from. It shows once a deal moves on or is lost.`,
    /** The Velocity page's note when sales velocity reads "—" (absence.ts `velocityMissing`). */
    velocityNoWon: (p: { from: string; to: string }, f: Formatter) =>
      `Sales velocity is not shown: no deal was won in the analysis window (${f.date(p.from)} to ${f.date(p.to)}), so there is no average won amount or won cycle to compute it from. It shows once a deal is won.`,
    velocityZeroCycle:
      `Sales velocity is not shown: every deal won in the analysis window closed the day it was created, so the mean won cycle is ${withUnit('0', 'days')} and velocity (÷ cycle) has no value. Check created_at of the won deals.`,
    /** A filter (filters/) that matches no deal: what the notes blaming a missing file say instead. */
    filterMatchesNone: 'No deal matches this filter, so there is nothing to count here: choose another owner, team, product, lead source, customer segment, industry, region or period, or show all deals.',
    /** A filter whose deals never had their close date changed, though the data tracks close dates. */
    closeDatesUnchangedFiltered: (p: { count: number }, f: Formatter) =>
      `${p.count === 1 ? 'The one deal this filter shows has' : `None of the ${withUnit(f.count(p.count), 'deals')} this filter shows has`} ${p.count === 1 ? 'never had' : 'had'} its expected close date changed in field_history.csv, so there are no pushes or slippage to show for ${p.count === 1 ? 'it' : 'them'}.`,
    /** A review flag (metrics/stalled.ts) this data or config can never raise: which, why, and how to get it (flag-absence.ts `flagsUncheckedNotes`). */
    keymanNoColumn: (p: { flag: string; stage: string }) =>
      `“${p.flag}” is not checked: deals.csv has no keyman column. Add one with each deal’s identified key decision maker (empty while none is known) to flag the deals from ${p.stage} on that have none.`,
    budgetNoColumn: (p: { flag: string; stage: string }) =>
      `“${p.flag}” is not checked: deals.csv has no budget_confirmed column. Add one saying whether the customer’s budget is confirmed (yes or no) to flag the deals from ${p.stage} on whose budget is not.`,
    qualificationOff: (p: { keyman: string; budget: string }) =>
      `“${p.keyman}” and “${p.budget}” are not checked: pipeline.config.json sets no qualification_required_from. Set it to the first stage by which a deal should have a keyman and a confirmed budget (for example "propose").`,
    pastCloseUnchecked: (p: { flag: string }) =>
      `“${p.flag}” is not checked: no open deal has an expected close date. Record one on each deal in the CRM and export it as expected_close_at in deals.csv.`,
    stallDefault: (p: { stages: string; count: number; visits: number; days: number }, f: Formatter) =>
      p.count === 1
        ? `The stall threshold of ${p.stages} is the ${f.count(p.days)}-day default, because fewer than ${withUnit(f.count(p.visits), 'visits')} of that stage ended in the analysis window.`
        : `The stall thresholds of ${p.stages} are the ${f.count(p.days)}-day default, because fewer than ${withUnit(f.count(p.visits), 'visits')} of each of those stages ended in the analysis window.`,
    historyUnavailable: (p: { advice: string }) =>
      `Not available: this export has only each deal’s current stage, not its stage history. To see it, ${p.advice}.`,
    trendsUnavailable: (p: { advice: string; days: number }, f: Formatter) =>
      `Changes against ${withUnit(f.count(p.days), 'days')} earlier are not shown: this export has only each deal’s current stage, so the pipeline of an earlier date cannot be rebuilt. To see them, ${p.advice}.`,
    /** The Changes page of an export with only the current stage: the pipeline on the earlier date (`from`) cannot be rebuilt. */
    changesUnavailable: (p: { from: string; advice: string }, f: Formatter) =>
      `Changes since ${f.date(p.from)} are not shown: this export has only each deal’s current stage, so the pipeline on that date cannot be rebuilt. To see them, ${p.advice}.`,
    /** The waterfall's period began before the data's first record (`first`). */
    waterfallBeforeData: (p: { first: string }, f: Formatter) =>
      `The data begins on ${f.date(p.first)}, within this period: the pipeline it opens with is empty because the data had not begun, not because there was no pipeline.`,
    waterfallAfterData: (p: { first: string }, f: Formatter) =>
      `The data begins on ${f.date(p.first)}, after this period: the waterfall is empty because the data had not begun, not because nothing happened.`,
    stageMovesUnavailable: (p: { advice: string }) =>
      `Stage moves of the deals open at the start are not available: this export has only each deal’s current stage. To see them, ${p.advice}.`,
    snapshots:
      'Stage history was rebuilt by comparing dated exports: each move is dated by the first export that shows it, so times in stage are only as precise as the interval between exports.',
    /**
     * How a CRM's export gets amount and close-date changes tracked (pages/file-advice.ts `untrackedNote`; canonical files
     * keep their own sentences, which say to add field_history.csv): beside exports that file is not read.
     */
    trackingAdvice: {
      'salesforce-report': 'add the Amount and Close Date columns to the Opportunity History report',
      'salesforce-api': 'turn on field history tracking of Amount and Close Date for opportunities in Salesforce and add OpportunityFieldHistory.csv to the folder',
      series: 'keep the amount and close date columns in every export of the series',
      other: 'keep a dated export of the same view or filter in the folder each day or week (docs/exports.md, “A series of exports”): an amount or close date that changed between two exports is tracked',
    },
    closeDatesUntrackedExport: (p: { advice: string }) => `Close-date changes are not tracked: to see slippage and pushed deals, ${p.advice}.`,
    /** Forecast accuracy replays each month's forecast from the close dates as they stood then (pages/forecast.ts). */
    accuracyUntracked:
      'Not shown: each month’s forecast is replayed from the expected close dates as they stood at its start, and this data does not track their changes, so it would be today’s dates, which make the forecast look better or worse than it was. Add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see it.',
    /** Forecast accuracy under a close-date filter (pages/forecast.ts): selecting deals by how they ended would bend it. */
    accuracyClosingFilter:
      'Not shown under a close-date filter: each month’s forecast is the deals expected to close in it at its start, and keeping only the deals whose close date falls in one period keeps, of those forecasts, only the deals that later closed in it or slipped into it, so every month’s accuracy would look better or worse than it was. Show all deals, or filter by owner or team, to see it.',
    accuracyUntrackedExport: (p: { advice: string }) =>
      `Not shown: each month’s forecast is replayed from the expected close dates as they stood at its start, and this data does not track their changes, so it would be today’s dates, which make the forecast look better or worse than it was. To see it, ${p.advice}.`,
    /** What to export for stage history, by source format (`other` for the rest). */
    historyAdvice: {
      'salesforce-report': 'add the Opportunity History report to the data folder',
      'salesforce-api': 'export the OpportunityHistory object with the Opportunity object and add OpportunityHistory.csv to the data folder',
      hubspot: 'add the “Date entered <stage>” columns to the HubSpot export',
      pipedrive:
        'keep a dated export of the same filter in the folder each day or week (docs/exports.md, “A series of exports”): Pipedrive’s deals export has only the current stage, and the stages are rebuilt from what changed between exports',
      other: 'add stage_history.csv with every stage change and its date',
      /** stage_history.csv is there, but every row of it was rejected. */
      rejected: 'correct the rejected rows of stage_history.csv (the Data quality page lists each one and what to fix) and build again',
    },
  },
  /** Takeaways from fewer than MIN_SAMPLE deals: say so instead of concluding. */
  small: {
    /** A headline tile (overview) resting on fewer than MIN_SAMPLE deals: under its value, which is muted. */
    tileClosed: (p: { count: number }, f: Formatter) => `Only ${counted(f, p.count, 'closed deal', 'closed deals')} — too few to rely on`,
    tileWon: (p: { count: number }, f: Formatter) => `Only ${counted(f, p.count, 'won deal', 'won deals')} — too few to rely on`,
    velocity: (p: { won: number; closed: number }, f: Formatter) =>
      `Sales velocity rests on only ${counted(f, p.won, 'won deal', 'won deals')} (of ${f.count(p.closed)} closed) in the analysis window — too few to rely on its average won amount and won cycle.`,
    funnel: (p: { count: number }, f: Formatter) =>
      `Only ${counted(f, p.count, 'deal', 'deals')} ${plural(p.count, 'was', 'were')} created in the analysis window — too few to conclude where deals drop off.`,
    /** The funnel's rates (conversion, won ÷ reached) of stages fewer than MIN_SAMPLE deals reached: marked * and muted in the chart and its table. */
    funnelRates: (p: { stages: string; min: number }, f: Formatter) =>
      `* Conversion and won ÷ reached of a stage fewer than ${withUnit(f.count(p.min), 'deals')} reached: too few to rely on (${p.stages}).`,
    /** One stage of funnelRates' list. */
    funnelRatesStage: (p: { count: number; stage: string }, f: Formatter) => `${f.count(p.count)} reached ${p.stage}`,
    funnelStage: (p: { count: number; stage: string }, f: Formatter) =>
      `Only ${counted(f, p.count, 'deal', 'deals')} reached ${p.stage} — too few to conclude where deals drop off.`,
    lossReasons: (p: { count: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'lost deal', 'lost deals')} — too few to conclude what causes losses.`,
    winReasons: (p: { count: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'won deal', 'won deals')} — too few to conclude why deals are won.`,
    lostAtStage: (p: { count: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'lost deal', 'lost deals')} — too few to conclude at which stage deals are lost.`,
    competitors: (p: { count: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'closed deal', 'closed deals')} naming a competitor — too few to conclude.`,
    cycleLength: (p: { count: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'closed deal', 'closed deals')} — too few to conclude how long the sales cycle is.`,
    /** Forecast accuracy from fewer than MIN_SAMPLE deals forecast at the months' starts. */
    accuracy: (p: { count: number; months: number }, f: Formatter) =>
      `Based on only ${counted(f, p.count, 'deal', 'deals')} forecast to close in the last ${withUnit(f.count(p.months), 'months')} — too few to judge how accurate the forecast is (see the table).`,
    /** Deals won in those months but none forecast: no ratio, and why. */
    accuracyNoForecast: (p: { won: number; months: number }, f: Formatter) =>
      `No deal was forecast to close in the last ${withUnit(f.count(p.months), 'months')} (open at a month’s start with its expected close in that month), so the ${f.count(p.won)} won in them ${p.won === 1 ? 'has' : 'have'} no forecast to compare with.`,
    timeInStage: (p: { count: number; stage: string }, f: Formatter) =>
      `Only ${counted(f, p.count, 'visit', 'visits')} of ${p.stage} ended in the analysis window — too few to conclude where deals sit longest.`,
  },
  /** The data-quality page's account of where the data came from. */
  source: {
    readFrom: (p: { name: string }) => `Read from ${p.name}.`,
    formats: {
      canonical: 'CSV files in Pipescope’s own columns (docs/input.md)',
      'salesforce-report': 'Salesforce reports',
      'salesforce-api': 'a Salesforce data export',
      hubspot: 'a HubSpot deals export',
      pipedrive: 'a Pipedrive deals export',
    },
    fullHistory: 'The export holds each deal’s full stage history.',
    currentVisitOnly: (p: { advice: string }) =>
      `The export has only each deal’s current stage, not its stage history: conversion, time in stage, the stage where deals were lost, stage moves and comparisons with earlier dates are not available. To see them, ${p.advice}.`,
    otherLimitation: (p: { code: string }) => `Limitation of this export: ${p.code}.`,
    noRecordIds:
      'The reports have no Opportunity ID column, so each deal is known by its name and created date: two deals of the same name created the same day are read as one, and deal names link to no Salesforce page (pipeline.config.json deal_url). Add the Opportunity ID column to the reports.',
    issuesListed: (p: { total: number; perKind: number; listed: number }, f: Formatter) =>
      `There are ${withUnit(f.count(p.total), 'issues')}, too many to list here: the table of issues and its CSV hold the first ${f.count(p.perKind)} of each kind (${f.count(p.listed)} in all), and the table of kinds counts every one. metrics.json lists them all.`,
    removedExplained:
      'Removed deals were deleted from the CRM, or were missing from a later export. They leave the pipeline without being won or lost; the waterfall counts them as removed.',
  },
  /** CSV downloads: the id or code column beside the words a page shows. */
  csv: {
    stageId: 'Stage ID',
    codeOf: (p: { column: string }) => `${p.column} (code)`,
    /** The stage IDs beside the what-changed tables' two stage columns (then and now): each CSV column name once. */
    stageIdThen: 'Stage ID then',
    stageIdNow: 'Stage ID now',
  },
  /** The stalled page run as a review: totals, and why each deal is on the list. */
  stalledReview: {
    why: 'Why it is stalled',
    overThreshold: (p: { stage: string; days: string; threshold: string }) => `Over the ${p.stage} threshold: ${p.days} vs ${p.threshold}`,
    /** An owner's deal on a phone, under its name (deals.ts `categoryAndRisk`): stalled counts as one sign beside the others. */
    riskCount: (p: { count: number }, f: Formatter) => `⚠\uFE0E\u00a0${withUnit(f.count(p.count), p.count === 1 ? 'warning sign' : 'warning signs')}`,
    totals: 'Totals',
    byStage: 'By stage',
    byOwner: 'By owner',
    byFlag: 'By warning sign',
    flag: 'Warning sign',
    noFlag: 'No other warning sign',
    /** The by-warning-sign table's column: what the review asks of the deal's owner for each sign (views/pages/pipeline-pages.ts). */
    nextStep: 'Next step',
    steps: {
      past_expected_close: 'Agree a new close date with the buyer, or close the deal as lost',
      pushed: 'Ask what changed in the buyer’s decision, and qualify the deal again',
      no_keyman: 'Find the person who decides, and meet them',
      budget_unconfirmed: 'Confirm the buyer’s budget and when it is approved',
      none: 'Agree a dated next step with the buyer',
    },
    all: 'All stalled deals',
    flagNote: 'A deal with several warning signs counts under each, so the rows by warning sign add up to more than all stalled deals.',
    summary: (p: { count: number; amount: number }, f: Formatter) =>
      `${counted(f, p.count, 'stalled deal', 'stalled deals')} worth ${f.moneyCompact(p.amount)}.`,
    /** After the summary: the stalled deals whose forecast category is commit or best case. */
    inForecast: (p: { count: number; amount: number; commit: number }, f: Formatter) =>
      `${p.count === 1 ? 'One of them' : `${f.count(p.count)} of them`} (${f.moneyCompact(p.amount)}) ${p.count === 1 ? 'is' : 'are'} in the forecast as commit or best case${p.commit > 0 ? ` (${f.count(p.commit)} commit)` : ''}: check ${p.count === 1 ? 'it' : 'them'} first. The list below starts with ${p.count === 1 ? 'it' : 'them'}${p.commit > 0 && p.commit < p.count ? ', commit before best case' : ''}.`,
  },
  /** The owners and teams page, and each owner's page. */
  ownersReview: {
    weighted: 'Weighted pipeline',
    wonInPeriod: 'Won in period',
    /** An owner page's fact: the open deals due in the period marked commit or best case (metrics/targets.ts); commit is forecastPage.columns.commit. */
    bestCase: 'Best case',
    attainment: 'Attainment',
    period: (p: { period: string }, f: Formatter) => `Target, won and attainment are for ${f.period(p.period)}; rows are sorted by open amount, largest first.`,
    noTargetsFile:
      'There is no targets.csv, so no owner or team has a target or an attainment: add targets.csv with a row per period and owner (owner column filled) or team (team column filled, owner left empty).',
    noOwnerTargets: (p: { period: string }, f: Formatter) =>
      `targets.csv has no owner targets for ${f.period(p.period)}: add rows with the owner column filled to see each owner’s attainment.`,
    noTeamTargets: (p: { period: string }, f: Formatter) =>
      `targets.csv has no team targets for ${f.period(p.period)}: add rows with the team column filled (owner left empty) to see each team’s attainment.`,
    /** Under a filter (filters/): what the target columns can and cannot show. */
    periodWon: (p: { period: string }, f: Formatter) => `Won in period is for ${f.period(p.period)}; rows are sorted by open amount, largest first.`,
    filterNoTargets:
      'Targets are set per owner or team and period (targets.csv), not per product, lead source, customer segment, industry, region, creation period or close date, so this filtered view has no target or attainment to show and those columns stay empty. To compare with targets, show all deals or filter by owner or team.',
    ownerFilterTeams: 'The team rows hold only this owner’s deals, so they are not compared with the team’s target.',
    noTargetOfOwner: (p: { period: string }, f: Formatter) =>
      `targets.csv has no target of this owner for ${f.period(p.period)}: add a row with the owner column filled to see the owner’s attainment.`,
    noTargetOfTeam: (p: { period: string }, f: Formatter) =>
      `targets.csv has no target of this team for ${f.period(p.period)}: add a row with the team column filled (owner left empty) to see the team’s attainment.`,
    noTargetsOfMembers: (p: { period: string }, f: Formatter) =>
      `targets.csv has no target of this team’s owners for ${f.period(p.period)}: add rows with the owner column filled to see each owner’s attainment.`,
    windowColumns: (p: { from: string; to: string }, f: Formatter) =>
      `Win rate (won / closed deals) and median cycle count the deals closed in the analysis window (${f.date(p.from)} to ${f.date(p.to)}).`,
    back: 'All owners and teams',
    /** An owner's figure beside their team's and everyone's (owner.ts `compared`). */
    vsTeam: (p: { team: string; value: string }) => `${p.team}: ${p.value}`,
    vsAll: (p: { value: string }) => `all deals: ${p.value}`,
    flagsOpen: 'Warning signs on open deals',
    /** One sign with how many open deals carry it ('Past expected close 9'), the count held to it by a no-break space. */
    flagCount: (p: { flag: string; count: number }, f: Formatter) => `${p.flag}\u00a0${f.count(p.count)}`,
    noFlags: 'None',
    noFlagsChecked: 'None of the signs checked (the notes above say which are not)',
    /** Before the links to the pages filtered to the owner. */
    views: 'The same pages for this owner’s deals only:',
    /** The last of those links: the Forecast page for the owner's deals whose close date is in the report date's quarter. */
    closingView: (p: { period: string }, f: Formatter) => `Close date in ${f.period(p.period)}`,
    summary: 'Summary',
    openDeals: 'Open deals',
    noOpenDeals: 'No open deals on this date.',
    intro: (p: { count: number; amount: number }, f: Formatter) =>
      `${counted(f, p.count, 'open deal', 'open deals')} worth ${f.moneyCompact(p.amount)}, largest first.`,
  },
  /** Medians and percentiles of very few values are marked. */
  rough: {
    note: (p: { min: number }, f: Formatter) =>
      `* A median or percentile of fewer than ${withUnit(f.count(p.min), 'values')}: too few to rely on.`,
  },
  /** "What changed": the as-of date against an earlier one (the page and the --digest markdown). */
  changes: {
    title: 'What changed',
    intro: 'The deals that came in, closed, moved, slipped or stalled between two dates, and the key figures then and now.',
    period: (p: { from: string; to: string }, f: Formatter) => `From ${f.date(p.from)} to ${f.date(p.to)}.`,
    basis: {
      snapshot: 'The earlier date is the previous dated snapshot.',
      compare_to: 'The earlier date was chosen for this build (--compare-to).',
      period: (p: { days: number }, f: Formatter) => `There is no earlier snapshot, so the earlier date is ${withUnit(f.count(p.days), 'days')} back, the waterfall’s period.`,
    },
    replayed:
      'Both dates are computed from the current data, replayed as it stood on each date, so the counts are those of the waterfall for the same period. Amounts are each deal’s amount at the later date, as on the waterfall page.',
    bridge: (p: { from: string; to: string; start: number; end: number; endAmount: number }, f: Formatter) =>
      `Open pipeline: ${counted(f, p.start, 'deal', 'deals')} on ${f.date(p.from)}; ${counted(f, p.end, 'deal', 'deals')} worth ${f.moneyCompact(p.endAmount)} on ${f.date(p.to)}.`,
    keyFigures: 'Key figures, then and now',
    vsDate: (p: { date: string }, f: Formatter) => `Changes are against ${f.date(p.date)}.`,
    /** After vsDate: each date's window-based tiles count their own analysis window. */
    windowEach: (p: { days: number }, f: Formatter) =>
      `Win rates, the median sales cycle and sales velocity count, at each date, the deals closed in the ${withUnit(f.count(p.days), 'days')} up to it.`,
    byKind: 'Changes by kind',
    kind: 'Change',
    deals: 'Deals',
    amount: 'Amount',
    none: 'No deals.',
    kinds: {
      new: 'New deals',
      won: 'Won',
      lost: 'Lost',
      removed: 'Removed from the CRM',
      reopened: 'Reopened',
      advanced: 'Advanced',
      moved_back: 'Moved back',
      slipped: 'Expected close moved later',
      amount_up: 'Amount up',
      amount_down: 'Amount down',
      newly_stalled: 'Newly stalled',
      unstalled: 'No longer stalled',
    },
    explain: {
      new: 'Created during the period.',
      won: 'Open at the start or new, and won by the end.',
      lost: 'Open at the start or new, and lost by the end.',
      removed: 'Open at the start or new, and deleted from the CRM by the end.',
      reopened: 'Created before the period, not open at its start, open at its end.',
      advanced: 'Open at both dates, at a later stage of the funnel at the end.',
      moved_back: 'Open at both dates, at an earlier stage of the funnel at the end.',
      slipped: 'Open at both dates, with a later expected close date at the end than at the start.',
      amount_up: 'Open at both dates, with a higher amount at the end.',
      amount_down: 'Open at both dates, with a lower amount at the end.',
      newly_stalled: 'Open and stalled at the end, and not stalled (or not open) at the start.',
      unstalled: 'Stalled at the start, open and not stalled at the end: moved to another stage (or its stage’s stall threshold rose).',
    },
    /** After the "No longer stalled" explain: what became of every deal stalled at the earlier date (the parts add up). */
    stalledOutcome: (p: { date: string; count: number; won: number; lost: number; removed: number; unstalled: number; still: number }, f: Formatter) => {
      if (p.count === 0) return `No deal was stalled on ${f.date(p.date)}.`;
      if (p.count === 1) {
        const became = p.won ? 'was won' : p.lost ? 'was lost' : p.removed ? 'was removed from the CRM' : p.unstalled ? 'is no longer stalled' : 'is still stalled';
        return `The one deal stalled on ${f.date(p.date)} ${became}.`;
      }
      const parts = [
        [p.won, 'won'],
        [p.lost, 'lost'],
        [p.removed, 'removed from the CRM'],
        [p.unstalled, 'no longer stalled'],
        [p.still, 'still stalled'],
      ] as const;
      const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${f.count(n)} ${what}`);
      const list = said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said.at(-1)}` : said[0];
      return `Of the ${counted(f, p.count, 'deal', 'deals')} stalled on ${f.date(p.date)}: ${list}.`;
    },
    /** After a list's explain: the order of its deals (views/pages/changes.ts `byImportance`). */
    order: { amount: 'Largest amount first.', change: 'Largest change first.' },
    stageFrom: 'Stage then',
    stageTo: 'Stage now',
    stageMove: 'Stage then → now',
    amountFrom: 'Amount then',
    amountTo: 'Amount now',
    closeFrom: 'Expected close then',
    closeTo: 'Expected close now',
    notCreated: 'Not yet created',
    removed: 'Removed',
    closeUntracked: 'Expected close dates are not tracked: add field_history.csv with expected_close_at changes to see the deals whose close date moved later.',
    amountUntracked: 'Amounts are not tracked over time: add field_history.csv with amount changes to see the deals whose amount went up or down.',
    /** The same two when field_history.csv was read, without such changes. */
    closeUntrackedInFile: 'Expected close dates are not tracked: field_history.csv has no expected_close_at changes. Add them to it to see the deals whose close date moved later.',
    amountUntrackedInFile: 'Amounts are not tracked over time: field_history.csv has no amount changes. Add them to it to see the deals whose amount went up or down.',
    closeUntrackedExport: (p: { advice: string }) => `Expected close dates are not tracked: to see the deals whose close date moved later, ${p.advice}.`,
    amountUntrackedExport: (p: { advice: string }) => `Amounts are not tracked over time: to see the deals whose amount went up or down, ${p.advice}.`,
    previousSnapshot: (p: { date: string }, f: Formatter) => `The snapshot of ${f.date(p.date)}`,
    allSnapshots: 'All dated snapshots',
    more: (p: { count: number }, f: Formatter) => `and ${f.count(p.count)} more on the dashboard`,
  },
  /** The --digest markdown (a weekly review) and the --summary markdown (a CI job summary). */
  digest: {
    title: (p: { from: string; to: string }, f: Formatter) => `Pipeline changes, ${f.date(p.from)} to ${f.date(p.to)}`,
    dashboard: 'Dashboard',
    keyFigures: 'Key figures',
    figure: 'Figure',
    now: 'Now',
    then: 'Then',
    change: 'Change',
  },
  summary: {
    title: (p: { date: string }, f: Formatter) => `Pipescope build as of ${f.date(p.date)}`,
    dataQuality: 'Data quality',
    file: 'File',
    rows: 'Rows',
    accepted: 'Accepted',
    rejected: 'Rejected',
    warnings: (p: { count: number }, f: Formatter) => `${counted(f, p.count, 'warning', 'warnings')}.`,
    passed: (p: { rejected: number; rows: number }, f: Formatter) =>
      p.rejected === 0 ? `Passed: every one of ${withUnit(f.count(p.rows), 'rows')} was used.` : `Passed: ${f.count(p.rejected)} of ${withUnit(f.count(p.rows), 'rows')} rejected (see the Data quality page).`,
    failedStrict: (p: { rejected: number; rows: number }, f: Formatter) =>
      `Failed (--strict): ${f.count(p.rejected)} of ${withUnit(f.count(p.rows), 'rows')} rejected, so the dashboard was not replaced.`,
    failedShare: (p: { rejected: string; rows: string; share: string; max: string }) =>
      `Failed (--max-rejected ${p.max}): ${p.rejected} of ${withUnit(p.rows, 'rows')} rejected (${p.share}), so the dashboard was not replaced.`,
    failedStale: (p: { max: number; newest: string | null; age: number | null }, f: Formatter) =>
      p.newest === null || p.age === null
        ? `Failed (--max-data-age ${p.max}): the data records no change before the as-of date, so the dashboard was not replaced.`
        : `Failed (--max-data-age ${p.max}): the newest change in the data is from ${f.date(p.newest)}, ${withUnit(f.count(p.age), 'days')} before the as-of date, so the dashboard was not replaced. Was the export refreshed?`,
    firstIssues: 'First problems',
    snapshot: (p: { date: string }, f: Formatter) => `Dated snapshot ${f.date(p.date)} added.`,
    /** A build that stopped before the data-quality check (a file it cannot read, an --out it may not replace): what it said. */
    stoppedTitle: 'Pipescope build stopped',
    stopped: (p: { code: number | string }) => `Failed: the build stopped (exit status ${p.code}), so the dashboard was not replaced. It said:`,
  },
  /** The snapshots index. */
  snapshots: {
    title: 'Dated snapshots',
    intro: 'Each snapshot is the whole dashboard as built for its date, kept unchanged by later builds.',
    empty: 'There are no dated snapshots yet: a build with --snapshot adds one.',
    caption: 'Dated snapshots, latest first',
    date: 'Date',
    openDeals: 'Open deals',
    currency: 'Currency',
    version: 'Pipescope version',
    latest: 'latest',
    redacted: 'redacted',
    footerLink: 'Dated snapshots',
    /** Atop every page of a dated snapshot (hidden on the live site; scripts/lib/publish.ts emitTree shows it). */
    note: (p: { date: string }, f: Formatter) => `This is the dated snapshot of ${f.date(p.date)}: the dashboard as built for that date, kept unchanged.`,
    latestLink: 'Open the latest dashboard',
    allLink: 'All snapshots',
  },
  /** The 404 page (one page in both languages: the host serves it for any missing address). */
  notFound: {
    title: 'Page not found',
    message: 'There is no page at this address. The link may be mistyped, or the page may have moved.',
    home: 'Open the dashboard',
  },
};

/** Every UI string; the Korean catalogue is checked against this type. */
export type Messages = typeof en;
