/**
 * Forecast accuracy on a handful of deals: the rule of the overview's tiles
 * (fewer than 10 deals: say how few; none: say why, never a bare "0%"), the
 * same on a filtered view in the browser (pageParts, with the filter's facts)
 * as on a build of those deals (the page model without them).
 */
import { describe, expect, it } from 'vitest';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { type Filter, NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { pageParts } from '../../../src/lib/filters/page-parts.ts';
import { filteredSiteData } from '../../../src/lib/filters/recompute.ts';
import type { Dataset } from '../../../src/lib/dataset.ts';
import type { Config } from '../../../src/lib/config.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { forecastModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });
const catalogue = { en, ko } as const;

function filtered(dataset: Dataset, config: Config, asOf: string, filter: Filter) {
  const full = buildSiteData(dataset, config, asOf, { dataLabel: 'test' });
  const view = filteredSiteData({ dataset, config, site: filterSiteFacts(full, config) }, filter);
  return { full, view };
}

/** The accuracy chart's takeaway: in the browser (filtered, with its facts) and as a build of the same deals shows it. */
function takeaways(view: ReturnType<typeof filtered>['view'], locale: Locale) {
  const browser = pageParts(pageContext(view.site, locale, '/', view.facts), 'forecast').charts.find((c) => c.id === 'forecast-accuracy')!.chart.takeaway;
  const built = forecastModel(pageContext(view.site, locale)).charts.find((c) => c.id === 'forecast-accuracy')!.chart.takeaway;
  return { browser, built };
}

describe('forecast accuracy on the sample', async () => {
  const { dataset, config } = await readFolder('data/sample');

  it('all deals: enough forecast deals for the ratio and its range', () => {
    const { full } = filtered(dataset, config, '2026-06-30', NO_FILTER);
    expect(full.metrics.forecast_accuracy.reduce((n, r) => n + r.forecast_count, 0)).toBeGreaterThanOrEqual(10);
    const t = forecastModel(pageContext(full, 'en')).charts.find((c) => c.id === 'forecast-accuracy')!.chart.takeaway;
    expect(t).toMatch(/^Over the 6\u00a0months with a forecast, deals won came to \d+% of the weighted forecast made at each month’s start, from \d+% in \w+ \d{4} to \d+% in \w+ \d{4}; (\d+) of the ([\d,]+)\u00a0deals forecast for their month were won in it \((\d+) of the (\d+)\u00a0deals won were not in its forecast\)\.$/u);
    // The counts are the engine's: forecast deals, those of them won in their month, and every deal won in them.
    const sum = (key: 'forecast_count' | 'won_from_forecast' | 'won_count') => full.metrics.forecast_accuracy.filter((r) => r.forecast_weighted > 0).reduce((n, r) => n + r[key], 0);
    const [, won, forecast, other, all] = /; (\d+) of the ([\d,]+)\u00a0deals .* \((\d+) of the (\d+)\u00a0/u.exec(t)!;
    expect([won, forecast, other, all].map((x) => Number(x!.replace(/,/gu, '')))).toEqual([sum('won_from_forecast'), sum('forecast_count'), sum('won_count') - sum('won_from_forecast'), sum('won_count')]);
  });

  // 임재현's CNC-5X deals: 3 forecast at the months' starts, none of them won (every ratio 0%).
  const { view } = filtered(dataset, config, '2026-06-30', f({ owner: '임재현', product: 'CNC-5X' }));
  for (const locale of ['en', 'ko'] as const) {
    it(`a filter with 3 forecast deals says how few, not "0% … from 0% to 0%" (${locale})`, () => {
      const rows = view.site.metrics.forecast_accuracy;
      expect(rows.reduce((n, r) => n + r.forecast_count, 0)).toBe(3);
      expect(rows.reduce((n, r) => n + r.won_count, 0)).toBe(0);
      const { browser, built } = takeaways(view, locale);
      expect(browser).toBe(catalogue[locale].small.accuracy({ count: 3, months: 6 }, pageContext(view.site, locale).f));
      expect(built).toBe(browser);
      expect(browser).not.toContain('0%');
    });
  }

  it('the sentences read as intended', () => {
    const { view: v } = filtered(dataset, config, '2026-06-30', f({ owner: '임재현', product: 'CNC-5X' }));
    expect(takeaways(v, 'en').browser).toBe('Based on only 3\u00a0deals forecast to close in the last 6\u00a0months — too few to judge how accurate the forecast is (see the table).');
    expect(takeaways(v, 'ko').browser).toBe('최근 6개월 동안 마감이 예측된 딜이 3건뿐이라 예측 정확도를 판단하기에는 너무 적습니다(표 참조).');
  });

  it('a filter matching no deal says so', () => {
    const { view: none } = filtered(dataset, config, '2026-06-30', f({ owner: 'nobody' }));
    expect(takeaways(none, 'en').browser).toBe(en.absence.filterMatchesNone);
    expect(takeaways(none, 'ko').browser).toBe(ko.absence.filterMatchesNone);
  });

  it('every month at the same ratio reads "in every one of them", not "from 0% in Dec 2025 to 0% in Dec 2025"', () => {
    const ctx = pageContext(view.site, 'en');
    const same = { months: '2', monthCount: 2, ratio: '0%', low: { month: 'Dec 2025', ratio: '0%' }, high: { month: 'Dec 2025', ratio: '0%' }, forecastDeals: '4', wonFromForecast: '0', wonDeals: '0', unforecastWins: '0' };
    expect(ctx.text.accuracy.takeaway(same)).toBe(
      'Over the 2\u00a0months with a forecast, deals won came to 0% of the weighted forecast made at each month’s start, 0% in every one of them; 0 of the 4\u00a0deals forecast for their month were won in it (0 of the 0\u00a0deals won were not in its forecast).',
    );
    // One deal forecast and won: its noun and verb in the singular.
    const one = { ...same, forecastDeals: '1', wonFromForecast: '1', wonDeals: '1' };
    expect(ctx.text.accuracy.takeaway(one)).toMatch(/; 1 of the 1\u00a0deal forecast for their month was won in it \(0 of the 1\u00a0deal won were not in its forecast\)\.$/u);
    expect(pageContext(view.site, 'ko').text.accuracy.takeaway(same)).toBe(
      '예측이 있던 2개월 동안 수주 금액은 매월 초 가중 예측의 0%였고(모든 달이 0%), 그달 마감 예정으로 예측된 딜 4건 중 그달에 수주한 딜은 0건입니다(수주한 딜 0건 중 0건은 그달 예측에 없던 딜).',
    );
  });
});

describe('deals won but none forecast', () => {
  const config = defaultConfig();
  const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
  // Won in April 2025 without an expected close date: never forecast at a month's start.
  const won = (i: number) => ({
    id: `W${i}`,
    createdAt: at('2025-03-01'),
    closedAt: at('2025-04-10'),
    amount: 1_000_000,
    history: [
      ['prospect', at('2025-03-01')],
      ['won', at('2025-04-10')],
    ] as [string, number][],
  });
  // Close dates tracked (a date first set after April began), so the accuracy is shown: without that, it says why not.
  const dated = [{ deal: 0, field: 'expected_close_at' as const, oldValue: null, newValue: '2025-04-30', changedAt: at('2025-04-05'), line: 2 }];
  const site = buildSiteData(makeDataset(config, [won(1), won(2)], dated), config, '2025-06-30', { dataLabel: 'test' });

  it('says there is no forecast to compare the won deals with, not a ratio', () => {
    expect(site.metrics.forecast_accuracy.reduce((n, r) => n + r.forecast_count, 0)).toBe(0);
    expect(site.metrics.forecast_accuracy.reduce((n, r) => n + r.won_count, 0)).toBe(2);
    const t = (locale: Locale) => forecastModel(pageContext(site, locale)).charts.find((c) => c.id === 'forecast-accuracy')!.chart.takeaway;
    expect(t('en')).toBe(
      'No deal was forecast to close in the last 6\u00a0months (open at a month’s start with its expected close in that month), so the 2 won in them have no forecast to compare with.',
    );
    expect(t('ko')).toBe('최근 6개월 동안 마감이 예측된 딜(월초에 진행 중이고 예상 마감일이 그달인 딜)이 없어, 그동안 수주한 2건과 비교할 예측이 없습니다.');
  });
});
