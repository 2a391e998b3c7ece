/**
 * A tile whose figure has a value now and had none at the earlier date showed no change line and never said why:
 * on the sample, the coverage tile on May 31 (the May target was already met, so no coverage then) read as a line
 * missing from the page. The tile now says why in its place, on the overview and on "What changed".
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../../src/lib/dataset.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { changesModel, overviewModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();

/** Won on `wonAt`; an open deal due in June; the targets given. */
function siteWith(wonAt: string, targets: Target[]) {
  const dataset = makeDataset(config, [
    { id: 'W1', createdAt: at('2025-01-05'), closedAt: at(wonAt), amount: 2_000_000, history: [['prospect', at('2025-01-05')], ['won', at(wonAt)]] },
    { id: 'O1', createdAt: at('2025-02-01'), amount: 3_000_000, expectedCloseAt: '2025-06-20', history: [['prospect', at('2025-02-01')]] },
  ]);
  dataset.targets = targets;
  return siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
}
const target = (period: string, targetAmount: number): Target => ({ period, owner: '', team: '', targetAmount, line: 2 });

describe('a tile says why it shows no change', () => {
  it('coverage: the earlier period’s target was already met then (both pages, both languages)', () => {
    const site = siteWith('2025-05-10', [target('2025-05', 1_000_000), target('2025-06', 5_000_000)]);
    for (const model of [overviewModel, changesModel]) {
      const en = model(pageContext(site, 'en')).tiles.find((t) => t.key === 'coverage')!;
      expect([en.value, en.delta, en.noChange]).toEqual(['0.6×', null, 'No comparison: on May 31, 2025 the May 2025 target was already met']);
      const ko = model(pageContext(site, 'ko')).tiles.find((t) => t.key === 'coverage')!;
      expect(ko.noChange).toBe('비교 불가: 2025년\u00a05월\u00a031일에 이미 2025년\u00a05월 목표를 달성함');
    }
  });

  it('coverage: no target for the period then; a win rate with no deal closed then', () => {
    const site = siteWith('2025-06-10', [target('2025-06', 5_000_000)]);
    const tiles = (locale: 'en' | 'ko') => Object.fromEntries(overviewModel(pageContext(site, locale)).tiles.map((t) => [t.key, t.noChange ?? null]));
    expect(tiles('en')).toMatchObject({ coverage: 'No comparison: no target for the period on May 31, 2025', winRateByCount: 'No comparison: no figure on May 31, 2025', openPipeline: null });
    expect(tiles('ko')).toMatchObject({ coverage: '비교 불가: 2025.\u00a05.\u00a031. 기준 해당 기간 목표 없음', winRateByCount: '비교 불가: 2025.\u00a05.\u00a031. 기준 수치 없음', openPipeline: null });
  });

  it('says nothing where a change is shown, an unchanged figure included', () => {
    const site = siteWith('2025-05-10', [target('2025-05', 1_000_000), target('2025-06', 5_000_000)]);
    const open = overviewModel(pageContext(site, 'en')).tiles.find((t) => t.key === 'openPipeline')!;
    expect([open.delta?.text, open.noChange]).toEqual(['₩0 (0%)', null]);
  });
});
