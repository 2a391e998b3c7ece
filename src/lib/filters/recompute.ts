/**
 * A filtered view's site manifest: the same `buildSiteData` as the build,
 * run on the filtered deals (subset.ts), so every page model renders it
 * unchanged. What a filter does not change comes from the full build
 * (filter-data.ts `FilterSiteFacts`):
 *
 * - stall thresholds: the full data's, at as_of and 30 days earlier (a deal is
 *   stalled or not whoever looks at it; a subset's own p90 would move them),
 *   how each was set and how many visits of all deals it was learned from;
 * - links: each owner's and account's page, as the full build named them;
 * - the export's dates (when its data begins, its newest change before
 *   as_of), as the stale-data note speaks of the export, not of the filter
 *   (a quiet owner's view of a fresh export is not stale);
 * - no 12-month trend (the tiles' sparklines show all deals; the Trends page
 *   is not filtered) and no account pages; the run 30 days earlier only for
 *   the overview's changes; no "What changed" (that page is not filtered).
 *
 * Fast, with the same figures (docs/performance.md, "Filters in the URL"):
 * the subset's prepared data and its snapshots at as_of and 30 days earlier
 * are taken from those of all deals, made once (subset.ts `filterPrepared`,
 * engine.ts `filteredContextAt`), and each metric is computed only when the
 * page reads it (engine.ts `lazyComputeAt`).
 *
 * Pure: runs in the browser (filters/client.ts) and in Node (tests, bench).
 */
import type { Config } from '../config.ts';
import { snapshotAt } from '../metrics/context.ts';
import { closeDaysOf } from '../model/close-days.ts';
import { addDays, cutoffOf } from '../time.ts';
import { buildSiteData, COMPARE_DAYS } from '../views/site-data.ts';
import type { FilterFacts } from '../views/pages/context.ts';
import type { SiteData, StallBasis } from '../views/schema.ts';
import type { AccountView } from '../views/deal-schemas.ts';
import type { DecodedFilterData } from './decode-filter-data.ts';
import { lazyComputeAt } from './engine.ts';
import { type Filter, targetsFollow } from './filter.ts';
import { filterPrepared, prepareFilterIndex, preparedFull } from './subset.ts';

export interface FilteredSite {
  site: SiteData;
  /** Deals that match the filter, of all deals. */
  matched: number;
  total: number;
  /** Whether all deals' data tracks close-date changes (page notes: a filter without pushes is not a missing field_history.csv). */
  closeDatesTracked: boolean;
  /** What the page models need to speak of the filter (views/pages/context.ts `pageContext`). */
  facts: FilterFacts;
}

/** The config with every open stage's threshold fixed (`stall_days`) to the given ones (null: never stalls, left out). */
export function pinStallDays(config: Config, thresholds: readonly (number | null)[]): Config {
  const stallDays = Object.create(null) as Record<string, number>;
  config.openStages.forEach((s, i) => {
    const t = thresholds[i];
    if (t !== null && t !== undefined) stallDays[s.id] = t;
  });
  return { ...config, stall_days: stallDays };
}

function accountStub([id, name, slug]: readonly [string, string, string]): AccountView {
  return {
    account_id: id,
    slug,
    name,
    industry: '',
    segment: '',
    region: '',
    keyman: '',
    relationship: '',
    budget_cycle_month: null,
    installed_competitor: '',
    notes: '',
    open_count: 0,
    open_amount: 0,
    won_count: 0,
    won_amount: 0,
    has_page: slug !== '',
    deals: [],
  };
}

/**
 * What every filter of the data shares, made once ahead (client.ts, as the
 * file is loaded): the index of the deals by owner, team and product, the
 * engine's prepared data of all deals, and all deals' state at as_of and 30
 * days earlier, from which each filter takes its deals' part.
 */
export function prepareFilters(data: DecodedFilterData): void {
  const { dataset, config, site } = data;
  const full = prepareFilterIndex(dataset, config);
  for (const date of [site.as_of, addDays(site.as_of, -COMPARE_DAYS)]) snapshotAt(full, cutoffOf(date, config.timezone));
}

/** `compare`: also run the engine 30 days earlier (the overview's changes); other pages do without. */
export function filteredSiteData(data: DecodedFilterData, filter: Filter, { compare = true }: { compare?: boolean } = {}): FilteredSite {
  const { dataset, config, site: facts } = data;
  const pinned = pinStallDays(config, facts.stall_now);
  const full = preparedFull(dataset, config);
  // A closing filter reads every deal's close date at as_of, from the snapshot prepareFilters took.
  const closeDays = filter.closing === null ? null : closeDaysOf(snapshotAt(full, cutoffOf(facts.as_of, config.timezone)), config.timezone);
  const prepared = filterPrepared(full, filter, config.timezone, pinned, closeDays);
  const subset = prepared.dataset;
  const site = buildSiteData(subset, pinned, facts.as_of, {
    dataLabel: facts.data_label,
    trends: false,
    accounts: false,
    previousConfig: pinStallDays(config, facts.stall_previous),
    compare,
    changes: false,
    prepared,
    engine: lazyComputeAt,
    exportDates: { oldestRecord: facts.oldest_record, newestChange: facts.newest_change },
    quietOwners: facts.quiet_owners.map(([owner, last_activity]) => ({ owner, last_activity })),
  });
  const basis = new Map(facts.stall_basis);
  const slugs = new Map(facts.owner_slugs);
  const accounts = facts.accounts.map(accountStub);
  const closeDatesTracked = full.pushes !== null;
  return {
    matched: subset.deals.length,
    total: dataset.deals.length,
    closeDatesTracked,
    facts: { matched: subset.deals.length, closeDatesTracked, targets: targetsFollow(filter), filter },
    // The manifest's own properties as they are (descriptors, not values): its getters (repurchase_owners) stay lazy.
    site: Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(site)) as SiteData, {
      stall_basis: site.stall_basis.map(([id, own]): [string, StallBasis] => [id, (basis.get(id) ?? own) as StallBasis]),
      // The visits the company's thresholds were learned from (the filter's own would read "P90 of the 0 visits").
      stall_visits: facts.stall_visits,
      owners: { ...site.owners, rows: site.owners.rows.map((r) => ({ ...r, slug: slugs.get(r.name) ?? null })) },
      accounts,
      accounts_with_pages: accounts.filter((a) => a.has_page).length,
    }),
  };
}
