/**
 * The overview's New deals chart under a creation-period filter (`period`): the
 * months outside the period are the filter's zeros, not months without new
 * business, so they are left out, and the sentence says what the filter keeps
 * rather than "the last three months brought 0 new deals, down from …".
 */
import { describe, expect, it } from 'vitest';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { type Filter, NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData } from '../../../src/lib/filters/recompute.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { overviewModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
// One deal created in each of Jan to May 2025 (1M, 2M, ... 5M), all still in Prospect.
const specs: DealSpec[] = ['01', '02', '03', '04', '05'].map((mm, i) => ({ id: `D${i + 1}`, createdAt: at(`2025-${mm}-10`), amount: (i + 1) * 1_000_000, history: [['prospect', at(`2025-${mm}-10`)]] }));
const dataset = makeDataset(config, specs);
const full = buildSiteData(dataset, config, AS_OF, { dataLabel: 'test' });

function intake(filter: Partial<Filter>, locale: Locale = 'en') {
  const view = filteredSiteData({ dataset, config, site: filterSiteFacts(full, config) }, { ...NO_FILTER, ...filter }, { compare: true });
  const block = overviewModel(pageContext(view.site, locale, '/', view.facts)).charts.find((c) => c.id === 'intake')!;
  return { months: block.table.rows.map((r) => r[0]!.text), takeaway: block.chart.takeaway.replace(/\s/gu, ' ') };
}

describe('New deals under a creation-period filter', () => {
  it('shows only the period\'s months and says what the filter keeps', () => {
    // Q1 2025: Jan to Mar, 1M + 2M + 3M.
    const q1 = intake({ period: '2025-Q1' });
    expect(q1.months).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025']);
    expect(q1.takeaway).toBe('The filter keeps the deals created in Q1 2025: 3 deals worth ₩6M, by month below.');
    expect(intake({ period: '2025-Q1' }, 'ko').takeaway).toBe('필터는 2025년 1분기에 생성된 딜만 남깁니다. 3건(600만원)을 아래에 월별로 보여 줍니다.');
  });

  it('says so when the period reaches past the chart\'s 12 months, or lies wholly outside them', () => {
    // 2025: its months from Jan to Jun are within the chart's Jul 2024 to Jun 2025; Jan to May hold 1M + ... + 5M.
    const year = intake({ period: '2025' });
    expect(year.months).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025']);
    expect(year.takeaway).toBe('The filter keeps the deals created in 2025, of which these 12 months hold 5 deals worth ₩15M, by month below.');
    const before = intake({ period: '2023' });
    expect(before.months).toEqual([]);
    expect(before.takeaway).toBe('The filter keeps the deals created in 2023, outside these 12 months: there is no month to show.');
  });

  it('is the usual chart without a period filter: twelve months, the last three against the three before', () => {
    const owner = intake({ owner: 'O' });
    expect(owner.months).toHaveLength(12);
    // Apr to Jun: 4M + 5M; Jan to Mar: 1M + 2M + 3M.
    expect(owner.takeaway).toBe('The last three months brought 2 new deals worth ₩9M, up from ₩6M in the three months before.');
  });
});
