/**
 * Extract: (dataset, config, asOf) -> the site manifest. Runs the engine at
 * as_of, at as_of - 30 days (for the tiles' changes) and at the 11 month ends
 * before as_of's month (the 12-month trends), and lays out deal and account
 * views. Pure: no clock, no files.
 */
import { type ExportDates, exportDatesOf } from '../model/freshness.ts';
import type { Config } from '../config.ts';
import { closeDaysOf } from '../model/close-days.ts';
import { type Dataset, NO_RECORD_IDS } from '../dataset.ts';
import { once } from '../lazy.ts';
import { computeAt, type MetricsResult, type Prepared, prepare } from '../metrics/index.ts';
import { funnelOutcomes, wonTimeInStage } from '../metrics/conversion.ts';
import { lossReasonsByStage, qualificationOutcomes } from '../metrics/win-loss.ts';
import { closedByQuarter } from '../metrics/quarters-closed.ts';
import { groupedOutcomes } from '../metrics/grouped-outcomes.ts';
import { type QuietOwner, quietOwners } from '../metrics/quiet-owners.ts';
import { segmentTargets } from '../metrics/targets.ts';
import type { Metrics } from '../metrics/types.ts';
import { figuresOf } from '../metrics/schema.ts';
import { firstPushedFrom } from '../model/pushes.ts';
import { amountKnownAt, OPEN } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, daysBetween, type LocalDate } from '../time.ts';
import { accountDeals, accountIndex } from './accounts.ts';
import { type AccountSlice, repurchaseByAccount } from './account-pages.ts';
import { repurchaseDealFacts } from './repurchase-facts.ts';
import { trendPoints } from './trends.ts';
import { wonThisQuarter } from './won-deals.ts';
import { issueKinds, withListedIssues } from './issue-kinds.ts';
import { coverageWithBestCase } from '../metrics/coverage.ts';
import type { SiteData } from './schema.ts';
import type { OpenDealRow } from './deal-schemas.ts';
import { uiLocale } from '../i18n/locales.ts';
import { type CompareBasis, changesView } from './changes.ts';
import { type SnapshotEntry, snapshotFigures } from './snapshots.ts';
import { ownerTeams, withoutSlugs, withSlugs } from './owner-segments.ts';
import { removedDeals } from './removed-deals.ts';
import { siteInputs } from './site-inputs.ts';
import { stallBasis, stallVisits } from './stall-basis.ts';

/** Tiles compare with the pipeline this many days earlier. */
export const COMPARE_DAYS = 30;

export interface SiteDataOptions {
  /** Shown in the page footer: which data folder this was built from. */
  dataLabel: string;
  /** At most this many account pages (largest accounts first); the index still lists all. */
  maxAccountPages?: number;
  /** false: no 12-month trend (11 fewer engine runs) and no account views (a filtered view, filters/recompute.ts). */
  trends?: boolean;
  accounts?: boolean;
  /** The config of the run 30 days earlier (default `config`): a filtered view pins each date's stall thresholds. */
  previousConfig?: Config;
  /** false: no earlier run (`previous` is `metrics`, "What changed" is empty), for a filtered page that shows neither. */
  compare?: boolean;
  /** false: no "What changed" (empty, as with `compare: false`) while still running the engine 30 days earlier for the tiles' changes. */
  changes?: boolean;
  /** The engine's as-of-independent part of `dataset` and `config`, when the caller has it (default: `prepare(dataset, config)`). */
  prepared?: Prepared;
  /** Runs the engine at one date (default `computeAt`; a filtered page passes filters/engine.ts `lazyComputeAt`, which gives the same figures). */
  engine?: (prepared: Prepared, asOf: LocalDate) => MetricsResult;
  /** The date the "What changed" page compares with, and why (default: as_of − waterfall_days, 'period'). */
  compareTo?: { date: LocalDate; basis: CompareBasis };
  /**
   * When the export begins and the newest change it records before as_of (default: `dataset`'s own). A filtered
   * view gives all deals' (filters/recompute.ts): a quiet owner's deals do not make a fresh export look stale.
   */
  exportDates?: ExportDates;
  /** The owners gone quiet (default: `dataset`'s own). A filtered view gives all deals' (an owner quiet on one product is not). */
  quietOwners?: QuietOwner[];
  /** Earlier dated snapshots, for the snapshots index (from their manifests). */
  snapshots?: SnapshotEntry[];
  /** This build is a dated snapshot too: its index entry. */
  currentSnapshot?: { pipescope_version: string; redacted?: boolean };
}

/** The earliest date "What changed" compares with (a 4-digit year, as every date the engine writes). */
const EARLIEST_COMPARE = '1000-01-01';

