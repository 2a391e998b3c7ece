/**
 * Loss and win reasons written more than one way (views/pages/reason-spellings.ts): the Win / loss page names
 * them, since each spelling counts as a reason of its own (metrics.md groups reasons by their text).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { pageContext, winLossModel } from '../../../src/lib/views/pages/index.ts';
import { reasonSpellings } from '../../../src/lib/views/pages/reason-spellings.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import type { Config } from '../../../src/lib/ingest/config.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const lost = (id: string, reason: string): DealSpec => ({
  id,
  createdAt: at('2025-01-05'),
  closedAt: at('2025-03-01'),
  lostReason: reason,
  history: [['prospect', at('2025-01-05')], ['lost', at('2025-03-01')]],
});
const site = (config: Config, deals: DealSpec[]) => siteDataSchema.parse(buildSiteData(makeDataset(config, deals), config, '2025-06-30', { dataLabel: 'test' }));

// price ×3, Price ×2, 가격 ×2, 가 격 ×1, timing ×1, no reason ×1.
const DEALS = [
  ...[0, 1, 2].map((i) => lost(`A${i}`, 'price')),
  ...[0, 1].map((i) => lost(`B${i}`, 'Price')),
  ...[0, 1].map((i) => lost(`C${i}`, '가격')),
  lost('D0', '가 격'),
  lost('E0', 'timing'),
  lost('F0', ''),
];

describe('reasons written more than one way', () => {
  it('groups the spellings that differ by case, width or spaces, most deals first', () => {
    const ctx = pageContext(site(defaultConfig(), DEALS), 'en');
    expect(reasonSpellings(ctx, ctx.site.metrics.loss_reasons)).toEqual([
      ['price', 'Price'],
      ['가격', '가 격'],
    ]);
    expect(winLossModel(ctx).notes[0]).toBe(
      'Some reasons are written more than one way, and each spelling counts as a reason of its own in the charts and tables below: “price” and “Price”; “가격” and “가 격”. Make the reason a pick-list in the CRM, or write each one the same way.',
    );
  });

  it('counts a code and the words its config label gives it as one reason', () => {
    // labels: "price" reads 가격 on the Korean page, so 가격 and 가 격 are its spellings there ("Price", no code, reads Price).
    const config = parseConfig({ labels: { price: { en: 'Price', ko: '가격' } } });
    const ko = pageContext(site(config, DEALS), 'ko');
    expect(reasonSpellings(ko, ko.site.metrics.loss_reasons)).toEqual([['price', '가격', '가 격']]);
    expect(winLossModel(ko).notes[0]).toBe(
      '같은 사유가 여러 가지로 적혀 있어 아래 차트와 표에서 표기마다 다른 사유로 셉니다: ‘price’, ‘가격’, ‘가 격’. CRM에서 사유를 선택 목록으로 만들거나 한 가지 표기로 통일하세요.',
    );
  });

  it('says nothing when each reason is written one way', () => {
    const ctx = pageContext(site(defaultConfig(), DEALS.filter((d) => d.lostReason === 'price' || d.lostReason === '가격' || d.lostReason === 'timing')), 'en');
    expect(winLossModel(ctx).notes.join(' ')).not.toContain('more than one way');
  });
});
