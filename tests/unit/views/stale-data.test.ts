/**
 * How recent the data is (model/freshness.ts) and the sentence every page
 * shows when its newest change lies a week or more before the as-of date
 * (views/pages/absence.ts staleDataNote), on small hand-built data.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, FieldChange } from '../../../src/lib/dataset.ts';
import { type Config, defaultConfig } from '../../../src/lib/ingest/config.ts';
import { newestChange, newestChangeDate } from '../../../src/lib/model/freshness.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { dealTable } from '../../../src/lib/dataset-deal-table.ts';
import { utf8 } from '../ingest/helpers.ts';
import { pageContext, STALE_DATA_DAYS, staleDataNote } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { cutoffOf } from '../../../src/lib/time.ts';
import { digestMarkdown, summaryMarkdown } from '../../../src/lib/views/digest.ts';
import { qualityFacts } from '../../../src/lib/views/quality-facts.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData, prepareFilters } from '../../../src/lib/filters/recompute.ts';
import { filterDataset } from '../../../src/lib/filters/subset.ts';

/** The default config's time zone is UTC. */
const config: Config = defaultConfig();
const at = (iso: string) => Date.parse(iso);

// D1 created Jun 1, stage entered Jun 10; D2 created Jun 5, won Jun 12 (closed_at and a history row),
// removed Jul 20 (after every as-of date below); a field change Jun 14 09:00.
const specs: DealSpec[] = [
  { id: 'D1', createdAt: at('2025-06-01T09:00:00Z'), history: [['prospect', at('2025-06-01T09:00:00Z')], ['qualify', at('2025-06-10T09:00:00Z')]] },
  {
    id: 'D2',
    createdAt: at('2025-06-05T09:00:00Z'),
    closedAt: at('2025-06-12T09:00:00Z'),
    removedAt: at('2025-07-20T09:00:00Z'),
    history: [['prospect', at('2025-06-05T09:00:00Z')], ['won', at('2025-06-12T09:00:00Z')]],
  },
];
const change: FieldChange = { deal: 0, field: 'amount', oldValue: 1, newValue: 2, changedAt: at('2025-06-14T09:00:00Z'), line: 2 };

function dataset(withFieldChange: boolean): Dataset {
  const d = makeDataset(config, specs);
  d.fieldHistory = withFieldChange ? [change] : null;
  return d;
}

describe('the newest change in the data', () => {
  it('is the latest creation, close, removal, stage entry or field change before T', () => {
    const T = cutoffOf('2025-06-30', 'UTC');
    expect(newestChange(dataset(false), T)).toBe(at('2025-06-12T09:00:00Z'));
    expect(newestChange(dataset(true), T)).toBe(at('2025-06-14T09:00:00Z'));
    // The removal on Jul 20 counts once it is before T.
    expect(newestChange(dataset(true), cutoffOf('2025-07-31', 'UTC'))).toBe(at('2025-07-20T09:00:00Z'));
    // Before Jun 11: the stage entered on Jun 10 (the close on Jun 12 and later are after T).
    expect(newestChange(dataset(true), cutoffOf('2025-06-10', 'UTC'))).toBe(at('2025-06-10T09:00:00Z'));
    expect(newestChange(dataset(true), cutoffOf('2025-05-31', 'UTC'))).toBeNull();
  });

  it('as a local date: 2025-06-14 21:00 in New York is Jun 14, in Seoul already Jun 15', () => {
    const d = makeDataset(config, [{ id: 'D1', createdAt: at('2025-06-15T01:00:00Z'), history: [['prospect', at('2025-06-15T01:00:00Z')]] }]);
    expect(newestChangeDate(d, cutoffOf('2025-06-30', 'UTC'), 'America/New_York')).toBe('2025-06-14');
    expect(newestChangeDate(d, cutoffOf('2025-06-30', 'UTC'), 'Asia/Seoul')).toBe('2025-06-15');
  });

  it("an open deal's closed_at (warned, not used) is no change: the data is as old as its last stage entry", () => {
    const { dataset } = loadDataset({
      'deals.csv': utf8('deal_id,account_id,owner,amount,created_at,closed_at,stage\nD1,A1,Kim,100,2025-06-01,2025-06-25,propose\nD2,A1,Kim,100,2025-06-02,2025-06-12,won\n'),
      'stage_history.csv': utf8('deal_id,stage,entered_at\nD1,prospect,2025-06-01\nD1,propose,2025-06-10\nD2,prospect,2025-06-02\nD2,won,2025-06-12\n'),
    });
    expect(dataset.issues.map((i) => `${i.line} ${i.code}`)).toEqual(['2 close_on_open_stage']);
    expect(dealTable(dataset).closedAt[0]).toBeNaN();
    expect(dealTable(dataset).closedAt[1]).toBe(at('2025-06-12T00:00:00Z'));
    // Jun 12 (D2 won), not Jun 25: D1 was still in Proposal then.
    expect(newestChangeDate(dataset, cutoffOf('2025-06-30', 'UTC'), 'UTC')).toBe('2025-06-12');
  });
});

