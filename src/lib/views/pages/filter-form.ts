/**
 * The filter form of a filterable page (components/FilterBar.astro renders
 * it): which fields are lists and which are text fields, and the options
 * with their words, from the site data's filter meta.
 */
import type { Formatter } from '../../format/index.ts';
import { type Messages, nameLabel } from '../../i18n/index.ts';
import { FILTER_KEYS, type Filter } from '../../filters/filter.ts';
import type { FilterMeta } from '../schema.ts';

/** Above this many names a list would bloat every page: a text field instead. */
export const MAX_FILTER_OPTIONS = 150;

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterField {
  key: 'owner' | 'team' | 'product';
  label: string;
  /** null: too many names for a list (a text field). */
  options: FilterOption[] | null;
}

export interface FilterFormModel {
  fields: FilterField[];
  /** The period list's groups: quarters (`YYYY-Qn`, in words), then years. */
  quarters: FilterOption[];
  years: FilterOption[];
}

export function filterFormModel(meta: FilterMeta, m: Messages, f: Formatter): FilterFormModel {
  const field = (key: FilterField['key'], label: string, values: readonly string[]): FilterField => ({
    key,
    label,
    options: values.length > MAX_FILTER_OPTIONS ? null : values.map((v) => ({ value: v, label: nameLabel(m, v) })),
  });
  return {
    fields: [field('owner', m.filters.owner, meta.owners), field('team', m.filters.team, meta.teams), field('product', m.filters.product, meta.products)],
    quarters: meta.periods.filter((p) => p.includes('-Q')).map((p) => ({ value: p, label: periodLabel(f, p) })),
    years: meta.periods.filter((p) => !p.includes('-Q')).map((p) => ({ value: p, label: periodLabel(f, p) })),
  };
}

/** A filter period in the words the form's list uses: 'Q1 2026' / '2026년 1분기', a month (from a link) 'Mar 2026' / '2026년 3월', a year '2026' / '2026년'. */
export function periodLabel(f: Formatter, value: string): string {
  if (/^\d{4}$/u.test(value)) return f.locale === 'ko' ? `${value}년` : value;
  return f.period(value);
}

/** What the status line says is shown: 'Owner: 강도윤 · Created in: Q1 2026', each value in the form's words. */
export function filterSummary(filter: Filter, m: Messages, f: Formatter): string {
  return FILTER_KEYS.map((key) => {
    const value = filter[key];
    if (value === null) return '';
    return `${m.filters[key]}: ${key === 'period' ? periodLabel(f, value) : nameLabel(m, value)}`;
  })
    .filter(Boolean)
    .join(' · ');
}
