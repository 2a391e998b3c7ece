/**
 * The loss reasons' note on price losses before the proposal stage (views/pages/loss-matrix.ts
 * `priceBeforeQuoteNote`): counted by hand on deals lost at known stages.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import type { Config } from '../../../src/lib/ingest/config.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** A deal lost on 2025-03-01 for `reason`, at `stage` (reached after prospect). */
const lostAt = (id: string, stage: string, reason: string): DealSpec => ({
  id,
  owner: 'Kim',
  createdAt: at('2025-01-05'),
  closedAt: at('2025-03-01'),
  amount: 100,
  lostReason: reason,
  history: stage === 'prospect' ? [['prospect', at('2025-01-05')], ['lost', at('2025-03-01')]] : [['prospect', at('2025-01-05')], [stage, at('2025-02-01')], ['lost', at('2025-03-01')]],
});

const note = (config: Config, deals: DealSpec[], locale: 'en' | 'ko' = 'en') => {
  const site = siteDataSchema.parse(buildSiteData(makeDataset(config, deals), config, AS_OF, { dataLabel: 'test' }));
  return winLossModel(pageContext(site, locale)).charts.find((c) => c.id === 'loss-reasons')!.chart.takeaway;
};

// Price losses: 3 at prospect, 4 at qualify (before Proposal), 5 at propose, 1 at negotiate: 13 in all, 7 before.
// "가격" (Korean words) counts as price too; timing and the unspecified do not.
const DEALS: DealSpec[] = [
  ...[0, 1, 2].map((i) => lostAt(`P${i}`, 'prospect', 'price')),
  ...[0, 1, 2].map((i) => lostAt(`Q${i}`, 'qualify', 'price')),
  lostAt('Q3', 'qualify', '가격'),
  ...[0, 1, 2, 3, 4].map((i) => lostAt(`R${i}`, 'propose', 'price')),
  lostAt('N0', 'negotiate', 'price'),
  lostAt('T0', 'prospect', 'timing'),
  lostAt('U0', 'qualify', ''),
];

describe('price losses before a quote', () => {
  it('counts the deals lost for price before the proposal stage, out of every price loss (en, ko)', () => {
    // After what the reasons chart says of price: "price" and "가격" together, 13 of the 15 lost deals (87%).
    expect(note(defaultConfig(), DEALS)).toBe('Price (“Price” and “가격”) really is the main cause of loss: 87% of lost deals and 87% of lost value. 7 of the 13\u00a0deals lost for price never reached Proposal, so no quote had been made: ask whether price was the reason there.');
    expect(note(defaultConfig(), DEALS, 'ko')).toBe('가격(‘Price’, ‘가격’)이 실제로 가장 큰 실주 원인으로, 실주 건수의 87%, 실주 금액의 87%를 차지합니다. 가격 때문에 실주한 딜 13건 중 7건은 제안 단계에 이르지 못해 견적을 낸 적이 없습니다. 이 딜들의 실주 원인이 정말 가격이었는지 확인하세요.');
  });

  it('says all when every price loss was before the proposal stage (en, ko)', () => {
    const early = DEALS.filter((d) => !d.id.startsWith('R') && d.id !== 'N0');
    const more = [...early, ...[3, 4, 5].map((i) => lostAt(`P${i}`, 'prospect', 'price'))];
    expect(note(defaultConfig(), more)).toMatch(/ All 10\u00a0deals lost for price never reached Proposal,/u);
    expect(note(defaultConfig(), more, 'ko')).toMatch(/ 가격 때문에 실주한 딜 10건은 모두 제안 단계에 이르지 못해 견적을 낸 적이 없습니다\./u);
  });

  it('takes the proposal stage from qualification_required_from', () => {
    const config = parseConfig({ qualification_required_from: 'negotiate' });
    // Before Negotiation: prospect, qualify and propose: 12 of 13.
    expect(note(config, DEALS)).toMatch(/\. 12 of the 13\u00a0deals lost for price never reached Negotiation,/u);
  });

  it('counts a deal by the furthest stage it reached: one that went back from Proposal and was lost before it had its quote', () => {
    // Q0 to Q2 went prospect → propose → qualify → lost: lost at Qualification, but they had reached Proposal. 4 of 13 then.
    const back = (id: string): DealSpec => ({
      ...lostAt(id, 'qualify', 'price'),
      history: [['prospect', at('2025-01-05')], ['propose', at('2025-01-20')], ['qualify', at('2025-02-01')], ['lost', at('2025-03-01')]],
    });
    const deals = DEALS.map((d) => (['Q0', 'Q1', 'Q2'].includes(d.id) ? back(d.id) : d));
    expect(note(defaultConfig(), deals)).toMatch(/\. 4 of the 13\u00a0deals lost for price never reached Proposal, so no quote had been made:/u);
    // Where they were lost is unchanged: the loss matrix still counts them at Qualification. (`reached`'s last place: deals
    // once won, reopened and lost: none here.)
    const site = siteDataSchema.parse(buildSiteData(makeDataset(defaultConfig(), deals), defaultConfig(), AS_OF, { dataLabel: 'test' }));
    expect(site.loss_reasons_by_stage.find((r) => r.reason === 'price')).toEqual({ reason: 'price', counts: [3, 3, 5, 1], reached: [3, 0, 8, 1, 0] });
  });

  it('says nothing of fewer than ten price losses, nor when none was lost before the proposal stage', () => {
    expect(note(defaultConfig(), DEALS.filter((d) => d.id !== 'R0' && d.id !== 'R1' && d.id !== 'R2' && d.id !== 'R3'))).not.toContain('quote');
    expect(note(defaultConfig(), [...DEALS.filter((d) => d.id.startsWith('R') || d.id === 'N0'), ...[5, 6, 7, 8].map((i) => lostAt(`R${i}`, 'propose', 'price'))])).toBe(
      'Price really is the main cause of loss: 100% of lost deals and 100% of lost value.',
    );
  });
});
