/** A deal in a currency the config has no rate for: the row is rejected, saying what to add to the config, in English and Korean. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

describe('missing_fx_rate', () => {
  it('names the currency and the "fx" entry to add', () => {
    const dataset = loadDataset({
      'deals.csv': utf8('deal_id,account_id,owner,amount,currency,created_at,stage\nD1,A1,Kim,100,JPY,2025-01-02,prospect\nD2,A1,Kim,100,USD,2025-01-02,prospect\n'),
      'stage_history.csv': utf8('deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD2,prospect,2025-01-02\n'),
      'pipeline.config.json': utf8('{"currency": "KRW", "fx": {"USD": 1380}}'),
    }).dataset;
    expect(dataset.deals.map((d) => d.id)).toEqual(['D2']);
    const issue = dataset.issues.find((i) => i.code === 'missing_fx_rate')!;
    expect(issue).toMatchObject({ file: 'deals.csv', line: 2, column: 'currency', severity: 'error' });
    expect(issue.message).toBe(
      'currency JPY has no rate in the config "fx" (amounts are reported in KRW); add "fx": {"JPY": <KRW for 1 JPY>} to pipeline.config.json to read the row',
    );
    expect(issueMessage(issue, 'ko')).toBe('currency JPY의 환율이 설정 "fx"에 없습니다(금액은 KRW로 집계합니다). 이 행을 읽으려면 pipeline.config.json에 "fx": {"JPY": <1 JPY당 KRW>}를 추가하세요');
  });
});
