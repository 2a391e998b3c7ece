/**
 * An owner's page for a one-to-one: the owner's win rate and median cycle
 * beside their team's and everyone's, how many of their open deals carry
 * each warning sign, and links to the funnel, win/loss, stalled and
 * forecast pages filtered to their deals (their stage conversion against
 * the unfiltered page's). On the sample as of 2026-06-30, 박지호:
 * by_owner 26 won / 57 lost (31.3%), median cycle 58.92\u00a0days; team
 * 수도권영업팀 65 / 145 (31.0%), 61.48\u00a0days; everyone 205 / 498 (29.2%),
 * 58.96\u00a0days. Their 28 open deals, counted from data/sample by hand
 * (stage_history, field_history, keyman, budget_confirmed): past expected
 * close 9, no keyman 4, budget not confirmed 6, pushed 2.
 */
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { ownerModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const { dataset, config } = await readFolder('data/sample');
const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });
const row = site.owners.rows.find((r) => r.name === '박지호')!;
const fact = (locale: 'en' | 'ko', label: string) => ownerModel(pageContext(site, locale), row).facts.find((x) => x.label === label)?.value;

describe("an owner's page for coaching", () => {
  it('win rate and median cycle beside the team and everyone', () => {
    expect(fact('ko', '수주율')).toBe('31% (26 / 83)\u00a0· 수도권영업팀 31%\u00a0· 전체 29%');
    expect(fact('ko', '영업 사이클 중앙값')).toBe('58.9일\u00a0· 수도권영업팀 61.5일\u00a0· 전체 59일');
    expect(fact('en', 'Win rate')).toBe('31% (26 / 83)\u00a0· 수도권영업팀: 31%\u00a0· all deals: 29%');
    expect(fact('en', 'Median sales cycle')).toBe('58.9\u00a0days\u00a0· 수도권영업팀: 61.5\u00a0days\u00a0· all deals: 59\u00a0days');
  });

  it('how many open deals carry each warning sign', () => {
    expect(fact('ko', '진행 중 딜의 위험 신호')).toBe('예상 마감일 경과\u00a09건\u00a0· 딜 키맨 미확인\u00a04건\u00a0· 예산 미확정\u00a06건\u00a0· 마감일 반복 연기\u00a02건');
    expect(fact('en', 'Warning signs on open deals')).toBe('Past expected close\u00a09\u00a0· Deal has no keyman\u00a04\u00a0· Budget not confirmed\u00a06\u00a0· Close date pushed repeatedly\u00a02');
  });

  it('each figure of a listed value a piece the page keeps whole when the column wraps, the pieces joined by a space being the value', () => {
    const pieces = (locale: 'en' | 'ko', label: string) => ownerModel(pageContext(site, locale), row).facts.find((x) => x.label === label)?.pieces;
    expect(pieces('ko', '수주율')).toEqual(['31% (26 / 83)\u00a0·', '수도권영업팀 31%\u00a0·', '전체 29%']);
    expect(pieces('en', 'Win rate')).toEqual(['31% (26 / 83)\u00a0·', '수도권영업팀: 31%\u00a0·', 'all deals: 29%']);
    expect(pieces('ko', '진행 중 딜의 위험 신호')).toEqual(['예상 마감일 경과\u00a09건\u00a0·', '딜 키맨 미확인\u00a04건\u00a0·', '예산 미확정\u00a06건\u00a0·', '마감일 반복 연기\u00a02건']);
    expect(pieces('en', 'Warning signs on open deals')).toEqual(['Past expected close\u00a09\u00a0·', 'Deal has no keyman\u00a04\u00a0·', 'Budget not confirmed\u00a06\u00a0·', 'Close date pushed repeatedly\u00a02']);
    for (const locale of ['en', 'ko'] as const) {
      for (const fact of ownerModel(pageContext(site, locale), row).facts) if (fact.pieces) expect(fact.pieces.join(' ')).toBe(fact.value);
    }
    // A single figure is no list.
    expect(pieces('en', 'Attainment')).toBeUndefined();
  });

  it('links to the pages filtered to the owner, when the site has filters', () => {
    const withFilters = { ...site, filters: { data: 'data/filter-data.0a.json', owners: ['박지호'], teams: [], products: [], sources: [], segments: [], industries: [], regions: [], periods: [], closings: [] } };
    const model = ownerModel(pageContext(withFilters, 'ko'), row);
    const q = `?owner=${encodeURIComponent('박지호')}`;
    expect(model.views).toEqual([
      { label: '퍼널', href: `/ko/funnel/${q}` },
      { label: '수주·실주 분석', href: `/ko/win-loss/${q}` },
      { label: '정체 딜', href: `/ko/stalled/${q}` },
      { label: '수주 예측', href: `/ko/forecast/${q}` },
      // The forecast review of the report date's quarter (as of 2026-06-30).
      { label: `${createFormatter('ko', 'KRW').period('2026-Q2')} 마감 딜`, href: `/ko/forecast/${q}&closing=2026-Q2` },
    ]);
    expect(ownerModel(pageContext(withFilters, 'en'), row).views.at(-1)).toEqual({ label: 'Close date in Q2 2026', href: `/en/forecast/${q}&closing=2026-Q2` });
    // Without filters (left out of a large site) there is nothing to link to.
    expect(ownerModel(pageContext({ ...site, filters: undefined }, 'ko'), row).views).toEqual([]);
  });
});

