/**
 * An overview tile's change ("▲ +₩2.32B (+4%)") said against what only in the
 * page's intro: a tile copied into a slide, printed, or reached by a screen
 * reader's heading jump read as a change with no period. Each change now
 * names its date on the tile; "What changed" names the date it compares with.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { changesModel, overviewModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
const dataset = makeDataset(config, [
  { id: 'W1', createdAt: at('2025-01-05'), closedAt: at('2025-04-01'), amount: 2_000_000, history: [['prospect', at('2025-01-05')], ['won', at('2025-04-01')]] },
  { id: 'O1', createdAt: at('2025-02-01'), amount: 3_000_000, expectedCloseAt: '2025-08-15', history: [['prospect', at('2025-02-01')]] },
  { id: 'O2', createdAt: at('2025-06-10'), amount: 1_000_000, expectedCloseAt: '2025-09-15', history: [['prospect', at('2025-06-10')]] },
]);
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));

describe("a tile's change says what it is against", () => {
  it('on the overview: the date 30 days earlier, in each language', () => {
    const en = overviewModel(pageContext(site, 'en')).tiles.find((t) => t.key === 'openPipeline')!;
    expect([en.delta?.text, en.since]).toEqual(['+₩1M (+33%)', 'vs May 31, 2025']);
    const ko = overviewModel(pageContext(site, 'ko')).tiles.find((t) => t.key === 'openPipeline')!;
    expect(ko.since).toBe('2025.\u00a05.\u00a031. 대비');
  });

  it('no date where no change is shown (a tile without a figure then)', () => {
    const tiles = overviewModel(pageContext(site, 'en')).tiles;
    for (const t of tiles) expect(t.since === null, t.key).toBe(t.delta === null);
    expect(tiles.some((t) => t.delta === null)).toBe(true);
  });

  it('on "What changed": the date it compares with', () => {
    const en = changesModel(pageContext(site, 'en')).tiles.find((t) => t.key === 'openPipeline')!;
    expect(en.since).toBe(`vs May 31, 2025`);
  });
});

describe('"What changed"\'s tiles say what their figure is of, as the overview\'s', () => {
  // The sample as of 2026-06-30: June 2026's target ₩8,020M, ₩5,234.1M won (₩2,785.9M to win), ₩6,095.5M open due in June;
  // 205 won of 703 closed deals in the window. A bare "2.2×" named no month.
  it('the coverage its month and amounts, a rate its deals, in English and Korean', async () => {
    const { readFolder } = await import('../../../src/lib/ingest/read-folder.ts');
    const sample = await readFolder('data/sample');
    const s = buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' });
    const tile = (locale: 'en' | 'ko', key: string) => changesModel(pageContext(s, locale)).tiles.find((t) => t.key === key)!;
    // ₩3.75B of the ₩6.1B due in June (13 of its 26 deals) is past its expected close on the 30th: the tile says so.
    expect([tile('en', 'coverage').value, tile('en', 'coverage').detail]).toEqual(['2.2×', 'Jun 2026\u00a0· ₩6.1B due ÷ ₩2.79B to win\u00a0· ₩3.75B past due']);
    expect([tile('ko', 'coverage').value, tile('ko', 'coverage').detail]).toEqual(['2.2배', '2026년\u00a06월\u00a0· 마감 예정 61억원 ÷ 남은 목표 27.9억원\u00a0· 37.5억원 마감일 경과']);
    expect(tile('en', 'winRateByCount').detail).toBe('205 / 703');
    // The sample's one open deal without an amount (deals.csv's row of the data-quality examples), counted as 0.
    expect(tile('ko', 'openPipeline').detail).toMatch(/^198건\s·\s금액 없음 1건$/u);
    // The same lines as the overview's tiles.
    for (const locale of ['en', 'ko'] as const) {
      const overview = overviewModel(pageContext(s, locale)).tiles.map((t) => [t.key, t.detail]);
      expect(changesModel(pageContext(s, locale)).tiles.map((t) => [t.key, t.detail])).toEqual(overview);
    }
  });
});
