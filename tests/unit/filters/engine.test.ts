/**
 * The fast path of a filtered page (filters/engine.ts, subset.ts
 * `filterPrepared`, recompute.ts) gives exactly what the plain way gives: the
 * subset's dataset prepared from scratch and every metric computed at once.
 * On the sample and on hand-computed fixtures (custom stages with nulls, no
 * history, reopened deals, replayed fields, stall thresholds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dealsOf } from '../../../src/lib/deal-table.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { filteredContextAt, gatherSnapshot, lazyComputeAt } from '../../../src/lib/filters/engine.ts';
import { type Filter, NO_FILTER, segmentName } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData, pinStallDays, prepareFilters } from '../../../src/lib/filters/recompute.ts';
import { keptDeals, matchingDeals } from '../../../src/lib/filters/matching.ts';
import { filterDataset, filterPrepared, preparedFull } from '../../../src/lib/filters/subset.ts';
import type { Config } from '../../../src/lib/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeAt, contextAt, prepare, type Prepared } from '../../../src/lib/metrics/index.ts';
import { snapshotAt } from '../../../src/lib/metrics/context.ts';
import { addDays, cutoffOf, quarterOf } from '../../../src/lib/time.ts';
import { closeDaysOf } from '../../../src/lib/model/close-days.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const FIXTURES = ['custom-stages-nulls', 'no-history-fields', 'reopened-waterfall', 'history-replay', 'stalled-thresholds', 'coverage-forecast'];

interface Case {
  name: string;
  dataset: Dataset;
  config: Config;
  asOf: string;
}

const cases: Case[] = [{ name: 'sample', ...(await readFolder('data/sample')), asOf: '2026-06-30' }];
for (const name of FIXTURES) {
  const dir = join('tests/fixtures', name);
  const { as_of } = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { as_of: string };
  cases.push({ name, ...(await readFolder(join(dir, 'data'))), asOf: as_of });
}

const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });

/**
 * The busiest owner, team, product, lead source, account segment, industry and region (accounts.csv; "(unspecified)" for every
 * deal without it), a year of creation, the quarter of as_of and the next by close date, two keys at once, and a name
 * that matches nothing.
 */