describe("an owner's warning signs when the data can check only some", () => {
  it('"None" only when every sign was checked; else "none of those checked", the notes above saying which were not', async () => {
    const { defaultConfig } = await import('../../../src/lib/ingest/config.ts');
    const { makeDataset } = await import('../../helpers/dataset.ts');
    const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
    const config = defaultConfig();
    // Open at Proposal since 2025-06-01, due ahead, with a keyman and a confirmed budget: no sign raised.
    const quiet = { id: 'Q1', createdAt: at('2025-05-01'), amount: 1_000_000, expectedCloseAt: '2025-08-15', keyman: 'Kim', budgetConfirmed: true, history: [['propose', at('2025-06-01')]] as [string, number][] };
    const signs = (edit: (d: ReturnType<typeof makeDataset>) => void, locale: 'en' | 'ko' = 'en') => {
      const dataset = makeDataset(config, [quiet], [{ deal: 0, field: 'expected_close_at', oldValue: '2025-08-01', newValue: '2025-08-15', changedAt: at('2025-05-20'), line: 2 }]);
      edit(dataset);
      const s = buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' });
      const label = locale === 'en' ? 'Warning signs on open deals' : '진행 중 딜의 위험 신호';
      return ownerModel(pageContext(s, locale), s.owners.rows[0]!).facts.find((x) => x.label === label)?.value;
    };
    expect(signs(() => {})).toBe('None');
    expect(signs((d) => (d.columns['deals.csv'] = new Set(['deal_id'])))).toBe('None of the signs checked (the notes above say which are not)');
    expect(signs((d) => (d.columns['deals.csv'] = new Set(['deal_id'])), 'ko')).toBe('확인한 신호 중에는 없음(확인하지 않은 신호는 위 안내 참고)');
  });
});

describe('an owner with no open deal (최지훈 on the sample: 76 deals, all closed, all in 수도권영업팀)', () => {
  const quiet = site.owners.rows.find((r) => r.name === '최지훈')!;
  it('still shows their team, and compares with it', () => {
    expect(site.open_deals.filter((d) => d.owner === '최지훈')).toEqual([]);
    expect(quiet.teams).toEqual(['수도권영업팀']);
    const facts = ownerModel(pageContext(site, 'en'), quiet).facts;
    expect(facts.find((x) => x.label === 'Team')?.value).toBe('수도권영업팀');
    expect(facts.find((x) => x.label === 'Win rate')?.value).toMatch(/\u00a0· 수도권영업팀: 31%\u00a0· all deals: 29%$/u);
  });
});
