/**
 * Cells typed for "no value" (`-`, `N/A`, `없음`): in a text that only
 * describes a deal they are read as empty, with a warning, so a keyman `-`
 * is no identified keyman; in an owner or account_id they are kept, with a
 * warning saying what that does to the figures.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { isPlaceholder } from '../../../src/lib/ingest/placeholders.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

const TEXT = 'stands for no value: read as empty; leave the cell empty when there is nothing to say';

function load(deals: string[], history: string[]) {
  return loadDataset({
    'deals.csv': utf8([...deals, ''].join('\n')),
    'stage_history.csv': utf8(['deal_id,stage,entered_at', ...history, ''].join('\n')),
    'pipeline.config.json': utf8('{ "currency": "KRW", "stall_days": { "propose": 30 } }'),
  });
}

describe('placeholders for no value', () => {
  it('are the dashes and the English and Korean words for none, in any case, and nothing else', () => {
    for (const cell of ['-', '--', '—', '–', '－', 'N/A', 'n/a', 'None', 'NULL', 'NONE', 'N.A.', '(None)', '(BLANK)', '(none)', '(blank)', '없음', '미정', '해당 없음', '해당없음']) expect(isPlaceholder(cell), cell).toBe(true);
    for (const cell of ['', 'NA', 'No', 'Nonesuch', 'n/a later', '-1', 'A-1', 'Kim', '김민수', '미정산', 'TBD', 'Unknown', '#N/A', '강도윤', '김', 'Nil Kim', '(주)한빛']) expect(isPlaceholder(cell), cell).toBe(false);
  });

  it('in a describing text: read as empty with a warning, so a keyman "-" is flagged as missing like an empty one', () => {
    const { dataset, config } = load(
      [
        'deal_id,account_id,owner,team,amount,created_at,stage,keyman,competitor',
        'D1,A1,Kim,T1,100,2025-01-05,propose,-,N/A',
        'D2,A1,Kim,없음,200,2025-01-05,propose,,',
        'D3,A2,Kim,T1,300,2025-01-05,propose,Lee,Rival',
      ],
      ['D1,propose,2025-01-05', 'D2,propose,2025-01-05', 'D3,propose,2025-01-05'],
    );
    expect(dataset.deals.map((d) => [d.id, d.team, d.keyman, d.competitor])).toEqual([
      ['D1', 'T1', '', ''],
      ['D2', '', '', ''],
      ['D3', 'T1', 'Lee', 'Rival'],
    ]);
    expect(dataset.issues.filter((i) => i.code === 'placeholder_value').map((i) => `${i.line} ${i.column} ${i.severity}: ${i.message}`)).toEqual([
      `2 competitor warning: competitor "N/A" ${TEXT}`,
      `2 keyman warning: keyman "-" ${TEXT}`,
      `3 team warning: team "없음" ${TEXT}`,
    ]);
    const stalled = computeMetrics(dataset, config, '2025-06-30').stalled;
    // In Proposal from Jan 5 to the as-of date's end (Jul 1, 00:00): 26 + 28 + 31 + 30 + 31 + 30 + 1 = 177 days against
    // a threshold of 30, all three stalled; D1 and D2 name no keyman.
    expect(stalled.map((s) => [s.deal_id, s.days_in_stage, s.flags.includes('no_keyman')])).toEqual([
      ['D1', 177, true],
      ['D2', 177, true],
      ['D3', 177, false],
    ]);
    expect(dataset.files['deals.csv']).toEqual({ rows: 3, accepted: 3, rejected: 0 });
  });

  it('in an owner or account_id: kept as written (the deal stays in every total), with a warning', () => {
    const { dataset } = load(
      ['deal_id,account_id,owner,amount,created_at,stage', 'D1,-,-,100,2025-01-05,propose', 'D2,A1,Kim,200,2025-01-05,propose'],
      ['D1,propose,2025-01-05', 'D2,propose,2025-01-05'],
    );
    expect(dataset.deals.map((d) => [d.id, d.accountId, d.owner])).toEqual([
      ['D1', '-', '-'],
      ['D2', 'A1', 'Kim'],
    ]);
    const said = dataset.issues.filter((i) => i.code === 'placeholder_value');
    expect(said.map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual([
      `2 account_id: account_id "-" stands for no value, but is read as written: every deal with it counts as one account "-"; write the account's id`,
      `2 owner: owner "-" stands for no value, but is read as written: every deal with it counts as one owner "-"; write the owner's name`,
    ]);
    expect(said.map((i) => issueMessage(i, 'ko'))).toEqual([
      'account_id "-"는 값이 없다는 표시이지만 적힌 그대로 읽었습니다. 이 값이 적힌 딜은 모두 고객사 "-" 하나로 집계됩니다. 고객사 ID를 적으세요',
      'owner "-"는 값이 없다는 표시이지만 적힌 그대로 읽었습니다. 이 값이 적힌 딜은 모두 담당자 "-" 한 명으로 집계됩니다. 담당자 이름을 적으세요',
    ]);
  });

  it('says so in Korean', () => {
    expect(issueMessage({ code: 'placeholder_value', message: `keyman "없음" ${TEXT}` }, 'ko')).toBe('keyman "없음"은 값이 없다는 표시입니다. 빈 값으로 읽었습니다. 적을 내용이 없으면 셀을 비워 두세요');
  });
});
