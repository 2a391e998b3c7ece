/**
 * Build side of the filters (scripts/build.ts): the filter data file's
 * content and the filter form's choices. Pure; the build names the file
 * after a hash of its content (`data/filter-data.<hash>.json`).
 */
import type { Dataset } from '../dataset.ts';
import type { Config } from '../config.ts';
import { dealTable } from '../dataset-deal-table.ts';
import { type AccountFact, accountFactCodes } from '../metrics/deal-codes.ts';
import { UNSPECIFIED } from '../metrics/win-loss.ts';
import { stallThresholds } from '../metrics/stalled.ts';
import { byCodePoint } from '../stats.ts';
import { dateOfDay, quarterOf } from '../time.ts';
import type { SiteData } from '../views/schema.ts';
import type { FilterMeta } from '../views/filter-meta-schema.ts';
import { encodeFilterData } from './encode-filter-data.ts';
import type { FilterSiteFacts } from './filter-data.ts';
import { isPeriod, segmentName } from './filter.ts';
import { createdDates } from './matching.ts';

/**
 * The largest filter data file a build writes by default, in MB (`--max-filter-mb`): a filtered page
 * loads all of it. 100,000 deals make ~18 MB; a million, 180 MB (47 MB compressed), which took a laptop's
 * Chromium 6.5 s and a 1.2 GB heap, more than a phone should be asked for.
 */
export const MAX_FILTER_DATA_MB = 64;

/** Where the build writes the file, below the site root: `data/filter-data.<hash>.json`. */
export const filterDataPath = (hash: string) => `data/filter-data.${hash}.json`;

/** What a filtered view takes from the full build (filter-data.ts FilterSiteFacts). */
export function filterSiteFacts(site: SiteData, config: Config): FilterSiteFacts {
  return {
    as_of: site.as_of,
    data_label: site.data_label,
    stall_now: stallThresholds({ config }, site.metrics.time_in_stage),
    stall_previous: stallThresholds({ config }, site.previous.time_in_stage),
    stall_basis: site.stall_basis,
    stall_visits: site.stall_visits,
    quiet_owners: site.quiet_owners.map((q): [string, string] => [q.owner, q.last_activity]),
    owner_slugs: site.owners.rows.flatMap((r): [string, string][] => (r.slug === null ? [] : [[r.name, r.slug]])),
    accounts: site.accounts.map((a): [string, string, string] => [a.account_id, a.name, a.has_page ? a.slug : '']),
    oldest_record: site.inputs.oldest_record,
    newest_change: site.inputs.newest_change,
  };
}

/** The filter data file's text (deterministic: the same input gives the same bytes); names only of the deals a filtered page lists (open, removed, won this quarter). */
export function filterDataText(dataset: Dataset, config: Config, site: SiteData): string {
  const listed = new Set([...site.open_deals, ...site.removed_deals, ...site.won_this_quarter].map((d) => d.deal_id));
  return JSON.stringify(encodeFilterData(dataset, config, filterSiteFacts(site, config), listed));
}

const distinct = (values: Iterable<string>) => [...new Set(values)].sort(byCodePoint);

/** The quarters, then the years, of some dates, each newest first; none a filter link could not name (`isPeriod`). */
function periodsOf(dates: readonly string[]): string[] {
  const quarters = distinct(dates.map((d) => quarterOf(d))).reverse();
  const years = distinct(dates.map((d) => d.slice(0, 4))).reverse();
  return [...quarters, ...years].filter(isPeriod);
}

/**
 * The form's choices: every owner, team, product, lead source, segment, industry and region (as filtered: trimmed,
 * empty as `(unspecified)`; no source or account fact without a deal that has one), the quarters and years deals were
 * created in, and those of the deals' close dates at as_of (`closeDays`: model/close-days.ts), newest first.
 */
export function filterChoices(dataset: Dataset, config: Config, closeDays: Float64Array): Omit<FilterMeta, 'data'> {
  const { deals } = dataset;
  // The deals' accounts' facts, each named once (accountFactCodes names those of the deals' accounts only).
  const facts = (fact: AccountFact) => {
    const names = accountFactCodes(dataset, dealTable(dataset), fact)?.names ?? [];
    return names.some((name) => name !== UNSPECIFIED) ? distinct(names) : [];
  };
  const closeDates = [...new Set(closeDays)].filter((day) => day === day).map(dateOfDay);
  return {
    owners: distinct(deals.map((d) => segmentName(d.owner))),
    teams: distinct(deals.map((d) => segmentName(d.team))),
    products: distinct(deals.map((d) => segmentName(d.product))),
    sources: deals.some((d) => d.source.trim() !== '') ? distinct(deals.map((d) => segmentName(d.source))) : [],
    segments: facts('segment'),
    industries: facts('industry'),
    regions: facts('region'),
    periods: periodsOf(createdDates(dataset, config.timezone)),
    closings: periodsOf(closeDates),
  };
}
