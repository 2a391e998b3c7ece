/**
 * The Velocity page's time-in-stage takeaway: of the stays that ended, and the open deals in the slowest stage
 * that have been there longer than its P90 already (views/pages/analysis.ts `timeInStageBlock`).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { pageContext, velocityModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('open deals past the slowest stage’s P90', () => {
  // Twenty stays in prospect ended, of 1 to 20 days (P90 18.1 days, median 10.5); three deals are in prospect now:
  // since 60 and 30 days before as-of (past the P90) and since 5 days (not).
  const ended: DealSpec[] = Array.from({ length: 20 }, (_, i) => ({
    id: `E${i}`,
    createdAt: at('2025-03-01'),
    history: [
      ['prospect', at('2025-03-01')],
      ['qualify', at('2025-03-01') + (i + 1) * DAY],
    ],
  }));
  const open = (id: string, since: string): DealSpec => ({ id, createdAt: at(since), history: [['prospect', at(since)]] });
  const config = defaultConfig();
  const specs = [...ended, open('O1', '2025-05-01'), open('O2', '2025-05-31'), open('O3', '2025-06-25')];
  const site = siteDataSchema.parse(buildSiteData(makeDataset(config, specs), config, '2025-06-30', { dataLabel: 'test' }));

  it('counts them in the takeaway (en, ko)', () => {
    const takeaway = (locale: 'en' | 'ko') => velocityModel(pageContext(site, locale)).charts.find((c) => c.id === 'time-in-stage')!.chart.takeaway;
    expect(takeaway('en')).toBe(
      'Of the stays that ended in the analysis window, deals sat longest in Prospect: a median of 10.5\u00a0days, and one in ten 18.1\u00a0days or more; 2\u00a0open deals have been in it longer than that already.',
    );
    expect(takeaway('ko')).toMatch(/ 지금 이 단계의 진행 중 딜 2건은 이미 그보다 오래 머물고 있습니다\.$/u);
  });
});
