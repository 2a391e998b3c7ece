/** pipeline.config.json of the generated folder. */
import type { Resolved } from './options.ts';
import { PRODUCTS, STAGES } from './world.ts';

export function configJson(o: Resolved): string {
  const products: Record<string, { lifecycle_months: number }> = {};
  for (const p of PRODUCTS) products[p.code] = { lifecycle_months: p.lifecycle };
  const config = {
    ...(o.schemaRef ? { $schema: o.schemaRef } : {}),
    currency: 'KRW',
    timezone: 'Asia/Seoul',
    locale: 'ko',
    window_days: 365,
    waterfall_days: 30,
    stages: STAGES,
    date_order: 'YMD',
    decimal: '.',
    qualification_required_from: 'propose',
    stall_days: {},
    products,
    fx: { USD: 1380 },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
