/**
 * The tiles' hints say "deals closed in the analysis window" and the funnel
 * counts the deals created in it, but the overview, "What changed" and an
 * owner's page never said which dates that window covers: a manager reading
 * "29% (205 / 703)" could not tell a year from a quarter. Each now says.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { changesModel, overviewModel, ownerModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
const dataset = makeDataset(config, [
  { id: 'W1', createdAt: at('2025-01-05'), closedAt: at('2025-04-01'), amount: 2_000_000, keyman: 'Kim', budgetConfirmed: true, history: [['prospect', at('2025-01-05')], ['won', at('2025-04-01')]] },
  { id: 'O1', createdAt: at('2025-05-01'), amount: 3_000_000, expectedCloseAt: '2025-08-15', keyman: 'Lee', budgetConfirmed: true, history: [['prospect', at('2025-05-01')]] },
]);
// window_days 365 as of 2025-06-30: from 2024-07-01.
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));

describe('the analysis window, named where its figures are', () => {
  it('the overview says which dates the win rates, cycle, velocity and funnel count', () => {
    expect(overviewModel(pageContext(site, 'en')).window).toBe(
      'Win rates, the median sales cycle and sales velocity count the deals closed in the analysis window, Jul 1, 2024 to Jun 30, 2025; the stage-to-stage conversion, the deals created in it.',
    );
    expect(overviewModel(pageContext(site, 'ko')).window).toBe(
      '수주율, 영업 사이클 중앙값, 영업 속도는 분석 기간(2024.\u00a07.\u00a01. ~ 2025.\u00a06.\u00a030.)에 마감된 딜, 단계별 전환율은 이 기간에 생성된 딜 기준입니다.',
    );
  });

  it('"What changed" says each date counts its own 365 days', () => {
    expect(changesModel(pageContext(site, 'en')).vsDate).toBe(
      'Changes are against May 31, 2025. Win rates, the median sales cycle and sales velocity count, at each date, the deals closed in the 365\u00a0days up to it.',
    );
    expect(changesModel(pageContext(site, 'ko')).vsDate).toBe(
      '변화는 2025.\u00a05.\u00a031. 대비입니다. 수주율, 영업 사이클 중앙값, 영업 속도는 날짜마다 그날까지 365일 동안 마감된 딜 기준입니다.',
    );
  });

  it("an owner's page says over which dates its win rate counts", () => {
    const row = site.owners.rows.find((r) => r.name === 'O')!;
    expect(ownerModel(pageContext(site, 'en'), row).notes).toEqual([
      'Win rate (won / closed deals) and median cycle count the deals closed in the analysis window (Jul 1, 2024 to Jun 30, 2025).',
      'Close-date changes are not tracked: add field_history.csv with expected_close_at changes (or export the CRM’s close-date history) to see slippage and pushed deals.',
    ]);
  });
});

describe('the coverage tile without targets', () => {
  it('the overview says why coverage reads "—" and how to get it, as the forecast page does', () => {
    // makeDataset gives no targets.csv.
    expect(overviewModel(pageContext(site, 'en')).notes).toContain(
      'Coverage and projected attainment need targets: add targets.csv with company-wide targets (owner and team left empty) per month or quarter.',
    );
    expect(overviewModel(pageContext(site, 'ko')).notes).toContain(
      '커버리지와 예상 달성률을 보려면 목표가 필요합니다. 월 또는 분기별 전사 목표(담당자·팀 열은 비움)를 담은 targets.csv를 추가하세요.',
    );
  });
});
