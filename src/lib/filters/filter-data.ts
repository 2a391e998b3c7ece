/**
 * The filter data file (`data/filter-data.<hash>.json`): the deals and
 * their history in a compact, columnar JSON that a filtered page loads only
 * when a filter is used, rebuilt into a `Dataset` for the very same engine.
 *
 * Only what the metrics and the filtered pages need: dates, amounts, stages,
 * owners, teams, products, lead sources, reasons, and the names of the deals a filtered
 * page can list (those open at as_of, removed before it, or won in its
 * quarter; other deals'
 * names and account names are left empty, their account ids kept). Repeated text (owners, teams, products, sources,
 * accounts, reasons, competitors) is dictionary-coded; instants are whole units
 * (minutes when they allow) relative to the deal's `created_at`; amounts are
 * scaled by the largest power of ten that divides them all; stage history is
 * grouped by deal (file order within each deal: the timelines depend on
 * nothing else). Left out: what no metric or page reads (deals.csv `cost`,
 * `purchase_type`, `currency`, line numbers, accounts.csv but for each
 * account's segment, industry and region, the data-quality issues) and the keyman's
 * name (the metrics only ask whether there is one).
 * Every number round-trips exactly (tests/unit/filters/filter-data.test.ts).
 *
 * Decoding checks the shape as it goes and throws `FilterDataError` on a file
 * that is not one: the page then says so and keeps its unfiltered figures.
 *
 * This module is the format: its types, and the day numbers both sides use.
 * encode-filter-data.ts writes it (build), decode-filter-data.ts reads it
 * (the page), filter-config.ts carries the config across.
 */
import type { FileStats } from '../dataset.ts';
import type { AccountFact } from '../metrics/deal-codes.ts';
import { DAY_MS, type LocalDate } from '../time.ts';

export const FILTER_DATA_FORMAT = 'pipescope-filter-data';
export const FILTER_DATA_VERSION = 6;

/** What a filtered page needs of the full build besides the deals (filters/recompute.ts). */
export interface FilterSiteFacts {
  as_of: LocalDate;
  data_label: string;
  /** The full data's stall threshold per open stage (config order) at as_of and 30 days earlier: filtered views keep them. */
  stall_now: (number | null)[];
  stall_previous: (number | null)[];
  /** How each open stage's threshold was set, by stage id, as [id, basis]. */
  stall_basis: [string, string][];
  /** All deals' visits that ended in the analysis window, as [id, count], of each stage whose threshold is learned: what the thresholds' basis states (SiteData `stall_visits`). */
  stall_visits: [string, number][];
  /** Owner name -> slug of the owner's page. */
  owner_slugs: [string, string][];
  /** All deals' quiet owners (views/schema.ts `quiet_owners`) as [owner, last activity]: a filter's deals would make others quiet. */
  quiet_owners: [string, LocalDate][];
  /** Every account of the site: [id, name, slug of its page or '' without one]. */
  accounts: [string, string, string][];
  /** The export's dates (SiteData `inputs`): a filtered view speaks of the export's age, not of the filter's deals'. */
  oldest_record: LocalDate | null;
  newest_change: LocalDate | null;
}

export interface Dict {
  values: string[];
  codes: (number | null)[];
}

/** Numbers divided by `scale` (a power of ten that divides every value; 1 otherwise). */
export interface Scaled {
  scale: number;
  values: (number | null)[];
}

/** Instants as `(value - reference) / unit`; unit 0: the values as they are. */
export interface Relative {
  unit: number;
  values: (number | null)[];
}

export interface FilterData {
  format: typeof FILTER_DATA_FORMAT;
  version: typeof FILTER_DATA_VERSION;
  site: FilterSiteFacts;
  /** The resolved config (`Config` without its derived stage lists, rebuilt when read). */
  config: Record<string, unknown>;
  source: { format: string; limitations: string[] };
  columns: [string, string[]][];
  files: [string, FileStats][];
  file_hashes: [string, string][];
  deals: {
    count: number;
    id: string[];
    /** '' for a deal no filtered page lists. */
    name: string[];
    /** Each deal's (account id, account name) pair. */
    /**
     * The deals' accounts as (id, name) pairs, each deal's pair by code; `facts`: each pair's account's segment,
     * industry and region in accounts.csv ('' when it has none or is not there), null without accounts.csv (since
     * version 5; region since version 6).
     */
    account: { ids: string[]; names: string[]; codes: number[]; facts: Record<AccountFact, Dict> | null };
    owner: Dict;
    team: Dict;
    product: Dict;
    amount: Scaled;
    /** created_at: delta from the previous deal's. */
    created: Relative;
    /** Day number (days since 1970-01-01) minus the UTC day of created_at. */
    expected_close: (number | null)[];
    closed: Relative;
    removed: Relative;
    installed: Relative;
    stage: number[];
    lost_reason: Dict;
    win_reason: Dict;
    competitor: Dict;
    /** The lead source (the Win / loss page's table by source; since version 4). */
    source: Dict;
    /** 1 when the deal names a keyman (the name itself is not needed). */
    has_keyman: number[];
    budget_confirmed: number[];
    forecast_category: Dict;
    lifecycle_months: (number | null)[];
  };
  /** Stage history grouped by deal: rows per deal, then each row's stage and entry (relative to the deal's previous row, the first to created_at). */
  history: { rows: number[]; stage: number[]; entered: Relative };
  fields: {
    /** Delta from the previous row's deal. */
    deal: number[];
    /** 0 amount, 1 expected_close_at. */
    field: number[];
    /** 1 when the old value is the new value of the previous change of the same deal and field (file order); `old` lists the others. */
    old_chained: number[];
    /** Amounts scaled by `amount_scale`; dates as day numbers. */
    old: (number | null)[];
    new: (number | null)[];
    amount_scale: number;
    changed: Relative;
    /** Delta from the previous row's line. */
    line: number[];
  } | null;
  targets: [string, string, string, number, number][] | null;
}

export class FilterDataError extends Error {
  constructor(message: string) {
    super(`filter data: ${message}`);
    this.name = 'FilterDataError';
  }
}

export const utcDay = (t: number) => Math.floor(t / DAY_MS);


