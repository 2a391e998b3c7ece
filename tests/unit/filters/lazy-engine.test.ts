/**
 * A filtered overview computes only the metrics it shows (docs/performance.md,
 * "Filters in the URL"): never repurchase, forecast accuracy, the waterfall
 * or time in stage, the costliest at 100k deals. The metric functions are
 * wrapped to count their calls; they compute as usual.
 */
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => new Map<string, number>());
const counted = <F extends (...args: never[]) => unknown>(name: string, fn: F): F =>
  ((...args: Parameters<F>) => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return fn(...args);
  }) as F;

vi.mock('../../../src/lib/metrics/repurchase.ts', async (load) => {
  const m = await load<typeof import('../../../src/lib/metrics/repurchase.ts')>();
  return { ...m, repurchase: counted('repurchase', m.repurchase) };
});
vi.mock('../../../src/lib/metrics/forecast-accuracy.ts', async (load) => {
  const m = await load<typeof import('../../../src/lib/metrics/forecast-accuracy.ts')>();
  return { ...m, forecastAccuracy: counted('forecastAccuracy', m.forecastAccuracy) };
});
vi.mock('../../../src/lib/metrics/waterfall.ts', async (load) => {
  const m = await load<typeof import('../../../src/lib/metrics/waterfall.ts')>();
  return { ...m, waterfall: counted('waterfall', m.waterfall) };
});
vi.mock('../../../src/lib/metrics/conversion.ts', async (load) => {
  const m = await load<typeof import('../../../src/lib/metrics/conversion.ts')>();
  return { ...m, timeInStage: counted('timeInStage', m.timeInStage), conversion: counted('conversion', m.conversion) };
});

const { filterSiteFacts } = await import('../../../src/lib/filters/build-data.ts');
const { NO_FILTER } = await import('../../../src/lib/filters/filter.ts');
const { pageParts } = await import('../../../src/lib/filters/page-parts.ts');
const { filteredSiteData, prepareFilters } = await import('../../../src/lib/filters/recompute.ts');
const { readFolder } = await import('../../../src/lib/ingest/read-folder.ts');
const { pageContext } = await import('../../../src/lib/views/pages/context.ts');
const { buildSiteData } = await import('../../../src/lib/views/site-data.ts');

describe('a filtered page computes only the metrics it reads', () => {
  it('the overview: neither repurchase, forecast accuracy, the waterfall nor time in stage; the forecast page reads forecast accuracy', async () => {
    const { dataset, config } = await readFolder('data/sample');
    const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample', trends: false });
    const data = { dataset, config, site: filterSiteFacts(site, config) };
    prepareFilters(data);
    calls.clear();
    const view = filteredSiteData(data, { ...NO_FILTER, team: dataset.deals[0]!.team });
    const parts = pageParts(pageContext(view.site, 'en', '/'), 'overview');
    for (const block of parts.charts) expect(block.chart.svg).toMatch(/^<svg/);
    expect(Object.fromEntries(calls)).toEqual({ conversion: 1 });
    pageParts(pageContext(view.site, 'en', '/'), 'forecast');
    expect(calls.get('forecastAccuracy')).toBe(1);
    expect(calls.get('repurchase')).toBeUndefined();
  });
});
