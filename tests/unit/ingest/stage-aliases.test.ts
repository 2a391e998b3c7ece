/**
 * A stage renamed mid-year: the history keeps the old name. `aliases` reads
 * it as the stage (never shown); the unmatched-stage snippet, pasted over the
 * whole `stages` list, keeps each stage's buyer step and aliases.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/lib/ingest/config.ts';
import { normalizeStageName, stageLookup } from '../../../src/lib/ingest/stage-names.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { stagesSnippet } from '../../../src/lib/ingest/vendor/stage-snippet.ts';
import { utf8 } from './helpers.ts';

const STAGES = [
  { id: 'awareness', kind: 'open', label: { ko: '문제인식', en: 'Problem recognition' }, buyer_step: { ko: '문제 인식', en: 'Recognises the problem' } },
  { id: 'evaluate', kind: 'open', probability: 0.5, label: { ko: '대안평가', en: 'Evaluation' }, aliases: ['제안검토'] },
  { id: 'contract', kind: 'won', label: { ko: '계약' } },
  { id: 'fail', kind: 'lost', label: { ko: '실패' } },
];

const DEALS = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-02,대안평가\nD2,A1,Kim,200,2025-01-03,계약\n';
const HISTORY = 'deal_id,stage,entered_at\nD1,문제인식,2025-01-02\nD1,제안 검토,2025-03-01\nD1,대안평가,2025-08-01\nD2,문제인식,2025-01-03\nD2,제안검토,2025-02-01\nD2,계약,2025-04-01\n';

const read = (stages: unknown[]) =>
  loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY), 'pipeline.config.json': utf8(JSON.stringify({ stages })) }).dataset;

describe('stage aliases', () => {
  it('reads history rows under a stage\'s former name as that stage, ignoring case and spaces as for labels', () => {
    const dataset = read(STAGES);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset.files['stage_history.csv']).toEqual({ rows: 6, accepted: 6, rejected: 0 });
    const config = parseConfig({ stages: STAGES });
    const ids = Array.from({ length: dataset.stageHistory.length }, (_, i) => config.stages[dataset.stageHistory.stage[i]!]!.id);
    expect(ids.filter((id) => id === 'evaluate')).toHaveLength(3);
    expect(stageLookup(config).get(normalizeStageName('제안 검토'))?.id).toBe('evaluate');
  });

  it('without the alias, the old name\'s rows are rejected, each saying to add it to the stage\'s "aliases"', () => {
    const dataset = read(STAGES.map(({ aliases: _, ...s }) => s));
    const rejected = dataset.issues.filter((i) => i.code === 'unknown_stage');
    expect(rejected.map((i) => i.line)).toEqual([3, 6]);
    expect(rejected[0]!.message).toMatch(/^stage "제안 검토" is not a configured stage id or label \(.*\); add it to "stages" in pipeline\.config\.json or, if it is another name of a configured stage \(its name before a rename\), to that stage's "aliases"$/u);
  });

  it('refuses an alias that is another stage\'s name, naming where it is', () => {
    const stages = [...STAGES.slice(0, 1), { ...STAGES[1], aliases: ['제안검토', '문제 인식'] }, ...STAGES.slice(2)];
    expect(() => parseConfig({ stages })).toThrow(ConfigError);
    expect(() => parseConfig({ stages })).toThrow(
      'pipeline.config.json: stages[1].aliases[1]: "문제 인식" of stage "evaluate" and "문제인식" of stage "awareness" are the same name once case and spaces are ignored',
    );
    expect(() => parseConfig({ stages: [{ ...STAGES[0], aliases: [''] }, ...STAGES.slice(1)] })).toThrow('pipeline.config.json: stages[0].aliases[0]: must be a non-empty name');
  });

  it('the unmatched-stage snippet keeps every configured stage as configured, buyer steps and aliases too, and makes a won-looking name an alias of the won stage', () => {
    const snippet = stagesSnippet(parseConfig({ stages: STAGES }), ['Demo', 'Closed Won']);
    const stages = (JSON.parse(`{${snippet}}`) as { stages: Record<string, unknown>[] }).stages;
    expect(stages.map((s) => s.id)).toEqual(['awareness', 'evaluate', 'demo', 'contract', 'fail']);
    expect(stages[0]!.buyer_step).toEqual({ ko: '문제 인식', en: 'Recognises the problem' });
    expect(stages[1]!.aliases).toEqual(['제안검토']);
    expect(stages[3]).toEqual({ id: 'contract', kind: 'won', probability: 1, label: { ko: '계약' }, aliases: ['Closed Won'] });
    // Pasted back, it is a valid config that keeps the buyer steps.
    const config = parseConfig({ stages });
    expect(config.stages[0]!.buyer_step).toEqual({ ko: '문제 인식', en: 'Recognises the problem' });
  });
});

describe('stage_mismatch names each stage as the data writes it', () => {
  it('gives the stage\'s label in the config\'s language beside its id, in English and Korean', () => {
    const deals = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-02,대안평가\n';
    const history = 'deal_id,stage,entered_at\nD1,문제인식,2025-01-02\n';
    const dataset = loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8(history), 'pipeline.config.json': utf8(JSON.stringify({ locale: 'ko', stages: STAGES })) }).dataset;
    const issue = dataset.issues.find((i) => i.code === 'stage_mismatch')!;
    expect(issue.message).toBe('stage is "evaluate" (대안평가) but the latest stage_history row (line 2) is "awareness" (문제인식); the history wins');
    expect(issueMessage(issue, 'ko')).toBe('stage는 "evaluate" (대안평가)이지만 마지막 stage_history 행(2행)은 "awareness" (문제인식)입니다. 이력을 따릅니다');
  });
});
