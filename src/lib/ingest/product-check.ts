/**
 * pipeline.config.json `products` keys that no deal's product is: a typo
 * (`CNC-5x` for the data's `CNC-5X`) would leave that product's customers off
 * the Repurchase page without a word, since products match exactly. One
 * warning per such key, naming the product the key most likely meant.
 */
import type { Config } from '../config.ts';
import type { Deal } from '../dataset.ts';
import { normalizeStageName } from './config.ts';
import { closest } from './config-messages.ts';
import type { IssueLog } from './issues.ts';
/** The config's file name, as dataset-builder.ts names it (not imported from there: it imports this module). */
const CONFIG_FILE = 'pipeline.config.json';

/** input.md's default `products`: an example, not the user's, so never warned. */
const DEFAULT_PRODUCT = 'EXAMPLE-PRODUCT';

export function unknownProductWarnings(config: Config, deals: readonly Deal[], issues: IssueLog): void {
  const keys = Object.keys(config.products);
  if (keys.length === 1 && keys[0] === DEFAULT_PRODUCT) return;
  const counts = new Map<string, number>();
  for (const deal of deals) if (deal.product !== '') counts.set(deal.product, (counts.get(deal.product) ?? 0) + 1);
  if (counts.size === 0) return;
  for (const key of keys) {
    if (counts.has(key)) continue;
    const unspaced = normalizeStageName(key);
    const meant = [...counts.keys()].find((p) => normalizeStageName(p) === unspaced) ?? closest(key, counts.keys());
    const fix = meant
      ? `did you mean ${JSON.stringify(meant)} (${counts.get(meant)} deal${counts.get(meant) === 1 ? '' : 's'})? Products match exactly, so its deals have no lifecycle from the config`
      : `the products in deals.csv are ${[...counts.keys()].slice(0, 10).map((p) => JSON.stringify(p)).join(', ')}${counts.size > 10 ? ', …' : ''}`;
    issues.warning(CONFIG_FILE, 0, `products.${key}`, 'unknown_product', `no deal has the product ${JSON.stringify(key)}: ${fix}`);
  }
}