describe('every page says when the data may be older than the as-of date', () => {
  const note = (asOf: string, locale: 'en' | 'ko' = 'en') => {
    const site = siteDataSchema.parse(buildSiteData(dataset(true), config, asOf, { dataLabel: 'test' }));
    return { newest: site.inputs.newest_change, note: staleDataNote(pageContext(site, locale)) };
  };

  it('from a week: the newest change Jun 14, as of Jun 20 (6 days) says nothing, as of Jun 21 (7 days) and Jun 30 (16 days) it does', () => {
    expect(STALE_DATA_DAYS).toBe(7);
    expect(note('2025-06-20')).toEqual({ newest: '2025-06-14', note: null });
    expect(note('2025-06-21').note).toBe(
      'The newest change in this data is from Jun 14, 2025, 7\u00a0days before the as-of date. If the export is that old, everything since is missing: export the data again, or build as of that date (--as-of 2025-06-14).',
    );
    expect(note('2025-06-30', 'ko').note).toBe(
      '데이터에 기록된 가장 최근 변경은 기준일보다 16일 전(2025.\u00a06.\u00a014.)입니다. 내보내기가 그만큼 오래되었다면 그 이후의 변화는 빠져 있습니다. 데이터를 다시 내보내거나 그 날짜 기준으로 빌드하세요(--as-of 2025-06-14).',
    );
  });

  it('data with no change before the as-of date (an empty export, or an as-of date before the data starts) says so on every page, never a bare "$0, 0 deals"', () => {
    expect(note('2025-05-31')).toEqual({
      newest: null,
      note: 'This data records nothing before May 31, 2025: no deal created, closed or moved by then, so every figure here is empty because the data is, not because the pipeline was. Check that the export holds your deals (an unfiltered view of all dates) and export it again, or build as of a later date.',
    });
    expect(note('2025-05-31', 'ko').note).toBe(
      '이 데이터에는 2025년\u00a05월\u00a031일 이전의 기록이 없습니다. 그때까지 생성·마감·이동된 딜이 없으므로, 여기의 모든 수치가 비어 있는 것은 파이프라인이 아니라 데이터가 비어 있기 때문입니다. 내보내기에 딜이 들어 있는지(모든 날짜의 필터 없는 보기) 확인하고 다시 내보내거나, 더 나중 날짜 기준으로 빌드하세요.',
    );
    // An export of only its header row: no deal at all.
    const empty = siteDataSchema.parse(buildSiteData(makeDataset(config, []), config, '2025-06-30', { dataLabel: 'test' }));
    expect(staleDataNote(pageContext(empty, 'en'))).toMatch(/^This data records nothing before Jun 30, 2025: /u);
    const quality = qualityFacts({ files: {}, issues: [] }, { asOf: '2025-06-30', newestChange: null });
    const summary = summaryMarkdown(empty, quality, { linkRoot: null, locale: 'en', quality: { status: 'passed' }, snapshot: null });
    expect(summary.split('\n')[2]).toMatch(/^> This data records nothing before Jun 30, 2025: /u);
  });

  it('the digest and the CI summary say it first, under their title', () => {
    const siteAt = (asOf: string) => siteDataSchema.parse(buildSiteData(dataset(true), config, asOf, { dataLabel: 'test' }));
    const quoted = (md: string) => md.split('\n').filter((l) => l.startsWith('> The newest change'));
    const summary = (asOf: string) => {
      const site = siteAt(asOf);
      const quality = qualityFacts({ files: {}, issues: [] }, { asOf, newestChange: site.inputs.newest_change });
      return summaryMarkdown(site, quality, { linkRoot: null, locale: 'en', quality: { status: 'passed' }, snapshot: null });
    };
    const sentence = '> The newest change in this data is from Jun 14, 2025, 16\u00a0days before the as-of date. If the export is that old, everything since is missing: export the data again, or build as of that date (--as-of 2025-06-14).';
    expect(quoted(digestMarkdown(siteAt('2025-06-30'), { linkRoot: null, locale: 'en' }))).toEqual([sentence]);
    expect(quoted(summary('2025-06-30'))).toEqual([sentence]);
    expect(summary('2025-06-30').split('\n').slice(0, 3)).toEqual(['# Pipescope build as of Jun 30, 2025', '', sentence]);
    expect(quoted(digestMarkdown(siteAt('2025-06-20'), { linkRoot: null, locale: 'en' }))).toEqual([]);
    expect(quoted(summary('2025-06-20'))).toEqual([]);
  });
});

