/**
 * The won deals' days per stage (metrics/conversion.ts `wonTimeInStage`) and
 * the Velocity page's table of them, on a handful of deals computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { contextAt, prepare } from '../../../src/lib/metrics/context.ts';
import { wonTimeInStage } from '../../../src/lib/metrics/conversion.ts';
import { pageContext, velocityModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
/** Noon UTC of a date (the default config's time zone is UTC). */
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();

const deal = (id: string, history: [string, string][], extra: Partial<DealSpec> = {}): DealSpec => ({
  id,
  owner: 'Kim',
  createdAt: at(history[0]![1]),
  amount: 100,
  history: history.map(([stage, date]) => [stage, at(date)]),
  ...(['won', 'lost'].includes(history.at(-1)![0]) ? { closedAt: at(history.at(-1)![1]) } : {}),
  ...extra,
});

const DEALS: DealSpec[] = [
  // prospect 10 days, qualify 20, propose 30.
  deal('W1', [['prospect', '2025-01-05'], ['qualify', '2025-01-15'], ['propose', '2025-02-04'], ['won', '2025-03-06']]),
  // prospect 4, propose 10 then again 10 (20 in all), qualify 5 between: one deal, its spells summed.
  deal('W2', [['prospect', '2025-01-05'], ['propose', '2025-01-09'], ['qualify', '2025-01-19'], ['propose', '2025-01-24'], ['won', '2025-02-03']]),
  // prospect 10.
  deal('W3', [['prospect', '2025-06-01'], ['won', '2025-06-11']]),
  // Won before the window (2024-07-01 to 2025-06-30), lost, and open: none counts.
  deal('W0', [['prospect', '2024-01-01'], ['negotiate', '2024-02-01'], ['won', '2024-03-01']]),
  deal('L1', [['prospect', '2025-01-05'], ['negotiate', '2025-01-20'], ['lost', '2025-02-04']]),
  deal('O1', [['prospect', '2025-01-05'], ['negotiate', '2025-02-05']]),
];

describe("the won deals' days in each stage", () => {
  it('are each won deal of the window’s days there, its visits summed, by stage', () => {
    const ctx = contextAt(prepare(makeDataset(config, DEALS), config), AS_OF);
    expect(wonTimeInStage(ctx)).toEqual([
      // [4, 10, 10]: median 10, P90 10 + 0.8 × 0.
      { stage: 'prospect', deals: 3, median_days: 10, p90_days: 10 },
      // [5, 20]: median 12.5, P90 5 + 0.9 × 15.
      { stage: 'qualify', deals: 2, median_days: 12.5, p90_days: 18.5 },
      // [20, 30]: median 25, P90 20 + 0.9 × 10.
      { stage: 'propose', deals: 2, median_days: 25, p90_days: 29 },
      // Only the lost, open and earlier won deals were there.
      { stage: 'negotiate', deals: 0, median_days: null, p90_days: null },
    ]);
  });

  it('are a table on the Velocity page, each figure of fewer than five deals marked (en, ko)', () => {
    const site = siteDataSchema.parse(buildSiteData(makeDataset(config, DEALS), config, AS_OF, { dataLabel: 'test' }));
    const table = (locale: 'en' | 'ko') => velocityModel(pageContext(site, locale)).tables.find((t) => t.id === 'won-time-in-stage')!;
    const en = table('en');
    expect(en.caption).toBe('Days the won deals spent in each stage');
    expect(en.compact).toBe(true);
    expect(en.headers.map((h) => h.label)).toEqual(['Stage', 'Won deals', 'Median', 'P90']);
    expect(en.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Prospect', '3', '10\u00a0days*', '10\u00a0days*'],
      ['Qualification', '2', '12.5\u00a0days*', '18.5\u00a0days*'],
      ['Proposal', '2', '25\u00a0days*', '29\u00a0days*'],
      ['Negotiation', '0', '—', '—'],
    ]);
    expect(en.csv.headers).toEqual(['Stage ID', 'Stage', 'Won deals', 'Median (days)', 'P90 (days)']);
    expect(en.csv.rows[1]).toEqual(['qualify', 'Qualification', 2, 12.5, 18.5]);
    const ko = table('ko');
    expect(ko.caption).toBe('수주한 딜이 단계별로 머문 기간');
    expect(ko.rows[1]!.map((c) => c.text)).toEqual(['구매의사 확인·내부 검증', '2', '12.5일*', '18.5일*']);
  });

  it('say that no deal was won rather than a row of dashes per stage', () => {
    const site = siteDataSchema.parse(buildSiteData(makeDataset(config, DEALS.slice(3)), config, AS_OF, { dataLabel: 'test' }));
    const table = velocityModel(pageContext(site, 'en')).tables.find((t) => t.id === 'won-time-in-stage')!;
    expect(table.rows).toEqual([]);
    expect(table.empty).toBe('No deals were won in the analysis window.');
  });
});
