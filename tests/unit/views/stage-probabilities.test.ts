/**
 * The funnel page's stage table: each stage's set probability beside the
 * share won of the window's deals that reached it and closed, on a small
 * hand-computed data set, and the sentence on the widest gap.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { funnelModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { largestProbabilityGap } from '../../../src/lib/views/pages/stage-probabilities.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
const site = (specs: DealSpec[]): SiteData => siteDataSchema.parse(buildSiteData(makeDataset(config, specs), config, AS_OF, { dataLabel: 'test' }));
const journey = (s: SiteData, locale: Locale = 'en') => {
  const model = funnelModel(pageContext(s, locale));
  const t = model.tables.find((x) => x.id === 'buyer-journey')!;
  return { rows: t.rows.map((r) => r.map((c) => c.text)), tones: t.rows.map((r) => r.map((c) => c.tone ?? '')), headers: t.headers.map((h) => h.label), intro: new Map(model.tableIntros).get('buyer-journey') };
};

const deal = (id: string, path: string[], end?: 'won' | 'lost'): DealSpec => ({
  id,
  createdAt: at('2025-01-10'),
  ...(end ? { closedAt: at('2025-05-01') } : {}),
  history: [...path.map((stage, i) => [stage, at(`2025-0${i + 1}-1${i}`)] as [string, number]), ...(end ? [[end, at('2025-05-01')] as [string, number]] : [])],
});
const times = (n: number, make: (i: number) => DealSpec) => Array.from({ length: n }, (_, i) => make(i));

// 8 won through qualify, 6 lost at qualify, 6 lost at prospect, 2 open at qualify: 22 deals created in the window.
// Prospect: reached by 22, closed 8 + 6 + 6 = 20, won 8: 40 % against the set 10 %.
// Qualification: reached by 16, closed 8 + 6 = 14, won 8: 57 % against 25 % (14 closed: too few for the sentence).
// Proposal and Negotiation: the 8 won deals passed them (skipped stages count as passed): 8 of 8, marked as few.
const specs = [
  ...times(8, (i) => deal(`W${i}`, ['prospect', 'qualify'], 'won')),
  ...times(6, (i) => deal(`LQ${i}`, ['prospect', 'qualify'], 'lost')),
  ...times(6, (i) => deal(`LP${i}`, ['prospect'], 'lost')),
  ...times(2, (i) => deal(`O${i}`, ['prospect', 'qualify'])),
];

describe('stage probabilities against what deals did (views/pages/stage-probabilities.ts)', () => {
  it('sets each stage’s probability beside the share won of its closed deals (hand-computed)', () => {
    const { rows, tones, headers, intro } = journey(site(specs));
    expect(headers).toEqual(['Stage', 'Probability', 'Won of closed', 'Closed deals', 'Buyer step']);
    expect(rows).toEqual([
      ['Prospect', '10%', '40%', '20', 'Need arises'],
      ['Qualification', '25%', '57%', '14', 'Requirements and solution search'],
      ['Proposal', '50%', '100%*', '8', 'Request for quote'],
      ['Negotiation', '75%', '100%*', '8', 'Comparison'],
      ['Won', '100%', '—', '—', 'Supplier selected'],
    ]);
    expect(tones.map((r) => r[2])).toEqual(['', '', 'muted', 'muted', '']);
    expect(intro).toContain('* Fewer than 10\u00a0closed deals: too few to rely on.');
    expect(intro).toContain(
      'Prospect is set at 10%, but 40% of the 20\u00a0deals that reached it and closed were won, so the weighted pipeline undercounts its open deals. If this holds as more deals close, set its probability closer in pipeline.config.json.',
    );
  });

  it('says it in Korean', () => {
    const { headers, intro } = journey(site(specs), 'ko');
    expect(headers).toEqual(['단계', '수주 확률', '종결 중 수주', '종결 딜', '고객 구매 단계']);
    expect(intro).toContain(
      '가망 고객 단계의 수주 확률은 10%로 설정되어 있지만, 이 단계에 도달해 종결된 딜 20건 중 40%가 수주되었습니다. 그래서 가중 파이프라인이 이 단계의 진행 중 딜을 적게 셉니다.',
    );
  });

  it('names no gap below 20 closed deals, and no share before any deal closed', () => {
    // One lost at prospect fewer: 19 closed there.
    const fewer = specs.filter((d) => d.id !== 'LP0');
    expect(journey(site(fewer)).intro).not.toContain('is set at');
    const open = times(12, (i) => deal(`O${i}`, ['prospect']));
    const { rows, intro } = journey(site(open));
    expect(rows.map((r) => r.slice(2, 4))).toEqual([['—', '0'], ['—', '0'], ['—', '0'], ['—', '0'], ['—', '—']]);
    expect(intro).not.toContain('is set at');
  });

  it('picks the widest gap of 15 points or more, and counts the others as far apart', () => {
    const stage = (label: string, probability: number, won: number, closed: number) => ({ label, probability, observed: { won, closed, share: won / closed } });
    expect(
      largestProbabilityGap([stage('A', 0.1, 5, 20), stage('B', 0.5, 12, 40), stage('C', 0.75, 30, 40), stage('D', 0.9, 10, 19)]),
    ).toEqual({ stage: 'B', set: 0.5, observed: { won: 12, closed: 40, share: 0.3 }, others: 1 });
    // A: 25 % against 10 % (15 points); B: 30 % against 50 % (20 points); C: 75 % against 75 %; D: 19 closed.
    expect(largestProbabilityGap([stage('A', 0.1, 4, 20), stage('C', 0.75, 30, 40)])).toBeNull(); // 20 % against 10 %
  });
});
