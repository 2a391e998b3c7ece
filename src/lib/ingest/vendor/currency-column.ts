/**
 * A deals export without its currency column (HubSpot's `Currency`,
 * Pipedrive's `Deal - Currency`): every amount is then read in the config's
 * `currency`. Said once per file, on its header line, unless the config
 * says so itself: `currency` given and no `fx` rates, which would need the
 * column to be used.
 */
import type { Issue } from '../../dataset.ts';
import type { Config } from '../config.ts';

export const NO_CURRENCY_COLUMN = 'no_currency_column';

/** The columns of an export as its adapter found them: canonical name -> position, and -> the export's label. */
interface Layout {
  at: ReadonlyMap<string, number>;
  source: ReadonlyMap<string, string>;
}

/** Adds to `issues` the warning `table` is due when its `layout` has no currency column (named `currency` in the export). */
export function noteMissingCurrency(issues: Issue[], table: { file: string; headerLine: number }, layout: Layout, currency: string, config: Config): void {
  if (layout.at.has('currency')) return;
  const rates = Object.keys(config.fx);
  if (config.currencyGiven === true && rates.length === 0) return;
  const amount = layout.source.get('amount') ?? 'amount';
  const read = `no "${currency}" column: every amount ("${amount}") is read in ${config.currency}`;
  const message =
    rates.length === 0
      ? `${read}, the default "currency" (pipeline.config.json gives none). Export "${currency}" with the deals, or, if every deal is in one currency, set "currency" to it in pipeline.config.json`
      : `${read}, so the "fx" rates (${rates.join(', ')}) are never used. Export "${currency}" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline.config.json`;
  issues.push({ file: table.file, line: table.headerLine, column: amount, code: NO_CURRENCY_COLUMN, severity: 'warning', message });
}
