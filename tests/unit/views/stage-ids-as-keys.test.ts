/**
 * Stage ids are the config's text: ids such as `__proto__`, `constructor` and
 * `toString` reach the pages' stall thresholds as any other id does (a record
 * keyed by stage id lost `__proto__` when the site data was parsed, and the
 * build stopped with an internal error).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { pageContext, stalledModel, velocityModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('stage ids that name Object.prototype’s properties', () => {
  const config = parseConfig({
    stages: [
      { id: '__proto__', kind: 'open', probability: 0.1, label: { en: 'Proto' } },
      { id: 'constructor', kind: 'open', probability: 0.5, label: { en: 'Maker' } },
      { id: 'won', kind: 'won', probability: 1 },
      { id: 'lost', kind: 'lost', probability: 0 },
    ],
    stall_days: { constructor: 12 },
  });
  // Three visits of __proto__ ended in the window (2, 4 and 6 days): too few for a P90, so its threshold is the 30-day default.
  const specs: DealSpec[] = [2, 4, 6].map((days, i) => ({
    id: `D${i}`,
    createdAt: at('2025-03-01'),
    history: [
      ['__proto__', at('2025-03-01')],
      ['constructor', at('2025-03-01') + days * 86_400_000],
    ],
  }));
  const site = siteDataSchema.parse(buildSiteData(makeDataset(config, specs), config, '2025-06-30', { dataLabel: 'test' }));

  it('keeps every stage’s threshold, basis and visits through the site data', () => {
    expect(site.stall_thresholds).toEqual([['__proto__', 30], ['constructor', 12]]);
    expect(site.stall_basis).toEqual([['__proto__', 'default'], ['constructor', 'configured']]);
    expect(site.stall_visits).toEqual([['__proto__', 3]]);
  });

  it('renders the stall threshold table and the time-in-stage chart’s table', () => {
    const ctx = pageContext(site, 'en');
    expect(stalledModel(ctx).thresholds.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Proto', '30', '30-day default: only 3\u00a0visits ended in the analysis window (20 needed to learn it)'],
      ['Maker', '12', 'Set in pipeline.config.json (stall_days)'],
    ]);
    const timeInStage = velocityModel(ctx).charts.find((c) => c.id === 'time-in-stage')!;
    // Its CSV's last column: each stage's stall threshold.
    expect(timeInStage.table.csv.rows.map((r) => [r[0], r.at(-1)])).toEqual([['Proto', 30], ['Maker', 12]]);
  });
});
