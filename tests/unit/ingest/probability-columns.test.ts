/**
 * A deals.csv column of the deal's own probability or weighted amount is said not to be read
 * (ingest/probability-columns.ts): the weighted pipeline weights by the stage's probability.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { utf8 } from './helpers.ts';

const load = (header: string, cells: string) =>
  loadDataset({ 'deals.csv': utf8(`deal_id,account_id,owner,amount,created_at,stage${header}\nD1,A,Kim,1000,2025-01-02,prospect${cells}\n`), 'stage_history.csv': utf8('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n') });
const said = (header: string, cells: string) => load(header, cells).dataset.issues.map((i) => `${i.line} ${i.column} ${i.code}: ${i.message}`);
const WEIGHTS = `is not read: the weighted pipeline weights each open deal by its stage's probability in pipeline.config.json ("stages"), not by a deal's own`;

describe("a deal's own probability or weighted amount", () => {
  it('is said on the header, once per column, and the weighted pipeline stays the stage probability times the amount', () => {
    expect(said(',Probability (%),Expected Revenue,수주 확률', ',90,900,90')).toEqual([
      `1 Expected Revenue probability_not_read: column "Expected Revenue" ${WEIGHTS} weighted amount`,
      `1 Probability (%) probability_not_read: column "Probability (%)" ${WEIGHTS} probability`,
      `1 수주 확률 probability_not_read: column "수주 확률" ${WEIGHTS} probability`,
    ]);
    const { dataset, config } = load(',Probability', ',90');
    // The default config's first stage: prospect at 0.1, so 1000 x 0.1, not 1000 x 0.9.
    expect(config.stages[0]).toMatchObject({ id: 'prospect', probability: 0.1 });
    expect(computeMetrics(dataset, config, '2025-06-30').pipeline.weighted_amount).toBe(100);
  });

  it('other columns with "probability" in their names say nothing', () => {
    expect(said(',Stage probability,Probability note', ',10,x')).toEqual([]);
  });

  it('in Korean', () => {
    // Sorted by column: weighted_amount before win_probability.
    const [weighted, probability] = load(',win_probability,weighted_amount', ',90,900').dataset.issues;
    expect(issueMessage(probability!, 'ko')).toBe('"win_probability" 열은 읽지 않습니다. 가중 파이프라인은 진행 중인 딜마다 pipeline.config.json("stages")에 정한 단계의 확률로 가중하며, 딜마다 따로 적은 확률은 쓰지 않습니다');
    expect(issueMessage(weighted!, 'ko')).toBe('"weighted_amount" 열은 읽지 않습니다. 가중 파이프라인은 진행 중인 딜마다 pipeline.config.json("stages")에 정한 단계의 확률로 가중하며, 딜마다 따로 적은 가중 금액은 쓰지 않습니다');
  });
});
