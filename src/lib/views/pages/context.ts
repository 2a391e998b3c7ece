/** What every page model needs: the manifest, the locale's strings and formatter, links. */
import type { Formatter } from '../../format/index.ts';
import { chartTexts, type ChartTexts } from '../../i18n/chart-text.ts';
import { codeLabel, codeLabels, type Locale, localize, type Messages, nameLabel, stageLabel, UNSPECIFIED } from '../../i18n/index.ts';
import type { Filter, TargetsFollow } from '../../filters/filter.ts';
import type { SiteData, StallBasis } from '../schema.ts';

export interface PageContext {
  site: SiteData;
  locale: Locale;
  m: Messages;
  f: Formatter;
  text: ChartTexts;
  /** Localised stage label by id. */
  stage: (id: string) => string;
  /**
   * A code or name from the data in words: config `labels` in this locale,
   * else humanised (`after_sales` -> "After sales"); other text as written;
   * empty and `(unspecified)` as the catalogue's "(unspecified)".
   */
  label: (code: string) => string;
  /** Link to a page of this locale: href('stalled') -> '/en/stalled/'. */
  href: (page: string) => string;
  /** An open stage's stall threshold in days, how it was set, and the visits it was learned from (SiteData `stall_*`). */
  stall: (id: string) => StageStall;
  /** Present on a filtered view (filters/recompute.ts): what the absence notes need to speak of the filter rather than of a missing file. */
  filter?: FilterFacts;
}

/** What a filtered view's notes need of the filter and of all deals. */
export interface FilterFacts {
  /** Deals that match the filter. */
  matched: number;
  /** Whether all deals' data tracks close-date changes (the full build's `slippage` is not null). */
  closeDatesTracked: boolean;
  /**
   * Whose targets the view compares with (filters/subset.ts `targetsFollow`):
   * the owner's or the team's own, or none under any other key.
   */
  targets: TargetsFollow;
  /** The filter itself: its `period` (deals created in it) and `closing` (close date in it) change what some pages say, and a link from the page keeps it. */
  filter: Filter;
}

/** Chart options of this page's locale and formatter; `takeaway` replaces the chart's own sentence. */
export function chartOptions<T>(ctx: PageContext, text: T, takeaway?: string | null | false) {
  return { locale: ctx.locale, fmt: ctx.f, text, ...(takeaway ? { takeaway } : {}) };
}

export const PAGES = [
  'overview',
  'changes',
  'trends',
  'funnel',
  'velocity',
  'win-loss',
  'stalled',
  'waterfall',
  'forecast',
  'repurchase',
  'owners',
  'accounts',
  'data-quality',
] as const;
export type PageKey = (typeof PAGES)[number];

/** Nav label key in the message catalogue for each page. */
export const NAV_KEYS = {
  overview: 'overview',
  changes: 'changes',
  trends: 'trends',
  funnel: 'funnel',
  velocity: 'velocity',
  'win-loss': 'winLoss',
  stalled: 'stalled',
  waterfall: 'waterfall',
  forecast: 'forecast',
  repurchase: 'repurchase',
  owners: 'owners',
  accounts: 'accounts',
  'data-quality': 'dataQuality',
} as const satisfies Record<PageKey, keyof Messages['nav']>;

/** Path of a page below the locale folder ('' for the overview). */
export function pagePath(page: PageKey | string): string {
  return page === 'overview' ? '' : `${page}/`;
}

export function pageContext(site: SiteData, locale: Locale, base = '/', filter?: FilterFacts): PageContext {
  const { m, f } = localize(locale, site.currency);
  const stages = new Map(site.stages.map((s) => [s.id, s]));
  const labels = codeLabels(site.labels);
  return {
    site,
    locale,
    m,
    f,
    text: chartTexts(locale),
    stage: (id) => {
      const s = stages.get(id);
      return s ? stageLabel(s, locale) : id;
    },
    label: (code) => (code.trim() === '' || code === UNSPECIFIED ? nameLabel(m, code) : codeLabel(labels, code, locale)),
    href: (page) => `${base}${locale}/${pagePath(page)}`,
    stall: stallLookup(site),
    ...(filter ? { filter } : {}),
  };
}

export interface StageStall {
  /** null: no threshold (a parked stage that `stall_days` does not name), or not an open stage. */
  threshold: number | null;
  basis: StallBasis | null;
  /** 0 for a stage whose threshold is not learned. */
  visits: number;
}

/** SiteData's stall pairs, looked up by stage id (Maps: a stage id is the config's text). */
function stallLookup(site: SiteData): (id: string) => StageStall {
  const thresholds = new Map(site.stall_thresholds);
  const basis = new Map(site.stall_basis);
  const visits = new Map(site.stall_visits);
  return (id) => ({ threshold: thresholds.get(id) ?? null, basis: basis.get(id) ?? null, visits: visits.get(id) ?? 0 });
}

/**
 * CSV path of a table below the locale folder: `<page>/<table>.csv`; for the
 * page of one account or owner, `accounts/<slug>-<table>.csv` (a download
 * named after its account, and no folder per account: a large build writes
 * thousands fewer).
 */
export function csvPath(page: string, tableId: string): string {
  if (/^(accounts|owners)\/[^/]+$/u.test(page)) return `${page}-${tableId}.csv`;
  return `${page === 'overview' ? 'overview' : page}/${tableId}.csv`;
}
