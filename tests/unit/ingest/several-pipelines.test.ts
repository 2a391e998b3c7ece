/**
 * A canonical deals.csv carrying a CRM's `pipeline` column with two
 * pipelines (new business and renewals): input.md has no pipelines, so the
 * deals are read as one funnel, and the Data quality page says so, in both
 * languages, with what to do.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

const HISTORY = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD2,prospect,2025-01-03\nD3,prospect,2025-01-04\n';
const read = (deals: string) => loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8(HISTORY) }).dataset;

describe('a pipeline column in deals.csv', () => {
  it('naming two pipelines: one warning listing each with its deals, in English and Korean', () => {
    const dataset = read('deal_id,account_id,owner,amount,created_at,stage,Pipeline\nD1,A1,Kim,100,2025-01-02,prospect,New business\nD2,A1,Kim,100,2025-01-03,prospect,Renewals\nD3,A2,Lee,100,2025-01-04,prospect,New business\n');
    expect(dataset.deals).toHaveLength(3);
    const warnings = dataset.issues.filter((i) => i.code === 'several_pipelines');
    expect(warnings).toEqual([
      {
        file: 'deals.csv',
        line: 1,
        column: 'pipeline',
        code: 'several_pipelines',
        severity: 'warning',
        message:
          'the pipeline column names 2 pipelines ("New business": 2 deals, "Renewals": 1 deal), and they are read together as one funnel: to see one apart, read its deals and their history rows alone with --pipeline "<name>"',
      },
    ]);
    expect(issueMessage(warnings[0]!, 'ko')).toBe(
      'pipeline 열에 파이프라인이 2개 있습니다("New business": 딜 2건, "Renewals": 딜 1건). 모두 하나의 퍼널로 읽었습니다. 파이프라인 하나만 따로 보려면 --pipeline "<이름>"으로 그 파이프라인의 딜과 이력 행만 읽으세요',
    );
  });

  it('naming one pipeline (empty cells aside), or absent: no warning', () => {
    const one = read('deal_id,account_id,owner,amount,created_at,stage,pipeline\nD1,A1,Kim,100,2025-01-02,prospect,Renewals\nD2,A1,Kim,100,2025-01-03,prospect,\nD3,A2,Lee,100,2025-01-04,prospect,Renewals\n');
    expect(one.issues.filter((i) => i.code === 'several_pipelines')).toEqual([]);
    // Spelt in another case or spacing: one pipeline, as --pipeline matches it.
    const spelt = read('deal_id,account_id,owner,amount,created_at,stage,pipeline\nD1,A1,Kim,100,2025-01-02,prospect,Renewals\nD2,A1,Kim,100,2025-01-03,prospect,renewals\nD3,A2,Lee,100,2025-01-04,prospect,RE newals\n');
    expect(spelt.issues.filter((i) => i.code === 'several_pipelines')).toEqual([]);
    const none = read('deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-02,prospect\n');
    expect(none.issues.filter((i) => i.code === 'several_pipelines')).toEqual([]);
  });
});
