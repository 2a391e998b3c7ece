/**
 * Filters in the URL: `?owner=<name>&team=<name>&product=<name>&source=<name>&segment=<name>&industry=<name>&region=<name>&period=<period>&closing=<period>`.
 * A filter is a subset of the deals (subset.ts); every figure is then the
 * engine's, computed as of the report's date over those deals only.
 *
 * - `owner`, `team`, `product`, `source` (the lead source): a name as
 *   written (trimmed), compared exactly; `(unspecified)` selects the deals
 *   without one.
 * - `segment`, `industry`, `region`: the same, of the deal's account in accounts.csv
 *   (`(unspecified)`: an account without one, or not in accounts.csv).
 * - `period`: the deals *created* in it (a cohort), as the local date of
 *   created(d) in the config's time zone (metrics.md: the earlier of
 *   `created_at` and the first stage entry). `YYYY`, `YYYY-Qn` or `YYYY-MM`.
 * - `closing`: the deals whose close date at the report's as_of is in a
 *   period of the same form: won or lost in it by then, or open then and
 *   expected to close in it (model/close-days.ts): a forecast review's
 *   "what closes this quarter".
 *
 * Keys combine with AND; a key given twice uses its first value; an empty
 * value is no filter. Names are never object keys here (Map / fields only).
 */
import { UNSPECIFIED } from '../metrics/win-loss.ts';
import { addMonths, type LocalDate, startOfLocalDate } from '../time.ts';

export const FILTER_KEYS = ['owner', 'team', 'product', 'source', 'segment', 'industry', 'region', 'period', 'closing'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filter {
  owner: string | null;
  team: string | null;
  product: string | null;
  source: string | null;
  segment: string | null;
  industry: string | null;
  region: string | null;
  period: string | null;
  closing: string | null;
}

export const NO_FILTER: Filter = Object.freeze({ owner: null, team: null, product: null, source: null, segment: null, industry: null, region: null, period: null, closing: null });

/**
 * Whose targets a filtered view compares with (subset.ts `filterTargets`): none
 * under a product, source, segment, industry, region, period or closing filter
 * (targets are set per owner or team and period, not per product, channel,
 * kind of customer, territory, cohort or close date: a target for the
 * quarter counts every deal won in it, not those some filter keeps), else the owner's,
 * else the team's; all of them without a filter.
 */
export type TargetsFollow = 'all' | 'owner' | 'team' | 'none';

export function targetsFollow(filter: Filter): TargetsFollow {
  if (filter.product !== null || filter.source !== null || filter.segment !== null || filter.industry !== null || filter.region !== null || filter.period !== null || filter.closing !== null) return 'none';
  return filter.owner !== null ? 'owner' : filter.team !== null ? 'team' : 'all';
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** The name a deal's owner, team, product, source, or its account's segment, industry or region is filtered by: trimmed, empty as `(unspecified)`. */
export function segmentName(raw: string): string {
  return raw.trim() || UNSPECIFIED;
}

/** Whether `period` is `YYYY`, `YYYY-Qn` or `YYYY-MM` (years 1001 to 9998, as --as-of). */
export function isPeriod(period: string): boolean {
  const m = PERIOD.exec(period);
  return m !== null && Number(m[1]) >= 1001 && Number(m[1]) <= 9998;
}

/** Whether a filter key takes a period (`YYYY`, `YYYY-Qn`, `YYYY-MM`) rather than a name. */
export const isPeriodKey = (key: FilterKey): key is 'period' | 'closing' => key === 'period' || key === 'closing';

/** The local dates of a period: `from <= date < to`. */
export function periodDates(period: string): { from: LocalDate; to: LocalDate } {
  const m = PERIOD.exec(period);
  if (!m || !isPeriod(period)) throw new Error(`not a period: ${period}`);
  const year = m[1]!;
  if (m[2]) {
    const from = `${year}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { from, to: addMonths(from, 3) };
  }
  if (m[3]) {
    const from = `${year}-${m[3]}-01`;
    return { from, to: addMonths(from, 1) };
  }
  return { from: `${year}-01-01`, to: addMonths(`${year}-01-01`, 12) };
}

/** The instants of a period in a time zone: `start <= t < end`. */
export function periodInstants(period: string, timeZone: string): { start: number; end: number } {
  const { from, to } = periodDates(period);
  return { start: startOfLocalDate(from, timeZone), end: startOfLocalDate(to, timeZone) };
}

export interface ParsedFilter {
  filter: Filter;
  /** Keys whose value was ignored (a period or close period that is not one). */
  invalid: FilterKey[];
}

/** The filter of a query string (`?owner=Kim&period=2026-Q2`, with or without `?`). Other keys are ignored. */
export function parseFilter(search: string): ParsedFilter {
  const params = new URLSearchParams(search);
  const filter: Filter = { ...NO_FILTER };
  const invalid: FilterKey[] = [];
  for (const key of FILTER_KEYS) {
    const raw = params.get(key);
    // Whole, however long: names are matched whole, and the build links any name in full (one cut short could be
    // another name, which is its start).
    const value = raw === null ? '' : raw.trim();
    if (value === '') continue;
    if (isPeriodKey(key) && !isPeriod(value)) {
      invalid.push(key);
      continue;
    }
    filter[key] = value;
  }
  return { filter, invalid };
}

/** Whether a query string names any filter key (even an invalid one): the page then needs its script. */
export function hasFilterParams(search: string): boolean {
  const params = new URLSearchParams(search);
  return FILTER_KEYS.some((k) => (params.get(k) ?? '').trim() !== '');
}

export function isFiltered(filter: Filter): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== null);
}

/** The query string of a filter, keys in FILTER_KEYS order ('' when none): a link that opens the same view. */
export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== null) params.append(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
