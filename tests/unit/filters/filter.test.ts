import { describe, expect, it } from 'vitest';
import { FILTER_KEYS, filterQuery, hasFilterParams, isFiltered, NO_FILTER, parseFilter, periodDates, periodInstants } from '../../../src/lib/filters/filter.ts';
import { hasFilter, LOADER_KEYS } from '../../../src/lib/filters/loader.ts';

describe('filters in the URL', () => {
  it('reads owner, team, product, lead source, segment, industry, region, period and close period; a link of the same filter reads back the same', () => {
    const { filter, invalid } = parseFilter('?owner=%EA%B0%95%EB%8F%84%EC%9C%A4&team=East+%26+West&product=CNC-5X&source=referral&period=2026-Q2&x=1');
    expect(filter).toEqual({ owner: '강도윤', team: 'East & West', product: 'CNC-5X', source: 'referral', segment: null, industry: null, region: null, period: '2026-Q2', closing: null });
    expect(invalid).toEqual([]);
    expect(parseFilter(filterQuery(filter)).filter).toEqual(filter);
    // A long name is read whole: cut at 300 characters it was another owner whose name is its start.
    const long = { ...NO_FILTER, owner: `Kim ${'x'.repeat(296)} (Busan)` };
    expect(parseFilter(filterQuery(long)).filter.owner).toBe(long.owner);
    expect(filterQuery(filter)).toBe('?owner=%EA%B0%95%EB%8F%84%EC%9C%A4&team=East+%26+West&product=CNC-5X&source=referral&period=2026-Q2');
    const byAccount = parseFilter('?industry=%EC%A1%B0%EC%84%A0&segment=%EB%8C%80%EA%B8%B0%EC%97%85').filter;
    expect(byAccount).toEqual({ ...NO_FILTER, segment: '대기업', industry: '조선' });
    // Keys in FILTER_KEYS order, whatever the link's.
    expect(filterQuery(byAccount)).toBe('?segment=%EB%8C%80%EA%B8%B0%EC%97%85&industry=%EC%A1%B0%EC%84%A0');
    const byRegion = parseFilter('?period=2026&region=%EC%9A%B8%EC%82%B0').filter;
    expect(byRegion).toEqual({ ...NO_FILTER, region: '울산', period: '2026' });
    expect(filterQuery(byRegion)).toBe('?region=%EC%9A%B8%EC%82%B0&period=2026');
    expect(hasFilter('?region=%EC%9A%B8%EC%82%B0')).toBe(true);
    const byClose = parseFilter('?closing=2026-Q3&owner=Kim').filter;
    expect(byClose).toEqual({ ...NO_FILTER, owner: 'Kim', closing: '2026-Q3' });
    expect(filterQuery(byClose)).toBe('?owner=Kim&closing=2026-Q3');
    expect(hasFilter('?closing=2027')).toBe(true);
  });

  it('keeps names that look like code or object keys as plain values', () => {
    for (const name of ['__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'a=b&c', ' spaced ', '(unspecified)']) {
      const { filter } = parseFilter(filterQuery({ ...NO_FILTER, owner: name }));
      expect(filter.owner).toBe(name.trim());
    }
    expect(Object.getPrototypeOf(parseFilter('?owner=__proto__').filter)).toBe(Object.prototype);
  });

  it('ignores empty values, other keys and a second value of a key; leaves out a period that is not one', () => {
    expect(parseFilter('?owner=&team=%20').filter).toEqual(NO_FILTER);
    expect(isFiltered(parseFilter('?lang=ko').filter)).toBe(false);
    expect(parseFilter('?owner=A&owner=B').filter.owner).toBe('A');
    for (const bad of ['2026-Q5', '2026-13', '26', '2026-1', '0999', 'Q2']) {
      expect(parseFilter(`?period=${bad}`)).toEqual({ filter: NO_FILTER, invalid: ['period'] });
      expect(parseFilter(`?closing=${bad}&owner=A`)).toEqual({ filter: { ...NO_FILTER, owner: 'A' }, invalid: ['closing'] });
    }
    expect(filterQuery(NO_FILTER)).toBe('');
  });

  it('reads a period as local calendar dates and instants in the config time zone', () => {
    expect(periodDates('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(periodDates('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(periodDates('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(periodInstants('2026-Q2', 'Asia/Seoul')).toEqual({ start: Date.UTC(2026, 2, 31, 15), end: Date.UTC(2026, 5, 30, 15) });
  });

  it('the page loader knows the same keys without importing them', () => {
    expect(LOADER_KEYS).toEqual([...FILTER_KEYS]);
    for (const q of ['?owner=A', '?period=2026-Q5', '?team=&product=x', '?source=inbound', '?a=1', '', '?owner=%20']) expect(hasFilter(q)).toBe(hasFilterParams(q));
  });
});