describe('a filtered view speaks of the export, not of the filter', () => {
  // Kim's one deal last moved Jun 5; Lee's deal was created Jun 1 and moved Jun 28. As of Jun 30 the export is
  // 2 days old, though Kim's deals alone would look 25 days old.
  const both = makeDataset(config, [
    { id: 'K1', owner: 'Kim', createdAt: at('2025-06-01T09:00:00Z'), history: [['prospect', at('2025-06-01T09:00:00Z')], ['qualify', at('2025-06-05T09:00:00Z')]] },
    { id: 'L1', owner: 'Lee', createdAt: at('2025-06-01T09:00:00Z'), history: [['prospect', at('2025-06-01T09:00:00Z')], ['qualify', at('2025-06-28T09:00:00Z')]] },
  ]);
  const asOf = '2025-06-30';
  const full = siteDataSchema.parse(buildSiteData(both, config, asOf, { dataLabel: 'test', trends: false }));
  const data = { dataset: both, config, site: filterSiteFacts(full, config) };
  prepareFilters(data);

  it("Kim's view: the export's newest change (Jun 28), no stale-data note; the same deals exported alone would have one", () => {
    const kim = { ...NO_FILTER, owner: 'Kim' };
    const view = filteredSiteData(data, kim);
    expect(view.matched).toBe(1);
    expect(full.inputs.newest_change).toBe('2025-06-28');
    expect(view.site.inputs.newest_change).toBe('2025-06-28');
    expect(view.site.inputs.oldest_record).toBe('2025-06-01');
    expect(staleDataNote(pageContext(view.site, 'en'))).toBeNull();
    const alone = buildSiteData(filterDataset(both, kim, config.timezone), config, asOf, { dataLabel: 'test', trends: false });
    expect(alone.inputs.newest_change).toBe('2025-06-05');
    expect(staleDataNote(pageContext(alone, 'en'))).toMatch(/^The newest change in this data is from Jun 5, 2025, 25\u00a0days before the as-of date\./u);
  });

  it('a filter that matches no deal: the export still has data before the as-of date, so no "records nothing" note', () => {
    const view = filteredSiteData(data, { ...NO_FILTER, owner: 'Park' });
    expect(view.matched).toBe(0);
    expect(view.site.inputs.newest_change).toBe('2025-06-28');
    expect(staleDataNote(pageContext(view.site, 'en'))).toBeNull();
  });
});
