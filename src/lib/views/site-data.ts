/**
 * Extract: (dataset, config, asOf) -> the site manifest. Runs the engine at
 * as_of and at as_of - 30 days (for the tiles' changes), and lays out deal
 * and account views. Pure: no clock, no files.
 */
import type { Config } from '../ingest/config.ts';
import type { Dataset } from '../dataset.ts';
import { computeAt, prepare } from '../metrics/index.ts';
import { OPEN } from '../model/snapshot.ts';
import { byCodePoint } from '../stats.ts';
import { addDays, daysBetween, type LocalDate } from '../time.ts';
import { accountViews } from './accounts.ts';
import type { OpenDealRow, SiteData } from './schema.ts';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales.ts';

/** Tiles compare with the pipeline this many days earlier. */
export const COMPARE_DAYS = 30;

export interface SiteDataOptions {
  /** Shown in the page footer: which data folder this was built from. */
  dataLabel: string;
  /** At most this many account pages (largest accounts first); the index still lists all. */
  maxAccountPages?: number;
}

export function buildSiteData(dataset: Dataset, config: Config, asOf: LocalDate, options: SiteDataOptions): SiteData {
  const prepared = prepare(dataset, config);
  const now = computeAt(prepared, asOf);
  const previousAsOf = addDays(asOf, -COMPARE_DAYS);
  const previous = computeAt(prepared, previousAsOf).metrics;
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
      expected_close: at.expectedClose[d] ?? null,
      days_in_stage: daysBetween(at.visitStart[d]!, ctx.T),
      threshold_days: now.thresholds[stage.openIndex]!,
      stalled: stalledIds.has(deal.id),
      flags: flags.flags,
      pushes: flags.pushes,
    });
  }
  openDeals.sort((a, b) => b.amount - a.amount || byCodePoint(a.deal_id, b.deal_id));

  const accounts = accountViews(ctx, options.maxAccountPages ?? Infinity);
  return {
    schema_version: 1,
    as_of: asOf,
    previous_as_of: previousAsOf,
    currency: config.currency,
    timezone: config.timezone,
    // input.md: the dashboard opens in `locale` when it is en or ko, else in English.
    default_locale: isLocale(config.locale) ? config.locale : DEFAULT_LOCALE,
    waterfall_days: config.waterfall_days,
    data_label: options.dataLabel,
    stages: config.stages.map((s) => ({
      id: s.id,
      kind: s.kind,
      probability: s.probability,
      label: s.label,
      buyer_step: s.buyer_step,
    })),
    metrics: now.metrics,
    previous,
    stall_thresholds: Object.fromEntries(config.openStages.map((s, i) => [s.id, now.thresholds[i]!])),
    open_deals: openDeals,
    accounts,
    accounts_with_pages: accounts.filter((a) => a.has_page).length,
  };
}
