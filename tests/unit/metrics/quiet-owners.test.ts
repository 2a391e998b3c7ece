/**
 * Owners gone quiet (metrics/quiet-owners.ts): no deal open at T and no deal activity (a deal created, a stage
 * entered, a close) for 180 days before T. Hand-computed, and on the sample, whose 최지훈 left after Feb 24, 2025
 * (his last stage entry, counted in stage_history.csv), with customers still due to buy again under his name.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filteredSiteData } from '../../../src/lib/filters/recompute.ts';
import { contextAt, prepare } from '../../../src/lib/metrics/index.ts';
import { quietOwners } from '../../../src/lib/metrics/quiet-owners.ts';
import { ownerModel, pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset, noonOf } from '../../helpers/dataset.ts';

const config = parseConfig(undefined);

describe('quiet owners', () => {
  it('no open deal and nothing for 180 days before T (hand-computed)', () => {
    const dataset = makeDataset(config, [
      // Kim: lost on 2024-12-01, 211 days before 2025-06-30: quiet since then.
      { id: 'K1', owner: 'Kim', createdAt: noonOf('2024-10-01'), closedAt: noonOf('2024-12-01'), history: [['prospect', noonOf('2024-10-01')], ['lost', noonOf('2024-12-01')]] },
      // Lee: won on 2025-02-01, 149 days before: not quiet.
      { id: 'L1', owner: 'Lee', createdAt: noonOf('2024-10-01'), closedAt: noonOf('2025-02-01'), history: [['prospect', noonOf('2024-10-01')], ['won', noonOf('2025-02-01')]] },
      // Park: a deal open since 2024-01-01, untouched: open, so not quiet (the Stalled page speaks of it).
      { id: 'P1', owner: 'Park', createdAt: noonOf('2024-01-01'), history: [['prospect', noonOf('2024-01-01')]] },
      // Choi: a stage entered on 2025-01-15 (166 days before) of a deal lost since: not quiet.
      { id: 'C1', owner: 'Choi', createdAt: noonOf('2024-06-01'), closedAt: noonOf('2024-09-01'), history: [['prospect', noonOf('2024-06-01')], ['lost', noonOf('2024-09-01')]] },
      { id: 'C2', owner: 'Choi', createdAt: noonOf('2024-11-01'), closedAt: noonOf('2025-01-15'), history: [['prospect', noonOf('2024-11-01')], ['lost', noonOf('2025-01-15')]] },
      // Jung: a first deal created after T, none before: not in the data yet at T.
      { id: 'J1', owner: 'Jung', createdAt: noonOf('2025-08-01'), history: [['prospect', noonOf('2025-08-01')]] },
      // Han: quiet since 2024-06-30 (the day 365 days before T).
      { id: 'H1', owner: 'Han', createdAt: noonOf('2024-05-01'), closedAt: noonOf('2024-06-30'), history: [['prospect', noonOf('2024-05-01')], ['won', noonOf('2024-06-30')]] },
    ]);
    const ctx = contextAt(prepare(dataset, config), '2025-06-30');
    // Longest quiet first.
    expect(quietOwners(ctx)).toEqual([
      { owner: 'Han', last_activity: '2024-06-30' },
      { owner: 'Kim', last_activity: '2024-12-01' },
    ]);
  });

  it('on the sample: 최지훈, quiet since Feb 24, 2025, named on the Repurchase page and his own page; a filter keeps all deals’ view', async () => {
    const { dataset, config: sampleConfig } = await readFolder('data/sample');
    const site = buildSiteData(dataset, sampleConfig, '2026-06-30', { dataLabel: 'sample', trends: false });
    expect(site.quiet_owners).toEqual([{ owner: '최지훈', last_activity: '2025-02-24' }]);
    const ctx = pageContext(site, 'en');
    const intro = repurchaseModel(ctx).tableIntros![0]![1];
    // Of his customers' repurchases not followed up: 동아정공 overdue (Jan 9, 2026), 오성정밀 and 보성전자 due in Mar and Apr 2027.
    expect(intro).toContain(
      '3 of the repurchases overdue or due within 12\u00a0months were sold by owners with no open deal and no deal activity in the last 180\u00a0days (최지훈, marked ⚠ in the Owner column): hand those customers to a current owner.',
    );
    const due = repurchaseModel(ctx).tables.find((t) => t.id === 'repurchase-due')!;
    const owner = due.headers.findIndex((h) => h.label === 'Owner');
    const marked = due.rows.filter((r) => r[owner]!.note !== undefined);
    expect(marked.slice(0, 3).map((r) => [r[0]!.text, r[owner]!.text, r[owner]!.note, r[owner]!.tone])).toEqual([
      ['동아정공', '최지훈', 'no deal activity since Feb 24, 2025', 'bad'],
      ['오성정밀', '최지훈', 'no deal activity since Feb 24, 2025', 'bad'],
      ['보성전자', '최지훈', 'no deal activity since Feb 24, 2025', 'bad'],
    ]);
    expect(marked.every((r) => r[owner]!.text === '최지훈')).toBe(true);
    const row = site.owners.rows.find((r) => r.name === '최지훈')!;
    const ko = pageContext(site, 'ko');
    expect(ko.f.date('2025-02-24').replace(/\s/gu, ' ')).toBe('2025. 2. 24.');
    expect(ownerModel(ko, row).notes[0]).toBe(
      `진행 중인 딜이 없고 ${ko.f.date('2025-02-24')} 이후(기준일 전 180일 넘게) 딜 활동이 없습니다. 이 담당자의 고객사 재구매 중 3건이 기한이 지났거나 12개월 안에 돌아옵니다. 현재 담당자에게 넘기세요.`,
    );
    // Another owner's page says nothing of it.
    expect(ownerModel(ctx, site.owners.rows.find((r) => r.name === '김민준')!).notes.join(' ')).not.toMatch(/no deal activity/u);
    // Under a product filter whose deals 최지훈 never sold, and under his own, the quiet owners are all deals' (a
    // filter's own would call every owner without that product's deals quiet).
    const data = { dataset, config: sampleConfig, site: filterSiteFacts(site, sampleConfig) };
    for (const filter of [{ ...NO_FILTER, product: 'ROBOT-ARM' }, { ...NO_FILTER, owner: '최지훈' }]) {
      expect(filteredSiteData(data, filter).site.quiet_owners).toEqual(site.quiet_owners);
    }
  });
});
