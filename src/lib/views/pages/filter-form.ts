/**
 * The filter form of a filterable page (components/FilterBar.astro renders
 * it): which fields are lists and which are text fields, and the options
 * with their words, from the site data's filter meta.
 */
import { type Formatter, SEPARATOR } from '../../format/index.ts';
import { type Messages, nameLabel } from '../../i18n/index.ts';
import { FILTER_KEYS, type Filter, type FilterKey, isPeriodKey } from '../../filters/filter.ts';
import type { FilterMeta } from '../filter-meta-schema.ts';
import { filteredTargetsNote } from './forecast-absence.ts';
import type { PageContext } from './context.ts';

/** The keys whose values are codes a config can give words (`labels`), as the Win / loss page's tables show them. */
const CODED_KEYS: ReadonlySet<FilterKey> = new Set(['source', 'segment', 'industry', 'region']);

/** Above this many names a list would bloat every page: a text field instead. */
export const MAX_FILTER_OPTIONS = 150;

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterField {
  key: Exclude<FilterKey, 'period' | 'closing'>;
  label: string;
  /** null: too many names for a list (a text field). */
  options: FilterOption[] | null;
}

/** A list of periods (`period`: created in; `closing`: close date in), in groups: quarters (`YYYY-Qn`, in words), then years. */
export interface PeriodField {
  key: 'period' | 'closing';
  label: string;
  quarters: FilterOption[];
  years: FilterOption[];
}

export interface FilterFormModel {
  fields: FilterField[];
  /** Created in, then close date in (none when no deal has a close date). */
  periods: PeriodField[];
}

/**
 * `codeLabel`: a lead source's, segment's, industry's or region's words (the config's labels, else the code humanised:
 * `outbound` as 'Outbound'), as the Win / loss page's tables name them; names (owners, teams, products) are shown as
 * written.
 */
export function filterFormModel(meta: FilterMeta, m: Messages, f: Formatter, codeLabel: (code: string) => string): FilterFormModel {
  const field = (key: FilterField['key'], label: string, values: readonly string[], words: (value: string) => string = (v) => nameLabel(m, v)): FilterField => ({
    key,
    label,
    options: values.length > MAX_FILTER_OPTIONS ? null : values.map((v) => ({ value: v, label: words(v) })),
  });
  const names = [field('owner', m.filters.owner, meta.owners), field('team', m.filters.team, meta.teams), field('product', m.filters.product, meta.products)];
  // A lead source, segment, industry or region only where some deal has one (a field of nothing but "(unspecified)"
  // would filter nothing).
  const coded = [
    field('source', m.filters.source, meta.sources, codeLabel),
    field('segment', m.filters.segment, meta.segments, codeLabel),
    field('industry', m.filters.industry, meta.industries, codeLabel),
    field('region', m.filters.region, meta.regions, codeLabel),
  ];
  const periodField = (key: PeriodField['key'], values: readonly string[]): PeriodField => ({
    key,
    label: m.filters[key],
    quarters: values.filter((p) => p.includes('-Q')).map((p) => ({ value: p, label: periodLabel(f, p) })),
    years: values.filter((p) => !p.includes('-Q')).map((p) => ({ value: p, label: periodLabel(f, p) })),
  });
  const periods = [periodField('period', meta.periods), periodField('closing', meta.closings)];
  return {
    fields: [...names, ...coded.filter((c) => c.options === null || c.options.length > 0)],
    periods: periods.filter((p) => p.key === 'period' || p.quarters.length + p.years.length > 0),
  };
}

/** A filter period in the words the form's list uses: 'Q1 2026' / '2026년 1분기', a month (from a link) 'Mar 2026' / '2026년 3월', a year '2026' / '2026년'. */
export function periodLabel(f: Formatter, value: string): string {
  if (/^\d{4}$/u.test(value)) return f.locale === 'ko' ? `${value}년` : value;
  return f.period(value);
}

/** What the status line says is shown: 'Owner: 강도윤 · Created in: Q1 2026 · Close date in: Q3 2026', each value in the form's words (`codeLabel`: a source's, segment's, industry's or region's). */
export function filterSummary(filter: Filter, m: Messages, f: Formatter, codeLabel: (code: string) => string): string {
  return FILTER_KEYS.map((key) => {
    const value = filter[key];
    if (value === null) return '';
    return `${m.filters[key]}: ${isPeriodKey(key) ? periodLabel(f, value) : CODED_KEYS.has(key) ? codeLabel(value) : nameLabel(m, value)}`;
  })
    .filter(Boolean)
    .join(SEPARATOR);
}

/** What the status line says of the link's keys that were left out (a period that is not one), one sentence each. */
export function invalidNotes(invalid: readonly FilterKey[], m: Messages): string[] {
  return invalid.map((key) => m.filters.invalidPeriod({ field: m.filters[key] }));
}

/**
 * What a filtered page's status line adds after "Computed in your browser…":
 * what the page does not filter, or filters its own way. Whose targets it
 * compares with follows FilterFacts.targets; an owner or team with no target
 * for this or the next month or quarter (coverage has no row) says so, as the
 * page's own note does, never "compares with this owner's own targets".
 */
export function filterNotes(ctx: PageContext, page: string): string[] {
  const { m } = ctx;
  const out: string[] = [];
  if (ctx.filter?.filter.closing != null) out.push(m.filters.closingNote({ asOf: ctx.site.as_of }, ctx.f));
  if (page === 'overview') out.push(m.filters.trendsNote);
  if (page === 'overview' || page === 'stalled' || page === 'owners') out.push(m.filters.thresholdsNote);
  if (page === 'overview' || page === 'forecast' || page === 'owners') {
    const targets = filteredTargetsNote(ctx, ctx.site.metrics.coverage.length > 0);
    if (targets !== null) out.push(targets);
  }
  return out;
}