function filtersOf({ dataset, asOf }: Case): Filter[] {
  const busiest = (name: (d: Dataset['deals'][number]) => string) => {
    const counts = new Map<string, number>();
    for (const d of dataset.deals) counts.set(segmentName(name(d)), (counts.get(segmentName(name(d))) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const owner = busiest((d) => d.owner);
  const team = busiest((d) => d.team);
  const product = busiest((d) => d.product);
  const source = busiest((d) => d.source);
  const accounts = new Map((dataset.accounts ?? []).map((a) => [a.accountId, a]));
  const segment = busiest((d) => accounts.get(d.accountId)?.segment ?? '');
  const industry = busiest((d) => accounts.get(d.accountId)?.industry ?? '');
  const region = busiest((d) => accounts.get(d.accountId)?.region ?? '');
  const year = asOf.slice(0, 4);
  const quarter = quarterOf(asOf);
  return [
    f({ owner }),
    f({ team }),
    f({ product }),
    f({ source }),
    f({ segment }),
    f({ industry }),
    f({ region }),
    f({ period: year }),
    f({ team, product }),
    f({ owner, source }),
    f({ segment, team }),
    f({ industry, segment, period: year }),
    f({ region, owner }),
    f({ owner, period: year }),
    f({ closing: quarter }),
    f({ closing: quarterOf(addDays(asOf, 92)) }),
    f({ closing: year, owner }),
    f({ closing: year, period: year }),
    f({ owner: 'nobody at all' }),
  ];
}

/** Each deal's close date at as_of, which a closing filter reads (model/close-days.ts). */
const closeDaysAtAsOf = ({ dataset, config, asOf }: Case) => closeDaysOf(snapshotAt(prepare(dataset, config), cutoffOf(asOf, config.timezone)), config.timezone);

/** Maps as their entries in order (toEqual alone would not check the order). */
const entries = <K, V>(m: ReadonlyMap<K, V> | null) => (m === null ? null : [...m]);

function samePrepared(fast: Prepared, plain: Prepared): void {
  expect(fast.config).toBe(plain.config);
  expect(fast.dataset.deals).toEqual(plain.dataset.deals);
  fast.dataset.deals.forEach((d, i) => expect(d).toBe(plain.dataset.deals[i]));
  expect(fast.dataset.fieldHistory).toEqual(plain.dataset.fieldHistory);
  expect(fast.dataset.targets).toEqual(plain.dataset.targets);
  expect(fast.dataset.stageHistory).toEqual(plain.dataset.stageHistory);
  expect({ ...fast.dataset, deals: null, stageHistory: null }).toEqual({ ...plain.dataset, deals: null, stageHistory: null });
  // The deal tables row for row (the fast one keeps the full table's texts, some of them no kept deal's).
  expect({ ...fast.timelines, deals: null }).toEqual({ ...plain.timelines, deals: null });
  expect(dealsOf(fast.timelines.deals)).toEqual(plain.dataset.deals);
  expect(entries(fast.replay.amount)).toEqual(entries(plain.replay.amount));
  expect(entries(fast.replay.expectedClose)).toEqual(entries(plain.replay.expectedClose));
  expect(entries(fast.pushes)).toEqual(entries(plain.pushes));
}

describe.each(cases)('$name: the filtered page’s fast path gives the plain way’s figures', (c) => {
  const { dataset, config, asOf } = c;
  const dates = [asOf, addDays(asOf, -30), addDays(asOf, -365)];

  it('lazyComputeAt: computeAt’s metrics, key for key and in the same order, its flags and thresholds', () => {
    for (const cfg of [config, pinStallDays(config, config.openStages.map((_s, i) => (i % 2 === 0 ? 12 : null)))]) {
      const prepared = prepare(dataset, cfg);
      for (const date of dates) {
        const eager = computeAt(prepared, date);
        const lazy = lazyComputeAt(prepared, date);
        expect(JSON.stringify(lazy.metrics)).toBe(JSON.stringify(eager.metrics));
        expect(lazy.flags).toEqual(eager.flags);
        expect(lazy.thresholds).toEqual(eager.thresholds);
      }
    }
  });

  it('lazyComputeAt: the same figures whatever the page reads first', () => {
    const prepared = prepare(dataset, config);
    const eager = computeAt(prepared, asOf).metrics;
    const lazy = lazyComputeAt(prepared, asOf).metrics;
    expect(lazy.by_team).toEqual(eager.by_team);
    expect(lazy.slippage).toEqual(eager.slippage);
    expect(lazy.velocity).toEqual(eager.velocity);
    expect(lazy.stalled).toEqual(eager.stalled);
    expect(lazy).toEqual(eager);
  });

  it('keptDeals: the deals matchingDeals marks', () => {
    const closeDays = closeDaysAtAsOf(c);
    for (const filter of [...filtersOf(c), f({ owner: '(unspecified)' }), f({ team: '(unspecified)' }), f({ source: '(unspecified)' }), f({ segment: '(unspecified)' }), f({ region: '(unspecified)' }), f({ industry: 'nobody at all' }), f({ period: `${asOf.slice(0, 4)}-Q1` })]) {
      const marked = matchingDeals(dataset, filter, config.timezone, closeDays);
      expect(Array.from(keptDeals(dataset, filter, config.timezone, closeDays))).toEqual(Array.from(marked.keys()).filter((d) => marked[d] === 1));
    }
  });

  it('filterPrepared: field for field the filtered dataset prepared from scratch; its contexts as contextAt’s', () => {
    const pinned = pinStallDays(config, config.openStages.map(() => 20));
    const full = preparedFull(dataset, config);
    const closeDays = closeDaysAtAsOf(c);
    for (const filter of filtersOf(c)) {
      const fast = filterPrepared(full, filter, config.timezone, pinned, closeDays);
      const plain = prepare(filterDataset(dataset, filter, config.timezone, closeDays), pinned);
      samePrepared(fast, plain);
      for (const date of dates) {
        const context = filteredContextAt(fast, date);
        const { at, closedInWindow, T, windowStart, asOf: when } = context;
        const expected = contextAt(plain, date);
        expect(Object.keys(context).sort()).toEqual(Object.keys(expected).sort());
        expect({ at, closedInWindow, T, windowStart, asOf: when }).toEqual({ at: expected.at, closedInWindow: expected.closedInWindow, T: expected.T, windowStart: expected.windowStart, asOf: expected.asOf });
      }
    }
  });

  it('gatherSnapshot: the kept deals’ part of a snapshot of all deals', () => {
    const prepared = prepare(dataset, config);
    const T = cutoffOf(asOf, config.timezone);
    const kept = Int32Array.from(dataset.deals.keys()).filter((d) => d % 3 !== 1);
    const part = gatherSnapshot(snapshotAt(prepared, T), kept);
    const whole = snapshotAt(prepared, T);
    expect(part.T).toBe(T);
    for (const key of ['state', 'stage', 'visitStart', 'closedAt', 'position', 'visits', 'amount', 'expectedClose'] as const) {
      expect(Array.from(part[key] as ArrayLike<unknown>), key).toEqual(Array.from(kept, (d) => whole[key][d]));
    }
  });

  it('filteredSiteData: the manifest the plain way builds, with the full build’s links', () => {
    const site = buildSiteData(dataset, config, asOf, { dataLabel: c.name, trends: false });
    const data = { dataset, config, site: filterSiteFacts(site, config) };
    prepareFilters(data);
    const closeDays = closeDaysAtAsOf(c);
    for (const filter of filtersOf(c)) {
      const view = filteredSiteData(data, filter);
      const plain = buildSiteData(filterDataset(dataset, filter, config.timezone, closeDays), pinStallDays(config, data.site.stall_now), asOf, {
        dataLabel: c.name,
        trends: false,
        accounts: false,
        previousConfig: pinStallDays(config, data.site.stall_previous),
        compare: true,
        changes: false,
      });
      // How the thresholds were set, and from how many visits: the full build's (the plain way's config has them fixed);
      // the export's dates (when the data begins, its newest change), all deals' too.
      const { stall_basis: _b, stall_visits: _v, owners, accounts: _a, accounts_with_pages: _p, quiet_owners: quiet, ...rest } = view.site;
      const { stall_basis: _b2, stall_visits: _v2, owners: plainOwners, accounts: _a2, accounts_with_pages: _p2, quiet_owners: _q2, ...plainRest } = plain;
      // The owners gone quiet are all deals' (an owner without the filter's deals is not quiet for it).
      expect(quiet).toEqual(site.quiet_owners);
      expect(rest.inputs.oldest_record).toBe(site.inputs.oldest_record);
      expect(rest.inputs.newest_change).toBe(site.inputs.newest_change);
      const exportDates = { oldest_record: site.inputs.oldest_record, newest_change: site.inputs.newest_change };
      expect(JSON.stringify(rest)).toBe(JSON.stringify({ ...plainRest, inputs: { ...plainRest.inputs, ...exportDates } }));
      expect(owners.rows.map(({ slug: _s, ...r }) => r)).toEqual(plainOwners.rows.map(({ slug: _s, ...r }) => r));
      expect(view.matched).toBe(filterDataset(dataset, filter, config.timezone, closeDays).deals.length);
    }
  });
});
