/** The manifest's `inputs`: what the data folder held and lacked, for the pages' notes on what is missing. */
import { renamedFilesIn } from '../ingest/renamed-files.ts';
import type { MetricContext } from '../metrics/context.ts';
import { qualificationChecks } from '../metrics/stalled.ts';
import type { ExportDates } from '../model/freshness.ts';
import { WON } from '../model/snapshot.ts';
import type { LocalDate } from '../time.ts';
import type { SiteData } from './schema.ts';

/** Optional deals.csv columns of the account pages' deal lists (schema.ts `inputs.deal_columns`). */
const LISTED_DEAL_COLUMNS = ['keyman', 'competitor', 'lost_reason', 'win_reason'] as const;

/** Whether the data's amounts say nothing: none recorded, or every one 0 (null when some deal has one, or there is no deal). */
function amountsSayNothing(dataset: MetricContext['dataset']): SiteData['inputs']['amounts'] {
  let known = false;
  const see = (amount: number | LocalDate | null) => {
    if (typeof amount !== 'number') return false;
    known = true;
    return amount !== 0;
  };
  if (dataset.deals.some((d) => see(d.amount))) return null;
  if ((dataset.fieldHistory ?? []).some((c) => c.field === 'amount' && (see(c.oldValue) || see(c.newValue)))) return null;
  return dataset.deals.length === 0 ? null : known ? 'all_zero' : 'none';
}

/** What the data held that the pages' notes need: amounts, targets, lifecycles, files and columns (the manifest's `inputs`). */
export function siteInputs(ctx: MetricContext, dates: ExportDates): SiteData['inputs'] {
  const { dataset, config, at } = ctx;
  let won = 0;
  let withLifecycle = 0;
  for (let d = 0; d < at.state.length; d++) {
    if (at.state[d] !== WON) continue;
    won++;
    const deal = dataset.deals[d]!;
    if ((deal.lifecycleMonths ?? config.products[deal.product]?.lifecycle_months ?? null) !== null) withLifecycle++;
  }
  const columns = dataset.columns['deals.csv'];
  const configured = Object.keys(config.products);
  const reason = configured.length === 0 ? 'none_configured' : columns?.has('product') ? 'products_unmatched' : 'no_product_column';
  const lifecycleGap = won === 0 || withLifecycle > 0 ? null : { reason, configured } as const;
  return {
    amounts: amountsSayNothing(dataset),
    targets_file: dataset.targets !== null,
    company_targets: (dataset.targets ?? []).filter((t) => t.owner === '' && t.team === '').length,
    won_deals: won,
    won_with_lifecycle: withLifecycle,
    lifecycle_gap: lifecycleGap,
    newest_change: dates.newestChange,
    oldest_record: dates.oldestRecord,
    accounts_file: dataset.accounts !== null,
    deals_files: dataset.dealFiles ?? ['deals.csv'],
    renamed_files: renamedFilesIn(dataset.issues),
    deal_columns: LISTED_DEAL_COLUMNS.filter((c) => dataset.columns['deals.csv']?.has(c) ?? false),
    qualification: qualificationChecks(ctx),
  };
}
