/**
 * English UI strings. The shape of this object is the `Messages` type: the
 * Korean catalogue must have exactly the same keys (checked by tsc and by
 * tests/unit/i18n). Messages with parameters are functions `(params, f)`:
 * params carry labels (already translated) and raw numbers, `f` formats the
 * numbers, so no formatting rule lives here. Keys under `columns` are the
 * metrics.json / site-data field names.
 */
import type { Formatter } from '../format/index.ts';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en = {
  site: {
    name: 'Pipescope',
    tagline: 'Pipeline analytics for sales leaders',
    skipToContent: 'Skip to content',
    builtFrom: (p: { dataLabel: string }) => `Data: ${p.dataLabel}`,
    footerNote: 'Every figure is computed from the CRM export as it stood on the date shown.',
  },
  nav: {
    label: 'Sections',
    overview: 'Overview',
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
  },
  language: {
    label: 'Language',
    /** The link to the other language, written in that language. */
    switchTo: '한국어',
    switchHint: 'Read this page in Korean',
  },
  pages: {
    overview: { title: 'Overview', intro: 'Where the pipeline stands and how it moved over the last month.' },
    funnel: {
      title: 'Funnel',
      intro: 'How many deals created in the analysis window reach each stage, and how many move on.',
    },
    velocity: { title: 'Velocity', intro: 'How long deals spend in each stage, and from creation to close.' },
    winLoss: { title: 'Win / loss', intro: 'Why deals are won and lost, where they are lost, and against whom.' },
    stalled: {
      title: 'Stalled deals',
      intro: 'Open deals that have sat in their stage longer than usual, with the warning signs to act on.',
    },
    waterfall: { title: 'Waterfall', intro: 'What came in, what closed and what moved during the period.' },
    forecast: { title: 'Forecast', intro: 'Open pipeline by expected close month, at full and weighted value.' },
    repurchase: { title: 'Repurchase', intro: "When customers are due to buy again, from each product's lifecycle." },
    owners: { title: 'Owners and teams', intro: 'Pipeline, results and stalled deals per salesperson and team.' },
    accounts: { title: 'Accounts', intro: 'Every customer with open and won business, and the deals behind it.' },
    account: {
      facts: 'Account facts',
      deals: 'Deals',
      timeline: 'Stage history',
      back: 'All accounts',
      limited: (p: { shown: number; total: number }, f: Formatter) =>
        `The ${f.count(p.shown)} largest of ${f.count(p.total)} accounts have their own page; the CSV lists all.`,
    },
    dataQuality: {
      title: 'Data quality',
      intro: 'What was read from each file, and every row that was rejected or warned about.',
    },
  },
  common: {
    asOf: (p: { date: string }, f: Formatter) => `as of ${f.date(p.date)}`,
    comparedWith: (p: { date: string }, f: Formatter) => `Compared with ${f.date(p.date)}`,
    downloadCsv: 'Download CSV',
    showTable: 'Show data table',
    hideTable: 'Hide data table',
    chart: (p: { title: string }) => `Chart: ${p.title}`,
    howCalculated: 'How it is calculated',
    total: 'Total',
    unspecified: '(unspecified)',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    dealCount: (p: { count: number }, f: Formatter) => `${f.count(p.count)} ${plural(p.count, 'deal', 'deals')}`,
    search: 'Search',
    moreRowsInCsv: 'The CSV download has every row.',
    window: (p: { from: string; to: string }, f: Formatter) => `Analysis window: ${f.date(p.from)} to ${f.date(p.to)}.`,
    period: (p: { from: string; to: string }, f: Formatter) => `Period: ${f.date(p.from)} to ${f.date(p.to)}.`,
    moreRows: (p: { count: number }, f: Formatter) => `and ${f.count(p.count)} more`,
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
    changeVs: (p: { days: number }, f: Formatter) => `vs ${f.count(p.days)} days earlier`,
    noPrevious: 'No earlier figure to compare',
    noTarget: 'No target for this period',
    hints: {
      openPipeline: 'Amount of every deal still open',
      weightedPipeline: 'Each open deal’s amount × its stage probability',
      coverage: 'Open pipeline expected to close this period ÷ target still to win',
      winRateByCount: 'Won ÷ (won + lost), deals closed in the analysis window',
      winRateByValue: 'Won amount ÷ (won + lost amount), deals closed in the analysis window',
      medianCycle: 'Days from creation to close, won and lost deals',
      salesVelocity: 'Open deals × win rate × average won amount ÷ mean won cycle',
    },
  },
  columns: {
    stage: 'Stage',
    probability: 'Probability',
    buyer_step: 'Buyer step',
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
    mean_days: 'Mean (days)',
    median_days: 'Median (days)',
    p75_days: 'P75 (days)',
    p90_days: 'P90 (days)',
    category: 'Category',
    reason: 'Reason',
    competitor: 'Competitor',
    deal: 'Deal',
    deal_id: 'Deal ID',
    deal_name: 'Deal name',
    stage_at_removal: 'Stage when removed',
    removed_at: 'Removed on',
    basis: 'How it is set',
    days_in_stage: 'Days in stage',
    threshold_days: 'Threshold (days)',
    flags: 'Flags',
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
    status: 'Status',
    bucket: 'Expected close',
    month: 'Month',
    period: 'Period',
    target_amount: 'Target',
    won_amount: 'Won amount',
    lost_amount: 'Lost amount',
    remaining: 'Remaining target',
    ratio: 'Coverage',
    per_day: 'Per day',
    avg_won_amount: 'Average won amount',
    mean_won_cycle_days: 'Mean won cycle (days)',
    pushes_in_window: 'Pushes in window',
    open_deals_pushed: 'Open deals pushed',
    share_pushed: 'Share of open deals pushed',
    owner: 'Owner',
    team: 'Team',
    open_count: 'Open deals',
    open_amount: 'Open amount',
    won_count: 'Won deals',
    lost_count: 'Lost deals',
    median_cycle_days: 'Median cycle (days)',
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
  },
  sections: {
    keyFigures: 'Key figures',
    pipelineByStage: 'Open pipeline by stage',
    conversion: 'Stage-to-stage conversion',
    timeInStage: 'Time in stage',
    cycleLength: 'Sales cycle length',
    velocityInputs: 'What drives sales velocity',
    coverage: 'Coverage vs target',
    lossReasons: 'Loss reasons',
    winReasons: 'Win reasons',
    lostAtStage: 'Stage where deals were lost',
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
    byOwner: 'By owner',
    byTeam: 'By team',
    files: 'Files read',
    issues: 'Issues',
    removedDeals: 'Deals removed from the CRM',
    stallThresholds: 'Stall threshold per stage',
    dataSource: 'Data source',
    limits: 'What this data cannot show',
  },
  flags: {
    past_expected_close: 'Past expected close',
    pushed: 'Close date pushed repeatedly',
    no_keyman: 'No keyman identified',
    budget_unconfirmed: 'Budget not confirmed',
  },
  pushedTimes: (p: { count: number }, f: Formatter) =>
    `Close date pushed ${f.count(p.count)} ${plural(p.count, 'time', 'times')}`,
  repurchaseStatus: {
    covered: 'Follow-up deal exists',
    overdue: 'Overdue',
    upcoming: 'Due within 12 months',
    later: 'Later',
  },
  forecastBucket: {
    overdue: 'Past expected close',
    later: 'Later',
    unscheduled: 'No close date',
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
  cycleGroup: { won: 'Won deals', lost: 'Lost deals', all: 'All closed deals' },
  dealState: { open: 'Open', won: 'Won', lost: 'Lost' },
  relationship: { friendly: 'Friendly', neutral: 'Neutral', hostile: 'Hostile' },
  severity: { error: 'Error', warning: 'Warning' },
  empty: {
    noData: 'No data to show yet.',
    noOpenDeals: 'No open deals on this date.',
    noStalled: 'No stalled deals: every open deal is within its stage threshold.',
    noClosed: 'No deals closed in the analysis window.',
    noLossReasons: 'No deals were lost in the analysis window.',
    noWinReasons: 'No deals were won in the analysis window.',
    noCompetitors: 'No closed deal names a competitor.',
    noRepurchase: 'No won deal has a product lifecycle; set lifecycle_months per product in pipeline.config.json.',
    noTargets: 'No company-wide target in targets.csv covers this month or quarter or the next; add one to see coverage.',
    noRemoved: 'No deal was removed from the CRM before this date.',
    noSlippage: 'Add field_history.csv to track close-date pushes.',
    noVelocity: 'Not enough closed deals to compute sales velocity yet.',
    noIssues: 'No data-quality issues: every row was read.',
    noAccounts: 'No accounts yet.',
  },
  /** Stages that are open but outside the funnel's sequence (config `parked`). */
  stageGroup: {
    parked: 'Parked (outside the sequence)',
    parkedTag: 'outside the sequence',
  },
  /** How each open stage's stall threshold was set (site manifest `stall_basis`). */
  stallBasis: {
    configured: 'Set in pipeline.config.json (stall_days)',
    p90: (p: { count: number }, f: Formatter) => `P90 of the ${f.count(p.count)} ${plural(p.count, 'visit', 'visits')} that ended in the analysis window`,
    default: (p: { count: number; visits: number; days: number }, f: Formatter) =>
      `${f.count(p.days)}-day default: only ${f.count(p.count)} ${plural(p.count, 'visit', 'visits')} ended in the analysis window (${f.count(p.visits)} needed to learn it)`,
    never: 'Parked stage: never counted as stalled (name it in stall_days to set a threshold)',
  },
  /** What a page says instead of a misleading figure when the data lacks something. */
  absence: {
    closeDatesUntracked:
      'Close-date changes are not tracked: add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see slippage and pushed deals.',
    noExpectedClose: (p: { count: number }, f: Formatter) =>
      `${p.count === 1 ? 'The one open deal has no' : `None of the ${f.count(p.count)} open deals has an`} expected close date, so the forecast cannot say when the pipeline will close: record a close date on each deal in the CRM and export it as expected_close_at in deals.csv.`,
    coverageNeedsCloseDates: 'Coverage counts open deals by their expected close date, so without close dates it finds no pipeline for the target.',
    noTargets: 'Coverage needs targets: add targets.csv with company-wide targets (owner and team left empty) per month or quarter.',
    lossReasonsUnrecorded: (p: { count: number }, f: Formatter) =>
      `No loss reason is recorded for the ${f.count(p.count)} ${plural(p.count, 'deal', 'deals')} lost in the analysis window: ask reps to fill in Loss Reason when they mark a deal lost, or map the CRM’s loss-reason field to lost_reason in deals.csv.`,
    winReasonsUnrecorded: (p: { count: number }, f: Formatter) =>
      `No win reason is recorded for the ${f.count(p.count)} ${plural(p.count, 'deal', 'deals')} won in the analysis window: ask reps to fill in Win Reason when they mark a deal won, or map the CRM’s win-reason field to win_reason in deals.csv.`,
    noLifecycle:
      'No won deal has a product lifecycle, so no repurchase date can be predicted: set products.<name>.lifecycle_months in pipeline.config.json, or give deals.csv a lifecycle_months column.',
    noWonDeals: 'No deal has been won yet, so no customer is due to buy again.',
    stallDefault: (p: { stages: string; count: number; visits: number; days: number }, f: Formatter) =>
      p.count === 1
        ? `The stall threshold of ${p.stages} is the ${f.count(p.days)}-day default, because fewer than ${f.count(p.visits)} visits of that stage ended in the analysis window.`
        : `The stall thresholds of ${p.stages} are the ${f.count(p.days)}-day default, because fewer than ${f.count(p.visits)} visits of each of those stages ended in the analysis window.`,
    historyUnavailable: (p: { advice: string }) =>
      `Not available: this export has only each deal’s current stage, not its stage history. To see it, ${p.advice}.`,
    trendsUnavailable: (p: { advice: string; days: number }, f: Formatter) =>
      `Changes against ${f.count(p.days)} days earlier are not shown: this export has only each deal’s current stage, so the pipeline of an earlier date cannot be rebuilt. To see them, ${p.advice}.`,
    stageMovesUnavailable: (p: { advice: string }) =>
      `Stage moves of the deals open at the start are not available: this export has only each deal’s current stage. To see them, ${p.advice}.`,
    snapshots:
      'Stage history was rebuilt by comparing dated exports: each move is dated by the first export that shows it, so times in stage are only as precise as the interval between exports.',
    /** What to export for stage history, by source format (`other` for the rest). */
    historyAdvice: {
      'salesforce-report': 'add the Opportunity History report to the data folder',
      hubspot: 'add the “Date entered <stage>” columns to the HubSpot export',
      pipedrive: 'add stage_history.csv with every stage change and its date (Pipedrive’s deals export has only the current stage)',
      other: 'add stage_history.csv with every stage change and its date',
    },
  },
  /** Takeaways from fewer than MIN_SAMPLE deals: say so instead of concluding. */
  small: {
    funnel: (p: { count: number }, f: Formatter) =>
      `Only ${f.count(p.count)} ${plural(p.count, 'deal was', 'deals were')} created in the analysis window — too few to conclude where deals drop off.`,
    funnelStage: (p: { count: number; stage: string }, f: Formatter) =>
      `Only ${f.count(p.count)} ${plural(p.count, 'deal', 'deals')} reached ${p.stage} — too few to conclude where deals drop off.`,
    lossReasons: (p: { count: number }, f: Formatter) =>
      `Based on only ${f.count(p.count)} lost ${plural(p.count, 'deal', 'deals')} — too few to conclude what causes losses.`,
    winReasons: (p: { count: number }, f: Formatter) =>
      `Based on only ${f.count(p.count)} won ${plural(p.count, 'deal', 'deals')} — too few to conclude why deals are won.`,
    lostAtStage: (p: { count: number }, f: Formatter) =>
      `Based on only ${f.count(p.count)} lost ${plural(p.count, 'deal', 'deals')} — too few to conclude at which stage deals are lost.`,
    competitors: (p: { count: number }, f: Formatter) =>
      `Based on only ${f.count(p.count)} closed ${plural(p.count, 'deal', 'deals')} naming a competitor — too few to conclude.`,
    cycleLength: (p: { count: number }, f: Formatter) =>
      `Based on only ${f.count(p.count)} closed ${plural(p.count, 'deal', 'deals')} — too few to conclude how long the sales cycle is.`,
    timeInStage: (p: { count: number; stage: string }, f: Formatter) =>
      `Only ${f.count(p.count)} ${plural(p.count, 'visit', 'visits')} of ${p.stage} ended in the analysis window — too few to conclude where deals sit longest.`,
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
    removedExplained:
      'Removed deals were deleted from the CRM, or were missing from a later export. They leave the pipeline without being won or lost; the waterfall counts them as removed.',
  },
};

/** Every UI string; the Korean catalogue is checked against this type. */
export type Messages = typeof en;
