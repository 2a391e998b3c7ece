/**
 * targets.csv's columns that are not read are said on its header (ingest/target-columns.ts): a target per region
 * was read as the whole company's, its other regions refused as duplicates with no word on why.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

const DEALS = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A,Kim,100,2025-01-02,prospect\n';

function load(targets: string) {
  const { dataset } = loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), 'targets.csv': utf8(targets) });
  return { dataset, issues: dataset.issues.filter((i) => i.file === 'targets.csv').map((i) => `${i.line} ${i.column} ${i.severity} ${i.code}: ${i.message}`) };
}

const NOT_READ = 'is not read: a target is for a period and an owner, a team or the whole company (owner and team empty), so rows that differ only in it are one target, and the later ones are refused as duplicates';

describe("targets.csv's columns that are not read", () => {
  it('targets per region and product: each column said once on the header, beside the duplicates it causes', () => {
    const { dataset, issues } = load('period,target_amount,Region,product\n2025-Q2,1000,Seoul,A\n2025-Q2,2000,Busan,B\n2025-Q3,3000,Seoul,\n');
    expect(issues).toEqual([
      // Sorted by column, by code point.
      `1 Region warning target_column_not_read: column "Region" ${NOT_READ}`,
      `1 product warning target_column_not_read: column "product" ${NOT_READ}`,
      '3 period error duplicate_target: a target for 2025-Q2 and the whole company already appears on line 2; this later row is rejected',
    ]);
    expect(dataset.targets!.map((t) => [t.period, t.targetAmount])).toEqual([
      ['2025-Q2', 1000],
      ['2025-Q3', 3000],
    ]);
    const region = dataset.issues.find((i) => i.column === 'Region')!;
    expect(issueMessage(region, 'ko')).toBe('"Region" 열은 읽지 않습니다. 목표는 기간마다 담당자, 팀 또는 전사(owner와 team을 비움)의 것이므로 이 열만 다른 행들은 하나의 목표가 되고, 뒤의 행은 중복으로 제외됩니다');
  });

  it('nothing for a column empty in every row, a look-alike of a known one (said as such) or a repeated known one', () => {
    expect(load('period,target_amount,empty,Owners\n2025-Q2,1000,,Kim\n').issues).toEqual(['1 Owners warning column_not_read: column "Owners" is not read: if it is owner, name it so']);
    expect(load('period,target_amount,team,team\n2025-Q2,1000,A,B\n').issues).toEqual(['1 team warning duplicate_column: column "team" appears 2 times (columns 3 and 4); the first one is used']);
    expect(load('period,owner,team,target_amount\n2025-Q2,,,1000\n').issues).toEqual([]);
  });
});