/** The manifest in one object, each account page's deals in its account (tests, the filters' recompute). */
export function buildSiteData(dataset: Dataset, config: Config, asOf: LocalDate, options: SiteDataOptions): SiteData {
  const { site, accountSlices } = extractSite(dataset, config, asOf, options);
  const byId = new Map(site.accounts.map((a, i) => [a.account_id, i]));
  for (const slice of accountSlices()) site.accounts[byId.get(slice.account.account_id)!] = slice.account;
  return site;
}

export interface ExtractedSite {
  /** The manifest, with every account's `deals` empty: an account page's deals are in its slice. */
  site: SiteData;
  /** metrics.json's content: `site.metrics` lists only the first issues of each kind (issue-kinds.ts). */
  metrics: Metrics;
  /** Each account page's slice (account-pages.ts), computed as it is asked for, so that they need not all be held at once. */
  accountSlices(): Generator<AccountSlice>;
  /** Each deal's close date at as_of (model/close-days.ts): the filter form's close periods. */
  closeDays(): Float64Array;
}

/** The manifest and, apart, the account pages' slices: what the build writes for the pages. */
export function extractSite(dataset: Dataset, config: Config, asOf: LocalDate, options: SiteDataOptions): ExtractedSite {
  const run = options.engine ?? computeAt;
  const prepared = options.prepared ?? prepare(dataset, config);
  const now = run(prepared, asOf);
  const previousAsOf = addDays(asOf, -COMPARE_DAYS);
  const previousRun = options.compare === false ? now : run(options.previousConfig ? { ...prepared, config: options.previousConfig } : prepared, previousAsOf);
  const previous = figuresOf(previousRun.metrics);
  const periodStart = addDays(asOf, -config.waterfall_days);
  const compare = options.compareTo ?? { date: periodStart < EARLIEST_COMPARE ? EARLIEST_COMPARE : periodStart, basis: 'period' as const };
  const changes = options.compare !== false && options.changes !== false;
  const compareRun = !changes ? now : compare.date === previousAsOf ? previousRun : run(options.previousConfig ? { ...prepared, config: options.previousConfig } : prepared, compare.date);
  const exportDates = options.exportDates ?? exportDatesOf(dataset, now.context.T, config.timezone);
  const oldestRecord = exportDates.oldestRecord;
  // Without stage history an earlier date cannot be rebuilt: no trend.
  const trends = options.trends === false || dataset.source.limitations.includes('current_visit_only')
    ? []
    : trendPoints(
        prepared,
        asOf,
        new Map([[asOf, now.metrics], ...(options.previousConfig || options.compare === false ? [] : [[previousAsOf, previous] as const])]),
        oldestRecord,
      );
  const ctx = now.context;
  const { at } = ctx;

  const stalledIds = new Set(now.metrics.stalled.map((s) => s.deal_id));
  const openDeals: OpenDealRow[] = [];
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== OPEN) continue;
    const deal = dataset.deals[d]!;
    const stage = config.stages[at.stage[d]!]!;
    const flags = now.flags[d]!;
    openDeals.push({
      deal_id: deal.id,
      name: deal.name,
      account_id: deal.accountId,
      account_name: deal.accountName,
      owner: deal.owner,
      team: deal.team,
      product: deal.product,
      stage: stage.id,
      amount: at.amount[d]!,
      weighted_amount: at.amount[d]! * stage.probability,
      ...(amountKnownAt(ctx, d, ctx.T) ? {} : { amount_missing: true as const }),
      expected_close: at.expectedClose[d] ?? null,
      days_in_stage: daysBetween(at.visitStart[d]!, ctx.T),
      threshold_days: now.thresholds[stage.openIndex]!,
      stalled: stalledIds.has(deal.id),
      flags: flags.flags,
      pushes: flags.pushes,
      pushed_from: flags.pushes > 0 ? firstPushedFrom(ctx.replay, d, ctx.T) : null,
      forecast_category: deal.forecastCategory,
    });
  }
  openDeals.sort((a, b) => b.amount - a.amount || byCodePoint(a.deal_id, b.deal_id));

  const index = options.accounts === false ? { accounts: [], deals: new Map<string, readonly number[]>() } : accountIndex(ctx, options.maxAccountPages ?? Infinity);
  const accounts = index.accounts;
  const repurchaseDeals = once(() => repurchaseDealFacts(ctx, now.metrics.repurchase));
  const site: SiteData = {
    schema_version: 1,
    as_of: asOf,
    previous_as_of: previousAsOf,
    currency: config.currency,
    timezone: config.timezone,
    // input.md: the dashboard opens in `locale` when it is en or ko, else in English.
    default_locale: uiLocale(config.locale),
    waterfall_days: config.waterfall_days,
    data_label: options.dataLabel,
    stages: config.stages.map((s) => ({
      id: s.id,
      kind: s.kind,
      probability: s.probability,
      label: s.label,
      buyer_step: s.buyer_step,
      parked: s.parked,
    })),
    labels: Object.fromEntries(Object.entries(config.labels).map(([code, text]) => [code, { ...text }])),
    deal_url: dealUrl(dataset, config),
    metrics: withListedIssues(now.metrics),
    issue_kinds: issueKinds(now.metrics.data_quality.issues),
    coverage_best_case: coverageWithBestCase(ctx).map((r) => ({ period: r.period, best_case_amount: r.best_case_amount })),
    previous,
    trends,
    stall_thresholds: config.openStages.map((s, i): [string, number | null] => [s.id, now.thresholds[i]!]),
    stall_basis: stallBasis(config, now.metrics),
    stall_visits: stallVisits(config, now.metrics),
    source: { format: dataset.source.format, limitations: [...dataset.source.limitations] },
    inputs: siteInputs(ctx, exportDates),
    funnel_outcomes: funnelOutcomes(ctx),
    won_time_in_stage: wonTimeInStage(ctx),
    loss_reasons_by_stage: lossReasonsByStage(ctx),
    closed_by_quarter: closedByQuarter(ctx),
    qualification_outcomes: qualificationOutcomes(ctx),
    grouped_outcomes: groupedOutcomes(ctx),
    quiet_owners: options.quietOwners ?? quietOwners(ctx),
    // Getters: a filtered page without the repurchase table computes no repurchase (filters/engine.ts reads metrics lazily).
    get repurchase_owners() {
      return repurchaseDeals().owners;
    },
    get repurchase_amount_unknown() {
      return repurchaseDeals().amountUnknown;
    },
    get repurchase_follow_ups() {
      return repurchaseDeals().followUps;
    },
    get repurchase_lead_times() {
      return repurchaseDeals().leadTimes;
    },
    owners: withSlugs(segmentTargets(ctx, 'owner'), ownerTeams(ctx)),
    teams: withoutSlugs(segmentTargets(ctx, 'team')),
    removed_deals: removedDeals(ctx),
    won_this_quarter: wonThisQuarter(ctx),
    open_deals: openDeals,
    accounts,
    accounts_with_pages: accounts.filter((a) => a.has_page).length,
    changes: changes ? changesView(compareRun, now, compare.basis) : unchanged(now.metrics, compare.basis),
    snapshots: [
      ...(options.snapshots ?? []).filter((s) => !options.currentSnapshot || s.as_of !== asOf),
      ...(options.currentSnapshot
        ? [{ as_of: asOf, pipescope_version: options.currentSnapshot.pipescope_version, currency: config.currency, figures: snapshotFigures(now.metrics), redacted: options.currentSnapshot.redacted === true }]
        : []),
    ].sort((a, b) => byCodePoint(b.as_of, a.as_of)),
  };
  function* accountSlices(): Generator<AccountSlice> {
    // Read when there is an account page (a filtered view has none, and its engine computes a metric only when read).
    let repurchase: ReturnType<typeof repurchaseByAccount> | undefined;
    for (const account of accounts) {
      if (!account.has_page) continue;
      // An account of accounts.csv without deals has its page too (what the file says of it), so its slice.
      const deals = index.deals.get(account.account_id) ?? [];
      repurchase ??= repurchaseByAccount(now.metrics.repurchase);
      yield { account: { ...account, deals: accountDeals(ctx, deals) }, repurchase: repurchase.get(account.account_id) ?? [] };
    }
  }
  return { site, metrics: now.metrics, accountSlices, closeDays: () => closeDaysOf(ctx.at, config.timezone) };
}

/**
 * Where deal names link (config `deal_url`), or null: none set (a redacted build's config has none: redact.ts
 * `redactConfig`, its ids being pseudonyms); or an export without the CRM's record ids (a Salesforce report without the
 * Opportunity ID column, whose deals are known by name and created date), which the Data quality page says.
 */
function dealUrl(dataset: Dataset, config: Config): string | null {
  if (config.deal_url === null || dataset.source.limitations.includes(NO_RECORD_IDS)) return null;
  return config.deal_url;
}

/** "What changed" of a manifest built without it (`compare: false` or `changes: false`): nothing, from as_of to as_of. */
function unchanged(metrics: Metrics, basis: CompareBasis): SiteData['changes'] {
  const none = { count: 0, amount: 0 };
  return { from: metrics.as_of, to: metrics.as_of, basis, tracked: { expected_close: false, amount: false }, start: none, end: none, groups: [], deals: [], stalled_then: { count: 0, won: 0, lost: 0, removed: 0, unstalled: 0, still: 0 }, from_metrics: figuresOf(metrics) };
}
