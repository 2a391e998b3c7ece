/**
 * Warning signs the data cannot raise. Without a keyman or budget_confirmed
 * column (most CRM exports have neither), with qualification_required_from
 * off, or without any expected close date, no deal ever gets that flag: the
 * stalled page's "by warning sign" table then says "No other warning sign"
 * for every stalled deal. The stalled, forecast, owner and data-quality
 * pages say which signs are not checked, why, and how to get them.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { type Config, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { dataQualityModel, forecastModel, ownerModel, pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema, type SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const AS_OF = '2025-06-30';
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

function site(config: Config, specs: DealSpec[], edit: (d: Dataset) => void = () => {}): SiteData {
  const dataset = makeDataset(config, specs);
  edit(dataset);
  return siteDataSchema.parse(buildSiteData(dataset, config, AS_OF, { dataLabel: 'test' }));
}
const ctx = (s: SiteData, locale: Locale = 'en') => pageContext(s, locale);

/** Open at Proposal since 2025-01-10 (171 days: stalled over the 30-day default), no keyman, budget not confirmed, past its close date. */
const stalledDeal: DealSpec = {
  id: 'S1',
  createdAt: at('2025-01-02'),
  amount: 5_000_000,
  expectedCloseAt: '2025-03-31',
  history: [
    ['prospect', at('2025-01-02')],
    ['propose', at('2025-01-10')],
  ],
};
const withoutColumns = (d: Dataset) => {
  d.columns['deals.csv'] = new Set(['deal_id', 'stage', 'amount', 'expected_close_at']);
};

const KEYMAN =
  '“Deal has no keyman” is not checked: deals.csv has no keyman column. Add one with each deal’s identified key decision maker (empty while none is known) to flag the deals from Proposal on that have none.';
const BUDGET =
  '“Budget not confirmed” is not checked: deals.csv has no budget_confirmed column. Add one saying whether the customer’s budget is confirmed (yes or no) to flag the deals from Proposal on whose budget is not.';
const OFF =
  '“Deal has no keyman” and “Budget not confirmed” are not checked: pipeline.config.json sets no qualification_required_from. Set it to the first stage by which a deal should have a keyman and a confirmed budget (for example "propose").';
const PAST_CLOSE =
  '“Past expected close” is not checked: no open deal has an expected close date. Record one on each deal in the CRM and export it as expected_close_at in deals.csv.';

const pages = (s: SiteData, locale: Locale = 'en') => {
  const c = ctx(s, locale);
  return {
    stalled: stalledModel(c).notes,
    forecast: forecastModel(c).notes,
    owner: ownerModel(c, s.owners.rows.find((r) => r.name === 'O')!).notes,
    quality: dataQualityModel(c).limits,
  };
};

