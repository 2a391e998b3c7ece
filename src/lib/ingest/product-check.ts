/**
 * pipeline.config.json `products` keys that no deal's product is: a typo
 * (`CNC-5x` for the data's `CNC-5X`) would leave that product's customers off
 * the Repurchase page without a word, since products match exactly. One
 * warning per such key, naming the product the key most likely meant.
 */
import type { Config } from '../config.ts';
import type { DealTable } from '../deal-table.ts';
import { normalizeStageName } from './stage-names.ts';
import { closest } from './config-messages.ts';
import type { IssueLog } from './issues.ts';
/** The config's file name, as dataset-builder.ts names it (not imported from there: it imports this module). */
const CONFIG_FILE = 'pipeline.config.json';

/** input.md's default `products`: an example, not the user's, so never warned. */
const DEFAULT_PRODUCT = 'EXAMPLE-PRODUCT';

export function unknownProductWarnings(config: Config, deals: DealTable, issues: IssueLog): void {
  const keys = Object.keys(config.products);
  if (keys.length === 1 && keys[0] === DEFAULT_PRODUCT) return;
  const counts = new Map<string, number>();
  // Per code, then per text: one count per deal, no text hashed per deal.
  const { codes, names } = deals.product;
  const perCode = new Int32Array(names.length);
  for (let d = 0; d < deals.length; d++) perCode[codes[d]!]!++;
  names.forEach((product, code) => {
    if (product !== '' && perCode[code]! > 0) counts.set(product, perCode[code]!);
  });
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
