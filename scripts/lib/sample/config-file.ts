/** pipeline.config.json of the generated folder. */
import type { Resolved } from './options.ts';
import { PRODUCTS, STAGES } from './world.ts';

/**
 * Words for the codes the sample's deals carry (loss and win reasons,
 * sources, purchase types, forecast categories): config `labels`, so no page
 * shows `after_sales`.
 */
export const CODE_LABELS: Record<string, { en: string; ko: string }> = {
  after_sales: { en: 'After-sales service', ko: '사후 서비스' },
  brand: { en: 'Brand', ko: '브랜드' },
  timing: { en: 'Timing', ko: '도입 시기' },
  no_budget: { en: 'No budget', ko: '예산 없음' },
  price: { en: 'Price', ko: '가격' },
  competitor_relationship: { en: 'Relationship with a competitor', ko: '경쟁사와의 관계' },
  sales_approach: { en: 'Sales approach', ko: '영업 방식' },
  technical_fit: { en: 'Technical fit', ko: '기술 적합성' },
  relationship: { en: 'Relationship', ko: '고객 관계' },
  delivery: { en: 'Delivery', ko: '납기' },
  reference_site: { en: 'Reference site', ko: '레퍼런스 사이트' },
  inbound: { en: 'Inbound', ko: '인바운드' },
  outbound: { en: 'Outbound', ko: '아웃바운드' },
  referral: { en: 'Referral', ko: '소개' },
  partner: { en: 'Partner', ko: '파트너' },
  exhibition: { en: 'Trade show', ko: '전시회' },
  bulk: { en: 'Bulk purchase', ko: '일괄 구매' },
  phased: { en: 'Phased purchase', ko: '단계별 구매' },
  commit: { en: 'Commit', ko: '커밋' },
  best_case: { en: 'Best case', ko: '베스트 케이스' },
  pipeline: { en: 'Pipeline', ko: '파이프라인' },
  omitted: { en: 'Omitted', ko: '제외' },
};

export function configJson(o: Resolved): string {
  const products: Record<string, { lifecycle_months: number }> = {};
  for (const p of PRODUCTS) products[p.code] = { lifecycle_months: p.lifecycle };
  const config = {
    ...(o.schemaRef ? { $schema: o.schemaRef } : {}),
    currency: 'KRW',
    timezone: 'Asia/Seoul',
    locale: 'ko',
    window_days: 365,
    waterfall_days: 30,
    stages: STAGES,
    date_order: 'YMD',
    decimal: '.',
    qualification_required_from: 'propose',
    stall_days: {},
    products,
    fx: { USD: 1380 },
    labels: CODE_LABELS,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