describe('warning signs the data cannot raise', () => {
  it('without keyman and budget_confirmed columns: every deal list page says both are not checked and how to add them', () => {
    const s = site(defaultConfig(), [stalledDeal], withoutColumns);
    // The stalled deal has neither a keyman nor a confirmed budget, yet gets only the flag the data can raise.
    expect(s.metrics.stalled.map((r) => [r.deal_id, r.flags])).toEqual([['S1', ['past_expected_close']]]);
    expect(s.inputs.qualification).toEqual({ from: 'propose', no_keyman: 'no_column', budget_unconfirmed: 'no_column' });
    for (const notes of Object.values(pages(s))) {
      expect(notes).toContain(KEYMAN);
      expect(notes).toContain(BUDGET);
      expect(notes).not.toContain(PAST_CLOSE);
    }
    const ko = pages(s, 'ko').stalled;
    expect(ko).toContain(
      '‘딜 키맨 미확인’은 확인하지 않습니다. deals.csv에 keyman 열이 없습니다. 딜마다 확인된 핵심 의사결정자(아직 모르면 비움)를 담은 keyman 열을 추가하면 제안 단계부터 키맨이 없는 딜을 표시합니다.',
    );
    expect(ko).toContain(
      '‘예산 미확정’은 확인하지 않습니다. deals.csv에 budget_confirmed 열이 없습니다. 고객 예산이 확정됐는지(yes 또는 no)를 담은 budget_confirmed 열을 추가하면 제안 단계부터 예산이 확정되지 않은 딜을 표시합니다.',
    );
  });

  it('only the missing column is named', () => {
    const s = site(defaultConfig(), [stalledDeal], (d) => {
      d.columns['deals.csv'] = new Set(['deal_id', 'keyman']);
    });
    expect(s.metrics.stalled[0]!.flags).toEqual(['past_expected_close', 'no_keyman']);
    expect(pages(s).stalled).not.toContain(KEYMAN);
    expect(pages(s).stalled).toContain(BUDGET);
  });

  it('with qualification_required_from null: says the config turns both off, not that columns are missing', () => {
    const s = site(parseConfig({ qualification_required_from: null }), [stalledDeal]);
    expect(s.metrics.stalled[0]!.flags).toEqual(['past_expected_close']);
    for (const notes of Object.values(pages(s))) {
      expect(notes).toContain(OFF);
      expect(notes).not.toContain(KEYMAN);
    }
    expect(pages(s, 'ko').stalled).toContain(
      '‘딜 키맨 미확인’과 ‘예산 미확정’은 확인하지 않습니다. pipeline.config.json에 qualification_required_from이 없습니다. 키맨과 확정된 예산이 있어야 하는 첫 단계(예: "propose")로 설정하세요.',
    );
  });

  it('no open deal with an expected close date: past expected close is not checked', () => {
    const s = site(defaultConfig(), [{ ...stalledDeal, expectedCloseAt: null }]);
    expect(s.metrics.stalled[0]!.flags).toEqual(['no_keyman', 'budget_unconfirmed']);
    expect(pages(s).stalled).toContain(PAST_CLOSE);
    expect(pages(s, 'ko').stalled).toContain(
      '‘예상 마감일 경과’는 확인하지 않습니다. 예상 마감일이 있는 진행 중 딜이 없습니다. CRM에서 딜마다 예상 마감일을 입력하고 deals.csv의 expected_close_at 열로 내보내세요.',
    );
  });

  it('the open deals with a warning sign, when there are none, name only the signs the data can raise', () => {
    const flaggedEmpty = (s: SiteData, locale: Locale = 'en') => {
      const t = stalledModel(ctx(s, locale)).flagged;
      expect(t.rows).toEqual([]);
      return t.empty;
    };
    // No keyman or budget column and no close-date history: only past expected close is looked for.
    const one = site(defaultConfig(), [stalledDeal], withoutColumns);
    expect(one.metrics.slippage).toBeNull();
    expect(flaggedEmpty(one)).toBe('No other open deal shows a warning sign (past expected close).');
    expect(flaggedEmpty(one, 'ko')).toBe('그 밖에 위험 신호(예상 마감일 경과)가 있는 진행 중 딜이 없습니다.');
    // Every column, and close dates tracked (one change, a pull-in): all four.
    const all = site(defaultConfig(), [stalledDeal], (d) => {
      d.fieldHistory = [{ deal: 0, field: 'expected_close_at', oldValue: '2025-04-30', newValue: '2025-03-31', changedAt: at('2025-02-01'), line: 2 }];
    });
    expect(all.metrics.slippage).not.toBeNull();
    expect(flaggedEmpty(all)).toBe(
      'No other open deal shows a warning sign (past expected close, deal has no keyman, budget not confirmed, close date pushed repeatedly).',
    );
    expect(flaggedEmpty(all, 'ko')).toBe('그 밖에 위험 신호(예상 마감일 경과, 딜 키맨 미확인, 예산 미확정, 마감일 반복 연기)가 있는 진행 중 딜이 없습니다.');
    // Nothing to look for: said so, never "no deal shows a warning sign".
    const none = site(parseConfig({ qualification_required_from: null }), [{ ...stalledDeal, expectedCloseAt: null }]);
    expect(flaggedEmpty(none)).toBe('No warning sign can be checked in this data (the notes above say what each needs), so no deal is listed here.');
    expect(flaggedEmpty(none, 'ko')).toBe('이 데이터로는 확인할 수 있는 위험 신호가 없어(필요한 항목은 위 안내 참고) 여기에 표시할 딜이 없습니다.');
  });

  it('says nothing of it when every sign can be raised', () => {
    const s = site(defaultConfig(), [stalledDeal]);
    expect(s.metrics.stalled[0]!.flags).toEqual(['past_expected_close', 'no_keyman', 'budget_unconfirmed']);
    expect(s.inputs.qualification).toEqual({ from: 'propose', no_keyman: 'checked', budget_unconfirmed: 'checked' });
    for (const notes of [...Object.values(pages(s)), ...Object.values(pages(s, 'ko'))]) {
      expect(JSON.stringify(notes)).not.toMatch(/is not checked|확인하지 않습니다/);
    }
  });
});
