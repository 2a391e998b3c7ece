/**
 * Win / loss: win rates by qualification (keyman named, budget confirmed) of the deals closed in the analysis
 * window, hand-counted. On the sample as of 2026-06-30: 194 of 496 won with a keyman (39%), 11 of 207 without
 * (5%); 192 of 425 with a confirmed budget (45%), 13 of 278 without (5%), the 205 won and 498 lost of its win rate.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { pageParts } from '../../../src/lib/filters/page-parts.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig(undefined);
let n = 0;
/** A deal created 2025-01-02 and closed (won or lost) on `closed`, with or without keyman and budget. */
const closedDeal = (won: boolean, keyman: boolean, budget: boolean, closed = '2025-05-01'): DealSpec => ({
  id: `D${++n}`,
  createdAt: noonOf('2025-01-02'),
  closedAt: noonOf(closed),
  keyman: keyman ? 'Kim' : '',
  budgetConfirmed: budget,
  history: [
    ['prospect', noonOf('2025-01-02')],
    [won ? 'won' : 'lost', noonOf(closed)],
  ],
});
const times = (k: number, make: () => DealSpec) => Array.from({ length: k }, make);

describe('win rates by qualification', () => {
  // Named: 6 won + 6 lost (12, 50%); missing: 1 won + 9 lost (10, 10%). Budget: confirmed = the 6 won named + 2 lost
  // named (8: 6 won, 75%, too few); unconfirmed = the rest (14: 1 won). One closed before the window, one open: not counted.
  const deals = [
    ...times(6, () => closedDeal(true, true, true)),
    ...times(2, () => closedDeal(false, true, true)),
    ...times(4, () => closedDeal(false, true, false)),
    closedDeal(true, false, false),
    ...times(9, () => closedDeal(false, false, false)),
    closedDeal(true, true, true, '2024-03-01'),
    { id: 'OPEN', createdAt: noonOf('2025-06-01'), keyman: '', history: [['prospect', noonOf('2025-06-01')]] } satisfies DealSpec,
  ];
  const site = siteDataSchema.parse(buildSiteData(makeDataset(config, deals), config, '2025-06-30', { dataLabel: 'test' }));

  it('counts the deals closed in the window (hand-computed)', () => {
    expect(site.qualification_outcomes).toEqual({
      keyman: { named: { won: 6, lost: 6 }, missing: { won: 1, lost: 9 } },
      budget: { confirmed: { won: 6, lost: 2 }, unconfirmed: { won: 1, lost: 13 } },
    });
  });

  it('says the rates where both sides have enough deals, and what is too few', () => {
    const model = winLossModel(pageContext(site, 'en'));
    const t = model.tables.find((x) => x.id === 'qualification-win-rate')!;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Keyman named', '12', '6', '50%'],
      ['No keyman', '10', '1', '10%'],
      ['Budget confirmed', '8', '6', '75%'],
      ['Budget not confirmed', '14', '1', '7%'],
    ]);
    expect(t.rows.map((r) => r[3]!.tone)).toEqual([undefined, undefined, 'muted', undefined]);
    // The CSV has the lost deals too, and the rate unrounded.
    expect(t.csv.headers).toEqual(['Deals closed', 'Closed', 'Won', 'Lost', 'Win rate']);
    expect(t.csv.rows[3]).toEqual(['Budget not confirmed', 14, 1, 13, 0.0714]);
    expect(model.tableIntros).toEqual([
      [
        'qualification-win-rate',
        'Deals closed in the analysis window that named a keyman were won 50% of the time (6 of 12), those without one 10% (1 of 10). ' +
          // Fisher's exact test: 7 won of 22, P(6 of the 12 won) = C(12,6) C(10,1) / C(22,7) = 9,240 / 170,544; the tables as
          // likely or less (0, 1, 6 and 7 won) 120 + 2,520 + 9,240 + 792 = 12,672: p = 0.074, so the gap could be chance.
          'At these deal counts a gap this size could be chance: no clear difference. ' +
          'Too few deals closed with “Budget confirmed” (8) to compare win rates. ' +
          'Keyman and budget are as the export records them today, not as they stood while each deal was open.',
      ],
    ]);
    // A filter replaces the sentences with the table, and the page’s lead (7 won of 22 closed, no amounts: no rate by
    // value); every other table’s are none (its place hidden).
    expect(model.lead).toMatch(/^In the analysis window 22\u00a0deals closed: 7 won and 15 lost, a win rate of 32%\.$/u);
    const texts = pageParts(pageContext(site, 'en'), 'win-loss').texts;
    expect(texts.filter(([, text]) => text !== '')).toEqual([
      ['qualification-win-rate-intro', model.tableIntros![0]![1]],
      ['page-intro', model.lead],
    ]);
    expect(texts.map(([id]) => id)).toEqual([...model.tables.map((t) => `${t.id}-intro`), 'page-intro']);
  });

  it('says which column is missing, and has no table without either', () => {
    const noBudget = makeDataset(config, deals);
    noBudget.columns['deals.csv'] = new Set(['deal_id', 'keyman']);
    const site2 = siteDataSchema.parse(buildSiteData(noBudget, config, '2025-06-30', { dataLabel: 'test' }));
    expect(site2.qualification_outcomes.budget).toBeNull();
    const intro = winLossModel(pageContext(site2, 'ko')).tableIntros![0]![1];
    expect(intro).toContain('deals.csv에 budget_confirmed 열이 없습니다.');
    const neither = makeDataset(config, deals);
    neither.columns['deals.csv'] = new Set(['deal_id']);
    const site3 = siteDataSchema.parse(buildSiteData(neither, config, '2025-06-30', { dataLabel: 'test' }));
    const model3 = winLossModel(pageContext(site3, 'en'));
    expect(model3.tables.map((t) => t.id)).not.toContain('qualification-win-rate');
    expect(model3.tableIntros).toEqual([]);
  });

  it('on the sample: the win rate’s 205 won and 498 lost, split', async () => {
    const sample = await readFolder('data/sample');
    const s = siteDataSchema.parse(buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' }));
    expect(s.qualification_outcomes).toEqual({
      keyman: { named: { won: 194, lost: 302 }, missing: { won: 11, lost: 196 } },
      budget: { confirmed: { won: 192, lost: 233 }, unconfirmed: { won: 13, lost: 265 } },
    });
    expect(s.metrics.win_rate).toMatchObject({ won_count: 205, lost_count: 498 });
  });
});
